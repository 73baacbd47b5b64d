"""Normalise report text: drop page furniture, join broken lines, undo line-end hyphenation, strip glued
footnote markers and Markdown markup, unify quotes; keep a map from every normalised offset to the original.

Hyphenation rule (a line ending in `letter-` followed by a line starting with a letter), in order:
1. the joined word is known (seen elsewhere in the text, or in the lexicon) -> join ("peace-/keeping");
2. the hyphenated form is known (seen elsewhere, or in the lexicon) -> keep ("Al-/Shabaab");
3. the part after the hyphen is capitalised -> keep ("Guinea-/Bissau", "Port-au-/Prince");
4. the part before it is a compound prefix (pre, non, self, cross, …), an acronym or ends in a digit -> keep;
5. otherwise join.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterable
from dataclasses import dataclass, field

from peacegraph.seed.extract.reading import RawReport
from peacegraph.seed.extract.zones import Zone, line_zones, note_number

PREFIXES = frozenset({
    "pre", "non", "self", "cross", "well", "co", "anti", "multi", "post", "counter", "semi", "ex", "sub", "mid",
    "long", "short", "high", "low", "full", "half", "all", "one", "two", "three", "four", "five", "so", "un",
    "troop", "police", "state", "inter-state", "intra", "extra", "ill", "far", "large", "small", "large-scale",
    "re", "de",
})
QUOTES = str.maketrans({"\u2019": "'", "\u2018": "'", "\u201c": '"', "\u201d": '"', "\u00a0": " ", "\t": " ",
                        "\u2009": " ", "\u202f": " ", "|": " ", "\u2212": "-", "\u2010": "-", "\u2011": "-"})
_HEAD_NUM = re.compile(r"^\s*\d{1,4}\s+[A-Z][A-Z0-9 ,:;'’&–—./()\-]{5,}$|^\s*[A-Z][A-Z0-9 ,:;'’&–—./()\-]{5,}\s+\d{1,4}\s*$")
_PAGE_NUM = re.compile(r"^\s*(?:[-–—]\s*)?(?:page\s+)?\d{1,4}(?:\s*(?:/|of)\s*\d{1,4})?(?:\s*[-–—])?\s*$", re.I)
_RULE = re.compile(r"^\s*(?:-{3,}|\*{3,}|_{3,}|=+|\|?\s*:?-{2,}:?\s*(?:\|\s*:?-{2,}:?\s*)*\|?)\s*$")
_LEAD = re.compile(r"^\s*(?:>\s*)*(?:#{1,6}\s+|[-*+•▪●]\s+)?")
_ASTERISKS = re.compile(r"\*+|(?<!\w)_{1,2}(?=\w)|(?<=\w)_{1,2}(?!\w)|\u00ad|\\(?=[\[\]().*_#$-])")
_FOOTNOTE = re.compile(r"(?<!\w)([A-Za-z][A-Za-z'’]*)([.,;:?!’'”\")]*)(\d{1,3})(?=[\s,.;:)\]]|$)")
_KEEP_NUMBERED = frozenset({"rev", "no", "add", "corr", "para", "p", "pp", "art", "vol", "chapter", "res",
                            "annex", "part", "section", "article", "phase", "amend", "sup", "suppl", "fig"})
_LIST_START = re.compile(r"^(?:#{1,6}\s|[-*+•▪●]\s|\(?[a-z0-9]{1,3}[.)]\s)")
_WORD = re.compile(r"[A-Za-z][A-Za-z']*")
_HYPH_WORD = re.compile(r"[A-Za-z]+(?:-[A-Za-z]+)+")
_CONNECTOR_END = re.compile(r"\b(?:the|of|in|and|for|to|on|a|an|with|by|from)$")
_SENT_END = re.compile(r"[.!?:;)\"'”’]$")


@dataclass
class Normalised:
    """Normalised text with a piecewise map back to offsets in the raw text."""

    raw: RawReport
    text: str
    seg_out: list[int] = field(default_factory=list)
    seg_orig: list[int] = field(default_factory=list)
    zones: list[tuple[int, int, Zone]] = field(default_factory=list)
    _zone_starts: list[int] = field(default_factory=list, repr=False)

    def zone_at(self, offset: int) -> Zone:
        """The zone of a normalised offset (body where nothing was recorded)."""
        if len(self._zone_starts) != len(self.zones):
            self._zone_starts = [z[0] for z in self.zones]
        k = bisect.bisect_right(self._zone_starts, offset) - 1
        if 0 <= k < len(self.zones) and self.zones[k][0] <= offset < self.zones[k][1]:
            return self.zones[k][2]
        return Zone.body

    def orig(self, offset: int) -> int:
        """The raw-text offset of a normalised offset."""
        k = bisect.bisect_right(self.seg_out, offset) - 1
        if k < 0:
            return 0
        return self.seg_orig[k] + (offset - self.seg_out[k])

    def position(self, offset: int) -> tuple[int, int | None]:
        return self.raw.position(self.orig(offset))

    def line(self, offset: int) -> int:
        return self.raw.position(self.orig(offset))[0]

    def locator(self, offset: int) -> str:
        return self.raw.locator(self.orig(offset))


class _Builder:
    def __init__(self) -> None:
        self.parts: list[str] = []
        self.seg_out: list[int] = []
        self.seg_orig: list[int] = []
        self.pos = 0

    def add(self, text: str, orig: int) -> None:
        if text:
            self.seg_out.append(self.pos)
            self.seg_orig.append(orig)
            self.parts.append(text)
            self.pos += len(text)

    def last_char(self) -> str:
        return self.parts[-1][-1] if self.parts else ""


def is_furniture(line: str, repeated: set[str]) -> bool:
    """Running heads, page numbers, horizontal rules and table rules."""
    s = line.strip()
    if not s:
        return False
    if _PAGE_NUM.match(s) or _RULE.match(s):
        return True
    if _HEAD_NUM.match(s) and sum(c.isupper() for c in s) >= 0.6 * sum(c.isalpha() for c in s):
        return True
    return s in repeated


def _repeated_lines(lines: list[str]) -> set[str]:
    """Short lines repeated many times (running heads without numbers, e.g. in PDFs)."""
    counts: dict[str, int] = {}
    for ln in lines:
        s = ln.strip()
        if 4 <= len(s) <= 90:
            counts[s] = counts.get(s, 0) + 1
    return {s for s, n in counts.items() if n >= 4 and not s.endswith((".", ",", ";")) and not _LIST_START.match(s)
            and sum(c.isupper() for c in s) >= 0.5 * max(1, sum(c.isalpha() for c in s))}


def _kept_spans(line: str) -> list[tuple[int, int]]:
    """Spans of a line to keep, after removing Markdown markup and glued footnote markers."""
    remove: list[tuple[int, int]] = []
    lead = _LEAD.match(line)
    if lead and lead.end():
        remove.append((0, lead.end()))
    remove.extend((m.start(), m.end()) for m in _ASTERISKS.finditer(line))
    for m in _FOOTNOTE.finditer(line):
        word, punct = m.group(1), m.group(2)
        if word.lower() in _KEEP_NUMBERED or (not punct and len(word) < 2):
            continue
        if not punct and word.isupper() and len(word) <= 2:
            continue
        remove.append((m.start(3), m.end(3)))
    remove.sort()
    spans, pos = [], 0
    for a, b in remove:
        if a > pos:
            spans.append((pos, a))
        pos = max(pos, b)
    if pos < len(line):
        spans.append((pos, len(line)))
    return spans


def vocabulary(text: str) -> tuple[set[str], set[str]]:
    """Lower-cased words and hyphenated words seen inside lines (not split at a line end)."""
    words: set[str] = set()
    hyph: set[str] = set()
    for ln in text.split("\n"):
        body = ln.rstrip()
        if body.endswith("-"):
            body = body[: body.rfind(" ") + 1] if " " in body else ""
        words.update(w.lower() for w in _WORD.findall(body))
        hyph.update(w.lower() for w in _HYPH_WORD.findall(body))
    return words, hyph


def keep_hyphen(left: str, right: str, words: set[str], hyph: set[str]) -> bool:
    """Decide whether a line-end hyphen between `left` and `right` is a real hyphen (see module docstring)."""
    joined = (left + right).lower()
    if joined in words:
        return False
    if f"{left}-{right}".lower() in hyph:
        return True
    if right[:1].isupper():
        return True
    return bool(left.lower() in PREFIXES or (left.isupper() and len(left) >= 2) or left[-1:].isdigit())


def normalise(raw: RawReport, lexicon: Iterable[str] = ()) -> Normalised:
    """Normalise a report's text; `lexicon` adds known names (single or hyphenated words) for de-hyphenation.

    Body text and headings come first, joined across the footnotes and page breaks that interrupt them; footnotes
    and reference lists follow, one paragraph per note, so a body sentence is never joined to a note.
    """
    text = raw.text.translate(QUOTES)
    lines = text.split("\n")
    words, hyph = vocabulary(text)
    for name in lexicon:
        for w in _WORD.findall(name):
            words.add(w.lower())
        for w in _HYPH_WORD.findall(name):
            hyph.add(w.lower())
    repeated = _repeated_lines(lines)
    furniture = [is_furniture(ln, repeated) for ln in lines]
    zl = line_zones(lines, furniture)
    out = _Builder()
    marks: list[tuple[int, Zone]] = []
    body = [i for i, z in enumerate(zl) if z in (Zone.body, Zone.heading)]
    _emit(raw, lines, body, furniture, zl, words, hyph, out, marks)
    blocks: list[list[int]] = []
    for i, z in enumerate(zl):
        if z in (Zone.footnote, Zone.reference) and lines[i].strip() and not furniture[i]:
            starts_note = z is Zone.footnote and (i == 0 or zl[i - 1] is not Zone.footnote
                                                  or note_number(lines[i]) is not None)
            if not blocks or starts_note or i - blocks[-1][-1] > 2 or zl[blocks[-1][-1]] is not z:
                blocks.append([])
            blocks[-1].append(i)
    for block in blocks:
        start = raw.line_starts[block[0]] if block[0] < len(raw.line_starts) else len(text)
        if out.parts:
            out.add("\n\n", start)
        _emit(raw, lines, block, furniture, zl, words, hyph, out, marks, continue_block=False)
    norm = Normalised(raw, "".join(out.parts), out.seg_out, out.seg_orig)
    norm.zones = _intervals(marks, len(norm.text))
    return norm


def _intervals(marks: list[tuple[int, Zone]], end: int) -> list[tuple[int, int, Zone]]:
    out: list[tuple[int, int, Zone]] = []
    for k, (pos, zone) in enumerate(marks):
        nxt = marks[k + 1][0] if k + 1 < len(marks) else end
        if nxt <= pos:
            continue
        if out and out[-1][2] == zone and out[-1][1] == pos:
            out[-1] = (out[-1][0], nxt, zone)
        else:
            out.append((pos, nxt, zone))
    return out


def _emit(raw: RawReport, lines: list[str], indices: list[int], furniture: list[bool], zl: list[Zone],
          words: set[str], hyph: set[str], out: _Builder, marks: list[tuple[int, Zone]],
          continue_block: bool = True) -> None:
    """Emit the given raw lines (in order) into `out`, joining broken lines and undoing hyphenation."""
    text_len = len(raw.text)
    pending_hyphen: int | None = None  # raw offset of a dropped line-end hyphen
    left_word = ""
    prev_is_block = True  # previous line ended a block (heading, start)
    gap_blank = False
    prev_idx: int | None = None
    local_start = out.pos
    for idx in indices:
        line = lines[idx]
        start = raw.line_starts[idx] if idx < len(raw.line_starts) else text_len
        if not line.strip():
            gap_blank = True
            prev_idx = idx
            continue
        if prev_idx is not None and idx > prev_idx + 1 and any(
                not lines[j].strip() for j in range(prev_idx + 1, idx)):
            gap_blank = True
        prev_idx = idx
        if furniture[idx]:
            continue
        spans = _kept_spans(line)
        if not spans:
            continue
        first_a = spans[0][0]
        while first_a < len(line) and line[first_a] == " ":
            first_a += 1
        spans[0] = (first_a, spans[0][1])
        content_start = line[spans[0][0]:spans[0][1]]
        is_heading = bool(re.match(r"^\s*#{1,6}\s", line)) or zl[idx] is Zone.heading
        is_list = bool(_LIST_START.match(line.lstrip())) and not is_heading
        # separator between the previous content and this line
        if out.pos > local_start or (continue_block and out.parts):
            first = content_start[:1]
            prev_end = out.last_char()
            if pending_hyphen is not None and first.isalpha() and (
                    not gap_blank or not (is_heading or is_list)):
                m = _WORD.match(content_start)
                right = m.group(0) if m else first
                if keep_hyphen(left_word, right, words, hyph):
                    out.add("-", pending_hyphen)
            else:
                if pending_hyphen is not None:
                    out.add("-", pending_hyphen)
                    prev_end = "-"
                soft = not gap_blank or (not prev_is_block and not _SENT_END.search(prev_end) and (
                    first.islower() or bool(_CONNECTOR_END.search(out.parts[-1][-12:]))))
                if is_heading or prev_is_block or (gap_blank and not soft):
                    out.add("\n\n", start)
                elif is_list:
                    out.add("\n", start)
                else:
                    out.add(" ", start)
        pending_hyphen = None
        # emit the line's kept spans, holding back a trailing soft hyphen
        last_a, last_b = spans[-1]
        while last_b > last_a and line[last_b - 1] == " ":
            last_b -= 1
        spans[-1] = (last_a, last_b)
        tail = line[last_a:last_b]
        if re.search(r"[A-Za-z]-$", tail) and not re.search(r"\s-$", tail):
            spans[-1] = (last_a, last_b - 1)
            pending_hyphen = start + last_b - 1
            m = re.search(r"([A-Za-z0-9]+)$", line[:last_b - 1])
            left_word = m.group(1) if m else ""
        zone = zl[idx]
        for a, b in spans:
            if not marks or marks[-1][1] is not zone:
                marks.append((out.pos, zone))
            out.add(line[a:b], start + a)
        gap_blank = False
        prev_is_block = is_heading
    if pending_hyphen is not None:
        out.add("-", pending_hyphen)


_ABBREV = re.compile(
    r"(?:\b(?:Mr|Mrs|Ms|Dr|Prof|Gen|Lt|Col|Maj|Brig|Capt|Sgt|St|No|Nos|Res|Doc|Rev|Vol|para|paras|p|pp|cf|e\.g|"
    r"i\.e|etc|al|Ibid|op|cit|approx|Jan|Feb|Mar|Apr|Aug|Sept|Sep|Oct|Nov|Dec|Art|Corr|Add|U\.S|U\.N|H\.E|Ret|Retd"
    r"|vs|v|Fig|Ch|ed|eds|Inc|Ltd|Co|Jr|Sr)|\b[A-Z])\.$"
)
_SPLIT = re.compile(r"\n\n+|\n|(?<=[.!?])[\"')\]]*\s+(?=[\"'(\[]?[A-Z0-9])")


def sentences(text: str) -> list[tuple[int, int]]:
    """Sentence spans of normalised text: paragraph and list breaks, and . ! ? before a capital."""
    spans: list[tuple[int, int]] = []
    start = 0
    for m in _SPLIT.finditer(text):
        if m.group(0).strip() == "" and "\n" not in m.group(0):
            before = text[max(0, m.start() - 12):m.start()]
            if _ABBREV.search(before):
                continue
        end = m.start()
        if text[start:end].strip():
            spans.append((start, end))
        start = m.end()
    if text[start:].strip():
        spans.append((start, len(text)))
    return spans
