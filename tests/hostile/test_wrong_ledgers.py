"""The clean ledger made wrong, through every command: findings, never a crash, a leak or a stray write.

``wrong.py`` makes a generated claim file wrong; here the real files of the
clean example ledger are: its claims, its speaker registry, a source's
metadata and its configuration get values of the right type with the wrong
content (terminal escapes, bidirectional overrides, look-alike and path-like
ids, boundary integers, paths out of the ledger or into ``.git``), and links
(to ``/dev/zero``, ``/proc/self/environ``, a file or a folder outside the
ledger, a loop), FIFOs and folders are planted where its files and folders
belong. Then every command runs as the command line does
(``claimledger.cli.main``, in this process: thousands of examples in minutes),
in the ledger's folder, and each outcome must be one of:

- exit 0;
- exit 1 with located findings (``path:line:col: CODE``), or a claim that is
  not there for ``show``;
- exit 2 for a configuration the ledger cannot have or an output refused,
  said in one ``claimledger:`` line;

never an internal error or a traceback; nothing printed or published holds a
control or bidirectional character; nothing outside the ledger is read into
the output or written; no file of the ledger is changed.
"""

from __future__ import annotations

import contextlib
import io
import json
import os
import re
import shutil
import signal
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from claimledger.cli import main
from claimledger.export.formats import FORMATS
from claimledger.findings import CONTROL
from tests.conftest import EXAMPLES
from tests.hostile.conftest import command_examples
from tests.hostile.strategies import styles, write
from tests.hostile.wrong import WRONG_STRINGS, plant, wrong_value

#: The example ledger's YAML files, whose values are made wrong.
YAML_FILES = ["claims/briefing.yaml", "claims/speakers.yaml", "corpus/briefing-report.yaml"]
#: Where a link, a FIFO or a folder may be planted: files, folders, and the outputs.
PLANT_AT = [
    *YAML_FILES,
    "corpus/briefing-report.txt",
    "claims/extra.yaml",
    "claims",
    "corpus",
    "pyproject.toml",
    "ledger",
    "ledger/stories",
    "LEDGER.md",
    "site",
    ".claimledger",
]
PLANTS = ["/dev/zero", "/proc/self/environ", "fifo", "outside", "outside-folder", "loop", "folder"]
SECRET = "SECRET-outside-the-ledger"

PATHS = [
    "",
    ".",
    "..",
    "../outside",
    "../outside/secret.yaml",
    ".git/config",
    ".git/hooks/pre-commit",
    ".hidden/x",
    "/tmp",
    "claims",
    "corpus",
    "claims/briefing.yaml",
    "pyproject.toml",
    "LEDGER.md",
    "ledger/../../outside",
    "nul\0byte",
    "planted",  # a link to outside the ledger, planted for the purpose
]
CONFIG_VALUES: dict[str, st.SearchStrategy[Any]] = {
    "ledger": st.sampled_from(PATHS),
    "claims": st.sampled_from(PATHS),
    "corpus": st.sampled_from(PATHS),
    "template": st.sampled_from([*PATHS, "planted/secret.yaml", "claims/speakers.yaml"]),
    "title": WRONG_STRINGS,
    "description": WRONG_STRINGS,
    "url": st.sampled_from(["javascript:alert(1)", "", "https://x.org/\x1b[2J", "file:///etc"]),
    "author": WRONG_STRINGS,
    "edition": WRONG_STRINGS,
    "edition-date": st.sampled_from(["2016-02-30", "0000", "9999-12-31", "", "x", "2016-13"]),
    "verdict-scale": st.lists(WRONG_STRINGS | st.sampled_from(["accurate", "unsettled"])),
    "verdict-unrated": st.lists(WRONG_STRINGS | st.sampled_from(["accurate", "unsettled"])),
    "stories": st.dictionaries(WRONG_STRINGS, WRONG_STRINGS, max_size=2),
    "rules": st.dictionaries(
        st.sampled_from(["CL005", "CL006", "CL009", "CL018", "CL999", "cl003", ""]),
        st.sampled_from(["warning", "off", "error", "fatal"]),
        max_size=2,
    ),
}


