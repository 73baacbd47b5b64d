"""Read a bundle (YAML or JSON text) into the model, with every error located: file, line, field, value, why."""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pydantic import ValidationError
from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.constructor import RoundTripConstructor
from ruamel.yaml.error import MarkedYAMLError

from peacegraph.graph.domain.model import BUNDLE_FORMAT, Bundle


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


@dataclass
class ParsedBundle:
    """A validated bundle plus what is needed to locate its parts in the original text."""

    name: str
    bundle: Bundle
    raw: Any = field(repr=False)

    def line_of(self, loc: Sequence[str | int]) -> int | None:
        return locate(self.raw, loc)


class _Constructor(RoundTripConstructor):
    """Round-trip constructor that leaves dates as text, so pydantic judges them and errors stay located."""


_Constructor.add_constructor("tag:yaml.org,2002:timestamp", _Constructor.construct_yaml_str)


def _yaml() -> YAML:
    yaml = YAML(typ="rt")
    yaml.Constructor = _Constructor
    yaml.allow_duplicate_keys = False
    return yaml


def locate(raw: Any, loc: Sequence[str | int]) -> int | None:
    """The 1-based line of the deepest part of `loc` found in the parsed document."""
    node, line = raw, None
    for part in loc:
        if isinstance(node, CommentedMap) and part in node:
            line = node.lc.key(part)[0] + 1
            node = node[part]
        elif isinstance(node, CommentedSeq) and isinstance(part, int) and 0 <= part < len(node):
            line = node.lc.item(part)[0] + 1
            node = node[part]
        else:
            break
    return line


def loc_path(loc: Sequence[str | int]) -> str:
    """('missions', 3, 'valid_to') -> 'missions[3].valid_to'."""
    out = ""
    for part in loc:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else str(part))
    return out


def _decode(data: bytes, name: str) -> str:
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        raise BundleInvalid([BundleError(
            name, line, "", f"unreadable encoding: byte 0x{data[exc.start]:02x} is not UTF-8 (save the file as UTF-8)"
        )]) from None


def _parse(text: str, name: str) -> Any:
    if "\x00" in text:
        raise BundleInvalid([BundleError(name, None, "", "not a bundle: the file is binary, not YAML or JSON text")])
    if name.endswith(".json") or text.lstrip().startswith("{"):
        try:
            json.loads(text)
        except json.JSONDecodeError as exc:
            raise BundleInvalid([BundleError(name, exc.lineno, "", f"not valid YAML/JSON: {exc.msg}")]) from None
    try:
        return _yaml().load(text)
    except MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark else None
        why = " ".join(str(p) for p in (exc.context, exc.problem) if p)
        raise BundleInvalid([BundleError(name, line, "", f"not valid YAML/JSON: {why}")]) from None
    except Exception as exc:
        raise BundleInvalid([BundleError(name, None, "", f"not valid YAML/JSON: {exc}")]) from None


def _short(value: Any) -> str:
    text = json.dumps(value, default=str, ensure_ascii=False) if not isinstance(value, str) else repr(value)
    return text if len(text) <= 80 else text[:77] + "..."


def pydantic_errors(exc: ValidationError, raw: Any, name: str) -> list[BundleError]:
    """Turn pydantic's errors into located ones: line, dotted path, the bad value, and why."""
    errors = []
    for err in exc.errors(include_url=False):
        loc = [p for p in err["loc"] if not (isinstance(p, str) and p.startswith("function-"))]
        message = err["msg"].removeprefix("Value error, ")
        if err["type"] == "extra_forbidden":
            message = "unknown field (not part of the bundle format; check the spelling)"
        elif err["type"] == "missing":
            message = "required field is missing"
        elif "input" in err and err["type"] not in {"model_type"}:
            message = f"{message} (got {_short(err['input'])})"
        errors.append(BundleError(name, locate(raw, loc), loc_path(loc), message))
    return errors


def parse_bundle_text(text: str, name: str) -> ParsedBundle:
    """Parse and validate bundle text (YAML or JSON). Raises BundleInvalid with all errors."""
    raw = _parse(text, name)
    if not isinstance(raw, dict):
        got = "an empty file" if raw is None else f"a {type(raw).__name__}"
        raise BundleInvalid([BundleError(
            name, 1, "", f"not a bundle: expected a mapping with `format: {BUNDLE_FORMAT}`, got {got}"
        )])
    if raw.get("format") != BUNDLE_FORMAT:
        raise BundleInvalid([BundleError(
            name, locate(raw, ["format"]) or 1, "format",
            f"not a peacegraph bundle: `format` must be {BUNDLE_FORMAT!r} (got {_short(raw.get('format'))})",
        )])
    try:
        bundle = Bundle.model_validate(raw)
    except ValidationError as exc:
        raise BundleInvalid(pydantic_errors(exc, raw, name)) from None
    return ParsedBundle(name=name, bundle=bundle, raw=raw)


def parse_bundle_bytes(data: bytes, name: str) -> ParsedBundle:
    return parse_bundle_text(_decode(data, name), name)


def read_bundle_file(path: Path, display: str | None = None) -> ParsedBundle:
    """Read one bundle file (.yaml, .yml or .json)."""
    name = display or str(path)
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise BundleInvalid([BundleError(name, None, "", f"cannot read the file: {exc.strerror}")]) from None
    return parse_bundle_bytes(data, name)


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


def dump_bundle(bundle: Bundle, fmt: str = "yaml") -> str:
    """Bundle as YAML or JSON text (empty sections and unset fields left out, so files stay readable)."""
    data = bundle.model_dump(mode="json", exclude_none=True)
    data = {k: v for k, v in data.items() if v != []}
    if fmt == "json":
        return json.dumps(data, indent=2, ensure_ascii=False) + "\n"
    import io

    yaml = YAML(typ="safe", pure=True)
    yaml.default_flow_style = False
    yaml.sort_base_mapping_type_on_output = False  # type: ignore[assignment]
    yaml.width = 110
    buf = io.StringIO()
    yaml.dump(data, buf)
    return buf.getvalue()
