"""Find the passage of an article that a citation points to."""

from __future__ import annotations

import re
from dataclasses import dataclass

from newsfuse.model import Article

_WORD = re.compile(r"\w+", re.UNICODE)
# Below this share of the cited sentence's words, no sentence of the article is marked: the
# article supports the claim in other words (a paraphrase found by the aligner) or not at all,
# and marking an unrelated sentence would mislead.
MIN_OVERLAP = 0.3


@dataclass
class Passage:
    start: int
    end: int
    exact: bool


def find_passage(article: Article, cited: str) -> Passage | None:
    """The sentence of `article` that is `cited`, or shares most of its words."""
    from newsfuse.segment import split

    if not cited.strip():
        return None
    exact = article.body.find(cited.strip())
    if exact >= 0:
        return Passage(exact, exact + len(cited.strip()), True)
    wanted = set(_WORD.findall(cited.lower()))
    best, best_score = None, 0.0
    for sentence in split(article):
        words = set(_WORD.findall(sentence.text.lower()))
        score = len(wanted & words) / max(1, len(wanted))
        if score > best_score:
            best, best_score = sentence, score
    if best is None or best_score < MIN_OVERLAP:
        return None
    return Passage(best.start, best.end, False)


def paragraphs_with_passage(body: str, passage: Passage | None) -> list[list[tuple[str, bool]]]:
    """Paragraphs (lines of the body) as (text, in_passage) pieces, for escaping in the page."""
    result, offset = [], 0
    for line in body.split("\n"):
        start, end = offset, offset + len(line)
        offset = end + 1
        if not line.strip():
            continue
        if passage is None or passage.end <= start or passage.start >= end:
            result.append([(line, False)])
            continue
        a, b = max(passage.start, start) - start, min(passage.end, end) - start
        pieces = [(line[:a], False), (line[a:b], True), (line[b:], False)]
        result.append([p for p in pieces if p[0]])
    return result
