"""The web app over the store: events list, event page, article page, adding articles."""

import datetime as dt
import re

import pytest

from newsfuse.model import Article, RemovedBlock
from newsfuse.store import Store
from tests.service_client import AUTH, make_client, records
from tests.stores import STORE_KINDS, store_url


def _get_with_every_worker_busy(client, path: str):
    """GET `path` while the worker pool reports every worker busy."""
    pool = client.app.state.pool
    pool.pending = pool.capacity
    try:
        return client.get(path)
    finally:
        pool.pending = 0


@pytest.fixture(scope="module", params=STORE_KINDS)
def app_client(request, tmp_path_factory):
    with store_url(request.param, tmp_path_factory.mktemp("web")) as url, \
            make_client(db_url=url) as client:
        response = client.post("/add/demo", headers=AUTH, follow_redirects=False)
        assert response.status_code == 303, response.text
        client.demo_event = response.headers["location"]
        # the event's report is made in the background; the API waits for it
        assert client.get(f"/api{client.demo_event}/report").status_code == 200
        yield client


def test_adding_the_demo_lands_on_its_event(app_client):
    assert re.fullmatch(r"/events/ev\d+", app_client.demo_event)
    page = app_client.get(app_client.demo_event).text
    assert "<iframe" not in page and "srcdoc" not in page
    assert page.count("<details") >= 6 and "<svg class=\"timeline-chart\"" in page
    assert 'class="cite"' in page and "Chornohora" in page
    for fmt, kind in (("json", "application/json"), ("md", "text/markdown"),
                      ("html", "text/html")):
        link = f"/api{app_client.demo_event}/report?format={fmt}"
        assert f'href="{link}"' in page
        response = app_client.get(link)
        assert response.status_code == 200 and response.headers["content-type"].startswith(kind)


def test_citation_opens_the_cited_passage(app_client):
    page = app_client.get(app_client.demo_event).text
    href = re.search(r'class="cite" href="([^"]+)"', page).group(1).replace("&amp;", "&")
    article = app_client.get(href).text
    passage = re.search(r'<mark class="passage" id="passage">([^<]+)</mark>', article)
    assert passage, "the cited sentence is not marked"
    cited = re.search(r"cite=([^&#]+)", href).group(1)
    from urllib.parse import unquote_plus

    assert passage.group(1).split()[:4] == unquote_plus(cited).split()[:4]
    assert "Removed by cleaning" in article


def test_passage_api_for_the_preview(app_client):
    page = app_client.get(app_client.demo_event).text
    article_id = re.search(r'data-article="([^"]+)"', page).group(1)
    sentence = "Rescue teams evacuated more than 3,000 residents, the emergency service said."
    response = app_client.get(f"/api/articles/{article_id}/passage", params={"cite": sentence})
    assert response.status_code == 200 and set(response.json()) >= {"passage", "exact"}


def test_events_list_search_and_filters(app_client):
    listing = app_client.get("/").text
    assert "Chornohora" in listing and "conflict" in listing
    found = app_client.get("/", params={"q": "dam collapse"}).text
    assert "<mark>" in found and app_client.demo_event in found
    assert app_client.demo_event not in app_client.get("/", params={"q": "zeppelin"}).text
    later = app_client.get("/", params={"since": "2030-01-01"}).text
    assert app_client.demo_event not in later
    # Query-language characters are words to look for, never syntax errors.
    for odd in ('"', "dam AND (", "NEAR(x y", "*", "-"):
        assert app_client.get("/", params={"q": odd}).status_code == 200
    assert app_client.get("/", params={"since": "yesterday"}).status_code == 422


def test_api_lists_and_searches_events(app_client):
    body = app_client.get("/api/events", params={"q": "dam"}).json()
    assert body["total"] >= 1 and body["events"][0]["size"] == 5
    assert app_client.get("/api/events/ev999/report").status_code == 404
    assert app_client.get("/events/ev999").status_code == 404


def test_add_json_through_the_api_and_read_the_article(app_client):
    response = app_client.post("/api/articles", json={"articles": records(2)}, headers=AUTH)
    assert response.status_code == 200, response.text
    result = response.json()
    assert len(result["created"]) == 2 and set(result["events"]) == set(result["stored"])
    article = app_client.get(f"/api/articles/{result['stored'][0]}").json()
    assert "Varnholt" in article["body"] and article["event_id"] == result["events"]["k1"]
    again = app_client.post("/api/articles", json={"articles": records(2)}, headers=AUTH)
    assert again.json()["created"] == []


def test_add_needs_the_token(app_client):
    assert app_client.post("/add/demo", headers={"accept": "text/html"}).status_code == 401


@pytest.fixture(params=STORE_KINDS)
def db_url(request, tmp_path) -> str:
    with store_url(request.param, tmp_path) as url:
        yield url


