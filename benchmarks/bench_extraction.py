"""Article body extraction on the scrapinghub article-extraction benchmark.

    python -m benchmarks.bench_extraction [--data PATH] [--bootstrap N] [--no-write]

Scores newsfuse's clean stage (`newsfuse.clean.clean` on each page as HTML), trafilatura as
the benchmark's own runner calls it (`trafilatura.extract(html, include_comments=False)`, run in
this process) and the reference extractors' outputs stored with the data, against the gold
`articleBody`. The metric is the benchmark's (its evaluate.py): the text is cut into `\\w+`
tokens, tokens into overlapping 4-token shingles; per page, shingle TP/FP/FN are counted and
normalised to sum 1, precision and recall are averaged over pages and F1 is taken from the two
means. ± is the bootstrap standard deviation over pages, as in evaluate.py.

The pages are split in two halves by the parity of their id's first 32 bits; the clean rules were
tuned on half A only, so half B is held out. Writes benchmarks/results/extraction.md.
"""

from __future__ import annotations

import argparse
import datetime as dt
import gzip
import json
import random
import re
import statistics
import sys
import time
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from benchmarks.publish import publish

HERE = Path(__file__).resolve().parent
RESULTS = HERE / "results" / "extraction.md"
DEFAULT_DATA = HERE.parents[1] / "shared" / "data" / "scrapinghub"
SHINGLE_SIZE = 4  # evaluate.py's ngram_n
BOOTSTRAP_SEED = 13  # fixed so that the ± column does not change between runs
TOKEN = re.compile(r"\w+", re.UNICODE)
# A removed block counts as gold text when at least half of its shingles are in the gold body.
GOLD_SHARE = 0.5

TpFpFn = tuple[float, float, float]


# ----------------------------------------------------------------------------- metric


def _shingles(text: str) -> Counter:
    tokens = TOKEN.findall(text or "")
    count = max(1, len(tokens) - SHINGLE_SIZE + 1)
    return Counter(tuple(tokens[i:i + SHINGLE_SIZE]) for i in range(count)
                   if tokens[i:i + SHINGLE_SIZE])


def shingle_match(true: str, pred: str) -> TpFpFn:
    """evaluate.py's string_shingle_matching: counts normalised so long pages weigh the same."""
    true_shingles, pred_shingles = _shingles(true), _shingles(pred)
    tp = fp = fn = 0.0
    for key in true_shingles.keys() | pred_shingles.keys():
        true_count, pred_count = true_shingles.get(key, 0), pred_shingles.get(key, 0)
        tp += min(true_count, pred_count)
        fp += max(0, pred_count - true_count)
        fn += max(0, true_count - pred_count)
    total = tp + fp + fn
    return (tp / total, fp / total, fn / total) if total else (0.0, 0.0, 0.0)


def _precision(tp: float, fp: float, fn: float) -> float:
    if fp == fn == 0:
        return 1.0
    return 0.0 if tp == fp == 0 else tp / (tp + fp)


def _recall(tp: float, fp: float, fn: float) -> float:
    if fp == fn == 0:
        return 1.0
    return 0.0 if tp == fn == 0 else tp / (tp + fn)


def prf(counts: list[TpFpFn]) -> tuple[float, float, float]:
    """(F1, precision, recall) as evaluate.py's metrics_from_tp_fp_fns."""
    precision = statistics.mean(_precision(*c) for c in counts if c[0] + c[1] > 0)
    recall = statistics.mean(_recall(*c) for c in counts if c[0] + c[2] > 0)
    return 2 * precision * recall / (precision + recall), precision, recall


def bootstrap_f1_std(counts: list[TpFpFn], rounds: int) -> float:
    if rounds < 2:
        return 0.0
    rng = random.Random(BOOTSTRAP_SEED)
    samples = [prf([counts[rng.randrange(len(counts))] for _ in counts])[0] for _ in range(rounds)]
    return statistics.stdev(samples)


# ----------------------------------------------------------------------------- data


@dataclass(frozen=True)
class Page:
    id: str
    html: str
    gold: str

    @property
    def half(self) -> str:
        return "A" if int(self.id[:8], 16) % 2 == 0 else "B"


