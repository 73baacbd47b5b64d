"""Report extraction without Neo4j (a gazetteer written for the test): tasks in body text only, attributed across
the sentence and enumerations, generic actors resolved with lower confidence, modality on every relation."""

from __future__ import annotations

from peacegraph.seed.extract.pipeline import extract_raw
from tests.unit.extract.helpers import gazetteer, raw

REPORT = """Report on the Sahel

MINUSMA was deployed in Mali. Its budget components reflect mandated priorities:
- the protection of civilians;
- humanitarian assistance;
- support to elections.

The mission also monitored human rights in the north. It was praised.

The African Union could fund AMISOM next year.

Chad withdrew its contingent from MINUSMA in 2013.

1 See "Protection of Civilians and Humanitarian Assistance in Armed Conflict", 2012, on disarmament.
"""


def facts(text: str = REPORT) -> dict[tuple[str, str, str], object]:
    doc = extract_raw(raw(text), gazetteer())
    return {f.key(): f for f in doc.facts}


def test_tasks_found_in_body_text_only() -> None:
    doc = extract_raw(raw(REPORT), gazetteer())
    tasks = {m.id for m in doc.mentions if m.kind == "task"}
    assert {"civilian_protection", "humanitarian_relief", "electoral_assistance", "human_rights"} <= tasks
    assert "disarmament_demobilisation" not in tasks, "a task named only in a footnote is not a mention"


def test_enumeration_items_go_to_the_lead_in_actor() -> None:
    got = facts()
    for task in ("civilian_protection", "humanitarian_relief", "electoral_assistance"):
        assert ("minusma", "performs_task", task) in got, task
        assert "enumeration" in got[("minusma", "performs_task", task)].method  # type: ignore[attr-defined]


def test_generic_actor_resolved_to_the_mission_in_scope_with_lower_confidence() -> None:
    got = facts()
    f = got[("minusma", "performs_task", "human_rights")]
    assert f.data["actor_resolved"] == "generic"  # type: ignore[attr-defined]
    named = facts("MINUSMA monitored human rights in the north.")[("minusma", "performs_task", "human_rights")]
    assert f.confidence < named.confidence  # type: ignore[attr-defined]


def test_hypothetical_funding_is_not_actual() -> None:
    got = facts()
    f = got[("amisom", "funded_by", "au")]
    assert f.data["modality"] == "hypothetical" and f.status == "hypothetical"  # type: ignore[attr-defined]


def test_country_withdraws_contingent() -> None:
    text = "Somalia withdrew its contingent from MINUSMA in 2013."
    got = facts(text)
    assert ("SOM", "withdraws_contingent", "minusma") in got


def test_tasks_in_cited_titles_are_ignored() -> None:
    text = 'MINUSMA staff read "Protection of Civilians in Armed Conflict and Humanitarian Action" last year.'
    doc = extract_raw(raw(text), gazetteer())
    assert not [m for m in doc.mentions if m.kind == "task"]


def test_generic_words_need_an_actor_and_a_cue() -> None:
    alone = extract_raw(raw("Funding was discussed at length."), gazetteer())
    assert not [m for m in alone.mentions if m.kind == "task"]
    with_actor = extract_raw(raw("The European Union provides funding to AMISOM."), gazetteer())
    assert "financing_support" in {m.id for m in with_actor.mentions if m.kind == "task"}


def test_council_action_on_a_mandate_in_a_report() -> None:
    from peacegraph.seed.extract.to_bundle import build_review

    text = "The Security Council established MINUSMA by resolution 2100 (2013) to stabilise the north."
    doc = extract_raw(raw(text), gazetteer())
    f = next(f for f in doc.facts if f.relation == "mandated_by")
    assert f.data["action"] == "establish"
    bundle, _, _ = build_review([doc], gazetteer(), 0.0)
    assert bundle.mandates[0].action == "establish" and bundle.mandates[0].valid_from_precision == "year"


def test_contingents_become_contributes_to_candidates() -> None:
    from peacegraph.seed.extract.to_bundle import build_review
    from tests.unit.extract.helpers import context

    ctx = context()
    text = ("Report on the Sahel\n\nMali contributes a contingent to AMISOM.\n\n"
            "Somalia withdrew its contingent from MINUSMA in 2013.\n")
    doc = extract_raw(raw(text), ctx.gaz)
    bundle, _, review = build_review([doc], ctx.gaz, 0.0, sources=ctx.sources)
    gov = next(o for o in bundle.organizations if o.id == "gov-mli")
    assert gov.contributes_to == ["amisom"] and gov.country == "MLI" and gov.kind == "government"
    assert gov.extraction is not None and gov.extraction.review == "pending"
    notes = [d for d in review.dropped if "withdrawal" in d.reason]
    assert notes and "minusma" in notes[0].what, "a withdrawal is a note for the reviewer, not a record"


def test_coordinated_actors_share_the_task_and_partners_work_with_each_other() -> None:
    got = facts("Report\n\nThe EU and the AU, having provided logistical support, withdrew.\n\n"
                "The African Union works closely with the European Union and the United Nations in Somalia.\n\n"
                "The Security Council cooperates with the United Nations on every file.\n")
    assert ("eu", "performs_task", "logistics_support") in got and ("au", "performs_task", "logistics_support") in got
    assert ("au", "partner_of", "eu") in got and ("au", "partner_of", "un") in got
    assert not any(k[1] == "partner_of" and set(k[::2]) == {"unsc", "un"} for k in got), \
        "a body and its own part are not partners"


def test_a_task_word_inside_a_programme_name_is_not_a_task() -> None:
    from peacegraph.seed.extract.mentions.tasks import in_proper_name

    text = "He heads the Environmental Cooperation for Peacebuilding Programme at UNEP."
    a = text.index("Peacebuilding")
    assert in_proper_name(text, a, a + len("Peacebuilding"))
    text2 = "MINUSMA supports Peacebuilding in the north."
    b = text2.index("Peacebuilding")
    assert not in_proper_name(text2, b, b + len("Peacebuilding"))


def test_troop_contributions_and_non_members_are_not_funding() -> None:
    got = facts("Report\n\nThere are eight non-UN troop-contributing countries in AMISOM in Somalia.\n\n"
                "The African Union contributes troops and police to MINUSMA.\n\n"
                "The agencies, funds and programmes of the African Union were in Mali long before MINUSMA.\n\n"
                "The European Union funds AMISOM through the African Peace Facility.\n")
    funded = {k for k in got if k[1] == "funded_by"}
    assert funded == {("amisom", "funded_by", "eu")}, "money, not troops; 'non-UN' is not the UN acting"
