"""OCHA 3W (HXL) tables: row errors named by row and column in plain words; exported cells never run as formulas."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from peacegraph.graph.bundles.parse import BundleInvalid
from peacegraph.seed.hxl import FORMULA_START, coverage_csv, import_3w, neutralise, unneutralise


def table(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "bad.csv"
    path.write_text(text, encoding="utf-8")
    return path


def errors_of(path: Path, places: set[str] | None = None) -> list[str]:
    with pytest.raises(BundleInvalid) as caught:
        import_3w(path, {}, places or {"MLI"})
    return [str(e) for e in caught.value.errors]


def test_rows_that_cannot_map_are_reported_by_row_and_column(tmp_path: Path) -> None:
    path = table(tmp_path, "#org,#sector,#country+code,#date+start\nUNICEF,Astrology,MLI,2022-01-01\n"
                           "UNICEF,Protection,XXX,2022-01-01\nUNICEF,Protection,MLI,not-a-date\n")
    assert errors_of(path) == [
        f"{path}:2: #activity/#sector: no task for activity None / sector 'Astrology': add it to hxl_3w.yaml",
        f"{path}:3: #country+code (column C): unknown country code 'XXX' (ISO3 expected)",
        f"{path}:4: #date+start (column D): bad date 'not-a-date' (expected YYYY-MM-DD, nothing before or after it)",
    ]


@pytest.mark.parametrize("value", ["2023-01-01junk", "2023-01-01T00:00", " 2023-01", "2023-13-01", "2023-02-30",
                                   "01/02/2023", "２０２３-01-01"])
def test_a_date_must_be_exactly_a_day(tmp_path: Path, value: str) -> None:
    path = table(tmp_path, f"#org,#sector,#country+code,#date+start,#date+end\nUNICEF,Protection,MLI,2022-01-01,"
                           f"{value}\n")
    assert errors_of(path) == [f"{path}:2: #date+end (column E): bad date {value.strip()!r} (expected YYYY-MM-DD, "
                               "nothing before or after it)"]


def test_cells_that_make_invalid_facts_are_located_in_plain_words(tmp_path: Path) -> None:
    path = table(tmp_path, "#org,#sector,#country+code,#adm1+name,#date+start,#date+end\n"
                           f"{'N' * 2100},Protection,MLI,,2022-01-01,\n"
                           "Red \x1b[31mCross,Protection,MLI,,2022-01-01,\n"
                           "UNICEF,Protection,MLI,Mo\u200bpti,2022-01-01,\n"
                           "UNICEF,Protection,MLI,,2022-05-01,2022-01-01\n")
    found = errors_of(path)
    assert found[0].startswith(f"{path}:2: #org (column A): name: too long: 2,100 characters, at most 2,000"), found
    assert found[1].startswith(f"{path}:3: #org (column A): U+001B (ESCAPE) at position 5 is a control character")
    assert found[2].startswith(f"{path}:4: #adm1+name (column D): name: names and labels may not hold control, "
                               "zero-width or bidirectional characters: it holds U+200B (ZERO WIDTH SPACE)"), found
    assert found[3] == f"{path}:5: #date+end (column F): end 2022-01-01 is before start 2022-05-01"
    assert all("validation error" not in e and "pydantic" not in e for e in found), "no raw pydantic dumps"


EXPORT_ROW = {"actor_name": "=HYPERLINK(\"http://evil\",\"x\")", "actor": "x", "group": "+protection",
              "task": "-human_rights", "task_label": "@SUM(1)", "country": "MLI", "place": "MLI",
              "role": "\tlead", "status": "\ractual", "valid_from": None, "valid_to": None, "mandate": None,
              "sources": ["=cmd|' /C calc'!A0"]}


def test_exported_cells_never_start_a_formula() -> None:
    rows = list(csv.reader(io.StringIO(coverage_csv([EXPORT_ROW]))))
    data = rows[2]
    assert data[0] == "'=HYPERLINK(\"http://evil\",\"x\")"
    assert data[2:5] == ["'+protection", "'-human_rights", "'@SUM(1)"]
    assert data[7:9] == ["'\tlead", "'\ractual"]
    assert data[12] == "'=cmd|' /C calc'!A0"
    assert all(not cell.startswith(FORMULA_START) for row in rows for cell in row)


@given(st.text(max_size=40))
def test_neutralise_never_starts_a_formula_and_the_import_undoes_it(text: str) -> None:
    cell = neutralise(text)
    assert not cell.startswith(FORMULA_START)
    assert unneutralise(cell) == text or (text.startswith("'") and text[1:].startswith(FORMULA_START))


def test_an_exported_table_imports_back_with_the_names_as_written(tmp_path: Path) -> None:
    row = {**EXPORT_ROW, "actor_name": "=Example NGO", "group": "protection", "task": "child_protection",
           "role": "lead", "status": "actual", "valid_from": None, "sources": []}
    path = tmp_path / "export.csv"
    path.write_text("Organisation,Task\n" + "\n".join(coverage_csv([row]).splitlines()[1:]) + "\n", encoding="utf-8")
    bundle = import_3w(path, {}, {"MLI"})
    assert [o.name for o in bundle.organizations] == ["=Example NGO"]
