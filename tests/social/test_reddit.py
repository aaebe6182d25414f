"""Reddit through the real PRAW/prawcore/requests stack, answered by recordings at the transport layer.

Real recordings (../shared/fixtures/reddit-praw, PRAW's own betamax cassettes):
search results, a whole comment forest with "load more comments", [deleted]
comments, 2026 rate-limit headers. Our own fictional recordings
(tests/social/recordings/reddit_*.json): [removed] posts and comments, a
comment deleted after it was stored, incremental runs, an expired token,
refused credentials, 500/503, a cut-off JSON body and a 429.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from data.evidence import read_payload, sha256_hex
from data.social import SocialStore
from data.store import Store
from repmon.config import Settings
from social.collect import budget_usage, collect_social
from social.reddit import reddit_queries
from social.replay import Interaction, ReplayAdapter
from tests.social.conftest import RECORDINGS, REDDIT, REDDIT_IGNORE, make_settings, reddit_replay
from tests.social.fakes import FakeClock


def _run(settings: Settings, store: Store, adapter: ReplayAdapter, clock: FakeClock | None = None) -> dict[str, Any]:
    [run] = collect_social(settings, store, ["reddit"], transport=adapter, clock=clock or FakeClock())
    return run


def _items(store: Store) -> list[dict[str, Any]]:
    return [dict(r) for r in store.db.query("SELECT * FROM items WHERE source = 'reddit' ORDER BY id")]


@pytest.fixture
def no_threads(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Settings:
    monkeypatch.chdir(tmp_path)
    return make_settings(tmp_path, social__search_staff=False, social__max_threads_per_run=0)


# ---- real recordings -------------------------------------------------------------------


def test_real_search_results_become_items_with_their_evidence(no_threads: Settings, file_store: Store) -> None:
    adapter = reddit_replay(REDDIT / "TestSubreddit.test_search.json")
    run = _run(no_threads, file_store, adapter)
    recorded = json.loads(json.loads((REDDIT / "TestSubreddit.test_search.json").read_text())
                          ["interactions"][1]["response"]["body"]["string"])
    posts = [c["data"] for c in recorded["data"]["children"]]
    items = _items(file_store)
    assert run["status"] == "ok"
    assert [i["url"] for i in items] == ["https://www.reddit.com" + p["permalink"] for p in posts]
    first = items[0]
    assert first["author"] == posts[0]["author"] and first["title"] == posts[0]["title"]
    assert first["text"].startswith(posts[0]["title"])
    evidence = file_store.get_evidence(first["evidence_id"])
    assert evidence is not None and "/r/all/search" in evidence["url"]
    assert sha256_hex(read_payload(evidence)) == evidence["sha256"]
    assert json.loads(read_payload(evidence))["data"]["children"][0]["data"]["name"] == posts[0]["name"]


def test_the_token_response_is_never_kept_as_evidence(no_threads: Settings, file_store: Store) -> None:
    _run(no_threads, file_store, reddit_replay(REDDIT / "TestSubreddit.test_search.json"))
    urls = [r["url"] for r in file_store.db.query("SELECT url FROM evidence")]
    assert urls and not any("access_token" in u for u in urls)


def test_the_search_request_carries_the_profile_query_sorted_newest_first(no_threads: Settings, file_store: Store,
                                                                          profile: Any) -> None:
    adapter = reddit_replay(REDDIT / "TestSubreddit.test_search.json")
    _run(no_threads, file_store, adapter)
    search = next(r for r in adapter.sent if "/search" in (r.url or ""))
    from urllib.parse import parse_qs, urlsplit
    params = parse_qs(urlsplit(search.url or "").query)
    assert params["q"] == reddit_queries(profile, staff=False)
    assert params["sort"] == ["new"] and params["syntax"] == ["lucene"]


def test_a_second_run_over_the_same_results_stores_nothing_twice(no_threads: Settings, file_store: Store) -> None:
    first = _run(no_threads, file_store, reddit_replay(REDDIT / "TestSubreddit.test_search.json"))
    count = file_store.count_items()
    second = _run(no_threads, file_store, reddit_replay(REDDIT / "TestSubreddit.test_search.json"))
    assert first["items_new"] == count > 0
    assert second["items_new"] == 0
    assert file_store.count_items() == count


def test_a_real_comment_forest_is_read_with_load_more_comments(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                               file_store: Store) -> None:
    monkeypatch.chdir(tmp_path)
    # impersonation checks of the forest's 400 real authors are tested elsewhere and slow here
    settings = make_settings(tmp_path, social__search_staff=False, reddit__more_comments=100,
                             impersonation__enabled=False)
    SocialStore(file_store).follow_thread("reddit", "3hahrw", url="https://www.reddit.com/comments/3hahrw/", query="q")
    adapter = reddit_replay(REDDIT / "TestCommentForest.test_replace__all.json")
    adapter.add(Interaction("GET", "https://oauth.reddit.com/r/all/search/",
                            body=b'{"kind": "Listing", "data": {"children": [], "after": null}}'))
    run = _run(settings, file_store, adapter)
    more = [r for r in adapter.sent if "/api/morechildren" in (r.url or "")]
    comments = _items(file_store)
    assert run["status"] == "ok"
    assert len(more) == 12
    assert len(comments) > 500
    assert all("/comments/3hahrw/" in c["url"] for c in comments)
    assert {json.loads(c["raw"])["kind"] for c in comments} == {"comment"}
    loaded_later = next(c for c in comments if json.loads(c["raw"])["post_id"] == "t1_cu5pg2h")
    evidence = file_store.get_evidence(loaded_later["evidence_id"])
    assert evidence is not None and "/api/morechildren" in evidence["url"]   # the response that carried it
    assert b"cu5pg2h" in read_payload(evidence)


def test_real_deleted_comments_are_recorded_as_deleted_not_stored(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                                  file_store: Store) -> None:
    monkeypatch.chdir(tmp_path)
    # impersonation checks of the forest's 400 real authors are tested elsewhere and slow here
    settings = make_settings(tmp_path, social__search_staff=False, reddit__more_comments=100,
                             impersonation__enabled=False)
    social = SocialStore(file_store)
    social.follow_thread("reddit", "3hahrw", url="https://www.reddit.com/comments/3hahrw/", query="q")
    adapter = reddit_replay(REDDIT / "TestCommentForest.test_replace__all.json")
    adapter.add(Interaction("GET", "https://oauth.reddit.com/r/all/search/",
                            body=b'{"kind": "Listing", "data": {"children": [], "after": null}}'))
    _run(settings, file_store, adapter)
    deleted = social.posts("reddit", state="deleted")
    assert len(deleted) == 6
    assert all(p["item_id"] is None and p["evidence_id"] for p in deleted)
    assert not list(file_store.db.query("SELECT id FROM items WHERE text = '[deleted]'"))


def test_reddit_rate_limit_reset_is_read_as_seconds_from_now(no_threads: Settings, file_store: Store) -> None:
    """The 2026 recording's real headers, with the window used up: the next request waits for the reset."""
    [interaction] = [i for i in ReplayAdapter.from_files(REDDIT / "TestSubmission.test_hide_multiple_in_batches.json")
                     .interactions if "/r/popular/hot" in i.uri]
    headers = dict((k.lower(), v) for k, v in interaction.headers)
    assert {"x-ratelimit-remaining", "x-ratelimit-reset", "x-ratelimit-used"} <= set(headers)
    exhausted = [(k, "0.0" if k.lower() == "x-ratelimit-remaining" else v) for k, v in interaction.headers]
    body = json.loads(interaction.body)
    body["data"]["after"] = None  # one page only
    listing = Interaction("GET", "https://oauth.reddit.com/r/all/search/", headers=exhausted, body=json.dumps(body).encode())
    settings = no_threads.with_overrides({"social.search_staff": True})
    adapter = ReplayAdapter([*reddit_replay(REDDIT / "TestSubreddit.test_search.json").interactions[:1], listing],
                            ignore_params=REDDIT_IGNORE)
    clock = FakeClock()
    run = _run(settings, file_store, adapter, clock)
    reset = float(headers["x-ratelimit-reset"])
    assert run["status"] == "ok"
    assert len(clock.sleeps) == 1 and reset <= clock.sleeps[0] <= reset + 2 + reset * 0.05
    assert file_store.count_items() == len(body["data"]["children"])


