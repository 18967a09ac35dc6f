"""Adding a document to the corpus: its bytes copied as they are, its metadata written.

The text goes to ``corpus/<id>.txt`` byte for byte and ``corpus/<id>.yaml`` records
its sha256 and the facts the user gave; every other field is written as unknown
(``null``), never guessed from the file. A saved web page has its main text
extracted by trafilatura; the page itself is kept beside it as ``<id>.html`` and
the metadata records the page's sha256 and the tool and version that extracted it.
Nothing is ever replaced: an id whose files exist is refused, except the metadata of a
source known only by reference, which its text completes (sha256 and fields left unknown).

>>> source_id_from_name("Mirror 12 Oct 2016.txt")
'mirror-12-oct-2016'
>>> check_source_id("mirror-2016-10-12") is None, check_source_id("Mirror!")[:22]
(True, "source id 'Mirror!' mu")
"""

from __future__ import annotations

import hashlib
import io
import re
import unicodedata
from collections.abc import Mapping
from importlib import metadata
from pathlib import Path
from typing import Any

import attrs
import yaml

from claimledger.atomic import write_atomic
from claimledger.config import Config
from claimledger.dates import PartialDate
from claimledger.models import Extraction
from claimledger.parse import MAX_BYTES

__all__ = [
    "AddedSource",
    "CorpusError",
    "NewSource",
    "add_source",
    "check_source_id",
    "extract_html",
    "looks_like_html",
    "source_id_from_name",
    "source_yaml",
]

_ID = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")
_HTML_SUFFIXES = (".html", ".htm", ".xhtml")


class CorpusError(Exception):
    """The document cannot be added as asked; nothing was written."""


@attrs.frozen
class NewSource:
    """What the user says about a document; ``None`` is unknown and stays so."""

    id: str
    kind: str | None = None
    title: str | None = None
    publisher: str | None = None
    url: str | None = None
    published: str | None = None


@attrs.frozen
class AddedSource:
    """A document added: where its files went and its text's sha256."""

    id: str
    text_path: Path
    meta_path: Path
    sha256: str
    #: The web page kept beside the text, when the text was extracted from one.
    original_path: Path | None = None
    extraction: Extraction | None = None


def source_id_from_name(name: str) -> str:
    """A source id from a file name: its stem in lower case, other characters as hyphens."""
    stem = Path(name).name
    for suffix in (*_HTML_SUFFIXES, ".txt", ".text", ".md"):
        if stem.lower().endswith(suffix):
            stem = stem[: -len(suffix)]
            break
    ascii_only = unicodedata.normalize("NFKD", stem).encode("ascii", "ignore").decode()
    return "-".join(re.findall(r"[a-z0-9]+", ascii_only.lower()))


def check_source_id(source_id: str) -> str | None:
    """Why ``source_id`` cannot name a source, or ``None`` when it can."""
    if _ID.fullmatch(source_id) is None:
        return (
            f"source id {source_id!r} must be lower-case letters, digits and single hyphens "
            "(like mirror-2016-10-12)"
        )
    return None


def looks_like_html(name: str, data: bytes) -> bool:
    """A saved web page: by its suffix, or (standard input) by how it starts."""
    if name.lower().endswith(_HTML_SUFFIXES):
        return True
    head = data[:512].lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    return head.startswith((b"<!doctype html", b"<html"))


def extract_html(data: bytes) -> tuple[str, Extraction]:
    """The main text of a web page (boilerplate, menus and comments left out).

    Raises :class:`CorpusError` when the page has no main text to extract.
    """
    import trafilatura  # imported here: only adding a web page needs it (and lxml)

    text = trafilatura.extract(
        data, output_format="txt", include_comments=False, include_tables=True
    )
    if not text or not text.strip():
        raise CorpusError("no main text found in the page; save the article's text instead")
    extraction = Extraction(
        format="html",
        sha256=hashlib.sha256(data).hexdigest(),
        tool="trafilatura",
        tool_version=metadata.version("trafilatura"),
    )
    return text.rstrip("\n") + "\n", extraction


class _Quoted(str):
    """A value written in double quotes (dates, so that no YAML reader takes them for numbers
    or timestamps)."""


class _Dumper(yaml.SafeDumper):
    pass


_Dumper.add_representer(
    _Quoted, lambda dumper, value: dumper.represent_scalar("tag:yaml.org,2002:str", value, '"')
)


def source_yaml(meta: Mapping[str, Any]) -> str:
    """The metadata file's text: the fields in the README's order, unknowns as ``null``.

    >>> print(source_yaml({"kind": None, "published": "2016-10"}), end="")
    kind: null
    published: "2016-10"
    """
    data = {k: _Quoted(v) if k == "published" and v is not None else v for k, v in meta.items()}
    text: str = yaml.dump(
        data,
        Dumper=_Dumper,
        sort_keys=False,
        allow_unicode=True,
        width=1_000_000,
        default_flow_style=False,
    )
    return text


