"""Calibrate and check the cross-source alignment (corroboration, citations, unique facts).

Annotation and sentence vectors are computed once per event and cached (the slow part);
alignment, corroborated and unique facts are then recomputed for each setting and scored
with the crossfacts scorer's own rules, per half:

    python -m benchmarks.bench_alignment crossfacts [--set support_score=0.9 ...]
    python -m benchmarks.bench_alignment real          # facts and cited sources, to judge by hand

Half A (events a*, b*) is for choosing settings, half B (c*, d*) the check. `real` prints, for
the first five Multi-News fullweb dev clusters with 3+ documents, every corroborated fact with
the sentence each cited source gives, so a reader can tell whether the source states it.
Needs ../shared/data (skips with a message when it is absent).
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import pickle
import sys
import tempfile
from pathlib import Path

SHARED = Path(__file__).resolve().parents[1].parent / "shared"
if not SHARED.exists():
    SHARED = Path("/work/shared")
CROSSFACTS = SHARED / "data" / "crossfacts" / "dev"
MULTINEWS = SHARED / "data" / "multinews" / "fullweb_dev.jsonl"
SCORER = SHARED / "tools" / "crossfacts_score.py"
CACHE = Path(tempfile.gettempdir()) / "newsfuse_align_cache"
REAL_CLUSTERS = 5


def _prepared(key: str, records: list[dict]):
    """(documents, sentences, embeddings, independent, outlets) of one event, cached."""
    from newsfuse.api import annotate, load
    from newsfuse.config import Config
    from newsfuse.dedup import near_duplicate_groups
    from newsfuse.nlp.embed import get_embedder
    from newsfuse.segment import split

    CACHE.mkdir(exist_ok=True)
    path = CACHE / f"{key}.pkl"
    if path.exists():
        return pickle.loads(path.read_bytes())
    config = Config()
    with tempfile.TemporaryDirectory() as tmp:
        source = Path(tmp) / "event.jsonl"
        source.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
        articles, _ = load([source], config)
    split_articles = [split(a) for a in articles]
    sentences = [s for ss in split_articles for s in ss]
    documents = annotate(articles, config, split_articles)
    embeddings = get_embedder()([s.text for s in sentences])
    prepared = (documents, sentences, embeddings,
                near_duplicate_groups(articles, config.cluster),
                {a.id: a.source for a in articles})
    path.write_bytes(pickle.dumps(prepared))
    return prepared


EVIDENCE = True  # --no-evidence: without the parse and figure links (the earlier method)


def _analyse(prepared, config):
    from newsfuse.align import align
    from newsfuse.synthesize.report import (
        figures_and_facts,
        sentence_vectors,
        unattributed_quote_sentences,
    )
    from newsfuse.synthesize.unique import unique_facts

    documents, sentences, embeddings, independent, outlets = prepared
    alignment = align(sentences, embeddings, independent, config, outlets=outlets,
                      documents=documents if EVIDENCE else None)
    fragments = unattributed_quote_sentences(documents)
    _, facts = figures_and_facts(documents, alignment, fragments, sentence_vectors(alignment))
    return alignment, {
        "corroborated": [f.model_dump() for f in facts],
        "unique": [f.model_dump() for f in unique_facts(alignment, documents)]}


def _crossfacts_records(event: Path) -> list[dict]:
    gold = json.loads((event / "gold.json").read_text(encoding="utf-8"))
    return [{"id": letter, "source": meta.get("outlet"), "published": meta.get("published"),
             "text": (event / f"{letter}.txt").read_text(encoding="utf-8")}
            for letter, meta in sorted(gold["articles"].items())]


def crossfacts(config, verbose: bool) -> dict[str, dict[str, float]]:
    spec = importlib.util.spec_from_file_location("crossfacts_score", SCORER)
    scorer = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(scorer)
    results = {}
    for half, prefixes in (("A", "ab"), ("B", "cd")):
        total = {"found": 0, "gold": 0, "false": 0, "unique": 0, "unique_found": 0}
        for event in sorted(p for p in CROSSFACTS.iterdir() if p.name[0] in prefixes):
            gold = json.loads((event / "gold.json").read_text(encoding="utf-8"))
            _, report = _analyse(_prepared(f"cf-{event.name}", _crossfacts_records(event)), config)
            s = scorer.score(gold, report)
            total["found"] += s["corroborated_found"]
            total["gold"] += s["corroborated"]
            total["false"] += s["false_corroborated"]
            total["unique"] += s["unique"]
            total["unique_found"] += s["unique_found"]
            if verbose:
                for note in s["notes"]:
                    if "corrobor" in note:
                        print(f"  {event.name}: {note}")
        results[half] = {"recall": total["found"] / total["gold"], "false": total["false"],
                         "unique_recall": total["unique_found"] / total["unique"],
                         "found": total["found"], "gold": total["gold"]}
    return results


def real(config) -> None:
    clusters = []
    with MULTINEWS.open(encoding="utf-8") as lines:
        for line in lines:
            cluster = json.loads(line)
            if len(cluster["documents"]) >= 3:
                clusters.append(cluster)
            if len(clusters) == REAL_CLUSTERS:
                break
    for cluster in clusters:
        records = [{"id": f"d{k}", "text": text} for k, text in enumerate(cluster["documents"])]
        alignment, report = _analyse(_prepared(f"mn-{cluster['id']}", records), config)
        print(f"\n=== {cluster['id']}")
        for fact in report["corroborated"]:
            print(f"\nFACT [{', '.join(fact['sources'])}] {fact['text']}")
            shown = next(i for i, s in enumerate(alignment.sentences) if s.text == fact["text"])
            for doc, index in _cited_sentences(alignment, shown, fact["sources"]).items():
                print(f"   {doc}: {alignment.sentences[index].text[:300]}")


def _cited_sentences(alignment, shown: int, sources: list[str]) -> dict[str, int]:
    """For each cited source, its sentence best supporting a part of the shown sentence."""
    found = {}
    for p in alignment.parts_of(shown):
        for doc, support in alignment.support[p].items():
            if doc in sources and (doc not in found or support.score > found[doc][1]):
                found[doc] = (support.sentence, support.score)
    # A source may support the fact through another member's sentence: show what it gave.
    return {doc: index for doc, (index, _) in sorted(found.items())}


def main(argv: list[str] | None = None) -> int:
    from newsfuse.config import AlignConfig

    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("what", choices=["crossfacts", "real"])
    parser.add_argument("--set", action="append", default=[], help="AlignConfig field=value")
    parser.add_argument("--verbose", action="store_true")
    parser.add_argument("--no-evidence", action="store_true")
    args = parser.parse_args(argv)
    global EVIDENCE
    EVIDENCE = not args.no_evidence
    if not CROSSFACTS.exists() or not MULTINEWS.exists():
        print(f"skipped: {SHARED / 'data'} is absent")
        return 0
    values = dict(item.split("=", 1) for item in args.set)
    config = AlignConfig(**values)
    if args.what == "crossfacts":
        for half, r in crossfacts(config, args.verbose).items():
            print(f"half {half}: corroboration recall {r['recall']:.3f} ({r['found']}/{r['gold']})"
                  f"  false {r['false']}  unique recall {r['unique_recall']:.3f}")
    else:
        real(config)
    return 0


if __name__ == "__main__":
    sys.exit(main())
