"""The model's own checks: ids and names free of hidden characters, a length limit on every text field, finite
numbers; look-alike ids and cycles across bundles (validate.py), without a database."""

from __future__ import annotations

import unicodedata
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st
from pydantic import BaseModel, ValidationError

from peacegraph.graph.bundles.load import check_offline
from peacegraph.graph.bundles.parse import BundleInvalid, parse_bundle_text
from peacegraph.graph.domain import model as m

HIDDEN = [chr(c) for c in [*range(0x00, 0x20), *range(0x7F, 0xA0), 0xAD, 0x61C, 0x180E, *range(0x200B, 0x2010),
                           *range(0x2028, 0x202F), *range(0x2060, 0x2065), *range(0x2066, 0x2070), 0xFEFF]]


def org(**fields: Any) -> dict[str, Any]:
    return {"id": "o1", "name": "Org", "kind": "ngo", **fields}


@given(st.text(alphabet=st.characters(codec="utf-8"), min_size=1, max_size=20), st.sampled_from(HIDDEN),
       st.integers(min_value=0, max_value=20))
def test_no_id_or_name_holds_a_hidden_character(text: str, hidden: str, at: int) -> None:
    value = text[:at] + hidden + text[at:]
    for fields in ({"id": value}, {"name": value}, {"acronym": value}, {"aliases": [value]}):
        with pytest.raises(ValidationError):
            m.Organization.model_validate(org(**fields))


@given(st.text(alphabet=st.characters(categories=["L", "N", "P", "S"]), min_size=1, max_size=30))
def test_visible_text_makes_a_valid_id_and_name(text: str) -> None:
    assert m.Organization.model_validate(org(id=text, name=text)).id == text


def _models(model: type[BaseModel], seen: set[type[BaseModel]] | None = None) -> set[type[BaseModel]]:
    """The model and every model nested in its fields."""
    seen = seen if seen is not None else set()
    seen.add(model)
    for info in model.model_fields.values():
        stack: list[Any] = [info.annotation]
        while stack:
            t = stack.pop()
            stack.extend(getattr(t, "__args__", ()))
            if isinstance(t, type) and issubclass(t, BaseModel) and t not in seen:
                _models(t, seen)
    return seen


def test_every_text_field_has_a_length_limit() -> None:
    models = _models(m.Bundle)
    assert {m.Mission, m.Coverage, m.Citation, m.Extraction, m.Handover} <= models
    assert all(issubclass(x, m.Strict) and x.model_config.get("str_max_length") == m.TEXT_MAX for x in models), \
        "every bundle model limits every text field (str_max_length), unless its type sets a tighter limit"
    with pytest.raises(ValidationError, match="at most 300 characters"):
        m.Organization.model_validate(org(acronym="A" * 5_000_000))
    with pytest.raises(ValidationError, match=f"at most {m.TEXT_MAX} characters"):
        m.Source.model_validate({"id": "s", "title": "t", "kind": "other", "url": "u" * (m.TEXT_MAX + 1)})
    with pytest.raises(ValidationError, match=f"at most {m.TEXT_MAX} characters"):
        m.Task.model_validate({"id": "t", "group": "ddr", "label": "T", "phrases": ["p" * (m.TEXT_MAX + 1)]})


@pytest.mark.parametrize("value", [float("inf"), float("-inf"), float("nan"), True, False, "12", 10 ** 400])
def test_numbers_are_finite_and_never_booleans(value: Any) -> None:
    with pytest.raises(ValidationError):
        m.Extraction.model_validate({"method": "m", "confidence": value})
    with pytest.raises(ValidationError):
        m.FundingLine.model_validate({"id": "f", "name": "F", "funders": ["eu"], "recipient": "x",
                                      "instrument": "other", "currency": "EUR", "amount": value,
                                      "cites": [{"source": "s", "locator": "p"}]})


def bundles(*texts: str) -> list[Any]:
    return [parse_bundle_text("format: peacegraph.bundle/1\n" + t, f"b{i}.yaml") for i, t in enumerate(texts)]


def offline(*texts: str) -> list[str]:
    return [str(e) for e in check_offline(bundles(*texts))]


@pytest.mark.parametrize(("a", "b"), [("ngo-x", "NGO-X"), ("ＵＮ", "un"), ("ﬁnance", "finance"), ("Ｍ１", "m1")])
def test_ids_that_differ_only_by_normalisation_or_case_are_look_alikes(a: str, b: str) -> None:
    assert unicodedata.normalize("NFKC", a).casefold() == unicodedata.normalize("NFKC", b).casefold()
    found = offline(f"organizations:\n  - {{id: '{a}', name: A, kind: ngo}}\n",
                    f"organizations:\n  - {{id: '{b}', name: B, kind: ngo}}\n")
    assert found == [f"b1.yaml:3: organizations[0].id: id {b!r} differs from {a!r} only by Unicode normalisation or "
                     "case: use one spelling"]


def test_look_alikes_are_found_across_organisations_and_missions() -> None:
    found = offline("organizations:\n  - {id: un, name: UN, kind: intergovernmental}\n"
                    "missions:\n  - {id: UN, name: M, kind: other, led_by: [un], deployed_in: [MLI],"
                    " cites: [{source: s, locator: p}]}\n")
    assert found == ["b0.yaml:5: missions[0].id: id 'UN' differs from 'un' only by Unicode normalisation or case: "
                     "use one spelling"]


def test_cycles_within_and_across_bundles_are_found_once_at_their_first_record() -> None:
    found = offline("places:\n  - {id: A-1, name: A, kind: region, parent: A-2}\n",
                    "places:\n  - {id: A-2, name: B, kind: region, parent: A-3}\n"
                    "  - {id: A-3, name: C, kind: region, parent: A-1}\n")
    assert found == ["b0.yaml:3: places[0].parent: 'A-1' → 'A-2' → 'A-3' → 'A-1' is a cycle: a place cannot lie "
                     "inside itself"]


def test_a_chain_without_a_cycle_passes() -> None:
    assert offline("places:\n  - {id: C, name: C, kind: country}\n  - {id: C-1, name: A, kind: region, parent: C}\n"
                   "  - {id: C-1-a, name: B, kind: district, parent: C-1}\n") == []


def test_a_mandate_renewing_itself_is_refused() -> None:
    with pytest.raises(BundleInvalid):
        raise BundleInvalid(check_offline(bundles(
            "mandates:\n  - {id: M1, kind: other, issued_by: un, renews: M1, cites: [{source: s, locator: p}]}\n")))


def test_an_open_ended_mandate_has_no_end_date() -> None:
    base = {"id": "S/RES/50 (1948)", "kind": "unsc_resolution", "issued_by": "unsc", "action": "establish",
            "valid_from": "1948-05-29", "open_ended": True, "cites": [{"source": "s", "locator": "p"}]}
    assert m.Mandate.model_validate(base).open_ended is True
    with pytest.raises(ValidationError, match="open_ended: the text sets no end, but valid_to is 1949-01-01"):
        m.Mandate.model_validate({**base, "valid_to": "1949-01-01"})
    assert m.Mandate.model_validate({**base, "open_ended": False}).open_ended is False
