"""Every limit and security rule of the server: a clear 4xx, and the server goes on serving."""

import asyncio
import gzip
import io
import json
import os
import threading

import pytest

from newsfuse.service.limits import LimitExceeded, gunzip_capped, json_depth
from newsfuse.service.pool import PoolFull, WorkerPool
from tests.service_client import AUTH, TOKEN, make_client, records, still_serving


@pytest.fixture(scope="module")
def client():
    with make_client(max_body_bytes=200_000, max_decompressed_bytes=300_000, max_articles=5,
                     max_article_chars=2_000, rate_burst=1000) as test_client:
        yield test_client


def refused(response, status: int, words: str) -> None:
    assert response.status_code == status, response.text
    body = response.json()
    assert body["status"] == status and words in body["message"]


def test_body_over_the_limit(client):
    big = json.dumps({"articles": [{"text": "x " * 150_000}]})
    refused(client.post("/api/analyze", content=big, headers={
        **AUTH, "content-type": "application/json"}), 413, "request body")
    # Without a Content-Length (chunked), the stream is counted and cut.
    chunks = (b"x" * 50_000 for _ in range(10))
    refused(client.post("/api/analyze", content=chunks, headers={
        **AUTH, "content-type": "application/json"}), 413, "request body")
    assert still_serving(client)


def test_too_many_articles(client):
    refused(client.post("/api/analyze", json={"articles": records(6)}, headers=AUTH),
            413, "6 articles")
    assert still_serving(client)


def test_json_nested_too_deep(client):
    deep = "[" * 2000 + "]" * 2000
    refused(client.post("/api/analyze", content=deep, headers={
        **AUTH, "content-type": "application/json"}), 400, "nested deeper")
    # As an uploaded file it is that file's error; the request is answered with the reason.
    response = client.post("/api/analyze", files=[("files", ("deep.json", deep.encode()))],
                           headers=AUTH)
    assert response.status_code == 422 and "nested deeper" in response.text
    assert still_serving(client)


def test_gzip_bomb_stops_at_the_cap(client):
    bomb = io.BytesIO()
    with gzip.GzipFile(fileobj=bomb, mode="wb") as target:
        for _ in range(50):  # 50 MB of zeros in ~50 KB
            target.write(b"\0" * 1_000_000)
    response = client.post("/api/analyze", files=[("files", ("a.txt.gz", bomb.getvalue()))],
                           headers=AUTH)
    refused(response, 413, "decompressed size")
    assert still_serving(client)


def test_gunzip_capped_reads_real_gzip_and_refuses_corrupt():
    text = b"Harbour cranes stood still on Monday. " * 100
    assert gunzip_capped(gzip.compress(text), 10_000) == text
    assert gunzip_capped(text, 10) == text  # not gzip: unchanged
    with pytest.raises(LimitExceeded):
        gunzip_capped(gzip.compress(text), 1000)
    with pytest.raises(LimitExceeded) as corrupt:
        gunzip_capped(gzip.compress(text)[:40], 10_000)
    assert corrupt.value.status == 400


def test_json_depth_ignores_brackets_in_strings():
    assert json_depth(b'{"a": "[[[[[[", "b": [[1]]}') == 3
    assert json_depth(b'"\\"[[["') == 0


def test_long_article_is_cut_with_a_warning(client):
    long_text = ("The Varnholt bridge reopened to buses on Friday morning after repairs. " * 60)
    articles = [{"id": "long", "title": "Bridge reopens", "text": long_text,
                 "published": "2024-03-09"}, *records(1)]
    response = client.post("/api/analyze", json={"articles": articles}, headers=AUTH)
    assert response.status_code == 200
    report = response.json()
    warning = [e for e in report["errors"] if e["item"] == "long"]
    assert warning and "cut to the first" in warning[0]["message"]
    long_info = next(a for a in report["articles"] if a["id"] == "long")
    assert long_info["words"] <= 2_000 // 5


