"""Cross-source analysis on crossfacts dev (issue 8), scored by the shared scorer.

    python -m benchmarks.bench_crossfacts [--no-write]

`../shared/tools/crossfacts_score.py` feeds each event to `newsfuse analyze` as JSONL records,
exactly as a user would, and scores conflicts, compatible figures, corroboration, unique facts,
quotes, dates and entity variants against the event's gold. Run on all dev events and on the
two halves the thresholds were calibrated on (A: the first six events, where the conflict and
claim thresholds were chosen) and checked on (B: the other six). A larger held-out set of the
same kind is scored independently of this project.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import subprocess
import sys
import tempfile
from pathlib import Path

from benchmarks.loaders import DATA_DIR
from benchmarks.publish import publish

ROOT = Path(__file__).resolve().parents[1]
DEV = DATA_DIR / "crossfacts" / "dev"
SCORER = DATA_DIR.parent / "tools" / "crossfacts_score.py"
RESULT = Path(__file__).resolve().parent / "results" / "crossfacts.md"
EXAMPLE = DATA_DIR.parent / "examples" / "ukraine-2022-02-28"
HALF = 6
TARGETS = {"conflict_recall": "≥ 0.80", "conflict_precision": "≥ 0.90",
           "compatible_kept_apart": "≥ 0.90", "corroboration_recall": "≥ 0.70",
           "false_corroborations": "≤ 1", "unique_recall": "", "quote_recall": "≥ 0.95",
           "speaker_accuracy": "≥ 0.95", "date_accuracy": "≥ 0.90", "variants_merged": "≥ 0.80"}


def score(events: list[Path]) -> dict:
    """The scorer's figures over `events` (linked into a temporary data folder)."""
    with tempfile.TemporaryDirectory() as tmp:
        for event in events:
            (Path(tmp) / event.name).symlink_to(event.resolve())
        command = [sys.executable, str(SCORER), tmp, "--json",
                   "--newsfuse", f"{sys.executable} -m newsfuse"]
        done = subprocess.run(command, capture_output=True, text=True, cwd=ROOT, check=True)
    return json.loads(done.stdout.strip().splitlines()[-1])


def example_conflicts() -> list[str]:
    """The shared example's reported conflicts (issue 8: it keeps its three, the hard ordinal
    one included), through the CLI as a user runs it on the folder."""
    if not EXAMPLE.is_dir():
        return [f"Shared example skipped: {EXAMPLE} not found."]
    done = subprocess.run([sys.executable, "-m", "newsfuse", "analyze", str(EXAMPLE),
                           "--format", "json"], capture_output=True, text=True, cwd=ROOT)
    report = json.loads(done.stdout)
    rows = [f"- {c['measure']}: " + " vs ".join(
        f"{claim['phrase']} ({', '.join(s[:3] for s in claim['sources'])})"
        for claim in c["claims"]) for c in report["conflicts"] if not c["compatible"]]
    return [f"Shared example (`newsfuse analyze {EXAMPLE.relative_to(DATA_DIR.parent)}`): "
            f"{len(rows)} conflicts reported.", "", *rows]


def table(columns: dict[str, dict]) -> str:
    head = "| figure | target | " + " | ".join(columns) + " |"
    rule = "|---|---|" + "---|" * len(columns)
    rows = []
    for key, target in TARGETS.items():
        cells = [columns[name].get(key) for name in columns]
        shown = [f"{v:.3f}" if isinstance(v, float) else str(v) for v in cells]
        rows.append(f"| {key.replace('_', ' ')} | {target} | " + " | ".join(shown) + " |")
    return "\n".join([head, rule, *rows])


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--no-write", action="store_true")
    args = parser.parse_args(argv)
    if not DEV.is_dir() or not SCORER.exists():
        print(f"SKIP: {DEV} or {SCORER} not found (../shared is not next to the project)")
        return 0
    events = sorted(p for p in DEV.iterdir() if (p / "gold.json").exists())
    columns = {"all dev": score(events), f"half A ({events[0].name}–{events[HALF - 1].name})":
               score(events[:HALF]), f"half B ({events[HALF].name}–{events[-1].name})":
               score(events[HALF:])}
    report = "\n".join([
        "## Cross-source analysis: crossfacts dev (issue 8)",
        "",
        f"`python -m benchmarks.bench_crossfacts`, {dt.date.today().isoformat()}: the shared "
        "scorer `../shared/tools/crossfacts_score.py` runs `newsfuse analyze` on each event "
        f"({len(events)} invented events, 3-5 outlets each). Conflict and claim thresholds "
        "were chosen on half A and checked on half B; a larger held-out set is scored "
        "outside this project.",
        "",
        table(columns),
        "",
        *example_conflicts(),
        "",
    ])
    publish(report, RESULT, write=not args.no_write)
    return 0


if __name__ == "__main__":
    sys.exit(main())
