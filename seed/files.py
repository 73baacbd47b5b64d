"""Read bundle files from disk for the CLI: every file parsed, every error of every file collected."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from peacegraph.graph.bundles.parse import BundleError, BundleInvalid, ParsedBundle, bundle_files, read_bundle_file


def display_name(path: Path) -> str:
    """A path relative to the working directory, for error messages (as given when it lies elsewhere)."""
    try:
        return str(path.resolve().relative_to(Path.cwd().resolve()))
    except ValueError:
        return str(path)


def read_all(paths: Sequence[Path]) -> list[ParsedBundle]:
    """Parse every bundle under `paths`; raise BundleInvalid listing the errors of all files at once."""
    files = bundle_files(paths)
    missing = [p for p in paths if not p.exists()]
    errors: list[BundleError] = [BundleError(str(p), None, "", "no such file or folder") for p in missing]
    if not files and not missing:
        errors.append(BundleError(", ".join(map(str, paths)), None, "", "no bundle files (.yaml, .yml, .json) found"))
    parsed = []
    for path in files:
        try:
            parsed.append(read_bundle_file(path, display_name(path)))
        except BundleInvalid as exc:
            errors.extend(exc.errors)
    if errors:
        raise BundleInvalid(errors)
    return parsed
