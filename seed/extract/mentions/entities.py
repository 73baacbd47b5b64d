"""Organisations, missions and places: gazetteer matches plus general patterns for names the graph lacks.

Order of work on one document:
1. definitions `Full Name (ACRONYM)` and glossary lines `ACRONYM Full Name` teach document-local aliases (or
   propose a new entity when neither side is known and the name's head word says what it is);
2. mission names built from general patterns: `<organisation|Multinational|Joint…> … Mission|Operation|Force…
   [in <place>]`, `Operation <Name>`, and descriptions `EU training mission in Mali`;
3. a longest-match scan of the token stream against the gazetteer (graph + document-local);
4. unknown all-caps tokens: a one-edit misspelling of a known acronym resolves to it; one that looks like a
   mission (UN…/MI…/EU…/AU… near "mission"/"operation"/"force") is proposed as a new mission.
"""

from __future__ import annotations

import bisect
import itertools
import re
from collections import Counter
from dataclasses import dataclass, field

from peacegraph.seed.extract.gazetteer import Entry, Gazetteer, is_acronym, norm_tokens
from peacegraph.seed.extract.mentions.base import Mention, Token, tokens

CONNECTORS = {"of", "for", "and", "on", "the", "in", "de", "du", "la", "des", "to", "d"}
NAME_CONNECTORS = {"of", "for", "and", "on", "the", "de", "du", "la", "des", "d"}
MISSION_HEADS = {"mission", "missions", "operation", "force", "brigade", "administration"}
HEAD_AFTER = {"group": {"assistance", "observer", "monitoring", "verification"},
              "office": {"support"}, "organization": {"supervision"}}
MISSION_LEADS = {"multinational", "international", "joint", "regional", "hybrid", "interim"}
BLOCK = {"department", "committee", "council", "panel", "program", "implementation", "working", "commission",
         "division", "service", "policy", "directorate", "secretariat", "assembly", "unit", "fund", "agency",
         "peacekeeping", "field", "special", "operations", "office", "executive", "bureau", "team", "training",
         "standby", "system", "planning", "process", "steering", "drug", "interdiction"}
ORG_HEADS = {"department", "office", "program", "fund", "agency", "council", "committee", "commission", "union",
             "organization", "community", "conference", "bank", "panel", "service", "division",
             "directorate", "assembly", "court", "league", "association", "group",
             "team", "alliance", "mechanism"}
GOVERNMENT = {"federal", "foreign", "ministry", "defence", "defense", "commonwealth", "interior", "embassy",
              "prisons", "probation", "state", "national", "royal", "parliament", "parliamentary", "cabinet"}
GENERIC_MISSION_WORDS = {"integrated", "joint", "peacekeeping", "political", "special", "new", "multidimensional",
                         "peace", "observer", "support", "field", "civilian", "military", "police", "hybrid"}
ROLE_WORDS = {"head", "chair", "chairman", "chairperson", "director", "deputy", "secretary", "president",
              "chief", "representative", "envoy", "minister", "ambassador", "adviser", "advisor", "member", "members",
              "commander", "coordinator", "spokesperson", "officer", "general", "staff", "states", "part",
              "report", "reports", "work", "meeting", "session", "role", "mandate", "delegation", "mission", "permanent"}
SENTENCE_OPENERS = {"in", "on", "at", "as", "for", "by", "with", "from", "since", "during", "after", "before", "when",
                    "while", "under", "through", "although", "but", "if", "both", "all", "some", "many", "its",
                    "his", "her", "their", "our", "this", "that", "these", "those", "a", "an", "new", "recent"}
TITLE_BLOCK = {"institute", "journal", "university", "center", "foundation", "school", "college", "academy",
               "review", "quarterly", "studies", "press", "times", "post", "society", "council"}
MONTHS = {"january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
          "november", "december"}
TAIL_HEADS = {"department", "office", "committee", "group", "panel", "commission", "conference", "organization",
              "community", "council", "league", "association", "agency", "authority", "program", "fund", "court",
              "team", "force"}
_COMMITTEE_TAIL = re.compile(r"\s+established pursuant to resolutions? \d{3,4}(?: \(\d{4}\))?(?: concerning [a-z][a-z -]+?)?(?=[,.;)]| and )")
NOT_ORG = {"institute", "center", "university", "foundation", "forum", "initiative", "network", "survey",
           "dialogue", "project", "school", "academy", "college", "ministry", "government", "army",
           "party", "movement", "front", "agreement", "declaration", "strategy", "plan",
           "framework", "charter", "resolution", "statement", "doctrine", "guidelines", "cross", "crescent"}
UN_LEADS = {"un", "united"}
INTERNAL_FORUM = {"management", "steering"}
INTERNAL_HEADS = {"group", "team", "committee", "board"}
DESC_GENERIC = {"peacekeeping", "peace", "new", "current", "first", "second", "same", "former", "existing",
                "original", "parallel", "its", "their", "a", "an", "the", "this", "that", "future", "large",
                "small", "possible", "proposed", "planned", "hybrid"}
MISSIONISH = re.compile(r"^(?:MI|MONU|MINU|ONU|UNM|UNAM|UNOM|UNIF|UNIS|UNO[A-Z]|UNP|UNT|UNS|UNPRE|AMI|EUFOR|EUTM|"
                        r"EUCAP|EUPOL|EULEX|EUNAV|EUBAM|EUPM|EUSEC|KFOR|SFOR|IFOR|ISAF)[A-Z]{1,8}$"
                        r"|^(?:EUFOR|EUNAVFOR|EUTM|EUCAP|EUPOL|EULEX|EUBAM|EUPM|EUSEC|KFOR|SFOR|IFOR)$")
_AFFILIATION = re.compile(r"\b(?:Head|Chief|Director|Ambassador|Counsellor|Minister|Attaché|Delegate|Secretary),\s+"
                          r"(?:the\s+)?$")
