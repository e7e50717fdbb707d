"""Event clustering benchmark -> benchmarks/results/clustering.md.

    python -m benchmarks.bench_clustering [--skip-scale] [--scale-sizes 1000,2000,5000,10000]

Data (read from ../shared/data; the run skips cleanly without it):
* MMDS2025 dev: 209 articles (English, Malay, Chinese), 51 gold clusters. Cluster 166 is a
  catch-all of unrelated articles: its members are scored as singletons.
* ECB+ topics 1-35: 772 documents; each topic holds two similar but distinct events.
* WikiRef220: 220 articles, 5 stories + 11 noise stories, clustered as a stream (online).
* Scale: up to 10,000 articles built from every corpus together, topped up with
  scale/multinews_rest.jsonl.gz. `--scale-only` runs just this part.

Systems, all in the same run: newsfuse batch, newsfuse online, TF-IDF + average-link
agglomerative with the best threshold per data set (an oracle-tuned baseline), and a
single-pass online threshold clusterer on TF-IDF centroids (also oracle-tuned).
"""

from __future__ import annotations

import argparse
import gzip
import hashlib
import json
import resource
import subprocess
import sys
import time
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path

import numpy as np
from sklearn.cluster import AgglomerativeClustering
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.metrics import adjusted_rand_score, homogeneity_completeness_v_measure

from newsfuse.cluster.blocking import candidate_pairs
from newsfuse.cluster.events import cluster_representation
from newsfuse.cluster.features import (
    article_signals,
    choose_encoder,
    embed,
    embed_text,
    represent,
    similarity_block,
)
from newsfuse.cluster.language import detect_language
from newsfuse.cluster.online import cluster_stream
from newsfuse.config import ClusterConfig
from newsfuse.model import Article

HERE = Path(__file__).resolve().parent
DATA = HERE.parent.parent / "shared" / "data"
RESULTS = HERE / "results" / "clustering.md"
CACHE = Path("/tmp/newsfuse-bench-cache")
MMDS_CATCH_ALL = 166
# Thresholds swept for the joint choice and the oracle-tuned baselines.
SWEEP = np.round(np.arange(0.10, 0.50, 0.02), 2)
BASELINE_SWEEP = np.round(np.arange(0.05, 0.60, 0.025), 3)
ORACLE_SWEEP = np.round(np.arange(0.02, 0.50, 0.02), 2)
ORDERS = 5  # random arrival orders for the online order-dependence measurement


@dataclass
class Dataset:
    name: str
    articles: list[Article]
    gold: list[str]


# --------------------------------------------------------------------------- loaders


def load_mmds(root: Path = DATA) -> Dataset:
    data = json.loads((root / "mmds2025" / "dev.json").read_text(encoding="utf-8"))
    articles, gold = [], []
    for item, cluster in zip(data["articles"], data["clusters"], strict=True):
        body = "\n".join(s["content"] for s in item["sentences"])
        articles.append(Article(id=f"mmds-{item['ID']}", title=item["title"], body=body))
        gold.append(f"single-{item['ID']}" if cluster == MMDS_CATCH_ALL else str(cluster))
    return Dataset("MMDS2025 dev", articles, gold)


def load_ecb(root: Path = DATA) -> Dataset:
    articles, gold = [], []
    with (root / "ecb_plus" / "documents.jsonl").open(encoding="utf-8") as lines:
        for line in lines:
            row = json.loads(line)
            articles.append(Article(id=f"ecb-{row['doc_id']}", body=row["text"]))
            gold.append(row["event"])
    return Dataset("ECB+ topics 1-35", articles, gold)


def load_wikiref(root: Path = DATA) -> Dataset:
    from newsfuse.ingest import read

    folder = root / "wikiref220" / "WikiRef220"
    result = read(sorted(folder.glob("*.txt")))
    articles = [a.model_copy(update={"body": a.raw}) for a in result.articles]
    gold = [Path(a.path or a.id).name.split(" ")[0].split(".")[0].split("(")[0].lower()
            for a in articles]
    return Dataset("WikiRef220 (stream)", articles, gold)


