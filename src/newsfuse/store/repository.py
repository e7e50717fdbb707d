"""Repository functions over the article/event store (any SQLAlchemy URL).

Durability: `add_article` commits before it returns, so an article reported as stored
survives the process being killed. On SQLite the database runs in WAL mode with
synchronous=FULL: a committed transaction is on disk when the commit returns.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import os
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from urllib.parse import urlsplit

import numpy as np
from sqlalchemy import (
    and_,
    case,
    create_engine,
    delete,
    event,
    exists,
    func,
    or_,
    select,
    update,
)
from sqlalchemy.engine import Engine
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session, aliased, sessionmaker

from newsfuse.model import Article, EventReport, RemovedBlock
from newsfuse.store import search
from newsfuse.store.models import (
    ArticleRow,
    Base,
    ClusterStatsRow,
    CountedArticleRow,
    EventRow,
)

DEFAULT_URL = "sqlite:///newsfuse.db"
EMBEDDING_COLUMNS = {"minilm": "embedding_minilm", "e5": "embedding_e5"}
EVENT_PREFIX = "ev"



class UnknownEvent(KeyError):
    """No such event in the store (never was, or merged into another meanwhile)."""

    def __init__(self, event_id: str):
        super().__init__(event_id)
        self.event_id = event_id

    def __str__(self) -> str:
        return f"no event {self.event_id!r} in the store (see `newsfuse events`)"

def default_url() -> str:
    return os.environ.get("NEWSFUSE_DB", DEFAULT_URL)


def content_hash(article: Article) -> str:
    """Same title and body (whitespace aside) -> same hash, whatever the file or id."""
    text = f"{article.title or ''}\n{article.body or article.raw}"
    normalised = re.sub(r"\s+", " ", text).strip().lower()
    return hashlib.sha256(normalised.encode("utf-8")).hexdigest()


@dataclass
class EventSummary:
    """One line of the events list."""

    id: str
    title: str
    size: int
    outlets: list[str]
    first_date: dt.date | None
    last_date: dt.date | None
    conflicts: int | None
    updated_at: dt.datetime
    report_fresh: bool  # the saved report covers every current article


def report_is_current(row: EventRow) -> bool:
    """The event's saved report covers every article (none joined since it was made)."""
    return row.reported_at is not None and row.reported_at >= row.updated_at


def outlet_name(source: str | None, url: str | None) -> str | None:
    """The outlet as given, else the web site of the URL (without www.)."""
    if source and source.strip():
        return source.strip()
    if url:
        host = urlsplit(url).hostname or ""
        return host.removeprefix("www.") or None
    return None


@dataclass
class Stored:
    id: str
    created: bool  # False when the same content was already stored


