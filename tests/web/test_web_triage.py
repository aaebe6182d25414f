"""Triage through the app: the queue's filters, search and pages; each action and its record; letters from
draft to removal; suppressions; manual intake; the dashboard; the command line."""

from __future__ import annotations

import http.server
import io
import os
import threading
import urllib.request
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner

from alerts import triage
from alerts.rules import maybe_open_alert
from data import suppressions, users
from data.store import Store
from repmon.cli import cli
from repmon.config import Settings
from repmon.errors import InputError
from spiders.items import Item
from tests.web.conftest import PASSWORD, Browser, Seeded


@pytest.fixture
def db(web_settings: Settings, seeded: Seeded) -> Iterator[Store]:
    store = Store.open(web_settings["store.db_path"])
    yield store
    store.close()


def rows(page: str) -> list[str]:
    import re

    return re.findall(r'<a class="open" href="/alerts/(\d+)"', page)


# ---- the queue -------------------------------------------------------------

def test_the_queue_lists_open_alerts_most_severe_first(as_role: Callable[[str], Browser], seeded: Seeded) -> None:
    page = as_role("comms").get("/queue").get_data(as_text=True)
    assert rows(page) == [str(seeded.safeguarding), str(seeded.defamatory), str(seeded.hostile), str(seeded.disrepute)]


@pytest.mark.parametrize(("query", "expected"), [
    ("severity=high", "defamatory"),
    ("category=defamatory", "defamatory"),
    ("source=feed", "disrepute"),
    ("person=staff-004", "defamatory"),
    ("q=thief", "defamatory"),
    ("q=car+park", "disrepute"),
])
def test_each_filter_narrows_the_queue(as_role: Callable[[str], Browser], seeded: Seeded, query: str,
                                       expected: str) -> None:
    assert rows(as_role("comms").get(f"/queue?{query}").get_data(as_text=True)) == [str(getattr(seeded, expected))]


def test_a_search_with_query_syntax_is_taken_as_words(as_role: Callable[[str], Browser]) -> None:
    assert as_role("comms").get('/queue?q="AND+(thief*+NEAR').status_code == 200


def test_the_date_range_filters_on_the_day_an_alert_opened(as_role: Callable[[str], Browser], db: Store) -> None:
    day = db.get_alert(1)["created_at"][:10]  # type: ignore[index]
    browser = as_role("comms")
    assert len(rows(browser.get(f"/queue?since={day}&until={day}").get_data(as_text=True))) == 4
    assert rows(browser.get("/queue?until=2000-01-01").get_data(as_text=True)) == []


def test_the_queue_counts_alerts_per_state(as_role: Callable[[str], Browser], seeded: Seeded) -> None:
    browser = as_role("comms")
    browser.post(f"/alerts/{seeded.disrepute}/safe", {"note": "a fair complaint, answered"})
    page = browser.get("/queue").get_data(as_text=True)
    assert 'open <span class="n">3</span>' in page and 'safe <span class="n">1</span>' in page
    assert str(seeded.disrepute) not in rows(page)
    assert rows(browser.get("/queue?state=safe").get_data(as_text=True)) == [str(seeded.disrepute)]


def test_the_queue_pages(web_settings: Settings, seed: Callable[..., Seeded]) -> None:
    from web import create_app

    seed()
    app = create_app(web_settings.with_overrides({"web.page_size": 3}))
    browser = Browser(app.test_client())
    browser.login("comms1")
    first = browser.get("/queue").get_data(as_text=True)
    second = browser.get("/queue?page=2").get_data(as_text=True)
    assert len(rows(first)) == 3 and len(rows(second)) == 1 and "page 1 of 2" in first
    assert set(rows(first)).isdisjoint(rows(second))


# ---- actions, each recorded --------------------------------------------------

def test_assigning_acknowledges_the_alert_and_is_recorded(as_role: Callable[[str], Browser], seeded: Seeded,
                                                          db: Store) -> None:
    as_role("comms").post(f"/alerts/{seeded.defamatory}/assign", {"assignee": "comms1"})
    alert = db.get_alert(seeded.defamatory)
    assert alert["assignee"] == "comms1" and alert["state"] == "acknowledged"  # type: ignore[index]
    actions = [(e["actor"], e["action"]) for e in db.alert_events(seeded.defamatory)]
    assert ("comms1", "assigned") in actions and ("comms1", "state:acknowledged") in actions


