"""Shared by test_conflicts, test_dates and test_timeline: the shared example event, annotated.

Built as the pipeline builds it: ingest with the example's default date, clean (or the raw
text when asked to keep captions), segment, annotate. If `nlp.pipeline.annotate` cannot be
imported yet (another stage missing), the number and date extractors are run directly.
"""

from __future__ import annotations

import datetime as dt
from functools import lru_cache
from pathlib import Path

from newsfuse.config import IngestConfig
from newsfuse.ingest import read
from newsfuse.model import AnnotatedDocument, Article, Sentence
from newsfuse.segment import split

EXAMPLE_DATE = dt.date(2022, 2, 28)


@lru_cache(maxsize=2)
def example_documents(example_dir: Path, keep_captions: bool = False
                      ) -> tuple[AnnotatedDocument, ...]:
    articles = read([example_dir], IngestConfig(default_date=EXAMPLE_DATE)).articles
    pairs = [(article, split(article)) for article in (_body(a, keep_captions) for a in articles)]
    return tuple(_annotate(pairs))


def by_prefix(documents: tuple[AnnotatedDocument, ...], prefix: str) -> AnnotatedDocument:
    return next(doc for doc in documents if doc.article.id.startswith(prefix))


def _body(article: Article, keep_captions: bool) -> Article:
    try:
        from newsfuse.clean import clean
    except ImportError:
        clean = None
    if clean is None or keep_captions:
        return article.model_copy(update={"body": article.raw})
    return clean(article)


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
