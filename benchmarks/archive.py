"""Generate a realistic archive to trace a ledger through, with planted appearances.

Prose comes from a word-bigram model of the project's corpus (news reports and a
Commons record of 2016), so documents read like news copy and share its vocabulary,
names and figures. Two kinds of document: news reports (2 to 6 kB: headline, url,
date, publisher, paragraphs) and transcripts (20 to 60 kB: one speaker's turn a
paragraph, ``NAME: ...``). The generated ledger's claims each have a quote (a fifth of
them elided, ``A … B``) and a statement; the archive then holds, in chosen documents:

- ``exact``: the quote as the ledger has it;
- ``retyped``: curly quotes and apostrophes, another dash, a non-breaking space, a line
  break inside, the first letter's case changed (plain quotes only);
- ``elided``: the full passage an elided quote was cut from;
- ``changed``: the quote with one word changed (never to be reported as the same words);
- ``paraphrased``: the claim in other words: halves swapped, a third of the content
  words replaced, other function words (to be found as a repeat);
- ``distractor``: a sentence with a few of the claim's content words among others
  (not a repeat).

``planted.jsonl`` lists each planting: claim, kind, shard, document, start and end.

    python benchmarks/archive.py --claims 1000 --megabytes 50 /tmp/archive
"""

# ruff: noqa: RUF001 - typographic marks are what trace reads past.

from __future__ import annotations

import argparse
import bisect
import hashlib
import itertools
import json
import random
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
LEXICON = 200_000
POOL = 50_000
KINDS = ("exact", "retyped", "elided", "changed", "paraphrased", "distractor")
_WORD = re.compile(r"[A-Za-z][A-Za-z'’-]*|[0-9][0-9,.]*")
_FUNCTION = frozenset(
    [
        "a",
        "an",
        "the",
        "and",
        "or",
        "but",
        "of",
        "to",
        "in",
        "on",
        "at",
        "by",
        "for",
        "with",
        "from",
        "as",
        "is",
        "are",
        "was",
        "were",
        "be",
        "been",
        "it",
        "its",
        "this",
        "that",
        "he",
        "she",
        "they",
        "we",
        "his",
        "her",
        "their",
        "not",
        "has",
        "have",
        "had",
        "will",
        "would",
        "said",
    ]
)
PUBLISHERS = ("The Courier", "Evening Standard-Bearer", "Northern Ledger", "Daily Record Office")
SPEAKERS = ("MR SPEAKER", "THE MINISTER", "MS HOLLOWAY", "MR GRANT", "DR OKAFOR", "MRS PATEL")


_SYLLABLES = [c + v for c in "bdfgklmnprstvwz" for v in ("a", "e", "i", "o", "u", "ar", "en", "ol")]


class Prose:
    """Sentences from a bigram model of the corpus, with names and figures mixed in.

    The corpus has some 1,500 distinct words; news archives have hundreds of thousands,
    most of them rare. So a third of the content words are replaced by words of a
    synthetic lexicon of :data:`LEXICON` words drawn with Zipf's law (the n-th commonest
    with weight 1/n), as in natural text: a document shares its common words with every
    claim and its rare words with few.
    """

    def __init__(self, rng: random.Random) -> None:
        self.rng = rng
        words: list[str] = []
        for path in sorted((ROOT / "corpus").glob("*.txt")):
            words += _WORD.findall(path.read_text(encoding="utf-8"))
        self.following: dict[str, list[str]] = {}
        for a, b in itertools.pairwise(words):
            self.following.setdefault(a.lower(), []).append(b)
        self.starts = [w for w in words if w[0].isupper()]
        self.vocabulary = sorted({w.lower() for w in words if len(w) > 3 and w.isalpha()})
        lexicon = {
            "".join(rng.choice(_SYLLABLES) for _ in range(rng.randint(2, 4)))
            for _ in range(LEXICON)
        }
        self.lexicon = sorted(lexicon)
        rng.shuffle(self.lexicon)
        self.cumulative = list(itertools.accumulate(1 / n for n in range(1, len(self.lexicon) + 1)))
        self.pool: list[str] = []
        self.names = [
            f"{first} {last}"
            for first in ("Anna", "Tomas", "Grace", "Omar", "Lena", "Hugo", "Priya", "Ewan")
            for last in ("Marsh", "Okafor", "Lindqvist", "Barros", "Whitfield", "Nakamura")
        ]

    def pooled(self) -> str:
        """A sentence from a pool of :data:`POOL` made once: a gigabyte of prose one word
        at a time would take the generator longer than the trace."""
        if not self.pool:
            self.pool = [self.sentence() for _ in range(POOL)]
        return self.pool[int(self.rng.random() * POOL)]

    def rare(self) -> str:
        """A word of the synthetic lexicon, by Zipf's law."""
        at = bisect.bisect(self.cumulative, self.rng.random() * self.cumulative[-1])
        return self.lexicon[min(at, len(self.lexicon) - 1)]

    def sentence(self, low: int = 8, high: int = 26) -> str:
        rng = self.rng
        word = rng.choice(self.starts)
        out = [word]
        for _ in range(rng.randint(low, high) - 1):
            choices = self.following.get(word.lower())
            word = rng.choice(choices) if choices else rng.choice(self.vocabulary)
            if len(word) > 3 and rng.random() < 0.35:
                out.append(self.rare())
            else:
                out.append(word)
        if rng.random() < 0.3:
            out.insert(rng.randrange(1, len(out)), rng.choice(self.names))
        if rng.random() < 0.3:
            out.insert(rng.randrange(1, len(out)), f"{rng.randint(2, 990)}")
        out[0] = out[0][0].upper() + out[0][1:]
        return " ".join(out).rstrip(",;:") + "."


