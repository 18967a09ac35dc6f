"""The one place rules run: each rule turned on, its checks called, its problems made findings.

Validation (:func:`claimledger.check.validate`), the incremental validator and
the query API's loader all run rules through :func:`run_rules`; they differ
only in which checks they ask for (:data:`Checks`). A rule the configuration
turns ``off`` is never called. :func:`settle` then gives every finding, the
loader's included, its configured severity.

>>> from pathlib import Path
>>> from claimledger.config import Config
>>> from claimledger.ledger import read_ledger
>>> files, loaded = read_ledger(Config.default(Path("tests/examples/clean")))
>>> settle(files.config, [*loaded, *run_rules(files)])
()
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING, Literal

import attrs

from claimledger.config import Config, ConfigError
from claimledger.findings import Finding

if TYPE_CHECKING:
    from claimledger.ledger import LedgerFiles
    from claimledger.rules.base import Check, Rule

__all__ = ["Checks", "run_rules", "settle"]

#: Which of a rule's checks to call:
#: ``"all"`` every check (a whole ledger read at once);
#: ``"file"`` the claim checks of file-scope rules (one claim file against the registry);
#: ``"ledger"`` the registry checks and the claim checks of ledger-scope rules (over the
#: merged index of an incremental run); ``"registry"`` and ``"index"`` each of those two halves.
Checks = Literal["all", "file", "ledger", "registry", "index"]


def _checks(rule: Rule, which: Checks) -> tuple[Check, ...]:
    if which == "all":
        return rule.checks()
    if which == "file":
        return (rule.check,) if rule.check is not None and rule.scope == "file" else ()
    registry = rule.check_registry if which in ("ledger", "registry") else None
    ledger_wide = rule.check if rule.scope == "ledger" and which in ("ledger", "index") else None
    return tuple(c for c in (registry, ledger_wide) if c is not None)


def run_rules(
    ledger: LedgerFiles, rules: Iterable[Rule] | None = None, *, which: Checks = "all"
) -> list[Finding]:
    """The findings of ``rules`` (default: every rule) over ``ledger``, at each rule's
    default severity.

    A rule set to ``off`` in the ledger's configuration is skipped, not run and filtered.
    """
    from claimledger.rules.registry import RULES  # the rules and all they use, when run

    config = ledger.config
    findings: list[Finding] = []
    for rule in RULES if rules is None else rules:
        if config.severity(rule.code, rule.severity) is None:
            continue
        for check in _checks(rule, which):
            findings += (
                Finding(rule.code, rule.severity, problem.message, problem.location)
                for problem in check(ledger)
            )
    return findings


def check_settings(config: Config) -> None:
    """Refuse a ``[tool.claimledger.rules]`` entry for an unknown or a loader's rule."""
    if not config.rules:
        return
    from claimledger.rules.registry import RULES_BY_CODE  # only to check a setting

    for code in config.rules:
        rule = RULES_BY_CODE.get(code)
        if rule is None:
            raise ConfigError(f"{config.source}: [tool.claimledger.rules]: unknown rule {code!r}")
        if rule.phase == "load":
            raise ConfigError(
                f"{config.source}: [tool.claimledger.rules]: {code} ({rule.name}) is applied "
                "while reading files and cannot be changed"
            )
        if rule.fixed:
            raise ConfigError(
                f"{config.source}: [tool.claimledger.rules]: {code} ({rule.name}) cannot be "
                "changed: a claim or quote whose reference does not resolve would be dropped "
                "by query, show, render and export"
            )


def settle(config: Config, findings: Iterable[Finding]) -> tuple[Finding, ...]:
    """Give findings their configured severity, drop those of rules turned off, sort."""
    check_settings(config)
    settled = []
    for finding in findings:
        severity = config.severity(finding.code, finding.severity)
        if severity is not None:
            settled.append(attrs.evolve(finding, severity=severity))
    return tuple(sorted(set(settled), key=Finding.sort_key))
