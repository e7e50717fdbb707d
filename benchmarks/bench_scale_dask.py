"""End to end on many articles: one process, `--dask local:1`, `--dask local:2`.

The first N documents of ../shared/data/scale/multinews_rest.jsonl.gz (Multi-News source
documents with their `cluster` label) go through what `newsfuse ingest`, `newsfuse cluster`
and `newsfuse events --analyze` do, into a fresh SQLite store per run:

    ingest    read (client) → clean + language + MiniLM embedding (executor) → commit (client)
    cluster   batch clustering of the whole store (client: blocking + global assignment)
    reports   one full report per event (executor: clean, spaCy annotation, embedding,
              alignment, synthesis), saved by the client

Each configuration runs in a fresh process, so peak memory is its own; Dask workers report
their own peak RSS. B³ is scored against the corpus' `cluster` labels, and digests of the
event groups and of every report show whether the runs gave the same result.

    python -m benchmarks.bench_scale_dask [--limit 1000] [--modes none,local:1,local:2]
"""

from __future__ import annotations

import argparse
import datetime as dt
import gzip
import hashlib
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from benchmarks.bench_clustering import b_cubed

HERE = Path(__file__).resolve().parent
DATA = Path(os.environ.get("NEWSFUSE_DATA", HERE.parent.parent / "shared" / "data"))
SOURCE = DATA / "scale" / "multinews_rest.jsonl.gz"
RESULT = HERE / "results" / "scale_dask.md"


