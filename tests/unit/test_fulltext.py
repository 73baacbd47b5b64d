"""Free text becomes a Lucene query of words only: operators and syntax never pass through, ids split into words."""

from __future__ import annotations

import pytest

from peacegraph.graph.store.fulltext import MAX_WORDS, lucene_query


@pytest.mark.parametrize("text, query", [
    ("Mali stabilization", "mali~ OR stabilization~"),
    ("AMISOM", "amisom~"),
    ("S/RES/2100 (2013)", "s OR res OR 2100~ OR 2013~"),
    ("AND OR NOT ~ * \\ ( [ :", "and OR or OR not"),  # operators as plain (lowercased) words, syntax dropped
    ("cov:minusma:civilian_protection:MLI", "cov OR minusma~ OR civilian~ OR protection~ OR mli"),
    ("Côte d'Ivoire", "côte~ OR d OR ivoire~"),
])
def test_words_lowercased_fuzzy_from_four_letters_any_of_them(text: str, query: str) -> None:
    assert lucene_query(text) == query


@pytest.mark.parametrize("text", ["", "   ", "~*", ":::", "_-_", "()[]{}"])
def test_no_word_gives_no_query(text: str) -> None:
    assert lucene_query(text) is None


def test_long_text_keeps_the_first_words_only() -> None:
    query = lucene_query(" ".join(f"w{i}" for i in range(40)))
    assert query is not None and query.split(" OR ") == [f"w{i}" for i in range(MAX_WORDS)]
