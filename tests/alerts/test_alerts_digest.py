"""alerts.digest: what the daily digest holds, and that scraped text in it is escaped and capped."""

from __future__ import annotations

import datetime as dt
import email
import email.policy

from alerts.digest import SNIPPET_CHARS, build_digest, queue_digest
from alerts.letters import draft_letter

DAY = dt.date(2026, 11, 27)
SINCE, UNTIL = "2026-11-27T00:00:00Z", "2026-11-28T00:00:00Z"
DEFAME = [{"category": "defamatory", "score": 0.9, "reason": "allegation of theft about staff-003"}]
HARASS = [{"category": "harassment", "score": 0.7, "reason": "insults aimed at staff-005"}]
THREAT = [{"category": "threat", "score": 0.95, "reason": "threat against the school"}]


def _day_of_alerts(make_alert, freeze):
    freeze("2026-11-27T09:00:00Z")
    make_alert(text="Mrs Pritchard at QE High stole the trip money.", severity="high", flags=DEFAME,
               named={"staff-003": "Mrs Pritchard"})
    make_alert(text="Miss Jenkins at QE High is a useless cow.", severity="medium", flags=HARASS,
               named={"staff-005": "Miss Jenkins"})
    make_alert(text="Someone should burn QE High down on Monday.", severity="critical", flags=THREAT)


def test_new_alerts_are_counted_by_severity_and_category(store, settings, profile, make_alert, freeze):
    _day_of_alerts(make_alert, freeze)
    freeze("2026-11-28T09:00:00Z")
    make_alert(text="Mrs Pritchard at QE High stole again.", severity="high", flags=DEFAME)  # the next day
    digest = build_digest(store, settings, profile, SINCE, UNTIL)
    assert "NEW ALERTS: 3" in digest.text
    assert "By severity: critical 1, high 1, medium 1" in digest.text
    assert "By category: defamatory 1, harassment 1, threat 1" in digest.text
    assert "3 new alerts, 1 critical" in digest.subject and "Friday 27 November 2026" in digest.subject


def test_top_alerts_are_most_severe_first_with_snippet_source_and_links(store, settings, profile, make_alert, freeze):
    _day_of_alerts(make_alert, freeze)
    digest = build_digest(store, settings, profile, SINCE, UNTIL)
    top = digest.text.split("TOP ALERTS", 1)[1]
    assert top.index("[CRITICAL] threat") < top.index("[HIGH] defamatory") < top.index("[MEDIUM] harassment")
    assert "Named:   Rhian Pritchard" in top
    assert 'Excerpt: "Mrs Pritchard at QE High stole the trip money."' in top
    assert "https://forum.example.net/t/1" in top and "http://127.0.0.1:8080/alerts/1" in top
    assert '<a href="http://127.0.0.1:8080/alerts/1"' in digest.html
    assert '<a href="https://forum.example.net/t/1"' in digest.html


def test_source_health_shows_failed_runs_and_their_messages(store, settings, profile, freeze):
    freeze("2026-11-27T06:00:00Z")
    ok = store.start_run("feed:carmarthen-news")
    store.finish_run(ok, ok=True, items_seen=12, items_new=3)
    bad = store.start_run("reddit")
    store.finish_run(bad, ok=False, message="HTTP 503 from the Reddit API <retry after 60s>", errors=1)
    digest = build_digest(store, settings, profile, SINCE, UNTIL)
    assert " - reddit: 1 run, 0 ok, 1 failed, 0 new items; last: error" in digest.text
    assert "last error: HTTP 503 from the Reddit API <retry after 60s>" in digest.text
    assert " - feed:carmarthen-news: 1 run, 1 ok, 0 failed, 3 new items; last: ok" in digest.text
    assert "HTTP 503 from the Reddit API &lt;retry after 60s&gt;" in digest.html
    assert digest.text.index("reddit") < digest.text.index("feed:carmarthen-news")  # broken sources first
    assert "1 source failing" in digest.subject


def test_no_run_at_all_is_reported(store, settings, profile):
    digest = build_digest(store, settings, profile, SINCE, UNTIL)
    assert "No source ran in this period" in digest.text and "No source ran in this period" in digest.html


