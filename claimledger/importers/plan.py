"""What an import writes into a ledger, and the to-do list of what is left for a person.

An import writes a claim file; the metadata of each report the reviews cite, as
a source known by reference (``corpus/<id>.yaml`` with its URL and no text
yet); with ``create_speakers``, registry entries for the authors; with
``scale_from_ratings``, the rating scale. It never writes over a file that
holds something else: a claim file only with ``force``, a corpus or registry
entry never. A file that already holds what the import would write is left
alone, so importing the same input twice changes nothing.

The to-do findings point at the lines of the written claim file, with the
code of the rule that reports the matter until it is done: CL019 for a
report whose text is still to be added (a warning even after import: only a
person can fetch and check a text), CL005 for a speaker to add, CL011 for a
rating to place on the scale, CL018 (an error) for a control or bidirectional
character the review's text carried (written escaped, so it stays visible).
"""

from __future__ import annotations

import os
import tomllib
from collections.abc import Sequence
from pathlib import Path

import attrs

from claimledger import codes
from claimledger.config import Config
from claimledger.findings import Finding, Severity
from claimledger.importers.claim_yaml import dump_claims, dump_source
from claimledger.importers.claimreview import NOT_ANCHORED, Imported
from claimledger.importers.people import UNATTRIBUTED, Known
from claimledger.importers.registry import add_speakers, set_scale
from claimledger.importers.scale import ScaleProposal, propose_scale
from claimledger.ledger import SPEAKERS_FILE, LedgerFiles, Origin
from claimledger.models import Source, Speaker
from claimledger.parse import Document, parse_yaml
from claimledger.rules import control_character

__all__ = ["ImportOptions", "ImportPlan", "Write", "known_of", "plan_import", "taken_ids"]

SCHEMA_DIR = Path("schema")


@attrs.frozen
class ImportOptions:
    create_speakers: bool = False
    scale_from_ratings: bool = False
    force: bool = False


@attrs.frozen
class Write:
    """A file to write, and whether it replaces one that holds something else."""

    path: Path
    text: str
    replaces: bool = False


@attrs.frozen
class ImportPlan:
    """The files to write (only those whose text changes) and the to-do findings."""

    writes: tuple[Write, ...]
    findings: tuple[Finding, ...]
    #: Files that hold something else and that the import must not replace.
    refused: tuple[Path, ...] = ()
    scale: ScaleProposal | None = None


def known_of(ledger: LedgerFiles) -> Known:
    """The registry and corpus an import resolves names and URLs against."""
    return Known(ledger.speakers, {key: doc.meta for key, doc in ledger.sources.items()})


def taken_ids(ledger: LedgerFiles, output: Path) -> frozenset[str]:
    """Claim ids used by the ledger's other claim files (the output file is being replaced)."""
    path = _shown(output, ledger.config.root)
    return frozenset(c.id for c, origin in ledger.located_claims() if origin.path != path)


def _shown(path: Path, root: Path) -> str:
    try:
        return path.resolve().relative_to(root).as_posix()
    except ValueError:
        return path.resolve().as_posix()


def _schema_line(ledger: LedgerFiles, target: Path, name: str) -> list[str]:
    schema = ledger.config.root / SCHEMA_DIR / name
    if not schema.is_file():
        return []
    # Relative to the file, as yaml-language-server resolves it.
    relative = Path(os.path.relpath(schema, target.resolve().parent)).as_posix()
    return [f"# yaml-language-server: $schema={relative}", "#"]


def _claims_header(ledger: LedgerFiles, output: Path, origin: str) -> str:
    lines = _schema_line(ledger, output, "claims.schema.json")
    lines += [
        f"# Imported from {origin} by `claimledger import`.",
        "# A review holds no passage in a report's own words, so each quote's text is the",
        f'# review\'s claimReviewed and its note is "{NOT_ANCHORED}":',
        "# add each report's text to the corpus, give each quote its exact words, remove the note.",
    ]
    return "\n".join(lines) + "\n"


def _source_header(ledger: LedgerFiles, path: Path, source: Source) -> str:
    lines = _schema_line(ledger, path, "source.schema.json")
    lines += [
        "# Known by reference only (imported): quotes from it are not yet checked against a text.",
        f"# To check them, save the text as {source.id}.txt and record its sha256 here",
        f"# (`claimledger add-source {source.id} ...` with this id does both).",
    ]
    return "\n".join(lines) + "\n"


