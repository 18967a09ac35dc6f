"""Every speaker id used must be in the speaker registry (``claims/speakers.yaml``).

Checked for a claim's ``speaker``, an evidence item's ``speaker`` and an
identification's ``speaker``. A speaker whose registry entry does not load is
reported there (CL003), once, not at every claim that names it.

Passing: ``speaker: seumas-milne`` with ``- id: seumas-milne`` in the registry.

Failing: ``speaker: seumas-miln`` (no such id).
"""

from collections.abc import Iterable, Iterator

from claimledger import codes
from claimledger.findings import Severity
from claimledger.ledger import LedgerFiles
from claimledger.models import Evidence
from claimledger.names import did_you_mean, suggest
from claimledger.rules.base import Problem, passages

CODE = codes.UNKNOWN_SPEAKER
NAME = "unknown-speaker"
SEVERITY = Severity.ERROR
#: Not configurable: every command resolves references, and a claim or quote whose
#: reference does not resolve could not be shown, queried or exported without dropping it.
FIXED = True


def unknown(speaker: str, known: Iterable[str]) -> str:
    """The message for an unknown speaker id, with the registry's closest ids."""
    return f"unknown speaker {speaker!r}{did_you_mean(suggest(speaker, sorted(known)))}"


def check(ledger: LedgerFiles) -> Iterator[Problem]:
    known = {**ledger.speakers, **dict.fromkeys(ledger.broken_speakers)}
    for claim, origin in ledger.located_claims():
        if claim.speaker not in known:
            yield Problem(origin.at("speaker"), unknown(claim.speaker, known))
    for passage in passages(ledger):
        item = passage.item
        if isinstance(item, Evidence) and item.speaker is not None and item.speaker not in known:
            yield Problem(passage.at("speaker"), unknown(item.speaker, known))


def check_registry(ledger: LedgerFiles) -> Iterator[Problem]:
    known = {**ledger.speakers, **dict.fromkeys(ledger.broken_speakers)}
    for speaker_id, speaker in ledger.speakers.items():
        ident = speaker.identified_as
        if ident is not None and ident.speaker not in known:
            where = ledger.speaker_origins[speaker_id].at("identified_as", "speaker")
            yield Problem(where, unknown(ident.speaker, known))
