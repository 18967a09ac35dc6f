"""import → export → import is the identity on every kept field, for generated ClaimReview."""

from __future__ import annotations

import json
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from claimledger.importers import InputError
from claimledger.importers.claimreview import read_claimreview
from claimledger.importers.plan import known_of
from tests.imports.helpers import exported, import_text, ledger_at, new_ledger
from tests.imports.strategies import documents


@settings(
    max_examples=40,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
@given(documents)
def test_import_export_import_is_the_identity(document: dict[str, Any]) -> None:
    with tempfile.TemporaryDirectory() as folder:
        root = new_ledger(Path(folder) / "ledger")
        first = import_text(root, json.dumps(document, ensure_ascii=False))
        _, ledger = ledger_at(root)
        # What was written reads back as what was imported: claims, speakers, sources.
        assert ledger.claims == first.claims
        for speaker in first.speakers:
            assert ledger.speakers[speaker.id] == speaker
        for source in first.sources:
            assert ledger.sources[source.id].meta == source
        feed = json.dumps(exported(root), ensure_ascii=False)
        again = read_claimreview(feed, "feed.json", known_of(ledger))
        assert again.claims == first.claims
        # Every speaker and report is found in the ledger, none proposed twice.
        assert (again.speakers, again.sources) == ((), ())


def test_a_non_latin_name_is_kept_exactly(tmp_path: Path) -> None:
    review = {
        "@type": "ClaimReview",
        "claimReviewed": "Заявление",
        "itemReviewed": {"author": {"@type": "Person", "name": "Владимир Путин"}},
        "reviewRating": {"alternateName": "Неправда"},
    }
    root = new_ledger(tmp_path / "ledger")
    imported = import_text(root, json.dumps(review, ensure_ascii=False))
    (speaker,) = imported.speakers
    assert (speaker.name, speaker.kind) == ("Владимир Путин", "person")
    assert imported.claims[0].speaker == speaker.id
    feed: Any = exported(root)
    author = feed["dataFeedElement"][0]["itemReviewed"]["author"]
    assert (author["name"], author["@type"]) == ("Владимир Путин", "Person")


def test_a_realistic_sample_loses_no_field() -> None:
    """The sample of ``benchmarks/roundtrip.py``: every field kept, changed or reported."""
    script = Path(__file__).parents[2] / "benchmarks" / "roundtrip.py"
    result = subprocess.run(
        [sys.executable, str(script), "--count", "25"], capture_output=True, text=True, check=False
    )
    assert result.returncode == 0, result.stdout + result.stderr
    total = next(line for line in result.stdout.splitlines() if line.startswith("| **all**"))
    cells = [c.strip("* ") for c in total.split("|")[2:-1]]
    documents, claims, kept, _changed, _unplaceable, lost, identical = map(int, cells)
    assert (documents, lost, identical) == (25, 0, claims)
    assert kept > 0


_json = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=8),
    lambda inner: (
        st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=6), inner, max_size=3)
    ),
    max_leaves=12,
)
_KEYS = [
    "url",
    "author",
    "name",
    "@type",
    "appearance",
    "firstAppearance",
    "datePublished",
    "reviewRating",
    "ratingValue",
    "alternateName",
    "itemReviewed",
    "headline",
    "inLanguage",
    "archivedAt",
    "publisher",
    "identifier",
    "bestRating",
    "reviewBody",
]


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.dictionaries(st.sampled_from(_KEYS), _json | st.dictionaries(st.sampled_from(_KEYS), _json)),
    st.text(min_size=1),
)
def test_any_shape_of_field_is_imported_or_reported(fields: dict[str, Any], text: str) -> None:
    review = {"@type": "ClaimReview", "claimReviewed": text, **fields}
    try:
        imported = read_claimreview(json.dumps(review), "in.json")
    except InputError as exc:
        refused = exc.errors  # located errors, never another exception
    else:
        refused = ()
        (claim,) = imported.claims
        assert claim.statement == text
    assert refused or imported.claims
