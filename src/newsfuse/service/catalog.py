"""The events list: search, filters, newest-first order and paging over the store."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from newsfuse.store import EventSummary, Store
from newsfuse.store.search import MARK_END, MARK_START

PAGE_SIZE = 20
# Articles of search hits considered: enough for every event of a large store to surface.
SEARCH_HITS = 2000


@dataclass
class EventQuery:
    text: str = ""
    outlet: str = ""
    since: dt.date | None = None
    until: dt.date | None = None
    page: int = 1


@dataclass
class Listed:
    summary: EventSummary
    snippets: list[str] = field(default_factory=list)  # with search markers


@dataclass
class EventPage:
    events: list[Listed]
    total: int
    page: int
    pages: int
    outlets: list[str]


def list_events(store: Store, query: EventQuery, page_size: int = PAGE_SIZE) -> EventPage:
    summaries = store.event_summaries()
    outlets = sorted({o for s in summaries for o in s.outlets}, key=str.lower)
    snippets: dict[str, list[str]] = {}
    if query.text.strip():
        for hit in store.search(query.text, SEARCH_HITS):
            if hit.event_id is not None:
                snippets.setdefault(hit.event_id, []).append(hit.snippet)
        needle = query.text.strip().lower()
        for summary in summaries:  # an event title may match where no article text does
            if needle in summary.title.lower():
                snippets.setdefault(summary.id, [])
        summaries = [s for s in summaries if s.id in snippets]
    summaries = [s for s in summaries if _kept(s, query)]
    summaries.sort(key=_newest_first)
    pages = max(1, -(-len(summaries) // page_size))
    page = min(max(1, query.page), pages)
    shown = summaries[(page - 1) * page_size: page * page_size]
    return EventPage([Listed(s, snippets.get(s.id, [])[:2]) for s in shown], len(summaries),
                     page, pages, outlets)


def _kept(summary: EventSummary, query: EventQuery) -> bool:
    if query.outlet and query.outlet not in summary.outlets:
        return False
    # An event is kept when its date span overlaps the asked range; undated ones only
    # when no range is asked.
    if query.since and (summary.last_date is None or summary.last_date < query.since):
        return False
    return not (query.until and (summary.first_date is None
                                 or summary.first_date > query.until))


def _newest_first(summary: EventSummary) -> tuple:
    latest = summary.last_date or dt.date.min
    return (-latest.toordinal(), -summary.updated_at.timestamp(), summary.id)


def marked(snippet: str) -> list[tuple[str, bool]]:
    """A snippet as (text, is_match) pieces, for the template to escape and mark."""
    pieces: list[tuple[str, bool]] = []
    for part in snippet.split(MARK_START):
        matched, _, rest = part.partition(MARK_END) if MARK_END in part else ("", "", part)
        if matched:
            pieces.append((matched, True))
        if rest:
            pieces.append((rest, False))
    return pieces
