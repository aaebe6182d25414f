"""alerts.rules.maybe_open_alert: relevance, the severity threshold, idempotence."""

from __future__ import annotations

import pytest

from alerts.rules import maybe_open_alert
from repmon.errors import InputError

TEXT = "QE High sacked Mr Beynon for lying, everyone says so."
FLAGS = [{"category": "defamatory", "score": 0.8, "reason": "allegation about staff-004"},
         {"category": "harassment", "score": 0.6, "reason": "insult"},
         {"category": "defamatory", "score": 0.7, "reason": "second rule"}]


def test_below_threshold_opens_no_alert(store, make_alert):
    made = make_alert(text=TEXT, severity="low", threshold="medium", flags=FLAGS)
    assert made.alert_id is None
    assert store.alerts() == []


@pytest.mark.parametrize("severity", ["medium", "high", "critical"])
def test_at_or_above_threshold_opens_an_alert(store, make_alert, severity):
    made = make_alert(text=TEXT, severity=severity, threshold="medium", flags=FLAGS)
    alert = store.get_alert(made.alert_id)
    assert alert["severity"] == severity
    assert alert["state"] == "open"


def test_categories_are_the_distinct_flag_categories(store, make_alert):
    made = make_alert(text=TEXT, severity="high", threshold="medium", flags=FLAGS)
    assert store.get_alert(made.alert_id)["categories"] == ["defamatory", "harassment"]


def test_irrelevant_item_opens_no_alert_even_when_critical(store, make_alert):
    made = make_alert(text=TEXT, severity="critical", threshold="low", relevant=False, flags=FLAGS)
    assert made.alert_id is None


def test_opening_again_returns_the_same_alert(store, make_alert):
    made = make_alert(text=TEXT, severity="high", flags=FLAGS)
    result = {"relevant": True, "severity": "high", "flags": FLAGS, "mentions": []}
    again = maybe_open_alert(store, made.item_id, made.finding_id, result, "medium")
    assert again == made.alert_id
    assert len(store.alerts()) == 1


def test_unknown_threshold_is_refused(store, make_alert):
    made = make_alert(text=TEXT, severity="high")
    with pytest.raises(InputError, match="severe"):
        maybe_open_alert(store, made.item_id, made.finding_id, {"relevant": True, "severity": "high"}, "severe")
