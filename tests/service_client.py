"""Shared set-up of the web-app tests: thread-pool app, a client speaking as localhost."""

from __future__ import annotations

from fastapi.testclient import TestClient

from newsfuse.service import ServiceSettings, create_app

TOKEN = "test-token-5f1c"
AUTH = {"Authorization": f"Bearer {TOKEN}"}
BASE_URL = "http://127.0.0.1:8000"


def make_client(**overrides) -> TestClient:
    settings = ServiceSettings(token=TOKEN, pool="thread", **overrides)
    return TestClient(create_app(settings), base_url=BASE_URL)


def still_serving(client: TestClient) -> bool:
    return client.get("/analyze").status_code == 200


def records(count: int = 2, words: int = 40) -> list[dict]:
    """Invented articles about a bridge closure in a made-up town."""
    body = ("The Varnholt river bridge in Kessmark was closed on Tuesday after engineers found "
            "cracks in two pillars, the county council said. ")
    filler = " ".join(["Traffic was diverted through the old harbour road."] * (words // 8))
    return [{"id": f"k{n}", "title": f"Kessmark bridge closed ({n})", "source": f"Outlet {n}",
             "published": "2024-03-05", "text": body + filler} for n in range(1, count + 1)]
