"""Real Multi-News clusters judged by hand (issue 8): re-run them and re-score the judgements.

    python -m benchmarks.bench_judged [--reuse DIR] [--fresh] [CLUSTER ...]

The clusters: every cluster of ../shared/data/multinews/fullweb_dev.jsonl (full web pages as
crawled) with at least 3 documents, in file order, skipping the first 5 (used for calibration)
and taking the next 15. Each is fed to `newsfuse analyze FILE --format json` as JSONL records
{id: "<cluster>-<k>", text: <document as distributed>}, exactly as a user would.

benchmarks/judged/fullweb_dev_judgements.json holds the verdicts a person gave to the report
items (reported conflicts, cited sources, quote speakers) and the disagreements the report
missed. Items are keyed by short phrases or a hash of their text, never by copied sentences.
`--fresh` re-scores the next ten clusters instead (the 21st-30th with at least 3 documents),
judged once as a held-out look (benchmarks/judged/fullweb_fresh_judgements.json): there 5
quotes per cluster were sampled, so quotes without a verdict are left out rather than flagged,
and a missed disagreement is written as the two sides' wording, so it stays counted as missed
until a person sees it reported.

The script prints each judged item with its verdict, recomputes the figures and flags every
item it has no verdict for: changed output needs a new look by a person, not a guess.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import subprocess
import sys
import tempfile
from collections import Counter
from pathlib import Path

from benchmarks.loaders import DATA_DIR

ROOT = Path(__file__).resolve().parents[1]
DATA = DATA_DIR / "multinews" / "fullweb_dev.jsonl"
JUDGEMENTS = Path(__file__).resolve().parent / "judged" / "fullweb_dev_judgements.json"
FRESH_JUDGEMENTS = JUDGEMENTS.with_name("fullweb_fresh_judgements.json")
MIN_DOCUMENTS, SKIP, TAKE = 3, 5, 15
FRESH_TAKE = 10
# Quote verdicts that count as a right speaker: the person is right (possibly with a garbled
# name), or there is no speaker and the article names none.
SPEAKER_OK = {"right", "right-garbled", "none-ok"}


def text_key(text: str) -> str:
    return hashlib.sha1(" ".join(text.split()).encode()).hexdigest()[:10]


def select_clusters(fresh: bool = False) -> list[dict]:
    rows = [json.loads(line) for line in DATA.open(encoding="utf-8") if line.strip()]
    big = [r for r in rows if len(r["documents"]) >= MIN_DOCUMENTS]
    start = SKIP + TAKE if fresh else SKIP
    return big[start:start + (FRESH_TAKE if fresh else TAKE)]


def analyze(cluster: dict, reuse: Path | None, src: Path = ROOT / "src") -> dict:
    """The product's JSON report for one cluster (from `reuse` when saved there)."""
    records = [{"id": f"{cluster['id']}-{k}", "text": doc}
               for k, doc in enumerate(cluster["documents"])]
    return analyze_records(cluster["id"], records, reuse, src)


def analyze_records(name: str, records: list[dict], reuse: Path | None,
                    src: Path = ROOT / "src") -> dict:
    """`newsfuse analyze FILE --format json` (the source tree `src`) on `records` written as
    one JSONL file, exactly as a user would run it; read from / saved to `reuse`/<name>.json."""
    saved = reuse / f"{name}.json" if reuse else None
    if saved and saved.exists():
        return json.loads(saved.read_text(encoding="utf-8"))
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / f"{name}.jsonl"
        path.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
        env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(src), str(ROOT)])}
        run = subprocess.run([sys.executable, "-m", "newsfuse", "analyze", str(path),
                              "--format", "json"], capture_output=True, text=True, env=env)
    # Items the product skips (e.g. pages that are not news articles) are reported on stderr
    # with a non-zero exit while the report of the rest is still written: a batch goes on.
    if run.stderr.strip():
        print(f"  ({name}: {' | '.join(run.stderr.strip().splitlines())[:300]})")
    if not run.stdout.strip():
        raise SystemExit(f"{name}: analyze failed (exit {run.returncode})")
    if saved:
        saved.parent.mkdir(parents=True, exist_ok=True)
        saved.write_text(run.stdout, encoding="utf-8")
    return json.loads(run.stdout)


class Tally:
    def __init__(self) -> None:
        self.counts: Counter[str] = Counter()
        self.unjudged: list[str] = []

    def unknown(self, where: str) -> None:
        self.unjudged.append(where)
        print(f"  UNJUDGED {where}")


def score_conflicts(report: dict, judged: dict, tally: Tally) -> None:
    for conflict in report["conflicts"]:
        phrases = " / ".join(sorted(c["phrase"] for c in conflict["claims"]))
        key = f"{conflict['measure']} | {phrases}"
        verdict = judged.get(key)
        label = "compatible" if conflict["compatible"] else "conflict"
        if verdict is None or verdict["compatible"] != conflict["compatible"]:
            tally.unknown(f"{label}: {key}")
            continue
        tally.counts[f"{label}:{verdict['verdict']}"] += 1
        print(f"  {label:<10} {verdict['verdict']:<16} {key}")


