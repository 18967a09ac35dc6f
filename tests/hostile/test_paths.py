"""Paths: nothing outside the ledger's root is read, whatever ids, config or links say.

Source ids are looked up in the corpus registry and never used as paths; the
configuration's paths must stay inside the root; a symbolic link that resolves
outside is a located CL015. The strongest check runs validation under an audit
hook and lists every file the process opened.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from tests.conftest import EXAMPLES, REPO, only_summary
from tests.hostile.helpers import run_cli


@pytest.fixture
def ledger(tmp_path: Path) -> Path:
    """A copy of the clean example, with a secret file beside it (outside its root)."""
    root = tmp_path / "ledger"
    shutil.copytree(EXAMPLES / "clean", root)
    (tmp_path / "secret.txt").write_text("not for the ledger\n")
    (tmp_path / "secret.yaml").write_text("claims: []\n")
    return root


def add_claim(root: Path, source: str, name: str = "traversal.yaml") -> None:
    (root / "claims" / name).write_text(
        "claims:\n"
        "  - id: traversal\n"
        "    statement: A quote whose source id is a path.\n"
        "    speaker: spokesman\n"
        "    quotes:\n"
        f"      - source: {json.dumps(source)}\n"
        "        text: anything\n"
    )


OPENED = textwrap.dedent(
    """
    import json, sys
    from pathlib import Path
    from claimledger import discover, validate
    import claimledger.rules.registry, claimledger.report  # everything imported before we listen
    import encodings.utf_8_sig  # a codec module is imported on first use
    opened = []
    def hook(event, args):
        if event == "open" and isinstance(args[0], (str, bytes, Path)):
            opened.append(str(args[0]))
    config = discover(Path(sys.argv[1]))
    sys.addaudithook(hook)
    result = validate(config)
    findings = [str(f) for f in result.findings]
    print(json.dumps({"opened": opened, "findings": findings}))
    """
)


def opened_during_validation(root: Path) -> tuple[list[Path], list[str]]:
    """Every file validation opened (resolved), and its findings."""
    result = subprocess.run(
        [sys.executable, "-c", OPENED, str(root)],
        capture_output=True,
        text=True,
        check=True,
        env={**os.environ, "PYTHONPATH": str(REPO)},
        timeout=60,
    )
    record = json.loads(result.stdout)
    return [Path(p).resolve() for p in record["opened"]], record["findings"]


@pytest.mark.parametrize(
    "source", ["../secret", "../../secret", "/etc/passwd", "../secret.txt", "../secret.yaml"]
)
def test_a_source_id_is_never_a_path(ledger: Path, source: str) -> None:
    add_claim(ledger, source)
    opened, findings = opened_during_validation(ledger)
    assert findings == [f"claims/traversal.yaml:6:17: CL006 unknown source {source!r}"]
    root = ledger.resolve()
    assert opened, "the audit hook saw nothing: the test would prove nothing"
    assert all(p.is_relative_to(root) for p in opened), [str(p) for p in opened]


def test_symbolic_links_out_of_the_ledger_are_not_followed(ledger: Path) -> None:
    outside = ledger.parent
    (ledger / "claims" / "linked.yaml").symlink_to(outside / "secret.yaml")
    (ledger / "corpus" / "briefing-report.txt").unlink()
    (ledger / "corpus" / "briefing-report.txt").symlink_to(outside / "secret.txt")
    (outside / "more").mkdir()
    (outside / "more" / "x.yaml").write_text("claims: []\n")
    (ledger / "claims" / "more").symlink_to(outside / "more")
    opened, findings = opened_during_validation(ledger)
    root = ledger.resolve()
    assert all(p.is_relative_to(root) for p in opened), [str(p) for p in opened]
    outside_findings = [f for f in findings if ": CL015 " in f]
    # A linked file is a finding; a linked folder is not descended into at all.
    assert outside_findings == [
        "claims/linked.yaml:1:1: CL015 file resolves outside the ledger (a symbolic link?)",
        "corpus/briefing-report.txt:1:1: CL015 file resolves outside the ledger (a symbolic link?)",
    ]
    assert not any("more" in f for f in findings)


@pytest.mark.parametrize("relative", ["claims/speakers.yaml", "corpus/briefing-report.yaml"])
def test_a_symlinked_registry_or_source_metadata_is_cl015(ledger: Path, relative: str) -> None:
    target = ledger / relative
    shutil.copy(target, ledger.parent / "copy.yaml")
    target.unlink()
    target.symlink_to(ledger.parent / "copy.yaml")
    result = run_cli(ledger)
    assert result.returncode == 1
    assert f"{relative}:1:1: CL015 file resolves outside the ledger" in result.stdout


def test_a_link_that_stays_inside_is_read(ledger: Path) -> None:
    (ledger / "claims" / "alias.yaml").symlink_to("briefing.yaml")
    result = run_cli(ledger)
    # Read, not refused: the same claims twice are duplicate ids, nothing else.
    codes = {
        line.split(": ")[1].split()[0] for line in result.stdout.splitlines() if ": CL" in line
    }
    assert codes == {"CL004"}


def test_a_symbolic_link_loop_is_a_finding(ledger: Path) -> None:
    (ledger / "claims" / "loop.yaml").symlink_to("loop.yaml")
    result = run_cli(ledger)
    assert result.returncode == 1, result.stderr
    assert result.stdout.startswith("claims/loop.yaml:1:1: CL")


# -- configuration --------------------------------------------------------------------------------


def configure(root: Path, body: str) -> None:
    (root / "pyproject.toml").write_text(body)


@pytest.mark.parametrize(
    ("setting", "message"),
    [
        ('claims = "../elsewhere"', "claims '../elsewhere' points outside the ledger"),
        ('corpus = "/etc"', "corpus '/etc' points outside the ledger"),
        ('template = "../x.j2"', "template '../x.j2' points outside the ledger"),
        ('ledger = "../LEDGER.md"', "ledger '../LEDGER.md' points outside the ledger"),
        ('claims = "claims/../../x"', "claims 'claims/../../x' points outside the ledger"),
        ('corpus = "out"', "corpus 'out' points outside the ledger"),  # a link to /tmp
        ('template = "t.j2"', "template 't.j2' points outside the ledger"),  # a link out
        ('claims = "loop/x"', "claims 'loop/x' cannot be resolved: Symlink loop"),
        ('claims = "a\\u0000b"', "claims 'a\\x00b' cannot be resolved: embedded null byte"),
    ],
)
def test_configured_paths_must_stay_inside(ledger: Path, setting: str, message: str) -> None:
    (ledger / "out").symlink_to(ledger.parent)
    (ledger / "t.j2").symlink_to(ledger.parent / "secret.txt")
    (ledger / "loop").symlink_to("loop")
    configure(ledger, f"[tool.claimledger]\n{setting}\n")
    result = run_cli(ledger)
    assert result.returncode == 2
    assert result.stdout == ""
    pyproject = ledger.resolve() / "pyproject.toml"
    assert result.stderr.startswith(f"claimledger: {pyproject}: [tool.claimledger]: {message}")
    assert "internal error" not in result.stderr


@pytest.mark.parametrize(
    ("body", "message"),
    [
        # Found by these tests: AttributeError, reported as an internal error.
        ("tool = 5\n", None),
        # Found by these tests: skipped as if absent, validating with the defaults.
        ('[tool]\nclaimledger = "x"\n', "tool.claimledger must be a table"),
        ("[tool.claimledger]\nclaims = 5\n", "claims must be a string"),
        ("[tool.claimledger\n", "cannot read"),
        ("[tool.claimledger]\nrules = 'all'\n", "rules must be a table"),
    ],
)
def test_a_malformed_configuration_is_a_usage_error(
    ledger: Path, body: str, message: str | None
) -> None:
    configure(ledger, body)
    result = run_cli(ledger)
    if message is None:  # no claimledger table here: the defaults govern
        assert result.returncode == 0
        assert only_summary(result.stderr), result.stderr
        return
    assert result.returncode == 2
    assert message in result.stderr
    assert "internal error" not in result.stderr