# ---- our own recordings ---------------------------------------------------------------


def test_a_post_removed_by_moderators_is_recorded_not_stored(no_threads: Settings, file_store: Store) -> None:
    run = _run(no_threads, file_store, reddit_replay(RECORDINGS / "reddit_search_run1.json"))
    removed = SocialStore(file_store).post("reddit", "t3_qe1000")
    assert run["items_new"] == 1
    assert removed is not None and removed["state"] == "removed" and removed["item_id"] is None
    assert [i["url"] for i in _items(file_store)] == [
        "https://www.reddit.com/r/Carmarthen/comments/qe1001/qe_high_science_department_que/"]


def test_the_next_run_reads_only_what_is_newer_than_the_cursor(no_threads: Settings, file_store: Store) -> None:
    _run(no_threads, file_store, reddit_replay(RECORDINGS / "reddit_search_run1.json"))
    run = _run(no_threads, file_store, reddit_replay(RECORDINGS / "reddit_search_run2.json"))
    [cursor] = SocialStore(file_store).cursors("reddit").values()
    assert run["items_new"] == 1
    assert run["items_seen"] == 1   # stopped at the newest post of the first run
    assert cursor["newest_id"] == "t3_qe1002" and "resume_after" not in cursor


def test_an_interrupted_pass_is_resumed_from_where_it_stopped(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                              file_store: Store) -> None:
    """A page limit cuts the first run short; the next run asks for the rest with after=<last fullname>."""
    monkeypatch.chdir(tmp_path)
    settings = make_settings(tmp_path, social__search_staff=False, social__max_threads_per_run=0, social__max_pages=1)
    children = [{"kind": "t3", "data": {"id": f"p{n:03d}", "name": f"t3_p{n:03d}", "title": f"QEHS post {n}",
                                         "selftext": f"fictional post {n} about QE High", "author": "someone",
                                         "created_utc": 1789990000.0 - n, "permalink": f"/r/Carmarthen/comments/p{n:03d}/x/",
                                         "subreddit": "Carmarthen", "is_self": True, "url": "u"}} for n in range(101)]
    page1 = {"kind": "Listing", "data": {"children": children[:100], "after": "t3_p099"}}
    page2 = {"kind": "Listing", "data": {"children": children[100:], "after": None}}
    token = reddit_replay(RECORDINGS / "reddit_search_run1.json").interactions[0]
    first = ReplayAdapter([token, Interaction("GET", "https://oauth.reddit.com/r/all/search/",
                                              body=json.dumps(page1).encode())], ignore_params=REDDIT_IGNORE)
    _run(settings, file_store, first)
    [cursor] = SocialStore(file_store).cursors("reddit").values()
    assert cursor["resume_after"] == "t3_p099"
    second = ReplayAdapter([token, Interaction("GET", "https://oauth.reddit.com/r/all/search/?after=t3_p099",
                                               body=json.dumps(page2).encode()),
                            Interaction("GET", "https://oauth.reddit.com/r/all/search/",
                                        body=json.dumps(page1).encode())], ignore_params=REDDIT_IGNORE)
    run = _run(settings, file_store, second)
    [cursor] = SocialStore(file_store).cursors("reddit").values()
    assert run["items_new"] == 1 and file_store.count_items() == 101
    assert "resume_after" not in cursor and cursor["newest_id"] == "t3_p000"


