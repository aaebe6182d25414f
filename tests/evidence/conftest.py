"""Evidence tests: a real HTTP server on 127.0.0.1 (tests/localweb.py), settings that may reach it, a resolver tests control."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path
from typing import TypeVar

import pytest

from data.store import Store
from repmon.browser import find_chromium
from repmon.config import Settings
from repmon.errors import ConfigError
from spiders.safefetch import AddressGuard, system_resolver
from tests.localweb import LocalWeb, Route

FORUM_POST = """<!doctype html>
<html lang="en"><head><title>Parents' forum: QE High</title></head>
<body><nav><a href="/">Home</a></nav>
<article><h1>Is this right?</h1>
<p>Rhian Pritchard at Queen Elizabeth High School in Carmarthen is a thief and stole money from the school fund.
Everyone on the PTA knows it and nobody does anything about it at all.</p></article>
<footer>Forum rules</footer></body></html>"""

BENIGN_POST = """<!doctype html>
<html lang="en"><head><title>Summer fair</title></head><body><article><h1>Summer fair</h1>
<p>Queen Elizabeth High School in Carmarthen held its summer fair on Saturday. The cakes were lovely and the
weather held until the end of the afternoon.</p></article></body></html>"""


@pytest.fixture
def site() -> Iterator[LocalWeb]:
    s = LocalWeb()
    yield s
    s.close()


# Names a test resolves without DNS: one public-looking name that is really the local test server,
# and names that resolve into the networks repmon must never reach.
FAKE_DNS = {
    "forum.example.org": ["127.0.0.1"],
    "intranet.example.org": ["10.20.0.5"],
    "metadata.example.org": ["169.254.169.254"],
    "loopback.example.org": ["127.0.0.1"],
    "mixed.example.org": ["93.184.216.34", "192.168.1.20"],
    "mapped.example.org": ["::ffff:10.0.0.1"],
}


def fake_resolver(host: str, port: int) -> list[str]:
    if host in FAKE_DNS:
        return FAKE_DNS[host]
    if host.replace(".", "").isdigit() or ":" in host:
        return system_resolver(host, port)  # a literal address: no DNS involved
    raise OSError(f"no such host in the test's DNS: {host}")


@pytest.fixture
def ev_settings(settings: Settings) -> Settings:
    """Test settings that may reach the local server (127.0.0.1 only) and take no screenshots."""
    return settings.with_overrides({"evidence.allow_networks": ["127.0.0.1/32"], "evidence.screenshots": False,
                                    "evidence.timeout": 10})


@pytest.fixture
def guard() -> AddressGuard:
    """127.0.0.1 allowed (the test server); every other private address refused; names from FAKE_DNS."""
    return AddressGuard(["127.0.0.1/32"], fake_resolver)


@pytest.fixture
def ev_store(ev_settings: Settings) -> Iterator[Store]:
    s = Store.open(ev_settings["store.db_path"])
    yield s
    s.close()


@pytest.fixture
def chromium(settings: Settings) -> str:
    """The Chromium binary. In CI (CI set) its absence fails the test; on a developer's machine it skips."""
    try:
        return find_chromium(settings)
    except ConfigError as exc:
        if os.environ.get("CI"):
            pytest.fail(f"CI must have Chromium for the screenshot tests: {exc}")
        pytest.skip(f"no Chromium here ({exc})")


T = TypeVar("T")


def must(value: T | None) -> T:
    """The value a test expects to be there (fails the test, with its name, when it is not)."""
    assert value is not None
    return value


def warc_files(evidence_dir: Path) -> list[Path]:
    return sorted(evidence_dir.glob("*.warc.gz")) if evidence_dir.is_dir() else []
