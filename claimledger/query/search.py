"""Full-text search over claims and the corpus with SQLite FTS5, ranked by bm25.

The corpus is indexed by passage: each paragraph (a non-blank line, as
:mod:`claimledger.anchor.source` numbers them), cut at sentence ends into windows of
at most :data:`WINDOW` characters when it is longer, so every hit is a citable passage
with its paragraph number. A hit's ``matches`` are the spans of the words found, as
code-point offsets into the source's original text: ``text[start:end]`` is what
matched. Offsets come from FTS5's ``highlight()`` run over the passage as stored,
with marker characters the corpus does not contain, so they follow FTS5's own
tokenizer exactly. Claims are indexed by statement and by quote.

Indexes are built on first use. With a cache folder (``.claimledger/`` in the ledger
root) each is kept there as an SQLite file named by a digest of what it indexes, keyed
with the user's cache secret (the one validation's cache uses, kept outside the
repository), built in a temporary file and renamed into place: a changed corpus gets a
new index, a reader never sees half of one, and an index committed to the repository
is never taken for one's own. Otherwise, or if the folder or the secret cannot be
written, they are built in memory.
"""

from __future__ import annotations

import contextlib
import hashlib
import hmac
import os
import re
import sqlite3
import tempfile
import threading
from bisect import bisect_right
from collections.abc import Iterable, Iterator, Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Literal

from claimledger.atomic import private_folder
from claimledger.models import Source
from claimledger.query.fts import compile_query
from claimledger.query.hits import ClaimHit, PassageHit, Span, TextMatch
from claimledger.query.index import ClaimIndex
from claimledger.safe_read import real_folder
from claimledger.secret import cache_secret

if TYPE_CHECKING:
    from claimledger.resolved import ResolvedClaim

__all__ = ["WINDOW", "Searcher", "claims_key", "passages"]

#: Bumped whenever what an index holds changes, so older cached indexes are not used.
VERSION = "1"
WINDOW = 1000
TOKENIZER = "unicode61 remove_diacritics 2"

# A line as str.splitlines() breaks lines; a sentence end (with closing quotes) and spaces.
_LINE = re.compile(r"[^\n\r\v\f\x1c\x1d\x1e\x85\u2028\u2029]+")
_SENTENCE_END = re.compile(r"(?<=[.!?…])[\"'”’)\]]*\s+")  # noqa: RUF001


def passages(text: str) -> Iterator[Span]:
    """The spans of ``text`` indexed for search: its lines, long ones cut into windows.

    >>> text = "Title\\n\\n  First. Second.\\n"
    >>> [text[s:e] for s, e in passages(text)]
    ['Title', 'First. Second.']
    """
    for line in _LINE.finditer(text):
        start, end = line.span()
        while start < end and text[start].isspace():
            start += 1
        while end > start and text[end - 1].isspace():
            end -= 1
        if start < end:
            yield from _windows(text, start, end)


def _windows(text: str, start: int, end: int) -> Iterator[Span]:
    cuts = [m.end() for m in _SENTENCE_END.finditer(text, start, end)]
    while end - start > WINDOW:
        limit = start + WINDOW
        i = bisect_right(cuts, limit) - 1
        if i >= 0 and cuts[i] > start:
            cut = cuts[i]
        else:  # a sentence longer than a window: cut at a space, or anywhere
            cut = text.rfind(" ", start + 1, limit) + 1 or limit
        stop = cut
        while stop > start and text[stop - 1].isspace():
            stop -= 1
        yield start, stop
        start = cut
        while start < end and text[start].isspace():
            start += 1
    if start < end:
        yield start, end


def _markers(texts: Iterable[str]) -> tuple[str, str]:
    """Two private-use characters found in none of ``texts``, to mark matches with."""
    texts = list(texts)
    free = (c for c in map(chr, range(0xE000, 0xF900)) if not any(c in t for t in texts))
    return next(free), next(free)


def _spans(marked: str, marks: tuple[str, str], offset: int = 0) -> tuple[Span, ...]:
    found: list[Span] = []
    at, start = offset, offset
    for piece in re.split(f"([{marks[0]}{marks[1]}])", marked):
        if piece == marks[0]:
            start = at
        elif piece == marks[1]:
            found.append((start, at))
        else:
            at += len(piece)
    return tuple(found)


def _text_match(item: int, marked: str, marks: tuple[str, str]) -> TextMatch:
    text = marked.replace(marks[0], "").replace(marks[1], "")
    if item < 0:
        return TextMatch("statement", None, text, _spans(marked, marks))
    return TextMatch("quote", item, text, _spans(marked, marks))


