"""Read a bundle (YAML or JSON text) into the model, with every error located: file, line, field, value, why.

Hostile input is refused early and cheaply, within limits that are settings (graph/settings.py): the size of one
bundle, how deep it nests, how far YAML aliases may expand it, and characters no text may hold (controls and
bidirectional overrides, reported with their line). JSON goes through the C `json` parser (lines are found only
when an error needs one); YAML through libyaml's C parser composed into ruamel's nodes when the document is plain
(`yaml_c.py`), else through ruamel's pure-Python safe loader with those limits in its composer.
"""

from __future__ import annotations

import io
import json
import re
import unicodedata
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import Any

from pydantic import ValidationError
from ruamel.yaml import YAML
from ruamel.yaml.composer import Composer, MaxDepthExceededError
from ruamel.yaml.constructor import SafeConstructor
from ruamel.yaml.error import MarkedYAMLError, YAMLError
from ruamel.yaml.events import AliasEvent
from ruamel.yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from peacegraph.graph.bundles import yaml_c
from peacegraph.graph.domain.model import BUNDLE_FORMAT, HIDDEN, ID_PATTERN, KINDS, NAME_PATTERN, Bundle
from peacegraph.graph.settings import Settings, get_settings


@dataclass(frozen=True)
class BundleError:
    """One problem in one file, located as precisely as the input allows."""

    file: str
    line: int | None
    path: str
    message: str

    def __str__(self) -> str:
        where = f"{self.file}:{self.line}" if self.line else self.file
        return f"{where}: {self.path}: {self.message}" if self.path else f"{where}: {self.message}"


class BundleInvalid(Exception):
    """A bundle failed validation; `errors` lists every problem found, not only the first."""

    def __init__(self, errors: Sequence[BundleError]) -> None:
        self.errors = list(errors)
        super().__init__("\n".join(str(e) for e in self.errors))


@dataclass(frozen=True)
class Limits:
    """What one bundle may be: its size in bytes, its nesting depth, how many nodes YAML aliases may add."""

    max_bytes: int
    max_depth: int
    max_alias_nodes: int

    @classmethod
    def of(cls, settings: Settings | None = None) -> Limits:
        s = settings or get_settings()
        return cls(s.bundle_max_bytes, s.bundle_max_depth, s.bundle_max_alias_nodes)


@dataclass
class ParsedBundle:
    """A validated bundle plus what is needed to locate its parts in the original text.

    `raw` is the composed YAML node tree when there is one; for JSON it is composed from `text` only when an
    error asks for a line. Bundles built in memory (synthetic, 3W imports) have neither and locate nothing.
    """

    name: str
    bundle: Bundle
    raw: Any = field(default=None, repr=False)
    text: str | None = field(default=None, repr=False)

    @cached_property
    def _nodes(self) -> Node | None:
        if self.raw is not None:
            return self.raw
        if self.text is None:
            return None
        try:
            return _compose(self.text, Limits.of())
        except (YAMLError, _LimitExceeded, RecursionError):
            return None

    def line_of(self, loc: Sequence[str | int]) -> int | None:
        return locate(self._nodes, loc)


# -- characters no bundle text may hold -------------------------------------------------------------------------
# C0 controls but tab, line feed and carriage return; DEL; C1 controls; bidirectional embeddings, overrides and
# isolates (they make text display in another order than it is stored: "Trojan Source").
_FORBIDDEN = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")
_MAX_REPORTED = 20


def describe_char(ch: str) -> str:
    """'U+001B (ESCAPE)': a character as its code point and Unicode name (controls have no name: a known one)."""
    names = {0x00: "NULL", 0x07: "BELL", 0x08: "BACKSPACE", 0x09: "TAB", 0x0A: "LINE FEED", 0x0D: "CARRIAGE RETURN",
             0x1B: "ESCAPE", 0x7F: "DELETE", 0x85: "NEXT LINE"}
    name = unicodedata.name(ch, "") or names.get(ord(ch), "control character")
    return f"U+{ord(ch):04X} ({name})"


def _why(ch: str) -> str:
    if 0x202A <= ord(ch) <= 0x202E or 0x2066 <= ord(ch) <= 0x2069:
        return "a bidirectional control (it makes text display in another order than it is written)"
    return "a control character"


