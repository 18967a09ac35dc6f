"""What a rule is: a code, a name, a one-line summary, a default severity, a check.

A rule's ``check`` (claims) and ``check_registry`` (speakers and corpus) are
generators over the ledger yielding :class:`Problem`
values (a place and a message); the linter turns them into findings with the
configured severity. Load rules (YAML syntax, schema, ...) are reported by the
loader itself, so their ``check`` is ``None``.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from types import ModuleType
from typing import Literal

import attrs

from claimledger.findings import Location, Severity
from claimledger.ledger import LedgerFiles, Origin
from claimledger.models import Claim, Evidence, Quote

__all__ = ["Passage", "Problem", "Rule", "passages", "rule_from_module"]


@attrs.frozen
class Problem:
    """One thing a rule found wrong, before a severity is given to it."""

    location: Location
    message: str


Check = Callable[[LedgerFiles], Iterator[Problem]]


@attrs.frozen
class Rule:
    code: str
    name: str
    summary: str
    severity: Severity
    #: Checks the claims; ``None`` for rules the loader applies while reading files.
    check: Check | None
    doc: str
    #: Checks the speaker registry and the corpus, which do not change per claim file.
    check_registry: Check | None = None
    #: ``"ledger"`` for rules that need every claim (through ``LedgerFiles.index``);
    #: ``"file"`` for rules that can check one claim file against the registry and corpus.
    scope: Literal["file", "ledger"] = "file"

    @property
    def phase(self) -> Literal["load", "check"]:
        return "load" if self.check is None and self.check_registry is None else "check"

    def checks(self) -> tuple[Check, ...]:
        """Every check of the rule, claims and registry alike."""
        return tuple(c for c in (self.check, self.check_registry) if c is not None)


def rule_from_module(module: ModuleType) -> Rule:
    """A rule from a module with CODE, NAME, SEVERITY, an optional check() and a docstring."""
    doc = (module.__doc__ or "").strip()
    return Rule(
        code=module.CODE,
        name=module.NAME,
        summary=doc.splitlines()[0] if doc else module.NAME,
        severity=module.SEVERITY,
        check=getattr(module, "check", None),
        doc=doc,
        scope=getattr(module, "SCOPE", "file"),
        check_registry=getattr(module, "check_registry", None),
    )


@attrs.frozen
class Passage:
    """A quote or evidence item of a claim, with the path that locates it."""

    item: Quote | Evidence
    field: Literal["quotes", "supports", "contradicts"]
    index: int
    claim: Claim
    origin: Origin

    def at(self, name: str) -> Location:
        return self.origin.at(self.field, self.index, name)

    @property
    def label(self) -> str:
        return {"quotes": "quote", "supports": "supporting", "contradicts": "contradicting"}[
            self.field
        ]


def passages(ledger: LedgerFiles) -> Iterator[Passage]:
    """Every quote and evidence item of every claim, in ledger order."""
    for claim, origin in ledger.located_claims():
        for field in ("quotes", "supports", "contradicts"):
            items: tuple[Quote | Evidence, ...] = getattr(claim, field)
            for index, item in enumerate(items):
                yield Passage(item, field, index, claim, origin)
