"""Clean stage: the article body without boilerplate, and what was removed and why.

HTML goes through trafilatura (main content + metadata) and then the line rules of
`boilerplate`; scraped text and JSON records go through the line rules only, with the extra
rules that guess structure (headings, outlet names) from bare text.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator

from newsfuse import lang
from newsfuse.clean.boilerplate import HTML_RULES, clean_lines, text_rules
from newsfuse.clean.glued import cut_glued_captions, cut_glued_labels
from newsfuse.clean.html import ExtractedPage, extract
from newsfuse.clean.pages import is_gallery, non_article_reason
from newsfuse.clean.reflow import reflow
from newsfuse.config import CleanConfig
from newsfuse.model import Article, RemovedBlock
from newsfuse.script import word_count

__all__ = ["NoArticleText", "NotAnArticle", "clean", "clean_text"]

# Fewer words than this extracted from a page is a menu or an error page, not an article: the
# shortest gold body of the 85 scrapinghub benchmark pages has 42 words, so 5 leaves a wide margin
# for short news items while rejecting pages that yield only "Home" or "Page not found".
MIN_HTML_BODY_WORDS = 5
# A text of short unpunctuated lines only is a headline-only brief up to this many lines (ECB+
# items give a headline and at most a dateline or a subhead); more is a list page (25 judges,
# each "Name of State, Court"), also when a line or two of it ends with a full stop, as long as
# what is left is under LIST_PAGE_BODY_WORDS.
MAX_HEADLINE_ONLY_LINES = 3
LIST_PAGE_BODY_WORDS = 40


class NoArticleText(ValueError):
    """Nothing that looks like article text was found (empty, broken or non-article input)."""

    def __init__(self, item: str, message: str | None = None):
        self.item = item
        super().__init__(message or f"no article text found in {item}")


class NotAnArticle(NoArticleText):
    """The page has text, but of a kind that is no news article (see `clean.pages`): it is
    reported with the reason, like unreadable input, and takes no part in the analysis."""

    def __init__(self, item: str, reason: str, body: str = ""):
        self.reason = reason
        # the text that was read and judged: the verdict can be checked against it
        self.body = body
        super().__init__(item, f"not a news article ({reason}): {item}")


# A closing ” read in the wrong encoding: its last byte has no character in cp1252, so a
# crawler wrote a replacement character and "?" for it ("an “expectations gap\ufffd? among").
_BROKEN_CLOSING_QUOTE = "\ufffd?"


# Invisible marks a CMS leaves inside words ("The \u200bFlight Crew"): zero-width space, word
# joiner, a byte-order mark inside the text. Not the zero-width (non-)joiners, which spell
# Persian and Indic words.
_INVISIBLE = str.maketrans("", "", "\u200b\u2060\ufeff")


# A sentence run into the next without its space ("... our source says.It does seem ..."): a
# word in lower case, its full stop, and a capitalised word. 17 in the 80 full-web clusters,
# all sentence ends; the parser read the next sentence as part of the first, and its subject
# as reported speech.
_GLUED_SENTENCE = re.compile(r"(?<=\b[a-z]{2})([a-z]*[.!?])(?=[A-Z][a-z])")


def visible(text: str) -> str:
    """`text` without the invisible marks that split a word for the parser, and with the space
    put back between two sentences run together."""
    return _GLUED_SENTENCE.sub(r"\1 ", text.translate(_INVISIBLE))


def mend_quote_marks(text: str) -> str:
    """Closing quote marks lost to a wrong encoding, put back: only in a text that opens
    quotes with “ and never closes one with ”, so a real "\ufffd?" elsewhere is left alone."""
    if _BROKEN_CLOSING_QUOTE in text and "“" in text and "”" not in text:
        return text.replace(_BROKEN_CLOSING_QUOTE, "”")
    return text


# A wire dateline names the agency whose story it is: "PITTSBURGH (AP) — ...", "KYIV,
# Ukraine (Reuters) - ...". Its versions (a live blog and the story) are one voice.
_WIRE_DATELINE = re.compile(rf"^(?:{lang.DATELINE_PLACE_PATTERN}\s*)?\(("
                            + lang.agency_pattern() + r")\)\s*[-—–]")
WIRE_LINES = 3


def wire_credit(body: str) -> str | None:
    """The agency of a wire dateline among the body's first lines, if any."""
    for line in [line for line in body.split("\n") if line.strip()][:WIRE_LINES]:
        found = _WIRE_DATELINE.match(line.strip())
        if found:
            return found.group(1)
    return None


