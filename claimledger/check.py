"""Validate a ledger: read it, run every rule, give each finding its configured severity.

>>> from pathlib import Path
>>> result = validate(Config.default(Path("tests/examples/clean")))
>>> result.findings
()
"""

from __future__ import annotations

from collections.abc import Iterable

import attrs

from claimledger.config import Config, ConfigError
from claimledger.findings import Finding
from claimledger.ledger import LedgerFiles, layout_findings, read_ledger
from claimledger.rules import RULES, RULES_BY_CODE

__all__ = ["Validation", "lint", "settle", "validate"]


@attrs.frozen
class Validation:
    """A ledger as read, and everything found wrong with it, sorted by place."""

    ledger: LedgerFiles
    findings: tuple[Finding, ...]

    @property
    def failed(self) -> bool:
        return any(f.severity.fails for f in self.findings)


def _check_settings(config: Config) -> None:
    for code in config.rules:
        rule = RULES_BY_CODE.get(code)
        if rule is None:
            raise ConfigError(f"{config.source}: [tool.claimledger.rules]: unknown rule {code!r}")
        if rule.phase == "load":
            raise ConfigError(
                f"{config.source}: [tool.claimledger.rules]: {code} ({rule.name}) is applied "
                "while reading files and cannot be changed"
            )


def lint(ledger: LedgerFiles, load_findings: list[Finding]) -> tuple[Finding, ...]:
    """Run the check rules over ``ledger`` and settle every finding's severity."""
    config = ledger.config
    findings = list(load_findings)
    for rule in RULES:
        if config.severity(rule.code, rule.severity) is None:
            continue
        for check in rule.checks():
            findings += (
                Finding(rule.code, rule.severity, problem.message, problem.location)
                for problem in check(ledger)
            )
    return settle(config, findings)


def settle(config: Config, findings: Iterable[Finding]) -> tuple[Finding, ...]:
    """Give findings their configured severity, drop those of rules turned off, sort."""
    _check_settings(config)
    settled = []
    for finding in findings:
        severity = config.severity(finding.code, finding.severity)
        if severity is not None:
            settled.append(attrs.evolve(finding, severity=severity))
    return tuple(sorted(set(settled), key=Finding.sort_key))


def validate(config: Config) -> Validation:
    """Read and check the ledger ``config`` describes."""
    ledger, load_findings = read_ledger(config)
    load_findings += layout_findings(config, ledger.files)
    return Validation(ledger, lint(ledger, load_findings))