def test_thread_comments_are_stored_and_removed_or_deleted_ones_recorded(tmp_path: Path,
                                                                         monkeypatch: pytest.MonkeyPatch,
                                                                         file_store: Store) -> None:
    monkeypatch.chdir(tmp_path)
    settings = make_settings(tmp_path, social__search_staff=False)
    adapter = reddit_replay(RECORDINGS / "reddit_search_run1.json", RECORDINGS / "reddit_threads.json")
    run = _run(settings, file_store, adapter)
    social = SocialStore(file_store)
    comments = [i for i in _items(file_store) if json.loads(i["raw"])["kind"] == "comment"]
    assert run["status"] == "ok"
    assert sorted(json.loads(c["raw"])["post_id"] for c in comments) == ["t1_c1", "t1_c4"]
    assert all(c["title"] == "Re: QE High science department question" for c in comments)
    assert social.post("reddit", "t1_c2")["state"] == "removed"  # type: ignore[index]
    assert social.post("reddit", "t1_c3")["state"] == "deleted"  # type: ignore[index]


def test_a_comment_deleted_after_it_was_stored_keeps_its_item_and_is_marked(tmp_path: Path,
                                                                            monkeypatch: pytest.MonkeyPatch,
                                                                            file_store: Store) -> None:
    monkeypatch.chdir(tmp_path)
    settings = make_settings(tmp_path, social__search_staff=False)
    _run(settings, file_store, reddit_replay(RECORDINGS / "reddit_search_run1.json", RECORDINGS / "reddit_threads.json"))
    before = file_store.count_items()
    run = _run(settings, file_store, reddit_replay(RECORDINGS / "reddit_search_run1.json",
                                                   RECORDINGS / "reddit_threads_later.json"))
    post = SocialStore(file_store).post("reddit", "t1_c1")
    assert run["items_new"] == 0 and file_store.count_items() == before
    assert post is not None and post["state"] == "deleted" and post["item_id"] is not None