_WIRE_BYLINE = re.compile(r"^by\s+(?:the\s+)?(" + lang.wire_pattern() + r")\s*$",
                          re.IGNORECASE)


def byline_wire(removed: list[RemovedBlock]) -> str | None:
    """The agency a removed byline signs with ('By Agence France-Presse'), as written."""
    return next((found.group(1) for found in _bylines(removed, _WIRE_BYLINE)), None)


def _bylines(removed: list[RemovedBlock], pattern: re.Pattern[str]
             ) -> Iterator[re.Match[str]]:
    """Matches of `pattern` at the start of the removed byline lines, in order."""
    for block in removed:
        if block.reason == "byline" and (found := pattern.match(block.text.strip())):
            yield found


# A page's publication stamp, removed as a byline line: "First Published: Mar 21, 2017 07:52
# IST", "Published on 3 May 2016", "Posted: May 3, 2016". Not "Updated": an update is later.
_FULL_DATE = (r"(?:\w+day,?\s+)?(?:" + lang.MONTH_PATTERN + r"\s+" + lang.DAY_PATTERN + r",?\s*"
              + lang.YEAR_PATTERN + "|" + lang.DAY_PATTERN.replace("day>", "day2>") + r"\s+"
              + lang.MONTH_PATTERN.replace("month>", "month2>") + r",?\s+"
              + lang.YEAR_PATTERN.replace("year>", "year2>") + ")")
_PUBLISHED_STAMP = re.compile(
    r"^(?:first )?(?:published|posted)\b(?: on)?\s*:?\s*" + _FULL_DATE, re.IGNORECASE)
# The same stamp an export glued in front of the first sentence (removed as a "dateline":
# "Published July 5 2016", "12 February 2015", "AFP Tuesday 5 Jul 2016").
_GLUED_STAMP = re.compile(
    r"^(?:(?:first )?(?:published|posted)\b(?: on)?\s*:?\s*|date of publication\s+|"
    + lang.wire_pattern() + r"\s+)?" + _FULL_DATE, re.IGNORECASE)


def stamp_date(removed: list[RemovedBlock]) -> dt.date | None:
    """The date of the first publication stamp among the removed byline lines and the
    stamp glued in front of the first sentence."""
    found = [*_bylines(removed, _PUBLISHED_STAMP),
             *(match for block in removed if block.reason == "dateline"
               and (match := _GLUED_STAMP.match(block.text.strip())))]
    for match in found:
        month = match.group("month") or match.group("month2")
        day = match.group("day") or match.group("day2")
        year = match.group("year") or match.group("year2")
        try:
            return dt.date(int(year), lang.MONTH_NUMBER[month[:3].lower()], int(day))
        except ValueError:
            continue
    return None