def claims_key(claims: Iterable[ResolvedClaim]) -> str:
    """A digest of the texts the claims' search index holds (names its cached file)."""
    digest = hashlib.sha256(f"claimledger-search {VERSION} claims\0".encode())
    for claim_id, item, text in _claim_texts(claims):
        digest.update(f"{claim_id}\0{item}\0{text}\0".encode())
    return digest.hexdigest()


def _claim_texts(claims: Iterable[ResolvedClaim]) -> Iterator[tuple[str, int, str]]:
    for claim in claims:
        yield claim.id, -1, claim.statement
        yield from ((claim.id, i, quote.text) for i, quote in enumerate(claim.quotes))


class Searcher:
    """Builds and queries a loaded ledger's search indexes; internal to :class:`Ledger`.

    ``texts`` holds each source's text (``None`` when unreadable), ``digests`` the sha256
    of each source text that is not empty: only a text an index must be built from is read.
    ``key`` is :func:`claims_key` of the index's claims, when already known.
    """

    __slots__ = ("_cache", "_claims_key", "_connections", "_digests", "_index", "_lock", "_texts")

    def __init__(
        self,
        index: ClaimIndex,
        texts: Mapping[str, str | None],
        digests: Mapping[str, str],
        cache: Path | None,
        key: str | None = None,
    ) -> None:
        self._index = index
        self._texts = texts
        self._digests = digests
        self._cache = cache
        self._claims_key = key
        self._connections: dict[str, tuple[sqlite3.Connection, tuple[str, str]]] = {}
        self._lock = threading.Lock()

    def text(self, source: Source) -> str | None:
        return self._texts[source.id]

    def _claim(self, claim_id: str) -> ResolvedClaim:
        return self._index.claims[self._index.positions[claim_id]]

    def search_corpus(self, query: str, limit: int) -> tuple[PassageHit, ...]:
        expression = compile_query(query)
        with self._lock:
            db, marks = self._connect("corpus")
            # bm25() in ORDER BY ... LIMIT lets SQLite keep only the best rows as it goes;
            # FTS5's own "ORDER BY rank" sorts every match first (twice as slow for a
            # word found in most passages).
            top = db.execute(
                "SELECT rowid, bm25(passages) AS score FROM passages WHERE passages MATCH ? "
                "ORDER BY score, rowid LIMIT ?",
                (expression, limit),
            ).fetchall()
            hits = []
            for rowid, score in top:
                marked, source_id, paragraph, start = db.execute(
                    "SELECT highlight(passages, 0, ?, ?), source, paragraph, start FROM passages "
                    "WHERE passages MATCH ? AND rowid = ?",
                    (*marks, expression, rowid),
                ).fetchone()
                text = marked.replace(marks[0], "").replace(marks[1], "")
                source = self._index.sources[source_id]
                spans = _spans(marked, marks, start)
                hits.append(
                    PassageHit(source, paragraph, start, start + len(text), text, spans, -score)
                )
        return tuple(hits)

    def search_claims(self, query: str, limit: int) -> tuple[ClaimHit, ...]:
        expression = compile_query(query)
        with self._lock:
            db, marks = self._connect("claims")
            # A claim's best text decides its place. Rows come best first, a few per claim
            # wanted, until enough distinct claims are seen or the matches run out.
            best: dict[str, float] = {}
            wanted = limit * 4
            while True:
                rows = db.execute(
                    "SELECT claim, bm25(texts) AS score FROM texts WHERE texts MATCH ? "
                    "ORDER BY score, rowid LIMIT ?",
                    (expression, wanted),
                ).fetchall()
                for claim_id, score in rows:
                    best.setdefault(claim_id, score)
                if len(best) >= limit or len(rows) < wanted:
                    break
                wanted *= 4
            top = list(best.items())[:limit]
            found: list[list[TextMatch]] = []
            for claim_id, _ in top:
                # A claim's texts have consecutive rowids: one range look-up finds them all.
                marked_rows = db.execute(
                    "SELECT item, highlight(texts, 0, ?, ?) FROM texts WHERE texts MATCH ? "
                    "AND rowid BETWEEN (SELECT first FROM claims WHERE claim = ?) "
                    "AND (SELECT last FROM claims WHERE claim = ?) ORDER BY bm25(texts), rowid",
                    (*marks, expression, claim_id, claim_id),
                ).fetchall()
                found.append([_text_match(item, marked, marks) for item, marked in marked_rows])
        return tuple(
            ClaimHit(self._claim(claim_id), tuple(matches), -score)
            for (claim_id, score), matches in zip(top, found, strict=True)
        )

    # -- building and caching --------------------------------------------------------------

    def _key(self, kind: str) -> str:
        """A digest of what the index of ``kind`` holds."""
        if kind == "claims":
            return self._claims_key or claims_key(self._index.claims)
        digest = hashlib.sha256(f"claimledger-search {VERSION} {kind}\0".encode())
        for source_id, sha in sorted(self._digests.items()):
            digest.update(f"{source_id}\0{sha}\0".encode())
        return digest.hexdigest()

    def _rows(self, kind: str) -> tuple[Iterator[tuple[str | int, ...]], list[str]]:
        """The rows of the index of ``kind``, and its texts: read only to build it."""
        if kind == "corpus":
            texts = [(i, self._texts[i] or "") for i in sorted(self._digests)]

            def corpus_rows() -> Iterator[tuple[str | int, ...]]:
                from claimledger.anchor import SourceText  # only to build the index

                for source_id, text in texts:
                    numbered = SourceText.build(text)
                    for start, end in passages(text):
                        yield text[start:end], source_id, numbered.paragraph_at(start), start

            return corpus_rows(), [t for _, t in texts]
        rows = [(text, claim_id, item) for claim_id, item, text in _claim_texts(self._index.claims)]
        return iter(rows), [t for t, _, _ in rows]

    def _connect(
        self, kind: Literal["corpus", "claims"]
    ) -> tuple[sqlite3.Connection, tuple[str, str]]:
        if kind in self._connections:
            return self._connections[kind]
        db: sqlite3.Connection | None = None
        if self._cache is not None:
            db = self._open_cached(kind)
        if db is None:
            db = sqlite3.connect(":memory:", check_same_thread=False)
            rows, texts = self._rows(kind)
            _build(db, kind, rows, _markers(texts))
        marks = db.execute("SELECT open, close FROM marks").fetchone()
        self._connections[kind] = (db, marks)
        return db, marks

    def _open_cached(self, kind: str) -> sqlite3.Connection | None:
        assert self._cache is not None
        secret = cache_secret()
        if secret is None or not real_folder(self._cache, self._cache.parent):
            return None  # no secret, or a committed link: never read or write through it
        # Named by a keyed digest: an index planted in a repository (force-added past the
        # .gitignore) has a name nobody without this user's secret can compute, so it is
        # never opened, and cannot pass off invented passages as a source's text.
        name = hmac.new(secret, self._key(kind).encode(), hashlib.sha256).hexdigest()[:32]
        path = self._cache / f"search-{kind}-{name}.sqlite3"
        with contextlib.suppress(sqlite3.DatabaseError, OSError):
            if path.is_file() and not path.is_symlink():
                db = sqlite3.connect(f"{path.as_uri()}?mode=ro", uri=True, check_same_thread=False)
                db.execute("SELECT open, close FROM marks").fetchone()
                return db
        try:
            if private_folder(self._cache.parent) != self._cache:
                return None
            fd, temporary = tempfile.mkstemp(prefix=f".{path.name}.", dir=self._cache)
            os.close(fd)
        except OSError:
            return None  # a read-only ledger: search from memory
        try:
            rows, texts = self._rows(kind)
            with contextlib.closing(sqlite3.connect(temporary)) as building:
                _build(building, kind, rows, _markers(texts))
            os.replace(temporary, path)
        except BaseException:
            with contextlib.suppress(OSError):
                os.unlink(temporary)
            raise
        for old in self._cache.glob(f"search-{kind}-*.sqlite3"):
            if old != path:
                with contextlib.suppress(OSError):
                    old.unlink()
        return sqlite3.connect(f"{path.as_uri()}?mode=ro", uri=True, check_same_thread=False)


