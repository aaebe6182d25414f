"""Full-page screenshots in headless Chromium: URL and time inside the PNG, hash in the store, no reach inside.

These need Chromium (Debian package `chromium`): in CI a missing browser fails them; elsewhere they skip.
"""

from __future__ import annotations

import hashlib
import json
import zipfile
from pathlib import Path

import pytest

from data import evidence_log
from data.export import export_alert
from repmon import clock
from spiders.capture import capture_url
from spiders.screenshot import (
    ScreenshotError,
    add_png_text,
    png_size,
    png_text,
    screenshot_flagged,
    screenshot_item,
    take_screenshot,
)

from tests.evidence.conftest import FORUM_POST, fake_resolver, must
from tests.localweb import LocalWeb, Route
from tests.evidence.test_evidence_capture import ABUSE_POST

TALL = """<html><head><title>Long thread</title></head><body style="margin:0">
<div style="height:3000px;background:linear-gradient(#fff,#cde)">Queen Elizabeth High School thread</div>
</body></html>"""

# a 1x1 PNG
PIXEL = bytes.fromhex("89504e470d0a1a0a0000000d4948445200000001000000010806000000"
                      "1f15c4890000000d49444154789c6360000002000154a24f5d0000000049454e44ae426082")


def test_the_whole_page_is_captured_not_just_the_window(chromium, site: LocalWeb, ev_settings, guard):
    shot = take_screenshot(ev_settings, site.page("/long", TALL), guard=guard)
    width, height = png_size(shot.png)
    assert width == 1280 and height >= 3000


def test_the_png_carries_the_url_and_capture_time(chromium, site: LocalWeb, ev_settings, guard):
    url = site.page("/t/55", FORUM_POST)
    before = clock.now()
    shot = take_screenshot(ev_settings, url, guard=guard)
    fields = png_text(shot.png)
    assert fields["URL"] == url and fields["Final URL"] == url
    assert before <= clock.parse(fields["Creation Time"]) <= clock.now()
    assert "Chromium" in fields["Software"]


def test_the_screenshot_is_kept_and_its_hash_recorded(chromium, site: LocalWeb, ev_settings, ev_store, profile, guard):
    result = capture_url(ev_settings.with_overrides({"evidence.screenshots": True}), ev_store, profile,
                         site.page("/t/55", FORUM_POST), actor="j.jones", guard=guard)
    assert result.screenshot_id is not None, result.warnings
    row = must(evidence_log.get_screenshot(ev_store, result.screenshot_id))
    assert row["item_id"] == result.item_id and row["evidence_id"] == result.evidence_id
    assert hashlib.sha256(Path(row["path"]).read_bytes()).hexdigest() == row["sha256"]
    assert Path(row["path"]).parent == Path(ev_settings["store.evidence_dir"]) / "screenshots"


def test_the_export_holds_the_screenshot_as_taken(chromium, site: LocalWeb, ev_settings, ev_store, profile, guard,
                                                   tmp_path):
    result = capture_url(ev_settings.with_overrides({"evidence.screenshots": True}), ev_store, profile,
                         site.page("/t/55", FORUM_POST), actor="j.jones", guard=guard)
    export = export_alert(ev_settings, ev_store, result.alert_id, tmp_path / "a.zip")
    with zipfile.ZipFile(export.path) as bundle:
        pngs = [n for n in bundle.namelist() if n.startswith("screenshots/")]
        meta = json.loads(bundle.read("metadata.json"))
        assert len(pngs) == 1 and png_text(bundle.read(pngs[0]))["URL"] == result.final_url
        assert hashlib.sha256(bundle.read(pngs[0])).hexdigest() == meta["screenshots"][0]["sha256"]


def test_open_alerts_without_a_screenshot_get_one_once(chromium, site: LocalWeb, ev_settings, ev_store, profile, guard,
                                                       monkeypatch: pytest.MonkeyPatch):
    capture_url(ev_settings, ev_store, profile, site.page("/t/55", FORUM_POST), actor="j.jones", guard=guard)
    capture_url(ev_settings, ev_store, profile, site.page("/t/66", ABUSE_POST), actor="dsl", guard=guard)
    monkeypatch.setattr("spiders.safefetch.system_resolver", fake_resolver)
    first = screenshot_flagged(ev_settings.with_overrides({"evidence.screenshots": True}), ev_store)
    again = screenshot_flagged(ev_settings.with_overrides({"evidence.screenshots": True}), ev_store)
    assert (first["taken"], first["withheld"], first["errors"]) == (1, 1, [])
    assert (again["taken"], again["withheld"]) == (0, 1)


def test_redirects_are_followed_and_the_final_url_recorded(chromium, site: LocalWeb, ev_settings, guard):
    site.page("/t/55", FORUM_POST)
    url = site.redirect("/short", "/t/55")
    shot = take_screenshot(ev_settings, url, guard=guard)
    assert shot.final_url == site.base + "/t/55" and png_text(shot.png)["Final URL"] == site.base + "/t/55"


def test_the_page_cannot_make_the_browser_reach_inside_the_network(chromium, site: LocalWeb, ev_settings, guard):
    site.routes["/logo.png"] = Route(200, PIXEL, {"Content-Type": "image/png"})
    html = f"""<html><body><p>Thread</p><img src="/logo.png">
    <img src="http://intranet.example.org:{site.port}/staff.png">
    <img src="http://10.9.9.9/router.png">
    <script>fetch("http://metadata.example.org/latest/meta-data/").catch(() => {{}});</script></body></html>"""
    shot = take_screenshot(ev_settings, site.page("/t/77", html), guard=guard)
    assert "/logo.png" in site.hits
    assert any("intranet.example.org" in u for u in shot.refused)
    assert any("10.9.9.9" in u for u in shot.refused)
    assert any("metadata.example.org" in u for u in shot.refused)


def test_a_page_at_a_refused_address_is_not_opened(ev_settings, guard):
    with pytest.raises(Exception, match="private, loopback"):
        take_screenshot(ev_settings, "http://intranet.example.org/", guard=guard)


def test_a_withheld_item_is_never_screenshotted(site: LocalWeb, ev_settings, ev_store, profile, guard):
    result = capture_url(ev_settings, ev_store, profile, site.page("/t/66", ABUSE_POST), actor="dsl", guard=guard)
    with pytest.raises(ScreenshotError, match="IWF"):
        screenshot_item(ev_settings, ev_store, result.item_id, guard=guard)
    assert evidence_log.screenshots_for_item(ev_store, result.item_id) == []


def test_text_metadata_survives_non_latin_urls():
    png = add_png_text(PIXEL, {"URL": "https://fforwm.example.org/ysgol-y-frenhines-ŵyl", "Creation Time": "t"})
    assert png_text(png) == {"URL": "https://fforwm.example.org/ysgol-y-frenhines-ŵyl", "Creation Time": "t"}
    assert png_size(png) == (1, 1)
