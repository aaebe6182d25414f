"""The whole chain, as `make demo` runs it: real local web and SMTP servers, a real crawl, real e-mail.

`repmon demo` runs once for this module (as a real process); each test then
checks one thing that arrived: alerts, e-mails, letters, evidence.
"""

from __future__ import annotations

import email
import email.policy
import re
import subprocess
import sys
from collections import Counter
from email.message import EmailMessage
from pathlib import Path

import pytest

from data.evidence import verify
from data.store import Store
from tests.paths import REPO


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, str]:
    workdir = tmp_path_factory.mktemp("demo")
    proc = subprocess.run([sys.executable, "-m", "repmon", "demo", "--workdir", str(workdir)],
                          capture_output=True, text=True, cwd=REPO, timeout=300)
    assert proc.returncode == 0, proc.stderr
    return workdir, proc.stdout


@pytest.fixture(scope="module")
def store(demo: tuple[Path, str]) -> Store:
    return Store.open(demo[0] / "repmon.db")


def alert_for(store: Store, path: str) -> dict:
    matches = [a for a in store.alerts() if a["url"].endswith(path)]
    assert len(matches) == 1, f"expected one alert for {path}, got {len(matches)}"
    return matches[0]


def mails(demo: tuple[Path, str]) -> list[EmailMessage]:
    return [email.message_from_bytes(p.read_bytes(), policy=email.policy.default)  # type: ignore[misc]
            for p in sorted((demo[0] / "mail").glob("*.eml"))]


@pytest.mark.parametrize(("path", "severity", "category"), [
    ("/forum/t/103.html", "critical", "threat"),
    ("/blog/2026/worried.html", "critical", "safeguarding"),
    ("/news/science-prize.html", "high", "defamatory"),
    ("/forum/t/101.html", "high", "harassment"),
    ("/forum/t/102.html", "high", "identifying"),
    ("/reviews/queen-elizabeth-high-school.html", "medium", "disrepute"),
])
def test_each_harmful_page_has_one_alert_with_the_right_severity(store, path, severity, category):
    alert = alert_for(store, path)
    assert alert["severity"] == severity and category in alert["categories"]


OTHERS = ("hexham-new-head.html", "calgary-robotics.html", "royal-visit-anniversary.html")


def test_pages_about_other_schools_or_the_late_queen_raise_no_alert(store):
    urls = {a["url"].rsplit("/", 1)[1] for a in store.alerts()}
    assert not urls & set(OTHERS)


def test_pages_about_other_schools_or_the_late_queen_are_judged_not_relevant(store):
    irrelevant = {r["url"].rsplit("/", 1)[1] for r in store.db.query(
        "SELECT i.url FROM items i JOIN findings f ON f.item_id = i.id WHERE f.relevant = 0")}
    assert set(OTHERS) <= irrelevant


def test_the_blog_post_reached_only_through_the_feed_was_collected(store):
    assert any(a["url"].endswith("/blog/2026/worried.html") and a["source"] == "feed" for a in store.alerts())


def test_critical_alerts_were_emailed_at_once_to_the_safeguarding_lead(demo, store):
    critical = [m for m in mails(demo) if "CRITICAL" in m["Subject"]]
    assert len(critical) == 2
    for message in critical:
        assert "dsl@example-qehs.sch.uk" in message["To"]
        assert "/alerts/" in message.get_body(("plain",)).get_content()


def severity_counts(alerts: list[dict]) -> str:
    counts = Counter(a["severity"] for a in alerts)
    return ", ".join(f"{s} {counts[s]}" for s in ("critical", "high", "medium", "low") if counts[s])


def test_the_site_raised_six_alerts_and_the_social_answers_two_impersonations_and_more(store):
    alerts = store.alerts()
    site = [a for a in alerts if a["source"] in ("web", "feed")]
    assert len(site) == 6 and severity_counts(site) == "critical 2, high 3, medium 1"
    social = [a for a in alerts if a["source"] in ("bluesky", "mastodon", "youtube")]
    assert [a["categories"] for a in social].count(["impersonation"]) == 2
    assert len(site) + len(social) == len(alerts)


def test_the_digest_reached_senior_leaders_with_both_parts(demo, store):
    (digest,) = [m for m in mails(demo) if "Digest" in m["Subject"]]
    assert digest["To"] == "head@example-qehs.sch.uk, deputy@example-qehs.sch.uk"
    text = digest.get_body(("plain",)).get_content()
    html = digest.get_body(("html",)).get_content()
    alerts = store.alerts()
    assert f"NEW ALERTS: {len(alerts)}" in text and f"By severity: {severity_counts(alerts)}" in text
    assert "<table" in html and "Mr Beynon is a thief" in text


def test_the_threat_letter_names_the_url_and_the_evidence_hash(store):
    alert = alert_for(store, "/forum/t/103.html")
    (takedown,) = [t for t in store.takedowns() if t["alert_id"] == alert["id"]]
    letter = Path(next(f for f in takedown["files"] if f.endswith(".txt"))).read_text(encoding="utf-8")
    assert takedown["letter_type"] == "police_referral" and takedown["state"] == "draft"
    assert alert["url"] in letter and alert["evidence_sha256"] in letter


def test_the_defamation_letter_is_an_s5_notice_quoting_the_comment(store):
    alert = alert_for(store, "/news/science-prize.html")
    (takedown,) = [t for t in store.takedowns() if t["alert_id"] == alert["id"]]
    letter = Path(takedown["files"][0]).read_text(encoding="utf-8")
    assert takedown["letter_type"] == "s5_notice"
    assert '"Mr Beynon is a thief. He stole money from the PE fund' in letter and "Tomos Beynon" in letter


def test_every_alerted_item_has_evidence_that_verifies(store):
    for alert in store.alerts():
        evidence = store.get_evidence(alert["evidence_id"])
        assert evidence is not None and verify(evidence), alert["url"]


def test_the_summary_says_what_happened_and_where_things_are(demo, store):
    out = demo[1]
    alerts = store.alerts()
    counts = Counter(a["severity"] for a in alerts)
    shown = ", ".join(f"{counts[s]} {s}" for s in ("critical", "high", "medium", "low") if counts[s])
    assert f"alerts     {len(alerts)}: {shown}" in out
    assert re.search(r"social     \d+ posts and comments from bluesky \(\d+\), mastodon \(\d+\), youtube \(\d+\)", out)
    assert re.search(r"letters    \d+ takedown drafts \(\.txt, \.eml and \.docx\)", out) and "repmon.db" in out


def test_every_step_is_in_the_audit_trail(store):
    alert = alert_for(store, "/forum/t/103.html")
    actions = [e["action"] for e in store.alert_events(alert["id"])]
    # "notified" is logged when the e-mail was actually handed to the SMTP server, after the letter was drafted
    assert actions == ["opened", "notify_queued", "takedown_drafted", "notified"]


def test_the_demo_writes_one_letter_of_each_type_and_mails_the_digest_with_its_chart(demo, store):
    from alerts.letters import LETTERS

    drafted = {t["letter_type"] for t in store.takedowns()}
    assert drafted == set(LETTERS)
    for takedown in store.takedowns():
        assert [Path(f).suffix for f in takedown["files"]] == [".txt", ".eml", ".docx"]
        assert all(Path(f).is_file() for f in takedown["files"])
    digest = next(m for m in mails(demo) if m["Subject"].startswith("[repmon] Digest"))
    types = [p.get_content_type() for p in digest.walk()]
    assert types == ["multipart/alternative", "text/plain", "multipart/related", "text/html", "image/png"]
