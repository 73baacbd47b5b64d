"""The linguistic base: spaCy's blank English pipeline with the sentencizer and the lookup lemmatizer.

No statistical model is downloaded: tokenisation rules ship with spaCy, lemma tables with `spacy-lookups-data`.
The lookup table is case-sensitive (`Missions` stays `Missions`), so a small component after the lemmatizer looks
capitalised words up again in lower case; every lemma is lower case, which is what the task matchers compare.
"""

from __future__ import annotations

from functools import lru_cache

from spacy.language import Language
from spacy.tokens import Doc

_COMPONENT = "lowercase_lemmas"


@Language.component(_COMPONENT)
def lowercase_lemmas(doc: Doc) -> Doc:
    """Lower-case every lemma, looking a capitalised word up again in the lemmatizer's table."""
    table = _lemma_table()
    for tok in doc:
        lower = tok.text.lower()
        lemma = tok.lemma_
        if not lemma or lemma == tok.text:
            tok.lemma_ = table.get(lower, lower)
        else:
            tok.lemma_ = lemma.lower()
    return doc


@lru_cache(maxsize=1)
def _lemma_table() -> dict[str, str]:
    from spacy.lookups import load_lookups

    lookups = load_lookups("en", ["lemma_lookup"])
    return dict(lookups.get_table("lemma_lookup").items())


@lru_cache(maxsize=1)
def english_words() -> frozenset[str]:
    """The words of the lemmatizer's table (forms and lemmas): "until" is one, "undof" is not."""
    table = _lemma_table()
    return frozenset(table) | frozenset(table.values())


@lru_cache(maxsize=1)
def pipeline() -> Language:
    """The shared pipeline (built once per process): tokenizer, sentencizer, lookup lemmatizer, lower-case lemmas."""
    import spacy

    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    nlp.add_pipe("lemmatizer", config={"mode": "lookup"})
    nlp.add_pipe(_COMPONENT)
    nlp.initialize()
    return nlp


def parse(text: str) -> Doc:
    """Tokens, sentences and lemmas of `text` (offsets are character offsets into `text`)."""
    nlp = pipeline()
    nlp.max_length = max(nlp.max_length, len(text) + 1)
    return nlp(text)


def lemmas(text: str) -> list[str]:
    """Lower-case lemmas of the tokens of a short text (a lexicon phrase, a test sentence)."""
    return [t.lemma_ for t in parse(text) if not t.is_space]
