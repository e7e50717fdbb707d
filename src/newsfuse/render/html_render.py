"""HTML output: one self-contained page (inline CSS, no external assets), readable from file://.

Texts reach the page only through Jinja2 with autoescape on, or through the filters below, which
escape every piece of user text before wrapping it in markup.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache

from jinja2 import Environment, PackageLoader, StrictUndefined
from markupsafe import Markup, escape

from newsfuse.model import EventReport
from newsfuse.render.common import (
    SourceIndex,
    article_title,
    date_range,
    format_claim,
    format_date,
    format_value,
    humanize_measure,
    shorten,
)

TEMPLATE_NAME = "report.html.j2"


@dataclass(frozen=True)
class CoverageRow:
    """One row of the source-by-fact matrix: a fact and the articles that report it."""

    kind: str
    text: str
    sources: frozenset[str]


@dataclass(frozen=True)
class CoverageGroup:
    heading: str
    rows: list[CoverageRow]


def coverage_groups(report: EventReport) -> list[CoverageGroup]:
    """Corroborated facts, then each conflict's claims, then unique facts; empty groups dropped."""
    corroborated = [
        CoverageRow("corroborated", fact.text, frozenset(fact.sources))
        for fact in report.corroborated
    ]
    claims = [
        CoverageRow(
            "claim",
            f"{humanize_measure(conflict.measure)}: {format_claim(claim)}",
            frozenset(claim.sources),
        )
        for conflict in report.conflicts
        for claim in conflict.claims
    ]
    unique = [CoverageRow("unique", fact.text, frozenset([fact.source])) for fact in report.unique]
    groups = [
        CoverageGroup("Corroborated facts", corroborated),
        CoverageGroup("Conflicting and compatible claims", claims),
        CoverageGroup("Unique facts", unique),
    ]
    return [group for group in groups if group.rows]


def _citation_links(sources: SourceIndex, article_ids: Iterable[str]) -> Markup:
    """[1][3] as links to the source list; the hover title names the article."""
    links = []
    for ref in sources.refs(article_ids):
        label = escape(ref.label)
        if ref.number is None:
            links.append(Markup('<span class="cite missing" title="{}">[{}]</span>').format(
                ref.title, label))
        else:
            links.append(Markup('<a class="cite" href="#src-{}" title="{}">[{}]</a>').format(
                ref.number, ref.title, label))
    return Markup('<span class="cites">{}</span>').format(Markup("").join(links))


def highlight(sentence: str, phrase: str) -> Markup:
    """The sentence with the first occurrence of `phrase` (any case) wrapped in <mark>."""
    start = sentence.lower().find(phrase.lower()) if phrase else -1
    if start < 0:
        return escape(sentence)
    end = start + len(phrase)
    return Markup("{}<mark>{}</mark>{}").format(
        sentence[:start], sentence[start:end], sentence[end:])


@lru_cache(maxsize=1)
def _environment() -> Environment:
    environment = Environment(
        loader=PackageLoader("newsfuse.render", "templates"),
        autoescape=True,
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    environment.filters.update(
        value=format_value,
        claim=format_claim,
        date=format_date,
        measure=humanize_measure,
        shorten=shorten,
        title_of=article_title,
        highlight=highlight,
    )
    return environment


def render_html(report: EventReport) -> str:
    """The whole report as one standalone HTML page."""
    sources = SourceIndex(report.articles)
    unique_by_source: dict[str, list[str]] = {}
    for fact in report.unique:
        unique_by_source.setdefault(fact.source, []).append(fact.text)
    template = _environment().get_template(TEMPLATE_NAME)
    return template.render(
        report=report,
        sources=sources,
        cite=lambda article_ids: _citation_links(sources, article_ids),
        coverage=coverage_groups(report),
        unique_groups=[(ref, unique_by_source[ref.article_id])
                       for ref in sources.refs(unique_by_source)],
        outlets=sorted({a.source for a in report.articles if a.source}),
        date_range=date_range(report),
    )