class Store:
    """One database. Open with a URL; tables are created when missing."""

    def __init__(self, url: str | None = None):
        self.url = url or default_url()
        self.engine: Engine = create_engine(self.url)
        if self.engine.dialect.name == "sqlite":
            event.listen(self.engine, "connect", _sqlite_pragmas)
        Base.metadata.create_all(self.engine)
        search.create_index(self.engine)
        self._sessions = sessionmaker(self.engine, expire_on_commit=False)

    def session(self) -> Session:
        return self._sessions()

    def close(self) -> None:
        self.engine.dispose()

    # ------------------------------------------------------------------ articles

    def add_article(self, article: Article, analysis: dict | None = None,
                    embeddings: dict[str, np.ndarray] | None = None) -> Stored:
        """Store one article (committed on return); idempotent by content hash."""
        digest = content_hash(article)
        with self.session() as session:
            existing = session.scalar(select(ArticleRow.id).where(
                ArticleRow.content_hash == digest))
            if existing is not None:
                return Stored(existing, created=False)
            row = _article_row(article, digest, analysis or {}, embeddings or {})
            row.id = _free_id(session, article.id)
            session.add(row)
            try:
                session.commit()
            except IntegrityError:
                # Another writer stored the same content (or took the id) meanwhile.
                session.rollback()
                existing = session.scalar(select(ArticleRow.id).where(
                    ArticleRow.content_hash == digest))
                if existing is None:
                    raise
                return Stored(existing, created=False)
            return Stored(row.id, created=True)

    def count_articles(self) -> int:
        with self.session() as session:
            return session.scalar(select(func.count()).select_from(ArticleRow)) or 0

    def article_ids(self) -> list[str]:
        with self.session() as session:
            return list(session.scalars(select(ArticleRow.id).order_by(*_time_order())))

    def articles(self, ids: Sequence[str] | None = None) -> list[Article]:
        """Articles in publication order (undated last), optionally only the given ids."""
        return [to_article(row) for row in self.article_rows(ids)]

    def article_rows(self, ids: Sequence[str] | None = None) -> list[ArticleRow]:
        with self.session() as session:
            query = select(ArticleRow).order_by(*_time_order())
            if ids is not None:
                query = query.where(ArticleRow.id.in_(list(ids)))
            return list(session.scalars(query))

    def known_paths(self) -> set[str]:
        with self.session() as session:
            return {p for p in session.scalars(select(ArticleRow.path)) if p}

    def embeddings(self, encoder: str, ids: Sequence[str]) -> list[np.ndarray | None]:
        column = getattr(ArticleRow, EMBEDDING_COLUMNS[encoder])
        with self.session() as session:
            found = dict(session.execute(select(ArticleRow.id, column).where(
                ArticleRow.id.in_(list(ids)))).all())
        return [None if found.get(i) is None else np.frombuffer(found[i], dtype=np.float32)
                for i in ids]

    def save_embeddings(self, encoder: str, vectors: dict[str, np.ndarray]) -> None:
        column = EMBEDDING_COLUMNS[encoder]
        with self.session() as session:
            for row in session.scalars(select(ArticleRow).where(
                    ArticleRow.id.in_(list(vectors)))):
                setattr(row, column, np.asarray(vectors[row.id], dtype=np.float32).tobytes())
            session.commit()

    def update_analysis(self, updates: dict[str, dict]) -> None:
        """Merge keys into the stored analysis of each article (article id -> keys)."""
        with self.session() as session:
            for row in session.scalars(select(ArticleRow).where(
                    ArticleRow.id.in_(list(updates)))):
                row.analysis = {**(row.analysis or {}), **updates[row.id]}
            session.commit()

    # ------------------------------------------------------------------ events

    def assign_events(self, groups: Iterable[Sequence[str]],
                      titles: Sequence[str] | None = None,
                      scope: Sequence[str] | None = None) -> list[str]:
        """Store a clustering; events keep their id when most of their articles stay together.

        With `scope` (event ids), the groups re-cluster only those events' articles (and
        articles without an event): other events are neither matched nor removed.
        Returns the event id of each group, in the order given.
        """
        groups = [list(g) for g in groups]
        now = _now()
        with self.session() as session:
            previous = _current_members(session, scope)
            ids = _match_event_ids(groups, previous, _next_event_number(session))
            for k, (event_id, members) in enumerate(zip(ids, groups, strict=True)):
                row = session.get(EventRow, event_id)
                title = titles[k] if titles else ""
                if row is None:
                    session.add(EventRow(id=event_id, title=title, created_at=now,
                                         updated_at=now))
                elif set(members) != previous.get(event_id, set()) or row.title != title:
                    row.title, row.updated_at = title, now
            session.flush()
            for event_id, members in zip(ids, groups, strict=True):
                if set(members) == previous.get(event_id):
                    continue  # most events keep their articles: nothing to write
                for row in session.scalars(select(ArticleRow).where(
                        ArticleRow.id.in_(members))):
                    row.event_id = event_id
            for stale in set(previous) - set(ids):
                session.delete(session.get(EventRow, stale))
            session.commit()
        return ids

    def event_titles(self, ids: Sequence[str] | None = None) -> dict[str, str]:
        """Event id -> its stored title (of every event, or of the given ones)."""
        query = select(EventRow.id, EventRow.title)
        if ids is not None:
            query = query.where(EventRow.id.in_(list(ids)))
        with self.session() as session:
            return {event_id: title or "" for event_id, title in session.execute(query)}

    def add_to_event(self, article_id: str, event_id: str | None, title: str = "") -> str:
        """Put one article into an event (a new one when event_id is None)."""
        now = _now()
        with self.session() as session:
            if event_id is None:
                event_id = f"{EVENT_PREFIX}{_next_event_number(session)}"
                session.add(EventRow(id=event_id, title=title, created_at=now, updated_at=now))
                session.flush()
            else:
                session.get(EventRow, event_id).updated_at = now
            session.get(ArticleRow, article_id).event_id = event_id
            session.commit()
        return event_id

    def merge_events(self, keep: str, absorbed: str) -> None:
        with self.session() as session:
            for row in session.scalars(select(ArticleRow).where(ArticleRow.event_id == absorbed)):
                row.event_id = keep
            session.flush()
            session.delete(session.get(EventRow, absorbed))
            session.get(EventRow, keep).updated_at = _now()
            session.commit()

    def set_event_title(self, event_id: str, title: str) -> None:
        with self.session() as session:
            session.get(EventRow, event_id).title = title
            session.commit()

    def events(self) -> list[EventRow]:
        with self.session() as session:
            return list(session.scalars(select(EventRow).order_by(EventRow.id)))

    def event(self, event_id: str) -> EventRow | None:
        with self.session() as session:
            return session.get(EventRow, event_id)

    def event_members(self) -> dict[str, list[str]]:
        return self._members(ArticleRow.event_id.is_not(None))

    def open_event_members(self, since: dt.date) -> dict[str, list[str]]:
        """Members (in time order) of the events an article published on `since` or later
        could join online: those with a member published on or after `since`, and those
        without any dated member. Events are in order of their first member, as in
        `event_members`."""
        other = aliased(ArticleRow)
        undated_event = ~exists().where(and_(other.event_id == ArticleRow.event_id,
                                             other.published.is_not(None)))
        wanted = (select(ArticleRow.event_id).where(ArticleRow.event_id.is_not(None))
                  .where(or_(ArticleRow.published >= since,
                             and_(ArticleRow.published.is_(None), undated_event)))
                  .distinct())
        return self._members(ArticleRow.event_id.in_(wanted))

    def _members(self, condition) -> dict[str, list[str]]:
        """Event id -> its articles' ids in time order, for the articles matching
        `condition`; events in order of their first member."""
        with self.session() as session:
            members: dict[str, list[str]] = {}
            rows = session.execute(select(ArticleRow.event_id, ArticleRow.id).where(
                condition).order_by(*_time_order()))
            for event_id, article_id in rows:
                members.setdefault(event_id, []).append(article_id)
            return members

    def unclustered_ids(self) -> list[str]:
        """Articles without an event, in time order."""
        with self.session() as session:
            return list(session.scalars(select(ArticleRow.id).where(
                ArticleRow.event_id.is_(None)).order_by(*_time_order())))

    def count_clustered(self) -> int:
        with self.session() as session:
            return session.scalar(select(func.count()).select_from(ArticleRow).where(
                ArticleRow.event_id.is_not(None))) or 0

    def language_counts(self) -> dict[str | None, int]:
        """Stored analysis language -> number of articles (None: not analysed)."""
        language = ArticleRow.analysis["language"].as_string()
        with self.session() as session:
            return {lang or None: count for lang, count in session.execute(
                select(language, func.count()).group_by(language))}

    def unanalysed_ids(self) -> list[str]:
        """Articles whose analysis has no language."""
        language = ArticleRow.analysis["language"].as_string()
        with self.session() as session:
            return list(session.scalars(select(ArticleRow.id).where(
                or_(language.is_(None), language == ""))))

    # ------------------------------------------------------------------ clustering statistics

    def cluster_statistics(self, encoder: str) -> tuple[bytes, int] | None:
        """The saved statistics of the encoder (data, articles counted), if any."""
        with self.session() as session:
            row = session.get(ClusterStatsRow, encoder)
            return None if row is None else (row.data, row.documents)

    def uncounted_clustered_ids(self, encoder: str) -> list[str]:
        """Articles in an event whose terms are not yet in the encoder's statistics."""
        counted = select(CountedArticleRow.article_id).where(
            CountedArticleRow.encoder == encoder)
        with self.session() as session:
            return list(session.scalars(select(ArticleRow.id).where(
                ArticleRow.event_id.is_not(None), ArticleRow.id.not_in(counted))
                .order_by(*_time_order())))

    def save_cluster_statistics(self, encoder: str, data: bytes, documents: int,
                                counted: Sequence[str], replace: bool = False) -> None:
        """Save the statistics and mark `counted` as in them (`replace`: they are all).

        When another writer counted some of the same articles meanwhile, neither count can
        be trusted: the statistics are dropped, and the next round rebuilds them.
        """
        with self.session() as session:
            if replace:
                session.execute(delete(CountedArticleRow).where(
                    CountedArticleRow.encoder == encoder))
            row = session.get(ClusterStatsRow, encoder)
            if row is None:
                row = ClusterStatsRow(encoder=encoder)
                session.add(row)
            row.data, row.documents, row.updated_at = data, documents, _now()
            session.add_all(CountedArticleRow(encoder=encoder, article_id=article_id)
                            for article_id in counted)
            try:
                session.commit()
            except IntegrityError:
                session.rollback()
                self.drop_cluster_statistics(encoder)

    def drop_cluster_statistics(self, encoder: str) -> None:
        with self.session() as session:
            session.execute(delete(ClusterStatsRow).where(ClusterStatsRow.encoder == encoder))
            session.execute(delete(CountedArticleRow).where(
                CountedArticleRow.encoder == encoder))
            session.commit()

    def event_articles(self, event_id: str) -> list[Article]:
        with self.session() as session:
            rows = session.scalars(select(ArticleRow).where(ArticleRow.event_id == event_id)
                                   .order_by(*_time_order()))
            return [to_article(row) for row in rows]

    def save_report(self, event_id: str, report: EventReport,
                    as_of: dt.datetime | None = None) -> None:
        """Save the event's report, made from its articles as they were at `as_of` (the
        event's `updated_at`, read before its articles).

        The report counts as current (`reported_at >= updated_at`) only when the event has not
        changed since `as_of`: when an add committed new articles while the report was being
        made, `reported_at` stays at `as_of`, so the report is served as stale and made again
        instead of hiding those articles for good. One UPDATE: a concurrent merge that
        deletes the row cannot slip between a read and the write (UnknownEvent, not a
        StaleDataError).
        """
        now = _now()
        reported = now if as_of is None else case((EventRow.updated_at <= as_of, now),
                                                  else_=as_of)
        with self.session() as session:
            done = session.execute(
                update(EventRow).where(EventRow.id == event_id).values(
                    last_report=report.model_dump(mode="json"),
                    conflicts=sum(not c.compatible for c in report.conflicts),
                    reported_at=reported),
                execution_options={"synchronize_session": False})
            if done.rowcount == 0:  # merged away by another writer while its report was made
                session.rollback()
                raise UnknownEvent(event_id)
            session.commit()

    def now(self) -> dt.datetime:
        """The store's clock (naive UTC, as its time columns): a mark for
        `events_changed_since`."""
        return _now()

    def events_changed_since(self, mark: dt.datetime) -> list[str]:
        """Ids of the events created or re-formed (members or title changed) at or after
        `mark`: what a write did to the events, found without scanning the articles."""
        with self.session() as session:
            return list(session.scalars(select(EventRow.id).where(EventRow.updated_at >= mark)
                                        .order_by(EventRow.id)))

    def event_summaries(self) -> list[EventSummary]:
        """Every event with members: size, outlets, date span, conflicts (a few queries)."""
        with self.session() as session:
            spans = {event_id: (size, first, last) for event_id, size, first, last in
                     session.execute(select(ArticleRow.event_id, func.count(),
                                            func.min(ArticleRow.published),
                                            func.max(ArticleRow.published))
                                     .where(ArticleRow.event_id.is_not(None))
                                     .group_by(ArticleRow.event_id))}
            outlets: dict[str, set[str]] = {}
            for event_id, source, url in session.execute(
                    select(ArticleRow.event_id, ArticleRow.source, ArticleRow.url).where(
                        ArticleRow.event_id.is_not(None))):
                name = outlet_name(source, url)
                if name:
                    outlets.setdefault(event_id, set()).add(name)
            events = session.execute(select(EventRow.id, EventRow.title, EventRow.conflicts,
                                            EventRow.updated_at, EventRow.reported_at))
            return [EventSummary(event_id, title or "", spans[event_id][0],
                                 sorted(outlets.get(event_id, ())), spans[event_id][1],
                                 spans[event_id][2], conflicts, updated,
                                 reported is not None and reported >= updated)
                    for event_id, title, conflicts, updated, reported in events
                    if event_id in spans]

    def search(self, query: str, limit: int = 500) -> list[search.Hit]:
        return search.search(self.engine, query, limit)

    def article_row(self, article_id: str) -> ArticleRow | None:
        with self.session() as session:
            return session.get(ArticleRow, article_id)

    def last_report(self, event_id: str) -> EventReport | None:
        row = self.event(event_id)
        if row is None or row.last_report is None:
            return None
        return EventReport.model_validate(row.last_report)


