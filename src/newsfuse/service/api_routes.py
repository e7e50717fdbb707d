"""The JSON API under /api/ (documented in the OpenAPI at /api/openapi.json and on /docs)."""

from __future__ import annotations

import datetime as dt
from importlib import resources
from typing import Annotated

from fastapi import APIRouter, FastAPI, Query, Request
from fastapi.openapi.utils import get_openapi
from fastapi.responses import JSONResponse, Response

from newsfuse.model import EventReport
from newsfuse.service import jobs, work
from newsfuse.service.errors import ERROR_RESPONSES, ErrorBody
from newsfuse.service.inputs import ArticlesRequest
from newsfuse.service.settings import MAX_SUMMARY_WORDS, MIN_SUMMARY_WORDS

router = APIRouter(prefix="/api", tags=["api"])

FormatQuery = Annotated[work.ReportFormat, Query(description="Rendering of the report")]
DateQuery = Annotated[dt.date | None, Query(
    description="Publication date for articles that carry none")]
WordsQuery = Annotated[int | None, Query(ge=MIN_SUMMARY_WORDS, le=MAX_SUMMARY_WORDS,
                                         description="Summary word budget (default 150)")]

REPORT_CONTENT = {
    "application/json": {"schema": {"$ref": "#/components/schemas/EventReport"}},
    "text/markdown": {"schema": {"type": "string"}},
    "text/html": {"schema": {"type": "string"}},
}
UPLOAD_SCHEMA = {
    "type": "object",
    "properties": {
        "files": {"type": "array", "items": {"type": "string", "format": "binary"},
                  "description": "Text, HTML, JSON/JSONL, RSS/Atom, optionally gzipped"},
        "pasted": {"type": "string", "description": "Articles separated by lines of ---"},
        "source": {"type": "string", "description": "Outlet of the pasted articles"},
    },
}
ARTICLES_BODY = {"requestBody": {"required": True, "content": {
    "application/json": {"schema": {"$ref": "#/components/schemas/ArticlesRequest"}},
    "multipart/form-data": {"schema": UPLOAD_SCHEMA},
}}}


@router.post("/analyze", response_model=EventReport, openapi_extra=ARTICLES_BODY,
             responses={200: {"content": REPORT_CONTENT}, **ERROR_RESPONSES},
             summary="Analyze articles without storing them")
async def analyze(request: Request, format: FormatQuery = "json", date: DateQuery = None,
                  max_words: WordsQuery = None) -> Response:
    """One report from the articles sent as JSON records or uploaded files."""
    collected = await work.collect(request)
    config = work.analysis_config(request.app.state.config, date, max_words)
    try:
        report = await work.analyze(request, collected, config)
    except work.NoArticles as exc:
        return work.no_articles_response(exc, html=False)
    return work.rendered(report, format)


@router.get("/demo", response_model=EventReport,
            responses={200: {"content": REPORT_CONTENT}, 503: ERROR_RESPONSES[503]},
            summary="The report of the bundled demo event")
async def demo(request: Request, format: FormatQuery = "json") -> Response:
    return work.rendered(await demo_report(request), format)


async def demo_report(request: Request) -> EventReport:
    """Analysed once per server (in the pool), then served from memory."""
    state = request.app.state
    if state.demo is None:
        demo_dir = str(resources.files("newsfuse") / "demo")
        outcome = await state.pool.run(jobs.analyze_articles, [demo_dir], state.config,
                                       state.settings.max_article_chars)
        state.demo = outcome.report
    return state.demo


@router.get("/schema", summary="JSON Schema of the report", response_model=dict)
def schema() -> JSONResponse:
    return JSONResponse(EventReport.model_json_schema())


def customise_openapi(app: FastAPI) -> None:
    """Add the request and error models the routes reference by hand to the components."""

    def openapi() -> dict:
        if app.openapi_schema:
            return app.openapi_schema
        spec = get_openapi(title=app.title, version=app.version, description=app.description,
                           routes=app.routes)
        components = spec.setdefault("components", {}).setdefault("schemas", {})
        for model in (ArticlesRequest, ErrorBody, EventReport):
            schema = model.model_json_schema(ref_template="#/components/schemas/{model}")
            components.update(schema.pop("$defs", {}))
            components[model.__name__] = schema
        # FastAPI's own 422 models are replaced by ErrorBody everywhere.
        for name in ("HTTPValidationError", "ValidationError"):
            components.pop(name, None)
        for path in spec["paths"].values():
            for operation in path.values():
                responses = operation.get("responses", {})
                if "422" in responses:
                    responses["422"] = {"description": ERROR_RESPONSES[422]["description"],
                                        "content": {"application/json": {"schema": {
                                            "$ref": "#/components/schemas/ErrorBody"}}}}
        app.openapi_schema = spec
        return spec

    app.openapi = openapi  # type: ignore[method-assign]
