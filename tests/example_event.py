"""The shared example event, annotated as the pipeline does it, for the extractor tests.

`newsfuse.api.load` + `annotate`: ingest with the example's publication date, clean, segment,
annotate bodies and the figures of removed captions. With `raw_bodies` the scraped text is the
body, captions and all, to exercise the extractors' own defences.
"""

from __future__ import annotations

import datetime as dt
from functools import lru_cache
from pathlib import Path

from newsfuse.api import annotate, load
from newsfuse.config import Config, IngestConfig
from newsfuse.ingest import read
from newsfuse.model import AnnotatedDocument

EXAMPLE_DATE = dt.date(2022, 2, 28)


@lru_cache(maxsize=2)
def example_documents(example_dir: Path, raw_bodies: bool = False
                      ) -> tuple[AnnotatedDocument, ...]:
    config = Config(ingest=IngestConfig(default_date=EXAMPLE_DATE))
    if raw_bodies:
        articles = [a.model_copy(update={"body": a.raw})
                    for a in read([example_dir], config.ingest).articles]
    else:
        articles, _errors = load([example_dir], config)
    return tuple(annotate(articles, config))


def by_prefix(documents: tuple[AnnotatedDocument, ...], prefix: str) -> AnnotatedDocument:
    return next(doc for doc in documents if doc.article.id.startswith(prefix))
