"""The monitored session every platform library is given: rate limits, retries, budget, evidence."""

from __future__ import annotations

import random
from typing import Any

import pytest
import requests

from data.social import SocialStore
from data.store import Store
from social.http import (BLUESKY_HEADERS, MASTODON_HEADERS, REDDIT_HEADERS, X_HEADERS, Backoff, Budget,
                         BudgetExhausted, Gate, MonitoredSession, RateLimitWait, redact_url)
from social.replay import Interaction, ReplayAdapter
from tests.social.fakes import FakeClock

URL = "https://api.example.test/search"


def _session(interactions: list[Interaction], clock: FakeClock, *, budget: Budget | None = None,
             max_wait: float = 900, max_retries: int = 4, captured: list[Any] | None = None) -> MonitoredSession:
    gate = Gate(source="test", clock=clock, backoff=Backoff(rng=random.Random(1)), timeout=5, max_retries=max_retries,
                max_wait=max_wait, headers=X_HEADERS, budget=budget,
                capture=(lambda r: _keep(captured, r)) if captured is not None else None,
                reads_in=lambda req, payload: len(payload.get("data", [])) if isinstance(payload, dict) else 0,
                max_reads=lambda req: 10)
    session = MonitoredSession(gate)
    session.mount("https://", ReplayAdapter(interactions))
    return session


def _keep(captured: list[Any], response: Any) -> int:
    captured.append(response)
    return len(captured)


def ok(body: bytes = b'{"data": [{"id": "1"}, {"id": "2"}]}', **headers: str) -> Interaction:
    return Interaction("GET", URL, headers=[("content-type", "application/json"), *headers.items()], body=body)


def test_reset_headers_mean_what_each_platform_says() -> None:
    now = 1_790_000_000.0
    assert REDDIT_HEADERS.reset_at({"x-ratelimit-reset": "291"}, now) == now + 291          # seconds from now
    assert X_HEADERS.reset_at({"x-rate-limit-reset": "1665183229"}, now) == 1665183229     # Unix time
    assert BLUESKY_HEADERS.reset_at({"ratelimit-reset": "1748000000"}, now) == 1748000000   # Unix time
    iso = MASTODON_HEADERS.reset_at({"x-ratelimit-reset": "2026-08-01T14:00:00.070144Z"}, now)
    assert iso == pytest.approx(1785592800.070144)                                          # ISO timestamp
    assert X_HEADERS.reset_at({"x-rate-limit-reset": "soon"}, now) is None


def test_backoff_is_jittered_and_grows_to_its_cap() -> None:
    backoff = Backoff(base=2, cap=60, rng=random.Random(7))
    delays = [[backoff.delay(attempt) for _ in range(50)] for attempt in range(8)]
    assert all(1 <= d <= 60 for row in delays for d in row)
    assert len(set(delays[3])) > 40                       # jittered, not one fixed value
    assert max(delays[7]) > max(delays[0]) * 5


def test_a_429_waits_until_the_reset_time_then_retries() -> None:
    clock = FakeClock()
    reset = int(clock.t) + 120
    session = _session([Interaction("GET", URL, status=429, headers=[("x-rate-limit-remaining", "0"),
                                                                      ("x-rate-limit-reset", str(reset))]), ok()], clock)
    response = session.get(URL)
    assert response.status_code == 200
    assert 120 <= clock.sleeps[0] <= 120 + 1.5 + 6


def test_an_exhausted_window_is_waited_out_before_the_next_request() -> None:
    clock = FakeClock()
    reset = int(clock.t) + 300
    exhausted = Interaction("GET", URL, headers=[("x-rate-limit-remaining", "0"), ("x-rate-limit-reset", str(reset))])
    session = _session([exhausted, ok()], clock)
    session.get(URL)
    assert clock.sleeps == []
    session.get(URL)
    assert len(clock.sleeps) == 1 and clock.t >= reset


def test_retries_give_up_and_hand_the_last_answer_to_the_library() -> None:
    clock = FakeClock()
    session = _session([Interaction("GET", URL, status=502)], clock, max_retries=2)
    assert session.get(URL).status_code == 502
    assert len(clock.sleeps) == 2


def test_a_wait_longer_than_allowed_is_not_made() -> None:
    clock = FakeClock()
    reset = int(clock.t) + 3600
    session = _session([Interaction("GET", URL, status=429, headers=[("x-rate-limit-reset", str(reset))]), ok()],
                       clock, max_wait=900)
    with pytest.raises(RateLimitWait) as caught:
        session.get(URL)
    assert caught.value.until == pytest.approx(reset)
    assert clock.sleeps == []


def test_a_timeout_is_retried_after_a_backoff() -> None:
    clock = FakeClock()
    session = _session([Interaction("GET", URL, error="timeout"), ok()], clock)
    assert session.get(URL).status_code == 200
    assert len(clock.sleeps) == 1


def test_timeouts_that_go_on_raise_the_timeout() -> None:
    clock = FakeClock()
    session = _session([Interaction("GET", URL, error="timeout")], clock, max_retries=1)
    with pytest.raises(requests.ReadTimeout):
        session.get(URL)


def test_a_request_that_could_exceed_the_budget_is_never_sent(store: Store) -> None:
    clock = FakeClock()
    budget = Budget(SocialStore(store), "test", 13, "posts", clock)
    session = _session([ok(), ok()], clock, budget=budget)
    adapter = session.get_adapter(URL)
    session.get(URL)                      # up to 10 may come back: 0 + 10 <= 13 fits; 2 did
    session.get(URL)                      # 2 + 10 <= 13: fits; 2 more read
    with pytest.raises(BudgetExhausted):  # 4 + 10 > 13: refused before sending
        session.get(URL)
    assert len(adapter.sent) == 2  # type: ignore[attr-defined]
    assert budget.used() == 4


def test_usage_is_counted_per_calendar_month(store: Store) -> None:
    clock = FakeClock()
    budget = Budget(SocialStore(store), "test", 0, "posts", clock)
    budget.spend(7)
    clock.t += 40 * 86400
    assert budget.used() == 0
    budget.spend(3)
    assert SocialStore(store).usage("test", budget.month)["reads"] == 3


def test_successful_answers_are_captured_and_errors_are_not() -> None:
    clock = FakeClock()
    captured: list[Any] = []
    session = _session([Interaction("GET", URL, status=500), ok()], clock, captured=captured)
    session.get(URL)
    assert [r.status_code for r in captured] == [200]


def test_secrets_in_query_strings_never_reach_evidence() -> None:
    assert redact_url("https://www.googleapis.com/youtube/v3/search?q=QEHS&key=AIza-secret") == \
        "https://www.googleapis.com/youtube/v3/search?q=QEHS&key=REDACTED"
