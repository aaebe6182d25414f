"""The HTTP layer every requests-based platform client goes through.

Platform libraries (PRAW/prawcore, Tweepy, Mastodon.py) each make their own
requests; repmon gives them a :class:`MonitoredSession` instead of a plain
``requests.Session``. For every request it:

1. waits while the platform's rate-limit window is used up (from the headers
   of the previous response: :class:`RateLimitHeaders` knows each platform's
   header names and whether the reset is seconds-from-now, a Unix time or an
   ISO timestamp);
2. refuses (:class:`BudgetExhausted`) a request that could take the monthly
   read budget over its limit, *before* sending it;
3. retries 429 and 5xx answers and timeouts with jittered exponential back-off,
   waiting for the reset time the platform gives when it gives one; a wait
   longer than ``social.max_wait_seconds`` is not made (:class:`RateLimitWait`);
   the run stops there and the next run resumes from the stored cursors;
4. counts the reads and keeps each successful answer as evidence (WARC +
   SHA-256), except token endpoints, with secrets removed from the URL.

Time is a :class:`Clock` (``now`` and ``sleep``), so tests replace waiting with
a fake clock and the rate-limit code never slows the suite.
"""

from __future__ import annotations

import email.utils
import json
import logging
import random
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any, Protocol
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

import requests

log = logging.getLogger(__name__)

RETRY_STATUSES = frozenset({429, 500, 502, 503, 504, 520, 522, 524})
# query parameters that carry secrets on some platforms (YouTube's key=...); never kept in evidence
SECRET_PARAMS = frozenset({"key", "api_key", "access_token", "token", "client_secret", "password"})


class Clock(Protocol):
    """What the HTTP layer needs of time: Unix seconds now, and a way to wait."""

    def now(self) -> float: ...

    def sleep(self, seconds: float) -> None: ...


class SystemClock:
    """Real time. Tests pass a fake with the same two methods."""

    def now(self) -> float:
        return time.time()

    def sleep(self, seconds: float) -> None:
        if seconds > 0:
            time.sleep(seconds)


class BudgetExhausted(requests.RequestException):
    """The next request could take the monthly read budget over its limit; it was not sent."""


class RateLimitWait(requests.RequestException):
    """The platform asked for a longer wait than ``social.max_wait_seconds``; the run stops here."""

    def __init__(self, message: str, until: float) -> None:
        super().__init__(message)
        self.until = until


@dataclass(frozen=True)
class RateLimitHeaders:
    """Where a platform puts its rate-limit state, and what its reset value means."""

    remaining: str                 # e.g. "x-rate-limit-remaining"
    reset: str                     # e.g. "x-rate-limit-reset"
    reset_style: str               # "seconds" (from now), "epoch" (Unix time) or "iso" (ISO-8601 timestamp)

    def reset_at(self, headers: Any, now: float) -> float | None:
        """The Unix time the window resets, from the response headers (None if absent or unreadable)."""
        value = headers.get(self.reset)
        if value is None:
            return None
        try:
            if self.reset_style == "seconds":
                return now + float(value)
            if self.reset_style == "epoch":
                return float(value)
            if self.reset_style == "iso":
                return datetime.fromisoformat(str(value).replace("Z", "+00:00")).timestamp()
        except (TypeError, ValueError):
            return None
        raise ValueError(f"unknown reset style {self.reset_style!r}")

    def remaining_in(self, headers: Any) -> float | None:
        value = headers.get(self.remaining)
        try:
            return float(value) if value is not None else None
        except ValueError:
            return None


REDDIT_HEADERS = RateLimitHeaders("x-ratelimit-remaining", "x-ratelimit-reset", "seconds")
X_HEADERS = RateLimitHeaders("x-rate-limit-remaining", "x-rate-limit-reset", "epoch")
MASTODON_HEADERS = RateLimitHeaders("x-ratelimit-remaining", "x-ratelimit-reset", "iso")
BLUESKY_HEADERS = RateLimitHeaders("ratelimit-remaining", "ratelimit-reset", "epoch")


def retry_after(headers: Any, now: float) -> float | None:
    """The Unix time a ``Retry-After`` header (seconds or an HTTP date) points at."""
    value = headers.get("retry-after")
    if value is None:
        return None
    try:
        return now + float(value)
    except ValueError:
        parsed = email.utils.parsedate_to_datetime(value) if value else None
        return parsed.timestamp() if parsed else None


