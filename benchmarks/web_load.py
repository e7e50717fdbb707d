"""Load run of the web app (python -m benchmarks.web_load [--seconds 120] [--clients 16]).

Starts `newsfuse serve` (worker processes, a temporary SQLite store) on 127.0.0.1, warms it up,
measures what one client gets alone (analyses only, and the writers' own mix of analyses and
adds), then runs the clients for the given time: 3/4 of them read pages and search, 1/4 analyse
or add 5-article invented events. Prints 5xx count, read p95, worker jobs per second under load
against the same mix for one client alone, whether the store holds every accepted article, and
server RSS growth.
"""

from __future__ import annotations

import argparse
import os
import random
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

import httpx

from tests.live_server import free_port

TOKEN = "load-token"
TOWNS = ["Arkenholm", "Belvara", "Corvish", "Dunmere", "Eskavel", "Fennick", "Galdor",
         "Hollin", "Istravo", "Jorvath"]
WHAT = ["a warehouse fire", "a bridge closure", "a ferry grounding", "a power cut",
        "a chemical spill", "a rail derailment"]


def invented_event(seed: int) -> list[dict]:
    """Five articles about one invented incident; numbers differ slightly between outlets."""
    rng = random.Random(seed)
    town, what = rng.choice(TOWNS), rng.choice(WHAT)
    hurt = rng.randint(3, 40)
    articles = []
    for n in range(5):
        count = hurt + rng.choice([0, 0, 1, 2])
        text = (f"{what.capitalize()} in {town} injured {count} people on Monday, officials "
                f"said. Emergency crews worked through the night near the harbour district. "
                f"\"We have never seen anything like it,\" said resident Mara Tellen {seed}-{n}. "
                f"The mayor of {town} promised an inquiry into {what} by Friday. "
                f"Roads around the site stayed closed and {count * 10} residents were moved.")
        articles.append({"id": f"load-{seed}-{n}", "title": f"{what.capitalize()} in {town}",
                         "source": f"Outlet {n}", "published": "2024-09-02", "text": text})
    return articles


def rss_kb(pid: int) -> int:
    """Resident memory of the server and its worker processes."""
    total = 0
    pids = [pid] + [int(p) for p in subprocess.run(["pgrep", "-P", str(pid)], text=True,
                                                    capture_output=True).stdout.split()]
    for one in pids:
        try:
            for line in Path(f"/proc/{one}/status").read_text().splitlines():
                if line.startswith("VmRSS:"):
                    total += int(line.split()[1])
        except FileNotFoundError:
            pass
    return total


class Stats:
    def __init__(self) -> None:
        self.lock = threading.Lock()
        self.latency: dict[str, list[float]] = {}
        self.codes: dict[int, int] = {}
        self.by_kind: dict[tuple[str, int], int] = {}
        self.accepted = 0
        self.analyses = 0
        self.adds = 0

    def record(self, kind: str, seconds: float, code: int) -> None:
        with self.lock:
            self.latency.setdefault(kind, []).append(seconds)
            self.codes[code] = self.codes.get(code, 0) + 1
            self.by_kind[kind, code] = self.by_kind.get((kind, code), 0) + 1


def p95(values: list[float]) -> float:
    return statistics.quantiles(values, n=20)[-1] if len(values) >= 20 else max(values)


def reader(base: str, stop: float, stats: Stats, seed: int) -> None:
    rng = random.Random(seed)
    with httpx.Client(base_url=base, timeout=60) as client:
        while time.monotonic() < stop:
            events = client.get("/api/events").json()["events"] or [{"id": "ev1"}]
            kind = rng.choice(["list", "event", "search", "search"])
            url = {"list": "/", "event": f"/events/{rng.choice(events)['id']}",
                   "search": f"/?q={rng.choice(TOWNS).lower()}"}[kind]
            started = time.monotonic()
            response = client.get(url)
            stats.record(kind, time.monotonic() - started, response.status_code)


def writer(base: str, stop: float, stats: Stats, seed: int, adds: bool = True) -> None:
    headers = {"Authorization": f"Bearer {TOKEN}"}
    number = seed * 100_000
    with httpx.Client(base_url=base, timeout=120, headers=headers) as client:
        while time.monotonic() < stop:
            number += 1
            articles = invented_event(number)
            add = adds and number % 2 == 0
            started = time.monotonic()
            response = client.post("/api/articles" if add else "/api/analyze",
                                   json={"articles": articles})
            stats.record("add" if add else "analyze", time.monotonic() - started,
                         response.status_code)
            if response.status_code == 200:
                with stats.lock:
                    stats.analyses += not add
                    stats.adds += add
                    stats.accepted += len(response.json()["created"]) if add else 0
            elif response.status_code == 503:
                time.sleep(float(response.headers.get("retry-after", "1")))


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--seconds", type=float, default=120)
    parser.add_argument("--clients", type=int, default=16)
    parser.add_argument("--workers", type=int, default=1)
    parser.add_argument("--server-log", type=Path, help="write the server's stderr here")
    parser.add_argument("--analyses-only", action="store_true",
                        help="writers only analyse (no adds): the store stays as warmed up")
    args = parser.parse_args()
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    with tempfile.TemporaryDirectory() as tmp:
        db = f"sqlite:///{tmp}/load.db"
        env = {**os.environ, "NEWSFUSE_TOKEN": TOKEN}
        log = args.server_log.open("w") if args.server_log else subprocess.DEVNULL
        server = subprocess.Popen(
            [sys.executable, "-m", "newsfuse", "serve", "--db", db, "--port", str(port),
             "--workers", str(args.workers), "--rate", "100000"],
            env=env, stdout=subprocess.DEVNULL, stderr=log)
        try:
            return _run(base, db, server.pid, args)
        finally:
            server.terminate()
            server.wait(timeout=30)


