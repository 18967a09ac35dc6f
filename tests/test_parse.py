from __future__ import annotations

import time

import pytest

from claimledger.parse import MAX_DEPTH, YamlError, parse_yaml


def error(text: str) -> tuple[str, int, int, str]:
    with pytest.raises(YamlError) as info:
        parse_yaml(text, "f.yaml")
    f = info.value.finding
    return f.code, f.location.line, f.location.column, f.message


def test_yaml_1_1_traps_stay_strings() -> None:
    doc = parse_yaml("a: no\nb: on\nc: yes\nd: 2016-10-12\ne: 1_000\nf: '5'\n", "f.yaml")
    assert doc.data == {"a": "no", "b": "on", "c": "yes", "d": "2016-10-12", "e": "1_000", "f": "5"}


def test_core_schema_values() -> None:
    doc = parse_yaml("[1, -2, 0x10, 0o17, 1.5, true, False, null, ~, '']", "f.yaml")
    assert doc.data == [1, -2, 16, 15, 1.5, True, False, None, None, ""]


def test_positions_of_keys_and_values() -> None:
    doc = parse_yaml("claims:\n  - id: a\n    quotes:\n      - text: x\n", "f.yaml")
    assert doc.locate(("claims", 0, "quotes", 0, "text")).line == 4
    assert doc.locate(("claims", 0, "quotes", 0, "text")).column == 15
    assert doc.locate(("claims", 0, "quotes", 0, "text"), key=True).column == 9
    # A path that does not exist falls back to its nearest ancestor.
    assert doc.locate(("claims", 0, "missing")).line == 2


def test_duplicate_keys_are_errors_at_the_second() -> None:
    assert error("a: 1\nb: 2\na: 3\n") == (
        "CL002",
        3,
        1,
        "duplicate key 'a' (first defined at line 1)",
    )


def test_syntax_error_is_located() -> None:
    code, line, col, message = error("a:\n\t- b\n")
    assert (code, line, col) == ("CL001", 2, 1)
    assert "invalid YAML" in message


@pytest.mark.parametrize(
    "text",
    [
        "a: !!python/object/apply:os.system ['true']\n",
        "a: !!binary aGk=\n",
        "a: !custom x\n",
        "a: !!timestamp 2016-10-12\n",
        "a: !!set {x}\n",
    ],
)
def test_tags_are_refused(text: str) -> None:
    code, _, _, message = error(text)
    assert code == "CL001"
    assert "unsupported tag" in message


def test_non_string_keys_are_refused() -> None:
    assert error("1: a\n")[0:3] == ("CL001", 1, 1)


def test_recursive_alias_is_refused() -> None:
    assert "recursive alias" in error("a: &x [*x]\n")[3]


def test_alias_bomb_is_refused_quickly() -> None:
    lines = ["a0: &a0 [x, x, x, x, x, x, x, x, x]"]
    lines += [f"a{i}: &a{i} [{', '.join([f'*a{i - 1}'] * 9)}]" for i in range(1, 10)]
    started = time.perf_counter()
    code, _, _, message = error("\n".join(lines) + "\n")
    assert code == "CL001"
    assert "alias bomb" in message
    assert time.perf_counter() - started < 5  # generous: the check is one pass


@pytest.mark.parametrize("opener", ["[", "{a: "])
def test_deep_nesting_is_refused_before_the_parser_recurses(opener: str) -> None:
    # Ours says "nesting deeper than 64 levels"; libyaml 0.2.6 and later may refuse
    # first with its own words. Either way: a CL001 placed past the limit's depth.
    code, line, column, _ = error(opener * 200_000)
    assert (code, line) == ("CL001", 1)
    assert MAX_DEPTH < column < 200_000 * len(opener)


def test_nesting_within_the_limit_is_fine() -> None:
    assert parse_yaml("[" * 10 + "]" * 10, "f.yaml").data is not None


def test_empty_document() -> None:
    assert parse_yaml("", "f.yaml").data is None
    assert parse_yaml("# only a comment\n", "f.yaml").data is None


@pytest.mark.parametrize(
    "value",
    [
        "",
        "~",
        "null",
        "Null",
        "no",
        "on",
        "true",
        "False",
        "12",
        "-3",
        "0x1F",
        "0o17",
        "1.5",
        "-.inf",
        ".NaN",
        "2016-10-12",
        "1e3",
        "+",
        ".",
        "text",
        "NULL",
        "TRUE",
        "0b1",
    ],
)
@pytest.mark.parametrize("implicit", [(True, False), (False, True), (False, False)])
def test_the_fast_resolver_resolves_as_pyyaml_s_own(
    value: str, implicit: tuple[bool, bool]
) -> None:
    from yaml.nodes import MappingNode, ScalarNode, SequenceNode
    from yaml.resolver import BaseResolver

    from claimledger.parse import _CoreResolver

    resolver = _CoreResolver()
    assert not resolver.yaml_path_resolvers
    assert None not in resolver.yaml_implicit_resolvers
    for kind in (ScalarNode, SequenceNode, MappingNode):
        expected = BaseResolver.resolve(resolver, kind, value, implicit)  # type: ignore[no-untyped-call]
        assert resolver.resolve(kind, value, implicit) == expected
