"""A corpus text's sha256 must match its metadata, and the text must exist.

The quotes were checked against the text whose digest the metadata records; a
different digest means the source changed since, so its quotes need review.
Reported at the metadata's ``sha256`` value.

The same holds for the original a text was extracted from (``<id>.html``, against
``extraction.sha256``) and for every earlier version a correction kept (``<id>.v<N>.txt``
against ``versions[N-1].sha256``). The message gives both digests in full, the
claims that cite the source and the command that records a correction.

Passing: ``sha256`` equals ``sha256sum corpus/<id>.txt``.

Failing: the text was edited (or re-downloaded) after the metadata was written:
``mirror.txt has sha256 9f2c…, metadata says 81be…: the text changed …``. If the
outlet corrected the article, keep both texts: move the new one aside, restore the
recorded one (``git checkout -- corpus/mirror.txt``), then run ``claimledger
correct-source mirror NEW.txt --date YYYY-MM-DD --note "what changed"``.
=======
Failing: the text was edited (or re-downloaded) after the metadata was written.

A source known by reference (no ``sha256``) has no text yet and needs a
``url``, an ``archive_url`` or a ``title`` saying what it is. A text saved beside it
without its ``sha256`` in the metadata is reported with the digest to record.
"""

from collections.abc import Iterator
from pathlib import Path

from claimledger import codes
from claimledger.findings import Severity
from claimledger.ledger import LedgerFiles, SourceDocument, original_path
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
            yield Problem(where, _changed(ledger, source.id, source.text_path, source.digest))
        yield from _original(source)
        for number, version in enumerate(source.versions, 1):
            where = source.origin.at("versions", number - 1, "sha256")
            name = version.text_path.name
            if not version.text_path.is_file():
                yield Problem(where, f"text file {name} of version {number} is missing")
            elif (
                version.digest is not None and version.digest != (version.meta.sha256 or "").lower()
            ):
                yield Problem(
                    where,
                    f"{name} has sha256 {version.digest}, metadata says {version.meta.sha256}: "
                    f"version {number} must stay as it was recorded; restore it from history",
                )


def _original(source: SourceDocument) -> Iterator[Problem]:
    extraction = source.meta.extraction
    path = original_path(source.text_path.with_suffix(".yaml"), source.meta)
    if extraction is None:
        return
    where = source.origin.at("extraction", "sha256")
    if path is None:
        yield Problem(source.origin.at("extraction", "format"), "unknown original format")
    elif not path.is_file():
        yield Problem(where, f"{path.name}, the original the text was extracted from, is missing")
    elif source.original_digest != extraction.sha256.lower():
        yield Problem(
            where,
            f"{path.name} has sha256 {source.original_digest}, metadata says "
            f"{extraction.sha256}: the original the text was extracted from changed",
        )


def _changed(ledger: LedgerFiles, source_id: str, text_path: Path, digest: str) -> str:
    recorded = ledger.sources[source_id].meta.sha256
    citing = sorted({claim.id for claim in ledger.index if source_id in claim.sources})
    cited = f"cited by {', '.join(citing)}" if citing else "cited by no claim"
    root = ledger.config.root
    shown = text_path.relative_to(root).as_posix() if text_path.is_relative_to(root) else text_path
    return (
        f"{text_path.name} has sha256 {digest}, metadata says {recorded}: the text changed "
        f"({cited}). If the source was corrected, keep both texts: mv {shown} NEW.txt && "
        f"git checkout -- {shown} && claimledger correct-source {source_id} NEW.txt "
        '--date YYYY-MM-DD --note "what changed"'
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
