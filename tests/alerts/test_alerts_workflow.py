"""alerts.letters.workflow: the takedown lifecycle, its audit trail, and that nothing is sent unapproved."""

from __future__ import annotations

import email
import email.policy
import re
from pathlib import Path

import pytest
from docx import Document

from alerts.letters import draft_letter
from alerts.letters.workflow import (
    TakedownStateError, approve_letter, change_type, edit_letter, mark_removed, mark_sent, record_response,
    takedown_history, withdraw,
)
from repmon.errors import InputError

TEXT = "Mr Beynon at QE High is going to get hurt after school on Friday."
FLAGS = [{"category": "threat", "score": 0.95, "reason": "threat of harm against staff-004"}]


@pytest.fixture
def takedown(store, settings, profile, make_alert):
    made = make_alert(text=TEXT, severity="critical", flags=FLAGS, named={"staff-004": "Mr Beynon"})
    return made.alert_id, draft_letter(store, settings, profile, made.alert_id)


def _complete(store, takedown_id: int) -> str:
    """The draft with every gap filled in that must be before approving (the send date may stay open)."""
    body = takedown_history(store, takedown_id)["takedown"]["body"]
    return re.sub(r"\[to be completed: (?!date and time reported|police crime)[^\]]*\]", "completed by staff", body)


def test_first_draft_is_version_one_with_a_drafted_event(store, takedown):
    _alert, tid = takedown
    history = takedown_history(store, tid)
    assert history["takedown"]["state"] == "draft"
    assert [v["version"] for v in history["versions"]] == [1]
    assert [(e["action"], e["actor"]) for e in history["events"]] == [("drafted", "repmon")]


def test_full_lifecycle_is_audited(store, takedown):
    _alert, tid = takedown
    edit_letter(store, tid, _complete(store, tid), "comms@school")
    approve_letter(store, tid, "head@school")
    mark_sent(store, tid, "comms@school", "sent via the platform's form, ref 123")
    record_response(store, tid, "comms@school", "acknowledged", reference="case-77")
    mark_removed(store, tid, "comms@school", {"note": "post gone"})
    history = takedown_history(store, tid)
    assert history["takedown"]["state"] == "removed"
    assert history["takedown"]["approved_by"] == "head@school"
    assert [(e["action"], e["from_state"], e["to_state"], e["actor"]) for e in history["events"]] == [
        ("drafted", "draft", "draft", "repmon"),
        ("edited", "draft", "draft", "comms@school"),
        ("approved", "draft", "approved", "head@school"),
        ("sent", "approved", "sent", "comms@school"),
        ("acknowledged", "sent", "acknowledged", "comms@school"),
        ("removed", "acknowledged", "removed", "comms@school"),
    ]
    assert all(e["at"].endswith("Z") for e in history["events"])
    assert len(history["versions"]) == 2  # the first draft is kept beside the edit


def test_unapproved_letter_cannot_be_marked_sent(store, takedown):
    _alert, tid = takedown
    with pytest.raises(TakedownStateError, match="'draft'"):
        mark_sent(store, tid, "comms@school")
    assert takedown_history(store, tid)["takedown"]["state"] == "draft"


def test_letter_with_gaps_cannot_be_approved_but_the_send_date_may_stay_open(store, takedown):
    _alert, tid = takedown
    with pytest.raises(TakedownStateError, match="gap.*a direct telephone number"):
        approve_letter(store, tid, "head@school")
    body = _complete(store, tid)
    assert "[to be completed: date and time reported]" in body
    edit_letter(store, tid, body, "comms@school")
    assert approve_letter(store, tid, "head@school")["state"] == "approved"


