"""Measure loading, filtering and full-text search on a large synthetic ledger.

    python benchmarks/bench_query.py [--claims 10000] [--corpus-mb 15] [--seed 1]

Writes a ledger into a temporary folder, deterministically from ``--seed``: 10,000
claims in 100 files, a registry of 300 speakers (some unnamed and identified as
others), and 300 corpus documents totalling 15 MB whose words follow a Zipf-like
distribution, so common words are common. Quotes and evidence are real passages of
their sources. Then it prints:

- the CPU time of loading (``claimledger.load``) split into its two steps, parsing
  (``read_ledger``) and checking references, resolving and indexing, with their ratio;
- each filter query's time (best and median of many runs) on the 10,000 claims;
- building the search indexes, opening them from the cache, and full-text query times.

Timings are this process's CPU time, best and median of repeated runs, and the median
wall time, which on a shared machine also counts what other processes took. Nothing
here asserts a limit (speed targets are measured, never tested).
"""

from __future__ import annotations

import argparse
import hashlib
import random
import tempfile
import time
from collections.abc import Callable
from functools import partial
from pathlib import Path
from statistics import median
from typing import Any

import yaml

from claimledger import discover, load, read_ledger
from claimledger.query import ClaimSet, Ledger

TOPICS = [f"topic-{n}" for n in range(40)]
OUTLETS = ["gazette", "herald", "courier", "chronicle", "times", "post", "record", "mail"]


def vocabulary(rng: random.Random, size: int = 20_000) -> tuple[list[str], list[float]]:
    letters = "abcdefghijklmnopqrstuvwxyz"
    words = list(
        dict.fromkeys(
            "".join(rng.choice(letters) for _ in range(rng.randint(2, 11))) for _ in range(size)
        )
    )
    weights = [1 / (rank + 1) ** 1.07 for rank in range(len(words))]  # Zipf's law, roughly
    return words, weights


def sentences(rng: random.Random, vocab: tuple[list[str], list[float]], count: int) -> list[str]:
    words, weights = vocab
    drawn = iter(rng.choices(words, weights, k=count * 30))
    out = []
    for _ in range(count):
        body = " ".join(next(drawn) for _ in range(rng.randint(8, 30)))
        out.append(body[0].upper() + body[1:] + rng.choice(".....?!"))
    return out


def document(rng: random.Random, vocab: tuple[list[str], list[float]], size: int) -> str:
    paragraphs = [" ".join(sentences(rng, vocab, 2)).rstrip(".?!")]  # a title
    total = 0
    while total < size:
        paragraph = " ".join(sentences(rng, vocab, rng.randint(2, 8)))
        paragraphs.append(paragraph)
        total += len(paragraph) + 2
    return "\n\n".join(paragraphs) + "\n"


