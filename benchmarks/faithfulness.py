"""Faithfulness of `analyze` output: every number shown must be in an article it cites."""

from __future__ import annotations

import re
from dataclasses import dataclass

from newsfuse.model import EventReport

_NUMBER = re.compile(r"\d+(?:[.,]\d+)*")


@dataclass
class NumberCheck:
    checked: int = 0
    found: int = 0
    misses: list[str] | None = None

    @property
    def rate(self) -> float:
        return self.found / self.checked if self.checked else 1.0


def numbers_in(text: str) -> set[str]:
    return {m.replace(",", "") for m in _NUMBER.findall(text)}


def check_numbers(report: EventReport, bodies: dict[str, str]) -> NumberCheck:
    """Count the numbers in every cited output item, and how many appear in a cited article.

    Captions count as part of their article: conflicts may quote a figure from one.
    """
    source_numbers = {article_id: numbers_in(text) for article_id, text in bodies.items()}
    result = NumberCheck(misses=[])
    for text, sources in _cited_items(report):
        available = set().union(*(source_numbers.get(s, set()) for s in sources))
        for number in numbers_in(text):
            result.checked += 1
            if number in available:
                result.found += 1
            else:
                result.misses.append(f"{number!r} in {text[:80]!r} citing {sources}")
    return result


def _cited_items(report: EventReport):
    for sentence in report.summary:
        yield sentence.text, sentence.sources
    for fact in report.corroborated:
        yield fact.text, fact.sources
    for conflict in report.conflicts:
        for claim in conflict.claims:
            yield claim.sentence, claim.sources
            yield claim.phrase, claim.sources
    for fact in report.unique:
        yield fact.text, [fact.source]
    for quote in report.quotes:
        yield quote.text, [quote.source]
    for entry in report.timeline:
        yield entry.text, entry.sources
