"""Server-side fetching of article URLs, only when the operator enables it (--fetch-urls).

Even then: http(s) only, and every address the name resolves to must be public (no private,
loopback, link-local, multicast or reserved address), checked again on each redirect. The
connection goes to the checked address itself, so DNS rebinding between check and connect
cannot point it elsewhere.
"""

from __future__ import annotations

import http.client
import ipaddress
import socket
import ssl
from urllib.parse import urljoin, urlsplit

from newsfuse.service.limits import LimitExceeded

MAX_REDIRECTS = 3
TIMEOUT_SECONDS = 15
# URLs fetched for one request: fetching is slow and each page may be large.
MAX_URLS = 20


class FetchRefused(ValueError):
    """The URL is not allowed or could not be fetched; the message says why."""


def public_address(host: str, port: int) -> str:
    """The first resolved address of `host`, if every resolved address is public."""
    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except (socket.gaierror, UnicodeError) as exc:
        raise FetchRefused(f"cannot resolve {host!r}") from exc
    addresses = [info[4][0] for info in infos]
    for address in addresses:
        ip = ipaddress.ip_address(address.split("%", 1)[0])
        if not ip.is_global or ip.is_multicast:
            raise FetchRefused(f"{host} resolves to a non-public address ({ip}); refused")
    if not addresses:
        raise FetchRefused(f"cannot resolve {host!r}")
    return addresses[0]


def check_url(url: str) -> tuple[str, str, int, str]:
    """(scheme, host, port, path?query) of an allowed URL, else FetchRefused."""
    parts = urlsplit(url.strip())
    scheme = parts.scheme.lower()
    if scheme not in {"http", "https"}:
        raise FetchRefused(f"only http(s) URLs can be fetched, not {scheme or 'a bare path'}")
    if not parts.hostname:
        raise FetchRefused("URL without a host")
    try:
        port = parts.port or (443 if scheme == "https" else 80)
    except ValueError as exc:
        raise FetchRefused("bad port in URL") from exc
    target = (parts.path or "/") + (f"?{parts.query}" if parts.query else "")
    return scheme, parts.hostname, port, target


def fetch(url: str, max_bytes: int) -> bytes:
    """The body at `url` (at most max_bytes), following a few checked redirects."""
    for _ in range(MAX_REDIRECTS + 1):
        scheme, host, port, target = check_url(url)
        address = public_address(host, port)
        connection = _connection(scheme, host, address, port)
        try:
            connection.request("GET", target, headers={"Host": host,
                                                       "User-Agent": "newsfuse/0.1"})
            response = connection.getresponse()
            if response.status in (301, 302, 303, 307, 308):
                url = urljoin(url, response.getheader("Location") or "")
                continue
            if response.status != 200:
                raise FetchRefused(f"HTTP {response.status} from {host}")
            data = response.read(max_bytes + 1)
        except (OSError, http.client.HTTPException) as exc:
            raise FetchRefused(f"fetching {host} failed ({exc})") from exc
        finally:
            connection.close()
        if len(data) > max_bytes:
            raise LimitExceeded(f"{url} is larger than {max_bytes:,} bytes")
        return data
    raise FetchRefused(f"more than {MAX_REDIRECTS} redirects")


def _connection(scheme: str, host: str, address: str, port: int) -> http.client.HTTPConnection:
    if scheme == "http":
        return http.client.HTTPConnection(address, port, timeout=TIMEOUT_SECONDS)
    return _PinnedHTTPS(host, address, port)


class _PinnedHTTPS(http.client.HTTPSConnection):
    """HTTPS to a fixed address, with the certificate checked against the host name."""

    def __init__(self, host: str, address: str, port: int):
        super().__init__(host, port, timeout=TIMEOUT_SECONDS,
                         context=ssl.create_default_context())
        self._address = address

    def connect(self) -> None:
        sock = socket.create_connection((self._address, self.port), self.timeout)
        self.sock = self._context.wrap_socket(sock, server_hostname=self.host)
