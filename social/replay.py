"""Serve recorded HTTP responses to a client library, at the transport layer (tests and the demo).

:class:`ReplayAdapter` is a ``requests`` transport adapter: mounted on the
session a library uses (``SourceRun`` does it when given ``transport=``),
it answers each request with a recorded response, so the library parses,
pages and raises exactly as it would against the platform. Nothing goes to
the network: a request with no recording raises :class:`NoRecording`.

Recordings it reads:

- betamax JSON (PRAW's cassettes): ``{"interactions": [{"request": {"method", "uri"},
  "response": {"status": {"code", "message"}, "headers": {name: [values]}, "body": {"string"}}}]}``;
- vcrpy YAML (Tweepy's and Mastodon.py's cassettes; gzip bodies are served
  gzipped, with their ``content-encoding``, and decoded by requests as usual);
- repmon's own JSON recordings: the same shape, where ``body`` may instead be
  ``{"json": {...}}``, headers may be plain strings, and a response may be
  ``{"error": "timeout"}`` or ``{"error": "connection"}`` to raise that error.

A request matches an interaction on method, host, path and query string (in
any order); ``ignore_params`` leaves out parameters the caller sets
differently from the recording (page sizes, sort orders, field lists).
Interactions are served in order; when every match has been served, the
last one is served again (``repeat=True``) or the request fails.
"""

from __future__ import annotations

import io
import json
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import parse_qsl, unquote, urlsplit

import requests
from requests.adapters import BaseAdapter, HTTPAdapter
from urllib3 import HTTPHeaderDict
from urllib3.response import HTTPResponse


@dataclass
class Interaction:
    method: str
    uri: str
    status: int = 200
    reason: str = "OK"
    headers: list[tuple[str, str]] = field(default_factory=list)
    body: bytes = b""
    error: str = ""          # "timeout" or "connection": raise instead of answering
    served: int = 0


def _headers(raw: dict[str, Any] | None) -> list[tuple[str, str]]:
    out: list[tuple[str, str]] = []
    for name, values in (raw or {}).items():
        for value in values if isinstance(values, list) else [values]:
            out.append((str(name), str(value)))
    return out


def _body(raw: Any) -> bytes:
    if raw is None:
        return b""
    if isinstance(raw, dict):
        if "json" in raw:
            return json.dumps(raw["json"]).encode("utf-8")
        raw = raw.get("string", "")
    if isinstance(raw, bytes):
        return raw
    return str(raw).encode("utf-8")


def interaction_from(entry: dict[str, Any]) -> Interaction:
    request, response = entry["request"], entry.get("response", {})
    status = response.get("status", {})
    code = status.get("code", 200) if isinstance(status, dict) else int(status or 200)
    reason = status.get("message", "") if isinstance(status, dict) else ""
    return Interaction(
        method=request.get("method", "GET").upper(), uri=request["uri"], status=int(code), reason=reason or "",
        headers=_headers(response.get("headers")), body=_body(response.get("body")), error=response.get("error", ""),
    )


def load_recording(path: str | Path) -> list[Interaction]:
    """Interactions from a betamax/repmon JSON or a vcrpy YAML recording."""
    path = Path(path)
    text = path.read_bytes()
    if path.suffix in (".yaml", ".yml"):
        import yaml  # test dependency; only YAML cassettes need it

        data = yaml.safe_load(text)
    else:
        data = json.loads(text)
    return [interaction_from(entry) for entry in data["interactions"]]


def _key(method: str, url: str, ignore: frozenset[str]) -> tuple[str, str, str, tuple[tuple[str, str], ...]]:
    parts = urlsplit(url)
    query = tuple(sorted((k, v) for k, v in parse_qsl(parts.query, keep_blank_values=True) if k not in ignore))
    return method.upper(), parts.netloc.lower(), unquote(parts.path).rstrip("/") or "/", query


class NoRecording(requests.RequestException):
    """A request that no recording answers (never retried: a recording does not change)."""


class ReplayAdapter(BaseAdapter):
    """A transport adapter answering from recordings; ``sent`` lists every request it was given."""

    def __init__(self, interactions: Iterable[Interaction], *, ignore_params: Iterable[str] = (),
                 repeat: bool = True) -> None:
        super().__init__()
        self.interactions = list(interactions)
        self.ignore = frozenset(ignore_params)
        self.repeat = repeat
        self.sent: list[requests.PreparedRequest] = []
        self._builder = HTTPAdapter()

    @classmethod
    def from_files(cls, *paths: str | Path, **kwargs: Any) -> ReplayAdapter:
        interactions: list[Interaction] = []
        for path in paths:
            interactions.extend(load_recording(path))
        return cls(interactions, **kwargs)

    def add(self, *interactions: Interaction) -> None:
        self.interactions.extend(interactions)

    def _match(self, request: requests.PreparedRequest) -> Interaction | None:
        want = _key(request.method or "GET", request.url or "", self.ignore)
        matches = [i for i in self.interactions if _key(i.method, i.uri, self.ignore) == want]
        for interaction in matches:
            if not interaction.served:
                return interaction
        return matches[-1] if matches and self.repeat else None

    def send(self, request: requests.PreparedRequest, stream: bool = False, timeout: Any = None,
             verify: Any = True, cert: Any = None, proxies: Any = None) -> requests.Response:
        self.sent.append(request)
        interaction = self._match(request)
        if interaction is None:
            raise NoRecording(f"no recorded response for {request.method} {request.url}", request=request)
        interaction.served += 1
        if interaction.error == "timeout":
            raise requests.ReadTimeout(f"recorded timeout for {request.method} {request.url}", request=request)
        if interaction.error:
            raise requests.ConnectionError(f"recorded connection error for {request.url}", request=request)
        headers = [(k, v) for k, v in interaction.headers if k.lower() not in ("transfer-encoding", "content-length")]
        body = interaction.body
        encoding = next((v for k, v in headers if k.lower() == "content-encoding"), "")
        if encoding == "gzip" and not body.startswith(b"\x1f\x8b"):  # recorded already decoded (R vcr)
            headers = [(k, v) for k, v in headers if k.lower() != "content-encoding"]
        elif encoding and encoding != "gzip":
            headers = [(k, v) for k, v in headers if k.lower() != "content-encoding"]
        raw = HTTPResponse(body=io.BytesIO(body), headers=HTTPHeaderDict(headers), status=interaction.status,
                           reason=interaction.reason, preload_content=False, decode_content=True)
        return self._builder.build_response(request, raw)

    def close(self) -> None:
        self._builder.close()

    def unserved(self) -> list[Interaction]:
        return [i for i in self.interactions if not i.served]