def load_scale_pool(root: Path, size: int) -> Dataset:
    """All corpora together, topped up with Multi-News source documents (gold: their
    cluster), shuffled with a fixed seed so that every size is a sample of the same mix."""
    articles: list[Article] = []
    gold: list[str] = []
    for loader in (load_mmds, load_ecb, load_wikiref):
        dataset = loader(root)
        articles.extend(dataset.articles)
        gold.extend(f"{dataset.name}:{g}" for g in dataset.gold)
    with gzip.open(root / "scale" / "multinews_rest.jsonl.gz", "rt", encoding="utf-8") as lines:
        for line in lines:
            if len(articles) >= size:
                break
            row = json.loads(line)
            articles.append(Article(id=f"mn-{row['id']}", body=row["text"]))
            gold.append(f"multinews:{row['cluster']}")
    order = np.random.default_rng(0).permutation(len(articles))[:size]
    return Dataset(f"scale {size}", [articles[i] for i in order], [gold[i] for i in order])


# --------------------------------------------------------------------------- metrics


def b_cubed(predicted: list, gold: list) -> tuple[float, float, float]:
    by_predicted, by_gold = defaultdict(set), defaultdict(set)
    for i, (p, g) in enumerate(zip(predicted, gold, strict=True)):
        by_predicted[p].add(i)
        by_gold[g].add(i)
    precision = recall = 0.0
    for p, g in zip(predicted, gold, strict=True):
        overlap = len(by_predicted[p] & by_gold[g])
        precision += overlap / len(by_predicted[p])
        recall += overlap / len(by_gold[g])
    precision, recall = precision / len(gold), recall / len(gold)
    return precision, recall, _f1(precision, recall)


def pairwise(predicted: list, gold: list) -> tuple[float, float, float]:
    def pairs(labels):
        groups = defaultdict(list)
        for i, label in enumerate(labels):
            groups[label].append(i)
        return {(a, b) for members in groups.values()
                for k, a in enumerate(members) for b in members[k + 1:]}

    predicted_pairs, gold_pairs = pairs(predicted), pairs(gold)
    hits = len(predicted_pairs & gold_pairs)
    precision = hits / len(predicted_pairs) if predicted_pairs else 1.0
    recall = hits / len(gold_pairs) if gold_pairs else 1.0
    return precision, recall, _f1(precision, recall)


def _f1(precision: float, recall: float) -> float:
    return 2 * precision * recall / (precision + recall) if precision + recall else 0.0


def scores(predicted: list, gold: list) -> dict[str, float]:
    _, _, b3 = b_cubed(predicted, gold)
    _, _, pair_f1 = pairwise(predicted, gold)
    v_measure = homogeneity_completeness_v_measure(gold, predicted)[2]
    return {"b3": b3, "pair": pair_f1, "v": v_measure}


# --------------------------------------------------------------------------- systems


def cached_signals(dataset: Dataset, encoder: str):
    """Embeddings are the slow part: cache them per data set and encoder between runs."""
    texts = [embed_text(a) for a in dataset.articles]
    digest = hashlib.sha1("\n\x00".join(texts).encode()).hexdigest()[:16]
    path = CACHE / f"{encoder}-{digest}.npy"
    if path.exists():
        vectors = np.load(path)
    else:
        vectors = embed(texts, encoder)
        CACHE.mkdir(parents=True, exist_ok=True)
        np.save(path, vectors)
    return article_signals(dataset.articles, encoder, list(vectors))


def encoder_for(dataset: Dataset, config: ClusterConfig) -> str:
    return choose_encoder([detect_language(a.body) for a in dataset.articles], config)


def batch_labels(dataset: Dataset, signals, encoder: str, config: ClusterConfig) -> list[int]:
    rep = represent([a.id for a in dataset.articles], signals, encoder)
    return list(cluster_representation(rep, config))


# Online variants: "greedy" decides each arrival once (merges and splits around it only);
# "live" adds the periodic re-clustering of open events (the state a user sees mid-stream);
# "final" also re-clusters once at the end of the stream.
ONLINE_MODES = ("greedy", "live", "final")