def test_open_takedowns_are_listed_with_their_deadlines(store, settings, profile, make_alert, freeze):
    freeze("2026-11-27T09:00:00Z")  # a Friday: 48 working hours end on Tuesday
    made = make_alert(text="Mrs Pritchard at QE High stole the trip money.", severity="high", flags=DEFAME,
                      named={"staff-003": "Mrs Pritchard"})
    draft_letter(store, settings, profile, made.alert_id)
    digest = build_digest(store, settings, profile, SINCE, UNTIL)
    assert "OPEN TAKEDOWNS: 1" in digest.text
    assert (f" - s.5 notice of complaint (Defamation Act 2013) (alert {made.alert_id}), draft, "
            "deadline Tuesday 1 December 2026, 09:00 (GMT)") in digest.text
    assert "Tuesday 1 December 2026, 09:00 (GMT)" in digest.html


def test_scraped_script_is_escaped_in_html(store, settings, profile, make_alert, freeze):
    freeze("2026-11-27T09:00:00Z")
    make_alert(text="<script>alert('snippet')</script> Mrs Pritchard at QE High stole the trip money.",
               title="<script>alert('title')</script>", author="<img src=x onerror=alert(1)>",
               severity="high", flags=DEFAME, named={"staff-003": "Mrs Pritchard"})
    html = build_digest(store, settings, profile, SINCE, UNTIL).html
    assert "<script" not in html and "<img src=x" not in html
    assert html.count("<img") == 1 and '<img src="cid:trend@repmon"' in html  # only the chart
    assert "&lt;script&gt;alert(&#39;title&#39;)&lt;/script&gt;" in html
    assert "&lt;script&gt;alert(&#39;snippet&#39;)&lt;/script&gt;" in html


def test_a_javascript_url_is_shown_but_never_linked(store, settings, profile, make_alert, freeze):
    freeze("2026-11-27T09:00:00Z")
    make_alert(text="Mrs Pritchard at QE High stole the trip money.", url="javascript:alert(document.cookie)",
               severity="high", flags=DEFAME)
    html = build_digest(store, settings, profile, SINCE, UNTIL).html
    assert "javascript:alert(document.cookie)" in html
    assert 'href="javascript:' not in html


def test_snippets_are_capped(store, settings, profile, make_alert, freeze):
    freeze("2026-11-27T09:00:00Z")
    make_alert(text="Mrs Pritchard at QE High stole the trip money. " + "And more words here. " * 500,
               severity="high", flags=DEFAME, named={"staff-003": "Mrs Pritchard"})
    digest = build_digest(store, settings, profile, SINCE, UNTIL)
    line = next(x for x in digest.text.splitlines() if x.strip().startswith("Excerpt:"))
    assert len(line.strip()) <= len('Excerpt: ""') + SNIPPET_CHARS
    assert "And more words here. " * 20 not in digest.html


def test_queue_digest_queues_once_per_day(store, settings, profile):
    first = queue_digest(store, settings, profile, DAY)
    assert queue_digest(store, settings, profile, DAY) == first
    row = store.get_message(first)
    assert row["dedupe_key"] == "digest:2026-11-27" and row["kind"] == "digest"
    message = email.message_from_bytes(row["message"], policy=email.policy.default)
    assert {p.get_content_type() for p in message.walk() if not p.is_multipart()} == {
        "text/plain", "text/html", "image/png"}


def test_queue_digest_without_recipients_queues_nothing(store, settings, profile):
    assert queue_digest(store, settings.with_overrides({"recipients.digest": []}), profile, DAY) is None
    assert store.pending_messages() == []


def test_the_snippet_shows_the_flagged_words_not_the_start_of_the_page(store, settings, profile, make_alert, freeze):
    freeze("2026-11-27T09:00:00Z")
    text = "A long article about the science prize. " * 40 + "Mr Beynon is a thief."
    start = text.index("is a thief")
    flags = [{"category": "defamatory", "score": 0.9, "reason": "theft", "evidence": [[start, start + 10]]}]
    make_alert(text=text, severity="high", flags=flags, named={"staff-004": "Mr Beynon"})
    digest = build_digest(store, settings, profile, SINCE, UNTIL)
    assert "Mr Beynon is a thief." in digest.text
