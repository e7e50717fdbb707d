"""The event's timeline: one entry per (date, thing that happened), with every source telling it.

Each date mention gives an entry whose text is its sentence. Entries of different articles on
the same date are merged when their sentences say the same thing (MiniLM cosine at least
SAME_EVENT_COSINE); the merged entry's text keeps every source's own sentence (joined by
TEXT_SEPARATOR), so a reader sees how each source dated it. Dates that could not be resolved
come last with date=None. Dates found only in photo captions are skipped: a caption dates the
picture, not the story.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass, field

import numpy as np

from newsfuse import lang
from newsfuse.model import AnnotatedDocument, Sentence, TimelineEntry

# Cosine at which two sentences with the same date describe the same happening. Read off the
# same-date pairs of the bundled demo and the shared example: retellings of the dam collapse
# "on Sunday" score 0.64-0.67; the closest pair of different happenings on one day (Ukraine's
# demands at the UN and at the Belarus talks, both "on Monday") scores 0.59, the rest <= 0.55.
SAME_EVENT_COSINE = 0.62

# Between the sentences of different sources in one merged entry.
TEXT_SEPARATOR = " / "

# Photo credits and caption openers. Cleaning removes most captions; this catches the rest.
_CREDIT_IN_LINE = re.compile(
    r"\((?:photo|picture|image|video)s?\b[^)]*\)|\b(?:photo|picture|image)\s*:|"
    r"\bgetty images\b|\b(?:picture|photo|image|video grab) taken\b|\bhandout\b", re.I)
_CREDIT_LINE = re.compile(lang.agency_pattern() + r"|\b(?:Photo|Credit)\b")
# A credit on its own line is short: "Name Surname/AFP/Getty".
MAX_CREDIT_LINE_WORDS = 8
_DATE_ONLY_IN_PARENTHESES = re.compile(r"\(\s*[A-Z][a-z]+\.? \d{1,2}, \d{4}\s*\)\s*$")
_ENDS_WITH_FULL_DATE = re.compile(r"[A-Z][a-z]+\.? \d{1,2}, \d{4}\.?\s*$")

Embedder = Callable[[list[str]], np.ndarray]


@dataclass(frozen=True)
class _Item:
    date: dt.date | None
    expression: str
    text: str
    source: str


@dataclass
class _Entry:
    date: dt.date | None
    expression: str
    texts: list[str]
    # Sentences merged so far; a new one joins when it is close to any of them (single link),
    # so "killed when the dam gave way on Sunday" joins "the collapse on Sunday" via a third
    # retelling even if the first two are a little further apart.
    vectors: list[np.ndarray]
    sources: list[str] = field(default_factory=list)


def build_timeline(documents: list[AnnotatedDocument], embedder: Embedder | None = None,
                   same_event_cosine: float = SAME_EVENT_COSINE) -> list[TimelineEntry]:
    """Entries sorted by date (unresolved last), each with every article reporting it."""
    items = _dated_sentences(documents)
    if not items:
        return []
    texts = sorted({item.text for item in items})
    vectors = dict(zip(texts, _embed(texts, embedder), strict=True))
    entries: list[_Entry] = []
    for item in items:
        vector = vectors[item.text]
        match = next((e for e in entries if e.date == item.date and item.source not in e.sources
                      and max(float(v @ vector) for v in e.vectors) >= same_event_cosine), None)
        if match is None:
            entries.append(_Entry(item.date, item.expression, [item.text], [vector],
                                  [item.source]))
        else:
            match.vectors.append(vector)
            match.sources.append(item.source)
            if item.text not in match.texts:
                match.texts.append(item.text)
    ordered = sorted(enumerate(entries), key=lambda p: (p[1].date is None,
                                                       p[1].date or dt.date.min, p[0]))
    return [TimelineEntry(date=e.date, expression=e.expression,
                          text=TEXT_SEPARATOR.join(e.texts), sources=e.sources)
            for _, e in ordered]


def is_caption(body: str, sentence: Sentence) -> bool:
    """True when the sentence's line is a photo caption: it carries a photo credit, is a bare
    parenthesised date, or ends with a full date next to a credit line ("Name/AFP/Getty")."""
    lines = body.split("\n")
    number = body.count("\n", 0, sentence.start)
    line = lines[number]
    if _CREDIT_IN_LINE.search(line) or _DATE_ONLY_IN_PARENTHESES.search(line):
        return True
    if not _ENDS_WITH_FULL_DATE.search(line):
        return False
    before = next((ln for ln in reversed(lines[:number]) if ln.strip()), "")
    after = next((ln for ln in lines[number + 1:] if ln.strip()), "")
    return _is_credit_line(before) or _is_credit_line(after)


def _is_credit_line(line: str) -> bool:
    return (len(line.split()) <= MAX_CREDIT_LINE_WORDS and "/" in line
            and _CREDIT_LINE.search(line) is not None)


def _dated_sentences(documents: list[AnnotatedDocument]) -> list[_Item]:
    """One item per sentence and date, captions out. In "the dam broke on Sunday, officials
    said on Tuesday" the statement date is dropped: the sentence tells Sunday's event."""
    items: list[_Item] = []
    for doc in documents:
        sentences = {s.index: s for s in doc.sentences}
        event_dated = {m.sentence for m in doc.dates if m.date is not None and not m.reporting}
        seen: set[tuple[int, dt.date | None]] = set()
        for mention in doc.dates:
            sentence = sentences.get(mention.sentence)
            if sentence is None or (mention.sentence, mention.date) in seen:
                continue
            if mention.reporting and mention.sentence in event_dated:
                continue
            if sentence.caption or is_caption(doc.article.body, sentence):
                continue
            seen.add((mention.sentence, mention.date))
            items.append(_Item(mention.date, mention.text, sentence.text, doc.article.id))
    return items


def _embed(texts: list[str], embedder: Embedder | None) -> np.ndarray:
    if embedder is None:
        from newsfuse.nlp.embed import get_embedder

        embedder = get_embedder()
    return embedder(texts)
