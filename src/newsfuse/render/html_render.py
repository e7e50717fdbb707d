"""HTML output: one self-contained page (inline CSS, no external assets), readable from file://.

Texts reach the page only through Jinja2 with autoescape on, or through the filters below, which
escape every piece of user text before wrapping it in markup.
"""

from __future__ import annotations

import base64
import hashlib
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from urllib.parse import urlsplit

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

# The page's only script: open every <details> before printing so removed boilerplate is on paper.
PRINT_SCRIPT = (
    'window.addEventListener("beforeprint", function () {\n'
    '  document.querySelectorAll("details").forEach(function (d) { d.open = true; });\n'
    "});"
)
# Links to articles are the only URLs on the page; other schemes (javascript:, data:) are dropped.
LINKABLE_SCHEMES = frozenset({"http", "https"})


def content_security_policy() -> str:
    """Nothing may load from outside the file; only the page's own CSS and print script run."""
    digest = base64.b64encode(hashlib.sha256(PRINT_SCRIPT.encode()).digest()).decode()
    return (
        "default-src 'none'; style-src 'unsafe-inline'; "
        f"script-src 'sha256-{digest}'; img-src data:; base-uri 'none'; form-action 'none'"
    )


def safe_url(url: str | None) -> str | None:
    """The URL when it is an http(s) link, else None (the title is then shown unlinked)."""
    if not url:
        return None
    try:
        scheme = urlsplit(url.strip()).scheme.lower()
    except ValueError:
        return None
    return url.strip() if scheme in LINKABLE_SCHEMES else None


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
            "compatible-claim" if conflict.compatible else "conflicting-claim",
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
        safe_url=safe_url,
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
        csp=content_security_policy(),
        print_script=Markup(PRINT_SCRIPT),  # a constant of ours, not user text
    )