DETERMINERS = {"a", "an", "the", "its", "their", "this", "that", "his", "her", "our"}
DEPLOY_VERBS = {"deployed", "sent", "dispatched", "launched", "established", "fielded"}
_SENT_BOUNDARY = re.compile(r"[.!?][\"')\]]*\s+(?=[\"'(\[]?[A-Z0-9])|\n\s*\n")
CUE_WORDS = {"mission", "missions", "operation", "operations", "force", "forces", "peacekeeping", "deployed",
             "deployment", "peacekeepers", "troops", "mandate"}


def _slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")[:60].strip("-") or "x"


def _initials(toks: list[Token]) -> list[str]:
    out = []
    for t in toks:
        if t.norm == "un" and t.text.lower().startswith("united"):
            out += ["u", "n"]
        elif t.norm not in NAME_CONNECTORS:
            out.append(t.text[0].lower())
    return out


def _acronym_score(acronym: str, toks: list[Token]) -> float:
    letters = [c.lower() for c in acronym if c.isalpha()]
    if not letters:
        return 0.0
    pool = Counter(_initials(toks))
    hit = 0
    for c in letters:
        if pool[c] > 0:
            pool[c] -= 1
            hit += 1
    return hit / len(letters)


def damerau1(a: str, b: str) -> bool:
    """True when a and b differ by exactly one edit (insert, delete, substitute, swap of neighbours)."""
    if a == b or abs(len(a) - len(b)) > 1:
        return False
    if len(a) == len(b):
        diff = [i for i in range(len(a)) if a[i] != b[i]]
        if len(diff) == 1:
            return True
        return len(diff) == 2 and diff[1] == diff[0] + 1 and a[diff[0]] == b[diff[1]] and a[diff[1]] == b[diff[0]]
    s, t = (a, b) if len(a) < len(b) else (b, a)
    return any(t[:i] + t[i + 1:] == s for i in range(len(t)))


@dataclass
class DocGazetteer:
    """The graph's gazetteer plus what one document teaches: local aliases and proposed new entities."""

    gaz: Gazetteer
    names: dict[tuple[str, ...], set[tuple[str, str]]] = field(default_factory=dict)
    exact: dict[str, set[tuple[str, str]]] = field(default_factory=dict)
    new: dict[tuple[str, str], Entry] = field(default_factory=dict)

    def lookup_names(self, key: tuple[str, ...]) -> set[tuple[str, str]]:
        return self.names.get(key) or self.gaz.names.get(key) or set()

    def lookup_exact(self, text: str) -> set[tuple[str, str]]:
        return self.exact.get(text) or self.gaz.exact.get(text) or set()

    def entry(self, key: tuple[str, str]) -> Entry | None:
        return self.new.get(key) or self.gaz.entries.get(key)

    def teach(self, surface: str, key: tuple[str, str]) -> None:
        if is_acronym(surface):
            self.exact.setdefault(surface, set()).add(key)
        toks = norm_tokens(surface)
        if len(toks) > 1 or not is_acronym(surface):
            self.names.setdefault(toks, set()).add(key)

    def propose(self, kind: str, name: str, acronym: str | None, surface_key: str, **extra: object) -> tuple[str, str]:
        id_ = acronym.lower() if acronym else _slug(name)
        key = (kind, id_)
        if self.gaz.entries.get(key) or self.gaz.entries.get(("organization" if kind == "mission" else "mission", id_)):
            id_ = f"{id_}-{_slug(name)[:30]}"
            key = (kind, id_)
        if key not in self.new:
            entry = Entry(kind, id_, name, acronym=acronym, in_graph=False)
            for k, v in extra.items():
                setattr(entry, k, v)
            self.new[key] = entry
        self.teach(name, key)
        if acronym:
            self.teach(acronym, key)
        return key