def _scan_text(text: str, name: str) -> list[BundleError]:
    """Controls and bidirectional overrides written literally in the text, each with its line and column."""
    errors = []
    for match in _FORBIDDEN.finditer(text):
        start = match.start()
        line = text.count("\n", 0, start) + 1
        column = start - (text.rfind("\n", 0, start) + 1) + 1
        ch = match.group()
        errors.append(BundleError(name, line, "", f"column {column}: {describe_char(ch)} is {_why(ch)}; bundles "
                                                  "hold printable text only: remove it"))
        if len(errors) >= _MAX_REPORTED:
            break
    return errors


def _strings(data: Any) -> Iterator[tuple[tuple[str | int, ...], str]]:
    """Every string in parsed data (keys and values) with its path, without recursion."""
    stack: list[tuple[tuple[str | int, ...], Any]] = [((), data)]
    while stack:
        loc, value = stack.pop()
        if isinstance(value, str):
            yield loc, value
        elif isinstance(value, dict):
            for key, item in value.items():
                if isinstance(key, str):
                    yield (*loc, key), key
                stack.append(((*loc, key), item))
        elif isinstance(value, list):
            stack.extend(((*loc, i), item) for i, item in enumerate(value))


def forbidden_in(data: Any, name: str, line_of: Any = None) -> list[BundleError]:
    """Controls and bidirectional overrides inside parsed strings (written as escapes such as \\u001b or \\e)."""
    errors = []
    for loc, text in _strings(data):
        match = _FORBIDDEN.search(text)
        if match:
            ch = match.group()
            errors.append(BundleError(name, line_of(loc) if line_of else None, loc_path(loc),
                                      f"{describe_char(ch)} at position {match.start() + 1} is {_why(ch)}: "
                                      "text may not hold it"))
            if len(errors) >= _MAX_REPORTED:
                break
    return errors


# -- YAML with limits -------------------------------------------------------------------------------------------
class _LimitExceeded(Exception):
    def __init__(self, line: int | None, message: str) -> None:
        self.line = line
        super().__init__(message)


class _LimitedComposer(Composer):
    """ruamel's composer, counting the nodes aliases add: an alias bomb stops at its first alias over the limit."""

    def __init__(self, loader: Any = None) -> None:
        super().__init__(loader)
        self.count = 0
        self.added = 0
        self.sizes: dict[int, int] = {}

    def compose_node(self, parent: Any, index: Any) -> Any:
        if self.parser.check_event(AliasEvent):
            event = self.parser.peek_event()
            node = super().compose_node(parent, index)
            size = self.sizes.get(id(node), 1)
            self.count += size
            self.added += size
            limit = self.loader.max_alias_nodes
            if self.added > limit:
                raise _LimitExceeded(event.start_mark.line + 1, (
                    f"alias *{event.anchor} expands the document by more than {limit:,} nodes (the limit, "
                    "PEACEGRAPH_BUNDLE_MAX_ALIAS_NODES): write the repeated part out or use fewer aliases"))
            return node
        start = self.count
        node = super().compose_node(parent, index)
        self.count += 1
        if node.anchor is not None:
            self.sizes[id(node)] = self.count - start
        return node


class _Constructor(SafeConstructor):
    """Safe constructor that leaves dates as text, so pydantic judges them and errors stay located."""


_Constructor.add_constructor("tag:yaml.org,2002:timestamp", _Constructor.construct_yaml_str)


def _yaml(limits: Limits) -> YAML:
    yaml = YAML(typ="safe", pure=True)
    yaml.Composer = _LimitedComposer
    yaml.Constructor = _Constructor
    yaml.allow_duplicate_keys = False
    yaml.max_depth = limits.max_depth
    yaml.max_alias_nodes = limits.max_alias_nodes  # type: ignore[attr-defined]
    return yaml


def _compose(text: str, limits: Limits) -> Node | None:
    return _yaml(limits).compose(text)


