"""Each platform is its own source run; one without credentials is disabled and the others still run."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

import social
from data.store import Store
from repmon.cli import cli
from repmon.errors import ConfigError
from social.base import SocialSource
from social.collect import budget_usage, collect_social
from tests.paths import EXAMPLE_PROFILE
from tests.social.conftest import RECORDINGS, make_settings, x_replay
from tests.social.fakes import FakeClock


class ExplodingSource(SocialSource):
    name = "exploding"
    title = "Exploding"

    def collect(self) -> None:
        raise RuntimeError("something unexpected inside the platform code")


def test_a_platform_without_credentials_is_disabled_and_the_others_still_run(tmp_path: Path, store: Store,
                                                                            monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    settings = make_settings(tmp_path, env={"X_BEARER_TOKEN": "test-bearer"}, social__search_staff=False)
    reddit, x = collect_social(settings, store, transport=x_replay(RECORDINGS / "x_conversation.json"),
                               clock=FakeClock())
    assert reddit["source"] == "reddit" and reddit["status"] == "disabled"
    assert "REDDIT_CLIENT_ID" in reddit["message"] and "REDDIT_CLIENT_SECRET" in reddit["message"]
    assert x["source"] == "x" and x["status"] == "ok" and x["items_new"] >= 1


def test_a_platform_that_cannot_be_loaded_is_disabled(tmp_path: Path, store: Store,
                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(social.PLATFORMS, "ghost", "social.ghost_platform:GhostSource")
    settings = make_settings(tmp_path, social__sources=["ghost"])
    [run] = collect_social(settings, store)
    assert run["status"] == "disabled" and "ghost" in run["message"]


def test_a_platform_that_crashes_is_recorded_as_an_error_and_the_next_one_runs(tmp_path: Path, store: Store,
                                                                               monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    monkeypatch.setitem(social.PLATFORMS, "exploding", "tests.social.test_collect:ExplodingSource")
    settings = make_settings(tmp_path, social__sources=["exploding", "x"], social__search_staff=False)
    exploding, x = collect_social(settings, store, transport=x_replay(RECORDINGS / "x_conversation.json"),
                                  clock=FakeClock())
    assert exploding["status"] == "error" and "something unexpected" in exploding["message"]
    assert x["status"] == "ok"


def test_an_unknown_source_name_is_refused_with_the_known_ones(tmp_path: Path, store: Store) -> None:
    with pytest.raises(ConfigError, match="known sources: reddit, x"):
        collect_social(make_settings(tmp_path), store, ["myspace"])


def test_budget_usage_reads_back_what_runs_recorded(tmp_path: Path, store: Store,
                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    settings = make_settings(tmp_path, social__search_staff=False, social__max_threads_per_run=0)
    clock = FakeClock()
    collect_social(settings, store, ["x"], transport=x_replay(RECORDINGS / "x_conversation.json"), clock=clock)
    usage: dict[str, Any] = budget_usage(store, clock=clock)
    assert usage["x"]["used"] == 1 and usage["x"]["limit"] == 10000 and usage["x"]["remaining"] == 9999
    assert social.budget_usage(store, settings)["x"]["unit"] == "posts"   # the entry point `repmon status` uses


def test_cli_collect_reports_a_disabled_platform_and_what_to_set(tmp_path: Path,
                                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    for var in ("REDDIT_CLIENT_ID", "REDDIT_CLIENT_SECRET"):
        monkeypatch.delenv(var, raising=False)
    monkeypatch.setenv("REPMON_STORE_DB_PATH", str(tmp_path / "r.db"))
    monkeypatch.setenv("REPMON_PROFILE_PATH", str(EXAMPLE_PROFILE))
    result = CliRunner().invoke(cli, ["collect", "--source", "reddit"], obj={})
    assert result.exit_code == 1
    assert "reddit: disabled: no credentials: set REDDIT_CLIENT_ID, REDDIT_CLIENT_SECRET" in result.output
    assert "web:" not in result.output


def test_cli_collect_refuses_an_unknown_source(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("REPMON_STORE_DB_PATH", str(tmp_path / "r.db"))
    result = CliRunner().invoke(cli, ["collect", "--source", "myspace"], obj={})
    assert result.exit_code == 1 and result.output.startswith("Error: unknown social source 'myspace'")
