"""X through the real Tweepy/requests stack (API v2 recent search), answered by recordings at the transport layer.

Real recording (../shared/fixtures/x-tweepy, Tweepy's vcrpy cassette, gzip
body served gzipped): ``search_recent_tweets``, its envelope, ``meta`` and
``next_token``, and its ``x-rate-limit-*`` headers. Our own fictional
recordings (tests/social/recordings/x_*.json): expansions with authors,
conversations and a deleted referenced post, a second page, a 429 storm with
a 503, an expired token, a cut-off JSON body, timeouts.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, urlsplit

import pytest

from data.evidence import read_payload
from data.social import SocialStore
from data.store import Store
from repmon.config import Settings
from social.collect import budget_usage, collect_social
from repmon.profile import load_profile
from social.replay import Interaction, ReplayAdapter
from social.x import x_queries
from tests.social.conftest import RECORDINGS, X, X_IGNORE, make_settings, x_replay
from tests.social.fakes import FakeClock

SEARCH = X / "test_client_search_recent_tweets.yaml"
RECORDED_TOKEN = "b26v89c19zqg8o3fpzbn1e0ffhxjiofzw6po136rvbnul"


def _run(settings: Settings, store: Store, adapter: ReplayAdapter, clock: FakeClock | None = None) -> dict[str, Any]:
    [run] = collect_social(settings, store, ["x"], transport=adapter, clock=clock or FakeClock())
    return run


def real_search() -> ReplayAdapter:
    """Tweepy's recording answers our query (it was recorded for query=Tweepy)."""
    return ReplayAdapter.from_files(SEARCH, ignore_params=X_IGNORE | {"query"})


def _posts(store: Store) -> dict[str, dict[str, Any]]:
    """Stored X posts by post id (impersonation items, which are accounts, left out)."""
    rows = [dict(r) for r in store.db.query("SELECT * FROM items WHERE source = 'x' ORDER BY id")]
    return {json.loads(r["raw"])["post_id"]: r for r in rows if "post_id" in json.loads(r["raw"])}


def _recorded_posts() -> list[dict[str, Any]]:
    decoded = json.loads((X / "decoded" / "test_client_search_recent_tweets.json").read_text())
    return decoded["interactions"][0]["response"]["body_json"]["data"]  # type: ignore[no-any-return]


