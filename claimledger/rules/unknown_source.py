"""Every source id used must be a document in the corpus (``corpus/<id>.yaml``).

Checked for quotes, supporting and contradicting evidence, and the speaker
registry's ``reported_as``, ``roles`` and identification evidence. A document
whose metadata does not load is reported there, once, not at every quote citing it.

Passing: ``source: mirror-2016-10-12`` with ``corpus/mirror-2016-10-12.yaml``.

Failing: ``source: mirror`` (no ``corpus/mirror.yaml``).
"""

from collections.abc import Iterator

from claimledger import codes
from claimledger.findings import Severity
from claimledger.ledger import LedgerFiles
from claimledger.rules.base import Problem, passages

CODE = codes.UNKNOWN_SOURCE
NAME = "unknown-source"
SEVERITY = Severity.ERROR
#: Not configurable: every command resolves references, and a claim or quote whose
#: reference does not resolve could not be shown, queried or exported without dropping it.
FIXED = True


def check(ledger: LedgerFiles) -> Iterator[Problem]:
    known = {**ledger.sources, **dict.fromkeys(ledger.broken_sources)}
    for passage in passages(ledger):
        if passage.item.source not in known:
            yield Problem(passage.at("source"), f"unknown source {passage.item.source!r}")


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
                yield Problem(origin.at(*path), f"unknown source {source!r}")
