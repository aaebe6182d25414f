"""Logging in, sessions, CSRF, security headers, escaping of hostile scraped text, safeguarding redaction."""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import timedelta

import pytest
from flask import Flask

from data import users
from data.store import Store
from repmon import clock
from tests.web.conftest import HOSTILE_TITLE, PASSWORD, Browser, Seeded, csrf_in


def test_login_sets_an_httponly_samesite_cookie_and_stores_only_its_hash(app: Flask, web_settings) -> None:  # type: ignore[no-untyped-def]
    browser = Browser(app.test_client())
    response = browser.login("comms1")
    cookie = next(h for h in response.headers.getlist("Set-Cookie") if h.startswith("repmon_session="))
    token = cookie.split(";")[0].split("=", 1)[1]
    assert "HttpOnly" in cookie and "SameSite=Lax" in cookie and "Secure" not in cookie
    store = Store.open(web_settings["store.db_path"])
    try:
        rows = list(store.db.query("SELECT token_hash FROM web_sessions"))
    finally:
        store.close()
    assert rows and all(token not in r["token_hash"] for r in rows)


def test_the_cookie_is_secure_when_web_https_is_set(web_settings, seeded: Seeded) -> None:  # type: ignore[no-untyped-def]
    from web import create_app

    app = create_app(web_settings.with_overrides({"web.https": True}))
    response = Browser(app.test_client()).login("comms1")
    cookie = next(h for h in response.headers.getlist("Set-Cookie") if h.startswith("repmon_session="))
    assert "Secure" in cookie
    assert "Strict-Transport-Security" in app.test_client().get("/login").headers


def test_a_wrong_password_is_refused_and_recorded(app: Flask, web_settings) -> None:  # type: ignore[no-untyped-def]
    response = Browser(app.test_client()).login("comms1", "not the password")
    assert response.status_code == 401
    assert "do not match" in response.get_data(as_text=True)
    store = Store.open(web_settings["store.db_path"])
    try:
        (attempt,) = users.login_attempts(store, "comms1")
    finally:
        store.close()
    assert attempt["ok"] == 0 and attempt["note"] == "wrong password"


def test_repeated_failures_lock_the_account_even_for_the_right_password(app: Flask, web_settings) -> None:  # type: ignore[no-untyped-def]
    browser = Browser(app.test_client())
    for _ in range(web_settings["web.max_failed_logins"]):
        browser.login("comms1", "guess")
    response = browser.login("comms1", PASSWORD)
    assert response.status_code == 401 and "locked until" in response.get_data(as_text=True)


def test_a_lockout_ends_after_its_minutes(app: Flask, web_settings, monkeypatch: pytest.MonkeyPatch) -> None:  # type: ignore[no-untyped-def]
    browser = Browser(app.test_client())
    for _ in range(web_settings["web.max_failed_logins"]):
        browser.login("comms1", "guess")
    later = clock.now() + timedelta(minutes=web_settings["web.lockout_minutes"] + 1)
    monkeypatch.setattr(clock, "now", lambda: later)
    assert browser.login("comms1", PASSWORD).status_code == 302


def test_an_admin_unlocks_a_locked_account(app: Flask, web_settings, as_role: Callable[[str], Browser]) -> None:  # type: ignore[no-untyped-def]
    for _ in range(web_settings["web.max_failed_logins"]):
        Browser(app.test_client()).login("comms1", "guess")
    admin = as_role("admin")
    store = Store.open(web_settings["store.db_path"])
    try:
        user_id = users.get_user_by_name(store, "comms1").id  # type: ignore[union-attr]
    finally:
        store.close()
    assert admin.post(f"/admin/users/{user_id}/unlock").status_code == 302
    assert Browser(app.test_client()).login("comms1").status_code == 302


def test_logout_ends_the_session_on_the_server(as_role: Callable[[str], Browser]) -> None:
    browser = as_role("comms")
    cookie = browser.client.get_cookie("repmon_session")
    assert cookie is not None
    assert browser.post("/logout").status_code == 302
    browser.client.set_cookie("repmon_session", cookie.value)  # a copy of the old cookie is no good
    assert browser.get("/queue").headers["Location"].startswith("/login")


def test_a_post_without_the_csrf_token_is_refused(as_role: Callable[[str], Browser], seeded: Seeded, web_settings) -> None:  # type: ignore[no-untyped-def]
    browser = as_role("comms")
    response = browser.client.post(f"/alerts/{seeded.defamatory}/note", data={"note": "hello"})
    assert response.status_code == 400
    wrong = browser.client.post(f"/alerts/{seeded.defamatory}/note", data={"note": "hello", "csrf": "x" * 43})
    assert wrong.status_code == 400
    store = Store.open(web_settings["store.db_path"])
    try:
        assert [e for e in store.alert_events(seeded.defamatory) if e["action"] == "note"] == []
    finally:
        store.close()


def test_the_login_form_needs_its_own_csrf_token(app: Flask) -> None:
    client = app.test_client()
    response = client.post("/login", data={"name": "comms1", "password": PASSWORD})
    assert response.status_code == 400


def test_login_returns_only_to_a_path_on_this_site(app: Flask) -> None:
    client = app.test_client()
    page = client.get("/login").get_data(as_text=True)
    response = client.post("/login", data={"name": "comms1", "password": PASSWORD, "csrf": csrf_in(page),
                                           "next": "//evil.example.org/x"})
    assert response.headers["Location"] == "/queue"


