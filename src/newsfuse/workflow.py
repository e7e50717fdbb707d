"""Many-event workflows over the store: ingest, cluster, report, watch (the application layer).

The CLI (cli_events.py) only parses arguments and prints; everything it does is here.
"""

from __future__ import annotations

import datetime as dt
import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

from newsfuse.cluster.events import (
    EventInfo,
    cluster_articles,
    describe_event,
    single_threaded_blas,
)
from newsfuse.cluster.features import (
    MINILM,
    ArticleSignals,
    article_signals,
    choose_encoder,
    embed,
    embed_text,
    full_text,
    latest_year,
)
from newsfuse.cluster.language import detect_language
from newsfuse.cluster.online import CorpusStatistics, OnlineClusterer
from newsfuse.cluster.updates import UpdateSummary, render_update, whats_new
from newsfuse.config import Config
from newsfuse.executor import Executor, InProcess, partitions
from newsfuse.model import Article, EventReport, InputError
from newsfuse.script import word_count
from newsfuse.store import Store, Stored, UnknownEvent  # noqa: F401 (UnknownEvent: re-exported)

# Articles cleaned and embedded together before they are stored one by one: batching keeps
# MiniLM efficient, and at most this many unreported articles are lost if the process dies.
INGEST_BATCH = 16

Progress = Callable[[str], None]
_quiet: Progress = lambda _message: None  # noqa: E731


@dataclass
class IngestOutcome:
    stored: list[Stored] = field(default_factory=list)
    errors: list[InputError] = field(default_factory=list)

    @property
    def created(self) -> int:
        return sum(s.created for s in self.stored)


def ingest(items: Iterable[str | Path | Article], store: Store, config: Config,
           on_stored: Callable[[Stored], None] | None = None,
           progress: Progress = _quiet, executor: Executor | None = None) -> IngestOutcome:
    """Read, clean, analyse and store articles; each is committed before it is reported.

    Cleaning, language and embedding run per partition on `executor`; this process reads the
    inputs and is the one writer of the store, committing partitions in input order. A run
    killed midway is resumed by running it again: stored content is found by its hash.
    """
    from newsfuse.ingest import read

    outcome = IngestOutcome()
    result = read(items, config.ingest)
    outcome.errors.extend(result.errors)
    articles = result.articles
    done = 0
    runner = executor or InProcess()
    for prepared, errors in runner.map(prepare_partition, partitions(articles, INGEST_BATCH),
                                       config):
        outcome.errors.extend(errors)
        for article, facts, vector in prepared:
            stored = store.add_article(article, facts, {MINILM: vector})
            outcome.stored.append(stored)
            if on_stored:
                on_stored(stored)
        done = min(done + INGEST_BATCH, len(articles))
        progress(f"stored {done}/{len(articles)}")
    return outcome


def prepare_partition(articles: list[Article], config: Config,
                      ) -> tuple[list[tuple[Article, dict, np.ndarray]], list[InputError]]:
    """Clean, analyse and embed one partition (a per-article stage: runs on any executor)."""
    from newsfuse.api import clean_partition

    cleaned, errors = clean_partition(articles, config)
    vectors = embed([embed_text(a) for a in cleaned], MINILM) if cleaned else []
    return [(a, analysis(a), v) for a, v in zip(cleaned, vectors, strict=True)], errors


def embed_partition(texts: list[str], encoder: str) -> np.ndarray:
    """Vectors of one partition of texts (runs on any executor)."""
    return embed(texts, encoder)


def ingest_online(items: Iterable[str | Path | Article], store: Store, config: Config,
                  on_stored: Callable[[Stored], None] | None = None,
                  progress: Progress = _quiet,
                  executor: Executor | None = None) -> tuple[IngestOutcome, list[str]]:
    """Store articles and place the new ones into events at once (as `watch` does).

    Returns the outcome and the ids of the events that received new articles.
    """
    outcome = ingest(items, store, config, on_stored, progress, executor)
    created = [s.id for s in outcome.stored if s.created]
    touched = assign_online(store, created, config, progress) if created else []
    return outcome, touched


def analysis(article: Article) -> dict:
    text = full_text(article)
    return {"language": detect_language(text), "words": word_count(article.body),
            "latest_year": latest_year(text)}


# --------------------------------------------------------------------------- clustering