def load_pages(root: Path) -> list[Page]:
    gold = json.loads((root / "ground-truth.json").read_text(encoding="utf-8"))
    pages = []
    for page_id in sorted(gold):
        path = root / "html" / f"{page_id}.html.gz"
        with gzip.open(path, "rt", encoding="utf-8", errors="replace") as handle:
            pages.append(Page(page_id, handle.read(), gold[page_id].get("articleBody") or ""))
    return pages


def stored_outputs(root: Path) -> dict[str, dict[str, str]]:
    """Reference extractors' stored outputs ({name: {page id: body}}), in either file layout."""
    outputs = {}
    for path in sorted((root / "reference-outputs").glob("*.json")):
        data = json.loads(path.read_text(encoding="utf-8"))
        if isinstance(data, dict) and set(data) == {"version", "output"}:
            data = data["output"]
        outputs[path.stem] = {key: (value or {}).get("articleBody") or ""
                              for key, value in data.items()}
    return outputs


# ----------------------------------------------------------------------------- systems


Removed = list[tuple[str, str]]  # (reason, text) of each block the clean rules dropped


def newsfuse_extract(html: str) -> tuple[str, Removed]:
    """The body `analyze` reads: nothing for a page the product excludes as no news article."""
    body, removed = newsfuse_text(html)
    if any(reason.startswith(EXCLUDED) for reason, _ in removed):
        return "", []
    return body, removed


# The reason `newsfuse_text` gives the one block of a page it excludes.
EXCLUDED = "excluded: "


def newsfuse_text(html: str) -> tuple[str, Removed]:
    """The body newsfuse extracts, also of a page it then excludes as no news article (the
    exclusion's reason is the one removed block): extraction apart from the page verdict."""
    from newsfuse.clean import NoArticleText, NotAnArticle, clean
    from newsfuse.model import Article

    try:
        article = clean(Article(id="page", raw=html, format="html"))
    except NotAnArticle as excluded:
        return excluded.body, [(f"{EXCLUDED}{excluded.reason}", excluded.body)]
    except NoArticleText:
        return "", []
    return article.body, [(block.reason, block.text) for block in article.removed]


def excluded_pages(removed: dict[str, Removed]) -> list[str]:
    """Pages `newsfuse_text` found excluded, with the reason."""
    return [f"{page[:8]} ({reason.removeprefix(EXCLUDED)})"
            for page, blocks in sorted(removed.items())
            for reason, _ in blocks if reason.startswith(EXCLUDED)]


def trafilatura_extract(html: str) -> tuple[str, Removed]:
    import trafilatura

    return trafilatura.extract(html, include_comments=False) or "", []


def run_system(extract: Callable[[str], tuple[str, Removed]], pages: list[Page],
               ) -> tuple[dict[str, str], dict[str, Removed], float]:
    extract(pages[0].html)  # warm-up: imports and lazy tables are not extraction time
    start = time.perf_counter()
    results = {page.id: extract(page.html) for page in pages}
    seconds = time.perf_counter() - start
    return ({key: body for key, (body, _) in results.items()},
            {key: removed for key, (_, removed) in results.items()}, seconds)


def removal_audit(removed: dict[str, Removed], pages: list[Page]) -> list[str]:
    """Per rule: blocks removed, and how many of them are gold article text after all
    (most of their shingles found in the gold body) — the rules' own precision."""
    gold = {page.id: _shingles(page.gold) for page in pages}
    counts: dict[str, list[int]] = {}
    for page_id, blocks in removed.items():
        for reason, text in blocks:
            shingles = _shingles(text)
            found = sum(min(n, gold[page_id].get(key, 0)) for key, n in shingles.items())
            in_gold = found >= GOLD_SHARE * max(sum(shingles.values()), 1)
            tally = counts.setdefault(reason, [0, 0])
            tally[0] += 1
            tally[1] += in_gold
    lines = ["| rule (reason) | blocks removed | of which gold text |", "|---|---|---|"]
    lines += [f"| {reason} | {total} | {wrong} |"
              for reason, (total, wrong) in sorted(counts.items(), key=lambda kv: -kv[1][0])]
    return lines


# ----------------------------------------------------------------------------- report

