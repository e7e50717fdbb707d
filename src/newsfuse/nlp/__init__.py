"""Annotation: spaCy pipeline and the extractors that read its parse."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # spaCy loads only where a stage parses
    from spacy.tokens import Doc, Span, Token

_TEXT_KEY = "newsfuse.text"
_ENTS_KEY = "newsfuse.ents"


def doc_text(doc: Doc) -> str:
    """`doc.text`, read once per document: spaCy rebuilds it from every token on each access
    (about 4 ms for a news article), and several extractors need it."""
    if _TEXT_KEY not in doc.user_data:
        doc.user_data[_TEXT_KEY] = doc.text
    return doc.user_data[_TEXT_KEY]


def doc_ents(doc: Doc) -> tuple[Span, ...]:
    """`doc.ents`, built once per document: spaCy makes a Span of every entity on each access,
    and the figure and date readers ask once per figure or date (no stage changes the
    entities after the parse)."""
    if _ENTS_KEY not in doc.user_data:
        doc.user_data[_ENTS_KEY] = tuple(doc.ents)
    return doc.user_data[_ENTS_KEY]


def entity_of(token: Token) -> Span | None:
    """The entity a token belongs to, if any."""
    return next((e for e in doc_ents(token.doc) if e.start <= token.i < e.end), None) \
        if token.ent_type_ else None


# "The 58-year-old was taken into custody", "The 26-year-old postman ...": a person described
# by age with no name is the one the article named last, within this many sentences before
# (claims' ages, quotes' speakers and their descriptions).
AGE_LOOKBACK_SENTENCES = 2
# A dash set off by spaces ends a dateline: spaCy reads "March 11 - Seven people were killed"
# as one DATE, and the count after the dash was lost.
SPACED_DASHES = frozenset({"-", "–", "—"})
# The time stamp that opens a live blog's entry ("09:41", "10.32").
TIME_STAMP = re.compile(r"^\d{1,2}[:.]\d{2}$")


def antecedent(token: Token) -> Token:
    """The noun a relative pronoun stands for ("Aaron Perry, who shot ...": Perry), else the
    token itself."""
    if token.lower_ in ("who", "that") and token.head.dep_ == "relcl":
        return token.head.head
    return token


def in_date_entity(token: Token) -> bool:
    """The token is part of a DATE or TIME entity, up to a dash set off by spaces in it."""
    if token.ent_type_ not in ("DATE", "TIME"):
        return False
    entity = entity_of(token)
    if entity is None:
        return True
    return not any(t.text in SPACED_DASHES and t.whitespace_ and t.i > entity.start
                   for t in entity.doc[entity.start:token.i])
