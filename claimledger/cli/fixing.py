"""``claimledger validate --fix`` and ``--diff``: the safe fixes, written or shown."""

from __future__ import annotations

import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TextIO

from claimledger.atomic import write_atomic
from claimledger.cli.common import UsageError
from claimledger.codes import POSSIBLE_MISQUOTE
from claimledger.config import Config
from claimledger.findings import visible
from claimledger.ledger import read_ledger
from claimledger.workflow.fixes import FixedFile, fixed_files, plan_fixes

__all__ = ["fix_ledger"]


def _describe(file: FixedFile, out: TextIO, verb: str) -> None:
    for fix in file.applied:
        what = "punctuation" if fix.code == POSSIBLE_MISQUOTE else "marks"
        print(
            f"{fix.location}: {verb} {fix.claim}: the source's {what}: "
            f"“{visible(fix.before)}” -> “{visible(fix.after)}”",
            file=out,
        )
    for fix, why in file.skipped:
        print(f"{fix.location}: not fixed ({why}); fix by hand", file=out)


def fix_ledger(config: Config, selected: Sequence[Path], *, write: bool) -> int:
    """Apply (``write``) or show (as a diff) the safe fixes of the files within
    ``selected`` (absolute paths: the root, folders or files); how many there are."""
    ledger, _ = read_ledger(config)
    fixes = [
        fix
        for fix in plan_fixes(ledger)
        if any((config.root / fix.location.path).is_relative_to(s) for s in selected)
    ]
    files = fixed_files(config.root, fixes)
    count = 0
    for file in files:
        count += len(file.applied)
        if not write:
            sys.stdout.write(file.diff())
            _describe(file, sys.stderr, "would fix")
            continue
        if file.applied:
            try:
                encoding = "utf-8-sig" if file.bom else "utf-8"
                write_atomic(config.root / file.path, file.after, encoding=encoding)
            except OSError as exc:
                raise UsageError(f"cannot write {file.path}: {exc.strerror or exc}") from None
        _describe(file, sys.stderr, "fixed")
    if write and count:
        print(f"{count} fix(es) applied", file=sys.stderr)
    return count
