"""Validate a ledger: read it, run every rule, give each finding its configured severity.

>>> from pathlib import Path
>>> result = validate(Config.default(Path("tests/examples/clean")))
>>> result.findings
()
"""

from __future__ import annotations

import attrs

from claimledger.config import Config
from claimledger.findings import Finding
from claimledger.ledger import LedgerFiles, read_ledger
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


def validate(config: Config) -> Validation:
    """Read and check the ledger ``config`` describes."""
    ledger, load_findings = read_ledger(config)
    return Validation(ledger, lint(ledger, load_findings))
