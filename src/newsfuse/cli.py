"""Command line: thin wrappers that parse, call the API and print.

Exit codes (see cli_common): 0 success; 1 nothing could be read; 2 usage error; 3 partial
failure: the result was produced but some inputs were skipped (listed on stderr).
"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from newsfuse import api
from newsfuse.cli_common import (
    EXIT_FAILURE,
    EXIT_PARTIAL,
    DaskOpt,
    DateOpt,
    Format,
    WordsOpt,
    err,
    executor_for,
    make_config,
    open_store,
    report_errors,
    shown_url,
    write_output,
)
from newsfuse.cli_events import register as register_event_commands
from newsfuse.config import Config

app = typer.Typer(add_completion=False, no_args_is_help=True,
                  help="Make sense of many news articles about the same event, offline.")

PathsArg = Annotated[list[str], typer.Argument(
    help="Files, folders, http(s) URLs to fetch, or - for JSONL on stdin")]


@app.command()
def analyze(
    paths: PathsArg,
    format: Annotated[Format, typer.Option("--format", "-f")] = Format.json,
    output: Annotated[Path | None, typer.Option("--output", "-o")] = None,
    date: DateOpt = None,
    max_words: WordsOpt = None,
    dask: DaskOpt = None,
) -> None:
    """Full report of one event: cited summary, corroboration, conflicts, quotes, entities."""
    from newsfuse.render import render

    config = make_config(date, max_words)
    with executor_for(dask) as executor, err.status("starting") as status:
        try:
            report = api.analyze(paths, config, progress=lambda m: status.update(m),
                                 executor=executor)
        except api.NoArticlesError as exc:
            report_errors(exc.errors)
            err.print("[red]error:[/] no readable articles")
            raise typer.Exit(EXIT_FAILURE) from exc
    report_errors(report.errors)
    write_output(render(report, format.value), output)
    if report.errors:
        raise typer.Exit(EXIT_PARTIAL)


@app.command()
def summarize(
    paths: PathsArg,
    max_words: WordsOpt = None,
    date: DateOpt = None,
) -> None:
    """The summary alone, plain text, one sentence per line."""
    config = make_config(date, max_words)
    loaded, errors = api.load(paths, config)
    report_errors(errors)
    if not loaded:
        err.print("[red]error:[/] no readable articles")
        raise typer.Exit(EXIT_FAILURE)
    write_output(api.summarize(loaded, max_words, config), None)
    if errors:
        raise typer.Exit(EXIT_PARTIAL)


@app.command()
def clean(path: Annotated[str, typer.Argument(
        help="An article file, or a file or folder of several (feed, JSONL, ...)")]) -> None:
    """The cleaned body text of an article; of several, each under a "==> item <==" line."""
    loaded, errors = api.load([path], Config())
    report_errors(errors)
    if not loaded:
        raise typer.Exit(EXIT_FAILURE)
    for number, article in enumerate(loaded):
        if len(loaded) > 1:  # a blank line between articles, then the item's name
            write_output(("\n" if number else "") + f"==> {article.item_name} <==", None)
        write_output(article.body, None)
    if errors:
        raise typer.Exit(EXIT_PARTIAL)


@app.command()
def schema() -> None:
    """The JSON Schema of the report (the one schema of every output format)."""
    from newsfuse.render import json_schema

    write_output(json_schema(), None)


@app.command()
def serve(
    db: Annotated[str | None, typer.Option(
        "--db", help="SQLAlchemy URL of the store (default: $NEWSFUSE_DB or "
                     "sqlite:///newsfuse.db)")] = None,
    host: Annotated[str, typer.Option(help="Address to listen on; beyond localhost every "
                                           "page needs the token")] = "127.0.0.1",
    port: int = 8000,
    workers: Annotated[int, typer.Option(min=1, max=64, help="Analysis worker processes")] = 1,
    allow_host: Annotated[list[str] | None, typer.Option(
        "--allow-host", help="Extra name the Host header may carry (e.g. behind a proxy)")] = None,
    fetch_urls: Annotated[bool, typer.Option(
        "--fetch-urls", help="Let requests name URLs for the server to fetch (public "
                             "addresses only)")] = False,
    rate: Annotated[float, typer.Option(help="Writes per minute per client")] = 60.0,
) -> None:
    """The web app (events, reports, adding articles) and the HTTP API on http://HOST:PORT/.

    Writes need a token: $NEWSFUSE_TOKEN, or one generated and printed at start.
    """
    import uvicorn

    from newsfuse.service import ServiceSettings, create_app
    from newsfuse.store import default_url

    open_store(db).close()  # a URL that names no reachable database stops here, clearly
    settings = ServiceSettings(db_url=db or default_url(), host=host, port=port,
                               workers=workers, allowed_hosts=tuple(allow_host or ()),
                               fetch_urls=fetch_urls, rate_per_minute=rate)
    web_app = create_app(settings)
    web_app.state.pool.start(warm=True)
    shown = "127.0.0.1" if host in {"0.0.0.0", "::"} else host
    err.print(f"store: {shown_url(settings.db_url)}\ntoken: {settings.token}\n"
              f"open:  http://{shown}:{port}/login?token={settings.token}", highlight=False)
    uvicorn.run(web_app, host=host, port=port, log_level="info")


def main() -> None:
    app()


register_event_commands(app)


if __name__ == "__main__":
    main()
