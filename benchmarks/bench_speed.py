"""Speed: the full `analyze` of a 10-article DUC 2004 cluster vs sumy LexRank's summary alone.

Both run in this process on the same Article objects: LexRank gets the same cleaned,
segmented sentences (clean + segment time is counted for both). Models are loaded by a
warm-up call first, as in a long-running process; the cold first call is reported apart.

    python -m benchmarks.bench_speed [--limit N]
    python -m benchmarks.bench_speed --annotation 200 [--executors none,local:2]

`--annotation N` measures instead the full per-article annotation (clean, segment, spaCy and
every extractor, MiniLM sentence vectors: `api.annotate_partition`) of the first N documents
of scale/multinews_rest.jsonl.gz, in this process and on each executor, in articles/s.
"""

from __future__ import annotations

import argparse
import datetime as dt
import functools
import re
import statistics
import sys
import time
from pathlib import Path

from benchmarks.baselines import SumyBaseline
from benchmarks.faithfulness import NumberCheck, check_numbers
from benchmarks.loaders import DataMissing, duc2004
from newsfuse.executor import make_executor

RESULT = Path(__file__).resolve().parent / "results" / "speed.md"
ANNOTATION_RESULT = RESULT.with_name("annotation.md")
BUDGET_WORDS = 100


def lexrank_seconds(articles, summarizer: SumyBaseline) -> float:
    from newsfuse.api import load
    from newsfuse.segment import split

    start = time.perf_counter()
    loaded, _ = load(articles)
    sentences = [s for article in loaded for s in split(article)]
    summarizer(sentences, BUDGET_WORDS)
    return time.perf_counter() - start


class StageClock:
    """Progress callback that adds up the seconds spent in each stage of `analyze`."""

    def __init__(self) -> None:
        self.totals: dict[str, float] = {}
        self._stage: str | None = None
        self._since = time.perf_counter()

    def __call__(self, message: str) -> None:
        self.stop()
        self._stage = message.split()[0]
        self._since = time.perf_counter()

    def stop(self) -> None:
        if self._stage is not None:
            elapsed = time.perf_counter() - self._since
            self.totals[self._stage] = self.totals.get(self._stage, 0.0) + elapsed
        self._stage = None


def analyze_seconds(articles, clock: StageClock | None = None,
                    numbers: NumberCheck | None = None, executor=None) -> float:
    import newsfuse

    config = newsfuse.Config()
    config.summary.max_words = BUDGET_WORDS
    start = time.perf_counter()
    report = newsfuse.analyze(articles, config, progress=clock, executor=executor)
    elapsed = time.perf_counter() - start
    if clock is not None:
        clock.stop()
    if numbers is not None:
        check = check_numbers(report, {a.id: a.raw or a.body for a in articles})
        numbers.checked += check.checked
        numbers.found += check.found
        numbers.misses += check.misses or []
    return elapsed


def main(argv: list[str] | None = None) -> None:
    import newsfuse

    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--limit", type=int, default=None, help="clusters to time")
    parser.add_argument("--annotation", type=int, default=0,
                        help="instead: annotation rate over N Multi-News documents")
    parser.add_argument("--executors", default="none,local:2")
    parser.add_argument("--executor", default=None,
                        help="run analyze's per-article stages here (e.g. local:2)")
    args = parser.parse_args(argv)
    if args.annotation:
        annotation_rates(args.annotation, args.executors.split(","), argv)
        return
    try:
        clusters = duc2004()[: args.limit]
    except DataMissing as exc:
        print(f"skipped: {exc}")
        return
    lexrank = SumyBaseline("LexRank")
    cold = analyze_seconds([a.model_copy() for a in clusters[0].articles])
    executor = make_executor(args.executor)
    if hasattr(executor, "run_on_workers"):  # every worker loads its models first
        executor.run_on_workers(functools.partial(
            newsfuse.analyze, [a.model_copy() for a in clusters[0].articles]))
    rows = []
    clock = StageClock()
    numbers = NumberCheck(misses=[])
    for cluster in clusters:
        ours = analyze_seconds([a.model_copy() for a in cluster.articles], clock, numbers,
                               executor)
        theirs = lexrank_seconds([a.model_copy() for a in cluster.articles], lexrank)
        rows.append((cluster.id, len(cluster.articles), ours, theirs))
        print(f"{cluster.id}: analyze {ours:.2f}s  lexrank {theirs:.2f}s", flush=True)
    for miss in (numbers.misses or [])[:10]:
        print("number not in a cited source:", miss)
    executor.close()
    write(rows, cold, argv, clock.totals, numbers, args.executor)


