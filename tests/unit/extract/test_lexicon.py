"""The task lexicon as data: it loads, covers the taxonomy, matches inflections, and its own examples hold."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from peacegraph.seed.extract.lexicon import LexiconError, load_lexicon, parse_lexicon
from peacegraph.seed.extract.lexicon.generate import from_taxonomy
from peacegraph.seed.extract.nlp import lemmas, parse
from peacegraph.seed.extract.taskmatch import matcher_for, pattern_tokens
from tests.paths import ROOT

TAXONOMY = ROOT / "data" / "01-taxonomy.yaml"


def keys(text: str) -> set[str]:
    return {h.key for h in matcher_for(load_lexicon()).find(parse(text))}


def test_every_taxonomy_task_has_an_entry_and_extra_keys_are_mapped() -> None:
    lex = load_lexicon()
    taxonomy = {t["id"] for t in yaml.safe_load(TAXONOMY.read_text(encoding="utf-8"))["tasks"]}
    assert taxonomy <= set(lex.tasks)
    for key in set(lex.tasks) - taxonomy:
        assert lex.tasks[key].maps_to is not None, f"{key} is not a taxonomy key and has no explicit mapping"
        assert set(lex.tasks[key].maps_to) <= taxonomy
    assert lex.keys_for("peacebuilding") == ("peacebuilding",), "the taxonomy has the key now"
    assert "peacebuilding" in keys("the new Mission will also assist in peacebuilding")
    assert "peacebuilding" not in keys("briefed the Peacebuilding Commission")


def test_generated_from_the_taxonomy_phrases() -> None:
    generated = from_taxonomy(TAXONOMY)["tasks"]
    assert "DDR" in generated["disarmament_demobilisation"]["acronyms"]
    lex = load_lexicon()

    def lem(text: str) -> str:
        return " ".join(lemmas(text))

    for key, entry in generated.items():
        mine = {lem(i.text) for i in (*lex.tasks[key].phrases, *lex.tasks[key].generic)}
        assert {lem(p) for p in entry["phrases"]} - mine <= {lem(x) for x in {"logistics", "funding", "financing", "gender",
                                                               "media", "radio", "journalists", "recovery",
                                                               "legislation", "judicial", "prison", "naval",
                                                               "elections", "policing", "enabling support",
                                                               "training of", "ceasefire", "cease-fire", "truce", "political parties", "IDPs"}}, key


@pytest.mark.parametrize(("key", "entry"), [(k, e) for k, e in load_lexicon().tasks.items()])
def test_examples_and_counter_examples(key: str, entry: object) -> None:
    for sentence in getattr(entry, "examples", ()):
        assert key in keys(sentence), (key, sentence)
    for sentence in getattr(entry, "counter_examples", ()):
        assert key not in keys(sentence), (key, sentence)


@pytest.mark.parametrize(("text", "key"), [
    ("The mission protected civilians in the north.", "civilian_protection"),
    ("Peacekeepers were protecting civilians from imminent violence.", "civilian_protection"),
    ("They disarmed and demobilized former combatants.", "disarmament_demobilisation"),
    ("It facilitated the delivery of humanitarian assistance.", "humanitarian_relief"),
    ("training the Somali armed forces", "capacity_building"),
    ("The force combated pirates off the coast.", "maritime_security"),
])
def test_inflections_and_synonyms(text: str, key: str) -> None:
    assert key in keys(text)


def test_exclusions_and_names() -> None:
    assert "human_rights" not in keys("The Human Rights Council met in Geneva.")
    assert "peacebuilding" not in keys("The Peacebuilding Commission met.")
    assert "humanitarian_relief" not in keys("respect for international humanitarian law")


def test_leave_one_out_drops_what_a_report_taught() -> None:
    lex = load_lexicon()
    assert lex.origins(), "tuned items record the text they were learned from"
    stem = sorted(lex.origins())[0]
    smaller = lex.without({stem})
    assert stem not in smaller.origins()
    count = sum(len(e.phrases) for e in lex.tasks.values())
    assert sum(len(e.phrases) for e in smaller.tasks.values()) <= count


def test_malformed_lexicon_is_named() -> None:
    with pytest.raises(LexiconError, match="format"):
        parse_lexicon({"tasks": {}}, "x.yaml")
    with pytest.raises(LexiconError, match=r"tasks\.a: unknown field"):
        parse_lexicon({"format": "peacegraph.task-lexicon/1", "tasks": {"a": {"phrase": ["x"]}}}, "x.yaml")
    with pytest.raises(LexiconError, match="start and end with a word"):
        pattern_tokens("~2 civilian", "tasks.x.patterns[0]")


def test_lexicon_file_is_in_the_package() -> None:
    from peacegraph.seed.extract.lexicon import LEXICON_FILE

    assert LEXICON_FILE.is_file() and Path(LEXICON_FILE).suffix == ".yaml"
