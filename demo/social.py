"""The demo's social platforms: recorded, fictional answers replayed through the real source modules.

Each ``demo/social/<platform>.json`` holds the answers one platform gives the
demo (every account and post in them is made up). They are served by
:class:`social.replay.ReplayAdapter` to the platform's real client library
(atproto, Mastodon.py, google-api-python-client) through repmon's real
source module, so the demo's social items, evidence, cursors, deletions and
impersonation alerts are made exactly as in a real run. A request with no
recording fails (it is never sent to the network). The demo's credentials
are fictional and exist only in this process.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from data.store import Store
from repmon.config import Settings, load_settings
from repmon.profile import Profile

SOCIAL_DIR = Path(__file__).resolve().parent / "social"
DEMO_ENV = {
    "BLUESKY_HANDLE": "repmon-demo.bsky.social", "BLUESKY_APP_PASSWORD": "demo-app-password",
    "YOUTUBE_API_KEY": "demo-api-key",
}
# the recordings answer every query and page alike: the demo has one answer per endpoint
IGNORE = ("q", "limit", "sort", "since", "cursor", "depth", "parentHeight", "actors", "min_id", "resolve",
          "exclude_unreviewed", "key", "alt", "part", "type", "order", "maxResults", "regionCode",
          "publishedAfter", "pageToken", "textFormat")


def recorded_platforms() -> list[str]:
    """The platforms with a recording under demo/social/, in the order the registry lists them."""
    from social.base import PLATFORMS

    return [name for name in PLATFORMS if (SOCIAL_DIR / f"{name}.json").is_file()]


def collect_demo_social(settings: Settings, store: Store, profile: Profile) -> list[dict[str, Any]]:
    """Run each recorded platform once against its recording; return the source runs."""
    from social.collect import collect_social
    from social.replay import ReplayAdapter

    names = recorded_platforms()
    if not names:
        return []
    overrides: dict[str, Any] = {"social.sources": names}
    mastodon = SOCIAL_DIR / "mastodon.json"
    if mastodon.is_file():
        overrides["mastodon.instances"] = [json.loads(mastodon.read_text(encoding="utf-8"))["instance"]]
    demo_settings = load_settings(settings.source, environ=DEMO_ENV, dotenv=False).with_overrides(overrides)
    transport = ReplayAdapter.from_files(*(SOCIAL_DIR / f"{name}.json" for name in names), ignore_params=IGNORE)
    return collect_social(demo_settings, store, profile=profile, transport=transport)
