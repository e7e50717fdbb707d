"""Real multi-outlet reports of the Syrian war (FA-KES) judged by hand: re-run and re-score.

    python -m benchmarks.bench_fakes [--half calibration|report|all] [--reuse DIR] [--no-write]
                                     [GROUP ...]

FA-KES (`../shared/data/fa_kes/FA-KES-Dataset.csv`) holds 804 articles from 15 outlets; many
incidents are told by several outlets with different casualty figures. A *group* is every
article with one `date` and `location` when there are at least 3 of them from at least 2
outlets (43 groups), numbered g00, g01, ... by size, then date and place. A group is what a
user would hand over as one story: it may hold two incidents of one day in one city, as a
newsroom's search for that day and place would.

Each group is fed to `newsfuse analyze FILE --format json` as one JSONL file of records
{id, source, published, title, text}, the fields as the CSV gives them (the text as
distributed: one line, punctuation partly stripped). Halves: even-numbered groups from g02 are
the calibration half (their reports were read and failures fixed), odd-numbered groups the
report half (read only to score). benchmarks/judged/fakes_judgements.json holds the verdicts,
in the format of bench_judged (reported conflicts, missed disagreements, cited sources, quote
speakers); items without a verdict are flagged, not guessed. A run of both halves (the default)
writes benchmarks/results/fakes.md.
"""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import json
import sys
from collections import defaultdict
from pathlib import Path

from benchmarks.bench_judged import (
    SPEAKER_OK,
    Tally,
    analyze_records,
    score_citations,
    score_conflicts,
    score_missed,
    score_quotes,
    share,
    summary,
)
from benchmarks.loaders import DATA_DIR
from benchmarks.publish import publish

ROOT = Path(__file__).resolve().parents[1]
DATA = DATA_DIR / "fa_kes" / "FA-KES-Dataset.csv"
JUDGEMENTS = Path(__file__).resolve().parent / "judged" / "fakes_judgements.json"
RESULT = Path(__file__).resolve().parent / "results" / "fakes.md"
MIN_ARTICLES, MIN_OUTLETS, HALF_SIZE = 3, 2, 12


def iso(date: str) -> str:
    month, day, year = date.split("/")
    return f"{year}-{int(month):02d}-{int(day):02d}"


def groups() -> list[tuple[str, list[dict]]]:
    """Every (date, location) group of 3+ articles from 2+ outlets, named g00, g01, ..."""
    with DATA.open(encoding="latin-1", newline="") as handle:
        rows = list(csv.DictReader(handle))
    by_story: dict[tuple[str, str], list[dict]] = defaultdict(list)
    for row in rows:
        by_story[(row["date"], row["location"])].append(row)
    big = [(key, members) for key, members in by_story.items()
           if len(members) >= MIN_ARTICLES and len({m["source"] for m in members}) >= MIN_OUTLETS]
    big.sort(key=lambda kv: (-len(kv[1]), iso(kv[0][0]), kv[0][1]))
    return [(f"g{n:02d}_{iso(date)}_{place.replace(' ', '-')}", members)
            for n, ((date, place), members) in enumerate(big)]


def half(name: str) -> str:
    number = int(name[1:3])
    if number < 2 or number >= 2 + 2 * HALF_SIZE:
        return "unused"
    return "calibration" if number % 2 == 0 else "report"