def write_ledger(root: Path, claims: int, corpus_mb: float, seed: int) -> list[str]:
    """Write the ledger; return its vocabulary, most frequent word first."""
    rng = random.Random(seed)
    vocab = vocabulary(rng)
    (root / "claims").mkdir(parents=True)
    (root / "corpus").mkdir()
    (root / "pyproject.toml").write_text('[tool.claimledger]\ntitle = "Synthetic"\n')

    documents = 300
    texts: dict[str, str] = {}
    for n in range(documents):
        source = f"{OUTLETS[n % len(OUTLETS)]}-{n:04d}"
        text = document(rng, vocab, int(corpus_mb * 1_000_000 / documents))
        texts[source] = text
        (root / "corpus" / f"{source}.txt").write_text(text, encoding="utf-8")
        meta = {
            "kind": "news-report",
            "sha256": hashlib.sha256(text.encode()).hexdigest(),
            "title": f"Report {n}",
            "published": f"20{10 + n % 10}-{1 + n % 12:02d}-{1 + n % 28:02d}",
        }
        dump(root / "corpus" / f"{source}.yaml", meta)
    sources = list(texts)
    paragraphs = {s: [p for p in t.split("\n\n") if p] for s, t in texts.items()}

    def passage(source: str) -> str:
        return rng.choice(paragraphs[source]).split(". ")[0][:200]

    speakers = []
    for n in range(300):
        speaker: dict[str, Any] = {"id": f"speaker-{n:03d}"}
        if n % 10:
            speaker["name"] = f"Person {n}"
        else:
            speaker["description"] = f"An unnamed official ({n})"
            speaker["identified_as"] = {
                "speaker": f"speaker-{n + 1:03d}",
                "evidence": [{"source": (s := rng.choice(sources)), "text": passage(s)}],
            }
        speaker["reported_as"] = [
            {
                "name": f"{rng.choice(['the', 'a senior'])} aide number {n}",
                "source": rng.choice(sources),
            }
        ]
        speakers.append(speaker)
    dump(root / "claims" / "speakers.yaml", {"speakers": speakers})

    ids = [f"claim-{n:05d}" for n in range(claims)]
    per_file = max(1, claims // 100)
    for start in range(0, claims, per_file):
        records = []
        for n in range(start, min(start + per_file, claims)):
            said = rng.random()
            record: dict[str, Any] = {
                "id": ids[n],
                "statement": sentences(rng, vocab, 1)[0],
                "speaker": f"speaker-{rng.randrange(300):03d}",
            }
            year, month, day = (
                2010 + rng.randrange(10),
                1 + rng.randrange(12),
                1 + rng.randrange(28),
            )
            if said < 0.6:
                record["said_on"] = f"{year}-{month:02d}-{day:02d}"
            elif said < 0.8:
                record["said_on"] = f"{year}-{month:02d}"
            elif said < 0.9:
                record["said_on"] = f"{year}"
            record["topics"] = rng.sample(TOPICS, rng.randint(0, 3))
            record["quotes"] = [
                {"source": (s := rng.choice(sources)), "text": passage(s)}
                for _ in range(rng.randint(1, 3))
            ]
            if rng.random() < 0.3:
                record["supports"] = [{"source": (s := rng.choice(sources)), "text": passage(s)}]
            if rng.random() < 0.15:
                record["contradicts"] = [{"source": (s := rng.choice(sources)), "text": passage(s)}]
            if rng.random() < 0.2:
                record["verdict"] = {
                    "rating": rng.choice(["accurate", "misleading"]),
                    "rationale": "R.",
                }
            if rng.random() < 0.3:
                record["related"] = [ids[rng.randrange(claims)] for _ in range(rng.randint(1, 3))]
                record["related"] = [r for r in dict.fromkeys(record["related"]) if r != ids[n]]
            records.append(record)
        dump(root / "claims" / f"story-{start // per_file:03d}.yaml", {"claims": records})
    return vocab[0]


def dump(path: Path, data: Any) -> None:
    text = yaml.dump(data, Dumper=yaml.CSafeDumper, sort_keys=False, allow_unicode=True)
    path.write_text(text, encoding="utf-8")


def timed(action: Callable[[], object], runs: int) -> tuple[float, float, float]:
    """Best and median CPU time, and median wall time, of ``runs`` calls, in milliseconds.

    CPU time (this process's) is the figure to read on a shared machine: wall time
    also counts the time other processes held the CPU.
    """
    cpu, wall = [], []
    for _ in range(runs):
        start_cpu, start_wall = time.process_time(), time.perf_counter()
        action()
        cpu.append((time.process_time() - start_cpu) * 1000)
        wall.append((time.perf_counter() - start_wall) * 1000)
    return min(cpu), median(cpu), median(wall)


def report(name: str, figures: tuple[float, float, float], note: str = "") -> None:
    best, median, wall = figures
    print(f"  {name:38s} {best:9.2f} {median:9.2f} {wall:9.2f}  {note}")


def bench_loading(root: Path, claims: int, runs: int = 5) -> Ledger:
    """Parse, then resolve and index what was parsed, ``runs`` times.

    ``load()`` is exactly these two steps. Timing both halves of each run and taking
    the median of the per-run ratios keeps the other processes of a shared machine
    from skewing the comparison, as timing parse-only and load runs apart would.
    """
    config = discover(root)
    parses, resolves, ratios = [], [], []
    ledger: Ledger | None = None
    for _ in range(runs):
        ledger = None  # free the previous run's first: GC passes grow with what is alive
        start = time.process_time()
        files, findings = read_ledger(config)
        parsed = time.process_time()
        ledger = Ledger.from_files(files, findings, strict=False)
        done = time.process_time()
        parses.append((parsed - start) * 1000)
        resolves.append((done - parsed) * 1000)
        ratios.append((done - start) / (parsed - start))
    assert ledger is not None
    assert len(ledger.claims) == claims, ledger.findings[:3]
    print(f"loading, ms of cpu ({runs} runs)                  {'best':>9} {'median':>9}")
    print(f"  parse (read_ledger)                     {min(parses):9.0f} {median(parses):9.0f}")
    print(f"  check references, resolve, index        {min(resolves):9.0f} {median(resolves):9.0f}")
    print(f"  load / parse, per run                   {min(ratios):9.3f} {median(ratios):9.3f}\n")
    return ledger


def bench_filters(ledger: Ledger) -> None:
    claims = ledger.claims
    some = next(c for c in claims[1000:] if c.related and c.quotes)
    alias = ledger.speakers[20].reported_as[0].name
    source = some.quotes[0].source.id
    queries: dict[str, Callable[[], ClaimSet]] = {
        "where(speaker=id)": lambda: claims.where(speaker="speaker-021"),
        "where(speaker=reported-as name)": lambda: claims.where(speaker=alias),
        "where(speaker=name), identified": lambda: claims.where(speaker="Person 31"),
        "where(source=id)": lambda: claims.where(source=source),
        "where(quoting=id)": lambda: claims.where(quoting=source),
        "where(topic=, verdict=)": lambda: claims.where(topic="topic-3", verdict="accurate"),
        "where(contradicted=True)": lambda: claims.where(contradicted=True),
        "between(2014-03-01, 2014-09-30)": lambda: claims.between("2014-03-01", "2014-09-30"),
        "between(..., overlaps=True)": lambda: claims.between(
            "2014-03-01", "2014-09-30", overlaps=True
        ),
        "related_to(id)": lambda: claims.related_to(some.id),
        "related_to(id, transitive=True)": lambda: claims.related_to(some.id, transitive=True),
        "where(topic=).since().where(contr.=)": lambda: (
            claims.where(topic="topic-7").since("2015").where(contradicted=False)
        ),
    }
    print(f"filter queries on {len(claims)} claims, ms (200 runs)")
    for name, query in queries.items():
        report(name, timed(query, 200), f"{len(query())} claims")


def bench_search(root: Path, ledger: Ledger, words: list[str]) -> None:
    print("\nfull-text search, ms")
    report("corpus index: build and cache", timed(lambda: ledger.search_corpus("zzzz"), 1))
    report("claims index: build and cache", timed(lambda: ledger.search("zzzz"), 1))
    again = load(root, strict=False)
    report("corpus index: open from the cache", timed(lambda: again.search_corpus("zzzz"), 1))
    some = next(c for c in ledger.claims if len(c.quotes[0].text.split()) > 6)
    searches = {
        "word in ~all passages": words[0],
        "word in ~80% of passages": words[3],
        "mid-frequency word": words[400],
        "rare word": words[15_000],
        "two common words": f"{words[2]} {words[5]}",
        "phrase of 3 words": f'"{" ".join(some.quotes[0].text.split()[2:5])}"',
        "prefix": words[40][:3] + "*",
        "four words": " ".join(some.statement.rstrip(".?!").split()[:4]),
    }
    for kind, search in (("corpus", ledger.search_corpus), ("claims", ledger.search)):
        print(f"  queries over the {kind}, 10 hits (50 runs)")
        for name, query in searches.items():
            hits = len(search(query, limit=10))
            report(f"  {name}", timed(partial(search, query, limit=10), 50), f"{hits} hits")


def main() -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--claims", type=int, default=10_000)
    parser.add_argument("--corpus-mb", type=float, default=15.0)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="claimledger-bench-") as folder:
        root = Path(folder)
        start = time.perf_counter()
        words = write_ledger(root, args.claims, args.corpus_mb, args.seed)
        corpus = sum(p.stat().st_size for p in (root / "corpus").glob("*.txt"))
        print(
            f"ledger: {args.claims} claims in 100 files, 300 speakers, 300 documents, "
            f"{corpus / 1e6:.1f} MB of corpus (written in {time.perf_counter() - start:.0f} s)\n"
        )
        ledger = bench_loading(root, args.claims)
        bench_filters(ledger)
        bench_search(root, ledger, words)


if __name__ == "__main__":
    main()
