"""Filter semantics on small ledgers written for each case: speakers, dates, relations, sets."""

from __future__ import annotations

import datetime
from collections.abc import Callable

import pytest

from claimledger.query import ClaimSet, Ledger, QueryError, load
from tests.conftest import MakeLedger

SPEAKERS = """\
speakers:
  - id: spokesman
    description: The Labour leader's spokesman
    reported_as:
      - name: the spokesman
        source: briefing-report
  - id: milne
    name: Seumas Milne
    reported_as:
      - name: Labour spin doctor Seumas Milne
  - id: aide
    description: An aide speaking on condition of anonymity
    reported_as:
      - name: an aide to Jeremy Corbyn
    identified_as:
      speaker: milne
      evidence:
        - source: briefing-report
          text: the spokesman replied
  - id: source-close
    description: A source close to the aide
    identified_as:
      speaker: aide
      evidence:
        - source: briefing-report
          text: the spokesman replied
  - id: pm-spokesman
    description: The Prime Minister's spokesman
    reported_as:
      - name: The  Spokesman
"""


def claim(claim_id: str, speaker: str, said_on: str | None = None, **extra: str) -> str:
    lines = [f"  - id: {claim_id}", f"    statement: Claim {claim_id}.", f"    speaker: {speaker}"]
    if said_on is not None:
        lines.append(f'    said_on: "{said_on}"')
    lines += [f"    {key}: {value}" for key, value in extra.items()]
    return "\n".join(lines) + "\n"


QUOTE = "[{source: briefing-report, text: Obviously.}]"

CLAIMS = "claims:\n" + "".join(
    [
        claim("by-milne", "milne", "2016-10-12", topics="[syria]", quotes=QUOTE),
        claim("by-aide", "aide", "2016-10", topics="[syria, russia]", related="[by-milne]"),
        claim("by-source", "source-close", "2016", related="[by-aide]"),
        claim("by-spokesman", "spokesman", "2016-10-01", supports=QUOTE, related="[loner]"),
        claim("by-pm", "pm-spokesman", "2016-11-02", contradicts=QUOTE, topics="[russia]"),
        claim("undated", "spokesman", verdict="{rating: accurate, rationale: Shown.}"),
        claim("loner", "milne", "2017-01"),
    ]
)


@pytest.fixture
def ledger(make_ledger: MakeLedger) -> Ledger:
    root = make_ledger({"claims/speakers.yaml": SPEAKERS, "claims/briefing.yaml": CLAIMS})
    return load(root, cache=False)


def ids(claims: ClaimSet) -> set[str]:
    return set(claims.ids())


def test_a_speaker_includes_those_identified_as_them_along_chains(ledger: Ledger) -> None:
    claims = ledger.claims
    assert ids(claims.where(speaker="milne")) == {"by-milne", "by-aide", "by-source", "loner"}
    assert ids(claims.by_speaker("milne", identified=False)) == {"by-milne", "loner"}
    # Identification runs one way: the aide's claims do not include Milne's own.
    assert ids(claims.where(speaker="aide")) == {"by-aide", "by-source"}


def test_speakers_are_found_by_name_and_reported_name_ignoring_case_and_spacing(
    ledger: Ledger,
) -> None:
    claims = ledger.claims
    assert ids(claims.where(speaker="AN AIDE TO  JEREMY CORBYN")) == {"by-aide", "by-source"}
    assert ids(claims.where(speaker="seumas milne")) == ids(claims.where(speaker="milne"))
    assert ids(claims.where(speaker="Labour spin doctor Seumas Milne")) == ids(
        claims.where(speaker="milne")
    )
    # Two speakers reported under one name: both are meant.
    shared = claims.speakers_named("the spokesman")
    assert [s.id for s in shared] == ["spokesman", "pm-spokesman"]
    assert ids(claims.where(speaker="the spokesman")) == {"by-spokesman", "undated", "by-pm"}


def test_several_values_of_one_filter_match_any(ledger: Ledger) -> None:
    claims = ledger.claims
    assert ids(claims.where(speaker=["aide", "pm-spokesman"])) == {"by-aide", "by-source", "by-pm"}
    assert ids(claims.where(topic=("syria", "russia"))) == {"by-milne", "by-aide", "by-pm"}
    assert ids(claims.where(topic="syria", speaker="aide")) == {"by-aide"}


def test_sources_by_role(ledger: Ledger) -> None:
    claims = ledger.claims
    assert ids(claims.where(quoting="briefing-report")) == {"by-milne"}
    assert ids(claims.where(supported_by="briefing-report")) == {"by-spokesman"}
    assert ids(claims.where(contradicted_by="briefing-report")) == {"by-pm"}
    assert ids(claims.where(source="briefing-report")) == {"by-milne", "by-spokesman", "by-pm"}
    assert ids(claims.where(contradicted=True)) == {"by-pm"}
    assert ids(claims.contradicted(False)) == ids(claims) - {"by-pm"}
    assert ids(claims.where(verdict="accurate")) == {"undated"}
    assert ids(claims.where(verdict="inaccurate")) == set()  # on the scale, unused


