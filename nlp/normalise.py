"""Undo the ways people bend names, without changing the text.

Run first in the pipeline (the ``repmon_normalise`` component). Every change
is to ``Token.norm_`` or to token boundaries, never to the characters, so
character offsets into the original text stay valid:

- folding: lower case, no accents, no zero-width or direction marks, straight
  quotes (:func:`nlp.terms.fold`);
- obfuscation of profile names: inserted dots or symbols ("B.e.y.n.o.n",
  "Q.E.H.S."), look-alike digits ("Pr1tchard", "H0wells") and letters
  spaced out ("P r i t c h a r d", merged into one token);
- misspellings of profile names one edit away ("Prydderh", "Pritchad"), but
  only right after a title or a known first name, where a name is expected;
- URLs in the text split at their punctuation, so "/qe-high-carmarthen/"
  can match the school's names (slugs);
- sentence starts at line breaks, unless the line runs on (no end
  punctuation before the break and a lower-case word after it).

Only words of the profile are ever restored (``known``); other words are left
as they are, so nothing here can invent a name that is not in the profile.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import cast

from spacy.tokens import Doc
from thinc.types import Ints2d

from nlp.terms import fold

LEET = str.maketrans({"0": "o", "1": "i", "3": "e", "4": "a", "5": "s", "7": "t", "@": "a", "$": "s", "!": "i", "|": "l"})
_JUNK = re.compile(r"[.\-_*·•'’^~+]+")
_SUSPECT = re.compile(r"[A-Za-z][.\d@$*_!|][A-Za-z]|(?<!\S)[A-Za-z] [A-Za-z] [A-Za-z]|\w/\w")
_SPACED = re.compile(r"(?<![^\s(\"'])(?:[A-Za-z] ){2,40}[A-Za-z](?![^\s.,!?;:)\"'])")
_URL_PIECES = re.compile(r"[A-Za-z0-9]+|[^A-Za-z0-9]")
_WORDS = re.compile(r"[^\W_]+")
_END = frozenset(".!?:;…")
MAX_URL_PIECES = 120
MIN_FUZZY = 5  # words shorter than this are never matched one edit away


TEXT_KEY = "repmon_text"


def text_of(doc: Doc) -> str:
    """``doc.text``, kept in ``doc.user_data`` after the first call: spaCy joins every token's text on each
    ``doc.text``, and merging or splitting tokens (as this pipeline does) never changes the text."""
    text = doc.user_data.get(TEXT_KEY)
    if not isinstance(text, str):
        text = doc.user_data[TEXT_KEY] = doc.text
    return text


class NameNormaliser:
    """Restores obfuscated and misspelt profile words in ``Token.norm_``."""

    def __init__(self, words: Iterable[str], titles: Iterable[str], firsts: Iterable[str],
                 exact_only: Iterable[str] = (), extra_triggers: Iterable[str] = (), generic: Iterable[str] = (),
                 core_only: Iterable[str] = (), full_names: Iterable[str] = (), lone_names: Iterable[str] = (),
                 placed_cores: Iterable[tuple[list[str], str]] = ()) -> None:
        self.known = {w for w in words if len(w) >= 2}
        self.titles = {t.rstrip(".") for t in titles}
        self.firsts = set(firsts)
        self.index: dict[str, str | None] = {}
        for word in self.known:
            if len(word) < MIN_FUZZY or not word.isalpha():
                continue
            for variant in {word[:i] + word[i + 1:] for i in range(len(word))}:
                if variant in self.known:
                    continue
                seen = self.index.get(variant, word)
                self.index[variant] = word if seen == word else None  # None: two names are one edit from it
        self.known |= set(exact_only)  # matched as written (mutated forms), never the target of a fuzzy match
        self.triggers = (self.known - self.titles - set(generic)) | set(extra_triggers)
        # surnames that may stand alone: a capitalised word of 6+ letters one edit from one ("Beynnon") is restored
        # anywhere; the mention finder still wants the school in the same sentence for it to count
        self.lone_names = frozenset(w for w in lone_names if len(w) >= MIN_FUZZY + 1)
        self.cue_norms = self.titles | self.firsts | {t + "." for t in self.titles}  # a misspelt name is looked for after these
        # Words of the school's short (core) name that nothing else in the profile uses ("queen", "elizabeth"), and
        # one pattern for its full names and aliases written out: a text whose only profile words are core words,
        # with no full name, can at most use the short name alone, which never makes an item relevant.
        self.core_only = frozenset(core_only) & self.triggers
        names = sorted({n for n in full_names if n.strip()}, key=len, reverse=True)
        self.full_names = re.compile(r"(?<![^\W_])(?:" + "|".join(
            r"[\W_]+".join(re.escape(w) for w in _WORDS.findall(n)) for n in names if _WORDS.findall(n)) + r")(?![^\W_])"
        ) if names else None
        # v5: the short name placed as a school ("is at Queen Elizabeth", "yn Ysgol y Frenhines"), which the
        # pipeline then weighs with the text's school setting; and the generic last words of full names ("high",
        # "school"), before which a misspelt name word is restored ("qeen elizabth high")
        placed = [r"(?:" + "|".join(re.escape(w) for w in before) + r")[\W_]+" + r"[\W_]+".join(
            re.escape(w) for w in _WORDS.findall(core)) for before, core in placed_cores if _WORDS.findall(core)]
        self.placed_cores = re.compile(r"(?<![^\W_'])(?:" + "|".join(placed) + r")(?![^\W_])") if placed else None
        self.name_ends = frozenset(n.split()[-1] for n in names if len(n.split()) >= 3) & set(generic)

    def could_name(self, text: str) -> bool:
        """False when ``text`` cannot name the school, its people or places: no profile word in it, and
        nothing obfuscated or URL-like that could hide one. Such a text is not relevant, so the analyser
        answers without running the pipeline (most collected chatter)."""
        if not text or _SUSPECT.search(text):
            return bool(text)
        folded = text.lower() if text.isascii() else fold(text)
        words = _WORDS.findall(folded)
        if not self.triggers.isdisjoint(words):
            return True
        return bool(self.name_ends.intersection(words)) and any(self.near(w) for w in words)  # "qeen elizabth high"

    def only_short_name(self, text: str) -> bool:
        """True when ``text`` could name the school only by the short name alone ("Queen Elizabeth II visited ..."):
        every profile word in it is a core-name word and no full name or alias is written out."""
        if not self.core_only or not text or _SUSPECT.search(text):
            return False
        folded = text.lower() if text.isascii() else fold(text)
        found = self.triggers.intersection(_WORDS.findall(folded))
        if not found or not found <= self.core_only:
            return False
        if self.placed_cores is not None and self.placed_cores.search(folded):
            return False
        words = _WORDS.findall(folded)
        if self.name_ends.intersection(words) and any(self.near(w) for w in words):
            return False  # a full name misspelt ("prince of wails high")
        return self.full_names is None or self.full_names.search(folded) is None

    def deobfuscate(self, text: str) -> str | None:
        """The profile word hidden in ``text`` ("Pr1tch.ard" -> "pritchard"), or None."""
        if not any(ch.isalpha() for ch in text):
            return None
        candidate = _JUNK.sub("", fold(text)).translate(LEET)
        return candidate if candidate in self.known and candidate != fold(text) else None

    def near(self, word: str) -> str | None:
        """The one profile word within one edit of ``word`` (insertion, deletion, substitution), or None."""
        if len(word) < MIN_FUZZY - 1 or word in self.known or not word.isalpha():
            return None
        found: set[str] = set()
        hit = self.index.get(word)
        if hit:
            found.add(hit)
        elif word in self.index:
            return None
        for i in range(len(word)):
            variant = word[:i] + word[i + 1:]
            if variant in self.known and len(variant) >= MIN_FUZZY:
                found.add(variant)
            elif self.index.get(variant):
                found.add(self.index[variant])  # type: ignore[arg-type]
        return found.pop() if len(found) == 1 else None

    def __call__(self, doc: Doc) -> Doc:
        text = text_of(doc)
        suspect = _SUSPECT.search(text) is not None
        if suspect:
            _split_urls(doc)
            self._merge_spaced(doc)
        if not text.isascii() or "`" in text:
            for token in doc:
                if not token.text.isascii() or "`" in token.text:
                    token.norm_ = fold(token.norm_)
        if suspect:
            for token in doc:
                if not token.is_alpha and len(token.text) > 2:
                    found = self.deobfuscate(token.text)
                    if found:
                        token.norm_ = found
        if not self.cue_norms.isdisjoint(_WORDS.findall(text.lower())):  # a word after a title or first name may be misspelt
            cues = self.cue_norms
            prev = ""
            for token in doc:
                if token.is_space:
                    continue
                norm = token.norm_
                if prev in cues and token.is_alpha and norm not in self.known:
                    found = self.near(norm)
                    if found:
                        token.norm_ = norm = found
                prev = norm
        if self.name_ends and not self.name_ends.isdisjoint(_WORDS.findall(text.lower())):
            for token in doc:  # v5: a name word misspelt one edit away before "high", "school" ("qeen elizabth high")
                if token.norm_ in self.name_ends:
                    for before in doc[max(0, token.i - 4): token.i]:
                        if before.is_alpha and before.norm_ not in self.known:
                            found = self.near(before.norm_)
                            if found:
                                before.norm_ = found
        if self.lone_names:
            for token in doc:
                text = token.text
                if len(text) > MIN_FUZZY and text[0].isupper() and token.is_alpha and token.norm_ not in self.known:
                    found = self.near(token.norm_)
                    if found in self.lone_names:
                        token.norm_ = found
        return doc

    def _merge_spaced(self, doc: Doc) -> None:
        spans = []
        for m in _SPACED.finditer(text_of(doc)):
            word = fold(m.group().replace(" ", ""))
            if word in self.known:
                span = doc.char_span(m.start(), m.end())
                if span is not None:
                    spans.append((span, word))
        if spans:
            with doc.retokenize() as retokenizer:
                for span, word in spans:
                    retokenizer.merge(span, attrs={"NORM": word})


def _split_urls(doc: Doc) -> None:
    """Cut the path of URL-like tokens at its punctuation ("example.org/qe-high" -> "example.org", "/", "qe", "-", "high")."""
    todo = [t for t in doc if "/" in t.text and len(t.text) > 3 and not t.is_space]
    if not todo:
        return
    with doc.retokenize() as retokenizer:
        for token in todo:
            text = token.text
            scheme = text.find("://")
            cut = text.find("/", scheme + 3 if scheme >= 0 else 0)
            if cut <= 0:
                continue
            pieces = [text[:cut]] + _URL_PIECES.findall(text[cut:])  # the host stays whole: only the path has slugs
            if 1 < len(pieces) <= MAX_URL_PIECES and "".join(pieces) == text:
                retokenizer.split(token, pieces, heads=[(token, 0)] * len(pieces))


def fold_only(doc: Doc) -> Doc:
    """Folding alone (for the profile's own phrases, which are never obfuscated)."""
    for token in doc:
        text = token.text
        if not text.isascii() or "`" in text:
            token.norm_ = fold(token.norm_)
    return doc


def line_break_sentences(doc: Doc) -> Doc:
    """Start a sentence after a line break, unless the line runs on into a lower-case word.

    Skipped when a parser has set sentence boundaries. Written as one array:
    setting ``Token.is_sent_start`` token by token re-checks the Doc each time.
    """
    if "\n" not in text_of(doc) or doc.has_annotation("DEP"):
        return doc
    starts = []
    for t in doc[:-1]:
        if not (t.is_space and "\n" in t.text):
            continue
        before = doc[t.i - 1].text if t.i > 0 else ""
        after = doc[t.i + 1].text
        runs_on = t.text.count("\n") == 1 and before and before[-1] not in _END and after[:1].islower()
        if not runs_on:
            starts.append(t.i + 1)
    if starts:
        values = doc.to_array("SENT_START")
        values[starts] = 1
        doc.from_array(["SENT_START"], cast(Ints2d, values.reshape(-1, 1)))
    return doc
