"""What every command shares: exit codes, the stderr console, options, config and output.

Exit codes: 0 success; 1 nothing could be read (or another failure); 2 usage error;
3 partial failure: the result was produced but some inputs were skipped (listed on stderr).
"""

from __future__ import annotations

import datetime as dt
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.markup import escape

from newsfuse.config import MAX_SUMMARY_WORDS, MIN_SUMMARY_WORDS, Config
from newsfuse.model import InputError

EXIT_FAILURE = 1
EXIT_USAGE = 2
EXIT_PARTIAL = 3
WARNING = "warning: "

# soft_wrap: a message naming a long path stays on one line (greppable, and tests read it).
err = Console(stderr=True, soft_wrap=True)

DateOpt = Annotated[dt.datetime | None, typer.Option(
    "--date", formats=["%Y-%m-%d"],
    help="Publication date for articles that carry none (resolves 'on Sunday')")]


WordsOpt = Annotated[int | None, typer.Option(
    min=MIN_SUMMARY_WORDS, max=MAX_SUMMARY_WORDS,
    help=f"Summary word budget ({MIN_SUMMARY_WORDS}-{MAX_SUMMARY_WORDS}; default 150)")]


DaskOpt = Annotated[str | None, typer.Option(
    "--dask", help="Run the per-article stages and event reports on Dask: local:N (a "
                   "LocalCluster of N worker processes on 127.0.0.1) or tcp://HOST:PORT (a "
                   "running scheduler; workers need newsfuse installed)")]


@contextmanager
def executor_for(spec: str | None) -> Iterator:
    """The executor `--dask` names (this process without it), closed at the end."""
    from newsfuse.executor import ExecutorSpecError, make_executor

    try:
        executor = make_executor(spec)
    except ExecutorSpecError as exc:
        err.print(f"[red]error:[/] --dask {exc}", highlight=False)
        raise typer.Exit(EXIT_USAGE) from exc
    except ImportError as exc:
        err.print("[red]error:[/] --dask needs dask and distributed: "
                  "pip install 'newsfuse[dask]'", highlight=False)
        raise typer.Exit(EXIT_FAILURE) from exc
    except (OSError, TimeoutError) as exc:
        err.print(f"[red]error:[/] cannot reach the Dask scheduler {spec}: {exc}",
                  highlight=False)
        raise typer.Exit(EXIT_FAILURE) from exc
    try:
        yield executor
    finally:
        executor.close()


class Format(StrEnum):
    """Report renderings."""

    json = "json"
    md = "md"
    html = "html"


def make_config(date: dt.datetime | None = None, max_words: int | None = None) -> Config:
    config = Config()
    if date is not None:
        config.ingest.default_date = date.date()
    if max_words is not None:
        config.summary.max_words = max_words
    return config


def report_errors(errors: list[InputError]) -> None:
    for error in errors:
        # names and messages are the input's own words: "[...]" in them is no console markup
        item, message = escape(error.item), escape(error.message)
        if error.message.startswith(WARNING):  # read, with a part left out (cut_long_articles)
            err.print(f"[yellow]warning[/] {item}: {message.removeprefix(WARNING)}",
                      highlight=False)
        else:
            err.print(f"[yellow]skipped[/] {item}: {message}", highlight=False)


def write_output(text: str, output: Path | None) -> None:
    """`text` to stdout, or to `output` (its folder made when missing)."""
    if output is None:
        sys.stdout.write(text if text.endswith("\n") else text + "\n")
        return
    try:
        output.parent.mkdir(parents=True, exist_ok=True)
        output.write_text(text, encoding="utf-8")
    except OSError as exc:
        reason = "is a folder" if output.is_dir() else (exc.strerror or str(exc))
        err.print(f"[red]error:[/] cannot write {escape(str(output))}: {reason}",
                  highlight=False)
        raise typer.Exit(EXIT_FAILURE) from exc
    err.print(f"wrote {escape(str(output))}", highlight=False)


def open_store(db: str | None):
    """The store at `db`; a URL that names no reachable database is a one-line error."""
    from sqlalchemy.exc import SQLAlchemyError

    from newsfuse.store import Store, default_url

    try:
        return Store(db)
    except (SQLAlchemyError, ImportError, OSError) as exc:
        reason = str(getattr(exc, "orig", None) or exc).splitlines()[0]
        err.print(f"[red]error:[/] cannot open the store "
                  f"{escape(shown_url(db or default_url()))}: {escape(reason)}", highlight=False)
        raise typer.Exit(EXIT_FAILURE) from exc


def shown_url(url: str) -> str:
    """A store URL without its password."""
    from sqlalchemy.engine import make_url
    from sqlalchemy.exc import ArgumentError

    try:
        return make_url(url).render_as_string(hide_password=True)
    except ArgumentError:
        return repr(url)