def _load_yaml(text: str, name: str, limits: Limits) -> tuple[Any, Node | None]:
    yaml = _yaml(limits)
    if yaml_c.AVAILABLE:
        try:  # plain documents (nearly every bundle): libyaml's parser, ~3x faster; anything else, the pure path
            node = yaml_c.compose(text, limits.max_depth, limits.max_alias_nodes)
            return (None if node is None else yaml.constructor.construct_document(node)), node
        except (yaml_c.NotPlain, YAMLError, ValueError, TypeError):
            yaml = _yaml(limits)
    try:
        node = yaml.compose(text)
        return (None if node is None else yaml.constructor.construct_document(node)), node
    except _LimitExceeded as exc:
        raise BundleInvalid([BundleError(name, exc.line, "", str(exc))]) from None
    except MaxDepthExceededError as exc:
        raise BundleInvalid([_too_deep(name, exc.problem_mark.line + 1 if exc.problem_mark else None, limits)]) \
            from None
    except MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark else None
        why = " ".join(str(p) for p in (exc.context, exc.problem) if p)
        raise BundleInvalid([BundleError(name, line, "", f"not valid YAML/JSON: {why}")]) from None
    except (YAMLError, RecursionError, ValueError, TypeError) as exc:
        line = getattr(getattr(exc, "mark", None), "line", None)
        raise BundleInvalid([BundleError(name, line + 1 if line is not None else None, "",
                                         f"not valid YAML/JSON: {exc}")]) from None


def _too_deep(name: str, line: int | None, limits: Limits) -> BundleError:
    return BundleError(name, line, "", f"nested more than {limits.max_depth} levels deep (the limit, "
                                       "PEACEGRAPH_BUNDLE_MAX_DEPTH; a bundle needs about 6)")


# -- JSON -------------------------------------------------------------------------------------------------------
_JSON_STRING = re.compile(r'"(?:[^"\\\n]|\\.)*"')
_BRACKET = re.compile(r"[\[\]{}]")


def _json_depth(text: str, name: str, limits: Limits) -> None:
    """Refuse JSON nested deeper than the limit before any recursive parser sees it (strings skipped)."""
    if text.count("[") + text.count("{") <= limits.max_depth:
        return
    bare = _JSON_STRING.sub('""', text)  # strings hold no line breaks, so lines stay where they were
    depth = 0
    for match in _BRACKET.finditer(bare):
        depth += 1 if match.group() in "[{" else -1
        if depth > limits.max_depth:
            raise BundleInvalid([_too_deep(name, bare.count("\n", 0, match.start()) + 1, limits)])


class _DuplicateKey(Exception):
    pass


def _pairs(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    out = dict(pairs)
    if len(out) != len(pairs):
        raise _DuplicateKey
    return out


def _load_json(text: str, name: str, limits: Limits) -> tuple[Any, Node | None]:
    _json_depth(text, name, limits)
    try:
        return json.loads(text, object_pairs_hook=_pairs), None
    except json.JSONDecodeError as exc:
        raise BundleInvalid([BundleError(name, exc.lineno, "", f"not valid YAML/JSON: {exc.msg} "
                                                               f"(column {exc.colno})")]) from None
    except _DuplicateKey:
        return _load_yaml(text, name, limits)  # YAML reports the duplicate key with its line


# -- whole documents --------------------------------------------------------------------------------------------
def _size(nbytes: int, name: str, limits: Limits) -> None:
    if nbytes > limits.max_bytes:
        raise BundleInvalid([BundleError(name, None, "", (
            f"the bundle is {_mb(nbytes)}, over the limit of {_mb(limits.max_bytes)} for one bundle "
            "(PEACEGRAPH_BUNDLE_MAX_BYTES): split it into several files and load their folder with "
            "`peacegraph seed load FOLDER` (a folder lands whole or not at all; large loads are written in bulk)"))])


def _mb(n: int) -> str:
    return f"{n / 1_000_000:.1f} MB" if n >= 100_000 else f"{n:,} bytes"


def _decode(data: bytes, name: str) -> str:
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        raise BundleInvalid([BundleError(
            name, line, "", f"unreadable encoding: byte 0x{data[exc.start]:02x} is not UTF-8 (save the file as UTF-8)"
        )]) from None


def _parse(text: str, name: str, limits: Limits) -> tuple[Any, Node | None]:
    if "\x00" in text:
        raise BundleInvalid([BundleError(name, None, "", "not a bundle: the file is binary, not YAML or JSON text")])
    errors = _scan_text(text, name)
    if errors:
        raise BundleInvalid(errors)
    if name.endswith(".json") or text.lstrip().startswith(("{", "[")):
        return _load_json(text, name, limits)
    return _load_yaml(text, name, limits)


def locate(raw: Node | None, loc: Sequence[str | int]) -> int | None:
    """The 1-based line of the deepest part of `loc` found in the composed document."""
    node, line = raw, None
    for part in loc:
        if isinstance(node, MappingNode):
            for key, value in node.value:
                if isinstance(key, ScalarNode) and key.value == part:
                    line, node = key.start_mark.line + 1, value
                    break
            else:
                break
        elif isinstance(node, SequenceNode) and isinstance(part, int) and 0 <= part < len(node.value):
            node = node.value[part]
            line = node.start_mark.line + 1
        else:
            break
    return line


def loc_path(loc: Sequence[str | int]) -> str:
    """('missions', 3, 'valid_to') -> 'missions[3].valid_to'."""
    out = ""
    for part in loc:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else str(part))
    return out


