"""Small readers for analyser results, shared by the tests."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

Analyse = Callable[..., dict[str, Any]]


def flags_of(result: dict[str, Any], category: str) -> list[dict[str, Any]]:
    return [f for f in result["flags"] if f["category"] == category]


def categories(result: dict[str, Any]) -> set[str]:
    return {f["category"] for f in result["flags"]}


def refs(result: dict[str, Any], kind: str | None = None) -> list[str]:
    return [m["ref"] for m in result["mentions"] if kind is None or m["kind"] == kind]


def analyse_text(analyser: Any, text: str) -> dict[str, Any]:
    """One text through ``analyser`` (an :class:`nlp.analyse.Analyser`, e.g. the ``powhs`` fixture's), as an item."""
    return analyser.analyse({"id": "t", "text": text})


class SureClassifier:
    """A stand-in text classifier giving every text the probabilities it was given (the real one: test_textcat.py).
    Set it as the ``repmon_textcat`` pipe's ``classifier`` to test how the analyser combines what it says."""

    version = "textcat-test"

    def __init__(self, probs: dict[str, float]) -> None:
        self.probs = probs

    def predict(self, texts: list[str], batch_size: int = 128) -> list[dict[str, float]]:
        return [dict(self.probs) for _ in texts]


def judged_with(analyser: Any, probs: dict[str, float], text: str) -> set[str]:
    """The categories ``analyser`` (built with ``textcat=True``) gives ``text`` when its classifier says ``probs``."""
    analyser.nlp.get_pipe("repmon_textcat").classifier = SureClassifier(probs)
    return categories(analyser.analyse({"id": "t", "text": text}))


def tiny_corpus(path: Path) -> Path:
    """A corpus folder of 18 examples at ``path``: enough to train a throw-away text classifier in a second."""
    rows = [("I will stab him tomorrow", ["threat"]), ("going to shoot everyone at school", ["threat"]),
            ("she has been cutting herself", ["safeguarding"]), ("he wants to die", ["safeguarding"]),
            ("the teacher is a thief", ["defamatory"]), ("she is an ugly cow", ["harassment"]),
            ("worst school ever", ["disrepute"]), ("lovely concert tonight", []), ("well done to the team", [])] * 2
    path.mkdir()
    with (path / "tiny.jsonl").open("w", encoding="utf-8") as handle:
        for i, (text, labels) in enumerate(rows):
            row = {"text": f"{text} {i}", "labels": labels, "lang": "en", "source_kind": "tweet"}
            handle.write(json.dumps(row) + "\n")
    return path
