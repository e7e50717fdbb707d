"""Reading benchmark: do articles survive the product's reader as users hand them over?

    python -m benchmarks.bench_reading [--no-write]

Every data set goes through `newsfuse.api.load` (the reader and the clean stage of `analyze`
and `cluster`), given the way a user would give it:
- DUC 2004: the 25 cluster folders of TREC/SGML files as distributed (hard-wrapped wire text);
- MMDS2025 dev: one JSONL record per article, {"id", "title", "text"}, the text its sentences
  one a line (it holds Chinese articles);
- ECB+ topics 1-35: one JSONL record per document, {"id", "text"} (short briefs among them);
- Multi-News full-web dev: how many hand-labelled non-article pages the page classifier
  excludes, and how many real articles it excludes wrongly.
Counts the articles read and those skipped ("no article text found" and unreadable), naming
the skipped. Writes benchmarks/results/reading.md.
"""

from __future__ import annotations

import argparse
import datetime as dt
import gzip
import json
import sys
import tempfile
from collections import Counter
from collections.abc import Iterable
from pathlib import Path

from benchmarks.loaders import DATA_DIR
from benchmarks.publish import publish
from newsfuse.api import load
from newsfuse.clean import NoArticleText, NotAnArticle, clean
from newsfuse.model import Article

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


# Multi-News full-web dev: documents labelled by hand as not news articles (cluster id,
# document index), read once by a person for the page classifier (newsfuse.clean.pages).
# Clusters 1-40 (file order) were used to calibrate it; 41-80 are held out.
NON_ARTICLES = {
    # tuning half: archive descriptions, video pages, social and site notices, one tweet
    ("mn55282", 0), ("mn55282", 1), ("mn54907", 1), ("mn52739", 1), ("mn51780", 3),
    ("mn51684", 1), ("mn51178", 1), ("mn51178", 4), ("mn51994", 2), ("mn54207", 1),
    ("mn52762", 0), ("mn51891", 1), ("mn53647", 3), ("mn55386", 0),
    # held-out half: a site welcome page, crawler pages, a reprint notice, video pages, an ad
    ("mn52867", 0), ("mn52867", 1), ("mn55556", 0), ("mn54541", 1), ("mn54915", 2),
    ("mn55484", 3), ("mn52237", 0), ("mn50762", 0), ("mn54543", 3), ("mn51738", 1),
    # added 2026-12-07: a bare list of 25 judges ("Name of State, Court"), judged no article
    # by a helper who read the cluster's report without the code; the list-page rule
    # (clean._list_page) was written after that reading, so this half is no longer unseen
    # for that one rule
    ("mn51249", 2),
}
FULLWEB_TUNE_CLUSTERS = 40


def fullweb_section(root: Path) -> list[str]:
    """Recall of the page classifier on the labelled non-articles, and articles it excludes."""
    path = root / "multinews" / "fullweb_dev.jsonl"
    if not path.is_file():
        return [f"Multi-News full-web skipped: {path} not found"]
    with path.open(encoding="utf-8") as lines:
        rows = [json.loads(line) for line in lines if line.strip()]
    lines_out = ["| half | non-articles (hand-labelled) | excluded | recall | articles "
                 "| articles wrongly excluded | articles without text |",
                 "|---|---|---|---|---|---|---|"]
    for name, part in (("tuning, clusters 1-40", rows[:FULLWEB_TUNE_CLUSTERS]),
                       ("held out, clusters 41-80", rows[FULLWEB_TUNE_CLUSTERS:])):
        counts = Counter()
        for row in part:
            for index, text in enumerate(row["documents"]):
                gold = (row["id"], index) in NON_ARTICLES
                outcome = _page_outcome(Article(id=f"{row['id']}-{index}", raw=text))
                counts[("non" if gold else "article", outcome)] += 1
        non = sum(v for (kind, _), v in counts.items() if kind == "non")
        articles = sum(v for (kind, _), v in counts.items() if kind == "article")
        # a non-article that cleaning leaves without text is kept out of the analysis too
        found = counts[("non", "excluded")] + counts[("non", "no text")]
        wrong = counts[("article", "excluded")]
        lines_out.append(f"| {name} | {non} | {found} | {found / max(non, 1):.2f} | {articles} "
                         f"| {wrong} ({wrong / max(articles, 1):.1%}) "
                         f"| {counts[('article', 'no text')]} |")
        print(f"full-web {name}: recall {found}/{non}, wrongly excluded {wrong}/{articles}")
    return lines_out