def test_dismissing_needs_a_reason(as_role: Callable[[str], Browser], seeded: Seeded, db: Store) -> None:
    response = as_role("comms").post(f"/alerts/{seeded.disrepute}/dismiss", {"reason": "  "})
    assert response.status_code == 400 and "reason" in response.get_data(as_text=True)
    assert db.get_alert(seeded.disrepute)["state"] == "open"  # type: ignore[index]


def test_dismissing_with_suppression_keeps_the_same_author_from_alerting_again(
        as_role: Callable[[str], Browser], seeded: Seeded, db: Store) -> None:
    as_role("comms").post(f"/alerts/{seeded.disrepute}/dismiss",
                          {"reason": "a parent's parking grumble", "suppress_author": "1"})
    assert db.get_alert(seeded.disrepute)["state"] == "dismissed"  # type: ignore[index]
    (rule,) = suppressions.active(db)
    assert (rule["kind"], rule["value"], rule["actor"]) == ("author", "parent_b", "comms1")
    item_id, _ = db.save_item(Item(source="feed", url="https://reviews.example.net/qe2", author="PARENT_B",
                                   text="QE High parking again.", fetched_at="2026-11-28T08:00:00Z"))
    result = {"relevant": True, "severity": "medium", "mentions": [], "flags": []}
    finding_id, _ = db.save_finding(item_id, "tests-v1", result)
    assert maybe_open_alert(db, item_id, finding_id, result, "low") is None


def test_a_critical_item_is_never_suppressed(db: Store, seeded: Seeded) -> None:
    suppressions.add(db, "phrase", "QE High", "too broad", "comms1")
    item = {"author": "x", "url": "https://a.example.net/", "title": "", "text": "I will hurt QE High staff"}
    assert triage.is_suppressed(db, item, {"severity": "high"})
    assert not triage.is_suppressed(db, item, {"severity": "critical"})


def test_a_lifted_suppression_no_longer_applies(db: Store) -> None:
    rule = suppressions.add(db, "url", "https://a.example.net/p", "reason", "comms1")
    item = {"author": None, "url": "https://a.example.net/p", "title": "", "text": ""}
    assert triage.is_suppressed(db, item)
    suppressions.lift(db, rule, "admin1")
    assert not triage.is_suppressed(db, item)
    assert suppressions.all_suppressions(db)[0]["lifted_by"] == "admin1"


def test_reopening_a_dismissed_alert_keeps_the_whole_history(db: Store, seeded: Seeded) -> None:
    triage.dismiss(db, seeded.disrepute, "comms1", "not about us")
    triage.reopen(db, seeded.disrepute, "senior1", "it is about us after all")
    actions = [e["action"] for e in db.alert_events(seeded.disrepute)]
    assert actions == ["opened", "state:dismissed", "state:open"]
    assert db.get_alert(seeded.disrepute)["state"] == "open"  # type: ignore[index]


def test_an_action_the_state_does_not_allow_is_refused(db: Store, seeded: Seeded) -> None:
    with pytest.raises(InputError, match="can be reopened only"):
        triage.reopen(db, seeded.defamatory, "comms1")


def test_escalate_note_and_mark_safe_are_recorded_with_who(as_role: Callable[[str], Browser], seeded: Seeded,
                                                           db: Store) -> None:
    comms = as_role("comms")
    comms.post(f"/alerts/{seeded.hostile}/note", {"note": "called the forum admin"})
    comms.post(f"/alerts/{seeded.hostile}/escalate", {"note": "for the head"})
    comms.post(f"/alerts/{seeded.hostile}/safe", {"note": "post taken down by the forum"})
    events = db.alert_events(seeded.hostile)
    assert [(e["actor"], e["action"], e["detail"].get("note")) for e in events[1:]] == [
        ("comms1", "note", "called the forum admin"), ("comms1", "state:escalated", "for the head"),
        ("comms1", "state:safe", "post taken down by the forum")]


def test_the_alert_page_shows_the_history_and_the_evidence_hash(as_role: Callable[[str], Browser], seeded: Seeded,
                                                               db: Store) -> None:
    as_role("comms").post(f"/alerts/{seeded.defamatory}/note", {"note": "seen by the head"})
    page = as_role("senior").get(f"/alerts/{seeded.defamatory}").get_data(as_text=True)
    assert "seen by the head" in page and "comms1" in page
    assert db.get_alert(seeded.defamatory)["evidence_sha256"] in page  # type: ignore[index]


