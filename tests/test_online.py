import datetime as dt
from pathlib import Path

import numpy as np
import pytest

from newsfuse.cluster.features import MINILM, article_signals
from newsfuse.cluster.online import OnlineClusterer, cluster_stream
from newsfuse.config import ClusterConfig, Config
from newsfuse.model import Article

FIXTURES = Path(__file__).parent / "fixtures" / "events"


def unit(vector) -> np.ndarray:
    vector = np.asarray(vector, dtype=np.float32)
    return vector / np.linalg.norm(vector)


def partition(labels: dict[str, int]) -> set[frozenset[str]]:
    groups: dict[int, set[str]] = {}
    for article_id, label in labels.items():
        groups.setdefault(label, set()).add(article_id)
    return {frozenset(g) for g in groups.values()}


SYLLABLES = ["ka", "lo", "mi", "ren", "tas", "vu", "zor", "pel", "dri", "mon", "sek", "ul"]


def pseudo_words(rng: np.random.Generator, count: int) -> list[str]:
    return ["".join(rng.choice(SYLLABLES, size=3)) for _ in range(count)]


def synthetic_stream(events: int, size: int, seed: int = 0):
    """Events with their own invented vocabulary and embedding centre."""
    rng = np.random.default_rng(seed)
    centres = rng.standard_normal((events, 384))
    articles, vectors = [], []
    for event in range(events):
        place, *vocabulary = pseudo_words(rng, 9)
        for member in range(size):
            words = rng.choice(vocabulary, size=8)
            body = f"{place.title()} {' '.join(words)}."
            articles.append(Article(id=f"e{event}-{member}", body=body))
            vectors.append(unit(centres[event] + 0.35 * rng.standard_normal(384)))
    return articles, article_signals(articles, MINILM, vectors)


@pytest.fixture(scope="module")
def fixture_stream():
    from newsfuse import api

    articles, _ = api.load([FIXTURES], Config())
    articles.sort(key=lambda a: (a.published, a.id))
    return articles, article_signals(articles, MINILM)


def test_invented_stream_forms_the_three_events(fixture_stream):
    articles, signals = fixture_stream
    labels = cluster_stream([a.id for a in articles], signals, MINILM)
    assert partition(labels) == {
        frozenset({"battery_gadget_review", "battery_tech_times"}),
        frozenset({"flood_county_herald", "flood_river_news", "flood_valley_post"}),
        frozenset({"rovers_city_gazette", "rovers_football_wire", "rovers_sports_daily"}),
    }


def test_result_does_not_depend_on_arrival_order():
    articles, signals = synthetic_stream(events=12, size=4)
    ids = [a.id for a in articles]
    reference = partition(cluster_stream(ids, signals, MINILM))
    assert len(reference) == 12
    rng = np.random.default_rng(5)
    for _ in range(3):
        order = rng.permutation(len(ids))
        labels = cluster_stream([ids[i] for i in order], [signals[i] for i in order], MINILM)
        assert partition(labels) == reference


def test_events_close_after_the_time_window():
    text = "Keldon ferry terminal closed after the storm damaged the main pier on Friday."
    vector = unit(np.ones(384))
    config = ClusterConfig(online_window_days=30)
    first = Article(id="early", body=text, published=dt.date(2024, 1, 5))
    late = Article(id="late", body=text, published=dt.date(2024, 6, 1))
    soon = Article(id="soon", body=text, published=dt.date(2024, 1, 9))
    signals = article_signals([first, soon, late], MINILM, [vector, vector, vector])
    clusterer = OnlineClusterer(MINILM, config)
    assert clusterer.add("early", signals[0]) == clusterer.add("soon", signals[1])
    assert clusterer.add("late", signals[2]) != clusterer.labels()["early"]


def test_known_assignments_are_kept_when_seeding():
    articles, signals = synthetic_stream(events=2, size=2)
    clusterer = OnlineClusterer(MINILM)
    # Seed the two articles of event 0 into different stored events: no decision overrides it.
    clusterer.seed([articles[0].id, articles[1].id], signals[:2], [7, 9])
    assert clusterer.labels() == {articles[0].id: 7, articles[1].id: 9}
    newcomer = clusterer.add(articles[2].id, signals[2])
    assert newcomer not in (7, 9)
    assert set(clusterer.events()) == {7, 9, newcomer}


def test_final_consolidation_matches_the_batch_result():
    from newsfuse.cluster.events import cluster_representation
    from newsfuse.cluster.features import represent

    articles, signals = synthetic_stream(events=10, size=3, seed=3)
    ids = [a.id for a in articles]
    order = np.random.default_rng(2).permutation(len(ids))
    online = cluster_stream([ids[i] for i in order], [signals[i] for i in order], MINILM)
    batch = cluster_representation(represent(ids, signals, MINILM), ClusterConfig())
    assert partition(online) == partition(dict(zip(ids, batch.tolist(), strict=True)))


def test_consolidation_keeps_event_numbers():
    articles, signals = synthetic_stream(events=3, size=3, seed=4)
    clusterer = OnlineClusterer(MINILM, ClusterConfig(online_consolidate_every=0))
    for article, signal in zip(articles, signals, strict=True):
        clusterer.add(article.id, signal)
    before = clusterer.labels()
    clusterer.consolidate()
    assert clusterer.labels() == before
