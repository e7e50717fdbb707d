"""Online assignment reads only the events new articles could join, and gives the result of
replaying the whole store (`workflow._assign_online_full`)."""

import datetime as dt
from pathlib import Path

import numpy as np
import pytest

from newsfuse.cluster.features import MINILM
from newsfuse.config import Config
from newsfuse.model import Article, EventReport
from newsfuse.store import Store
from newsfuse.workflow import _assign_online_full, assign_online, cluster_store
from tests.stores import STORE_KINDS, store_url

SYLLABLES = ["ka", "lo", "mi", "ren", "tas", "vu", "zor", "pel", "dri", "mon", "sek", "ul"]
SHARED = ["council", "officials", "residents", "report", "morning", "statement", "police",
          "river", "bridge", "market", "workers", "school"]
START = dt.date(2031, 1, 5)


def invented_events(events: int, size: int, days_apart: int, seed: int = 3):
    """Events of `size` articles a few days long, one every `days_apart` days; each has its
    own invented place, names and words, shares common words, and has an embedding centre
    (some events share a centre: near misses for the clusterer)."""
    rng = np.random.default_rng(seed)
    centres = rng.standard_normal((events // 2 + 1, 384))
    articles: list[tuple[Article, np.ndarray]] = []
    for event in range(events):
        place, person, *vocabulary = ["".join(rng.choice(SYLLABLES, size=3))
                                      for _ in range(8)]
        for member in range(size):
            words = " ".join(rng.choice(vocabulary + SHARED, size=14))
            body = (f"{place.title()} officials said on Monday that {person.title()} and the "
                    f"{words}. The council of {place.title()} will meet again next week.")
            day = START + dt.timedelta(days=event * days_apart + int(rng.integers(0, 4)))
            vector = centres[event // 2] + 0.6 * rng.standard_normal(384)
            articles.append((Article(id=f"ev{event}-{member}", title=f"{place.title()} news",
                                     body=body, published=day),
                             (vector / np.linalg.norm(vector)).astype(np.float32)))
    articles.sort(key=lambda pair: (pair[0].published, pair[0].id))
    return articles


def store_batch(store: Store, batch) -> list[str]:
    return [store.add_article(article, {"language": "en"}, {MINILM: vector}).id
            for article, vector in batch]


def members(store: Store) -> dict[str, list[str]]:
    return {event_id: sorted(ids) for event_id, ids in store.event_members().items()}


@pytest.fixture(params=STORE_KINDS)
def two_stores(request, tmp_path: Path):
    with store_url(request.param, tmp_path) as first, store_url(request.param, tmp_path) as second:
        stores = Store(first), Store(second)
        yield stores
        for store in stores:
            store.close()


def test_windowed_rounds_equal_replaying_the_store(two_stores):
    """Articles over 14 months (far more than the open window), batch-clustered first, then
    placed in several rounds, one of them with articles stored earlier without an event, one
    after a batch re-clustering, and one with a late article about an old date: the windowed
    path gives the events (ids and members) of the full replay after every round."""
    windowed, full = two_stores
    config = Config()
    articles = invented_events(events=16, size=5, days_apart=27)
    assert (articles[-1][0].published - articles[0][0].published).days > 400
    first, rest = articles[:15], articles[15:]
    late = rest.pop(30)  # comes in last, weeks after its own date
    for store in two_stores:
        store_batch(store, first)
        cluster_store(store, config)
    rounds = [rest[k:k + 7] for k in range(0, len(rest), 7)] + [[late]]
    for k, batch in enumerate(rounds):
        if k in (2, 5):  # stored by a plain ingest, placed by the next round ...
            for store in two_stores:
                store_batch(store, batch)
                if k == 5:  # ... or by a batch `cluster` (counted into the statistics later)
                    cluster_store(store, config)
            continue
        touched = [assign_online(windowed, store_batch(windowed, batch), config),
                   _assign_online_full(full, store_batch(full, batch), config)]
        assert members(windowed) == members(full), f"round {k}"
        assert touched[0] == touched[1]
    assert len(members(full)) >= 10
    assert assign_online(windowed, [], config) == []  # nothing new: nothing changes
    assert members(windowed) == members(full)


def test_an_event_outside_the_window_is_not_read_nor_changed(two_stores):
    """An old event similar to the newcomers keeps its id, members, title and report, and
    none of its articles is even read (after the round that builds the statistics)."""
    store = two_stores[0]
    config = Config()
    articles = invented_events(events=3, size=4, days_apart=200)
    store_batch(store, articles[:4])
    (old,) = store.assign_events([[a.id for a, _ in articles[:4]]], ["Old story"])
    store.save_report(old, EventReport(
        title="Old story", articles=[], summary=[], corroborated=[], conflicts=[], unique=[],
        quotes=[], entities=[], timeline=[]))
    # the first round counts every clustered article into the saved statistics, once
    assign_online(store, store_batch(store, articles[4:8]), config)
    before = store.event(old)
    # the newcomers repeat the old event's words, two years on
    repeats = [(a.model_copy(update={"id": f"again-{k}", "title": f"{a.title} again",
                                     "published": a.published + dt.timedelta(days=700)}), v)
               for k, (a, v) in enumerate(articles[:4])]
    read: list[str] = []
    original = store.articles

    def recording(ids=None):
        assert ids is not None, "the whole store was read"
        read.extend(ids)
        return original(ids)

    store.articles = recording
    touched = assign_online(store, store_batch(store, repeats), config)
    assert old not in touched
    assert not {a.id for a, _ in articles[:4]} & set(read)
    after = store.event(old)
    assert members(store)[old] == sorted(a.id for a, _ in articles[:4])
    assert (after.title, after.updated_at, after.last_report) == (
        before.title, before.updated_at, before.last_report)


def test_statistics_counted_twice_are_dropped_and_rebuilt(two_stores):
    """A racing writer that counts an article already counted leaves no double count: the
    statistics are dropped, and the next round rebuilds them over every clustered article."""
    store = two_stores[0]
    config = Config()
    articles = invented_events(events=2, size=4, days_apart=10)
    assign_online(store, store_batch(store, articles[:4]), config)
    data, documents = store.cluster_statistics(MINILM)
    assert documents == store.count_clustered() == 4
    store.save_cluster_statistics(MINILM, data, documents + 1, [articles[0][0].id])
    assert store.cluster_statistics(MINILM) is None
    assign_online(store, store_batch(store, articles[4:]), config)
    assert store.cluster_statistics(MINILM)[1] == store.count_clustered() == 8
    assert store.uncounted_clustered_ids(MINILM) == []