def _build(
    db: sqlite3.Connection, kind: str, rows: Iterator[tuple[str | int, ...]], marks: tuple[str, str]
) -> None:
    db.execute("CREATE TABLE marks (open TEXT, close TEXT)")
    db.execute("INSERT INTO marks VALUES (?, ?)", marks)
    fts = f"USING fts5(text, {{}}, tokenize='{TOKENIZER}')"
    if kind == "corpus":
        db.execute(
            "CREATE VIRTUAL TABLE passages "
            + fts.format("source UNINDEXED, paragraph UNINDEXED, start UNINDEXED")
        )
        db.executemany("INSERT INTO passages VALUES (?, ?, ?, ?)", rows)
        db.execute("INSERT INTO passages (passages) VALUES ('optimize')")
    else:
        db.execute("CREATE VIRTUAL TABLE texts " + fts.format("claim UNINDEXED, item UNINDEXED"))
        db.execute(
            "CREATE TABLE claims (claim TEXT PRIMARY KEY, first INT, last INT) WITHOUT ROWID"
        )
        numbered = list(enumerate(rows, 1))
        db.executemany(
            "INSERT INTO texts (rowid, text, claim, item) VALUES (?, ?, ?, ?)",
            ((rowid, *row) for rowid, row in numbered),
        )
        db.execute(
            "INSERT INTO claims SELECT claim, MIN(rowid), MAX(rowid) FROM texts GROUP BY claim"
        )
        db.execute("INSERT INTO texts (texts) VALUES ('optimize')")
    db.commit()