def online_labels(dataset: Dataset, signals, encoder: str, config: ClusterConfig,
                  order: list[int], mode: str = "live") -> list[int]:
    ids = [dataset.articles[i].id for i in order]
    if mode == "greedy":
        config = config.model_copy(update={"online_consolidate_every": 0})
    labels = cluster_stream(ids, [signals[i] for i in order], encoder, config,
                            consolidate_at_end=mode == "final")
    return [labels[a.id] for a in dataset.articles]


def tfidf_agglomerative(dataset: Dataset, threshold: float) -> list[int]:
    distance = np.clip(1.0 - _tfidf_similarity(dataset), 0.0, None)
    model = AgglomerativeClustering(n_clusters=None, metric="precomputed", linkage="average",
                                    distance_threshold=1.0 - threshold)
    return list(model.fit_predict(distance))


def single_pass(dataset: Dataset, threshold: float, order: list[int]) -> list[int]:
    """Classic single-pass clustering: join the most similar TF-IDF centroid or open one.

    Centroid cosines are read off the document similarity matrix: for centroid c = sum of
    member vectors, x.c = sum of x.m and |c|^2 = sum of m.m' over member pairs.
    """
    similarity = _tfidf_similarity(dataset)
    dot_with_centroid: list[np.ndarray] = []  # per cluster: x . c for every document x
    squared_norms: list[float] = []
    labels = [0] * len(dataset.articles)
    for i in order:
        best, best_score = -1, threshold
        for k, dots in enumerate(dot_with_centroid):
            score = dots[i] / np.sqrt(squared_norms[k])
            if score >= best_score:
                best, best_score = k, score
        if best < 0:
            best = len(dot_with_centroid)
            dot_with_centroid.append(np.zeros(len(labels)))
            squared_norms.append(0.0)
        squared_norms[best] += 2 * dot_with_centroid[best][i] + similarity[i, i]
        dot_with_centroid[best] = dot_with_centroid[best] + similarity[:, i]
        labels[i] = best
    return labels


def _tfidf_similarity(dataset: Dataset) -> np.ndarray:
    texts = [f"{a.title or ''}\n{a.body}" for a in dataset.articles]
    matrix = TfidfVectorizer(sublinear_tf=True, stop_words="english").fit_transform(texts)
    return (matrix @ matrix.T).toarray()


# --------------------------------------------------------------------------- experiments


def tune_jointly(runs: list[tuple[Dataset, list, str]], config: ClusterConfig,
                 subsets: list[list[int]] | None = None) -> tuple[float, dict[float, list]]:
    """Threshold with the best mean B3 F1 over the data sets (optionally on index subsets)."""
    table: dict[float, list[float]] = {}
    for threshold in SWEEP:
        trial = config.model_copy(update={"same_event_similarity": float(threshold)})
        values = []
        for k, (dataset, signals, encoder) in enumerate(runs):
            labels = batch_labels(dataset, signals, encoder, trial)
            keep = subsets[k] if subsets else range(len(labels))
            values.append(b_cubed([labels[i] for i in keep], [dataset.gold[i] for i in keep])[2])
        table[float(threshold)] = values
    best = max(table, key=lambda t: np.mean(table[t]))
    return best, table