def peak_mb() -> float:
    """Peak resident memory of the calling process (Linux reports KiB)."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def write_subset(limit: int, folder: Path) -> tuple[Path, dict[str, str]]:
    """The first `limit` records as a JSONL file (outside the project), and id -> cluster."""
    path, gold = folder / f"multinews_first_{limit}.jsonl", {}
    with gzip.open(SOURCE, "rt", encoding="utf-8") as lines, \
            path.open("w", encoding="utf-8") as out:
        for line in lines:
            if len(gold) >= limit:
                break
            row = json.loads(line)
            gold[row["id"]] = row["cluster"]
            out.write(json.dumps({"id": row["id"], "text": row["text"]}) + "\n")
    return path, gold


def cpu_seconds() -> float:
    """CPU time of the calling process, every thread (spaCy, ONNX) included."""
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


def digest(value: object) -> str:
    return hashlib.sha256(json.dumps(value, sort_keys=True).encode()).hexdigest()[:12]


def run_one(mode: str, subset: Path, gold: dict[str, str], db: Path,
            reports_too: bool = True) -> dict:
    """One configuration, in this process: times per stage, memory, B³, result digests.
    Without `reports_too`, ingest and clustering only (the full corpus, where reports of
    every event would take most of an hour on two cores)."""
    from newsfuse.config import Config
    from newsfuse.executor import DaskExecutor, make_executor
    from newsfuse.store import Store
    from newsfuse.workflow import cluster_store, ingest, report_events

    config, store = Config(), Store(f"sqlite:///{db}")
    cpu_before = cpu_seconds()
    started = time.perf_counter()
    executor = make_executor(None if mode == "none" else mode)
    seconds = {"start": time.perf_counter() - started}
    try:
        clock = time.perf_counter()
        outcome = ingest([str(subset)], store, config, executor=executor)
        seconds["ingest"] = time.perf_counter() - clock
        clock = time.perf_counter()
        infos = cluster_store(store, config, executor=executor)
        seconds["cluster"] = time.perf_counter() - clock
        clock = time.perf_counter()
        reports = {event_id: json.loads(report.model_dump_json(exclude={"generated_at"}))
                   for event_id, report in report_events(store, [i.id for i in infos], config,
                                                         executor)} if reports_too else {}
        seconds["reports"] = time.perf_counter() - clock
        dask = isinstance(executor, DaskExecutor)
        workers = executor.run_on_workers(peak_mb) if dask else {}
        # Worker CPU since it started: it did nothing but this run's tasks.
        worker_cpu = sum(executor.run_on_workers(cpu_seconds).values()) if dask else 0.0
    finally:
        executor.close()
    event_of = {article_id: info.id for info in infos for article_id in info.article_ids}
    stored = sorted(event_of)
    _, _, b3 = b_cubed([event_of[i] for i in stored], [gold[i] for i in stored])
    groups = sorted(sorted(info.article_ids) for info in infos)
    store.close()
    db_bytes = sum(f.stat().st_size for f in db.parent.glob(db.name + "*"))
    return {"db_bytes": db_bytes, "mode": mode, "documents": len(gold), "stored": outcome.created,
            "skipped": len(outcome.errors), "events": len(infos), "seconds": seconds,
            "total": sum(seconds.values()), "client_peak_mb": peak_mb(),
            "cpu": cpu_seconds() - cpu_before + worker_cpu,
            "worker_peak_mb": sorted(workers.values()), "b3": b3,
            "groups_digest": digest(groups), "reports_digest": digest(reports)}


def table(results: list[dict], limit: int, argv: list[str], reports_too: bool = True) -> str:
    single = next((r for r in results if r["mode"] == "none"), None)
    scope = ("ingest (clean, language, MiniLM) + batch clustering + a full report of every "
             "event (spaCy annotation, alignment, synthesis)" if reports_too else
             "ingest (clean, language, MiniLM) + batch clustering, no reports (--no-reports)")
    lines = [
        f"## Past one process: Dask end to end ({limit:,} Multi-News documents)",
        "",
        f"Command: `python -m benchmarks.bench_scale_dask {' '.join(argv)}`".rstrip() +
        f" · date {dt.date.today().isoformat()} · {os.cpu_count()}-core machine, 5-minute "
        "load average at the end of each row: "
        + ", ".join(f"{r.get('load', 0):.1f}" for r in results)
        + " (a shared machine: absolute rates are noisy, ratios between rows are the figure "
        "to read) · first "
        f"{limit:,} documents of `scale/multinews_rest.jsonl.gz` as a JSONL file · fresh "
        f"SQLite store and fresh process per row · end to end = {scope}.",
        "",
        "| run | articles/s end to end | articles per CPU-second | ingest s | cluster s | "
        "reports s | start s | events | B³ F1 | same groups / reports as 1 process | "
        "client peak MB | worker peak MB |",
        "|---|---|---|---|---|---|---|---|---|---|---|---|",
    ]
    for r in results:
        s = r["seconds"]
        same = ("–" if single is None or r is single else
                f"{'yes' if r['groups_digest'] == single['groups_digest'] else 'NO'} / "
                f"{'yes' if r['reports_digest'] == single['reports_digest'] else 'NO'}")
        workers = ", ".join(f"{mb:.0f}" for mb in r["worker_peak_mb"]) or "–"
        name = "1 process" if r["mode"] == "none" else f"`--dask {r['mode']}`"
        lines.append(f"| {name} | {r['stored'] / r['total']:.2f} | "
                     f"{r['stored'] / r['cpu']:.2f} | {s['ingest']:.1f} | "
                     f"{s['cluster']:.1f} | {s['reports']:.1f} | {s['start']:.1f} | "
                     f"{r['events']} | {r['b3']:.3f} | {same} | {r['client_peak_mb']:.0f} | "
                     f"{workers} |")
    local1 = next((r for r in results if r["mode"] == "local:1"), None)
    local2 = next((r for r in results if r["mode"] == "local:2"), None)
    if single and local1:
        overhead = local1["total"] / single["total"] - 1
        cpu_overhead = local1["cpu"] / single["cpu"] - 1
        lines += ["", f"Dask overhead at 1 worker: {100 * overhead:+.0f}% wall time, "
                  f"{100 * cpu_overhead:+.0f}% CPU time against 1 process "
                  f"({local1['seconds']['start']:.1f} s of it starting the cluster). CPU time is "
                  "the overhead to read: wall time moved with other users' load between the "
                  "rows."]
    if single and local2:
        alone = ""
        if reports_too:
            reports = single["seconds"]["reports"] / local2["seconds"]["reports"]
            alone = f" (reports alone {reports:.2f}x)"
        lines += ["", f"Speed-up with 2 workers: {single['total'] / local2['total']:.2f}x"
                  f"{alone}."]
    lines += ["", "Same groups / reports: digests of the sorted event groups and of every "
              "report's JSON. What this means for 1 M articles a day: docs/scaling.md."]
    per_article = {k: v / single["stored"] for k, v in single["seconds"].items()} if single else {}
    if per_article:
        lines += ["", "Cost per article in one process (s): " + ", ".join(
            f"{k} {v:.3f}" for k, v in per_article.items() if k != "start") + "."]
    return "\n".join(lines) + "\n"


def main(argv: list[str] | None = None) -> None:
    argv = list(sys.argv[1:] if argv is None else argv)
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--limit", type=int, default=1000, help="documents (from the start)")
    parser.add_argument("--modes", default="none,local:1,local:2")
    parser.add_argument("--no-reports", action="store_true",
                        help="ingest and clustering only (no report of every event)")
    parser.add_argument("--one", help=argparse.SUPPRESS)  # internal: run one mode, print JSON
    parser.add_argument("--workdir", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if not SOURCE.exists():
        print(f"skipped: {SOURCE} not found")
        return
    if args.one:
        folder = Path(args.workdir)
        subset, gold = write_subset(args.limit, folder)
        result = run_one(args.one, subset, gold, folder / f"{args.one.replace(':', '-')}.db",
                         reports_too=not args.no_reports)
        print(json.dumps(result))
        return
    results = []
    with tempfile.TemporaryDirectory(prefix="newsfuse-scale-") as workdir:
        for mode in args.modes.split(","):
            command = [sys.executable, "-m", "benchmarks.bench_scale_dask", "--one", mode,
                       "--limit", str(args.limit), "--workdir", workdir,
                       *(["--no-reports"] if args.no_reports else [])]
            output = subprocess.run(command, capture_output=True, text=True, check=True,
                                    cwd=HERE.parent).stdout
            results.append(json.loads(output.strip().splitlines()[-1]))
            results[-1]["load"] = os.getloadavg()[1]
            print(json.dumps(results[-1]), file=sys.stderr, flush=True)
    report = table(results, args.limit, argv, reports_too=not args.no_reports)
    print(report)
    # one section per corpus size: the default 1,000 and any other size side by side
    result = RESULT if args.limit == 1000 else RESULT.with_name(f"scale_dask_{args.limit}.md")
    if args.no_reports:
        result = result.with_name(result.stem + "_no_reports.md")
    result.parent.mkdir(parents=True, exist_ok=True)
    result.write_text(report, encoding="utf-8")
    print(f"wrote {result}")


if __name__ == "__main__":
    main()
