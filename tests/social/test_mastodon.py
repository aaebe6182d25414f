"""Mastodon through the real Mastodon.py client, replaying recorded responses at the HTTP layer.

Real recordings (../shared/fixtures/mastodon-py): ``test_hashtag_tl`` (a tag
timeline on Mastodon's own test server, with its instance document),
``test_entity_searchv2`` (a search on mastodon.social with both instance
documents), ``test_entity_context`` (a reply thread on mastodon.social), and
the real 401 and 404 answers (``test_home_tl_anonymous_throws``,
``test_status_missing``), re-addressed to the requests made here. Our own,
fictional recordings (tests/social/recordings/mastodon/): an empty search,
the next run's empty timeline, 429/500/timeout/malformed answers.
"""

from __future__ import annotations

import time
from pathlib import Path
from typing import Any

import pytest

from data import accounts as account_rows
from data.social import SocialStore
from data.store import Store
from repmon.profile import Profile, load_profile
from social.collect import collect_social
from social.mastodon import html_text
from social.replay import Interaction, ReplayAdapter, load_recording
from tests.paths import FIXTURES
from tests.social.conftest import RECORDINGS, make_settings
from tests.social.fakes import FakeClock

MASTO = FIXTURES / "mastodon-py"
OWN = RECORDINGS / "mastodon"
LOCAL = "http://localhost:3000"
IGNORE = ("limit", "exclude_unreviewed")
HOOT_ID = "117020593741189701"


