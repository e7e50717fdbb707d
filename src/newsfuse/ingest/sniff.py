"""Format and encoding detection for raw input bytes."""

from __future__ import annotations

import gzip
import re

from charset_normalizer import from_bytes

# Share of control characters above which bytes are treated as binary, not text.
# Real text in any single-byte code page stays far below 1%; images and archives are 20%+.
BINARY_CONTROL_RATIO = 0.05
# NUL bytes up to this share of a file, or this many in a short file, are stray bytes in text
# and are dropped (two NULs in a 2 KB story are 0.1%); more are binary data or UTF-16 without a
# byte-order mark (half of its bytes).
MAX_STRAY_NUL_SHARE = 0.002
MAX_STRAY_NULS = 8

_BOMS = (
    (b"\xef\xbb\xbf", "utf-8-sig"),
    (b"\xff\xfe", "utf-16"),
    (b"\xfe\xff", "utf-16"),
)


class UnreadableInput(ValueError):
    """Raised with a message fit to show the user, naming what is wrong with the item."""


def maybe_gunzip(data: bytes) -> bytes:
    if data[:2] == b"\x1f\x8b":
        try:
            return gzip.decompress(data)
        except (OSError, EOFError) as exc:
            raise UnreadableInput(f"corrupt gzip data ({exc})") from exc
    return data


def decode(data: bytes) -> tuple[str, str]:
    """Return (text, encoding). Raises UnreadableInput for empty or binary data.

    A few stray NUL bytes in otherwise clean text (a bad export, a truncated write) are
    dropped, not taken for binary data: see `stray_nul_bytes`.
    """
    if not data.strip():
        raise UnreadableInput("empty file")
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return data.decode(encoding), encoding
    if stray_nul_bytes(data):
        data = data.replace(b"\x00", b"")
    try:
        text = data.decode("utf-8")
        encoding = "utf-8"
    except UnicodeDecodeError:
        text, encoding = _decode_legacy(data)
    if _looks_binary(text):
        raise UnreadableInput("binary data, not text")
    return text, encoding


def stray_nul_bytes(data: bytes) -> int:
    """How many NUL bytes `data` holds when they are few enough to be dropped, else 0.

    UTF-16 without a byte-order mark and binary formats hold NULs in large numbers (half the
    bytes of UTF-16 English text, a few per cent of images and archives); a text file with a
    handful of them is text. Bytes that are binary for other reasons are still refused after
    the NULs are gone (BINARY_CONTROL_RATIO).
    """
    count = data.count(b"\x00")
    return count if count <= max(MAX_STRAY_NULS, MAX_STRAY_NUL_SHARE * len(data)) else 0


def _decode_legacy(data: bytes) -> tuple[str, str]:
    if b"\x00" in data[:4096]:
        raise UnreadableInput("binary data, not text")
    best = from_bytes(data).best()
    # Western news text that is not UTF-8 is nearly always cp1252 (a superset of latin-1);
    # charset-normalizer's guess is kept only when it is confident of something else.
    encoding = best.encoding if best is not None and best.coherence > 0.5 else "cp1252"
    try:
        return data.decode(encoding), encoding
    except (UnicodeDecodeError, LookupError):
        return data.decode("latin-1"), "latin-1"


def _looks_binary(text: str) -> bool:
    sample = text[:20_000]
    controls = sum(1 for ch in sample if ord(ch) < 32 and ch not in "\n\r\t\f\v")
    return controls / max(len(sample), 1) > BINARY_CONTROL_RATIO


# TREC/SGML newswire: opens with <DOC> and names it with <DOCNO> or an id attribute.
_TREC_RE = re.compile(r"^<DOC[\s>].{0,400}?(?:<DOCNO>|\bid=\")", re.I | re.S)


def looks_like_trec(head: str) -> bool:
    return _TREC_RE.match(head.lstrip("\ufeff \t\r\n")) is not None


_HTML_RE = re.compile(r"<(!doctype html|html|body|head|div|p|article)\b", re.I)
_FEED_RE = re.compile(r"<(rss|feed|rdf:RDF)\b", re.I)


# newsfuse's own reports, as `render` writes them: a folder analysed twice with `-o` inside it
# holds the first run's report, which is no article.
_REPORT_MARKS = (
    re.compile(r'\A\s*\{\s*"schema_version"\s*:'),  # JSON
    re.compile(r'<meta name="generator" content="newsfuse\b'),  # HTML
    re.compile(r"\A# [^\n]*\n\n_schema \d"),  # Markdown
)


def is_newsfuse_report(text: str) -> bool:
    head = text[:4000]
    return any(mark.search(head) for mark in _REPORT_MARKS)


def detect_format(name: str, text: str) -> str:
    """One of 'trec', 'feed', 'html', 'jsonl', 'json', 'text' from file name and content."""
    lower = name.lower().removesuffix(".gz")
    head = text[:2000].lstrip()
    if looks_like_trec(head):
        return "trec"
    # a JSON file says so by its name and its first character: its records may hold HTML
    if lower.endswith((".jsonl", ".ndjson")):
        return "jsonl"
    if lower.endswith(".json") and head.startswith(("{", "[")):
        return "json"
    if lower.endswith((".rss", ".atom", ".xml")) or _FEED_RE.search(head):
        return "feed"
    if lower.endswith((".html", ".htm")) or _HTML_RE.search(head):
        return "html"
    if lower.endswith(".json") or head.startswith(("{", "[")):
        return "json"
    return "text"