def _metadata(new: NewSource, digest: str, extraction: Extraction | None) -> dict[str, Any]:
    meta: dict[str, Any] = {
        "kind": new.kind,
        "sha256": digest,
        "title": new.title,
        "publisher": new.publisher,
        "authors": [],
        "url": new.url,
        "published": new.published,
    }
    if extraction is not None:
        meta["extraction"] = attrs.asdict(extraction)
    return meta


def _text_of(name: str, data: bytes) -> tuple[bytes, Extraction | None]:
    if looks_like_html(name, data):
        text, extraction = extract_html(data)
        return text.encode("utf-8"), extraction
    try:
        data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise CorpusError(
            f"{name} is not UTF-8 (invalid byte 0x{data[exc.start]:02x} at offset "
            f"{exc.start}); convert it first, e.g. iconv -f windows-1252 -t utf-8"
        ) from None
    return data, None


def _complete_reference(
    new: NewSource,
    name: str,
    data: bytes,
    text_path: Path,
    meta_path: Path,
    original_path: Path | None,
) -> AddedSource:
    """Give a source known only by reference (metadata without ``sha256``) its text: the
    text is saved and its sha256 (and any field given that the metadata leaves unknown)
    recorded in the same file, its comments and layout kept. A field given that the
    metadata already states otherwise is refused, never overwritten."""
    from ruamel.yaml import YAML
    from ruamel.yaml.error import YAMLError

    editor = YAML()
    editor.preserve_quotes = True
    editor.width = 1_000_000
    try:
        doc = editor.load(meta_path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, YAMLError) as exc:
        raise CorpusError(f"{meta_path.name} cannot be read ({exc}); nothing was written") from None
    if not isinstance(doc, dict) or doc.get("sha256") is not None:
        raise CorpusError(
            f"source {new.id!r} exists ({meta_path.name}); nothing was replaced (choose "
            "another --id, or `claimledger correct-source` for a new version)"
        )
    text_bytes, extraction = _text_of(name, data)
    digest = hashlib.sha256(text_bytes).hexdigest()
    given = {
        "kind": new.kind,
        "title": new.title,
        "publisher": new.publisher,
        "url": new.url,
        "published": new.published,
    }
    for key, value in given.items():
        if value is None:
            continue
        if doc.get(key) not in (None, value):
            raise CorpusError(
                f"--{key} {value!r} differs from {meta_path.name}'s {doc[key]!r}; nothing was "
                "written (edit the metadata if it is wrong)"
            )
        doc[key] = value
    doc["sha256"] = digest
    if extraction is not None:
        doc["extraction"] = attrs.asdict(extraction)
    out = io.StringIO()
    editor.dump(doc, out)
    written: list[Path] = []
    try:
        pieces = [(text_path, text_bytes)]
        if extraction is not None and original_path is not None:
            pieces.append((original_path, data))
        for path, body in pieces:
            with path.open("xb") as handle:
                written.append(path)
                handle.write(body)
        write_atomic(meta_path, out.getvalue())
    except BaseException:
        for path in reversed(written):
            path.unlink(missing_ok=True)
        raise
    return AddedSource(new.id, text_path, meta_path, digest, original_path, extraction)


def add_source(config: Config, new: NewSource, name: str, data: bytes) -> AddedSource:
    """Copy ``data`` (read from ``name``) into the corpus as source ``new.id``."""
    problem = check_source_id(new.id)
    if problem:
        raise CorpusError(problem)
    if new.published is not None:
        try:
            PartialDate.parse(new.published)
        except ValueError as exc:
            raise CorpusError(f"--published: {exc}") from None
    if len(data) > MAX_BYTES:
        raise CorpusError(f"{name} is over the {MAX_BYTES // 1048576} MB limit")
    corpus = config.corpus_dir
    text_path = corpus / f"{new.id}.txt"
    meta_path = corpus / f"{new.id}.yaml"
    html = looks_like_html(name, data)
    original_path = corpus / f"{new.id}.html" if html else None
    taken = [p for p in (text_path, meta_path, original_path) if p and p.exists()]
    if taken == [meta_path]:
        # A source known by reference until now: its text completes the same metadata.
        return _complete_reference(new, name, data, text_path, meta_path, original_path)
    if taken:
        raise CorpusError(
            f"source {new.id!r} exists ({', '.join(p.name for p in taken)}); nothing was "
            "replaced (choose another --id, or `claimledger correct-source` for a new version)"
        )
    text_bytes, extraction = _text_of(name, data)
    digest = hashlib.sha256(text_bytes).hexdigest()
    meta = source_yaml(_metadata(new, digest, extraction))
    corpus.mkdir(parents=True, exist_ok=True)
    # The metadata is written last, so an interrupted run never leaves metadata whose
    # text is missing; "x" refuses a file that appeared since the check above.
    written: list[Path] = []
    try:
        pieces = [(text_path, text_bytes)]
        if original_path is not None:
            pieces.append((original_path, data))
        pieces.append((meta_path, meta.encode("utf-8")))
        for path, body in pieces:
            with path.open("xb") as handle:
                written.append(path)
                handle.write(body)
    except BaseException:
        for path in reversed(written):
            path.unlink(missing_ok=True)
        raise
    return AddedSource(new.id, text_path, meta_path, digest, original_path, extraction)
