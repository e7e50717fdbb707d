"""HTTP API over the same `analyze` as the CLI, plus a single-page web front end.

POST /api/analyze    multipart files (any input format) or JSON {"articles": [records]}
                     -> EventReport JSON; ?format=md|html returns that rendering instead
GET  /api/demo       the report of the bundled demo event (?format=json|md|html)
GET  /api/schema     the EventReport JSON Schema
GET  /               the web page: upload or paste articles, read the HTML report
"""

from __future__ import annotations

import datetime as dt
from importlib import resources
from typing import Annotated

from fastapi import FastAPI, File, HTTPException, Query, Request, UploadFile
from fastapi.responses import HTMLResponse, JSONResponse, PlainTextResponse, Response

from newsfuse import api
from newsfuse.config import Config
from newsfuse.ingest import read_bytes
from newsfuse.ingest.records import record_to_article
from newsfuse.ingest.sniff import UnreadableInput
from newsfuse.model import Article, EventReport, InputError

# An upload bigger than this is refused before parsing; matches the CLI's per-file limit.
MAX_UPLOAD_BYTES = 20_000_000
MEDIA_TYPES = {"json": "application/json", "md": "text/markdown; charset=utf-8",
               "html": "text/html; charset=utf-8"}


def create_app(config: Config | None = None) -> FastAPI:
    base_config = config or Config()
    app = FastAPI(title="newsfuse", version="0.1.0",
                  description="Cited, conflict-aware reports from many news articles.")

    @app.get("/", response_class=HTMLResponse)
    def page() -> str:
        return resources.files("newsfuse.service.static").joinpath("index.html").read_text("utf-8")

    @app.get("/api/schema")
    def schema() -> JSONResponse:
        from newsfuse.model import EventReport

        return JSONResponse(EventReport.model_json_schema())

    @app.get("/api/demo")
    def demo(format: Annotated[str, Query(pattern="^(json|md|html)$")] = "json") -> Response:
        demo_dir = resources.files("newsfuse") / "demo"
        report = api.analyze([str(demo_dir)], base_config)
        return _rendered(report, format)

    @app.post("/api/analyze")
    async def analyze(request: Request,
                      files: Annotated[list[UploadFile] | None, File()] = None,
                      format: Annotated[str, Query(pattern="^(json|md|html)$")] = "json",
                      date: dt.date | None = None, max_words: int | None = None) -> Response:
        articles, errors = await _articles_from_request(request, files)
        run_config = base_config.model_copy(deep=True)
        if date:
            run_config.ingest.default_date = date
            for article in articles:
                article.published = article.published or date
        if max_words:
            run_config.summary.max_words = max_words
        try:
            report = api.analyze(articles, run_config)
        except api.NoArticlesError as exc:
            detail = [e.model_dump() for e in errors + exc.errors]
            raise HTTPException(status_code=422, detail=detail) from exc
        report.errors = errors + report.errors
        return _rendered(report, format)

    return app


def _rendered(report: EventReport, format: str) -> Response:
    if format == "json":
        return Response(report.model_dump_json(), media_type=MEDIA_TYPES["json"])
    from newsfuse.render import render

    return PlainTextResponse(render(report, format), media_type=MEDIA_TYPES[format])


async def _articles_from_request(request: Request, files: list[UploadFile] | None,
                                 ) -> tuple[list[Article], list[InputError]]:
    articles: list[Article] = []
    errors: list[InputError] = []
    if files:
        for upload in files:
            data = await upload.read(MAX_UPLOAD_BYTES + 1)
            name = upload.filename or "upload"
            if len(data) > MAX_UPLOAD_BYTES:
                errors.append(InputError(item=name, message="file too large"))
                continue
            result = read_bytes(name, data)
            articles += result.articles
            errors += result.errors
        return articles, errors
    try:
        payload = await request.json()
    except ValueError as exc:
        raise HTTPException(status_code=400,
                            detail="send files or JSON {\"articles\": [...]}") from exc
    records = payload.get("articles") if isinstance(payload, dict) else None
    if not isinstance(records, list):
        raise HTTPException(status_code=400, detail="JSON body needs an 'articles' list")
    for number, record in enumerate(records, 1):
        try:
            articles.append(record_to_article(record, f"article-{number}"))
        except UnreadableInput as exc:
            errors.append(InputError(item=f"articles[{number - 1}]", message=str(exc)))
    return articles, errors