@dataclass
class Backoff:
    """Exponential back-off with full jitter: a random wait up to base * 2**attempt, capped."""

    base: float = 2.0
    cap: float = 120.0
    rng: random.Random = field(default_factory=random.Random)

    def delay(self, attempt: int) -> float:
        return self.rng.uniform(self.base / 2, min(self.cap, self.base * 2 ** attempt))

    def jitter(self, wait: float) -> float:
        """A reset time plus a little jitter, so clients do not all return at the same second."""
        return wait + self.rng.uniform(0.5, 1.5 + wait * 0.05)


def redact_url(url: str) -> str:
    """The URL with secret-bearing query parameters blanked."""
    parts = urlsplit(url)
    if not parts.query:
        return url
    query = [(k, "REDACTED" if k.lower() in SECRET_PARAMS else v) for k, v in parse_qsl(parts.query, keep_blank_values=True)]
    return urlunsplit(parts._replace(query=urlencode(query)))


def json_ids(payload: Any, keys: tuple[str, ...] = ("id", "name", "uri"), limit: int = 20000) -> Iterator[str]:
    """String ids found anywhere in a JSON document (to link each post to the response it came in)."""
    stack = [payload]
    seen = 0
    while stack and seen < limit:
        node = stack.pop()
        seen += 1
        if isinstance(node, dict):
            for key, value in node.items():
                if key in keys and isinstance(value, (str, int)) and not isinstance(value, bool):
                    yield str(value)
                elif isinstance(value, (dict, list)):
                    stack.append(value)
        elif isinstance(node, list):
            stack.extend(node)


class Budget:
    """The monthly read budget of one source: checked before each request, counted after it.

    ``limit`` 0 means no limit (usage is still counted). The month is the UTC
    calendar month of the clock. Usage is written to the store at once, so a
    crash never forgets a read that was paid for.
    """

    def __init__(self, social: Any, source: str, limit: int, unit: str, clock: Clock) -> None:
        self.social = social
        self.source = source
        self.limit = limit
        self.unit = unit
        self.clock = clock

    @property
    def month(self) -> str:
        return time.strftime("%Y-%m", time.gmtime(self.clock.now()))

    def used(self) -> int:
        return int(self.social.usage(self.source, self.month)["reads"])

    def remaining(self) -> int | None:
        return None if not self.limit else max(0, self.limit - self.used())

    def check(self, reads: int) -> None:
        """Raise :class:`BudgetExhausted` unless ``reads`` more reads fit in this month's budget."""
        if not self.limit:
            return
        used = self.used()
        if used + reads > self.limit:
            raise BudgetExhausted(
                f"{self.source}: the monthly read budget is spent ({used} of {self.limit} {self.unit} used in "
                f"{self.month}; the next request could read {reads} more). Collection resumes next month, "
                f"or raise {self.source}.monthly_read_budget.")

    def spend(self, reads: int, requests: int = 1) -> None:
        self.social.add_usage(self.source, self.month, reads=reads, requests=requests,
                              read_limit=self.limit or None, unit=self.unit)


