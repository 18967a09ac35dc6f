"""Query results on the seed ledger (this repository's claims/ and corpus/), as snapshots.

Each snapshot records what a fact-checker would ask and what the ledger answers; a
change to the seed ledger or to query semantics shows up as a reviewable diff.
"""

from __future__ import annotations

from typing import Any

import pytest
from pytest_regressions.data_regression import DataRegressionFixture

from claimledger.query import ClaimSet, Ledger, load
from tests.conftest import REPO


@pytest.fixture(scope="module")
def ledger() -> Ledger:
    return load(REPO, cache=False)


def described(claims: ClaimSet) -> list[dict[str, Any]]:
    return [
        {"id": c.id, "speaker": c.speaker.id, "said_on": str(c.said_on) if c.said_on else None}
        for c in claims
    ]


def test_the_seed_ledger_loads_strictly_without_findings(ledger: Ledger) -> None:
    assert ledger.findings == ()
    assert len(ledger.claims) > 50
    assert {s.id for s in ledger.sources} == {p.stem for p in (REPO / "corpus").glob("*.txt")}


def test_claims_of_a_speaker(ledger: Ledger, data_regression: DataRegressionFixture) -> None:
    milne = ledger.claims.where(speaker="seumas-milne")
    exact = ledger.claims.by_speaker("seumas-milne", identified=False)
    data_regression.check(
        {
            "seumas-milne": described(milne),
            "seumas-milne, only as named": described(exact),
            "Jeremy Corbyn": described(ledger.claims.where(speaker="Jeremy Corbyn")),
        }
    )
    # Milne never speaks under his own name in the seed: every claim comes by identification.
    assert {c.speaker.id for c in milne} == {"corbyn-spokesman-2016"}


def test_claims_by_reported_name(ledger: Ledger, data_regression: DataRegressionFixture) -> None:
    asked = ("an aide to Jeremy Corbyn", "AN AIDE TO JEREMY CORBYN", "the Mirror", "Boris Johnson")
    data_regression.check(
        {
            name: {
                "speakers": [s.id for s in ledger.claims.speakers_named(name)],
                "claims": list(ledger.claims.where(speaker=name).ids()),
            }
            for name in asked
        }
    )
    aide = ledger.claims.where(speaker="an aide to Jeremy Corbyn")
    assert aide == ledger.claims.where(speaker="seumas-milne")


def test_claims_by_source(ledger: Ledger, data_regression: DataRegressionFixture) -> None:
    report = "corbyn-defends-russia-record"
    claims = ledger.claims
    data_regression.check(
        {
            "quoting mirror-2016-10-12": list(claims.where(quoting="mirror-2016-10-12").ids()),
            f"citing {report}": list(claims.where(source=report).ids()),
            f"supported by {report}": list(claims.where(supported_by=report).ids()),
            f"contradicted by {report}": list(claims.where(contradicted_by=report).ids()),
        }
    )
    cited = claims.where(source=report)
    assert cited == claims.where(quoting=report) | claims.where(supported_by=report) | (
        claims.where(contradicted_by=report)
    )
    assert all(report in {s.id for s in c.sources()} for c in cited)


def test_contradicted_claims(ledger: Ledger, data_regression: DataRegressionFixture) -> None:
    contradicted = ledger.claims.where(contradicted=True)
    data_regression.check(
        {c.id: sorted({e.source.id for e in c.contradicts}) for c in contradicted}
    )
    assert len(contradicted) + len(ledger.claims.where(contradicted=False)) == len(ledger.claims)


def test_date_ranges(ledger: Ledger, data_regression: DataRegressionFixture) -> None:
    claims = ledger.claims
    ranges = {
        "within 2016-10-14..2016-10-31": claims.between("2016-10-14", "2016-10-31"),
        "overlapping 2016-10-14..2016-10-31": claims.between(
            "2016-10-14", "2016-10-31", overlaps=True
        ),
        "since 2016-10-14": claims.since("2016-10-14"),
        "until 2016-10-11": claims.until("2016-10-11"),
        "overlapping until 2016-10-11": claims.until("2016-10-11", overlaps=True),
    }
    data_regression.check({name: described(found) for name, found in ranges.items()})
    week = {c.id for c in claims if str(c.said_on) == "2016-10-10/2016-10-17"}
    assert week, "the seed ledger has a claim known only to a week"
    # Known only to a week: possibly in the second half of October, not certainly.
    assert week <= set(ranges["overlapping 2016-10-14..2016-10-31"].ids())
    assert not week & set(ranges["within 2016-10-14..2016-10-31"].ids())
    assert set(claims.between("2016-10", "2016-10").ids()) >= week
    # 12 or 13 October: certainly until the 13th, only possibly until the 12th.
    two_days = {c.id for c in claims if str(c.said_on) == "2016-10-12/2016-10-13"}
    assert two_days <= set(claims.until("2016-10-13").ids())
    assert two_days <= set(claims.until("2016-10-12", overlaps=True).ids())
    assert not two_days & set(claims.until("2016-10-12").ids())
    # 24 February 2022 or later: certainly since 2022, never certainly until any day.
    later = {c.id for c in claims if str(c.said_on) == "2022-02-24/.."}
    assert len(later) == 12
    assert later <= set(claims.since("2022").ids())
    assert not later & set(claims.until("2030").ids())
    assert later <= set(claims.until("2030", overlaps=True).ids())


