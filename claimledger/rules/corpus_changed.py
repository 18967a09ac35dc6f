"""A corpus text's sha256 must match its metadata, and the text must exist.

The quotes were checked against the text whose digest the metadata records; a
different digest means the source changed since, so its quotes need review.
Reported at the metadata's ``sha256`` value.

Passing: ``sha256`` equals ``sha256sum corpus/<id>.txt``.

Failing: the text was edited (or re-downloaded) after the metadata was written.
"""

from collections.abc import Iterator

from claimledger import codes
from claimledger.findings import Severity
from claimledger.ledger import LedgerFiles
from claimledger.rules.base import Problem

CODE = codes.CORPUS_CHANGED
NAME = "corpus-changed"
SEVERITY = Severity.ERROR


def check_registry(ledger: LedgerFiles) -> Iterator[Problem]:
    for source in ledger.sources.values():
        where = source.origin.at("sha256")
        if not source.text_path.is_file():
            yield Problem(where, f"text file {source.text_path.name} is missing")
        elif source.digest is not None and source.digest != source.meta.sha256.lower():
            yield Problem(
                where,
                f"{source.text_path.name} has sha256 {source.digest[:12]}…, metadata says "
                f"{source.meta.sha256[:12]}…: the text changed; re-check its quotes",
            )
