"""Read a Council page: which resolution was adopted, what it does, to which operation, until when, with what tasks.

Pure rules over the page text (see `seed/extract/README.md`, "Council texts"):

- **symbol**: of every resolution number in the text, the one adopted here (after "adopting", "adoption of", in
  the headline, "full text of resolution …"), not one recalled ("recalling resolutions", "laid out in
  resolution …"). A year missing from the text comes from the page date.
- **action**: from the headline and the first sentences in which the Council acts, the strongest of terminate >
  establish > renew > modify > authorise_support.
- **operation**: the first operation named after the action verb (a graph mission, a `Name (ACRONYM)` the text
  defines, or a description such as "UN mission in Côte d'Ivoire" resolved through the graph by place, leading
  organisation and date).
- **end date**: the date after "until", "till", "through" or (for a termination) "as of" in the action
  sentence or the headline; a year left out comes from the symbol or the page date (the next year when the date
  would fall before the page date), "next year" from the page date.
- **tasks**: lexicon tasks in sentences about the operation (named, or "the Mission", "the Force", "it"), not in
  demands on others ("called on", "urged", "demanded", "condemned"), not in a resolution's preamble, not in the
  debate; acting under Chapter VII in the adoption sentence counts as `use_of_force`.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from peacegraph.seed.extract.council.page import Page
from peacegraph.seed.extract.mentions.dates import MONTHS
from peacegraph.seed.extract.nlp import parse
from peacegraph.seed.extract.taskmatch import TaskMatcher

ACTIONS = ("terminate", "establish", "renew", "modify", "authorise_support")
_OPERATION_NOUN = (r"(?:mission|operation|force|office|presence|observers?|brigade|"
                   r"(?-i:[A-Z]{3,}(?:-[A-Za-z]+)?))")
_VERBS: dict[str, re.Pattern[str]] = {
    "terminate": re.compile(r"(?<!period )\bterminat\w*|\bend(?:s|ed|ing)? (?:the|its) mandate|\bdecided? to "
                            r"(?:withdraw|close)|\bclos(?:e|es|ed|ing) (?:the|its) (?:mission|operation|office)|"
                            r"\bconclu(?:de|des|ded|ding) (?:the|its) mandate|\bclosure of (?:the|its) "
                            r"(?:mission|operation|office)", re.I),
    "establish": re.compile(r"(?<!was )(?<!were )(?<!been )(?<!achieving )(?<!previously )(?<!already )(?<![—–,] )"
                            r"\bestablish(?:es|ed|ing)?\b(?! pursuant| in \d{4}| by resolution| under resolution)(?=[^.;]{0,120}?\b" + _OPERATION_NOUN + r"\b)|"
                            r"\bcreat(?:e|es|ed|ing) (?:a |the |its )?(?:new )?"
                            r"(?:\w+ )?(?:peacekeeping )?(?:mission|operation|office)\b|\bdecided? to deploy\b|"
                            r"\bset(?:s|ting)? up (?:a|the) (?:new )?\w*\s?(?:mission|operation)", re.I),
    "renew": re.compile(r"\bextend\w*(?! (?:the )?(?:State|state|its|government|governmental|national) "
                        r"(?:authority|presence|administration|control))|\bextension\b(?! of (?:the )?(?:State|state) )|"
                        r"\brenew\w*|\bprolong\w*|\broll-?over\b|\breauthori[sz]\w*", re.I),
    "modify": re.compile(r"\bmodif\w*|\badjust\w* (?:the|its) mandate|\bexpand\w* (?:the|its) mandate|"
                         r"\brevis\w* (?:the|its) mandate|\breconfigur\w*", re.I),
    "authorise_support": re.compile(r"\bauthori[sz]\w*", re.I),
}
_COUNCIL = re.compile(r"\b(?:Security Council|Council|15-member (?:body|organ|council)|UNSC)\b", re.I)
_ADOPT_BEFORE = re.compile(r"(?:(?:adopt(?:ing|ed|s|ion of)?|adoption of|Adopting|full text of)\s+(?:the\s+)?"
                           r"(?:draft\s+)?(?:resolution\s+|Resolution\s+)?|(?:^|[.\n]\s*)(?:Through|By|Under)\s+"
                           r"(?:its\s+|the\s+(?:terms|provisions)\s+of\s+)?(?:resolution|Resolution)\s+)$", re.I)
# "resolution 1769 (2007), adopted unanimously …": the one adopted here
_ADOPT_AFTER = re.compile(r"^\s*,?\s*(?:which was\s+|was\s+)?(?:unanimously\s+)?adopted\b(?! (?:on|in) \d)")
_RECALL_BEFORE = re.compile(r"(?:recall\w*|requested in|authori[sz]ed in|laid out in|outlined in|set out in|"
                            r"pursuant to|in line with|in accordance with|established by|under|of|in|and|,)\s+"
                            r"(?:its\s+)?(?:previous\s+)?(?:resolutions?\s+)?(?:\d{3,4}\s*\(\d{4}\),?\s*)*$", re.I)
_RES_NUM = re.compile(r"\b(?:[Rr]esolutions?|RESOLUTION|S/RES/)\s*(\d{3,4})(?:\s*\((\d{4})\))?")
_MONTH = (r"(January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|"
          r"Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\.?")
_UNTIL = re.compile(r"\b(?:until|till|through|to|as of|up to|(?:ending|expiring|expire|terminating)(?:\s+on)?)\s+"
                    r"(?:the\s+end\s+of\s+)?(?:(\d{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?" + _MONTH + r"|" + _MONTH +
                    r"\s+(\d{1,2})(?:st|nd|rd|th)?)(?:,?\s+(\d{4})|\s+(next year))?\b", re.I)
# "until the end of December 2024", "until the end of the year": the last day of that month or year
_UNTIL_END_OF = re.compile(r"\b(?:until|till|through|to)\s+the\s+end\s+of\s+(?:" + _MONTH +
                           r"(?:,?\s+(\d{4}))?|(the|this|next) year|(\d{4}))\b", re.I)
_TERMINATION_ON = re.compile(r"\b(?:as of|with effect from|effective|on)(?=\s+\d{1,2}\s+[A-Z][a-z]+)")
_MEMBER_STATES = re.compile(r"\bauthori[sz]\w*\b[^.;]{0,60}\b(?:Member States|member States|member states)\b")
_INTO = re.compile(r"\b(?:reconfigur\w*|transform\w*|re-?hat\w*|transition\w*)\b[^.;]{0,80}?\binto\s+(?:the\s+)?$")
_PERIOD = re.compile(r"\b(?:for|by) (?:an?(?:other| further| initial period of| period of| new period of)?|a further|"
                     r"another|an initial period of|a further period of|a period of|a new period of)?\s*"
                     r"(\d{1,2}|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)[ -](month|year)s?\b|"
                     r"\bfor (?:an?other|one more|a further) (year)\b", re.I)
_NUMBERS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
            "ten": 10, "eleven": 11, "twelve": 12}
_DEMAND = re.compile(r"\b(?:call(?:s|ed|ing)? (?:on|upon|for)|urg(?:e|es|ed|ing)|demand\w*|condemn\w*|encourag\w*|"
                     r"deplor\w*|appeal\w* (?:to|for)|invit(?:e|es|ed|ing)|reiterat\w* (?:its|the) demand|"
                     r"request(?:s|ed|ing)? (?:that )?(?:the )?(?:Secretary-General|Government|parties|Member States|"
                     r"States|donors|authorities|international community)|"
                     r"ask(?:s|ed|ing)? (?:the )?(?:Secretary-General|Government|parties|Member States|States))\b", re.I)
# Sentences about a report or a recommendation (the Secretary-General's, a review's), not about the decision
_REPORTED = re.compile(r"\b(?:[Ii]n (?:his|her|its|the) (?:\w+ )?report|[Tt]he report (?:also )?(?:called|said|noted|"
                       r"recommended|urged|proposed)|(?:Secretary-General|Special Representative)(?:’s|'s)? (?:\w+ )?"
                       r"(?:recommended|expressed|said|noted|warned|cautioned|told|reported|commended|proposed|"
                       r"called for|requested|briefed))\b")
# Cues of a mandate (a task given) and of background (what the operation was given or did before)
_MANDATE_CUE = re.compile(r"\b(?:mandat\w*|task(?:s|ed|ing)?|authori[sz]\w*|decid\w*|request\w*|will|shall|would|"
                          r"priorit\w*|charged with|responsib\w+|objectives?|functions?|role|continue to|to (?:help|"
                          r"support|assist|provide|monitor|protect|facilitate|promote|ensure|observe|verify|"
                          r"contribute)|so (?:that )?(?:it|the \w+(?: \w+)?) can|in order to|including)\b", re.I)
_BACKGROUND_CUE = re.compile(r"\b(?:(?:was|were|had been|has been) (?:first |originally |initially )?(?:created|"
                             r"established|set up|deployed|authori[sz]ed|mandated)|(?:has|have) been \w+ing|"
                             r"[Dd]eployed since|since (?:its (?:creation|establishment|deployment)|\d{4}))\b")
_DEBATE = re.compile(r"\b(?:delegates?|speakers?|speaking|said|ensuing discussion|explanation of vote|"
                     r"Council members spoke)\b", re.I)
_TEXT_START = re.compile(r"(?:full text of (?:the )?resolution|reads as follows)", re.I)
_PREAMBLE = re.compile(r'^\W*(?:Recalling|Reaffirming|Welcoming|Commending|Stressing|Expressing|Noting|Taking note|'
                       r'Underlining|Emphasizing|Emphasising|Determining|Recognizing|Recognising|Considering|Mindful|'
                       r'Bearing in mind|Condemning|Reiterating|Acknowledging|Deploring|Having|Looking forward|'
                       r'Encouraging|Underscoring|Concerned|Deeply|Gravely|Affirming|Urging)\b')
_CHAPTER7 = re.compile(r"\bChapter VII\b")
_MISSION_PRONOUN = re.compile(
    r"\b[Tt]he (?:(?:new|UN|United Nations|multinational|international|peacekeeping|observer|political|"
    r"stabili[sz]ation|security|civil|civilian|hybrid|transition|African Union|AU|European Union|EU|regional|"
    r"integrated|assistance|support)\s+){0,3}(?:[Mm]ission|[Ff]orce|[Oo]peration|brigade|[Pp]resence|"
    r"[Oo]ffice(?! (?:of|for)\b)|observers|peacekeepers)\b(?!['’]s (?:personnel|facilities|safety|security|premises))|"
    r"^\W*(?:It|They)\b|\b[Ii]ts (?:mandate|tasks?|priorit\w+|functions|objectives|role|activities|"
    r"responsibilities)\b")
# A line or sentence that opens a list of tasks, and the items of such a list
_LIST_OPENS = re.compile(r"(?::\s*$|\bfollowing (?:mandate|tasks|functions|priorities|objectives|"
                         r"responsibilities)\b|\b(?:mandate|tasks|priorities|objectives) (?:will |would |shall )?"
                         r"(?:include|includes|including|are|is|as follows)\b)", re.I)
_LIST_ITEM = re.compile(r"^\W{0,3}(?:\(?[a-z]\)|\(?[ivx]{1,4}\)|[-•–—*]|\d{1,2}\)|[a-z]\.)\s|^\W{0,3}[a-z]")


@dataclass(frozen=True)
class Span:
    """Evidence: where in the page body a finding was read (character offsets) and the sentence."""

    start: int
    end: int
    sentence: str


@dataclass
class MissionRef:
    """An operation the decision acts on: a graph id, or a proposed one with the name and acronym the text gives."""

    id: str
    name: str | None = None
    acronym: str | None = None
    in_graph: bool = True
    how: str = "gazetteer"
    places: list[str] = field(default_factory=list)
    leads: list[str] = field(default_factory=list)
    valid_from: dt.date | None = None  # when the graph's operation began (None: unknown or proposed)


@dataclass
class Decision:
    """One Council decision as read from a page, with evidence for each field."""

    symbol: str | None
    number: str | None
    year: int | None
    adopted: dt.date | None
    action: str | None
    mission: MissionRef | None
    also: list[MissionRef] = field(default_factory=list)
    end_date: dt.date | None = None
    tasks: list[str] = field(default_factory=list)
    renews: str | None = None
    evidence: dict[str, Span] = field(default_factory=dict)
    notes: list[str] = field(default_factory=list)

    @property
    def valid_to(self) -> dt.date | None:
        """Exclusive end: the day after the end date the text sets."""
        return self.end_date + dt.timedelta(days=1) if self.end_date else None


MissionFinder = Callable[[str], list[tuple[int, int, MissionRef]]]


def is_council_text(text: str) -> bool:
    """A Security Council resolution, or a press release / news item reporting one."""
    head = text[:4000]
    if re.search(r"Adopted by the Security Council at its \d+", head):
        return True
    if not re.search(r"\bSecurity Council\b|\bUNSC\b|\bthe Council\b", head, re.I):
        return False
    return bool(re.search(r"\badopt\w*[^.]{0,60}\bresolution\b|\bresolution \d{3,4}\b|S/RES/\d", head, re.I)
                or re.search(r"\b(?:extend\w*|renew\w*|terminat\w*|establish\w*|authori[sz]\w*)\b[^.]{0,80}"
                             r"\b(?:mandate|mission|force|operation|presence)\b", head, re.I))


def _sentences(body: str) -> list[tuple[int, int]]:
    spans: list[tuple[int, int]] = []
    pos = 0
    for block in re.split(r"(\n+)", body):
        if block and not block.startswith("\n") and block.strip():
            doc = parse(block)
            spans.extend((pos + s.start_char, pos + s.end_char) for s in doc.sents if s.text.strip())
        pos += len(block)
    return spans


def _resolution_text_start(body: str) -> int:
    """Where the resolution's own text starts: after "the full text … reads as follows", at the start of a page
    that is a resolution ("Resolution 2999 (2014) / Adopted by the Security Council at its …"), else nowhere."""
    m = _TEXT_START.search(body)
    if m:
        return m.end()
    if re.search(r"^\W*(?:Resolution|RESOLUTION|S/RES/)\s*\d{3,4}\b", body[:300]) and \
            re.search(r"Adopted by the Security Council at its \d+", body[:600]):
        own = re.search(r"^\W*The Security Council,", body, re.M)
        return own.start() if own else 0
    return len(body)


def adopted_symbol(body: str, page: Page) -> tuple[str | None, str | None, int | None, Span | None]:
    """The resolution adopted here: (symbol, number, year, evidence)."""
    cands: dict[str, list[tuple[int, re.Match[str]]]] = {}
    years: dict[str, int] = {}
    headline_end = min(len(body), 400)
    for m in _RES_NUM.finditer(body):
        num = m.group(1)
        if m.group(2):
            years.setdefault(num, int(m.group(2)))
        before = body[max(0, m.start() - 60):m.start()]
        score = 0
        if _ADOPT_BEFORE.search(before + body[m.start():m.start(1)]) or _ADOPT_AFTER.match(body[m.end():m.end() + 40]):
            score += 5
        if m.start() < headline_end:
            score += 3
        if "S/RES/" in m.group(0) and re.search(r"issued as document\s*$", before):
            score += 3
        if _RECALL_BEFORE.search(before) and score < 5:
            score -= 5
        cands.setdefault(num, []).append((score, m))
    if not cands:
        return None, None, None, None
    best = max(cands, key=lambda n: (max(s for s, _ in cands[n]), sum(s for s, _ in cands[n]),
                                     -min(mm.start() for _, mm in cands[n])))
    score, m = max(cands[best], key=lambda x: (x[0], -x[1].start()))
    if score <= 0:
        return None, None, None, None
    year = years.get(best) or (page.date.value.year if page.date else None)
    symbol = f"S/RES/{int(best)} ({year})" if year else f"S/RES/{int(best)}"
    return symbol, best, year, Span(m.start(), m.end(), _sentence_at(body, m.start()))


def _sentence_at(body: str, offset: int) -> str:
    a = max(body.rfind("\n", 0, offset), body.rfind(". ", 0, offset) + 1)
    b_candidates = [x for x in (body.find(". ", offset), body.find("\n", offset)) if x >= 0]
    b = min(b_candidates) + 1 if b_candidates else len(body)
    return " ".join(body[a:b].split())


def _headline(body: str, sents: Sequence[tuple[int, int]]) -> list[tuple[int, int]]:
    """The lines before the first sentence in which the Council acts today (title, subtitle)."""
    out = []
    for a, b in sents:
        s = body[a:b]
        if re.search(r"\b(?:today|this (?:morning|afternoon|evening)|decided|on (?:Monday|Tuesday|Wednesday|"
                     r"Thursday|Friday))\b", s) and _COUNCIL.search(s) and len(s) > 120:
            break
        out.append((a, b))
        if len(out) >= 8:
            break
    return out


_IT_ACTS = re.compile(r"\b(?:it|the text|the resolution|the (?:15-member )?(?:body|organ))\s+(?:\w+\s+)?"
                      r"(?:extended|renewed|established|terminated|decided|authori[sz]ed|modified|created)\b", re.I)


def _lead(body: str, sents: Sequence[tuple[int, int]], stop: int, head: Sequence[tuple[int, int]]
          ) -> list[tuple[int, int]]:
    """The first two sentences after the headline in which the Council acts (before the resolution's text)."""
    out = []
    skip = set(head)
    for a, b in sents:
        if a >= stop:
            break
        if (a, b) in skip:
            continue
        s = body[a:b]
        acts = _COUNCIL.search(s) or _IT_ACTS.search(s)
        if acts and any(rx.search(s) for rx in _VERBS.values()) and not _DEBATE.search(s):
            out.append((a, b))
            if len(out) >= 2:
                break
    return out


def decide_action(texts: Sequence[str], skip: frozenset[str] = frozenset()) -> tuple[str | None, int]:
    """The strongest action verb in the given texts (headline and lead sentences), with its text index:
    terminate > establish > renew > authorising member States > modify > authorise (less those in `skip`)."""
    order: list[tuple[str, re.Pattern[str]]] = [(a, _VERBS[a]) for a in ("terminate", "establish", "renew")]
    order += [("authorise_support", _MEMBER_STATES), ("modify", _VERBS["modify"]),
              ("authorise_support", _VERBS["authorise_support"])]
    order = [(a, rx) for a, rx in order if a not in skip]
    for action, rx in order:
        for i, t in enumerate(texts):
            if rx.search(t):
                return action, i
    return None, -1


def _month_end(y: int, mon: int) -> dt.date:
    return dt.date(y + (mon == 12), mon % 12 + 1, 1) - dt.timedelta(days=1)


def end_date(sentence: str, year: int | None, ref: dt.date | None) -> tuple[dt.date | None, str | None]:
    """The date after "until"/"as of"… in a sentence, completed with a year; with the matched text. "Until the
    end of December 2024" is 31 December 2024; "until the end of the year" the last day of the reference year."""
    found: list[tuple[int, dt.date, str]] = []
    for m in _UNTIL.finditer(sentence):
        day = int(m.group(1) or m.group(4))
        mon = MONTHS[(m.group(2) or m.group(3)).lower().rstrip(".")]
        if m.group(5):
            y: int | None = int(m.group(5))
        elif m.group(6):
            y = ref.year + 1 if ref else None
        else:
            y = year or (ref.year if ref else None)
        if y is None:
            continue
        try:
            d = dt.date(y, mon, day)
        except ValueError:
            continue
        if not m.group(5) and not m.group(6) and ref and d < ref:
            d = d.replace(year=d.year + 1)
        found.append((m.start(), d, m.group(0)))
        break
    for m in _UNTIL_END_OF.finditer(sentence):
        if m.group(1):
            y = int(m.group(2)) if m.group(2) else (year or (ref.year if ref else None))
            if y is None:
                continue
            d = _month_end(y, MONTHS[m.group(1).lower().rstrip(".")])
            if not m.group(2) and ref and d < ref:
                d = _month_end(y + 1, d.month)
        elif m.group(3):
            base = ref.year if ref else year
            if base is None:
                continue
            d = dt.date(base + (m.group(3).lower() == "next"), 12, 31)
        else:
            d = dt.date(int(m.group(4)), 12, 31)
        found.append((m.start(), d, m.group(0)))
        break
    if not found:
        return None, None
    _at, d, text = min(found, key=lambda f: f[0])
    return d, text


def period_end(sentence: str, adopted: dt.date | None, start: dt.date | None = None) -> dt.date | None:
    """"for six months": the day before the same day that many months after the period starts — the day the
    current mandate expires (`start`, exclusive end of the mandate renewed) when known, else the adoption day."""
    m = _PERIOD.search(sentence)
    begin = start or adopted
    if not m or begin is None:
        return None
    if m.group(3):
        n, unit = 1, "year"
    else:
        n, unit = (_NUMBERS.get(m.group(1).lower()) or int(m.group(1))), m.group(2).lower()
    months = n * (12 if unit == "year" else 1)
    y, mo = divmod(begin.month - 1 + months, 12)
    try:
        end = dt.date(begin.year + y, mo + 1, begin.day)
    except ValueError:
        end = dt.date(begin.year + y, mo + 2, 1) if mo < 11 else dt.date(begin.year + y + 1, 1, 1)
    return end - dt.timedelta(days=1)


Expiry = Callable[[str, dt.date], "dt.date | None"]
_RENEWS_UNTIL = re.compile(r"\b(?:extend\w*|renew\w*|prolong\w*|roll-?over|terminat\w*|authori[sz]\w*|maintain\w*)\b"
                           r"[^.;]{0,200}?\b(?:until|till|through|as of)\b", re.I)


_ITEM_CODE = re.compile(r"^\W*(?:Press Release\s+)?((?:SC|GA|SG|ECOSOC)/\d[\d/.]*)\*?\s*\|?\s*$", re.M)


def first_item(body: str) -> str:
    """A listing page (several press releases, each under its own code line `SC/6521`) is read up to the
    second release: the decision and its symbol are those of the first one."""
    codes = [(m.start(), m.group(1)) for m in _ITEM_CODE.finditer(body)]
    for at, code in codes[1:]:
        if code != codes[0][1]:
            return body[:at]
    return body


def _ran_before(ref: MissionRef, when: dt.date | None) -> bool:
    """Whether the graph's operation began well before the page (so the page does not establish it)."""
    return bool(ref.valid_from and when and (when - ref.valid_from).days > _ALREADY_RUNNING_DAYS)


def _pool(body: str, refs: Sequence[tuple[int, int, MissionRef]], v_at: int, a: int, b: int,
          lead: Sequence[tuple[int, int]], head: Sequence[tuple[int, int]]) -> list[tuple[int, int, MissionRef]]:
    """Operations in the order they may be the one acted on: named after the verb in its sentence, else in the
    lead, the headline, the whole text; "reconfigure X into Y" puts Y first."""
    after = [r for r in refs if v_at <= r[0] < b]
    pool = after or [r for r in refs if any(x <= r[0] < y for x, y in lead)] or \
        [r for r in refs if any(x <= r[0] < y for x, y in head)] or list(refs[:1])
    into = [r for r in pool if _INTO.search(body[max(a, r[0] - 120):r[0]])]
    return into + [r for r in pool if r not in into] if into else pool


def _act(body: str, spans: Sequence[tuple[int, int]], k: int, action: str, refs: Sequence[tuple[int, int, MissionRef]],
         lead: Sequence[tuple[int, int]], head: Sequence[tuple[int, int]]
         ) -> tuple[int, int, re.Match[str] | None, int, tuple[int, int, MissionRef] | None]:
    """The sentence of the action verb, the verb, where it stands, and the operation it acts on."""
    a, b = spans[k]
    verb = _VERBS[action].search(body[a:b])
    v_at = a + (verb.start() if verb else 0)
    pool = _pool(body, refs, v_at, a, b, lead, head)
    return a, b, verb, v_at, (pool[0] if pool else None)


def read_decision(page: Page, find_missions: MissionFinder, matcher: TaskMatcher,
                  expiry: Expiry | None = None) -> Decision | None:
    """The decision a Council page reports, or None when it reports none. `expiry(mission, adopted)` gives the
    exclusive end of the mandate in force when the decision was adopted (for "a further six months")."""
    body = first_item(page.text)
    if not is_council_text(body):
        return None
    sents = _sentences(body)
    stop = _resolution_text_start(body)
    symbol, number, year, sym_ev = adopted_symbol(body, page)
    adoption_at = [m.start() for m in _RES_NUM.finditer(body) if number and m.group(1) == number
                   and (_ADOPT_BEFORE.search(body[max(0, m.start() - 60):m.start()] + body[m.start():m.start(1)])
                        or _ADOPT_AFTER.match(body[m.end():m.end() + 40]))]
    adopted = page.date.value if page.date and page.date.precision == "day" else None
    m = re.search(r"Adopted by the Security Council at its \d+\w* meeting, on (\d{1,2}) " + _MONTH + r" (\d{4})", body)
    if m:
        adopted = dt.date(int(m.group(3)), MONTHS[m.group(2).lower().rstrip(".")], int(m.group(1)))
    head = _headline(body, sents)
    lead = _lead(body, sents, stop, head)
    texts = [body[a:b] for a, b in lead] + [body[a:b] for a, b in head]
    spans = lead + head
    action, k = decide_action(texts)
    decision = Decision(symbol, number, year, adopted, action, None)
    if sym_ev:
        decision.evidence["symbol"] = sym_ev
    if action is None:
        decision.notes.append("no action verb in the headline or the lead sentences")
        return decision
    refs = find_missions(body)
    when = adopted or (page.date.value if page.date else (dt.date(year, 1, 1) if year else None))
    a, b, verb, v_at, first = _act(body, spans, k, action, refs, lead, head)
    if action == "establish" and first and _ran_before(first[2], when):
        # the graph's operation ran long before this page: what is established is a part of it (a protection
        # force, a hybrid court), and the decision is the next strongest action
        alt, k2 = decide_action(texts, skip=frozenset({"establish"}))
        decision.notes.append(f"{first[2].id} ran since {first[2].valid_from}: not established here")
        decision.action = action = alt or "modify"
        if k2 >= 0:
            k = k2
            a, b, verb, v_at, first = _act(body, spans, k, action, refs, lead, head)
    decision.evidence["action"] = Span(v_at, a + (verb.end() if verb else 0), " ".join(body[a:b].split()))
    if first:
        decision.mission = first[2]
        leads = first[2].leads or []
        if action in {"establish", "modify"} and leads and "un" not in leads:
            decision.action = action = "authorise_support"  # the Council authorises operations others run
            decision.notes.append("a non-UN operation: authorised, not established or modified")
        elif action == "authorise_support" and "un" in leads and not _MEMBER_STATES.search(body[a:b]) and \
                not _ran_before(first[2], when):
            decision.action = action = "establish"  # "authorized the deployment of" a new UN(-led) operation
            decision.notes.append("a new UN-led operation authorised: established")
        decision.evidence["mission"] = Span(first[0], first[1], " ".join(_sentence_at(body, first[0]).split()))
        pool = _pool(body, refs, v_at, a, b, lead, head)
        same = [r for r in pool[1:] if r[2].id != first[2].id and r[0] < b and r[0] - first[1] < 160]
        seen = {first[2].id}
        for r in same:
            between = body[first[1]:r[0]]
            if r[2].id not in seen and re.search(r"\b(?:and|also|as well as|supporting|,)\b", between) and \
                    not _HANDOVER.search(between):
                decision.also.append(r[2])
                seen.add(r[2].id)
    # the end date
    ref_date = adopted or (page.date.value if page.date else None)
    year_hint = year or (page.date.value.year if page.date else None)
    # other sentences before the resolution's text that extend (or end) the operation's mandate "until" a date
    named = {r[0] for r in refs if decision.mission and r[2].id == decision.mission.id}
    more = [(x, y) for x, y in sents if x < stop and (x, y) not in {spans[k], *lead, *head}
            and _RENEWS_UNTIL.search(body[x:y]) and not _DEBATE.search(body[x:y]) and not _REPORTED.search(body[x:y])
            and not _DEMAND.search(body[x:y]) and (any(x <= p < y for p in named) or
                                                   re.search(r"\bmandate\b", body[x:y]))]
    ref_ok = ref_date if (page.date and page.date.precision != "year") or adopted else None
    for x, y in [spans[k], *lead, *head, *more]:
        if action == "terminate" and (x, y) == spans[k] and verb:
            x = v_at  # "meeting on 30 June, decided to terminate the mandate on 31 December": after the verb
        d, text = end_date(body[x:y] if action != "terminate" else _TERMINATION_ON.sub("until", body[x:y]), year_hint,
                           ref_ok)
        if d:
            decision.end_date = d
            pos = body.find(text or "", x)
            decision.evidence["end_date"] = Span(pos, pos + len(text or ""), " ".join(body[x:y].split()))
            break
    if decision.end_date is None and action in {"renew", "establish", "authorise_support"}:
        start = expiry(decision.mission.id, adopted) if expiry and decision.mission and adopted and \
            action == "renew" else None
        d2 = period_end(body[spans[k][0]:spans[k][1]], adopted, start)
        if d2:
            decision.end_date = d2
            decision.notes.append("end date computed from the period and " + (
                "the end of the mandate renewed" if start else "the adoption date"))
    # tasks
    acting = [x for x, y in [spans[k], *lead] if _CHAPTER7.search(body[x:y]) and not _DEBATE.search(body[x:y])]
    decision.tasks, task_ev = _tasks(body, sents, stop, decision, refs, matcher, [*adoption_at, *acting])
    if task_ev:
        decision.evidence["tasks"] = task_ev
    return decision


_ACTS_AFTER = re.compile(r"^(?:\s*\([A-Z][A-Za-z]+\))?\s*(?:(?:will|would|shall|should|must|can|could|may|might|is|"
                         r"are|was|were|has|have|had|continues?|also|further|to|'s)\b|\w+(?:s|ed)\s+(?:to|the|a|an|"
                         r"in|with|for|on|and)\b)")
_ACTED_ON_BEFORE = re.compile(r"\b(?:authori[sz]\w*|request\w*|mandat\w*|task\w*|decid\w* that|call\w* (?:on|upon)|"
                              r"enabl\w*|allow\w*|empower\w*|direct\w*)\s+$", re.I)


def _pronoun_refs(s: str) -> list[int]:
    """Where a sentence refers to the operation without naming it: "It …", "its mandate", or "the Mission" /
    "the Force" as the one acting or acted on ("the Mission will …", "authorized the Force to …"), not a noun in
    passing ("NATO participation in the security presence;")."""
    out = []
    for m in _MISSION_PRONOUN.finditer(s):
        word = m.group(0).lower()
        pronoun = word.lstrip(" \t\"'(").startswith(("it", "they")) or word.startswith("its ")
        if pronoun or _ACTS_AFTER.match(s[m.end():m.end() + 40]) or \
                _ACTED_ON_BEFORE.search(s[max(0, m.start() - 40):m.start()]):
            out.append(m.start())
    return out


_ALREADY_RUNNING_DAYS = 90
_HANDOVER = re.compile(r"\b(?:transfer\w*|replac\w*|take over|tak(?:es|ing) over|succeed\w*|subsum\w*|"
                       r"functions of|from the)\b", re.I)
SUPPORT_TASKS = frozenset({"financing_support", "logistics_support"})
_PROVIDES = re.compile(r"\bprovid\w*\b|\bdeliver\w*\b", re.I)
_SUPPORT_VERB = re.compile(r"\b(?:support\w*|assist\w*|help\w*|promot\w*|facilitat\w*|foster\w*|advanc\w*|"
                           r"organi[sz]\w*|hold(?:ing)?|conduct\w*|monitor\w*|tasked with|strengthen\w*|"
                           r"consolidat\w*|provid\w*)\b", re.I)


def _cue_allows(s: str, at: int) -> bool:
    """Whether a task hit at `at` stands in a clause that gives a task: the nearest cue before it is a mandate
    cue, not a background one ("was created … under Chapter VII, and is tasked with …")."""
    mandate = [m.start() for m in _MANDATE_CUE.finditer(s) if m.start() <= at]
    background = [m.start() for m in _BACKGROUND_CUE.finditer(s) if m.start() <= at]
    if not background:
        return True
    return bool(mandate) and max(mandate) > max(background)


def _tasks(body: str, sents: Sequence[tuple[int, int]], stop: int, decision: Decision,
           refs: Sequence[tuple[int, int, MissionRef]], matcher: TaskMatcher, adoption_at: Sequence[int]
           ) -> tuple[list[str], Span | None]:
    """Tasks the decision gives the operation (see the module docstring): in sentences that name the operation
    (or refer to it: "the Mission", "its mandate", "It …"), in the items of a task list such a sentence opens,
    and in the adoption sentence; not in demands on others, reports, recommendations, background clauses, the
    debate or the resolution's preamble."""
    if decision.mission is None:
        return [], None
    mid = decision.mission.id
    names = {r[2].id for r in refs}
    found: list[str] = []
    first: Span | None = None
    in_list = False
    for a, b in sents:
        s = body[a:b]
        in_text = a >= stop
        if in_text and _PREAMBLE.match(s):
            in_list = False
            continue
        if in_text and re.match(r"^\W*Acting under Chapter VII\b", s):
            if "use_of_force" in matcher.lexicon.tasks and "use_of_force" not in found:
                found.append("use_of_force")  # the resolution acts under Chapter VII: its operation may use force
            continue
        line = body[body.rfind("\n", 0, a) + 1:b]  # a numbered paragraph may be split after its number
        is_item = in_list and bool(_LIST_ITEM.match(s) or _LIST_ITEM.match(line))
        if in_text and not is_item and not re.match(r'^\W*\d{1,2}\.\s', line):
            in_list = False
            continue
        if _DEBATE.search(s) or _REPORTED.search(s):
            in_list = False
            continue
        mine = [r for r in refs if a <= r[0] < b]
        at = [r[0] - a for r in mine if r[2].id == mid] + _pronoun_refs(s)
        if is_item:
            at = [0, *at]  # an item of a task list the operation was given
        names_mission = bool(at)
        adoption = any(a <= x < b for x in adoption_at)
        others = [r for r in mine if r[2].id != mid and r[2].id not in {m.id for m in decision.also}]
        if others and not names_mission and mid in names and not adoption:
            in_list = False
            continue  # about another operation
        if not (names_mission or adoption):
            in_list = False
            continue
        in_list = is_item or bool(names_mission and _LIST_OPENS.search(s))
        demands = [d.start() for d in _DEMAND.finditer(s) if not _after_demand_is_mission(s, d.end(), decision)]
        for h in matcher.find(parse(s)):
            mission_before = [x for x in at if x <= h.start]
            demand_before = [x for x in demands if x <= h.start]
            ours = bool(mission_before) and (not demand_before or max(demand_before) < max(mission_before))
            if h.via == "generic":  # a generic word names a task only after a verb that gives one
                ours = ours and bool(_SUPPORT_VERB.search(s[max(0, h.start - 60):h.start]))
            if h.key in SUPPORT_TASKS:  # support the operation receives is not its task; support it gives is
                ours = ours and bool(_PROVIDES.search(s[max(mission_before or [0]):h.start]))
            chapter7 = h.key == "use_of_force" and bool(_CHAPTER7.search(h.text)) and adoption and not demand_before
            ok = (ours or chapter7) and _cue_allows(s, h.start)
            for key in matcher.lexicon.keys_for(h.key) if ok else ():
                if key not in found:
                    found.append(key)
                    if first is None:
                        first = Span(a, b, " ".join(s.split()))
    return found, first


def _after_demand_is_mission(s: str, at: int, decision: Decision) -> bool:
    tail = s[at:at + 40]
    ref = decision.mission
    words = [w for w in (ref.acronym if ref else None, ref.id.upper() if ref else None) if w]
    return bool(re.match(r"\s+(?:that\s+)?(?:it|the (?:Mission|mission|Force|force|operation))\b", tail)) or any(
        re.match(r"\s+(?:that\s+)?(?:the\s+)?" + re.escape(w) + r"\b", tail) for w in words)
