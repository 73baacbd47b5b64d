"""The importer's CSV: quoting that keeps text whole, types per column, and links that must stay inside the load."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from peacegraph.graph.store.csv_import import FORMAT, Unresolved, node_key, search_key, write_csv


def test_fields_keep_text_whole_and_tell_empty_from_missing() -> None:
    text, number, boolean, day, array = (FORMAT[t] for t in ("string", "long", "boolean", "date", "string[]"))
    assert text(None) == "" and text("") == '""', "missing is no property; an empty string stays one"
    assert text('a "b", c; d\nе') == '"a ""b"", c; d\nе"'
    assert (boolean(True), boolean(False), number(3), FORMAT["double"](0.25)) == ("true", "false", "3", "0.25")
    assert number(None) == boolean(None) == day(None) == array(None) == ""
    assert day(dt.date(2020, 1, 2)) == '"2020-01-02"'
    assert array(["a", 'b"c']) == '"a\x1fb""c"', "array items joined by U+001F, quotes doubled"


def test_keys_are_unique_across_kinds_and_match_the_statements_key() -> None:
    assert node_key("missions", "x") != node_key("organizations", "x")
    assert search_key("ＭＬＩ-Mopti") == "mli-mopti", "NFKC, then lower case, as toLower(normalize(id, NFKC))"


def _row(rid: str, **links: list[str]) -> dict[str, object]:
    return {"id": rid, "hash": "h", "props": {"name": f"N {rid}", "valid_from": dt.date(2020, 1, 2)},
            "cites": [], **links}


def test_nodes_and_links_are_written_with_typed_headers(tmp_path: Path) -> None:
    rows = {"places": [_row("MLI", parent=[]), _row("MLI-mopti", parent=["MLI"])]}
    files = write_csv(rows, tmp_path)
    text = (tmp_path / "nodes-places.csv").read_text(encoding="utf-8").splitlines()
    assert text[0] == ":ID,id,_hash,_key,name:string,valid_from:date,:LABEL"
    assert text[2] == f'"{node_key("places", "MLI-mopti")}","MLI-mopti","h","mli-mopti","N MLI-mopti","2020-01-02","Place"'
    assert (files.node_count, files.relationship_count) == (2, 1)
    rel = (tmp_path / "rels-places-parent.csv").read_text(encoding="utf-8").splitlines()
    assert rel == [":START_ID,:END_ID,:TYPE", f'"{node_key("places", "MLI-mopti")}","{node_key("places", "MLI")}",PART_OF']


def test_a_link_to_a_record_outside_the_load_is_refused(tmp_path: Path) -> None:
    with pytest.raises(Unresolved, match="places MLI-mopti: parent 'MLI'"):
        write_csv({"places": [_row("MLI-mopti", parent=["MLI"])]}, tmp_path)
