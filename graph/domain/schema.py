"""Schema as data: node labels, their id property, and relationship types. Everything else is checked against it.

Labels and relationship types used in Cypher come from here or from cypher/*.cypher, never from user input.
"""

from __future__ import annotations

from typing import Final

# label -> the bundle section that carries it
NODE_LABELS: Final[dict[str, str]] = {
    "Source": "sources",
    "Organization": "organizations",
    "Place": "places",
    "Task": "tasks",
    "Mission": "missions",
    "Mandate": "mandates",
    "Coverage": "coverages",
    "FundingLine": "funding_lines",
    "Transition": "transitions",
    "Agreement": "agreements",
}
# extra labels: every Organization and Mission is also an Actor; places are also Country or Area; handovers
EXTRA_LABELS: Final[tuple[str, ...]] = ("Actor", "Country", "Area", "Handover", "ApiKey")

RELATIONSHIPS: Final[dict[str, tuple[str, str]]] = {
    "PART_OF": ("Organization|Place", "Organization|Place"),
    "GOVERNS": ("Organization", "Place"),
    "LED_BY": ("Mission", "Organization"),
    "DEPLOYED_IN": ("Mission", "Place"),
    "ISSUED_BY": ("Mandate", "Organization"),
    "RENEWS": ("Mandate", "Mandate"),
    "AUTHORIZES": ("Mandate", "Mission"),
    "ASSIGNS": ("Mandate", "Task"),
    "APPLIES_TO": ("Mandate", "Place"),
    "BY": ("Coverage", "Actor"),
    "OF_TASK": ("Coverage|Handover", "Task"),
    "IN": ("Coverage|Transition|Handover", "Place"),
    "UNDER": ("Coverage", "Mandate"),
    "FUNDED_BY": ("FundingLine", "Organization"),
    "FUNDS": ("FundingLine", "Actor"),
    "PAYS_FOR": ("FundingLine", "Coverage"),
    "FROM": ("Transition", "Actor"),
    "TO": ("Transition|Handover", "Actor"),
    "HANDS_OVER": ("Transition", "Handover"),
    "PARTY": ("Agreement", "Organization"),
    "CITES": ("*", "Source"),
}

ID_PROPERTY: Final[str] = "id"
FULLTEXT_INDEX: Final[str] = "entity_names"

# What root queries may filter and sort on: label -> API field -> (node property, value type).
STRING, DATE, NUMBER = "string", "date", "number"
_DATED = {"validFrom": ("valid_from", DATE), "validTo": ("valid_to", DATE), "status": ("status", STRING)}
FILTER_FIELDS: Final[dict[str, dict[str, tuple[str, str]]]] = {
    "Source": {"id": ("id", STRING), "title": ("title", STRING), "kind": ("kind", STRING), "date": ("date", DATE),
               "symbol": ("symbol", STRING)},
    "Organization": {"id": ("id", STRING), "name": ("name", STRING), "acronym": ("acronym", STRING),
                     "kind": ("kind", STRING)},
    "Place": {"id": ("id", STRING), "name": ("name", STRING), "kind": ("kind", STRING), "iso3": ("iso3", STRING)},
    "Task": {"id": ("id", STRING), "group": ("group", STRING), "label": ("label", STRING)},
    "Mission": {"id": ("id", STRING), "name": ("name", STRING), "acronym": ("acronym", STRING),
                "kind": ("kind", STRING), **_DATED},
    "Mandate": {"id": ("id", STRING), "kind": ("kind", STRING), "adopted": ("adopted", DATE), **_DATED},
    "Coverage": {"id": ("id", STRING), "role": ("role", STRING), "modality": ("modality", STRING), **_DATED},
    "FundingLine": {"id": ("id", STRING), "name": ("name", STRING), "instrument": ("instrument", STRING),
                    "amount": ("amount", NUMBER), "currency": ("currency", STRING), **_DATED},
    "Transition": {"id": ("id", STRING), "kind": ("kind", STRING), "stage": ("stage", STRING),
                   "start": ("start", DATE), "end": ("end", DATE), "status": ("status", STRING)},
    "Agreement": {"id": ("id", STRING), "name": ("name", STRING), "kind": ("kind", STRING),
                  "signed": ("signed", DATE), **_DATED},
}
# Relationship filters (`some` / `none`): label -> API field -> (pattern from n to x, target label).
REL_FILTERS: Final[dict[str, dict[str, tuple[str, str]]]] = {
    "Organization": {"missions": ("(n)<-[:LED_BY]-(x:Mission)", "Mission"),
                     "agreements": ("(n)<-[:PARTY]-(x:Agreement)", "Agreement")},
    "Place": {"missions": ("(n)<-[:DEPLOYED_IN]-(x:Mission)", "Mission"),
              "parent": ("(n)-[:PART_OF]->(x:Place)", "Place")},
    "Mission": {"ledBy": ("(n)-[:LED_BY]->(x:Organization)", "Organization"),
                "deployedIn": ("(n)-[:DEPLOYED_IN]->(x:Place)", "Place"),
                "mandates": ("(n)<-[:AUTHORIZES]-(x:Mandate)", "Mandate"),
                "coverages": ("(n)<-[:BY]-(x:Coverage)", "Coverage")},
    "Mandate": {"authorizes": ("(n)-[:AUTHORIZES]->(x:Mission)", "Mission"),
                "tasks": ("(n)-[:ASSIGNS]->(x:Task)", "Task"),
                "places": ("(n)-[:APPLIES_TO]->(x:Place)", "Place"),
                "issuedBy": ("(n)-[:ISSUED_BY]->(x:Organization)", "Organization")},
    "Coverage": {"task": ("(n)-[:OF_TASK]->(x:Task)", "Task"), "place": ("(n)-[:IN]->(x:Place)", "Place"),
                 "mission": ("(n)-[:BY]->(x:Mission)", "Mission"),
                 "organization": ("(n)-[:BY]->(x:Organization)", "Organization"),
                 "mandate": ("(n)-[:UNDER]->(x:Mandate)", "Mandate")},
    "FundingLine": {"funders": ("(n)-[:FUNDED_BY]->(x:Organization)", "Organization"),
                    "recipientMission": ("(n)-[:FUNDS]->(x:Mission)", "Mission")},
    "Transition": {"from": ("(n)-[:FROM]->(x:Mission)", "Mission"), "places": ("(n)-[:IN]->(x:Place)", "Place")},
    "Agreement": {"parties": ("(n)-[:PARTY]->(x:Organization)", "Organization")},
    "Task": {"mandates": ("(n)<-[:ASSIGNS]-(x:Mandate)", "Mandate")},
    "Source": {},
}
