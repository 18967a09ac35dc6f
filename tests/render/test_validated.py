"""Render fed by the cached validator: the same pages, findings and digests as one uncached read."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

import claimledger.validated
from claimledger.check import validate
from claimledger.config import discover
from claimledger.digest import claim_digest, edition_digest
from claimledger.ledger import LedgerFiles, read_ledger
from claimledger.render.markdown import render_markdown
from claimledger.resolved import resolve
from claimledger.validated import validate_cached
from tests.conftest import MakeLedger, run_cli


def test_each_claims_digest_is_the_digest_of_the_claim_as_written(make_ledger: MakeLedger) -> None:
    files, _ = read_ledger(discover(make_ledger()))
    ledger = resolve(files)
    assert len(ledger.digests) == len(files.claims) > 1
    assert [d[:12] for d in ledger.digests] == [claim_digest(c) for c in files.claims]
    assert ledger.edition == edition_digest(files.claims)


@pytest.mark.parametrize("base", ["clean", "broken"])
def test_cold_warm_serial_and_parallel_give_what_one_uncached_read_gives(
    make_ledger: MakeLedger, base: str
) -> None:
    config = discover(make_ledger(base=base))
    expected = validate(config)
    page = render_markdown(expected.ledger, findings=expected.findings)
    shutil.rmtree(config.root / ".claimledger", ignore_errors=True)
    runs = [validate_cached(config, jobs=jobs) for jobs in (1, 2, 1, 2)]  # cold, then warm
    runs.append(validate_cached(config, jobs=2, cache=False))
    for result in runs:
        assert result.findings == expected.findings
        assert render_markdown(result.ledger, findings=result.findings) == page
    assert (base == "broken") == expected.failed


def test_a_file_changed_between_the_two_reads_is_read_again_with_its_findings(
    make_ledger: MakeLedger, monkeypatch: pytest.MonkeyPatch
) -> None:
    config = discover(make_ledger())
    validate_cached(config)  # warm caches
    claims = config.root / "claims" / "briefing.yaml"
    text = claims.read_text(encoding="utf-8")
    real = read_ledger

    def edited_meanwhile(config_: object, **options: bool) -> tuple[LedgerFiles, list[object]]:
        claims.write_text(text.replace("“Obviously.”", "“Obviously not.”"), encoding="utf-8")
        return real(config_, **options)  # type: ignore[arg-type,return-value]

    monkeypatch.setattr(claimledger.validated, "read_ledger", edited_meanwhile)
    result = validate_cached(config)
    assert result.failed  # the misquote read is the misquote reported
    assert result.findings == validate(config).findings
    assert "Obviously not." in repr(result.ledger.claims)


@pytest.mark.parametrize("base", ["clean", "broken"])
def test_the_rendered_ledger_is_byte_identical_cold_and_warm(
    make_ledger: MakeLedger, tmp_path: Path, base: str
) -> None:
    root = make_ledger(base=base)
    argv = ("render", "--single-page", "--force", "-o", "-")
    cold = run_cli(*argv, cwd=root)
    warm = run_cli(*argv, cwd=root)
    shutil.rmtree(root / ".claimledger")
    again = run_cli(*argv, cwd=root)
    assert cold.returncode == 0, cold.stderr
    assert cold.stdout
    assert cold.stdout == warm.stdout == again.stdout
    assert cold.stderr == warm.stderr == again.stderr
    pages = [tmp_path / name for name in ("one", "two")]
    for folder in pages:
        assert run_cli("render", "--force", "-o", str(folder), cwd=root).returncode == 0
    one, two = ({p.relative_to(f): p.read_bytes() for p in f.rglob("*.md")} for f in pages)
    assert one
    assert one == two
