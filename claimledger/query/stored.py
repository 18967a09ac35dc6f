"""The query index: a loaded ledger kept compact, so a query builds only what it returns.

``claimledger.load()``, ``query``, ``show`` and ``search`` on an unchanged ledger read
one SQLite file in ``.claimledger/cache/`` instead of every claim file: the loading
findings, what the filters read of each claim (:class:`~claimledger.query.index.ClaimFacts`),
the speaker registry, the corpus metadata, and each claim as written, row by row, so
that only the claims a query returns are structured and resolved. A source's text is
read when asked for; search opens its own cached indexes (:mod:`claimledger.query.search`).

What is stored is the ledger's state as one key: the sha256 of every file loading reads
(claim files, the speaker registry, every file of the corpus folder), the configuration
and claimledger's own source. A file's sha256 is taken from the index only when its
size, modification and change times, device and inode are as recorded, and the file is
read and hashed otherwise, so a changed byte is always seen. When the key differs, the
ledger is loaded from its files (the parsed-file cache spares the unchanged ones) and the
index is updated: the rows of claim files whose bytes are unchanged are kept.

A repository may commit anything under ``.claimledger/``, so nothing is trusted by its
place: the file is named by an HMAC under the user's cache secret (a planted file has a
name nobody else can compute), every record carries an HMAC of its content under the same
secret and is ignored unless it verifies, and the file is used only as a regular file in
a real cache folder of the ledger, never through a link. A ledger holding a link or
anything but regular files and folders where loading reads is loaded without the index.
"""

from __future__ import annotations

import contextlib
import hashlib
import hmac
import json
import os
import sqlite3
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

import attrs

from claimledger.cache_index import CACHE_DIR, file_stamp
from claimledger.config import Config
from claimledger.errors import ClaimledgerError
from claimledger.file_report import FileReport
from claimledger.findings import Finding
from claimledger.layout import read_text
from claimledger.query.index import (
    ClaimIndex,
    ClaimSummary,
    summaries_from_json,
    summaries_to_json,
)
from claimledger.query.state import Input, code_digest, ledger_inputs, stamps_of
from claimledger.query.views import (
    Built,
    StoredClaims,
    StoredSummaries,
    structured_source,
    structured_speaker,
)
from claimledger.safe_read import MAX_FILE_BYTES, read_regular, real_folder
from claimledger.secret import cache_secret

if TYPE_CHECKING:
    from claimledger.ledger import LedgerFiles, Origin

__all__ = ["LedgerChanged", "QueryStore", "StoredLedger", "index_path"]

#: Bumped whenever what the index holds changes.
FORMAT = "1"

_SCHEMA = (
    "CREATE TABLE IF NOT EXISTS records (name TEXT PRIMARY KEY, mac TEXT NOT NULL, "
    "body TEXT NOT NULL) WITHOUT ROWID",
    "CREATE TABLE IF NOT EXISTS entries (file TEXT NOT NULL, sha256 TEXT NOT NULL, "
    "position INTEGER NOT NULL, mac TEXT NOT NULL, body TEXT NOT NULL, "
    "PRIMARY KEY (file, sha256, position)) WITHOUT ROWID",
)
#: A claim to keep a row of: its file, the file's sha256, its position, where it is.
_Entry = tuple[str, str, int, "Origin"]

_ERRORS = (sqlite3.Error, OSError, RuntimeError, ValueError, TypeError, KeyError, IndexError)


class LedgerChanged(ClaimledgerError):
    """A claim file changed while a query was answered from the index and is no longer
    as indexed: running the query again reads it anew."""


def index_path(root: Path, secret: bytes) -> Path:
    """Where the query index of the ledger at ``root`` is kept for the user of ``secret``."""
    name = hmac.new(secret, f"query-index {FORMAT}".encode(), hashlib.sha256).hexdigest()[:32]
    return root / CACHE_DIR / f"query-{name}.sqlite3"


