"""Evidence is only ever added to: the database refuses changes, a purge must say who and why."""

from __future__ import annotations

import sqlite3

import pytest

from data import evidence_log
from data.evidence import EvidenceWriter
from data.store import Store


@pytest.fixture
def kept(store: Store, tmp_path) -> int:
    writer = EvidenceWriter(store, tmp_path / "ev", "test")
    capture = writer.capture(url="https://forum.example.org/t/1", status=200, headers=[], body=b"<p>words</p>")
    writer.close()
    evidence_log.add_screenshot(store, item_id=None, evidence_id=capture.evidence_id, url="https://forum.example.org/t/1",
                                final_url="https://forum.example.org/t/1", path="/x.png", sha256="0" * 64,
                                taken_at="2026-11-28T10:00:00Z", width=1, height=1, browser="Chromium")
    return capture.evidence_id


@pytest.mark.parametrize("sql", [
    "UPDATE evidence SET sha256 = 'forged' WHERE id = ?",
    "UPDATE evidence SET warc_offset = 0 WHERE id = ?",
    "DELETE FROM evidence WHERE id = ?",
    "UPDATE screenshots SET sha256 = 'forged' WHERE evidence_id = ?",
    "DELETE FROM screenshots WHERE evidence_id = ?",
])
def test_evidence_rows_cannot_be_changed_or_removed(store: Store, kept: int, sql: str):
    with pytest.raises(sqlite3.DatabaseError, match="only ever added to"):
        store.db.execute(sql, [kept])


def test_the_capture_log_cannot_be_changed(store: Store):
    row = evidence_log.log_capture(store, url="https://forum.example.org/t/1", actor="x", reason="reported",
                                   outcome="refused")
    with pytest.raises(sqlite3.DatabaseError, match="only ever added to"):
        store.db.execute("UPDATE evidence_captures SET outcome = 'kept' WHERE id = ?", [row])


def test_a_purge_records_who_and_why_then_removes_the_row(store: Store, kept: int):
    evidence_log.purge_evidence(store, kept, actor="retention", reason="case closed more than 6 years ago")
    assert store.get_evidence(kept) is None
    purge = list(store.db.query("SELECT actor, reason FROM evidence_purges WHERE evidence_id = ?", [kept]))
    assert purge == [{"actor": "retention", "reason": "case closed more than 6 years ago"}]
    with pytest.raises(sqlite3.DatabaseError, match="only ever added to"):
        store.db.execute("DELETE FROM evidence_purges")


def test_a_purge_needs_a_reason(store: Store, kept: int):
    with pytest.raises(ValueError, match="reason"):
        evidence_log.purge_evidence(store, kept, actor="x", reason=" ")
    assert store.get_evidence(kept) is not None


def test_warc_files_are_only_appended_to(store: Store, tmp_path):
    first = EvidenceWriter(store, tmp_path / "ev", "same")
    first.capture(url="https://a.example.org/", status=200, headers=[], body=b"one")
    first.close()
    size = first.path.stat().st_size
    head = first.path.read_bytes()
    again = EvidenceWriter(store, tmp_path / "ev", "same")
    again.path = first.path  # the same file opened again: what is there stays, new records go after it
    again.capture(url="https://a.example.org/", status=200, headers=[], body=b"two")
    again.close()
    assert first.path.read_bytes()[:size] == head and first.path.stat().st_size > size
