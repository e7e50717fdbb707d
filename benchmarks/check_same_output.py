"""Equality harness for speed work: every report of a fixed set of events, as JSON.

    PYTHONPATH=src:. python -m benchmarks.check_same_output write OUT_DIR
    python -m benchmarks.check_same_output compare BASE_DIR NEW_DIR

`write` analyses, in one process as `newsfuse analyze --format json` does (the CLI's config,
this process as executor), each event of ../shared/data/crossfacts/dev (given as one JSONL file
of records as the shared scorer writes them), each held-out event of
benchmarks/heldout (or $NEWSFUSE_HELDOUT, a copy; the same way), the bundled demo
folder and the first six DUC 2004 clusters, and writes one JSON report per event. `compare`
lists every report that differs (exit 1 if any).
Run `write` once with the unmodified code (PYTHONPATH at a pristine copy of src) and once with
the changed code, then `compare`.
"""

from __future__ import annotations

import json
import os
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CROSSFACTS = ROOT.parent / "shared" / "data" / "crossfacts" / "dev"
# NEWSFUSE_HELDOUT: a copy taken once, so that sets added meanwhile do not count as differences
HELDOUT = Path(os.environ.get("NEWSFUSE_HELDOUT", ROOT / "benchmarks" / "heldout"))
DUC_CLUSTERS = 6


def event_jsonl(event_dir: Path, into: Path) -> Path:
    """The event as the shared scorer gives it to newsfuse: one JSONL record per article."""
    gold = json.loads((event_dir / "gold.json").read_text(encoding="utf-8"))
    path = into / f"{gold['id']}.jsonl"
    with path.open("w", encoding="utf-8") as out:
        for letter, meta in sorted(gold["articles"].items()):
            text = (event_dir / f"{letter}.txt").read_text(encoding="utf-8")
            out.write(json.dumps({"id": letter, "source": meta.get("outlet"),
                                  "published": meta.get("published"), "text": text}) + "\n")
    return path


def write(out_dir: Path) -> None:
    from benchmarks.loaders import duc2004
    from newsfuse import api
    from newsfuse.cli_common import make_config
    from newsfuse.render import render

    out_dir.mkdir(parents=True, exist_ok=True)

    def report(name: str, items: list) -> None:
        result = api.analyze(items, make_config(None, None))
        (out_dir / f"{name}.json").write_text(render(result, "json"), encoding="utf-8")
        print(name, flush=True)

    with tempfile.TemporaryDirectory() as tmp:
        events = [*sorted(CROSSFACTS.glob("*/")), *sorted(HELDOUT.glob("h*/*/"))]
        for event_dir in events:
            prefix = "cf" if event_dir.parent == CROSSFACTS else event_dir.parent.name
            report(f"{prefix}-{event_dir.name}", [str(event_jsonl(event_dir, Path(tmp)))])
    report("demo", [str(ROOT / "src" / "newsfuse" / "demo")])
    for cluster in duc2004()[:DUC_CLUSTERS]:
        report(f"duc-{cluster.id}", cluster.articles)


def compare(base: Path, new: Path) -> int:
    names = sorted({p.name for p in base.glob("*.json")} | {p.name for p in new.glob("*.json")})
    differ = [n for n in names if not (base / n).is_file() or not (new / n).is_file()
              or (base / n).read_bytes() != (new / n).read_bytes()]
    print(f"{len(names) - len(differ)}/{len(names)} reports identical")
    for name in differ:
        print("DIFFERS:", name)
    return 1 if differ or not names else 0


def main(argv: list[str]) -> int:
    if len(argv) == 2 and argv[0] == "write":
        if not CROSSFACTS.is_dir():
            print(f"SKIP: {CROSSFACTS} not found (../shared/data is not next to the project)")
            return 0
        write(Path(argv[1]))
        return 0
    if len(argv) == 3 and argv[0] == "compare":
        return compare(Path(argv[1]), Path(argv[2]))
    print(__doc__)
    return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