class Gate:
    """Rate-limit pacing, retries, the read budget, usage counting and evidence for one source run.

    The platform source supplies: the rate-limit headers, ``reads_in``
    (how many billable reads a response holds), ``max_reads`` (the most a
    request could hold, for the budget check) and ``is_auth_url``.
    """

    def __init__(self, *, source: str, clock: Clock, backoff: Backoff, timeout: float, max_retries: int,
                 max_wait: float, headers: RateLimitHeaders | None,
                 budget: Any = None,
                 capture: Callable[[requests.Response], int | None] | None = None,
                 reads_in: Callable[[requests.PreparedRequest, Any], int] | None = None,
                 max_reads: Callable[[requests.PreparedRequest], int] | None = None,
                 is_auth_url: Callable[[str], bool] | None = None) -> None:
        self.source = source
        self.clock = clock
        self.backoff = backoff
        self.timeout = timeout
        self.max_retries = max_retries
        self.max_wait = max_wait
        self.headers = headers
        self.budget = budget
        self.capture = capture
        self.reads_in = reads_in or (lambda request, payload: 1)
        self.max_reads = max_reads or (lambda request: 1)
        self.is_auth_url = is_auth_url or (lambda url: False)
        self.remaining: float | None = None
        self.reset_at: float | None = None
        self.evidence_index: dict[str, int] = {}
        self.last_evidence_id: int | None = None
        self.stats: dict[str, float] = {"requests": 0, "retries": 0, "rate_limited": 0, "server_errors": 0,
                                        "timeouts": 0, "waited_seconds": 0.0}

    # ---- waiting --------------------------------------------------------

    def wait(self, seconds: float, why: str, *, jitter: bool = False) -> None:
        """Sleep ``seconds`` (plus jitter when asked); a wait over ``max_wait`` raises :class:`RateLimitWait`."""
        if seconds <= 0:
            return
        if seconds > self.max_wait:
            until = self.clock.now() + seconds
            raise RateLimitWait(
                f"{self.source}: {why}; the platform asks for a wait of {seconds:.0f} s, longer than "
                f"social.max_wait_seconds ({self.max_wait:.0f} s). Stopped; the next run resumes from here.", until)
        if jitter:
            seconds = self.backoff.jitter(seconds)
        log.info("%s: %s; waiting %.1f s", self.source, why, seconds)
        self.stats["waited_seconds"] += seconds
        self.clock.sleep(seconds)

    def before(self, request: requests.PreparedRequest) -> None:
        """Check the budget, then wait for the rate-limit window, before a request goes out."""
        if self.budget is not None and not self.is_auth_url(request.url or ""):
            self.budget.check(self.max_reads(request))
        now = self.clock.now()
        if self.remaining is not None and self.remaining < 1 and self.reset_at and self.reset_at > now:
            self.wait(self.reset_at - now, "rate-limit window used up", jitter=True)
            self.remaining = None

    def after(self, request: requests.PreparedRequest, response: requests.Response) -> None:
        """Read the rate-limit headers; count reads and keep evidence of a successful answer."""
        now = self.clock.now()
        if self.headers is not None:
            remaining = self.headers.remaining_in(response.headers)
            if remaining is not None:
                self.remaining = remaining
                self.reset_at = self.headers.reset_at(response.headers, now)
        self.stats["requests"] += 1
        url = request.url or ""
        if self.is_auth_url(url) or not 200 <= response.status_code < 300:
            if self.budget is not None and not self.is_auth_url(url):
                self.budget.spend(0, requests=1)
            return
        payload: Any = None
        try:
            payload = json.loads(response.content) if response.content else None
        except ValueError:
            payload = None
        if self.budget is not None:
            self.budget.spend(self.reads_in(request, payload), requests=1)
        if self.capture is not None:
            evidence_id = self.capture(response)
            if evidence_id is not None:
                self.last_evidence_id = evidence_id
                for key in json_ids(payload):
                    self.evidence_index[key] = evidence_id  # the latest response carrying it: the one just read

    def retry_wait(self, response: requests.Response, attempt: int) -> tuple[float, bool]:
        """How long to wait before retrying a 429 or 5xx, and whether it is the platform's own reset time."""
        now = self.clock.now()
        told = retry_after(response.headers, now)
        if told is None and response.status_code == 429 and self.headers is not None:
            told = self.headers.reset_at(response.headers, now)
        if told is not None and told > now:
            return told - now, True
        return self.backoff.delay(attempt), False

    def evidence_for(self, *keys: str) -> int | None:
        """The evidence row of the response that carried a post with one of these ids (else the latest)."""
        for key in keys:
            if key in self.evidence_index:
                return self.evidence_index[key]
        return self.last_evidence_id


class MonitoredSession(requests.Session):
    """A ``requests.Session`` that sends every request through a :class:`Gate`."""

    def __init__(self, gate: Gate) -> None:
        super().__init__()
        self.gate = gate

    def send(self, request: requests.PreparedRequest, **kwargs: Any) -> requests.Response:  # type: ignore[override]
        gate = self.gate
        if kwargs.get("timeout") is None:
            kwargs["timeout"] = gate.timeout
        attempt = 0
        while True:
            gate.before(request)
            try:
                response = super().send(request, **kwargs)
            except (requests.Timeout, requests.ConnectionError) as exc:
                gate.stats["timeouts"] += 1
                if attempt >= gate.max_retries:
                    raise
                gate.stats["retries"] += 1
                gate.wait(gate.backoff.delay(attempt), f"{type(exc).__name__} from {urlsplit(request.url or '').netloc}")
                attempt += 1
                continue
            gate.after(request, response)
            if response.status_code not in RETRY_STATUSES:
                return response
            gate.stats["rate_limited" if response.status_code == 429 else "server_errors"] += 1
            if attempt >= gate.max_retries:
                return response  # the library raises its own error for it
            wait, told = gate.retry_wait(response, attempt)
            response.close()
            gate.stats["retries"] += 1
            gate.wait(wait, f"HTTP {response.status_code} from {urlsplit(request.url or '').netloc}", jitter=told)
            attempt += 1
