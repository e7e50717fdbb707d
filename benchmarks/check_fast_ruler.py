"""The compiled attribute ruler against spaCy's own: identical annotation, and the time of each.

    python -m benchmarks.check_fast_ruler [--limit N]

Runs the pipeline with spaCy's AttributeRuler and with `newsfuse.nlp.fast_ruler` over the bodies
of the first six DUC 2004 clusters (cleaned by the product's reader), the Multi-News dev and
full-web documents and the crossfacts dev articles, component by component, and compares every
token's tag, POS, morphology, lemma, dependency and head, and every entity span and sentence.
Prints the time of each component in both pipelines and the number of differing tokens per set
(must be 0); exits 1 on any difference. Skips a missing data set with a message.
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from benchmarks.bench_speed_baseline import cleaned_clusters
from benchmarks.loaders import DATA_DIR, DataMissing, multinews
from newsfuse.config import NlpConfig
from newsfuse.nlp.pipeline import load_pipeline


def duc_bodies() -> list[str]:
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "clusters.json"
        cleaned_clusters(path)
        return [a["body"] for cluster in json.loads(path.read_text()) for a in cluster]


def multinews_texts(name: str) -> list[str]:
    return [a.raw for cluster in multinews(name=name) for a in cluster.articles]


def crossfacts_texts() -> list[str]:
    paths = sorted((DATA_DIR / "crossfacts" / "dev").glob("*/*.txt"))
    if not paths:
        raise DataMissing("crossfacts dev not found")
    return [p.read_text(encoding="utf-8") for p in paths]


SETS: dict[str, Callable[[], list[str]]] = {
    "duc2004 (6 clusters, cleaned)": duc_bodies,
    "multinews dev": lambda: multinews_texts("dev.jsonl"),
    "multinews fullweb": lambda: multinews_texts("fullweb_dev.jsonl"),
    "crossfacts dev": crossfacts_texts,
}


def run(nlp, texts: list[str], seconds: dict[str, float]) -> list:
    """`nlp` over `texts` one component at a time, adding each one's time to `seconds`."""
    started = time.perf_counter()
    docs = [nlp.make_doc(t) for t in texts]
    seconds["tokenizer"] = seconds.get("tokenizer", 0.0) + time.perf_counter() - started
    for name, component in nlp.pipeline:
        started = time.perf_counter()
        if hasattr(component, "pipe"):
            docs = list(component.pipe(docs, batch_size=256))
        else:
            docs = [component(d) for d in docs]
        seconds[name] = seconds.get(name, 0.0) + time.perf_counter() - started
    return docs


def view(doc) -> tuple:
    tokens = [(t.text, t.tag_, t.pos_, str(t.morph), t.lemma_, t.dep_, t.head.i) for t in doc]
    ents = [(e.start, e.end, e.label_) for e in doc.ents]
    sents = [(s.start, s.end) for s in doc.sents]
    return tokens, ents, sents


def differing_tokens(a, b) -> int:
    (tokens_a, ents_a, sents_a), (tokens_b, ents_b, sents_b) = view(a), view(b)
    differ = sum(x != y for x, y in zip(tokens_a, tokens_b, strict=True))
    return differ + (ents_a != ents_b) + (sents_a != sents_b)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--limit", type=int, help="texts per set (default: all)")
    args = parser.parse_args(argv)
    model = NlpConfig().spacy_model
    spacy_nlp, fast_nlp = load_pipeline(model, fast_ruler=False), load_pipeline(model)
    times: dict[str, dict[str, float]] = {"spaCy ruler": {}, "compiled ruler": {}}
    failed = False
    for name, read in SETS.items():
        try:
            texts = read()[:args.limit]
        except DataMissing as exc:
            print(f"SKIP {name}: {exc}")
            continue
        expected = run(spacy_nlp, texts, times["spaCy ruler"])
        got = run(fast_nlp, texts, times["compiled ruler"])
        differ = sum(differing_tokens(a, b) for a, b in zip(expected, got, strict=True))
        tokens = sum(len(d) for d in got)
        print(f"{name}: {len(texts)} texts, {tokens} tokens, {differ} differing")
        failed |= differ > 0
    for pipeline, seconds in times.items():
        print(pipeline + ": " + ", ".join(f"{k} {v:.2f}s" for k, v in seconds.items()))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
