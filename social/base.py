"""What every social platform shares: the source class, the registry, one run's context, Items.

A platform is a subclass of :class:`SocialSource` in ``social/<name>.py``,
named in :data:`PLATFORMS`. ``social.collect.collect_social`` makes one
:class:`SourceRun` per platform (one row in ``source_runs``) and calls
``source.collect()``; everything a platform needs is on the run: settings,
profile, a monitored HTTP session, cursors, the read budget, threads to
follow, and ``save``/``mark_gone``/``saw_account`` for what it found.
"""

from __future__ import annotations

import importlib
import logging
import random
from abc import ABC, abstractmethod
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from typing import Any, ClassVar

import requests

from data.evidence import EvidenceWriter
from data.social import SocialStore
from data.store import Store
from repmon import clock as repmon_clock
from repmon.config import Settings
from repmon.errors import SourceError
from repmon.profile import Profile
from social import PLATFORMS
from social.http import (Backoff, Budget, BudgetExhausted, Clock, Gate, MonitoredSession, RateLimitHeaders,
                         RateLimitWait, SystemClock, redact_url)
from spiders.extract import clean_text
from spiders.items import Item

log = logging.getLogger(__name__)

# response headers not worth keeping as evidence (cookies are session state, not content)
_EVIDENCE_DROP_HEADERS = {"set-cookie"}


class SourceUnavailable(Exception):
    """A platform's module or client library cannot be imported."""


class StopRun(Exception):
    """The run must stop now (budget spent, or a rate-limit wait too long); what was found is kept."""


def source_class(name: str) -> type[SocialSource]:
    """The source class registered as ``name``; :class:`SourceUnavailable` if it cannot be loaded."""
    try:
        target = PLATFORMS[name]
    except KeyError:
        raise SourceError(f"unknown social source {name!r}; known sources: {', '.join(PLATFORMS)}.") from None
    module_name, _, class_name = target.partition(":")
    try:
        module = importlib.import_module(module_name)
    except ImportError as exc:
        raise SourceUnavailable(f"{name} cannot be loaded ({exc}); install repmon's dependencies "
                                "with `make demo` or `pip install -e .`") from None
    cls = getattr(module, class_name)
    assert issubclass(cls, SocialSource)
    return cls


def iso_from_epoch(seconds: float | int | None) -> str | None:
    """ISO 8601 UTC for a Unix time (Reddit's ``created_utc``)."""
    if seconds is None:
        return None
    return repmon_clock.iso(datetime.fromtimestamp(float(seconds), UTC))


def find_cause(exc: BaseException, *types: type[BaseException]) -> BaseException | None:
    """The exception of one of ``types`` in ``exc``'s chain (client libraries wrap transport errors)."""
    seen: set[int] = set()
    node: BaseException | None = exc
    while node is not None and id(node) not in seen:
        seen.add(id(node))
        if isinstance(node, types):
            return node
        node = (getattr(node, "original_exception", None) or node.__cause__ or node.__context__)
    return None


class SocialSource(ABC):
    """One platform. Subclasses set the class attributes and write :meth:`collect`."""

    name: ClassVar[str]                          # "reddit": Item.source, source_runs.source, --source NAME
    title: ClassVar[str]                         # "Reddit", for people
    credentials: ClassVar[tuple[str, ...]] = ()  # envvar settings naming each required secret
    budget_setting: ClassVar[str | None] = None  # int setting: monthly read budget (0: no limit)
    budget_unit: ClassVar[str] = "requests"      # what the budget counts: "requests" or "posts"
    rate_limit_headers: ClassVar[RateLimitHeaders | None] = None
    auth_url_parts: ClassVar[tuple[str, ...]] = ()  # URLs holding tokens: never evidence, never counted

    def __init__(self, run: SourceRun) -> None:
        self.run = run

    @classmethod
    def missing_credentials(cls, settings: Settings) -> list[str]:
        """Names of the environment variables that must be set and are not."""
        return [settings[key] for key in cls.credentials if not settings.secret(key).strip()]

    @classmethod
    def not_configured(cls, settings: Settings) -> str | None:
        """Why the source has nothing to do with these settings (None when it can run)."""
        return None

    @classmethod
    def is_auth_url(cls, url: str) -> bool:
        return any(part in url for part in cls.auth_url_parts)

    def reads_in(self, request: requests.PreparedRequest, payload: Any) -> int:
        """Billable reads in a successful response (default: one per request)."""
        return 1

    def max_reads(self, request: requests.PreparedRequest) -> int:
        """The most billable reads a request could return (checked against the budget before sending)."""
        return 1

    def fatal_error(self, exc: BaseException) -> str | None:
        """A message when ``exc`` means the whole run cannot go on (credentials refused); else None."""
        return None

    @abstractmethod
    def collect(self) -> None:
        """Fetch what is new: search the queries, follow threads, save Items, record deletions."""


