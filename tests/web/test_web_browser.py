"""The app in a real browser: Debian's Chromium driven by Playwright, against the real server on 127.0.0.1.

Playwright's own browser download is never used (repmon.browser.find_chromium finds the system's
Chromium). Without Chromium these tests are skipped, except under CI=true, where that is a failure.
The main pages are saved to docs/screenshots/ for the docs and for a person to look at.
"""

from __future__ import annotations

import os
import re
from collections.abc import Callable, Iterator
from typing import Any
from urllib.parse import urlsplit

import pytest

from repmon.config import Settings
from repmon.errors import ConfigError
from tests.paths import REPO
from tests.web.conftest import PASSWORD, Seeded

SHOTS = REPO / "docs" / "screenshots"


def _unavailable(why: str) -> None:
    if os.environ.get("CI", "").lower() == "true":
        pytest.fail(f"{why} In CI the browser tests must run: install Debian's chromium (make test does, as root).")
    pytest.skip(why)


@pytest.fixture(scope="module")
def chromium() -> Iterator[Any]:
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        _unavailable("playwright is not installed (pip install -e '.[test]').")
    from repmon.browser import LAUNCH_ARGS, find_chromium

    try:
        executable = find_chromium({"evidence.chromium_path": os.environ.get("REPMON_EVIDENCE_CHROMIUM_PATH", "")})
    except ConfigError as exc:
        _unavailable(str(exc))
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=executable, args=[*LAUNCH_ARGS, "--no-sandbox"])
        yield browser
        browser.close()


@pytest.fixture
def server(web_settings: Settings, seeded: Seeded) -> Iterator[str]:
    from web import WebServer

    with WebServer(web_settings, host="127.0.0.1", port=0) as running:
        yield running.url


class Watch:
    """Everything a page tries that it must not: dialogs (alert/confirm/prompt) and requests off 127.0.0.1."""

    def __init__(self) -> None:
        self.dialogs: list[str] = []
        self.outside: list[str] = []
        self.console_errors: list[str] = []


@pytest.fixture
def open_page(chromium: Any) -> Iterator[Callable[[str, str], tuple[Any, Watch]]]:
    """``open_page(base_url, user)``: a fresh browser context logged in as ``user``, watched."""
    contexts = []

    def make(base: str, user: str) -> tuple[Any, Watch]:
        watch = Watch()
        context = chromium.new_context(viewport={"width": 1280, "height": 900}, base_url=base)
        contexts.append(context)

        def guard(route: Any) -> None:
            host = urlsplit(route.request.url).hostname
            if host == "127.0.0.1":
                route.continue_()
            else:
                watch.outside.append(route.request.url)
                route.abort()

        context.route("**/*", guard)
        context.on("request", lambda request: None if urlsplit(request.url).hostname == "127.0.0.1"
                   or request.url.startswith(("data:", "about:")) else watch.outside.append(request.url))
        page = context.new_page()

        def on_dialog(dialog: Any) -> None:
            watch.dialogs.append(dialog.message)
            dialog.dismiss()

        page.on("dialog", on_dialog)
        page.on("console", lambda msg: watch.console_errors.append(msg.text) if msg.type == "error" else None)
        page.goto("/login")
        page.fill("input[name=name]", user)
        page.fill("input[name=password]", PASSWORD)
        page.click("button[type=submit]")
        page.wait_for_url(re.compile(r".*/queue$"))
        return page, watch

    yield make
    for context in contexts:
        context.close()


def shot(page: Any, name: str) -> None:
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SHOTS / f"{name}.png"), full_page=True)


def test_login_page(chromium: Any, server: str) -> None:
    page = chromium.new_page(viewport={"width": 1280, "height": 700})
    try:
        page.goto(server + "/login")
        assert page.locator("h1").inner_text() == "Log in to repmon"
        shot(page, "login")
        page.fill("input[name=name]", "comms1")
        page.fill("input[name=password]", "wrong password here")
        page.click("button[type=submit]")
        assert "do not match" in page.locator(".error").inner_text()
    finally:
        page.close()


