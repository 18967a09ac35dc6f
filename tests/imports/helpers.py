"""Import into a ledger folder through the library, as the command line does, and read it back."""

from __future__ import annotations

from pathlib import Path

from claimledger.config import Config, discover
from claimledger.export.claimreview import claimreview_feed
from claimledger.importers import Imported, ImportOptions, plan_import
from claimledger.importers.claimreview import read_claimreview
from claimledger.importers.plan import known_of, taken_ids
from claimledger.ledger import LedgerFiles, read_ledger

#: A scale no generated rating is on, so no export numbers a rating from it.
CONFIG = '[tool.claimledger]\nverdict-scale = ["(none of the generated)"]\nverdict-unrated = []\n'


def new_ledger(root: Path) -> Path:
    (root / "claims").mkdir(parents=True)
    (root / "corpus").mkdir()
    (root / "pyproject.toml").write_text(CONFIG, encoding="utf-8")
    return root


def ledger_at(root: Path) -> tuple[Config, LedgerFiles]:
    config = discover(root)
    ledger, findings = read_ledger(config)
    assert [f for f in findings if f.severity.fails] == [], findings
    return config, ledger


def import_text(root: Path, text: str, *, scale: bool = False) -> Imported:
    """Import ClaimReview ``text`` into the ledger at ``root`` with --create-speakers."""
    config, ledger = ledger_at(root)
    output = config.claims_dir / "imported.yaml"
    imported = read_claimreview(text, "in.json", known_of(ledger), taken_ids(ledger, output))
    options = ImportOptions(create_speakers=True, scale_from_ratings=scale, force=True)
    plan = plan_import(imported, ledger, output, "in.json", options)
    assert plan.refused == ()
    for write in plan.writes:
        write.path.parent.mkdir(parents=True, exist_ok=True)
        write.path.write_text(write.text, encoding="utf-8")
    return imported


def exported(root: Path) -> dict[str, object]:
    return claimreview_feed(ledger_at(root)[1])
