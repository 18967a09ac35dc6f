"""The rules, one module each, and the linter that runs them.

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

from claimledger.rules import (
    ambiguous_quote,
    corpus_changed,
    duplicate_id,
    duplicate_key,
    empty_quote,
    framing_in_quote,
    nothing_to_check,
    outside_ledger,
    possible_misquote,
    quote_not_found,
    said_after_published,
    schema,
    unknown_related,
    unknown_source,
    unknown_speaker,
    verdict_not_on_scale,
    yaml_syntax,
)
from claimledger.rules.base import Passage, Problem, Rule, passages, rule_from_module

__all__ = ["RULES", "RULES_BY_CODE", "Passage", "Problem", "Rule", "passages"]

RULES: tuple[Rule, ...] = tuple(
    sorted(
        (
            rule_from_module(module)
            for module in (
                yaml_syntax,
                duplicate_key,
                schema,
                duplicate_id,
                unknown_speaker,
                unknown_source,
                unknown_related,
                corpus_changed,
                quote_not_found,
                possible_misquote,
                ambiguous_quote,
                said_after_published,
                verdict_not_on_scale,
                empty_quote,
                outside_ledger,
                framing_in_quote,
                nothing_to_check,
            )
        ),
        key=lambda rule: rule.code,
    )
)
RULES_BY_CODE = {rule.code: rule for rule in RULES}