def _toml(value: Any) -> str:
    if isinstance(value, dict):
        return "{" + ", ".join(f"{_toml(k)} = {_toml(v)}" for k, v in value.items()) + "}"
    if isinstance(value, list):
        return "[" + ", ".join(_toml(v) for v in value) + "]"
    # A JSON string is a TOML basic string once DEL is escaped too.
    return json.dumps(value, ensure_ascii=False).replace("\x7f", "\\u007f")


@st.composite
def wrong_ledgers(draw: st.DrawFn) -> tuple[dict[str, bytes], list[tuple[str, str]]]:
    """New bytes for some of the ledger's files, and what to plant where."""
    files: dict[str, bytes] = {}
    for name in draw(st.lists(st.sampled_from(YAML_FILES), max_size=3, unique=True)):
        data = yaml.safe_load((EXAMPLES / "clean" / name).read_text(encoding="utf-8"))
        for _ in range(draw(st.integers(1, 4))):
            mapping, key = _pick(draw, data)
            mapping[key] = wrong_value(draw, mapping[key])
        text = write(data, draw(styles))
        files[name] = text.encode("utf-8", "surrogatepass")
    config = draw(
        st.dictionaries(st.sampled_from(sorted(CONFIG_VALUES)), st.just(None), max_size=3)
    )
    if config:
        lines = (EXAMPLES / "clean" / "pyproject.toml").read_text(encoding="utf-8").splitlines()
        table = {line.split(" = ")[0]: line for line in lines[1:]}
        for key in config:
            table[key] = f"{key} = {_toml(draw(CONFIG_VALUES[key]))}"
        text = "\n".join([lines[0], *table.values()]) + "\n"
        files["pyproject.toml"] = text.encode("utf-8", "surrogatepass")
    plants = draw(
        st.lists(st.tuples(st.sampled_from(PLANT_AT), st.sampled_from(PLANTS)), max_size=2)
    )
    return files, plants


def _pick(draw: st.DrawFn, data: Any) -> tuple[Any, Any]:
    """A container in ``data`` and one of its keys (an index for a list) holding a scalar or list."""
    places: list[tuple[Any, Any]] = []
    stack = [data]
    while stack:
        node = stack.pop()
        items = node.items() if isinstance(node, dict) else enumerate(node)
        for key, value in items:
            if isinstance(value, dict | list):
                stack.append(value)
            places.append((node, key))
    place: tuple[Any, Any] = draw(st.sampled_from(places))
    return place


def _under_a_plant(root: Path, name: str) -> bool:
    parents = list(Path(name).parents)[:-1]
    return any((root / p).is_symlink() or (root / p).is_file() for p in parents)


def _snapshot(folder: Path, skip: tuple[str, ...] = ()) -> dict[str, Any]:
    """Every entry under ``folder`` (never following a link): kind, bytes or link target."""
    seen: dict[str, Any] = {}
    for dirpath, dirnames, filenames in os.walk(folder):
        for name in dirnames + filenames:
            path = Path(dirpath) / name
            key = path.relative_to(folder).as_posix()
            if key.split("/")[0] in skip:
                continue
            info = path.lstat()
            if path.is_symlink():
                seen[key] = ("link", os.readlink(path))
            elif path.is_file():
                seen[key] = ("file", path.read_bytes(), info.st_mode)
            else:
                seen[key] = ("other", info.st_mode)
    return seen


#: What the commands may write inside the ledger: the caches and the rendered outputs.
OUTPUTS = (".claimledger", "ledger", "ledger.md", "LEDGER.md", "site", "planted")
COMMANDS = [
    ["validate", "--jobs", "1"],
    ["validate", "--format", "github", "--jobs", "1"],
    ["render"],
    ["render", "--single-page"],
    ["render", "--single-page", "-o", "-"],
    ["render", "--format", "html", "-o", "site"],
    *(["export", "-f", fmt] for fmt in FORMATS),
    ["query"],
    ["query", "--format", "json"],
    ["show", "us-is-an-intervening-power"],
    ["search", "Obviously"],
]
LOCATED = re.compile(r"^(?:::\w+ file=)?[^\s:][^:]*[:,](?:line=)?\d+[:,](?:col=)?\d+", re.M)
# Exit 2 says why (a configuration the ledger cannot have, an output refused) on a line of its
# own; an internal error is caught before this.
REFUSED = re.compile(r"^claimledger: \S", re.M)


