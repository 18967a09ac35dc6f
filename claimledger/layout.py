"""Where a ledger's files are (its claim files and speaker registry), reading one of them
safely, and the findings of a ledger that would check nothing.

Apart from the loader (:mod:`claimledger.ledger`) so that a validation whose files are
all unchanged since the cache was written lists them without importing the models.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Sequence
from pathlib import Path

from claimledger.codes import NOTHING_TO_CHECK, OUTSIDE_LEDGER, YAML_SYNTAX
from claimledger.config import Config
from claimledger.findings import Finding, Location, Severity
from claimledger.safe_read import (
    MAX_FILE_BYTES,
    OutsideLedger,
    TooLarge,
    UnsafeFile,
    read_regular,
)

__all__ = [
    "SPEAKERS_FILE",
    "claim_paths",
    "display",
    "layout_findings",
    "read_text",
]

SPEAKERS_FILE = "speakers.yaml"


def display(path: Path, root: Path) -> str:
    """``path`` as shown in messages: relative to the ledger's root when inside it."""
    try:
        return path.relative_to(root).as_posix()
    except ValueError:
        return path.as_posix()


def claim_paths(config: Config) -> list[Path]:
    """Every claim file of the ledger, in a stable order (the registry excluded)."""
    registry = config.claims_dir / SPEAKERS_FILE
    found = [
        p
        for pattern in ("*.yaml", "*.yml")
        for p in config.claims_dir.rglob(pattern)
        if p != registry
        and not any(part.startswith(".") for part in p.relative_to(config.root).parts)
    ]
    # A claims folder that is the ledger root would otherwise read the corpus too.
    corpus = config.corpus_dir
    return sorted(p for p in found if not p.is_relative_to(corpus))


def layout_findings(config: Config, claim_files: Sequence[object]) -> list[Finding]:
    """A ledger that would check nothing: a configured folder missing, or no claim files.

    A pre-commit hook over such a ledger would otherwise stay green while
    checking nothing (a typo in ``claims = ...``, files moved away).
    """
    findings = []
    if config.source is not None:  # a configured ledger names its folders
        for key, folder in (("claims", config.claims_dir), ("corpus", config.corpus_dir)):
            if not folder.is_dir():
                shown = display(folder, config.root)
                findings.append(
                    Finding(
                        NOTHING_TO_CHECK,
                        Severity.ERROR,
                        f"the {key} folder {shown!r} does not exist",
                        _setting_location(config.source, config.root, key),
                    )
                )
    if not findings and not claim_files:
        shown = display(config.claims_dir, config.root)
        findings.append(
            Finding(
                NOTHING_TO_CHECK,
                Severity.ERROR,
                f"no claim files (*.yaml, *.yml) in {shown!r}: nothing was checked",
                Location(shown),
            )
        )
    return findings


_TABLE = re.compile(r"\[\s*tool\s*\.\s*claimledger\s*\]")


def _setting_location(pyproject: Path, root: Path, key: str) -> Location:
    """Where ``key`` is set in ``[tool.claimledger]`` (or the table's header), for a finding.

    tomllib keeps no positions; a line scan is enough for a key at the start of a line.
    """
    shown = display(pyproject, root)
    try:
        lines = pyproject.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError):
        return Location(shown)
    header, inside = 1, False
    setting = re.compile(rf"""\s*["']?{re.escape(key)}["']?\s*=""")
    for number, line in enumerate(lines, 1):
        if line.lstrip().startswith("["):
            inside = bool(_TABLE.fullmatch(line.strip()))
            header = number if inside else header
        elif inside and setting.match(line):
            return Location(shown, number, len(line) - len(line.lstrip()) + 1)
    return Location(shown, header)


@functools.lru_cache(maxsize=16)
def _resolved(root: Path) -> Path:
    # Resolved once per run, not once per file read.
    return root.resolve()


# The line breaks YAML (and so every position we report) counts.
_LINE_BREAK = re.compile("\r\n|[\r\n\x85\u2028\u2029]")


def _place(before: bytes) -> tuple[int, int]:
    """Line and column (in characters, as editors count) just after ``before``,
    the valid UTF-8 that precedes a bad byte."""
    text = before.decode("utf-8", errors="replace").removeprefix("\ufeff")
    lines = _LINE_BREAK.split(text)
    return len(lines), len(lines[-1]) + 1


def read_text(path: Path, root: Path) -> tuple[str | None, bytes | None, list[Finding]]:
    """A file's text, refusing what escapes the ledger, is too large or is not UTF-8."""
    shown = display(path, root)

    def fail(message: str, code: str = YAML_SYNTAX, line: int = 1, col: int = 1) -> list[Finding]:
        return [Finding(code, Severity.ERROR, message, Location(shown, line, col))]

    try:
        data = read_regular(path, _resolved(root), limit=MAX_FILE_BYTES)
    except TooLarge as exc:
        limit = MAX_FILE_BYTES // (1024 * 1024)
        return None, None, fail(f"file is {exc.size / 1048576:.1f} MB, over the {limit} MB limit")
    except OutsideLedger as exc:
        return None, None, fail(str(exc), OUTSIDE_LEDGER)
    except UnsafeFile as exc:
        return None, None, fail(f"cannot read file: {exc}")
    except RuntimeError:
        # strict resolution: a link loop raises RuntimeError before Python 3.13, OSError after.
        return None, None, fail("cannot read file: a loop of symbolic links")
    except OSError as exc:
        return None, None, fail(f"cannot read file: {exc.strerror or exc}")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line, col = _place(data[: exc.start])
        return (
            None,
            data,
            fail(f"not UTF-8: invalid byte 0x{data[exc.start]:02x}", line=line, col=col),
        )
    return text, data, []
