"""Where the repository's own files are, for tests (the installed package never computes paths from its source)."""

from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "data"
