"""Every command works on any ledger validate accepts; none drops a claim or quote silently."""

from __future__ import annotations

import pytest

from tests.conftest import MakeLedger, run_cli

UNKNOWN_SPEAKER = """\
claims:
  - id: by-nobody
    statement: Said by a speaker the registry does not know.
    speaker: nobody
    quotes:
      - source: elsewhere
        text: Obviously.
"""


@pytest.mark.parametrize("code", ["CL004", "CL005", "CL006"])
def test_resolving_rules_cannot_be_downgraded(make_ledger: MakeLedger, code: str) -> None:
    root = make_ledger({"claims/more.yaml": UNKNOWN_SPEAKER})
    pyproject = root / "pyproject.toml"
    pyproject.write_text(
        pyproject.read_text() + f'\n[tool.claimledger.rules]\n{code} = "warning"\n'
    )
    for command in (
        ["validate"],
        ["query", "--format", "ids"],
        ["export", "-f", "claimreview"],
    ):
        result = run_cli(*command, cwd=root)
        assert result.returncode == 2, (command, result.stdout, result.stderr)
        assert f"{code} " in result.stderr, command
        assert "cannot be changed" in result.stderr, command
        assert "internal error" not in result.stderr


def test_a_downgraded_related_rule_leaves_every_command_working(make_ledger: MakeLedger) -> None:
    more = "claims:\n  - {id: x, statement: S., speaker: spokesman, related: [nope]}\n"
    root = make_ledger({"claims/more.yaml": more})
    pyproject = root / "pyproject.toml"
    pyproject.write_text(pyproject.read_text() + '\n[tool.claimledger.rules]\nCL007 = "warning"\n')
    assert run_cli("validate", cwd=root).returncode == 0
    ids = run_cli("query", "--format", "ids", cwd=root)
    assert ids.returncode == 0
    assert sorted(ids.stdout.split()) == [
        "multiple-interventions",
        "us-is-an-intervening-power",
        "x",
    ]
    assert run_cli("show", "x", cwd=root).returncode == 0
    for fmt in ("claimreview", "csl-json", "bibtex", "jsonl"):
        result = run_cli("export", "-f", fmt, cwd=root)
        assert result.returncode == 0, (fmt, result.stderr)
    assert run_cli("render", "--single-page", "-o", "-", cwd=root).returncode == 0
