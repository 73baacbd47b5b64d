"""The libyaml fast path composes exactly what ruamel's pure path does, and hands everything else to it."""

from __future__ import annotations

import io
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from ruamel.yaml import YAML
from ruamel.yaml.error import YAMLError
from ruamel.yaml.nodes import MappingNode, Node, SequenceNode

from peacegraph.graph.bundles import parse, yaml_c
from peacegraph.graph.bundles.parse import BundleInvalid, Limits, parse_bundle_text
from tests.paths import ROOT

LIMITS = Limits.of()
HOSTILE = ROOT / "tests" / "integration" / "hostile"
pytestmark = pytest.mark.skipif(not yaml_c.AVAILABLE, reason="PyYAML without libyaml")


def shape(node: Node | None) -> Any:
    """A node tree as plain data: tag, value, line and column of every node (what construction and `locate` use)."""
    if node is None:
        return None
    where = (str(node.tag), node.start_mark.line, node.start_mark.column)
    if isinstance(node, MappingNode):
        return where, [(shape(k), shape(v)) for k, v in node.value]
    if isinstance(node, SequenceNode):
        return where, [shape(v) for v in node.value]
    return where, node.value, node.style


def pure(text: str) -> Node | None:
    return parse._yaml(LIMITS).compose(text)


def fast(text: str) -> Node | None:
    return yaml_c.compose(text, LIMITS.max_depth, LIMITS.max_alias_nodes)


@pytest.mark.parametrize("path", sorted((ROOT / "data").glob("*.yaml")), ids=lambda p: p.name)
def test_every_dataset_file_composes_to_the_same_tree(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    assert shape(fast(text)) == shape(pure(text))


def test_scalars_resolve_by_yaml_1_2_rules() -> None:
    text = "a: yes\nb: NO\nc: 0o17\nd: 1_000\ne: 2024-01-31\nf: ~\ng: .inf\nh: '12'\ni: 1:20\nj: null\nk: 0x1F\n"
    assert shape(fast(text)) == shape(pure(text))
    data = parse._yaml(LIMITS).constructor.construct_document(fast(text))
    assert data["a"] == "yes" and data["b"] == "NO" and data["i"] == "1:20"  # YAML 1.1 would make these bool/int
    assert data["c"] == 15 and data["e"] == "2024-01-31" and data["f"] is None and data["h"] == "12"


@pytest.mark.parametrize("text, why", [
    ("a: !!python/object:os.system x\n", "explicit tag"),
    ("%YAML 1.2\n---\na: 1\n", "directive"),
    ("a: *nowhere\n", "undefined alias"),
    ("a: [1\n", "not valid"),
    ("a: 1\n---\nb: 2\n", "more than one document"),
    ("a:" + " [" * 40 + " ]" * 40 + "\n", "too deep"),
])
def test_what_it_does_not_handle_goes_to_the_pure_path(text: str, why: str) -> None:
    with pytest.raises(yaml_c.NotPlain):
        fast(text)


def test_an_alias_bomb_stops_at_the_limit_and_gets_the_pure_paths_located_error() -> None:
    bomb = (HOSTILE / "alias-bomb.yaml").read_text(encoding="utf-8")
    with pytest.raises(yaml_c.NotPlain, match="aliases"):
        fast(bomb)
    with pytest.raises(BundleInvalid, match="PEACEGRAPH_BUNDLE_MAX_ALIAS_NODES"):
        parse_bundle_text(bomb, "alias-bomb.yaml")


@pytest.mark.parametrize("path", sorted(HOSTILE.glob("*.yaml")), ids=lambda p: p.name)
def test_hostile_bundles_give_the_same_answer_either_way(path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The same error text (or the same bundle) with the fast path on and off."""
    text = path.read_text(encoding="utf-8", errors="surrogateescape")

    def outcome() -> str:
        try:
            return parse_bundle_text(text, path.name).bundle.model_dump_json()
        except BundleInvalid as exc:
            return str(exc)

    with_fast = outcome()
    monkeypatch.setattr(yaml_c, "AVAILABLE", False)
    assert outcome() == with_fast


_scalar = st.one_of(st.text(max_size=12), st.integers(), st.floats(allow_nan=False), st.booleans(), st.none(),
                    st.dates().map(str))
_value = st.recursive(_scalar, lambda inner: st.lists(inner, max_size=4) | st.dictionaries(
    st.text(min_size=1, max_size=8), inner, max_size=4), max_leaves=20)


@settings(max_examples=150, deadline=None)
@given(_value, st.sampled_from([None, True, False]))
def test_documents_ruamel_writes_compose_alike(value: Any, flow: bool | None) -> None:
    """The fast path composes the pure path's tree or declines; it never composes what the pure path rejects.

    ruamel's writer can emit text that no reader takes back (`{v: ?0}` for the string "?0" in flow style): then the
    pure path's error is the loader's answer, and the fast path must have declined rather than guessed.
    """
    writer = YAML(typ="safe", pure=True)
    writer.default_flow_style = flow
    buf = io.StringIO()
    writer.dump({"v": value}, buf)
    text = buf.getvalue()
    try:
        expected = shape(pure(text))
    except YAMLError:
        expected = None
    try:
        composed = fast(text)
    except yaml_c.NotPlain:
        return  # declined (YAML 1.1 line breaks, text libyaml reads differently): the loader takes the pure path
    assert expected is not None, f"the fast path composed {text!r}, which the pure path rejects"
    assert shape(composed) == expected
