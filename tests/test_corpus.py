"""The shipped corpus is the five seed documents, byte for byte.

The seeds' digests are pinned here so that the project stands alone: nothing
reads the folder the seeds came from.
"""

from __future__ import annotations

import hashlib

import pytest

from claimledger.check import validate
from claimledger.config import discover
from tests.conftest import REPO

SEEDS = {
    "corbyn-aide-focus-on-russia-2016-10-12": "81beb40b02cb4ed3c1ef0363d10d173f381ba2efefc04325e4560f7fab51010e",
    "mirror-2016-10-12": "3bc8eb66a4b503cf43255e701d061d847a14f02d6566966dc82b2d948de65437",
    "dailymail-2016-10-13": "c2aae312f546ab4c1bff4b48bccc1e2cb3a5a086f5a2aa15f0e4b2b42492420f",
    "commons-aleppo-bombings-2016-10-18": "eb0a323b7d881b8b5db52323173fdd4b1fe27e6792e6eb082f6ea87aa1e25228",
    "corbyn-defends-russia-record": "319517a99ceb78a2624d9c86e79a742597725046a39d671ffdd9bee72a2a2104",
}


@pytest.mark.parametrize(("source_id", "digest"), SEEDS.items())
def test_corpus_text_is_the_seed(source_id: str, digest: str) -> None:
    data = (REPO / "corpus" / f"{source_id}.txt").read_bytes()
    assert hashlib.sha256(data).hexdigest() == digest


def test_corpus_holds_exactly_the_seeds() -> None:
    assert {p.stem for p in (REPO / "corpus").glob("*.txt")} == set(SEEDS)


def test_shipped_ledger_is_clean() -> None:
    result = validate(discover(REPO))
    assert [str(f) for f in result.findings] == []
    assert set(result.ledger.sources) == set(SEEDS)
    assert result.ledger.claims, "the shipped ledger records claims"
