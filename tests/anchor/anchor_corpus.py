"""The corpus documents, read and prepared once for every anchoring test (a helper module)."""

from __future__ import annotations

import functools
import re
from pathlib import Path

from claimledger.anchor import SourceText

CORPUS = Path(__file__).resolve().parents[2] / "corpus"

MIRROR = "mirror-2016-10-12"
AIDE = "corbyn-aide-focus-on-russia-2016-10-12"
DAILY_MAIL = "dailymail-2016-10-13"
DEFENDS = "corbyn-defends-russia-record"
COMMONS = "commons-aleppo-bombings-2016-10-18"
SOURCE_IDS = (MIRROR, AIDE, DAILY_MAIL, DEFENDS, COMMONS)


@functools.cache
def source(source_id: str) -> SourceText:
    """The prepared source, built once per test run like the validator does."""
    return SourceText.build((CORPUS / f"{source_id}.txt").read_text(encoding="utf-8"))


def paragraph_of(text: str, offset: int) -> int:
    """Which non-blank line holds ``offset``, counted independently of the library."""
    return sum(1 for line in re.finditer(r"^.*\S.*$", text, re.MULTILINE) if line.start() <= offset)
