"""Plain text articles as scraped: an optional metadata line, a title line, then the body."""

from __future__ import annotations

import datetime as dt
import re

from newsfuse.clean.reflow import reflow
from newsfuse.lang import MONTH_NUMBER
from newsfuse.model import Article
from newsfuse.script import word_count

# Scrapers often prefix the first line with "date YYYY-MM-DD" before the title.
_DATE_PREFIX = re.compile(r"^\s*date[:\s]+(\d{4}-\d{2}-\d{2})\b\s*", re.I)
# A first line longer than this is body text, not a headline.
MAX_TITLE_WORDS = 30
# Scrapers and corpora often put the page's address on the first line, before the headline;
# tokenised corpora write it with spaces ("http : / / www . example . com / ...").
_URL = re.compile(r"^(?:https?://|www\.)[^\s/]+\.[a-z]{2,}\S*$", re.IGNORECASE)
_SPACED_SCHEME = re.compile(r"^https?\s*:\s*/\s*/", re.IGNORECASE)
# A dateline under the headline ("May 03, 2013", "Saturday, 12 April 2014 | 5:03pm") is the
# publication date; longer lines are prose that happens to hold a date.
MAX_DATELINE_WORDS = 10
_YEAR = re.compile(r"\b(?:19|20)\d{2}\b")
# News addresses often carry the day: /2013/05/03/ or /2013/may/03/.
_URL_DAY = re.compile(r"/((?:19|20)\d{2})/(\d{1,2}|[a-z]{3,9})/(\d{1,2})(?:/|$)", re.IGNORECASE)


def parse_text(article_id: str, text: str, **fields) -> Article:
    # hard-wrapped text first becomes one paragraph a line, so that the title guess below sees
    # the first paragraph, not the first 70 columns of the first sentence
    text = reflow(text.replace("\r\n", "\n").replace("\r", "\n"))
    published = fields.pop("published", None)
    first, _, rest = text.lstrip("\ufeff").lstrip("\n").partition("\n")
    address = "".join(first.split())
    if _URL.match(address) and rest.strip() and (
            address == first.strip() or _SPACED_SCHEME.match(first.strip())):
        fields["url"] = fields.get("url") or address
        first, _, rest = rest.lstrip("\n").partition("\n")
    match = _DATE_PREFIX.match(first)
    if match:
        published = published or _parse_iso(match.group(1))
        first = first[match.end():]
    day = _dateline(first) if rest.strip() else None
    if day is not None:  # a dateline above the headline
        published = published or day
        first, _, rest = rest.lstrip("\n").partition("\n")
    title = fields.pop("title", None)
    if title is None and _is_title(first, rest):
        title, body = first.strip(), rest
    else:
        body = first + "\n" + rest
    published = published or _dateline(body) or _url_day(fields.get("url"))
    return Article(id=article_id, title=title, published=published, raw=body.strip("\n"),
                   format="text", **fields)


def _dateline(body: str) -> dt.date | None:
    """The date of a short date line opening the body (what follows a "|" is a time)."""
    first = next((line for line in body.split("\n") if line.strip()), "")
    if not _YEAR.search(first) or word_count(first) > MAX_DATELINE_WORDS:
        return None
    import dateparser

    parsed = dateparser.parse(first.split("|")[0].strip(), languages=["en"],
                              settings={"STRICT_PARSING": True})
    return parsed.date() if parsed else None


def _url_day(url: str | None) -> dt.date | None:
    match = _URL_DAY.search(url or "")
    if match is None:
        return None
    year, month, day = match.groups()
    number = int(month) if month.isdigit() else MONTH_NUMBER.get(month[:3].lower())
    try:
        return dt.date(int(year), number, int(day)) if number else None
    except ValueError:
        return None


def _is_title(line: str, rest: str) -> bool:
    return 0 < word_count(line) <= MAX_TITLE_WORDS and bool(rest.strip())


def _parse_iso(value: str) -> dt.date | None:
    try:
        return dt.date.fromisoformat(value[:10])
    except ValueError:
        return None
