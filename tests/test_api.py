"""End to end on the bundled demo event (invented) and on the shared real example."""

import datetime as dt
import re

import pytest

import newsfuse
from newsfuse.model import EventReport

BOILERPLATE = re.compile(r"cookie|Post a Comment|Leave a Reply|See also|Subscribe|newsletter|"
                         r"Photo by|/AFP|Getty|Live Briefing|click here|Tags|To Top|Accept !",
                         re.I)


@pytest.fixture(scope="module")
def demo_report() -> EventReport:
    from tests.conftest import DEMO

    return newsfuse.analyze([DEMO])


@pytest.fixture(scope="module")
def example_report() -> EventReport:
    from tests.conftest import EXAMPLE

    if not EXAMPLE.is_dir():
        pytest.skip(f"shared example not found at {EXAMPLE}")
    config = newsfuse.Config()
    config.ingest.default_date = dt.date(2022, 2, 28)
    return newsfuse.analyze([EXAMPLE], config)


def test_demo_summary_cites_sources_and_has_no_boilerplate(demo_report):
    assert demo_report.summary
    ids = {a.id for a in demo_report.articles}
    for sentence in demo_report.summary:
        assert sentence.sources and set(sentence.sources) <= ids
        assert not BOILERPLATE.search(sentence.text), sentence.text
    assert sum(len(s.text.split()) for s in demo_report.summary) <= 150


def _with_values(conflicts, *values):
    return [c for c in conflicts if set(values) <= {claim.value for claim in c.claims}]


def test_demo_death_toll_conflict_keeps_both_values(demo_report):
    deaths = _with_values(demo_report.conflicts, 14, 17)
    assert deaths and not deaths[0].compatible
    assert "kill" in deaths[0].measure


def test_demo_evacuation_figures_conflict_with_their_sources(demo_report):
    (evacuated,) = _with_values(demo_report.conflicts, 2500, 3000)
    assert not evacuated.compatible
    assert {s for c in evacuated.claims for s in c.sources} >= {
        "01_valley_herald", "02_morning_courier", "05_capital_daily"}


def test_demo_syndicated_copy_is_marked_and_counted_once(demo_report):
    copies = {a.id: a.duplicate_of for a in demo_report.articles if a.duplicate_of}
    assert copies in ({"river-news-1187": "03_wire_copy"}, {"03_wire_copy": "river-news-1187"})
    for fact in demo_report.corroborated:
        assert fact.count <= len(set(fact.sources)) - (
            {"river-news-1187", "03_wire_copy"} <= set(fact.sources))


def test_a_copy_lists_no_unique_fact_its_original_lists(demo_report):
    copies = {a.id: a.duplicate_of for a in demo_report.articles if a.duplicate_of}
    for copy, original in copies.items():
        listed = {f.text for f in demo_report.unique if f.source == original}
        assert not [f.text for f in demo_report.unique if f.source == copy and f.text in listed]


def test_demo_quotes_entities_and_timeline(demo_report):
    speakers = {q.speaker for q in demo_report.quotes}
    assert {"Olena Marchuk", "Andriy Lysenko", "Mykola Bondar"} <= speakers
    dovzhenko = [e for e in demo_report.entities if e.name.endswith("Dovzhenko")]
    assert len(dovzhenko) == 1 and len(dovzhenko[0].variants) >= 3
    dated = {(t.expression.lower(), t.date) for t in demo_report.timeline}
    assert ("sunday", dt.date(2025, 3, 2)) in dated
    assert ("saturday night", dt.date(2025, 3, 1)) in dated


def test_summarize_respects_the_budget():
    from tests.conftest import DEMO

    text = newsfuse.summarize([DEMO], max_words=60)
    assert text and len(text.split()) <= 60


def test_unreadable_inputs_are_reported_and_the_rest_analysed(tmp_path):
    from tests.conftest import DEMO

    (tmp_path / "empty.txt").write_text("")
    (tmp_path / "broken.html").write_text("<html><body><div><p></div></html>")
    report = newsfuse.analyze([DEMO, tmp_path / "empty.txt", tmp_path / "broken.html"])
    assert len(report.articles) == 5
    assert {e.item.rsplit("/", 1)[-1] for e in report.errors} == {"empty.txt", "broken.html"}


def test_example_summary_is_clean_and_cited(example_report):
    assert example_report.summary
    for sentence in example_report.summary:
        assert sentence.sources
        assert not BOILERPLATE.search(sentence.text), sentence.text


def test_example_conflicts(example_report):
    troops = _with_values(example_report.conflicts, 1000, 4500)
    assert troops and not troops[0].compatible
    # A part of a stated total ("including 94 deaths", "including 16 children") is never set
    # against a total.
    for conflict in example_report.conflicts:
        assert conflict.quantity is None or conflict.quantity.aspect == "total"


