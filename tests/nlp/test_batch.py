"""Analyser.analyse_many gives the same results as analyse, item by item; the raw-text prefilter answers at once."""

from __future__ import annotations

from typing import Any

from nlp.analyse import Analyser
from nlp.relevance import SHORT_NAME_ONLY
from repmon.profile import Profile

ITEMS: list[dict[str, Any]] = [
    {"id": "a", "text": "Lovely walk by the river this morning."},
    {"id": "b", "text": "Queen Elizabeth II visited the town in 1955."},
    {"id": "c", "text": "I'm going to stab Mr Beynon at QEHS tomorrow", "title": "QE High"},
    {"id": "d", "text": "Well done to Cai Llewelyn from QE High Carmarthen for the chess title!"},
    {"id": 5, "text": ""},
    {"id": "f", "text": "Queen Elizabeth High School in Hexham won the netball cup."},
]


def test_analyse_many_matches_analyse_item_by_item(analyser: Analyser) -> None:
    assert analyser.analyse_many(ITEMS, batch_size=2) == [analyser.analyse(item) for item in ITEMS]


def test_only_the_short_name_is_answered_without_the_pipeline(analyser: Analyser) -> None:
    result = analyser.analyse(ITEMS[1])
    assert result["relevant"] is False and result["relevance"] == SHORT_NAME_ONLY
    full = analyser.analyse({"id": "g", "text": "Queen Elizabeth High School is the worst, complaints ignored"})
    assert full["relevant"] is True


class _CountingClassifier:
    """A stand-in classifier that records each predict call (the real one is tested in test_textcat.py)."""

    version = "textcat-test"

    def __init__(self) -> None:
        self.calls: list[int] = []

    def predict(self, texts: list[str], batch_size: int = 128) -> list[dict[str, float]]:
        self.calls.append(len(texts))
        return [{"threat": 0.95 if "watch" in t else 0.0} for t in texts]


def test_the_classifier_reads_a_batch_of_relevant_items_in_one_call(example_profile: Profile) -> None:
    analyser = Analyser(example_profile, textcat=True)
    judge: Any = analyser.nlp.get_pipe("repmon_textcat")
    fake = _CountingClassifier()
    judge.classifier = fake
    items: list[dict[str, Any]] = [{"id": i, "text": f"Mr Beynon at QEHS in Carmarthen, {words}"}
             for i, words in enumerate(["watch it", "lovely day", "watch out", "great concert"])] + ITEMS[:2]
    batched = analyser.analyse_many(items, batch_size=8)
    assert fake.calls == [4]  # the four relevant items, one call; the chatter never reaches the classifier
    assert [r["severity"] for r in batched[:4]] == ["critical", "none", "critical", "none"]
    fake.calls.clear()
    assert [analyser.analyse(item) for item in items] == batched and fake.calls == [1, 1, 1, 1]