def _content(words: list[str]) -> list[int]:
    return [i for i, w in enumerate(words) if len(w) > 3 and w.lower() not in _FUNCTION]


def make_claims(prose: Prose, count: int) -> list[dict[str, Any]]:
    """Claims with a unique quote each; a fifth are elided (``A … B``)."""
    rng = prose.rng
    claims = []
    for index in range(count):
        full = prose.sentence(14, 26).rstrip(".")
        words = full.split()
        quote = full
        if index % 5 == 4:
            cut = len(words) // 3
            quote = " ".join(words[:cut]) + " … " + " ".join(words[2 * cut :])
        kept = [w for i, w in enumerate(words) if i in set(_content(words)) or rng.random() < 0.5]
        statement = f"{rng.choice(prose.names)} said that " + " ".join(kept) + "."
        claims.append(
            {
                "id": f"claim-{index:05d}",
                "statement": statement,
                "quote": quote,
                "full": full,
                "elided": quote != full,
            }
        )
    return claims


def retype(text: str, rng: random.Random) -> str:
    """The same words as typography may give them."""
    text = text.replace("'", "’").replace(" - ", " — ")
    spaces = [m.start() for m in re.finditer(" ", text)]
    if len(spaces) >= 3:
        a, b = rng.sample(spaces, 2)
        text = text[:a] + "\u00a0" + text[a + 1 :]
        text = text[:b] + "\n" + text[b + 1 :]
    return "“" + text[0].swapcase() + text[1:] + "”"


def change_one_word(claim: dict[str, Any], prose: Prose) -> str:
    """The quote with one content word (outside an elision's gap) replaced."""
    words = claim["full"].split()
    if claim["elided"]:
        cut = len(words) // 3
        allowed = [i for i in _content(words) if i < cut or i >= 2 * cut]
    else:
        allowed = _content(words)
    at = prose.rng.choice(allowed or list(range(len(words))))
    replacement = words[at]
    while replacement.lower() == words[at].lower():
        replacement = prose.rng.choice(prose.vocabulary)
    words[at] = replacement
    return " ".join(words)


