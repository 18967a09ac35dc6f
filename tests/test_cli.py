"""The command line: exit codes, output formats, and no traceback for any bad input."""

from __future__ import annotations

import importlib.metadata
import json
from pathlib import Path

import pytest

import claimledger
from tests.conftest import EXAMPLES, SUMMARY, MakeLedger, only_summary
from tests.conftest import run_cli as run


def test_clean_ledger_exits_0_and_says_so_on_stderr() -> None:
    result = run("validate", "--no-cache", str(EXAMPLES / "clean"))
    assert (result.returncode, result.stdout) == (0, "")
    assert result.stderr.startswith(
        "claimledger: checked 1 claim file (2 claims) against 1 source: 0 errors, 0 warnings in "
    )
    assert only_summary(result.stderr)


def test_quiet_prints_nothing_on_a_clean_ledger() -> None:
    result = run("validate", "--quiet", "--no-cache", str(EXAMPLES / "clean"))
    assert (result.returncode, result.stdout, result.stderr) == (0, "", "")


def test_the_summary_counts_what_is_reported() -> None:
    result = run("validate", "--no-cache", "--format", "json", "tests/examples/broken")
    records = json.loads(result.stdout)
    match = SUMMARY.fullmatch(result.stderr)
    assert match is not None, result.stderr
    errors = sum(r["severity"] == "error" for r in records)
    assert (int(match[1]), int(match[2])) == (errors, len(records) - errors)
    assert errors > 0


def test_version() -> None:
    result = run("--version")
    assert result.returncode == 0
    assert result.stdout == f"claimledger {claimledger.__version__}\n"
    assert result.stdout.split()[1] == importlib.metadata.version("claimledger")


def test_findings_exit_1_with_compiler_style_lines() -> None:
    result = run("validate", "--no-cache", "tests/examples/broken")
    assert result.returncode == 1
    first = result.stdout.splitlines()[0]
    assert first.startswith("tests/examples/broken/claims/bad-syntax.yaml:4:1: CL001 ")
    # The offending line and a caret follow each finding that has a line to show.
    lines = result.stdout.splitlines()
    i = lines.index(next(ln for ln in lines if ": CL002 " in ln))
    assert lines[i + 1] == "      statement: The second one would silently win in PyYAML."
    assert lines[i + 2] == "      ^"
    assert "\033[" not in result.stdout  # no colour when not on a terminal


def test_json_and_github_formats() -> None:
    records = json.loads(
        run("validate", "--no-cache", "--format", "json", "tests/examples/broken").stdout
    )
    assert {"path", "line", "column", "code", "severity", "message"} == set(records[0])
    github = run("validate", "--no-cache", "--format", "github", "tests/examples/broken").stdout
    assert github.splitlines()[0].startswith(
        "::error file=tests/examples/broken/claims/bad-syntax.yaml,line=4,col=1,title=CL001::"
    )


def test_paths_limit_what_is_reported() -> None:
    result = run("validate", "--no-cache", "tests/examples/broken/claims/schema.yaml")
    assert result.returncode == 1
    reported = {ln.split(":")[0] for ln in result.stdout.splitlines() if ": CL" in ln}
    assert reported == {"tests/examples/broken/claims/schema.yaml"}


def test_ledger_is_found_from_a_subfolder() -> None:
    result = run("validate", "--no-cache", cwd=EXAMPLES / "broken" / "claims")
    assert result.returncode == 1
    assert "duplicate-key.yaml:4:5: CL002" in result.stdout


def test_usage_errors_exit_2() -> None:
    assert run("validate", "no/such/path").returncode == 2
    assert run("frobnicate").returncode == 2
    assert run("validate", "--format", "xml").returncode == 2


