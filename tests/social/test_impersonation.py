"""Impersonation: look-alike accounts of the school and its staff become their own kind of alert."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from data import accounts as account_rows
from data.store import Store
from repmon.config import Settings
from repmon.profile import Profile
from social.impersonation import ANALYSER, Account, Rules, assess, check_accounts, skeleton

NOW = datetime(2026, 11, 28, 12, 0, tzinfo=UTC)


@pytest.mark.parametrize("account, imitates", [
    (Account("x", "qehs_offical"), "QEHS"),                                          # alias + misspelt "official"
    (Account("reddit", "QEHSofficial"), "QEHS"),                                     # run together
    (Account("bluesky", "qe-high.bsky.social", "QE High School Official"), "QE High School"),
    (Account("x", "HighSchool_QE", "High School QE"), "QE High School"),             # words reordered
    (Account("x", "qehs_exampel"), "@qehs_example"),                                  # one swap from the real handle
    (Account("x", "q\u0435hs_example"), "@qehs_example"),                            # Cyrillic е
    (Account("x", "qehs_examp1e"), "@qehs_example"),                                  # digit for a letter
    (Account("mastodon", "qehs_example_official@mastodon.social"), "@qehs_example"),  # real handle + _official
    (Account("youtube", "", "Ysgol y Frenhines Elisabeth Swyddogol"), "Ysgol y Frenhines Elisabeth"),
])
def test_look_alikes_of_the_school_are_flagged(profile: Profile, account: Account, imitates: str) -> None:
    verdict = assess(account, profile, now=NOW)
    assert verdict is not None and verdict.kind == "school" and verdict.ref == "qehs"
    assert verdict.imitates == imitates
    assert verdict.reasons


@pytest.mark.parametrize("account", [
    Account("x", "qehs_example"),                                      # the profile's own handle
    Account("bluesky", "qehs_example.bsky.social"),                    # the same name on Bluesky
    Account("bluesky", "news.example-qehs.sch.uk", "QEHS News"),       # a handle on the school's own domain
    Account("x", "qehs_hexham", "QEHS Hexham"),                        # another school of that name (a decoy place)
    Account("x", "science_fan", "Science fan"),
    Account("bluesky", "official.bsky.social", "Official"),            # markers alone are nobody
])
def test_genuine_and_unrelated_accounts_are_not_flagged(profile: Profile, account: Account) -> None:
    assert assess(account, profile, now=NOW) is None


def test_allowed_handles_are_never_flagged(profile: Profile) -> None:
    account = Account("x", "qehs_sport", "QEHS Official")   # the PE department's own account
    assert assess(account, profile, now=NOW) is not None
    assert assess(account, profile, Rules(allow=("qehs_sport",)), now=NOW) is None


def test_a_teachers_name_counts_on_a_new_little_followed_account(profile: Profile) -> None:
    new = Account("bluesky", "rhianpritchard22.bsky.social", "Rhian Pritchard",
                  created_at="2026-11-20T09:00:00Z", followers=3)
    verdict = assess(new, profile, now=NOW)
    assert verdict is not None and (verdict.kind, verdict.ref) == ("staff", "staff-003")
    assert any("new" in r for r in verdict.reasons) and any("few followers" in r for r in verdict.reasons)
    assert verdict.severity == "medium"


def test_a_teachers_name_alone_is_not_enough(profile: Profile) -> None:
    """Names are common: an old, followed account with a teacher's name is somebody else (or the teacher)."""
    old = Account("bluesky", "rhian.bsky.social", "Rhian Pritchard", created_at="2019-03-01T00:00:00Z", followers=400)
    assert assess(old, profile, now=NOW) is None
    unknown_age = Account("mastodon", "rpritchard@mastodon.social", "Rhian Pritchard")
    assert assess(unknown_age, profile, now=NOW) is None


def test_a_teachers_name_with_the_school_named_is_flagged(profile: Profile) -> None:
    account = Account("mastodon", "mrspritchard@mastodon.social", "Mrs Pritchard",
                      description="Head of Science at QE High. DMs open for parents.")
    verdict = assess(account, profile, now=NOW)
    assert verdict is not None and verdict.ref == "staff-003"
    assert "names the school" in " ".join(verdict.reasons)


def test_skeleton_folds_look_alike_letters() -> None:
    assert skeleton("Ｑｅｈｓ") == skeleton("qеhs") == "qehs"      # full-width and Cyrillic
    assert skeleton("Siân Howells") == "sian howells"


def _seen(*accounts: Account) -> list[Account]:
    return list(accounts)