def _read(path: Path) -> str | None:
    try:
        return path.read_text(encoding="utf-8-sig")
    except FileNotFoundError:
        return None


class _Planner:
    def __init__(self, imported: Imported, ledger: LedgerFiles, output: Path) -> None:
        self.imported = imported
        self.ledger = ledger
        self.config = ledger.config
        self.output = output
        self.writes: list[Write] = []
        self.refused: list[Path] = []

    def write(self, path: Path, text: str, *, generated: bool) -> None:
        """Plan ``text`` for ``path``: skipped when it is there already, refused over
        another file unless the file is one the import generates and may replace."""
        old = _read(path)
        if old == text:
            return
        if old is not None and not generated:
            self.refused.append(path)
            return
        self.writes.append(Write(path, text, replaces=old is not None))

    def sources(self) -> None:
        for source in self.imported.sources:
            path = self.config.corpus_dir / f"{source.id}.yaml"
            self.write(
                path,
                _source_header(self.ledger, path, source) + dump_source(source),
                generated=False,
            )

    def speakers(self, speakers: Sequence[Speaker]) -> None:
        path = self.config.claims_dir / SPEAKERS_FILE
        old = _read(path)
        new = add_speakers(old, speakers)
        if new is not None:
            if old is None:
                new = (
                    "\n".join(_schema_line(self.ledger, path, "speakers.schema.json")) + "\n" + new
                )
            self.writes.append(Write(path, new.lstrip("\n"), replaces=old is not None))

    def scale(self) -> ScaleProposal:
        config = self.config
        here = _shown(self.output, config.root)
        used = {
            c.verdict.rating
            for c, origin in self.ledger.located_claims()
            if c.verdict and origin.path != here
        }
        replaceable = not _configured_scale(config) and not used & set(config.verdict_scale)
        # The ledger's verdicts come first: their numbers place new ratings among old ones.
        others = [
            c.verdict
            for c, origin in self.ledger.located_claims()
            if c.verdict and origin.path != here
        ]
        proposal = propose_scale(
            [*others, *(c.verdict for c in self.imported.claims if c.verdict)],
            config.verdict_scale,
            config.verdict_unrated,
            replaceable,
        )
        if (proposal.scale, proposal.unrated) != (config.verdict_scale, config.verdict_unrated):
            path = config.source or config.root / "pyproject.toml"
            # A new table would move the claims to claims/ unless it says where they are.
            claims = os.path.relpath(config.claims_dir, config.root)
            where = {"claims": Path(claims).as_posix()} if claims != "claims" else {}
            text = set_scale(_read(path), proposal.scale, proposal.unrated, where)
            self.writes.append(Write(path, text, True))
        return proposal


def _configured_scale(config: Config) -> bool:
    """Whether the configuration names a scale (rather than using the built-in one)."""
    if config.source is None:
        return False
    try:
        with config.source.open("rb") as handle:
            table = tomllib.load(handle).get("tool", {}).get("claimledger", {})
    except (OSError, tomllib.TOMLDecodeError, AttributeError):
        return True  # when in doubt, the scale is someone's: it is kept
    return "verdict-scale" in table


def plan_import(
    imported: Imported,
    ledger: LedgerFiles,
    output: Path,
    origin: str,
    options: ImportOptions = ImportOptions(),
) -> ImportPlan:
    """Everything importing ``imported`` into ``ledger`` writes, claims going to ``output``.

    ``origin`` names the input in the claim file's header comment.
    """
    planner = _Planner(imported, ledger, output)
    text = dump_claims(imported.claims, _claims_header(ledger, output, origin))
    old = _read(output)
    if old is not None and old != text and not options.force:
        planner.refused.append(output)
    elif old != text:
        planner.writes.append(Write(output, text, replaces=old is not None))
    planner.sources()
    if options.create_speakers:
        planner.speakers(imported.speakers)
    proposal = planner.scale() if options.scale_from_ratings else None
    doc = parse_yaml(text, _shown(output, ledger.config.root))
    findings = _todo(imported, ledger, doc, options, proposal)
    return ImportPlan(tuple(planner.writes), findings, tuple(planner.refused), proposal)


