"""The Council-page test world (operations and dates beside helpers.py's) and the helpers the Council-text tests
share: `read` a page written for a test, `op` the operation its decision acts on."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from peacegraph.seed.extract.context import ExtractContext, context_from_rows
from peacegraph.seed.extract.council.decision import Decision
from peacegraph.seed.extract.council.reader import read_council_text
from tests.unit.extract.helpers import MANDATES, MISSIONS, ROWS


def _mission(id_: str, name: str, acronym: str, led: str, places: list[str], aliases: tuple[str, ...] = ()
             ) -> dict[str, Any]:
    return {"kind": "mission", "id": id_, "name": name, "acronym": acronym, "aliases": list(aliases),
            "adjectives": [], "subkind": "un_peacekeeping" if led == "un" else "coalition", "parents": [],
            "led_by": [led], "deployed_in": places}


def _place(iso: str, name: str) -> dict[str, Any]:
    return {"kind": "place", "id": iso, "name": name, "acronym": iso, "aliases": [], "adjectives": [],
            "subkind": "country", "parents": [], "led_by": [], "deployed_in": []}


EXTRA = [
    _mission("unmis", "United Nations Mission in Sudan", "UNMIS", "un", ["SDN", "SSD"]),
    _mission("unmiss", "United Nations Mission in the Republic of South Sudan", "UNMISS", "un", ["SSD"]),
    _mission("isaf", "International Security Assistance Force", "ISAF", "nato", ["AFG"]),
    _mission("interfet", "International Force East Timor", "INTERFET", "gov-aus", ["TLS"]),
    _mission("unamet", "United Nations Mission in East Timor", "UNAMET", "un", ["TLS"]),
    _mission("unvmc", "United Nations Verification Mission in Colombia", "UNVMC", "un", ["COL"]),
    _mission("minugua", "United Nations Verification Mission in Guatemala", "MINUGUA", "un", ["GTM"]),
    _mission("unficyp", "United Nations Peacekeeping Force in Cyprus", "UNFICYP", "un", ["CYP"]),
    _mission("unami", "United Nations Assistance Mission for Iraq", "UNAMI", "un", ["IRQ"]),
    _mission("unmee", "United Nations Mission in Ethiopia and Eritrea", "UNMEE", "un", ["ETH", "ERI"]),
    _mission("unmil", "United Nations Mission in Liberia", "UNMIL", "un", ["LBR"]),
    _mission("unama", "United Nations Assistance Mission in Afghanistan", "UNAMA", "un", ["AFG"]),
    _mission("unmha", "United Nations Mission to Support the Hudaydah Agreement", "UNMHA", "un", ["YEM"]),
    _mission("minurso", "United Nations Mission for the Referendum in Western Sahara", "MINURSO", "un", ["ESH"]),
    _mission("unamid", "African Union-United Nations Hybrid Operation in Darfur", "UNAMID", "un", ["SDN"]),
    _place("SDN", "Sudan"), _place("SSD", "South Sudan"), _place("AFG", "Afghanistan"),
    _place("TLS", "East Timor"), _place("COL", "Colombia"), _place("GTM", "Guatemala"), _place("CYP", "Cyprus"),
    _place("IRQ", "Iraq"), _place("ETH", "Ethiopia"), _place("ERI", "Eritrea"), _place("LBR", "Liberia"),
    _place("YEM", "Yemen"), _place("ESH", "Western Sahara"),
]
DATES = [{"id": "unmis", "valid_from": "2005-03-24", "valid_to": "2011-07-10"},
         {"id": "unmiss", "valid_from": "2011-07-09"},
         {"id": "isaf", "valid_from": "2001-12-20", "valid_to": "2015-01-01"},
         {"id": "interfet", "valid_from": "1999-09-20", "valid_to": "2000-02-23"},
         {"id": "unamet", "valid_from": "1999-06-11", "valid_to": "1999-10-25"},
         {"id": "unvmc", "valid_from": "2017-09-26"},
         {"id": "minugua", "valid_from": "1994-09-19", "valid_to": "2004-11-16"},
         {"id": "unficyp", "valid_from": "1964-03-27"},
         {"id": "unami", "valid_from": "2003-08-14"},
         {"id": "unmee", "valid_from": "2000-07-31", "valid_to": "2008-08-01"},
         {"id": "unmil", "valid_from": "2003-10-01", "valid_to": "2018-03-31"},
         {"id": "unama", "valid_from": "2002-03-28"},
         {"id": "unmha", "valid_from": "2019-01-16", "valid_to": "2026-04-01"},
         {"id": "minurso", "valid_from": "1991-04-29"},
         {"id": "unamid", "valid_from": "2007-12-31", "valid_to": "2021-01-01"}]


def council_context() -> ExtractContext:
    """The unit-test gazetteer with the Council pages' extra operations and their dates."""
    return context_from_rows([*ROWS, *EXTRA], [*MISSIONS, *DATES], MANDATES, [])


def read(ctx: ExtractContext, text: str, url: str = "https://press.un.org/en/2014/sc99990.doc.htm") -> Decision:
    d = read_council_text(Path("page.txt"), f"url: {url}\n\n{text}", ctx.gaz, ctx.dates).decision
    assert d is not None
    return d


def op(d: Decision) -> str | None:
    return d.mission.id if d.mission else None
