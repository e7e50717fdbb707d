"""Render an EventReport as JSON, Markdown or a standalone HTML page.

Modules are named *_render so none of them shadows the standard library's `json`/`html`
or the `markdown` package when this directory ends up on sys.path.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Literal, get_args

from newsfuse.model import EventReport
from newsfuse.render.html_render import render_html
from newsfuse.render.json_render import json_schema, render_json
from newsfuse.render.markdown_render import render_markdown

Format = Literal["json", "md", "html"]
FORMATS: tuple[str, ...] = get_args(Format)

_RENDERERS: dict[str, Callable[[EventReport], str]] = {
    "json": render_json,
    "md": render_markdown,
    "html": render_html,
}


def render(report: EventReport, fmt: Format) -> str:
    """The report in the given format; ValueError names the accepted formats otherwise."""
    try:
        renderer = _RENDERERS[fmt]
    except KeyError:
        raise ValueError(
            f"unknown output format {fmt!r}; choose one of: {', '.join(FORMATS)}"
        ) from None
    return renderer(report)


__all__ = [
    "FORMATS",
    "Format",
    "json_schema",
    "render",
    "render_html",
    "render_json",
    "render_markdown",
]