def test_example_corroboration_counts(example_report):
    assert len(example_report.corroborated) >= 3
    assert all(f.count >= 2 and len(f.sources) >= f.count for f in example_report.corroborated)


def test_example_quote_speakers(example_report):
    speakers = " | ".join(q.speaker or "" for q in example_report.quotes)
    for name in ["Guterres", "Kyslytsya", "Nebenziya", "Zelensky", "Slutsky",
                 "general staff", "Thomas-Greenfield"]:
        assert name in speakers, name


def test_example_spelling_variants_merge(example_report):
    def entity(surname: str):
        found = [e for e in example_report.entities if surname in e.name]
        assert len(found) == 1, (surname, [e.name for e in found])
        return found[0]

    assert {"Sergiy Kyslytsya", "Serhiy Kyslytsya"} <= set(entity("Kyslytsya").variants)
    assert len(entity("Guterres").variants) >= 2
    assert len(entity("Zelensk").variants) >= 2
    kyiv = [e for e in example_report.entities if e.name in {"Kyiv", "Kiev", "KIEV"}]
    assert len(kyiv) == 1


def test_example_relative_dates_resolve(example_report):
    dated = {(t.expression.lower(), t.date) for t in example_report.timeline}
    assert ("sunday", dt.date(2022, 2, 27)) in dated
    assert ("saturday night", dt.date(2022, 2, 26)) in dated
    assert ("march 1", dt.date(2022, 3, 1)) in dated


def test_a_grown_event_annotates_only_its_new_article(monkeypatch):
    """Re-reporting an event after an article joined it parses only that article; the
    report is the same as from a cold start."""
    import newsfuse.api as api
    import newsfuse.nlp.pipeline as pipeline
    from newsfuse.model import Article

    bodies = {
        "k1": "The Kelso bridge was closed on Monday after engineers found cracks in a pier.",
        "k2": "Engineers shut the Kelso bridge on Monday when cracks appeared in one pier.",
        "k3": "Buses will use the ring road while the Kelso bridge stays closed, the council said.",
    }
    articles = [Article(id=k, body=b, published=dt.date(2026, 3, 3)) for k, b in bodies.items()]
    parsed: list[str] = []
    real = pipeline.annotate

    def counting(documents, config=None):
        parsed.extend(article.id for article, _ in documents)
        return real(documents, config)

    monkeypatch.setattr(pipeline, "annotate", counting)
    api.analyze(articles[:2])
    parsed.clear()
    grown = api.analyze(articles)
    assert parsed == ["k3"]
    api._ANNOTATED.clear()
    cold = api.analyze(articles)
    assert grown.model_dump() == cold.model_dump()


def test_annotating_more_articles_than_the_cache_holds(monkeypatch):
    """A batch larger than the annotation cache is annotated whole, in order."""
    import newsfuse.api as api
    from newsfuse.model import Article

    monkeypatch.setattr(api, "ANNOTATION_CACHE_SIZE", 2)
    articles = [Article(id=f"c{k}", body=f"The council met {k} times in March, the clerk said.")
                for k in range(5)]
    documents = api.annotate(articles)
    assert [d.article.id for d in documents] == [a.id for a in articles]
    assert len(api._ANNOTATED) == 2
    assert [d.article.id for d in api.annotate(articles[:3])] == ["c0", "c1", "c2"]


def test_a_one_off_analysis_keeps_out_of_the_annotation_cache():
    """The web app's /api/analyze stores nothing: its articles would only push the stored
    events' articles (reported again as events grow) out of the worker's cache."""
    import newsfuse.api as api
    from newsfuse.config import Config
    from newsfuse.model import Article
    from newsfuse.service import jobs

    api._ANNOTATED.clear()
    articles = [Article(id=f"o{k}", title="Harbour crane in Pellor",
                        body=f"A crane at the Pellor harbour tipped over {k} times, the port "
                             f"authority said.") for k in range(2)]
    outcome = jobs.analyze_articles(articles, Config(), 100_000)
    assert outcome.report is not None and len(api._ANNOTATED) == 0
    api.analyze(articles)  # the default (a stored event's report) remembers them
    assert len(api._ANNOTATED) == 2


def test_the_readmes_example_is_what_make_run_writes(demo_report):
    # the README shows an excerpt of out/demo.md: every line of it must be in the report
    from newsfuse.render import render
    from tests.conftest import REPO

    readme = (REPO / "README.md").read_text(encoding="utf-8")
    block = readme[readme.index("## Example output"):]
    body = block[block.index("````markdown") + len("````markdown"):block.index("\n````\n")]
    written = render(demo_report, "md")
    shown = [line for line in body.splitlines() if line.strip() and not line.startswith("## ")]
    assert shown and [line for line in shown if line not in written] == []