def split_halves(dataset: Dataset, seed: int = 0) -> tuple[list[int], list[int]]:
    """Two halves by gold cluster, so that no event is in both."""
    clusters = sorted(set(dataset.gold))
    rng = np.random.default_rng(seed)
    rng.shuffle(clusters)
    first = set(clusters[: len(clusters) // 2])
    a = [i for i, g in enumerate(dataset.gold) if g in first]
    b = [i for i, g in enumerate(dataset.gold) if g not in first]
    return a, b


def oracle_baseline(dataset: Dataset, system, sweep=BASELINE_SWEEP) -> tuple[float, dict]:
    results = {float(t): scores(system(dataset, float(t)), dataset.gold) for t in sweep}
    best = max(results, key=lambda t: results[t]["b3"])
    return best, results[best]


def order_study(dataset: Dataset, signals, encoder: str, config: ClusterConfig) -> dict:
    """Each online variant over several arrival orders: B3 spread and agreement (ARI)."""
    rng = np.random.default_rng(1)
    orders = [list(range(len(dataset.articles)))]
    orders += [list(rng.permutation(len(dataset.articles))) for _ in range(ORDERS - 1)]
    study = {}
    for mode in ONLINE_MODES:
        started = time.perf_counter()
        runs = [online_labels(dataset, signals, encoder, config, order, mode)
                for order in orders]
        seconds = (time.perf_counter() - started) / len(orders)
        b3 = [b_cubed(labels, dataset.gold)[2] for labels in runs]
        agreement = [adjusted_rand_score(runs[i], runs[j])
                     for i in range(len(runs)) for j in range(i + 1, len(runs))]
        study[mode] = {"b3_mean": float(np.mean(b3)), "b3_min": float(np.min(b3)),
                       "b3_max": float(np.max(b3)), "ari": float(np.mean(agreement)),
                       "first": scores(runs[0], dataset.gold), "seconds": seconds}
    return study


def blocking_study(dataset: Dataset, signals, encoder: str, config: ClusterConfig) -> dict:
    """How many pairs blocking scores, and how many of the pairs that matter it finds."""
    rep = represent([a.id for a in dataset.articles], signals, encoder)
    rows, cols = candidate_pairs(rep)
    n = len(rep)
    found = set(zip(rows.tolist(), cols.tolist(), strict=True))
    everything = np.arange(n)
    similarity = similarity_block(rep, everything, everything, config)
    upper = np.triu_indices(n, k=1)
    linking = set(zip(*[a.tolist() for a in np.nonzero(
        np.triu(similarity >= config.same_event_similarity, k=1))], strict=True))
    gold = {(i, j) for i, j in zip(*upper, strict=True) if dataset.gold[i] == dataset.gold[j]}
    return {"scored": len(found) / len(upper[0]),
            "gold_found": len(gold & found) / max(len(gold), 1),
            "links_found": len(linking & found) / max(len(linking), 1)}


def scale_run(size: int, root: Path, pool_size: int) -> dict:
    """Cluster the first `size` articles of the pool in this process; time and peak memory.

    Embeddings come from the benchmark cache (computed for the whole pool once); their cost
    is measured separately (`embedding_rate`).
    """
    config = ClusterConfig()
    pool = load_scale_pool(root, pool_size)
    encoder = encoder_for(pool, config)
    signals = cached_signals(pool, encoder)[:size]
    articles, gold = pool.articles[:size], pool.gold[:size]
    started = time.perf_counter()
    rep = represent([a.id for a in articles], signals, encoder)
    labels = cluster_representation(rep, config)
    cluster_seconds = time.perf_counter() - started
    pairs = len(candidate_pairs(rep)[0])
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    result = {"size": size, "encoder": encoder, "cluster_seconds": cluster_seconds,
              "peak_rss_mb": peak_mb, "events": int(labels.max() + 1),
              "pairs_per_article": 2 * pairs / size, "b3": b_cubed(list(labels), gold)[2]}
    if size == pool_size:  # after the measurement: this check is quadratic on purpose
        result["b3_exhaustive"] = b_cubed(list(exhaustive_labels(rep, config)), gold)[2]
    return result


def exhaustive_labels(rep, config: ClusterConfig) -> np.ndarray:
    """The clustering blocking approximates: every pair reaching the threshold links."""
    import newsfuse.cluster.events as events

    n, rows, cols = len(rep), [], []
    for start in range(0, n, 500):
        block = np.arange(start, min(n, start + 500))
        first, second = np.nonzero(similarity_block(rep, block, np.arange(n), config)
                                   >= config.same_event_similarity)
        keep = second > block[first]
        rows.append(block[first][keep])
        cols.append(second[keep])
    every_link = (np.concatenate(rows), np.concatenate(cols))
    original = events.candidate_pairs
    events.candidate_pairs = lambda _rep: every_link
    try:
        return events.cluster_representation(rep, config)
    finally:
        events.candidate_pairs = original


def embedding_rate(root: Path, sample: int = 200) -> float:
    """Seconds per article for MiniLM on title + lead, measured without the cache."""
    pool = load_scale_pool(root, sample)
    texts = [embed_text(a) for a in pool.articles]
    started = time.perf_counter()
    embed(texts, "minilm")
    return (time.perf_counter() - started) / len(texts)


def scale_study(sizes: list[int], root: Path) -> list[dict]:
    results = []
    for size in sizes:
        # A fresh process per size: peak memory is then that size's own.
        command = [sys.executable, "-m", "benchmarks.bench_clustering", "--scale-one", str(size),
                   "--scale-pool", str(max(sizes)), "--data", str(root)]
        output = subprocess.run(command, capture_output=True, text=True, check=True,
                                cwd=HERE.parent).stdout
        results.append(json.loads(output.strip().splitlines()[-1]))
        print(f"  scale {size}: {results[-1]}", file=sys.stderr, flush=True)
    return results


# --------------------------------------------------------------------------- report


def fmt(value: float) -> str:
    return f"{value:.3f}"


def write_report(sections: list[str]) -> None:
    RESULTS.parent.mkdir(parents=True, exist_ok=True)
    RESULTS.write_text("\n".join(sections) + "\n", encoding="utf-8")
    print(f"wrote {RESULTS}", file=sys.stderr)


def quality_section(config, tables, best, split, rows, online, baselines,
                    blocking) -> list[str]:
    lines = ["## Event clustering (`python -m benchmarks.bench_clustering`)", "",
             "One threshold for all data sets, the config default: same_event_similarity = "
             f"{ClusterConfig().same_event_similarity} (the sweep's best mean over MMDS2025 and "
             f"ECB+ is {best}; the default is the value that keeps both at their targets and "
             f"that tuning on half A picks); lexical_weight = {config.lexical_weight}.", "",
             "| data set | system | B3 F1 | pairwise F1 | V-measure |", "|---|---|---|---|---|"]
    for name, system, values in rows:
        lines.append(f"| {name} | {system} | {fmt(values['b3'])} | {fmt(values['pair'])} | "
                     f"{fmt(values['v'])} |")
    lines += ["", "Baselines are tuned per data set on the test data itself (oracle "
              "thresholds, in brackets), so they are optimistic; newsfuse uses one threshold "
              "(its oracle row shows the same method at the best threshold per data set). "
              "WikiRef220 labels are broad stories (a season of a football league, years of "
              "articles on one person), not events: the event-level threshold splits them.",
              "", "### Threshold sweep (B3 F1, newsfuse batch)", "",
              "| threshold | " + " | ".join(name for name in tables["names"]) + " | mean |",
              "|---" * (len(tables["names"]) + 2) + "|"]
    for threshold, values in tables["table"].items():
        lines.append(f"| {threshold:.2f} | " + " | ".join(fmt(v) for v in values)
                     + f" | {fmt(float(np.mean(values)))} |")
    lines += ["", "### Split-half check of the threshold choice", "",
              "Each data set is split in two halves by gold event; the threshold is tuned "
              "jointly on one half of every set and scored on the other halves.", "",
              "| tuned on | threshold | scored on | " + " | ".join(tables["names"]) + " |",
              "|---|---|---|" + "---|" * len(tables["names"])]
    for tuned, threshold, scored, values in split:
        lines.append(f"| {tuned} | {threshold:.2f} | {scored} | "
                     + " | ".join(fmt(v) for v in values) + " |")
    lines += ["", "### Online mode and arrival order", "",
              f"{ORDERS} arrival orders per data set (input order plus random permutations). "
              "greedy: each arrival decided once (with merges and splits around it); live: plus "
              f"re-clustering of the open events every {config.online_consolidate_every} "
              "arrivals, the state seen mid-stream; final: plus one re-clustering at the end.",
              "", "| data set | batch B3 | online variant | B3 mean (min-max) | "
              "ARI between orders | s per run |", "|---|---|---|---|---|---|"]
    for name, batch_b3, study in online:
        for mode in ONLINE_MODES:
            result = study[mode]
            lines.append(f"| {name} | {fmt(batch_b3)} | {mode} | {fmt(result['b3_mean'])} "
                         f"({fmt(result['b3_min'])}-{fmt(result['b3_max'])}) | "
                         f"{fmt(result['ari'])} | {result['seconds']:.1f} |")
    lines += ["", "Oracle thresholds of the baselines: " + ", ".join(baselines), "",
              "### Blocking", "", "Share of all pairs that blocking scores, and the share it "
              "finds of the gold same-event pairs and of the pairs whose similarity reaches the "
              "threshold (the links that can join two articles). On these small sets every "
              "article meets a few hundred others, a large share; see Scale for 10,000.", "",
              "| data set | pairs scored | gold pairs found | linking pairs found |",
              "|---|---|---|---|"]
    for name, study in blocking:
        lines.append(f"| {name} | {study['scored']:.1%} | {study['gold_found']:.3f} | "
                     f"{study['links_found']:.3f} |")
    return lines + [""]


def scale_section(results: list[dict], seconds_per_article: float) -> list[str]:
    lines = ["### Scale", "", "Articles from every shared corpus together (MMDS2025, ECB+, "
             "WikiRef220 and Multi-News source documents), shuffled; one fresh process per "
             "size, embeddings loaded from the benchmark cache. Embedding itself (MiniLM, "
             f"title + lead) is linear: {seconds_per_article * 1000:.0f} ms per article "
             "measured on 200 articles here (2 shared cores), i.e. "
             f"{seconds_per_article * 10000 / 60:.0f} min for 10,000. B3 F1 against the "
             "corpora's own labels (Multi-News clusters, MMDS2025, ECB+ and WikiRef220 gold).",
             "", "| articles | encoder | cluster s | peak RSS MB | events | pairs scored per "
             "article | B3 F1 |", "|---|---|---|---|---|---|---|"]
    for r in results:
        lines.append(f"| {r['size']} | {r['encoder']} | {r['cluster_seconds']:.1f} | "
                     f"{r['peak_rss_mb']:.0f} | {r['events']} | {r['pairs_per_article']:.0f} | "
                     f"{fmt(r['b3'])} |")
    exhaustive = [r for r in results if "b3_exhaustive" in r]
    for r in exhaustive:
        verdict = ("blocking loses nothing measurable" if r["b3"] >= r["b3_exhaustive"] - 0.01
                   else f"blocking costs {r['b3_exhaustive'] - r['b3']:.3f}")
        lines += ["", f"Blocking check at {r['size']} articles: linking every pair whose "
                  f"similarity reaches the threshold (all pairs scored) gives B3 F1 "
                  f"{fmt(r['b3_exhaustive'])}, blocking {fmt(r['b3'])}: {verdict}. B3 falls "
                  "with size because the labels are broader than events (Multi-News clusters, "
                  "WikiRef220 stories) and larger samples hold more of their pairs."]
    if len(results) >= 2:
        first, last = results[0], results[-1]
        span = np.log(last["size"] / first["size"])
        time_growth = np.log(last["cluster_seconds"] / first["cluster_seconds"]) / span
        memory_growth = np.log(last["peak_rss_mb"] / first["peak_rss_mb"]) / span
        lines += ["", f"From {first['size']} to {last['size']} articles clustering time grows "
                  f"as n^{time_growth:.2f} and peak memory as n^{memory_growth:.2f} "
                  "(1.0 = linear, 2.0 = all pairs)."]
    return lines + [""]


# --------------------------------------------------------------------------- main


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=DATA)
    parser.add_argument("--skip-scale", action="store_true")
    parser.add_argument("--scale-only", action="store_true",
                        help="re-measure only the scale section of the results file")
    parser.add_argument("--scale-sizes", default="1000,2000,5000,10000")
    parser.add_argument("--scale-one", type=int, help=argparse.SUPPRESS)
    parser.add_argument("--scale-pool", type=int, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.scale_one:
        print(json.dumps(scale_run(args.scale_one, args.data,
                                   args.scale_pool or args.scale_one)))
        return 0
    if not (args.data / "mmds2025" / "dev.json").exists():
        print(f"skipped: benchmark data not found at {args.data}", file=sys.stderr)
        return 0
    sizes = [int(s) for s in args.scale_sizes.split(",")]
    if args.scale_only:
        kept = RESULTS.read_text(encoding="utf-8").split("### Scale")[0].rstrip("\n").split(
            "\n") if RESULTS.exists() else []
        write_report([*kept, "", *scale_section(scale_study(sizes, args.data),
                                                 embedding_rate(args.data))])
        return 0
    config = ClusterConfig()
    datasets = [load_mmds(args.data), load_ecb(args.data)]
    stream = load_wikiref(args.data)
    runs = []
    for dataset in [*datasets, stream]:
        encoder = encoder_for(dataset, config)
        print(f"{dataset.name}: {len(dataset.articles)} articles, encoder {encoder}",
              file=sys.stderr, flush=True)
        runs.append((dataset, cached_signals(dataset, encoder), encoder))
    tuned_runs = runs[:2]
    best, table = tune_jointly(tuned_runs, config)
    tables = {"names": [d.name for d, _, _ in tuned_runs], "table": table}
    split = []
    halves = [split_halves(d) for d, _, _ in tuned_runs]
    for tuned, scored in ((0, 1), (1, 0)):
        threshold, _ = tune_jointly(tuned_runs, config, [h[tuned] for h in halves])
        trial = config.model_copy(update={"same_event_similarity": threshold})
        values = []
        for (dataset, signals, encoder), half in zip(tuned_runs, halves, strict=True):
            labels = batch_labels(dataset, signals, encoder, trial)
            values.append(b_cubed([labels[i] for i in half[scored]],
                                  [dataset.gold[i] for i in half[scored]])[2])
        split.append((f"half {'AB'[tuned]}", threshold, f"half {'AB'[scored]}", values))
    rows, online, baselines, blocking = [], [], [], []
    for dataset, signals, encoder in runs:
        blocking.append((dataset.name, blocking_study(dataset, signals, encoder, config)))
        labels = batch_labels(dataset, signals, encoder, config)
        batch = scores(labels, dataset.gold)
        rows.append((dataset.name, "newsfuse batch", batch))
        study = order_study(dataset, signals, encoder, config)
        rows.append((dataset.name, "newsfuse online, live (input order)",
                     study["live"]["first"]))
        online.append((dataset.name, batch["b3"], study))
        threshold, values = oracle_baseline(
            dataset, lambda d, t, s=signals, e=encoder: batch_labels(
                d, s, e, config.model_copy(update={"same_event_similarity": t})),
            ORACLE_SWEEP)
        rows.append((dataset.name, f"newsfuse batch, oracle threshold [{threshold}]", values))
        threshold, values = oracle_baseline(dataset, tfidf_agglomerative)
        rows.append((dataset.name, f"TF-IDF + average-link [{threshold}]", values))
        baselines.append(f"{dataset.name} agglomerative {threshold}")
        order = list(range(len(dataset.articles)))
        threshold, values = oracle_baseline(
            dataset, lambda d, t, o=order: single_pass(d, t, o))
        rows.append((dataset.name, f"single-pass online TF-IDF [{threshold}]", values))
        baselines.append(f"{dataset.name} single-pass {threshold}")
        print(f"  {dataset.name}: batch {batch}", file=sys.stderr, flush=True)
    sections = quality_section(config, tables, best, split, rows, online, baselines, blocking)
    if not args.skip_scale and (args.data / "scale" / "multinews_rest.jsonl.gz").exists():
        sections += scale_section(scale_study(sizes, args.data), embedding_rate(args.data))
    write_report(sections)
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
