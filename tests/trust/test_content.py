"""Bad values: counts from 1, ids are slugs, no control or bidi characters, nothing raw on a terminal."""

from __future__ import annotations

import json

import pytest
import yaml

from claimledger.findings import CONTROL
from tests.conftest import MakeLedger, run_cli

CLAIM = """\
claims:
  - id: {id}
    statement: {statement}
    speaker: spokesman
    quotes:
      - source: briefing-report
        text: "“Obviously.”"
        occurrence: {occurrence}
"""


def claim(id: str = "a-claim", statement: str = "S.", occurrence: str = "1") -> str:
    return CLAIM.format(id=id, statement=statement, occurrence=occurrence)


@pytest.mark.parametrize("occurrence", ["0", "-1"])
def test_an_occurrence_below_one_is_a_schema_finding(
    make_ledger: MakeLedger, occurrence: str
) -> None:
    root = make_ledger({"claims/new.yaml": claim(occurrence=occurrence)})
    for command in (["validate"], ["render"], ["show", "a-claim"], ["export", "-f", "jsonl"]):
        result = run_cli(*command, cwd=root)
        assert "internal error" not in result.stderr, command
    result = run_cli("validate", cwd=root)
    assert result.returncode == 1
    assert (
        f"claims/new.yaml:8:21: CL003 claims[0].quotes[0].occurrence: expected a count from 1, "
        f"got the integer {occurrence}" in result.stdout
    )


@pytest.mark.parametrize(
    "bad_id",
    ['""', "x" * 101, "A-Claim", "a_claim", "a--claim", '"sp\\u0440okesman"', "-a"],
)
def test_an_id_that_is_not_a_slug_is_refused(make_ledger: MakeLedger, bad_id: str) -> None:
    root = make_ledger({"claims/new.yaml": claim(id=bad_id)})
    result = run_cli("validate", cwd=root)
    assert result.returncode == 1
    assert "claims/new.yaml:2:9: CL017 claim id" in result.stdout


def test_speaker_and_source_ids_are_slugs_too(make_ledger: MakeLedger) -> None:
    root = make_ledger()
    speakers = root / "claims" / "speakers.yaml"
    speakers.write_text(speakers.read_text() + "  - id: Spokesman\n    name: Someone\n")
    for suffix in (".yaml", ".txt"):
        (root / "corpus" / f"briefing-report{suffix}").rename(root / "corpus" / f"Briefing{suffix}")
    result = run_cli("validate", cwd=root)
    assert result.returncode == 1
    assert "claims/speakers.yaml:7:9: CL017 speaker id 'Spokesman' is not a slug" in result.stdout
    assert "corpus/Briefing.yaml:1:1: CL017 source id 'Briefing' is not a slug" in result.stdout


HOSTILE = [r"\e]52;c;aGk=\a", r"\a", r"\0", r"\x9b2J", r"\u202Eevil", r"\e[2J"]


@pytest.mark.parametrize("escape", HOSTILE)
def test_control_characters_are_refused(make_ledger: MakeLedger, escape: str) -> None:
    root = make_ledger({"claims/new.yaml": claim(statement=f'"Before {escape} after."')})
    result = run_cli("validate", cwd=root)
    assert result.returncode == 1
    assert "claims/new.yaml:3:16: CL018 statement holds the control or bidirectional" in (
        result.stdout
    )
    assert not CONTROL.search(result.stdout)


