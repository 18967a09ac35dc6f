"""Import → export → import on a realistic sample of published fact checks, field by field.

Each generated document (see ``factchecks.py``) is imported into a new ledger
as ``claimledger import FORMAT --create-speakers --scale-from-ratings`` does,
exported as ClaimReview, and imported again. Every field of every review in
the input is then one of:

kept
    the export has it, with the same value;
changed
    the export has it in another form (a date without its time of day, a
    rating number written as a string in the input, a PoliticalParty as an
    Organization);
unplaceable
    the import reported it, by its path, as having no place in the ledger;
lost
    none of these: dropped silently. Must be zero.

and the second import must give back the same claims as the first. Run
``python benchmarks/roundtrip.py [--count N] [--out benchmarks/ROUNDTRIP.md]``.
"""

from __future__ import annotations

import argparse
import collections
import json
import re
import sys
import tempfile
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).parent))

from factchecks import sample

from claimledger.config import discover
from claimledger.export.claimreview import claimreview_feed
from claimledger.importers import Imported, ImportOptions, plan_import
from claimledger.importers.claimreview import read_claimreview
from claimledger.importers.factcheck_api import read_factcheck_api
from claimledger.importers.html import _blocks, _reviews, read_html
from claimledger.importers.plan import known_of, taken_ids
from claimledger.ledger import read_ledger

Facts = dict[str, tuple[Any, str]]
_WORKS = ("appearance", "firstAppearance")


def _dotted(path: tuple[Any, ...]) -> str:
    out = ""
    for part in path:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else str(part))
    return out


def _as_list(value: Any) -> list[Any]:
    return value if isinstance(value, list) else [value]


def facts(value: Any, key: str = "", path: tuple[Any, ...] = ()) -> Facts:
    """The leaves of a ClaimReview, keyed by what they mean (reports by URL, synonyms as one)."""
    found: Facts = {}
    if isinstance(value, dict):
        if (
            "headline" not in value and "name" in value and key.split(".")[-1] in ("", *_WORKS)
        ) or re.search(r"appearance<[^>]*>$", key):
            value = {("headline" if k == "name" else k): v for k, v in value.items()}
        for name, inner in value.items():
            if name == "@context":
                continue
            at = (*path, name)
            sub = f"{key}.{name}" if key else name
            if name in _WORKS:
                items = list(enumerate(_as_list(inner)))
                for i, work in items:
                    where = (*at, i) if isinstance(inner, list) else at
                    work = {"url": work} if isinstance(work, str) else work
                    url = work.get("url", "?") if isinstance(work, dict) else "?"
                    found |= facts(work, f"{sub}<{url}>", where)
            elif name in ("author", "publisher") and isinstance(inner, str):
                found[f"{sub}.name"] = (inner, _dotted(at))
            elif name == "author" and key and "appearance" in key:
                for i, person in enumerate(_as_list(inner)):
                    where = (*at, i) if isinstance(inner, list) else at
                    found |= facts(person, f"{sub}[{i}]", where)
            else:
                found |= facts(inner, sub, at)
    elif isinstance(value, list):
        for i, inner in enumerate(value):
            found |= facts(inner, f"{key}[{i}]", (*path, i))
    else:
        found[key] = (value, _dotted(path))
    return found


_API = {
    "text": "claimReviewed",
    "claimant": "itemReviewed.author.name",
    "claimDate": "itemReviewed.datePublished",
}
_API_REVIEW = {
    "url": "url",
    "title": "headline",
    "reviewDate": "datePublished",
    "publisher.name": "author.name",
    "textualRating": "reviewRating.alternateName",
    "languageCode": "inLanguage",
}


def _api_reviews(data: Any) -> list[Facts]:
    reviews = []
    for i, claim in enumerate(data["claims"]):
        claim_facts: Facts = {
            _API.get(k, k): (v, _dotted(("claims", i, k)))
            for k, v in claim.items()
            if k != "claimReview"
        }
        for j, review in enumerate(claim["claimReview"]):
            at = ("claims", i, "claimReview", j)
            own = {
                _API_REVIEW.get(k, k): (v, f"{_dotted(at)}.{k}")
                for k, (v, _) in facts(review).items()
            }
            reviews.append({**claim_facts, **own})
    return reviews


def originals(shape: str, text: str) -> list[Facts]:
    """Each review of the input as its facts, with the input's own paths."""
    if shape == "api":
        return _api_reviews(json.loads(text))
    if shape == "page":
        blocks, microdata, _ = _blocks(text, "page.html")
        return [
            facts(review, path=path)
            for path, review in _reviews({"json-ld": blocks, "microdata": microdata})
        ]
    data = json.loads(text)
    if isinstance(data, dict) and "dataFeedElement" in data:
        return [
            facts(r, path=("dataFeedElement", i)) for i, r in enumerate(data["dataFeedElement"])
        ]
    if isinstance(data, list):
        return [facts(r, path=(i,)) for i, r in enumerate(data)]
    return [facts(data)]


