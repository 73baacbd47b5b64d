"""The data checks on small bundles: a mandate chain with a hole is found, a whole one is not."""

from __future__ import annotations

from peacegraph.graph.bundles.checks import check_bundles
from peacegraph.graph.bundles.parse import parse_bundle_text

CITE = "cites: [{source: s1, locator: p1}]"


def bundle(*mandates: str) -> str:
    """A mission m1 (UN, 2000 to 2010) and the given mandate records (id, action, from, to, renews)."""
    rows = []
    for m in mandates:
        mid, action, start, end, renews = m.split("|")
        rows.append(f"  - {{id: '{mid}', kind: unsc_resolution, title: T, issued_by: un, action: {action}, "
                    f"adopted: '{start}', valid_from: '{start}'" + (f", valid_to: '{end}'" if end else "")
                    + (f", renews: '{renews}'" if renews else "") + f", authorizes: [m1], {CITE}}}")
    return ("format: peacegraph.bundle/1\n"
            "sources:\n  - {id: s1, title: One, kind: report, date: '2000-01-01'}\n"
            f"organizations:\n  - {{id: un, name: United Nations, kind: intergovernmental, {CITE}}}\n"
            f"places:\n  - {{id: ZZA, name: Zedland, kind: country, {CITE}}}\n"
            "missions:\n  - {id: m1, name: Mission One, kind: un_peacekeeping, led_by: [un], deployed_in: [ZZA], "
            f"valid_from: '2000-01-01', valid_to: '2010-01-01', {CITE}}}\n"
            "mandates:\n" + "\n".join(rows) + "\n")


def holes(text: str) -> list[str]:
    return [f.message for f in check_bundles([parse_bundle_text(text, "x.yaml")]) if "rests on no" in f.message]


def test_a_missing_renewal_between_two_records_is_found_with_its_days() -> None:
    found = holes(bundle("R1|establish|2000-01-01|2001-01-01|", "R3|renew|2002-01-01|2003-01-01|R1"))
    assert found == ["m1 rests on no recorded mandate from 2001-01-01 to 2002-01-01 (after R1): record the renewals "
                     "in between"]


def test_a_whole_chain_a_modification_and_a_late_termination_leave_no_hole() -> None:
    assert holes(bundle("R1|establish|2000-01-01|2001-01-01|", "R2|renew|2001-01-01|2002-01-01|R1",
                        "M1|modify|2001-06-01||R2", "R3|renew|2002-01-01|2003-01-01|R2",
                        "T1|terminate|2003-01-05||R3")) == []
