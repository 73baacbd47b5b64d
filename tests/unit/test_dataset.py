"""The bundled dataset: `peacegraph data check data/` finds no error, and the completeness and currency the
data issue asks for hold (no database needed: the files are checked together)."""

from __future__ import annotations

import datetime as dt

import pytest

from peacegraph.cli.data import check_files
from peacegraph.graph.domain.model import Mission
from tests.paths import DATA

CURRENT_UN_PEACEKEEPING = ["minurso", "minusca", "monusco", "undof", "unficyp", "unifil", "unisfa", "unmik",
                           "unmiss", "unmogip", "untso"]
NAMED = ["unami", "unvmc", "unmha", "unowas", "unoca", "samim", "samidrc", "eacrf", "ecomig", "eunavfor-med-irini",
         "eunavfor-aspides", "eumm-georgia", "nmi", "sea-guardian", "amib", "amis", "amisom", "atmis", "aussom",
         "misca", "mnjtf", "rci-lra", "misahel"]
ENDED = {"untag": 1990, "serval": 2014, "barkhane": 2022, "fc-g5s": 2023, "sangaris": 2016, "licorne": 2015,
         "ocean-shield": 2016, "resolute-support": 2021, "isf-timor": 2013, "las-syria-observer-mission": 2012,
         "ecomib": 2020, "eucap-sahel-niger": 2024}


@pytest.fixture(scope="module")
def checked() -> tuple[list[str], dict[str, Mission], list[str]]:
    parsed, errors, findings = check_files([DATA])
    missions = {m.id: m for pb in parsed for m in pb.bundle.missions}
    return errors + [str(f) for f in findings if f.severity == "error"], missions, [str(f) for f in findings]


def test_the_data_check_finds_no_error(checked: tuple[list[str], dict[str, Mission], list[str]]) -> None:
    errors, _, _ = checked
    assert errors == [], "\n".join(errors[:20])


def test_at_least_170_operations_with_the_current_and_named_ones(
        checked: tuple[list[str], dict[str, Mission], list[str]]) -> None:
    _, missions, _ = checked
    assert len(missions) >= 170
    missing = [m for m in CURRENT_UN_PEACEKEEPING + NAMED if m not in missions]
    assert missing == []


def test_operations_known_to_have_ended_have_their_end(checked: tuple[list[str], dict[str, Mission], list[str]]
                                                       ) -> None:
    _, missions, _ = checked
    for mission_id, year in ENDED.items():
        end = missions[mission_id].valid_to
        assert end is not None and end <= dt.date(year + 1, 1, 1), f"{mission_id} ends {end}"


def test_every_open_ended_operation_says_when_it_was_last_confirmed(
        checked: tuple[list[str], dict[str, Mission], list[str]]) -> None:
    _, missions, _ = checked
    unconfirmed = [m.id for m in missions.values() if m.valid_to is None and m.verified_on is None]
    assert unconfirmed == []
