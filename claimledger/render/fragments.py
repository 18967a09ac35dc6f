"""What a rendering keeps for the next: each passage's place in its source and the
rendered Markdown of each claim and each source's text.

A ledger re-rendered after a small change (or none) presents mostly what it
presented before; anchoring every passage again and running the claim and source
macros again for all of them is most of a rendering's cost. The places (and the
outlets' wordings compared for each claim) are kept in ``render-places.json``, the
fragments in one index per kind of output (``render-single.json``,
``render-pages.json``), compressed: each a :class:`~claimledger.cache_index.CacheIndex`,
so with its protections (the whole file carries an HMAC under the user's secret, the
entries' names are HMACs of their keys, it is read only as a regular file inside
the ledger's ``.claimledger/cache/``, never through a link, and each run keeps only
the entries it used).

Keys hold everything the kept result is made from, so a change that could alter it
is always a miss:

- **a passage's place** is :func:`claimledger.anchorings.anchoring` of the
  document's text (by its sha256) and the passage's words and occurrence;
- **a claim's wordings** are compared from each quote's source, words and kind;
- **a fragment** is a macro of the built-in templates applied to its arguments (the
  claim's or source's view, whole: every claim, source, speaker and date it shows),
  with every field of the ledger's view but its lists, the page it is written on and
  where every anchor lives (how its links are written).

Every key also holds the digest of claimledger's code (its modules and built-in
template files). Only the built-in templates' output is kept: a ledger's own
templates (and the folders they could shadow the built-in ones from) are rendered
every time.

The edition digest changes with any claim; a claim's fragment writes it once (its
"cite as" line). So that one changed claim does not miss every other claim's
fragment, a fragment is kept with the edition it was written with, and only if
that edition occurs in it exactly as often as the macro writes it (no user text
contains it); the current edition is put in its place.
"""

from __future__ import annotations

import base64
import functools
import hashlib
import io
import operator
import pickle
import zlib
from collections.abc import Callable, Mapping, Sequence
from pathlib import Path
from typing import Any, ClassVar

import attrs

from claimledger.cache_index import CacheIndex
from claimledger.findings import Finding
from claimledger.ledger import LedgerFiles, SourceDocument
from claimledger.render.context import GroupBy, build_view
from claimledger.render.pinpoint import Placed, Shown, place, shown_wordings
from claimledger.render.views import LedgerView
from claimledger.resolved import ResolvedClaim, ResolvedLedger

__all__ = ["EDITION_WRITES", "FragmentCache", "build_kept_view", "code_digest"]

#: claimledger's package folder, whose code and templates are part of every key.
_PACKAGE = Path(__file__).resolve().parent.parent
#: The layout of the kept entries.
_FORMAT = 1

#: How many times each kept macro writes the edition digest.
EDITION_WRITES = {"claim_section": 1, "source_text": 0}


@functools.cache
def code_digest() -> str:
    """The sha256 over claimledger's own code: every module and built-in template file,
    by name and bytes. A fragment kept by other code (another version, a local edit)
    is never used."""
    digest = hashlib.sha256(f"{_FORMAT}".encode())
    for path in sorted(_PACKAGE.rglob("*")):
        if path.suffix in (".py", ".j2", ".css", ".js") and path.is_file():
            digest.update(path.relative_to(_PACKAGE).as_posix().encode() + b"\0")
            digest.update(hashlib.sha256(path.read_bytes()).digest())
    return digest.hexdigest()


class _Writer(pickle.Pickler):
    """Pickle, with attrs instances written as their class and field values (what
    attrs' own ``__getstate__`` writes, without building a dict per instance)."""

    _getters: ClassVar[dict[type, Callable[[Any], Any]]] = {}

    def reducer_override(self, obj: Any) -> Any:
        kind = type(obj)
        getter = self._getters.get(kind)
        if getter is None:
            if not attrs.has(kind):
                return NotImplemented
            names = [field.name for field in attrs.fields(kind)]
            take = operator.attrgetter(*names)
            getter = take if len(names) > 1 else lambda item, take=take: (take(item),)
            self._getters[kind] = getter
        return (kind, getter(obj))


def _digest(value: object) -> str:
    # Pickle writes the values it is given and their kinds: equal bytes, equal inputs.
    # (Equal inputs may be written differently, shared or not: a miss, never a wrong hit.)
    buffer = io.BytesIO()
    _Writer(buffer, protocol=5).dump(value)
    return hashlib.sha256(buffer.getbuffer()).hexdigest()


def _packed(edition: str, text: str) -> list[str]:
    """A fragment as kept: the edition it was written with, and its text, compressed
    (about half the size, so that reading the index costs less memory than the text)."""
    return [edition, base64.b64encode(zlib.compress(text.encode(), 1)).decode("ascii")]


def _unpacked(kept: object, writes: int) -> tuple[str, str] | None:
    """The edition and text of a kept fragment written with the edition ``writes`` times."""
    if not (isinstance(kept, list) and len(kept) == 2 and all(isinstance(k, str) for k in kept)):
        return None
    edition, packed = kept
    try:
        text = zlib.decompress(base64.b64decode(packed, validate=True)).decode()
    except (ValueError, zlib.error):
        return None
    if (text.count(edition) != writes) if edition else writes != 0:
        return None
    return edition, text