# --------------------------------------------------------------------------- helpers


def to_article(row: ArticleRow) -> Article:
    return Article(
        id=row.id, title=row.title, source=row.source, url=row.url, published=row.published,
        path=row.path, format=row.format, encoding=row.encoding, body=row.body,
        removed=[RemovedBlock.model_validate(block) for block in row.removed or []],
    )


def _article_row(article: Article, digest: str, analysis: dict,
                 embeddings: dict[str, np.ndarray]) -> ArticleRow:
    row = ArticleRow(
        id=article.id, content_hash=digest, title=article.title, source=article.source,
        url=article.url, published=article.published, path=article.path,
        format=article.format, encoding=article.encoding, body=article.body or article.raw,
        removed=[block.model_dump() for block in article.removed], analysis=analysis,
        ingested_at=_now(),
    )
    for encoder, vector in embeddings.items():
        setattr(row, EMBEDDING_COLUMNS[encoder], np.asarray(vector, np.float32).tobytes())
    return row


def _free_id(session: Session, wanted: str) -> str:
    """The article's own id, or id~2, id~3, ... when a different article already has it."""
    candidate, number = wanted, 1
    while session.get(ArticleRow, candidate) is not None:
        number += 1
        candidate = f"{wanted}~{number}"
    return candidate


def _time_order():
    return (ArticleRow.published.is_(None), ArticleRow.published, ArticleRow.ingested_at,
            ArticleRow.id)


