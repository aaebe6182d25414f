"""`repmon capture URL`: a reported page is fetched, kept as WARC evidence, analysed and opened as an alert."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest
from click.testing import CliRunner
from warcio.archiveiterator import ArchiveIterator

from data import evidence_log
from data.evidence import read_payload
from data.store import Store
from repmon.cli import cli
from repmon.config import Settings
from repmon.errors import InputError
from repmon.profile import Profile
from spiders.capture import capture_url
from spiders.safefetch import AddressGuard, FetchRefused
from spiders.screenshot import WITHHOLD_EVENT

from tests.evidence.conftest import BENIGN_POST, FORUM_POST, must, warc_files
from tests.localweb import LocalWeb, Route
from tests.paths import EXAMPLE_PROFILE

ABUSE_POST = """<html lang="en"><body><article><p>Lili Griffiths from Queen Elizabeth High School is sending nudes
to a man she met online. Pictures below.</p><img src="/photo.jpg"></article></body></html>"""


def test_a_reported_page_becomes_an_alert_with_the_reporter_in_its_history(
        site: LocalWeb, ev_settings: Settings, ev_store: Store, profile: Profile, guard: AddressGuard):
    url = site.page("/t/55", FORUM_POST)
    result = capture_url(ev_settings, ev_store, profile, url, actor="j.jones", guard=guard)
    alert = ev_store.get_alert(result.alert_id)
    assert alert is not None and alert["source"] == "manual" and alert["url"] == url
    assert alert["severity"] == "high" and "defamatory" in alert["categories"]
    events = ev_store.alert_events(result.alert_id)
    assert [(e["actor"], e["action"]) for e in events][:2] == [("j.jones", "opened"), ("j.jones", "reported")]


def test_the_page_is_kept_as_a_warc_record_whose_sha256_is_in_the_store(
        site: LocalWeb, ev_settings: Settings, ev_store: Store, profile: Profile, guard: AddressGuard):
    url = site.page("/t/55", FORUM_POST)
    result = capture_url(ev_settings, ev_store, profile, url, actor="j.jones", guard=guard)
    row = ev_store.get_evidence(must(result.evidence_id))
    assert row is not None and row["sha256"] == hashlib.sha256(FORUM_POST.encode()).hexdigest() == result.sha256
    assert read_payload(row) == FORUM_POST.encode()
    with open(row["warc_path"], "rb") as handle:
        records = [r for r in ArchiveIterator(handle) if r.rec_type == "response"]
    assert [r.rec_headers.get_header("WARC-Target-URI") for r in records] == [url]


def test_the_item_holds_the_extracted_text_and_its_evidence(
        site: LocalWeb, ev_settings: Settings, ev_store: Store, profile: Profile, guard: AddressGuard):
    url = site.page("/t/55", FORUM_POST)
    result = capture_url(ev_settings, ev_store, profile, url, actor="j.jones", guard=guard)
    item = ev_store.get_item(result.item_id)
    assert item is not None and item["evidence_id"] == result.evidence_id
    assert "stole money from the school fund" in item["text"] and "Forum rules" not in item["text"]


def test_a_page_below_the_threshold_still_opens_an_alert_because_a_person_reported_it(
        site: LocalWeb, ev_settings: Settings, ev_store: Store, profile: Profile, guard: AddressGuard):
    url = site.page("/fair", BENIGN_POST)
    result = capture_url(ev_settings, ev_store, profile, url, actor="office", guard=guard)
    assert result.new_alert and must(ev_store.get_alert(result.alert_id))["severity"] == "low"


def test_the_reporters_copy_of_the_words_is_analysed_when_given(
        site: LocalWeb, ev_settings: Settings, ev_store: Store, profile: Profile, guard: AddressGuard):
    url = site.page("/login", "<html><body><form>Log in to see this post</form></body></html>")
    words = "Rhian Pritchard at Queen Elizabeth High School is a thief and stole money from the school fund."
    result = capture_url(ev_settings, ev_store, profile, url, actor="j.jones", text=words, guard=guard)
    assert must(ev_store.get_item(result.item_id))["text"] == words
    assert result.severity == "high" and result.evidence_id is not None


def test_reporting_the_same_page_again_adds_to_the_same_alert(
        site: LocalWeb, ev_settings: Settings, ev_store: Store, profile: Profile, guard: AddressGuard):
    url = site.page("/t/55", FORUM_POST)
    first = capture_url(ev_settings, ev_store, profile, url, actor="j.jones", guard=guard)
    second = capture_url(ev_settings, ev_store, profile, url, actor="head", guard=guard)
    assert second.alert_id == first.alert_id and not second.new_alert
    assert second.evidence_id == first.evidence_id
    reporters = [e["actor"] for e in ev_store.alert_events(first.alert_id) if e["action"] == "reported"]
    assert reporters == ["j.jones", "head"]


def test_a_page_suggesting_abuse_images_is_kept_as_url_hash_and_text_only(
        site: LocalWeb, ev_settings: Settings, ev_store: Store, profile: Profile, guard: AddressGuard):
    url = site.page("/t/66", ABUSE_POST)
    result = capture_url(ev_settings.with_overrides({"evidence.screenshots": True}), ev_store, profile, url,
                         actor="dsl", guard=guard)
    assert result.withheld and result.evidence_id is None and result.screenshot_id is None
    assert result.sha256 == hashlib.sha256(ABUSE_POST.encode()).hexdigest()
    assert "IWF" in (result.reporting_route or "")
    assert warc_files(Path(ev_settings["store.evidence_dir"])) == []
    assert "/photo.jpg" not in site.hits
    actions = [e["action"] for e in ev_store.alert_events(result.alert_id)]
    assert WITHHOLD_EVENT in actions
    assert "sending nudes" in must(ev_store.get_item(result.item_id))["text"]


def test_the_reporter_can_mark_a_page_as_possible_child_abuse(
        site: LocalWeb, ev_settings: Settings, ev_store: Store, profile: Profile, guard: AddressGuard):
    url = site.page("/t/55", FORUM_POST)
    result = capture_url(ev_settings, ev_store, profile, url, actor="dsl", withhold_images=True, guard=guard)
    assert result.withheld and result.evidence_id is None
    assert evidence_log.captures_for_item(ev_store, result.item_id)[-1]["outcome"] == "withheld"


def test_an_image_url_is_never_downloaded_but_is_on_record(
        site: LocalWeb, ev_settings: Settings, ev_store: Store, profile: Profile, guard: AddressGuard):
    site.routes["/p.jpg"] = Route(200, b"\xff\xd8\xff fake jpeg", {"Content-Type": "image/jpeg"})
    result = capture_url(ev_settings, ev_store, profile, site.base + "/p.jpg", actor="j.jones", guard=guard)
    assert result.evidence_id is None and result.sha256 is None
    assert evidence_log.captures_for_item(ev_store, result.item_id)[-1]["outcome"] == "media_not_kept"


def test_a_page_already_gone_is_kept_as_it_answered(
        site: LocalWeb, ev_settings: Settings, ev_store: Store, profile: Profile, guard: AddressGuard):
    url = site.page("/t/deleted", "<html><body>This thread was removed.</body></html>", status=410)
    result = capture_url(ev_settings, ev_store, profile, url, actor="j.jones", guard=guard)
    assert result.status == 410 and must(ev_store.get_evidence(must(result.evidence_id)))["status"] == 410
    assert any("410" in w for w in result.warnings)


def test_a_refused_address_is_logged_and_nothing_is_stored(ev_settings: Settings, ev_store: Store, profile: Profile,
                                                            guard: AddressGuard):
    with pytest.raises(FetchRefused):
        capture_url(ev_settings, ev_store, profile, "http://intranet.example.org/staff", actor="x", guard=guard)
    assert ev_store.count_items() == 0
    rows = list(ev_store.db.query("SELECT outcome, actor FROM evidence_captures"))
    assert rows == [{"outcome": "refused", "actor": "x"}]


def test_a_capture_needs_a_reporter(site: LocalWeb, ev_settings: Settings, ev_store: Store, profile: Profile,
                                    guard: AddressGuard):
    with pytest.raises(InputError, match="who reported"):
        capture_url(ev_settings, ev_store, profile, site.page("/t/55", FORUM_POST), actor=" ", guard=guard)


def test_repmon_capture_prints_the_alert_id(site: LocalWeb, tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    monkeypatch.chdir(tmp_path)
    config = tmp_path / "repmon.toml"
    config.write_text(f'[profile]\npath = "{EXAMPLE_PROFILE}"\n[store]\ndb_path = "{tmp_path / "r.db"}"\n'
                      f'evidence_dir = "{tmp_path / "ev"}"\n[evidence]\nscreenshots = false\n'
                      'allow_networks = ["127.0.0.1/32"]\n', encoding="utf-8")
    url = site.page("/t/55", FORUM_POST)
    result = CliRunner().invoke(cli, ["--config", str(config), "capture", url, "--actor", "j.jones"], obj={})
    assert result.exit_code == 0, result.output
    alert_id = int(result.stdout.strip())
    store = Store.open(tmp_path / "r.db")
    try:
        assert must(store.get_alert(alert_id))["url"] == url
    finally:
        store.close()