def annotation_rates(limit: int, specs: list[str], argv: list[str] | None) -> None:
    """Articles/s of the full annotation, per executor; models are warmed before timing."""
    import gzip
    import json
    import os

    from newsfuse import api
    from newsfuse.config import Config
    from newsfuse.executor import make_executor, partitions
    from newsfuse.model import Article

    source = Path(__file__).resolve().parents[2] / "shared" / "data" / "scale" / \
        "multinews_rest.jsonl.gz"
    if not source.exists():
        print(f"skipped: {source} not found")
        return
    with gzip.open(source, "rt", encoding="utf-8") as lines:
        rows = [json.loads(line) for _, line in zip(range(limit), lines, strict=False)]
    config = Config()
    articles, _ = api.load([Article(id=r["id"], raw=r["text"]) for r in rows], config)
    warm = functools.partial(api.annotate_partition, articles[:api.PARTITION], config)
    lines_out = []
    for spec in specs:
        executor = make_executor(None if spec == "none" else spec)
        try:
            # Every worker loads its models before the clock starts.
            if hasattr(executor, "run_on_workers"):
                executor.run_on_workers(warm)
            else:
                warm()
            cpu, start = time.process_time(), time.perf_counter()
            list(executor.map(api.annotate_partition, partitions(articles, api.PARTITION),
                              config))
            elapsed, cpu = time.perf_counter() - start, time.process_time() - cpu
        finally:
            executor.close()
        name = "1 process" if spec == "none" else f"`{spec}`"
        rate = len(articles) / elapsed
        cpu_note = f"{len(articles) / cpu:.1f}" if spec == "none" else "–"
        lines_out.append(f"| {name} | {len(articles)} | {elapsed:.1f} | {rate:.1f} | {cpu_note} |")
        print(lines_out[-1], flush=True)
    load = os.getloadavg()[0]
    report = "\n".join([
        "## Full annotation rate (Multi-News documents)",
        "",
        f"Command: `python -m benchmarks.bench_speed {' '.join(argv or [])}` · date "
        f"{dt.date.today().isoformat()} · clean + segment + spaCy + every extractor + MiniLM "
        f"sentence vectors per article (`api.annotate_partition`), models warm · 2-core "
        f"machine, load average {load:.1f} at the end (shared with other users).",
        "",
        "| run | articles | wall s | articles/s | articles per CPU-second (this process) |",
        "|---|---|---|---|---|",
        *lines_out,
    ]) + "\n"
    ANNOTATION_RESULT.write_text(report, encoding="utf-8")
    print(report)


def write(rows: list[tuple[str, int, float, float]], cold: float, argv: list[str] | None,
          stages: dict[str, float], numbers: NumberCheck, executor: str | None = None) -> None:
    ours = [r[2] for r in rows]
    theirs = [r[3] for r in rows]
    command = "python -m benchmarks.bench_speed " + " ".join(argv or [])
    lines = [
        "## Speed: full analysis vs sumy LexRank (DUC 2004, 10-article clusters)"
        + (f", analyze on `--dask {executor}`" if executor else ""),
        "",
        f"Command: `{command.strip()}` · date {dt.date.today().isoformat()} · "
        f"{len(rows)} clusters · budget {BUDGET_WORDS} words · same process, same input, "
        "models warm (first cold call of `analyze`, loading spaCy and MiniLM: "
        f"{cold:.1f} s).",
        "",
        "| system | what it produces | mean s / cluster | median s / cluster | max s |",
        "|---|---|---|---|---|",
        f"| newsfuse `analyze{' --dask ' + executor if executor else ''}` | full report "
        "(summary, corroboration, conflicts, quotes, "
        f"entities, timeline) | {statistics.mean(ours):.2f} | {statistics.median(ours):.2f} | "
        f"{max(ours):.2f} |",
        f"| sumy LexRank | summary only | {statistics.mean(theirs):.2f} | "
        f"{statistics.median(theirs):.2f} | {max(theirs):.2f} |",
        "",
        f"Ratio (analyze / LexRank, mean): {statistics.mean(ours) / statistics.mean(theirs):.2f}. "
        "Goal: ≤ 1.0 (the full analysis no slower than LexRank's summary alone).",
        "",
        "Where `analyze` spends its time (mean seconds per cluster, by stage):",
        "",
        "| " + " | ".join(stages) + " |",
        "|" + "---|" * len(stages),
        "| " + " | ".join(f"{seconds / len(rows):.2f}" for seconds in stages.values()) + " |",
        "",
        "Faithfulness of the same `analyze` runs: every number in every cited output item "
        "(summary, corroborated, conflict claims, unique facts, quotes, timeline) looked up in "
        f"the raw text of the articles it cites: {numbers.found}/{numbers.checked} found "
        f"({100 * numbers.rate:.1f}%).",
    ]
    # A run on an executor is a variant: it keeps the in-process section as it is.
    suffix = re.sub(r"\W", "", executor or "")
    path = RESULT.with_name(f"speed_{suffix}.md") if executor else RESULT
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"wrote {path}")


if __name__ == "__main__":
    main(sys.argv[1:])
