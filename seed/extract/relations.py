"""Candidate facts from mentions in the same or adjacent sentences, each with a confidence and its evidence.

Relations: led_by, deployed_in (mission -> organisation / place), mandated_by (mission -> resolution symbol),
performs_task (actor -> task key), succeeded_by (mission -> mission), funded_by (actor -> funder, with the
amount when one is in the sentence), partner_of (organisation <-> organisation).
Modality: "plans to", "will", "is expected to", … mark a fact planned / forecast / proposed.
"""

from __future__ import annotations

import bisect
import itertools
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any

from peacegraph.seed.extract.council.decision import decide_action
from peacegraph.seed.extract.gazetteer import Gazetteer
from peacegraph.seed.extract.mentions.base import Mention
from peacegraph.seed.extract.mentions.tasks import TASK_CUE as _TASK_CUE
from peacegraph.seed.extract.zones import Zone

_PLANNED = re.compile(r"\b(?:plans? to|planned|planning to|will|shall|is to|are to|intends? to|is set to|are set to|"
                      r"scheduled to|envisage[sd]?|to be deployed|would)\b", re.I)
_FORECAST = re.compile(r"\b(?:is expected to|are expected to|expected to|is likely to|are likely to|projected|"
                       r"forecast|anticipated)\b", re.I)
_PROPOSED = re.compile(r"\b(?:proposed|proposal|should|ought to|recommend(?:s|ed|ation)?|calls? for|urged?|"
                       r"suggest(?:s|ed)?)\b", re.I)
_HYPOTHETICAL = re.compile(r"\b(?:could|might|would|may|if|unless|whether|hypothetical\w*|imagine)\b", re.I)
_GENERIC_ACTOR = re.compile(r"\b(?:(?i:the) (?:UN |United Nations |peacekeeping |integrated |new |)?(?:mission|Mission|"
                            r"operation|force|Force)|(?i:integrated |multidimensional |UN |peacekeeping )missions|"
                            r"(?i:peacekeepers)|(?i:the peace operation))\b")
_SUPPORT_TASKS = frozenset({"financing_support", "logistics_support"})
_CONTINGENT = re.compile(r"\b(?P<verb>withdr[ae]w\w*|pull(?:ed|ing|s)? out|repatriat\w*|contribut\w*|deploy\w*|"
                         r"provid\w*|sen[dt]\w*|pledg\w*)\b[^.;]{0,60}?\b(?:contingents?|troops|battalions?|"
                         r"soldiers|personnel|units?|police officers|helicopters)\b", re.I)
_MANDATE_CUE = re.compile(r"\b(?:mandat\w*|authori[sz]\w*|establish\w*|renew\w*|extend\w*|pursuant)\b", re.I)
# words that give an operation a task: the strongest evidence that a task in the sentence is the actor's
_MANDATE_WORDS = re.compile(r"\b(?:mandat\w*|task(?:s|ed)\b|authori[sz]\w*|request\w* (?:to|that)|priorit\w*|"
                            r"responsib\w* for|charged with|its (?:role|work|efforts) (?:in|to|on))", re.I)
_TASK_CUE_OLD = re.compile(r"\b(?:mandat\w*|support\w*|assist\w*|help\w*|conduct\w*|engag\w*|undertak\w*|carr\w+ out|"
                       r"implement\w*|facilitat\w*|monitor\w*|protect\w*|work\w* with|task\w*|responsib\w*)\b", re.I)
_FUND_CUE = re.compile(r"\b(?:fund\w*|financ\w*|contribut\w*|pa(?:y|id|ying)|budget\w*|donat\w*|support for|"
                       r"supported|facility|grant\w*)\b", re.I)
# words with a funding cue in them that speak of troops or of the UN system, not of money: "troop-contributing
# countries", "contribute personnel", "the agencies, funds and programmes"
_NOT_FUNDING = re.compile(r"\b(?:troop|police|personnel)[- ]?(?:and police[- ])?contribut\w*|\bcontribut\w* (?:troops|"
                          r"personnel|police|contingents?|forces|soldiers|units|staff)\b|\bfunds,? and programmes\b",
                          re.I)
