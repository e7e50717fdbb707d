"""Store URLs for tests that run on SQLite and on PostgreSQL.

PostgreSQL runs when NEWSFUSE_TEST_POSTGRES_URL names a database on a server where that user
may create databases (`.ci/run` starts a throw-away server and sets it); every test then gets
a database of its own, dropped afterwards. Without it those tests skip, with the reason
`.ci/run` gives in NEWSFUSE_TEST_POSTGRES_SKIP when it could not start a server.
"""

from __future__ import annotations

import itertools
import os
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

STORE_KINDS = ["sqlite", "postgresql"]
POSTGRES_URL = os.environ.get("NEWSFUSE_TEST_POSTGRES_URL")
SKIP_REASON = os.environ.get(
    "NEWSFUSE_TEST_POSTGRES_SKIP",
    "no PostgreSQL server: set NEWSFUSE_TEST_POSTGRES_URL (`.ci/run` starts one)")
_serial = itertools.count(1)


@contextmanager
def store_url(kind: str, directory: Path) -> Iterator[str]:
    """A URL of an empty store of this kind, removed after use."""
    if kind == "sqlite":
        yield f"sqlite:///{directory / f'store{next(_serial)}.db'}"
        return
    if not POSTGRES_URL:
        pytest.skip(SKIP_REASON)
    pytest.importorskip("psycopg", reason="psycopg is not installed (pip install -e '.[postgres]')")
    with _postgres_database(POSTGRES_URL) as url:
        yield url


@contextmanager
def _postgres_database(server_url: str) -> Iterator[str]:
    from sqlalchemy import create_engine, text
    from sqlalchemy.engine import make_url

    name = f"newsfuse_test_{uuid.uuid4().hex[:12]}"
    # CREATE/DROP DATABASE cannot run inside a transaction.
    admin = create_engine(server_url, isolation_level="AUTOCOMMIT")
    try:
        with admin.connect() as connection:
            connection.execute(text(f'CREATE DATABASE "{name}"'))
        yield make_url(server_url).set(database=name).render_as_string(hide_password=False)
    finally:
        with admin.connect() as connection:
            connection.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()
