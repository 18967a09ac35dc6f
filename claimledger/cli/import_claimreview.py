"""``claimledger import FORMAT FILE``: published fact checks into the ledger.

Formats: ``claimreview`` (ClaimReview JSON-LD: one review, a list, a DataFeed
or an @graph), ``factcheck-api`` (a Google Fact Check Tools API ``claims:search``
response) and ``html`` (a saved page carrying ClaimReview JSON-LD or
microdata).

The claims go to ``--output`` (default ``claims/imported.yaml``); each report
a review cites is registered in the corpus by reference (its URL, no text
yet). ``--create-speakers`` adds the authors to the registry;
``--scale-from-ratings`` sets the rating scale from the imported ratings.
Files are written atomically; a claim file holding something else is
replaced only with ``--force``, a corpus or registry entry never; importing
the same input again changes nothing.

Standard error says which fields had no place (``not imported``) or were kept
in another form (``changed``); standard output lists what is left for a
person, at its line in the written claim file, or, with ``--report json``,
everything as one JSON object. Exit 0 once written; 1 for input that cannot
be imported or a file the import must not replace; 2 for usage and I/O.
"""

from __future__ import annotations

import argparse
import importlib
import json
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

from claimledger.atomic import OutputRefused, private_folder, write_output
from claimledger.cli.common import EXIT_FINDINGS, EXIT_OK, UsageError, find_config, for_display
from claimledger.parse import MAX_BYTES

if TYPE_CHECKING:
    from claimledger.findings import Finding
    from claimledger.importers import Imported, ImportPlan, Message

#: The input formats, by name; their readers are imported when an import runs.
READERS = {
    "claimreview": "claimledger.importers.claimreview:read_claimreview",
    "factcheck-api": "claimledger.importers.factcheck_api:read_factcheck_api",
    "html": "claimledger.importers.html:read_html",
}
#: The note on imported quotes (claimledger.importers.NOT_ANCHORED), for the help.
NOT_ANCHORED = "imported from ClaimReview; not yet anchored"


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser(
        "import",
        help="read published fact checks (ClaimReview, Fact Check Tools API, web pages)",
        description="Read published fact checks into a claim file, keeping every field that "
        "has a place in the ledger and reporting each one that has none. claimreview: "
        "ClaimReview JSON-LD (a review, a list, a DataFeed); factcheck-api: a Fact Check Tools "
        "API claims:search response; html: a saved page with ClaimReview JSON-LD or microdata. "
        f"Quotes are marked {NOT_ANCHORED!r}; the reports they cite are registered by URL.",
    )
    parser.add_argument("format", choices=READERS, help="the input format")
    parser.add_argument("file", metavar="FILE", help="the input file ('-': standard input)")
    parser.add_argument(
        "--output", "-o", metavar="FILE", help="claim file to write (default: claims/imported.yaml)"
    )
    parser.add_argument(
        "--force", action="store_true", help="replace the claim file if it holds other claims"
    )
    parser.add_argument(
        "--create-speakers",
        action="store_true",
        help="add the reviews' authors to the speaker registry, by their exact names",
    )
    parser.add_argument(
        "--scale-from-ratings",
        action="store_true",
        help="set the rating scale from the imported ratings, ordered by their numbers",
    )
    parser.add_argument(
        "--report",
        choices=("text", "json"),
        default="text",
        help="json: the to-do list and every note as one JSON object on standard output",
    )
    parser.set_defaults(run=run)


def _read(name: str) -> str | None:
    """The input's text, or ``None`` after saying why it cannot be read."""
    try:
        if name == "-":
            data = sys.stdin.buffer.read(MAX_BYTES + 1)
        else:
            with open(name, "rb") as handle:  # bounded: the file may be a device
                data = handle.read(MAX_BYTES + 1)
    except OSError as exc:
        raise UsageError(f"cannot read {name}: {exc.strerror or exc}") from None
    if len(data) > MAX_BYTES:
        print(f"{name}: over the {MAX_BYTES // 1048576} MB limit", file=sys.stderr)
        return None
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        print(f"{name}: not UTF-8: invalid byte at offset {exc.start}", file=sys.stderr)
        return None


