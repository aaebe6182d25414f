"""Bluesky through the real atproto client, replaying recorded responses at the HTTP layer.

Real recordings (../shared/fixtures/bluesky-bskyr, May 2025, bsky.social):
``f_search.yml`` (searchPosts), ``f_postthread.yml`` (getPostThread),
``a_search.yml`` (searchActorsTypeahead). Our own, fictional recordings
(tests/social/recordings/bluesky/): the login, an expired token, a refused
login, 429/500/timeout/malformed answers, the end page of a search, a thread
with a deleted reply, a deleted thread and a profile look-up.
"""

from __future__ import annotations

import json
import time
from pathlib import Path
from typing import Any

import pytest
import yaml

from data import accounts as account_rows
from data.social import SocialStore
from data.store import Store
from repmon.profile import Profile, load_profile
from social.collect import collect_social
from social.replay import Interaction, ReplayAdapter, interaction_from, load_recording
from tests.paths import FIXTURES
from tests.social.conftest import RECORDINGS, make_settings
from tests.social.fakes import FakeClock

BSKYR = FIXTURES / "bluesky-bskyr"
OWN = RECORDINGS / "bluesky"
ENV = {"BLUESKY_HANDLE": "repmon-qehs.bsky.social", "BLUESKY_APP_PASSWORD": "fictional-app-password"}
# parameters repmon sends that the recorded requests did not: page size, order, since, thread depth
IGNORE = ("limit", "sort", "since", "depth", "parentHeight")


