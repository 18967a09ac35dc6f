"""A corpus text's sha256 must match its metadata, and the text must exist.

The quotes were checked against the text whose digest the metadata records; a
different digest means the source changed since, so its quotes need review.
Reported at the metadata's ``sha256`` value.

Passing: ``sha256`` equals ``sha256sum corpus/<id>.txt``.

Failing: the text was edited (or re-downloaded) after the metadata was written.

A source known by reference (no ``sha256``) has no text yet and needs a
``url``, an ``archive_url`` or a ``title`` saying what it is. A text saved beside it
without its ``sha256`` in the metadata is reported with the digest to record.
"""

from collections.abc import Iterator

from claimledger import codes
from claimledger.findings import Severity
from claimledger.ledger import LedgerFiles, SourceDocument
from claimledger.rules.base import Problem

CODE = codes.CORPUS_CHANGED
NAME = "corpus-changed"
SEVERITY = Severity.ERROR


def check_registry(ledger: LedgerFiles) -> Iterator[Problem]:
    for source in ledger.sources.values():
        if source.by_reference:
            yield from _by_reference(source)
            continue
        where = source.origin.at("sha256")
        if not source.text_path.is_file():
            yield Problem(where, f"text file {source.text_path.name} is missing")
        elif source.digest is not None and source.digest != (source.meta.sha256 or "").lower():
            yield Problem(
                where,
                f"{source.text_path.name} has sha256 {source.digest[:12]}…, metadata says "
                f"{(source.meta.sha256 or '')[:12]}…: the text changed; re-check its quotes",
            )


def _by_reference(source: SourceDocument) -> Iterator[Problem]:
    meta = source.meta
    if source.text_path.is_file():
        digest = f"sha256: {source.digest}" if source.digest else "its sha256"
        yield Problem(
            source.origin.at(),
            f"{source.text_path.name} is saved but the metadata records no sha256: "
            f"add `{digest}` once its quotes may be checked against it",
        )
    elif meta.url is None and meta.archive_url is None and meta.title is None:
        yield Problem(
            source.origin.at(),
            "a source without a text needs a url, an archive_url or a title saying what it is",
        )
