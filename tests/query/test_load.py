"""``load``: where a ledger is found, what errors do, and what a lenient load keeps."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

import claimledger
from claimledger.query import LedgerError, load
from tests.conftest import EXAMPLES, REPO, MakeLedger


def test_the_root_the_claims_folder_and_a_file_load_the_same_ledger() -> None:
    by_root = load(REPO, cache=False)
    assert load(REPO / "claims", cache=False).claims.ids() == by_root.claims.ids()
    assert load(REPO / "claims" / "speakers.yaml", cache=False).claims.ids() == by_root.claims.ids()
    assert by_root.config.root == REPO.resolve()
    assert repr(by_root) == (
        f"<Ledger {REPO.resolve()}: {len(by_root.claims)} claims, "
        f"{len(by_root.speakers)} speakers, 5 sources>"
    )


def test_the_claims_folder_of_an_unconfigured_ledger_finds_the_corpus_beside_it(
    tmp_path: Path,
) -> None:
    root = tmp_path / "ledger"
    shutil.copytree(EXAMPLES / "clean", root)
    (root / "pyproject.toml").unlink()
    ledger = load(root / "claims", cache=False)
    assert ledger.config.corpus_dir == (root / "corpus").resolve()
    assert [s.id for s in ledger.sources] == ["briefing-report"]


def test_a_missing_path_is_an_error() -> None:
    with pytest.raises(FileNotFoundError, match="no such file or directory: 'no/such/ledger'"):
        load("no/such/ledger")


def test_errors_raise_with_the_findings_by_default() -> None:
    with pytest.raises(LedgerError) as caught:
        load(EXAMPLES / "broken")
    codes = {f.code for f in caught.value.findings}
    assert codes == {"CL001", "CL002", "CL003", "CL004", "CL005", "CL006", "CL007", "CL015"}
    assert "has 15 error(s)" in str(caught.value)
    assert "the first: claims/bad-syntax.yaml:4:1: CL001" in str(caught.value)


def test_validation_rules_beyond_resolving_do_not_stop_loading(make_ledger: MakeLedger) -> None:
    root = make_ledger(
        {
            "claims/more.yaml": """\
claims:
  - id: misquoted
    statement: A claim whose quote is not in its source and whose rating is off the scale.
    speaker: spokesman
    quotes:
      - source: briefing-report
        text: Obviously not.
    verdict: {rating: pants-on-fire, rationale: Not on the scale.}
"""
        }
    )
    assert claimledger.validate(claimledger.discover(root)).failed
    ledger = load(root, cache=False)
    assert ledger.findings == ()
    assert ledger.claims.where(verdict="pants-on-fire").ids() == ("misquoted",)


def test_a_lenient_load_keeps_what_resolves(make_ledger: MakeLedger) -> None:
    root = make_ledger(
        {
            "claims/more.yaml": """\
claims:
  - id: partly-resolvable
    statement: Some references resolve, some do not.
    speaker: spokesman
    quotes:
      - source: briefing-report
        text: "“Obviously.”"
      - source: no-such-report
        text: Anything.
    supports:
      - source: briefing-report
        text: There are multiple foreign interventions in the Syrian civil war.
        speaker: nobody
      - source: briefing-report
        text: There are multiple foreign interventions in the Syrian civil war.
    related: [multiple-interventions, no-such-claim]
  - id: unknown-speaker
    statement: Nobody said this.
    speaker: nobody
  - id: multiple-interventions
    statement: A second claim with an id already used.
    speaker: spokesman
""",
            "claims/broken.yaml": "claims: [",
        }
    )
    with pytest.raises(LedgerError):
        load(root, cache=False)
    ledger = load(root, strict=False, cache=False)
    assert {f.code for f in ledger.findings} == {"CL001", "CL004", "CL005", "CL006", "CL007"}
    assert ledger.claims.ids() == (
        "us-is-an-intervening-power",
        "multiple-interventions",
        "partly-resolvable",
    )
    partly = ledger.claim("partly-resolvable")
    assert [q.source.id for q in partly.quotes] == ["briefing-report"]
    assert [(e.source.id, e.speaker) for e in partly.supports] == [("briefing-report", None)]
    assert [r.claim for r in partly.related] == ["multiple-interventions"]
    assert ledger.claim("multiple-interventions").statement.startswith("There are multiple")


def test_references_in_the_registry_are_checked_too(make_ledger: MakeLedger) -> None:
    speakers = (EXAMPLES / "clean" / "claims" / "speakers.yaml").read_text()
    unknown = "    identified_as:\n      speaker: nobody\n      evidence: []\n"
    root = make_ledger({"claims/speakers.yaml": speakers + unknown})
    with pytest.raises(LedgerError) as caught:
        load(root, cache=False)
    assert [f.code for f in caught.value.findings] == ["CL005"]
    assert load(root, strict=False, cache=False).identified_as("spokesman") is None


def test_configured_severities_apply(make_ledger: MakeLedger) -> None:
    root = make_ledger(
        {
            "claims/more.yaml": "claims:\n  - {id: x, statement: S., speaker: spokesman, related: [nope]}\n"
        }
    )
    config = root / "pyproject.toml"
    config.write_text(config.read_text() + '\n[tool.claimledger.rules]\nCL007 = "warning"\n')
    ledger = load(root, cache=False)
    assert [(f.code, f.severity.value) for f in ledger.findings] == [("CL007", "warning")]
    config.write_text(config.read_text().replace('"warning"', '"off"'))
    assert load(root, cache=False).findings == ()


def test_the_top_level_package_exports_the_query_api() -> None:
    assert claimledger.load is load
    assert {"Ledger", "ClaimSet", "LedgerError", "QueryError", "load"} <= set(claimledger.__all__)
