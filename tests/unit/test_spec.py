"""The spec derives what other layers used to restate: labels, references, filters, reverse fields."""

from __future__ import annotations

from peacegraph.graph.domain.spec import BY_LABEL, NODES, filter_props, references, rel_filters, sort_props


def test_every_kind_has_a_label_and_an_id_property() -> None:
    assert [s.label for s in NODES.values()] == ["Source", "Organization", "Place", "Task", "Mission", "Mandate",
                                                 "Coverage", "FundingLine", "Transition", "Agreement"]
    assert all(s.props[0].name == "id" for s in NODES.values())


def test_references_follow_the_links_and_components() -> None:
    refs = references()
    assert refs["missions"] == {"led_by": "organizations", "deployed_in": "places"}
    assert refs["coverages"]["actor"] == "actors"
    assert refs["transitions"]["handovers.to"] == "actors"
    assert refs["mandates"]["supports"] == "actors"


def test_filters_sorts_and_relationship_filters_come_from_the_markers() -> None:
    assert set(filter_props("Mission")) == {"id", "name", "acronym", "kind", "validFrom", "validTo", "status",
                                            "verifiedOn"}
    assert "name" in sort_props("Mission") and "aliases" not in sort_props("Mission")
    coverage = rel_filters("Coverage")
    assert coverage["mission"].target == "Mission" and coverage["organization"].target == "Organization"
    assert rel_filters("Organization")["missions"].inward  # the reverse of Mission.led_by


def test_reverse_fields_point_back_at_their_links() -> None:
    missions = {r.name: r for r in BY_LABEL["Organization"].reverses}["missions"]
    assert (missions.source.kind, missions.source.name, missions.source.rel) == ("missions", "led_by", "LED_BY")
    government = {r.name: r for r in BY_LABEL["Place"].reverses}["government"]
    assert government.single and government.source.rel == "GOVERNS"