def test_editing_an_approved_letter_voids_the_approval(store, takedown, settings):
    _alert, tid = takedown
    body = _complete(store, tid)
    edit_letter(store, tid, body, "comms@school")
    approve_letter(store, tid, "head@school")
    row = edit_letter(store, tid, body + "\nP.S. one more line.", "comms@school")
    assert row["state"] == "draft" and row["approved_by"] is None
    with pytest.raises(TakedownStateError):
        mark_sent(store, tid, "comms@school")
    # the files follow the edit: .txt, .eml and .docx all carry the new text
    files = {Path(f).suffix: Path(f) for f in row["files"]}
    assert "P.S. one more line." in files[".txt"].read_text(encoding="utf-8")
    eml = email.message_from_bytes(files[".eml"].read_bytes(), policy=email.policy.default)
    assert eml["X-Unsent"] == "1" and "P.S. one more line." in eml.get_content()
    assert any("P.S. one more line." in p.text for p in Document(str(files[".docx"])).paragraphs)


def test_withdraw_needs_a_reason_and_closed_takedowns_stay_closed(store, takedown):
    _alert, tid = takedown
    with pytest.raises(InputError):
        withdraw(store, tid, "comms@school", "  ")
    withdraw(store, tid, "comms@school", "parent asked us not to pursue it")
    with pytest.raises(TakedownStateError, match="'withdrawn'"):
        approve_letter(store, tid, "head@school")
    with pytest.raises(TakedownStateError):
        edit_letter(store, tid, "new text", "comms@school")


def test_every_change_needs_an_actor(store, takedown):
    _alert, tid = takedown
    with pytest.raises(InputError, match="actor"):
        withdraw(store, tid, "", "no reason")


def test_unknown_takedown_is_refused(store):
    with pytest.raises(TakedownStateError, match="no takedown 999"):
        approve_letter(store, 999, "head@school")


def test_change_type_withdraws_the_draft_and_drafts_the_new_type(store, settings, profile, takedown):
    alert_id, tid = takedown
    new = change_type(store, alert_id, tid, "gdpr_erasure", "comms@school", settings=settings, profile=profile)
    assert new["letter_type"] == "gdpr_erasure" and new["state"] == "draft"
    old = takedown_history(store, tid)
    assert old["takedown"]["state"] == "withdrawn" and old["takedown"]["replaced_by"] == new["id"]
    # and back again: the withdrawn letter is reopened, not drafted twice
    back = change_type(store, alert_id, new["id"], old["takedown"]["letter_type"], "comms@school",
                       settings=settings, profile=profile)
    assert back["id"] == tid and back["state"] == "draft"
    assert [e["action"] for e in takedown_history(store, tid)["events"]][-2:] == ["reopened", "type_changed"]


def test_change_type_keeps_a_sent_letter(store, settings, profile, takedown):
    alert_id, tid = takedown
    edit_letter(store, tid, _complete(store, tid), "comms@school")
    approve_letter(store, tid, "head@school")
    mark_sent(store, tid, "comms@school")
    new = change_type(store, alert_id, tid, "site_report", "comms@school", settings=settings, profile=profile)
    assert takedown_history(store, tid)["takedown"]["state"] == "sent"
    assert takedown_history(store, tid)["events"][-1]["action"] == "followed_by"
    assert new["state"] == "draft"


def test_change_type_rejects_an_unknown_type(store, settings, profile, takedown):
    alert_id, tid = takedown
    with pytest.raises(InputError, match="unknown letter type"):
        change_type(store, alert_id, tid, "carrier_pigeon", "x", settings=settings, profile=profile)


def test_the_deadline_runs_from_when_the_letter_was_sent(store, settings, profile, make_alert, freeze):
    freeze("2026-11-27T09:00:00Z")
    made = make_alert(text="Miss Jenkins from QE High is a useless cow.", severity="high",
                      flags=[{"category": "harassment", "score": 0.8, "reason": "insults aimed at staff-005"}])
    tid = draft_letter(store, settings, profile, made.alert_id, "site_report")
    edit_letter(store, tid, _complete(store, tid), "comms@school")
    approve_letter(store, tid, "head@school")
    freeze("2026-11-30T10:00:00Z")
    row = mark_sent(store, tid, "comms@school")
    assert row["deadline"] == "2026-12-07T10:00:00Z" and row["sent_at"] == "2026-11-30T10:00:00Z"
