"""The operations a Council page names or describes, matched against the graph first.

1. Mission names and acronyms the gazetteer knows (the graph's names, acronyms and aliases).
2. A mission the text defines but the graph lacks (`United Nations Disengagement Observer Force (UNDOF)`) is
   matched against graph missions whose acronym begins with it and that are deployed in a place the sentence
   names and active on the page's date (`European Union Stabilization Force (EUFOR)` in Bosnia and Herzegovina
   in 2006 -> `eufor-althea`); otherwise it is proposed, with its name, acronym, leading organisation and host.
   A name the graph lacks word for word is matched by its words less the place it ends with ("International
   Security Assistance Force in Afghanistan" -> `isaf`, deployed in Afghanistan); of several, the one with the
   fewest other words. A name the page itself defines with a graph acronym ("… Mission in the Sudan (UNMIS)")
   is that operation wherever the page uses it; a new name with a new acronym is one proposal. An acronym one
   letter off a graph operation's that was not running at the page's date ("MONUA" on a 1999 page; MONUC began
   later) is proposed, not read as that operation. A region stands for its country ("… for Eastern Slavonia").
   A phrase holding every word of a graph operation's name or alias (three or more, less "United Nations"),
   close together in one sentence ("a support group of 180 civilian police monitors", "integrated UN office in
   Burundi"), is that operation when it runs at the page's date or starts within a year.
3. Descriptions: "UN mission in Côte d'Ivoire", "Liberia Peacekeeping Mission", "security presences in Kosovo"
   resolve to the graph missions deployed in that place, led by the organisation the words name, and active on
   the page's date (for several "presences", every such mission); of several, the one whose name shares most
   words, then the one deployed in most of the places named on the line ("UN presence in Central African
   Republic, Chad"); "a new … mission in X" is one that starts with the page, not one running long before.
   "A multinational force … in East Timor" is the non-UN operation deployed in a place the sentence names
   (`interfet`), not the UN mission beside it.
"""

from __future__ import annotations

import datetime as dt
import itertools
import re
from collections.abc import Mapping
from dataclasses import dataclass

from peacegraph.seed.extract.council.decision import MissionRef
from peacegraph.seed.extract.gazetteer import TOKEN, Entry, Gazetteer, norm_token, norm_tokens
from peacegraph.seed.extract.mentions.entities import find_entities
from peacegraph.seed.extract.nlp import english_words

# "a multinational force under a unified command structure … in East Timor": a force others lead, placed by the
# rest of its sentence
_MULTINATIONAL = re.compile(r"\b(?:[Aa]n?|[Tt]he)\s+(?:new\s+)?(?:multinational|multi-national|coalition)\s+"
                            r"(?:\w+\s+){0,2}?(?:force|presence|operation)\b", re.I)
_PLACE_TAIL = re.compile(r"^(?P<core>.+?)\s+(?:in|for|to)\s+(?:the\s+)?(?P<place>[^()]+?)\s*$", re.I)
# what a headline runs into a name: "… Support Mission for Two Weeks, Adopting Resolution 2208"
_NAME_TAIL = re.compile(r"(?:,.*|\s+(?:Adopting|Adopts|Resolution|Unanimously)\b.*|\s+\d.*)$|"
                        r"\s+(?:for|until|by)\s+(?:a\s+|an\s+|another\s+|further\s+|\w+\s+)?(?:days?|weeks?|months?|years?)\b.*$",
                        re.I)


def _trimmed(name: str) -> str:
    """A proposed name less what a headline ran into it (a period, the resolution adopted)."""
    prev = None
    while prev != name:
        prev, name = name, _NAME_TAIL.sub("", name).strip()
    return name


_NAME_STOP = frozenset({"the", "of", "in", "for", "to", "and", "a", "on"})
_LEADS = [(re.compile(r"\b(?:UN|United Nations|U\.N\.)\b"), "un"), (re.compile(r"\b(?:EU|European Union)\b"), "eu"),
          (re.compile(r"\b(?:AU|African Union)\b"), "au"), (re.compile(r"\bNATO\b"), "nato"),
          (re.compile(r"\bECOWAS\b"), "ecowas")]
