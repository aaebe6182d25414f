"""The analyse step over the store: each item analysed once per analyser version, alerts opened, bad items isolated."""

from __future__ import annotations

from typing import Any

import pytest

from data.store import Store
from nlp.analyse import Analyser
from repmon.config import Settings
from repmon.jobs import ANALYSE_BATCH, analyse_new
from repmon.profile import Profile
from spiders.items import Item

THREAT = "Mrs Pritchard at QE High Carmarthen, I'm going to stab you outside the gates tomorrow."
CHATTER = "Lovely walk along the river this morning, the ducks were out."


def save(store: Store, text: str, n: int = 0) -> int:
    item_id, _ = store.save_item(Item(source="web", url=f"https://forum.example/t/{n}", title="", text=text))
    return item_id


def findings(store: Store) -> list[dict[str, Any]]:
    return list(store.db.query("SELECT item_id, analyser, severity FROM findings ORDER BY id"))


def test_each_item_is_analysed_once_and_a_critical_one_opens_an_alert(store: Store, settings: Settings,
                                                                    profile: Profile) -> None:
    threat, chatter = save(store, THREAT, 1), save(store, CHATTER, 2)

    first = analyse_new(settings.with_overrides({"analysis.textcat": False}), store, profile)
    again = analyse_new(settings.with_overrides({"analysis.textcat": False}), store, profile)

    assert (first.analysed, first.relevant, len(first.alerts)) == (2, 1, 1)
    assert again.analysed == 0
    assert {(f["item_id"], f["severity"]) for f in findings(store)} == {(threat, "critical"), (chatter, "none")}


def test_findings_carry_the_full_analyser_version_so_switching_the_classifier_analyses_again(
        store: Store, settings: Settings, profile: Profile) -> None:
    save(store, THREAT, 1)
    rules_only = settings.with_overrides({"analysis.textcat": False})
    analyse_new(rules_only, store, profile)
    other = Analyser(profile, textcat=True)
    if other.version == Analyser(profile, textcat=False).version:
        pytest.skip("no text classifier built (make venv builds it)")

    result = analyse_new(settings.with_overrides({"analysis.textcat": True}), store, profile)

    assert result.analysed == 1
    assert result.alerts == []  # the item's alert is already open: not a new one
    assert [f["analyser"] for f in findings(store)] == [Analyser(profile, textcat=False).version, other.version]


def test_more_items_than_a_batch_are_all_analysed_in_order(store: Store, settings: Settings,
                                                           profile: Profile) -> None:
    ids = [save(store, f"{CHATTER} ({n})", n) for n in range(ANALYSE_BATCH + 3)]

    result = analyse_new(settings.with_overrides({"analysis.textcat": False}), store, profile)

    assert result.analysed == len(ids)
    assert [f["item_id"] for f in findings(store)] == ids


def test_an_item_the_analyser_cannot_read_is_reported_and_the_others_are_analysed(
        store: Store, settings: Settings, profile: Profile, monkeypatch: pytest.MonkeyPatch) -> None:
    bad, good = save(store, "this one breaks the analyser", 1), save(store, THREAT, 2)
    real_analyse = Analyser.analyse

    def fragile(self: Analyser, item: dict[str, Any]) -> dict[str, Any]:
        if "breaks" in item["text"]:
            raise RuntimeError("analyser fault")
        return real_analyse(self, item)

    def fragile_many(self: Analyser, items: list[dict[str, Any]], batch_size: int = 64) -> list[dict[str, Any]]:
        return [fragile(self, item) for item in items]

    monkeypatch.setattr(Analyser, "analyse", fragile)
    monkeypatch.setattr(Analyser, "analyse_many", fragile_many)

    result = analyse_new(settings.with_overrides({"analysis.textcat": False}), store, profile)

    assert result.analysed == 1
    assert [f["item_id"] for f in findings(store)] == [good]
    assert len(result.errors) == 1 and f"item {bad} " in result.errors[0] and "analyser fault" in result.errors[0]
