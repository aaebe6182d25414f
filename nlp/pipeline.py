"""Build the analysis pipeline for one school profile, once.

``build_pipeline(profile)`` starts from ``spacy.blank("en")`` (no downloaded
model needed). ``base_model`` may name an installed spaCy package (for
example ``"en_core_web_sm"``) when one is configured; its components run
first and the repmon components follow, so a parser's sentence boundaries
are kept. Nothing here requires a model.

The tokenizer is wrapped by :class:`SafeTokenizer`: spaCy's tokenizer takes
quadratic time on one very long run of characters without spaces (10,000
emoji took ~14 s), so such runs are cut into fixed-size tokens. The text is
never changed, so character offsets stay valid.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

import spacy
from spacy.attrs import NORM
from spacy.language import Language
from spacy.tokenizer import Tokenizer
from spacy.tokens import Doc

import nlp.components  # noqa: F401  (registers the factories)
from nlp.components import CATEGORIES_FILE, CUE_FILES, MODIFIERS_FILE, PII_FILE
from nlp.normalise import FIRST_NORMS_KEY, TEXT_KEY
from nlp.terms import profile_terms
from repmon.errors import ConfigError
from repmon.profile import Profile

#: The components run on an item's title and URL words (evidence only, no flags).
CONTEXT_PIPES = ("repmon_normalise", "sentencizer", "repmon_evidence", "repmon_mentions")

MAX_RUN = 100  # characters; a longer run without whitespace is cut into pieces of this size
TOKENIZER_CACHE = 100_000  # (v9) chunks spaCy's tokenizer keeps (see build_pipeline): a few MB at most


def _split_welsh_yn(nlp: Language, terms: dict[str, Any]) -> None:
    """v6: Welsh "'n" (yn) written onto the last word of the school's name or a place ("Ysgol Tywysog Cymru'n
    chwarae", "Caerfyrddin'n") is a token of its own, so that the name still matches; (v11) and onto a person's
    name ("Jacko'n sgorio dwy", "Gethin'n crio"). Only for the profile's own words: "ti'n", "mae hi'n" stay one
    token, as the rules expect."""
    school = terms["school"]
    words = {w for text in [*school["names"], *school["places"]] for w in text.split() if w[-1:].isalpha()}
    words |= {w for person in terms["people"] for form in person["forms"] for w in form["text"].split()
              if len(w) > 2 and w.isalpha()}  # (v11) not "E-O": "Mr E-O'n" is matched as written
    tokenizer: Tokenizer = nlp.tokenizer  # type: ignore[assignment]
    for word in words:
        for form in {word, word.lower()}:
            for mark in ("'", "’"):
                tokenizer.add_special_case(form + mark + "n", [{"ORTH": form}, {"ORTH": mark + "n"}])


class SafeTokenizer:
    """spaCy's tokenizer, with runs of more than ``max_run`` non-space characters cut into pieces."""

    def __init__(self, inner: Callable[[str], Doc], max_run: int = MAX_RUN) -> None:
        self.inner = inner
        self.max_run = max_run
        self.long_run = re.compile(r"\S{" + str(max_run + 1) + ",}")
        self.vocab = inner.vocab  # type: ignore[attr-defined]
        #: keep the NORMs of the tokens of a text the inner tokenizer read whole (``FIRST_NORMS_KEY``): the text
        #: classifier reads them instead of tokenizing the text again (see :func:`build_pipeline`)
        self.keep_first_norms = False

    def __call__(self, text: str) -> Doc:
        doc = self._tokenize(text)
        doc.user_data[TEXT_KEY] = text  # the tokens spell it exactly; see nlp.normalise.text_of
        return doc

    def _tokenize(self, text: str) -> Doc:
        if len(text) <= self.max_run or not self.long_run.search(text):
            doc = self.inner(text)
            if self.keep_first_norms and len(doc):
                doc.user_data[FIRST_NORMS_KEY] = doc.to_array(NORM).tobytes()
            return doc
        words: list[str] = []
        spaces: list[bool] = []
        pos = 0
        for m in self.long_run.finditer(text):
            self._add(text[pos:m.start()], words, spaces)
            run = m.group()
            for i in range(0, len(run), self.max_run):
                words.append(run[i:i + self.max_run])
                spaces.append(False)
            pos = m.end()
            if text.startswith(" ", pos):  # give the single space after the run to its last piece
                spaces[-1] = True
                pos += 1
        self._add(text[pos:], words, spaces)
        return Doc(self.vocab, words=words, spaces=spaces)

    def _add(self, segment: str, words: list[str], spaces: list[bool]) -> None:
        if not segment:
            return
        for token in self.inner(segment):
            words.append(token.text)
            spaces.append(bool(token.whitespace_))

    # spaCy calls these when saving or copying a pipeline; delegate them.
    def __getattr__(self, name: str) -> Any:
        return getattr(self.inner, name)


def build_pipeline(profile: Profile, *, base_model: str | None = None, patterns_dir: str = "",
                   textcat: bool = True, textcat_path: str = "") -> Language:
    """The repmon pipeline for ``profile``; build it once and reuse it for every item.

    ``textcat``: add the trained text classifier (``nlp.textcat``) from
    ``textcat_path`` ("" = its default folder) when one has been built; the
    rules work alone when none has.
    """
    if base_model:
        try:
            nlp = spacy.load(base_model)
        except OSError as exc:
            raise ConfigError(f"spaCy model '{base_model}' is not installed ({exc}); "
                              "install it, or leave the model unset to use the rules alone.") from None
    else:
        nlp = spacy.blank("en")
    # (v9) spaCy's tokenizer caches only its first max_cache_size chunks (10,000 by default); building the pipeline
    # tokenizes thousands of pattern phrases, and with a large profile the posts then found the cache full and every
    # word was split afresh (a fifth of the pipeline's time)
    nlp.tokenizer.max_cache_size = TOKENIZER_CACHE  # type: ignore[union-attr]
    terms = profile_terms(profile, patterns_dir)
    _split_welsh_yn(nlp, terms)
    nlp.tokenizer = SafeTokenizer(nlp.tokenizer)
    nlp.add_pipe("repmon_normalise", config={"terms": terms})
    nlp.add_pipe("repmon_sentences", name="sentencizer")
    nlp.add_pipe("repmon_evidence", config={"terms": terms, "patterns_dir": patterns_dir})
    nlp.add_pipe("repmon_mentions", config={"terms": terms})
    nlp.add_pipe("repmon_relevance")
    nlp.add_pipe("repmon_pii", config={"terms": terms, "patterns_dir": patterns_dir, "pii_file": PII_FILE})
    nlp.add_pipe("repmon_cues", config={"patterns_dir": patterns_dir, "cue_files": CUE_FILES})
    nlp.add_pipe("repmon_flags", config={
        "terms": terms, "patterns_dir": patterns_dir, "cue_files": CUE_FILES,
        "categories_file": CATEGORIES_FILE, "modifiers_file": MODIFIERS_FILE, "pii_file": PII_FILE})
    if textcat:
        judge = nlp.add_pipe("repmon_textcat", config={"terms": terms, "model_path": textcat_path,
                                                       "patterns_dir": patterns_dir, "categories_file": CATEGORIES_FILE})
        nlp.tokenizer.keep_first_norms = getattr(judge, "reads_first_norms", False)  # type: ignore[attr-defined]
    nlp.add_pipe("repmon_severity", config={"patterns_dir": patterns_dir, "categories_file": CATEGORIES_FILE})
    return nlp