def test_malformed_record_is_an_item_error(client):
    articles = [*records(2), {"id": "bad", "text": 12}, "not an object",
                {"id": "odd", "title": {"x": 1}, "text": "Short.", "published": 99}]
    response = client.post("/api/analyze", json={"articles": articles}, headers=AUTH)
    assert response.status_code == 200
    items = [e["item"] for e in response.json()["errors"]]
    assert "articles[2]" in items and "articles[3]" in items


@pytest.mark.parametrize("words", ["-5", "1", "0", "many", "100000"])
def test_bad_max_words_is_422(client, words):
    response = client.post("/api/analyze", json={"articles": records()},
                           params={"max_words": words}, headers=AUTH)
    refused(response, 422, "invalid request parameters")
    assert response.json()["errors"][0]["item"] == "query.max_words"


def test_json_only_as_application_json(client):
    body = json.dumps({"articles": records()})
    for kind in ("text/plain", "application/x-www-form-urlencoded", ""):
        response = client.post("/api/analyze", content=body,
                               headers={**AUTH, "content-type": kind})
        assert response.status_code in (415, 422), (kind, response.text)
    refused(client.post("/api/analyze", content=body, headers={
        **AUTH, "content-type": "text/plain"}), 415, "text/plain")


def test_writes_need_the_token(client):
    refused(client.post("/api/analyze", json={"articles": records()}), 401, "token")
    refused(client.post("/api/analyze", json={"articles": records()},
                        headers={"Authorization": "Bearer wrong"}), 401, "token")
    response = client.post("/api/analyze", json={"articles": records()},
                           headers={"X-Newsfuse-Token": TOKEN})
    assert response.status_code == 200
    assert still_serving(client)


def test_login_sets_a_strict_http_only_cookie(client):
    response = client.get("/login", params={"token": TOKEN, "next": "//evil.example/"},
                          follow_redirects=False)
    assert response.status_code == 303 and response.headers["location"] == "/"
    cookie = response.headers["set-cookie"].lower()
    assert "httponly" in cookie and "samesite=strict" in cookie
    assert client.get("/login", params={"token": "nope"}).status_code == 401


def test_foreign_host_and_cross_site_origin(client):
    refused(client.get("/analyze", headers={"host": "rebind.example:8000"}), 400, "Host")
    refused(client.post("/api/analyze", json={"articles": records()},
                        headers={**AUTH, "origin": "https://evil.example"}), 403, "cross-site")
    assert client.get("/analyze", headers={"host": "localhost:8000"}).status_code == 200


def test_security_headers_and_no_cors(client):
    response = client.get("/analyze", headers={"origin": "https://evil.example"})
    assert "frame-ancestors 'none'" in response.headers["content-security-policy"]
    assert response.headers["x-content-type-options"] == "nosniff"
    assert "access-control-allow-origin" not in response.headers
    preflight = client.options("/api/analyze", headers={
        "origin": "https://evil.example", "access-control-request-method": "POST"})
    assert preflight.status_code >= 400
    assert "access-control-allow-origin" not in preflight.headers


def test_urls_are_not_fetched_unless_enabled(client):
    response = client.post("/api/analyze", json={"urls": ["https://example.org/a"]},
                           headers=AUTH)
    assert response.status_code == 422 and "does not fetch URLs" in response.text


def test_private_addresses_and_file_urls_refused_even_when_enabled():
    urls = ["http://127.0.0.1:8000/", "http://169.254.169.254/latest/meta-data",
            "http://10.1.2.3/", "http://[::1]/", "file:///etc/passwd", "http://localhost/",
            "ftp://example.org/x"]
    with make_client(fetch_urls=True) as client:
        response = client.post("/api/analyze", json={"urls": urls}, headers=AUTH)
        assert response.status_code == 422
        errors = response.json()["errors"]
        assert len(errors) == len(urls)
        for error in errors[:4]:
            assert "non-public address" in error["message"], error
        assert "only http(s)" in errors[4]["message"]
        assert still_serving(client)