def _messages(imported: Imported) -> list[tuple[str, Message]]:
    return [
        *(("not imported", m) for m in imported.unplaced),
        *(("changed", m) for m in dict.fromkeys(imported.changed)),
        *(("note", m) for m in imported.notes),
    ]


def _json(imported: Imported, plan: ImportPlan, findings: list[Finding]) -> str:
    from claimledger.report import JsonReporter

    notes = [
        {
            "kind": kind,
            "path": m.location.path,
            "line": m.location.line,
            "column": m.location.column,
            "message": m.message,
        }
        for kind, m in _messages(imported)
    ]
    report = {
        "claims": len(imported.claims),
        "written": [str(w.path) for w in plan.writes],
        "todo": JsonReporter.records(findings),
        "notes": notes,
    }
    return json.dumps(report, indent=2, ensure_ascii=False) + "\n"


def run(args: argparse.Namespace) -> int:
    from claimledger.importers import ImportOptions, InputError, plan_import
    from claimledger.importers.plan import known_of, taken_ids
    from claimledger.ledger import read_ledger
    from claimledger.report import TextReporter

    module, name = READERS[args.format].split(":")
    reader = getattr(importlib.import_module(module), name)
    config = find_config(None)
    output = Path(args.output) if args.output else config.claims_dir / "imported.yaml"
    text = _read(args.file)
    if text is None:
        return EXIT_FINDINGS
    shown = "<stdin>" if args.file == "-" else args.file
    ledger, _ = read_ledger(config)  # validate reports its problems
    try:
        imported = reader(text, shown, known_of(ledger), taken_ids(ledger, output))
    except InputError as exc:
        for error in exc.errors:
            print(error, file=sys.stderr)
        return EXIT_FINDINGS
    options = ImportOptions(args.create_speakers, args.scale_from_ratings, args.force)
    plan = plan_import(imported, ledger, output, Path(shown).name, options)
    if output in plan.refused or output.resolve() in {p.resolve() for p in plan.refused}:
        raise UsageError(f"{output} exists and holds other claims; give --force to replace it")
    for path in plan.refused:
        print(f"{path}: exists and holds something else; not replaced", file=sys.stderr)
    if plan.refused:
        return EXIT_FINDINGS
    for write in plan.writes:
        size = len(write.text.encode("utf-8"))
        if size > MAX_BYTES:
            # validate refuses a file over the limit: write nothing it would refuse.
            what = "the claim file" if write.path == output else write.path.name
            print(
                f"{shown}: {what} would be {size:,} bytes, over the {MAX_BYTES:,} bytes a "
                "ledger file may be; split the input",
                file=sys.stderr,
            )
            return EXIT_FINDINGS
    scratch = private_folder(config.root, create=False)
    for write in plan.writes:
        try:
            write.path.parent.mkdir(parents=True, exist_ok=True)
            # The plan has already refused every file the import did not write (unless
            # --force); the output rules still keep it out of .git and never write through a link.
            write_output(write.path, write.text, force=True, scratch=scratch)
        except OutputRefused as exc:
            raise UsageError(f"not written: {exc}") from None
        except OSError as exc:
            raise UsageError(f"cannot write {write.path}: {exc.strerror or exc}") from None
    findings = for_display(plan.findings, config.root)
    if args.report == "json":
        sys.stdout.write(_json(imported, plan, findings))
        return EXIT_OK
    for kind, message in _messages(imported):
        print(f"{message} ({kind})", file=sys.stderr)
    TextReporter(Path.cwd(), ledgers=[config.root]).report(findings, sys.stdout)
    done = ", ".join(str(w.path) for w in plan.writes) or "nothing changed"
    print(f"{len(imported.claims)} claim(s) imported; wrote: {done}", file=sys.stderr)
    return EXIT_OK