def test_triage_from_queue_to_a_sent_letter(open_page: Callable[..., tuple[Any, Watch]], server: str,
                                            seeded: Seeded) -> None:
    page, watch = open_page(server, "comms1")
    assert page.locator("#queue tr.row").count() == 4
    shot(page, "queue")

    # filter the queue, then open the alert from the keyboard
    page.select_option("select[name=category]", "defamatory")
    page.click("#filters button[type=submit]")
    page.wait_for_url(re.compile(r"category=defamatory"))
    assert page.locator("#queue tr.row").count() == 1
    page.goto("/queue")
    page.keyboard.press("j")
    page.keyboard.press("j")
    page.keyboard.press("k")
    assert page.locator("#queue tr.selected").get_attribute("data-href") == f"/alerts/{seeded.safeguarding}"
    page.keyboard.press("j")
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(rf"/alerts/{seeded.defamatory}$"))
    assert page.locator("mark.flag").first.inner_text() == "is a thief"
    shot(page, "alert")

    # dismiss another alert as a false positive
    page.goto(f"/alerts/{seeded.disrepute}")
    page.keyboard.press("d")
    page.keyboard.type("A parent's complaint about parking, not about a person.")
    page.click("#dismiss-form button[type=submit]")
    assert page.locator(".state").inner_text() == "dismissed"
    assert "Dismissed as a false positive." in page.locator(".notice").inner_text()

    # draft a letter, fill its gaps, have it approved, mark it sent
    page.goto(f"/alerts/{seeded.defamatory}")
    page.select_option("select[name=letter_type]", "s5_notice")
    page.click("form[action$='/letters'] button[type=submit]")
    page.wait_for_url(re.compile(r"/takedowns/\d+"))
    takedown_url = page.url.split("?")[0]
    body = page.locator("#body").input_value()
    assert "[to be completed:" in body
    page.fill("#body", re.sub(r"\[to be completed: [^\]]*\]", "as agreed with Mr Beynon", body))
    page.click(".letter-edit button[type=submit]")
    assert page.locator(".notice").inner_text() == "Letter saved."

    senior, _ = open_page(server, "senior1")
    senior.goto(takedown_url)
    senior.click("form[action$='/approve'] button[type=submit]")
    assert senior.locator(".tstate").inner_text() == "approved"

    page.goto(takedown_url)
    page.fill("input[name=recipient]", "abuse@forum.example.net")
    page.fill("input[name=channel]", "e-mail")
    page.click("form[action$='/sent'] button[type=submit]")
    assert page.locator(".tstate").inner_text() == "sent"
    assert "senior1" in page.locator(".history").inner_text()
    shot(page, "letter")

    page.goto("/dashboard")
    assert page.locator("figure.chart svg").count() == 4
    shot(page, "dashboard")
    assert watch.dialogs == [] and watch.outside == []
    assert [e for e in watch.console_errors if "Content Security Policy" in e] == []


def test_hostile_items_render_inert(open_page: Callable[..., tuple[Any, Watch]], server: str, seeded: Seeded) -> None:
    page, watch = open_page(server, "comms1")
    for path in ("/queue", "/queue?state=all&q=liars", f"/alerts/{seeded.hostile}", "/dashboard"):
        page.goto(path)
        page.wait_for_load_state("load")
        assert page.evaluate("document.querySelectorAll('script').length") == 1
        assert page.evaluate("document.querySelectorAll('iframe, img[onerror], svg[onload], style, link[href*=evil]').length") == 0
        assert page.evaluate("document.querySelectorAll('a[href^=\"javascript:\"]').length") == 0
    page.goto(f"/alerts/{seeded.hostile}")
    assert page.locator("h2").first.inner_text().startswith('<script>alert("title")')
    page.locator(".unsafe-url").click()  # the javascript: URL is text, not a link
    page.keyboard.press("j")
    page.keyboard.press("Enter")
    assert watch.dialogs == []
    assert watch.outside == []
