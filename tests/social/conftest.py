"""Settings with fake platform credentials, a fake clock, and the shared recordings."""

from __future__ import annotations

from pathlib import Path

import pytest

from repmon.config import Settings, load_settings
from social.replay import ReplayAdapter
from tests.paths import EXAMPLE_PROFILE, FIXTURES
from tests.social.fakes import FakeClock

REDDIT = FIXTURES / "reddit-praw"
X = FIXTURES / "x-tweepy"
RECORDINGS = Path(__file__).parent / "recordings"

CREDENTIALS = {"REDDIT_CLIENT_ID": "test-id", "REDDIT_CLIENT_SECRET": "test-secret",
               "X_BEARER_TOKEN": "test-bearer"}


def make_settings(tmp_path: Path, env: dict[str, str] | None = None, **overrides: object) -> Settings:
    base = load_settings(environ=CREDENTIALS if env is None else env, dotenv=False)
    values: dict[str, object] = {
        "profile.path": str(EXAMPLE_PROFILE),
        "store.db_path": str(tmp_path / "repmon.db"),
        "store.evidence_dir": str(tmp_path / "evidence"),
        "store.letters_dir": str(tmp_path / "letters"),
        "social.sources": ["reddit", "x"],
    }
    values.update({k.replace("__", "."): v for k, v in overrides.items()})
    return base.with_overrides(values)


@pytest.fixture
def social_settings(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Settings:
    monkeypatch.chdir(tmp_path)
    return make_settings(tmp_path)


@pytest.fixture
def fake_clock() -> FakeClock:
    return FakeClock()

REDDIT_IGNORE = {"q", "sort", "syntax", "t", "restrict_sr", "limit", "raw_json"}   # our search sets these differently
X_IGNORE = {"max_results", "tweet.fields", "user.fields", "expansions"}            # field lists and page size


def reddit_replay(*paths: Path) -> ReplayAdapter:
    return ReplayAdapter.from_files(*paths, ignore_params=REDDIT_IGNORE)


def x_replay(*paths: Path) -> ReplayAdapter:
    return ReplayAdapter.from_files(*paths, ignore_params=X_IGNORE)


@pytest.fixture
def one_query_settings(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Settings:
    """Settings whose profile gives each platform a single query (staff names not searched)."""
    monkeypatch.chdir(tmp_path)
    return make_settings(tmp_path, social__search_staff=False)