def test_rate_limit_on_writes():
    with make_client(rate_burst=2, rate_per_minute=1) as client:
        codes = [client.post("/api/analyze", json={"articles": []}, headers=AUTH).status_code
                 for _ in range(3)]
        assert codes[:2] == [422, 422] and codes[2] == 429
        limited = client.post("/api/analyze", json={"articles": []}, headers=AUTH)
        assert int(limited.headers["retry-after"]) >= 1
        assert still_serving(client)  # reads are not limited


def test_listening_beyond_localhost_needs_the_token_for_reads():
    with make_client(host="0.0.0.0") as client:
        refused(client.get("/analyze", headers={"accept": "application/json"}), 401, "token")
        assert client.get("/analyze", headers=AUTH).status_code == 200
        assert client.get("/login").status_code == 200


def test_full_pool_answers_503_with_retry_after(client):
    pool = client.app.state.pool
    pool.pending = pool.capacity
    try:
        response = client.post("/api/analyze", json={"articles": records()}, headers=AUTH)
    finally:
        pool.pending = 0
    refused(response, 503, "busy")
    assert int(response.headers["retry-after"]) >= 1
    assert still_serving(client)


def test_worker_pool_bounds_its_queue():
    release = threading.Event()

    async def scenario() -> list:
        pool = WorkerPool(workers=1, queue_per_worker=1, kind="thread")
        first = asyncio.ensure_future(pool.run(release.wait, 10))
        second = asyncio.ensure_future(pool.run(release.wait, 10))
        await asyncio.sleep(0.05)
        with pytest.raises(PoolFull):
            await pool.run(release.wait, 10)
        release.set()
        results = await asyncio.gather(first, second)
        pool.shutdown()
        return results

    assert asyncio.run(scenario()) == [True, True]


def test_process_pool_runs_jobs_in_another_process():
    async def scenario() -> int:
        pool = WorkerPool(workers=1, queue_per_worker=1, kind="process")
        try:
            return await pool.run(os.getpid)
        finally:
            pool.shutdown()

    assert asyncio.run(scenario()) != os.getpid()


def test_shutdown_ends_worker_processes_still_busy():
    # a stopped server must not leave its worker processes running (orphans found after load
    # runs); a running job gets a grace period, then its process is ended
    import time

    async def scenario() -> list:
        pool = WorkerPool(workers=1, queue_per_worker=1, kind="process")
        job = asyncio.ensure_future(pool.run(time.sleep, 60))
        for _ in range(100):  # until the worker has started and taken the job
            await asyncio.sleep(0.1)
            if pool._executor is not None and pool._executor._processes:
                break
        await asyncio.sleep(0.5)
        processes = list(pool._executor._processes.values())
        pool.shutdown(grace_seconds=0.5)
        job.cancel()
        return processes

    processes = asyncio.run(scenario())
    assert processes and all(_ended(process) for process in processes)


def _ended(process, wait_seconds: float = 5.0) -> bool:
    # asks the kernel, not only multiprocessing's bookkeeping: the executor's own thread may
    # reap the child first, and then `is_alive()` can read True for a process that is gone
    # (a CI run failed that way once in six)
    import os
    import time

    deadline = time.monotonic() + wait_seconds
    while True:
        process.join(0.1)
        if process.exitcode is not None:
            return True
        if not os.path.isdir("/proc"):  # no kernel view to ask: the bookkeeping decides
            if time.monotonic() > deadline:
                return not process.is_alive()
            continue
        try:
            with open(f"/proc/{process.pid}/stat") as stat:
                state = stat.read().rsplit(")", 1)[1].split()[0]
        except FileNotFoundError:
            return True  # reaped: no such process any more
        if state in ("Z", "X"):
            return True  # exited, waiting to be reaped
        if time.monotonic() > deadline:
            return False

