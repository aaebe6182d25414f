"""alerts.removal.recheck_removals against a real HTTP server on 127.0.0.1: 404/410, a platform's removed
page, or the quoted words gone mark the takedown removed, with the evidence of the check kept."""

from __future__ import annotations

import re

import pytest

from alerts.letters import draft_letter
from alerts.letters.workflow import approve_letter, edit_letter, mark_sent, takedown_history
from alerts.removal import judge, recheck_removals
from data import takedowns
from data.evidence import verify

HARASS = [{"category": "harassment", "score": 0.8, "reason": "insults aimed at staff-005",
           "text": "Miss Jenkins from QE High is a useless cow"}]
TEXT = "Miss Jenkins from QE High is a useless cow and everyone should tell her so."


@pytest.fixture
def local(settings):
    return settings.with_overrides({"evidence.allow_networks": ["127.0.0.0/8"], "removal.timeout": 5})


def _sent(store, settings, profile, make_alert, url):
    made = make_alert(text=TEXT, severity="high", flags=HARASS, named={"staff-005": "Miss Jenkins"}, url=url)
    tid = draft_letter(store, settings, profile, made.alert_id, "site_report")
    body = takedowns.get(store, tid)["body"]
    edit_letter(store, tid, re.sub(r"\[to be completed: [^\]]*\]", "filled", body), "comms")
    approve_letter(store, tid, "head")
    mark_sent(store, tid, "comms")
    return tid


@pytest.mark.parametrize(("status", "body"), [
    (404, b"not found"),
    (410, b"gone"),
    (200, b"<html><body><p>Thread locked.</p></body></html>"),            # quoted words gone
])
def test_removed_content_is_marked_removed_with_the_evidence_of_the_check(store, local, profile, make_alert,
                                                                          web, status, body):
    base = web.base
    web.routes = {"/t/1": (status, "text/html; charset=utf-8", body)}
    tid = _sent(store, local, profile, make_alert, f"{base}/t/1")
    summary = recheck_removals(local, store)
    assert summary.removed == [tid] and summary.checked == 1
    history = takedown_history(store, tid)
    assert history["takedown"]["state"] == "removed"
    [check] = history["checks"]
    assert check["outcome"] == "removed" and check["http_status"] == status
    evidence = store.get_evidence(check["evidence_id"])
    assert evidence["url"] == f"{base}/t/1" and verify(evidence)      # the check's response is kept, intact
    removed = history["events"][-1]
    assert removed["action"] == "removed" and removed["detail"]["evidence_sha256"] == evidence["sha256"]


def test_content_still_there_after_the_deadline_is_reported(store, local, profile, make_alert, web, freeze):
    base = web.base
    web.routes = {"/t/2": (200, "text/html", f"<html><body><p>{TEXT}</p></body></html>".encode())}
    freeze("2026-11-16T09:00:00Z")
    tid = _sent(store, local, profile, make_alert, f"{base}/t/2")
    freeze("2026-11-20T09:00:00Z")   # before the week's follow-up date
    first = recheck_removals(local, store)
    assert first.up == [tid] and first.overdue == []
    freeze("2026-11-27T09:00:00Z")   # after it
    later = recheck_removals(local, store)
    assert later.overdue == [tid]
    assert takedown_history(store, tid)["takedown"]["state"] == "sent"
    assert takedown_history(store, tid)["events"][-1]["action"] == "still_up_after_deadline"


def test_a_failed_check_changes_nothing(store, local, profile, make_alert, web):
    base = web.base
    web.routes = {"/t/3": (503, "text/plain", b"busy")}
    tid = _sent(store, local, profile, make_alert, f"{base}/t/3")
    summary = recheck_removals(local, store)
    assert summary.removed == [] and len(summary.errors) == 1 and "HTTP 503" in summary.errors[0]
    assert takedown_history(store, tid)["takedown"]["state"] == "sent"


def test_drafts_are_not_checked(store, local, profile, make_alert, web):
    base = web.base
    made = make_alert(text=TEXT, severity="high", flags=HARASS, url=f"{base}/t/4")
    draft_letter(store, local, profile, made.alert_id)
    assert recheck_removals(local, store).checked == 0


@pytest.mark.parametrize(("platform", "page"), [
    ("reddit", "<div>[removed]</div>"),
    ("youtube", "<h1>Video unavailable</h1><p>This video has been removed by the uploader</p>"),
    ("x", "<span>Hmm...this page doesn’t exist. Try searching for something else.</span>"),
])
def test_a_platforms_removed_page_counts_as_removed(platform, page):
    outcome, reason = judge(200, (page + f"<script>var q='{TEXT}'</script>").encode(), "text/html", TEXT, platform)
    assert outcome == "removed" and "the page says" in reason


def test_quoted_words_still_there_are_up_even_with_markup_and_entities():
    page = "<p>Miss Jenkins from QE High is a <b>useless</b> cow and everyone should tell her so.</p>"
    assert judge(200, page.encode(), "text/html", TEXT)[0] == "up"
