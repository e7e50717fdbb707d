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

from newsfuse.config import Config
from newsfuse.model import InputError

EXIT_FAILURE = 1
EXIT_USAGE = 2
EXIT_PARTIAL = 3

# soft_wrap: a message naming a long path stays on one line (greppable, and tests read it).
err = Console(stderr=True, soft_wrap=True)

DateOpt = Annotated[dt.datetime | None, typer.Option(
    "--date", formats=["%Y-%m-%d"],
    help="Publication date for articles that carry none (resolves 'on Sunday')")]


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
        err.print(f"[yellow]skipped[/] {error.item}: {error.message}", highlight=False)


def write_output(text: str, output: Path | None) -> None:
    if output is None:
        sys.stdout.write(text if text.endswith("\n") else text + "\n")
    else:
        output.write_text(text, encoding="utf-8")
        err.print(f"wrote {output}", highlight=False)
