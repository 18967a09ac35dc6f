"""Imports cost what they use: reading YAML loads no renderer, no search, no matcher.

Each check runs a fresh interpreter and looks at ``sys.modules``: what an import
loads, not how long it takes (timings live in the benchmarks).
"""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from tests.conftest import MakeLedger

HEAVY = ("jinja2", "sqlite3", "rapidfuzz", "ahocorasick_rs", "ruamel", "distributed", "pyarrow")


def loaded_after(code: str) -> set[str]:
    probe = f"{code}\nimport json, sys\nprint(json.dumps(sorted(sys.modules)))"
    result = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, check=True, timeout=120
    )
    return {name.split(".")[0] for name in json.loads(result.stdout.splitlines()[-1])}


@pytest.mark.parametrize(
    "code",
    [
        "import claimledger.parse",
        "import claimledger",
        "import claimledger.ledger",
        "from claimledger.cli import build_parser; build_parser()",
    ],
)
def test_reading_and_the_command_line_load_no_renderer_search_or_matcher(code: str) -> None:
    assert not loaded_after(code) & set(HEAVY)


def test_validation_loads_the_matcher_but_no_renderer_or_search() -> None:
    loaded = loaded_after(
        "from pathlib import Path\nfrom claimledger import discover, validate\n"
        "validate(discover(Path('tests/examples/clean')))"
    )
    assert "rapidfuzz" in loaded
    assert not loaded & {"jinja2", "sqlite3"}


def test_a_lazy_export_is_the_module_s_own() -> None:
    import claimledger
    from claimledger.render.markdown import render_markdown

    assert claimledger.render_markdown is render_markdown
    assert "render_markdown" in dir(claimledger)
    with pytest.raises(AttributeError, match="no attribute 'nothing'"):
        claimledger.nothing  # noqa: B018


def test_a_command_imports_its_own_module_only() -> None:
    probe = (
        "import json, sys\nfrom claimledger.cli import build_parser\n"
        "build_parser('validate')\nprint(json.dumps(sorted(sys.modules)))"
    )
    result = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, check=True, timeout=120
    )
    loaded = set(json.loads(result.stdout.splitlines()[-1]))
    assert "claimledger.cli.validate" in loaded
    assert not loaded & {"claimledger.cli.export", "claimledger.export", "claimledger.query"}


def test_the_full_parser_still_knows_every_command() -> None:
    from claimledger.cli import COMMANDS, build_parser

    usage = build_parser().format_help()
    assert all(name in usage for name in COMMANDS)


def test_a_validation_with_nothing_changed_loads_no_parser_loader_or_rule(
    make_ledger: MakeLedger,
) -> None:
    """Every file's report and the ledger's findings come from the cache: the models, the
    parser, the rules and what they use are not imported, only the cache and the report."""
    root = make_ledger(base="clean")
    probe = (
        "import json, sys\nfrom claimledger.cli import main\n"
        "sys.argv = ['claimledger', 'validate']\n"
        "try:\n    code = main()\nexcept SystemExit as exit:\n    code = exit.code\n"
        "print(json.dumps([code, sorted(sys.modules)]))"
    )

    def run() -> tuple[int, set[str]]:
        result = subprocess.run(
            [sys.executable, "-c", probe],
            capture_output=True,
            text=True,
            check=True,
            timeout=120,
            cwd=root,
        )
        code, modules = json.loads(result.stdout.splitlines()[-1])
        return code, set(modules)

    first_code, first = run()
    assert first_code == 0
    assert {"claimledger.ledger", "claimledger.rules.registry", "yaml"} <= first
    code, modules = run()
    assert code == 0
    unused = {
        "claimledger.ledger",
        "claimledger.models",
        "claimledger.parse",
        "claimledger.structure",
        "claimledger.rules.registry",
        "claimledger.rules.base",
        "claimledger.anchor",
        "cattrs",
        "yaml",
        "rapidfuzz",
    }
    assert not modules & unused
