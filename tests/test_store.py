import datetime as dt
import json
import os
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import numpy as np
import pytest

from newsfuse.model import Article, Conflict, EventReport, RemovedBlock
from newsfuse.store import Store, content_hash
from tests.stores import STORE_KINDS, store_url


@pytest.fixture(params=STORE_KINDS)
def store(request, tmp_path: Path) -> Store:
    with store_url(request.param, tmp_path) as url:
        store = Store(url)
        yield store
        store.close()


def article(article_id: str, body: str, published: dt.date | None = None, **fields) -> Article:
    return Article(id=article_id, body=body, published=published, **fields)


def empty_report(title: str, conflicts: list[Conflict] | None = None) -> EventReport:
    return EventReport(title=title, articles=[], summary=[], corroborated=[],
                       conflicts=conflicts or [], unique=[], quotes=[], entities=[], timeline=[])


def test_same_content_is_stored_once(store):
    first = store.add_article(article("a", "The Keldon ferry resumed service on Monday.",
                                      path="one/a.txt"))
    again = store.add_article(article("copy", "The Keldon ferry  resumed service on Monday.\n",
                                      path="two/copy.txt"))
    assert first.created and not again.created
    assert again.id == first.id == "a"
    assert store.count_articles() == 1


def test_different_article_with_a_taken_id_gets_a_suffix(store):
    store.add_article(article("report", "Harbour fees rise by two percent in Keldon."))
    other = store.add_article(article("report", "A new bakery opened on Mill Street."))
    assert other.created and other.id == "report~2"


def test_fields_analysis_and_embeddings_round_trip(store):
    original = article("a", "Body text of a stored article.", dt.date(2024, 3, 5),
                       title="Title", source="Keldon Post", url="https://example.org/a",
                       removed=[RemovedBlock(text="Share this", reason="share button")])
    vector = np.linspace(-1, 1, 384).astype(np.float32)
    store.add_article(original, {"language": "en", "words": 6}, {"minilm": vector})
    loaded = store.articles(["a"])[0]
    assert loaded.model_dump() == original.model_dump()
    assert store.article_rows(["a"])[0].analysis == {"language": "en", "words": 6}
    np.testing.assert_array_equal(store.embeddings("minilm", ["a"])[0], vector)
    assert store.embeddings("e5", ["a"]) == [None]
    store.save_embeddings("e5", {"a": vector * 2})
    np.testing.assert_array_equal(store.embeddings("e5", ["a"])[0], vector * 2)


def test_articles_come_in_publication_order(store):
    store.add_article(article("late", "Second report.", dt.date(2024, 3, 9)))
    store.add_article(article("undated", "Report without a date."))
    store.add_article(article("early", "First report.", dt.date(2024, 3, 1)))
    assert [a.id for a in store.articles()] == ["early", "late", "undated"]


def test_event_ids_survive_reclustering(store):
    for name in "abcde":
        store.add_article(article(name, f"Report {name} on a Keldon matter."))
    first = store.assign_events([["a", "b", "c"], ["d"], ["e"]], ["Ferry", "Bakery", "Fees"])
    assert first == ["ev1", "ev2", "ev3"]
    # c moves to d's event, e's event disappears into a new grouping with b.
    second = store.assign_events([["a", "b"], ["c", "d"], ["e"]], ["Ferry", "Bakery", "Fees"])
    assert second[0] == "ev1" and second[1] == "ev2" and second[2] == "ev3"
    assert store.event_members() == {"ev1": ["a", "b"], "ev2": ["c", "d"], "ev3": ["e"]}
    third = store.assign_events([["a", "b", "c", "d", "e"]], ["All"])
    assert third == ["ev1"]
    assert [e.id for e in store.events()] == ["ev1"]
    assert store.add_to_event("e", None, "Split off") == "ev2"


def test_reports_are_kept_for_update_summaries(store):
    store.add_article(article("a", "Report a."))
    (event_id,) = store.assign_events([["a"]], ["Ferry"])
    assert store.last_report(event_id) is None
    store.save_report(event_id, empty_report("Ferry"))
    assert store.last_report(event_id).title == "Ferry"
    assert store.event(event_id).conflicts == 0


def test_content_hash_ignores_whitespace_and_case():
    one = article("x", "Ferry  service\nresumed.", title="Keldon")
    two = article("y", "ferry service resumed.", title="KELDON")
    assert content_hash(one) == content_hash(two)
    assert content_hash(one) != content_hash(article("z", "Ferry service halted."))


KILLED_INGEST = textwrap.dedent("""
    import sys
    import typer
    from newsfuse.cli_events import register
    app = typer.Typer()
    register(app)
    app.command("noop")(lambda: None)
    app(sys.argv[1:])
""")


