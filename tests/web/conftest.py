"""Fixtures for the triage web app: a real store with alerts (one of them hostile), users of every role,
the Flask app, and test clients logged in as each role.

Every person is one of profiles/example.toml's fictional staff and pupils; every site is under
example.net / example.org.
"""

from __future__ import annotations

import html
import re
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

import pytest
from argon2 import PasswordHasher
from flask import Flask
from flask.testing import FlaskClient

from alerts.rules import maybe_open_alert
from data import users
from data.evidence import EvidenceWriter
from data.store import Store
from repmon.config import Settings
from spiders.items import Item
from tests.alerts.conftest import mentions_in
from web import auth, create_app

PASSWORD = "correct horse battery staple"
ROLE_USERS = {"admin": "admin1", "comms": "comms1", "senior": "senior1", "safeguarding": "dsl1"}
CAPTURED_AT = "2026-11-27T09:15:00Z"

# Scraped text that must stay inert wherever it is shown.
HOSTILE_TITLE = '<script>alert("title")</script><img src=x onerror=alert(1)>'
HOSTILE_AUTHOR = '"><svg onload=alert(2)>'
HOSTILE_URL = "javascript:alert(3)//https://forum.example.net/t/9"
HOSTILE_TEXT = ('QE High staff are liars. <script>alert(4)</script> <img src="http://evil.example.org/p.png" '
                'onerror="alert(5)"> <a href="javascript:alert(6)">click</a> '
                '<style>body{background:url(http://evil.example.org/bg.png)}</style> '
                '<iframe src="http://evil.example.org/frame"></iframe> <link rel=stylesheet href=//evil.example.org/x.css>'
                ' <meta http-equiv="refresh" content="0;url=http://evil.example.org/"> </textarea><script>alert(7)</script>')


@dataclass(frozen=True)
class Seeded:
    defamatory: int     # alert ids
    safeguarding: int
    hostile: int
    disrepute: int


def _span(text: str, words: str) -> list[int]:
    start = text.index(words)
    return [start, start + len(words)]


@pytest.fixture(autouse=True)
def quick_hashes(monkeypatch: pytest.MonkeyPatch) -> None:
    """Argon2 at its smallest cost, so the suite does not spend seconds hashing (the real cost is argon2's default)."""
    monkeypatch.setattr(auth, "_hasher", PasswordHasher(time_cost=1, memory_cost=64, parallelism=1))


@pytest.fixture
def web_settings(settings: Settings) -> Settings:
    return settings


