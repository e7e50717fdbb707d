"""Commands for many articles and many events: ingest, cluster, events, report, watch.

`register(app)` adds them to the main Typer app. Results go to stdout, progress and skipped
inputs to stderr. Exit codes as in cli.py: 0 ok, 1 failure, 3 partial (some inputs skipped).
"""

from __future__ import annotations

import json
import sys
import time
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.markup import escape
from rich.table import Table

from newsfuse.cli_common import (
    EXIT_FAILURE,
    EXIT_PARTIAL,
    DaskOpt,
    DateOpt,
    err,
    executor_for,
    make_config,
    open_store,
    report_errors,
    write_output,
)
from newsfuse.cli_common import Format as ReportFormat
from newsfuse.config import Config

DbOpt = Annotated[str | None, typer.Option(
    "--db", help="SQLAlchemy URL of the store (default: $NEWSFUSE_DB or sqlite:///newsfuse.db)")]


class ClusterFormat(StrEnum):
    jsonl = "jsonl"
    table = "table"


class EventsFormat(StrEnum):
    table = "table"
    json = "json"


def register(app: typer.Typer) -> None:
    """Add the many-event commands to `app`."""
    app.command("ingest")(ingest)
    app.command("cluster")(cluster)
    app.command("events")(events)
    app.command("report")(report)
    app.command("watch")(watch)


def _say(message: str) -> None:
    err.print(f"[dim]{escape(message)}[/]", highlight=False)


# --------------------------------------------------------------------------- commands


def ingest(
    paths: Annotated[list[str], typer.Argument(help="Files, folders, URLs, or - for JSONL")],
    db: DbOpt = None,
    date: DateOpt = None,
    dask: DaskOpt = None,
) -> None:
    """Store articles (cleaned text, metadata, analysis) and place them into events online.

    Prints `stored ID` (or `unchanged ID`) once the article is committed to the store;
    re-ingesting is a no-op. `newsfuse cluster` re-clusters the whole store in one batch.
    """
    from newsfuse.workflow import ingest_online

    store = open_store(db)

    def announce(stored) -> None:
        sys.stdout.write(f"{'stored' if stored.created else 'unchanged'} {stored.id}\n")
        sys.stdout.flush()

    with executor_for(dask) as executor:
        outcome, touched = ingest_online(paths, store, make_config(date), on_stored=announce,
                                         progress=_say, executor=executor)
    report_errors(outcome.errors)
    where = store.engine.url.render_as_string(hide_password=True)
    err.print(f"{outcome.created} new, {len(outcome.stored) - outcome.created} unchanged, "
              f"{store.count_articles()} in {where}; new articles joined "
              f"{len(touched)} {'event' if len(touched) == 1 else 'events'}", highlight=False)
    if not outcome.stored:
        raise typer.Exit(EXIT_FAILURE)
    if outcome.errors:
        raise typer.Exit(EXIT_PARTIAL)


def cluster(
    paths: Annotated[list[str] | None, typer.Argument(
        help="Articles to cluster; without paths, every stored article")] = None,
    format: Annotated[ClusterFormat, typer.Option("--format", "-f")] = ClusterFormat.table,
    db: DbOpt = None,
    date: DateOpt = None,
    dask: DaskOpt = None,
) -> None:
    """Group articles into events: one `{"id", "event"}` line per article with --format jsonl."""
    config = make_config(date)
    with executor_for(dask) as executor:
        if paths:
            _cluster_paths(paths, format, config, executor)
            return
        from newsfuse.workflow import cluster_store

        store = open_store(db)
        infos = cluster_store(store, config, progress=_say, executor=executor)
    if format is ClusterFormat.jsonl:
        for info in infos:
            for article_id in info.article_ids:
                _print_line({"id": article_id, "event": info.id})
    else:
        _events_table(infos)