def store_embeddings(store: Store, articles: Sequence[Article], encoder: str,
                     progress: Progress = _quiet,
                     executor: Executor | None = None) -> list[np.ndarray]:
    """Stored vectors of the encoder; missing ones are computed once and saved."""
    ids = [a.id for a in articles]
    vectors = store.embeddings(encoder, ids)
    missing = [i for i, v in enumerate(vectors) if v is None]
    if missing:
        progress(f"embedding {len(missing)} articles ({encoder})")
        fresh = article_vectors([articles[i] for i in missing], encoder, executor)
        store.save_embeddings(encoder, {ids[i]: fresh[k] for k, i in enumerate(missing)})
        for k, i in enumerate(missing):
            vectors[i] = fresh[k]
    return vectors


def article_vectors(articles: Sequence[Article], encoder: str,
                    executor: Executor | None = None) -> np.ndarray:
    """(n, d) vectors of the articles' title and lead, computed per partition on `executor`."""
    texts = [embed_text(a) for a in articles]
    runner = executor or InProcess()
    parts = list(runner.map(embed_partition, partitions(texts, INGEST_BATCH), encoder))
    return np.concatenate(parts) if parts else embed([], encoder)


def article_encoder(articles: Sequence[Article], config: Config) -> str:
    """The encoder for a batch of articles, from their languages (cheap: runs here)."""
    return choose_encoder([detect_language(a.body or a.raw) for a in articles], config.cluster)


def store_encoder(store: Store, articles: Sequence[Article], config: Config) -> str:
    languages = [row.analysis.get("language") or detect_language(row.body)
                 for row in store.article_rows([a.id for a in articles])]
    return choose_encoder(languages, config.cluster)


def cluster_store(store: Store, config: Config, progress: Progress = _quiet,
                  executor: Executor | None = None) -> list[EventInfo]:
    """Batch-cluster every stored article and save the events (ids kept where possible).

    Missing embeddings are computed on `executor`; the clustering itself (candidate blocking
    and the global assignment) is made once, here, over every article.
    """
    articles = store.articles()
    if not articles:
        return []
    encoder = store_encoder(store, articles, config)
    vectors = store_embeddings(store, articles, encoder, progress, executor)
    clustering = cluster_articles(articles, config.cluster, vectors, encoder, progress)
    by_id = {a.id: a for a in articles}
    position = {article_id: i for i, article_id in enumerate(clustering.ids)}
    groups = clustering.groups()
    titles = [describe_event("", [by_id[i] for i in group], clustering.representation,
                             np.array([position[i] for i in group]), config.cluster).title
              for group in groups]
    store.assign_events(groups, titles)
    return list_events(store)


def list_events(store: Store) -> list[EventInfo]:
    members = store.event_members()
    events = []
    for row in store.events():
        articles = store.articles(members.get(row.id, []))
        if not articles:
            continue
        info = describe_event(row.id, articles)
        events.append(info.model_copy(update={"title": row.title or info.title,
                                              "conflicts": row.conflicts}))
    return events


# --------------------------------------------------------------------------- reports


def event_report(store: Store, event_id: str, config: Config,
                 progress: Progress = _quiet) -> EventReport:
    """The single-event report for a stored event; saved as the base of later updates.

    The event row is read before its articles: the report is saved as of that row's
    `updated_at`, so articles added while it is made leave the event stale (reported again).
    """
    from newsfuse.api import analyze

    row = store.event(event_id)
    articles = store.event_articles(event_id)
    if row is None or not articles:
        raise UnknownEvent(event_id)
    return _save_report(store, event_id, analyze(articles, config, progress), row.updated_at)


def report_events(store: Store, event_ids: Sequence[str], config: Config,
                  executor: Executor | None = None,
                  progress: Progress = _quiet) -> Iterator[tuple[str, EventReport]]:
    """Report several stored events, each on a worker of `executor`; each report is saved
    here (the one writer) as it arrives, in the order of `event_ids`."""
    rows = [row for row in map(store.event, event_ids) if row is not None]
    wanted = [row.id for row in rows]
    event_articles = (store.event_articles(event_id) for event_id in wanted)
    runner = executor or InProcess()
    reports = runner.map(report_partition, event_articles, config)
    for done, (row, report) in enumerate(zip(rows, reports, strict=True), start=1):
        progress(f"reported {row.id} ({done}/{len(wanted)})")
        if report is not None:
            yield row.id, _save_report(store, row.id, report, row.updated_at)


def report_partition(articles: list[Article], config: Config) -> EventReport | None:
    """One event's report (runs on any executor); None when no article is left to read."""
    from newsfuse.api import NoArticlesError, analyze

    if not articles:
        return None
    try:
        return analyze(articles, config)
    except NoArticlesError:
        return None