class SourceRun:
    """One platform's collection run: everything the platform code needs, and what it found."""

    def __init__(self, source_cls: type[SocialSource], *, settings: Settings, store: Store, profile: Profile,
                 run_id: int, clock: Clock | None = None, transport: requests.adapters.BaseAdapter | None = None,
                 rng: random.Random | None = None) -> None:
        self.name = source_cls.name
        self.settings = settings
        self.store = store
        self.profile = profile
        self.run_id = run_id
        self.clock = clock or SystemClock()
        self.social = SocialStore(store)
        self.transport = transport
        self.max_text = int(settings["store.max_text_chars"])
        self.evidence = EvidenceWriter(store, settings["store.evidence_dir"], self.name)
        limit = int(settings[source_cls.budget_setting]) if source_cls.budget_setting else 0
        self.budget = Budget(self.social, self.name, limit, source_cls.budget_unit, self.clock)
        self.source = source_cls(self)
        self.gate = Gate(
            source=self.name, clock=self.clock, backoff=Backoff(rng=rng or random.Random()),
            timeout=float(settings["social.timeout"]), max_retries=int(settings["social.max_retries"]),
            max_wait=float(settings["social.max_wait_seconds"]), headers=source_cls.rate_limit_headers,
            budget=self.budget, capture=self._capture, reads_in=self.source.reads_in,
            max_reads=self.source.max_reads, is_auth_url=source_cls.is_auth_url,
        )
        self.accounts: list[Any] = []
        self._account_keys: set[tuple[str, str, str]] = set()
        self.problems: list[str] = []
        self.stopped: str = ""
        self.counts: dict[str, int] = {"items_seen": 0, "items_new": 0, "gone": 0, "queries": 0,
                                       "queries_done": 0, "threads": 0, "steps_failed": 0, "steps": 0}

    # ---- HTTP -----------------------------------------------------------

    def session(self) -> MonitoredSession:
        """A requests session for the platform's client library: paced, retried, budgeted, kept as evidence."""
        session = MonitoredSession(self.gate)
        if self.transport is not None:  # tests and the demo: recorded responses instead of the network
            session.mount("https://", self.transport)
            session.mount("http://", self.transport)
        return session

    def _capture(self, response: requests.Response) -> int | None:
        headers = [(k, v) for k, v in response.headers.items() if k.lower() not in _EVIDENCE_DROP_HEADERS]
        capture = self.evidence.capture(url=redact_url(response.url), status=response.status_code, headers=headers,
                                        body=response.content, reason=response.reason or "")
        return capture.evidence_id

    def evidence_for(self, *keys: str) -> int | None:
        return self.gate.evidence_for(*keys)

    # ---- settings and the profile --------------------------------------

    def setting(self, key: str) -> Any:
        return self.settings[key]

    # ---- steps: one query or one thread; a failure is recorded and the run goes on -------------

    @contextmanager
    def step(self, label: str) -> Iterator[None]:
        """Run one unit of work; a failure is recorded as a problem unless it must stop the whole run."""
        self.counts["steps"] += 1
        try:
            yield
        except StopRun:
            raise
        except Exception as exc:  # noqa: BLE001 - one failed query must not stop the others
            stop = find_cause(exc, BudgetExhausted, RateLimitWait)
            if stop is not None:
                self.stopped = str(stop)
                raise StopRun(str(stop)) from None
            if isinstance(exc, SourceError):
                raise
            fatal = self.source.fatal_error(exc)
            if fatal:  # e.g. credentials refused: every other step would fail the same way
                raise SourceError(fatal) from None
            self.counts["steps_failed"] += 1
            self.problem(f"{label}: {describe_error(exc)}")

    def problem(self, message: str) -> None:
        log.warning("%s: %s", self.name, message)
        self.problems.append(message[:500])

    # ---- cursors ---------------------------------------------------------

    def cursor(self, query: str) -> dict[str, Any]:
        return self.social.cursor(self.name, query)

    def set_cursor(self, query: str, cursor: dict[str, Any]) -> None:
        self.social.set_cursor(self.name, query, cursor)

    # ---- threads whose replies are fetched -------------------------------

    def follow_thread(self, thread_id: str, *, url: str, query: str, activity: str | None = None) -> None:
        self.social.follow_thread(self.name, thread_id, url=url, query=query, activity=activity)

    def threads_to_check(self) -> list[dict[str, Any]]:
        limit = int(self.settings["social.max_threads_per_run"])
        if limit <= 0:
            return []
        since = iso_from_epoch(self.clock.now() - 86400 * int(self.settings["social.follow_days"]))
        assert since is not None
        return self.social.threads_to_check(self.name, active_since=since, limit=limit)

    def thread_checked(self, thread_id: str, cursor: dict[str, Any], activity: str | None = None) -> None:
        self.counts["threads"] += 1
        self.social.thread_checked(self.name, thread_id, cursor, activity)

    # ---- what was found ----------------------------------------------------

    def item(self, *, post_id: str, url: str, text: str, title: str | None = None, author: str | None = None,
             published: str | None = None, lang: str | None = None, raw: dict[str, Any] | None = None,
             evidence_keys: tuple[str, ...] = ()) -> Item:
        """An Item for a post, with text cleaned and capped and the evidence of the response it came in."""
        return Item(
            source=self.name, url=url, canonical_url=url, text=clean_text(text, self.max_text),
            title=clean_text(title, 500) or None, author=clean_text(author, 200) or None, published=published,
            lang=(lang or None) if lang not in ("und", "zxx", "qme", "qht") else None,
            fetched_at=repmon_clock.iso(),
            evidence_id=self.evidence_for(post_id, *evidence_keys), raw={"post_id": post_id, **(raw or {})},
        )

    def save(self, item: Item, *, post_id: str, thread_id: str | None = None) -> bool:
        """Store a post's Item and remember the post; return True if new.

        Stored once per URL and content; a post seen again with the same text
        keeps its item even if its title changed (a reply found alone, then in
        its thread). An edited post is a new item.
        """
        self.counts["items_seen"] += 1
        if not item.text.strip():
            return False
        known = self.social.post(self.name, post_id)
        if known and known["item_id"]:
            stored = self.store.get_item(known["item_id"])
            if stored and stored["text"] == item.text:  # the same words (perhaps now with a thread title): not a new version
                self.social.saw_post(self.name, post_id, thread_id=thread_id, url=item.url, item_id=known["item_id"],
                                     evidence_id=item.evidence_id)
                return False
        item_id, created = self.store.save_item(item)
        self.counts["items_new"] += int(created)
        self.social.saw_post(self.name, post_id, thread_id=thread_id, url=item.url, item_id=item_id,
                             evidence_id=item.evidence_id)
        return created

    def mark_gone(self, post_id: str, state: str, *, url: str = "", thread_id: str | None = None) -> bool:
        """Record a deleted, removed or missing post (never stored as an item); True when that is news."""
        news = self.social.mark_post(self.name, post_id, state, thread_id=thread_id, url=url,
                                     evidence_id=self.evidence_for(post_id))
        self.counts["gone"] += int(news)
        return news

    def saw_account(self, account: Any) -> None:
        """An author account seen in this run (``social.impersonation.Account``), checked once at the end."""
        key = (getattr(account, "platform", ""), getattr(account, "handle", ""), getattr(account, "display_name", ""))
        if key not in self._account_keys:
            self._account_keys.add(key)
            self.accounts.append(account)

    # ---- the end -----------------------------------------------------------

    def close(self) -> None:
        self.evidence.close()

    def summary(self) -> str:
        c = self.counts
        parts = [f"{c['items_seen']} posts ({c['items_new']} new) from {c['queries_done']} of {c['queries']} queries"]
        if c["threads"]:
            parts.append(f"{c['threads']} threads checked for replies")
        if c["gone"]:
            parts.append(f"{c['gone']} deleted or removed")
        used = self.budget.used()
        parts.append(f"{used} of {self.budget.limit} {self.budget.unit} read this month" if self.budget.limit
                     else f"{used} {self.budget.unit} this month")
        if self.stopped:
            parts.append(f"stopped early: {self.stopped}")
        if self.problems:
            shown = "; ".join(self.problems[:3])
            more = f" (+{len(self.problems) - 3} more)" if len(self.problems) > 3 else ""
            parts.append(f"{len(self.problems)} problems: {shown}{more}")
        return ", ".join(parts)


def describe_error(exc: BaseException) -> str:
    """A one-line description of a client library's error (status code and message when there is one)."""
    response = getattr(exc, "response", None)
    status = getattr(response, "status_code", None)
    text = str(exc) or type(exc).__name__
    if status is not None and str(status) not in text:
        text = f"HTTP {status}: {text}"
    return f"{type(exc).__name__}: {text}"[:300]