def _short(value: Any) -> str:
    if isinstance(value, str):
        text = repr(value) if len(value) <= 80 else repr(value[:60]) + f"... ({len(value):,} characters)"
    else:
        text = json.dumps(value, default=str, ensure_ascii=False)
        text = text if len(text) <= 80 else text[:77] + "..."
    return text


_HIDDEN_CHAR = re.compile(f"[{HIDDEN}]")


def _hidden(value: str, is_id: bool) -> str:
    """Why a string fails the id or name pattern: the first character it may not hold, or where a space is wrong."""
    match = _HIDDEN_CHAR.search(value)
    if match:
        return f"holds {describe_char(match.group())} at position {match.start() + 1}, an invisible or control " \
               "character"
    for i, ch in enumerate(value):
        if is_id and ch.isspace() and (ch != " " or i in (0, len(value) - 1)):
            return f"holds {describe_char(ch)} at position {i + 1}: ids start and end with a visible character " \
                   "and hold no whitespace but single spaces"
    return "holds a character it may not"


def explain(err: Any) -> str:
    """One pydantic error in plain words, with the offending value shortened."""
    kind = err["type"]
    value = err.get("input")
    ctx = err.get("ctx") or {}
    if kind == "extra_forbidden":
        return "unknown field (not part of the bundle format; check the spelling)"
    if kind == "missing":
        return "required field is missing"
    if kind == "string_pattern_mismatch" and isinstance(value, str) and ctx.get("pattern") == ID_PATTERN:
        return f"not a usable id: it {_hidden(value, is_id=True)} (got {_short(value)})"
    if kind == "string_pattern_mismatch" and isinstance(value, str) and ctx.get("pattern") == NAME_PATTERN:
        return f"names and labels may not hold control, zero-width or bidirectional characters: it " \
               f"{_hidden(value, is_id=False)} (got {_short(value)})"
    if kind == "string_too_long" and isinstance(value, str):
        return f"too long: {len(value):,} characters, at most {ctx.get('max_length'):,} allowed (got {_short(value)})"
    if kind == "finite_number":
        return f"not a finite number (got {_short(value)}): amounts and confidences must be finite"
    if kind == "float_type" and isinstance(value, bool):
        return f"expected a number, got the boolean {str(value).lower()}"
    if kind == "float_type" and isinstance(value, int):
        return f"not a finite number: {len(str(value)):,} digits is too large"
    if kind.startswith(("date_", "datetime_")):
        reason = str(err["msg"]).removeprefix("Input should be a valid date or datetime, ")
        reason = reason.removeprefix("Input should be a valid date, ")
        return f"not a valid date (YYYY-MM-DD): {reason} (got {_short(value)})"
    if kind in ("model_type", "dict_type", "model_attributes_type"):
        return f"expected a record (a mapping of fields), got {_short(value)}"
    message = str(err["msg"]).removeprefix("Value error, ")
    if "input" in err and not isinstance(value, dict):
        message = f"{message} (got {_short(value)})"
    return message


def pydantic_errors(exc: ValidationError, name: str, line_of: Any = None) -> list[BundleError]:
    """Turn pydantic's errors into located ones: line, dotted path, the bad value, and why in plain words."""
    errors = []
    for err in exc.errors(include_url=False):
        loc = [p for p in err["loc"] if not (isinstance(p, str) and p.startswith("function-"))]
        errors.append(BundleError(name, line_of(loc) if line_of else None, loc_path(loc), explain(err)))
    return errors