@pytest.fixture
def one_page(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Settings:
    """One query, one page per run, no reply fetching: exactly what the real recording holds."""
    monkeypatch.chdir(tmp_path)
    return make_settings(tmp_path, social__search_staff=False, social__max_pages=1, social__max_threads_per_run=0)


# ---- the real recording ------------------------------------------------------------------


def test_real_recent_search_posts_become_items_through_tweepy(one_page: Settings, store: Store) -> None:
    run = _run(one_page, store, real_search())
    items = list(_posts(store).values())
    posts = _recorded_posts()
    assert run["status"] == "ok"
    assert [i["text"] for i in items] == [p["text"] for p in posts]
    assert [i["url"] for i in items] == [f"https://x.com/i/web/status/{p['id']}" for p in posts]


def test_the_gzip_response_is_kept_decoded_as_evidence_with_its_sha256(one_page: Settings, file_store: Store) -> None:
    _run(one_page, file_store, real_search())
    item = next(iter(file_store.db.query("SELECT evidence_id FROM items")))
    evidence = file_store.get_evidence(item["evidence_id"])
    assert evidence is not None and evidence["status"] == 200
    payload = json.loads(read_payload(evidence))
    assert [p["id"] for p in payload["data"]] == [p["id"] for p in _recorded_posts()]
    assert "content-encoding" not in {k.lower() for k in evidence["headers"]}


def test_the_request_carries_the_query_fields_and_bearer_token(one_page: Settings, store: Store, profile: Any) -> None:
    adapter = real_search()
    _run(one_page, store, adapter)
    [request] = adapter.sent
    params = parse_qs(urlsplit(request.url or "").query)
    assert params["query"] == x_queries(profile, staff=False)
    assert "conversation_id" in params["tweet.fields"][0] and "author_id" in params["expansions"][0]
    assert request.headers["Authorization"] == "Bearer test-bearer"


def test_posts_read_are_counted_against_the_monthly_budget(one_page: Settings, store: Store) -> None:
    clock = FakeClock()
    _run(one_page, store, real_search(), clock)
    usage = budget_usage(store, one_page, clock)["x"]
    assert usage["used"] == len(_recorded_posts()) and usage["limit"] == 10000 and usage["unit"] == "posts"


def test_a_pass_cut_short_keeps_the_recorded_next_token(one_page: Settings, store: Store) -> None:
    _run(one_page, store, real_search())
    [cursor] = SocialStore(store).cursors("x").values()
    assert cursor["next_token"] == RECORDED_TOKEN
    assert cursor["pass_newest"] == _recorded_posts()[0]["id"]
    assert "since_id" not in cursor or cursor["since_id"] is None


def test_the_next_run_finishes_the_pass_with_next_token_then_moves_since_id(one_page: Settings, store: Store) -> None:
    _run(one_page, store, real_search())
    adapter = ReplayAdapter.from_files(RECORDINGS / "x_page2.json", SEARCH, ignore_params=X_IGNORE | {"query"})
    run = _run(one_page, store, adapter)
    [cursor] = SocialStore(store).cursors("x").values()
    first = parse_qs(urlsplit(adapter.sent[0].url or "").query)
    assert first["next_token"] == [RECORDED_TOKEN]
    assert run["items_new"] == 2
    assert cursor.get("since_id") == _recorded_posts()[0]["id"]


def test_a_second_run_over_the_same_posts_stores_nothing_twice(one_page: Settings, store: Store) -> None:
    settings = one_page.with_overrides({"social.max_pages": 10})
    adapter = ReplayAdapter(real_search().interactions + x_replay(RECORDINGS / "x_page2.json").interactions,
                            ignore_params={"query", "max_results", "tweet.fields", "user.fields", "expansions", "since_id"})
    first = _run(settings, store, adapter)
    count = store.count_items()
    adapter2 = ReplayAdapter(real_search().interactions + x_replay(RECORDINGS / "x_page2.json").interactions,
                             ignore_params={"query", "max_results", "tweet.fields", "user.fields", "expansions", "since_id"})
    second = _run(settings, store, adapter2)
    sent = parse_qs(urlsplit(adapter2.sent[0].url or "").query)
    assert first["items_new"] == count == 12
    assert second["items_new"] == 0 and store.count_items() == count
    assert sent["since_id"] == [_recorded_posts()[0]["id"]]


# ---- our own recordings -----------------------------------------------------------------------


def test_replies_of_a_matched_conversation_are_fetched(one_query_settings: Settings, store: Store) -> None:
    run = _run(one_query_settings, store, x_replay(RECORDINGS / "x_conversation.json"))
    rows = _posts(store)
    assert run["status"] == "ok"
    assert set(rows) == {"1970000000000000101", "1970000000000000105", "1970000000000000107"}
    reply = rows["1970000000000000105"]
    assert reply["url"] == "https://x.com/qehs_offical/status/1970000000000000105"
    assert reply["author"] == "@qehs_offical" and reply["published"] == "2026-09-21T09:30:00Z"
    assert json.loads(reply["raw"])["kind"] == "reply"
    assert reply["title"].startswith("Re: Anyone know what's going on at QE High?")  # read in its thread
    [thread] = SocialStore(store).threads("x")
    assert thread["cursor"]["since_id"] == "1970000000000000107"


def test_a_deleted_post_x_reports_is_recorded_as_deleted(one_query_settings: Settings, store: Store) -> None:
    _run(one_query_settings, store, x_replay(RECORDINGS / "x_conversation.json"))
    gone = SocialStore(store).post("x", "1970000000000000103")
    assert gone is not None and gone["state"] == "deleted" and gone["item_id"] is None


def test_authors_seen_are_handed_to_the_impersonation_check(one_query_settings: Settings, store: Store) -> None:
    _run(one_query_settings, store, x_replay(RECORDINGS / "x_conversation.json"))
    flagged = list(store.db.query("SELECT * FROM alerts WHERE categories LIKE '%impersonation%'"))
    assert len(flagged) == 1


def test_a_429_storm_loses_no_post_and_waits_for_each_reset(one_query_settings: Settings, store: Store) -> None:
    clock = FakeClock()
    start = clock.t
    settings = one_query_settings.with_overrides({"social.max_threads_per_run": 0, "social.max_retries": 6})
    run = _run(settings, store, x_replay(RECORDINGS / "x_429_storm.json"), clock)
    assert run["status"] == "ok"
    assert store.count_items() == 5
    assert run["stats"]["rate_limited"] == 3 and run["stats"]["server_errors"] == 1
    # the first 429 says the window resets at start+60, the second at start+120, the third at start+1100
    assert clock.sleeps[0] >= 60 and clock.t >= start + 1100
    assert budget_usage(store, settings, clock)["x"]["used"] == 5


def test_a_429_storm_never_exceeds_the_budget(one_query_settings: Settings, store: Store) -> None:
    """Budget 20 posts: each page asks for 10 (and maybe 10 referenced posts); the second page is not sent."""
    clock = FakeClock()
    settings = one_query_settings.with_overrides({"social.max_threads_per_run": 0, "social.max_retries": 6,
                                                  "x.monthly_read_budget": 20})
    adapter = x_replay(RECORDINGS / "x_429_storm.json")
    run = _run(settings, store, adapter, clock)
    usage = budget_usage(store, settings, clock)["x"]
    assert usage["used"] <= 20
    assert store.count_items() == 3
    assert "budget" in run["message"] and run["status"] == "ok"
    assert not any("next_token" in (r.url or "") for r in adapter.sent)
    [cursor] = SocialStore(store).cursors("x").values()
    assert cursor["next_token"] == "tokenA"  # the next month resumes here: nothing is lost


def test_a_wait_longer_than_allowed_stops_the_run_and_keeps_the_cursor(one_query_settings: Settings,
                                                                      store: Store) -> None:
    settings = one_query_settings.with_overrides({"social.max_wait_seconds": 30})
    clock = FakeClock()
    run = _run(settings, store, x_replay(RECORDINGS / "x_429_storm.json"), clock)
    assert run["status"] == "ok" and "stopped early" in run["message"]
    assert clock.sleeps == [] and store.count_items() == 0


def test_an_expired_token_fails_the_run_with_what_to_do(one_query_settings: Settings, store: Store) -> None:
    run = _run(one_query_settings, store, x_replay(RECORDINGS / "x_expired_token.json"))
    assert run["status"] == "error"
    assert "X_BEARER_TOKEN" in run["message"] and "401" in run["message"]
    assert "test-bearer" not in run["message"]


def test_a_cut_off_json_body_is_recorded_as_a_problem(one_query_settings: Settings, store: Store) -> None:
    run = _run(one_query_settings, store, x_replay(RECORDINGS / "x_malformed.json"))
    assert run["status"] == "error" and run["errors"] == 1
    assert store.count_items() == 0


def test_timeouts_are_retried(one_query_settings: Settings, store: Store) -> None:
    clock = FakeClock()
    settings = one_query_settings.with_overrides({"social.max_threads_per_run": 0})
    run = _run(settings, store, x_replay(RECORDINGS / "x_timeout.json"), clock)
    assert run["status"] == "ok" and store.count_items() == 1
    assert run["stats"]["timeouts"] == 2 and len(clock.sleeps) == 2


def test_x_queries_fit_the_length_limit_and_split_when_needed(profile: Any) -> None:
    long = x_queries(profile, staff=True, max_len=512)
    short = x_queries(profile, staff=True, max_len=120)
    assert all(len(q) <= 512 for q in long) and all(len(q) <= 120 for q in short)
    assert len(short) > len(long)
    assert all(q.endswith(" -is:retweet") for q in short)
    assert "@qehs_example" in " ".join(long)
    assert not any(p.name in " ".join(long) for p in profile.pupils)


def test_a_since_id_older_than_recent_search_allows_is_dropped_and_the_week_searched(one_query_settings: Settings,
                                                                                    store: Store) -> None:
    """X refuses a since_id older than 7 days (400); the search is made again without it."""
    settings = one_query_settings.with_overrides({"social.max_threads_per_run": 0})
    query = x_queries(load_profile(settings["profile.path"]), staff=False)[0]
    SocialStore(store).set_cursor("x", query, {"since_id": "1570000000000000000"})
    refused = Interaction("GET", "https://api.twitter.com/2/tweets/search/recent?since_id=1570000000000000000",
                          status=400, reason="Bad Request", headers=[("content-type", "application/json")],
                          body=json.dumps({"errors": [{"parameters": {"since_id": ["1570000000000000000"]},
                                                       "message": "Invalid 'since_id':'1570000000000000000'. 'since_id' "
                                                                  "must be a tweet id created after 2026-09-14T09:00Z."}],
                                           "title": "Invalid Request", "type": "https://api.twitter.com/2/problems/invalid-request"}).encode())
    week = Interaction("GET", "https://api.twitter.com/2/tweets/search/recent", headers=[("content-type", "application/json")],
                       body=json.dumps({"data": [{"id": "1970000000000000050", "text": "fictional post about QE High"}],
                                        "meta": {"newest_id": "1970000000000000050", "result_count": 1}}).encode())
    adapter = ReplayAdapter([refused, week], ignore_params=X_IGNORE | {"query"})
    run = _run(settings, store, adapter)
    assert run["status"] == "ok" and store.count_items() == 1
    assert SocialStore(store).cursor("x", query)["since_id"] == "1970000000000000050"
