"""Full-text search over article titles and bodies: SQLite FTS5, or PostgreSQL tsvector.

The index is created with the tables. On SQLite an external-content FTS5 table is kept in step
by triggers; on PostgreSQL a GIN expression index serves `@@` queries. User text never reaches
a query language: it is cut into words and each word is quoted (FTS5 and tsquery alike).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from sqlalchemy import text
from sqlalchemy.engine import Connection, Engine

# Snippet markers: control characters cannot occur in stored text shown on a page, so the
# page escapes the snippet and then turns only these into <mark>.
MARK_START, MARK_END = "\x02", "\x03"
# Words of a query used (more make FTS5 queries slow and are never needed to find a story).
MAX_QUERY_WORDS = 12
_WORD = re.compile(r"\w+", re.UNICODE)
# 'simple': no stemming or stop words of one language; the store holds many languages.
PG_CONFIG = "simple"
PG_DOCUMENT = "to_tsvector('simple', coalesce(title, '') || ' ' || coalesce(body, ''))"

_SQLITE_SCHEMA = [
    "CREATE VIRTUAL TABLE IF NOT EXISTS article_search USING fts5("
    "title, body, content='articles', content_rowid='rowid', tokenize='unicode61')",
    "CREATE TRIGGER IF NOT EXISTS article_search_ai AFTER INSERT ON articles BEGIN "
    "INSERT INTO article_search(rowid, title, body) VALUES (new.rowid, new.title, new.body); END",
    "CREATE TRIGGER IF NOT EXISTS article_search_ad AFTER DELETE ON articles BEGIN "
    "INSERT INTO article_search(article_search, rowid, title, body) "
    "VALUES ('delete', old.rowid, old.title, old.body); END",
    "CREATE TRIGGER IF NOT EXISTS article_search_au AFTER UPDATE OF title, body ON articles "
    "BEGIN INSERT INTO article_search(article_search, rowid, title, body) "
    "VALUES ('delete', old.rowid, old.title, old.body); "
    "INSERT INTO article_search(rowid, title, body) VALUES (new.rowid, new.title, new.body); END",
]


@dataclass
class Hit:
    article_id: str
    event_id: str | None
    snippet: str  # with MARK_START/MARK_END around matched words


def create_index(engine: Engine) -> None:
    with engine.begin() as connection:
        if engine.dialect.name == "sqlite":
            _create_sqlite(connection)
        elif engine.dialect.name == "postgresql":
            connection.execute(text(
                f"CREATE INDEX IF NOT EXISTS articles_search_idx ON articles "
                f"USING GIN ({PG_DOCUMENT})"))


def _create_sqlite(connection: Connection) -> None:
    existed = connection.execute(text(
        "SELECT 1 FROM sqlite_master WHERE name = 'article_search'")).first()
    for statement in _SQLITE_SCHEMA:
        connection.execute(text(statement))
    if not existed:  # a store written before search existed: index what is there
        connection.execute(text(
            "INSERT INTO article_search(article_search) VALUES ('rebuild')"))


def query_words(query: str) -> list[str]:
    return _WORD.findall(query.lower())[:MAX_QUERY_WORDS]


def pg_tsquery(words: list[str]) -> str:
    """A to_tsquery text: every word required, the last as a prefix (as on SQLite).

    Words are runs of \\w, so quoting each one leaves no operator of the user's in the query.
    """
    quoted = [f"'{word}'" for word in words]
    quoted[-1] += ":*"
    return " & ".join(quoted)


def search(engine: Engine, query: str, limit: int = 500) -> list[Hit]:
    """Articles matching every word of the query (the last one as a prefix), best first."""
    words = query_words(query)
    if not words:
        return []
    with engine.connect() as connection:
        if engine.dialect.name == "sqlite":
            match = " ".join(f'"{w}"' for w in words[:-1]) + f' "{words[-1]}"*'
            rows = connection.execute(text(
                "SELECT a.id, a.event_id, snippet(article_search, -1, :s, :e, '…', 14) "
                "FROM article_search JOIN articles a ON a.rowid = article_search.rowid "
                "WHERE article_search MATCH :q ORDER BY rank LIMIT :n"),
                {"q": match.strip(), "s": MARK_START, "e": MARK_END, "n": limit})
        elif engine.dialect.name == "postgresql":
            rows = connection.execute(text(
                f"SELECT id, event_id, ts_headline('{PG_CONFIG}', body, q, "
                f"'StartSel=' || :s || ', StopSel=' || :e || ', MaxWords=20, MinWords=8') "
                f"FROM articles, to_tsquery('{PG_CONFIG}', :q) q "
                f"WHERE {PG_DOCUMENT} @@ q ORDER BY ts_rank({PG_DOCUMENT}, q) DESC LIMIT :n"),
                {"q": pg_tsquery(words), "s": MARK_START, "e": MARK_END, "n": limit})
        else:
            pattern = f"%{' '.join(words)}%"
            rows = connection.execute(text(
                "SELECT id, event_id, substr(body, 1, 160) FROM articles "
                "WHERE lower(title) LIKE :p OR lower(body) LIKE :p LIMIT :n"),
                {"p": pattern, "n": limit})
        return [Hit(article_id, event_id, snippet or "") for article_id, event_id, snippet in rows]
