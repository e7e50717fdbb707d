"""Plain text articles as scraped: an optional metadata line, a title line, then the body."""

from __future__ import annotations

import datetime as dt
import re

from newsfuse.clean.boilerplate import HTML_RULES, classify, only_controls
from newsfuse.clean.reflow import reflow
from newsfuse.lang import DATELINE_MONTH_PATTERN, DAY_PATTERN, MONTH_NUMBER, YEAR_PATTERN
from newsfuse.model import Article
from newsfuse.script import word_count

# Scrapers often prefix the first line with "date YYYY-MM-DD" before the title.
_DATE_PREFIX = re.compile(r"^\s*date[:\s]+(\d{4}-\d{2}-\d{2})\b\s*", re.I)
# A first line longer than this is body text, not a headline.
MAX_TITLE_WORDS = 30
# A single word on the first line is a page's label ("Photo", "ADVERTISEMENT", a section name or
# a user name), not a headline.
MIN_TITLE_WORDS = 2
# A first line ending in a full stop is a headline only while short: some sites stop their
# headlines ("Ferry sinks off Tolvik."), but a longer stopped line is the story's lede.
MAX_STOPPED_TITLE_WORDS = 12
_FULL_STOP_END = re.compile(r"[.…][\"'”’)]*\s*$")
# Scrapers and corpora often put the page's address on the first line, before the headline;
# tokenised corpora write it with spaces ("http : / / www . example . com / ...").
_URL = re.compile(r"^(?:https?://|www\.)[^\s/]+\.[a-z]{2,}\S*$", re.IGNORECASE)
_SPACED_SCHEME = re.compile(r"^https?\s*:\s*/\s*/", re.IGNORECASE)
# A dateline under the headline ("May 03, 2013", "Saturday, 12 April 2014 | 5:03pm",
# "PUBLISHED: THURSDAY, MAY 2, 2013, 1:32 PM") is the publication date; longer lines are prose
# that happens to hold a date.
MAX_DATELINE_WORDS = 10
# Words a dateline may hold besides its date, times, zones and weekdays: a label ("Published",
# "Last updated", "Posted on"). Prose naming a date ("The vote was held on May 3, 2024") has more.
MAX_DATELINE_LABEL_WORDS = 3
# Datelines sit among the first lines under the headline, after a standfirst or a byline at most.
DATELINE_LINES = 3
_MONTH, _DAY, _YEAR_GROUP = DATELINE_MONTH_PATTERN, DAY_PATTERN, YEAR_PATTERN
# The written dates a dateline holds, in the order tried: "May 2, 2013", "2 May 2013",
# "2013-05-02", "05/02/2013" (month first unless the first number cannot be a month).
_DATE_FORMS = [
    re.compile(rf"\b{_MONTH}\s*{_DAY}\s*[,-]?\s*{_YEAR_GROUP}\b", re.IGNORECASE),
    re.compile(rf"\b{_DAY}\s+{_MONTH}\s*,?\s*{_YEAR_GROUP}\b", re.IGNORECASE),
    re.compile(r"\b(?P<year>(?:19|20)\d{2})-(?P<month>[01]?\d)-(?P<day>[0-3]?\d)\b"),
    re.compile(r"\b(?P<first>[0-3]?\d)/(?P<second>[0-3]?\d)/(?P<year>(?:19|20)\d{2})\b"),
]
# What a dateline holds besides the date: clock times ("1:32 PM", "5:03pm", "10 a.m."), zones
# ("EDT", "GMT"), weekdays; what is left are its label words.
_CLOCK = re.compile(r"\b\d{1,2}(?::\d{2}){0,2}\s*[ap]\.?\s?m\b\.?|\b\d{1,2}(?::\d{2}){1,2}",
                    re.IGNORECASE)
