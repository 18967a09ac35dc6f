"""Import edge cases: bad numbers and text are located errors; nothing is written validate refuses."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import claimledger.cli.import_claimreview as import_command
from claimledger.cli import main
from tests.conftest import MakeLedger, run_cli

REVIEW = {
    "@context": "https://schema.org",
    "@type": "ClaimReview",
    "claimReviewed": "A claim.",
    "reviewRating": {"@type": "Rating", "alternateName": "unsettled"},
    "itemReviewed": {"@type": "Claim", "author": {"@type": "Person", "name": "Someone"}},
}


@pytest.mark.parametrize(
    ("text", "message"),
    [
        (
            json.dumps(REVIEW)[:-1] + ',\n  "size": ' + "9" * 5000 + "}",
            "review.json:2:11: invalid JSON: an integer of 5,000 digits (at most 4,300)",
        ),
        (json.dumps(REVIEW).replace("A claim.", "A \\ud800 claim."), "lone surrogate"),
    ],
    ids=["5000-digit integer", "lone surrogate"],
)
def test_bad_json_values_are_refused_with_a_message(
    make_ledger: MakeLedger, text: str, message: str
) -> None:
    root = make_ledger({"review.json": text})
    result = run_cli("import", "claimreview", "review.json", cwd=root)
    assert result.returncode == 1, result.stderr
    assert message in result.stderr
    assert "internal error" not in result.stderr
    assert not (root / "claims" / "imported.yaml").exists()


def test_an_import_validate_would_refuse_is_not_written(
    make_ledger: MakeLedger, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    # The same limit validate applies to claim files, made small so the test stays small.
    monkeypatch.setattr(import_command, "MAX_BYTES", 400)
    text = json.dumps(REVIEW)
    assert len(text) < 400  # while its claim file is over 500 bytes
    root = make_ledger({"review.json": text})
    monkeypatch.chdir(root)
    assert main(["import", "claimreview", "review.json"]) == 1
    assert "the claim file would be" in capsys.readouterr().err
    assert not (root / "claims" / "imported.yaml").exists()


def test_import_does_not_replace_a_claim_file_without_force(make_ledger: MakeLedger) -> None:
    root = make_ledger({"review.json": json.dumps(REVIEW)})
    claims = root / "claims" / "briefing.yaml"
    before = claims.read_bytes()
    result = run_cli("import", "claimreview", "review.json", "-o", "claims/briefing.yaml", cwd=root)
    assert result.returncode == 2
    assert claims.read_bytes() == before


def test_import_reads_a_device_only_up_to_the_limit(make_ledger: MakeLedger) -> None:
    root = make_ledger()
    result = run_cli("import", "claimreview", "/dev/zero", cwd=root, timeout=60)
    assert result.returncode == 1
    assert "over the 10 MB limit" in result.stderr
    assert not Path(root / "claims" / "imported.yaml").exists()
