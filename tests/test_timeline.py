"""Timeline: one entry per date and happening, merged across sources, captions left out."""

from __future__ import annotations

import datetime as dt
import re

import numpy as np
from example_event import example_documents

from newsfuse.model import AnnotatedDocument, Article, DateMention, Sentence
from newsfuse.synthesize.timeline import build_timeline, is_caption

SUNDAY = dt.date(2024, 6, 2)
MONDAY = dt.date(2024, 6, 3)
_WORD = re.compile(r"[a-z]+")


def word_overlap_embedder(texts: list[str]) -> np.ndarray:
    """Deterministic stand-in for MiniLM: unit vectors of word counts over the texts' words."""
    vocabulary = sorted({w for text in texts for w in _WORD.findall(text.lower())})
    position = {word: i for i, word in enumerate(vocabulary)}
    vectors = np.zeros((len(texts), max(len(vocabulary), 1)), dtype=np.float32)
    for row, text in enumerate(texts):
        for word in _WORD.findall(text.lower()):
            vectors[row, position[word]] += 1
    return vectors / np.clip(np.linalg.norm(vectors, axis=1, keepdims=True), 1e-9, None)


def document(article_id: str, lines: list[tuple[str, str, dt.date | None]],
             reporting: set[str] = frozenset()) -> AnnotatedDocument:
    """One sentence per line; each line's date expression becomes a DateMention."""
    body = "\n".join(text for text, _, _ in lines)
    sentences, dates, offset = [], [], 0
    for index, (text, expression, date) in enumerate(lines):
        sentences.append(Sentence(doc_id=article_id, index=index, start=offset,
                                  end=offset + len(text), text=text))
        if expression:
            dates.append(DateMention(text=expression, date=date, relative=True,
                                     source=article_id, sentence=index,
                                     reporting=expression in reporting))
        offset += len(text) + 1
    return AnnotatedDocument(article=Article(id=article_id, body=body), sentences=sentences,
                             dates=dates)


def timeline(documents: list[AnnotatedDocument]):
    return build_timeline(documents, embedder=word_overlap_embedder)


def test_same_happening_on_same_date_is_merged_across_sources():
    entries = timeline([
        document("alpha", [("The old ferry sank in the bay on Sunday.", "Sunday", SUNDAY)]),
        document("beta", [("On Sunday the old ferry sank in the bay.", "On Sunday", SUNDAY)]),
    ])
    assert len(entries) == 1
    assert entries[0].sources == ["alpha", "beta"]
    assert (entries[0].date, entries[0].expression) == (SUNDAY, "Sunday")
    # every source's own sentence stays readable in the merged entry
    assert entries[0].text == ("The old ferry sank in the bay on Sunday. / "
                               "On Sunday the old ferry sank in the bay.")


def test_a_source_repeating_the_same_sentence_adds_no_text():
    sentence = "The old ferry sank in the bay on Sunday."
    entries = timeline([document("alpha", [(sentence, "Sunday", SUNDAY)]),
                        document("beta", [(sentence, "Sunday", SUNDAY)])])
    assert [(e.text, e.sources) for e in entries] == [(sentence, ["alpha", "beta"])]


def test_different_happenings_or_dates_stay_apart_and_are_sorted():
    entries = timeline([
        document("alpha", [("Divers searched the wreck on Monday.", "Monday", MONDAY),
                           ("The old ferry sank in the bay on Sunday.", "Sunday", SUNDAY)]),
        document("beta", [("The harbour master resigned on Sunday.", "Sunday", SUNDAY),
                          ("The old ferry sank in the bay on Monday.", "Monday", MONDAY)]),
    ])
    assert [(e.date, e.sources) for e in entries] == [
        (SUNDAY, ["alpha"]), (SUNDAY, ["beta"]), (MONDAY, ["alpha"]), (MONDAY, ["beta"])]


def test_unresolved_dates_come_last():
    entries = timeline([document("alpha", [
        ("Inspectors visited the pier last week.", "last week", None),
        ("The old ferry sank in the bay on Sunday.", "Sunday", SUNDAY)])])
    assert [e.date for e in entries] == [SUNDAY, None]


def test_one_article_does_not_merge_its_own_sentences():
    entries = timeline([document("alpha", [
        ("The old ferry sank in the bay on Sunday.", "Sunday", SUNDAY),
        ("On Sunday the old ferry sank in the bay.", "On Sunday", SUNDAY)])])
    assert len(entries) == 2


def test_statement_date_is_dropped_when_the_sentence_dates_its_event():
    doc = document("alpha", [("The ferry sank on Sunday, officials said on Monday.", "Sunday",
                              SUNDAY)])
    doc.dates.append(DateMention(text="Monday", date=MONDAY, relative=True, source="alpha",
                                 sentence=0, reporting=True))
    assert [e.date for e in timeline([doc])] == [SUNDAY]


def test_statement_date_alone_is_kept():
    doc = document("alpha", [("Officials said on Monday that divers were ready.", "Monday",
                              MONDAY)], reporting={"Monday"})
    assert [e.date for e in timeline([doc])] == [MONDAY]


def test_caption_dates_are_skipped():
    entries = timeline([document("alpha", [
        ("A diver checks the hull on June 2, 2024. (Photo by Ann Example / Harbour Post)",
         "June 2, 2024", SUNDAY),
        ("The old ferry sank in the bay on Monday.", "Monday", MONDAY)])])
    assert [e.date for e in entries] == [MONDAY]


def test_sentences_marked_as_captions_are_skipped():
    doc = document("alpha", [("The old ferry sank in the bay on Sunday.", "Sunday", SUNDAY)])
    doc.sentences[0] = doc.sentences[0].model_copy(update={"caption": True})
    assert timeline([doc]) == []


def test_caption_detection():
    # A credit line may stand before or after its caption, so a caption is recognised by
    # ending with a full date next to a credit; body text after a credit does not end so.
    body = ("Divers searched the wreck on Monday.\n"
            "A diver checks the hull in the bay, June 2, 2024.\n"
            "Ann Example/Harbour Post/Getty\n"
            "The inquiry opened on June 5, 2024, in the town hall.\n"
            "Rescue boats at the pier. (June 1, 2024)")
    sentences = []
    offset = 0
    for index, line in enumerate(body.split("\n")):
        sentences.append(Sentence(doc_id="a", index=index, start=offset,
                                  end=offset + len(line), text=line))
        offset += len(line) + 1
    assert [is_caption(body, s) for s in sentences] == [False, True, False, False, True]


def test_no_dates_no_timeline():
    assert timeline([document("alpha", [("Nothing is dated here.", "", None)])]) == []


def test_shared_example_timeline(example_dir):
    entries = build_timeline(list(example_documents(example_dir, raw_bodies=True)))
    dated = {(e.expression, e.date) for e in entries}
    assert ("Sunday", dt.date(2022, 2, 27)) in dated
    assert ("Saturday night", dt.date(2022, 2, 26)) in dated
    assert ("March 1", dt.date(2022, 3, 1)) in dated
    # Photo captions of 002 and 004 date their pictures (Feb 24-26, 2022; 2017; 2018).
    assert not any(e.date and e.date.year in (2017, 2018) for e in entries)
    assert all("Photo" not in e.text for e in entries)
    known = [e.date for e in entries if e.date is not None]
    assert known == sorted(known) and entries[-1].date is None
