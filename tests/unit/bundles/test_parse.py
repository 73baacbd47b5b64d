"""Parsing limits and located errors, without a database: alias bombs, deep nesting, size, hidden characters."""

from __future__ import annotations

import json
import time

import pytest

from peacegraph.graph.bundles.parse import BundleInvalid, Limits, parse_bundle_bytes, parse_bundle_text

LIMITS = Limits(max_bytes=200_000, max_depth=32, max_alias_nodes=100_000)
HEAD = "format: peacegraph.bundle/1\n"


def errors(text: str, name: str = "x.yaml", limits: Limits = LIMITS) -> list[str]:
    with pytest.raises(BundleInvalid) as caught:
        parse_bundle_text(text, name, limits)
    return [str(e) for e in caught.value.errors]


def bomb(levels: int, fan: int = 9) -> str:
    lines = ['a0: &a0 [' + ",".join(['"lol"'] * fan) + "]"]
    lines += [f"a{i}: &a{i} [" + ",".join([f"*a{i - 1}"] * fan) + "]" for i in range(1, levels)]
    return "\n".join(lines) + "\n"


def test_an_alias_bomb_is_refused_fast_at_the_alias_that_crosses_the_limit() -> None:
    text = bomb(9)
    assert len(text) < 450  # the 404-byte bomb expands to 9^9 (387 million) nodes
    started = time.perf_counter()
    found = errors(text)
    assert time.perf_counter() - started < 1.0, "refused without expanding it"
    assert found == ["x.yaml:6: alias *a4 expands the document by more than 100,000 nodes (the limit, "
                     "PEACEGRAPH_BUNDLE_MAX_ALIAS_NODES): write the repeated part out or use fewer aliases"]


def test_aliases_within_the_limit_are_fine() -> None:
    text = HEAD + ("sources:\n  - &s {id: s1, title: One, kind: report}\n"
                   "organizations:\n  - {id: o1, name: O, kind: ngo, cites: [{source: s1, locator: p1}]}\n")
    assert parse_bundle_text(text, "x.yaml", LIMITS).bundle.organizations[0].id == "o1"


@pytest.mark.parametrize(("text", "line"), [
    (HEAD + "description: " + "[" * 50_000 + "]" * 50_000 + "\n", 2),
    (HEAD + "".join("  " * i + f"k{i}:\n" for i in range(40)) + "  " * 40 + "x\n", 33),
])
def test_deep_yaml_is_refused_with_its_line(text: str, line: int) -> None:
    assert errors(text, limits=Limits(10_000_000, 32, 100_000)) == [
        f"x.yaml:{line}: nested more than 32 levels deep (the limit, PEACEGRAPH_BUNDLE_MAX_DEPTH; a bundle needs "
        "about 6)"]


def test_50000_deep_json_is_a_located_error_not_a_recursion_error() -> None:
    text = '{"format": "peacegraph.bundle/1",\n "x": "[[[ in a string do not count",\n "d": ' + \
           "[" * 50_000 + "]" * 50_000 + "}"
    assert errors(text, "x.json", Limits(10_000_000, 32, 100_000)) == [
        "x.json:3: nested more than 32 levels deep (the limit, PEACEGRAPH_BUNDLE_MAX_DEPTH; a bundle needs about 6)"]


def test_a_bundle_over_the_size_limit_is_refused_before_it_is_parsed() -> None:
    text = HEAD + "description: " + "x" * 300_000 + "\n"
    (message,) = errors(text)
    assert message.startswith("x.yaml: the bundle is 0.3 MB, over the limit of 0.2 MB for one bundle "
                              "(PEACEGRAPH_BUNDLE_MAX_BYTES): split it into several files and load their folder")
    with pytest.raises(BundleInvalid, match="over the limit"):
        parse_bundle_bytes(text.encode(), "x.yaml", LIMITS)


@pytest.mark.parametrize(("raw", "what"), [("\x1b[31m", "U+001B (ESCAPE)"), ("\x07", "U+0007 (BELL)"),
                                           ("\u202e", "U+202E (RIGHT-TO-LEFT OVERRIDE)"), ("\x85", "U+0085")])
def test_control_and_bidi_characters_are_reported_with_line_and_column(raw: str, what: str) -> None:
    text = HEAD + "organizations:\n  - {id: o1, name: \"a" + raw + "b\", kind: ngo}\n"
    (message,) = errors(text)
    assert message.startswith(f"x.yaml:3: column 22: {what}"), message