_PARTNER_CUE = re.compile(r"\b(?:partner\w*|cooperation|co-operation|coordination|consultations?|collaborat\w*|"
                          r"relationship|joint|dialogue|liaison)\b", re.I)
_SUCCESSION = re.compile(r"^(?:[^.;]{0,40}?)\b(?:succeeded by|replaced by|handed over(?: \w+){0,4} to|transferred"
                         r"(?: \w+){0,4} to|transition(?:ed)?(?: \w+){0,3} to|followed by|gave way to|re-?hatted"
                         r"(?: \w+){0,3} (?:as|into)|became|was transformed into|took over from|/)\s*(?:the\s+)?$", re.I)
_TRANSITION_FROM = re.compile(r"\b(?:transition|handover|hand-over|handing over|shift|move)\s+from\s+(?:the\s+)?$", re.I)
_FROM_TO = re.compile(r"\s*(?:\([A-Za-z\-]+\)\s*)?(?:in(?:to)?|to)\s+(?:the\s+)?", re.I)
_REVERSE = re.compile(r"took over from|replaced\b(?! by)|succeeded\b(?! by)", re.I)
_INSTRUMENTS = [
    (re.compile(r"African Peace Facility", re.I), "eu_african_peace_facility"),
    (re.compile(r"European Peace Facility", re.I), "eu_european_peace_facility"),
    (re.compile(r"Peace Fund", re.I), "au_peace_fund"),
    (re.compile(r"assessed contributions?", re.I), "un_assessed"),
    (re.compile(r"trust fund", re.I), "trust_fund"),
    (re.compile(r"support package", re.I), "un_support_package"),
    (re.compile(r"bilateral", re.I), "bilateral"),
]
SYMMETRIC = {"partner_of"}
# an organisation's name followed by a verb of doing (after any "and NATO", "(EU)" or ", having …")
_DOES = re.compile(r"(?:\s*\([A-Z]{2,}\))?(?:\s*(?:,|and)\s*(?:the\s+)?[A-Z][\w.-]*(?:\s+[A-Z][\w.-]*){0,3})*,?\s+"
                   r"(?:(?:is|are|has|have|had|was|were|will|would|also|already|now|currently|continues? to|"
                   r"having)\s+)*(?:provid\w*|support\w*|train\w*|deploy\w*|conduct\w*|assist\w*|help\w*|fund\w*|"
                   r"financ\w*|combat\w*|monitor\w*|protect\w*|mentor\w*|lead\w*|led\b|runs?\b|operat\w*)\b")
# "works closely with", "in close cooperation with", "together with", "signed a memorandum with": a partnership
_WORKS_WITH = re.compile(r"^[^.;]{0,80}?\b(?:work\w*|cooperat\w*|co-operat\w*|collaborat\w*|coordinat\w*|"
                         r"partner\w*|liais\w*|consult\w*|(?:signed|concluded|agreed)\s+(?:a|an|the)\s+(?:\w+\s+)?"
                         r"(?:agreement|memorandum|declaration|framework|arrangement)|together|jointly)\s+"
                         r"(?:\w+\s+){0,2}?with\s+(?:the\s+)?$", re.I)
_WITH_LIST = re.compile(r"\b(?:work\w*|cooperat\w*|co-operat\w*|collaborat\w*|coordinat\w*|partner\w*|liais\w*|"
                        r"together|jointly)\s+(?:\w+\s+){0,2}?with\s+(?:the\s+)?", re.I)


@dataclass
class Fact:
    """A candidate relation with its evidence."""

    subject: str
    relation: str
    object: str
    start: int  # normalised offset of the evidence sentence
    end: int
    confidence: float
    method: str
    status: str = "actual"
    data: dict[str, Any] = field(default_factory=dict)

    def key(self) -> tuple[str, str, str]:
        if self.relation in SYMMETRIC:
            a, b = sorted((self.subject, self.object))
            return a, self.relation, b
        return self.subject, self.relation, self.object


