"""The README stays true: every setting is documented, the dataset table is what `peacegraph data stats` prints."""

from __future__ import annotations

import re

from peacegraph.cli.data import dataset_stats
from peacegraph.graph.settings import Settings
from tests.paths import DATA, ROOT

README = (ROOT / "README.md").read_text()


def test_every_setting_is_in_the_configuration_table() -> None:
    table = README.split("## Configuration", 1)[1].split("\n## ", 1)[0]
    names = {f.alias or name.upper() for name, f in Settings.model_fields.items()}
    assert sorted(n for n in names if f"`{n}`" not in table) == []


def test_the_dataset_table_is_what_data_stats_prints() -> None:
    rows = dict(re.findall(r"^\| ([^|]+?) \| ([^|]+?) \|$", README.split("## The bundled dataset", 1)[1]
                           .split("\n## ", 1)[0], re.M))
    for what, count in dataset_stats([DATA]):
        assert rows.get(what) == count, f"README dataset table: {what!r} should read {count!r}"


def test_no_unfinished_section_is_left() -> None:
    assert re.findall(r"\b[A-Z]+_(?:SECTION|TABLE|FIGURES)\b", README) == []
