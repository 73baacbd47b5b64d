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
