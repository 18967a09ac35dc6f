"""A quote from a source known only by reference is not yet checked against a text.

A quote, evidence or context passage of a claim, or the evidence of a speaker's
identification, is checked alike. The source's metadata has a ``url`` (or
``archive_url``) but no ``sha256`` and no text in the corpus, so nothing says the
passage is the source's words. It is
a warning, not an error: the ledger is valid, and the rendered ledger shows the
passage as "not yet checked against a text", never as the source's words. Save
the text as ``corpus/<id>.txt`` and record its ``sha256`` in ``corpus/<id>.yaml``
(``claimledger add-source`` with the same id does both), and the quote is
anchored like any other.

Passing: ``source: mirror-2016-10-12`` whose metadata records a ``sha256``.

Failing: ``source: fullfact-vaccines`` whose metadata is ``kind: web-page`` and
``url: https://fullfact.org/health/vaccines/`` only: ``quote not yet checked
against a text: 'fullfact-vaccines' is known by reference only``.
"""

from collections.abc import Iterator

from claimledger import codes
from claimledger.findings import Severity
from claimledger.ledger import LedgerFiles
from claimledger.rules.base import Passage, Problem, passages, registry_passages

CODE = codes.UNCHECKED_QUOTE
NAME = "unchecked-quote"
SEVERITY = Severity.WARNING


def check(ledger: LedgerFiles) -> Iterator[Problem]:
    return _check(ledger, passages(ledger))


def check_registry(ledger: LedgerFiles) -> Iterator[Problem]:
    return _check(ledger, registry_passages(ledger))


def _check(ledger: LedgerFiles, found: Iterator[Passage]) -> Iterator[Problem]:
    # Quotes, evidence and context passages alike, and the evidence of an identification.
    for passage in found:
        source = ledger.sources.get(passage.item.source)
        if source is not None and source.by_reference:
            yield Problem(
                passage.at("text"),
                f"{passage.label} not yet checked against a text: "
                f"{source.id!r} is known by reference only",
            )
