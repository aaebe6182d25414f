"""The digest on school days only, what it covers, removals and the trend chart."""

from __future__ import annotations

import datetime as dt
import struct
import zlib

import pytest

from alerts.chart import trend_png
from alerts.digest import build_digest, period, queue_digest
from alerts.letters import draft_letter
from alerts.letters.workflow import approve_letter, edit_letter, mark_removed, mark_sent
from alerts.schooldays import is_school_day
from data import takedowns
from repmon.errors import ConfigError

HARASS = [{"category": "harassment", "score": 0.7, "reason": "insults aimed at staff-005"}]
TERMS = ["2026-09-01..2026-10-23", "2026-11-02..2026-12-18"]


@pytest.mark.parametrize(("day", "school"), [
    (dt.date(2026, 11, 27), True),    # a Friday in term
    (dt.date(2026, 11, 28), False),   # Saturday
    (dt.date(2026, 10, 27), False),   # half term
    (dt.date(2026, 12, 21), False),   # Christmas holidays
    (dt.date(2027, 3, 26), False),    # Good Friday (were it in term)
])
def test_school_days_follow_term_dates_weekends_and_bank_holidays(settings, day, school):
    configured = settings.with_overrides({"digest.term_dates": TERMS + ["2027-03-01..2027-03-31"]})
    assert is_school_day(day, configured) is school


def test_a_bad_term_is_an_error_that_names_the_setting(settings):
    with pytest.raises(ConfigError, match="digest.term_dates.*YYYY-MM-DD..YYYY-MM-DD"):
        is_school_day(dt.date(2026, 11, 27), settings.with_overrides({"digest.term_dates": ["autumn"]}))


def test_no_digest_on_a_saturday_unless_asked(store, settings, profile):
    assert queue_digest(store, settings, profile, dt.date(2026, 11, 28)) is None
    assert queue_digest(store, settings, profile, dt.date(2026, 11, 28), force=True) is not None


def test_mondays_digest_covers_the_weekend(settings):
    assert period(dt.date(2026, 11, 30), settings) == ("2026-11-28T00:00:00Z", "2026-12-01T00:00:00Z")
    assert period(dt.date(2026, 12, 1), settings) == ("2026-12-01T00:00:00Z", "2026-12-02T00:00:00Z")


def _sent_letter(store, settings, profile, make_alert):
    made = make_alert(text="Miss Jenkins at QE High is a useless cow.", severity="high", flags=HARASS,
                      named={"staff-005": "Miss Jenkins"})
    tid = draft_letter(store, settings, profile, made.alert_id, "site_report")
    body = takedowns.get(store, tid)["body"]
    import re
    edit_letter(store, tid, re.sub(r"\[to be completed: [^\]]*\]", "filled", body), "comms")
    approve_letter(store, tid, "head")
    mark_sent(store, tid, "comms", "abuse form")
    return made, tid


def test_removals_confirmed_and_urls_still_up_after_their_deadline(store, settings, profile, make_alert, freeze):
    freeze("2026-11-16T09:00:00Z")
    made, tid = _sent_letter(store, settings, profile, make_alert)
    made2, tid2 = _sent_letter(store, settings, profile, make_alert)
    freeze("2026-11-27T09:00:00Z")   # a week's follow-up date has passed
    takedowns.add_check(store, tid, url=made.url, outcome="up", http_status=200, reason="quoted text still there",
                        evidence_id=None)
    mark_removed(store, tid2, "repmon", {"check": "HTTP 404"})
    digest = build_digest(store, settings, profile, "2026-11-27T00:00:00Z", "2026-11-28T00:00:00Z")
    text = digest.text
    assert "REMOVALS CONFIRMED: 1" in text and made2.url in text.split("REMOVALS CONFIRMED")[1]
    assert "STILL UP AFTER THE DEADLINE: 1" in text
    assert made.url in text.split("STILL UP AFTER THE DEADLINE")[1]
    assert "still up after deadline" in digest.subject
    assert "Still up after the deadline: 1" in digest.html


def test_trend_counts_new_alerts_per_day_and_the_chart_is_a_png(store, settings, profile, make_alert, freeze):
    freeze("2026-11-25T09:00:00Z")
    make_alert(text="Miss Jenkins at QE High is a useless cow.", severity="high", flags=HARASS)
    freeze("2026-11-27T09:00:00Z")
    make_alert(text="QE High car park is a mess.", severity="medium", flags=HARASS)
    digest = build_digest(store, settings.with_overrides({"digest.trend_days": 3}), profile,
                          "2026-11-27T00:00:00Z", "2026-11-28T00:00:00Z")
    assert "Wed 25: 1 (1) | Thu 26: 0 | Fri 27: 1" in digest.text
    assert digest.chart.startswith(b"\x89PNG\r\n\x1a\n")
    width, height = struct.unpack(">II", digest.chart[16:24])
    assert (width, height) == (560, 160)


def test_png_writer_output_decodes_to_the_drawn_pixels():
    data = trend_png([(1, 1)], width=60, height=40)
    idat = data[data.index(b"IDAT") + 4:]
    raw = zlib.decompress(idat[:struct.unpack(">I", data[data.index(b"IDAT") - 4:data.index(b"IDAT")])[0]])
    rows = [raw[i * (1 + 180) + 1:(i + 1) * (1 + 180)] for i in range(40)]
    assert rows[0][:3] == b"\xff\xff\xff"                           # background
    assert rows[20][3 * 30:3 * 30 + 3] == bytes((176, 0, 32))        # inside the bar: all severe
    assert rows[20][3 * 5:3 * 5 + 3] == b"\xff\xff\xff"              # left of the bar


def test_messages_waiting_in_the_outbox_are_reported(store, settings, profile):
    store.queue_message(kind="critical", dedupe_key="k", recipients=["dsl@example-qehs.sch.uk"], subject="s",
                        message=b"x")
    store.mark_failed(1, "cannot reach the SMTP server 127.0.0.1:25")
    digest = build_digest(store, settings, profile, "2026-11-27T00:00:00Z", "2026-11-28T00:00:00Z")
    assert "NOT YET DELIVERED: 1 message" in digest.text and "cannot reach the SMTP server" in digest.text
