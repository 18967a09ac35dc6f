"""Generate a realistic synthetic ledger: claims, speakers, corpus, a few broken files.

Deterministic for a given size and seed. About 2.4 passages per claim (1 or 2
quotes, a supporting passage, a contradicting one for a third of the claims), each
a passage of a ~5 kB corpus document of 8 to 40 words (median about 20) with the
typography of real reports (curly quotes, apostrophes, dashes, non-breaking
spaces), one in twenty with words left out (``…``); 25 claims a file.

    python benchmarks/generate.py 10000 /tmp/ledger-10k
"""

from __future__ import annotations

import argparse
import hashlib
import random
import shutil
from pathlib import Path

# A word list reads best as one string.
WORDS = (  # noqa: SIM905
    "the minister said that government policy on housing and health would change after the "
    "election campaign while critics argued figures showed rising costs for families across "
    "every region council spokesman report confirmed budget spending cuts schools hospitals "
    "police officers rail transport energy prices inflation wages workers unions strike vote "
    "parliament committee inquiry evidence statement denied accused claimed warned promised"
).split()

CLAIMS_PER_FILE = 25
DOC_CHARS = 5000
#: Typography of real reports, which quotes copy: curly quotes and apostrophes, dashes,
#: non-breaking spaces in figures and titles.
NBSP = "\u00a0"
FIGURES = (f"£5{NBSP}billion", f"15{NBSP}per cent", f"Mr{NBSP}Evans", f"12{NBSP}October", "1,200")
ELISION = " \u2026 "
EM_DASH = "\u2014"


def _sentence(rng: random.Random) -> str:
    words = [rng.choice(WORDS) for _ in range(rng.randint(8, 20))]
    for _ in range(rng.randint(0, 2)):
        words[rng.randrange(len(words))] = rng.choice(FIGURES)
    if rng.random() < 0.3:
        words[rng.randrange(1, len(words))] += "\u2019s"  # a curly apostrophe
    if rng.random() < 0.3:  # an aside between dashes
        at = rng.randrange(2, len(words) - 2)
        words[at : at + 2] = [EM_DASH, words[at], words[at + 1], EM_DASH]
    words[0] = words[0].capitalize()
    sentence = " ".join(words) + "."
    if rng.random() < 0.25:  # reported speech, as printed
        sentence = f"\u201c{sentence}\u201d"  # curly quotes
    return sentence


def _document(rng: random.Random) -> str:
    paragraphs, size = [], 0
    while size < DOC_CHARS:
        paragraph = " ".join(_sentence(rng) for _ in range(rng.randint(3, 6)))
        paragraphs.append(paragraph)
        size += len(paragraph) + 2
    return "\n\n".join(paragraphs) + "\n"


def _length(rng: random.Random) -> int:
    """Words in a quoted passage: 8 to 40, median about 20, as reporters quote."""
    return round(rng.triangular(8, 40, 17))


def _passage(rng: random.Random, text: str) -> str:
    """An exact passage of one paragraph of ``text``; one in twenty leaves words out."""
    paragraphs = [p.split(" ") for p in text.split("\n\n")]
    words = rng.choice([p for p in paragraphs if len(p) > 12])
    length = min(_length(rng), len(words))
    start = rng.randrange(0, len(words) - length + 1)
    if rng.random() < 0.05 and length >= 12:  # an elision: the middle words left out
        cut = start + length // 3
        head, tail = words[start:cut], words[cut + 3 : start + length]
        return " ".join(head) + ELISION + " ".join(tail)
    return " ".join(words[start : start + length])


def _quoted(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def generate(claims: int, out: Path, seed: int = 2016, broken: int = 3) -> None:
    rng = random.Random(seed)
    if out.exists():
        shutil.rmtree(out)
    (out / "claims").mkdir(parents=True)
    (out / "corpus").mkdir()
    (out / "pyproject.toml").write_text(
        '[tool.claimledger]\ntitle = "Synthetic ledger"\n'
        'verdict-scale = ["accurate", "mostly-accurate", "misleading", "inaccurate"]\n'
        'verdict-unrated = ["unsettled"]\n'
    )
    n_docs = max(10, claims // 10)
    docs = []
    for i in range(n_docs):
        text = _document(rng)
        source_id = f"report-{i:05d}"
        (out / "corpus" / f"{source_id}.txt").write_text(text)
        digest = hashlib.sha256(text.encode()).hexdigest()
        (out / "corpus" / f"{source_id}.yaml").write_text(
            f"kind: news-report\nsha256: {digest}\ntitle: Report {i}\n"
            f'publisher: Publisher {i % 40}\npublished: "2016-{1 + i % 12:02d}-{1 + i % 28:02d}"\n'
        )
        docs.append((source_id, text))
    n_speakers = max(5, claims // 50)
    lines = ["speakers:"]
    for i in range(n_speakers):
        lines += [
            f"  - id: speaker-{i:04d}",
            f"    name: Speaker {i}",
            "    reported_as:",
            f"      - name: a spokesman for department {i}",
            f"        source: {docs[i % len(docs)][0]}",
        ]
    (out / "claims" / "speakers.yaml").write_text("\n".join(lines) + "\n")
    for f in range(0, claims, CLAIMS_PER_FILE):
        lines = ["claims:"]
        for c in range(f, min(f + CLAIMS_PER_FILE, claims)):
            lines += [
                f"  - id: claim-{c:06d}",
                f"    statement: {_quoted(_sentence(rng))}",
                f"    speaker: speaker-{rng.randrange(n_speakers):04d}",
                f'    said_on: "2015-{1 + c % 12:02d}"',
                "    topics: [policy, economy]",
                "    quotes:",
            ]
            for _ in range(rng.choice((1, 1, 2))):
                source_id, text = rng.choice(docs)
                passage = _passage(rng, text)
                lines += [f"      - source: {source_id}", f"        text: {_quoted(passage)}"]
                if "\u201c" in passage or "\u201d" in passage:
                    # Reported speech around quoted words, as a fact-checker marks it.
                    lines.append("        kind: partial")
            # About 2.4 passages a claim in all: 1.33 quotes, one supporting, a third contradicting.
            for field in ("supports", "contradicts")[: 1 + (c % 3 == 0)]:
                lines.append(f"    {field}:")
                source_id, text = rng.choice(docs)
                lines += [
                    f"      - source: {source_id}",
                    f"        text: {_quoted(_passage(rng, text))}",
                    "        note: Bears on the claim.",
                ]
            if c % 7 == 0:
                lines += ["    verdict:", "      rating: misleading", "      rationale: Synthetic."]
            if c % 5 == 0 and c > 0:
                lines.append(f"    related: [claim-{c - 1:06d}]")
        (out / "claims" / f"story-{f // CLAIMS_PER_FILE:05d}.yaml").write_text(
            "\n".join(lines) + "\n"
        )
    # A few malformed files, as a real ledger under edit has.
    bad = [
        "claims:\n  - id: broken-a\n    statement: [unclosed\n",
        "claims:\n  - id: broken-b\n    statement: s\n    speaker: speaker-0000\n    colour: red\n",
        "claims:\n  - id: broken-c\n    id: again\n",
    ]
    for i in range(broken):
        (out / "claims" / f"zz-broken-{i}.yaml").write_text(bad[i % len(bad)])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("claims", type=int)
    parser.add_argument("out", type=Path)
    parser.add_argument("--seed", type=int, default=2016)
    args = parser.parse_args()
    generate(args.claims, args.out, args.seed)


if __name__ == "__main__":
    main()