def test_store_text_is_escaped_and_lists_page(db_url):
    url = db_url
    store = Store(url)
    for n in range(25):
        stored = store.add_article(Article(
            id=f"a{n}", title=f"<script>alert({n})</script> Mill fire {n}",
            body=f"Firefighters in Oderwick put out fire number {n}.", source="Oder Post",
            published=dt.date(2024, 1, 1) + dt.timedelta(days=n),
            removed=[RemovedBlock(text="Subscribe now", reason="boilerplate")]))
        store.add_to_event(stored.id, None, title=f"<b>Mill fire {n}</b>")
    with make_client(db_url=url) as client:
        first = client.get("/").text
        assert "<script>alert" not in first and "&lt;b&gt;Mill fire 24" in first
        assert 'rel="next"' in first and "Mill fire 4<" not in first
        second = client.get("/", params={"page": 2}).text
        assert "Mill fire 4&lt;" in second and 'rel="prev"' in second
        only = client.get("/", params={"outlet": "Oder Post", "until": "2024-01-03"}).text
        assert "3 events" in only
        article = client.get("/articles/a3").text
        assert "boilerplate" in article and "Subscribe now" in article
    store.close()


def test_busy_server_shows_the_articles_while_the_report_waits(db_url):
    url = db_url
    store = Store(url)
    stored = store.add_article(Article(id="b1", title="Tram strike in Ludvany", source="Post",
                                       body="Trams stopped in Ludvany on Monday."))
    event_id = store.add_to_event(stored.id, None, title="Tram strike")
    with make_client(db_url=url) as client:
        page = _get_with_every_worker_busy(client, f"/events/{event_id}")
        assert page.status_code == 200 and 'id="pending-note"' in page.text
        assert "Tram strike in Ludvany" in page.text and 'http-equiv="refresh"' in page.text
        assert client.get(f"/api/events/{event_id}/report").status_code == 200
        assert 'id="pending-note"' not in client.get(f"/events/{event_id}").text
    store.close()


def test_whats_new_since_the_last_visit_and_since_a_date(db_url):
    from tests.test_updates import report as landslide

    full = landslide()
    store = Store(db_url)
    for info in full.articles[:2]:
        store.add_article(Article(id=info.id, title=info.title, source=info.source,
                                  body=f"Landslide coverage by {info.source}.",
                                  published=dt.date(2024, 5, 5)))
    event_id = store.add_to_event("a1", None, title="Landslide in Tarvik")
    store.add_to_event("a2", event_id)
    earlier = full.model_copy(update={"articles": full.articles[:2], "conflicts": []})
    store.save_report(event_id, earlier)
    with make_client(db_url=db_url) as client:
        first = client.get(f"/events/{event_id}").text
        assert "Your next visit will show" in first  # no visit yet, no date chosen
        store.add_article(Article(id="a3", title=full.articles[2].title, source="Norvane Post",
                                  body="Rescuers reached the school.",
                                  published=dt.date(2024, 5, 7)))
        store.add_to_event("a3", event_id)
        store.save_report(event_id, full)
        second = client.get(f"/events/{event_id}").text
        new = second.split('id="whats-new"')[1].split("</details>")[0]
        assert "since your last visit" in new
        assert "Rescuers reached the school on Monday." in new and "road to Tarvik" not in new
        assert "people killed: 14 → <strong>17</strong>" in new and "conflict" in new
        assert "Norvane Post: Landslide report a3" in new
        third = client.get(f"/events/{event_id}").text  # the visit mark moved on
        assert "No new articles since then." in third
        dated = client.get(f"/events/{event_id}", params={"since": "2024-05-06"}).text
        assert "since 6 May 2024" in dated and "Rescuers reached the school" in dated
        assert client.get(f"/events/{event_id}", params={"since": "soon"}).status_code == 422
    store.close()


def test_an_event_merged_away_while_its_report_runs_is_a_404(db_url, monkeypatch):
    """A concurrent add may merge an event away between the page's lookup and its report
    job: the page and the API answer 404, not 500."""
    from newsfuse import workflow
    from newsfuse.service import jobs

    store = Store(db_url)
    stored = store.add_article(Article(id="m1", title="Ferry delays in Kettle Point",
                                       body="Ferries ran late at Kettle Point on Friday."))
    event_id = store.add_to_event(stored.id, None, title="Ferry delays")

    def merged_away(db, event, config):
        raise workflow.UnknownEvent(event)

    monkeypatch.setattr(jobs, "report_event", merged_away)
    with make_client(db_url=db_url) as client:
        assert client.get(f"/events/{event_id}").status_code == 404
        assert client.get(f"/api/events/{event_id}/report").status_code == 404
    store.close()


