"""Client libraries that do not use ``requests``, sent through the monitored session all the same.

atproto (Bluesky) speaks httpx and google-api-python-client (YouTube)
speaks httplib2. Each gets a small adapter that hands its requests to the
run's :class:`~social.http.MonitoredSession` and gives the answer back in
the library's own types, so the library still parses the answer and raises
its own errors, while pacing, retries, the read budget, evidence and (in
tests and the demo) the replay adapter are the same for every platform.
Transport failures come back as the library's own exceptions (httpx
timeouts, ``TimeoutError``/``OSError`` for httplib2).
"""

from __future__ import annotations

from typing import Any

import httplib2
import httpx
import requests

# headers the sending side sets itself, and body encodings already undone by requests
_REQUEST_DROP = {"host", "content-length", "connection"}
_RESPONSE_DROP = {"content-encoding", "transfer-encoding", "content-length", "connection"}


class HttpxBridge(httpx.BaseTransport):
    """An httpx transport (``httpx.Client(transport=...)``) that sends through a requests session."""

    def __init__(self, session: requests.Session, timeout: float | None = None) -> None:
        self.session = session
        self.timeout = timeout

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        headers = {k: v for k, v in request.headers.items() if k.lower() not in _REQUEST_DROP}
        try:
            answer = self.session.request(request.method, str(request.url), headers=headers,
                                          data=request.read() or None, timeout=self.timeout, allow_redirects=False)
        except requests.Timeout as exc:
            raise httpx.ReadTimeout(str(exc), request=request) from exc
        except requests.ConnectionError as exc:
            raise httpx.ConnectError(str(exc), request=request) from exc
        kept = [(k, v) for k, v in answer.headers.items() if k.lower() not in _RESPONSE_DROP]
        return httpx.Response(answer.status_code, headers=kept, content=answer.content, request=request)


class Httplib2Bridge:
    """An ``httplib2.Http`` stand-in (what googleapiclient's ``build(http=...)`` calls) over a requests session."""

    def __init__(self, session: requests.Session, timeout: float | None = None) -> None:
        self.session = session
        self.timeout = timeout

    def request(self, uri: str, method: str = "GET", body: Any = None, headers: dict[str, str] | None = None,
                redirections: int = 5, connection_type: Any = None) -> tuple[httplib2.Response, bytes]:
        sent = {k: v for k, v in (headers or {}).items() if k.lower() not in _REQUEST_DROP}
        try:
            answer = self.session.request(method, uri, headers=sent, data=body, timeout=self.timeout,
                                          allow_redirects=redirections > 0)
        except requests.Timeout as exc:
            raise TimeoutError(f"timed out: {exc}") from exc
        except requests.ConnectionError as exc:
            raise ConnectionError(f"cannot connect: {exc}") from exc
        info = {k.lower(): v for k, v in answer.headers.items() if k.lower() not in _RESPONSE_DROP}
        info["status"] = str(answer.status_code)
        response = httplib2.Response(info)
        response.reason = answer.reason or ""
        return response, answer.content

    def close(self) -> None:
        self.session.close()