def _described(source: Source) -> str:
    known = [f"“{source.title}”"] if source.title else []
    known += [v for v in (source.publisher, str(source.published or "")) if v]
    what = source.url or source.archive_url or "the report"
    return f"{what} ({', '.join(known)})" if known else what


def _todo(
    imported: Imported,
    ledger: LedgerFiles,
    doc: Document,
    options: ImportOptions,
    proposal: ScaleProposal | None,
) -> tuple[Finding, ...]:
    config = ledger.config
    corpus = _shown(config.corpus_dir, config.root)
    registry = _shown(config.claims_dir / SPEAKERS_FILE, config.root)
    claims = imported.claims
    findings = []

    def warn(code: str, message: str, *at: str | int) -> None:
        findings.append(Finding(code, Severity.WARNING, message, doc.locate(("claims", *at))))

    # Text the review carried that no reader would see: validate refuses it (an error).
    for i, claim in enumerate(claims):
        for problem in control_character.problems(claim, Origin(doc, ("claims", i))):
            message = f"{problem.message}: remove it, or say in words what it stood for"
            findings.append(
                Finding(codes.CONTROL_CHARACTER, Severity.ERROR, message, problem.location)
            )
    new_sources = {s.id: s for s in imported.sources}
    by_reference = {k: d.meta for k, d in ledger.sources.items() if d.by_reference}
    seen: set[str] = set()
    for i, claim in enumerate(claims):
        for j, quote in enumerate(claim.quotes):
            source = new_sources.get(quote.source) or by_reference.get(quote.source)
            if source is None or source.id in seen:
                continue
            seen.add(source.id)
            warn(
                codes.UNCHECKED_QUOTE,
                f"text to add: save the text of {_described(source)} as "
                f"{corpus}/{source.id}.txt and record its sha256 in {corpus}/{source.id}.yaml; "
                "until then its quotes are not yet checked against a text",
                i,
                "quotes",
                j,
                "source",
            )
    if not options.create_speakers:
        for speaker in imported.speakers:
            i = next(i for i, claim in enumerate(claims) if claim.speaker == speaker.id)
            if speaker.id == UNATTRIBUTED:
                message = (
                    f"the review names no author: add the speaker {UNATTRIBUTED!r} to {registry} "
                    "as an unnamed speaker, or give the claim its speaker if a source names them"
                )
            else:
                message = (
                    f"speaker {speaker.id!r} to add to {registry} as named by the review "
                    f"({speaker.name!r}), or import with --create-speakers"
                )
            warn(codes.UNKNOWN_SPEAKER, message, i, "speaker")
    allowed = (
        set(proposal.scale + proposal.unrated)
        if proposal
        else {
            *config.verdict_scale,
            *config.verdict_unrated,
        }
    )
    unplaced = {u.rating: u.reason for u in proposal.unplaced} if proposal else {}
    reported: set[str] = set()
    for i, claim in enumerate(claims):
        rating = claim.verdict.rating if claim.verdict else None
        if rating is None or rating in reported:
            continue
        if rating not in allowed:
            reported.add(rating)
            warn(
                codes.VERDICT_NOT_ON_SCALE,
                f"rating {rating!r} is not on the ledger's scale: add it to verdict-scale "
                "at its place, or import with --scale-from-ratings",
                i,
                "verdict",
                "rating",
            )
        elif rating in unplaced:
            reported.add(rating)
            warn(
                codes.VERDICT_NOT_ON_SCALE,
                f"rating {rating!r} has no known place on the scale ({unplaced[rating]}): "
                "it is in verdict-unrated; move it into verdict-scale at its place if it has one",
                i,
                "verdict",
                "rating",
            )
    for rating, places in proposal.disagreements if proposal else ():
        i = next(i for i, c in enumerate(claims) if c.verdict and c.verdict.rating == rating)
        shown = ", ".join(f"{p:.2f}" for p in places)
        warn(
            codes.VERDICT_NOT_ON_SCALE,
            f"reviews give rating {rating!r} different places (from worst 0 to best 1: {shown});"
            " it is placed by their mean: check its place on the scale",
            i,
            "verdict",
            "rating",
        )
    return tuple(sorted(findings, key=Finding.sort_key))
