"""Server settings: limits, security and worker pool, with how each default was chosen."""

from __future__ import annotations

import ipaddress
import os
import secrets
from dataclasses import dataclass, field
from typing import Literal

from newsfuse import config

TOKEN_ENV = "NEWSFUSE_TOKEN"
LOCAL_HOSTS = frozenset({"127.0.0.1", "localhost", "::1", "[::1]"})

# Request bodies: a 5-article event is ~20 KB of JSON, the demo upload 18 KB; 10 MB leaves room
# for a few hundred long articles, while the 30 MB body of the issue (5.5 GB RSS) is refused.
MAX_BODY_BYTES = 10_000_000
# Bytes after gunzip, per upload and for the whole request: the same 10 MB, so a compressed
# upload cannot carry more than an uncompressed one.
MAX_DECOMPRESSED_BYTES = 10_000_000
# Articles per request. Analysis cost grows faster than linearly (500 short articles: 8 s,
# 5,000: 186 s); 200 keeps one request under ~5 s of worker time on this machine.
MAX_ARTICLES = 200
# Characters of cleaned text per article that are analysed; the rest is cut with a warning.
# spaCy refuses 1,000,000; the longest articles of the shared data are ~60,000 characters.
MAX_ARTICLE_CHARS = 100_000
# Nesting of JSON bodies and uploads: article records need 3 levels; 64 is generous and far
# below the depth (~1,000) that exhausts the parser's recursion.
MAX_JSON_DEPTH = 64
# Summary word budget accepted from requests: as on the command line (config.py).
MIN_SUMMARY_WORDS, MAX_SUMMARY_WORDS = config.MIN_SUMMARY_WORDS, config.MAX_SUMMARY_WORDS
# Jobs waiting for a worker beyond the running ones; further requests get 503 + Retry-After.
# Four waiting jobs per worker keep an accepted request's wait under ~5 job times (~10 s for
# a 5-article event) while absorbing bursts of a few clients.
QUEUE_PER_WORKER = 4
# Writes per client address: a burst, then a steady rate. A person adding articles by hand never
# reaches it; a script looping on /api/analyze is slowed to one request a second.
RATE_BURST = 30
RATE_PER_MINUTE = 60


@dataclass
class ServiceSettings:
    db_url: str | None = None
    host: str = "127.0.0.1"
    port: int = 8000
    token: str = field(default_factory=lambda: os.environ.get(TOKEN_ENV)
                       or secrets.token_urlsafe(24))
    # Extra names the Host header may carry (a reverse proxy's public name).
    allowed_hosts: tuple[str, ...] = ()
    workers: int = 1
    pool: Literal["process", "thread"] = "process"
    queue_per_worker: int = QUEUE_PER_WORKER
    max_body_bytes: int = MAX_BODY_BYTES
    max_decompressed_bytes: int = MAX_DECOMPRESSED_BYTES
    max_articles: int = MAX_ARTICLES
    max_article_chars: int = MAX_ARTICLE_CHARS
    max_json_depth: int = MAX_JSON_DEPTH
    rate_burst: int = RATE_BURST
    rate_per_minute: float = RATE_PER_MINUTE
    # Server-side fetching of article URLs: off unless the operator turns it on; even then
    # only public addresses over http(s).
    fetch_urls: bool = False

    @property
    def local_only(self) -> bool:
        """True when the server listens on a loopback address only."""
        return is_loopback_name(self.host)

    def host_names(self) -> set[str]:
        names = set(LOCAL_HOSTS) | {h.lower() for h in self.allowed_hosts}
        if self.host not in {"0.0.0.0", "::", ""}:
            names.add(self.host.lower())
        return names


def is_loopback_name(host: str) -> bool:
    if host.lower() in LOCAL_HOSTS:
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False