def _run(base: str, db: str, pid: int, args) -> int:
    headers = {"Authorization": f"Bearer {TOKEN}"}
    with httpx.Client(base_url=base, timeout=120, headers=headers) as client:
        for _ in range(300):
            try:
                client.get("/api/events")
                break
            except httpx.TransportError:
                time.sleep(0.2)
        warm = client.post("/api/articles", json={"articles": invented_event(1)})
        assert warm.status_code == 200, warm.text
        accepted = len(warm.json()["created"])
        for seed in range(2, 4):  # warm-up: models loaded, first pages rendered
            client.post("/api/analyze", json={"articles": invented_event(seed)})
            client.get("/")
        started = time.monotonic()
        single = 4
        for seed in range(10, 10 + single):
            assert client.post("/api/analyze", json={
                "articles": invented_event(seed)}).status_code == 200
        single_rate = single / (time.monotonic() - started)
        # The writers' mix (an add after each analysis: store, assign online, report the
        # changed events) for one client alone: the rate the jobs under load compare with.
        started = time.monotonic()
        mixed = 8
        for seed in range(20, 20 + mixed):
            response = client.post("/api/articles" if seed % 2 == 0 else "/api/analyze",
                                   json={"articles": invented_event(seed)})
            assert response.status_code == 200, response.text
            accepted += len(response.json()["created"]) if seed % 2 == 0 else 0
        mixed_rate = mixed / (time.monotonic() - started)
    rss_warm = rss_kb(pid)
    stats = Stats()
    stop = time.monotonic() + args.seconds
    writers = max(1, args.clients // 4)
    threads = [threading.Thread(target=writer, args=(base, stop, stats, k + 1,
                                                     not args.analyses_only))
               for k in range(writers)]
    threads += [threading.Thread(target=reader, args=(base, stop, stats, k))
                for k in range(args.clients - writers)]
    run_started = time.monotonic()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    elapsed = time.monotonic() - run_started
    rss_after = rss_kb(pid)

    from newsfuse.store import Store

    stored = Store(db).count_articles()
    accepted += stats.accepted
    reads = [t for k in ("list", "event", "search") for t in stats.latency.get(k, [])]
    server_errors = sum(n for code, n in stats.codes.items() if code >= 500)
    print(f"clients {args.clients} ({writers} writing), {elapsed:.0f} s, workers {args.workers}")
    print(f"status codes: {dict(sorted(stats.codes.items()))}; 5xx: {server_errors}")
    if server_errors:
        print("  5xx by request:", {f"{k} {c}": n for (k, c), n in stats.by_kind.items()
                                    if c >= 500})
    for kind, values in sorted(stats.latency.items()):
        print(f"  {kind:8s} n={len(values):5d} p50={statistics.median(values) * 1000:7.0f} ms "
              f"p95={p95(values) * 1000:7.0f} ms")
    print(f"read p95: {p95(reads) * 1000:.0f} ms over {len(reads)} reads")
    jobs = stats.analyses + stats.adds
    print(f"analyses/s under load: {stats.analyses / elapsed:.2f} "
          f"(+ {len(stats.latency.get('add', []))} adds); single client: {single_rate:.2f}/s")
    if args.analyses_only:
        print(f"analyses/s under load vs one client alone: "
              f"{stats.analyses / elapsed / single_rate:.0%}")
    print(f"worker jobs/s (analyses and adds) under load: {jobs / elapsed:.2f}; "
          f"the same mix for one client alone: {mixed_rate:.2f}/s "
          f"({jobs / elapsed / mixed_rate:.0%})")
    print(f"store: {stored} articles, {accepted} accepted -> "
          f"{'match' if stored == accepted else 'MISMATCH'}")
    print(f"server RSS: {rss_warm / 1024:.0f} MB after warm-up, {rss_after / 1024:.0f} MB after "
          f"the run ({rss_after / max(1, rss_warm):.2f}x)")
    return 0 if server_errors == 0 and stored == accepted else 1


if __name__ == "__main__":
    sys.exit(main())
