"""Zones: footnotes leave the body flow, a sentence broken by a page break is joined past its notes, titles of
cited works and notes give no tasks."""

from __future__ import annotations

from peacegraph.seed.extract.normalise import normalise
from peacegraph.seed.extract.zones import Zone, cited_titles, line_zones, note_number
from tests.unit.extract.helpers import raw

PAGE_BREAK = """The mission was asked to support the
disarmament of the groups and the protection of

1 See the report of the Panel, 2001, p. 12, on the protection of civilians.
2 Ibid.
 civilians in the north, with the police.

Next paragraph on elections.
"""


def test_note_numbers() -> None:
    assert note_number("12 See the report") == 12
    assert note_number("⁸ UN Security Council") == 8
    assert note_number("[^3]: A note") == 3
    assert note_number("The 12 missions") is None


def test_footnote_lines_and_page_start() -> None:
    lines = PAGE_BREAK.split("\n")
    zones = line_zones(lines)
    assert zones[3] is Zone.footnote and zones[4] is Zone.footnote
    assert zones[5] is Zone.body  # the page start (leading space) ends the notes


def test_body_sentence_joined_past_the_notes_and_notes_kept_apart() -> None:
    norm = normalise(raw(PAGE_BREAK))
    assert "protection of civilians in the north, with the police." in norm.text
    k = norm.text.index("protection of civilians in the north")
    assert norm.zone_at(k) is Zone.body
    note = norm.text.index("See the report of the Panel")
    assert norm.zone_at(note) is Zone.footnote
    assert note > norm.text.index("Next paragraph"), "notes come after the body"
    assert norm.line(note) == 4, "a note's locator points at its own line"


def test_headings_and_references() -> None:
    text = "# Introduction\n\nBody text here.\n\nReferences\n\nSmith, J. Protection of Civilians. 2010.\n"
    zones = line_zones(text.split("\n"))
    assert zones[0] is Zone.heading and zones[4] is Zone.heading
    assert zones[6] is Zone.reference


def test_cited_titles() -> None:
    text = 'As "The Politics of Action for Peacekeeping" argues, and as "this is not a title" says.'
    spans = cited_titles(text)
    assert len(spans) == 1 and "Politics of Action" in text[spans[0][0]:spans[0][1]]


def test_markdown_escaped_dollars_are_money() -> None:
    from peacegraph.seed.extract.mentions.money import find_money

    norm = normalise(raw(r"The budget was \$1,428 million in 2020."))
    assert [m.data["amount"] for m in find_money(norm.text)] == [1428000000.0]