def _save_report(store: Store, event_id: str, report: EventReport,
                 as_of: dt.datetime) -> EventReport:
    """Save under the event's current title; `as_of`: the event's `updated_at` read before
    the articles the report was made from."""
    row = store.event(event_id)
    if row is not None and row.title:
        report = report.model_copy(update={"title": row.title})
    store.save_report(event_id, report, as_of)
    return report


# --------------------------------------------------------------------------- watching


@dataclass
class WatchRound:
    new_articles: list[str] = field(default_factory=list)
    updates: list[UpdateSummary] = field(default_factory=list)
    written: list[Path] = field(default_factory=list)
    errors: list[InputError] = field(default_factory=list)


def new_files(directory: Path, store: Store) -> list[Path]:
    """Files in the folder that no stored article was read from."""
    from newsfuse.ingest import ARTICLE_SUFFIXES

    known = store.known_paths()
    return [p for p in sorted(directory.rglob("*"))
            if p.is_file() and not p.name.startswith(".")
            and p.suffix.lower() in ARTICLE_SUFFIXES and str(p) not in known]


def watch_round(directory: Path, store: Store, config: Config, out_dir: Path,
                progress: Progress = _quiet) -> WatchRound:
    """Ingest new files, assign them to events online, write one update per touched event.

    An update tells what this round's new articles add to the event's new report; articles
    that clustering merely moved into the event are not new.
    """
    outcome = ingest(new_files(directory, store), store, config, progress=progress)
    round_ = WatchRound(errors=outcome.errors)
    fresh = [s.id for s in outcome.stored if s.created]
    round_.new_articles = fresh
    if not fresh:
        return round_
    touched = assign_online(store, fresh, config, progress)
    out_dir.mkdir(parents=True, exist_ok=True)
    stamp = time.strftime("%Y%m%d-%H%M%S")
    for event_id in touched:
        first = store.last_report(event_id) is None
        report = event_report(store, event_id, config, progress)
        update = whats_new(event_id, report, set(fresh), first_report=first)
        path = out_dir / f"{event_id}-{stamp}.md"
        path.write_text(render_update(update), encoding="utf-8")
        round_.updates.append(update)
        round_.written.append(path)
    return round_


def assign_online(store: Store, new_ids: Sequence[str], config: Config,
                  progress: Progress = _quiet) -> list[str]:
    """Place new articles into stored events (or new ones); returns the touched event ids.

    Reads only what the articles could change: the events open to them (a member published
    within `online_window_days` before the earliest of them, or later, or no dated member),
    the articles without an event, and the corpus statistics saved with the store. Events
    that are not read stay exactly as they are. The result is that of replaying the whole
    store (`_assign_online_full`), up to float rounding in the language means. Undated
    newcomers could join any event: they take the full path.
    """
    new = set(new_ids)
    pending = store.unclustered_ids()
    if not new <= set(pending):
        return _assign_online_full(store, new_ids, config, progress)
    added = store.articles(pending)
    if not added:
        return []  # nothing to place: the stored events stay as they are
    if any(a.published is None for a in added):
        return _assign_online_full(store, new_ids, config, progress)
    encoder = choose_encoder(_stored_languages(store), config.cluster)
    statistics = _corpus_statistics(store, encoder, progress)
    since = min(a.published for a in added) - dt.timedelta(
        days=config.cluster.online_window_days)
    members = store.open_event_members(since)
    seeded = store.articles([i for ids in members.values() for i in ids])
    # The store's other events, then articles stored before without an event, then the new
    # ones (each group in time order), as the full replay orders them.
    added = ([a for a in added if a.id not in new] + [a for a in added if a.id in new])
    signals = _signals(store, seeded + added, encoder, progress)
    groups = _place(seeded, added, signals, members, encoder, config, statistics)
    ids = store.assign_events(groups, _titles(store, groups, seeded + added, members),
                              scope=list(members))
    statistics.add(signals[len(seeded):])
    store.save_cluster_statistics(encoder, statistics.to_bytes(), statistics.documents,
                                  [a.id for a in added])
    return [event_id for event_id, group in zip(ids, groups, strict=True)
            if new & set(group)]


