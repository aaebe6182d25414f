"""The text classifier: a spaCy ``textcat_multilabel`` trained from ``nlp/corpus/`` by :mod:`nlp.train`.

Interface (kept stable; the analyser's ``repmon_textcat`` component in ``nlp.components`` calls it)::

    from nlp.textcat import CATEGORIES, load_classifier

    clf = load_classifier()            # None when no model is built yet (logs how to build it)
    if clf is not None:
        clf.predict(["text", ...])     # -> [{"threat": 0.97, "harassment": 0.02, ...}, ...]
        clf.version                    # "textcat-v1+<corpus digest>", store it with findings

- ``load_classifier(path=None) -> Classifier | None``: ``path`` defaults to
  ``nlp/model/textcat`` (git-ignored, built by ``make venv``).
- ``Classifier.predict(texts: list[str]) -> list[dict[str, float]]``: one dict
  per text with a probability (0-1) for each of the six contract categories
  (``CATEGORIES``); ``THRESHOLD`` (0.5) is the cut the reported scores use.
  Empty texts score 0.0 everywhere; only the first ``MAX_CHARS`` characters
  of a text are read.

Building it: ``.venv/bin/python -m nlp.train`` (see :mod:`nlp.train` and
docs/analysis.md, "Text classifier").
"""

from __future__ import annotations

import json
import logging
import re
from pathlib import Path
from typing import Any

from nlp.lexicon import CATEGORIES
from repmon.errors import RepmonError

__all__ = ["CATEGORIES", "THRESHOLD", "Classifier", "TextcatError", "load_classifier"]

log = logging.getLogger(__name__)

TEXTCAT_VERSION = "textcat-v1"
THRESHOLD = 0.5
MAX_CHARS = 5000
MODEL_DIR = Path(__file__).resolve().parent / "model" / "textcat"
INFO_FILE = "repmon-textcat.json"      # written last: its presence means the model is complete
BUILD_HINT = "build it with `make venv` or `.venv/bin/python -m nlp.train`"

_LONG_RUN = re.compile(r"(\S{100})(?=\S)")


class TextcatError(RepmonError):
    """The corpus or the trained classifier cannot be used."""


def prepare(text: str) -> str:
    """What the model reads: the start of the text, long unbroken runs split (the tokenizer is slow on those)."""
    return _LONG_RUN.sub(r"\1 ", text[:MAX_CHARS])


class Classifier:
    """A trained pipeline: ``predict(texts)`` gives each text a probability per category."""

    def __init__(self, nlp: Any, info: dict[str, Any]) -> None:
        self.nlp = nlp
        self.info = info
        self.version: str = str(info.get("version", TEXTCAT_VERSION))
        self.categories: tuple[str, ...] = CATEGORIES

    def predict(self, texts: list[str], batch_size: int = 128) -> list[dict[str, float]]:
        prepared = [prepare(t) if isinstance(t, str) else "" for t in texts]
        empty = {c: 0.0 for c in CATEGORIES}
        out: list[dict[str, float]] = [dict(empty) for _ in prepared]
        todo = [i for i, t in enumerate(prepared) if t.strip()]
        docs = self.nlp.pipe((prepared[i] for i in todo), batch_size=batch_size)
        for i, doc in zip(todo, docs):
            out[i] = {c: round(float(doc.cats.get(c, 0.0)), 4) for c in CATEGORIES}
        return out


def load_classifier(path: Path | str | None = None) -> Classifier | None:
    """The trained classifier at ``path`` (default ``nlp/model/textcat``), or None when none is built."""
    import spacy

    where = Path(path) if path is not None else MODEL_DIR
    info_path = where / INFO_FILE
    if not info_path.exists():
        log.warning("no text classifier at %s; %s", where, BUILD_HINT)
        return None
    try:
        info = json.loads(info_path.read_text(encoding="utf-8"))
        nlp = spacy.load(where)
    except Exception as exc:   # a model from another spaCy version, or damaged files
        raise TextcatError(f"{where}: the text classifier cannot be loaded ({exc}); rebuild it: {BUILD_HINT}.") from exc
    if "textcat_multilabel" not in nlp.pipe_names:
        raise TextcatError(f"{where}: not a text classifier (no textcat_multilabel); rebuild it: {BUILD_HINT}.")
    return Classifier(nlp, info)


def __getattr__(name: str) -> Any:
    """``nlp.textcat.train`` (and ``evaluate``, ``load_corpus``): training lives in :mod:`nlp.train`."""
    if name in ("train", "evaluate", "load_corpus"):
        from nlp import train as training

        return getattr(training, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