def test_an_add_returns_before_the_reports_and_the_page_lists_its_articles(db_url, monkeypatch):
    """Adding returns once the articles are stored and placed; the reports of the changed
    events follow in the background. Meanwhile the event page serves the saved report marked
    stale and lists the articles it misses; the API waits for the report that covers them."""
    import threading

    from newsfuse.service import jobs

    gate = threading.Event()
    made = jobs.report_event

    def gated(db, event_id, config):
        assert gate.wait(60), "the test never opened the gate"
        return made(db, event_id, config)

    monkeypatch.setattr(jobs, "report_event", gated)
    articles = records(4)
    with make_client(db_url=db_url, workers=2) as client:
        first = client.post("/api/articles", json={"articles": articles[:2]}, headers=AUTH)
        assert first.status_code == 200, first.text
        event_id = first.json()["events"]["k1"]
        assert Store(db_url).last_report(event_id) is None  # the add did not wait for it
        gate.set()
        assert "Kessmark bridge closed (1)" in client.get(f"/events/{event_id}").text
        gate.clear()
        second = client.post("/api/articles", json={"articles": articles[2:]}, headers=AUTH)
        assert second.status_code == 200 and second.json()["events"]["k3"] == event_id
        page = client.get(f"/events/{event_id}")
        assert page.status_code == 200 and 'id="stale-note"' in page.text
        assert "Not yet in this report (2)" in page.text
        assert "Kessmark bridge closed (3)" in page.text.split('id="stale-note"')[1]
        gate.set()
        report = client.get(f"/api/events/{event_id}/report").json()
        assert {a["id"] for a in report["articles"]} == {"k1", "k2", "k3", "k4"}
        assert 'id="stale-note"' not in client.get(f"/events/{event_id}").text


def test_a_page_without_report_does_not_queue_behind_busy_workers(db_url):
    """Every worker busy (but room in the queue): the page lists the articles at once and the
    report, queued in the background, is there once a worker is free."""
    import time

    store = Store(db_url)
    stored = store.add_article(Article(id="q1", title="Ferry delays at Orlen Quay",
                                       source="Quay Times", published=dt.date(2024, 6, 3),
                                       body="Ferries ran two hours late at Orlen Quay on Monday."))
    event_id = store.add_to_event(stored.id, None, title="Ferry delays")
    with make_client(db_url=db_url) as client:
        pool = client.app.state.pool
        pool.pending = pool.workers  # a client's job on every worker, none finished yet
        try:
            page = client.get(f"/events/{event_id}")
        finally:
            pool.pending = 0
        assert page.status_code == 200 and 'id="pending-note"' in page.text
        assert "Ferry delays at Orlen Quay" in page.text
        deadline = time.monotonic() + 60
        while store.last_report(event_id) is None and time.monotonic() < deadline:
            time.sleep(0.1)  # nobody asks again: the queued refresh starts on its own
        assert store.last_report(event_id) is not None
        assert 'id="pending-note"' not in client.get(f"/events/{event_id}").text
    store.close()


def test_an_event_merged_away_before_its_pending_page_is_a_404(db_url, monkeypatch):
    """Workers busy, no saved report: the page looks the event up again to list its
    articles; a concurrent add may have merged it away meanwhile (was a 500)."""
    store = Store(db_url)
    stored = store.add_article(Article(id="w1", title="Water main burst in Sorvik",
                                       body="A water main burst in Sorvik on Sunday."))
    event_id = store.add_to_event(stored.id, None, title="Water main")
    looked_up = Store.event

    def merged_after_first_look(self, wanted):
        row = looked_up(self, wanted)
        merged_after_first_look.calls += 1
        return row if merged_after_first_look.calls == 1 else None

    merged_after_first_look.calls = 0
    monkeypatch.setattr(Store, "event", merged_after_first_look)
    with make_client(db_url=db_url) as client:
        page = _get_with_every_worker_busy(client, f"/events/{event_id}")
        assert page.status_code == 404
    store.close()


def test_a_reader_does_not_wait_for_the_report_that_holds_the_worker(db_url, monkeypatch):
    """After an add the new event's report runs in the background on the only worker: its
    page lists the articles at once (and reloads) instead of waiting seconds for it."""
    import threading

    from newsfuse.service import jobs

    gate = threading.Event()
    made = jobs.report_event

    def gated(db, event_id, config):
        gate.wait(20)
        return made(db, event_id, config)

    monkeypatch.setattr(jobs, "report_event", gated)
    with make_client(db_url=db_url) as client:
        added = client.post("/api/articles", json={"articles": records(2)}, headers=AUTH)
        event_id = added.json()["events"]["k1"]
        page = client.get(f"/events/{event_id}")
        opened = gate.is_set()
        gate.set()
        assert not opened and 'id="pending-note"' in page.text
        assert "Kessmark bridge closed (2)" in page.text
        assert client.get(f"/api/events/{event_id}/report").status_code == 200
