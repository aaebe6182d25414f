"""YouTube through the real google-api-python-client, replaying recorded responses at the HTTP layer.

There are no shared recordings of the YouTube Data API, so these are our own,
FICTIONAL recordings (tests/social/recordings/youtube/), shaped as the API
documents its responses; ``test_recordings_match_the_documented_shapes``
checks every field against the discovery document the client library ships.
"""

from __future__ import annotations

import json
import time
from pathlib import Path
from typing import Any

import googleapiclient
import pytest

from data import accounts as account_rows
from data.social import SocialStore
from data.store import Store
from repmon.config import Settings
from social.collect import collect_social
from social.replay import Interaction, ReplayAdapter, load_recording
from social.youtube import build_queries
from tests.social.conftest import RECORDINGS, make_settings
from tests.social.fakes import FakeClock

OWN = RECORDINGS / "youtube"
ENV = {"YOUTUBE_API_KEY": "FICTIONAL"}
IGNORE = ("publishedAfter",)
V1, V2 = "qehsVid0001", "qehsVid0002"


@pytest.fixture(autouse=True)
def no_sleeping(monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(seconds: float) -> None:
        raise AssertionError(f"real sleep({seconds}) in a test: waiting must go through the fake clock")
    monkeypatch.setattr(time, "sleep", refuse)


def school() -> list[Interaction]:
    return load_recording(OWN / "school.json")


def error(index: int) -> list[Interaction]:
    return [load_recording(OWN / "errors.json")[index]]


def settings_for(tmp_path: Path, env: dict[str, str] | None = None, **overrides: Any) -> Settings:
    values = {"social__sources": ["youtube"], "social__max_threads_per_run": 10}
    values.update(overrides)
    return make_settings(tmp_path, env=ENV if env is None else env, **values)


def collect(tmp_path: Path, store: Store, *groups: list[Interaction], clock: FakeClock | None = None,
            env: dict[str, str] | None = None, **overrides: Any) -> tuple[dict[str, Any], ReplayAdapter]:
    transport = ReplayAdapter([i for g in groups for i in g], ignore_params=IGNORE)
    [result] = collect_social(settings_for(tmp_path, env, **overrides), store, clock=clock or FakeClock(),
                              transport=transport)
    return result, transport


def test_the_query_joins_the_schools_names_with_or(profile: Any) -> None:
    recorded = json.loads((OWN / "school.json").read_text(encoding="utf-8"))["query"]
    assert build_queries(profile) == [recorded]


def test_videos_comments_and_replies_are_stored(tmp_path: Path, file_store: Store) -> None:
    result, transport = collect(tmp_path, file_store, school())
    assert result["status"] == "ok", result["message"]
    # 2 videos, 2 top-level comments, 2 replies (one inline, one more fetched with comments.list)
    assert (result["items_seen"], result["items_new"]) == (6, 6)
    video = SocialStore(file_store).post("youtube", f"video:{V1}")
    item = file_store.get_item(video["item_id"])
    assert item["url"] == f"https://www.youtube.com/watch?v={V1}"
    assert item["title"] == "QEHS Year 11 leavers' day 2026"        # HTML entities undone
    assert item["author"] == "Dragon Vlogs Carmarthen" and item["published"] == "2026-11-26T16:00:00Z"
    reply = SocialStore(file_store).post("youtube", "comment:UgzFictionalTop0001AaABAg.AFictionalReply02")
    assert reply is not None and reply["thread_id"] == V1
    text = file_store.get_item(reply["item_id"])["text"]
    assert text == "Best costume I've seen this year"
    # read in its thread's context: the video's title is the comment's
    assert file_store.get_item(reply["item_id"])["title"] == "Re: QEHS Year 11 leavers' day 2026"
    # the key is in every request URL, and in no evidence
    assert all("key=FICTIONAL" in (r.url or "") for r in transport.sent)
    assert "FICTIONAL" not in file_store.get_evidence(item["evidence_id"])["url"]
    # comments turned off on the second video: checked, not an error
    assert result["errors"] == 0


def test_quota_units_are_counted_per_call(tmp_path: Path, store: Store) -> None:
    collect(tmp_path, store, school())
    month = time.strftime("%Y-%m", time.gmtime(FakeClock().now()))
    usage = SocialStore(store).usage("youtube", month)
    # one search (100) + comment threads of one video (1) + its replies (1); the refused call costs nothing here
    assert (usage["reads"], usage["unit"]) == (102, "units")


def test_a_second_run_stores_nothing_twice_and_asks_only_for_newer_videos(tmp_path: Path, store: Store) -> None:
    collect(tmp_path, store, school())
    items = store.count_items()
    second, transport = collect(tmp_path, store, school())
    assert second["items_new"] == 0 and store.count_items() == items
    search = next(r for r in transport.sent if "/search?" in (r.url or ""))
    assert "publishedAfter=2026-11-26T16%3A00%3A00Z" in (search.url or "")


def test_impersonating_channel_and_commenter_are_alerted(tmp_path: Path, store: Store) -> None:
    collect(tmp_path, store, school())
    flagged = {(r["handle"], r["display_name"]) for r in account_rows.flagged_accounts(store)}
    assert ("qehs_offical", "") in flagged                                    # the commenter's handle
    assert ("UCfictionalImpostorChan001", "QE High School Official") in flagged   # the channel's name
    assert {tuple(a["categories"]) for a in store.alerts()} == {("impersonation",)}


def test_without_a_key_youtube_is_disabled_and_names_the_variable(tmp_path: Path, store: Store) -> None:
    result, transport = collect(tmp_path, store, env={})
    assert result["status"] == "disabled" and "YOUTUBE_API_KEY" in result["message"]
    assert transport.sent == []


@pytest.mark.parametrize("index, stat", [(0, "rate_limited"), (1, "server_errors"), (2, "timeouts")])
def test_a_failed_search_is_retried_on_the_fake_clock(tmp_path: Path, store: Store, index: int, stat: str) -> None:
    clock = FakeClock()
    result, _ = collect(tmp_path, store, error(index), school(), clock=clock)
    assert result["status"] == "ok" and result["items_new"] == 6
    assert result["stats"][stat] == 1 and len(clock.sleeps) == 1
    if stat == "rate_limited":   # Retry-After: 30
        assert 30 <= clock.sleeps[0] <= 33


def test_a_429_storm_loses_nothing_and_never_exceeds_the_quota_budget(tmp_path: Path, store: Store) -> None:
    storm = [Interaction(**{**i.__dict__, "served": 0}) for i in error(0) * 6]
    first, _ = collect(tmp_path, store, storm, school(), youtube__monthly_quota_units=250)
    assert first["items_new"] == 0 and SocialStore(store).cursors("youtube") == {}
    second, _ = collect(tmp_path, store, school(), youtube__monthly_quota_units=250)
    assert second["items_new"] == 6
    month = time.strftime("%Y-%m", time.gmtime(FakeClock().now()))
    assert SocialStore(store).usage("youtube", month)["reads"] <= 250


def test_a_budget_too_small_for_a_search_sends_nothing(tmp_path: Path, store: Store) -> None:
    result, transport = collect(tmp_path, store, school(), youtube__monthly_quota_units=99)
    assert transport.sent == [] and "budget" in result["message"]


def test_malformed_json_is_a_problem_and_the_cursor_stays(tmp_path: Path, store: Store) -> None:
    result, _ = collect(tmp_path, store, error(3), social__max_threads_per_run=0)
    assert result["status"] == "error" and "search" in result["message"]
    assert store.count_items() == 0 and SocialStore(store).cursors("youtube") == {}


def test_spent_daily_quota_stops_the_run_cleanly(tmp_path: Path, store: Store) -> None:
    result, transport = collect(tmp_path, store, error(4), school())
    assert "quota" in result["message"] and "resumes" in result["message"]
    assert len(transport.sent) == 1 and store.count_items() == 0


def test_a_refused_key_is_an_error_that_says_what_to_fix(tmp_path: Path, store: Store) -> None:
    result, _ = collect(tmp_path, store, error(5))
    assert result["status"] == "error"
    assert "YOUTUBE_API_KEY" in result["message"] and "YouTube Data API v3 is enabled" in result["message"]


def test_a_deleted_video_is_recorded_as_such(tmp_path: Path, store: Store) -> None:
    collect(tmp_path, store, school())
    gone = Interaction("GET", [i for i in school() if f"videoId={V1}" in i.uri][0].uri, status=404,
                       headers=[("Content-Type", "application/json; charset=UTF-8")],
                       body=json.dumps({"error": {"code": 404, "message": "The video could not be found.",
                                                  "errors": [{"message": "The video could not be found.",
                                                              "domain": "youtube.commentThread",
                                                              "reason": "videoNotFound"}]}}).encode())
    collect(tmp_path, store, [gone], school())
    assert SocialStore(store).post("youtube", f"video:{V1}")["state"] == "deleted"


def _schema_check(value: Any, schema: dict[str, Any], schemas: dict[str, Any], where: str) -> list[str]:
    if "$ref" in schema:
        schema = schemas[schema["$ref"]]
    problems = []
    if isinstance(value, dict) and "properties" in schema:
        for key, inner in value.items():
            if key not in schema["properties"]:
                problems.append(f"{where}.{key} is not in the documented {schema.get('id')}")
            else:
                problems += _schema_check(inner, schema["properties"][key], schemas, f"{where}.{key}")
    elif isinstance(value, dict) and "additionalProperties" in schema:
        for key, inner in value.items():
            problems += _schema_check(inner, schema["additionalProperties"], schemas, f"{where}.{key}")
    elif isinstance(value, list) and "items" in schema:
        for n, inner in enumerate(value):
            problems += _schema_check(inner, schema["items"], schemas, f"{where}[{n}]")
    return problems


def test_recordings_match_the_documented_shapes() -> None:
    discovery = Path(googleapiclient.__file__).parent / "discovery_cache" / "documents" / "youtube.v3.json"
    schemas = json.loads(discovery.read_text(encoding="utf-8"))["schemas"]
    kinds = {"youtube#searchListResponse": "SearchListResponse",
             "youtube#commentThreadListResponse": "CommentThreadListResponse",
             "youtube#commentListResponse": "CommentListResponse"}
    recorded = json.loads((OWN / "school.json").read_text(encoding="utf-8"))["interactions"]
    checked = 0
    for entry in recorded:
        body = entry["response"]["body"]["json"]
        if "kind" in body:
            assert _schema_check(body, schemas[kinds[body["kind"]]], schemas, body["kind"]) == []
            checked += 1
    assert checked == 3


def test_every_comment_on_the_schools_own_channel_is_read(tmp_path: Path, store: Store) -> None:
    [threads] = [i for i in school() if f"videoId={V1}" in i.uri]
    channel = "UCfictionalVideoOwner00001"
    uri = threads.uri.replace(f"videoId={V1}", f"allThreadsRelatedToChannelId={channel}")
    replies = [i for i in school() if "/comments?" in i.uri]
    no_search = [Interaction("GET", i.uri, headers=i.headers, body=json.dumps(
        {"kind": "youtube#searchListResponse", "etag": "e", "items": [],
         "pageInfo": {"totalResults": 0, "resultsPerPage": 50}}).encode()) for i in school() if "/search?" in i.uri]
    result, _ = collect(tmp_path, store, no_search, [Interaction(**{**threads.__dict__, "uri": uri})], replies,
                        youtube__channel_ids=[channel])
    assert result["status"] == "ok", result["message"]
    assert result["items_new"] == 4   # two comments and two replies, on a video repmon never searched for
    assert SocialStore(store).cursor("youtube", f"channel {channel}") == {"since": "2026-11-26T20:00:00Z"}