def test_sigkill_during_ingest_loses_no_reported_article(tmp_path):
    """Kill a real ingest process mid-way: every article it reported as stored is there."""
    records = tmp_path / "many.jsonl"
    with records.open("w", encoding="utf-8") as out:
        for number in range(400):
            text = (f"Keldon council meeting number {number} discussed harbour repairs, "
                    f"ferry timetables and a budget of {number * 1000 + 17} crowns. "
                    f"Councillor {number} asked for a vote on the proposal next week.")
            out.write(json.dumps({"id": f"item-{number}", "title": f"Meeting {number}",
                                  "text": text}) + "\n")
    url = f"sqlite:///{tmp_path / 'killed.db'}"
    process = subprocess.Popen(
        [sys.executable, "-c", KILLED_INGEST, "ingest", str(records), "--db", url],
        stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True,
        env={**os.environ, "PYTHONUNBUFFERED": "1"})
    reported = []
    deadline = time.monotonic() + 240
    while len(reported) < 40 and time.monotonic() < deadline:
        line = process.stdout.readline()
        if not line:
            break
        if line.startswith("stored "):
            reported.append(line.split()[1])
    process.send_signal(signal.SIGKILL)
    process.wait(timeout=30)
    assert process.returncode == -signal.SIGKILL
    assert len(reported) >= 40, "the ingest process did not report enough articles in time"
    store = Store(url)
    stored = set(store.article_ids())
    store.close()
    assert set(reported) <= stored
    assert len(stored) < 400  # it really was killed mid-way


def test_search_and_event_summaries(store):
    one = store.add_article(article("g1", "Hail flattened vineyards near Castelbrio on Friday.",
                                    dt.date(2024, 6, 7), title="Hail hits Castelbrio",
                                    source="Valle Post"))
    two = store.add_article(article("g2", "Growers in Castelbrio counted their losses.",
                                    dt.date(2024, 6, 9), url="https://www.agri-news.example/x"))
    other = store.add_article(article("g3", "A regatta opened the summer season in Porto Lume.",
                                      dt.date(2024, 6, 8)))
    event = store.add_to_event(one.id, None, title="Hail in Castelbrio")
    store.add_to_event(two.id, event)
    store.add_to_event(other.id, None, title="Regatta")
    hits = store.search("castelbrio vineyard")  # the last word matches as a prefix
    assert [h.article_id for h in hits] == ["g1"] and hits[0].event_id == event
    assert {h.article_id for h in store.search("Castelbrio")} == {"g1", "g2"}
    assert store.search('"(AND') == []
    # tsquery/FTS5 operators in the user's text are not syntax: only the words count.
    assert [h.article_id for h in store.search("castelbrio' & !:* | (vine")] == ["g1"]
    (hail,) = [s for s in store.event_summaries() if s.id == event]
    assert hail.size == 2 and hail.outlets == ["Valle Post", "agri-news.example"]
    assert (hail.first_date, hail.last_date) == (dt.date(2024, 6, 7), dt.date(2024, 6, 9))


def test_an_event_whose_articles_stay_keeps_its_title_and_rows(store):
    """Re-storing a clustering in which the events are unchanged leaves them as they were."""
    for article_id in ("a", "b", "c"):
        store.add_article(article(article_id, f"Body of {article_id}. More text here."))
    first = store.assign_events([["a", "b"], ["c"]], ["Ferry aground", "Budget vote"])
    again = store.assign_events([["a", "b"], ["c"]], ["Ferry aground", "Budget vote"])
    assert first == again
    assert store.event_titles() == dict(zip(first, ["Ferry aground", "Budget vote"],
                                            strict=True))
    assert {k: sorted(v) for k, v in store.event_members().items()} == {
        first[0]: ["a", "b"], first[1]: ["c"]}


def test_a_report_for_an_event_merged_away_meanwhile_is_an_unknown_event(store):
    # another writer (a second server worker) merged the event while its report was made
    from newsfuse.store import UnknownEvent

    with pytest.raises(UnknownEvent):
        store.save_report("ev-gone", empty_report("Gone"))


def test_a_report_made_while_articles_joined_stays_stale(store):
    """A report made from the articles read before an add is saved, but the event stays stale
    (reported again), instead of counting as current and hiding the new article for good."""
    for article_id in ("a", "b"):
        store.add_article(article(article_id, f"The Keldon ferry ran aground ({article_id})."))
    event_id = store.add_to_event("a", None, "Ferry")
    as_of = store.event(event_id).updated_at  # read before the report's articles
    store.add_to_event("b", event_id)  # an add committed while the report was being made
    store.save_report(event_id, empty_report("Ferry"), as_of)
    (summary,) = store.event_summaries()
    assert not summary.report_fresh and store.last_report(event_id).title == "Ferry"
    store.save_report(event_id, empty_report("Ferry"), store.event(event_id).updated_at)
    assert store.event_summaries()[0].report_fresh


def test_events_changed_since_a_mark_are_the_created_and_re_formed_ones(store):
    for article_id in ("a", "b", "c"):
        store.add_article(article(article_id, f"Body of {article_id}. More text here."))
    kept, moved = store.assign_events([["a"], ["b"]], ["Ferry", "Budget"])
    mark = store.now()
    assert store.events_changed_since(mark) == []
    store.add_to_event("c", moved)
    created = store.add_to_event("a", None, "Ferry again")
    assert store.events_changed_since(mark) == sorted([moved, created])


def test_event_report_of_an_event_that_grows_meanwhile_is_reported_again(store, monkeypatch):
    """workflow.event_report saves as of the event row it read before the articles."""
    from newsfuse import api
    from newsfuse.workflow import event_report

    store.add_article(article("a", "The Keldon ferry ran aground on Monday."))
    store.add_article(article("b", "The Keldon ferry was towed back to port."))
    event_id = store.add_to_event("a", None, "Ferry")

    def analyze_while_b_joins(articles, config, progress=None):
        store.add_to_event("b", event_id)
        return empty_report("Ferry")

    monkeypatch.setattr(api, "analyze", analyze_while_b_joins)
    from newsfuse.config import Config

    event_report(store, event_id, Config())
    assert not store.event_summaries()[0].report_fresh
