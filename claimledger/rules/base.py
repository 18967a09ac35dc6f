"""What a rule is: a code, a name, a one-line summary, a default severity, a check.

A rule's ``check`` (claims) and ``check_registry`` (speakers and corpus) are
generators over the ledger yielding :class:`Problem`
values (a place and a message); the linter turns them into findings with the
configured severity. Load rules (YAML syntax, schema, ...) are reported by the
loader itself, so their ``check`` is ``None``.
"""

from __future__ import annotations

import weakref
from collections.abc import Callable, Iterator
from operator import itemgetter
from types import ModuleType
from typing import Literal

import attrs

from claimledger.anchor import Anchoring, Op, compare_words, variants
from claimledger.anchor.wordings import WORD
from claimledger.anchorings import anchor_passages
from claimledger.findings import Location, Severity, visible
from claimledger.ledger import LedgerFiles, Origin, SourceDocument
from claimledger.models import Evidence, Quote

__all__ = [
    "Passage",
    "Problem",
    "Rule",
    "WordDifference",
    "anchored_checks",
    "anchorings",
    "at_offset",
    "describe_change",
    "passages",
    "punctuation_only",
    "registry_passages",
    "rule_from_module",
    "shorten",
    "word_difference",
]


@attrs.frozen
class Problem:
    """One thing a rule found wrong, before a severity is given to it."""

    location: Location
    message: str


Check = Callable[[LedgerFiles], Iterator[Problem]]


@attrs.frozen
class Rule:
    code: str
    name: str
    summary: str
    severity: Severity
    #: Checks the claims; ``None`` for rules the loader applies while reading files.
    check: Check | None
    doc: str
    #: Checks the speaker registry and the corpus, which do not change per claim file.
    check_registry: Check | None = None
    #: ``"ledger"`` for rules that need every claim (through ``LedgerFiles.index``);
    #: ``"file"`` for rules that can check one claim file against the registry and corpus.
    scope: Literal["file", "ledger"] = "file"
    #: A rule whose severity the configuration cannot change (references that must resolve).
    fixed: bool = False

    @property
    def phase(self) -> Literal["load", "check"]:
        return "load" if self.check is None and self.check_registry is None else "check"

    def checks(self) -> tuple[Check, ...]:
        """Every check of the rule, claims and registry alike."""
        return tuple(c for c in (self.check, self.check_registry) if c is not None)


def rule_from_module(module: ModuleType) -> Rule:
    """A rule from a module with CODE, NAME, SEVERITY, an optional check() and a docstring."""
    doc = (module.__doc__ or "").strip()
    return Rule(
        code=module.CODE,
        name=module.NAME,
        summary=doc.splitlines()[0] if doc else module.NAME,
        severity=module.SEVERITY,
        check=getattr(module, "check", None),
        doc=doc,
        scope=getattr(module, "SCOPE", "file"),
        check_registry=getattr(module, "check_registry", None),
        fixed=getattr(module, "FIXED", False),
    )


@attrs.frozen
class Passage:
    """A passage the ledger presents as a source's words, with the path that locates it.

    Quotes, supporting and contradicting evidence of claims, and the evidence
    that identifies a speaker: every one is anchored and checked alike.
    """

    item: Quote | Evidence
    label: Literal["quote", "supporting", "contradicting", "context", "identification"]
    #: The item's path inside ``origin`` (e.g. ``("quotes", 0)``).
    path: tuple[str | int, ...]
    origin: Origin
    #: The id of the claim (or, for identification evidence, the speaker) it belongs to.
    owner: str

    def at(self, name: str) -> Location:
        return self.origin.at(*self.path, name)


_CLAIM_PASSAGES: tuple[
    tuple[
        Literal["quotes", "supports", "contradicts", "context"],
        Literal["quote", "supporting", "contradicting", "context"],
    ],
    ...,
] = (
    ("quotes", "quote"),
    ("supports", "supporting"),
    ("contradicts", "contradicting"),
    ("context", "context"),
)


def passages(ledger: LedgerFiles) -> Iterator[Passage]:
    """Every quote and evidence item of every claim, in ledger order."""
    for claim, origin in ledger.located_claims():
        for field, label in _CLAIM_PASSAGES:
            items: tuple[Quote | Evidence, ...] = getattr(claim, field)
            for index, item in enumerate(items):
                yield Passage(item, label, (field, index), origin, claim.id)


def registry_passages(ledger: LedgerFiles) -> Iterator[Passage]:
    """Every passage of the speaker registry: the evidence identifying a speaker."""
    for speaker_id, speaker in ledger.speakers.items():
        if speaker.identified_as is None:
            continue
        origin = ledger.speaker_origins[speaker_id]
        for index, item in enumerate(speaker.identified_as.evidence):
            yield Passage(
                item, "identification", ("identified_as", "evidence", index), origin, speaker_id
            )


def anchorings(
    ledger: LedgerFiles, of: Callable[[LedgerFiles], Iterator[Passage]] = passages
) -> Iterator[tuple[Passage, str, Anchoring]]:
    """Each passage (of claims, or ``of=registry_passages``) that can be anchored (known
    source and version with a text, non-empty text), with its source id and where it
    stands, in ledger order.

    A document's passages are anchored together, in one pass over its text
    (:func:`claimledger.anchorings.anchor_passages`), and memoised. The walk itself is
    kept (claims' and registry's) for the last ledger asked about, so the rules that look
    at the passages one after another (not found, possible misquote, ambiguous) share
    one walk."""
    last = _walks.get(of)
    if last is not None and last[0]() is ledger:
        return iter(last[1])
    walked = _walk(ledger, of)
    _walks[of] = (weakref.ref(ledger, _forget), walked)
    return iter(walked)


