"""Every source id used must be a document in the corpus (``corpus/<id>.yaml``).

Checked for quotes, supporting and contradicting evidence, and the speaker
registry's ``reported_as``, ``roles`` and identification evidence. A document
whose metadata does not load is reported there, once, not at every quote citing it.
A passage's ``version`` must be one the source has (``versions`` kept by
corrections, plus the current text).

Passing: ``source: mirror-2016-10-12`` with ``corpus/mirror-2016-10-12.yaml``.

Failing: ``source: mirror`` (no ``corpus/mirror.yaml``); ``version: 2`` for a source
never corrected.
"""

from collections.abc import Iterable, Iterator

from claimledger import codes
from claimledger.findings import Severity
from claimledger.ledger import LedgerFiles
from claimledger.names import did_you_mean, suggest
from claimledger.rules.base import Problem, passages

CODE = codes.UNKNOWN_SOURCE
NAME = "unknown-source"
SEVERITY = Severity.ERROR
#: Not configurable: every command resolves references, and a claim or quote whose
#: reference does not resolve could not be shown, queried or exported without dropping it.
FIXED = True


def unknown(source: str, known: Iterable[str]) -> str:
    """The message for an unknown source id, with the corpus's closest ids."""
    return f"unknown source {source!r}{did_you_mean(suggest(source, sorted(known)))}"


def check(ledger: LedgerFiles) -> Iterator[Problem]:
    known = ledger.sources
    for passage in passages(ledger):
        item = passage.item
        if item.source in ledger.broken_sources:
            continue  # reported where its metadata is, once
        source = known.get(item.source)
        if source is None:
            yield Problem(passage.at("source"), unknown(item.source, known))
        elif source.version(item.version) is None:
            last = source.meta.current_version
            message = f"{item.source!r} has no version {item.version} (versions 1 to {last})"
            yield Problem(passage.at("version"), message)


def check_registry(ledger: LedgerFiles) -> Iterator[Problem]:
    known = {**ledger.sources, **dict.fromkeys(ledger.broken_sources)}
    for speaker_id, speaker in ledger.speakers.items():
        origin = ledger.speaker_origins[speaker_id]
        refs: list[tuple[str | None, tuple[str | int, ...]]] = [
            (alias.source, ("reported_as", i, "source"))
            for i, alias in enumerate(speaker.reported_as)
        ]
        refs += [(role.source, ("roles", i, "source")) for i, role in enumerate(speaker.roles)]
        if speaker.identified_as is not None:
            refs += [
                (ev.source, ("identified_as", "evidence", i, "source"))
                for i, ev in enumerate(speaker.identified_as.evidence)
            ]
        for source, path in refs:
            if source is not None and source not in known:
                yield Problem(origin.at(*path), unknown(source, known))