def _cluster_paths(paths: list[str], format: ClusterFormat, config: Config, executor) -> None:
    from newsfuse import api
    from newsfuse.cluster.events import cluster_articles, describe_event
    from newsfuse.workflow import article_encoder, article_vectors

    articles, errors = api.load(paths, config, executor)
    report_errors(errors)
    if not articles:
        err.print("[red]error:[/] no readable articles")
        raise typer.Exit(EXIT_FAILURE)
    encoder = article_encoder(articles, config)
    _say(f"embedding {len(articles)} articles ({encoder})")
    vectors = article_vectors(articles, encoder, executor)
    clustering = cluster_articles(articles, config.cluster, list(vectors), encoder,
                                  progress=_say)
    event_of = {article_id: f"ev{label + 1}"
                for article_id, label in zip(clustering.ids, clustering.labels, strict=True)}
    if format is ClusterFormat.jsonl:
        for article in articles:
            _print_line({"id": article.id, "event": event_of[article.id]})
    else:
        by_id = {a.id: a for a in articles}
        _events_table([describe_event(event_of[group[0]], [by_id[i] for i in group])
                       for group in clustering.groups()])
    if errors:
        raise typer.Exit(EXIT_PARTIAL)


def events(
    db: DbOpt = None,
    format: Annotated[EventsFormat, typer.Option("--format", "-f")] = EventsFormat.table,
    analyze: Annotated[bool, typer.Option(
        "--analyze", help="Report events never reported yet, to count their conflicts")] = False,
    dask: DaskOpt = None,
) -> None:
    """List stored events: size, sources, dates, conflicts (once reported)."""
    from newsfuse.workflow import list_events, report_events

    store = open_store(db)
    infos = list_events(store)
    if analyze:
        unreported = [info.id for info in infos if info.conflicts is None]
        with executor_for(dask) as executor:
            for _ in report_events(store, unreported, Config(), executor, progress=_say):
                pass
        infos = list_events(store)
    if format is EventsFormat.json:
        sys.stdout.write(json.dumps([i.model_dump(mode="json") for i in infos], indent=2) + "\n")
    else:
        _events_table(infos)


def report(
    event_id: Annotated[str, typer.Argument(help="Event id as listed by `newsfuse events`")],
    format: Annotated[ReportFormat, typer.Option("--format", "-f")] = ReportFormat.json,
    output: Annotated[Path | None, typer.Option("--output", "-o")] = None,
    db: DbOpt = None,
) -> None:
    """The full single-event report of a stored event."""
    from newsfuse.render import render
    from newsfuse.workflow import UnknownEvent, event_report

    try:
        result = event_report(open_store(db), event_id, Config(), progress=_say)
    except UnknownEvent as exc:
        err.print(f"[red]error:[/] {exc}", highlight=False)
        raise typer.Exit(EXIT_FAILURE) from exc
    write_output(render(result, format.value), output)


def watch(
    directory: Annotated[Path, typer.Argument(help="Folder where new articles arrive")],
    db: DbOpt = None,
    out: Annotated[Path | None, typer.Option(
        "--out", help="Where update summaries go (default: DIRECTORY/.newsfuse-updates)")] = None,
    once: Annotated[bool, typer.Option("--once", help="One round, then exit")] = False,
    interval: Annotated[float, typer.Option(help="Seconds between polls")] = 10.0,
    date: DateOpt = None,
) -> None:
    """Process new files as they arrive; per touched event, write what is new."""
    from newsfuse.workflow import watch_round

    if not directory.is_dir():
        err.print(f"[red]error:[/] {escape(str(directory))} is not a folder", highlight=False)
        raise typer.Exit(EXIT_FAILURE)
    store, config = open_store(db), make_config(date)
    target = out or directory / ".newsfuse-updates"
    while True:
        result = watch_round(directory, store, config, target, progress=_say)
        report_errors(result.errors)
        for update, path in zip(result.updates, result.written, strict=True):
            sys.stdout.write(f"{update.event_id}\t{path}\n")
        sys.stdout.flush()
        if once:
            if result.errors:
                raise typer.Exit(EXIT_PARTIAL)
            return
        time.sleep(interval)


# --------------------------------------------------------------------------- output


def _print_line(record: dict) -> None:
    sys.stdout.write(json.dumps(record, ensure_ascii=False) + "\n")


def _events_table(infos) -> None:
    table = Table(title=f"{len(infos)} events")
    for column in ("event", "title", "articles", "sources", "dates", "conflicts"):
        table.add_column(column)
    for info in infos:
        dates = (f"{info.first_date} – {info.last_date}" if info.first_date else "undated")
        size = str(info.size)
        if info.stories < info.size:  # copies of one story are shown, not counted twice
            size += f" ({info.stories} {'story' if info.stories == 1 else 'stories'})"
        table.add_row(info.id, info.title, size, str(len(info.sources)), dates,
                      "–" if info.conflicts is None else str(info.conflicts))
    Console().print(table)