class EntityFinder:
    def __init__(self, text: str, gaz: Gazetteer, doc: DocGazetteer | None = None) -> None:
        self.text = text
        self.toks = tokens(text)
        self.starts = [t.start for t in self.toks]
        self.doc = doc or DocGazetteer(gaz)
        self.mentions: list[Mention] = []
        self.taken: list[tuple[int, int]] = []
        self.org_leads = {k for k in gaz.names if any(x[0] == "organization" for x in gaz.names[k])}
        self.max_len = gaz.max_len
        self.missions = gaz.of_kind("mission")
        self.leaders = {o for e in self.missions for o in e.led_by}

    # helpers ---------------------------------------------------------------------------------------------
    def _gap_ok(self, a: Token, b: Token, allow_comma: bool = False) -> bool:
        gap = self.text[a.end:b.start]
        if not gap.strip() or gap.strip() in {"-", "'", "'s", "–"}:
            return "\n" not in gap
        return allow_comma and gap.strip() == "," and "\n" not in gap

    def _cap(self, t: Token) -> bool:
        return t.text[:1].isupper() or t.text[:1].isdigit()

    def _chunk_back(self, j: int, limit: int = 16) -> int:
        """Index of the first token of the capitalised chunk ending at token j."""
        s = j
        while s - 1 >= 0 and j - s < limit:
            prev = self.toks[s - 1]
            if not self._gap_ok(prev, self.toks[s], allow_comma=True):
                break
            hyphen = self.text[prev.end:self.toks[s].start] == "-"
            if self._cap(prev) or prev.norm in NAME_CONNECTORS or hyphen:
                s -= 1
            else:
                break
        while s < j and self.toks[s].norm in NAME_CONNECTORS:
            s += 1
        return s

    def _kind_of(self, toks: list[Token]) -> str | None:
        words = [t.norm for t in toks]
        if any(w in NOT_ORG for w in words):
            return None
        for i, w in enumerate(words):
            if w in MISSION_HEADS and i + 1 < len(words) and words[i + 1] not in CONNECTORS \
                    and not (w == "operation" and i == 0):
                continue  # `Integrated Mission Planning Process`: the head word only modifies what follows
            if w in MISSION_HEADS and not any(b in words[:i] for b in BLOCK - {"training"}):
                if w == "force" and i > 0 and words[i - 1] == "task" and not {"multinational", "combined"} & set(words):
                    return "organization"
                return "mission"
            if w == "force":
                return "organization"
            if w in HEAD_AFTER and i > 0 and words[i - 1] in HEAD_AFTER[w]:
                return "mission"
        if any(w in ORG_HEADS for w in words):
            return "organization"
        return None

    def _known(self, toks: list[Token]) -> set[tuple[str, str]]:
        return {k for k in self.doc.lookup_names(tuple(t.norm for t in toks)) if k[0] != "place"}

    def _free(self, a: int, b: int) -> bool:
        i = bisect.bisect_right(self.taken, (a, 10**12)) - 1
        if i >= 0 and self.taken[i][1] > a:
            return False
        return not (i + 1 < len(self.taken) and self.taken[i + 1][0] < b)

    def _take(self, a: int, b: int) -> None:
        bisect.insort(self.taken, (a, b))

    def _add(self, kind: str, a: int, b: int, id_: str, method: str, conf: float, new: bool = False,
             **data: object) -> None:
        self.mentions.append(Mention(kind, a, b, self.text[a:b], id_, method, conf, new, dict(data)))

    # 1. definitions ----------------------------------------------------------------------------------------
    def definitions(self) -> None:
        for m in re.finditer(r"\(([A-Z][A-Za-z0-9\-]*[A-Z0-9])[),;]", self.text):
            acr = m.group(1)
            if not is_acronym(acr) or len(acr) > 12:
                continue
            j = bisect.bisect_left(self.starts, m.start()) - 1
            if j < 0:
                continue
            s = self._chunk_back(j)
            chunk = self.toks[s:j + 1]
            self._learn(acr, chunk, 0.6, "definition")
        # glossary lines: "ACRONYM Full Name" as a short paragraph of its own
        for m in re.finditer(r"(?m)^([A-Z][A-Za-z]*[A-Z])[ ]+([A-Z][^\n.;]{3,140})$", self.text):
            if not is_acronym(m.group(1)):
                continue
            a = bisect.bisect_left(self.starts, m.start(2))
            b = bisect.bisect_left(self.starts, m.end(2))
            self._learn(m.group(1), self.toks[a:b], 0.7, "glossary")

    def _learn(self, acr: str, chunk: list[Token], threshold: float, how: str) -> None:
        if len(chunk) < 2:
            return
        score = _acronym_score(acr, chunk)
        if score < threshold or _initials(chunk)[:1] == [] or acr[0].lower() not in _initials(chunk):
            return
        while len(chunk) > 2:
            trimmed = chunk[1:]
            while len(trimmed) > 2 and trimmed[0].norm in NAME_CONNECTORS:
                trimmed = trimmed[1:]
            if _acronym_score(acr, trimmed) >= score:
                chunk = trimmed
            else:
                break
        name = self.text[chunk[0].start:chunk[-1].end]
        by_acr = {k for k in self.doc.lookup_exact(acr) if k[0] != "place"}
        by_name = self._known(chunk)
        if by_acr and not by_name:
            for key in by_acr:
                self.doc.teach(name, key)
        elif by_name and not by_acr:
            for key in by_name:
                self.doc.teach(acr, key)
        elif not by_name and not by_acr:
            kind = self._kind_of(chunk)
            if kind is None:
                return
            if kind == "organization" and not self._igo_like(chunk):
                return
            self.doc.propose(kind, name, acr, how)

    def _igo_like(self, chunk: list[Token]) -> bool:
        """A new organisation is proposed only when its name ties it to a known intergovernmental body."""
        words = [t.norm for t in chunk]
        if words[0] in UN_LEADS or "un" in words[:3]:
            return True
        for i in range(len(chunk)):
            for n in range(min(6, len(chunk) - i), 0, -1):
                if any(k[0] == "organization" for k in self.doc.lookup_names(tuple(words[i:i + n]))):
                    return True
        return False

    # 2. mission-name patterns --------------------------------------------------------------------------------
    def mission_patterns(self) -> None:
        toks = self.toks
        for i, t in enumerate(toks):
            head = t.norm in MISSION_HEADS or (t.norm in HEAD_AFTER and i > 0 and toks[i - 1].norm in HEAD_AFTER[t.norm])
            if not head:
                continue
            if not self._cap(t):
                self._description(i)
                continue
            s = self._chunk_back(i - 1, 12) if i > 0 and self._gap_ok(toks[i - 1], t) else i
            start = self._lead_start(s, i)
            if start is None:
                if t.norm == "operation" and i + 1 < len(toks) and self._cap(toks[i + 1]) \
                        and toks[i + 1].norm not in CONNECTORS and self._gap_ok(t, toks[i + 1]) \
                        and (i == 0 or not self._cap(toks[i - 1])) and toks[i + 1].text.isalpha() \
                        and not toks[i + 1].text.isupper():
                    self._mission_span(i, i + 1, "pattern:operation-name", 0.7, lead=None)
                continue
            end = self._tail(i)
            words = [x.norm for x in toks[start:i + 1]]
            if t.norm == "missions" or (t.norm == "force" and words[-2:-1] == ["task"]
                                        and not {"multinational", "combined"} & set(words)):
                continue
            lead_len = next((n for n in range(min(8, i - start), 0, -1)
                             if tuple(words[:n]) in self.org_leads), 1)
            modifiers = [w for w in words[lead_len:-1] if w not in NAME_CONNECTORS]
            if end == i and not [w for w in modifiers if w not in GENERIC_MISSION_WORDS]:
                continue
            self._mission_span(start, end, "pattern:mission-name", 0.75, lead=start)

    def _lead_start(self, s: int, i: int) -> int | None:
        toks = self.toks
        for k in range(s, i):
            words = [x.norm for x in toks[k:i]]
            if any(w in BLOCK for w in words[1:]):
                continue
            if toks[k].norm in MISSION_LEADS or toks[k].norm == "un":
                return k
            for n in range(min(8, i - k), 0, -1):
                key = tuple(words[:n])
                if key in self.org_leads or any(x[0] == "organization" for x in self.doc.lookup_exact(toks[k].text)):
                    return k
        return None

    def _place_at(self, j: int) -> int | None:
        """End index (exclusive) of the longest place name starting at token j."""
        for n in range(min(self.max_len, len(self.toks) - j), 0, -1):
            seg = self.toks[j:j + n]
            if n > 1 and not all(self._gap_ok(a, b) for a, b in itertools.pairwise(seg)):
                continue
            keys = self.doc.lookup_names(tuple(x.norm for x in seg)) if n > 1 or seg[0].norm == "un" \
                else self.doc.lookup_exact(seg[0].text)
            if any(k[0] == "place" for k in keys):
                return j + n
        return None

    def _tail(self, i: int) -> int:
        """Index of the last token of a mission name whose head is token i (adds `in <place>`)."""
        toks = self.toks
        j = i + 1
        if j < len(toks) and toks[j].norm in {"in", "for", "to", "of"} and self._gap_ok(toks[i], toks[j]):
            k = j + 1
            if k < len(toks) and toks[k].norm == "the":
                k += 1
            if k < len(toks) and self._cap(toks[k]) and self._gap_ok(toks[k - 1], toks[k]):
                end = self._place_at(k)
                if end is not None:
                    if end + 1 < len(toks) and toks[end].norm == "and" and self._gap_ok(toks[end - 1], toks[end]):
                        end2 = self._place_at(end + 1)
                        if end2 is not None:
                            end = end2
                    return end - 1
                e = k
                while e + 1 < len(toks) and e - k < 8 and self._gap_ok(toks[e], toks[e + 1], allow_comma=True) and (
                        self._cap(toks[e + 1]) or (toks[e + 1].norm in {"of", "the", "and"} and e + 2 < len(toks)
                                                   and self._cap(toks[e + 2]))):
                    e += 1
                while toks[e].norm in CONNECTORS:
                    e -= 1
                return e
        return i

    def _lead_org(self, s: int, e: int) -> None:
        """The organisation that opens a mission name (`African Union Mission …`) is a mention too."""
        toks = self.toks
        for n in range(min(8, e - s), 0, -1):
            seg = toks[s:s + n]
            keys = self.doc.lookup_names(tuple(x.norm for x in seg)) if n > 1 or seg[0].norm == "un" \
                else self.doc.lookup_exact(seg[0].text)
            orgs = sorted(k for k in keys if k[0] == "organization")
            if orgs:
                self._add("organization", seg[0].start, seg[-1].end, orgs[0][1], "gazetteer:mission-lead", 0.8)
                return

    def _mission_span(self, s: int, e: int, method: str, conf: float, lead: int | None) -> None:
        toks = self.toks
        a, b = toks[s].start, toks[e].end
        if not self._free(a, b):
            return
        if lead is not None:
            self._lead_org(s, e)
        seg = toks[s:e + 1]
        known = {k for k in self._known(seg) if k[0] == "mission"}
        if not known and any(k[0] == "organization" for j in range(len(seg) - 1) for k in self._known(seg[j:])):
            return  # "UN's Peacebuilding Support Office": a known organisation, not a mission
        # a name followed by (ACRONYM) was handled by definitions; look the acronym up too
        after = re.match(r"\s*\(([A-Z][A-Za-z0-9\-]*[A-Z0-9])\)", self.text[b:b + 20])
        if not known and after:
            known = {k for k in self.doc.lookup_exact(after.group(1)) if k[0] == "mission"}
        if known:
            key = sorted(known)[0]
            self._take(a, b)
            self._add("mission", a, b, key[1], "gazetteer+" + method, min(1.0, conf + 0.2),
                      new=key in self.doc.new)
            return
        name = self.text[a:b]
        if _AFFILIATION.search(self.text[max(0, a - 40):a]):
            conf = min(conf, 0.45)  # "Head, Arab League Mission in France": a person's post, likely a diplomatic mission
        key = self.doc.propose("mission", name, after.group(1) if after else None, method)
        self._take(a, b)
        self._add("mission", a, b, key[1], method, conf, new=True)

    def _description(self, i: int) -> None:
        """A mission described rather than named, resolved to the graph's one mission that fits.

        `EU training mission in Mali` (organisation, modifiers, head, place); `the UN sent a parallel police
        mission` / `the EU deployed a military force` (organisation as the subject of a deployment verb, place from
        the same sentence); `a civilian advisory … mission in Niger` (organisation from the same or the previous
        sentence). Resolution needs exactly one graph mission led by that organisation in that place, or - with no
        place - one whose name holds every specific modifier (`regional maritime capacity-building mission`).
        Only the first pattern proposes a new mission when nothing fits.
        """
        toks = self.toks
        k = i - 1
        while k >= 0 and i - k <= 6 and toks[k].text.isalpha() and not self._cap(toks[k]) \
                and toks[k].norm not in DETERMINERS and self._gap_ok(toks[k], toks[k + 1]):
            k -= 1
        modifiers = [x.norm for x in toks[k + 1:i] if x.norm not in NAME_CONNECTORS]
        specific = [w for w in modifiers if w not in DESC_GENERIC and w not in GENERIC_MISSION_WORDS]
        if k < 0:
            return
        org_key, org_start, how = None, None, ""
        found = self._org_ending_at(k)
        if found is not None and self._gap_ok(toks[k], toks[k + 1]):
            org_key, org_start, how = found[0], found[1], "direct"
        elif toks[k].norm in {"a", "an"}:
            v = k - 1
            if v >= 0 and toks[v].norm in DEPLOY_VERBS:
                u = v - 1 - (v - 1 >= 0 and toks[v - 1].norm in {"has", "had", "have"})
                found = self._org_ending_at(u) if u >= 0 else None
                if found is not None:
                    org_key, org_start, how = found[0], toks[k + 1].start, "subject"
            if org_key is None and specific:
                org_key = self._context_org(toks[k].start)
                org_start, how = toks[k + 1].start, "context"
        if org_key is None or org_start is None:
            return
        end_tok, places, elsewhere = i + 1, set(), False
        if i + 2 < len(toks) and toks[i + 1].norm in {"in", "to"} and self._gap_ok(toks[i], toks[i + 1]):
            p = i + 2 + (toks[i + 2].norm == "the")
            end = self._place_at(p) if p < len(toks) else None
            if end is not None:
                places = self._places_in(p, end)
                end_tok = end
            elif p < len(toks) and self._cap(toks[p]):
                elsewhere = True  # "… mission in the Horn of Africa": a place the gazetteer does not hold
                e = p
                while e + 1 < len(toks) and e - p < 5 and self._gap_ok(toks[e], toks[e + 1]) and (
                        self._cap(toks[e + 1]) or (toks[e + 1].norm in {"of", "the"} and e + 2 < len(toks)
                                                   and self._cap(toks[e + 2]))):
                    e += 1
                end_tok = e + 1  # the description keeps the location it names
        explicit = bool(places)
        if not places and not elsewhere:
            places = self._sentence_places(toks[i].start)
        # a known place stays a mention of its own ("… training mission in Niger")
        a, b = org_start, (toks[i].end if explicit else toks[end_tok - 1].end)
        if not self._free(a, b):
            return
        led = [e for e in self.missions if org_key[1] in e.led_by]
        by_name = [e for e in led if all(w in norm_tokens(" ".join(e.surfaces())) for w in specific)] \
            if len(specific) >= 2 else []
        if len(by_name) == 1:
            cands = by_name
        elif places:
            cands = [e for e in led if places & set(e.deployed_in)]
            if len(cands) > 1 and modifiers:
                cands = [e for e in cands if all(w in norm_tokens(" ".join(e.surfaces())) for w in modifiers)] or cands
            if not explicit and len(specific) >= 2 and len(cands) == 1 and not all(
                    w in norm_tokens(" ".join(cands[0].surfaces())) for w in specific[:1]):
                cands = []  # a specific description that the one mission in a place named nearby does not fit
        else:
            cands = []
        if len(cands) == 1:
            self._take(a, b)
            conf = 0.55 if how == "direct" else 0.5
            self._add("mission", a, b, cands[0].id, f"pattern:mission-description:{how}", conf)
            return
        if how == "direct" and explicit and not cands and modifiers and not set(modifiers) & DESC_GENERIC:
            name = self.text[a:b]
            key = self.doc.propose("mission", name, None, "description", led_by=[org_key[1]], deployed_in=sorted(places))
            self._take(a, b)
            self._add("mission", a, b, key[1], "pattern:mission-description", 0.45, new=True)

    def _org_ending_at(self, k: int) -> tuple[tuple[str, str], int] | None:
        """The organisation whose name ends at token k (`EU`, `UN`, `Arab League`), with its start offset."""
        toks = self.toks
        for n in range(min(6, k + 1), 0, -1):
            seg = toks[k - n + 1:k + 1]
            if n > 1:
                if not all(self._gap_ok(x, y) for x, y in itertools.pairwise(seg)) or not self._cap(seg[0]):
                    continue
                keys = self.doc.lookup_names(tuple(x.norm for x in seg))
            elif seg[0].norm == "un":
                keys = self.doc.lookup_names(("un",))
            else:
                keys = self.doc.lookup_exact(seg[0].text)
            orgs = sorted(x for x in keys if x[0] == "organization")
            if orgs:
                return orgs[0], seg[0].start
        return None

    def _sentence_span(self, offset: int) -> tuple[int, int]:
        text = self.text
        lo = max(0, offset - 600)
        starts = [m.end() for m in _SENT_BOUNDARY.finditer(text, lo, offset)]
        start = starts[-1] if starts else lo
        m = _SENT_BOUNDARY.search(text, offset, min(len(text), offset + 600))
        return start, (m.start() + 1 if m else min(len(text), offset + 600))

    def _places_in(self, p: int, end: int) -> set[str]:
        toks = self.toks
        keys = self.doc.lookup_names(tuple(x.norm for x in toks[p:end])) if end - p > 1 or toks[p].norm == "un" \
            else self.doc.lookup_exact(toks[p].text)
        return {x[1] for x in keys if x[0] == "place"}

    def _sentence_places(self, offset: int) -> set[str]:
        """Countries named in the sentence around offset."""
        a, b = self._sentence_span(offset)
        lo, hi = bisect.bisect_left(self.starts, a), bisect.bisect_left(self.starts, b)
        out: set[str] = set()
        j = lo
        while j < hi:
            end = self._place_at(j) if self._cap(self.toks[j]) else None
            if end is not None:
                out |= {p for p in self._places_in(j, end)
                        if (e := self.doc.entry(("place", p))) is not None and e.subkind == "country"}
                j = end
            else:
                j += 1
        return out

    def _context_org(self, offset: int) -> tuple[str, str] | None:
        """The one mission-leading organisation named earlier in this sentence or in the previous one."""
        a, _ = self._sentence_span(offset)
        a0, _ = self._sentence_span(max(0, a - 2))
        lo, hi = bisect.bisect_left(self.starts, a0), bisect.bisect_left(self.starts, offset)
        found: set[tuple[str, str]] = set()
        for j in range(lo, hi):
            hit = self._org_ending_at(j)
            if hit is not None and hit[0][1] in self.leaders:
                found.add(hit[0])
        return next(iter(found)) if len(found) == 1 else None

    # 2b. names of bodies -----------------------------------------------------------------------------------
    def org_patterns(self) -> None:
        """`Policy and Best Practices Service`, `Working Group on …`: capitalised names with an organ's head word.

        Candidates are gathered first and judged per name over the whole document: a name that any occurrence
        shows to be a unit of a government, a think tank or a mission (`Human Security Division, Federal
        Department of Foreign Affairs`; `Humanitarian Policy Group, Overseas Development Institute`), or that is
        used as a common noun (`an Integrated Intelligence Group`), is not proposed anywhere.
        """
        toks = self.toks
        cands: list[tuple[int, int, int, list[Token]]] = []
        vetoed: set[tuple[str, ...]] = set()
        for i, t in enumerate(toks):
            found = self._body_at(i)
            if found is None:
                continue
            s, e = found
            seg = toks[s:e + 1]
            a, b = seg[0].start, seg[-1].end
            tail = _COMMITTEE_TAIL.match(self.text, b) if t.norm == "committee" else None
            if tail:
                b = tail.end()
            known = self._known(seg)
            if known:  # a known name the scan cannot take in one piece (`Policy, Evaluation and Training Division`)
                if self._free(a, b):
                    self._take(a, b)
                    self._add("organization", a, b, self._choose(known)[1], "gazetteer", 0.9,
                              new=not self._in_graph(self._choose(known)))
                continue
            key = self._body_key(seg)
            before = self.text[max(0, a - 40):a]
            after = self.text[b:b + 120]
            if re.search(r"\)\s*$", before) or re.match(r"-(?:\s|$)", after):
                continue  # `(DPKO) Liaison Office …`: a unit of the body just named; `High Com-`: a broken word
            if re.search(r"(?:^|\W)an?\s+$", before, re.I) or self._unit_of_other(after):
                vetoed.add(key)
                continue
            cands.append((a, b, i, seg))
        taught: dict[tuple[str, ...], tuple[str, str]] = {}
        for a, b, _i, seg in cands:
            key = self._body_key(seg)
            if key in vetoed or not self._free(a, b):
                continue
            name = self.text[a:b]
            if key in taught:
                org_key = taught[key]
                self.doc.teach(name, org_key)
            else:
                words = [x.norm for x in seg]
                org_key = self.doc.propose("organization", name, None, "pattern:body-name", subkind="un_entity"
                                           if words[0] == "un" else "other")
                taught[key] = org_key
            self._take(a, b)
            self._add("organization", a, b, org_key[1], "pattern:body-name", 0.6, new=True)

    @staticmethod
    def _body_key(seg: list[Token]) -> tuple[str, ...]:
        words = tuple(x.norm for x in seg)
        return words[1:] if words[:1] == ("un",) else words

    def _unit_of_other(self, after: str) -> bool:
        """`…, Federal Department of Foreign Affairs`, `…, Argentine Armed Forces`, `…, MINUSTAH`, `…, Overseas
        Development Institute`, `… at the … Institute`: the name is a unit of a state, a mission or a think tank."""
        m = re.match(r"(?:\s+[A-Z][\w'-]*){0,3}(?:,\s+(?:the\s+)?|\s+(?:at|of)\s+the\s+)([^,;.()\n]{2,80})", after)
        if not m:
            return False
        chunk = m.group(1)
        ctoks = tokens(chunk)
        if not ctoks or not ctoks[0].text[:1].isupper():
            return False
        words = {x.norm for x in ctoks}
        if words & (GOVERNMENT | NOT_ORG | TITLE_BLOCK | {"forces", "armed"}) - {"council", "state"} or (
                "state" in words and "department" in words):
            return True
        if m.group(0).lstrip().startswith(("at", "of")):
            return False
        first = ctoks[:4]
        for n in range(len(first), 0, -1):
            seg = first[:n]
            keys = self.doc.lookup_names(tuple(x.norm for x in seg)) if n > 1 else self.doc.lookup_exact(seg[0].text)
            if any(k[0] == "mission" for k in keys):
                return True
            if any(k[0] == "place" for k in keys):
                entry = self.doc.entry(next(k for k in keys if k[0] == "place"))
                return bool(entry and entry.subkind == "country")
        return False

    def _body_at(self, i: int) -> tuple[int, int] | None:
        """(first, last) token of an unknown body name whose head word is token i, or None."""
        toks = self.toks
        n_toks = len(toks)
        t = toks[i]
        is_head = t.norm in ORG_HEADS or (t.norm == "force" and i > 0 and toks[i - 1].norm == "task")
        if not is_head or not t.text[:1].isupper():
            return None
        # the rightmost head of a run names the body ("Counter-Terrorism Committee Executive Directorate")
        j = i + 1
        while j < n_toks and j <= i + 3 and self._gap_ok(toks[j - 1], toks[j]) and toks[j].text[:1].isupper():
            if toks[j].norm in ORG_HEADS:
                return None
            j += 1
        if t.norm == "conference":
            return None  # a conference is an event, unless the gazetteer knows it as a body
        s = i
        while s - 1 >= 0 and i - s < 10:
            prev, cur = toks[s - 1], toks[s]
            gap = self.text[prev.end:cur.start]
            glued = s - 2 >= 0 and self.text[toks[s - 2].end:prev.start] == "-"
            if gap == "-" or (gap in {"–", "/"} and prev.text[:1].isupper()) or (
                    gap == " " and (prev.text[:1].isupper() or glued or prev.norm in {"of", "for", "and", "on"})) or (
                    gap == ", " and prev.text[:1].isupper() and any(x.norm == "and" for x in toks[s:i])):
                s -= 1
            else:
                break
        for k in range(i - 1, s - 1, -1):
            if toks[k].norm in ROLE_WORDS or toks[k].norm in SENTENCE_OPENERS or toks[k].norm in MONTHS \
                    or toks[k].text[:1].isdigit():
                s = k + 1
                break
        while s < i and (toks[s].norm in NAME_CONNECTORS or (
                toks[s].text.isupper() and len(toks[s].text) >= 3 and toks[s + 1].text[:1].isupper())):
            s += 1
        for k in range(s, i):
            if self._known(toks[k:i + 1]):  # "… Security Council": the gazetteer scan finds the known name
                comma = any(self.text[x.end:y.start] == ", " for x, y in itertools.pairwise(toks[k:i + 1]))
                return (k, i) if comma else None
        e = i
        if t.norm in TAIL_HEADS and e + 2 < n_toks and toks[e + 1].norm in {"on", "for", "of", "in", "to"} \
                and self._gap_ok(toks[e], toks[e + 1]):
            k = e + 2
            if toks[k].norm == "the" and k + 1 < n_toks:
                k += 1
            first = toks[k]
            starts_known = first.norm in ORG_HEADS or (toks[e + 1].norm == "of" and (bool(self._known([first])) or bool(
                {x for x in self.doc.lookup_exact(first.text) if x[0] == "organization"})))
            if self._cap(first) and self._gap_ok(toks[k - 1], first) and not first.text[:1].isdigit() \
                    and (not starts_known or t.norm in {"council", "commission", "assembly"}) \
                    and not (toks[e + 1].norm == "in" and self._place_at(k) is not None):
                e = k
                while e + 1 < n_toks and e - k < 8 and self._name_continues(e):
                    e += 1
                if any(self._known(toks[k2:e2 + 1]) for k2 in range(s, i + 1) for e2 in range(i, e + 1)):
                    return None
        seg = toks[s:e + 1]
        if len(seg) < 2:
            return None
        if self._known(seg):
            return (s, e) if any(self.text[x.end:y.start] == ", " for x, y in itertools.pairwise(seg)) else None
        words = [x.norm for x in seg]
        if any(w in NOT_ORG or w in GOVERNMENT for w in words):
            return None
        if any(k[0] == "place" for x in seg for k in self.doc.lookup_exact(x.text)):
            return None  # "Swiss Federal Department …", "UK Department for …": a government's body
        if any(self._known(toks[s:e2 + 1]) for e2 in range(e + 1, min(e + 5, n_toks))):
            return None  # "Organization for Security and Co-operation" + "in Europe" is known
        significant = [w for w in words if w not in NAME_CONNECTORS]
        if len(significant) < 3 and not self._igo_like(seg):
            return None
        if ("fund" in words or "program" in words) and words[0] != "un":
            return None  # funds and programmes outside the UN are mostly donors' or think tanks' schemes
        lead = next((n for n in range(min(6, len(seg) - 1), 0, -1) if self._known(seg[:n])
                     or (n == 1 and any(k[0] == "organization" for k in self.doc.lookup_exact(seg[0].text)))), 0)
        tail = t.norm == "committee" and _COMMITTEE_TAIL.match(self.text, seg[-1].end)
        if lead and not tail and len([w for w in words[lead:] if w not in NAME_CONNECTORS]) < 2:
            return None  # "United Nations Office", "Security Council Committee": an organisation plus a head word
        if words[-1] in ROLE_WORDS and "office" in words and words[words.index("office") + 1:][:2] == ["of", "the"]:
            return None  # "Executive Office of the Secretary-General": an office-holder's own staff
        internal = any(a in INTERNAL_FORUM and b in INTERNAL_HEADS for a, b in itertools.pairwise(words)) \
            or ("human", "resources") in set(itertools.pairwise(words))
        if internal and sum(1 for x in seg if any(k[0] == "organization" for k in self.doc.lookup_exact(x.text))) < 2:
            return None  # "Senior Management Group", "Integration Steering Group": an internal forum or unit
        if "un" in words[1:]:
            p = words.index("un", 1)
            if words[p - 1] not in NAME_CONNECTORS and not self._known(seg[:p]) and seg[p - 1].text[:1].isupper():
                return None  # "Quaker United Nations Office": someone else's office about the UN
        return s, e

    def _name_continues(self, e: int) -> bool:
        """Whether token e + 1 still belongs to a body name that runs on after `on`/`for`/`of`/`to`."""
        toks = self.toks
        n_toks = len(toks)
        nxt = toks[e + 1]
        gap = self.text[toks[e].end:nxt.start]
        if gap == ", " and nxt.text[:1].isupper() and self._cap(toks[e]):
            # a comma list inside the name: `Panel on Threats, Challenges and Change`
            rest = toks[e + 1:e + 4]
            return any(x.norm == "and" for x in rest) or nxt.norm == "and"
        if gap == ", " and nxt.norm == "and" and e + 2 < n_toks and toks[e + 2].text[:1].isupper():
            return True
        if not self._gap_ok(toks[e], nxt):
            return False
        return (nxt.text[:1].isupper() or gap == "-"
                or (nxt.norm in {"and", "of"} and e + 2 < n_toks and toks[e + 2].text[:1].isupper())
                or (nxt.norm == "in" and e + 2 < n_toks and toks[e + 2].norm == "un"))

    # 3. gazetteer scan ---------------------------------------------------------------------------------------
    def scan(self, kinds: frozenset[str] = frozenset({"organization", "mission", "place"})) -> None:
        toks = self.toks
        n_toks = len(toks)
        i = 0
        max_len = max(self.max_len, max((len(k) for k in self.doc.names), default=1))
        # run[k]: how many following tokens are joined to token k by gaps a name may span (computed once, so the
        # longest-name-first loop below does not re-check every gap of every candidate length)
        run = [0] * n_toks
        for k in range(n_toks - 2, -1, -1):
            run[k] = run[k + 1] + 1 if self._gap_ok(toks[k], toks[k + 1]) else 0
        while i < n_toks:
            t = toks[i]
            hit = None
            for n in range(min(max_len, n_toks - i, run[i] + 1), 0, -1):
                seg = toks[i:i + n]
                if n > 1:
                    lower_lead = seg[0].norm in {"operation", "opération"} and self._cap(seg[1])  # "operation Atalanta"
                    if not (self._cap(seg[0]) or lower_lead):
                        continue
                    if seg[-1].norm in CONNECTORS:
                        continue
                    keys = self.doc.lookup_names(tuple(x.norm for x in seg))
                elif t.norm == "un" and " " in t.text:
                    keys = self.doc.lookup_names(("un",))
                else:
                    keys = self.doc.lookup_exact(t.text)
                keys = {k for k in keys if k[0] in kinds}
                if keys:
                    hit = (n, keys)
                    break
            if hit is None:
                i += 1
                continue
            n, keys = hit
            a, b = toks[i].start, toks[i + n - 1].end
            if n == 1 and self._adjective_in_title(i, keys):
                i += 1
                continue
            if self._free(a, b):
                self._take(a, b)
                key = self._choose(keys)
                kind = key[0]
                self._add(kind, a, b, key[1], "gazetteer", 0.9 if n > 1 or is_acronym(t.text) else 0.85,
                          new=key in self.doc.new or not self._in_graph(key))
            i += n

    def _adjective_in_title(self, i: int, keys: set[tuple[str, str]]) -> bool:
        """`Norwegian Institute of …`, `British Journal of …`: an adjective inside a title names no state."""
        place = [k for k in keys if k[0] == "place"]
        if not place:
            return False
        entry = self.doc.entry(place[0])
        if entry is None or self.toks[i].text not in entry.adjectives:
            return False
        for j in range(i + 1, min(i + 6, len(self.toks))):
            if not self._gap_ok(self.toks[j - 1], self.toks[j]) or not (
                    self._cap(self.toks[j]) or self.toks[j].norm in NAME_CONNECTORS):
                return False
            if self.toks[j].norm in TITLE_BLOCK:
                return True
        return False

    def _in_graph(self, key: tuple[str, str]) -> bool:
        entry = self.doc.entry(key)
        return bool(entry and entry.in_graph)

    def _choose(self, keys: set[tuple[str, str]]) -> tuple[str, str]:
        if len(keys) == 1:
            return next(iter(keys))
        counts = Counter(m.id for m in self.mentions)

        def score(key: tuple[str, str]) -> tuple[int, str]:
            entry = self.doc.entry(key)
            related = (entry.parents + entry.led_by + entry.deployed_in) if entry else []
            return (-sum(counts[r] for r in related) - counts[key[1]], key[1])

        return sorted(keys, key=score)[0]

    # 4. unknown acronyms -------------------------------------------------------------------------------------
    def unknown_acronyms(self) -> None:
        known_acr: dict[str, tuple[str, str]] = {}
        for entry in list(self.doc.gaz.entries.values()) + list(self.doc.new.values()):
            if entry.kind in {"mission", "organization"}:
                for s in entry.surfaces():
                    if is_acronym(s) and len(s) >= 5:
                        known_acr[s] = (entry.kind, entry.id)
        by_len: dict[int, list[str]] = {}
        for acr in known_acr:
            by_len.setdefault(len(acr), []).append(acr)
        proposed: set[str] = set()
        for idx, t in enumerate(self.toks):
            w = t.text
            if not (w.isupper() and w.isalpha() and 4 <= len(w) <= 10) or self.doc.lookup_exact(w):
                continue
            if not self._free(t.start, t.end):
                continue
            near = [x for n in (len(w) - 1, len(w), len(w) + 1) for x in by_len.get(n, []) if damerau1(w, x)]
            if len(near) == 1 and len(w) >= 5:
                key = known_acr[near[0]]
                self.doc.exact.setdefault(w, set()).add(key)
                self._take(t.start, t.end)
                self._add(key[0], t.start, t.end, key[1], f"misspelling-of:{near[0]}", 0.6)
                continue
            if MISSIONISH.match(w) and (w in proposed or any(
                    x.norm in CUE_WORDS for x in self.toks[max(0, idx - 12):idx + 12])):
                if w not in proposed:
                    proposed.add(w)
                    self.doc.propose("mission", w, w, "unknown-acronym")
                self._take(t.start, t.end)
                self._add("mission", t.start, t.end, w.lower() if ("mission", w.lower()) in self.doc.new else
                          sorted(self.doc.lookup_exact(w))[0][1], "pattern:unknown-mission-acronym", 0.5, new=True)

    def run(self) -> list[Mention]:
        self.definitions()
        self.mission_patterns()
        self.org_patterns()
        self.scan()
        self.unknown_acronyms()
        self.mentions.sort(key=lambda m: m.start)
        return self.mentions


@dataclass
class EntityResult:
    mentions: list[Mention]
    new: dict[tuple[str, str], Entry]
    inner: dict[int, list[Mention]]  # id() of a mission mention -> organisations and places inside its name


def find_entities(text: str, gaz: Gazetteer) -> EntityResult:
    """Entity mentions in normalised text, the new entities the document proposes, and what mission names hold."""
    finder = EntityFinder(text, gaz)
    mentions = finder.run()
    used = {(m.kind, m.id) for m in mentions}
    inner: dict[int, list[Mention]] = {}
    for m in mentions:
        if m.kind == "mission":
            sub = EntityFinder(text[m.start:m.end], gaz, finder.doc)
            sub.scan(frozenset({"organization", "place"}))
            found = []
            for x in sub.mentions:
                x.start += m.start
                x.end += m.start
                found.append(x)
            inner[id(m)] = found
    return EntityResult(mentions, {k: v for k, v in finder.doc.new.items() if k in used}, inner)
