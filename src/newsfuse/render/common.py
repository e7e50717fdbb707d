"""Helpers shared by the Markdown and HTML renderers: citation numbering and value formatting.

Citation numbers follow the order of `EventReport.articles` (first article is [1]), so the
same fact carries the same numbers in every format.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass

from newsfuse.model import ArticleInfo, Claim, EventReport

# Removed boilerplate blocks are shown shortened; 160 characters keep a navigation bar or a
# cookie banner recognisable while a whole page of dropped comments does not flood the report.
REMOVED_PREVIEW_CHARS = 160


@dataclass(frozen=True)
class SourceRef:
    """One cited article: its citation number (None when the id is not among the articles)."""

    article_id: str
    number: int | None
    title: str

    @property
    def label(self) -> str:
        return str(self.number) if self.number is not None else self.article_id


class SourceIndex:
    """Maps article ids to citation numbers and display titles."""

    def __init__(self, articles: list[ArticleInfo]) -> None:
        self.articles = articles
        self._numbers = {article.id: n for n, article in enumerate(articles, start=1)}
        self._by_id = {article.id: article for article in articles}

    def ref(self, article_id: str) -> SourceRef:
        article = self._by_id.get(article_id)
        title = article_title(article) if article else f"unknown article {article_id}"
        return SourceRef(article_id, self._numbers.get(article_id), title)

    def refs(self, article_ids: Iterable[str]) -> list[SourceRef]:
        """Refs without repeats, in citation order; ids that are not articles go last."""
        unique_ids = dict.fromkeys(article_ids)
        refs = [self.ref(article_id) for article_id in unique_ids]
        return sorted(refs, key=lambda ref: (ref.number is None, ref.number or 0, ref.article_id))


def article_title(article: ArticleInfo) -> str:
    """The best human name of an article: its title, else outlet, else id."""
    return article.title or article.source or article.id


def format_value(value: float) -> str:
    """1000.0 -> '1,000'; 2.5 -> '2.5'; 0.125 -> '0.125' (no float noise such as 2.50000001)."""
    if value == int(value):
        return f"{int(value):,}"
    return f"{value:,.3f}".rstrip("0").rstrip(".")


def format_claim(claim: Claim) -> str:
    """'more than 1,000', 'about €9 million', 'nearly 7 hours', 'Tuesday 2023-10-17' — the
    value in a unit a reader uses, as the article qualified it."""
    value = format_quantity(claim.value, claim.unit, claim.date)
    return f"{claim.qualifier} {value}" if claim.qualifier else value


_CURRENCY_SIGNS = {"USD": "$", "EUR": "€", "GBP": "£", "JPY": "¥", "INR": "₹"}
# Base unit -> (threshold, factor, name) from the largest: values are shown in the first unit
# they reach, so 25,200 s reads "7 hours" and 540,000 m "540 km".
_DISPLAY_UNITS = {
    "second": [(31_557_600, 31_557_600, "years"), (2_629_800, 2_629_800, "months"),
               (604_800, 604_800, "weeks"), (86_400, 86_400, "days"), (3_600, 3_600, "hours"),
               (60, 60, "minutes"), (0, 1, "seconds")],
    "meter": [(1_000, 1_000, "km"), (1, 1, "m"), (0, 0.001, "mm")],
    "kilogram": [(1_000, 1_000, "tonnes"), (0, 1, "kg")],
    "meter ** 2": [(10_000, 10_000, "hectares"), (0, 1, "m²")],
    "%": [(-1e18, 1, "%")],
    "year": [(0, 1, "years old")],
}


def format_quantity(value: float, unit: str | None, date: dt.date | None = None) -> str:
    if date is not None:
        return f"{date:%A} {date.isoformat()}"
    if unit == "calendar_year":
        return str(int(value))
    if unit in _DISPLAY_UNITS:
        for threshold, factor, name in _DISPLAY_UNITS[unit]:
            if abs(value) >= threshold:
                number = format_value(round(value / factor, 2))
                return f"{number}{name}" if name == "%" else f"{number} {name}"
    if unit is not None and unit.isupper() and len(unit) == 3:  # money: ISO currency code
        return f"{_CURRENCY_SIGNS.get(unit, unit + ' ')}{_large(value)}"
    return format_value(value)


def _large(value: float) -> str:
    for factor, word in ((1e9, "billion"), (1e6, "million")):
        if abs(value) >= factor:
            return f"{format_value(round(value / factor, 3))} {word}"
    return format_value(value)


def humanize_measure(measure: str) -> str:
    """'killed:people' -> 'people killed'; a readable label ('people killed', 'amount: fee')
    stays as it is."""
    action, separator, counted = measure.partition(":")
    if not separator or counted.startswith(" "):
        return measure
    if not action or action.lower() == "none":
        return counted
    return f"{counted} {action}"


def format_date(date: dt.date | None) -> str:
    return date.isoformat() if date else "undated"


def date_range(report: EventReport) -> str:
    """'2022-02-27 – 2022-02-28' over the articles' publication dates; '' when none is known."""
    dates = sorted(article.published for article in report.articles if article.published)
    if not dates:
        return ""
    if dates[0] == dates[-1]:
        return dates[0].isoformat()
    return f"{dates[0].isoformat()} – {dates[-1].isoformat()}"


def shorten(text: str, limit: int = REMOVED_PREVIEW_CHARS) -> str:
    """Whitespace collapsed to single spaces, cut at a word boundary with an ellipsis."""
    flat = " ".join(text.split())
    if len(flat) <= limit:
        return flat
    cut = flat[:limit].rsplit(" ", 1)[0] or flat[:limit]
    return cut + "…"
