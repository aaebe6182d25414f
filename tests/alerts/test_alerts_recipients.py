"""alerts.letters.recipients: contacts for a site from its pages, security.txt and RDAP, served by a real
HTTP server on 127.0.0.1 with recorded RDAP answers from ../shared/fixtures/rdap/."""

from __future__ import annotations

import pytest

from alerts.letters.recipients import find_recipients
from tests.paths import FIXTURES

RDAP = FIXTURES / "rdap"


def _settings(settings, port):
    return settings.with_overrides({"letters.rdap_domain_url": f"http://127.0.0.1:{port}/rdap/domain/",
                                    "letters.rdap_ip_url": f"http://127.0.0.1:{port}/rdap/ip/",
                                    "letters.lookup_timeout": 5})


def _json(path) -> tuple[int, str, bytes]:
    return 200, "application/rdap+json", path.read_bytes()


def test_contacts_come_in_the_order_of_takedown_md(settings, web):
    port = web.port
    web.routes = {
        "/": (200, "text/html", b'<a href="/contact-us">Contact</a><a href="/shop">Shop</a>'),
        "/contact-us": (200, "text/html; charset=utf-8",
                        b'<p>Moderators: <a href="mailto:mods@forum.example.net?subject=hi">e-mail</a></p>'),
        "/rdap/ip/127.0.0.1": _json(RDAP / "whoisit" / "data_rdap_response_ip_v4.json"),
        "/rdap/domain/localhost": _json(RDAP / "icann-rdap" / "microsoft.click.json"),
        "/.well-known/security.txt": (200, "text/plain",
                                      b"Contact: mailto:security@forum.example.net\nExpires: 2030-01-01T00:00:00Z\n"),
    }
    found = find_recipients(_settings(settings, port), f"http://localhost:{port}/t/9913", "web",
                            resolve=lambda host: ["127.0.0.1"])
    assert [(c.role, c.address) for c in found.contacts] == [
        ("site operator", "mods@forum.example.net"),
        ("host abuse", "helpdesk@apnic.net"),
        ("registrar abuse", "abusecomplaints@markmonitor.com"),   # nested in the registrar, not ccops@
        ("security.txt", "security@forum.example.net"),
    ]
    assert "/contact-us" in found.contacts[0].how
    assert "rdap/ip/127.0.0.1" in found.contacts[1].how


def test_domain_without_an_abuse_role_and_an_rdap_error_are_reported_not_fatal(settings, web):
    port = web.port
    web.routes = {
        "/rdap/ip/127.0.0.1": (501, "application/rdap+json", (RDAP / "icann-rdap" / "error_ripe_net.json").read_bytes()),
        "/rdap/domain/localhost": _json(RDAP / "whoisit" / "data_rdap_response_domain2.json"),
    }
    found = find_recipients(_settings(settings, port), f"http://localhost:{port}/page", "web",
                            resolve=lambda host: ["127.0.0.1"])
    assert found.contacts == []   # norway.no has technical and registrar contacts but no abuse role
    assert any("rdap/ip/127.0.0.1: HTTP 501" in p for p in found.problems)


def test_malformed_rdap_answer_is_a_problem_not_a_crash(settings, web):
    port = web.port
    web.routes = {"/rdap/ip/127.0.0.1": (200, "application/json",
                                             (RDAP / "openrdap" / "misc" / "malformed.json").read_bytes())}
    found = find_recipients(_settings(settings, port), f"http://localhost:{port}/", "web",
                            resolve=lambda host: ["127.0.0.1"])
    assert any("not JSON" in p for p in found.problems)


def test_a_platform_is_reported_through_its_route_with_no_lookups(settings, web):
    port = web.port
    found = find_recipients(_settings(settings, port), "https://www.reddit.com/r/x/comments/1", "reddit",
                            resolve=lambda host: pytest.fail("no DNS for a platform"))
    assert found.contacts[0].role == "platform" and "reddit.com/contact" in found.contacts[0].address
    assert web.calls == []


def test_found_recipients_are_recorded_on_the_takedown(store, settings, profile, make_alert, web):
    from alerts.letters import draft_letter
    from alerts.letters.workflow import find_recipient, takedown_history

    port = web.port
    web.routes = {"/rdap/ip/127.0.0.1": _json(RDAP / "whoisit" / "data_rdap_response_ip_v4.json")}
    made = make_alert(text="Miss Jenkins from QE High is useless.", severity="high",
                      flags=[{"category": "harassment", "score": 0.8, "reason": "insults aimed at staff-005"}],
                      url=f"http://localhost:{port}/t/1")
    tid = draft_letter(store, settings, profile, made.alert_id)
    row = find_recipient(store, _settings(settings, port), tid, "comms@school", resolve=lambda host: ["127.0.0.1"])
    assert row["recipient"] == "helpdesk@apnic.net" and "host abuse" in row["recipient_how"]
    assert takedown_history(store, tid)["events"][-1]["action"] == "recipients_found"
