"""The store on real SQLite: saving twice changes nothing, audit trails only grow."""

from __future__ import annotations

from typing import Any

import pytest

from data.store import Store
from spiders.items import Item

RESULT: dict[str, Any] = {
    "relevant": True,
    "severity": "high",
    "mentions": [{"kind": "staff", "ref": "staff-003", "text": "Mrs Pritchard", "start": 0, "end": 13}],
    "flags": [{"category": "defamatory", "score": 0.9, "reason": "allegation of theft about staff-003"}],
}


def make_item(text: str = "Mrs Pritchard took the trip money, everyone knows it.", **fields: Any) -> Item:
    values: dict[str, Any] = {"source": "web", "url": "https://forum.example/t/1", "title": "QE High", "text": text}
    values.update(fields)
    return Item(**values)


def dump(store: Store) -> list[str]:
    """Every table's schema and contents, FTS shadow tables included."""
    return list(store.db.conn.iterdump())


def alert_for(store: Store, text: str = "Mrs Pritchard took the trip money.") -> int:
    item_id, _ = store.save_item(make_item(text))
    finding_id, _ = store.save_finding(item_id, "rules-v1", RESULT)
    alert_id, _ = store.open_alert(item_id, finding_id, "high", ["defamatory"])
    return alert_id


# ---- items --------------------------------------------------------------


def test_saving_the_same_item_twice_changes_nothing(store: Store) -> None:
    first_id, created = store.save_item(make_item())
    before = dump(store)

    second_id, created_again = store.save_item(make_item())

    assert (created, created_again) == (True, False)
    assert second_id == first_id
    assert dump(store) == before


def test_an_item_reads_back_as_saved(store: Store) -> None:
    item_id, _ = store.save_item(make_item(author="anon123", raw={"thread": 7}))

    row = store.get_item(item_id)

    assert row is not None
    assert (row["source"], row["url"], row["canonical_url"], row["author"], row["raw"]) == (
        "web", "https://forum.example/t/1", "https://forum.example/t/1", "anon123", {"thread": 7})


def test_only_whitespace_changes_are_the_same_item(store: Store) -> None:
    store.save_item(make_item("Mrs Pritchard took   the trip money."))

    _, created = store.save_item(make_item("Mrs Pritchard took the trip money.\n"))

    assert created is False


def test_a_changed_text_at_the_same_url_is_a_new_item(store: Store) -> None:
    first_id, _ = store.save_item(make_item("Mrs Pritchard took the trip money."))

    second_id, created = store.save_item(make_item("Edit: Mrs Pritchard took the trip money twice."))

    assert created is True
    assert second_id != first_id
    assert store.count_items() == 2


def test_items_are_found_by_full_text_search(store: Store) -> None:
    wanted, _ = store.save_item(make_item("Mrs Pritchard took the trip money.", url="https://a.example/1"))
    store.save_item(make_item("The rugby team won on Saturday.", url="https://a.example/2"))

    rows = list(store.db.query("SELECT rowid FROM items_fts WHERE items_fts MATCH ?", ["pritchard"]))

    assert [row["rowid"] for row in rows] == [wanted]


def test_items_to_analyse_skips_those_this_analyser_has_seen(store: Store) -> None:
    done, _ = store.save_item(make_item("first", url="https://a.example/1"))
    waiting, _ = store.save_item(make_item("second", url="https://a.example/2"))
    store.save_finding(done, "rules-v1", RESULT)

    assert [row["id"] for row in store.items_to_analyse("rules-v1")] == [waiting]
    assert [row["id"] for row in store.items_to_analyse("rules-v2")] == [done, waiting]


# ---- findings, alerts, takedowns ---------------------------------------


def test_saving_a_finding_twice_changes_nothing(store: Store) -> None:
    item_id, _ = store.save_item(make_item())
    finding_id, _ = store.save_finding(item_id, "rules-v1", RESULT)
    before = dump(store)

    again_id, created = store.save_finding(item_id, "rules-v1", RESULT)

    assert (again_id, created) == (finding_id, False)
    assert dump(store) == before


def test_a_finding_reads_back_with_its_mentions_and_flags(store: Store) -> None:
    item_id, _ = store.save_item(make_item())
    finding_id, _ = store.save_finding(item_id, "rules-v1", RESULT)

    finding = store.get_finding(finding_id)

    assert finding is not None
    assert (finding["relevant"], finding["severity"]) == (True, "high")
    assert (finding["mentions"], finding["flags"]) == (RESULT["mentions"], RESULT["flags"])


def test_opening_an_alert_twice_changes_nothing(store: Store) -> None:
    alert_id = alert_for(store)
    alert = store.get_alert(alert_id)
    assert alert is not None
    before = dump(store)

    again_id, created = store.open_alert(alert["item_id"], alert["finding_id"], "high", ["defamatory"])

    assert (again_id, created) == (alert_id, False)
    assert dump(store) == before


def test_a_newer_analysis_raises_an_alerts_severity_never_lowers_it(store: Store) -> None:
    alert_id = alert_for(store)
    alert = store.get_alert(alert_id)
    assert alert is not None

    store.open_alert(alert["item_id"], alert["finding_id"], "medium", ["disrepute"])
    assert store.get_alert(alert_id)["severity"] == "high"  # type: ignore[index]
    store.open_alert(alert["item_id"], alert["finding_id"], "critical", ["threat"])

    raised = store.get_alert(alert_id)
    assert raised is not None and (raised["severity"], raised["categories"]) == ("critical", ["threat"])
    assert store.alert_events(alert_id)[-1]["action"] == "severity_raised"