def test_an_expired_token_is_renewed_once_and_the_search_goes_on(no_threads: Settings, file_store: Store) -> None:
    adapter = reddit_replay(RECORDINGS / "reddit_expired_token.json")
    run = _run(no_threads, file_store, adapter)
    assert run["status"] == "ok" and run["items_new"] == 1
    assert [(r.url or "").split("?")[0] for r in adapter.sent if "access_token" in (r.url or "")] == [
        "https://www.reddit.com/api/v1/access_token"] * 2


def test_refused_credentials_stop_the_run_and_name_the_variables(no_threads: Settings, file_store: Store) -> None:
    run = _run(no_threads, file_store, reddit_replay(RECORDINGS / "reddit_bad_credentials.json"))
    assert run["status"] == "error"
    assert "REDDIT_CLIENT_ID" in run["message"] and "REDDIT_CLIENT_SECRET" in run["message"]
    assert "test-secret" not in run["message"]


def test_server_errors_are_retried_after_a_jittered_wait(no_threads: Settings, file_store: Store) -> None:
    clock = FakeClock()
    run = _run(no_threads, file_store, reddit_replay(RECORDINGS / "reddit_server_errors.json"), clock)
    assert run["status"] == "ok" and run["items_new"] == 1
    assert len(clock.sleeps) == 2
    assert 7 <= clock.sleeps[1] <= 7 + 2  # Retry-After: 7, plus jitter
    assert run["stats"]["server_errors"] == 2


def test_a_cut_off_json_body_is_a_problem_not_a_crash(no_threads: Settings, file_store: Store) -> None:
    run = _run(no_threads, file_store, reddit_replay(RECORDINGS / "reddit_malformed.json"))
    assert run["status"] == "error"
    assert "BadJSON" in run["message"] or "JSON" in run["message"]
    assert file_store.count_items() == 0
    assert all(c == {} for c in SocialStore(file_store).cursors("reddit").values())  # nothing skipped next run


def test_a_429_waits_for_reddits_reset_and_loses_nothing(no_threads: Settings, file_store: Store) -> None:
    clock = FakeClock()
    run = _run(no_threads, file_store, reddit_replay(RECORDINGS / "reddit_rate_limited.json"), clock)
    assert run["status"] == "ok" and run["items_new"] == 1
    assert len(clock.sleeps) == 1 and 291 <= clock.sleeps[0] <= 291 + 2 + 291 * 0.05


def test_reddit_queries_fit_the_search_limit_and_never_name_pupils(profile: Any) -> None:
    queries = reddit_queries(profile, staff=True, max_len=150)
    text = " ".join(queries)
    assert len(queries) > 2 and all(len(q) <= 150 for q in queries)
    assert '"Rhian Pritchard"' in text and "Carmarthen" in text
    assert not any(p.name in text for p in profile.pupils)


def test_the_reddit_request_budget_stops_the_run_before_it_is_exceeded(tmp_path: Path,
                                                                      monkeypatch: pytest.MonkeyPatch,
                                                                      file_store: Store) -> None:
    monkeypatch.chdir(tmp_path)
    settings = make_settings(tmp_path, reddit__monthly_read_budget=1, social__max_threads_per_run=0)
    adapter = reddit_replay(RECORDINGS / "reddit_search_run1.json")
    clock = FakeClock()
    run = _run(settings, file_store, adapter, clock)
    searches = [r for r in adapter.sent if "/search" in (r.url or "")]
    assert run["status"] == "ok" and "budget is spent" in run["message"]
    assert len(searches) == 1                      # the staff query was not sent
    assert budget_usage(file_store, settings, clock)["reddit"]["used"] == 1
