import pytest
from fastapi.testclient import TestClient

from newsfuse.model import EventReport
from newsfuse.service import create_app
from tests.conftest import DEMO


@pytest.fixture(scope="module")
def client() -> TestClient:
    return TestClient(create_app())


def test_web_page_is_served(client):
    response = client.get("/")
    assert response.status_code == 200
    assert "<form" in response.text and "/api/analyze" in response.text


def test_upload_files_returns_the_report(client):
    files = [("files", (p.name, p.read_bytes())) for p in sorted(DEMO.iterdir())]
    files.append(("files", ("empty.txt", b"")))
    response = client.post("/api/analyze", files=files, params={"max_words": 60})
    assert response.status_code == 200
    report = EventReport.model_validate_json(response.text)
    assert len(report.articles) == 5
    assert [e.item for e in report.errors] == ["empty.txt"]
    assert sum(len(s.text.split()) for s in report.summary) <= 60


def test_json_records_and_escaped_html(client):
    body = "A <script>alert(1)</script> ferry ran aground near Port Ellis on Friday. " * 3
    articles = [{"id": "p1", "title": "Ferry <b>aground</b>", "text": body,
                 "published": "2024-05-03"},
                {"id": "p2", "title": "Port Ellis ferry", "text": body.replace("Friday", "Fri")}]
    response = client.post("/api/analyze", json={"articles": articles},
                           params={"format": "html"})
    assert response.status_code == 200
    assert "<script>alert(1)</script>" not in response.text
    assert "&lt;script&gt;" in response.text


def test_bad_requests_are_explained(client):
    assert client.post("/api/analyze", content=b"nope").status_code == 400
    response = client.post("/api/analyze", json={"articles": [{"id": "x"}]})
    assert response.status_code == 422
    assert "articles[0]" in response.text


def test_schema_endpoint(client):
    assert client.get("/api/schema").json()["title"] == "EventReport"