_DESCRIPTION = re.compile(
    r"(?:(?:\b(?:UN|United Nations|U\.N\.|EU|European Union|AU|African Union|NATO)(?:-led)?\s+)?"
    r"(?:(?:international|civil|security|peacekeeping|observer|stabilization|stabilisation|political|and|,)\s+)*"
    r"(?i:mission|force|operation|presences?|office)\b(?:\s+(?i:in|to|for))?\s+(?:the\s+)?"
    r"(?:(?:southern|northern|eastern|western)\s+)?(?P<place>[A-Z][\w'’-]+(?:\s+(?:and\s+|of\s+(?:the\s+)?)?"
    r"[A-Z][\w'’-]+){0,4}))"
    r"|(?P<place2>\b[A-Z][\w'’-]+(?: [A-Z][\w'’-]+)?)\s+(?:[Pp]eacekeeping|[Pp]eace-keeping)\s+(?:[Mm]ission|[Ff]orce)",
)


def _with_countries(places: set[str]) -> set[str]:
    """Places with the country each region belongs to (`HRV-eastern-slavonia` -> also `HRV`)."""
    return places | {p.split("-", 1)[0] for p in places if re.match(r"^[A-Z]{3}-", p)}


@dataclass(frozen=True)
class MissionDates:
    """When a graph mission was active: valid_from inclusive, valid_to exclusive (None: open)."""

    valid_from: dt.date | None
    valid_to: dt.date | None

    def active(self, when: dt.date) -> bool:
        return (self.valid_from is None or self.valid_from <= when) and (self.valid_to is None or when < self.valid_to)


def _ocr_twin(ref: MissionRef, proposed: Mapping[str, MissionRef]) -> MissionRef:
    """The proposed operation whose acronym this one's is, but for a lower-case l read for an I ("UNOMlL")."""
    acr = ref.acronym or ""
    fixed = re.sub(r"(?<=[A-Z])l|l(?=[A-Z])", "I", acr)
    twin = proposed.get(fixed) if not ref.in_graph and fixed != acr else None
    if twin is None:
        return ref
    return MissionRef(twin.id, ref.name or twin.name, twin.acronym, False, "proposed", ref.places or twin.places,
                      ref.leads or twin.leads)


# words every operation's name has: they do not tell one from another
_GENERIC_WORDS = frozenset({"United", "Nations", "Mission", "Missions", "Office", "Force", "Forces", "Operation",
                            "Support", "Assistance", "Integrated", "Multidimensional", "Stabilization",
                            "Stabilisation", "Interim", "Peacekeeping", "Observer", "Observers", "Political", "Special",
                            "Transitional", "Verification", "Administration", "African", "Union", "European",
                            "Security", "Council", "International", "Joint", "Peace", "Monitoring", "Group", "Hybrid",
                            "Organization", "Organisation", "Protection", "Agreement", "Resolution", "Secretary",
                            "General", "This", "That", "With", "From", "Under", "Country"})
_CAPITALISED = re.compile(r"\b[A-Z][a-z]{3,}[\w-]*")


def _named_on_page(body: str, at: int, ref: MissionRef, refs: list[tuple[int, int, MissionRef]]) -> MissionRef:
    """A proposed name that describes a graph operation the page names elsewhere: "the UN Mission in the Yemeni
    port city of Hudaydah" beside "the UN Mission to Support the Hudaydah Agreement (UNMHA)" is UNMHA. The words
    of the rest of the phrase (to the sentence's end, at most 100 characters) that tell operations apart must
    be in exactly one named graph operation's name."""
    end = min([i for i in (body.find(". ", at), body.find("\n", at)) if i >= 0] or [len(body)])
    words = set(_CAPITALISED.findall(body[at:min(end, at + 100)])) - _GENERIC_WORDS
    if not words:
        return ref
    named = {r.id: r for _a, _b, r in refs if r.in_graph}
    hits = [r for r in named.values() if words & (set(_CAPITALISED.findall(r.name or "")) - _GENERIC_WORDS)]
    return hits[0] if len(hits) == 1 else ref


