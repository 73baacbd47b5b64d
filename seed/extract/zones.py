"""Zones of a report: body text, headings, footnotes, reference lists, and titles of cited works.

Facts are proposed from body text only (entities are found everywhere), so a task named in a footnote or in the
title of a cited paper is not attributed to anyone. Line rules (pure functions of the raw lines):

- a **footnote** starts on a line after a blank line (or a page start) with a note number and a space
  (`12 See ...`, `⁸ UN Security Council ...`, `[^3]: ...`) whose number fits the running note counter (the next
  few numbers, or 1 when a new paper restarts the count); it runs until a blank line, a page start (a line that
  begins with a space, as pages do in the text layer of these reports) or the next note;
- a **reference** list is everything under a heading called References, Bibliography, Notes, Endnotes, Sources
  or Further reading, up to the next heading;
- a **heading** is a Markdown heading, a line in bold only, or a short line standing alone between blank lines
  that has no closing punctuation and starts with a capital or a section number.
Titles of cited works are spans inside body text (`cited_titles`): a quoted phrase of several capitalised words
(`"The Politics of Action for Peacekeeping"`).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from enum import StrEnum


class Zone(StrEnum):
    body = "body"
    heading = "heading"
    footnote = "footnote"
    reference = "reference"


SUPERSCRIPTS = "⁰¹²³⁴⁵⁶⁷⁸⁹"
_SUP_VALUE = {c: str(i) for i, c in enumerate(SUPERSCRIPTS)}
_NOTE_START = re.compile(r"^(?:\[\^(\d{1,3})\]:|(\d{1,3})(?=\s{1,2}\S)|([⁰¹²³⁴⁵⁶⁷⁸⁹]{1,3})(?=\s*\S))")
_NOTE_TEXT = re.compile(r"^\s*[\"'“‘A-Z(*]|^\s*(?:See|Ibid|Op\.|cf\.|e\.g\.)", re.I)
_REF_HEAD = re.compile(r"^[#*\s]*(?:\d+[.)]?\s*)?(references|bibliography|notes|endnotes|sources|further reading|"
                       r"works cited|literature)[*:\s]*$", re.I)
_MD_HEADING = re.compile(r"^\s{0,3}#{1,6}\s+\S")
_BOLD_LINE = re.compile(r"^\s*\*\*[^*]+\*\*\s*$")
_HEADING_START = re.compile(r"^\s*(?:[A-Z]|[IVX]+\.|\d+(?:\.\d+)*\.?\s|[A-H]\.\s)")
_TITLE_QUOTE = re.compile(r"[\"“]([A-Z][^\"“”\n]{12,220}?)[\"”]")
_SMALL_WORDS = frozenset({"a", "an", "the", "of", "and", "in", "on", "for", "to", "at", "by", "from", "with", "or",
                          "vs", "its", "their", "into", "is", "as"})


def note_number(line: str) -> int | None:
    """The note number a line starts with (`12 See`, `⁸ UN`, `[^3]:`), or None."""
    m = _NOTE_START.match(line)
    if not m:
        return None
    if m.group(1) or m.group(2):
        return int(m.group(1) or m.group(2))
    return int("".join(_SUP_VALUE[c] for c in m.group(3)))


def is_heading_line(line: str, prev_blank: bool, next_blank: bool) -> bool:
    """A Markdown heading, a bold-only line, or a short stand-alone line without closing punctuation."""
    s = line.strip()
    if not s:
        return False
    if _MD_HEADING.match(line) or _BOLD_LINE.match(line):
        return True
    if not (prev_blank and next_blank) or len(s) > 80 or s[-1] in ".,;:!?\"'”’)":
        return False
    if not _HEADING_START.match(s):
        return False
    words = [w for w in re.findall(r"[A-Za-z][A-Za-z'’-]*", s)]
    if not words or len(words) > 12:
        return False
    caps = sum(1 for w in words if w[0].isupper() or w.lower() in _SMALL_WORDS)
    return caps >= 0.7 * len(words)


def line_zones(lines: Sequence[str], furniture: Sequence[bool] | None = None) -> list[Zone]:
    """The zone of every raw line (blank lines take the zone of the text around them: body)."""
    n = len(lines)
    furn = list(furniture) if furniture is not None else [False] * n
    zones = [Zone.body] * n
    last_note = 0
    in_note = False
    in_refs = False
    prev_blank = True
    for i, line in enumerate(lines):
        blank = not line.strip()
        if blank:
            in_note = False
            prev_blank = True
            continue
        if furn[i]:
            continue
        next_blank = i + 1 >= n or not lines[i + 1].strip()
        page_start = line.startswith(" ") and not line.startswith("  ")
        heading = is_heading_line(line, prev_blank, next_blank)
        if heading:
            in_note = False
            in_refs = bool(_REF_HEAD.match(line.strip()))
            zones[i] = Zone.heading
            prev_blank = False
            continue
        if in_refs:
            zones[i] = Zone.reference
            prev_blank = False
            continue
        num = note_number(line) if (prev_blank or in_note or page_start or i == 0) else None
        if num is not None and _fits_counter(num, last_note) and _NOTE_TEXT.match(_NOTE_START.sub("", line, 1)):
            last_note = num
            in_note = True
            zones[i] = Zone.footnote
        elif in_note and not page_start:
            zones[i] = Zone.footnote
        else:
            in_note = False
        prev_blank = False
    return zones


def _fits_counter(num: int, last: int) -> bool:
    return last < num <= last + 4 or num == 1


def cited_titles(text: str) -> list[tuple[int, int]]:
    """Spans of quoted titles of cited works in `text`: most words capitalised, at least three words."""
    spans = []
    for m in _TITLE_QUOTE.finditer(text):
        inner = m.group(1)
        words = re.findall(r"[A-Za-z][A-Za-z'’-]*", inner)
        if len(words) < 3:
            continue
        big = [w for w in words if w.lower() not in _SMALL_WORDS]
        if big and sum(1 for w in big if w[0].isupper()) >= 0.75 * len(big):
            spans.append((m.start(), m.end()))
    return spans