def _run(root: Path, args: list[str]) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    here = Path.cwd()
    os.chdir(root)
    try:
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
            try:
                code = main(args)
            except SystemExit as exc:  # argparse
                code = int(exc.code or 0)
    finally:
        os.chdir(here)
    return code, out.getvalue(), err.getvalue()


@contextlib.contextmanager
def _deadline(seconds: int) -> Iterator[None]:
    def expire(signum: int, frame: object) -> None:
        raise TimeoutError(f"a command ran longer than {seconds} s (a FIFO read?)")

    previous = signal.signal(signal.SIGALRM, expire)
    signal.alarm(seconds)
    try:
        yield
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)


def _published(root: Path) -> Iterator[Path]:
    for name in ("ledger", "site", "ledger.md", "LEDGER.md"):
        path = root / name
        if path.is_symlink():
            continue
        if path.is_file():
            yield path
        elif path.is_dir():
            yield from (p for p in path.rglob("*") if p.is_file() and not p.is_symlink())


def check_outcome(args: list[str], code: int, out: str, err: str) -> None:
    said = out + err
    assert "internal error" not in said, (args, said)
    assert "Traceback" not in said, (args, said)
    assert not CONTROL.search(said), (args, said)
    assert SECRET not in said, (args, said)
    if code == 1:
        assert LOCATED.search(said) or (args[0] == "show" and "no claim" in said), (args, said)
    elif code == 2:
        assert REFUSED.search(err), (args, err)
    else:
        assert code == 0, (args, code, said)


@settings(max_examples=command_examples())
@given(wrong_ledgers())
def test_every_command_answers_a_ledger_made_wrong(
    change: tuple[dict[str, bytes], list[tuple[str, str]]],
) -> None:
    files, plants = change
    with tempfile.TemporaryDirectory(prefix="wrong-ledger-") as base:
        outside = Path(base) / "outside"
        outside.mkdir()
        (outside / "secret.yaml").write_text(f"claims: []  # {SECRET}\n")
        root = Path(base) / "ledger"
        shutil.copytree(EXAMPLES / "clean", root, ignore=shutil.ignore_patterns(".claimledger"))
        (root / "planted").symlink_to(outside)
        for name, data in files.items():
            (root / name).write_bytes(data)
        for name, what in plants:
            if _under_a_plant(root, name):
                continue  # "corpus" is a link already: nothing can be planted inside it
            plant(root / name, what, outside / "secret.yaml", outside)
        before_outside = _snapshot(Path(base), skip=("ledger",))
        before = _snapshot(root, skip=OUTPUTS)
        for args in COMMANDS:
            with _deadline(60):
                code, out, err = _run(root, args)
            check_outcome(args, code, out, err)
        for path in _published(root):
            text = path.read_text(encoding="utf-8", errors="replace")
            assert not CONTROL.search(text), path
            assert SECRET not in text, path
        assert _snapshot(Path(base), skip=("ledger",)) == before_outside
        after = _snapshot(root, skip=OUTPUTS)
        assert {k: after.get(k) for k in before} == before  # nothing changed or lost
        # New files are pages, where a configured ledger path put them, and publish nothing
        # invisible or from outside either.
        for key in after.keys() - before.keys():
            if after[key][0] == "file":
                assert not CONTROL.search(after[key][1].decode("utf-8", "replace")), key
                assert SECRET.encode() not in after[key][1], key
        assert all(
            after[k][0] == "other" or k.endswith((".md", ".html", ".css"))
            for k in after.keys() - before.keys()
        )