@pytest.fixture(autouse=True)
def no_sleeping(monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(seconds: float) -> None:
        raise AssertionError(f"real sleep({seconds}) in a test: waiting must go through the fake clock")
    monkeypatch.setattr(time, "sleep", refuse)


def real(path: str, *, only: tuple[str, ...] = ()) -> list[Interaction]:
    """A Mastodon.py cassette's GET interactions (the posts and deletes it made itself are left out)."""
    found = load_recording(MASTO / path)
    return [i for i in found if i.method == "GET" and (not only or any(o in i.uri for o in only))]


def readdressed(path: str, uri: str) -> list[Interaction]:
    """A real error answer (status, headers, body) given to another request."""
    [answer] = load_recording(MASTO / path)
    return [Interaction(**{**answer.__dict__, "uri": uri, "served": 0})]


def own(name: str) -> list[Interaction]:
    return load_recording(OWN / name)


def adapter(*groups: list[Interaction]) -> ReplayAdapter:
    return ReplayAdapter([i for g in groups for i in g], ignore_params=IGNORE)


def make_profile(tmp_path: Path, name: str, handles: str = "") -> Profile:
    path = tmp_path / "profile.toml"
    path.write_text(f'[school]\nid = "demo"\nname = "{name}"\nhandles = [{handles}]\n', encoding="utf-8")
    return load_profile(path)


def collect(tmp_path: Path, store: Store, transport: ReplayAdapter, *, profile: Profile,
            env: dict[str, str] | None = None, clock: FakeClock | None = None, **overrides: Any) -> dict[str, Any]:
    values = {"social__sources": ["mastodon"], "social__max_threads_per_run": 0,
              "mastodon__instances": [LOCAL], "mastodon__hashtags": ["hoot"]}
    values.update(overrides)
    settings = make_settings(tmp_path, env={} if env is None else env, **values)
    [result] = collect_social(settings, store, profile=profile, clock=clock or FakeClock(), transport=transport)
    return result


def tag_run(tmp_path: Path, store: Store, *extra: list[Interaction], clock: FakeClock | None = None,
            **overrides: Any) -> tuple[dict[str, Any], ReplayAdapter]:
    transport = adapter(*extra, real("cassettes/test_hashtag_tl.yaml"), own("search_empty.json"),
                        own("tag_later.json"))
    result = collect(tmp_path, store, transport, profile=make_profile(tmp_path, "Example Academy"), clock=clock,
                     **overrides)
    return result, transport


def test_a_real_tag_timeline_is_stored_without_a_token(tmp_path: Path, file_store: Store) -> None:
    result, transport = tag_run(tmp_path, file_store)
    assert result["status"] == "ok", result["message"]
    assert (result["items_seen"], result["items_new"]) == (1, 1)
    item = file_store.get_item(1)
    assert item is not None and item["source"] == "mastodon"
    assert item["url"] == f"{LOCAL}/@mastodonpy_test_2/{HOOT_ID}"
    assert item["text"] == "#hoot (hashtag toot)" and item["lang"] == "ja"
    assert item["author"] == "mastodonpy_test_2@localhost" and item["published"] == "2026-08-01T13:55:55Z"
    assert all("Authorization" not in r.headers for r in transport.sent)   # no token: public reads only
    evidence = file_store.get_evidence(item["evidence_id"])
    assert evidence is not None and evidence["url"].endswith("/api/v1/timelines/tag/hoot?limit=40")
    assert SocialStore(file_store).cursor("mastodon", "localhost #hoot") == {"min_id": HOOT_ID}


def test_the_next_run_asks_with_min_id_and_stores_nothing_twice(tmp_path: Path, store: Store) -> None:
    tag_run(tmp_path, store)
    second, transport = tag_run(tmp_path, store)
    assert second["items_new"] == 0 and store.count_items() == 1
    assert any(f"min_id={HOOT_ID}" in (r.url or "") for r in transport.sent)


def test_the_token_is_sent_when_set(tmp_path: Path, store: Store) -> None:
    result, transport = tag_run(tmp_path, store, env={"MASTODON_ACCESS_TOKEN": "fictional-token"})
    assert result["status"] == "ok"
    assert all(r.headers.get("Authorization") == "Bearer fictional-token" for r in transport.sent)


def test_without_servers_mastodon_is_disabled_and_says_what_to_set(tmp_path: Path, store: Store) -> None:
    result = collect(tmp_path, store, adapter(), profile=make_profile(tmp_path, "Example Academy"),
                     mastodon__instances=[])
    assert result["status"] == "disabled" and "mastodon.instances" in result["message"]


@pytest.mark.parametrize("recording, stat", [
    ("tag_429.json", "rate_limited"), ("tag_500.json", "server_errors"), ("tag_timeout.json", "timeouts")])
def test_a_failed_request_is_retried_on_the_fake_clock(tmp_path: Path, store: Store, recording: str,
                                                       stat: str) -> None:
    clock = FakeClock()
    result, _ = tag_run(tmp_path, store, own(recording), clock=clock)
    assert result["status"] == "ok" and result["items_new"] == 1
    assert result["stats"][stat] == 1 and len(clock.sleeps) == 1
    if stat == "rate_limited":   # X-RateLimit-Reset is an ISO time 300 s ahead of the fake clock
        assert 300 <= clock.sleeps[0] <= 317


def test_a_429_storm_loses_nothing_and_stays_within_budget(tmp_path: Path, store: Store) -> None:
    storm = [Interaction(**{**i.__dict__, "served": 0}) for i in own("tag_429.json") * 6]
    first, _ = tag_run(tmp_path, store, storm, mastodon__monthly_read_budget=15)
    assert first["items_new"] == 0 and SocialStore(store).cursor("mastodon", "localhost #hoot") == {}
    second, _ = tag_run(tmp_path, store, mastodon__monthly_read_budget=15)
    assert second["items_new"] == 1
    month = time.strftime("%Y-%m", time.gmtime(FakeClock().now()))
    assert SocialStore(store).usage("mastodon", month)["reads"] <= 15


def test_malformed_json_is_a_problem_and_the_cursor_stays(tmp_path: Path, store: Store) -> None:
    result, _ = tag_run(tmp_path, store, own("tag_malformed.json"))
    assert "#hoot on localhost" in result["message"]
    assert store.count_items() == 0 and SocialStore(store).cursor("mastodon", "localhost #hoot") == {}


def test_real_search_finds_posts_and_look_alike_accounts(tmp_path: Path, store: Store) -> None:
    """mastodon.social's real answer to 'halcy' holds 'fake halcy', 'halcy (real)' and 'halcy2'."""
    social = "https://mastodon.social"
    no_tag = [Interaction("GET", f"{social}/api/v1/timelines/tag/halcy", headers=[("Content-Type", "application/json")],
                          body=b"[]")]
    transport = adapter(real("cassettes_entity_tests/test_entity_searchv2.yaml"), no_tag)
    profile = make_profile(tmp_path, "halcy", handles='"halcy@mastodon.social", "halcy@icosahedron.website"')
    result = collect(tmp_path, store, transport, profile=profile, env={"MASTODON_ACCESS_TOKEN": "fictional-token"},
                     mastodon__instances=[social], mastodon__hashtags=[])
    assert result["status"] == "ok", result["message"]
    assert result["items_new"] == 2
    search = next(r for r in transport.sent if "/api/v2/search" in (r.url or ""))
    assert "resolve=1" in (search.url or "")    # a token: remote accounts are resolved
    flagged = {row["handle"] for row in account_rows.flagged_accounts(store)}
    assert {"halcy@glitch.social", "halcy@ng.cathoderay.tube", "halcy2@icosahedron.website"} <= flagged
    assert "halcy@mastodon.social" not in flagged and "halcy@icosahedron.website" not in flagged
    assert all(a["categories"] == ["impersonation"] for a in store.alerts())


def test_real_reply_thread_is_read(tmp_path: Path, store: Store) -> None:
    root = "mastodon.social:110446983926957470"
    SocialStore(store).follow_thread("mastodon", root, url="https://mastodon.social/@halcy/110446983926957470",
                                     query="q")
    transport = adapter(real("cassettes_entity_tests/test_entity_context.yaml"),
                        [Interaction("GET", "https://mastodon.social/api/v1/timelines/tag/hoot", body=b"[]",
                                     headers=[("Content-Type", "application/json")]),
                         Interaction("GET", "https://mastodon.social/api/v2/search?q=%22Example+Academy%22",
                                     body=b'{"accounts": [], "statuses": [], "hashtags": []}',
                                     headers=[("Content-Type", "application/json")])])
    result = collect(tmp_path, store, transport, profile=make_profile(tmp_path, "Example Academy"),
                     mastodon__instances=["https://mastodon.social"], social__max_threads_per_run=5)
    assert result["status"] == "ok", result["message"]
    reply = SocialStore(store).post("mastodon", "mastodon.social:110446984249325790")
    assert reply is not None and reply["thread_id"] == root
    item = store.get_item(reply["item_id"])
    assert item is not None and item["text"] == "final status" and item["author"] == "halcy@mastodon.social"


def test_a_deleted_thread_and_a_vanished_reply_are_recorded(tmp_path: Path, store: Store) -> None:
    social = SocialStore(store)
    gone = "localhost:117020593741189999"
    social.follow_thread("mastodon", gone, url=f"{LOCAL}/@someone/117020593741189999", query="q")
    social.saw_post("mastodon", "localhost:117020593741180000", thread_id=gone, url=f"{LOCAL}/@x/1",
                    item_id=None, evidence_id=None)
    missing = readdressed("cassettes/test_status_missing.yaml", f"{LOCAL}/api/v1/statuses/117020593741189999/context")
    result, _ = tag_run(tmp_path, store, missing, social__max_threads_per_run=5)
    assert social.post("mastodon", gone)["state"] == "deleted"
    assert store.count_items() == 1   # the tag's status; nothing stored for the deleted thread
    assert result["items_new"] == 1


def test_an_expired_token_is_reported_with_what_to_do(tmp_path: Path, store: Store) -> None:
    refused = readdressed("cassettes/test_home_tl_anonymous_throws.yaml",
                          f"{LOCAL}/api/v2/search?q=%22Example+Academy%22&resolve=1")
    result, _ = tag_run(tmp_path, store, refused, env={"MASTODON_ACCESS_TOKEN": "expired-token"})
    assert "MASTODON_ACCESS_TOKEN" in result["message"] and "expired or revoked" in result["message"]
    assert result["items_new"] == 1   # the public timeline was still read


def test_html_text_keeps_paragraphs_and_drops_markup() -> None:
    html = '<p>Hello <a href="https://x" class="mention">@<span>ysgol</span></a><br>line two</p><p>&amp; more</p>'
    assert html_text(html) == "Hello @ysgol\nline two\n\n& more"