def test_opening_an_alert_is_written_to_its_audit_trail(store: Store) -> None:
    alert_id = alert_for(store)

    events = store.alert_events(alert_id)

    assert [(e["actor"], e["action"], e["detail"]) for e in events] == [
        ("repmon", "opened", {"severity": "high", "categories": ["defamatory"]})]


def test_changing_an_alert_state_adds_to_the_audit_trail_and_deletes_nothing(store: Store) -> None:
    alert_id = alert_for(store)

    store.set_alert_state(alert_id, "acknowledged", "head@school.uk", note="looking into it")
    store.set_alert_state(alert_id, "dismissed", "head@school.uk")

    assert store.get_alert(alert_id)["state"] == "dismissed"  # type: ignore[index]
    assert [(e["actor"], e["action"], e["detail"]) for e in store.alert_events(alert_id)] == [
        ("repmon", "opened", {"severity": "high", "categories": ["defamatory"]}),
        ("head@school.uk", "state:acknowledged", {"note": "looking into it"}),
        ("head@school.uk", "state:dismissed", {}),
    ]


def test_an_unknown_alert_state_is_refused_and_not_logged(store: Store) -> None:
    alert_id = alert_for(store)

    with pytest.raises(ValueError, match="unknown alert state 'closed'"):
        store.set_alert_state(alert_id, "closed", "head@school.uk")

    assert len(store.alert_events(alert_id)) == 1


def test_saving_a_takedown_twice_changes_nothing(store: Store) -> None:
    alert_id = alert_for(store)
    draft = {"alert_id": alert_id, "letter_type": "defamation", "recipient": "abuse@forum.example",
             "deadline": None, "body": "Dear forum owner,", "files": ["letters/1.txt"]}
    takedown_id, created = store.save_takedown(**draft)
    before = dump(store)

    again_id, created_again = store.save_takedown(**draft)

    assert (created, created_again) == (True, False)
    assert again_id == takedown_id
    assert dump(store) == before


def test_drafting_a_takedown_is_written_to_the_audit_trail(store: Store) -> None:
    alert_id = alert_for(store)

    takedown_id, _ = store.save_takedown(alert_id=alert_id, letter_type="defamation", recipient="abuse@forum.example",
                                         deadline="2026-12-12", body="Dear forum owner,", files=[])

    assert store.alert_events(alert_id)[-1]["detail"] == {"takedown_id": takedown_id, "letter_type": "defamation"}


# ---- source runs --------------------------------------------------------


def test_a_source_run_is_running_until_finished(store: Store) -> None:
    run_id = store.start_run("web")

    run = store.get_run(run_id)

    assert run is not None
    assert (run["status"], run["finished_at"]) == ("running", None)


def test_a_finished_run_keeps_its_counts(store: Store) -> None:
    run_id = store.start_run("web")

    store.finish_run(run_id, ok=True, items_seen=12, items_new=3, errors=1, stats={"skipped_too_big": 2})

    run = store.get_run(run_id)
    assert run is not None
    assert run["finished_at"] is not None
    assert (run["status"], run["items_seen"], run["items_new"], run["errors"], run["stats"]) == (
        "ok", 12, 3, 1, {"skipped_too_big": 2})


def test_a_failed_run_keeps_its_message(store: Store) -> None:
    run_id = store.start_run("reddit")

    store.finish_run(run_id, ok=False, message="401 Unauthorized: check REDDIT_CLIENT_SECRET")

    assert [(r["source"], r["status"], r["message"]) for r in store.runs()] == [
        ("reddit", "error", "401 Unauthorized: check REDDIT_CLIENT_SECRET")]


# ---- outbox -------------------------------------------------------------


def queue(store: Store, key: str = "digest:2026-11-28") -> tuple[int, bool]:
    return store.queue_message(kind="digest", dedupe_key=key, recipients=["head@school.uk"],
                               subject="Daily digest", message=b"Subject: Daily digest\r\n\r\nNothing new.")


def test_a_message_is_queued_once_per_dedupe_key(store: Store) -> None:
    message_id, created = queue(store)
    before = dump(store)

    again_id, created_again = queue(store)

    assert (created, created_again) == (True, False)
    assert again_id == message_id
    assert dump(store) == before


def test_a_queued_message_is_pending(store: Store) -> None:
    message_id, _ = queue(store)

    pending = store.pending_messages()

    assert [(m["id"], m["recipients"], m["attempts"]) for m in pending] == [(message_id, ["head@school.uk"], 0)]


def test_a_failed_message_stays_pending_with_its_error(store: Store) -> None:
    message_id, _ = queue(store)

    store.mark_failed(message_id, "connection refused")

    message = store.get_message(message_id)
    assert message is not None
    assert (message["attempts"], message["last_error"], message["sent_at"]) == (1, "connection refused", None)
    assert [m["id"] for m in store.pending_messages()] == [message_id]


def test_a_sent_message_leaves_the_queue(store: Store) -> None:
    message_id, _ = queue(store)
    store.mark_failed(message_id, "connection refused")

    store.mark_sent(message_id)

    message = store.get_message(message_id)
    assert message is not None
    assert (message["attempts"], message["last_error"]) == (2, "")
    assert message["sent_at"] is not None
    assert store.pending_messages() == []
