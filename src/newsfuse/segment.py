"""Sentence splitting with character offsets into the cleaned body (syntok).

Lines are paragraphs in both scraped text and trafilatura output, so a sentence never
crosses a line break: that keeps headings and captions out of body sentences.
"""

from __future__ import annotations

import re

from syntok import segmenter

from newsfuse.lang import MONTH_NUMBER, NAME_ABBREVIATIONS
from newsfuse.model import Article, Sentence

_LINE = re.compile(r"[^\n]+")
# Chinese and Japanese end sentences with full-width stops, which syntok does not split at;
# a closing quote or bracket after the stop belongs to the sentence it ends.
_WIDE_STOP = re.compile(r"[。！？]+[”’」』）】]*")
# A span that ends with an abbreviated title ("... Police Sgt.") before a capitalised word; in
# lower case too, as exports that lower-case a text and capitalise after each full stop write
# it ("durango gov. Jose rosas aispuro said").
_TITLE_END = re.compile(r"(?:^|[\s(])([A-Za-z][a-z]{1,3})\.$")
# Months as news writes them short ("Nov. 7", "Sept. 28"): lang's three-letter keys, but
# "May" (never cut short) and with "Sept".
_MONTH_ABBREVIATIONS = (set(MONTH_NUMBER) - {"may"}) | {"sept"}


def split(article: Article) -> list[Sentence]:
    sentences: list[Sentence] = []
    for line in _LINE.finditer(article.body):
        for start, end in _sentence_spans(line.group()):
            text = line.group()[start:end]
            if text.strip():
                sentences.append(Sentence(doc_id=article.id, index=len(sentences),
                                          start=line.start() + start, end=line.start() + end,
                                          text=text))
    return sentences


def _sentence_spans(paragraph: str) -> list[tuple[int, int]]:
    spans = []
    for para in segmenter.analyze(paragraph):
        for sentence in para:
            if not sentence:
                continue
            first, last = sentence[0], sentence[-1]
            spans.append((first.offset, last.offset + len(last.value)))
    spans = _join_after_titles(paragraph, _extend_closing_quotes(paragraph, spans))
    return _split_wide_stops(paragraph, spans)


def _join_after_titles(paragraph: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """syntok ends a sentence at some abbreviated titles ("Clayton County Police Sgt." |
    "Joanne Ruiz found him."); a name follows a title, so the two spans are one sentence. So
    it does at an abbreviated month before a span of days ("talks on Nov." | "7-8.")."""
    joined: list[tuple[int, int]] = []
    for start, end in spans:
        if joined and _continues(paragraph[joined[-1][0]:joined[-1][1]], paragraph[start:end]):
            joined[-1] = (joined[-1][0], end)
            continue
        joined.append((start, end))
    return joined


def _continues(before: str, after: str) -> bool:
    ending = _TITLE_END.search(before)
    if ending is None:
        return False
    word = ending.group(1).lower()
    if after[:1].isupper():
        return word in NAME_ABBREVIATIONS
    return after[:1].isdigit() and word in _MONTH_ABBREVIATIONS


def _split_wide_stops(paragraph: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Cut spans after every full-width stop ("。", "！", "？") inside them."""
    cut = []
    for start, end in spans:
        at = start
        for stop in _WIDE_STOP.finditer(paragraph, start, end):
            if stop.end() < end and paragraph[stop.end():end].strip():
                cut.append((at, stop.end()))
                at = stop.end()
                while at < end and paragraph[at].isspace():
                    at += 1
        cut.append((at, end))
    return cut


def _extend_closing_quotes(paragraph: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """syntok can leave a closing quote mark outside its sentence; pull it back in."""
    fixed = []
    for start, end in spans:
        while end < len(paragraph) and paragraph[end] in "\"'”’»":
            end += 1
        if fixed and start < fixed[-1][1]:
            start = fixed[-1][1]
        if start < end:
            fixed.append((start, end))
    return fixed


# A sentence that opens on a pronoun or a connective refers to one before it.
_LEANS_BACK = re.compile(r"^[\"“'‘(]*(?:he|she|it|they|this|that|these|those|his|her|its|their|"
                         r"but|and|so|yet|also|however|meanwhile|still)\b", re.IGNORECASE)


def leans_back(text: str) -> bool:
    """The sentence leans on one before it ("He said ...", "But the eviction ..."): it does not
    read on its own."""
    return _LEANS_BACK.match(text) is not None