_Walk = tuple[tuple[Passage, str, Anchoring], ...]
#: The last walk of each kind (claims, registry), with the ledger it is of.
_walks: dict[
    Callable[[LedgerFiles], Iterator[Passage]],
    tuple[weakref.ReferenceType[LedgerFiles], _Walk],
] = {}


def _forget(ledger: weakref.ReferenceType[LedgerFiles]) -> None:
    # A walk goes with its ledger: it must not keep passages and anchorings alive.
    for of, (walked_ledger, _) in list(_walks.items()):
        if walked_ledger is ledger:
            del _walks[of]


def _walk(ledger: LedgerFiles, of: Callable[[LedgerFiles], Iterator[Passage]]) -> _Walk:
    wanted: dict[SourceDocument, list[tuple[int, Passage, tuple[str, int | None]]]] = {}
    for number, passage in enumerate(of(ledger)):
        item = passage.item
        known = ledger.sources.get(item.source)
        # A passage pinned to a version is anchored in that version's text.
        source = None if known is None else known.version(item.version)
        if source is not None and item.text.strip():
            wanted.setdefault(source, []).append((number, passage, (item.text, item.occurrence)))
    placed: list[tuple[int, Passage, str, Anchoring]] = []
    for source, asked in wanted.items():
        found = anchor_passages(source, [request for _, _, request in asked])
        if found is not None:
            placed += (
                (number, passage, source.id, where)
                for (number, passage, _), where in zip(asked, found, strict=True)
            )
    placed.sort(key=itemgetter(0))
    return tuple((passage, source_id, where) for _, passage, source_id, where in placed)


Judge = Callable[[Passage, str, Anchoring], Iterator[Problem]]


def anchored_checks(judge: Judge) -> tuple[Check, Check]:
    """The ``check`` and ``check_registry`` of a rule about where passages stand:
    ``judge`` is called with each anchored passage of the claims, or of the registry.

    The three quote rules (not found, possible misquote, ambiguous) are each a module
    with a judge; this is the one walk over the passages they share."""

    def check(ledger: LedgerFiles) -> Iterator[Problem]:
        for found in anchorings(ledger):
            yield from judge(*found)

    def check_registry(ledger: LedgerFiles) -> Iterator[Problem]:
        for found in anchorings(ledger, registry_passages):
            yield from judge(*found)

    return check, check_registry


def punctuation_only(found: Anchoring) -> bool:
    """A quote not found, whose closest passage has the same words in the same order.

    Words are compared as :func:`claimledger.anchor.variants` compares outlets'
    wordings: case, punctuation and typography set aside. So "large scale" against
    "large-scale" is a change of words, and so is "now" against "not".
    """
    if found.matches or found.closest is None:
        return False
    wordings = variants([("quote", found.quote), ("source", found.closest.text)])
    return all(op.op == "equal" for variant in wordings.variants for op in variant.changes)


def shorten(text: str, limit: int = 80) -> str:
    """One line of at most ``limit`` characters, for a message.

    >>> shorten("a  b\\nc", 80), shorten("x" * 100, 10)
    ('a b c', 'xxxxxxxxx…')
    """
    flat = " ".join(text.split())
    return flat if len(flat) <= limit else flat[: limit - 1].rstrip() + "…"


@attrs.frozen
class WordDifference:
    """How a quote's words differ from a passage's: a summary, and where in the quote
    (a character offset) the first difference is."""

    summary: str
    offset: int


def describe_change(op: Op) -> str:
    """One run of differing words, from the reference's side to the other's.

    >>> describe_change(Op("replace", ("March",), ("April",)))
    '“April” for “March”'
    """
    base, other = (visible(" ".join(words)) for words in (op.base, op.other))
    if op.op == "replace":
        return f"“{other}” for “{base}”"
    if op.op == "insert":
        return f"adds “{other}”"
    return f"leaves out “{base}”"


def word_difference(passage: str, quote: str, limit: int = 3) -> WordDifference | None:
    """The word-level difference of ``quote`` from ``passage``, ``None`` if the words agree.

    >>> d = word_difference("Both governments were slow", "Both authorities were slow")
    >>> d.summary, d.offset
    ('“authorities” for “governments”', 5)
    """
    ops = compare_words(passage, quote)
    changes = [op for op in ops if op.op != "equal"]
    if not changes:
        return None
    parts = [describe_change(op) for op in changes[:limit]]
    if len(changes) > limit:
        parts.append(f"{len(changes) - limit} more difference(s)")
    # The quote's words before the first difference; the caret goes on the next one.
    before = 0
    for op in ops:
        if op.op != "equal":
            break
        before += len(op.other)
    tokens = list(WORD.finditer(quote))
    offset = tokens[before].start() if before < len(tokens) else len(quote.rstrip())
    return WordDifference("; ".join(parts), offset)


def at_offset(passage: Passage, where: Location, offset: int) -> Location:
    """The place of character ``offset`` of the passage's text in its file, where the
    text is written on one line, plain or quoted without escapes before that point;
    else ``where``, the start of the value."""
    line = passage.origin.document.line(where.line)
    item_text = passage.item.text
    if line is None or not item_text:
        return where
    start = where.column - 1
    for skip in (1, 0) if line[start : start + 1] in ("'", '"') else (0,):
        if line[start + skip : start + skip + offset] == item_text[:offset]:
            return attrs.evolve(where, column=where.column + skip + offset)
    return where
