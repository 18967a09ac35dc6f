"""A wrong ledger does not pass: identification evidence is anchored, the cache checks what it hashed."""

from __future__ import annotations

from pathlib import Path

import pytest

import claimledger.incremental as incremental
from claimledger.config import discover
from claimledger.findings import Finding
from claimledger.incremental import validate_incremental
from claimledger.ledger import read_text
from tests.conftest import MakeLedger, run_cli

IDENTIFIED = """\
speakers:
  - id: spokesman
    description: The Labour leader's spokesman
    reported_as:
      - name: the spokesman
        source: briefing-report
    identified_as:
      speaker: named
      evidence:
        - source: briefing-report
          text: {text}
  - id: named
    name: A. Named Person
"""


def test_invented_identification_evidence_fails_validation(make_ledger: MakeLedger) -> None:
    speakers = IDENTIFIED.format(text='"The spokesman, A. Named Person, said so."')
    root = make_ledger({"claims/speakers.yaml": speakers})
    result = run_cli("validate", "--no-cache", cwd=root)
    assert result.returncode == 1, result.stdout + result.stderr
    assert "claims/speakers.yaml:11:17: CL009 identification text not found" in result.stdout
    # And with the cache, twice (the registry's findings are never cached away).
    for _ in range(2):
        cached = run_cli("validate", cwd=root)
        assert cached.returncode == 1
        assert "CL009 identification text not found" in cached.stdout


def test_empty_identification_evidence_fails_validation(make_ledger: MakeLedger) -> None:
    root = make_ledger({"claims/speakers.yaml": IDENTIFIED.format(text='"  "')})
    result = run_cli("validate", cwd=root)
    assert result.returncode == 1
    assert "claims/speakers.yaml:11:17: CL012 empty identification text" in result.stdout


def test_real_identification_evidence_passes(make_ledger: MakeLedger) -> None:
    text = '"There are multiple foreign interventions in the Syrian civil war."'
    root = make_ledger({"claims/speakers.yaml": IDENTIFIED.format(text=text)})
    result = run_cli("validate", cwd=root)
    assert result.returncode == 0, result.stdout + result.stderr


def test_a_file_edited_during_validation_does_not_poison_the_cache(
    make_ledger: MakeLedger, monkeypatch: pytest.MonkeyPatch
) -> None:
    root = make_ledger()
    claims = root / "claims" / "briefing.yaml"
    good = claims.read_text(encoding="utf-8")
    misquoted = good.replace("“Obviously.”", "“Obviously not.”")
    claims.write_text(misquoted, encoding="utf-8")
    config = discover(root)
    real_read_text = read_text

    def read_then_fix(
        path: Path, ledger_root: Path
    ) -> tuple[str | None, bytes | None, list[Finding]]:
        # The user saves the fixed file just after claimledger hashed the misquoted one.
        result = real_read_text(path, ledger_root)
        if path == claims:
            claims.write_text(good, encoding="utf-8")
        return result

    monkeypatch.setattr(incremental, "read_text", read_then_fix)
    first = validate_incremental(config, jobs=1)
    assert any(f.code == "CL009" for f in first), "the bytes hashed are the bytes checked"
    monkeypatch.setattr(incremental, "read_text", real_read_text)
    claims.write_text(misquoted, encoding="utf-8")  # the user reverts to the misquote
    again = validate_incremental(config, jobs=1)
    assert any(f.code == "CL009" for f in again)
    assert again == validate_incremental(config, cache=False)
