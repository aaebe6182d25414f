"""The text classifier: a spaCy ``textcat_multilabel`` trained from ``nlp/corpus/`` by :mod:`nlp.train`.

Interface (kept stable; the analyser's ``repmon_textcat`` component in ``nlp.components`` calls it)::

    from nlp.textcat import CATEGORIES, load_classifier

    clf = load_classifier()            # None when no model is built yet (logs how to build it)
    if clf is not None:
        clf.predict(["text", ...])     # -> [{"threat": 0.97, "harassment": 0.02, ...}, ...]
        clf.version                    # "textcat-v2+<corpus digest>", store it with findings

- ``load_classifier(path=None) -> Classifier | None``: ``path`` defaults to
  ``nlp/model/textcat`` (git-ignored, built by ``make venv``).
- ``Classifier.predict(texts: list[str]) -> list[dict[str, float]]``: one dict
  per text with a probability (0-1) for each of the six contract categories
  (``CATEGORIES``); ``THRESHOLD`` (0.3) is the cut the reported scores use;
  the analyser uses its own cut per category (``classifier_min``).
  Empty texts score 0.0 everywhere; only the first ``MAX_CHARS`` characters
  of a text are read.

The model (``ARCHITECTURE``, :func:`build_word_forms_bow`) is linear over
hashed words, word pairs and word beginnings and endings: about 15 us a
short text on top of the tokenizer.

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

TEXTCAT_VERSION = "textcat-v2"
THRESHOLD = 0.3     # the linear model is cautious: its probabilities for a rare category seldom pass 0.5
MAX_CHARS = 5000
MODEL_DIR = Path(__file__).resolve().parent / "model" / "textcat"
INFO_FILE = "repmon-textcat.json"      # written last: its presence means the model is complete
BUILD_HINT = "build it with `make venv` or `.venv/bin/python -m nlp.train`"

_LONG_RUN = re.compile(r"(\S{100})(?=\S)")
ARCHITECTURE = "repmon.TextCatWordForms.v1"


class TextcatError(RepmonError):
    """The corpus or the trained classifier cannot be used."""


def prepare(text: str) -> str:
    """What the model reads: the start of the text, long unbroken runs split (the tokenizer is slow on those)."""
    return _LONG_RUN.sub(r"\1 ", text[:MAX_CHARS])


def register_architecture() -> None:
    """Make :data:`ARCHITECTURE` known to spaCy's registry (once), so a saved model can be loaded."""
    from spacy import registry

    if ARCHITECTURE not in registry.architectures.get_all():
        registry.architectures.register(ARCHITECTURE, func=build_word_forms_bow)


def build_word_forms_bow(ngram_size: int = 2, prefix: int = 5, suffix: int = 4, binary: bool = False,
                         length: int = 262144, nO: int | None = None) -> Any:
    """A linear model over hashed features of each text, with a logistic output per category.

    The features: the NORM (lower-cased) form of each token and the n-grams of
    those up to ``ngram_size``, plus the first ``prefix`` characters of each
    word (one feature for "threaten", "threatened", "threatening") and its
    last ``suffix`` characters (one for "lladd", "ladd", "nladd": Welsh
    mutations change the start of a word), for words at least that long. A
    sparse linear layer of ``length`` rows reads them (hashed, so unseen
    words cost nothing); ``binary`` counts each feature once per text.
    """
    from spacy.attrs import NORM
    from thinc.api import Logistic, Model, SparseLinear_v2, chain, with_cpu

    features: Any = Model("repmon_word_forms", _word_forms_forward,
                          attrs={"ngram_size": ngram_size, "prefix": prefix, "suffix": suffix, "binary": binary,
                                 "attr": NORM})
    length = 2 ** (length - 1).bit_length()
    linear = SparseLinear_v2(nO=nO, length=length)
    model: Any = chain(with_cpu(chain(features, linear), linear.ops), Logistic())
    if nO is not None:
        model.set_dim("nO", nO)
    model.set_ref("output_layer", linear)
    model.attrs["multi_label"] = True
    return model


_FORMS: dict[tuple[int, int], dict[int, tuple[int, ...]]] = {}   # (prefix, suffix) -> NORM id -> feature keys
_FORMS_MAX = 200_000                                              # words remembered before the cache starts again


def _forms_of(strings: Any, norm: int, prefix: int, suffix: int) -> tuple[int, ...]:
    """The beginning and ending features of one word (none for punctuation and symbols)."""
    from spacy.strings import hash_string  # type: ignore[attr-defined]

    try:
        word = strings[norm]
    except KeyError:
        return ()
    if not any(ch.isalnum() for ch in word):
        return ()
    out = []
    if prefix and len(word) >= prefix:
        out.append(hash_string("<" + word[:prefix]))
    if suffix and len(word) >= suffix:
        out.append(hash_string(">" + word[-suffix:]))
    return tuple(out)


def _word_forms_forward(model: Any, docs: list[Any], is_train: bool) -> tuple[Any, Any]:
    import numpy

    ops = model.ops
    size, prefix, suffix, binary = (model.attrs[k] for k in ("ngram_size", "prefix", "suffix", "binary"))
    cache = _FORMS.setdefault((prefix, suffix), {})
    if len(cache) > _FORMS_MAX:
        cache.clear()
    all_keys, all_vals, lengths = [], [], []
    for doc in docs:
        norms = doc.to_array(model.attrs["attr"])
        parts = [norms] + [ops.ngrams(n, norms) for n in range(2, size + 1)]
        if prefix or suffix:
            forms: list[int] = []
            for norm in norms.tolist():
                got = cache.get(norm)
                if got is None:
                    got = cache[norm] = _forms_of(doc.vocab.strings, norm, prefix, suffix)
                forms.extend(got)
            if forms:
                parts.append(numpy.asarray(forms, dtype="uint64"))
        if binary:
            keys = numpy.unique(numpy.concatenate(parts))
            vals = numpy.ones(keys.shape, dtype="f")
        else:
            keys, counts = numpy.unique(numpy.concatenate(parts), return_counts=True)
            vals = counts.astype("f")
        all_keys.append(keys)
        all_vals.append(vals)
        lengths.append(keys.shape[0])
    keys_out = numpy.concatenate(all_keys) if all_keys else numpy.zeros((0,), dtype="uint64")
    vals_out = numpy.concatenate(all_vals) if all_vals else numpy.zeros((0,), dtype="f")

    def backprop(d_out: Any) -> list[Any]:
        return []

    return (keys_out, vals_out, ops.asarray(lengths, dtype="int32")), backprop


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

    register_architecture()
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
