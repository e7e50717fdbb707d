"""The Python API: analyze and summarize one event's articles.

Models (spaCy, MiniLM) load once per process on first use and are reused by later calls.
"""

from __future__ import annotations

import hashlib
import threading
from collections import OrderedDict
from collections.abc import Callable, Iterable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING

import numpy as np

from newsfuse.config import Config
from newsfuse.executor import Executor, InProcess, partitions
from newsfuse.model import AnnotatedDocument, Article, EventReport, InputError, Sentence
from newsfuse.nlp.embed import TokenVectors

if TYPE_CHECKING:  # the alignment (scikit-learn) loads where it runs
    from newsfuse.align import Part

ArticleLike = str | Path | Article
Progress = Callable[[str], None]
# Most articles in one partition of the per-article stages: a task of a few seconds, long
# enough that scheduling costs nothing, short enough that a lost worker loses little. Smaller
# inputs are split evenly over the workers (10 articles on 2 workers: 5 and 5). Results do not
# depend on the split: spaCy and the MiniLM encoder give bit-identical output whatever the
# batch (checked by tests/test_executor.py against a single process).
PARTITION = 16


class NoArticlesError(ValueError):
    """Raised when none of the inputs yields an article; carries the per-item errors."""

    def __init__(self, errors: list[InputError]):
        self.errors = errors
        detail = "; ".join(f"{e.item}: {e.message}" for e in errors) or "no input given"
        super().__init__(f"no readable articles ({detail})")


def load(items: Iterable[ArticleLike], config: Config | None = None,
         executor: Executor | None = None) -> tuple[list[Article], list[InputError]]:
    """Read and clean every item; unreadable items become errors, the rest go on.

    Reading stays here (the files are this machine's); cleaning runs on `executor`.
    """
    from newsfuse.ingest import read

    config = config or Config()
    result = read(items, config.ingest)
    articles, errors = [], list(result.errors)
    runner = executor or InProcess()
    parts = partitions(result.articles, partition_size(len(result.articles), runner.workers))
    for cleaned, failed in runner.map(clean_partition, parts, config):
        articles.extend(cleaned)
        errors.extend(failed)
    return articles, errors