def score_citations(report: dict, judged: dict, tally: Tally) -> None:
    items = [("fact", x) for x in report["corroborated"]]
    items += [("summary", x) for x in report["summary"]]
    for kind, item in items:
        if len(item["sources"]) < 2:
            continue
        verdict = judged.get(f"{kind}:{text_key(item['text'])}")
        if verdict is None:
            tally.unknown(f"{kind} [{', '.join(item['sources'])}] {item['text'][:90]}")
            continue
        for source in item["sources"]:
            if source == verdict["origin"]:
                continue
            states = verdict["states"].get(source)
            if states is None:
                tally.unknown(f"{kind} cites {source}: {item['text'][:90]}")
                continue
            tally.counts[f"{kind}:{'states' if states else 'does-not'}"] += 1
            if not states:
                print(f"  {kind:<10} {'not stated':<16} {source}: {item['text'][:80]}"
                      f" -- {verdict.get('why', {}).get(source, '')}")


def score_quotes(report: dict, judged: dict, tally: Tally, sampled: bool = False) -> None:
    for quote in report["quotes"]:
        verdict = judged.get(f"{text_key(quote['text'])}@{quote['source']}")
        if verdict is None and sampled:
            continue
        if verdict is None or verdict["speaker"] != quote["speaker"]:
            tally.unknown(f"quote {quote['source']} speaker={quote['speaker']!r}: "
                          f"{quote['text'][:70]}")
            continue
        tally.counts[f"quote:{verdict['verdict']}"] += 1
        if verdict["verdict"] not in ("right", "none-ok"):
            print(f"  quote      {verdict['verdict']:<16} speaker={quote['speaker']!r}: "
                  f"{quote['text'][:60]} -- {verdict.get('note', '')}")


def score_missed(report: dict, missed: list[dict], tally: Tally) -> None:
    """A missed disagreement counts until a reported conflict holds both of its phrases."""
    reported = [" ".join(c["phrase"] for c in x["claims"]) for x in report["conflicts"]
                if not x["compatible"]]
    for item in missed:
        found = "phrases" in item and any(all(p in text for p in item["phrases"])
                                          for text in reported)
        tally.counts["missed:now-reported" if found else "missed"] += 1
        print(f"  missed     {'now reported' if found else 'not reported':<16} {item['note']}")


def share(good: int, total: int) -> str:
    return f"{good / total:.2f} ({good}/{total})" if total else "n/a"


def summary(tally: Tally, n_clusters: int, judgements: Path = JUDGEMENTS) -> None:
    c = tally.counts
    true, false = c["conflict:true"], c["conflict:false"]
    wrong_compat, right_compat = c["compatible:wrong-compatible"], c["compatible:right-compatible"]
    print(f"\n== {n_clusters} clusters")
    print(f"conflict precision (target >= 0.80): {share(true, true + false)}")
    print(f"compatible pairs wrongly paired: {wrong_compat} of {wrong_compat + right_compat}")
    print(f"disagreements missed: {c['missed']} (now reported: {c['missed:now-reported']})")
    for kind in ("fact", "summary"):
        states, not_stated = c[f"{kind}:states"], c[f"{kind}:does-not"]
        print(f"extra cited sources that state the {kind}: {share(states, states + not_stated)}")
    states = c["fact:states"] + c["summary:states"]
    not_stated = c["fact:does-not"] + c["summary:does-not"]
    print(f"all extra cited sources (target >= 0.95): {share(states, states + not_stated)}")
    quotes = sum(v for k, v in c.items() if k.startswith("quote:"))
    speaker_ok = sum(c[f"quote:{v}"] for v in SPEAKER_OK)
    print(f"speaker accuracy: {share(speaker_ok, quotes)}; wrong {c['quote:wrong']}, "
          f"missing {c['quote:missing']}, garbled name {c['quote:right-garbled']}")
    if tally.unjudged:
        print(f"UNJUDGED items: {len(tally.unjudged)} -- the output changed; judge them by hand "
              f"and add them to {judgements.name} before quoting these figures")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("clusters", nargs="*", help="only these cluster ids")
    parser.add_argument("--reuse", type=Path, help="read/save each report as DIR/<id>.json")
    parser.add_argument("--fresh", action="store_true",
                        help="the ten fresh clusters (21st-30th) and their verdicts")
    parser.add_argument("--src", type=Path, default=ROOT / "src",
                        help="the source tree to run (a snapshot, to judge one commit's output)")
    args = parser.parse_args(argv)
    if not DATA.exists():
        print(f"SKIP: {DATA} not found (the shared Multi-News data is not next to the project)")
        return 0
    judgements = FRESH_JUDGEMENTS if args.fresh else JUDGEMENTS
    judged = json.loads(judgements.read_text(encoding="utf-8"))
    clusters = select_clusters(args.fresh)
    if {c["id"] for c in clusters} != set(judged["clusters"]):
        print("WARNING: the selected clusters differ from the judged ones")
    clusters = [c for c in clusters if not args.clusters or c["id"] in args.clusters]
    tally = Tally()
    for cluster in clusters:
        report = analyze(cluster, args.reuse, args.src)
        verdicts = judged["clusters"].get(cluster["id"], {})
        print(f"\n# {cluster['id']} ({len(cluster['documents'])} documents)")
        score_conflicts(report, verdicts.get("conflicts", {}), tally)
        score_missed(report, verdicts.get("missed", []), tally)
        score_citations(report, verdicts.get("citations", {}), tally)
        score_quotes(report, verdicts.get("quotes", {}), tally, sampled=args.fresh)
    summary(tally, len(clusters), judgements)
    return 0


if __name__ == "__main__":
    sys.exit(main())
