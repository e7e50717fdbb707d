"""Per-document reads kept once: the text and the entities."""

from __future__ import annotations

from newsfuse.nlp import doc_ents, doc_text
from newsfuse.nlp.pipeline import get_nlp


def test_entities_are_spacys_and_built_once() -> None:
    doc = get_nlp()("Councillor Mara Tivel met the Orsk harbour board in Velden on Friday.")
    assert [(e.start, e.end, e.label_) for e in doc_ents(doc)] == [
        (e.start, e.end, e.label_) for e in doc.ents]
    assert doc_ents(doc) is doc_ents(doc)
    assert doc_text(doc) == doc.text


def test_no_entities() -> None:
    assert doc_ents(get_nlp()("   ")) == ()