def _same(a: Any, b: Any) -> bool:
    return type(a) is type(b) and a == b


def round_trip(shape: str, text: str, folder: Path) -> tuple[collections.Counter[str], Any]:
    """The count of fields kept, changed, unplaceable and lost, and what changed or went."""
    root = folder / "ledger"
    (root / "claims").mkdir(parents=True)
    (root / "corpus").mkdir()
    config = discover(root)
    ledger, _ = read_ledger(config)
    output = config.claims_dir / "imported.yaml"
    reader = {"api": read_factcheck_api, "page": read_html}.get(shape, read_claimreview)
    first: Imported = reader(text, "input", known_of(ledger), taken_ids(ledger, output))
    options = ImportOptions(create_speakers=True, scale_from_ratings=True)
    for write in plan_import(first, ledger, output, "input", options).writes:
        write.path.write_text(write.text, encoding="utf-8")
    ledger, findings = read_ledger(discover(root))
    assert not [f for f in findings if f.severity.fails], findings
    feed = claimreview_feed(ledger)
    again = read_claimreview(json.dumps(feed, ensure_ascii=False), "export", known_of(ledger))
    counts: collections.Counter[str] = collections.Counter()
    detail: collections.Counter[tuple[str, str]] = collections.Counter()
    counts["identical claims"] += sum(
        a == b for a, b in zip(first.claims, again.claims, strict=True)
    )
    counts["claims"] += len(first.claims)
    unplaced = {m.message.split(": ")[0] for m in first.unplaced}
    exported = [facts(r) for r in feed["dataFeedElement"]]
    wanted = originals(shape, text)
    assert len(wanted) == len(exported), (len(wanted), len(exported))
    for original, back in zip(wanted, exported, strict=True):
        for key, (value, path) in original.items():
            field = re.sub(r"<[^>]*>|\[\d+\]", "", key)
            if path in unplaced:
                outcome = "unplaceable"
            elif key not in back:
                outcome = "lost"
            elif _same(back[key][0], value):
                outcome = "kept"
            else:
                outcome = "changed"
            counts[outcome] += 1
            if outcome != "kept":
                detail[(outcome, field)] += 1
    counts["unplaceable reported"] += len(first.unplaced)
    return counts, detail


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, default=240)
    parser.add_argument("--out", type=Path)
    args = parser.parse_args()
    by_shape: dict[str, collections.Counter[str]] = collections.defaultdict(collections.Counter)
    detail: collections.Counter[tuple[str, str]] = collections.Counter()
    for shape, text in sample(args.count):
        with tempfile.TemporaryDirectory() as folder:
            counts, what = round_trip(shape, text, Path(folder))
        by_shape[shape] += counts
        by_shape[shape]["documents"] += 1
        detail += what
    total: collections.Counter[str] = sum(by_shape.values(), collections.Counter())
    columns = ["documents", "claims", "kept", "changed", "unplaceable", "lost", "identical claims"]
    lines = [
        "# Import round trip on generated fact checks",
        "",
        f"`python benchmarks/roundtrip.py --count {args.count}`: each document imported with",
        "`--create-speakers --scale-from-ratings`, exported as ClaimReview and imported again.",
        "A field is *kept* (same value in the export), *changed* (kept in another form),",
        "*unplaceable* (reported by its path as having no place in the ledger) or *lost*.",
        "*identical claims*: the second import gives back exactly the first's claims.",
        "",
        "| shape | " + " | ".join(columns) + " |",
        "| --- |" + " ---: |" * len(columns),
    ]
    for shape in sorted(by_shape):
        lines.append(f"| {shape} | " + " | ".join(str(by_shape[shape][c]) for c in columns) + " |")
    lines.append("| **all** | " + " | ".join(f"**{total[c]}**" for c in columns) + " |")
    lines += [
        "",
        "Fields not kept as they were, by kind:",
        "",
        "| outcome | field | count |",
        "| --- | --- | ---: |",
    ]
    for (outcome, field), count in sorted(detail.items()):
        lines.append(f"| {outcome} | `{field}` | {count} |")
    report = "\n".join(lines) + "\n"
    print(report)
    if args.out:
        args.out.write_text(report, encoding="utf-8")
    if total["lost"] or total["identical claims"] != total["claims"]:
        raise SystemExit("fields were lost or claims changed on the round trip")


if __name__ == "__main__":
    main()