class FragmentCache:
    """The places and fragments of an earlier rendering of one kind of output
    (``kind``: ``single``, ``pages``), kept for the next when ``enabled``."""

    def __init__(self, root: Path, kind: str, *, enabled: bool = True) -> None:
        # Places and wordings, the same whatever is rendered, are read first (the view is
        # built with them); the fragments only once the view is built and the ledger it
        # was built from can go, so that the two are never in memory at once.
        self._index = CacheIndex(root, enabled, "render-places.json")
        self._root, self._kind = root, kind
        self._kept: CacheIndex | None = None
        self._salt = code_digest() if self._index.enabled else ""
        self._texts: dict[int, str] = {}
        #: Entries kept as one book each (a document's places, the claims' wordings): what
        #: an earlier run kept, and what this run asked for (the next run keeps only that).
        self._books: dict[str, tuple[dict[str, Any], dict[str, Any]]] = {}
        self._page = ""
        #: Fragments this run took from the cache, and those it rendered.
        self.reused = 0
        self.rendered = 0

    @property
    def enabled(self) -> bool:
        return self._index.enabled

    def _text_digest(self, document: SourceDocument) -> str:
        found = self._texts.get(id(document))
        if found is None:
            text = document.text or ""
            found = self._texts[id(document)] = hashlib.sha256(text.encode()).hexdigest()
        return found

    def placed(self, document: SourceDocument, quote: str, occurrence: int | None) -> Placed | None:
        """:func:`claimledger.render.pinpoint.place`, kept (one entry per document text)."""
        checked = document.text is not None and not document.by_reference
        if not self.enabled or not checked:
            return place(document, quote, occurrence)
        old, new = self._book(f"places\0{self._salt}\0{self._text_digest(document)}")
        name = f"{occurrence}\0{quote}"
        entry = new.get(name, old.get(name))
        if not (isinstance(entry, list) and len(entry) in (0, 3)):
            found = place(document, quote, occurrence)
            entry = [] if found is None else [found.paragraph, found.last_paragraph, found.parts]
        new[name] = entry
        if not entry:
            return None
        paragraph, last, parts = entry
        return Placed(paragraph, last, tuple((start, end) for start, end in parts))

    def _book(self, key: str) -> tuple[dict[str, Any], dict[str, Any]]:
        book = self._books.get(key)
        if book is None:
            kept = self._index.get(key)
            book = self._books[key] = (kept if isinstance(kept, dict) else {}, {})
        return book

    def wordings(self, claim: ResolvedClaim) -> Shown | None:
        """The outlets' wordings of the claim's remark as a rendering shows them: the
        reference source and each other's changes (``(op, base, other)``), kept; ``None``
        where :meth:`~claimledger.resolved.ResolvedClaim.variants` finds none."""
        if not self.enabled:
            return shown_wordings(claim)
        old, new = self._book(f"wordings\0{self._salt}")
        # Everything variants() reads of the claim: each quote's source, words and kind.
        name = _digest([(q.source.id, q.text, q.is_direct) for q in claim.quotes])
        entry = new.get(name, old.get(name))
        if entry is None or not isinstance(entry, list):
            found = shown_wordings(claim)
            entry = [] if found is None else [found[0], [[s, list(c)] for s, c in found[1]]]
        new[name] = entry
        if not entry:
            return None
        reference, variants = entry
        return reference, tuple(
            (source, tuple((op, base, other) for op, base, other in changes))
            for source, changes in variants
        )

    @staticmethod
    def homes_digest(homes: Mapping[str, str] | None) -> str:
        """The digest of where each anchor lives (``None``: on the one page)."""
        return _digest(None if homes is None else dict(homes))

    def set_page(self, view: LedgerView, page: str, homes: str) -> None:
        """What the fragments to come are rendered against: every field of the ledger's
        view but its lists and its edition, the page, where each anchor lives (``homes``,
        :meth:`homes_digest`): all the macros read besides their arguments."""
        fields = attrs.evolve(
            view, edition="", groups=(), claims=(), sources=(), speakers=(), stories=()
        )
        self._page = _digest((fields, page, homes))

    def fragment(self, edition: str, macro: Callable[..., Any], name: str, *args: object) -> str:
        """``macro(*args)``, the built-in macro ``name`` of the page set by
        :meth:`set_page`, kept with the ``edition`` cut out (see the module's text)."""
        writes = EDITION_WRITES[name]
        if not self.enabled:
            return str(macro(*args))
        key = f"fragment\0{self._salt}\0{self._page}\0{name}\0{_digest(args)}"
        kept = _unpacked(self._fragments.get(key), writes)
        if kept is not None:
            self.reused += 1
            cut, text = kept
            return text.replace(cut, edition) if cut else text
        self.rendered += 1
        text = str(macro(*args))
        if (text.count(edition) == writes) if edition else writes == 0:
            self._fragments.put(key, _packed(edition, text))
        return text

    def save(self) -> None:
        """Keep this run's places and fragments (only those) for the next."""
        for key, (_, asked) in self._books.items():
            self._index.put(key, asked)
        self._index.save()
        if self._kept is not None:
            self._kept.save()

    @property
    def _fragments(self) -> CacheIndex:
        if self._kept is None:
            self._kept = CacheIndex(self._root, self.enabled, f"render-{self._kind}.json")
        return self._kept


def build_kept_view(
    ledger: LedgerFiles | ResolvedLedger,
    cache: FragmentCache | None,
    *,
    group_by: GroupBy,
    findings: Sequence[Finding],
) -> LedgerView:
    """:func:`~claimledger.render.context.build_view`, with the places and wordings
    ``cache`` keeps (``None``: all worked out)."""
    if cache is None:
        return build_view(ledger, group_by=group_by, findings=findings)
    return build_view(
        ledger,
        group_by=group_by,
        findings=findings,
        places=cache.placed,
        wordings=cache.wordings,
    )