def paraphrase(claim: dict[str, Any], prose: Prose) -> str:
    rng = prose.rng
    words: list[str] = claim["full"].split()
    half = len(words) // 2
    swapped = (
        words[half:] + ["as"] + [w.lower() if i == 0 else w for i, w in enumerate(words[:half])]
    )
    content = _content(swapped)
    for at in rng.sample(content, len(content) // 3):
        swapped[at] = prose.rare()
    swapped = [w for w in swapped if w.lower() not in ("the", "a", "an") or rng.random() < 0.5]
    return swapped[0][0].upper() + " ".join(swapped)[1:] + ", according to reports."


def distractor(claim: dict[str, Any], prose: Prose) -> str:
    words = claim["full"].split()
    taken = [words[i] for i in prose.rng.sample(_content(words), min(3, len(_content(words))))]
    base = prose.sentence(14, 22).rstrip(".").split()
    for word in taken:
        base.insert(prose.rng.randrange(1, len(base)), word)
    return " ".join(base) + "."


def planted_text(kind: str, claim: dict[str, Any], prose: Prose) -> str:
    if kind == "exact":
        return str(claim["quote"])
    if kind == "retyped":
        return retype(claim["quote"], prose.rng)
    if kind == "elided":
        return str(claim["full"])
    if kind == "changed":
        return change_one_word(claim, prose)
    if kind == "paraphrased":
        return paraphrase(claim, prose)
    return distractor(claim, prose)


def _document(
    prose: Prose, index: int, plant: list[tuple[str, str, str]]
) -> tuple[dict[str, Any], list[dict[str, Any]]]:
    """One document with its plantings; returns the record and where each planting is."""
    rng = prose.rng
    transcript = rng.random() < 0.1
    target = rng.randint(20_000, 60_000) if transcript else rng.randint(2_000, 6_000)
    paragraphs: list[str] = []
    size = 0
    while size < target:
        body = " ".join(prose.pooled() for _ in range(rng.randint(2, 5)))
        paragraph = f"{rng.choice(SPEAKERS)}: {body}" if transcript else body
        paragraphs.append(paragraph)
        size += len(paragraph) + 2
    title = prose.sentence(5, 10).rstrip(".")
    text = title + "\n\n" + "\n\n".join(paragraphs) + "\n"
    spots: list[dict[str, Any]] = []
    for claim_id, kind, passage in plant:
        # Into a sentence boundary of a random paragraph, as a quotation or as prose.
        breaks = [m.end() for m in re.finditer(r"\. ", text)] or [len(title) + 2]
        at = rng.choice(breaks)
        lead = f"{rng.choice(prose.names)} said: " if kind in ("exact", "elided", "changed") else ""
        insert = lead + passage + (" " if passage.endswith((".", "”")) else ". ")
        text = text[:at] + insert + text[at:]
        start = at + len(lead)
        for spot in spots:
            if spot["start"] >= at:
                spot["start"] += len(insert)
                spot["end"] += len(insert)
        spots.append({"claim": claim_id, "kind": kind, "start": start, "end": start + len(passage)})
    year = 2015 + index % 9
    record = {
        "id": f"doc-{index:08d}",
        "title": title,
        "publisher": SPEAKERS[0].title() + " record" if transcript else rng.choice(PUBLISHERS),
        "url": f"https://news.example/{year}/{index}",
        "published": f"{year}-{1 + index % 12:02d}-{1 + index % 28:02d}",
        "text": text,
    }
    return record, spots


def documents(
    prose: Prose, claims: list[dict[str, Any]], megabytes: float, plantings: int
) -> Iterator[tuple[dict[str, Any], list[dict[str, Any]]]]:
    """Documents up to ``megabytes`` of text, ``plantings`` plantings spread over them."""
    rng = prose.rng
    expected_docs = max(1, int(megabytes * 1e6 / 6_600))  # mean size, news and transcripts
    queue: dict[int, list[tuple[str, str, str]]] = {}
    for n in range(plantings):
        claim = claims[n % len(claims)]
        kind = KINDS[(n // len(claims) + n) % len(KINDS)]
        if kind == "retyped" and claim["elided"]:
            kind = "elided"
        if kind == "exact" and claim["elided"]:
            kind = "elided"
        if kind == "elided" and not claim["elided"]:
            kind = "exact"
        queue.setdefault(rng.randrange(expected_docs), []).append(
            (claim["id"], kind, planted_text(kind, claim, prose))
        )
    written = 0.0
    index = 0
    while written < megabytes * 1e6 or (index < expected_docs and queue):
        record, spots = _document(prose, index, queue.pop(index, []))
        written += len(record["text"])
        yield record, spots
        index += 1


def write_ledger(claims: list[dict[str, Any]], out: Path) -> None:
    """A ledger whose claims quote documents of its corpus (so it validates)."""
    (out / "claims").mkdir(parents=True, exist_ok=True)
    (out / "corpus").mkdir(exist_ok=True)
    (out / "pyproject.toml").write_text('[tool.claimledger]\ntitle = "Synthetic ledger"\n')
    (out / "claims" / "speakers.yaml").write_text(
        "speakers:\n  - id: speaker\n    name: A Speaker\n", encoding="utf-8"
    )
    per_file = 250
    for first in range(0, len(claims), per_file):
        group = claims[first : first + per_file]
        source = f"source-{first // per_file:05d}"
        text = "\n\n".join(c["full"] + "." for c in group) + "\n"
        (out / "corpus" / f"{source}.txt").write_text(text, encoding="utf-8")
        digest = hashlib.sha256(text.encode()).hexdigest()
        (out / "corpus" / f"{source}.yaml").write_text(
            f'kind: news-report\nsha256: {digest}\npublished: "2014-01-01"\n', encoding="utf-8"
        )
        lines = ["claims:"]
        for claim in group:
            lines += [
                f"  - id: {claim['id']}",
                f"    statement: {json.dumps(claim['statement'])}",
                "    speaker: speaker",
                "    quotes:",
                f"      - source: {source}",
                f"        text: {json.dumps(claim['quote'], ensure_ascii=False)}",
            ]
        (out / "claims" / f"story-{first // per_file:05d}.yaml").write_text(
            "\n".join(lines) + "\n", encoding="utf-8"
        )


def generate(
    out: Path,
    *,
    claims: int = 100,
    megabytes: float = 5.0,
    plantings: int | None = None,
    shards: int = 4,
    parquet: bool = False,
    seed: int = 2016,
) -> list[dict[str, Any]]:
    """Write ``out/ledger`` (the claims) and ``out/archive`` (``shards`` shards, JSON Lines
    or Parquet) and ``out/planted.jsonl``; return the claims."""
    prose = Prose(random.Random(seed))
    made = make_claims(prose, claims)
    write_ledger(made, out / "ledger")
    archive = out / "archive"
    archive.mkdir(parents=True, exist_ok=True)
    plantings = 6 * claims if plantings is None else plantings
    suffix = "parquet" if parquet else "jsonl"
    paths = [archive / f"part-{n:04d}.{suffix}" for n in range(shards)]
    batches: list[list[dict[str, Any]]] = [[] for _ in paths]
    handles = [] if parquet else [p.open("w", encoding="utf-8") for p in paths]
    with (out / "planted.jsonl").open("w", encoding="utf-8") as planted:
        for n, (record, spots) in enumerate(documents(prose, made, megabytes, plantings)):
            shard = n % shards
            for spot in spots:
                spot.update(document=record["id"], shard=str(paths[shard]))
                planted.write(json.dumps(spot) + "\n")
            if parquet:
                batches[shard].append(record)
            else:
                handles[shard].write(json.dumps(record, ensure_ascii=False) + "\n")
    for handle in handles:
        handle.close()
    if parquet:
        import pyarrow as pa  # type: ignore[import-untyped]
        import pyarrow.parquet as pq  # type: ignore[import-untyped]

        for path, rows in zip(paths, batches, strict=True):
            pq.write_table(pa.Table.from_pylist(rows), path, row_group_size=256)
    return made


def evaluate(appearances: list[dict[str, Any]], planted_path: Path) -> dict[str, Any]:
    """Recall of each planted kind, and the precision of repeats, from a trace's JSON
    lines (as dicts) and ``planted.jsonl``."""
    planted = [json.loads(line) for line in planted_path.read_text().splitlines()]
    by_place: dict[tuple[str, str], list[dict[str, Any]]] = {}
    for a in appearances:
        by_place.setdefault((a["claim"], a["document"]), []).append(a)

    def kinds(p: dict[str, Any]) -> set[str]:
        found = by_place.get((p["claim"], p["document"]), [])
        return {a["kind"] for a in found if a["start"] < p["end"] and p["start"] < a["end"]}

    same = {"exact", "normalised", "elided", "bracketed"}
    scores: dict[str, Any] = {}
    for kind in KINDS:
        group = [p for p in planted if p["kind"] == kind]
        found = [kinds(p) for p in group]
        scores[kind] = {
            "planted": len(group),
            "same words": sum(bool(k & same) for k in found),
            "variant": sum("variant" in k for k in found),
            "repeat": sum("repeat" in k for k in found),
        }
    genuine: dict[tuple[str, str], list[dict[str, Any]]] = {}
    for p in planted:
        if p["kind"] != "distractor":
            genuine.setdefault((p["claim"], p["document"]), []).append(p)
    repeats = [a for a in appearances if a["kind"] == "repeat"]
    true = sum(
        any(
            p["start"] < a["end"] and a["start"] < p["end"]
            for p in genuine.get((a["claim"], a["document"]), [])
        )
        for a in repeats
    )
    paraphrased = scores["paraphrased"]
    scores["repeat precision"] = true / len(repeats) if repeats else 1.0
    scores["repeat recall"] = (
        (paraphrased["repeat"] + paraphrased["variant"]) / paraphrased["planted"]
        if paraphrased["planted"]
        else 1.0
    )
    return scores


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("out", type=Path)
    parser.add_argument("--claims", type=int, default=100)
    parser.add_argument("--megabytes", type=float, default=5.0)
    parser.add_argument("--plantings", type=int)
    parser.add_argument("--shards", type=int, default=4)
    parser.add_argument("--parquet", action="store_true")
    parser.add_argument("--seed", type=int, default=2016)
    args = parser.parse_args()
    generate(
        args.out,
        claims=args.claims,
        megabytes=args.megabytes,
        plantings=args.plantings,
        shards=args.shards,
        parquet=args.parquet,
        seed=args.seed,
    )


if __name__ == "__main__":
    main()
