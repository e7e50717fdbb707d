"""Article and event store (SQLAlchemy; SQLite by default, PostgreSQL with the same code)."""

from newsfuse.store.repository import (
    EventSummary,
    Store,
    Stored,
    UnknownEvent,
    content_hash,
    default_url,
    outlet_name,
)

__all__ = ["EventSummary", "Store", "Stored", "UnknownEvent", "content_hash", "default_url",
           "outlet_name"]
