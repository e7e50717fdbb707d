"""One error shape for every failure: the model the OpenAPI documents is what is returned."""

from __future__ import annotations

from pydantic import BaseModel, Field
from starlette.responses import HTMLResponse, JSONResponse, Response

from newsfuse.model import InputError


class ErrorBody(BaseModel):
    """Every 4xx/5xx answer of the API: the status, a sentence, and per-item problems."""

    status: int
    message: str
    errors: list[InputError] = Field(default_factory=list,
                                     description="Items (articles, fields) and what is wrong")


ERROR_RESPONSES: dict[int | str, dict] = {
    code: {"model": ErrorBody, "description": text} for code, text in {
        400: "Malformed request (bad JSON, nesting too deep, corrupt gzip)",
        401: "Missing or wrong token",
        413: "Body, decompressed size or article count over the limit",
        404: "No such event or article",
        415: "Content type not accepted",
        422: "Invalid parameter, or no readable article (see `errors`)",
        429: "Too many writes from this client; see Retry-After",
        503: "All workers busy; see Retry-After",
    }.items()}


def wants_html(path: str, accept: str) -> bool:
    return not path.startswith("/api/") and "text/html" in accept


def error_response(status: int, message: str, errors: list[InputError] | None = None,
                   headers: dict[str, str] | None = None, html: bool = False) -> Response:
    body = ErrorBody(status=status, message=message, errors=errors or [])
    if html:
        from newsfuse.service.views import render_page

        return HTMLResponse(render_page("error.html.j2", error=body), status_code=status,
                            headers=headers)
    return JSONResponse(body.model_dump(mode="json"), status_code=status, headers=headers)
