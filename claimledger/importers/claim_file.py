"""Imported claims as a claim file of a ledger, and the findings that say what is left to do.

An import is finished by hand: each report a review cites must be added to the
corpus, each quote given the report's exact words, each new speaker added to
the registry. The findings point at the line of the written file where each
of these is needed, with the code of the rule that will fail until it is done
(CL006 unknown-source, CL005 unknown-speaker, CL011 verdict-not-on-scale,
CL004 duplicate-id). They are warnings: the import itself succeeded.
"""

from __future__ import annotations

import os
from pathlib import Path

import attrs

from claimledger import codes
from claimledger.findings import Finding, Severity
from claimledger.importers.claim_yaml import dump_claims
from claimledger.importers.claimreview import NOT_ANCHORED, Appearance, Imported
from claimledger.ledger import LedgerFiles
from claimledger.parse import Document, parse_yaml

__all__ = ["ClaimFileText", "claim_file"]

SCHEMA_PATH = Path("schema") / "claims.schema.json"


@attrs.frozen
class ClaimFileText:
    """The text to write and the findings about it (paths relative to the ledger root)."""

    text: str
    findings: tuple[Finding, ...]


def _shown(path: Path, root: Path) -> str:
    try:
        return path.resolve().relative_to(root).as_posix()
    except ValueError:
        return path.resolve().as_posix()


def _header(ledger: LedgerFiles, output: Path, origin: str) -> str:
    lines = []
    schema = ledger.config.root / SCHEMA_PATH
    if schema.is_file():
        # Relative to the file, as yaml-language-server resolves it.
        relative = Path(os.path.relpath(schema, output.resolve().parent)).as_posix()
        lines += [f"# yaml-language-server: $schema={relative}", "#"]
    lines += [
        f"# Imported from ClaimReview ({origin}) by `claimledger import claimreview`.",
        "# A review holds no passage in a report's own words, so each quote's text is the",
        f'# review\'s claimReviewed and its note is "{NOT_ANCHORED}":',
        "# add each report to the corpus, give the quote its exact words, then remove the note.",
    ]
    return "\n".join(lines) + "\n"


def _described(appearance: Appearance) -> str:
    known = [f"“{appearance.headline}”"] if appearance.headline else []
    known += [v for v in (appearance.publisher, appearance.published) if v]
    what = appearance.url or "the report"
    return f"{what} ({', '.join(known)})" if known else what


def _todo(imported: Imported, ledger: LedgerFiles, doc: Document, path: str) -> list[Finding]:
    config = ledger.config
    corpus = _shown(config.corpus_dir, config.root)
    registry = _shown(config.claims_dir / "speakers.yaml", config.root)
    claims = imported.claims
    findings = []

    def warn(code: str, message: str, *at: str | int) -> None:
        findings.append(Finding(code, Severity.WARNING, message, doc.locate(("claims", *at))))

    for appearance in imported.appearances:
        if appearance.id in ledger.sources:
            continue
        i, j = next(
            (i, j)
            for i, claim in enumerate(claims)
            for j, quote in enumerate(claim.quotes)
            if quote.source == appearance.id
        )
        warn(
            codes.UNKNOWN_SOURCE,
            f"corpus document {appearance.id!r} to add: save the text of {_described(appearance)}"
            f" as {corpus}/{appearance.id}.txt and its metadata as {corpus}/{appearance.id}.yaml",
            i,
            "quotes",
            j,
            "source",
        )
    for speaker, name in imported.speakers.items():
        if speaker not in ledger.speakers:
            i = next(i for i, claim in enumerate(claims) if claim.speaker == speaker)
            named = f" (the review names them {name!r})" if name else ""
            warn(
                codes.UNKNOWN_SPEAKER,
                f"speaker {speaker!r} to add to {registry}{named}",
                i,
                "speaker",
            )
    allowed = (*config.verdict_scale, *config.verdict_unrated)
    elsewhere = {
        claim.id: origin.path
        for claim, origin in ledger.located_claims()
        if origin.path != path  # the file being replaced
    }
    for i, claim in enumerate(claims):
        if claim.id in elsewhere:
            warn(
                codes.DUPLICATE_ID,
                f"claim id {claim.id!r} is also in {elsewhere[claim.id]}",
                i,
                "id",
            )
        if claim.verdict and claim.verdict.rating not in allowed:
            warn(
                codes.VERDICT_NOT_ON_SCALE,
                f"rating {claim.verdict.rating!r} is not on the ledger's scale"
                f" ({', '.join(allowed)}): choose one, or add it to verdict-scale",
                i,
                "verdict",
                "rating",
            )
    return sorted(findings, key=Finding.sort_key)


def claim_file(imported: Imported, ledger: LedgerFiles, output: Path, origin: str) -> ClaimFileText:
    """The claim file for ``imported``, to be written at ``output`` in ``ledger``.

    ``origin`` names the input in the file's header comment.
    """
    path = _shown(output, ledger.config.root)
    text = dump_claims(imported.claims, _header(ledger, output, origin))
    doc = parse_yaml(text, path)
    return ClaimFileText(text, tuple(_todo(imported, ledger, doc, path)))
