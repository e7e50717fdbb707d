import datetime as dt
from pathlib import Path

import numpy as np
import pytest

from newsfuse.cluster.blocking import candidate_pairs, forest_pairs
from newsfuse.cluster.events import cluster_articles, cluster_representation, describe_event
from newsfuse.cluster.features import (
    MINILM,
    MULTILINGUAL,
    article_signals,
    choose_encoder,
    latest_year,
    represent,
    similarity_block,
)
from newsfuse.config import ClusterConfig, Config
from newsfuse.model import Article

FIXTURES = Path(__file__).parent / "fixtures" / "events"


def unit(vector) -> np.ndarray:
    vector = np.asarray(vector, dtype=np.float32)
    return vector / np.linalg.norm(vector)


def synthetic(texts: list[str], vectors: list[np.ndarray],
              dates: list[dt.date | None] | None = None):
    """A representation from given texts and embeddings (no model needed)."""
    dates = dates or [None] * len(texts)
    articles = [Article(id=f"a{i}", body=t, published=d)
                for i, (t, d) in enumerate(zip(texts, dates, strict=True))]
    signals = article_signals(articles, MINILM, vectors)
    return articles, represent([a.id for a in articles], signals, MINILM)


@pytest.fixture(scope="module")
def fixture_articles() -> list[Article]:
    from newsfuse import api

    articles, errors = api.load([FIXTURES], Config())
    assert not errors
    return articles


def test_invented_articles_form_their_three_events(fixture_articles):
    clustering = cluster_articles(fixture_articles, ClusterConfig())
    groups = sorted(sorted(g) for g in clustering.groups())
    assert groups == [
        ["battery_gadget_review", "battery_tech_times"],
        ["flood_county_herald", "flood_river_news", "flood_valley_post"],
        ["rovers_city_gazette", "rovers_football_wire", "rovers_sports_daily"],
    ]


def test_event_description_has_title_dates_and_sources(fixture_articles):
    flood = [a for a in fixture_articles if a.id.startswith("flood")]
    info = describe_event("ev7", flood)
    assert info.size == 3 and info.id == "ev7"
    assert info.first_date == dt.date(2024, 3, 5) and info.last_date == dt.date(2024, 3, 6)
    assert "Marlow Creek" in info.title
    assert len(info.title.split()) <= 15
    assert info.stories == 3


def test_syndicated_copies_count_as_one_story(fixture_articles):
    flood = [a for a in fixture_articles if a.id.startswith("flood")]
    copy = flood[0].model_copy(update={"id": "copy", "source": "Wire Reprints"})
    info = describe_event("ev1", [*flood, copy])
    assert info.size == 4 and info.stories == 3


def test_distant_publication_dates_lower_similarity_but_follow_ups_months_later_do_not():
    text = "Storm floods the harbour district of Keldon and closes the ferry terminal."
    vector = unit(np.ones(384))
    config = ClusterConfig()
    rows = np.arange(2)

    def score(first: dt.date, second: dt.date) -> float:
        _, rep = synthetic([text, text], [vector, vector], [first, second])
        return float(similarity_block(rep, rows, rows, config)[0, 1])

    near = score(dt.date(2024, 1, 1), dt.date(2024, 1, 5))
    follow_up = score(dt.date(2024, 1, 1), dt.date(2024, 4, 1))  # the inquiry's report
    years_apart = score(dt.date(2016, 1, 1), dt.date(2024, 1, 5))  # another storm
    assert follow_up == pytest.approx(near, abs=0.05)
    assert years_apart < near * (config.min_time_factor + 0.05)


def test_the_publication_date_is_part_of_the_compared_text():
    from newsfuse.cluster.features import full_text

    article = Article(id="a", title="Keldon ferry resumes", body="The ferry sails again.",
                      published=dt.date(2024, 3, 5))
    assert "2024-03-05" in full_text(article)
    assert "2024" not in full_text(article.model_copy(update={"published": None}))


def test_years_mentioned_stand_in_for_missing_dates():
    assert latest_year("In 1998 the first bridge fell; the new one opened in 2012.") == 2012
    assert latest_year("Route 3000 and 45 people") == 0
    config = ClusterConfig()
    vector = unit(np.ones(384))
    same = ["The 2012 final went to extra time.", "Extra time decided the 2012 final."]
    apart = ["The 2012 final went to extra time.", "Extra time decided the 2009 final."]
    rows = np.arange(2)
    _, rep_same = synthetic(same, [vector, vector])
    _, rep_apart = synthetic(apart, [vector, vector])
    ratio = (similarity_block(rep_apart, rows, rows, config)[0, 1]
             / similarity_block(rep_same, rows, rows, config)[0, 1])
    assert ratio < config.year_decay ** 2 + 0.05


