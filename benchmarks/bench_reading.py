"""Reading benchmark: do articles survive the product's reader as users hand them over?

    python -m benchmarks.bench_reading [--no-write]

Every data set goes through `newsfuse.api.load` (the reader and the clean stage of `analyze`
and `cluster`), given the way a user would give it:
- DUC 2004: the 25 cluster folders of TREC/SGML files as distributed (hard-wrapped wire text);
- MMDS2025 dev: one JSONL record per article, {"id", "title", "text"}, the text its sentences
  one a line (it holds Chinese articles);
- ECB+ topics 1-35: one JSONL record per document, {"id", "text"} (short briefs among them).
Counts the articles read and those skipped ("no article text found" and unreadable), naming
the skipped. Writes benchmarks/results/reading.md.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
import tempfile
from collections.abc import Iterable
from pathlib import Path

from benchmarks.loaders import DATA_DIR
from benchmarks.publish import publish
from newsfuse.api import load

RESULTS = Path(__file__).resolve().parent / "results" / "reading.md"
SHOWN_SKIPS = 10


def _load_counts(items: Iterable[str]) -> tuple[int, list[str]]:
    articles, errors = load(list(items))
    return len(articles), [f"{e.item}: {e.message}" for e in errors]


def duc_row(root: Path) -> tuple[str, int, list[str]] | None:
    docs = root / "duc2004" / "docs"
    if not docs.is_dir():
        return None
    read, skipped = _load_counts(str(folder) for folder in sorted(docs.iterdir()))
    return "DUC 2004 (25 folders of TREC files)", read, skipped


def _jsonl_row(name: str, records: list[dict]) -> tuple[str, int, list[str]]:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "articles.jsonl"
        path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records),
                        encoding="utf-8")
        read, skipped = _load_counts([str(path)])
    return name, read, [s.replace(str(path), "articles.jsonl") for s in skipped]


def mmds_row(root: Path, titled: bool = True) -> tuple[str, int, list[str]] | None:
    """MMDS2025 dev as records; without titles the reader must find the title itself."""
    path = root / "mmds2025" / "dev.json"
    if not path.is_file():
        return None
    data = json.loads(path.read_text(encoding="utf-8"))
    records = [{"id": f"mmds-{item['ID']}",
                "text": "\n".join(s["content"] for s in item["sentences"]),
                **({"title": item["title"]} if titled else {})}
               for item in data["articles"]]
    name = "MMDS2025 dev (JSONL records" + ("" if titled else ", no title field") + ")"
    return _jsonl_row(name, records)


def ecb_row(root: Path) -> tuple[str, int, list[str]] | None:
    path = root / "ecb_plus" / "documents.jsonl"
    if not path.is_file():
        return None
    with path.open(encoding="utf-8") as lines:
        records = [{"id": f"ecb-{row['doc_id']}", "text": row["text"]}
                   for row in map(json.loads, lines)]
    return _jsonl_row("ECB+ topics 1-35 (JSONL records)", records)


def reading_section(root: Path) -> list[str]:
    lines = ["| input | articles given | read | skipped | skipped items |", "|---|---|---|---|---|"]
    for row in (duc_row(root), mmds_row(root), mmds_row(root, titled=False), ecb_row(root)):
        if row is None:
            continue
        name, read, skipped = row
        shown = "; ".join(skipped[:SHOWN_SKIPS]) + (" ..." if len(skipped) > SHOWN_SKIPS else "")
        lines.append(f"| {name} | {read + len(skipped)} | {read} | {len(skipped)} "
                     f"| {shown or '-'} |")
        print(f"{name}: read {read}, skipped {len(skipped)}", flush=True)
    return lines


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=DATA_DIR)
    parser.add_argument("--no-write", action="store_true", help="print only")
    args = parser.parse_args(argv)
    if not args.data.is_dir():
        print(f"skipped: benchmark data not found at {args.data}")
        return 0
    command = "python -m benchmarks.bench_reading" + (" " + " ".join(argv) if argv else "")
    lines = ["## Reading articles as users hand them over", "",
             f"Command: `{command}` — run {dt.date.today().isoformat()}.", "",
             "Each set goes through `newsfuse.api.load` (reader + clean stage, as `analyze` and "
             "`cluster` use them), in the form a user would give it.", ""]
    lines += reading_section(args.data)
    publish("\n".join(lines) + "\n", RESULTS, write=not args.no_write)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