def parse_bundle_text(text: str, name: str, limits: Limits | None = None) -> ParsedBundle:
    """Parse and validate bundle text (YAML or JSON). Raises BundleInvalid with all errors."""
    limits = limits or Limits.of()
    nbytes = len(text) if text.isascii() else len(text.encode("utf-8", "surrogatepass"))
    _size(nbytes, name, limits)
    text = text.removeprefix("\ufeff")
    data, nodes = _parse(text, name, limits)
    pb = ParsedBundle(name=name, bundle=Bundle.model_construct(), raw=nodes, text=text)
    if not isinstance(data, dict):
        got = "an empty file" if data is None else f"a {type(data).__name__}"
        raise BundleInvalid([BundleError(
            name, 1, "", f"not a bundle: expected a mapping with `format: {BUNDLE_FORMAT}`, got {got}"
        )])
    if data.get("format") != BUNDLE_FORMAT:
        raise BundleInvalid([BundleError(
            name, pb.line_of(["format"]) or 1, "format",
            f"not a peacegraph bundle: `format` must be {BUNDLE_FORMAT!r} (got {_short(data.get('format'))})",
        )])
    if "\\" in text:  # only escapes (\e, \u001b) can put such characters in a string once parsed
        errors = forbidden_in(data, name, pb.line_of)
        if errors:
            raise BundleInvalid(errors)
    try:
        pb.bundle = Bundle.model_validate(data)
    except ValidationError as exc:
        raise BundleInvalid(pydantic_errors(exc, name, pb.line_of)) from None
    return pb


def parse_bundle_bytes(data: bytes, name: str, limits: Limits | None = None) -> ParsedBundle:
    limits = limits or Limits.of()
    _size(len(data), name, limits)
    return parse_bundle_text(_decode(data, name), name, limits)


def read_bundle_file(path: Path, display: str | None = None, limits: Limits | None = None) -> ParsedBundle:
    """Read one bundle file (.yaml, .yml or .json); a file over the size limit is refused before it is read."""
    name = display or str(path)
    limits = limits or Limits.of()
    try:
        _size(path.stat().st_size, name, limits)
        data = path.read_bytes()
    except OSError as exc:
        raise BundleInvalid([BundleError(name, None, "", f"cannot read the file: {exc.strerror}")]) from None
    return parse_bundle_bytes(data, name, limits)


BUNDLE_SUFFIXES = (".yaml", ".yml", ".json")


def bundle_files(paths: Sequence[Path]) -> list[Path]:
    """Expand folders into their bundle files, in name order (so numbered files load in order)."""
    files: list[Path] = []
    for path in paths:
        if path.is_dir():
            files.extend(sorted(p for p in path.rglob("*") if p.suffix in BUNDLE_SUFFIXES and p.is_file()))
        else:
            files.append(path)
    return files


def dump_bundle_parts(bundle: Bundle, max_bytes: int, fmt: str = "yaml") -> list[str]:
    """The bundle as one text when it fits in `max_bytes`, else as several, each within it (its sections in order, a
    long section cut into runs of records), so that a folder of them loads as the whole bundle."""
    whole = dump_bundle(bundle, fmt)
    if len(whole.encode()) <= max_bytes:
        return [whole]
    parts: list[str] = []
    for kind in KINDS:
        records = getattr(bundle, kind)
        start, n = 0, len(records)
        while start < len(records):
            n = min(n, len(records) - start)  # the last run's length that fitted is the next run's first try
            while True:  # halve the run until its file fits (a single record always stands alone)
                part = Bundle(format=bundle.format, id=f"{bundle.id or 'export'}-{len(parts) + 1:03d}",
                              **{kind: records[start:start + n]})
                text = dump_bundle(part, fmt)
                if len(text.encode()) <= max_bytes or n == 1:
                    break
                n = max(1, n // 2)
            parts.append(text)
            start += n
    return parts


def dump_bundle(bundle: Bundle, fmt: str = "yaml") -> str:
    """Bundle as YAML or JSON text (empty sections and unset fields left out, so files stay readable)."""
    data = bundle.model_dump(mode="json", exclude_none=True)
    data = {k: v for k, v in data.items() if v != []}
    if fmt == "json":
        return json.dumps(data, indent=2, ensure_ascii=False) + "\n"
    yaml = YAML(typ="safe", pure=True)
    yaml.default_flow_style = False
    yaml.sort_base_mapping_type_on_output = False  # type: ignore[assignment]
    yaml.width = 110
    buf = io.StringIO()
    yaml.dump(data, buf)
    return buf.getvalue()