def test_related_items_show_the_same_words_elsewhere_and_the_same_author(
        web_settings: Settings, seed: Callable[..., Seeded]) -> None:
    from web import create_app

    text = "Everyone at QE High knows Mr Beynon is a thief who stole the trip money."
    copy = {"text": text, "severity": "high", "named": {"qehs": "QE High"}, "flags": [], "title": "The truth about QE High",
            "url": "https://copies.example.org/1", "author": "anon_77"}
    seeded = seed(extra=[copy])
    browser = Browser(create_app(web_settings).test_client())
    browser.login("comms1")
    page = browser.get(f"/alerts/{seeded.defamatory}").get_data(as_text=True)
    related = page.split("Related items")[1].split("</ul>")[0]
    assert 'href="/alerts/5"' in related and "same words at another address" in related and "same author" in related


# ---- letters -------------------------------------------------------------------

def test_a_letter_goes_from_draft_to_removed(as_role: Callable[[str], Browser], seeded: Seeded, db: Store) -> None:
    comms, senior = as_role("comms"), as_role("senior")
    drafted = comms.post(f"/alerts/{seeded.defamatory}/letters", {"letter_type": "s5_notice"})
    takedown = int(drafted.headers["Location"].split("/takedowns/")[1].split("?")[0])
    assert db.get_alert(seeded.defamatory)["state"] == "takedown"  # type: ignore[index]
    body = db.takedowns()[0]["body"]
    import re

    filled = re.sub(r"\[to be completed: [^\]]*\]", "filled in", body)
    assert comms.post(f"/takedowns/{takedown}/edit", {"body": filled}).status_code == 302
    assert comms.post(f"/takedowns/{takedown}/approve").status_code == 403
    assert senior.post(f"/takedowns/{takedown}/approve").status_code == 302
    assert comms.post(f"/takedowns/{takedown}/sent", {"recipient": "abuse@forum.example.net", "channel": "e-mail"}
                      ).status_code == 302
    assert comms.post(f"/takedowns/{takedown}/removed", {"note": "the thread returns 404"}).status_code == 302
    from data import takedowns

    actions = [(e["actor"], e["action"]) for e in takedowns.events(db, takedown)]
    assert [a for a in actions if a[1] in ("approved", "sent", "removed")] == [
        ("senior1", "approved"), ("comms1", "sent"), ("comms1", "removed")]
    assert db.get_alert(seeded.defamatory)["state"] == "resolved"  # type: ignore[index]
    page = comms.get(f"/takedowns/{takedown}").get_data(as_text=True)
    assert "removed" in page and "senior1" in page


def test_a_letter_with_gaps_cannot_be_approved(as_role: Callable[[str], Browser], seeded: Seeded) -> None:
    drafted = as_role("comms").post(f"/alerts/{seeded.defamatory}/letters", {"letter_type": "s5_notice"})
    takedown = drafted.headers["Location"].split("/takedowns/")[1].split("?")[0]
    response = as_role("senior").post(f"/takedowns/{takedown}/approve")
    assert response.status_code == 400 and "gap" in response.get_data(as_text=True)


# ---- manual intake -------------------------------------------------------------

PAGE = ("<html><head><title>Rumours</title></head><body><article><p>Everyone says Mr Beynon at QE High in "
        "Carmarthen is a thief who stole the trip money.</p></article></body></html>").encode()


@pytest.fixture
def site() -> Iterator[str]:
    class Handler(http.server.BaseHTTPRequestHandler):
        def do_GET(self) -> None:  # noqa: N802
            self.send_response(200)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.send_header("Content-Length", str(len(PAGE)))
            self.end_headers()
            self.wfile.write(PAGE)

        def log_message(self, *args: object) -> None:
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()


@pytest.fixture
def intake_settings(settings: Settings) -> Settings:
    return settings.with_overrides({"evidence.allow_networks": ["127.0.0.1/32"], "evidence.screenshots": False})


def test_a_reported_url_is_captured_and_becomes_an_alert(intake_settings: Settings, seed: Callable[..., Seeded],
                                                         site: str) -> None:
    from web import create_app

    seed()
    browser = Browser(create_app(intake_settings).test_client())
    browser.login("comms1")
    png = b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\0\x02\0\0\0\x03" + b"\0" * 20
    response = browser.post("/report", {"url": f"{site}/rumours", "screenshot": (io.BytesIO(png), "shot.png")},
                            content_type="multipart/form-data")
    assert response.status_code == 302 and "/alerts/" in response.headers["Location"]
    page = browser.get(response.headers["Location"]).get_data(as_text=True)
    assert "is a thief" in page and "uploaded by comms1" in page
    shot = page.split('src="/screenshots/')[1].split('"')[0]
    served = browser.get(f"/screenshots/{shot}")
    assert served.status_code == 200 and served.mimetype == "image/png" and served.data == png


