"""Shared by test_conflicts, test_dates and test_timeline: the shared example event, annotated.

Built as the pipeline builds it (`newsfuse.api.load` + `annotate`: ingest with the example's
default date, clean, segment, annotate bodies and the figures of removed captions). With
`raw_bodies` the scraped text is used as the body, captions and all, to exercise the
extractors' own defences; that path also serves while the API cannot be imported yet.
"""

from __future__ import annotations

import datetime as dt
from functools import lru_cache
from pathlib import Path

from newsfuse.config import Config, IngestConfig
from newsfuse.ingest import read
from newsfuse.model import AnnotatedDocument, Article, Sentence
from newsfuse.segment import split

EXAMPLE_DATE = dt.date(2022, 2, 28)


@lru_cache(maxsize=2)
def example_documents(example_dir: Path, raw_bodies: bool = False
                      ) -> tuple[AnnotatedDocument, ...]:
    if not raw_bodies:
        try:
            from newsfuse.api import annotate, load
        except ImportError:
            pass
        else:
            config = Config(ingest=IngestConfig(default_date=EXAMPLE_DATE))
            articles, _errors = load([example_dir], config)
            return tuple(annotate(articles, config))
    articles = read([example_dir], IngestConfig(default_date=EXAMPLE_DATE)).articles
    pairs = [(a, split(a)) for a in (a.model_copy(update={"body": a.raw}) for a in articles)]
    return tuple(_annotate(pairs))


def by_prefix(documents: tuple[AnnotatedDocument, ...], prefix: str) -> AnnotatedDocument:
    return next(doc for doc in documents if doc.article.id.startswith(prefix))


def _annotate(pairs: list[tuple[Article, list[Sentence]]]) -> list[AnnotatedDocument]:
    try:
        from newsfuse.nlp.pipeline import annotate

        return annotate(pairs)
    except ImportError:
        pass
    from newsfuse.nlp.dates import extract_dates
    from newsfuse.nlp.numbers import extract_numbers
    from newsfuse.nlp.pipeline import get_nlp

    nlp = get_nlp()
    documents = []
    for article, sentences in pairs:
        doc = nlp(article.body)
        documents.append(AnnotatedDocument(
            article=article, sentences=sentences,
            numbers=extract_numbers(doc, sentences, article),
            dates=extract_dates(doc, sentences, article)))
    return documents
