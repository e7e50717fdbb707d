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
import re
from dataclasses import dataclass

import trafilatura
from lxml import html as lxml_html
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
    if document is None or not (document.text or "").strip():
        # trafilatura looks for a page's main block and finds none in a bare fragment: a feed
        # item's description, a single <p> saved as a file
        return ExtractedPage(text=fragment_text(html) if _is_fragment(html) else "")
    return ExtractedPage(
        text=document.text or "",
        title=_without_site_name(_clean_field(document.title)),
        published=_publication_date(html, document.date),
        site_name=_clean_field(document.sitename),
        url=_clean_field(document.url),
    )


_PAGE_TAG = re.compile(r"<\s*(?:html|body|head)\b", re.IGNORECASE)
_BLOCKS = ("p", "div", "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote",
           "pre", "table", "tr", "section", "article", "figure", "figcaption", "header",
           "footer", "aside", "dd", "dt")
_INVISIBLE = ("script", "style", "noscript", "template")


def _is_fragment(markup: str) -> bool:
    """Markup without <html>, <head> or <body>: a piece of a page, or plain text."""
    return not _PAGE_TAG.search(markup)


def fragment_text(markup: str) -> str:
    """The visible text of an HTML fragment (or of plain text), one block a line."""
    try:
        root = lxml_html.fragment_fromstring(markup, create_parent="div")
    except (ParserError, ValueError, TypeError):
        return ""
    for hidden in root.xpath(" | ".join(f".//{tag}" for tag in _INVISIBLE)):
        hidden.drop_tree()
    for element in root.iter():
        if element.tag == "br" or element.tag in _BLOCKS:
            element.tail = "\n" + (element.tail or "")
            if element.tag != "br":
                element.text = "\n" + (element.text or "")
    lines = (" ".join(line.split()) for line in root.text_content().split("\n"))
    return "\n".join(line for line in lines if line)


def _publication_date(html: str, found: str | None) -> dt.date | None:
    """The date trafilatura (htmldate) found, unless it is 1 January read from a bare year:
    htmldate's last resort takes a "© 2025" footer for 2025-01-01, and a wrong year puts
    every "on Monday" of the article in the wrong week. Kept when the page's metadata (the
    search without guesses) gives the same date."""
    date = _parse_date(found)
    if date is None or (date.month, date.day) != (1, 1):
        return date
    from htmldate import find_date

    try:
        return _parse_date(find_date(html, extensive_search=False, original_date=True))
    except (ValueError, TypeError):
        return None


# Words of a site's name after " | " ("Ferry strike strands thousands | Marren Gazette"):
# few, and each capitalised; trafilatura strips the name only when the page states it.
_SITE_NAME_WORDS = 5


def _without_site_name(title: str | None) -> str | None:
    """The headline without the site's name the page title appends after a bar."""
    if not title or " | " not in title:
        return title
    head, _, tail = title.rpartition(" | ")
    words = tail.split()
    if len(words) <= _SITE_NAME_WORDS and all(w[:1].isupper() or not w[:1].isalpha()
                                               for w in words) and len(head.split()) >= 3:
        return head
    return title


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