def records(members: list[dict]) -> list[dict]:
    return [{"id": m["unit_id"], "source": m["source"], "published": iso(m["date"]),
             "title": m["article_title"], "text": m["article_content"]} for m in members]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("groups", nargs="*", help="only these groups (name prefix, e.g. g02)")
    parser.add_argument("--half", default="all", choices=["calibration", "report", "all"])
    parser.add_argument("--reuse", type=Path, help="read/save each report as DIR/<group>.json")
    parser.add_argument("--src", type=Path, default=ROOT / "src",
                        help="the newsfuse source tree to run (default: this checkout's)")
    parser.add_argument("--no-write", action="store_true")
    args = parser.parse_args(argv)
    if not DATA.exists():
        print(f"SKIP: {DATA} not found (the shared FA-KES data is not next to the project)")
        return 0
    judged = json.loads(JUDGEMENTS.read_text(encoding="utf-8")) if JUDGEMENTS.exists() \
        else {"groups": {}}
    halves = ["calibration", "report"] if args.half == "all" else [args.half]
    tallies = {}
    for which in halves:
        chosen = [(name, members) for name, members in groups() if half(name) == which
                  and (not args.groups or any(name.startswith(g) for g in args.groups))]
        tally = tallies[which] = Tally()
        for name, members in chosen:
            report = analyze_records(name, records(members), args.reuse, args.src)
            verdicts = judged["groups"].get(name, {})
            print(f"\n# {name} ({which}, {len(members)} articles)")
            score_conflicts(report, verdicts.get("conflicts", {}), tally)
            score_missed(report, verdicts.get("missed", []), tally)
            score_citations(report, verdicts.get("citations", {}), tally)
            score_quotes(report, verdicts.get("quotes", {}), tally)
        print(f"\n== {which} half")
        summary(tally, len(chosen), JUDGEMENTS)
    if args.half == "all" and not args.groups and not args.no_write:
        publish(section(tallies), RESULT)
    return 0


def section(tallies: dict[str, Tally]) -> str:
    rows = []
    for label, fn in [("conflict precision (target ≥ 0.80)", _precision),
                      ("disagreements a reader found that the report misses", _missed),
                      ("compatible pairs wrongly paired", _wrong_compatible),
                      ("extra cited sources that state what they are cited for (target ≥ 0.95)",
                       _cited), ("speaker accuracy", _speakers), ("items without a verdict",
                                                                   _unjudged)]:
        rows.append(f"| {label} | " + " | ".join(fn(t) for t in tallies.values()) + " |")
    return (f"## Real multi-outlet reports judged by hand: FA-KES (Syrian war, 15 outlets)\n\n"
            f"`python -m benchmarks.bench_fakes`, {dt.date.today().isoformat()}: every group of "
            "3+ FA-KES articles from 2+ outlets with one date and place, fed to `newsfuse "
            "analyze` as JSONL records as the CSV gives them (one line of text, punctuation "
            "partly stripped); verdicts by hand in benchmarks/judged/fakes_judgements.json "
            "(rules there). A group can hold two incidents of one day and city, as a search "
            "for that day and place would. Calibration half: groups g02, g04, ... g24 (read and "
            "fixed); report half: g03, g05, ... g25 (scored only).\n\n"
            "| figure | " + " | ".join(f"{w} half (12 groups)" for w in tallies) + " |\n"
            "|---|" + "---|" * len(tallies) + "\n" + "\n".join(rows) + "\n")


def _precision(t: Tally) -> str:
    return share(t.counts["conflict:true"], t.counts["conflict:true"] + t.counts["conflict:false"])


def _missed(t: Tally) -> str:
    return str(t.counts["missed"])


def _wrong_compatible(t: Tally) -> str:
    wrong = t.counts["compatible:wrong-compatible"]
    return f"{wrong} of {wrong + t.counts['compatible:right-compatible']}"


def _cited(t: Tally) -> str:
    states = t.counts["fact:states"] + t.counts["summary:states"]
    return share(states, states + t.counts["fact:does-not"] + t.counts["summary:does-not"])


def _speakers(t: Tally) -> str:
    quotes = sum(v for k, v in t.counts.items() if k.startswith("quote:"))
    return share(sum(t.counts[f"quote:{v}"] for v in SPEAKER_OK), quotes)


def _unjudged(t: Tally) -> str:
    return str(len(t.unjudged))


if __name__ == "__main__":
    sys.exit(main())
