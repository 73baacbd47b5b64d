"""Write the first task lexicon from the taxonomy's `phrases` (run once; the YAML is then edited by hand).

    python -m peacegraph.seed.extract.lexicon.generate data/01-taxonomy.yaml > seed/extract/lexicon/tasks.yaml

Acronyms (all capitals) become `acronyms`, matched case-sensitively; every other phrase becomes a lemma phrase,
so `protect civilians` also matches `protected civilians` and `protecting civilians`.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

import yaml

from peacegraph.seed.extract.gazetteer import is_acronym


def from_taxonomy(path: Path) -> dict[str, Any]:
    """The lexicon's initial content: one entry per taxonomy task, its phrases split into phrases and acronyms."""
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    tasks: dict[str, Any] = {}
    for task in data.get("tasks") or []:
        phrases = [p for p in task.get("phrases") or [] if not is_acronym(p)]
        acronyms = [p for p in task.get("phrases") or [] if is_acronym(p)]
        entry: dict[str, Any] = {"label": task["label"], "phrases": phrases}
        if acronyms:
            entry["acronyms"] = acronyms
        tasks[task["id"]] = entry
    return {"format": "peacegraph.task-lexicon/1", "generated_from": str(path), "tasks": tasks}


def main(argv: list[str]) -> None:
    """Print the generated lexicon as YAML."""
    sys.stdout.write(yaml.safe_dump(from_taxonomy(Path(argv[1])), sort_keys=False, allow_unicode=True, width=110))


if __name__ == "__main__":
    main(sys.argv)
