"""Read the ClaimReview a saved web page carries, as JSON-LD or as microdata.

Fact-checkers publish each review inside its article page, for search engines:
in ``<script type="application/ld+json">`` blocks, or as microdata
(``itemscope itemtype="https://schema.org/ClaimReview"``). extruct (with lxml)
reads both; microdata comes out in JSON-LD's shape (``uniform``), so both go
through :mod:`claimledger.importers.claimreview` and keep the same fields.
Each JSON-LD block is read on its own, so a broken block elsewhere on the page
(an advertiser's, say) is reported and the reviews are still read. Other items
on the page (the site's ``WebSite`` or ``Organization``) are not reviews and
are passed over.

Messages name the page and the item's path (``json-ld[1].reviewRating``): the
extractor keeps no line numbers.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

import attrs

from claimledger.findings import Location
from claimledger.importers.claimreview import Imported, read_reviews
from claimledger.importers.fields import as_list
from claimledger.importers.jsonld import InputError, LocatedJson, Message, types
from claimledger.importers.people import Known
from claimledger.parse import YamlPath

__all__ = ["read_html"]


def _blocks(page: str, path: str) -> tuple[list[Any], list[Any], list[Message]]:
    """The page's JSON-LD blocks and microdata items, and a note for each unreadable block."""
    try:
        from extruct.utils import parse_html
        from extruct.w3cmicrodata import MicrodataExtractor
    except ImportError:
        missing = "reading web pages needs extruct: pip install 'claimledger[html]'"
        raise InputError([Message(Location(path), missing)]) from None

    tree = parse_html(page.encode("utf-8", "surrogatepass"), encoding="UTF-8")
    blocks: list[Any] = []
    notes: list[Message] = []
    for node in tree.xpath('descendant-or-self::script[@type="application/ld+json"]'):
        try:
            blocks.append(json.loads(node.xpath("string()")))
        except (ValueError, RecursionError) as exc:
            where = Location(path, node.sourceline or 1)
            notes.append(Message(where, f"a JSON-LD block is not valid JSON ({exc}); skipped"))
    microdata = MicrodataExtractor().extract_items(tree, None)
    return blocks, [_uniform(item) for item in microdata], notes


def _uniform(item: Any) -> Any:
    """A microdata item as JSON-LD: ``type`` as ``@type``, properties inline, nested items too."""
    if isinstance(item, list):
        return [_uniform(v) for v in item]
    if not isinstance(item, dict) or "properties" not in item:
        return item
    node: dict[str, Any] = {}
    kinds = [k.rstrip("/").rsplit("/", 1)[-1] for k in as_list(item.get("type"))]
    if kinds:
        node["@type"] = kinds[0] if len(kinds) == 1 else kinds
    if "id" in item:
        node["@id"] = item["id"]
    for key, value in item["properties"].items():
        node[key] = _uniform(value)
    return node


def _reviews(data: dict[str, list[Any]]) -> Iterator[tuple[YamlPath, dict[str, Any]]]:
    for syntax, items in data.items():
        for i, item in enumerate(items):
            yield from _in(item, (syntax, i))


def _in(item: Any, path: YamlPath) -> Iterator[tuple[YamlPath, dict[str, Any]]]:
    if isinstance(item, list):
        for i, inner in enumerate(item):
            yield from _in(inner, (*path, i))
    elif isinstance(item, dict):
        if "ClaimReview" in types(item):
            yield path, item
        elif "DataFeedItem" in types(item) and "item" in item:
            yield from _in(item["item"], (*path, "item"))
        else:
            for key in ("@graph", "dataFeedElement"):
                if key in item:
                    yield from _in(item[key], (*path, key))


def read_html(
    page: str, path: str, known: Known | None = None, taken: frozenset[str] = frozenset()
) -> Imported:
    """The claims of the ClaimReview items on a saved page; raise InputError when none."""
    blocks, microdata, notes = _blocks(page, path)
    data = {"json-ld": blocks, "microdata": microdata}
    source = LocatedJson(path, data, None)
    reviews = list(_reviews(data))
    if not reviews:
        raise InputError([*notes, Message(Location(path), "no ClaimReview found in the page")])
    imported = read_reviews(source, reviews, known, taken)
    return attrs.evolve(imported, notes=(*notes, *imported.notes))
