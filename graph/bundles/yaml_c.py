"""Plain YAML composed fast: libyaml's C parser (through PyYAML) read into ruamel's nodes, resolved by YAML 1.2 rules.

ruamel's pure-Python scanner spends ~90 % of a bundle load in scanning. This module takes only the events from the C
parser and builds the same ruamel node tree (same tags, values, marks and styles), so construction, located errors
and `locate` work unchanged. It applies the same depth and alias limits. Anything it does not handle or
refuses (an explicit tag, a directive, a limit exceeded, a parse error) raises `NotPlain`, and the caller takes the
pure ruamel path, which words the error exactly as before.
"""

from __future__ import annotations

import re
from typing import Any

import yaml as _pyyaml
import yaml.events
from ruamel.yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode
from ruamel.yaml.resolver import Resolver
from ruamel.yaml.tag import Tag

_CParser: Any
try:
    from yaml._yaml import CParser as _CParser
except ImportError:  # PyYAML built without libyaml: every document takes the pure path
    _CParser = None

AVAILABLE = _CParser is not None


class NotPlain(Exception):
    """The document needs the pure path (aliases, tags, directives, too deep, or not valid YAML)."""


_YAML11_BREAKS = re.compile("[\u0085\u2028\u2029]")  # line breaks to libyaml (YAML 1.1), not to ruamel (1.2)
_IMPLICIT: dict[Any, list[tuple[str, Any]]] = Resolver.yaml_implicit_resolvers  # YAML 1.2 core rules
_TAGS: dict[str, Tag] = {}


def _tag(name: str) -> Tag:
    tag = _TAGS.get(name)
    if tag is None:
        tag = _TAGS[name] = Tag(suffix=name)
    return tag


_STR, _SEQ, _MAP = _tag("tag:yaml.org,2002:str"), _tag("tag:yaml.org,2002:seq"), _tag("tag:yaml.org,2002:map")


def _scalar_tag(value: str, plain: bool) -> Tag:
    """The tag ruamel's 1.2 resolver gives a scalar without an explicit tag (only plain scalars are resolved)."""
    if plain:
        for name, regexp in _IMPLICIT.get(value[:1], []) + _IMPLICIT.get(None, []):
            if regexp.match(value):
                return _tag(name)
    return _STR


def compose(text: str, max_depth: int, max_alias_nodes: int) -> Node | None:
    """The root node of a single-document YAML text, as ruamel would compose it (an alias is the node it names).
    Raises NotPlain."""
    if _CParser is None:
        raise NotPlain("libyaml is not available")
    if _YAML11_BREAKS.search(text):
        raise NotPlain("YAML 1.1 line breaks (libyaml would count lines differently)")
    ev = _pyyaml.events
    scalar, seq_start, map_start, alias = ev.ScalarEvent, ev.SequenceStartEvent, ev.MappingStartEvent, ev.AliasEvent
    seq_end, map_end = ev.SequenceEndEvent, ev.MappingEndEvent
    parser = _CParser(text)
    anchors: dict[str, tuple[Node, int]] = {}  # anchor -> (node, how many nodes it holds)
    counts = {"nodes": 0, "added": 0}

    def next_event() -> Any:
        try:
            return parser.get_event()
        except _pyyaml.YAMLError as exc:
            raise NotPlain(str(exc)) from None

    def node(event: Any, depth: int) -> Node:
        kind = type(event)
        if kind is alias:  # the limit on what aliases add, as in parse._LimitedComposer
            if event.anchor not in anchors:
                raise NotPlain("undefined alias")
            target, size = anchors[event.anchor]
            counts["nodes"] += size
            counts["added"] += size
            if counts["added"] > max_alias_nodes:
                raise NotPlain("aliases expand too far")
            return target
        if depth > max_depth:
            raise NotPlain("too deep")
        if kind not in (scalar, seq_start, map_start) or event.tag not in (None, "!"):
            raise NotPlain("explicit tag")
        start = counts["nodes"]
        out: Node
        if kind is scalar:
            out = ScalarNode(_scalar_tag(event.value, event.implicit[0]), event.value, event.start_mark,
                             event.end_mark, style=event.style or None)
        elif kind is seq_start:
            items: list[Any] = []
            out = SequenceNode(_SEQ, items, event.start_mark, None, flow_style=event.flow_style)
            child = next_event()
            while type(child) is not seq_end:
                items.append(node(child, depth + 1))
                child = next_event()
            out.end_mark = child.end_mark
        else:
            pairs: list[Any] = []
            out = MappingNode(_MAP, pairs, event.start_mark, None, flow_style=event.flow_style)
            child = next_event()
            while type(child) is not map_end:
                key = node(child, depth + 1)
                pairs.append((key, node(next_event(), depth + 1)))
                child = next_event()
            out.end_mark = child.end_mark
        counts["nodes"] += 1
        if event.anchor is not None:
            out.anchor = event.anchor
            anchors[event.anchor] = (out, counts["nodes"] - start)
        return out

    try:
        next_event()  # stream start
        first = next_event()
        if isinstance(first, ev.StreamEndEvent):
            return None
        if first.version or first.tags:
            raise NotPlain("directive")
        root = node(next_event(), 1)
        next_event()  # document end
        if not isinstance(next_event(), ev.StreamEndEvent):
            raise NotPlain("more than one document")
        return root
    finally:
        parser.dispose()