MODALITIES = ("actual", "planned", "forecast", "proposed", "hypothetical")
# each modality is a Status of the model (`hypothetical` facts never count in the analyses)
STATUS_OF = {"actual": "actual", "planned": "planned", "forecast": "forecast", "proposed": "proposed",
             "hypothetical": "hypothetical"}


def modality(sentence: str) -> str:
    """actual / planned / forecast / proposed / hypothetical, from the cue words of the sentence."""
    if _HYPOTHETICAL.search(sentence):
        return "hypothetical"
    if _PROPOSED.search(sentence):
        return "proposed"
    if _FORECAST.search(sentence):
        return "forecast"
    if _PLANNED.search(sentence):
        return "planned"
    return "actual"


class RelationFinder:
    def __init__(self, text: str, sentences: list[tuple[int, int]], mentions: list[Mention], gaz: Gazetteer,
                 inner: dict[int, list[Mention]], zone_at: Callable[[int], Zone] | None = None) -> None:
        self.text = text
        self.sents = sentences
        self.starts = [s for s, _ in sentences]
        self.gaz = gaz
        self.inner = inner  # index of a mission mention -> entities inside its name
        self.by_sent: dict[int, list[Mention]] = {}
        for m in mentions:
            self.by_sent.setdefault(self.sent_of(m.start), []).append(m)
        self.facts: list[Fact] = []
        self.zone_at = zone_at

    def sent_of(self, offset: int) -> int:
        return max(0, bisect.bisect_right(self.starts, offset) - 1)

    def _lineage(self, org: str) -> set[str]:
        """An organisation and every body it is part of (UNHCR -> UN)."""
        out, todo = set(), [org]
        while todo:
            x = todo.pop()
            if x in out:
                continue
            out.add(x)
            entry = self.gaz.get("organization", x)
            todo.extend(entry.parents if entry else [])
        return out

    def add(self, s: str, rel: str, o: str, si: int, conf: float, method: str, **data: Any) -> None:
        if s == o:
            return
        if rel == "partner_of" and (s in self._lineage(o) or o in self._lineage(s)):
            return  # a body and its own part (the UN and its Secretariat) are not partners
        a, b = self.sents[si]
        sentence = self.text[a:b]
        mod = "actual" if method.startswith(("name:", "graph+")) else modality(sentence)
        data.setdefault("modality", mod)
        if mod != "actual":
            conf -= 0.1 if mod == "hypothetical" else 0.05
        self.facts.append(Fact(s, rel, o, a, b, round(conf, 2), method, STATUS_OF[mod], data))

    def run(self) -> list[Fact]:
        for si in range(len(self.sents)):
            ms = self.by_sent.get(si, [])
            if not ms:
                continue
            if self.zone_at is not None and self.zone_at(self.sents[si][0]) is not Zone.body:
                continue
            self._names(si, ms)
            self._deployment(si, ms)
            self._mandates(si, ms)
            self._tasks(si, ms)
            self._succession(si, ms)
            self._funding(si, ms)
            self._partners(si, ms)
            self._contingents(si, ms)
        best: dict[tuple[str, str, str, int], Fact] = {}
        for f in self.facts:
            k = (*f.key(), f.start)
            if k not in best or best[k].confidence < f.confidence:
                best[k] = f
        return sorted(best.values(), key=lambda f: (f.start, f.subject, f.relation, f.object))

    # --- rules ---------------------------------------------------------------------------------------------
    def _names(self, si: int, ms: list[Mention]) -> None:
        """A mission's full name states who leads it and where it is: `African Union Mission in Somalia`."""
        for m in ms:
            if m.kind != "mission" or m.id is None:
                continue
            for x in self.inner.get(id(m), []):
                if x.kind == "organization" and x.id and self.text[m.start:x.start].strip() in {"", "the"}:
                    self.add(m.id, "led_by", x.id, si, 0.8, "name:lead-organization")
                elif x.kind == "place" and x.id:
                    self.add(m.id, "deployed_in", x.id, si, 0.8, "name:host-place")
            entry = self.gaz.get("mission", m.id)
            if entry is None:
                continue
            near = self._near(si)
            for org in entry.led_by:
                if any(x.kind == "organization" and x.id == org for x in near):
                    self.add(m.id, "led_by", org, si, 0.55, "graph+cooccurrence")
            for place in entry.deployed_in:
                if any(x.kind == "place" and x.id == place for x in near):
                    self.add(m.id, "deployed_in", place, si, 0.6, "graph+cooccurrence")

    def _near(self, si: int) -> list[Mention]:
        return self.by_sent.get(si, []) + self.by_sent.get(si - 1, []) + self.by_sent.get(si + 1, [])

    def _deployment(self, si: int, ms: list[Mention]) -> None:
        """`UNAMID in Darfur`, `the UN Transition Assistance Group (UNTAG) in Namibia`, `Mali (MINUSMA)`."""
        for i, m in enumerate(ms):
            if m.kind != "mission" or m.id is None:
                continue
            for x in ms[i + 1:i + 3]:
                gap = self.text[m.end:x.start]
                if x.kind == "place" and x.id and re.fullmatch(r"\s*(?:\([A-Za-z\-]+\)\s*)?(?:,\s*)?(?:deployed |based |"
                                                               r"operating |present |active )?in\s+(?:the\s+)?", gap):
                    self.add(m.id, "deployed_in", x.id, si, 0.7, "pattern:mission-in-place")
            if i > 0:
                p = ms[i - 1]
                if p.kind == "place" and p.id and re.fullmatch(r"\s*\(\s*", self.text[p.end:m.start]):
                    self.add(m.id, "deployed_in", p.id, si, 0.7, "pattern:place-(mission)")

    def _mandates(self, si: int, ms: list[Mention]) -> None:
        sentence = self.text[self.sents[si][0]:self.sents[si][1]]
        missions = [m for m in ms if m.kind == "mission" and m.id]
        symbols = [m for m in ms if m.kind == "symbol" and m.id and m.id.startswith("S/RES/")]
        if not missions or not symbols:
            return
        conf = 0.7 if _MANDATE_CUE.search(sentence) else 0.5
        action, _k = decide_action([sentence])  # the Council establishes / renews / modifies / terminates
        for sym in symbols:
            mission = min(missions, key=lambda m: abs(m.start - sym.start))
            extra = {"action": action} if action else {}
            self.add(mission.id or "", "mandated_by", sym.id or "", si, conf, "cooccurrence:mission-resolution",
                     **extra)

    def _tasks(self, si: int, ms: list[Mention]) -> None:
        """Tasks to the actor of the sentence (nearest before, else nearest after), across the whole sentence.

        With no named actor: the actor of an enumeration's lead-in ("… mandated priorities:" then the items),
        else a generic actor ("the mission", "peacekeepers") resolved to the mission named in the previous three
        sentences of the paragraph, with a lower confidence.
        """
        tasks = [m for m in ms if m.kind == "task" and m.id]
        if not tasks:
            return
        sentence = self.text[self.sents[si][0]:self.sents[si][1]]
        cue = bool(_TASK_CUE.search(sentence))
        actors = [m for m in ms if m.kind == "mission" and m.id]
        org_actor = False
        how = "named"
        if not actors:
            actors = [m for m in ms if m.kind == "organization" and m.id and (self._org_can_act(m.id) or
                                                                              self._acts_here(m))]
            org_actor = bool(actors)
        if not actors:
            lead = self._enumeration_actor(si)
            if lead is not None:
                actors, how = [lead], "enumeration"
                cue = True
            elif _GENERIC_ACTOR.search(sentence):
                scoped = self._mission_in_scope(si)
                if scoped is not None:
                    actors, how = [scoped], "generic"
        if not actors:
            return
        for t in tasks:
            holder = [x for x in ms if x.kind in {"mission", "organization"} and x.id and x.start <= t.start
                      and t.end <= x.end]
            if holder:
                self.add(holder[0].id or "", "performs_task", t.id or "", si, 0.7, "name:task-in-name",
                         mention_start=t.start)
                continue
            before = [a for a in actors if a.end <= t.start]
            actor = before[-1] if before else min(actors, key=lambda a: abs(a.start - t.start))
            if t.id in _SUPPORT_TASKS:  # support to another organisation: the one that gives it performs it
                givers = [x for x in ms if x.kind == "organization" and x.id and x.end <= t.start]
                if givers:
                    actor = givers[-1]
            conf = (0.35 if org_actor else 0.55) + ((0.1 if org_actor else 0.15) if cue else 0.0)
            distance = abs(actor.start - t.start)
            if how == "named" and distance > 220:
                conf -= 0.05
            if how == "generic":
                conf -= 0.15
            elif how == "enumeration":
                conf -= 0.05
            between = self.text[min(actor.end, t.start):max(actor.start, t.start)]
            feats = {"actor_kind": actor.kind, "actor_before": actor.end <= t.start, "actor_acts": self._acts_here(actor),
                     "mandate_cue": bool(_MANDATE_WORDS.search(sentence)),
                     "clause_break": bool(re.search(r"[;:()]|\b(?:while|whereas|but|although)\b", between)),
                     "actors_in_sentence": len({a.id for a in actors}), "task_via": str(t.data.get("via", ""))}
            for doer in self._coordinated(actor, actors):  # "The EU and NATO, having provided logistical support"
                self.add(doer.id or "", "performs_task", t.id or "", si, conf, f"cooccurrence:actor-task:{how}",
                         mention_start=t.start, actor_resolved=how, distance=distance, cue=cue,
                         coordinated=doer is not actor, **feats)

    def _acts_here(self, m: Mention) -> bool:
        """An organisation that is the subject of a verb of doing right after its name ("The EU is training the
        Somali army", "The EU and NATO, having provided logistical support"): it may perform the task."""
        entry = self.gaz.get("organization", m.id or "")
        if m.kind == "organization" and entry is not None and entry.subkind in {"organ", "government"}:
            return False
        return bool(_DOES.match(self.text, m.end, min(len(self.text), m.end + 120)))

    def _coordinated(self, actor: Mention, actors: list[Mention]) -> list[Mention]:
        """The actor and the actors joined to it by "and" or commas ("The EU, NATO and the AU"), in text order."""
        group = [actor]
        ordered = sorted(actors, key=lambda m: m.start)
        i = ordered.index(actor) if actor in ordered else -1
        if i < 0:
            return group
        for step in (-1, 1):
            j = i
            while 0 <= j + step < len(ordered):
                a, b = (ordered[j + step], ordered[j]) if step < 0 else (ordered[j], ordered[j + step])
                if not re.fullmatch(r"\s*(?:,\s*(?:and\s+)?|and\s+|as well as\s+)(?:the\s+)?", self.text[a.end:b.start]):
                    break
                j += step
                group.append(ordered[j])
        return sorted({m.id: m for m in group if m.id}.values(), key=lambda m: m.start)

    def _enumeration_actor(self, si: int) -> Mention | None:
        """The actor of the lead-in sentence when sentence `si` is an item of a list the lead-in opened with ':'."""
        k = si - 1
        while k >= 0 and si - k <= 12:
            a, b = self.sents[k]
            gap = self.text[b:self.sents[k + 1][0]]
            if "\n\n" in gap:
                return None
            if self.text[a:b].rstrip().endswith(":"):
                ms = [m for m in self.by_sent.get(k, []) if m.kind in {"mission", "organization"} and m.id]
                return ms[-1] if ms else self._mission_in_scope(k)
            if "\n" not in gap and not self.text[a:b].rstrip().endswith(";"):
                return None
            k -= 1
        return None

    def _mission_in_scope(self, si: int) -> Mention | None:
        """The last mission named in the previous six sentences, not past a heading or a second paragraph break."""
        breaks = 0
        for k in range(si - 1, max(-1, si - 7), -1):
            if "\n\n" in self.text[self.sents[k][1]:self.sents[k + 1][0]]:
                breaks += 1
            if breaks > 1 or (self.zone_at is not None and self.zone_at(self.sents[k][0]) is not Zone.body):
                return None
            ms = [m for m in self.by_sent.get(k, []) if m.kind == "mission" and m.id]
            if ms:
                return ms[-1]
        return None

    def _is_country(self, place: str) -> bool:
        entry = self.gaz.get("place", place)
        return entry is None or entry.subkind in (None, "country")

    def _contingents(self, si: int, ms: list[Mention]) -> None:
        """A country withdraws or contributes a contingent: `Ethiopia withdrew its troops from AMISOM`."""
        a, _b = self.sents[si]
        sentence = self.text[a:self.sents[si][1]]
        m = _CONTINGENT.search(sentence)
        if not m:
            return
        countries = [x for x in ms if x.kind == "place" and x.id and x.start < a + m.start()
                     and self._is_country(x.id)]
        missions = [x for x in ms if x.kind == "mission" and x.id and x.start > a + m.start()]
        if not countries or not missions:
            return
        verb = m.group("verb").lower()
        rel = "withdraws_contingent" if verb.startswith(("withdr", "pull", "repatr")) else "contributes_contingent"
        self.add(countries[-1].id or "", rel, missions[0].id or "", si, 0.6, f"pattern:{rel}", verb=verb)

    def _org_can_act(self, org: str) -> bool:
        entry = self.gaz.get("organization", org)
        if entry is None:
            return True
        return entry.subkind not in {"organ", "government"} and bool(entry.parents)

    def _succession(self, si: int, ms: list[Mention]) -> None:
        missions = [m for m in ms if m.kind == "mission" and m.id]
        for a, b in itertools.pairwise(missions):
            between = self.text[a.end:b.start]
            if len(between) > 80 or a.id == b.id:
                continue
            if between == "/":
                self.add(a.id or "", "succeeded_by", b.id or "", si, 0.5, "pattern:predecessor/successor")
            elif _FROM_TO.fullmatch(between) and _TRANSITION_FROM.search(self.text[max(0, a.start - 60):a.start]):
                self.add(a.id or "", "succeeded_by", b.id or "", si, 0.65, "pattern:transition-from-to")
            elif _SUCCESSION.match(between):
                if _REVERSE.search(between):
                    self.add(b.id or "", "succeeded_by", a.id or "", si, 0.65, "pattern:succession")
                else:
                    self.add(a.id or "", "succeeded_by", b.id or "", si, 0.65, "pattern:succession")

    def _funding(self, si: int, ms: list[Mention]) -> None:
        a, b = self.sents[si]
        sentence = self.text[a:b]
        cue = _money_cue(sentence)
        if cue is None:
            return
        money = [m for m in ms if m.kind == "money"]
        cue_at = a + cue.start()
        # "non-NATO countries": the organisation named with "non-" is the one that does not act
        orgs = [m for m in ms if m.kind == "organization" and m.id and m.method != "gazetteer:mission-lead"
                and not self.text[max(0, m.start - 4):m.start].lower().endswith("non-")]
        funders = [o for o in orgs if o.start < cue_at and self._can_fund(o.id or "")]
        if not money and not re.search(r"\b(?:fund\w*|financ\w*|contribut\w*|pa(?:y|id))", _NOT_FUNDING.sub(" ", sentence),
                                       re.I):
            return
        conf = 0.6
        if not funders:
            prev = self.by_sent.get(si - 1, [])
            prev_text = self.text[self.sents[si - 1][0]:self.sents[si - 1][1]] if si > 0 else ""
            if prev and _money_cue(prev_text):
                funders = [o for o in prev if o.kind == "organization" and o.id
                           and o.method != "gazetteer:mission-lead" and self._can_fund(o.id)][:1]
                money = money or [m for m in prev if m.kind == "money"]
                conf = 0.5
        if not funders:
            return
        funder = funders[0]
        recipients = [m for m in ms if m.kind == "mission" and m.id and m.start > funder.start]
        if not recipients and money:
            recipients = [o for o in orgs if o.id != funder.id and o.start > cue_at][:1]
            conf -= 0.1
        instrument = next((code for rx, code in _INSTRUMENTS if rx.search(sentence)), "other")
        for r in recipients:
            data: dict[str, Any] = {"instrument": instrument}
            if money:
                data.update(amount=money[-1].data["amount"], currency=money[-1].data["currency"],
                            money_text=money[-1].text)
            self.add(r.id or "", "funded_by", funder.id or "", si, conf, "cooccurrence:funding", **data)

    def _can_fund(self, org: str) -> bool:
        entry = self.gaz.get("organization", org)
        return entry is None or entry.subkind != "organ"

    def _partners(self, si: int, ms: list[Mention]) -> None:
        a, _b = self.sents[si]
        orgs = [m for m in ms if m.kind == "organization" and m.id]
        if len(orgs) < 2:
            return
        for x, y in itertools.pairwise(orgs):
            if x.id == y.id:
                continue
            between = self.text[x.end:y.start]
            before = self.text[max(a, x.start - 60):x.start]
            if re.fullmatch(r"\s?[–—-]\s?", between):
                self.add(x.id or "", "partner_of", y.id or "", si, 0.6, "pattern:org–org")
            elif re.fullmatch(r"\s*(?:and|,)\s+(?:the\s+)?", between) and re.search(
                    r"(?:partnership|cooperation|co-operation|coordination|consultations|collaboration|relations?"
                    r"|relationship|dialogue|meetings?|agreement|framework)\s+(?:\w+\s+){0,2}(?:between|among|of)"
                    r"\s+(?:the\s+)?$", before, re.I):
                self.add(x.id or "", "partner_of", y.id or "", si, 0.7, "pattern:partnership-between")
            elif re.search(r"\bpartner(?:ship)?s?\s+(?:of|with)\s+(?:the\s+)?$", between):
                self.add(x.id or "", "partner_of", y.id or "", si, 0.65, "pattern:partner-of")
            elif _WORKS_WITH.search(between) and not re.search(r"[;:]", between):
                self.add(x.id or "", "partner_of", y.id or "", si, 0.6, "pattern:works-with")
        # "X, together with Y and Z", "X works closely with Y and Z": every organisation of the enumeration
        for m in _WITH_LIST.finditer(self.text, a, self.sents[si][1]):
            subject = [o for o in orgs if o.end <= m.start() and m.start() - o.end < 120]
            listed = [o for o in orgs if m.end() - 1 <= o.start < m.end() + 160]
            if not subject or not listed:
                continue
            x = subject[-1]
            for y in listed:
                tail = self.text[m.end():y.start]
                if y.id != x.id and not re.search(r"[.;:]|\b(?:to|in|for|on|which|who|that)\b", tail):
                    self.add(x.id or "", "partner_of", y.id or "", si, 0.55, "pattern:works-with-list")


def _money_cue(sentence: str) -> re.Match[str] | None:
    """The first funding cue of a sentence that is not about troops or the UN system (`_NOT_FUNDING`)."""
    masked = [(m.start(), m.end()) for m in _NOT_FUNDING.finditer(sentence)]
    return next((m for m in _FUND_CUE.finditer(sentence) if not any(x <= m.start() < y for x, y in masked)), None)


def find_relations(text: str, sentences: list[tuple[int, int]], mentions: Iterable[Mention], gaz: Gazetteer,
                   inner: dict[int, list[Mention]], zone_at: Callable[[int], Zone] | None = None) -> list[Fact]:
    """Candidate facts from body sentences only (every sentence when no zones are given)."""
    return RelationFinder(text, sentences, list(mentions), gaz, inner, zone_at).run()