def test_control_characters_are_never_published_or_printed_raw(make_ledger: MakeLedger) -> None:
    statement = '"Before ' + " ".join(HOSTILE) + ' after."'
    root = make_ledger({"claims/new.yaml": claim(statement=statement)})
    assert run_cli("render", cwd=root).returncode == 1  # nothing published
    assert run_cli("export", "-f", "bibtex", cwd=root).returncode == 1
    for command in (
        ["show", "a-claim"],
        ["show", "a-claim", "--format", "json"],
        ["show", "a-claim", "--format", "yaml"],
        ["query"],
        ["query", "--format", "yaml"],
        ["search", "Before", "--in", "claims"],
        ["search", "Before", "--in", "claims", "--format", "json"],
    ):
        shown = run_cli(*command, cwd=root)
        assert shown.returncode == 0, (command, shown.stderr)
        assert not CONTROL.search(shown.stdout + shown.stderr), command
    # The structured outputs keep the data: the escapes read back as the characters.
    data = json.loads(run_cli("show", "a-claim", "--format", "json", cwd=root).stdout)
    assert CONTROL.search(data["statement"])
    again = yaml.safe_load(run_cli("show", "a-claim", "--format", "yaml", cwd=root).stdout)
    assert again["statement"] == data["statement"]


def test_a_forced_rendering_publishes_no_control_character(make_ledger: MakeLedger) -> None:
    statement = '"Before ' + " ".join(HOSTILE) + ' after."'
    root = make_ledger({"claims/new.yaml": claim(statement=statement)})
    single = run_cli("render", "--force", "--single-page", "-o", "-", cwd=root)
    assert single.returncode == 0, single.stderr
    assert "Before ␛\\]52;c;aGk=␇ ␇ " in single.stdout  # shown, not acted on
    assert not CONTROL.search(single.stdout)
    for command in (["render", "--force"], ["render", "--force", "--format", "html", "-o", "site"]):
        assert run_cli(*command, cwd=root).returncode == 0, command
    published = [p for folder in ("ledger", "site") for p in (root / folder).rglob("*.*")]
    assert len(published) > 10
    assert not [p.name for p in published if CONTROL.search(p.read_text(encoding="utf-8"))]


def test_github_annotations_show_a_quoted_control_character_as_a_symbol(
    make_ledger: MakeLedger,
) -> None:
    root = make_ledger()
    meta = root / "corpus" / "briefing-report.yaml"
    lines = [
        'sha256: "\\e]52;c;aGk=\\a"' if line.startswith("sha256:") else line
        for line in meta.read_text().splitlines()
    ]
    meta.write_text("\n".join(lines) + "\n")
    result = run_cli("validate", "--format", "github", cwd=root)
    assert result.returncode == 1
    assert "title=CL008::" in result.stdout  # the message quotes the recorded digest
    assert "␛]52;c;aGk=␇" in result.stdout
    assert not CONTROL.search(result.stdout)


@pytest.mark.parametrize("key", ["title", "author", "description", "verdict-unrated"])
def test_the_configuration_refuses_control_characters_it_would_publish(
    make_ledger: MakeLedger, key: str
) -> None:
    root = make_ledger()
    pyproject = root / "pyproject.toml"
    value = '"\\u001b]52;c;aGk=\\u0007"'
    lines = [line for line in pyproject.read_text().splitlines() if not line.startswith(key)]
    lines.append(f"{key} = [{value}]" if key.startswith("verdict") else f"{key} = {value}")
    pyproject.write_text("\n".join(lines) + "\n")
    for command in (["export", "-f", "bibtex"], ["render", "--single-page", "-o", "-"]):
        result = run_cli(*command, cwd=root)
        assert result.returncode == 2, command
        assert f"{key} holds the control or bidirectional character U+001B" in result.stderr
        assert not CONTROL.search(result.stdout + result.stderr)


@pytest.mark.parametrize("character", ["\u202e", "\u2066", "\u202a"])
def test_a_character_written_as_itself_is_refused_too(
    make_ledger: MakeLedger, character: str
) -> None:
    # No escape in the file: the rule must still look at its strings.
    root = make_ledger({"claims/new.yaml": claim(statement=f'"Before {character}after."')})
    result = run_cli("validate", "--no-cache", cwd=root)
    assert result.returncode == 1
    assert "claims/new.yaml:3:16: CL018 statement holds the control or bidirectional" in (
        result.stdout
    )
