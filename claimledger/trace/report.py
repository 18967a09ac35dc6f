"""The trace as a Markdown report for a person: grouped by claim, earliest dated first.

Every passage shown is the archive document's text at the offsets given beside it.
"""

# ruff: noqa: RUF001 - typographic marks are what trace reads past.

from __future__ import annotations

from collections.abc import Mapping

from claimledger.render.escape import markdown_code, markdown_inline, markdown_url
from claimledger.trace.appearance import ArchiveAppearance
from claimledger.trace.result import Trace

__all__ = ["markdown_report"]

_KIND = {
    "exact": "quote, exact",
    "normalised": "quote, retyped",
    "elided": "quote, elided",
    "bracketed": "quote, with insertions",
    "variant": "variant of a quote",
    "repeat": "repeat in other words",
}


def markdown_report(trace: Trace, statements: Mapping[str, str], *, title: str) -> str:
    """The report: a summary, then one section per claim with appearances."""
    grouped = trace.by_claim()
    earliest = trace.earliest()
    documents = sum(s.documents for s in trace.stats)
    lines = [
        f"# {markdown_inline(title)}",
        "",
        f"{len(trace.appearances)} appearance(s) of {len(grouped)} of {len(trace.claims)} "
        f"claim(s) in {documents} document(s) of {len(trace.stats)} shard(s).",
        "",
    ]
    for claim, appearances in grouped.items():
        lines += [
            f"## {markdown_code(claim)}",
            "",
            f"> {markdown_inline(statements.get(claim, ''))}",
            "",
        ]
        first = earliest.get(claim)
        if first is None:
            lines += ["Earliest dated appearance: none of its appearances is dated.", ""]
        else:
            lines += [f"Earliest dated appearance: {_where(first)}, {first.published}.", ""]
        for appearance in appearances:
            lines += _item(appearance)
        lines.append("")
    return "\n".join(lines).rstrip("\n") + "\n"


def _where(a: ArchiveAppearance) -> str:
    name = markdown_code(a.document)
    if a.title:
        name += f" ({markdown_inline(a.title)})"
    return name


def _item(a: ArchiveAppearance) -> list[str]:
    facts = [
        _KIND[a.kind] + (f" of quote {a.quote}" if a.quote and a.kind != "repeat" else ""),
        f"score {a.score:g}",
        a.published or "undated",
        f"¶{a.paragraph}",
        f"characters {a.start}–{a.end}",
    ]
    if a.publisher:
        facts.insert(2, markdown_inline(a.publisher))
    head = f"- {_where(a)}: " + "; ".join(facts)
    if a.url:
        head += f"; {markdown_url(a.url)}"
    lines = [head, f"  > {markdown_inline(a.text)}"]
    if a.changes:
        diffs = ", ".join(f"{_words(c.quote)} → {_words(c.passage)}" for c in a.changes)
        lines.append(f"  - words changed from the quote: {diffs}")
    return lines


def _words(words: tuple[str, ...]) -> str:
    return markdown_inline(" ".join(words)) or "∅"
