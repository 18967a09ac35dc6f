"""The broken example ledger holds one of every error; its findings are a snapshot."""

from __future__ import annotations

from pytest_regressions.data_regression import DataRegressionFixture

from claimledger.check import validate
from claimledger.config import discover
from tests.conftest import EXAMPLES


def _ours(message: str) -> str:
    # After "invalid YAML: " the words are libyaml's, and change between its versions.
    return "invalid YAML: (the parser's words)" if message.startswith("invalid YAML: ") else message


def test_broken_example_findings(data_regression: DataRegressionFixture) -> None:
    result = validate(discover(EXAMPLES / "broken"))
    assert result.failed
    data_regression.check(
        [  # type: ignore[arg-type]  # a list is written as one too
            {
                "at": str(f.location),
                "code": f.code,
                "severity": f.severity.value,
                "message": _ours(f.message),
            }
            for f in result.findings
        ]
    )
    codes = {f.code for f in result.findings}
    # CL016 (nothing to check) cannot stand beside the others: tests/rules/test_nothing_to_check.py.
    assert codes == {f"CL{n:03d}" for n in range(1, 16)}