def test_bad_config_exits_2_with_a_message(make_ledger: MakeLedger) -> None:
    root = make_ledger()
    (root / "pyproject.toml").write_text("[tool.claimledger]\nverdict-scale = 5\n")
    result = run("validate", cwd=root)
    assert result.returncode == 2
    assert "verdict-scale must be a list of strings" in result.stderr
    assert "Traceback" not in result.stderr


BROKEN_FILES = {
    "bad-yaml.yaml": "claims: [\n",
    "tabs.yaml": "claims:\n\t- id: a\n",
    "wrong-types.yaml": "claims:\n  - id: [1]\n    statement: {a: b}\n    speaker: 3.5\n",
    "unknown-keys.yaml": "claims:\n  - id: a\n    statment: s\n    speaker: x\n",
    "duplicate-keys.yaml": "claims:\n  - id: a\n    id: b\n",
    "references.yaml": "claims:\n  - id: a\n    statement: s\n    speaker: ghost\n    related: [b]\n"
    "    quotes:\n      - {source: nowhere, text: x}\n",
    "not-a-mapping.yaml": "just a string\n",
    "null-claims.yaml": "claims:\n  - null\n  - 5\n  - []\n",
    "python-tag.yaml": "claims: !!python/object/apply:os.system ['echo pwned']\n",
    "truncated.yaml": 'claims:\n  - id: a\n    statement: "unterminated\n',
    "bom-crlf.yaml": "\ufeffclaims:\r\n  - id: a\r\n",
    "deep.yaml": "[" * 5000,
}


def test_a_folder_of_broken_files_never_prints_a_traceback(tmp_path: Path) -> None:
    claims = tmp_path / "claims"
    claims.mkdir()
    for name, text in BROKEN_FILES.items():
        (claims / name).write_text(text, encoding="utf-8", newline="")
    (claims / "latin1.yaml").write_bytes("claims:\n  - id: caf\xe9\n".encode("latin-1"))
    (claims / "speakers.yaml").write_text("speakers: 5\n")
    result = run("validate", str(tmp_path))
    assert result.returncode == 1, result.stderr
    assert "Traceback" not in result.stdout + result.stderr
    assert only_summary(result.stderr), result.stderr
    reported = {ln.split(":")[0] for ln in result.stdout.splitlines() if ": CL" in ln}
    assert len(reported) == len(BROKEN_FILES) + 2  # with latin1.yaml and speakers.yaml
    assert not (claims / "pwned").exists()


def snapshot(root: Path) -> dict[Path, tuple[bytes, int]]:
    return {p: (p.read_bytes(), p.stat().st_mtime_ns) for p in root.rglob("*") if p.is_file()}


@pytest.mark.parametrize("fmt", ["text", "json", "github"])
def test_validate_writes_nothing_but_its_cache(fmt: str, make_ledger: MakeLedger) -> None:
    root = make_ledger()
    before = snapshot(root)
    assert run("validate", "--format", fmt, cwd=root).returncode == 0
    after = snapshot(root)
    written = {p.relative_to(root).parts[0] for p in set(after) - set(before)}
    assert written == {".claimledger"}
    assert {p: v for p, v in after.items() if p in before} == before


def test_no_cache_writes_nothing_at_all(make_ledger: MakeLedger) -> None:
    root = make_ledger({"claims/x.yaml": "claims: [\n"})
    before = snapshot(root)
    assert run("validate", "--no-cache", cwd=root).returncode == 1
    assert snapshot(root) == before


def test_cache_is_ignored_by_git_and_gives_the_same_findings(make_ledger: MakeLedger) -> None:
    root = make_ledger(
        {"claims/x.yaml": "claims:\n  - id: x\n    statement: s\n    speaker: ghost\n"}
    )
    cold = run("validate", cwd=root)
    warm = run("validate", cwd=root)
    assert (cold.returncode, cold.stdout) == (warm.returncode, warm.stdout) == (1, warm.stdout)
    assert "CL005" in warm.stdout
    assert (root / ".claimledger" / ".gitignore").read_text().splitlines()[-1] == "*"