def test_different_languages_are_compared_by_embedding_only():
    rng = np.random.default_rng(0)
    shared = rng.standard_normal(384)
    texts = ["The council approved the new harbour budget on Monday in Keldon.",
             "Dewan bandaran meluluskan belanjawan pelabuhan baharu pada hari Isnin di Keldon."]
    vectors = [unit(shared + 0.1 * rng.standard_normal(384)),
               unit(shared + 0.1 * rng.standard_normal(384))]
    _, rep = synthetic(texts, vectors)
    assert list(rep.languages) == ["en", "ms"]
    rows = np.arange(2)
    score = similarity_block(rep, rows, rows, ClusterConfig())[0, 1]
    assert score == pytest.approx(float(rep.vectors[0] @ rep.vectors[1]), abs=1e-5)


def test_encoder_choice_follows_the_share_of_foreign_articles():
    config = ClusterConfig()
    assert choose_encoder(["en"] * 99 + ["zh"], config) == MINILM
    assert choose_encoder(["en"] * 8 + ["zh", "ms"], config) == MULTILINGUAL
    assert choose_encoder(["zh"], ClusterConfig(multilingual="never")) == MINILM
    assert choose_encoder(["en"], ClusterConfig(multilingual="always")) == MULTILINGUAL


def synthetic_events(events: int, size: int, seed: int = 0):
    """Random event centres with noisy members, and short invented texts per event."""
    rng = np.random.default_rng(seed)
    centres = rng.standard_normal((events, 384))
    vectors, texts, gold = [], [], []
    for event in range(events):
        for _ in range(size):
            vectors.append(unit(centres[event] + 0.35 * rng.standard_normal(384)))
            texts.append(f"Report number {event} about incident code{event}x in district d{event}")
            gold.append(event)
    return texts, vectors, gold


def test_blocking_finds_event_mates_without_scoring_all_pairs():
    # Each article meets a bounded number of others, so the share of pairs scored falls as
    # the collection grows: at 2,400 articles it is well under a fifth of all pairs.
    texts, vectors, gold = synthetic_events(events=600, size=4)
    _, rep = synthetic(texts, vectors)
    rows, cols = candidate_pairs(rep)
    n = len(texts)
    found = set(zip(rows.tolist(), cols.tolist(), strict=True))
    mates = {(a, b) for start in range(0, n, 4)
             for a in range(start, start + 4) for b in range(a + 1, start + 4)}
    assert all(gold[a] == gold[b] for a, b in mates)
    assert mates <= found
    assert len(found) < 0.2 * n * (n - 1) / 2
    assert np.all(rows < cols)


def test_forest_pairs_grow_linearly():
    rng = np.random.default_rng(1)
    small = forest_pairs(rng.standard_normal((500, 16)).astype(np.float32))
    large = forest_pairs(rng.standard_normal((2000, 16)).astype(np.float32))
    assert len(np.unique(large)) < 5 * len(np.unique(small))


def test_synthetic_events_are_recovered_by_batch_clustering():
    texts, vectors, gold = synthetic_events(events=40, size=3, seed=2)
    _, rep = synthetic(texts, vectors)
    labels = cluster_representation(rep, ClusterConfig())
    assert len(set(labels)) == 40
    for event in range(40):
        assert len({labels[i] for i, g in enumerate(gold) if g == event}) == 1


def test_empty_and_single_article_batches():
    assert len(cluster_representation(synthetic([], [])[1], ClusterConfig())) == 0
    _, rep = synthetic(["Lonely report on the Keldon ferry."], [unit(np.ones(384))])
    assert list(cluster_representation(rep, ClusterConfig())) == [0]


def test_a_page_address_lends_its_path_words_and_year_to_clustering():
    from newsfuse.cluster.features import article_signals, full_text, url_words

    assert url_words("https://news.example.test/2013/may/03/local/orrin-dam-breach?x=1") == \
        "2013 may 03 local orrin dam breach"
    article = Article(id="a", title="Dam breach floods valley", body="Water poured through.",
                      url="https://news.example.test/2013/may/03/orrin-dam-breach")
    assert "orrin dam breach" in full_text(article)
    assert article_signals([article], "minilm", [np.zeros(384, dtype=np.float32)])[0].year == 2013