def test_a_url_that_cannot_be_fetched_is_explained_on_the_form(as_role: Callable[[str], Browser]) -> None:
    response = as_role("comms").post("/report", {"url": "http://127.0.0.1:9/private"})
    assert response.status_code == 400 and "could not be captured" in response.get_data(as_text=True)


def test_a_url_must_be_http(as_role: Callable[[str], Browser]) -> None:
    response = as_role("comms").post("/report", {"url": "javascript:alert(1)"})
    assert response.status_code == 400 and "https://" in response.get_data(as_text=True)


# ---- dashboard -------------------------------------------------------------------

def test_the_dashboard_charts_alerts_and_shows_source_health_and_deadlines(
        as_role: Callable[[str], Browser], seeded: Seeded) -> None:
    comms = as_role("comms")
    comms.post(f"/alerts/{seeded.defamatory}/letters", {"letter_type": "s5_notice"})
    page = comms.get("/dashboard").get_data(as_text=True)
    assert page.count("<svg") == 4 and 'class="bar bar-defamatory"' in page
    assert "feed.example.net: HTTP 503" in page
    assert "Defamation Act" in page or "s.5" in page


# ---- command line and server -------------------------------------------------------

def test_user_add_hashes_the_password_from_the_environment(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("REPMON_STORE_DB_PATH", str(tmp_path / "r.db"))
    monkeypatch.setenv("REPMON_NEW_PASSWORD", PASSWORD)
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(cli, ["user", "add", "comms2", "--role", "comms"], obj={})
    assert result.exit_code == 0, result.output
    store = Store.open(tmp_path / "r.db")
    try:
        user = users.get_user_by_name(store, "comms2")
        assert user is not None and user.role == "comms"
        stored = users.password_hash(store, user.id)
    finally:
        store.close()
    assert stored.startswith("$argon2") and PASSWORD not in stored


def test_user_add_refuses_a_short_password_and_a_taken_name(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("REPMON_STORE_DB_PATH", str(tmp_path / "r.db"))
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("REPMON_NEW_PASSWORD", "short")
    short = CliRunner().invoke(cli, ["user", "add", "x", "--role", "comms"], obj={})
    assert short.exit_code == 1 and "too short" in short.output
    monkeypatch.setenv("REPMON_NEW_PASSWORD", PASSWORD)
    CliRunner().invoke(cli, ["user", "add", "x", "--role", "comms"], obj={})
    again = CliRunner().invoke(cli, ["user", "add", "X", "--role", "admin"], obj={})
    assert again.exit_code == 1 and "already a user" in again.output


def test_serve_runs_until_its_stop_event_is_set(web_settings: Settings, seeded: Seeded) -> None:
    from web import serve

    stop = threading.Event()
    thread = threading.Thread(target=serve, args=(web_settings.with_overrides({"web.port": 0}), stop))
    thread.start()
    stop.set()
    thread.join(10)
    assert not thread.is_alive()


def test_serve_in_the_background_returns_a_server_to_stop(web_settings: Settings, seeded: Seeded) -> None:
    from web import serve

    server = serve(web_settings.with_overrides({"web.port": 0}), background=True)
    assert server is not None
    try:
        with urllib.request.urlopen(server.url + "/login", timeout=10) as response:
            assert response.status == 200
    finally:
        server.stop()


def test_the_server_serves_on_loopback_and_stops(web_settings: Settings, seeded: Seeded) -> None:
    from web import WebServer

    with WebServer(web_settings, port=0) as server:
        with urllib.request.urlopen(server.url + "/login", timeout=10) as response:
            assert response.status == 200 and b"Log in" in response.read()
    with pytest.raises(OSError):
        urllib.request.urlopen(server.url + "/login", timeout=2)


def test_the_server_stops_even_when_its_wake_up_pipe_was_closed_under_it(web_settings: Settings,
                                                                          seeded: Seeded) -> None:
    from web import WebServer

    server = WebServer(web_settings, port=0).start()
    with urllib.request.urlopen(server.url + "/login", timeout=10) as response:
        assert response.status == 200
    os.close(server._server.trigger.trigger)  # what a stray close elsewhere in the process would do
    server.stop()
    assert server._thread is not None and not server._thread.is_alive()
    with pytest.raises(OSError):
        urllib.request.urlopen(server.url + "/login", timeout=2)
