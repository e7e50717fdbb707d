"""Article text and metadata from an HTML page, with trafilatura.

trafilatura finds the main content block; `favor_precision` is used because on the tuning half
of the scrapinghub benchmark it raised mean precision from 0.924 to 0.964 for a recall cost of
0.0002 (on all 85 pages, favor_recall changed nothing and include_tables=False lost recall).
Its output then goes through the named line rules of `boilerplate.HTML_RULES` (the rules that
need no guess about structure); benchmarks/results/extraction.md has the scores.
"""

from __future__ import annotations

import datetime as dt
import logging
from dataclasses import dataclass

import trafilatura
from lxml.etree import ParserError

# trafilatura logs every discarded page at WARNING; a batch reports those through NoArticleText.
logging.getLogger("trafilatura").setLevel(logging.ERROR)
logging.getLogger("htmldate").setLevel(logging.ERROR)

# Hover cards (a person's photo and latest headlines shown on mouse-over) sit inside the
# paragraph that names the person; trafilatura would read them as part of the sentence. Only the
# innermost card element holding an image or several links is removed, so the name stays.
_CARD_CLASS = ("contains(@class, 'rollover') or contains(@class, 'tooltip') or "
               "contains(@class, 'popover') or contains(@class, 'hovercard') or "
               "contains(@class, 'hover-card')")
# When one <article> holds the page's headline (<h1>) and a paragraph of text, it is the story;
# the page's other <article> elements outside it are teasers of other stories ("you may also
# like", a blog's post list) that trafilatura may read on as if they continued it. Nothing is
# pruned when no <article> holds the headline (the headline above the story's element, or no
# <article> at all), so pages built otherwise keep what trafilatura finds.
_STORY = "//article[descendant::h1][descendant::p[string-length(normalize-space()) > 80]]"
_TEASER = (f".//article[{_STORY}][not(descendant::h1)][not(ancestor::article[descendant::h1])]"
           "[not(descendant::article[descendant::h1])]")
PRUNE_XPATHS = [
    f".//span[{_CARD_CLASS}][.//img or count(.//a) > 1][not(.//span[{_CARD_CLASS}][.//img])]",
    _TEASER,
]

EXTRACTION_OPTIONS = {
    "favor_precision": True,
    # reader comments are not the article; tables often are (scores, results, figures)
    "include_comments": False,
    "include_tables": True,
    "include_images": False,
    "include_links": False,
    "with_metadata": True,
    "prune_xpath": PRUNE_XPATHS,
}


@dataclass(frozen=True)
class ExtractedPage:
    text: str
    title: str | None = None
    published: dt.date | None = None
    site_name: str | None = None
    url: str | None = None


def extract(html: str, url: str | None = None) -> ExtractedPage:
    """Main text (one paragraph a line) and metadata; empty text when nothing was found."""
    if not html or not html.strip():
        return ExtractedPage(text="")
    try:
        document = trafilatura.bare_extraction(html, url=url, **EXTRACTION_OPTIONS)
    except (ParserError, ValueError, TypeError, AttributeError):
        # lxml and trafilatura raise these on markup they cannot build a tree from
        document = None
    if document is None:
        return ExtractedPage(text="")
    return ExtractedPage(
        text=document.text or "",
        title=_clean_field(document.title),
        published=_parse_date(document.date),
        site_name=_clean_field(document.sitename),
        url=_clean_field(document.url),
    )


def _clean_field(value: str | None) -> str | None:
    value = " ".join((value or "").split())
    return value or None


def _parse_date(value: str | None) -> dt.date | None:
    if not value:
        return None
    try:
        return dt.date.fromisoformat(value[:10])
    except ValueError:
        return None
