"""Request limits: decompression with a cap, JSON nesting, article count; the length of an
article is cut to the server's limit by `clean.length`.

Everything here raises `LimitExceeded` (a clear 4xx) or turns one bad item into an
`InputError`, so a request never ends in a 500 because of what it carries.
"""

from __future__ import annotations

import json
import re
import zlib

import numpy as np

GZIP_MAGIC = b"\x1f\x8b"
# gzip inside gzip inside ...: two layers are plenty for real files (.json.gz of a .gz feed).
MAX_GZIP_LAYERS = 2
_CHUNK = 64 * 1024
_JSON_STRING = re.compile(rb'"(?:[^"\\]|\\.)*"', re.DOTALL)


class LimitExceeded(Exception):
    """A request or item beyond a limit: `status` is the HTTP status to answer with."""

    def __init__(self, message: str, status: int = 413):
        super().__init__(message)
        self.status = status


def gunzip_capped(data: bytes, cap: int) -> bytes:
    """Decompress gzip layers by streaming, stopping as soon as the output passes `cap`."""
    for _ in range(MAX_GZIP_LAYERS):
        if not data.startswith(GZIP_MAGIC):
            return data
        data = _inflate(data, cap)
    if data.startswith(GZIP_MAGIC):
        raise LimitExceeded(f"more than {MAX_GZIP_LAYERS} layers of gzip", status=400)
    return data


def _inflate(data: bytes, cap: int) -> bytes:
    decoder = zlib.decompressobj(16 + zlib.MAX_WBITS)
    out = bytearray()
    try:
        for start in range(0, len(data), _CHUNK):
            # max_length bounds each step's output, so a bomb never expands past cap + 64 KB.
            piece = decoder.decompress(data[start:start + _CHUNK], cap + 1 - len(out))
            out += piece
            while decoder.unconsumed_tail and len(out) <= cap:
                out += decoder.decompress(decoder.unconsumed_tail, cap + 1 - len(out))
            if len(out) > cap:
                raise LimitExceeded(f"decompressed size exceeds the limit of {cap:,} bytes")
            if decoder.eof:
                break
    except zlib.error as exc:
        raise LimitExceeded(f"corrupt gzip data ({exc})", status=400) from exc
    if not decoder.eof:
        raise LimitExceeded("truncated gzip data", status=400)
    return bytes(out)


def json_depth(data: bytes) -> int:
    """Deepest nesting of [ and { outside strings (vectorised: 10 MB in ~0.1 s)."""
    stripped = _JSON_STRING.sub(b'""', data)
    codes = np.frombuffer(stripped, dtype=np.uint8)
    steps = np.zeros(len(codes), dtype=np.int32)
    steps[(codes == ord("[")) | (codes == ord("{"))] = 1
    steps[(codes == ord("]")) | (codes == ord("}"))] = -1
    return int(np.cumsum(steps).max(initial=0))


def check_json_depth(data: bytes, limit: int, what: str = "JSON") -> None:
    if json_depth(data) > limit:
        raise LimitExceeded(f"{what} is nested deeper than {limit} levels", status=400)


def parse_json_body(data: bytes, max_depth: int) -> object:
    check_json_depth(data, max_depth)
    try:
        return json.loads(data)
    except (ValueError, RecursionError) as exc:
        raise LimitExceeded(f"invalid JSON: {exc}", status=400) from exc


def looks_like_json(name: str, data: bytes) -> bool:
    head = data.lstrip()[:1]
    return head in (b"{", b"[") or name.lower().endswith((".json", ".jsonl", ".ndjson"))


def check_article_count(count: int, limit: int) -> None:
    if count > limit:
        raise LimitExceeded(f"{count} articles in one request; the limit is {limit}")


