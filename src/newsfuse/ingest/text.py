"""Plain text articles as scraped: an optional metadata line, a title line, then the body."""

from __future__ import annotations

import datetime as dt
import re

from newsfuse.clean.reflow import reflow
from newsfuse.model import Article
from newsfuse.script import word_count

# Scrapers often prefix the first line with "date YYYY-MM-DD" before the title.
_DATE_PREFIX = re.compile(r"^\s*date[:\s]+(\d{4}-\d{2}-\d{2})\b\s*", re.I)
# A first line longer than this is body text, not a headline.
MAX_TITLE_WORDS = 30


def parse_text(article_id: str, text: str, **fields) -> Article:
    # hard-wrapped text first becomes one paragraph a line, so that the title guess below sees
    # the first paragraph, not the first 70 columns of the first sentence
    text = reflow(text.replace("\r\n", "\n").replace("\r", "\n"))
    published = fields.pop("published", None)
    first, _, rest = text.lstrip("\ufeff").lstrip("\n").partition("\n")
    match = _DATE_PREFIX.match(first)
    if match:
        published = published or _parse_iso(match.group(1))
        first = first[match.end():]
    title = fields.pop("title", None)
    if title is None and _is_title(first, rest):
        title, body = first.strip(), rest
    else:
        body = first + "\n" + rest
    return Article(id=article_id, title=title, published=published, raw=body.strip("\n"),
                   format="text", **fields)


def _is_title(line: str, rest: str) -> bool:
    return 0 < word_count(line) <= MAX_TITLE_WORDS and bool(rest.strip())


def _parse_iso(value: str) -> dt.date | None:
    try:
        return dt.date.fromisoformat(value[:10])
    except ValueError:
        return None