@pytest.mark.parametrize("path", ["/login", "/queue", "/alerts/1", "/dashboard", "/static/app.js"])
def test_every_answer_carries_the_security_headers(as_role: Callable[[str], Browser], path: str) -> None:
    headers = as_role("comms").get(path).headers
    csp = headers["Content-Security-Policy"]
    assert "script-src 'self'" in csp and "unsafe-inline" not in csp and "frame-ancestors 'none'" in csp
    assert headers["X-Frame-Options"] == "DENY"
    assert headers["X-Content-Type-Options"] == "nosniff"
    assert headers["Referrer-Policy"] == "no-referrer"


@pytest.mark.parametrize("path", ["/queue", "/queue?state=all", "/alerts/{hostile}", "/dashboard"])
def test_hostile_scraped_text_is_escaped(as_role: Callable[[str], Browser], seeded: Seeded, path: str) -> None:
    page = as_role("comms").get(path.format(hostile=seeded.hostile)).get_data(as_text=True)
    scripts = re.findall(r"<script\b[^>]*>", page)
    assert scripts == ['<script src="/static/app.js" defer>']
    assert "onerror=" not in page.replace("onerror=alert(1)&gt;", "").replace("onerror=&#34;alert(5)&#34;", "")
    assert "<img src=x" not in page and "<svg onload" not in page and "<iframe" not in page
    assert 'href="javascript:' not in page and "<style>" not in page
    assert re.search(r"style=", page) is None  # no inline style at all: the CSP forbids it


def test_the_hostile_title_is_shown_as_text(as_role: Callable[[str], Browser], seeded: Seeded) -> None:
    page = as_role("comms").get(f"/alerts/{seeded.hostile}").get_data(as_text=True)
    assert "&lt;script&gt;alert(&#34;title&#34;)&lt;/script&gt;" in page
    assert HOSTILE_TITLE not in page


def test_a_javascript_url_is_shown_but_never_linked(as_role: Callable[[str], Browser], seeded: Seeded) -> None:
    page = as_role("comms").get(f"/alerts/{seeded.hostile}").get_data(as_text=True)
    assert '<span class="unsafe-url">javascript:alert(3)' in page


def test_mentions_and_flags_are_highlighted_from_the_finding_offsets(as_role: Callable[[str], Browser],
                                                                      seeded: Seeded) -> None:
    page = as_role("comms").get(f"/alerts/{seeded.defamatory}").get_data(as_text=True)
    assert '<mark class="mention" title="staff: Tomos Beynon (staff-004)">Mr Beynon</mark>' in page
    assert '<mark class="flag flag-defamatory" title="flag 1">is a thief</mark>' in page
    assert "allegation of theft stated as fact about staff-004" in page


@pytest.mark.parametrize("role", ["comms", "senior", "admin"])
def test_safeguarding_items_are_redacted_for_other_roles(as_role: Callable[[str], Browser], seeded: Seeded,
                                                         role: str) -> None:
    browser = as_role(role)
    for path in (f"/alerts/{seeded.safeguarding}", "/queue"):
        page = browser.get(path).get_data(as_text=True)
        for secret in ("cutting herself", "blog.example.org", "Worried about a girl", "a_parent"):
            assert secret not in page
    assert "Lili Griffiths" not in browser.get(f"/alerts/{seeded.safeguarding}").get_data(as_text=True)
    assert "shown only to the safeguarding lead" in browser.get(f"/alerts/{seeded.safeguarding}").get_data(as_text=True)


def test_the_safeguarding_lead_sees_safeguarding_items(as_role: Callable[[str], Browser], seeded: Seeded) -> None:
    page = as_role("safeguarding").get(f"/alerts/{seeded.safeguarding}").get_data(as_text=True)
    assert "cutting herself" in page and "Lili Griffiths" in page


def test_search_does_not_reveal_words_inside_a_redacted_item(as_role: Callable[[str], Browser], seeded: Seeded) -> None:
    hidden = as_role("comms").get("/queue?q=cutting").get_data(as_text=True)
    shown = as_role("safeguarding").get("/queue?q=cutting").get_data(as_text=True)
    assert f'href="/alerts/{seeded.safeguarding}"' not in hidden
    assert f'href="/alerts/{seeded.safeguarding}"' in shown


def test_filtering_by_a_pupil_does_not_reveal_their_safeguarding_item(as_role: Callable[[str], Browser],
                                                                      seeded: Seeded) -> None:
    hidden = as_role("comms").get("/queue?person=pupil-0045").get_data(as_text=True)
    shown = as_role("safeguarding").get("/queue?person=pupil-0045").get_data(as_text=True)
    assert f'href="/alerts/{seeded.safeguarding}"' not in hidden
    assert f'href="/alerts/{seeded.safeguarding}"' in shown


def test_uploads_that_are_not_png_or_jpeg_are_refused(as_role: Callable[[str], Browser]) -> None:
    import io

    response = as_role("comms").post("/report", {"url": "https://forum.example.net/t/1",
                                                 "screenshot": (io.BytesIO(b"<svg onload=alert(1)>"), "x.png")},
                                     content_type="multipart/form-data")
    assert response.status_code == 415 and "PNG or JPEG" in response.get_data(as_text=True)


def test_uploads_over_the_size_limit_are_refused(as_role: Callable[[str], Browser], web_settings) -> None:  # type: ignore[no-untyped-def]
    import io

    big = b"\x89PNG\r\n\x1a\n" + b"\0" * web_settings["web.max_upload_bytes"]
    response = as_role("comms").post("/report", {"url": "https://forum.example.net/t/1",
                                                 "screenshot": (io.BytesIO(big), "x.png")},
                                     content_type="multipart/form-data")
    assert response.status_code == 413
