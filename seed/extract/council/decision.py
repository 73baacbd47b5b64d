"""Read a Council page: which resolution was adopted, what it does, to which operation, until when, with what tasks.

Pure rules over the page text (see `seed/extract/README.md`, "Council texts"):

- **item**: a listing page (press releases under code lines, news items under datelines or date lines, ledes
  one after another) is read in its first item that reports a decision; the other items are blanked.
- **symbol**: of every resolution number in the text, the one adopted here (after "adopting", "adoption of", in
  the headline, "full text of resolution …", "to be issued as Council resolution …"), not one recalled ("recalling resolutions", "laid out in
  resolution …"). A year missing from the text comes from the adoption date the text gives, else the page date.
- **action**: from the headline and the first sentences in which the Council acts (a resolution's operative
  paragraphs when the page is one), the strongest of terminate (also a final extension) > establish > renew >
  modify (strength or tasks changed without a new period) > authorise_support — only verbs the Council itself
  uses, not those others ask for, it weighs or considers ("urged the Council to establish", "possibly
  terminating"), nor "failed to renew", nor an establishment recalled with its own resolution ("established the
  Mission through the adoption of a resolution on 10 July"). "Took note that the mandate … expired" terminates;
  authorising more of a UN operation that runs already ("100 military observers as part of UNTAES") modifies it,
  and so does extending temporary strength ("extended until 30 June the authorization of … personnel"). Sending
  or deploying troops ("voted … to send 10,000 troops", "approved the deployment of 5,500 peacekeepers") and
  renaming ("UNSOM shall be called …"), setting one up ("set up a new mission") and approving its establishment
  ("approved the establishment of a new operation") establish; winding up, ending the mission or a last period "by when it
  should be fully drawn down" terminate, and so does an extension after which "the Mission will be terminated";
  a last day set for the force the same decision authorises ("should terminate on 31 March 1997, unless …") is its
  period, not a termination; for an operation that ran before, a deployment with a new "until" is a renewal, else
  a modification. "The resolution adopted today 'authorizes …'" is the Council acting.
- **operation**: the first operation named after the action verb (a graph mission, a `Name (ACRONYM)` the text
  defines, a phrase holding every word of a graph operation's name, a description such as "UN mission in Côte
  d'Ivoire" or "a multinational force … in East Timor" resolved through the graph by place, leading organisation
  and date); "transition X to Y" acts on Y.
- **end date**: the date after "until", "till", "through", "up to", "expiring on" or (for a termination) "as
  of", "on", "with effect from the following day", "the 9 July termination of its mandate" in the action
  sentence, the lead, the headline or another sentence on the operation's mandate ("… shall deliver … until",
  "should terminate on", "until the end of next June", "will remain in the country until"), not one someone asks for ("a request from the
  Secretary-General to continue the mission until …");
  "as of" a day starts anything but a termination; a year left out comes from the
  symbol or the page date (the next year when the date would fall before the page date); not in a sentence that
  names other operations only; else a period from the day it starts ("a nine-month period beginning on 16 January
  1998") or from a known adoption day ("for a further six months"), same day number. A modification sets none.
- **tasks**: lexicon tasks in sentences about the operation (named, or "the Mission", "the Force", "it", "States
  participating in it", "the mandate", "among transition priorities, the text …", the object of the action
  verb, troops included, also when the text names no operation: "authorized … a temporary multinational force to
  …"); not what it "was tasked with", "continues to" do or its "initial mandate was" (background), not quoted words of
  others ("Mr. Ban wrote"); a change of strength alone gives no task but use_of_force, not in demands on others ("called on", "urged", "demanded", "condemned"), not after
  another operation named nearer, not in a resolution's preamble, not in the debate, not fields of law or
  safeguards on the operation's own conduct; acting under Chapter VII in the adoption sentence counts as
  `use_of_force`.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from peacegraph.seed.extract.council.page import ADOPTED_ON, Page, page_date
from peacegraph.seed.extract.mentions.dates import MONTHS
from peacegraph.seed.extract.nlp import parse
from peacegraph.seed.extract.taskmatch import TaskMatcher

ACTIONS = ("terminate", "establish", "renew", "modify", "authorise_support")
_OPERATION_NOUN = (r"(?:mission|operation|force|office|presence|observers?|monitors|brigade|"
                   r"(?:support|police|observer|monitoring|liaison) group|(?-i:[A-Z]{3,}(?:-[A-Za-z]+)?))")
_FINAL_N = r"(?:\d{1,2}|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|\w+teen)"
_VERBS: dict[str, re.Pattern[str]] = {
    "terminate": re.compile(r"(?<!period )\bterminat\w*|\bend(?:s|ed|ing)? (?:the|its) mandate|\bdecided? to "
                            r"(?:withdraw|close)|\bclos(?:e|es|ed|ing) (?:the|its) (?:mission|operation|office)|"
                            r"\bconclu(?:de|des|ded|ding) (?:the|its) mandate|\bclosure of (?:the|its) "
                            r"(?:mission|operation|office)|"
                            # a final extension that fixes when the operation stops is its termination
                            r"\bfinal (?:" + _FINAL_N + r"[- ](?:months?|month-period|years?|weeks?)|(?:" + _FINAL_N +
                            r"[- ]month )?(?:extension|period|mandate|renewal))\b|"
                            r"\bceas(?:e|es|ing) (?:all )?(?:its )?(?:work|operations|activities)\b|"
                            # "voted to wind up the United Nations mission", "Votes to End UN Mission in Nepal",
                            # "until 31 March 2014, by when it should be fully drawn down"
                            r"\bw(?:i|ou)nd(?:s|ing)? (?:up|down) (?:the |its )?(?:[\w-]+ ){0,3}?(?:mission|operation|"
                            r"office|presence|force)\b|\bend (?:the |its )?(?:UN |United Nations )?(?:[\w-]+ )?"
                            r"(?:mission|operation|office|presence)\b|\bfully (?:drawn down|withdrawn|closed)\b|"
                            # "took note that the mandate of … expired today": the Council ends it there
                            r"\b(?:t(?:ook|akes?|aking)|not(?:es|ed|ing)) (?:note )?(?:that |of )?(?:the )?[^.;]{0,100}?"
                            r"\bexpir(?:ed|ation|y)\b", re.I),
    "establish": re.compile(r"(?<!was )(?<!were )(?<!been )(?<!achieving )(?<!previously )(?<!already )(?<![—–,] )"
                            r"(?<!originally )(?<!initially )(?<!first )"
                            r"\bestablish(?:es|ed|ing)?\b(?! pursuant| in \d{4}| (?:by|in|under) resolution| by the (?:Security )?Council)(?=[^.;]{0,120}?\b" + _OPERATION_NOUN + r"\b)|"
                            r"\bcreat(?:e|es|ed|ing) (?:a |the |its )?(?:new )?"
                            r"(?:[\w\"“‘'-]+ ){0,2}(?:peacekeeping )?[\"“‘']?(?:[A-Z]\w+ )?(?i:mission|operation|office)\b|"
                            r"\bdecided? to deploy\b|"
                            r"\bset(?:s|ting)? up (?:an?\s|the\s)?(?:new )?(?:[\w“”\"'-]+ ){0,4}?(?:mission|operation|"
                            r"office|force|presence|body)\b|"
                            # "approved the establishment of a new operation for Burundi", "endorsed the
                            # establishment, for an initial period of 12 months, effective today, of a … Mission"
                            r"\b(?:approv|decid|agree|endors)\w*\s+(?:on\s+)?the\s+establishment(?:,[^,.;]{1,80},\s*(?:[^,.;]{1,40},\s*)?)?"
                            r"\s+of\s+(?:an?\s|the\s)?(?:new\s)?"
                            r"(?:[\w-]+ ){0,3}?(?:mission|operation|office|force|presence)\b|"
                            # "voted unanimously today to send 10,000 troops", "approved the deployment of 5,500
                            # peacekeepers" (an operation that ran before is renewed or modified: read_decision)
                            r"\b(?:vot(?:e|es|ed|ing)|decid(?:e|es|ed|ing)|agree(?:s|d)?)\s+(?:\w+\s+){0,2}?to\s+"
                            r"(?:send|deploy|dispatch)\b|\bapprov\w*\s+(?:the\s+)?deployment\s+of\b|"
                            # a renamed operation is a new one: "decided that UNSOM shall be called the United Nations
                            # Transitional Assistance Mission", "MONUC shall bear the title of …"
                            r"\b(?:shall|will|would|to)\s+(?:henceforth\s+|thereafter\s+|now\s+)?(?:be\s+(?:called|"
                            r"renamed|known\s+as)|bear\s+the\s+(?:title|name))\b|\brenam(?:e|es|ed|ing)\b", re.I),
    "renew": re.compile(r"\bextend\w*(?! (?:the )?(?:State|state|its|government|governmental|national) "
                        r"(?:authority|presence|administration|control))|\bextension\b(?! of (?:the )?(?:State|state) )|"
                        r"\brenew\w*|\bprolong\w*|\broll-?over\b|\breauthori[sz]\w*|"
                        # "authorized the African Union to maintain the deployment of AMISOM until …"
                        r"\bauthori[sz]\w*\b[^.;]{0,80}?\bto (?:maintain|continue)\b", re.I),
    # tasks or strength changed without a new period: "expands UN mission", "an increase in the strength",
    # "downsize", "reduction in … military contingent", "on a temporary basis", "Decides that the Mission shall"
    "modify": re.compile(r"\bmodif\w*|\badjust\w* (?:the|its) mandate|\bexpand\w* (?:the |its )?(?:[\w-]+ ){0,3}?"
                         r"(?:mandate|mission|force|operation|presence)\b|\brevis\w* (?:the|its) mandate|\breconfigur\w*|"
                         r"\bincreas\w* (?:in )?(?:the |its )?(?:authori[sz]ed |overall )?(?:\w+ )?(?:strength|ceiling|size)\b|"
                         r"\bdownsiz\w*|\breduc(?:e|es|ed|ing|tion)\b[^.;]{0,60}\b(?:strength|ceiling|size|contingents?|"
                         r"components?|personnel|troops)\b|\bon a temporary basis\b|\baugment\w* (?:the |its )?"
                         r"(?:\w+ )?(?:strength|mission|force|operation|component)|"
                         r"\b[Dd]ecides that (?:the )?[^;]{0,160}?\b(?:Mission|Force|Operation|Office)\b[^;]{0,80}?\bshall\b|"
                         # "approved the Secretary-General's recommendations regarding the size, … and mandate of …"
                         r"\bapprov\w*\b[^.;]{0,80}?\brecommendations?\b[^.;]{0,40}?\b(?:size|strength|ceiling|"
                         r"operational|concept of operations|mandate)\b",
                         re.I),
    "authorise_support": re.compile(r"\bauthori[sz]\w*", re.I),
}
_COUNCIL = re.compile(r"\b(?:Security Council|Council|15-member (?:body|organ|council)|UNSC)\b", re.I)
_ADOPT_BEFORE = re.compile(r"(?:(?:adopt(?:ing|ed|s|ion of)?|adoption of|Adopting|full text of)\s+(?:the\s+)?"
                           r"(?:draft\s+)?(?:resolution\s+|Resolution\s+)?|(?:^|[.\n]\s*)(?:Through|By|Under)\s+"
                           r"(?:its\s+|the\s+(?:terms|provisions)\s+of\s+)?(?:resolution|Resolution)\s+)$", re.I)
# "resolution 1769 (2007), adopted unanimously …": the one adopted here
_ADOPT_AFTER = re.compile(r"^\s*,?\s*(?:(?:submitted|sponsored|tabled|drafted|put forward|penned)\s+by\s+[^,.;]{1,60},\s*)?"
                          r"(?:which was\s+|was\s+)?(?:unanimously\s+)?(?:adopted\b(?! (?:on|in) \d)|"
                          r"(?:received|won|obtained|garnered)\s+(?:\d{1,2}|[a-z]+)\s+votes\b)")
_RECALL_BEFORE = re.compile(r"(?:recall\w*|requested in|authori[sz]ed in|laid out in|outlined in|set out in|"
                            r"pursuant to|in line with|in accordance with|established by|under|of|in|and|,)\s+"
                            r"(?:its\s+)?(?:previous\s+)?(?:resolutions?\s+)?(?:\d{3,4}\s*\(\d{4}\),?\s*)*$", re.I)
_RES_NUM = re.compile(r"\b(?:[Rr]esolutions?|RESOLUTION|S/RES/)\s*(\d{3,4})(?:\s*\((\d{4})\))?")
_MONTH = (r"(January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|"
          r"Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\.?")
_UNTIL = re.compile(r"\b(?:until|till|through|to|as of|up to|(?:ending|expiring|(?<!to )expire|terminating|(?:should|shall|would|will) terminate)(?:\s+on)?)\s+"
                    r"(?:the\s+end\s+of\s+)?(?:(\d{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?" + _MONTH + r"|" + _MONTH +
                    r"\s+(\d{1,2})(?:st|nd|rd|th)?)(?:,?\s+(\d{4})|\s+(next year))?\b", re.I)
# "until the end of December 2024", "until the end of next June", "until the end of the year": the last day of that
# month (the next one after the page's date when no year is given) or year
_UNTIL_END_OF = re.compile(r"\b(?:until|till|through|to)\s+the\s+end\s+of\s+(?:(?:next|this|coming)\s+)?(?:" + _MONTH +
                           r"(?:,?\s+(\d{4}))?|(the|this|next) year|(\d{4}))\b", re.I)
_TERMINATION_ON = re.compile(r"\b(?:as of|with effect from|effective|on)(?=\s+\d{1,2}\s+[A-Z][a-z]+)")
# "to temporarily redeploy … three infantry companies … from the UN Mission in Liberia (UNMIL) to the UN
# peacekeeping force in Côte d'Ivoire (UNOCI)": the decision is about the operation that receives them
_LENT_TO = re.compile(r"\b(?:redeploy\w*|transfer\w*|mov(?:e|es|ed|ing)|lend\w*|lent|shift\w*|loan\w*)\b[^.;]{0,200}?"
                      r"\bfrom\b[^.;]{0,120}?\bto\s+(?:the\s+)?(?:[\w'’-]+\s+){0,7}\(?$", re.I)
_MEMBER_STATES = re.compile(r"\bauthori[sz]\w*\b[^.;]{0,60}\b(?:Member States|member States|member states)\b")
_INTO = re.compile(r"\b(?:(?:reconfigur\w*|transform\w*|re-?hat\w*|transition\w*)\b[^.;]{0,80}?\binto|transition\w*\b"
                   r"[^.;]{0,80}?\bto)\s+(?:the\s+)?[‘'\"“]?$", re.I)
# "for a further period of twelve months", "by three months", "with an initial mandate of six months", "a six-month
# mandate", "for another year"
_N = r"(\d{1,2}|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|eighteen)"
_PERIOD = re.compile(r"\b(?:for|by|of) (?:an?(?:other| further| initial| new| additional)?|a further|another|one more)?"
                     r"\s*(?:(?:initial|further|new|additional)\s+)?(?:period\s+of\s+)?" + _N + r"[ -](month|year|week|day)s?\b"
                     r"(?!\s+(?:later|ago|before|earlier))|"
                     r"\bfor (?:an?other|one more|a further) (year)\b|"
                     r"\b" + _N + r"[- ](month|year)\s+(?:mandate|period|extension|renewal)\b", re.I)
_NUMBERS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
            "ten": 10, "eleven": 11, "twelve": 12, "eighteen": 18}
_DEMAND = re.compile(r"\b(?:call(?:s|ed|ing)? (?:on|upon|for|to)|urg(?:e|es|ed|ing)|demand\w*|condemn\w*|encourag\w*|"
                     r"deplor\w*|appeal\w* (?:to|for)|invit(?:e|es|ed|ing)|reiterat\w* (?:its|the) demand|"
                     r"request(?:s|ed|ing)? (?:that )?(?:the )?(?:Secretary-General|Government|parties|Member States|"
                     r"States|donors|authorities|international community)|"
                     r"ask(?:s|ed|ing)? (?:the )?(?:Secretary-General|Government|parties|Member States|States))\b", re.I)
# Sentences about a report or a recommendation (the Secretary-General's, a review's), not about the decision
_REPORTED = re.compile(r"\b(?:[Ii]n (?:his|her|its|the) (?:\w+ )?report|[Tt]he report (?:also )?(?:called|said|noted|"
                       r"recommended|urged|proposed)|M(?:r|s|rs)\.? [A-Z][\w-]+ (?:said|says|wrote|writes|noted|told|"
                       r"added|stated|warned)|(?:Secretary-General|Special Representative)(?:’s|'s)? (?:[\w-]+ ){0,3}"
                       r"(?:had )?"
                       r"(?:recommended|expressed|said|noted|warned|cautioned|told|reported|commended|proposed|"
                       r"called for|requested|briefed)|[Aa]ccording to (?:the )?(?:Secretary-General|report)|"
                       r"\b(?:he|she) (?:says|said|states|stated|notes|noted|adds|added|writes|wrote|recommends|"
                       r"recommended))\b")
# Cues of a mandate (a task given) and of background (what the operation was given or did before)
_MANDATE_CUE = re.compile(r"\b(?:mandat\w*|task(?:s|ed|ing)?|authori[sz]\w*|decid\w*|request\w*|will|shall|would|"
                          r"priorit\w*|charged with|responsib\w+|objectives?|functions?|role|continue to|to (?:help|"
                          r"support|assist|provide|monitor|protect|facilitate|promote|ensure|observe|verify|"
                          r"contribute)|so (?:that )?(?:it|the \w+(?: \w+)?) can|in order to|including)\b", re.I)
_BACKGROUND_CUE = re.compile(r"\b(?:(?:was|were|had been|has been) (?:first |originally |initially )?(?:created|"
                             r"established|set up|deployed|authori[sz]ed|mandated|tasked|charged)|"
                             r"(?:continues|continued) to|(?:[Oo]riginally|[Ii]nitially|[Ff]irst) "
                             r"(?:created|established|set up|deployed|authori[sz]ed|mandated)|(?:has|have) been \w+ing|"
                             r"[Dd]eployed since|since (?:its (?:creation|establishment|deployment)|\d{4})|"
                             r"(?:created|established|set up|deployed|mandated) (?:by the (?:Security )?Council )?"
                             r"(?:last year|in \d{4}|earlier|previously)|(?:Council|it) (?:created|established|set up) "
                             r"(?:it )?(?:last year|in \d{4}|earlier)|"
                             # "The mission's initial mandate was to support …": what it was given before
                             r"(?:[Ii]nitial|[Oo]riginal|[Pp]revious|[Ee]arlier|[Ff]ormer) mandate (?:was|had been|"
                             r"included|consisted)|[Ii]ts (?:objectives|tasks) (?:included|were))\b")
_PURPOSE_CUE = re.compile(r"(?:to (?:help|support|assist|provide|monitor|protect|facilitate|promote|ensure|observe|"
                          r"verify|contribute)|so (?:that )?|in order to|including|continue to)\b", re.I)
_DEBATE = re.compile(r"\b(?:delegates?|speakers?|speaking|said|ensuing discussion|explanation of vote|"
                     r"Council members spoke)\b", re.I)
_TEXT_START = re.compile(r"(?:full text of (?:the )?resolution|reads as follows)", re.I)
_PREAMBLE = re.compile(r'^\W*(?:Recalling|Reaffirming|Welcoming|Commending|Stressing|Expressing|Noting|Taking note|'
                       r'Underlining|Emphasizing|Emphasising|Determining|Recognizing|Recognising|Considering|Mindful|'
                       r'Bearing in mind|Condemning|Reiterating|Acknowledging|Deploring|Having|Looking forward|'
                       r'Encouraging|Underscoring|Concerned|Deeply|Gravely|Affirming|Urging)\b')
_CHAPTER7 = re.compile(r"\bChapter VII\b")
_MISSION_PRONOUN = re.compile(
    r"\b[Tt]he (?:(?:new|UN|United Nations|(?i:multinational|international|peacekeeping|observer|political|"
    r"stabili[sz]ation|security|civil|civilian|hybrid|transition|transitional|integrated|assistance|support)|African Union|AU|"
    r"European Union|EU|regional)\s+){0,3}(?:[Mm]ission|[Ff]orce|[Oo]peration|brigade|[Pp]resence|"
    r"[Oo]ffice(?! (?:of|for)\b)|observers|peacekeepers)\b(?!['’]s (?:personnel|facilities|safety|security|premises))|"
    r"^\W*(?:It|They)\b|^\W*In (?:that|this|its new)\b[^,]{0,20},\s*(?:it|they)\b|\b[Ii]ts (?:mandate|tasks?|priorit\w+|functions|objectives|role|activities|"
    r"responsibilities)\b|\b(?:[Mm]ember )?States participating in (?:it|the (?:[\w-]+ ){0,2}(?:[Ff]orce|[Oo]peration|"
    r"[Mm]ission))\b")
# "It stressed …", "It agreed …": in a press release "It" after the Council's sentence is the Council
_COUNCIL_SAYS = re.compile(r"^\W*(?:It|They)\s+(?:also\s+|further\s+|then\s+)?(?:stress|agree|decide|call|urge|request|"
                           r"welcome|express|underline|underscore|authori[sz]|reiterat|note|emphasi[sz]|condemn|demand|"
                           r"invit|ask|encourag|recogni[sz]|reaffirm|affirm|recall|commend|deplor|appeal|took note|takes note|"
                           r"acknowledg|determin|insist|warn|consider)\w*\b")
# actions the Council does not take here: wished, requested or weighed by others, or only considered
_HEDGE = re.compile(r"\b(?:urg\w*|ask\w*|request\w*|demand\w*|call(?:s|ed|ing)?|recommend\w*|propos\w*|weigh\w*|consider\w*|"
                    r"intention|intend\w*|possib\w*|may|might|could|plan(?:s|ned|ning)?|expect\w*|envisag\w*|"
                    r"options?|mull\w*|whether|prepar\w*|readiness|ready|wish\w*|hop(?:e|es|ed|ing)|seek\w*|fail\w*|unable|"
                    r"veto\w*|reject\w*)\b", re.I)
_OWN_PREDICATE = re.compile(r"\band\s+(?:(?:also|further|then|unanimously|today)\s+)?(?:(?:decided|agreed|voted)\s+to\s+)?$")
# "established the Verification Mission through the adoption of a resolution on 10 July": an earlier decision
_RECALLED_ADOPTION = re.compile(r"[^.;]{0,80}?\b(?:through|by|with|upon|in) (?:the |its )?adoption of (?:a|an|its) "
                                r"(?:[\w-]+ )?resolution (?:on|in|last|earlier)\b", re.I)
# "extended until 2 November 2025 the authorization to establish": the establishment renewed, not made
_RENEWED_AUTHORISATION = re.compile(r"\b(?:extend|renew|prolong)\w*\b[^.;]{0,80}\bauthori[sz]ation\s+(?:to|for)\s+"
                                    r"(?:\w+\s+)?$", re.I)
_STRENGTH = re.compile(r"\b(?:strength|ceiling|size|troops|personnel|police (?:officers|personnel|units)|officers|"
                       r"contingents?|battalions?|helicopters|reinforcements?)\b", re.I)
_NEW_TASK = re.compile(r"\b(?:shall|will) (?:also )?(?:support|assist|help|provide|monitor|protect|facilitate)\b|"
                       r"\b(?:new|additional) (?:mandate|tasks?)\b|\band mandate\b|\bmandate (?:and|of)\b",
                       re.I)  # "… regarding the size, operational aspects and mandate of the Mission": tasks too
# what a renewal verb extends when it is temporary strength, not the mandate's period: a modification
_TEMPORARY_STRENGTH = re.compile(r"[^.;]{0,80}?\b(?:the\s+)?(?:authori[sz]ation\s+of|temporary|additional)\s+[^.;]{0,60}?"
                                 r"\b(?:personnel|troops|units|compan(?:y|ies)|helicopters|assets|battalions?|"
                                 r"reinforcements?)\b", re.I)
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
    return bool(re.search(r"\b(?:adopt|approv|pass)\w*[^.]{0,60}\bresolution\b|\bresolution \d{3,4}\b|S/RES/\d|"
                          r"\bresolution\b,? (?:was )?(?:unanimously )?adopted\b", head, re.I)
                or re.search(r"\b(?:extend\w*|renew\w*|terminat\w*|establish\w*|authori[sz]\w*|roll-?over|prolong\w*|"
                             r"approv\w*|vot(?:e|es|ed|ing)\b[^.]{0,30}\bto (?:send|deploy|dispatch)|set(?:s|ting)? up|"
                             r"w(?:i|ou)nd(?:s|ing)? (?:up|down)|end)\b"
                             r"[^.]{0,80}\b(?:mandate|mission|force|operation|presence|authori[sz]ation|peacekeepers|"
                             r"troops|(?:civilian )?police|observers)\b", head, re.I)
                # a news headline: "10,000-strong UN peacekeeping mission authorized for southern Sudan"
                or re.search(r"\b(?:mission|force|operation|peacekeepers|troops)\b[^.\n]{0,30}\b(?:authori[sz]ed|"
                             r"approved|established|extended|renewed)\b", head, re.I))


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


def adopted_symbol(body: str, page: Page, adopted: dt.date | None = None
                   ) -> tuple[str | None, str | None, int | None, Span | None]:
    """The resolution adopted here: (symbol, number, year, evidence); a year the text leaves out comes from the
    adoption date the text gives ("On 30 July 2008, the Security Council … adopted resolution 1827"), else the
    page date."""
    cands: dict[str, list[tuple[int, re.Match[str]]]] = {}
    years: dict[str, int] = {}
    headline_end = min(len(body), 400)
    for m in _RES_NUM.finditer(body):
        num = m.group(1)
        if m.group(2):
            years.setdefault(num, int(m.group(2)))
        before = body[max(0, m.start() - 60):m.start()]
        score = 0
        if _ADOPT_BEFORE.search(before + body[m.start():m.start(1)]) or _ADOPT_AFTER.match(body[m.end():m.end() + 100]):
            score += 5
        if m.start() < headline_end:
            score += 3
        if "S/RES/" in m.group(0) and re.search(r"issued as document\s*$", before):
            score += 3
        elif re.search(r"\bissued as (?:(?:Security )?Council )?$", before):
            score += 5  # "the full text of today's resolution …, to be issued as Council resolution 1035 (1995)"
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
    year = years.get(best) or (adopted.year if adopted else None) or (page.date.value.year if page.date else None)
    symbol = f"S/RES/{int(best)} ({year})" if year else f"S/RES/{int(best)}"
    return symbol, best, year, Span(m.start(), m.end(), _sentence_at(body, m.start()))


def _sentence_at(body: str, offset: int) -> str:
    a = max(body.rfind("\n", 0, offset), body.rfind(". ", 0, offset) + 1)
    b_candidates = [x for x in (body.find(". ", offset), body.find("\n", offset)) if x >= 0]
    b = min(b_candidates) + 1 if b_candidates else len(body)
    return " ".join(body[a:b].split())


def _headline(body: str, sents: Sequence[tuple[int, int]]) -> list[tuple[int, int]]:
    """The lines before the first sentence in which the Council acts today, or acts in a sentence of prose
    (title, subtitle)."""
    out = []
    for a, b in sents:
        s = body[a:b]
        if len(s) > 120 and _COUNCIL.search(s) and (
                re.search(r"\b(?:today|this (?:morning|afternoon|evening)|decided|on (?:Monday|Tuesday|Wednesday|"
                          r"Thursday|Friday))\b", s) or (_has_prose(s) and any(action_verb(x, s) for x in ACTIONS))):
            break
        out.append((a, b))
        if len(out) >= 8:
            break
    return out


# "it extended", "the resolution adopted today \u201cauthorizes a multinational force …\u201d"
_IT_ACTS = re.compile(r"\b(?:it|the text|the resolution|the (?:15-member )?(?:body|organ))\s+(?:\w+\s+){0,2}[\"\u201c]?"
                      r"(?:extend(?:ed|s)|renew(?:ed|s)|establish(?:ed|es)|terminat(?:ed|es)|decide[ds]|"
                      r"authori[sz](?:ed|es)|modifie[ds]|creat(?:ed|es))\b", re.I)


def _lead(body: str, sents: Sequence[tuple[int, int]], stop: int, head: Sequence[tuple[int, int]]
          ) -> list[tuple[int, int]]:
    """The first two sentences after the headline in which the Council acts (before the resolution's text)."""
    out: list[tuple[int, int]] = []
    skip = set(head)
    for a, b in sents:
        if a >= stop:
            break
        if (a, b) in skip:
            continue
        s = body[a:b]
        if any(body[x:y] == s for x, y in out):
            continue  # a news page repeats its lede
        acts = _COUNCIL.search(s) or _IT_ACTS.search(s)
        if acts and any(rx.search(s) for rx in _VERBS.values()) and not _DEBATE.search(s):
            out.append((a, b))
            if len(out) >= 2:
                break
    return out


def action_verb(action: str, text: str, rx: re.Pattern[str] | None = None) -> re.Match[str] | None:
    """The first verb of `action` in a text that the Council itself does: not one others ask for, propose or
    weigh, nor one the Council only considers ("urged the Council to establish", "intention to consider downsizing
    … and possibly terminating" — a cue in the same clause before the verb), nor an establishment whose
    authorisation is extended ("extended … the authorization to establish")."""
    for m in (rx or _VERBS[action]).finditer(text):
        start = max(max(text.rfind(c, 0, m.start()) for c in ",;:—–(") + 1, m.start() - 120)
        hedges = list(_HEDGE.finditer(text, start, m.start()))
        # "called for calm and extended the mandate": the verb is a predicate of its own
        if hedges and not _OWN_PREDICATE.search(text[hedges[-1].end():m.start()]):
            continue
        if action == "renew" and _TEMPORARY_STRENGTH.match(text, m.end()):
            continue  # "extended until 30 June the authorization of hundreds of military and police personnel"
        if action == "establish" and _RENEWED_AUTHORISATION.search(text[max(0, m.start() - 160):m.start()]):
            continue
        if action == "establish" and _RECALLED_ADOPTION.match(text, m.end()):
            continue  # "established the Mission through the adoption of a resolution on 10 July": recalled
        return m
    return None


def decide_action(texts: Sequence[str], skip: frozenset[str] = frozenset()) -> tuple[str | None, int]:
    """The strongest action verb in the given texts (headline and lead sentences), with its text index:
    terminate > establish > renew > authorising member States > modify > authorise (less those in `skip`)."""
    order: list[tuple[str, re.Pattern[str]]] = [(a, _VERBS[a]) for a in ("terminate", "establish", "renew")]
    order += [("authorise_support", _MEMBER_STATES), ("modify", _VERBS["modify"]),
              ("authorise_support", _VERBS["authorise_support"])]
    order = [(a, rx) for a, rx in order if a not in skip]
    for action, rx in order:
        for i, t in enumerate(texts):
            if action_verb(action, t, rx):
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


def period_end(sentence: str, adopted: dt.date | None) -> dt.date | None:
    """"for six months" from a known adoption day: the same day number that many months later (GUIDE.md: 22
    October 1999 plus six months is 22 April 2000); None without an adoption day or a period."""
    m = _PERIOD.search(sentence)
    if not m or adopted is None:
        return None
    if m.group(3):
        n, unit = 1, "year"
    else:
        num, unit = (m.group(1), m.group(2)) if m.group(1) else (m.group(4), m.group(5))
        n, unit = (_NUMBERS.get(num.lower()) or int(num)), unit.lower()
    if unit in {"week", "day"}:
        return adopted + dt.timedelta(days=n * (7 if unit == "week" else 1))
    months = n * (12 if unit == "year" else 1)
    y, mo = divmod(adopted.month - 1 + months, 12)
    day = min(adopted.day, _month_end(adopted.year + y, mo + 1).day)
    return dt.date(adopted.year + y, mo + 1, day)


_STARTS_ON = re.compile(r"[\s,]*(?:period\b[\s,]*)?(?:(?:beginning|commencing|starting|running|with effect|effective)\s+"
                        r"(?:on\s+|from\s+|as of\s+)?|"
                        r"(?:as\s+)?from\s+)(?:the\s+)?(\d{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?" + _MONTH +
                        r"(?:,?\s+(\d{4}))?", re.I)


def period_from_start(sentence: str, year: int | None) -> dt.date | None:
    """A period with the day it starts: "for an initial period of 12 months, commencing on 1 January 2007" is
    1 January 2008 (that day plus the period, same day number); no adoption day needed."""
    for m in _PERIOD.finditer(sentence):
        st = _STARTS_ON.match(sentence, m.end())
        if not st:
            continue
        y = int(st.group(3)) if st.group(3) else year
        if y is None:
            continue
        try:
            start = dt.date(y, MONTHS[st.group(2).lower().rstrip(".")], int(st.group(1)))
        except ValueError:
            continue
        return period_end(sentence[m.start():m.end()], start)
    return None


_RENEWS_UNTIL = re.compile(r"\b(?:extend\w*|renew\w*|prolong\w*|roll-?over|terminat\w*|authori[sz]\w*|maintain\w*|"
                           r"ke(?:ep|eps|eping|pt)\b[^.;]{0,80}?\bin place|"  # "to keep the mission … in place through …"
                           r"run(?:s|ning)?|remain(?:s|ed|ing)?\s+(?:in place|deployed|in operation|operational|in the country)|"
                           r"shall)\b"  # "decided that the Transitional Mission shall deliver … until 31 October 2025"
                           r"[^.;]{0,200}?\b(?:until|till|through|as of)\b", re.I)


_ITEM_CODE = re.compile(r"^\W*(?:Press Release\s+)?((?:SC|GA|SG|ECOSOC)/\d[\d/.]*)\*?\s*\|?\s*$", re.M)


# a news item's dateline: "New York, 30 July - The UN Security Council today …", "18 August 2006 – As …"
_DATELINE = re.compile(r"^[^\w\n]{0,3}(?:[A-Z][A-Za-z.]+(?: [A-Z][A-Za-z.]+)?, )?\d{1,2} " + _MONTH + r"(?:,? \d{4})?\s*[-–—]\s",
                       re.M)
# a listing's date line ("12 July 2017" alone) and an item's lede ("The Security Council today extended …")
_DATE_ALONE = re.compile(r"^\s*\d{1,2} " + _MONTH + r",? \d{4}\s*$", re.M)
_LEDE = re.compile(r"^[^\w\n]{0,3}The (?:UN |United Nations )?Security Council,?\s+(?:(?!also\b|further\b)[\w-]+\s+){0,2}?"
                   r"(?:today|this (?:morning|afternoon|evening)|on (?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|"
                   r"Sunday))\b(?!\s+(?:also|further)\b)", re.M)


def _has_prose(text: str) -> bool:
    """Whether a text holds a paragraph of prose (a line of twenty words or more, most in lower case), not only
    titles, headlines in Title Case and site furniture."""
    for line in text.split("\n"):
        words = re.findall(r"[A-Za-z][\w'’-]*", line)
        if len(words) >= 20 and sum(w[0].islower() for w in words) > len(words) / 2:
            return True
    return False


def _acts_in_prose(text: str) -> bool:
    """Whether a line of prose (see `_has_prose`) in the text holds an action verb."""
    return any(_has_prose(line) and any(action_verb(x, line) for x in ACTIONS) for line in text.split("\n"))


def _item_starts(body: str) -> list[int]:
    """Where the items of a listing page start: a code line (`SC/6521`) other than the first; a news item's
    title before its dateline, a listing's date line, another lede — these only after a paragraph of prose."""
    cuts: set[int] = set()
    codes = [(m.start(), m.group(1)) for m in _ITEM_CODE.finditer(body)]
    coded = {at for at, code in codes[1:] if code != codes[0][1]}
    for m in _DATELINE.finditer(body):
        cuts.add(body[:m.start()].rstrip().rfind("\n") + 1)  # the item's title line
    cuts.update(m.start() for m in _DATE_ALONE.finditer(body))
    seen: set[str] = set()
    for m in _LEDE.finditer(body):  # a news page repeats its lede under the title: the same item
        line = body[m.start():body.find("\n", m.start()) % (len(body) + 1)][:80]
        if line not in seen:
            cuts.add(m.start())
        seen.add(line)
    out = [0]
    for at in sorted(cuts | coded):
        if at in coded or (at > out[-1] + 200 and _has_prose(body[out[-1]:at])):
            out.append(at)
    return out


def decision_item(body: str) -> tuple[str, int]:
    """A listing page (several press releases under their code lines `SC/6521`, news items under their titles
    and datelines or date lines, or ledes one after another) is read in its first item that reports a Council
    decision; the other items are blanked (newlines kept), so offsets still point into the page. Also where the
    item starts."""
    starts = _item_starts(body)
    if len(starts) == 1:
        return body, 0
    bounds = list(zip(starts, [*starts[1:], len(body)], strict=True))
    reporting = [(a, b) for a, b in bounds if is_council_text(body[a:b]) and
                 any(action_verb(x, body[a:min(b, a + 1500)]) for x in ACTIONS)]
    # an item whose prose reports the decision before one that reports it only in a title (a photo caption can
    # make a story's headlines look like an item of their own)
    chosen = next((ab for ab in reporting if _acts_in_prose(body[ab[0]:min(ab[1], ab[0] + 1500)])),
                  reporting[0] if reporting else bounds[0])

    def blank(text: str) -> str:
        return re.sub(r"[^\n]", " ", text)

    a, b = chosen
    return blank(body[:a]) + body[a:b] + blank(body[b:]), a


_OPERATIVE = re.compile(r"^\W*(?:\d{1,2}\.\s*)?(?:Decides|Extends|Renews|Authori[sz]es|Establishes|Terminates|Expands|"
                        r"Increases|Reduces|Endorses)\b")
# a resolution's operative paragraph, its number left at the end of the sentence before ("…; 2. Decides that …")
_OPERATIVE_PARAGRAPH = re.compile(r"^\W*(?:Decides|Requests|Authori[sz]es|Extends|Renews|Establishes|Terminates|"
                                  r"Expands|Increases|Reduces|Endorses|Mandates|Tasks|Directs|Underlines|Stresses|"
                                  r"Emphasi[sz]es|Calls|Urges|Encourages|Welcomes|Reaffirms|Demands)\b")


def _operative(body: str, sents: Sequence[tuple[int, int]], stop: int) -> list[tuple[int, int]]:
    """A resolution's own operative paragraphs that act ("1. Decides to extend …", "Authorizes …"), when no
    sentence before its text reports the decision: the first three."""
    return [(a, b) for a, b in sents if a >= stop and _OPERATIVE.match(body[a:b])][:3]


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
    into = [r for r in pool if _INTO.search(body[max(a if r[0] >= a else body.rfind("\n", 0, r[0]) + 1,
                                                     r[0] - 120):r[0]])
            or _LENT_TO.search(body[max(body.rfind("\n", 0, r[0]) + 1, r[0] - 300):r[0]])]
    return into + [r for r in pool if r not in into] if into else pool


def _act(body: str, spans: Sequence[tuple[int, int]], k: int, action: str, refs: Sequence[tuple[int, int, MissionRef]],
         lead: Sequence[tuple[int, int]], head: Sequence[tuple[int, int]]
         ) -> tuple[int, int, re.Match[str] | None, int, tuple[int, int, MissionRef] | None]:
    """The sentence of the action verb, the verb, where it stands, and the operation it acts on."""
    a, b = spans[k]
    verb = action_verb(action, body[a:b])
    v_at = a + (verb.start() if verb else 0)
    pool = _pool(body, refs, v_at, a, b, lead, head)
    return a, b, verb, v_at, (pool[0] if pool else None)


def read_decision(page: Page, find_missions: MissionFinder, matcher: TaskMatcher) -> Decision | None:
    """The decision a Council page reports, or None when it reports none."""
    body, item_at = decision_item(page.text)
    if not is_council_text(body.lstrip()):
        return None
    sents = _sentences(body)
    stop = _resolution_text_start(body)
    adopted = adoption_date(body, page, item_at)
    symbol, number, year, sym_ev = adopted_symbol(body, page, adopted)
    adoption_at = [m.start() for m in _RES_NUM.finditer(body) if number and m.group(1) == number
                   and (_ADOPT_BEFORE.search(body[max(0, m.start() - 60):m.start()] + body[m.start():m.start(1)])
                        or _ADOPT_AFTER.match(body[m.end():m.end() + 100]))]
    if number is None:  # "Adopting a resolution under Chapter VII …, the Council mandated the operation to …"
        adoption_at += [m.start() for m in _ADOPTING_A_RESOLUTION.finditer(body, 0, stop)]
    head = [(a, b) for a, b in _headline(body, sents) if a < stop or stop == 0]
    lead = _lead(body, sents, stop, head) or _operative(body, sents, stop)
    texts = [body[a:b] for a, b in lead] + [body[a:b] for a, b in head]
    spans = lead + head
    action, k = decide_action(texts)
    sunset = action == "terminate" and bool(_SUNSET.search(texts[k])) and any(_NEW_FORCE.search(t) for t in texts)
    if sunset:  # "authorized the establishment of a temporary multinational force … should terminate on 31 March"
        action, k = decide_action(texts, skip=frozenset({"terminate"}))
    decision = Decision(symbol, number, year, adopted, action, None)
    if sunset:
        decision.notes.append("the end it sets for the force it authorises is a period, not a termination")
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
        # deployed again for a new period ("approved the deployment of some 5,500 peacekeepers … until 15 March
        # 2010"): a renewal; else a modification
        a0, b0 = spans[k]
        decision.action = action = alt or ("renew" if _UNTIL.search(body[a0:b0]) else "modify")
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
        elif action == "authorise_support" and "un" in leads and not _MEMBER_STATES.search(body[a:b]):
            said_earlier = any(r[2].id == first[2].id and _WAS_ESTABLISHED.match(body, r[1]) for r in refs)
            if not _ran_before(first[2], when) and not said_earlier:
                decision.action = action = "establish"  # "authorized the deployment of" a new UN(-led) operation
                decision.notes.append("a new UN-led operation authorised: established")
            elif said_earlier and (_PERIOD.search(body[a:b]) or _UNTIL.search(body[a:b])):
                # "authorized the deployment of 4,200 troops for … (UNMEE), with an initial six-month mandate",
                # UNMEE "originally established at the end of July": a new period for a running operation
                decision.action = action = "renew"
                decision.notes.append(f"{first[2].id} was established before (the page says so): a new period renews it")
            else:  # "authorized the deployment of 100 military observers as part of UNTAES"
                decision.action = action = "modify"
                decision.notes.append(f"{first[2].id} ran since {first[2].valid_from}: what is authorised modifies it")
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
    if action == "modify":
        decision.notes.append("a modification sets no new end date")  # a temporary increase's end is not one
    else:
        _read_end_date(decision, body, page, sents, stop, (spans[k], v_at if verb else spans[k][0]), lead, head, refs)
    ends = next((m for x, y in sents if (x < stop or stop == 0) and not _DEBATE.search(body[x:y])
                 for m in [_THEN_ENDS.search(body, x, y)] if m), None) if action == "renew" else None
    if ends:  # "extended UNMIBH's mandate through the end of this year. At that point, the UN Mission will be
        decision.action = action = "terminate"  # terminated": a final extension
        decision.notes.append("the operation ends when this extension runs out: a termination")
        decision.evidence["action"] = Span(ends.start(), ends.end(), " ".join(_sentence_at(body, ends.start()).split()))
    # tasks
    acting = [x for x, y in [spans[k], *lead] if _CHAPTER7.search(body[x:y]) and not _DEBATE.search(body[x:y])]
    # "established a United Nations-mandated, multidimensional presence … to help protect civilians": the operation
    # the action verb takes as its object, named or not
    obj = _OBJECT.search(body, v_at, min(b, v_at + 160)) if verb else None
    objects = [obj.start()] if obj and ";" not in body[v_at:obj.start()] else []
    decision.tasks, task_ev = _tasks(body, sents, stop, decision, refs, matcher, [*adoption_at, *acting], objects)
    if action == "modify" and verb and _STRENGTH.search(body[a:b]) and not _NEW_TASK.search(body[a:b]):
        # more (or fewer) troops for the tasks it has: what they "would enable" it to do is not a new task
        decision.tasks = [t for t in decision.tasks if t == "use_of_force"]
        decision.notes.append("a change of strength: no new task")
    if task_ev:
        decision.evidence["tasks"] = task_ev
    return decision


# "UNMEE, which was originally established at the end of July": the page says the operation ran before
_WAS_ESTABLISHED = re.compile(r"\)?,?\s+(?:which|that) (?:was|had been) (?:originally |first |initially )?(?:established|"
                              r"created|set up)\b")
_ASKED_FOR = re.compile(r"\b(?:request|proposal|appeal)s?\s+(?:from|by)\b|\bwill have before it\b", re.I)
# what a final extension says happens when it runs out
_THEN_ENDS = re.compile(r"\b(?:[Aa]t that (?:point|time|date)|[Tt]hereafter|[Aa]fter (?:that|which))\b[^.;]{0,40}?\b(?:the |its )?"
                        r"(?:UN |United Nations )?(?:[Mm]ission|[Oo]peration|[Oo]ffice|[Ff]orce)\s+(?:will|would|shall|is to)\s+"
                        r"(?:then\s+)?(?:be\s+)?(?:terminated|closed|wound up|withdrawn|end|close)\b")
# a new force given its last day in the decision that authorises it: a sunset clause, not a termination
_SUNSET = re.compile(r"\b(?:should|shall|would|will)\s+terminate\s+on\b", re.I)
_NEW_FORCE = re.compile(r"\bauthori[sz]\w*\s+(?:the\s+)?(?:establishment|creation|deployment|formation)\s+of\s+an?\b", re.I)
_ADOPTING_A_RESOLUTION = re.compile(r"\b[Aa]dopt(?:ing|ed|s)?\s+(?:\w+\s+){0,2}?(?:draft\s+)?resolution\b(?!\s+\d)")
_ON_DAY = re.compile(r"\b[Oo]n (\d{1,2}) " + _MONTH + r",? (\d{4}),? the (?:UN |United Nations )?Security Council\b"
                     r"[^.]{0,60}?\b(?:adopted|decided|extended|renewed|terminated|established|authori[sz]ed)\b")


# a story's dateline before "The Security Council today …": "15 September -- The Security Council today authorized …"
_TODAY_DATELINE = re.compile(r"^[^\w\n]{0,3}(?:[A-Z][A-Za-z.]+(?: [A-Z][A-Za-z.]+)?, )?(\d{1,2}) " + _MONTH +
                             r"(?:,? (\d{4}))?\s*(?:--|[-–—])\s*(?:The )?(?:UN |United Nations )?Security Council\b"
                             r"[^.\n]{0,40}?\b(?:today|this (?:morning|afternoon|evening))\b", re.M)


def adoption_date(body: str, page: Page, item_at: int = 0) -> dt.date | None:
    """The day the resolution was adopted: a resolution's "Adopted … on 5 October 2017", the date line of the
    listing's item read (`item_at` > 0), a story's dateline before "The Security Council today …", a page dated to
    the day, or "On 30 July 2008, the Security Council … adopted" in the text."""
    m = ADOPTED_ON.search(body)
    if m:
        return dt.date(int(m.group(3)), MONTHS[m.group(2).lower()], int(m.group(1)))
    if item_at and (own := page_date(body[item_at:item_at + 300], None)) and own.precision == "day":
        return own.value
    told = _TODAY_DATELINE.search(body[:3000])
    if told and (told.group(3) or page.date):  # the story's own day, not the day it was posted
        year = int(told.group(3)) if told.group(3) else page.date.value.year  # type: ignore[union-attr]
        try:
            day = dt.date(year, MONTHS[told.group(2).lower().rstrip(".")], int(told.group(1)))
        except ValueError:
            day = None
        if day and page.date and page.date.precision == "day" and not told.group(3) and \
                day > page.date.value + dt.timedelta(days=31):
            day = day.replace(year=year - 1)  # "30 December -- …" on a page posted in January
        if day:
            return day
    if page.date and page.date.precision == "day":
        return page.date.value
    m = _ON_DAY.search(body[:3000])
    if m:
        try:
            return dt.date(int(m.group(3)), MONTHS[m.group(2).lower().rstrip(".")], int(m.group(1)))
        except ValueError:
            return None
    return None


# "with effect from the following day", "with immediate effect": a termination's end from the adoption day
_NEXT_DAY = re.compile(r"\bwith effect from (?:the following day|tomorrow)\b|\beffective (?:the following day|"
                       r"tomorrow)\b", re.I)
_IMMEDIATE = re.compile(r"\bwith immediate effect\b|\beffective immediately\b|\bterminat\w* immediately\b|"
                        r"\bexpir(?:ed|es|ation|y)\b(?:\s+of\s+(?:its|the)\s+mandate)?\s+today\b", re.I)
# "following the 9 July termination of its mandate": the date before the noun
_DATE_BEFORE_END = re.compile(r"\b(?:the\s+)?(\d{1,2}\s+" + _MONTH + r"(?:\s+\d{4})?)\s+(?:termination|expiry|expiration|"
                              r"end)\s+of\b")


def _read_end_date(decision: Decision, body: str, page: Page, sents: Sequence[tuple[int, int]], stop: int,
                   action_at: tuple[tuple[int, int], int], lead: Sequence[tuple[int, int]],
                   head: Sequence[tuple[int, int]], refs: Sequence[tuple[int, int, MissionRef]]) -> None:
    """The new end date (see the README's table): a date after "until", "through" … in the action sentence, the
    lead, the headline or another sentence on the operation's mandate; a termination's "as of", "on", "with
    effect from the following day"; else a period ("for six months") from the adoption day."""
    action = decision.action
    adopted = decision.adopted
    (x0, y0), v_at = action_at
    ref_date = adopted or (page.date.value if page.date else None)
    year_hint = decision.year or (page.date.value.year if page.date else None)
    # other sentences before the resolution's text that extend (or end) the operation's mandate "until" a date
    named = {r[0] for r in refs if decision.mission and r[2].id == decision.mission.id}
    near = [(x, y) for x, y in sents if x < stop and (x, y) not in {(x0, y0), *lead, *head}
            and not _DEBATE.search(body[x:y]) and not _REPORTED.search(body[x:y])
            and (any(x <= p < y for p in named) or re.search(r"\bmandate\b", body[x:y]) or _pronoun_refs(body[x:y]))]

    def before_demand(x: int, y: int) -> str:
        """The sentence up to a demand on others after the extension ("extending UNIPSIL's mandate until …, and
        calling on …"); a demand before it ("Calling upon all parties to …, the Council … extended the mission's
        mandate until 30 April 2017") does not cut it."""
        r = _RENEWS_UNTIL.search(body, x, y)
        d = _DEMAND.search(body, r.start() if r else x, y)
        return body[x:d.start() if d else y]
    # "it will have before it a request from the Secretary-General to continue the mission until 4 April 2006":
    # a date someone asks for is not one the Council set
    near = [(x, y) for x, y in near if not _ASKED_FOR.search(body[x:y])]
    more = [(x, y) for x, y in near if _RENEWS_UNTIL.search(before_demand(x, y))]
    near = [(x, y) for x, y in near if not _DEMAND.search(body[x:y])]

    def elsewhere(x: int, y: int) -> bool:
        """A sentence other than the action's that names operations, not this one (the UNMIBH extension on a page
        that authorises SFOR), or that reports another decision ("In another action, …"): its dates are theirs."""
        if (x, y) == (x0, y0):
            return False
        ids = {r[2].id for r in refs if x <= r[0] < y}
        others = bool(ids) and (decision.mission is None or decision.mission.id not in ids)
        return others or bool(_ANOTHER_ACTION.match(body[x:y]))
    ref_ok = ref_date if (page.date and page.date.precision != "year") or adopted else None
    if action == "terminate" and adopted:
        after = body[v_at:y0]
        if _NEXT_DAY.search(after) or _IMMEDIATE.search(after):
            decision.end_date = adopted + dt.timedelta(days=1 if _NEXT_DAY.search(after) else 0)
            decision.evidence["end_date"] = Span(v_at, y0, " ".join(body[x0:y0].split()))
            return
    for x, y in [(x0, y0), *lead, *head, *more]:
        if elsewhere(x, y) or ((x, y) != (x0, y0) and _ASKED_FOR.search(body[x:y])):
            continue
        if action == "terminate" and (x, y) == (x0, y0) and end_date(_ending(body[v_at:y]), year_hint, ref_ok)[0]:
            x = v_at  # "meeting on 30 June, decided to terminate the mandate on 31 December": after the verb
        text = body[x:y] if (x, y) not in more else before_demand(x, y)
        # for anything but a termination, "as of 1 July" is the day it starts, not its end
        text = _ending(text) if action == "terminate" else _AS_OF.sub("from", text)
        d, found = end_date(text, year_hint, ref_ok)
        if d:
            decision.end_date = d
            pos = body.find(found or "", x)
            decision.evidence["end_date"] = Span(max(pos, x), max(pos, x) + len(found or ""),
                                                 " ".join(body[x:y].split()))
            return
    if action in {"renew", "establish", "authorise_support"}:
        # a period from the day it starts ("for a single nine-month period beginning on 16 January 1998", also in
        # the Council's request to the Secretary-General that names the operation), else from the adoption day
        told = [(x, y) for x, y in sents if x < stop and any(x <= p < y for p in named)
                and not _DEBATE.search(body[x:y]) and not _REPORTED.search(body[x:y])]
        base = [(x0, y0), *lead, *head, *near]
        for x, y in [*base, *(t for t in told if t not in base)]:
            if elsewhere(x, y):
                continue
            started = period_from_start(body[x:y], year_hint)
            d2 = started or (period_end(body[x:y], adopted) if (x, y) in base else None)
            if d2:
                decision.end_date = d2
                decision.notes.append("end date computed from the period and " +
                                      ("the day it starts" if started else "the adoption date"))
                decision.evidence["end_date"] = Span(x, y, " ".join(body[x:y].split()))
                return


_AS_OF = re.compile(r"\bas of\b", re.I)
# "In another action, it authorized United Nations military observers to continue … for three months": the
# sentence reports a second decision, and its period is not this one's
_ANOTHER_ACTION = re.compile(r"^\W*(?:In (?:another|a separate|a second|a further|a related) (?:action|decision|"
                             r"resolution|text|move)|Separately|In separate action)\b", re.I)


def _ending(text: str) -> str:
    """A termination's dates read as ends: "as of 30 June", "on 31 December", "the 9 July termination of"."""
    return _DATE_BEFORE_END.sub(r"until \1 end of", _TERMINATION_ON.sub("until", text))
_ACTS_AFTER = re.compile(r"^(?:\s*\([A-Z][A-Za-z]+\))?\s*[“\"‘']?(?:(?:will|would|shall|should|must|can|could|may|might|is|"
                         r"are|was|were|has|have|had|continues?|also|further|to|'s)\b|\w+(?:s|ed)\s+(?:to|the|a|an|"
                         r"in|with|for|on|and)\b)")
_ACTED_ON_BEFORE = re.compile(r"\b(?:authori[sz]\w*|request\w*|mandat\w*|task\w*|decid\w* that|call\w* (?:on|upon)|"
                              r"enabl\w*|allow\w*|empower\w*|direct\w*)\s+$", re.I)


def _pronoun_refs(s: str) -> list[int]:
    """Where a sentence refers to the operation without naming it: "It …", "its mandate", or "the Mission" /
    "the Force" as the one acting or acted on ("the Mission will …", "authorized the Force to …"), not a noun in
    passing ("NATO participation in the security presence;")."""
    out = [m.start() for m in (*_THE_MANDATE.finditer(s), *_ITS_PRIORITIES.finditer(s))]
    for m in _MISSION_PRONOUN.finditer(s):
        word = re.sub(r"^\W*in [^,]*,\s*", "", m.group(0).lower())  # "In that role, it would …": "it would …"
        said = s[m.end() - len(word):] if word != m.group(0).lower() else s
        if word.lstrip(" \t\"'(").startswith(("it ", "they ", "it", "they")) and not word.startswith("its ") and \
                _COUNCIL_SAYS.match(said[:1].upper() + said[1:]):
            continue  # "It stressed …": the Council
        pronoun = word.lstrip(" \t\"'(").startswith(("it", "they")) or word.startswith("its ") or \
            "participating in" in word
        if pronoun or _ACTS_AFTER.match(s[m.end():m.end() + 40]) or \
                _ACTED_ON_BEFORE.search(s[max(0, m.start() - 40):m.start()]):
            out.append(m.start())
    return out


# "Other parts of the mandate include monitoring …": the mandate the page is about (not "the mandate of X")
_THE_MANDATE = re.compile(r"\b[Tt]he (?:new |initial |current |revised |expanded )?mandate\b(?! (?:of|for|given to)\b)")
# "Among transition priorities, the text underscores support for …": what the decision gives the operation to do
_ITS_PRIORITIES = re.compile(r"\b[Aa]mong (?:the |its )?(?:[\w-]+ )?(?:priorities|tasks|functions)\b|"
                             r"\b(?:[Tt]he text|[Tt]he resolution)\s+(?:\w+\s+){0,2}?(?:priorit\w+|tasks|mandate)\b")
_ALREADY_RUNNING_DAYS = 90
# "to send 10,000 troops … to", "extend … a series of authorizations for Member States to inspect vessels"
_OBJECT = re.compile(r"\b(?:" + _OPERATION_NOUN + r"|peacekeepers|troops|(?-i:Member States))\b", re.I)
_HANDOVER = re.compile(r"\b(?:transfer\w*|replac\w*|take over|tak(?:es|ing) over|succeed\w*|subsum\w*|"
                       r"functions of|from the)\b", re.I)
SUPPORT_TASKS = frozenset({"financing_support", "logistics_support"})
_PROVIDES = re.compile(r"\bprovid\w*\b|\bdeliver\w*\b", re.I)
_SUPPORT_VERB = re.compile(r"\b(?:support\w*|assist\w*|help\w*|promot\w*|facilitat\w*|foster\w*|advanc\w*|"
                           r"organi[sz]\w*|hold(?:ing)?|conduct\w*|monitor\w*|tasked with|strengthen\w*|"
                           r"consolidat\w*|provid\w*|investigat\w*|verif\w*)\b", re.I)


# the Council's view of the operation's work, not a task it gives: "It stressed that the Mission's provision of
# focused recovery and reconstruction assistance could greatly assist …"
_VIEW_THAT = re.compile(r"^\W*(?:It|They|The (?:Security )?Council|Council members)\s+(?:also\s+|further\s+)?(?:stress|"
                        r"underline|underscore|emphasi[sz]|recogni[sz]|not|welcom|express|reaffirm|acknowledg|commend|"
                        r"observ|believ|consider)\w*\s+(?:[\w,]+\s+){0,6}?that\b")
_WITH_HELP_OF = re.compile(r"\b(?:with|through|by|thanks to)\s+the\s+(?:[\w-]+\s+){0,4}?(?:advice|support|assistance|help|"
                           r"backing|cooperation)\s+of\s+(?:the\s+)?$", re.I)
_IMPORTANCE_OF = re.compile(r"\b(?:stress|underlin|underscor|emphasi[sz]|highlight|recogni[sz]|reiterat|affirm)\w*\s+"
                            r"(?:the\s+)?(?:importance|need|necessity|urgency|centrality)\s+(?:of|for|to)\b", re.I)
_GIVES_TASK = re.compile(r"\b(?:should|shall|must|will|would|is to|are to|mandat\w*|task\w*|priorit\w*|"
                         r"responsib\w*|role)\b", re.I)


def _council_view(s: str, at: int) -> bool:
    """Whether a task hit at `at` stands in a clause where the Council states a view ("stressed that …") with no
    word that gives a task between the view and the hit."""
    m = _VIEW_THAT.match(s)
    if m and m.end() <= at and not _GIVES_TASK.search(s, m.end(), at):
        return True
    # "… and stressed the importance of protecting Darfur's civilian population": the Council's concern
    views = list(_IMPORTANCE_OF.finditer(s, 0, at))
    if not views:
        return False
    end = views[-1].end()
    return not _GIVES_TASK.search(s, end, at) and not re.search(r"[;:]", s[end:at])


def _cue_allows(s: str, at: int) -> bool:
    """Whether a task hit at `at` stands in a clause that gives a task: the nearest cue before it is a mandate
    cue, not a background one ("was created … under Chapter VII, and is tasked with …")."""
    background = [(m.start(), m.end()) for m in _BACKGROUND_CUE.finditer(s) if m.start() <= at]
    # the cue of a past tasking ("was tasked with") is part of it; a past authorisation ("was authorized to take
    # all necessary action") still says what the operation may do
    tasked = [(x, y) for x, y in background if re.search(r"\b(?:tasked|charged|(?:mandate|objectives|tasks) \w+)$", s[x:y])]
    mandate = [m.start() for m in _MANDATE_CUE.finditer(s) if m.start() <= at
               and not any(x <= m.start() < y for x, y in tasked)]
    if not background:
        return True
    last_background = max(x for x, _ in background)
    # "originally established UNAMSIL in 1999 to cooperate … and to assist in …": a purpose of the earlier
    # decision; only a finite cue ("is tasked with", "will", "decided") gives a task again
    finite = [x for x in mandate if not _PURPOSE_CUE.match(s, x)]
    return bool(finite) and max(finite) > last_background


def _tasks(body: str, sents: Sequence[tuple[int, int]], stop: int, decision: Decision,
           refs: Sequence[tuple[int, int, MissionRef]], matcher: TaskMatcher, adoption_at: Sequence[int],
           objects: Sequence[int] = ()) -> tuple[list[str], Span | None]:
    """Tasks the decision gives the operation (see the module docstring): in sentences that name the operation
    (or refer to it: "the Mission", "its mandate", "It …"), in the items of a task list such a sentence opens,
    and in the adoption sentence; not in demands on others, reports, recommendations, background clauses, the
    debate or the resolution's preamble."""
    if decision.mission is None and not objects:
        return [], None
    # no operation named ("authorized the establishment of a temporary multinational force to …"): the tasks of
    # the force the action verb takes as its object, and of the adoption sentence
    mid = decision.mission.id if decision.mission else ""
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
        if in_text and not is_item and not re.match(r'^\W*\d{1,2}\.\s', line) and not _OPERATIVE_PARAGRAPH.match(s):
            in_list = False
            continue
        if _DEBATE.search(s) or _REPORTED.search(s):
            in_list = False
            continue
        mine = [r for r in refs if a <= r[0] < b]
        at = [r[0] - a for r in mine if r[2].id == mid] + _pronoun_refs(s) + [x - a for x in objects if a <= x < b]
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
        elsewhere = [r[0] - a for r in others]
        named_at = [(r[0] - a, r[1] - a) for r in mine]
        for h in matcher.find(parse(s)):
            if any(x <= h.start and h.end <= y for x, y in named_at):
                continue  # a word of the operation's name: the "Peacebuilding Office in Guinea-Bissau"
            if _NOT_A_TASK.search(s[max(0, h.start - 80):h.start]) or _law_field(s[h.end:h.end + 60]):
                continue  # "personnel with training in … human rights and refugee law": a field, not a task
            mission_before = [x for x in at if x <= h.start]
            if mission_before and any(max(mission_before) < x < h.start for x in elsewhere):
                continue  # another operation named nearer before the task: "… (UNOTIL), which … to carry out …"
            demand_before = [x for x in demands if x <= h.start]
            # "called on the Government to complete, with the advice and technical support of MINURCA, the
            # programme …": named as the helper of those the Council calls on, the operation is not given the task
            acting = [x for x in mission_before if not _WITH_HELP_OF.search(s[max(0, x - 60):x])]
            ours = bool(mission_before) and (not demand_before or max(demand_before) < max(acting or [-1]))
            if h.via == "generic":  # a generic word names a task only after a verb that gives one
                ours = ours and bool(_SUPPORT_VERB.search(s[max(0, h.start - 60):h.start]))
            if h.key in SUPPORT_TASKS:  # support the operation receives is not its task; support it gives is
                ours = ours and bool(_PROVIDES.search(s[max(mission_before or [0]):h.start]))
            chapter7 = h.key == "use_of_force" and bool(_CHAPTER7.search(h.text)) and adoption and not demand_before
            ok = (ours or chapter7) and _cue_allows(s, h.start) and not _council_view(s, h.start)
            for key in matcher.lexicon.keys_for(h.key) if ok else ():
                if key not in found:
                    found.append(key)
                    if first is None:
                        first = Span(a, b, " ".join(s.split()))
    return found, first


# a field its personnel know ("training in … human rights law"), a safeguard on its own conduct ("an oversight
# mechanism to prevent human rights violations"): not tasks
_NOT_A_TASK = re.compile(r"\b(?:(?:training|trained|expertise|experience|knowledge|background|qualified)\s+in|"
                         r"(?:oversight|compliance|accountability|vetting|screening|conduct and discipline)\s+"
                         r"(?:mechanism|framework|measures?|policy|polic(?:y|ies)))\b[^.;:]{0,80}$|"
                         # what others do to it: "gangs that … abuse human rights"
                         r"\b(?:abus(?:e|es|ed|ing)|violat(?:e|es|ed|ing)|disregard(?:s|ed|ing)?|flout(?:s|ed|ing)?)\s+$",
                         re.I)
_PREPOSITIONS = frozenset({"in", "under", "with", "of", "by", "for", "to", "at", "on", "accordance", "from", "the",
                           "its", "their"})


def _law_field(after: str) -> bool:
    """Whether a task word names a field of law ("human rights and refugee law"): up to three plain words, none
    a preposition, then "law"."""
    for w in re.findall(r"[A-Za-z-]+|,", after)[:4]:
        if w.lower() == "law":
            return True
        if w.lower() in _PREPOSITIONS:
            return False
    return False


def _after_demand_is_mission(s: str, at: int, decision: Decision) -> bool:
    tail = s[at:at + 40]
    ref = decision.mission
    words = [w for w in (ref.acronym if ref else None, ref.id.upper() if ref else None) if w]
    return bool(re.match(r"\s+(?:that\s+)?(?:it|the (?:Mission|mission|Force|force|operation))\b", tail)) or any(
        re.match(r"\s+(?:that\s+)?(?:the\s+)?" + re.escape(w) + r"\b", tail) for w in words)
