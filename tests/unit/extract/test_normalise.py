"""Reading and normalising: hyphenation, broken lines, page furniture, footnote markers, the offset map."""

from __future__ import annotations

from pathlib import Path

from peacegraph.seed.extract.normalise import keep_hyphen, normalise, sentences
from peacegraph.seed.extract.reading import RawReport


def norm(text: str, lexicon: tuple[str, ...] = ()) -> str:
    return normalise(RawReport(Path("t.txt"), text, "text"), lexicon).text


def test_soft_hyphen_at_line_end_is_joined() -> None:
    assert norm("the cost of peace-\nkeeping is high") == "the cost of peacekeeping is high"


def test_hyphen_kept_when_the_next_part_is_capitalised() -> None:
    assert "Al-Shabaab" in norm("operations against Al-\nShabaab continued")
    assert "Guinea-Bissau" in norm("developments in Guinea-\nBissau and elsewhere")
    assert "Port-au-Prince" in norm("arrived in Port-au-\nPrince to assist")


def test_hyphen_kept_after_a_compound_prefix_or_acronym() -> None:
    assert "pre-deployment" in norm("the process of pre-\ndeployment training")
    assert "UN-mandated" in norm("a UN-\nmandated mission")


def test_joined_word_known_elsewhere_in_the_text_wins() -> None:
    text = "MINUSTAH was there.\n\nthe Case of Brazil in MINUS-\nTAH, a paper"
    assert "in MINUSTAH," in norm(text)


def test_hyphenated_form_known_from_the_lexicon_is_kept() -> None:
    assert keep_hyphen("Al", "Shabaab", set(), {"al-shabaab"})
    assert "co-chair" in norm("the co-\nchair said", ("co-chair",))
    assert not keep_hyphen("organ", "ized", {"organized"}, set())


def test_suspended_and_double_hyphens() -> None:
    text = "the Assistant Secretary-Gen-\neral spoke on peace-\nbuilding and peacebuilding"
    assert "Secretary-General spoke on peacebuilding" in norm(text)


def test_running_heads_and_page_numbers_are_dropped_and_the_sentence_rejoined() -> None:
    text = ("If we no longer have the means for\n\n\n28 COOPERATION AND COORDINATION IN PEACE OPERATIONS\n\n\n"
            " expensive cures, what do we mean?\n\n12\n\nNext paragraph.")
    out = norm(text)
    assert "the means for expensive cures, what do we mean?" in out
    assert "COOPERATION AND COORDINATION" not in out
    assert "12" not in out


def test_glued_footnote_markers_are_stripped_but_symbols_kept() -> None:
    out = norm("missions such as UNAMID20 in Darfur and MONUC/MONUSCO21 and UNMISS,32 see S/2017/2/Rev.1 and C-34.")
    assert "UNAMID in Darfur" in out
    assert "MONUC/MONUSCO and" in out
    assert "UNMISS, see" in out
    assert "S/2017/2/Rev.1" in out and "C-34" in out


def test_markdown_markup_is_removed() -> None:
    out = norm("## **Report of the Working Group**\n\n- (a) Use of *technology*;\n")
    assert "Report of the Working Group" in out and "**" not in out and "*technology*" not in out


def test_every_offset_maps_back_to_its_original_line() -> None:
    text = "Line one about\nMINUSMA in Mali.\n\n\n7\n\nThe peace-\nkeeping force of UNMISS went."
    raw = RawReport(Path("t.txt"), text, "text")
    n = normalise(raw)
    assert n.line(n.text.index("MINUSMA")) == 2
    assert n.line(n.text.index("UNMISS")) == 8
    assert n.line(n.text.index("peacekeeping")) == 7
    assert n.locator(n.text.index("UNMISS")) == "line 8"


def test_pdf_pages_give_page_and_line_locators() -> None:
    raw = RawReport(Path("t.pdf"), "first page\nsecond line\nnext page text", "pdf", page_first_line=[0, 2])
    n = normalise(raw)
    assert n.locator(n.text.index("next")) == "page 2, line 1"
    assert n.locator(n.text.index("second")) == "page 1, line 2"


def test_sentences_split_at_full_stops_but_not_abbreviations() -> None:
    text = "UNSC Res. 1353 was adopted. Mr. Smith spoke. The U.N. mission left."
    spans = sentences(text)
    assert [text[a:b] for a, b in spans] == ["UNSC Res. 1353 was adopted.", "Mr. Smith spoke.",
                                             "The U.N. mission left."]
