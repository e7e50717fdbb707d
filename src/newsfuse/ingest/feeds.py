"""RSS (0.9x, 1.0, 2.0) and Atom feeds with feedparser: one article per item, content as HTML.

feedparser reads the feeds found in the wild: undeclared entities, unescaped ampersands, tags
left open, dates in a dozen formats. It is only ever given the bytes already read (a stream):
given a string, feedparser would fetch URLs and open file names itself.
"""

from __future__ import annotations

import calendar
import datetime as dt
import io
from collections.abc import Iterator

import feedparser

from newsfuse.ingest.records import parse_date
from newsfuse.ingest.sniff import UnreadableInput
from newsfuse.model import Article

# The text is decoded already (sniff.decode); this header makes feedparser read it as such,
# whatever the XML declaration says.
_HEADERS = {"content-type": "application/xml; charset=utf-8"}


def parse_feed(name: str, text: str) -> Iterator[Article]:
    parsed = feedparser.parse(io.BytesIO(text.encode("utf-8")), response_headers=_HEADERS)
    if not parsed.entries:
        if parsed.get("bozo") and not parsed.get("version"):
            raise UnreadableInput(f"invalid feed ({_problem(parsed)})")
        raise UnreadableInput("feed has no items")
    outlet = _text(parsed.feed.get("title"))
    for number, entry in enumerate(parsed.entries, 1):
        yield _entry_to_article(entry, f"{name}#{number}", outlet)


def _problem(parsed) -> str:
    exception = parsed.get("bozo_exception")
    return str(exception).splitlines()[0] if exception else "not a feed"


def _entry_to_article(entry, fallback_id: str, outlet: str | None) -> Article:
    link = _text(entry.get("link"))
    return Article(id=_text(entry.get("id")) or link or fallback_id,
                   title=_text(entry.get("title")), source=outlet, url=link,
                   published=_entry_date(entry), raw=_content(entry), format="html")


def _content(entry) -> str:
    """The fullest text an item carries: content:encoded / Atom content, else its summary."""
    bodies = [part.get("value", "") for part in entry.get("content", [])]
    bodies.append(entry.get("summary", ""))
    return max(bodies, key=lambda body: len(body.strip()))


def _entry_date(entry) -> dt.date | None:
    for key in ("published_parsed", "updated_parsed", "created_parsed"):
        # the plain dict lookup: feedparser's own maps missing keys onto others, with a warning
        value = dict.get(entry, key)
        if value:
            return dt.datetime.fromtimestamp(calendar.timegm(value), dt.UTC).date()
    for key in ("published", "updated", "created"):
        if entry.get(key):  # a date feedparser could not parse: try dateparser
            return parse_date(entry[key])
    return None


def _text(value: object) -> str | None:
    return value.strip() if isinstance(value, str) and value.strip() else None