@attrs.frozen
class StoredLedger:
    """What the index gives back of a loaded ledger (see the module)."""

    findings: tuple[Finding, ...]
    index: ClaimIndex
    #: Each source's text, read on first use.
    texts: Mapping[str, str | None]
    #: The sha256 of each source text that is not empty (what the corpus search indexes).
    digests: Mapping[str, str]
    #: The claims' search key (:func:`claimledger.query.search.claims_key`).
    search_key: str


class QueryStore:
    """The query index of one ledger: read with :meth:`read`, updated with :meth:`write`."""

    def __init__(self, config: Config, secret: bytes, path: Path) -> None:
        self.config = config
        self._secret = secret
        self._path = path
        self._db: sqlite3.Connection | None = None
        self._stamps: dict[str, list[Any]] = {}
        self._new_stamps: dict[str, list[Any]] = {}
        self._inputs: list[Input] = []
        self._digests: dict[str, str] = {}
        self._key = ""
        #: Entries read, by claim file and sha256: position → (mac, body).
        self._rows: dict[tuple[str, str], dict[int, tuple[Any, Any]]] = {}

    @classmethod
    def open(cls, config: Config) -> QueryStore | None:
        """The ledger's index (empty if there is none yet), or None where there can be none:
        no cache secret, a cache folder that is a link, a ledger with links."""
        secret = cache_secret()
        root = config.root
        if secret is None or not real_folder(root / CACHE_DIR, root):
            return None
        store = cls(config, secret, index_path(root, secret))
        store._connect()
        return store if store._hash_inputs() else None

    # -- the file and its records ----------------------------------------------------------

    def _connect(self) -> None:
        path = self._path
        if not os.path.lexists(path):
            return
        if file_stamp(path) is None:  # a link or a FIFO where the index would be
            return
        with contextlib.suppress(*_ERRORS):
            db = sqlite3.connect(path, check_same_thread=False)
            db.execute("PRAGMA trusted_schema = OFF")
            self._db = db
            self._stamps = self._record("stamps") or {}

    def _mac(self, name: str, body: str) -> str:
        message = f"query-index\0{name}\0{body}".encode()
        return hmac.new(self._secret, message, hashlib.sha256).hexdigest()

    def _record(self, name: str) -> Any | None:
        """The record ``name``, if it is there and verifies."""
        if self._db is None:
            return None
        try:
            row = self._db.execute("SELECT mac, body FROM records WHERE name = ?", (name,))
            found = row.fetchone()
            if found is None:
                return None
            mac, body = found
            if not hmac.compare_digest(str(mac), self._mac(name, str(body))):
                return None
            return json.loads(body)
        except _ERRORS:
            return None

    def summaries(self) -> tuple[ClaimSummary, ...] | None:
        """The claims' summaries recorded with the ledger's present state, if they verify."""
        found = self._record("summaries")
        try:
            if found is None or found["key"] != self._key:
                return None
            return summaries_from_json(found["summaries"])
        except _ERRORS:
            return None

    def entry(self, file: str, sha: str, position: int) -> Any:
        """The claim as written at ``position`` of the claim file ``file`` with bytes ``sha``:
        from the index if its record verifies, else from the file if it still has them."""
        rows = self._rows.get((file, sha))
        if rows is None and self._db is not None:
            with contextlib.suppress(*_ERRORS):
                # A file's claims at once: a query returning many claims reads each file once.
                found = self._db.execute(
                    "SELECT position, mac, body FROM entries WHERE file = ? AND sha256 = ?",
                    (file, sha),
                )
                rows = self._rows[file, sha] = {int(p): (mac, body) for p, mac, body in found}
        row = None if rows is None else rows.get(position)
        name = f"{file}\0{sha}\0{position}"
        with contextlib.suppress(*_ERRORS):
            if row is not None and hmac.compare_digest(str(row[0]), self._mac(name, str(row[1]))):
                return json.loads(row[1])
        root = self.config.root
        text, data, _ = read_text(root / file, root)
        if text is None or data is None or hashlib.sha256(data).hexdigest() != sha:
            raise LedgerChanged(f"{file} changed while it was read: run the command again")
        from claimledger.parse import parse_yaml

        return parse_yaml(text, file).data["claims"][position]

    # -- the ledger's state ----------------------------------------------------------------

    def _hash_inputs(self) -> bool:
        """Take every input's sha256 (from the recorded stamps where they still hold)."""
        inputs = ledger_inputs(self.config)
        if inputs is None:
            return False
        root = self.config.root.resolve()
        recorded = self._stamps
        digest = hashlib.sha256(f"{code_digest(FORMAT)}\0{self.config!r}\0".encode())
        stamps: dict[str, list[Any]] = {}
        for shown, path, stamp in inputs:
            sha = "folder"
            if stamp is not None:
                known = recorded.get(shown)
                if isinstance(known, list) and len(known) == 6 and tuple(known[:5]) == stamp:
                    sha = str(known[5])
                else:
                    try:
                        data = read_regular(Path(path), root, limit=MAX_FILE_BYTES)
                    except (OSError, RuntimeError):
                        return False  # read without the index: loading reports the file
                    sha = hashlib.sha256(data).hexdigest()
                stamps[shown] = [*stamp, sha]
                self._digests[shown] = sha
            digest.update(f"{shown}\0{sha}\0".encode())
        self._inputs = inputs
        self._new_stamps = stamps
        self._key = digest.hexdigest()
        return True

    def unchanged(self) -> bool:
        """Whether every input still has the stamp it had when hashed."""
        return stamps_of(self._inputs) == {k: tuple(v[:5]) for k, v in self._new_stamps.items()}

    # -- reading ---------------------------------------------------------------------------

    def read(self) -> StoredLedger | None:
        """The ledger as indexed, if the index holds it in its present state."""
        body = self._record("ledger")
        try:
            if body is None or body["key"] != self._key:
                return None
            return self._decode(body)
        except _ERRORS:
            return None

    def _decode(self, body: Any) -> StoredLedger:
        findings = FileReport.from_json({"findings": body["findings"], "index": []}).findings
        speakers = Built(dict(body["speakers"]), structured_speaker)
        sources = Built({str(i): raw for i, raw, _, _ in body["sources"]}, structured_source)
        texts = Built({str(i): text for i, _, text, _ in body["sources"]}, self._text)
        digests = {str(i): str(sha) for i, _, _, sha in body["sources"] if sha is not None}
        claims = StoredClaims(self.entry, body["files"], body["claims"], speakers, sources)
        summaries = StoredSummaries(self.summaries, claims)
        index = ClaimIndex.from_json(body["index"], claims, summaries, speakers, sources)
        claims.know(index.positions)
        return StoredLedger(findings, index, texts, digests, str(body["search"]))

    def _text(self, _: str, shown: str | None) -> str | None:
        if shown is None:
            return None
        root = self.config.root
        path = root / shown
        return read_text(path, root)[0] if path.is_file() else None

    # -- writing ---------------------------------------------------------------------------

    def write(
        self,
        files: LedgerFiles,
        findings: Sequence[Finding],
        index: ClaimIndex,
        search_key: str,
    ) -> None:
        """Index the ledger loaded from ``files``, if its files are still as hashed."""
        if not self.unchanged():
            return  # changed while loaded: what was loaded has no single key
        try:
            body = self._encode(files, findings, index, search_key)
            entries = self._entries(files)
        except (KeyError, IndexError, TypeError, ValueError):
            return
        with contextlib.suppress(*_ERRORS):
            self._save(body, entries)

    def _encode(
        self, files: LedgerFiles, findings: Sequence[Finding], index: ClaimIndex, search_key: str
    ) -> dict[str, Any]:
        root = self.config.root
        origins = {origin.at(): origin for _, origin in files.located_claims()}
        numbers: dict[str, int] = {}
        rows = []
        for claim in index.claims:
            assert claim.location is not None
            origin = origins[claim.location]
            number = numbers.setdefault(origin.path, len(numbers))
            rows.append([number, _position(origin), claim.location.line, claim.location.column])
        sources = []
        for source_id, doc in files.sources.items():
            text = doc.text_path.relative_to(root).as_posix() if doc.text is not None else None
            indexed = doc.digest if doc.text and doc.digest else None
            sources.append([source_id, {**_raw(doc.origin), "id": source_id}, text, indexed])
        return {
            "key": self._key,
            "findings": FileReport(tuple(findings), ()).to_json()["findings"],
            "index": index.to_json(),
            "summaries": summaries_to_json(index.summaries),
            "files": [[file, self._digests[file]] for file in numbers],
            "claims": rows,
            "speakers": [[i, _raw(files.speaker_origins[i])] for i in files.speakers],
            "sources": sources,
            "search": search_key,
        }

    def _entries(self, files: LedgerFiles) -> list[_Entry]:
        return [
            (origin.path, self._digests[origin.path], _position(origin), origin)
            for _, origin in files.located_claims()
        ]

    def _save(self, body: dict[str, Any], entries: list[_Entry]) -> None:
        folder = self._path.parent
        root = self.config.root
        from claimledger.atomic import private_folder

        if private_folder(root) is None or not real_folder(folder, root):
            return
        folder.mkdir(exist_ok=True)
        if self._db is None:
            if os.path.lexists(self._path):
                if file_stamp(self._path) is None:
                    return  # not a regular file: never written through
                self._path.unlink()
            self._db = sqlite3.connect(self._path, check_same_thread=False)
            self._db.execute("PRAGMA trusted_schema = OFF")
        db = self._db
        try:
            self._update(db, body, entries)
        except sqlite3.DatabaseError:
            # Not a database, or not ours: start again.
            db.close()
            self._db = None
            if file_stamp(self._path) is not None:
                self._path.unlink()
            self._db = db = sqlite3.connect(self._path, check_same_thread=False)
            self._update(db, body, entries)

    def _update(self, db: sqlite3.Connection, body: dict[str, Any], entries: list[_Entry]) -> None:
        current = {(file, sha) for file, sha, _, _ in entries}
        with db:
            for statement in _SCHEMA:
                db.execute(statement)
            kept = set(db.execute("SELECT DISTINCT file, sha256 FROM entries").fetchall())
            db.executemany(
                "DELETE FROM entries WHERE file = ? AND sha256 = ?", sorted(kept - current)
            )
            fresh = [
                (file, sha, position, json.dumps(_raw(origin)))
                for file, sha, position, origin in entries
                if (file, sha) not in kept  # unchanged files keep their rows
            ]
            db.executemany(
                "INSERT OR REPLACE INTO entries VALUES (?, ?, ?, ?, ?)",
                (
                    (file, sha, position, self._mac(f"{file}\0{sha}\0{position}", data), data)
                    for file, sha, position, data in fresh
                ),
            )
            summaries = {"key": body["key"], "summaries": body.pop("summaries")}
            records = (("stamps", self._new_stamps), ("ledger", body), ("summaries", summaries))
            for name, value in records:
                text = json.dumps(value, ensure_ascii=False, separators=(",", ":"))
                db.execute(
                    "INSERT OR REPLACE INTO records VALUES (?, ?, ?)",
                    (name, self._mac(name, text), text),
                )


def _raw(origin: Origin) -> Any:
    """The plain data an object was structured from (its place in the parsed file)."""
    data = origin.document.data
    for part in origin.prefix:
        data = data[part]
    return data


def _position(origin: Origin) -> int:
    key, position = origin.prefix
    if key != "claims" or not isinstance(position, int):
        raise ValueError(f"not a claim: {origin.prefix}")
    return position
