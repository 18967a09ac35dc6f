"""Every rule, by code: the modules of this package, collected.

>>> [rule.code for rule in RULES][:3]
['CL001', 'CL002', 'CL003']
"""

from __future__ import annotations

from claimledger.rules import (
    ambiguous_quote,
    control_character,
    corpus_changed,
    duplicate_id,
    duplicate_key,
    empty_quote,
    framing_in_quote,
    id_format,
    nothing_to_check,
    outside_ledger,
    possible_misquote,
    quote_not_found,
    said_after_published,
    schema,
    unchecked_quote,
    unknown_related,
    unknown_source,
    unknown_speaker,
    verdict_not_on_scale,
    yaml_syntax,
)
from claimledger.rules.base import Rule, rule_from_module

__all__ = ["RULES", "RULES_BY_CODE"]

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
                nothing_to_check,
                id_format,
                control_character,
                unchecked_quote,
                framing_in_quote,
            )
        ),
        key=lambda rule: rule.code,
    )
)
RULES_BY_CODE = {rule.code: rule for rule in RULES}