NOTES = ("Seconds: wall-clock for all pages in this process (after one warm-up page), on a "
         "shared 2-core machine, so only roughly comparable between runs. The newsfuse clean "
         "rules were written after reading extraction errors on half A; a first look at the worst "
         "pages of the whole set came before the split was fixed, so half B is held out from "
         "tuning but not entirely unseen. One rule came from reading a half-B page (2026-12-07: "
         "the <article> holding the headline is the story, other <article> elements are "
         "teasers; page b3c19dd5, a blog post followed by seven teasers); it changes no half-A "
         "page and one more half-B page (9cb8224b). For orientation, the benchmark's README "
         "reports "
         "trafilatura 2.0.0 at F1 0.958 on its full 181 pages; the data folder holds 85 of them.")


EXCLUDED_NOTE = ("Pages newsfuse reads and then excludes as no news article ({count}, scored "
                 "as empty in the first row and by their text in the second): {pages}. "
                 "The benchmark counts every page as an article; the page verdict has its "
                 "own benchmark (reading).")


@dataclass
class Row:
    name: str
    cells: list[str]
    seconds: str


def score_row(name: str, outputs: dict[str, str], pages: list[Page], rounds: int,
              seconds: str) -> Row:
    counts = {page.id: shingle_match(page.gold, outputs.get(page.id, "")) for page in pages}
    cells = []
    for half in ("all", "A", "B"):
        chosen = [counts[p.id] for p in pages if half == "all" or p.half == half]
        f1, precision, recall = prf(chosen)
        spread = f" ± {bootstrap_f1_std(chosen, rounds):.3f}" if half == "all" else ""
        cells.append(f"{f1:.3f}{spread} | {precision:.3f} | {recall:.3f}")
    return Row(name, cells, seconds)


def table(rows: list[Row]) -> list[str]:
    header = ("| extractor | F1 (all) | P | R | F1 (A, tuning) | P | R | F1 (B, held out) | P | R "
              "| seconds (85 pages) |")
    lines = [header, "|" + "---|" * 11]
    lines += [f"| {row.name} | {' | '.join(row.cells)} | {row.seconds} |" for row in rows]
    return lines


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--bootstrap", type=int, default=1000, help="bootstrap rounds for ±")
    parser.add_argument("--no-write", action="store_true", help="print only")
    args = parser.parse_args(argv)
    if not (args.data / "ground-truth.json").exists():
        print(f"skipped: scrapinghub data not found at {args.data}")
        return 0
    pages = load_pages(args.data)
    halves = Counter(page.half for page in pages)
    rows, audit, excluded = [], [], []
    for name, extract in (("newsfuse clean (as analyze reads it)", newsfuse_extract),
                          ("newsfuse text, excluded pages too", newsfuse_text),
                          ("trafilatura (benchmark call)", trafilatura_extract)):
        outputs, removed, seconds = run_system(extract, pages)
        rows.append(score_row(name, outputs, pages, args.bootstrap, f"{seconds:.1f}"))
        audit = audit or removal_audit(removed, pages)
        excluded = excluded or excluded_pages(removed)
    empty = []
    for name, outputs in stored_outputs(args.data).items():
        if not outputs:
            empty.append(name)
            continue
        rows.append(score_row(f"{name} (stored output)", outputs, pages, args.bootstrap, "—"))

    command = "python -m benchmarks.bench_extraction" + (" " + " ".join(argv) if argv else "")
    lines = ["## Article extraction (scrapinghub benchmark)", "",
             f"Command: `{command}` — run {dt.date.today().isoformat()} on {len(pages)} pages "
             f"(half A: {halves['A']} pages used to tune the clean rules; half B: {halves['B']} "
             "held out). Metric: the benchmark's own (4-token shingle precision/recall per "
             "page, averaged over pages; F1 of the means; ± = bootstrap std of F1).", ""]
    lines += table(rows)
    lines += ["", NOTES, "", EXCLUDED_NOTE.format(
        count=len(excluded), pages="; ".join(excluded) or "none")]
    if empty:
        lines += ["", f"Stored outputs that are empty in the data folder, so not scored: "
                      f"{', '.join(empty)}."]
    lines += ["", "What the newsfuse line rules removed from trafilatura's output on all pages "
                  "(a block is gold text when half its shingles are in the gold body):", ""]
    lines += audit
    publish("\n".join(lines) + "\n", RESULTS, write=not args.no_write)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