@pytest.mark.parametrize(("escaped", "what"), [("\\e", "U+001B (ESCAPE)"), ("\\x1b", "U+001B (ESCAPE)"),
                                               ("\\u202e", "U+202E (RIGHT-TO-LEFT OVERRIDE)"), ("\\0", "U+0000 (NULL)"),
                                               ("\\a", "U+0007 (BELL)")])
def test_escaped_control_characters_are_reported_at_their_field(escaped: str, what: str) -> None:
    text = HEAD + "organizations:\n  - id: o1\n    kind: ngo\n    name: \"a" + escaped + "b\"\n"
    (message,) = errors(text)
    assert message.startswith(f"x.yaml:5: organizations[0].name: {what} at position 2 is "), message


def test_json_errors_have_their_line_and_duplicate_keys_are_refused() -> None:
    assert errors('{"format": "peacegraph.bundle/1",\n "id": "x",\n}', "x.json") == [
        "x.json:3: not valid YAML/JSON: Expecting property name enclosed in double quotes (column 1)"]
    (dup,) = errors('{"format": "peacegraph.bundle/1",\n "id": "a",\n "id": "b"}', "x.json")
    assert dup.startswith("x.json:3: not valid YAML/JSON: while constructing a mapping found duplicate key \"id\"")


def test_json_errors_are_located_although_json_is_parsed_without_lines() -> None:
    data = {"format": "peacegraph.bundle/1",
            "organizations": [{"id": "o1", "name": "O", "kind": "ngo"}, {"id": "o2", "name": "O", "kind": "nope"}]}
    (message,) = errors(json.dumps(data, indent=1), "x.json")
    assert message.startswith("x.json:12: organizations[1].kind: Input should be"), message


@pytest.mark.parametrize(("value", "says"), [
    (".inf", "not a finite number (got Infinity)"), ("-.inf", "not a finite number"), (".nan", "not a finite number"),
    ("1e400", "not a finite number"), ("true", "expected a number, got the boolean true"),
    ("1" + "0" * 400, "not a finite number: 401 digits is too large"), ("'12'", "Input should be a valid number"),
])
def test_amounts_are_finite_numbers(value: str, says: str) -> None:
    text = HEAD + ("funding_lines:\n  - {id: f, name: F, funders: [eu], recipient: x, instrument: other, currency: EUR,"
                   f" cites: [{{source: s, locator: p}}], amount: {value}}}\n")
    found = errors(text)
    assert found[0].startswith("x.yaml:3: funding_lines[0].amount: "), found
    assert says in found[0], found


def test_no_error_is_a_raw_pydantic_dump() -> None:
    text = HEAD + "organizations:\n  - un\n  - {id: 7, name: [x], kind: {a: 1}, extra: 1}\n"
    found = errors(text)
    assert found and all("validation error" not in e and "pydantic" not in e and "https://" not in e for e in found)
    assert all(e.split(": ")[0].rsplit(":", 1)[1].isdigit() for e in found), found


def test_a_bundle_over_the_size_limit_is_dumped_as_parts_that_each_fit_and_add_up_to_it() -> None:
    from peacegraph.graph.bundles.parse import dump_bundle, dump_bundle_parts
    from peacegraph.graph.domain.model import KINDS, Bundle
    from peacegraph.seed.files import read_all
    from tests.paths import DATA

    whole = Bundle(format="peacegraph.bundle/1", id="whole",
                   **{k: [r for b in read_all([DATA / "01-taxonomy.yaml", DATA / "02-places.yaml"])
                          for r in getattr(b.bundle, k)] for k in KINDS})
    limit = 4_000
    assert len(dump_bundle(whole).encode()) > 4 * limit
    parts = dump_bundle_parts(whole, limit)
    assert len(parts) > 4 and all(len(p.encode()) <= limit for p in parts)
    parsed = [parse_bundle_text(p, f"part{i}.yaml", Limits(limit, 32, 1000)).bundle for i, p in enumerate(parts)]
    for kind in KINDS:
        assert [r for b in parsed for r in getattr(b, kind)] == getattr(whole, kind), kind
    assert dump_bundle_parts(whole, 10 * len(dump_bundle(whole).encode())) == [dump_bundle(whole)]
