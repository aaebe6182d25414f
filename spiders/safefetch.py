"""Fetching one URL someone asked for, without letting it reach the school's own network.

``repmon capture URL`` (a person's report), the re-capture of flagged pages
and every request a screenshot's browser makes go through here:

- only ``http`` and ``https``;
- the host is resolved first, and every address it resolves to must be
  public: private, loopback, link-local, multicast, reserved, shared
  (100.64/10) and unspecified addresses are refused unless they lie in
  ``evidence.allow_networks``;
- the connection goes to the address that was checked (no second lookup, so
  a name cannot be re-pointed between check and connect); TLS still checks
  the certificate against the host name;
- redirects are followed by hand, each one checked the same way, up to
  ``evidence.max_redirects``;
- bodies over ``evidence.max_body_bytes`` are refused, not cut; images,
  video and audio are never downloaded (takedown.md §6);
- one overall deadline (``evidence.timeout``).

Name resolution is a parameter (``resolver``) so tests can make a name
resolve to 10.x or 169.254.x without a real DNS.
"""

from __future__ import annotations

import ipaddress
import socket
import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urljoin, urlsplit

import urllib3

from repmon.errors import ConfigError, SourceError

Resolver = Callable[[str, int], list[str]]
NEVER_DOWNLOADED = ("image/", "video/", "audio/")
REDIRECTS = (301, 302, 303, 307, 308)


class FetchRefused(SourceError):
    """The URL (or a redirect) is not one repmon may fetch: scheme or address rules."""


class FetchFailed(SourceError):
    """The fetch itself failed: network error, timeout, too large."""


def system_resolver(host: str, port: int) -> list[str]:
    """Every address the system resolver gives for ``host``."""
    infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    return list(dict.fromkeys(str(info[4][0]) for info in infos))


def _ip(address: str) -> ipaddress.IPv4Address | ipaddress.IPv6Address:
    ip = ipaddress.ip_address(address.split("%", 1)[0])
    if isinstance(ip, ipaddress.IPv6Address):
        mapped = ip.ipv4_mapped or ip.sixtofour
        if mapped is not None:
            return mapped
        if ip.teredo is not None:
            return ip.teredo[1]
    return ip


def is_public(address: str) -> bool:
    """True for an address on the public internet (not private, loopback, link-local, multicast, reserved...)."""
    ip = _ip(address)
    return ip.is_global and not (ip.is_multicast or ip.is_reserved or ip.is_loopback or ip.is_link_local
                                 or ip.is_unspecified or ip.is_private)


class AddressGuard:
    """Resolves a host and refuses it unless every address is public or explicitly allowed."""

    def __init__(self, allow_networks: list[str] | None = None, resolver: Resolver | None = None) -> None:
        self.resolver = resolver or system_resolver
        self.allowed = []
        for net in allow_networks or []:
            try:
                self.allowed.append(ipaddress.ip_network(net.strip(), strict=False))
            except ValueError:
                raise ConfigError(f"evidence.allow_networks: {net!r} is not a network; write it as CIDR, "
                                  "for example 10.20.0.0/16 or 192.168.1.5/32.") from None

    @classmethod
    def from_settings(cls, settings: Mapping[str, Any], resolver: Resolver | None = None) -> AddressGuard:
        return cls(list(settings["evidence.allow_networks"]), resolver)

    def permitted(self, address: str) -> bool:
        ip = _ip(address)
        if any(ip in net for net in self.allowed if net.version == ip.version):
            return True
        return is_public(address)

    def check_url(self, url: str) -> tuple[str, int, list[str]]:
        """(host, port, addresses) for an http(s) URL whose host may be reached; FetchRefused otherwise."""
        try:
            parts = urlsplit(url)
            port = parts.port
        except ValueError:
            raise FetchRefused(f"{url[:200]}: not a valid URL.") from None
        if parts.scheme not in ("http", "https"):
            raise FetchRefused(f"{url[:200]}: only http and https addresses can be captured, not "
                               f"{parts.scheme or 'a URL without a scheme'}.")
        host = (parts.hostname or "").rstrip(".")
        if not host:
            raise FetchRefused(f"{url[:200]}: the address has no host name.")
        port = port or (443 if parts.scheme == "https" else 80)
        try:
            addresses = self.resolver(host, port)
        except (OSError, UnicodeError) as exc:
            raise FetchFailed(f"{url[:200]}: cannot resolve {host} ({exc}). Check the address.") from None
        if not addresses:
            raise FetchFailed(f"{url[:200]}: {host} has no address.")
        bad = [a for a in addresses if not self.permitted(a)]
        if bad:
            raise FetchRefused(
                f"{url[:200]}: {host} resolves to {', '.join(bad[:3])}, a private, loopback, link-local or "
                "reserved address; repmon does not fetch addresses inside a network. If this is a site the "
                "school runs on its own network, add its network to evidence.allow_networks.")
        return host, port, addresses


@dataclass
class Fetched:
    url: str                       # the URL asked for
    final_url: str                 # after redirects
    status: int
    reason: str
    headers: list[tuple[str, str]]
    body: bytes
    address: str                   # the IP address the final response came from
    chain: list[tuple[str, int]] = field(default_factory=list)  # (url, status) of each redirect
    media_not_downloaded: bool = False

    @property
    def content_type(self) -> str:
        return next((v for k, v in self.headers if k.lower() == "content-type"), "")