@pytest.fixture(autouse=True)
def no_sleeping(monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(seconds: float) -> None:
        raise AssertionError(f"real sleep({seconds}) in a test: waiting must go through the fake clock")
    monkeypatch.setattr(time, "sleep", refuse)


def bskyr(name: str) -> list[Interaction]:
    """Interactions of an R vcr cassette (``http_interactions``; header values are plain strings)."""
    data = yaml.safe_load((BSKYR / name).read_text(encoding="utf-8"))
    return [interaction_from(entry) for entry in data["http_interactions"]]


def own(name: str) -> list[Interaction]:
    return load_recording(OWN / name)


def adapter(*groups: list[Interaction]) -> ReplayAdapter:
    return ReplayAdapter([i for group in groups for i in group], ignore_params=IGNORE)


def school_profile(tmp_path: Path, name: str = "redistricting") -> Profile:
    """A profile whose one search term is the word the real recording searched for."""
    path = tmp_path / "profile.toml"
    path.write_text(f'[school]\nid = "demo"\nname = "{name}"\n'
                    'places = ["Carmarthen"]\n\n[[staff]]\nid = "staff-1"\nname = "Rhian Pritchard"\n',
                    encoding="utf-8")
    return load_profile(path)


def settings_for(tmp_path: Path, env: dict[str, str] | None = None, **overrides: Any) -> Any:
    values = {"social__sources": ["bluesky"], "social__max_threads_per_run": 0, "social__search_staff": False,
              "bluesky__search_accounts": False}
    values.update(overrides)
    return make_settings(tmp_path, env=ENV if env is None else env, **values)


def run(tmp_path: Path, store: Store, transport: ReplayAdapter, clock: FakeClock | None = None,
        profile: Profile | None = None, **overrides: Any) -> dict[str, Any]:
    [result] = collect_social(settings_for(tmp_path, **overrides), store, profile=profile or school_profile(tmp_path),
                              clock=clock or FakeClock(), transport=transport)
    return result


def sent_paths(transport: ReplayAdapter) -> list[str]:
    return [(r.url or "").split("/xrpc/")[1].split("?")[0] for r in transport.sent]


def test_search_stores_each_real_post_once_with_evidence(tmp_path: Path, file_store: Store) -> None:
    transport = adapter(own("login.json"), bskyr("f_search.yml"), own("search_end.json"))
    result = run(tmp_path, file_store, transport)
    assert result["status"] == "ok", result["message"]
    assert (result["items_seen"], result["items_new"]) == (25, 25)
    assert sent_paths(transport) == ["com.atproto.server.createSession", "app.bsky.feed.searchPosts",
                                     "app.bsky.feed.searchPosts"]
    item = next(i for i in map(file_store.get_item, range(1, 26)) if i and i["author"] == "socpaperbot.bsky.social")
    assert item["url"] == "https://bsky.app/profile/socpaperbot.bsky.social/post/3lpk2u6qo222m"
    assert item["text"].startswith("Ends Versus Means: Public Opinion on Congressional Redistricting")
    assert item["published"] == "2025-05-19T17:10:09.561858Z" and item["source"] == "bluesky"
    assert item["raw"]["post_id"] == "at://did:plc:kkergqgbhb56ptpwj2wenkje/app.bsky.feed.post/3lpk2u6qo222m"
    evidence = file_store.get_evidence(item["evidence_id"])
    assert evidence is not None and "searchPosts" in evidence["url"]
    # the login answer holds tokens: never kept as evidence
    assert all("createSession" not in (file_store.get_evidence(i) or {}).get("url", "") for i in range(1, 10))
    # the cursor remembers the newest post seen, for the next run's `since`
    cursor = SocialStore(file_store).cursor("bluesky", "redistricting")
    assert cursor == {"since": "2025-05-19T17:10:09.813Z"}


def test_a_second_run_stores_nothing_twice_and_asks_only_for_newer_posts(tmp_path: Path, file_store: Store) -> None:
    transport = adapter(own("login.json"), bskyr("f_search.yml"), own("search_end.json"))
    run(tmp_path, file_store, transport)
    first = file_store.count_items()
    second = run(tmp_path, file_store, transport)
    assert (second["items_seen"], second["items_new"]) == (25, 0)
    assert file_store.count_items() == first == 25
    last_search = [r for r in transport.sent if "searchPosts" in (r.url or "")][-2]
    assert "since=2025-05-19T17%3A10%3A09.813Z" in (last_search.url or "")


def test_a_search_cut_short_resumes_from_its_page_cursor(tmp_path: Path, store: Store) -> None:
    transport = adapter(own("login.json"), bskyr("f_search.yml"), own("search_end.json"))
    run(tmp_path, store, transport, social__max_pages=1)
    assert SocialStore(store).cursor("bluesky", "redistricting") == {
        "since": None, "resume": "25", "pending_newest": "2025-05-19T17:10:09.813Z"}
    run(tmp_path, store, transport, social__max_pages=1)
    assert "cursor=25" in (transport.sent[-1].url or "")
    assert SocialStore(store).cursor("bluesky", "redistricting") == {"since": "2025-05-19T17:10:09.813Z"}


def test_expired_token_is_renewed_by_the_library(tmp_path: Path, store: Store) -> None:
    transport = adapter(own("login_expired.json"), bskyr("f_search.yml"), own("search_end.json"))
    result = run(tmp_path, store, transport)
    assert result["status"] == "ok" and result["items_new"] == 25
    assert sent_paths(transport)[:3] == ["com.atproto.server.createSession", "com.atproto.server.refreshSession",
                                         "app.bsky.feed.searchPosts"]


def test_refused_login_is_an_error_that_says_what_to_fix(tmp_path: Path, store: Store) -> None:
    result = run(tmp_path, store, adapter(own("login_refused.json")))
    assert result["status"] == "error"
    assert "BLUESKY_APP_PASSWORD" in result["message"] and "app password" in result["message"]


def test_without_credentials_bluesky_is_disabled_and_names_the_variables(tmp_path: Path, store: Store) -> None:
    [result] = collect_social(settings_for(tmp_path, env={}), store, profile=school_profile(tmp_path),
                              transport=adapter())
    assert result["status"] == "disabled"
    assert "BLUESKY_HANDLE" in result["message"] and "BLUESKY_APP_PASSWORD" in result["message"]


@pytest.mark.parametrize("recording, stat", [
    ("search_429.json", "rate_limited"), ("search_500.json", "server_errors"), ("search_timeout.json", "timeouts")])
def test_a_failed_request_is_retried_after_a_wait_on_the_fake_clock(tmp_path: Path, store: Store, recording: str,
                                                                   stat: str) -> None:
    clock = FakeClock()
    transport = adapter(own("login.json"), own(recording), bskyr("f_search.yml"), own("search_end.json"))
    result = run(tmp_path, store, transport, clock=clock)
    assert result["status"] == "ok" and result["items_new"] == 25
    assert result["stats"][stat] == 1 and result["stats"]["retries"] == 1
    assert len(clock.sleeps) == 1
    if stat == "rate_limited":  # waited for RateLimit-Reset (a Unix time 120 s ahead), plus a little jitter
        assert 120 <= clock.sleeps[0] <= 128


def test_a_429_storm_loses_nothing_and_stays_within_budget(tmp_path: Path, store: Store) -> None:
    storm = own("search_429.json") * 7
    storm = [Interaction(**{**i.__dict__, "served": 0}) for i in storm]
    transport = adapter(own("login.json"), storm, bskyr("f_search.yml"), own("search_end.json"))
    first = run(tmp_path, store, transport, bluesky__monthly_read_budget=20)
    assert first["items_new"] == 0 and "RateLimitExceeded" in first["message"]
    assert SocialStore(store).cursor("bluesky", "redistricting") == {}   # nothing skipped
    second = run(tmp_path, store, transport, bluesky__monthly_read_budget=20)
    assert second["items_new"] == 25
    used = SocialStore(store).usage("bluesky", time.strftime("%Y-%m", time.gmtime(FakeClock().now())))
    assert used["reads"] <= 20


def test_a_spent_budget_stops_before_sending(tmp_path: Path, store: Store) -> None:
    transport = adapter(own("login.json"), bskyr("f_search.yml"), own("search_end.json"))
    result = run(tmp_path, store, transport, bluesky__monthly_read_budget=1)
    assert "budget" in result["message"]
    assert sent_paths(transport) == ["com.atproto.server.createSession", "app.bsky.feed.searchPosts"]
    result = run(tmp_path, store, transport, bluesky__monthly_read_budget=1)
    assert sent_paths(transport)[-1] == "com.atproto.server.createSession"   # the login is not a read


def test_malformed_json_is_a_problem_and_the_cursor_stays(tmp_path: Path, store: Store) -> None:
    transport = adapter(own("login.json"), own("search_malformed.json"))
    result = run(tmp_path, store, transport)
    assert result["status"] == "error" and "query 'redistricting'" in result["message"]
    assert store.count_items() == 0 and SocialStore(store).cursor("bluesky", "redistricting") == {}


def test_real_thread_is_read_and_its_post_stored(tmp_path: Path, store: Store) -> None:
    uri = "at://did:plc:ic6zqvuw5ulmfpjiwnhsr2ns/app.bsky.feed.post/3k7qmjev5lr2s"
    SocialStore(store).follow_thread("bluesky", uri, url="https://bsky.app/profile/x/post/3k7qmjev5lr2s", query="q")
    transport = adapter(own("login.json"), bskyr("f_search.yml"), own("search_end.json"), bskyr("f_postthread.yml"))
    run(tmp_path, store, transport, social__max_threads_per_run=30)   # the searched posts' threads have none
    post = SocialStore(store).post("bluesky", uri)
    assert post is not None and post["state"] == "live"
    item = store.get_item(post["item_id"])
    assert item is not None and item["author"] == "soubhikbarari.bsky.social" and "LocalView" in item["text"]


def test_replies_deleted_posts_and_an_impersonating_replier(tmp_path: Path, store: Store) -> None:
    recorded = json.loads((OWN / "threads.json").read_text(encoding="utf-8"))
    social = SocialStore(store)
    social.follow_thread("bluesky", recorded["root"], url="https://bsky.app/profile/p/post/3lqehsroot001", query="q")
    social.follow_thread("bluesky", recorded["gone"], url="https://bsky.app/profile/p/post/3lqehsgone001", query="q")
    transport = adapter(own("login.json"), bskyr("f_search.yml"), own("search_end.json"), own("threads.json"))
    profile = load_profile(Path(__file__).resolve().parents[2] / "profiles" / "example.toml")
    [result] = collect_social(settings_for(tmp_path, social__max_threads_per_run=5, social__search_staff=False),
                              store, profile=profile, clock=FakeClock(), transport=transport)
    assert result["status"] in ("ok", "error")   # the example profile's own searches have no recording
    assert social.post("bluesky", recorded["gone"])["state"] == "deleted"
    assert social.post("bluesky", "at://did:plc:fictionalparent000000003/app.bsky.feed.post/3lqehsdeleted1")[
        "state"] == "deleted"
    reply = social.post("bluesky", "at://did:plc:fictionalimpostor0000001/app.bsky.feed.post/3lqehsreply01")
    assert reply["state"] == "live" and reply["thread_id"] == recorded["root"]
    assert store.get_item(reply["item_id"])["title"].startswith("Re: Anyone else confused by the new uniform")
    # the replier imitates the school: looked up (getProfiles) and raised as an impersonation alert
    assert "app.bsky.actor.getProfiles" in sent_paths(transport)
    row = account_rows.get_account(store, "bluesky", "did:plc:fictionalimpostor0000001")
    assert row is not None and row["verdict"] == "impersonation" and row["followers"] == 4
    alert = store.get_alert(row["alert_id"])
    assert alert["categories"] == ["impersonation"] and alert["url"] == "https://bsky.app/profile/qehs-offical.bsky.social"
    # a second run: nothing stored twice, no second alert
    items, alerts = store.count_items(), len(store.alerts())
    collect_social(settings_for(tmp_path, social__max_threads_per_run=5), store, profile=profile, clock=FakeClock(),
                   transport=transport)
    assert (store.count_items(), len(store.alerts())) == (items, alerts)


def test_accounts_found_by_name_go_to_the_impersonation_check(tmp_path: Path, store: Store) -> None:
    """The real typeahead recording: accounts named like the search, none imitating this profile."""
    empty = [Interaction("GET", "https://bsky.social/xrpc/app.bsky.feed.searchPosts?q=%22political+science%22",
                         headers=[("Content-Type", "application/json")], body=b'{"posts": []}')]
    transport = adapter(own("login.json"), empty, bskyr("a_search.yml"))
    result = run(tmp_path, store, transport, profile=school_profile(tmp_path, "political science"),
                 bluesky__search_accounts=True)
    assert result["status"] == "ok", result["message"]
    row = account_rows.get_account(store, "bluesky", "did:plc:xzzesxndb6f3xsp2phcfhb5n")
    assert row is not None and row["handle"] == "bjpols.bsky.social" and row["verdict"] == "ok"
    assert store.alerts() == []


def test_a_used_up_window_is_waited_out_before_the_next_request(tmp_path: Path, store: Store) -> None:
    """The login's answer says 0 requests remain until a Unix time 60 s ahead: the search waits for it."""
    [login] = own("login.json")
    spent = [(k, v) for k, v in login.headers if not k.startswith("RateLimit")]
    spent += [("RateLimit-Remaining", "0"), ("RateLimit-Reset", str(int(FakeClock().now()) + 60))]
    clock = FakeClock()
    transport = adapter([Interaction(**{**login.__dict__, "headers": spent})], bskyr("f_search.yml"),
                        own("search_end.json"))
    result = run(tmp_path, store, transport, clock=clock)
    assert result["items_new"] == 25
    assert len(clock.sleeps) == 1 and 60 <= clock.sleeps[0] <= 65