def _lead_of(text: str) -> str | None:
    for rx, org in _LEADS:
        if rx.search(text):
            return org
    return None


_STARTS_WITHIN = 366  # days: an operation established or authorised by a page may deploy up to a year later
_COMMON = frozenset({"mission", "force", "operation", "council", "security", "presence", "office", "united", "nations"})


class CouncilMissions:
    """Finds operations in one page's text; `when` is the period the page's date covers ([start, end), or None)."""

    def __init__(self, gaz: Gazetteer, dates: Mapping[str, MissionDates],
                 when: tuple[dt.date, dt.date] | None) -> None:
        self.gaz = gaz
        self.dates = dates
        self.when = when
        self.place_names = {norm_tokens(n): e.id for e in gaz.of_kind("place") for n in e.surfaces()}

    def _core_and_place(self, name: str) -> tuple[str, set[str]]:
        """A name less a place it ends with ("… Force in Afghanistan" -> "… Force", {AFG}); a region of a country
        ("… for Eastern Slavonia", `HRV-eastern-slavonia`) stands for its country too."""
        m = _PLACE_TAIL.match(name)
        if m:
            iso = self.place_names.get(norm_tokens(m["place"]))
            if iso:
                return m["core"], _with_countries({iso})
        return name, set()

    def _active(self, mid: str, slack_days: int = 0) -> bool:
        d = self.dates.get(mid)
        if d is None or self.when is None:
            return True
        start, end = self.when
        slack = dt.timedelta(days=slack_days)
        return (d.valid_from is None or d.valid_from - slack < end) and (d.valid_to is None or start < d.valid_to)

    def _in_force_instead(self, body: str, out: list[tuple[int, int, MissionRef]]
                          ) -> list[tuple[int, int, MissionRef]]:
        """A graph operation's name (not its acronym) said of one not running at the page's date, on a page that
        also names one that is, in the same country, means that one ("the United Nations mission in Sierra Leone"
        in 2013, beside "UNIPSIL", is UNIPSIL, not UNAMSIL)."""
        running = [r for _a, _b, r in out if r.in_graph and self._active(r.id, slack_days=_STARTS_WITHIN)]
        fixed = []
        for a, b, r in out:
            if r.in_graph and body[a:b].strip() != (r.acronym or "") and not self._active(r.id, _STARTS_WITHIN):
                alt = next((x for x in running if x.id != r.id and set(x.places) & set(r.places)), None)
                if alt is not None:
                    r = MissionRef(alt.id, alt.name, alt.acronym, True, "in force then", list(alt.places),
                                   list(alt.leads), alt.valid_from)
            fixed.append((a, b, r))
        return fixed

    def _in_place(self, places: set[str], lead: str | None, words: str = "", slack_days: int = 40,
                  around: set[str] | None = None) -> list[Entry]:
        """Graph missions deployed in one of `places`, led by `lead`, active at the page date: first the one whose
        name shares the most words with the description, then the one deployed in the most of the places named
        `around` it ("UN presence in Central African Republic, Chad": the mission in both)."""
        out = [e for e in self.gaz.of_kind("mission") if set(e.deployed_in) & places
               and (lead is None or lead in e.led_by) and self._active(e.id, slack_days=slack_days)]
        mine = set(norm_tokens(words)) - {"the", "of", "in", "to", "for", "and", "a", "on"}

        def rank(e: Entry) -> tuple[int, int, bool, str]:
            return (-len(mine & set(norm_tokens(e.name))), -len(set(e.deployed_in) & (around or set())),
                    not (e.subkind or "").startswith("un_"), e.id)

        return sorted(out, key=rank)

    def _ran_before(self, mid: str) -> bool:
        """Whether the graph's operation began well (90 days) before the page's date."""
        d = self.dates.get(mid)
        return bool(d and d.valid_from and self.when and (self.when[0] - d.valid_from).days > 90)

    def _worded(self, body: str) -> list[tuple[int, int, Entry]]:
        """Phrases holding every word of a graph operation's name or alias (at least three, less "United
        Nations" and small words), close together in one sentence, for an operation active at the page date or
        starting within a year of it: "a support group of 180 civilian police monitors" is the United Nations
        Civilian Police Support Group, "integrated UN office in Burundi" the United Nations Integrated Office in
        Burundi. Of overlapping ones, the name with the most words, then the tightest."""
        text = body.replace("-", " ").replace("’", "'")
        toks = [(m.start(), m.end(), norm_token(m.group(0))) for m in TOKEN.finditer(text)]
        found: list[tuple[int, int, int, Entry]] = []
        for e in self.gaz.of_kind("mission"):
            if not self._active(e.id, slack_days=_STARTS_WITHIN):
                continue
            for name in {e.name, *e.aliases}:
                want = set(norm_tokens(name)) - _NAME_STOP - {"un", "united", "nations"}
                if len(want) < 3 or want <= _COMMON:
                    continue
                at = [i for i, t in enumerate(toks) if t[2] in want]
                for j, i in enumerate(at):
                    seen: set[str] = set()
                    for k in at[j:]:
                        if k - i >= len(want) + 3:
                            break
                        seen.add(toks[k][2])
                        if seen == want:
                            a, b = toks[i][0], toks[k][1]
                            if not re.search(r"\.\s|\n", body[a:b]):
                                found.append((-len(want), b - a, a, e))
                            break
        out: list[tuple[int, int, Entry]] = []
        for _n, length, a, e in sorted(found, key=lambda f: (f[0], f[1], f[2])):
            if not any(x < a + length and a < y for x, y, _ in out):
                out.append((a, a + length, e))
        return sorted(out, key=lambda r: r[0])

    def _resolve_new(self, entry: Entry, places: set[str]) -> Entry | None:
        acr = (entry.acronym or "").upper()
        if not acr:
            return None
        cands = [e for e in self.gaz.of_kind("mission") if e.acronym and e.acronym.upper().split()[0] == acr
                 and self._active(e.id, slack_days=_STARTS_WITHIN)]
        if places:
            cands = [e for e in cands if set(e.deployed_in) & places] or ([] if len(cands) > 1 else cands)
        return cands[0] if len(cands) == 1 else None

    def _by_name(self, name: str, places: set[str] | None = None) -> Entry | None:
        """The one active graph mission whose name (or an alias) holds every word of `name` (at least three words,
        or two and the place the name ends with, where the mission must be deployed); of several, the one
        deployed in a place named near the mention, then the one with the fewest other words. An operation the
        page authorises may start later (up to a year after the page date)."""
        core, named = self._core_and_place(name)
        mine = set(norm_tokens(core)) - _NAME_STOP
        if len(mine) < (2 if named else 3):
            return None

        def extra(e: Entry) -> int | None:
            fits = [len(set(norm_tokens(n)) - _NAME_STOP - mine) for n in [e.name, *e.aliases]
                    if mine <= set(norm_tokens(n))]
            return min(fits) if fits else None

        cands = [e for e in self.gaz.of_kind("mission") if extra(e) is not None
                 and self._active(e.id, slack_days=_STARTS_WITHIN) and (not named or set(e.deployed_in) & named)]
        if len(cands) > 1 and places:
            cands = [e for e in cands if set(e.deployed_in) & places] or cands
        if len(cands) > 1:
            least = min(extra(e) or 0 for e in cands)
            cands = [e for e in cands if (extra(e) or 0) == least]
        return cands[0] if len(cands) == 1 else None

    def _misspelt(self, body: str, out: list[tuple[int, int, MissionRef]],
                  places: list[tuple[int, int, str]]) -> list[tuple[int, int, MissionRef]]:
        """An acronym one letter off a graph operation's that was not running at the page's date ("MONUA" is not
        MONUC, which began months later) is an operation of its own: proposed, with the name the page gives it."""
        gone = {r.id for _a, _b, r in out if r.how.startswith("misspelling-of:") and self.when
                and not self._active(r.id, slack_days=40)}
        if not gone:
            return out
        new: dict[str, MissionRef] = {}
        for mid in gone:
            mine = [(a, b) for a, b, r in out if r.id == mid and r.how.startswith("misspelling-of:")]
            acrs = {body[a:b] for a, b in mine if re.fullmatch(r"[A-Z]{3,}", body[a:b])}
            if len(acrs) != 1:
                continue
            acr = acrs.pop()
            names = sorted((body[a:b] for a, b in mine if not body[a:b].isupper()), key=len, reverse=True)
            name = names[0] if names else acr
            at = mine[0][0]
            near = sorted({p for x, _y, p in places if abs(x - at) < 200})
            lead = _lead_of(name)
            new[mid] = MissionRef(acr.lower(), name, acr, False, "proposed", near, [lead] if lead else [])
        return [(a, b, new[r.id]) if r.id in new and r.how.startswith("misspelling-of:") else (a, b, r)
                for a, b, r in out]

    def find(self, body: str) -> list[tuple[int, int, MissionRef]]:
        """Every operation reference in the body, in text order."""
        ents = find_entities(body, self.gaz)
        places = [(m.start, m.end, m.id) for m in ents.mentions if m.kind == "place" and m.id]
        out: list[tuple[int, int, MissionRef]] = []
        for m in ents.mentions:
            if m.kind != "mission" or not m.id:
                continue
            near = {p for a, _b, p in places if abs(a - m.start) < 200}
            entry = self.gaz.get("mission", m.id)
            if entry is not None:
                out.append((m.start, m.end, MissionRef(m.id, entry.name, entry.acronym, True, m.method,
                                                       list(entry.deployed_in), list(entry.led_by))))
                continue
            new = ents.new.get(("mission", m.id))
            if new is None:
                continue
            if (new.name or "").lower() in _COMMON or (new.acronym or "").lower() in _COMMON:
                continue
            said = body[m.start:m.end]
            if said.isupper() and " " not in said.strip() and said.lower() in english_words():
                continue  # "UNTIL" in a headline in capitals is a word, not an acronym
            hit = self._resolve_new(new, near | set(new.deployed_in)) or self._by_name(new.name, near) or \
                self._by_name(_trimmed(new.name), near)
            if hit is None and not new.acronym and new.deployed_in:
                by_place = self._in_place(set(new.deployed_in), new.led_by[0] if new.led_by else None, new.name)
                hit = by_place[0] if by_place else None
            if hit is not None:
                out.append((m.start, m.end, MissionRef(hit.id, hit.name, new.acronym, True, "acronym+place",
                                                       list(hit.deployed_in), list(hit.led_by))))
            else:
                out.append((m.start, m.end, MissionRef(m.id, new.name, new.acronym, False, "proposed",
                                                       list(new.deployed_in) or sorted(near), list(new.led_by))))
        out = self._misspelt(body, out, places)
        resolved = {r.acronym: r for _a, _b, r in out if r.in_graph and r.how == "acronym+place" and r.acronym}
        for _a, _b, r in out:
            if r.in_graph and r.id in self.dates:
                r.valid_from = self.dates[r.id].valid_from
        out = [(a, b, resolved.get(r.acronym or "", r) if not r.in_graph else r) for a, b, r in out]
        # "United Nations Mission in the Sudan (UNMIS)": the page defines the proposed name as a graph operation
        defined: dict[str, MissionRef] = {}
        for (_a, b, r), (a2, _b2, r2) in itertools.pairwise(sorted(out, key=lambda x: x[0])):
            if not r.in_graph and re.fullmatch(r"\s*\(\s*", body[b:a2]):
                if r2.in_graph:
                    defined.setdefault(r.id, r2)
                elif r2.acronym and r2.id != r.id:  # a new name and its new acronym: one proposed operation
                    lead = _lead_of(r.name or "")
                    merged = MissionRef(r2.id, r.name, r2.acronym, False, "proposed", r.places or r2.places,
                                        r.leads or r2.leads or ([lead] if lead else []))
                    defined.setdefault(r.id, merged)
                    defined.setdefault(r2.id, merged)
        out = [(a, b, defined.get(r.id, r) if not r.in_graph else r) for a, b, r in out]
        out = [(a, b, _named_on_page(body, a, r, out) if not r.in_graph and not r.acronym else r) for a, b, r in out]
        # "Observer Mission in Liberia (UNOMlL)" beside "UNOMIL" later: a scanned page's l for I in a proposed
        # acronym is the same operation, under the spelling that has no such l
        proposed = {r.acronym: r for _a, _b, r in out if not r.in_graph and r.acronym}
        out = [(a, b, _ocr_twin(r, proposed)) for a, b, r in out]
        for a, b, e in self._worded(body):
            over = [r for r in out if r[0] < b and a < r[1]]
            # a proposed name, or a graph name for an operation not running then, inside a graph operation's words
            if any(r[2].in_graph and (r[2].id == e.id or self._active(r[2].id, slack_days=_STARTS_WITHIN))
                   for r in over):
                continue
            out = [r for r in out if r not in over]
            out.append((a, b, MissionRef(e.id, e.name, e.acronym, True, "name words", list(e.deployed_in),
                                         list(e.led_by), self.dates[e.id].valid_from if e.id in self.dates else None)))
        out = self._in_force_instead(body, out)
        out.sort(key=lambda r: r[0])
        taken = [(a, b) for a, b, _ in out]
        for d in _DESCRIPTION.finditer(body):
            a, b = d.start(), d.end()
            if any(x < b and a < y for x, y in taken):
                continue
            where = {p for x, y, p in places if a <= x < b + 2}
            if not where:
                continue
            lead = _lead_of(d.group(0)) or _lead_of(body[max(0, a - 30):a])  # "the African Union (AU) peacekeeping mission"
            line = (body.rfind("\n", 0, a) + 1, body.find("\n", b) % (len(body) + 1))
            around = {p for x, _y, p in places if line[0] <= x < line[1]}
            cands = self._in_place(where, lead, d.group(0), around=around)
            if re.search(r"\bnew\b", body[max(0, a - 30):b], re.I):
                # "a new political mission in Sudan": one that starts with the page, not one running before it
                fresh = [e for e in self._in_place(where, lead, d.group(0), _STARTS_WITHIN, around)
                         if not self._ran_before(e.id)]
                cands = fresh or cands
            for e in cands[: (3 if re.search(r"presences", d.group(0)) else 1)]:
                out.append((a, b, MissionRef(e.id, e.name, e.acronym, True, "description+place",
                                             list(e.deployed_in), list(e.led_by),
                                             self.dates[e.id].valid_from if e.id in self.dates else None)))
                taken.append((a, b))
        for d in _MULTINATIONAL.finditer(body):
            a, b = d.start(), d.end()
            if any(x < b and a < y for x, y in taken):
                continue
            stop = min([i for i in (body.find(". ", b), body.find("\n", b)) if i >= 0] or [len(body)])
            where = {p for x, _y, p in places if b <= x < min(stop, b + 250)}
            lead = _lead_of(body[max(0, a - 30):b])
            found = [e for e in self._in_place(where, lead, d.group(0), slack_days=_STARTS_WITHIN)
                     if "un" not in e.led_by] if where else []
            if found:
                e = found[0]
                out.append((a, b, MissionRef(e.id, e.name, e.acronym, True, "description+place", list(e.deployed_in),
                                             list(e.led_by), self.dates[e.id].valid_from if e.id in self.dates
                                             else None)))
        return sorted(out, key=lambda r: r[0])