def test_related_traversal(ledger: Ledger, data_regression: DataRegressionFixture) -> None:
    start = "spokesman-focus-on-russia-diverts-attention"
    direct = ledger.related(start)
    reach = ledger.related(start, transitive=True)
    data_regression.check({"direct": list(direct.ids()), "transitive": list(reach.ids())})
    assert start not in reach  # type: ignore[comparison-overlap]  # an id is a member test too
    assert set(direct.ids()) <= set(reach.ids())


def test_search_hits(ledger: Ledger, data_regression: DataRegressionFixture) -> None:
    passages = ledger.search_corpus("Russian embassy", limit=5)
    claims = ledger.search("moral equivalence", limit=5)
    data_regression.check(
        {
            "corpus: Russian embassy": [
                {
                    "source": h.source.id,
                    "paragraph": h.paragraph,
                    "passage": [h.start, h.end],
                    "matches": [list(span) for span in h.matches],
                }
                for h in passages
            ],
            "claims: moral equivalence": [
                {
                    "claim": h.claim.id,
                    "matched": [
                        f"{m.field}{'' if m.index is None else m.index}" for m in h.matches
                    ],
                }
                for h in claims
            ],
        }
    )
    for hit in passages:
        text = ledger.text(hit.source)
        assert text is not None
        assert text[hit.start : hit.end] == hit.text
        matched = {text[s:e].casefold() for s, e in hit.matches}
        assert matched <= {"russian embassy", "russian", "embassy"}


def test_outlet_variants(ledger: Ledger, data_regression: DataRegressionFixture) -> None:
    found: dict[str, dict[str, Any]] = {}
    for claim in ledger.claims:
        wordings = claim.variants()
        if wordings is not None:
            found[claim.id] = {
                "reference": wordings.reference,
                "variants": [
                    {
                        "source": v.source,
                        "changes": [
                            [op.op, " ".join(op.base), " ".join(op.other)] for op in v.changes
                        ],
                    }
                    for v in wordings.variants
                ],
            }
    data_regression.check(found)
    spokesman = found["spokesman-focus-on-russia-diverts-attention"]
    # The outlets' verbatim versions are compared; their paraphrases are left out.
    assert spokesman["reference"] == "mirror-2016-10-12"
    assert {v["source"] for v in spokesman["variants"]} == {
        "corbyn-aide-focus-on-russia-2016-10-12",
        "dailymail-2016-10-13",
    }


def test_variants_of_chosen_quotes(ledger: Ledger) -> None:
    claim = ledger.claim("spokesman-focus-on-russia-diverts-attention")
    paraphrases = claim.variants(quotes=[1, 3])
    assert paraphrases is not None
    assert paraphrases.reference == "corbyn-aide-focus-on-russia-2016-10-12"
    assert [v.source for v in paraphrases.variants] == ["mirror-2016-10-12"]
    assert claim.variants(quotes=[0]) is None
    single = next(c for c in ledger.claims if len({q.source.id for q in c.quotes}) == 1)
    assert single.variants() is None


def test_the_corrected_seed_compares_wordings_and_shows_disputes_on_both_sides(
    ledger: Ledger,
) -> None:
    # Every remark whose words more than one outlet quotes gets their wordings compared.
    for claim in ledger.claims:
        outlets = {q.source.id for q in claim.quotes if q.is_direct}
        if len(outlets) > 1:
            assert claim.variants() is not None, claim.id
    # Every dispute shows on both claims, and the disputed side is contradicted.
    disputes = [
        (claim.id, link.claim)
        for claim in ledger.claims
        for link in claim.related
        if link.relation == "disputes"
    ]
    assert disputes
    for disputing, disputed in disputes:
        seen = [(r, c.id) for r, c in ledger.relations(disputed)]
        assert ("disputed-by", disputing) in seen
    disputed_ids = set(ledger.claims.where(disputed=True).ids())
    assert {d for pair in disputes for d in pair} <= disputed_ids
    assert "spokesman-not-allocating-blame" in ledger.claims.where(contradicted=True).ids()
