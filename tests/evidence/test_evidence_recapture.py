"""Re-capture of open alerts' pages: edits and deletions go on record; nothing old is changed."""

from __future__ import annotations

from pathlib import Path

import pytest

from data import evidence_log
from data.evidence import verify
from spiders.capture import capture_url
from spiders.recapture import recapture_flagged

from tests.evidence.conftest import FORUM_POST, must, warc_files
from tests.localweb import LocalWeb
from tests.evidence.test_evidence_capture import ABUSE_POST


@pytest.fixture
def reported(site: LocalWeb, ev_settings, ev_store, profile, guard):
    url = site.page("/t/55", FORUM_POST)
    return capture_url(ev_settings, ev_store, profile, url, actor="j.jones", guard=guard)


def outcomes(store, item_id: int) -> list[str]:
    return [c["outcome"] for c in evidence_log.captures_for_item(store, item_id)]


def test_an_unchanged_page_adds_a_log_line_but_no_evidence(reported, ev_settings, ev_store, guard):
    summary = recapture_flagged(ev_settings, ev_store, guard=guard)
    assert (summary.checked, summary.unchanged, summary.changed) == (1, 1, 0)
    assert outcomes(ev_store, reported.item_id) == ["kept", "unchanged"]
    assert list(ev_store.db.query("SELECT count(*) AS n FROM evidence"))[0]["n"] == 1


def test_an_edited_page_is_a_new_record_and_the_old_one_is_untouched(reported, site: LocalWeb, ev_settings, ev_store,
                                                                       guard):
    before = ev_store.get_evidence(must(reported.evidence_id))
    site.page("/t/55", FORUM_POST.replace("is a thief", "is allegedly careless"))
    summary = recapture_flagged(ev_settings, ev_store, guard=guard)
    assert summary.changed == 1
    new = evidence_log.captures_for_item(ev_store, reported.item_id)[-1]
    assert new["outcome"] == "kept" and new["evidence_id"] != reported.evidence_id
    assert ev_store.get_evidence(must(reported.evidence_id)) == before and verify(before)
    assert ev_store.alert_events(reported.alert_id)[-1]["action"] == "page_changed"


@pytest.mark.parametrize("status", [404, 410])
def test_a_deleted_page_is_recorded_as_gone(reported, site: LocalWeb, ev_settings, ev_store, guard, status):
    site.page("/t/55", "<html><body>Sorry, this thread has been removed.</body></html>", status=status)
    summary = recapture_flagged(ev_settings, ev_store, guard=guard)
    assert summary.gone == 1
    last = evidence_log.captures_for_item(ev_store, reported.item_id)[-1]
    assert (last["outcome"], last["http_status"]) == ("gone", status)
    assert must(ev_store.get_evidence(last["evidence_id"]))["status"] == status
    assert ev_store.alert_events(reported.alert_id)[-1]["action"] == "page_gone"


def test_closed_alerts_are_not_recaptured(reported, ev_settings, ev_store, guard):
    ev_store.set_alert_state(reported.alert_id, "resolved", "head")
    assert recapture_flagged(ev_settings, ev_store, guard=guard).checked == 0


def test_an_unreachable_page_is_an_error_on_record(reported, site: LocalWeb, ev_settings, ev_store, guard):
    site.page("/t/55", "x" * 5000)
    summary = recapture_flagged(ev_settings.with_overrides({"evidence.max_body_bytes": 1000}), ev_store, guard=guard)
    assert len(summary.errors) == 1 and outcomes(ev_store, reported.item_id)[-1] == "error"


def test_a_withheld_page_is_checked_by_hash_only(site: LocalWeb, ev_settings, ev_store, profile, guard):
    url = site.page("/t/66", ABUSE_POST)
    result = capture_url(ev_settings, ev_store, profile, url, actor="dsl", guard=guard)
    site.page("/t/66", ABUSE_POST.replace("Pictures below.", "More below."))
    summary = recapture_flagged(ev_settings.with_overrides({"evidence.screenshots": True}), ev_store, guard=guard)
    assert summary.withheld == 1 and summary.screenshots == 0
    assert warc_files(Path(ev_settings["store.evidence_dir"])) == []
    assert outcomes(ev_store, result.item_id) == ["withheld", "withheld"]
