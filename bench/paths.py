"""Where the repository's own files are, for the benchmarks."""

from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
