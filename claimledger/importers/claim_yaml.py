"""Write claims as a claim file that the strict loader reads back unchanged.

PyYAML's dumper decides what to quote by YAML 1.1's rules, under which
``1e3`` or ``0o17`` are strings and may be written bare; the ledger's loader
reads YAML 1.2's core schema, where they are numbers. So every string that is
not a plain word is double-quoted, and a plain word is left bare only when
neither schema reads it as anything but a string (``no``, ``null`` and ``true``
are quoted). Dates are strings like any other and come out quoted, as the
README writes them.

>>> from claimledger.models import Claim, Quote
>>> claim = Claim(id="a", statement="1e3", speaker="no", said_on=None,
...               quotes=(Quote(source="s", text="Yes."),))
>>> print(dump_claims([claim]), end="")
claims:
  - id: a
    statement: "1e3"
    speaker: "no"
    quotes:
      - source: s
        text: "Yes."
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Any

import yaml
from yaml.nodes import ScalarNode

from claimledger.models import Claim, Source
from claimledger.structure import unstructure

__all__ = ["dump_claims", "dump_source"]

_WORD = re.compile(r"[A-Za-z][A-Za-z0-9_-]*")


class _Dumper(yaml.SafeDumper):
    """SafeDumper quoting every string that is not an unambiguous word."""

    def increase_indent(self, flow: bool = False, indentless: bool = False) -> None:
        # List items indented under their key, as the README and the seed files write them.
        super().increase_indent(flow, False)


def _str(dumper: yaml.SafeDumper, value: str) -> ScalarNode:
    tag = "tag:yaml.org,2002:str"
    # A word YAML 1.1 reads as a boolean or null (``no``, ``off``, ``null``) is quoted.
    plain = _WORD.fullmatch(value) and yaml.safe_load(value) == value
    return dumper.represent_scalar(tag, value, style=None if plain else '"')


_Dumper.add_representer(str, _str)


def _pruned(value: Any) -> Any:
    # Absent means unknown or default: no ``note: null``, ``topics: []`` or
    # ``kind: direct`` is written (the converter leaves the default kind out).
    if isinstance(value, dict):
        items = ((k, _pruned(v)) for k, v in value.items())
        return {k: v for k, v in items if v is not None and v is not False and v != []}
    if isinstance(value, list):
        return [_pruned(v) for v in value]
    return value


def dump_claims(claims: Iterable[Claim], header: str = "") -> str:
    """A claim file holding ``claims``, after ``header`` (comment lines, if any)."""
    return _dump({"claims": [_pruned(unstructure(claim)) for claim in claims]}, header)


def dump_source(source: Source, header: str = "") -> str:
    """A source's metadata file (``corpus/<id>.yaml``): its id is the file's name.

    >>> print(dump_source(Source("a", kind="web-page", url="https://a.example/x")), end="")
    kind: web-page
    url: "https://a.example/x"
    """
    data = {k: v for k, v in _pruned(unstructure(source)).items() if k != "id"}
    return _dump(data, header)


def _dump(data: dict[str, Any], header: str) -> str:
    body = yaml.dump(
        data,
        Dumper=_Dumper,
        sort_keys=False,  # the models' field order, as people write claim files
        allow_unicode=True,
        width=100_000,  # a quote stays on one line, where grep finds it
        default_flow_style=False,
    )
    return header + body