def partition_size(items: int, workers: int) -> int:
    """Articles per partition: even over the workers, at most PARTITION."""
    return max(1, min(PARTITION, -(-items // max(1, workers))))


def clean_partition(articles: list[Article], config: Config,
                    ) -> tuple[list[Article], list[InputError]]:
    """Clean one partition of read articles (a per-article stage: runs on any executor)."""
    from newsfuse.clean import NoArticleText, clean
    from newsfuse.clean.length import cut_long_articles

    cleaned, errors = [], []
    for article in articles:
        if article.body:  # already cleaned (or given clean by the caller)
            cleaned.append(article)
            continue
        try:
            cleaned.append(clean(article, config.clean))
        except NoArticleText as exc:
            errors.append(InputError(item=article.item_name, message=str(exc)))
    return cleaned, errors + cut_long_articles(cleaned, config.clean.max_chars)


# Annotated articles kept per process: a stored event's report is made again each time an
# article joins it (the web app's adds, `events --analyze`, `watch`), and annotation (the
# spaCy parse) is most of that time; only the new articles need it. Keyed by the article's
# whole content and the NLP settings.
ANNOTATION_CACHE_SIZE = 256
_ANNOTATED: OrderedDict[str, AnnotatedDocument] = OrderedDict()
_ANNOTATED_LOCK = threading.Lock()  # the web app's thread workers annotate side by side


def annotate(articles: list[Article], config: Config | None = None,
             sentences: list[list[Sentence]] | None = None,
             remember: bool = True) -> list[AnnotatedDocument]:
    """Annotate bodies, plus the figures stated in the photo captions that cleaning removed.

    `sentences` may give each article's already split sentences. Articles annotated lately
    in this process come from the annotation cache; with `remember` False (articles nobody
    will report again, such as a one-off analysis) they are not added to it, so they do not
    push out the stored events' articles.
    """
    from newsfuse.segment import split

    config = config or Config()
    sentences = sentences if sentences is not None else [split(a) for a in articles]
    keys = [_annotation_key(article, config) for article in articles]
    with _ANNOTATED_LOCK:
        found = {key: _ANNOTATED[key] for key in keys if key in _ANNOTATED}
    todo = [k for k, key in enumerate(keys) if key not in found]
    if todo:
        fresh = _annotate_now([articles[k] for k in todo], [sentences[k] for k in todo], config)
        found |= {keys[k]: document for k, document in zip(todo, fresh, strict=True)}
    if remember:
        _remember(keys, found)
    # copies: later stages may not change what the next event's report reads
    return [found[key].model_copy(deep=True) for key in keys]


def _annotate_now(articles: list[Article], sentences: list[list[Sentence]],
                  config: Config) -> list[AnnotatedDocument]:
    from newsfuse.nlp.captions import caption_article, merge_caption_figures
    from newsfuse.nlp.pipeline import annotate as annotate_documents
    from newsfuse.segment import split

    captions = [c for a in articles if (c := caption_article(a)) is not None]
    pairs = [*zip(articles, sentences, strict=True), *((c, split(c)) for c in captions)]
    annotated = annotate_documents(pairs, config.nlp)
    return merge_caption_figures(annotated[:len(articles)], annotated[len(articles):])


def _remember(keys: list[str], found: dict[str, AnnotatedDocument]) -> None:
    """Keep this call's articles as the most recently used; the oldest leave first."""
    with _ANNOTATED_LOCK:
        for key in keys:
            _ANNOTATED[key] = found[key]
            _ANNOTATED.move_to_end(key)
        while len(_ANNOTATED) > ANNOTATION_CACHE_SIZE:
            _ANNOTATED.popitem(last=False)


def _annotation_key(article: Article, config: Config) -> str:
    content = article.model_dump_json() + config.nlp.model_dump_json()
    return hashlib.sha256(content.encode("utf-8")).hexdigest()


@dataclass
class AnnotatedPartition:
    """One partition's annotated documents, its articles' own sentences and their vectors."""

    documents: list[AnnotatedDocument]
    sentences: list[list[Sentence]]
    embeddings: np.ndarray
    tokens: list[TokenVectors]  # each sentence's token vectors, for the alignment
    # the alignment's clauses of these sentences, encoded beside the parse
    clauses: list[str]
    clause_vectors: np.ndarray
    clause_tokens: list[TokenVectors]
    # each sentence's `align.punctuation_parts` (numbered within this partition)
    cut: list[list[Part]]


def annotate_partition(articles: list[Article], config: Config,
                       remember: bool = True) -> AnnotatedPartition:
    """Split, annotate and embed the sentences of one partition (runs on any executor);
    `remember`: keep the annotations in this process's cache (see `annotate`)."""
    from newsfuse.nlp.embed import get_embedder
    from newsfuse.segment import split

    split_articles = [split(article) for article in articles]
    flat = [s for sentences in split_articles for s in sentences]
    # The ONNX encoder releases the GIL: it runs on a second core while spaCy annotates.
    # Clauses are cut without the parse, so they are cut and encoded there too, after the
    # sentences (the encoder gives each text the same vector whatever it is batched with).
    with ThreadPoolExecutor(max_workers=1) as pool:
        encoded = pool.submit(get_embedder().encode, [s.text for s in flat])
        clause_work = pool.submit(_cut_and_encode_clauses, flat, config)
        documents = annotate(articles, config, split_articles, remember)
        vectors, tokens = encoded.result()
        cut, clauses, clause_vectors, clause_tokens = clause_work.result()
    return AnnotatedPartition(documents, split_articles, vectors, tokens,
                              clauses, clause_vectors, clause_tokens, cut)


def _cut_and_encode_clauses(sentences: list[Sentence], config: Config,
                            ) -> tuple[list[list[Part]], list[str], np.ndarray,
                                       list[TokenVectors]]:
    """Each sentence's parts as the alignment cuts them without the parse, and the clauses
    among them (those that are not whole sentences) with their vectors and token vectors."""
    from newsfuse.align import punctuation_parts
    from newsfuse.nlp.embed import get_embedder

    cut = [punctuation_parts(i, sentence, config.align) for i, sentence in enumerate(sentences)]
    clauses = sorted({part.text for parts in cut for part in parts if not part.whole})
    vectors, tokens = get_embedder().encode(clauses)
    return cut, clauses, vectors, tokens


def _renumbered(parts: list[AnnotatedPartition]) -> list[list[Part]]:
    """The partitions' cut parts, numbered by sentence across all of them (as `analyze`
    joins their sentences)."""
    cut, offset = [], 0
    for part in parts:
        cut += [[replace(p, sentence=p.sentence + offset) for p in sentence] if offset
                else sentence for sentence in part.cut]
        offset += len(part.cut)
    return cut


def analyze(articles: Iterable[ArticleLike], config: Config | None = None,
            progress: Progress | None = None,
            executor: Executor | None = None, remember: bool = True) -> EventReport:
    """Full report for one event: cited summary, corroboration, conflicts, quotes, entities...

    The per-article stages (clean; annotate + embed) run on `executor` (default: here);
    near-duplicates, alignment and the report are made here from all of them. `remember`
    False keeps the articles out of the annotation cache (a one-off analysis).
    """
    from newsfuse.align import align
    from newsfuse.dedup import near_duplicate_groups
    from newsfuse.nlp.embed import KnownEncodings, get_embedder
    from newsfuse.synthesize.report import (
        build_report,
        compared_figures,
        summary_choice,
        unattributed_quote_sentences,
    )

    config = config or Config()
    step = progress or (lambda _message: None)
    step("reading and cleaning")
    loaded, errors = load(articles, config, executor)
    if not loaded:
        raise NoArticlesError(errors)
    step(f"annotating and embedding {len(loaded)} articles")
    runner = executor or InProcess()
    size = partition_size(len(loaded), runner.workers)
    parts = list(runner.map(annotate_partition, partitions(loaded, size), config, remember))
    documents = [d for part in parts for d in part.documents]
    sentences = [s for part in parts for article in part.sentences for s in article]
    embeddings = np.concatenate([part.embeddings for part in parts])
    tokens = [t for part in parts for t in part.tokens]
    known = KnownEncodings([c for part in parts for c in part.clauses],
                           np.concatenate([part.clause_vectors for part in parts]),
                           [t for part in parts for t in part.clause_tokens], get_embedder())
    step("aligning sources")
    independent = near_duplicate_groups(loaded, config.cluster)
    # The figures' comparison and the summary's choice need no alignment, and change none of
    # their inputs: they run beside it, so that their encoder passes and ILP solve (ONNX and
    # HiGHS release the GIL) overlap the alignment's Python. The same calls on the same
    # inputs as `build_report` would make, so the same results.
    with ThreadPoolExecutor(max_workers=2) as pool:
        figures = pool.submit(compared_figures, documents, independent, sentences, embeddings)
        chosen = pool.submit(summary_choice, sentences, embeddings, config,
                             unattributed_quote_sentences(documents))
        alignment = align(sentences, embeddings, independent, config.align,
                          outlets={a.id: a.source for a in loaded}, documents=documents,
                          tokens=tokens, encode=known, cut=_renumbered(parts))
        compared, summary = figures.result(), chosen.result()
    step("writing the report")
    return build_report(documents, alignment, config, errors, compared, summary)


def summarize(articles: Iterable[ArticleLike], max_words: int | None = None,
              config: Config | None = None) -> str:
    """The extractive summary alone, one sentence per line."""
    from newsfuse.segment import split
    from newsfuse.synthesize.summary import get_summarizer

    config = config or Config()
    loaded, errors = load(articles, config)
    if not loaded:
        raise NoArticlesError(errors)
    sentences = [s for article in loaded for s in split(article)]
    budget = max_words or config.summary.max_words
    chosen = get_summarizer(config.summary.method)(sentences, budget, None)
    return "\n".join(s.text for s in chosen)
