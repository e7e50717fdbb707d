"""Property-based run of schemathesis over the API's OpenAPI: no request the schema allows (or
breaks) gets a 500, and answers match what the schema documents.

Bounded so that it stays a quick test: few examples per operation and mode, a fixed seed
(derandomize), in-process ASGI calls, analyses on a thread pool. The operations are walked by
hand (schemathesis' pytest plugin does not run under pytest 9).
"""

from __future__ import annotations

import pytest

schemathesis = pytest.importorskip("schemathesis",
                                   reason="schemathesis is not installed (dev extra)")
from fastapi.testclient import TestClient  # noqa: E402
from hypothesis import HealthCheck, given, settings  # noqa: E402
from hypothesis.errors import Unsatisfiable  # noqa: E402
from schemathesis import GenerationMode, checks  # noqa: E402

from newsfuse.service import ServiceSettings, create_app  # noqa: E402
from tests.service_client import AUTH, TOKEN, make_client  # noqa: E402

# Examples per operation and mode: enough to reach the odd corners of each parameter (empty
# lists, wrong types, out-of-range numbers) while the whole run stays well under a minute.
EXAMPLES = 6
CHECKS = [
    checks.not_a_server_error,
    checks.status_code_conformance,
    checks.content_type_conformance,
    checks.response_schema_conformance,
    checks.negative_data_rejection,
]
# A malformed article record is an item error by design (the other records are still
# analysed), so bodies that break the schema may be answered 200 with `errors`; parameters
# that break it must be rejected.
BODY_CHECKS = [c for c in CHECKS if c is not checks.negative_data_rejection]


@pytest.fixture(scope="module")
def api_schema(tmp_path_factory):
    db = tmp_path_factory.mktemp("schema") / "store.db"
    # A generous write rate: the run posts far faster than a person would. Few, short articles
    # per request keep each analysis quick (more are refused with the documented 413).
    app = create_app(ServiceSettings(token=TOKEN, pool="thread", db_url=f"sqlite:///{db}",
                                     max_articles=4, max_article_chars=2_000,
                                     rate_burst=10_000, rate_per_minute=10_000,
                                     allowed_hosts=("testserver",)))  # the ASGI client's Host
    with TestClient(app):  # runs the app's lifespan around the whole run
        yield schemathesis.openapi.from_asgi("/api/openapi.json", app)


def operations(schema) -> list:
    return [result.ok() for result in schema.get_all_operations()]


@pytest.mark.parametrize("mode", list(GenerationMode), ids=lambda m: m.value)
def test_api_matches_its_openapi(api_schema, mode):
    for operation in operations(api_schema):
        chosen = BODY_CHECKS if operation.body and mode is GenerationMode.NEGATIVE else CHECKS

        @given(case=operation.as_strategy(generation_mode=mode))
        @settings(max_examples=EXAMPLES, derandomize=True, deadline=None, database=None,
                  suppress_health_check=list(HealthCheck))
        def call(case):
            case.call_and_validate(headers=AUTH, checks=chosen, timeout=120)  # noqa: B023

        try:
            call()  # runs now, within this iteration: `chosen` is this operation's
        except Unsatisfiable:
            assert mode is GenerationMode.NEGATIVE  # a lone string path parameter has no
            continue  # invalid value: such operations have nothing to test in this mode
        except Exception as exc:
            exc.add_note(f"operation: {operation.label} ({mode.value})")
            raise


def test_dates_are_iso_days_only():
    with make_client() as client:
        for text in ("0", "1700000000", "2024-01-01T00:00", "20240101", "2024-02-30"):
            response = client.get("/api/events", params={"until": text})
            assert response.status_code == 422, text
            assert response.json()["errors"][0]["item"] == "query.until"
        assert client.get("/api/events", params={"since": "2024-02-29"}).status_code == 200
        refused = client.post("/api/analyze", params={"date": "0"}, headers=AUTH,
                              json={"articles": [{"text": "Ferry service resumed."}]})
        assert refused.status_code == 422


def test_an_empty_request_is_invalid_by_the_schema_too():
    jsonschema_rs = pytest.importorskip("jsonschema_rs")  # comes with schemathesis
    with make_client() as client:
        spec = client.get("/api/openapi.json").json()
        for path in ("/api/analyze", "/api/articles"):
            content = spec["paths"][path]["post"]["requestBody"]["content"]
            body = {**content["application/json"]["schema"], "components": spec["components"]}
            form = content["multipart/form-data"]["schema"]
            body_ok = jsonschema_rs.Draft202012Validator(body).is_valid
            assert not body_ok({"articles": [], "urls": []})
            assert body_ok({"articles": [{"text": "x"}]})
            assert not jsonschema_rs.Draft202012Validator(form).is_valid({"pasted": "  \n"})
            response = client.post(path, json={"articles": [], "urls": []}, headers=AUTH)
            assert response.status_code == 422 and "nothing was sent" in response.json()["message"]
