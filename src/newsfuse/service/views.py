"""Server-rendered pages: one Jinja2 environment with autoescape; no CDN, no inline script."""

from __future__ import annotations

from functools import lru_cache

from jinja2 import Environment, PackageLoader, StrictUndefined, select_autoescape


@lru_cache(maxsize=1)
def environment() -> Environment:
    env = Environment(loader=PackageLoader("newsfuse.service", "templates"),
                      autoescape=select_autoescape(default=True, default_for_string=True),
                      undefined=StrictUndefined, trim_blocks=True, lstrip_blocks=True)
    from newsfuse.service import filters

    env.filters.update(filters.FILTERS)
    env.globals.update(filters.GLOBALS)
    return env


def render_page(name: str, **context: object) -> str:
    return environment().get_template(name).render(**context)