def _place(seeded: list[Article], added: list[Article], signals: list[ArticleSignals],
           members: dict[str, list[str]], encoder: str, config: Config,
           statistics: CorpusStatistics) -> list[list[str]]:
    """Seed the open events, add the articles without an event, consolidate: the groups of
    the open window (`signals`: of the seeded, then of the added articles)."""
    event_of = {a: e for e, ids in members.items() for a in ids}
    numbers = {event_id: k for k, event_id in enumerate(members)}
    clusterer = OnlineClusterer(encoder, config.cluster)
    with single_threaded_blas():
        clusterer.seed([a.id for a in seeded], signals[:len(seeded)],
                       [numbers[event_of[a.id]] for a in seeded], statistics,
                       unseen=statistics.documents - len(seeded))
        for article, article_signals_ in zip(added, signals[len(seeded):], strict=True):
            clusterer.add(article.id, article_signals_)
        clusterer.consolidate()
    return list(clusterer.events().values())


def _signals(store: Store, articles: list[Article], encoder: str,
             progress: Progress) -> list[ArticleSignals]:
    return article_signals(articles, encoder,
                           store_embeddings(store, articles, encoder, progress))


def _titles(store: Store, groups: list[list[str]], articles: list[Article],
            members: dict[str, list[str]]) -> list[str]:
    """Stored titles of groups equal to a stored event, a description for the others."""
    by_id = {a.id: a for a in articles}
    # An event whose articles did not change keeps its title: describing every event on
    # every add grew with the store.
    stored_titles = store.event_titles(list(members))
    unchanged = {frozenset(ids): stored_titles.get(event_id, "")
                 for event_id, ids in members.items()}
    return [unchanged.get(frozenset(group))
            or describe_event("", [by_id[i] for i in group]).title for group in groups]


def _stored_languages(store: Store) -> list[str]:
    """Every stored article's language, as `store_encoder` reads it, from counts."""
    counts = store.language_counts()
    languages = [lang for lang, count in counts.items() if lang for _ in range(count)]
    unanalysed = store.unanalysed_ids()
    if unanalysed:
        languages += [detect_language(row.body) for row in store.article_rows(unanalysed)]
    return languages


def _corpus_statistics(store: Store, encoder: str, progress: Progress) -> CorpusStatistics:
    """The statistics of every article in an event, brought up to date and saved.

    The first call on a store counts every clustered article (one full pass); later calls
    count only what was clustered meanwhile (a batch `cluster`, a full-path round). When
    the count disagrees with the store's (another writer raced this one), they are rebuilt.
    """
    saved = store.cluster_statistics(encoder)
    statistics = CorpusStatistics() if saved is None else CorpusStatistics.from_bytes(saved[0])
    uncounted = store.uncounted_clustered_ids(encoder)
    replace = saved is None
    if uncounted:
        progress(f"counting {len(uncounted)} articles into the clustering statistics")
        statistics.add(_signals(store, store.articles(uncounted), encoder, progress))
    if statistics.documents != store.count_clustered():
        statistics, replace = CorpusStatistics(), True
        everything = store.articles([i for ids in store.event_members().values() for i in ids])
        uncounted = [a.id for a in everything]
        statistics.add(_signals(store, everything, encoder, progress))
    if uncounted or replace:
        store.save_cluster_statistics(encoder, statistics.to_bytes(), statistics.documents,
                                      uncounted, replace=replace)
    return statistics


def _assign_online_full(store: Store, new_ids: Sequence[str], config: Config,
                        progress: Progress = _quiet) -> list[str]:
    """`assign_online` by replaying every stored article (the reference the windowed path
    must equal; also the path of undated newcomers)."""
    articles = store.articles()
    encoder = store_encoder(store, articles, config)
    signals = _signals(store, articles, encoder, progress)
    members = store.event_members()
    event_of = {a: e for e, ids in members.items() for a in ids}
    numbers = {event_id: k for k, event_id in enumerate(members)}
    clusterer = OnlineClusterer(encoder, config.cluster)
    new = set(new_ids)
    # The store's events as they are (one pass, no decisions), then every article without
    # an event: stored ones not clustered yet, then the new ones (in time order already).
    seeded = [i for i, a in enumerate(articles) if a.id not in new and a.id in event_of]
    order = [i for i, a in enumerate(articles) if a.id not in new and a.id not in event_of]
    order += [i for i, a in enumerate(articles) if a.id in new]
    with single_threaded_blas():
        clusterer.seed([articles[i].id for i in seeded], [signals[i] for i in seeded],
                       [numbers[event_of[articles[i].id]] for i in seeded])
        for i in order:
            clusterer.add(articles[i].id, signals[i])
        clusterer.consolidate()
    groups = list(clusterer.events().values())
    ids = store.assign_events(groups, _titles(store, groups, articles, members))
    return [event_id for event_id, group in zip(ids, groups, strict=True)
            if new & set(group)]
