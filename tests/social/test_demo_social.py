"""The demo's social items: its fictional recordings replayed through the real source modules."""

from __future__ import annotations

from pathlib import Path

from data import accounts as account_rows
from data.social import SocialStore
from data.store import Store
from demo.run import demo_settings
from demo.social import collect_demo_social, recorded_platforms
from repmon.profile import load_profile


def test_each_recorded_platform_runs_cleanly_and_twice_stores_nothing_twice(tmp_path: Path) -> None:
    settings = demo_settings(tmp_path, "http://127.0.0.1:9", 25)
    profile = load_profile(settings["profile.path"])
    store = Store.open(settings["store.db_path"])
    try:
        runs = collect_demo_social(settings, store, profile)
        assert [r["source"] for r in runs] == recorded_platforms() == ["bluesky", "mastodon", "youtube"]
        for run in runs:   # every request had its recording (none went anywhere) and nothing failed
            assert run["status"] == "ok" and run["errors"] == 0, run["message"]
            assert run["items_new"] > 0
        assert SocialStore(store).posts("bluesky", state="deleted")      # a deleted reply in the thread
        flagged = {a["handle"] for a in account_rows.flagged_accounts(store)}
        assert flagged == {"qehs-offical.bsky.social", "mrs_pritchard_qehs@toot.example.org"}
        assert "news.example-qehs.sch.uk" not in flagged                 # the school's own account
        items, alerts = store.count_items(), len(store.alerts())
        again = collect_demo_social(settings, store, profile)
        assert sum(r["items_new"] for r in again) == 0
        assert (store.count_items(), len(store.alerts())) == (items, alerts)
    finally:
        store.close()
