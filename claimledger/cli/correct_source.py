"""``claimledger correct-source ID NEWFILE --date D --note TEXT``: record a correction."""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

from claimledger.cli.common import EXIT_FINDINGS, EXIT_OK, UsageError, find_config
from claimledger.cli.inputs import read_input
from claimledger.findings import visible

if TYPE_CHECKING:
    from claimledger.workflow.corrections import CorrectionPlan, PassageOutcome


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser(
        "correct-source",
        help="record an outlet's correction of a source and re-check its passages",
        description="Keep the source's current text as a version (corpus/<id>.vN.txt, its "
        "sha256 and the date under `versions`), make NEWFILE the current text, append the "
        "correction to the source's `history`, and report every passage citing the source: "
        "unchanged, moved, changed (with the words that differ) or gone. A passage pinned "
        "with `version: N` keeps quoting that version. Exit 0 when every passage still "
        "anchors, 1 when some need attention (the correction is recorded either way).",
    )
    parser.add_argument("source", metavar="ID", help="the source id")
    parser.add_argument("newfile", metavar="NEWFILE", help="the corrected text ('-': stdin)")
    parser.add_argument("--date", required=True, metavar="D", help="the correction's date")
    parser.add_argument("--note", required=True, metavar="TEXT", help="what was corrected")
    parser.add_argument(
        "--dry-run", action="store_true", help="report what would change; write nothing"
    )
    parser.set_defaults(run=run)


def describe(outcome: PassageOutcome) -> str:
    """One line (and the changes) for a passage's outcome."""
    where = f"{outcome.location}: {outcome.claim} ({outcome.label})"
    if outcome.outcome == "pinned":
        return f"{where}: pinned to version {outcome.pinned}, unaffected"
    if outcome.outcome == "unanchored":
        return f"{where}: did not anchor before the correction either (see validate)"
    if outcome.outcome == "ambiguous":
        return f"{where}: now occurs more than once; add `occurrence:`"
    if outcome.outcome == "gone":
        return f"{where}: gone: “{visible(outcome.before or '')}” was removed"
    if outcome.outcome in ("unchanged", "moved"):
        return f"{where}: {outcome.outcome}"
    from claimledger.rules.base import describe_change

    parts = [describe_change(op) for op in outcome.changes]
    return (
        f"{where}: changed: {'; '.join(parts)}\n"
        f"    now: “{visible(outcome.after or '')}”\n"
        f"    update the text to the new words, or add `version: {{N}}` to keep quoting "
        "the earlier text"
    )


def report(plan: CorrectionPlan, kept: str | None) -> None:
    source = plan.source.id
    if kept:
        print(f"corrected {source}: the earlier text is version {plan.version} ({kept})")
    else:
        print(f"would correct {source}: the current text would become version {plan.version}")
    print(f"  sha256 {plan.source.digest} -> {plan.new_sha256}")
    for outcome in plan.passages:
        print("  " + describe(outcome).replace("{N}", str(plan.version)))
    if not plan.passages:
        print("  no passage cites this source")
    if plan.claims:
        print(f"claims to review: {', '.join(plan.claims)}")
    if plan.speakers:
        print(f"speakers to review (identification evidence): {', '.join(plan.speakers)}")


def run(args: argparse.Namespace) -> int:
    # Imported here: the command line loads what a command runs only when it runs.
    from claimledger.workflow.corrections import (
        CorrectionError,
        apply_correction,
        plan_correction,
    )

    config = find_config(None)
    try:
        plan = plan_correction(config, args.source, read_input(args.newfile), args.date, args.note)
        kept = None
        if not args.dry_run:
            path = apply_correction(plan)
            kept = os.path.relpath(path, Path.cwd())
    except CorrectionError as exc:
        print(f"claimledger: {exc}; nothing was written", file=sys.stderr)
        return EXIT_FINDINGS
    except OSError as exc:
        raise UsageError(f"cannot write the corpus: {exc.strerror or exc}") from None
    report(plan, kept)
    return EXIT_FINDINGS if plan.claims or plan.speakers else EXIT_OK