def _current_members(session: Session,
                     scope: Sequence[str] | None = None) -> dict[str, set[str]]:
    """Event id -> member ids, of every event or of the events in `scope`."""
    events = select(EventRow.id)
    articles = select(ArticleRow.event_id, ArticleRow.id).where(ArticleRow.event_id.is_not(None))
    if scope is not None:
        events = events.where(EventRow.id.in_(list(scope)))
        articles = articles.where(ArticleRow.event_id.in_(list(scope)))
    members: dict[str, set[str]] = {}
    for event_id in session.scalars(events):
        members[event_id] = set()
    for event_id, article_id in session.execute(articles):
        members.setdefault(event_id, set()).add(article_id)
    return members


def _match_event_ids(groups: list[list[str]], previous: dict[str, set[str]],
                     next_number: int) -> list[str]:
    """Greedy matching by shared articles: an old event id goes to the group holding most
    of its articles (and more than half of that group is not required: ties keep order)."""
    overlaps = []
    for k, members in enumerate(groups):
        member_set = set(members)
        for event_id, old in previous.items():
            shared = len(member_set & old)
            if shared:
                overlaps.append((-shared, k, event_id))
    overlaps.sort()
    ids: list[str | None] = [None] * len(groups)
    used: set[str] = set()
    for _, k, event_id in overlaps:
        if ids[k] is None and event_id not in used:
            ids[k], used = event_id, used | {event_id}
    for k in range(len(groups)):
        if ids[k] is None:
            ids[k] = f"{EVENT_PREFIX}{next_number}"
            next_number += 1
    return [i for i in ids if i is not None]


def _next_event_number(session: Session) -> int:
    numbers = [int(i[len(EVENT_PREFIX):]) for i in session.scalars(select(EventRow.id))
               if i.startswith(EVENT_PREFIX) and i[len(EVENT_PREFIX):].isdigit()]
    return max(numbers, default=0) + 1


def _now() -> dt.datetime:
    return dt.datetime.now(dt.UTC).replace(tzinfo=None)


def _sqlite_pragmas(connection, _record) -> None:
    cursor = connection.cursor()
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA synchronous=FULL")
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA busy_timeout=10000")
    cursor.close()