def _page_outcome(article: Article) -> str:
    try:
        clean(article)
    except NotAnArticle:
        return "excluded"
    except NoArticleText:
        return "no text"
    return "kept"


SCALE_LABELS = Path(__file__).resolve().parent / "judged" / "scale_page_labels.json"
SCALE_SEED8_LABELS = Path(__file__).resolve().parent / "judged" / "scale_page_labels_seed8.json"
SCALE_HELDOUT_LABELS = (Path(__file__).resolve().parent / "judged"
                        / "scale_page_labels_heldout.json")


def _scale_counts(path: Path, labels: dict[str, str]) -> Counter:
    counts: Counter = Counter()
    with gzip.open(path, "rt", encoding="utf-8") as lines:
        for line in lines:
            record = json.loads(line)
            if record["id"] not in labels:
                continue
            gold = "article" if labels[record["id"]] == "article" else "non"
            outcome = _page_outcome(Article(id=record["id"], raw=record["text"]))
            counts[(gold, "kept" if outcome == "kept" else "out")] += 1
    return counts


def scale_section(root: Path) -> list[str]:
    """The page classifier on hand-labelled single-line Multi-News documents: the sample it
    was calibrated on, and a second sample held out."""
    path = root / "scale" / "multinews_rest.jsonl.gz"
    if not path.is_file() or not SCALE_LABELS.is_file():
        return [f"Scale sample skipped: {path} or {SCALE_LABELS} not found"]
    lines = ["| sample | non-articles (hand-labelled) | excluded | recall | articles "
             "| articles wrongly excluded |", "|---|---|---|---|---|---|"]
    for name, labels_path in (("300 single-line documents, seed 7 (calibration)", SCALE_LABELS),
                              ("300 further, seed 8 (calibration)", SCALE_SEED8_LABELS),
                              ("300 further, seed 9 (held out)", SCALE_HELDOUT_LABELS)):
        if not labels_path.is_file():
            continue
        labels = json.loads(labels_path.read_text(encoding="utf-8"))["labels"]
        counts = _scale_counts(path, labels)
        non = counts[("non", "out")] + counts[("non", "kept")]
        articles = counts[("article", "out")] + counts[("article", "kept")]
        wrong, found = counts[("article", "out")], counts[("non", "out")]
        print(f"scale sample {name}: recall {found}/{non}, wrongly excluded {wrong}/{articles}")
        lines.append(f"| {name} | {non} | {found} | {found / max(non, 1):.2f} | {articles} "
                     f"| {wrong} ({wrong / max(articles, 1):.1%}) |")
    return lines


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
    lines += ["", "### Pages that are not news articles (Multi-News full-web dev)", "",
              "80 clusters of full, uncleaned web documents; the non-articles were labelled by "
              "hand once (ids in benchmarks/bench_reading.py). Excluded = `newsfuse.clean` "
              "reports the document as not a news article, with the reason (or, for a "
              "non-article, finds no article text in it); such documents take no part in the "
              "analysis.", ""]
    lines += fullweb_section(args.data)
    lines += ["", "### Pages given as one line (Multi-News source documents, scale sample)", "",
              "300 documents of scale/multinews_rest.jsonl.gz (random, at most 220 words; text "
              "without line breaks, as Multi-News distributes it), labelled by hand "
              "(benchmarks/judged/scale_page_labels.json): the set the one-line page rules were "
              "calibrated on first. Two more random samples of 300 were labelled by helpers who "
              "saw neither the code nor the classifier's output: seed 8 "
              "(scale_page_labels_seed8.json) was scored once as held out and then read to "
              "calibrate further rules; seed 9 (scale_page_labels_heldout.json) is held out, "
              "no rule was written or tuned on it.", ""]
    lines += scale_section(args.data)
    publish("\n".join(lines) + "\n", RESULTS, write=not args.no_write)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
