"""The rules, one module each, and the one runner that runs them (:mod:`.runner`).

Each rule module has a ``CODE`` (stable: ``CL`` and three digits), a ``NAME``,
a default ``SEVERITY``, a docstring whose first line is the rule's one-line doc
(with a passing and a failing example below it) and, unless the loader applies
it, a ``check(ledger)`` generator of problems.

>>> [rule.code for rule in RULES][:3]
['CL001', 'CL002', 'CL003']
>>> RULES_BY_CODE["CL009"].name
'quote-not-found'
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from claimledger.lazy import lazy_exports

if TYPE_CHECKING:
    from claimledger.rules.base import Passage, Problem, Rule, passages
    from claimledger.rules.registry import RULES, RULES_BY_CODE
    from claimledger.rules.runner import Checks, run_rules, settle

__all__ = [
    "RULES",
    "RULES_BY_CODE",
    "Checks",
    "Passage",
    "Problem",
    "Rule",
    "passages",
    "run_rules",
    "settle",
]

# Each part imported when first used: settling a cached run's findings needs no rule.
__getattr__, __dir__ = lazy_exports(
    __name__,
    {
        "Passage": "claimledger.rules.base",
        "Problem": "claimledger.rules.base",
        "Rule": "claimledger.rules.base",
        "passages": "claimledger.rules.base",
        "RULES": "claimledger.rules.registry",
        "RULES_BY_CODE": "claimledger.rules.registry",
        "Checks": "claimledger.rules.runner",
        "run_rules": "claimledger.rules.runner",
        "settle": "claimledger.rules.runner",
    },
)
