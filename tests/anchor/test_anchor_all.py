"""The per-document batch path gives, for every quote, exactly what ``anchor()`` gives.

Validation anchors each document's passages with one ``anchor_all`` call; presenters
and the API may anchor one quote with ``anchor``. Every field of every ``Anchoring``
(kind, offsets, parts, paragraphs, prefix and suffix, occurrence, closest passage)
must agree, on the seed ledger, the examples, the corpus retyped and the benchmark's
generated quotes of every kind.
"""

from __future__ import annotations

import importlib.util
import random
from collections import defaultdict
from pathlib import Path
from types import ModuleType

import pytest

from claimledger.anchor import Anchoring, SourceText, anchor, anchor_all
from claimledger.config import Config
from claimledger.ledger import read_ledger
from claimledger.models import Evidence, Quote
from tests.anchor.anchor_corpus import SOURCE_IDS, source

ROOT = Path(__file__).resolve().parents[2]
Requests = list[tuple[str, int | None]]


def _one_by_one(requests: Requests, src: SourceText) -> list[Anchoring]:
    return [anchor(quote, src, occurrence=occurrence) for quote, occurrence in requests]


def _bench() -> ModuleType:
    spec = importlib.util.spec_from_file_location(
        "bench_anchor", ROOT / "benchmarks/bench_anchor.py"
    )
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.mark.parametrize(
    "root", [ROOT, ROOT / "tests/examples/clean", ROOT / "tests/examples/broken"]
)
def test_every_passage_of_a_ledger(root: Path) -> None:
    files, _ = read_ledger(Config.default(root))
    by_document: dict[int, tuple[SourceText, Requests]] = {}
    for claim, _origin in files.located_claims():
        items: tuple[Quote | Evidence, ...] = (
            *claim.quotes,
            *claim.supports,
            *claim.contradicts,
            *claim.context,
        )
        for item in items:
            known = files.sources.get(item.source)
            document = None if known is None else known.version(item.version)
            if document is None or document.text is None:
                continue
            src, requests = by_document.setdefault(
                id(document), (SourceText.build(document.text), [])
            )
            # The passage as written, and as if it named no occurrence or a wrong one.
            requests += [(item.text, occurrence) for occurrence in (item.occurrence, None, 1, 3)]
    assert by_document
    for src, requests in by_document.values():
        assert anchor_all(requests, src) == _one_by_one(requests, src)


@pytest.mark.parametrize("source_id", SOURCE_IDS)
def test_the_corpus_cut_and_retyped(source_id: str) -> None:
    """Slices of each document on no particular edge, as pasted and as retyped, with
    repeats, different typings of one passage, blanks and markup in one batch."""
    bench = _bench()
    src = source(source_id)
    rng = random.Random(source_id)
    requests: Requests = [("", None), ("   ", 2), ("…", None), ("[sic]", None)]
    for _ in range(150):
        at = rng.randrange(len(src.text))
        cut = src.text[at : at + rng.randint(1, 240)]
        requests += [(cut, None), (bench.retype(cut, rng), rng.choice([None, 1, 2]))]
        words = cut.split()
        if len(words) > 6:
            requests.append((" ".join([*words[:2], "...", *words[4:]]), None))
            requests.append((" ".join(["[they]", *words[1:]]), None))
    requests += requests[:40]
    assert anchor_all(requests, src) == _one_by_one(requests, src)


def test_the_benchmark_quotes() -> None:
    """The benchmark's generator: verbatim, retyped, elided, bracketed, altered and
    absent quotes, shuffled across documents and gathered per document as validation
    gathers them."""
    bench = _bench()
    rng = random.Random(2016)
    documents = [bench.document(rng) for _ in range(40)]
    by_document: dict[int, Requests] = defaultdict(list)
    kinds = set()
    for number, document in enumerate(documents):
        for quote, how in bench.quotes(document, 25, rng):
            by_document[number].append((quote, rng.choice([None, None, 1, 2])))
            kinds.add(how)
    assert kinds == {"verbatim", "retyped", "elided", "bracketed", "altered", "absent"}
    statuses = set()
    for number, requests in by_document.items():
        src = SourceText.build(documents[number])
        batch = anchor_all(requests, src)
        assert batch == _one_by_one(requests, src)
        statuses |= {found.status for found in batch}
    assert statuses >= {"found", "possible-misquote", "not-found", "no-such-occurrence"}


def test_a_bad_occurrence_is_refused_as_by_anchor() -> None:
    src = source(SOURCE_IDS[0])
    with pytest.raises(ValueError, match="counts from 1"):
        anchor_all([("Obviously.", None), ("Obviously.", 0)], src)
