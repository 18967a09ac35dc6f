"""``validate --fix`` and ``--diff``: only marks change, and only in the quote's scalar."""

# ruff: noqa: RUF001 - the tests are about look-alike marks.
from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from claimledger.workflow.fixes import rewrite_scalars
from tests.conftest import REPO, MakeLedger, run_cli

# A passage's text as the seed ledger writes it: a double-quoted scalar on one line.
_TEXT = re.compile(r'^(\s*(?:- )?text: )"((?:[^"\\]|\\.)*)"$', re.MULTILINE)


def retype(yaml_text: str) -> str:
    """Every passage typed on a plain keyboard: straight quotes, hyphens for dashes."""

    def plain(match: re.Match[str]) -> str:
        inner = re.sub("[‘’]", "'", match.group(2))
        inner = re.sub("[“”]", r"\\" + '"', inner)
        return f'{match.group(1)}"{re.sub("[–—]", "-", inner)}"'

    return _TEXT.sub(plain, yaml_text)


@pytest.fixture
def seed(tmp_path: Path) -> Path:
    root = tmp_path / "seed"
    root.mkdir()
    for part in ("claims", "corpus"):
        shutil.copytree(REPO / part, root / part)
    shutil.copy(REPO / "pyproject.toml", root / "pyproject.toml")
    return root


def test_fix_restores_retyped_seed_quotes_byte_for_byte(seed: Path) -> None:
    claim_files = sorted(p for p in (seed / "claims").glob("*.yaml") if p.name != "speakers.yaml")
    original = {p: p.read_bytes() for p in claim_files}
    retyped = 0
    for path in claim_files:
        text = retype(path.read_text(encoding="utf-8"))
        retyped += text != path.read_text(encoding="utf-8")
        path.write_text(text, encoding="utf-8")
    assert retyped >= 5
    typed = {p: p.read_bytes() for p in claim_files}

    shown = run_cli("validate", "--diff", cwd=seed)
    assert shown.returncode == 1
    assert shown.stdout.count("\n+        text:") + shown.stdout.count("\n+          text:") >= 20
    assert {p: p.read_bytes() for p in claim_files} == typed  # --diff writes nothing

    fixed = run_cli("validate", "--fix", "--no-cache", cwd=seed)
    assert fixed.returncode == 0, fixed.stdout + fixed.stderr
    assert "fix(es) applied" in fixed.stderr
    for path in claim_files:
        assert path.read_bytes() == original[path], path.name
    again = run_cli("validate", "--diff", cwd=seed)
    assert (again.returncode, again.stdout) == (0, "")


def test_a_punctuation_slip_takes_the_source_punctuation(make_ledger: MakeLedger) -> None:
    claim = (
        "# the comment stays\n"
        "claims:\n"
        "  - id: slip   # so does this one\n"
        "    statement: s\n"
        "    speaker: spokesman\n"
        "    quotes:\n"
        "      - source: briefing-report\n"
        "        text: 'There are multiple foreign interventions, in the Syrian civil war.'\n"
    )
    root = make_ledger({"claims/slip.yaml": claim})
    warned = run_cli("validate", "--no-cache", cwd=root)
    assert "CL013" in warned.stdout
    result = run_cli("validate", "--fix", "--no-cache", cwd=root)
    assert result.returncode == 0
    assert "CL013" not in result.stdout
    assert (root / "claims/slip.yaml").read_text() == claim.replace(
        "interventions,", "interventions"
    )


def test_words_are_never_changed(make_ledger: MakeLedger) -> None:
    claim = (
        "claims:\n  - id: w\n    statement: s\n    speaker: spokesman\n    quotes:\n"
        '      - source: briefing-report\n        text: "There are many foreign interventions"\n'
    )
    root = make_ledger({"claims/w.yaml": claim})
    assert run_cli("validate", "--fix", "--no-cache", cwd=root).returncode == 1
    assert (root / "claims/w.yaml").read_text() == claim


@pytest.mark.parametrize(
    ("written", "value", "expected"),
    [
        ('a: "it\'s \\u00a0x"\n', "it’s \xa0x", 'a: "it’s \\u00a0x"\n'),
        ("a: 'it''s'\n", "it’s", "a: 'it’s'\n"),
        ("a: it's  # note\n", "it’s", "a: it’s  # note\n"),
        (
            "a: >-\n  it's a\n  long one\nb: 1\n",
            "it’s a long one",
            "a: >-\n  it’s a\n  long one\nb: 1\n",
        ),
    ],
)
def test_each_scalar_style_is_kept(written: str, value: str, expected: str) -> None:
    assert rewrite_scalars(written, [(("a",), value)]) == (expected, [])


def test_fix_keeps_to_the_paths_given(make_ledger: MakeLedger) -> None:
    claim = (
        "claims:\n  - id: {id}\n    statement: s\n    speaker: spokesman\n    quotes:\n"
        "      - source: briefing-report\n"
        '        text: "There are multiple foreign interventions, in the Syrian civil war."\n'
    )
    root = make_ledger(
        {"claims/a.yaml": claim.format(id="a"), "claims/b.yaml": claim.format(id="b")}
    )
    run_cli("validate", "--fix", "--no-cache", "claims/a.yaml", cwd=root)
    assert "interventions," not in (root / "claims/a.yaml").read_text()
    assert (root / "claims/b.yaml").read_text() == claim.format(id="b")
