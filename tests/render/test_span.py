"""How the ledger and its groups say when their claims were made."""

from __future__ import annotations

import pytest

from claimledger.dates import PartialDate
from claimledger.render.labels import span_words


@pytest.mark.parametrize(
    ("dates", "words"),
    [
        ((), None),
        (("2016-10-12", "2016-10-12"), "on 12 October 2016"),
        (("2016-09", "2016-10-18"), "between September 2016 and 18 October 2016"),
        # An open date is never the end of a "between … and …".
        (("../2016-10-12", "2016-10-12", "2016-10-10"), "on 12 October 2016 or earlier"),
        (("2022-02-24/..", "2023-01"), "on 24 February 2022 or later"),
        (
            ("../2016-10-18", "2016-10-12", "2022-02-24/.."),
            "from 18 October 2016 or earlier to 24 February 2022 or later",
        ),
        (("../2016-10-18", "2016-10-12", "2018"), "from 18 October 2016 or earlier to 2018"),
        (("2016-10-12", "2022-02-24/.."), "from 12 October 2016 to 24 February 2022 or later"),
    ],
)
def test_a_span_of_dates_reads_as_words(dates: tuple[str, ...], words: str | None) -> None:
    assert span_words([PartialDate.parse(d) for d in dates]) == words
