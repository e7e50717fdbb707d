"""The web app and HTTP API over the same `analyze` as the CLI.

Heavy work (analysis, storing and clustering) runs in a bounded worker pool, never on the event
loop; every request passes the Guard (Host, token, rate limit, body cap, security headers).
Routes: pages in pages.py, the JSON API in api_routes.py; both documented at /docs.
"""

from __future__ import annotations

import logging
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.staticfiles import StaticFiles
from starlette.exceptions import HTTPException as StarletteHTTPException

from newsfuse.config import Config
from newsfuse.model import InputError
from newsfuse.service.errors import error_response, wants_html
from newsfuse.service.limits import LimitExceeded
from newsfuse.service.pool import PoolFull, WorkerPool
from newsfuse.service.security import Guard
from newsfuse.service.settings import ServiceSettings

log = logging.getLogger("newsfuse.service")


def create_app(settings: ServiceSettings | None = None, config: Config | None = None) -> FastAPI:
    settings = settings or ServiceSettings()
    @asynccontextmanager
    async def lifespan(_app: FastAPI) -> AsyncIterator[None]:
        yield
        _app.state.refresher.close()
        _app.state.pool.shutdown()

    app = FastAPI(title="newsfuse", version="0.1.0", docs_url=None, redoc_url=None,
                  lifespan=lifespan,
                  openapi_url="/api/openapi.json",
                  description="Cited, conflict-aware reports from many news articles, and the "
                              "events of a store. Writes need the server's token "
                              "(`Authorization: Bearer TOKEN`).")
    app.state.settings = settings
    app.state.config = config or Config()
    app.state.pool = WorkerPool(settings.workers, settings.queue_per_worker, settings.pool)
    app.state.demo = None
    from newsfuse.service.work import make_refresher

    # Reports of stored events: one job per event at a time, adds' refreshes in the background.
    app.state.refresher = make_refresher(app.state)
    app.add_middleware(Guard, settings=settings)
    _add_error_handlers(app)
    app.mount("/static", StaticFiles(packages=[("newsfuse.service", "static")]), name="static")

    from newsfuse.service import api_routes, pages

    app.include_router(api_routes.router)
    app.include_router(pages.router)
    api_routes.customise_openapi(app)

    return app


def _add_error_handlers(app: FastAPI) -> None:
    def html(request: Request) -> bool:
        return wants_html(request.url.path, request.headers.get("accept", ""))

    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, exc: StarletteHTTPException):
        message = exc.detail if isinstance(exc.detail, str) else "request refused"
        return error_response(exc.status_code, message, headers=exc.headers, html=html(request))

    @app.exception_handler(RequestValidationError)
    async def invalid(request: Request, exc: RequestValidationError):
        errors = [InputError(item=".".join(str(p) for p in e["loc"]), message=e["msg"])
                  for e in exc.errors()]
        return error_response(422, "invalid request parameters", errors, html=html(request))

    @app.exception_handler(LimitExceeded)
    async def over_limit(request: Request, exc: LimitExceeded):
        return error_response(exc.status, str(exc), html=html(request))

    @app.exception_handler(PoolFull)
    async def busy(request: Request, exc: PoolFull):
        return error_response(503, str(exc), headers={"retry-after": str(exc.retry_after)},
                              html=html(request))

    @app.exception_handler(Exception)
    async def unexpected(request: Request, exc: Exception):
        log.exception("unexpected error on %s", request.url.path)
        return error_response(500, "internal error; the server log has the details",
                              html=html(request))