def seed_database(settings: Settings, extra: Sequence[Mapping[str, Any]] = ()) -> Seeded:
    """Fill the settings' database with four alerts (one hostile, one safeguarding), a failed source run
    and a user of every role; return the alert ids."""
    store = Store.open(settings["store.db_path"])
    writer = EvidenceWriter(store, settings["store.evidence_dir"], "tests-web")
    try:
        for role, name in ROLE_USERS.items():
            users.add_user(store, name, role, auth.hash_password(PASSWORD))

        def alert(*, text: str, severity: str, flags: list[dict[str, Any]], named: Mapping[str, str],
                  title: str, url: str, author: str | None, source: str = "web") -> int:
            body = f"<html><body><h1>{html.escape(title)}</h1><p>{html.escape(text)}</p></body></html>".encode()
            capture = writer.capture(url=url, status=200, headers=[("Content-Type", "text/html")], body=body,
                                     fetched_at=CAPTURED_AT)
            item_id, _ = store.save_item(Item(source=source, url=url, text=text, title=title, author=author,
                                              published="2026-11-26T20:41:00Z", fetched_at=CAPTURED_AT,
                                              evidence_id=capture.evidence_id))
            result = {"relevant": True, "severity": severity, "mentions": mentions_in(text, named), "flags": flags}
            finding_id, _ = store.save_finding(item_id, "tests-v1", result)
            alert_id = maybe_open_alert(store, item_id, finding_id, result, "low")
            assert alert_id is not None
            return alert_id

        t1 = "Everyone at QE High knows Mr Beynon is a thief who stole the trip money."
        defamatory = alert(text=t1, severity="high", named={"qehs": "QE High", "staff-004": "Mr Beynon"},
                           flags=[{"category": "defamatory", "score": 0.95, "ref": "staff-004",
                                   "reason": "allegation of theft stated as fact about staff-004: 'is a thief'",
                                   "evidence": [_span(t1, "is a thief"), _span(t1, "stole")]}],
                           title="The truth about QE High", url="https://forum.example.net/t/1", author="anon_77")
        t2 = "A girl at QE High, Lili Griffiths, says she is cutting herself."
        safeguarding = alert(text=t2, severity="critical", named={"qehs": "QE High", "pupil-0045": "Lili Griffiths"},
                             flags=[{"category": "safeguarding", "score": 0.98, "ref": "pupil-0045",
                                     "reason": "self-harm disclosed concerning pupil-0045: 'cutting herself'",
                                     "evidence": [_span(t2, "cutting herself")]}],
                             title="Worried about a girl", url="https://blog.example.org/worried", author="a_parent")
        hostile = alert(text=HOSTILE_TEXT, severity="medium", named={"qehs": "QE High"},
                        flags=[{"category": "disrepute", "score": 0.6, "ref": "qehs",
                                "reason": 'staff called liars: "<b>liars</b>" <script>alert(8)</script>',
                                "evidence": [_span(HOSTILE_TEXT, "liars")]}],
                        title=HOSTILE_TITLE, url=HOSTILE_URL, author=HOSTILE_AUTHOR)
        t4 = "QE High's car park is a disgrace every morning, says a parent."
        disrepute = alert(text=t4, severity="low", named={"qehs": "QE High"},
                          flags=[{"category": "disrepute", "score": 0.5, "ref": "qehs", "reason": "complaint",
                                  "evidence": [_span(t4, "a disgrace")]}],
                          title="Car park", url="https://reviews.example.net/qe", author="parent_b", source="feed")
        for spec in extra:
            alert(**spec)
        run = store.start_run("web")
        store.finish_run(run, ok=False, message="feed.example.net: HTTP 503", items_seen=3, errors=1)
        return Seeded(defamatory, safeguarding, hostile, disrepute)
    finally:
        writer.close()
        store.close()


@pytest.fixture
def seed(web_settings: Settings) -> Callable[..., Seeded]:
    """``seed(extra=[...])``: :func:`seed_database` on the test's settings."""
    return lambda extra=(): seed_database(web_settings, extra)


@pytest.fixture
def seeded(seed: Callable[..., Seeded]) -> Seeded:
    return seed()


@pytest.fixture
def app(web_settings: Settings, seeded: Seeded) -> Flask:
    application = create_app(web_settings)
    application.config["TESTING"] = True
    return application


def csrf_in(page: str) -> str:
    found = re.search(r'name="csrf" value="([^"]+)"', page)
    assert found, "no CSRF field in the page"
    return found.group(1)


class Browser:
    """A test client that logs in like a person and sends each form's CSRF token."""

    def __init__(self, client: FlaskClient) -> None:
        self.client = client
        self.csrf = ""

    def login(self, name: str, password: str = PASSWORD) -> Any:
        page = self.client.get("/login").get_data(as_text=True)
        response = self.client.post("/login", data={"name": name, "password": password, "csrf": csrf_in(page)})
        if response.status_code == 302:
            self.csrf = csrf_in(self.client.get("/queue").get_data(as_text=True))
        return response

    def get(self, path: str, **kw: Any) -> Any:
        return self.client.get(path, **kw)

    def post(self, path: str, data: dict[str, Any] | None = None, **kw: Any) -> Any:
        return self.client.post(path, data={"csrf": self.csrf, **(data or {})}, **kw)


@pytest.fixture
def as_role(app: Flask) -> Iterator[Callable[[str], Browser]]:
    """``as_role("comms")``: a client logged in as that role's user ('anonymous': not logged in)."""

    def make(role: str) -> Browser:
        browser = Browser(app.test_client())
        if role != "anonymous":
            assert browser.login(ROLE_USERS[role]).status_code == 302
        return browser

    yield make
