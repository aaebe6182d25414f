"""alerts.notify.queue_critical: one immediate e-mail per open critical alert, to recipients.critical."""

from __future__ import annotations

import email
import email.policy

from alerts.mailer import flush_outbox
from alerts.notify import SNIPPET_CHARS, queue_critical

THREAT = [{"category": "threat", "score": 0.95, "reason": "threat of violence against staff-004"}]
TEXT = "Mr Beynon at QE High had better watch his back on Friday, I know where he parks."


def _stored(store, outbox_id):
    return email.message_from_bytes(store.get_message(outbox_id)["message"], policy=email.policy.default)


def test_only_open_critical_alerts_are_queued(store, settings, profile, make_alert):
    critical = make_alert(text=TEXT, severity="critical", flags=THREAT, named={"staff-004": "Mr Beynon"})
    make_alert(text="QE High's car park is a disgrace.", severity="high",
               flags=[{"category": "disrepute", "score": 0.5, "reason": "complaint"}])
    ids = queue_critical(store, settings, profile)
    assert len(ids) == 1
    assert store.get_message(ids[0])["alert_id"] == critical.alert_id


def test_queueing_again_sends_nothing_new(store, settings, profile, make_alert):
    made = make_alert(text=TEXT, severity="critical", flags=THREAT, named={"staff-004": "Mr Beynon"})
    first = queue_critical(store, settings, profile)
    again = queue_critical(store, settings, profile)
    assert again == first
    assert len(store.pending_messages()) == 1
    assert [e["action"] for e in store.alert_events(made.alert_id)].count("notify_queued") == 1


def test_message_says_what_who_where_and_links_to_the_alert(store, settings, profile, make_alert):
    made = make_alert(text=TEXT, severity="critical", flags=THREAT, named={"staff-004": "Mr Beynon"},
                      source="reddit", url="https://www.reddit.example.net/r/carmarthen/comments/abc123")
    message = _stored(store, queue_critical(store, settings, profile)[0])
    assert message["To"] == "dsl@example-qehs.sch.uk"
    assert message["Subject"].startswith(f"[repmon] CRITICAL alert {made.alert_id}: threat")
    text = message.get_body(("plain",)).get_content()
    html = message.get_body(("html",)).get_content()
    for part in (text, html):
        assert "Tomos Beynon" in part and "Teacher of PE" in part
        assert "threat" in part and "reddit" in part
        assert "https://www.reddit.example.net/r/carmarthen/comments/abc123" in part
        assert f"http://127.0.0.1:8080/alerts/{made.alert_id}" in part
        assert made.sha256 in part


def test_only_a_short_snippet_of_the_page_is_sent(store, settings, profile, make_alert):
    long_text = "Mr Beynon at QE High had better watch his back. " + "Blah blah. " * 400
    make_alert(text=long_text, severity="critical", flags=THREAT, named={"staff-004": "Mr Beynon"})
    text = _stored(store, queue_critical(store, settings, profile)[0]).get_body(("plain",)).get_content()
    excerpt = next(line for line in text.splitlines() if line.startswith("Excerpt:"))
    assert len(excerpt) <= len('Excerpt: ""') + SNIPPET_CHARS
    assert "Blah blah. " * 30 not in text


def test_scraped_title_cannot_add_a_header(store, smtp_up, profile, mailbox, make_alert):
    make_alert(text=TEXT, severity="critical", flags=THREAT, named={"staff-004": "Mr Beynon"},
               title="Staff at QE High\r\nBcc: x@evil.example")
    queue_critical(store, smtp_up, profile)
    assert flush_outbox(store, smtp_up) == (1, 0)

    received = mailbox.messages[0]
    assert received["Bcc"] is None
    assert mailbox.envelopes[0][1] == ["dsl@example-qehs.sch.uk"]
    assert "\r" not in received["Subject"] and "\n" not in received["Subject"]
    assert 'Staff at QE High Bcc: x@evil.example"' in received["Subject"]  # shown as text, on the one line
    raw_headers = received.as_string().split("\n\n", 1)[0]
    assert not any(line.lower().startswith("bcc:") for line in raw_headers.splitlines())


def test_no_recipients_means_nothing_is_queued(store, settings, profile, make_alert):
    make_alert(text=TEXT, severity="critical", flags=THREAT)
    assert queue_critical(store, settings.with_overrides({"recipients.critical": []}), profile) == []
    assert store.pending_messages() == []


def test_names_come_from_the_configured_profile_when_none_is_given(store, settings, make_alert):
    make_alert(text=TEXT, severity="critical", flags=THREAT, named={"staff-004": "Mr Beynon"})
    text = _stored(store, queue_critical(store, settings)[0]).get_body(("plain",)).get_content()
    assert "Named:      Tomos Beynon (staff, Teacher of PE)" in text


# ---- one e-mail per story, "notified" when sent, retries ------------------------------------------


def test_a_repost_of_the_same_story_is_not_emailed_again(store, smtp_up, profile, mailbox, make_alert):
    first = make_alert(text=TEXT, severity="critical", flags=THREAT, named={"staff-004": "Mr Beynon"},
                       url="https://forum.example.net/t/1")
    queue_critical(store, smtp_up, profile)
    assert flush_outbox(store, smtp_up) == (1, 0)
    repost = make_alert(text=TEXT + " Pass it on.", severity="critical", flags=THREAT,
                        named={"staff-004": "Mr Beynon"}, url="https://mirror.example.org/copy/1")
    queue_critical(store, smtp_up, profile)
    assert flush_outbox(store, smtp_up) == (0, 0)
    assert len(mailbox.messages) == 1
    noted = [e for e in store.alert_events(repost.alert_id) if e["action"] == "notify_deduplicated"]
    assert noted and noted[0]["detail"]["same_story_as_alert"] == first.alert_id


def test_notified_is_logged_when_sent_not_when_queued(store, settings, smtp_up, profile, mailbox, make_alert):
    made = make_alert(text=TEXT, severity="critical", flags=THREAT, named={"staff-004": "Mr Beynon"})
    queue_critical(store, settings, profile)
    assert "notified" not in [e["action"] for e in store.alert_events(made.alert_id)]
    flush_outbox(store, smtp_up)
    notified = [e for e in store.alert_events(made.alert_id) if e["action"] == "notified"]
    assert len(notified) == 1 and notified[0]["detail"]["to"] == ["dsl@example-qehs.sch.uk"]


def test_two_flushes_at_once_send_each_message_once(store, smtp_up, profile, mailbox, make_alert):
    make_alert(text=TEXT, severity="critical", flags=THREAT, named={"staff-004": "Mr Beynon"})
    queue_critical(store, smtp_up, profile)
    # the first run has claimed the message and not finished: a second run finds nothing to send
    claimed = store.claim_messages("run-a", 600)
    assert len(claimed) == 1
    assert flush_outbox(store, smtp_up) == (0, 0)
    assert mailbox.messages == []
