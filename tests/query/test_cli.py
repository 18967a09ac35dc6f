"""``claimledger query``, ``show`` and ``search``: formats, exit codes, messages."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest
import yaml

from claimledger.cli import main
from tests.conftest import REPO, MakeLedger

SPOKESMAN = "spokesman-focus-on-russia-diverts-attention"


def cli(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(["--help"] if not args else list(args))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture(autouse=True)
def _at_repo(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(REPO)


def test_query_filters_and_formats(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = cli(
        capsys,
        "query",
        "--speaker",
        "an aide to Jeremy Corbyn",
        "--topic",
        "syria",
        "--format",
        "ids",
    )
    assert code == 0
    assert out.splitlines()[0] == SPOKESMAN
    ids = out.split()
    code, out, _ = cli(
        capsys,
        "query",
        "--speaker",
        "an aide to Jeremy Corbyn",
        "--topic",
        "syria",
        "--format",
        "json",
    )
    records = json.loads(out)
    assert [r["id"] for r in records] == ids
    assert records[0]["speaker"] == "corbyn-spokesman-2016"
    assert records[0]["said_on"] == "2016-10-12"
    code, out, _ = cli(
        capsys,
        "query",
        "--speaker",
        "an aide to Jeremy Corbyn",
        "--topic",
        "syria",
        "--format",
        "yaml",
    )
    assert [r["id"] for r in yaml.safe_load(out)] == ids
    code, out, _ = cli(capsys, "query", "--speaker", "an aide to Jeremy Corbyn", "--topic", "syria")
    lines = out.splitlines()
    assert lines[0].split() == ["ID", "SPEAKER", "SAID", "VERDICT", "STATEMENT"]
    assert lines[1].startswith(SPOKESMAN)
    assert lines[-1] == f"{len(ids)} claims"


def test_query_dates_sources_contradiction_and_relations(
    capsys: pytest.CaptureFixture[str],
) -> None:
    def ids(*args: str) -> list[str]:
        code, out, err = cli(capsys, "query", "--format", "ids", *args)
        assert (code, err) == (0, "")
        return out.split()

    assert ids("--since", "2016-10-14", "--until", "2016-10-31") == [
        i
        for i in ids("--since", "2016-10-14", "--until", "2016-10-31", "--overlaps")
        if i in ids("--since", "2016-10-14", "--until", "2016-10-31")
    ]
    assert len(ids("--since", "2016-10-14", "--until", "2016-10-31", "--overlaps")) > len(
        ids("--since", "2016-10-14", "--until", "2016-10-31")
    )
    contradicted = ids("--contradicted")
    assert set(contradicted).isdisjoint(ids("--not-contradicted"))
    assert ids("--contradicted-by", "dailymail-2016-10-13") == [
        "daily-mail-aide-sees-moral-equivalence",
        "spokesman-not-allocating-blame",
        "spokesman-corbyn-has-condemned-russian-bombing",
    ]
    # The 2022 report's accusations are context on the claim they sit beside, not evidence.
    assert ids("--contradicted-by", "corbyn-defends-russia-record") == []
    assert set(ids("--source", "mirror-2016-10-12")) >= set(ids("--quoting", "mirror-2016-10-12"))
    direct = ids("--related-to", SPOKESMAN)
    assert set(direct) < set(ids("--related-to", SPOKESMAN, "--transitive"))
    assert set(ids("--topic", "syria", "--topic", "russia")) >= set(ids("--topic", "syria"))


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (
            ("--speaker", "Seumas Miln"),
            "no speaker is known as 'Seumas Miln'; did you mean 'Seumas Milne'",
        ),
        (("--since", "12/10/2016"), "not a valid date: '12/10/2016'"),
        (("--verdict", "true"), "'true' is not a rating of this ledger"),
        (
            ("--related-to", "spokesman-focus"),
            f"no claim 'spokesman-focus'; did you mean '{SPOKESMAN}'",
        ),
    ],
)
def test_bad_query_values_exit_1_with_a_message(
    capsys: pytest.CaptureFixture[str], args: tuple[str, ...], message: str
) -> None:
    code, out, err = cli(capsys, "query", *args)
    assert (code, out) == (1, "")
    assert err.startswith(f"claimledger: {message}")


def test_usage_errors_exit_2(capsys: pytest.CaptureFixture[str]) -> None:
    for args in (
        ("query", "--format", "xml"),
        ("query", "--contradicted", "--not-contradicted"),
        ("search", "x", "--limit", "0"),
        ("search", "x", "--in", "everywhere"),
        ("show",),
    ):
        with pytest.raises(SystemExit) as caught:
            main(list(args))
        assert caught.value.code == 2
    assert cli(capsys, "query", "--ledger", "no/such/place")[0] == 2


def test_show_resolves_everything(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = cli(capsys, "show", SPOKESMAN)
    assert code == 0
    assert out.startswith(f"{SPOKESMAN}\n  claims/spokesman-briefing-2016-10-12.yaml:")
    assert "identified as:\n    Seumas Milne [seumas-milne]" in out
    assert "Quoted in (6)" in out
    assert "Related (6)" in out
    assert "Wordings, compared with mirror-2016-10-12's" in out
    assert "    partial: He said outrage over Russian air strikes in Aleppo" in out
    code, out, _ = cli(capsys, "show", SPOKESMAN, "--format", "json")
    data = json.loads(out)
    assert data["speaker"]["identified_as"]["name"] == "Seumas Milne"
    assert data["quotes"][0]["source"]["title"].startswith("Jeremy Corbyn aide")
    assert {r["id"] for r in data["related"]} >= {"spokesman-not-allocating-blame"}
    assert data["variants"]["reference"] == "mirror-2016-10-12"
    code, out, _ = cli(capsys, "show", SPOKESMAN, "--format", "yaml")
    assert yaml.safe_load(out)["id"] == SPOKESMAN


def test_show_an_unknown_id_suggests_close_ones(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = cli(capsys, "show", "spokesman-focus-on-russia")
    assert (code, out) == (1, "")
    assert (
        err == f"claimledger: no claim 'spokesman-focus-on-russia'; did you mean '{SPOKESMAN}'?\n"
    )


def test_search_formats(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = cli(
        capsys, "search", "diverts", "attention", "--format", "json", "--limit", "20"
    )
    assert code == 0
    records = json.loads(out)
    assert records[0] == {**records[0], "in": "claims", "claim": SPOKESMAN}
    passages = [r for r in records if r["in"] == "corpus"]
    assert {p["source"] for p in passages} == {
        "corbyn-aide-focus-on-russia-2016-10-12",
        "dailymail-2016-10-13",
        "mirror-2016-10-12",
    }
    code, out, _ = cli(capsys, "search", '"diverts attention"', "--in", "corpus", "--limit", "1")
    assert out.splitlines() == [
        "corbyn-aide-focus-on-russia-2016-10-12 ¶1 @36-53",
        "  Jeremy Corbyn aide: Focus on Russia «diverts attention» from other Syrian atrocities",
        "0 claim(s), 1 passage(s)",
    ]
    assert cli(capsys, "search", "zzzzqqq")[1] == "no matches\n"


def test_search_input_that_is_all_syntax_exits_1(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = cli(capsys, "search", '"', "AND", "OR")
    assert code == 0  # AND and OR are searched for as words
    code, out, err = cli(capsys, "search", '"', "--", "*")
    assert (code, out) == (1, "")
    assert err.startswith("claimledger: nothing to search for")


def test_a_ledger_with_errors_is_queried_with_a_warning(
    capsys: pytest.CaptureFixture[str], make_ledger: MakeLedger
) -> None:
    root = make_ledger({"claims/broken.yaml": "claims: ["})
    code, out, err = cli(capsys, "query", "--ledger", str(root), "--format", "ids")
    assert code == 0
    assert out.split() == ["us-is-an-intervening-power", "multiple-interventions"]
    assert "the ledger has 1 error(s)" in err


def test_the_installed_command_finds_the_remark_in_every_report() -> None:
    env = {k: v for k, v in os.environ.items() if k != "CLAIMLEDGER_DEBUG"}
    result = subprocess.run(
        [sys.executable, "-m", "claimledger.cli", "search", "diverts attention", "--in", "corpus"],
        cwd=REPO,
        capture_output=True,
        text=True,
        env=env,
        check=False,
    )
    assert (result.returncode, result.stderr) == (0, "")
    heads = [line.split()[0] for line in result.stdout.splitlines() if not line.startswith(" ")]
    assert set(heads[:-1]) == {
        "corbyn-aide-focus-on-russia-2016-10-12",
        "dailymail-2016-10-13",
        "mirror-2016-10-12",
    }