def _pool(scheme: str, address: str, port: int, host: str, timeout: float) -> urllib3.HTTPConnectionPool:
    t = urllib3.Timeout(connect=min(timeout, 15.0), read=timeout)
    if scheme == "https":
        return urllib3.HTTPSConnectionPool(address, port, timeout=t, retries=False, maxsize=1,
                                           server_hostname=host, assert_hostname=host, cert_reqs="CERT_REQUIRED")
    return urllib3.HTTPConnectionPool(address, port, timeout=t, retries=False, maxsize=1)


def fetch_once(url: str, *, guard: AddressGuard, user_agent: str, timeout: float, max_bytes: int,
               method: str = "GET", headers: Mapping[str, str] | None = None, body: bytes | None = None,
               download_media: bool = False) -> Fetched:
    """One request, no redirect followed (a 3xx is returned as it is). Checks the address first."""
    host, port, addresses = guard.check_url(url)
    parts = urlsplit(url)
    default_port = 443 if parts.scheme == "https" else 80
    host_header = host if port == default_port else f"{host}:{port}"
    if ":" in host and not host.startswith("["):
        host_header = f"[{host}]" if port == default_port else f"[{host}]:{port}"
    sent = {"User-Agent": user_agent, "Accept-Encoding": "gzip, deflate"}
    if not any(k.lower() == "accept" for k in (headers or {})):
        sent["Accept"] = "*/*"
    # the browser's own Accept-Encoding may name codings this side cannot decode; ours stands
    sent.update({k: v for k, v in (headers or {}).items()
                 if k.lower() not in ("host", "connection", "accept-encoding", "user-agent", "content-length")})
    sent["Host"] = host_header
    target = (parts.path or "/") + (f"?{parts.query}" if parts.query else "")
    deadline = time.monotonic() + timeout
    last_error: Exception | None = None
    for address in addresses:
        pool = _pool(parts.scheme, address, port, host, timeout)
        try:
            response = pool.urlopen(method, target, body=body, headers=sent, redirect=False, retries=False,
                                    preload_content=False, assert_same_host=False, decode_content=True)
        except urllib3.exceptions.HTTPError as exc:
            last_error = exc
            pool.close()
            continue
        try:
            out_headers = [(k, v) for k, v in response.headers.iteritems()]
            content_type = response.headers.get("Content-Type", "").lower()
            if content_type.startswith(NEVER_DOWNLOADED) and not download_media:
                return Fetched(url, url, response.status, response.reason or "", out_headers, b"", address,
                               media_not_downloaded=True)
            length = response.headers.get("Content-Length", "")
            if length.isdigit() and int(length) > max_bytes:
                raise FetchFailed(f"{url[:200]}: the page is {int(length):,} bytes, more than "
                                  f"evidence.max_body_bytes ({max_bytes:,}); it was not kept.")
            chunks, size = [], 0
            for chunk in response.stream(65536):
                size += len(chunk)
                if size > max_bytes:
                    raise FetchFailed(f"{url[:200]}: the page is more than evidence.max_body_bytes "
                                      f"({max_bytes:,} bytes); it was not kept.")
                if time.monotonic() > deadline:
                    raise FetchFailed(f"{url[:200]}: no complete answer within {timeout:g} s (evidence.timeout).")
                chunks.append(chunk)
            return Fetched(url, url, response.status, response.reason or "", out_headers, b"".join(chunks), address)
        except (urllib3.exceptions.HTTPError, OSError) as exc:
            raise FetchFailed(f"{url[:200]}: the answer broke off ({type(exc).__name__}: {exc}).") from None
        finally:
            response.release_conn()
            pool.close()
    reason = getattr(last_error, "reason", None) or last_error
    raise FetchFailed(f"{url[:200]}: cannot connect to {host} ({reason}).")


def fetch(url: str, *, guard: AddressGuard, user_agent: str, timeout: float, max_bytes: int,
          max_redirects: int) -> Fetched:
    """GET ``url``, following redirects by hand; every hop is checked by ``guard`` before it is connected."""
    chain: list[tuple[str, int]] = []
    current = url
    deadline = time.monotonic() + timeout
    for _ in range(max_redirects + 1):
        left = deadline - time.monotonic()
        if left <= 0:
            raise FetchFailed(f"{url[:200]}: no answer within {timeout:g} s (evidence.timeout).")
        got = fetch_once(current, guard=guard, user_agent=user_agent, timeout=left, max_bytes=max_bytes)
        location = next((v for k, v in got.headers if k.lower() == "location"), "")
        if got.status in REDIRECTS and location:
            chain.append((current, got.status))
            current = urljoin(current, location.strip())
            continue
        got.url, got.chain = url, chain
        got.final_url = current
        return got
    raise FetchFailed(f"{url[:200]}: more than {max_redirects} redirects (evidence.max_redirects).")


def guarded_settings(settings: Mapping[str, Any]) -> dict[str, Any]:
    """The fetch limits from settings, as keyword arguments for :func:`fetch`."""
    from spiders.settings import user_agent

    return {"user_agent": user_agent(settings["collect.contact"]), "timeout": float(settings["evidence.timeout"]),
            "max_bytes": int(settings["evidence.max_body_bytes"]),
            "max_redirects": int(settings["evidence.max_redirects"])}