@pytest.mark.parametrize(
    ("start", "end", "within", "overlapping"),
    [
        # A claim said "2016-10" lies within October ...
        ("2016-10-01", "2016-10-31", {"by-milne", "by-aide", "by-spokesman"}, {"by-source"}),
        # ... and only may lie within its first half; "2016" may lie anywhere in it.
        ("2016-10-01", "2016-10-15", {"by-milne", "by-spokesman"}, {"by-aide", "by-source"}),
        # Partial bounds stand for their whole range: until "2016-10" ends on the 31st.
        ("2016-10", "2016-10", {"by-milne", "by-aide", "by-spokesman"}, {"by-source"}),
        ("2016", "2016", {"by-milne", "by-aide", "by-source", "by-spokesman", "by-pm"}, set()),
        ("2016-11-02", "2017-01-31", {"by-pm", "loner"}, {"by-source"}),
    ],
)
def test_date_ranges_within_and_overlapping(
    ledger: Ledger, start: str, end: str, within: set[str], overlapping: set[str]
) -> None:
    claims = ledger.claims
    assert ids(claims.between(start, end)) == within
    assert ids(claims.between(start, end, overlaps=True)) == within | overlapping
    assert "undated" not in ids(claims.between("1000", "9999", overlaps=True))


def test_since_and_until_alone(ledger: Ledger) -> None:
    claims = ledger.claims
    assert ids(claims.since("2016-11")) == {"by-pm", "loner"}
    assert ids(claims.since("2016-11", overlaps=True)) == {"by-pm", "loner", "by-source"}
    assert ids(claims.until("2016-10-05")) == {"by-spokesman"}
    assert ids(claims.until(datetime.date(2016, 10, 5), overlaps=True)) == {
        "by-spokesman",
        "by-aide",
        "by-source",
    }


def test_bad_dates_and_empty_ranges_are_query_errors(ledger: Ledger) -> None:
    with pytest.raises(QueryError, match="not a valid date: '2016-13'"):
        ledger.claims.since("2016-13")
    with pytest.raises(QueryError, match="ends before it starts"):
        ledger.claims.between("2016-10-02", "2016-10-01")


def test_related_claims_are_symmetric_and_transitive_on_request(ledger: Ledger) -> None:
    assert ids(ledger.related("by-aide")) == {"by-milne", "by-source"}
    assert ids(ledger.related("by-milne")) == {"by-aide"}  # listed only by by-aide
    assert ids(ledger.related("by-milne", transitive=True)) == {"by-aide", "by-source"}
    assert ids(ledger.related("loner", transitive=True)) == {"by-spokesman"}
    assert ids(ledger.claims.where(related_to="by-aide", speaker="milne")) == {
        "by-milne",
        "by-source",
    }
    by_claim = ledger.claims.related_to(ledger.claim("by-aide"))
    assert by_claim == ledger.related("by-aide")


@pytest.mark.parametrize(
    ("call", "message"),
    [
        (
            lambda c: c.where(speaker="seumas miln"),
            "no speaker is known as 'seumas miln'; did you mean 'Seumas Milne'",
        ),
        (
            lambda c: c.where(source="briefing"),
            "no source 'briefing'; did you mean 'briefing-report'",
        ),
        (lambda c: c.where(topic="syra"), "no claim has topic 'syra'; did you mean 'syria'"),
        (lambda c: c.where(verdict="true"), "'true' is not a rating of this ledger"),
        (lambda c: c.related_to("by-aid"), "no claim 'by-aid'; did you mean 'by-aide'"),
    ],
)
def test_unknown_names_raise_with_suggestions(
    ledger: Ledger, call: Callable[[ClaimSet], ClaimSet], message: str
) -> None:
    with pytest.raises(QueryError) as caught:
        call(ledger.claims)
    assert str(caught.value).startswith(message)


def test_sets_compose_and_read_back(ledger: Ledger) -> None:
    claims = ledger.claims
    syria, russia = claims.where(topic="syria"), claims.where(topic="russia")
    assert ids(syria & russia) == {"by-aide"}
    assert ids(syria | russia) == {"by-milne", "by-aide", "by-pm"}
    assert ids(syria - russia) == {"by-milne"}
    assert "by-aide" in syria  # type: ignore[comparison-overlap]  # ids are members too
    assert ledger.claim("by-aide") in syria
    assert "by-pm" not in syria  # type: ignore[comparison-overlap]
    assert syria[0].id == "by-milne"
    assert [c.id for c in syria[1:]] == ["by-aide"]
    assert [c.id for c in claims.chronological()][:3] == ["by-source", "by-aide", "by-spokesman"]
    assert claims.chronological()[-1].id == "undated"
    assert [s.id for s in (syria | russia).speakers()] == ["milne", "aide", "pm-spokesman"]
    assert ids(claims.filter(lambda c: c.said_on is None)) == {"undated"}
    assert repr(syria) == "<ClaimSet of 2: by-milne, by-aide>"


def test_sets_of_different_ledgers_do_not_combine(ledger: Ledger) -> None:
    other = load("tests/examples/clean", cache=False)
    with pytest.raises(TypeError, match="same loaded ledger"):
        _ = ledger.claims | other.claims


def test_references_are_resolved(ledger: Ledger) -> None:
    milne = ledger.claim("by-milne")
    assert milne.speaker.name == "Seumas Milne"
    assert milne.quotes[0].source.title == "An example report of a briefing"
    assert ledger.identified_as("aide") == ledger.speaker("milne")
    assert ledger.identified_as(ledger.speaker("milne")) is None
    assert str(milne.location) == "claims/briefing.yaml:2:5"
