"""The guard in front of every request: Host check, token, write rate limit, body cap, headers.

A pure ASGI middleware, so a refused request costs no routing, parsing or body reading.
"""

from __future__ import annotations

import secrets
import time
from http.cookies import SimpleCookie
from urllib.parse import urlsplit

from starlette.types import ASGIApp, Message, Receive, Scope, Send

from newsfuse.service.errors import error_response, wants_html
from newsfuse.service.settings import ServiceSettings

COOKIE = "newsfuse_token"
READ_METHODS = frozenset({"GET", "HEAD"})
# Reachable without a token even when the server listens beyond localhost: the login page
# and its stylesheet carry no data.
PUBLIC_PATHS = ("/login", "/static/")
# Pages: only this server's own files; no inline script, no framing, forms post back here.
PAGE_CSP = ("default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
            "connect-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'")
SECURITY_HEADERS = {
    "x-content-type-options": "nosniff",
    # same-origin, not no-referrer: with no-referrer Chromium sends "Origin: null" on form
    # posts, which the Origin check must refuse; other sites still get no Referer.
    "referrer-policy": "same-origin",
    "x-frame-options": "DENY",
    "cross-origin-opener-policy": "same-origin",
    "cross-origin-resource-policy": "same-origin",
}
# Client addresses remembered by the rate limiter; the oldest are forgotten beyond this.
MAX_TRACKED_CLIENTS = 10_000


class BodyTooLarge(Exception):
    pass


class RateLimiter:
    """Token bucket per client: `burst` writes at once, then `per_minute`."""

    def __init__(self, burst: int, per_minute: float):
        self.burst, self.rate = burst, per_minute / 60.0
        self._buckets: dict[str, tuple[float, float]] = {}

    def take(self, client: str) -> float:
        """0 when allowed, else the seconds until the next write is allowed."""
        now = time.monotonic()
        tokens, last = self._buckets.get(client, (float(self.burst), now))
        tokens = min(float(self.burst), tokens + (now - last) * self.rate)
        if tokens < 1:
            self._buckets[client] = (tokens, now)
            return (1 - tokens) / self.rate if self.rate else 60.0
        self._buckets[client] = (tokens - 1, now)
        if len(self._buckets) > MAX_TRACKED_CLIENTS:
            self._buckets.pop(next(iter(self._buckets)))
        return 0.0


class Guard:
    def __init__(self, app: ASGIApp, settings: ServiceSettings):
        self.app = app
        self.settings = settings
        self.hosts = settings.host_names()
        self.limiter = RateLimiter(settings.rate_burst, settings.rate_per_minute)

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        headers = _headers(scope)
        refusal = self._refusal(scope, headers)
        send = _with_security_headers(send)
        if refusal is not None:
            status, message, extra = refusal
            html = wants_html(scope["path"], headers.get("accept", ""))
            await error_response(status, message, headers=extra, html=html)(scope, receive, send)
            return
        started = False

        async def tracking_send(message: Message) -> None:
            nonlocal started
            started = started or message["type"] == "http.response.start"
            await send(message)

        try:
            await self.app(scope, self._capped(receive), tracking_send)
        except BodyTooLarge:
            if started:
                raise
            limit = self.settings.max_body_bytes
            await error_response(413, f"request body over the limit of {limit:,} bytes")(
                scope, receive, send)

    def _refusal(self, scope: Scope, headers: dict[str, str]
                 ) -> tuple[int, str, dict[str, str] | None] | None:
        host = _host_name(headers.get("host", ""))
        if host not in self.hosts:
            return 400, f"unknown Host header {host!r} (start the server with --allow-host)", None
        method, path = scope["method"], scope["path"]
        write = method not in READ_METHODS
        if write and not self._same_origin(headers):
            return 403, "cross-site request refused (Origin does not match)", None
        public = path.startswith(PUBLIC_PATHS)
        if (write or not self.settings.local_only) and not public and not self._authorised(headers):
            return 401, ("a token is required: header 'Authorization: Bearer TOKEN' "
                         "(printed when the server starts), or log in at /login"), {
                "www-authenticate": "Bearer"}
        if write:
            wait = self.limiter.take(_client(scope))
            if wait:
                return 429, "too many writes from this client; slow down", {
                    "retry-after": str(max(1, round(wait)))}
        length = headers.get("content-length", "")
        if length.isdigit() and int(length) > self.settings.max_body_bytes:
            limit = self.settings.max_body_bytes
            return 413, f"request body over the limit of {limit:,} bytes", None
        return None

    def _authorised(self, headers: dict[str, str]) -> bool:
        return any(secrets.compare_digest(given.encode(), self.settings.token.encode())
                   for given in _given_tokens(headers))

    def _same_origin(self, headers: dict[str, str]) -> bool:
        origin = headers.get("origin")
        if not origin:
            return True  # not a browser, or a same-origin navigation of an old browser
        return _host_name(urlsplit(origin).netloc) in self.hosts

    def _capped(self, receive: Receive) -> Receive:
        limit, seen = self.settings.max_body_bytes, 0

        async def capped() -> Message:
            nonlocal seen
            message = await receive()
            if message["type"] == "http.request":
                seen += len(message.get("body", b""))
                if seen > limit:
                    raise BodyTooLarge
            return message

        return capped


def check_token(settings: ServiceSettings, given: str) -> bool:
    return secrets.compare_digest(given.encode(), settings.token.encode())


def _given_tokens(headers: dict[str, str]) -> list[str]:
    tokens = []
    scheme, _, value = headers.get("authorization", "").partition(" ")
    if scheme.lower() == "bearer" and value:
        tokens.append(value.strip())
    if headers.get("x-newsfuse-token"):
        tokens.append(headers["x-newsfuse-token"])
    if "cookie" in headers:
        cookie = SimpleCookie()
        try:
            cookie.load(headers["cookie"])
        except Exception:  # noqa: BLE001 - a malformed cookie header is simply no token
            return tokens
        if COOKIE in cookie:
            tokens.append(cookie[COOKIE].value)
    return tokens


def _headers(scope: Scope) -> dict[str, str]:
    return {k.decode("latin-1").lower(): v.decode("latin-1") for k, v in scope["headers"]}


def _host_name(host: str) -> str:
    host = host.strip().lower()
    if host.startswith("["):
        return host[:host.find("]") + 1] if "]" in host else host
    return host.rsplit(":", 1)[0] if host.count(":") == 1 else host


def _client(scope: Scope) -> str:
    client = scope.get("client")
    return client[0] if client else "unknown"


def _with_security_headers(send: Send) -> Send:
    async def wrapped(message: Message) -> None:
        if message["type"] == "http.response.start":
            present = {k.lower() for k, _ in message.get("headers", [])}
            extra = [(k.encode(), v.encode()) for k, v in SECURITY_HEADERS.items()
                     if k.encode() not in present]
            if b"content-security-policy" not in present:
                extra.append((b"content-security-policy", PAGE_CSP.encode()))
            message = {**message, "headers": [*message.get("headers", []), *extra]}
        await send(message)

    return wrapped