def clean(article: Article, config: CleanConfig | None = None) -> Article:
    """A copy of `article` with `body` (one paragraph a line) and `removed` filled.

    For HTML, missing title, date, outlet name and URL are taken from the page's metadata.
    Raises NoArticleText when no body text remains.
    """
    config = config or CleanConfig()
    if article.format == "html":
        page = extract(article.raw, article.url)
        updates = _metadata_updates(article, page)
        title = updates.get("title", article.title)
        text = mend_quote_marks(visible(page.text))
        body, removed = clean_lines(text, HTML_RULES, title=title)
    else:
        updates = {}
        # hard-wrapped text is made one paragraph a line before the line rules see it
        text = reflow(mend_quote_marks(visible(article.raw)))
        # captions run into a one-line page's story are cut out before the line rules
        text, marks = cut_glued_labels(text)
        uncaptioned, glued = cut_glued_captions(text)
        glued = [*marks, *glued]
        body, removed = clean_lines(uncaptioned, text_rules(config.max_heading_words),
                                    title=article.title)
        removed = [*glued, *removed]
        # a headline-only brief (an ECB+ item such as "Robbers in drag steal ... in biggest
        # French heist"): the heading rule is a guess from bare text
        body, removed = _only_what_was_removed(body, removed, "heading")
        if _list_page(body, removed):
            raise NotAnArticle(article.item_name,
                               "list page (short lines, hardly a sentence)", body)
    # a photo story given as one line of JSONL, its story told in the captions: the gallery
    # rule removes a gallery strip from a page that has a story elsewhere
    body, removed = _only_what_was_removed(body, removed, "gallery")
    if not _is_article_text(body, article.format):
        if is_gallery("", removed):
            raise NotAnArticle(article.item_name, "photo gallery (captions only)",
                               body)
        raise NoArticleText(article.item_name)
    # the reader may have taken a text's first line for its title: the page opens there
    title = updates.get("title", article.title)
    if title and (shown := visible(title)) != title:
        updates["title"] = shown
    reason = non_article_reason(f"{title}\n{text}" if title else text, body, removed)
    if reason is not None:
        raise NotAnArticle(article.item_name, reason, body)
    if not updates.get("source", article.source) and (
            wire := wire_credit(body) or byline_wire(removed)):
        updates["source"] = wire  # no outlet given: the wire the story comes from
    if updates.get("published", article.published) is None \
            and (stamped := stamp_date(removed)) is not None:
        updates["published"] = stamped  # "First Published: Mar 21, 2017 07:52 IST"
    # what the reader already dropped (stray control bytes) stays listed
    return article.model_copy(update={**updates, "body": body,
                                      "removed": [*article.removed, *removed]})


def clean_text(text: str, config: CleanConfig | None = None) -> str:
    """The body of scraped text: boilerplate lines dropped, one paragraph a line."""
    config = config or CleanConfig()
    body, _removed = clean_lines(reflow(text), text_rules(config.max_heading_words))
    return body


def _only_what_was_removed(body: str, removed: list[RemovedBlock], reason: str
                           ) -> tuple[str, list[RemovedBlock]]:
    """A text whose every line one guessing rule (`reason`) removed keeps those lines as its
    body rather than dropping the article."""
    if body or not any(block.reason == reason for block in removed):
        return body, removed
    kept = [block.text for block in removed if block.reason == reason]
    return "\n".join(kept), [block for block in removed if block.reason != reason]


def _list_page(body: str, removed: list[RemovedBlock]) -> bool:
    """Short lines and hardly a sentence: more heading-like lines than a brief has, and what
    is left beside them a line or two."""
    if not body:
        return False
    headings = sum(1 for block in removed if block.reason == "heading")
    lines = body.count("\n") + 1
    if not headings:  # the headings were all there was: they are the body
        return lines > MAX_HEADLINE_ONLY_LINES \
            and not any(_SENTENCE_END.search(line) for line in body.splitlines())
    return headings > MAX_HEADLINE_ONLY_LINES and word_count(body) < LIST_PAGE_BODY_WORDS \
        and headings >= 2 * lines


_SENTENCE_END = re.compile(r"[.!?。！？…][\"'”’)）」』]?\s*$")


def _is_article_text(body: str, kind: str) -> bool:
    # markup debris such as "<<<>>>" or a lone number is not article text either
    if not any(char.isalpha() for char in body):
        return False
    return kind != "html" or word_count(body) >= MIN_HTML_BODY_WORDS


def _metadata_updates(article: Article, page: ExtractedPage) -> dict[str, object]:
    """Page metadata for the fields the article does not have yet (ingest data wins)."""
    found = {"title": page.title, "published": page.published,
             "source": page.site_name, "url": page.url}
    return {field: value for field, value in found.items()
            if value is not None and getattr(article, field) is None}
