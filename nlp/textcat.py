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

The context reader (round 12, :data:`CONTEXT_VERSION`) is a second
classifier with the same interface but another model (spaCy's
``TextCatEnsemble.v2``, read through the spaCy pipeline, its matrix products
by numpy in one thread: :func:`_numpy_products`), saved at
:func:`context_dir` and loaded with the same ``load_classifier``; the
analyser reads it only for relevant items nothing has made critical yet.

Building them: ``.venv/bin/python -m nlp.train`` (see :mod:`nlp.train` and
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

__all__ = ["CATEGORIES", "CONTEXT_VERSION", "THRESHOLD", "Classifier", "TextcatError", "context_dir", "load_classifier"]

log = logging.getLogger(__name__)

TEXTCAT_VERSION = "textcat-v2"
#: (round 12) The second reader, trained beside the linear model on the same examples: spaCy's ``TextCatEnsemble.v2`` (a
#: bag of words beside a small CNN over each word's form and its neighbours), which reads wording the linear model
#: has not seen better and costs ten times as much; the analyser reads it only for a relevant item nothing has yet
#: made critical (``nlp.components.ClassifierJudge``). Saved next to the linear model: ``<model folder>-context``.
CONTEXT_VERSION = "textcat-context-v1"
CONTEXT_SUFFIX = "-context"
THRESHOLD = 0.3     # the linear model is cautious: its probabilities for a rare category seldom pass 0.5
MAX_CHARS = 5000
MODEL_DIR = Path(__file__).resolve().parent / "model" / "textcat"
INFO_FILE = "repmon-textcat.json"      # written last: its presence means the model is complete
BUILD_HINT = "build it with `make venv` or `.venv/bin/python -m nlp.train`"

_LONG_RUN = re.compile(r"(\S{100})(?=\S)")
ARCHITECTURE = "repmon.TextCatWordForms.v1"
#: How many threads a model read through the spaCy pipeline (the context reader) may give its matrix products: one, as
#: thinc's own BLIS products run; a second OpenBLAS thread on a 2-CPU machine halves the wall time and doubles the CPU
#: time, taken from the crawl and the web app.
BLAS_THREADS = 1


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


def _forms_cache(prefix: int, suffix: int) -> dict[int, tuple[int, ...]]:
    cache = _FORMS.setdefault((prefix, suffix), {})
    if len(cache) > _FORMS_MAX:
        cache.clear()
    return cache


def _word_forms_forward(model: Any, docs: list[Any], is_train: bool) -> tuple[Any, Any]:
    import numpy

    ops = model.ops
    size, prefix, suffix, binary = (model.attrs[k] for k in ("ngram_size", "prefix", "suffix", "binary"))
    cache = _forms_cache(prefix, suffix)
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


class _BatchReader:
    """The model's probabilities for a batch of Docs, without ``nlp.pipe`` and with the features of the whole batch
    made at once: the same keys as :func:`_word_forms_forward` makes Doc by Doc (each Doc's NORM ids, the hashes of
    its word pairs, the beginnings and endings of its words; sorted, each once), read by the model's own sparse
    linear and logistic layers, so the numbers are the same. The features took two thirds of the classifier's time
    after the tokenizer, mostly in small numpy calls made for each Doc. Only for the model
    :func:`build_word_forms_bow` makes, with ``binary`` features and word pairs (``ngram_size`` 2)."""

    def __init__(self, features: Any, linear: Any, logistic: Any, labels: tuple[str, ...]) -> None:
        self.attrs = features.attrs
        self.ops = features.ops
        self.linear = linear
        self.logistic = logistic
        self.labels = labels

    @classmethod
    def of(cls, nlp: Any) -> "_BatchReader | None":
        """The reader for a pipeline of one ``textcat_multilabel`` with :data:`ARCHITECTURE`'s model, else None."""
        if nlp.pipe_names != ["textcat_multilabel"]:
            return None
        pipe = nlp.get_pipe("textcat_multilabel")
        model = pipe.model
        layers = {node.name: node for node in model.walk()}
        features, linear, logistic = (layers.get(n) for n in ("repmon_word_forms", "sparse_linear", "logistic"))
        if features is None or linear is None or logistic is None or len(model.layers) != 2 \
                or model.layers[1] is not logistic or features.attrs.get("binary") is not True \
                or features.attrs.get("ngram_size") != 2:
            return None
        return cls(features, linear, logistic, tuple(pipe.labels))

    def rows(self, docs: list[Any]) -> list[list[float]]:
        """The probability of each of :attr:`labels` (``doc.cats`` as the pipeline sets them) for each of ``docs``
        (Docs of at least one token)."""
        if not docs:
            return []
        return self.rows_of_norms([doc.to_array(self.attrs["attr"]) for doc in docs], docs[0].vocab.strings)

    def rows_of_norms(self, norms: list[Any], strings: Any) -> list[list[float]]:
        """:meth:`rows` for texts given as the NORM ids of their tokens (uint64 arrays, none empty), with a string
        store that holds those NORMs' strings."""
        import numpy

        if not norms:
            return []
        prefix, suffix = self.attrs["prefix"], self.attrs["suffix"]
        counts = numpy.fromiter((len(n) for n in norms), dtype=numpy.intp, count=len(norms))
        every = numpy.concatenate(norms)
        owner = numpy.repeat(numpy.arange(len(norms)), counts)
        pairs = self.ops.ngrams(2, every)  # the pairs across two Docs are dropped below
        within = owner[:-1] == owner[1:]
        keys, owners = [every, pairs[within]], [owner, owner[:-1][within]]
        if prefix or suffix:
            cache = _forms_cache(prefix, suffix)
            words, where = numpy.unique(every, return_inverse=True)
            got_all = []
            for norm in words.tolist():
                got = cache.get(norm)
                if got is None:
                    got = cache[norm] = _forms_of(strings, norm, prefix, suffix)
                got_all.append(got)
            n_forms = numpy.fromiter((len(g) for g in got_all), dtype=numpy.intp, count=len(got_all))
            first = numpy.fromiter((g[0] if g else 0 for g in got_all), dtype="uint64", count=len(got_all))
            second = numpy.fromiter((g[1] if len(g) > 1 else 0 for g in got_all), dtype="uint64", count=len(got_all))
            per_token = n_forms[where]
            for rank, forms in ((1, first), (2, second)):
                has = per_token >= rank
                keys.append(forms[where][has])
                owners.append(owner[has])
        key = numpy.concatenate(keys)
        doc_of = numpy.concatenate(owners)
        order = numpy.lexsort((key, doc_of))  # by Doc, then by key, as numpy.unique sorts each Doc's keys
        key, doc_of = key[order], doc_of[order]
        new = numpy.ones(len(key), dtype=bool)
        new[1:] = (key[1:] != key[:-1]) | (doc_of[1:] != doc_of[:-1])
        key, doc_of = key[new], doc_of[new]
        lengths = numpy.bincount(doc_of, minlength=len(norms)).astype("int32")
        scores = self.linear.predict((key, numpy.ones(key.shape, dtype="f"), lengths))
        probs = self.logistic.predict(scores)
        return probs.tolist()  # type: ignore[no-any-return]


def _pattern_of(function: Any) -> Any:
    """The regular expression behind a tokenizer's ``prefix_search`` (and the like), else the function itself."""
    owner = getattr(function, "__self__", None)
    return (owner.pattern, owner.flags) if owner is not None and hasattr(owner, "pattern") else function


def _same_function(a: Any, b: Any) -> bool:
    """The same lexeme attribute getter: one object, or partials of one function with equal arguments."""
    if a is b:
        return True
    return all(hasattr(f, "func") for f in (a, b)) and a.func is b.func and a.args == b.args and a.keywords == b.keywords


class _EitherStore:
    """String stores read in turn (the NORM strings of texts tokenized by another tokenizer are in its store)."""

    def __init__(self, *stores: Any) -> None:
        self.stores = stores

    def __getitem__(self, key: int) -> str:
        for store in self.stores:
            try:
                return str(store[key])
            except KeyError:
                continue
        raise KeyError(key)


def _numpy_products(nlp: Any) -> Any:
    """Let numpy (OpenBLAS) make the matrix products of the models in ``nlp``'s pipeline instead of thinc's default
    BLIS: the same model and arithmetic, about four times quicker on this CPU (docs/benchmarks.md, "Speed work on
    rules v21"); the last bits of a product may differ from BLIS's (a probability rounded to four places moved by
    0.0001 for one in about 20,000 on the bench's texts). Returns the controller that keeps OpenBLAS to
    ``BLAS_THREADS`` while a model reads (:meth:`Classifier.predict`)."""
    from thinc.api import NumpyOps
    from threadpoolctl import ThreadpoolController

    ops = NumpyOps(use_blis=False)
    for _, proc in nlp.pipeline:
        model = getattr(proc, "model", None)
        if model is not None:
            for node in model.walk():
                node.ops = ops
    return ThreadpoolController()


class Classifier:
    """A trained pipeline: ``predict(texts)`` gives each text a probability per category.

    ``direct`` (the default): the probabilities are computed from the model's weights without running the spaCy
    pipeline (:class:`_BatchReader`; the same numbers), when the model is one :func:`build_word_forms_bow` makes.
    """

    def __init__(self, nlp: Any, info: dict[str, Any], direct: bool = True) -> None:
        self.nlp = nlp
        self.info = info
        self.version: str = str(info.get("version", TEXTCAT_VERSION))
        self.categories: tuple[str, ...] = CATEGORIES
        self._reader = _BatchReader.of(nlp) if direct else None
        self._threads = _numpy_products(nlp) if self._reader is None else None

    @property
    def direct(self) -> bool:
        """True when :meth:`predict` reads the model's weights without the spaCy pipeline (the same numbers)."""
        return self._reader is not None

    def tokenizes_as(self, tokenizer: Any) -> tuple[str, ...] | None:
        """Whether ``tokenizer`` (a spaCy ``Tokenizer``) makes the same tokens, with the same NORMs, as this
        classifier's own, so that :meth:`predict` may read the NORMs it made (``first_norms``) instead of tokenizing
        the text again: the same rules, affix and URL patterns and NORM lookups, and special cases only added to
        this classifier's. Returns what a text must not hold for its tokens to be the same (the added special cases,
        or "'n"/"’n" when each of them has it, as the pipeline's Welsh ones do), or None when it cannot say so."""
        from spacy.attrs import NORM
        from spacy.tokenizer import Tokenizer

        own = self.nlp.tokenizer
        if self._reader is None or not isinstance(tokenizer, Tokenizer) or not isinstance(own, Tokenizer):
            return None
        for name in ("prefix_search", "suffix_search", "infix_finditer", "token_match", "url_match"):
            if _pattern_of(getattr(own, name)) != _pattern_of(getattr(tokenizer, name)):
                return None
        if own.faster_heuristics != tokenizer.faster_heuristics \
                or any(tokenizer.rules.get(key) != value for key, value in own.rules.items()):
            return None
        ours, theirs = self.nlp.vocab, tokenizer.vocab
        if ours.lang != theirs.lang or ours.lookups.to_bytes() != theirs.lookups.to_bytes() \
                or not _same_function(ours.lex_attr_getters.get(NORM), theirs.lex_attr_getters.get(NORM)):
            return None
        added = sorted(set(tokenizer.rules) - set(own.rules))
        if all("'n" in key or "\u2019n" in key for key in added):
            return ("'n", "\u2019n") if added else ()
        return tuple(added)

    def predict(self, texts: list[str], batch_size: int = 128,
                first_norms: list[tuple[Any, Any] | None] | None = None) -> list[dict[str, float]]:
        """``first_norms`` (with :meth:`tokenizes_as`): for each text, None, or the NORM ids (uint64 array) of the
        tokens another tokenizer made of it and that tokenizer's string store, when :meth:`prepare` leaves the
        text as it is and it holds none of what :meth:`tokenizes_as` returned."""
        prepared = [prepare(t) if isinstance(t, str) else "" for t in texts]
        empty = {c: 0.0 for c in CATEGORIES}
        out: list[dict[str, float]] = [dict(empty) for _ in prepared]
        todo = [i for i, t in enumerate(prepared) if t.strip()]
        if self._reader is not None:
            make_doc, own = self.nlp.make_doc, self.nlp.vocab.strings
            places = [self._reader.labels.index(c) if c in self._reader.labels else -1 for c in CATEGORIES]
            for first in range(0, len(todo), batch_size):
                chunk = todo[first:first + batch_size]
                norms, stores = [], []
                for i in chunk:
                    given = first_norms[i] if first_norms is not None else None
                    if given is None:
                        doc = make_doc(prepared[i])
                        norms.append(doc.to_array(self._reader.attrs["attr"]))
                        stores.append(own)
                    else:
                        norms.append(given[0])
                        stores.append(given[1])
                strings = own if all(store is own for store in stores) else _EitherStore(own, *{id(s): s for s in stores}.values())
                for i, row in zip(chunk, self._reader.rows_of_norms(norms, strings)):
                    out[i] = {c: round(row[j], 4) if j >= 0 else 0.0 for c, j in zip(CATEGORIES, places)}
            return out
        with self._threads.limit(limits=BLAS_THREADS, user_api="blas"):
            docs = list(self.nlp.pipe((prepared[i] for i in todo), batch_size=batch_size))
        for i, doc in zip(todo, docs):
            out[i] = {c: round(float(doc.cats.get(c, 0.0)), 4) for c in CATEGORIES}
        return out


def context_dir(model_dir: Path | str | None = None) -> Path:
    """Where the context reader (:data:`CONTEXT_VERSION`) of the linear model at ``model_dir`` is saved."""
    where = Path(model_dir) if model_dir is not None else MODEL_DIR
    return where.with_name(where.name + CONTEXT_SUFFIX)


def load_classifier(path: Path | str | None = None) -> Classifier | None:
    """The trained classifier at ``path`` (default ``nlp/model/textcat``), or None when none is built.
    Also the context reader at :func:`context_dir`: ``load_classifier(context_dir(path))``."""
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
