"""'What's new since' on the event page: a date the reader picks, or their last visit.

The last visit is a cookie scoped to the event's path (one per event, nothing kept on the
server); each view shows what arrived since the view before and then moves it to now.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from newsfuse.store.models import ArticleRow

VISIT_COOKIE = "newsfuse_seen"
# A year: a reader coming back to a story months later still gets "since your last visit".
VISIT_MAX_AGE = 365 * 24 * 3600


def now() -> dt.datetime:
    """UTC without tzinfo, as the store keeps times."""
    return dt.datetime.now(dt.UTC).replace(tzinfo=None)


def parse_visit(value: str | None) -> dt.datetime | None:
    """The cookie's time; anything unreadable counts as no visit."""
    if not value or len(value) > 40:
        return None
    try:
        return dt.datetime.fromisoformat(value)
    except ValueError:
        return None


def new_since(rows: Iterable[ArticleRow], since_date: dt.date | None = None,
              visit: dt.datetime | None = None) -> set[str]:
    """Ids of the articles that are new: published on or after `since_date` (undated ones by
    when they were stored), or stored after the reader's last `visit`."""
    new = set()
    for row in rows:
        if since_date is not None:
            day = row.published or row.ingested_at.date()
            if day >= since_date:
                new.add(row.id)
        elif visit is not None and row.ingested_at > visit:
            new.add(row.id)
    return new
