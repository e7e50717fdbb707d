"""The HTTP API: analysis without storing, uploads, renderings, the OpenAPI."""

import pytest

from newsfuse.model import EventReport
from tests.conftest import DEMO
from tests.service_client import AUTH, make_client, records


@pytest.fixture(scope="module")
def client():
    with make_client() as test_client:
        yield test_client


def test_upload_files_returns_the_report(client):
    files = [("files", (p.name, p.read_bytes())) for p in sorted(DEMO.iterdir())]
    files.append(("files", ("empty.txt", b"")))
    response = client.post("/api/analyze", files=files, params={"max_words": 60}, headers=AUTH)
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
                           params={"format": "html"}, headers=AUTH)
    assert response.status_code == 200
    assert "<script>alert(1)</script>" not in response.text
    assert "&lt;script&gt;" in response.text
    assert "'unsafe-inline'" in response.headers["content-security-policy"]


def test_markdown_rendering(client):
    response = client.post("/api/analyze", json={"articles": records()},
                           params={"format": "md"}, headers=AUTH)
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("text/markdown")
    assert "Kessmark" in response.text


def test_unreadable_only_is_a_422_naming_the_items(client):
    response = client.post("/api/analyze", json={"articles": [{"id": "x"}, 7]}, headers=AUTH)
    assert response.status_code == 422
    body = response.json()
    assert body["status"] == 422
    assert [e["item"] for e in body["errors"]] == ["articles[0]", "articles[1]"]


def test_demo_and_schema_endpoints(client):
    assert client.get("/api/schema").json()["title"] == "EventReport"
    report = EventReport.model_validate_json(client.get("/api/demo").text)
    assert len(report.articles) == 5


def test_analyze_page_without_javascript(client):
    """The form posts back and the report comes as a page of its own, links inside it work."""
    form = {"pasted": "\n---\n".join(f"{r['title']}\n\n{r['text']}" for r in records(3)),
            "source": "Kessmark Courier", "date": "2024-03-05", "max_words": "60"}
    response = client.post("/analyze", data=form, headers=AUTH)
    assert response.status_code == 200
    assert "<iframe" not in response.text and 'href="#src-1"' in response.text


def test_openapi_documents_both_body_modes_and_the_error_model(client):
    spec = client.get("/api/openapi.json").json()
    operation = spec["paths"]["/api/analyze"]["post"]
    assert set(operation["requestBody"]["content"]) == {"application/json",
                                                        "multipart/form-data"}
    assert set(operation["responses"]["200"]["content"]) >= {"application/json", "text/html"}
    assert operation["responses"]["422"]["content"]["application/json"]["schema"]["$ref"] \
        == "#/components/schemas/ErrorBody"
    schemas = spec["components"]["schemas"]
    assert {"ErrorBody", "ArticlesRequest", "EventReport"} <= set(schemas)
    assert "HTTPValidationError" not in schemas


def test_docs_page_is_local(client):
    page = client.get("/docs").text
    assert "POST /api/analyze" in page and "ErrorBody" in page
    assert "cdn" not in page.lower() and "<script" not in page
