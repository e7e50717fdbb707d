"""Article and event store (SQLAlchemy; SQLite by default, PostgreSQL with the same code)."""

from newsfuse.store.repository import Store, Stored, content_hash, default_url

__all__ = ["Store", "Stored", "content_hash", "default_url"]