_ZONE = re.compile(r"\b(?:[A-Z]{1,3}T|UTC)\b")
_WEEKDAY = re.compile(r"\b(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\b\.?", re.IGNORECASE)
# A tokenised corpus writes "May 2 , 2013 | 1 : 32 PM" and "05 / 02 / 2013".
_SPACE_BEFORE_MARK = re.compile(r"\s+([,.:;/|-])")
_SPACE_INSIDE_NUMBER = re.compile(r"(?<=\d)([:/-])\s+(?=\d)")
_YEAR = re.compile(r"\b(?:19|20)\d{2}\b")
# A wire story's opening: the place in capitals, then the date, before a dash ("LONDON,
# Jan 3, 2025 (Reuters) -"); prose that names a date before a dash is no dateline.
_WIRE_DATELINE = re.compile(r"^\s*([A-Z][A-Z .'’]+,[^\n—–]{4,50}?)\s+(?:—|–|--|-)\s+\S")
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
        if not first.strip():  # "date 2025-03-11" on a line of its own: the headline is next
            first, _, rest = rest.lstrip("\n").partition("\n")
    day = _dateline_date(first) if rest.strip() else None
    above = ""
    if day is not None:  # a dateline above the headline: the body keeps it for the cleaner
        published = published or day
        above = first + "\n"
        first, _, rest = rest.lstrip("\n").partition("\n")
    title = fields.pop("title", None)
    if title is None and _is_title(first, rest):
        title, body = first.strip(), above + rest
    else:
        body = above + first + "\n" + rest
    published = published or _dateline(body) or _url_day(fields.get("url"))
    return Article(id=article_id, title=title, published=published, raw=body.strip("\n"),
                   format="text", **fields)


def _dateline(body: str) -> dt.date | None:
    """The date of a short date line among the first lines of the body, or of a wire
    dateline opening the first of them ("PORT MARREN, Jan. 3, 2025 — The strike ...")."""
    lines = [line for line in body.split("\n") if line.strip()][:DATELINE_LINES]
    found = next((day for day in map(_dateline_date, lines) if day is not None), None)
    if found is None and lines and (opening := _WIRE_DATELINE.match(lines[0])):
        found = _dateline_date(opening.group(1))
    return found


def _dateline_date(line: str) -> dt.date | None:
    """The date a dateline states ("Updated: May 2, 2013 | 1:32 PM"), None for other lines.
    Of the parts split by "|", the first holding a date counts (what follows is often a time
    or an update)."""
    line = _SPACE_INSIDE_NUMBER.sub(r"\1", _SPACE_BEFORE_MARK.sub(r"\1", line))
    if not _YEAR.search(line):
        return None
    for part in line.split("|"):
        found = _written_date(part) if word_count(part) <= MAX_DATELINE_WORDS else None
        if found is not None:
            day, (start, end) = found
            return day if _label_words(f"{part[:start]} {part[end:]}") <= \
                MAX_DATELINE_LABEL_WORDS else None
    return None


def _label_words(rest: str) -> int:
    """Words of a dateline's remainder once its times, zones and weekdays are gone."""
    for pattern in (_CLOCK, _ZONE, _WEEKDAY):
        rest = pattern.sub(" ", rest)
    return len(re.findall(r"[^\W\d_]{2,}", rest))


def _written_date(text: str) -> tuple[dt.date, tuple[int, int]] | None:
    """The first valid written date in `text` and where it stands."""
    for form in _DATE_FORMS:
        for match in form.finditer(text):
            parts = match.groupdict()
            if "first" in parts:
                first, second = int(parts["first"]), int(parts["second"])
                month, day = (second, first) if first > 12 else (first, second)
            else:
                month = (int(parts["month"]) if parts["month"].isdigit()
                         else MONTH_NUMBER[parts["month"][:3].lower()])
                day = int(parts["day"])
            try:
                return dt.date(int(parts["year"]), month, day), match.span()
            except ValueError:
                continue
    return None


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
    """A headline-like first line: a few words that no boilerplate rule claims (a photo caption,
    a player's controls or a newsletter box on the first line stays in the body, where the
    cleaner removes it and lists why)."""
    words = word_count(line)
    if words > MAX_STOPPED_TITLE_WORDS and _FULL_STOP_END.search(line):
        return False  # a lede paragraph, which the body must keep ("... has died, police say.")
    return (MIN_TITLE_WORDS <= words <= MAX_TITLE_WORDS and bool(rest.strip())
            and classify(line, HTML_RULES) is None and not only_controls(line))


def _parse_iso(value: str) -> dt.date | None:
    try:
        return dt.date.fromisoformat(value[:10])
    except ValueError:
        return None
