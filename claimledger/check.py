"""Validate a ledger: read it, run every rule, give each finding its configured severity.

>>> from pathlib import Path
>>> result = validate(Config.default(Path("tests/examples/clean")))
>>> result.findings
()
"""

from __future__ import annotations

import os
from pathlib import Path

import attrs

from claimledger.config import Config, discover
from claimledger.findings import Finding
from claimledger.ledger import LedgerFiles, layout_findings, read_ledger
from claimledger.rules.runner import run_rules, settle

__all__ = ["Validation", "lint", "settle", "validate"]


@attrs.frozen
class Validation:
    """A ledger as read, and everything found wrong with it, sorted by place."""

    ledger: LedgerFiles
    findings: tuple[Finding, ...]

    @property
    def failed(self) -> bool:
        return any(f.severity.fails for f in self.findings)


def lint(ledger: LedgerFiles, load_findings: list[Finding]) -> tuple[Finding, ...]:
    """Run the check rules over ``ledger`` and settle every finding's severity."""
    return settle(ledger.config, [*load_findings, *run_rules(ledger)])


def validate(config: Config | str | os.PathLike[str]) -> Validation:
    """Read and check a ledger: the one a configuration describes, or the one at a path.

    A path is any file or folder in the ledger; its configuration is found from
    there upwards, as :func:`claimledger.load` and ``claimledger validate`` find it.

    >>> validate("tests/examples/clean").findings
    ()
    >>> validate("tests/examples/nowhere")
    Traceback (most recent call last):
    ...
    FileNotFoundError: no such file or directory: 'tests/examples/nowhere'
    """
    if not isinstance(config, Config):
        start = Path(config)
        if not start.exists():
            raise FileNotFoundError(f"no such file or directory: {os.fspath(config)!r}")
        config = discover(start)
    ledger, load_findings = read_ledger(config)
    load_findings += layout_findings(config, ledger.files)
    return Validation(ledger, lint(ledger, load_findings))
