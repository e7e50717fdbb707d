"""SQLAlchemy tables: articles (cleaned text, metadata, analysis) and events.

Only portable column types are used, so the same code runs on SQLite (default) and
PostgreSQL: Text, String, Date, DateTime, JSON, LargeBinary (bytea on PostgreSQL).
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy import JSON, Date, DateTime, ForeignKey, Integer, LargeBinary, String, Text
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column


class Base(DeclarativeBase):
    pass


class EventRow(Base):
    __tablename__ = "events"

    id: Mapped[str] = mapped_column(String(32), primary_key=True)
    title: Mapped[str] = mapped_column(Text, default="")
    created_at: Mapped[dt.datetime] = mapped_column(DateTime)
    updated_at: Mapped[dt.datetime] = mapped_column(DateTime)
    # The last full report (EventReport as JSON), the base of "what is new" update summaries.
    last_report: Mapped[dict | None] = mapped_column(JSON, nullable=True)
    reported_at: Mapped[dt.datetime | None] = mapped_column(DateTime, nullable=True)
    conflicts: Mapped[int | None] = mapped_column(Integer, nullable=True)


class ArticleRow(Base):
    __tablename__ = "articles"

    id: Mapped[str] = mapped_column(String(255), primary_key=True)
    # sha256 of the normalised title and body: re-ingesting the same article is a no-op.
    content_hash: Mapped[str] = mapped_column(String(64), unique=True, index=True)
    title: Mapped[str | None] = mapped_column(Text, nullable=True)
    source: Mapped[str | None] = mapped_column(Text, nullable=True)
    url: Mapped[str | None] = mapped_column(Text, nullable=True)
    published: Mapped[dt.date | None] = mapped_column(Date, nullable=True, index=True)
    path: Mapped[str | None] = mapped_column(Text, nullable=True)
    format: Mapped[str] = mapped_column(String(10), default="text")
    encoding: Mapped[str | None] = mapped_column(String(40), nullable=True)
    body: Mapped[str] = mapped_column(Text, default="")
    removed: Mapped[list] = mapped_column(JSON, default=list)
    # Analysis computed at ingest: language, word count, latest year mentioned, ...
    analysis: Mapped[dict] = mapped_column(JSON, default=dict)
    # float32 embeddings of title + lead, one column per encoder (filled lazily).
    embedding_minilm: Mapped[bytes | None] = mapped_column(LargeBinary, nullable=True)
    embedding_e5: Mapped[bytes | None] = mapped_column(LargeBinary, nullable=True)
    event_id: Mapped[str | None] = mapped_column(ForeignKey("events.id"), nullable=True,
                                                 index=True)
    ingested_at: Mapped[dt.datetime] = mapped_column(DateTime)


class ClusterStatsRow(Base):
    """The online clusterer's corpus statistics over the clustered articles, per encoder:
    term document frequencies and per-language embedding sums (`cluster.online.CorpusStatistics`
    serialised). Kept so that placing new articles reads only the events they could join."""

    __tablename__ = "cluster_stats"

    encoder: Mapped[str] = mapped_column(String(16), primary_key=True)
    documents: Mapped[int] = mapped_column(Integer, default=0)
    data: Mapped[bytes] = mapped_column(LargeBinary)
    updated_at: Mapped[dt.datetime] = mapped_column(DateTime)


class CountedArticleRow(Base):
    """Articles whose terms and embedding are in `cluster_stats` for that encoder."""

    __tablename__ = "cluster_stats_articles"

    encoder: Mapped[str] = mapped_column(String(16), primary_key=True)
    article_id: Mapped[str] = mapped_column(String(255), primary_key=True)
