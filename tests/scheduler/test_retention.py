"""Retention purges what the settings allow, keeps the rest, and records every purge."""

from __future__ import annotations

import json
from datetime import timedelta

from data.evidence import EvidenceWriter
from data.retention import purge
from data.store import Store
from repmon import clock
from spiders.items import Item

NOW = clock.parse("2026-11-28T12:00:00Z")


def _item(store: Store, n: int, *, days_old: int, relevant: bool | None, evidence_id: int | None = None) -> int:
    item_id, _ = store.save_item(Item(source="test", url=f"https://news.example/{n}", text=f"story {n}",
                                      fetched_at="2026-01-01T00:00:00Z", evidence_id=evidence_id))
    store.db.execute("UPDATE items SET stored_at = ? WHERE id = ?", [clock.iso(NOW - timedelta(days=days_old)), item_id])
    if relevant is not None:
        store.save_finding(item_id, "test-v1", {"relevant": relevant, "severity": "medium" if relevant else "none",
                                                  "mentions": [], "flags": []})
    return item_id


def _alert(store: Store, item_id: int, state: str, days_old: int) -> int:
    finding = store.db.execute("SELECT id FROM findings WHERE item_id = ?", [item_id]).fetchone()[0]
    alert_id, _ = store.open_alert(item_id, finding, "high", ["defamatory"])
    at = clock.iso(NOW - timedelta(days=days_old))
    store.db.execute("UPDATE alerts SET state = ?, created_at = ?, updated_at = ? WHERE id = ?", [state, at, at, alert_id])
    return alert_id


def _ids(store: Store, table: str) -> set[int]:
    return {r[0] for r in store.db.execute(f"SELECT id FROM {table}").fetchall()}


def test_irrelevant_items_go_after_their_days_and_relevant_or_unanalysed_ones_stay(store: Store) -> None:
    old_noise = _item(store, 1, days_old=40, relevant=False)
    new_noise = _item(store, 2, days_old=10, relevant=False)
    old_relevant = _item(store, 3, days_old=40, relevant=True)
    not_analysed = _item(store, 4, days_old=40, relevant=None)
    result = purge(store, irrelevant_days=30, dismissed_days=0, incident_years=0, now=NOW)
    assert result.items == 1
    assert _ids(store, "items") == {new_noise, old_relevant, not_analysed}
    assert old_noise not in {r[0] for r in store.db.execute("SELECT item_id FROM findings").fetchall()}
    audit = list(store.db.query("SELECT rule, subject, detail FROM purges"))
    assert audit[0]["rule"] == "retention.irrelevant_days" and json.loads(audit[0]["detail"])["days"] == 30


def test_dismissed_alerts_go_after_their_days_incidents_after_their_years(store: Store) -> None:
    dismissed_old = _alert(store, _item(store, 1, days_old=400, relevant=True), "dismissed", 400)
    dismissed_new = _alert(store, _item(store, 2, days_old=100, relevant=True), "dismissed", 100)
    incident = _alert(store, _item(store, 3, days_old=400, relevant=True), "escalated", 400)
    ancient = _alert(store, _item(store, 4, days_old=8 * 366, relevant=True), "escalated", 8 * 366)
    store.add_alert_event(ancient, "comms", "note", {"text": "called the police"})
    result = purge(store, irrelevant_days=30, dismissed_days=365, incident_years=7, now=NOW)
    assert result.alerts == 2
    assert _ids(store, "alerts") == {dismissed_new, incident}
    subjects = {r["subject"] for r in store.db.query("SELECT subject FROM purges")}
    assert {f"alert {dismissed_old}", f"alert {ancient}"} <= subjects
    assert not list(store.db.query("SELECT id FROM alert_events WHERE alert_id IN (?, ?)", [dismissed_old, ancient]))


def test_a_dismissed_alert_with_a_sent_letter_is_kept_as_an_incident(store: Store) -> None:
    alert_id = _alert(store, _item(store, 1, days_old=400, relevant=True), "dismissed", 400)
    takedown, _ = store.save_takedown(alert_id=alert_id, letter_type="s5_notice", recipient="", deadline=None,
                                   body="Dear operator", files=[])
    store.db.execute("UPDATE takedowns SET state = 'sent' WHERE id = ?", [takedown])
    purge(store, irrelevant_days=0, dismissed_days=365, incident_years=7, now=NOW)
    assert alert_id in _ids(store, "alerts")


def test_evidence_only_purged_items_used_goes_and_its_file_when_nothing_points_into_it(file_store: Store,
                                                                                      tmp_path) -> None:
    writer = EvidenceWriter(file_store, tmp_path / "evidence", "old-run")
    capture = writer.capture(url="https://news.example/1", status=200, headers=[("Content-Type", "text/html")],
                             body=b"<p>story 1</p>", fetched_at="2025-01-01T00:00:00Z")
    writer.close()
    _item(file_store, 1, days_old=40, relevant=False, evidence_id=capture.evidence_id)
    warc = next((tmp_path / "evidence").rglob("*.warc*"))
    import os
    os.utime(warc, (NOW.timestamp() - 40 * 86400,) * 2)
    result = purge(file_store, irrelevant_days=30, dismissed_days=0, incident_years=0,
                   evidence_dir=tmp_path / "evidence", now=NOW)
    assert (result.items, result.evidence, len(result.files)) == (1, 1, 1)
    assert not warc.exists()


def test_zero_keeps_everything(store: Store) -> None:
    _item(store, 1, days_old=4000, relevant=False)
    _alert(store, _item(store, 2, days_old=4000, relevant=True), "dismissed", 4000)
    result = purge(store, irrelevant_days=0, dismissed_days=0, incident_years=0, now=NOW)
    assert (result.items, result.alerts, result.evidence) == (0, 0, 0)
    assert not list(store.db.query("SELECT id FROM purges"))


def test_social_accounts_not_flagged_go_after_the_irrelevant_days_flagged_ones_stay(store: Store) -> None:
    def account(key: str, last_seen: str, alert_id: int | None) -> None:
        store.db.execute(
            "INSERT INTO social_accounts (platform, account_key, handle, first_seen, last_seen, verdict, alert_id)"
            " VALUES ('mastodon', ?, ?, ?, ?, ?, ?)",
            [key, key, last_seen, last_seen, "impersonation" if alert_id else "ok", alert_id])

    account("old-harmless", "2026-09-01T00:00:00Z", None)
    account("recent-harmless", "2026-11-20T00:00:00Z", None)
    account("old-flagged", "2026-09-01T00:00:00Z", 7)
    result = purge(store, irrelevant_days=30, dismissed_days=0, incident_years=0, now=NOW)
    assert result.accounts == 1
    left = {r[0] for r in store.db.execute("SELECT account_key FROM social_accounts").fetchall()}
    assert left == {"recent-harmless", "old-flagged"}