def test_check_accounts_opens_one_impersonation_alert_per_account(store: Store, profile: Profile,
                                                                  settings: Settings) -> None:
    fake = Account("x", "qehs_offical", "QEHS Official", url="https://x.com/qehs_offical", account_id="1234",
                   created_at="2026-11-25T08:00:00Z", followers=2, description="Updates from the school")
    real = Account("x", "qehs_example", "Queen Elizabeth High School", url="https://x.com/qehs_example",
                   account_id="99")
    ids = check_accounts(store, profile, _seen(fake, real), settings, now=NOW)
    assert len(ids) == 1
    alert = store.get_alert(ids[0])
    assert alert is not None
    assert alert["categories"] == ["impersonation"] and alert["severity"] == "high"
    assert alert["url"] == "https://x.com/qehs_offical" and alert["source"] == "x"
    assert alert["flags"][0]["category"] == "impersonation" and "QEHS" in alert["flags"][0]["reason"]
    item = store.get_item(alert["item_id"])
    assert item is not None and item["raw"]["kind"] == "account"
    finding = store.get_finding(alert["finding_id"])
    assert finding is not None and finding["analyser"] == ANALYSER
    # the real account is remembered as checked, and not flagged
    row = account_rows.get_account(store, "x", "99")
    assert row is not None and row["verdict"] == "ok" and row["alert_id"] is None

    # the same accounts seen in the next run: the same alert, nothing stored twice
    items, alerts = store.count_items(), len(store.alerts())
    assert check_accounts(store, profile, _seen(fake, real), settings, now=NOW) == ids
    assert (store.count_items(), len(store.alerts())) == (items, alerts)


def test_a_renamed_flagged_account_keeps_its_alert(store: Store, profile: Profile, settings: Settings) -> None:
    before = Account("x", "qehs_offical", "QEHS Official", account_id="1234")
    after = Account("x", "qehs_official_", "QE High School Official", account_id="1234")
    [alert_id] = check_accounts(store, profile, [before], settings, now=NOW)
    assert check_accounts(store, profile, [after], settings, now=NOW) == [alert_id]
    assert len(store.alerts()) == 1
    actions = [e["action"] for e in store.alert_events(alert_id)]
    assert actions == ["opened", "account_changed"]


def test_accounts_may_come_as_mappings(store: Store, profile: Profile, settings: Settings) -> None:
    ids = check_accounts(store, profile, [{"platform": "reddit", "handle": "QEHSofficial", "unknown": 1}], settings,
                         now=NOW)
    assert len(ids) == 1


def test_disabled_check_opens_nothing(store: Store, profile: Profile, settings: Settings) -> None:
    off = settings.with_overrides({"impersonation.enabled": False})
    assert check_accounts(store, profile, [Account("x", "qehs_offical")], off, now=NOW) == []
    assert store.alerts() == []


def test_threshold_above_the_verdict_opens_nothing(store: Store, profile: Profile, settings: Settings) -> None:
    strict = settings.with_overrides({"alerts.threshold": "critical"})
    assert check_accounts(store, profile, [Account("x", "qehs_offical")], strict, now=NOW) == []


def test_the_same_name_on_another_mastodon_server_is_flagged(profile: Profile) -> None:
    """Anyone can take the school's name on another server: list Mastodon accounts with their server."""
    copy = Account("mastodon", "qehs_example@mastodon.social", "Queen Elizabeth High School")
    verdict = assess(copy, profile, now=NOW)
    assert verdict is not None and "same name" in verdict.reasons[0]
    assert assess(copy, profile, Rules(allow=("qehs_example@mastodon.social",)), now=NOW) is None


def test_an_account_whose_alert_was_purged_is_judged_afresh(store: Store, profile: Profile,
                                                            settings: Settings) -> None:
    [first] = check_accounts(store, profile, [Account("x", "qehs_offical", account_id="7")], settings, now=NOW)
    alert = store.get_alert(first)
    with store.db.atomic():   # what retention does to an old dismissed alert
        store.db.execute("DELETE FROM alert_events WHERE alert_id = ?", [first])
        store.db.execute("DELETE FROM alerts WHERE id = ?", [first])
        store.db.execute("DELETE FROM findings WHERE item_id = ?", [alert["item_id"]])
        store.db.execute("DELETE FROM items WHERE id = ?", [alert["item_id"]])
    [again] = check_accounts(store, profile, [Account("x", "qehs_offical", account_id="7")], settings, now=NOW)
    assert store.get_alert(again) is not None and len(store.alerts()) == 1   # (SQLite may reuse the id)
    assert account_rows.get_account(store, "x", "7")["alert_id"] == again
