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
  only right after a title or a known first name, where a name is expected,
  and (v24) a first name one edit away right before that person's surname
  ("Lily Griffiths" for Lili Griffiths);
- URLs in the text split at their punctuation, so "/qe-high-carmarthen/"
  can match the school's names (slugs);
- sentence starts at line breaks, unless the line runs on (no end
  punctuation before the break and a lower-case word after it; (v14) a
  line that opens with a speaker's name, "riss_x: ...", "u/dai_bach: ...",
  "reply: ...", is a reply of its own and never runs on).

Only words of the profile are ever restored (``known``); other words are left
as they are, so nothing here can invent a name that is not in the profile.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import cast

from rapidfuzz.distance import OSA
from spacy.attrs import IDX, IS_ALPHA, IS_SPACE, LENGTH, NORM
from spacy.strings import get_string_id
from spacy.tokens import Doc, Span
from thinc.types import Ints2d

from nlp.terms import fold

LEET = str.maketrans({"0": "o", "1": "i", "3": "e", "4": "a", "5": "s", "7": "t", "@": "a", "$": "s", "!": "i", "|": "l"})
_JUNK = re.compile(r"[.\-_*·•'’^~+]+")
# What may hide a name (see suspect): three searches that each start with a fixed character or set, which re
# scans for quickly; one pattern with three alternatives took four times as long.
_SUSPECT_SYMBOL = re.compile(r"[.\d@$*_!|](?<=[A-Za-z].)(?=[A-Za-z])")
_SUSPECT_SPACED = re.compile(r" (?<=(?<!\S)[A-Za-z] )[A-Za-z] [A-Za-z]")
_SUSPECT_SLASH = re.compile(r"/(?<=\w/)(?=\w)")
_ASCII_WORD_BYTES = bytes(i if chr(i).isalnum() and i < 128 else 32 for i in range(256))  # others -> b" "
_SPACED = re.compile(r"(?<![^\s(\"'])(?:[A-Za-z] ){2,40}[A-Za-z](?![^\s.,!?;:)\"'])")
_URL_PIECES = re.compile(r"[A-Za-z0-9]+|[^A-Za-z0-9]")
_WORDS = re.compile(r"[^\W_]+")
#: v6: a word with digits or symbols only inside it, letters at both ends ("bl0w", "sh00t", "k1ll"; not "any1", "2moro")
_LEET_WORD = re.compile(r"[A-Za-z]+(?:[0-9@$]+[A-Za-z]+)+$")
#: (v9) A word of letters and the digits l33t uses for letters, with at least one of each ("g0nn4", "5h0t", "qu33n").
_LEET_ANY = re.compile(r"(?=.*[A-Za-z].*[A-Za-z])(?=.*[013457])[A-Za-z013457]+$")
#: (v9) A school year or form, which is not l33t: "yr7", "Y10s", "10X", "bl9", "year11".
_SCHOOL_YEAR = re.compile(r"(?:[Yy][Rr]?|[Bb][Ll]|[Yy]ear)?(?:1[0-3]|[1-9])[A-Za-z]?s?$")
LEET_TEXT_MIN = 3  # such words in a text make it written in l33t: then digits at a word's ends are letters too
_END = frozenset(".!?:;…")
#: (v14) A line opening with a speaker's name and a colon: a reply in a retyped chat or comment thread.
_SPEAKER = re.compile(r"[@\w./-]{1,30}[ \t]?:(?:\s|$)")
MAX_URL_PIECES = 120
MIN_FUZZY = 5  # words shorter than this are never matched one edit away
#: (v9) Anglicised spellings of Welsh names: "th" for "dd" ("Prytherch"), "oy" for "wy" ("Lloyd" for "Llwyd").
WELSH_SPELLINGS = (("th", "dd"), ("oy", "wy"))
_HYPHEN = get_string_id("-")
FIRST_PART_MIN = 4  # (v17) the first part of a surname of two this long at least may be found misspelt
CUT_SHORT_OF = 7  # (v9) a profile word this long may be written cut short before a name's last word ("eliz")


TEXT_KEY = "repmon_text"
NORMS_KEY = "repmon_norms"
#: The NORMs of the tokens as the tokenizer made them (before any step changes one), as uint64 bytes; kept by
#: ``nlp.pipeline.SafeTokenizer`` when the text classifier can read them (``keep_first_norms``).
FIRST_NORMS_KEY = "repmon_first_norms"
#: What a raw text can name (:meth:`NameNormaliser.naming`).
NAMES_NOTHING, NAMES_SHORT_ONLY, NAMES_MAYBE = "nothing", "short name only", "maybe"


def text_of(doc: Doc) -> str:
    """``doc.text``, kept in ``doc.user_data`` after the first call: spaCy joins every token's text on each
    ``doc.text``, and merging or splitting tokens (as this pipeline does) never changes the text."""
    text = doc.user_data.get(TEXT_KEY)
    if not isinstance(text, str):
        text = doc.user_data[TEXT_KEY] = doc.text
    return text


def span_text(span: Span) -> str:
    """``span.text`` without making a Token object for each of its words (spaCy's way): a slice of the text."""
    return text_of(span.doc)[span.start_char:span.end_char]


def norms_of(doc: Doc) -> list[int]:
    """The NORM hash of each token: kept in ``doc.user_data`` by the name normaliser, the last component that
    changes a norm (several components read them; spaCy builds a new array on each ``Doc.to_array``)."""
    norms = doc.user_data.get(NORMS_KEY)
    if isinstance(norms, list) and len(norms) == len(doc):
        return norms
    return doc.to_array(NORM).tolist() if len(doc) else []


def keep_norms(doc: Doc) -> Doc:
    """Store the tokens' NORM hashes for :func:`norms_of` (call when no later step changes a norm)."""
    doc.user_data[NORMS_KEY] = doc.to_array(NORM).tolist() if len(doc) else []
    return doc


class NameNormaliser:
    """Restores obfuscated and misspelt profile words in ``Token.norm_``."""

    def __init__(self, words: Iterable[str], titles: Iterable[str], firsts: Iterable[str],
                 exact_only: Iterable[str] = (), extra_triggers: Iterable[str] = (), generic: Iterable[str] = (),
                 core_only: Iterable[str] = (), full_names: Iterable[str] = (), lone_names: Iterable[str] = (),
                 placed_cores: Iterable[tuple[list[str], str]] = (), initials: Iterable[str] = (),
                 core_after: Iterable[str] = (), named_cores: Iterable[str] = (),
                 core_context: Iterable[str] = (), first_surnames: Iterable[tuple[str, str]] = ()) -> None:
        self.known = {w for w in words if len(w) >= 2}
        # (v24) each profile person's first name by the hash of their surname: a first name one edit away right before
        # the surname as written ("Lily Griffiths" for Lili Griffiths) is restored; (v29) a middle name too ("Mrs Wynn
        # Davies" for Eleri Wyn Davies)
        firsts_by_surname: dict[int, set[str]] = {}
        for first, surname in first_surnames:
            if len(first) >= 3 and first.isalpha():
                firsts_by_surname.setdefault(get_string_id(surname), set()).add(first)
        self.firsts_by_surname = {key: tuple(sorted(names)) for key, names in firsts_by_surname.items()}
        self.titles = {t.rstrip(".") for t in titles}
        self.title_words = frozenset(fold(t) for t in self.titles)  # (v7) for the prefilter's misspelt-name check
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
        self.known_hashes = frozenset(get_string_id(w) for w in self.known)
        self.cut_index: dict[str, str | None] = {}  # (v9) the beginnings of long profile words, see cut_short
        for word in self.known:
            if len(word) >= CUT_SHORT_OF and word.isalpha():
                for end in range(4, len(word)):
                    seen = self.cut_index.get(word[:end], word)
                    self.cut_index[word[:end]] = word if seen == word else None  # None: two words begin so
        self.triggers = (self.known - self.titles - set(generic)) | set(extra_triggers)
        self.ascii_triggers = frozenset(w.encode() for w in self.triggers if w.isascii())
        # surnames that may stand alone: a capitalised word of 6+ letters one edit from one ("Beynnon") is restored
        # anywhere; the mention finder still wants the school in the same sentence for it to count
        self.lone_names = frozenset(w for w in lone_names if len(w) >= MIN_FUZZY + 1)
        # (v17) the first parts of surnames of two joined by a hyphen, by the hash of the second ("owen": "ellis")
        first_parts: dict[int, set[str]] = {}
        for name in self.lone_names:
            first, hyphen, second = name.partition("-")
            if hyphen and len(first) >= FIRST_PART_MIN and first.isalpha() and second.isalpha():
                first_parts.setdefault(get_string_id(second), set()).add(first)
        self.first_parts = {key: tuple(sorted(words)) for key, words in first_parts.items()}
        self.cue_norms = self.titles | self.firsts | {t + "." for t in self.titles}  # a misspelt name is looked for after these
        self.cue_hashes = frozenset(get_string_id(w) for w in self.cue_norms)
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
        after = sorted({re.escape(w.rstrip(".")) for w in core_after if w.strip(".")}, key=len, reverse=True)
        if after:  # (v8) the short name with "high school" written short after it ("prince of wales hs")
            placed += [r"[\W_]+".join(re.escape(w) for w in _WORDS.findall(core)) + r"[\W_]+(?:" + "|".join(after) + ")"
                       for _, core in placed_cores if _WORDS.findall(core)]
        placed += [r"[\W_]+".join(re.escape(w) for w in _WORDS.findall(core)) for core in named_cores
                   if _WORDS.findall(core)]  # (v8) "ysgol y frenhines": a school word leads the short name
        self.core_context = frozenset(core_context)  # (v8) a school word beside the short name: the pipeline decides
        self.placed_cores = re.compile(r"(?<![^\W_'])(?:" + "|".join(placed) + r")(?![^\W_])") if placed else None
        self.name_ends = frozenset(n.split()[-1] for n in names if len(n.split()) >= 3) & set(generic)
        # (v20) the words a misspelt word before a name end may be restored to: the school's, not a person's ("anhrefn
        # llwyr yn ffreutur PoW High" is not Miss Llwyd)
        self.school_name_words = frozenset(w for n in names for w in n.split())
        self.name_end_hashes = frozenset(get_string_id(w) for w in self.name_ends)
        # v5 round 3: aliases of a title and an initial ("Mrs P", "Mr B") have no word long enough to be a trigger
        forms = sorted({tuple(_WORDS.findall(i)) for i in initials} - {()}, key=len, reverse=True)
        self.initial_heads = frozenset(words[0] for words in forms)  # a text without one of these has no initials
        self._near_seen: dict[str, str | None] = {}
        self.initials = re.compile(r"(?<![^\W_])(?:" + "|".join(
            r"[\W_]+".join(re.escape(w) for w in words) for words in forms) + r")(?![^\W_])") if forms else None

    def could_name(self, text: str) -> bool:
        """False when ``text`` cannot name the school, its people or places: no profile word in it, and
        nothing obfuscated or URL-like that could hide one. Such a text is not relevant, so the analyser
        answers without running the pipeline (most collected chatter)."""
        return self.naming(text) != NAMES_NOTHING

    def only_short_name(self, text: str) -> bool:
        """True when ``text`` could name the school only by the short name alone ("Queen Elizabeth II visited ..."):
        every profile word in it is a core-name word and no full name or alias is written out."""
        return self.naming(text) == NAMES_SHORT_ONLY

    def naming(self, text: str) -> str:
        """What ``text`` can name, from its raw words: :data:`NAMES_NOTHING` (no profile word, nothing
        obfuscated), :data:`NAMES_SHORT_ONLY` (only words of the school's short name, no full name or alias)
        or :data:`NAMES_MAYBE` (anything else: the pipeline decides)."""
        if not text:
            return NAMES_NOTHING
        if suspect(text):
            return NAMES_MAYBE
        if text.isascii():  # the words once, for the profile's words and the checks below
            folded = text.lower()
            words = _words(folded)
            found = self.triggers.intersection(words)
        else:
            found = self._profile_words(text)
        if found and (not self.core_only or not found <= self.core_only):
            return NAMES_MAYBE
        if not text.isascii():
            folded = fold(text)
            words = _words(folded)
        if (self.initials is not None and not self.initial_heads.isdisjoint(words)
                and self.initials.search(folded)):
            return NAMES_MAYBE  # "mrs p fails my coursework": the pipeline weighs the alias with the setting
        if not found:
            return NAMES_MAYBE if self._misspelt_full_name(words) or self._misspelt_after_title(words) else NAMES_NOTHING
        if self.placed_cores is not None and self.placed_cores.search(folded):
            return NAMES_MAYBE  # v5: the short name placed as a school ("is at Queen Elizabeth")
        if not self.core_context.isdisjoint(words):
            return NAMES_MAYBE  # (v8) with a school word: a threat aimed at it makes it relevant (components)
        if self._misspelt_full_name(words):
            return NAMES_MAYBE
        return NAMES_SHORT_ONLY if self.full_names is None or self.full_names.search(folded) is None else NAMES_MAYBE

    def _misspelt_full_name(self, words: list[str]) -> bool:
        """v5: a full name misspelt one edit a word before its generic last word ("qeen elizabth high"), in the
        words of a folded text."""
        if not self.name_ends or self.name_ends.isdisjoint(words):
            return False
        return any(self._near_memo(word) for word in words)

    def _near_memo(self, word: str) -> str | None:
        """:meth:`near`, remembered per word (the prefilter asks about the same words again and again)."""
        seen = self._near_seen
        if word not in seen:
            if len(seen) > 200_000:
                seen.clear()
            seen[word] = self.near(word)
        return seen[word]

    def _misspelt_after_title(self, words: list[str]) -> bool:
        """(v7) A title and a word one edit from a profile name ("Mrs Pritchart bumps up the marks"): the pipeline
        restores it, so the prefilter must not answer the text first."""
        if self.title_words.isdisjoint(words):
            return False
        return any(words[i] in self.title_words and self._near_memo(words[i + 1]) for i in range(len(words) - 1))

    def _profile_words(self, text: str) -> set[str]:
        """The trigger words in ``text``; ASCII text is split as bytes (twice as quick as a str)."""
        if text.isascii():
            words = text.lower().encode().translate(_ASCII_WORD_BYTES).split()
            return {w.decode() for w in self.ascii_triggers.intersection(words)}
        return self.triggers.intersection(_WORDS.findall(fold(text)))

    def deobfuscate(self, text: str) -> str | None:
        """The profile word hidden in ``text`` ("Pr1tch.ard" -> "pritchard"), or None."""
        if not any(ch.isalpha() for ch in text):
            return None
        candidate = _JUNK.sub("", fold(text)).translate(LEET)
        if candidate == fold(text):
            return None
        if candidate in self.known:
            return candidate
        if candidate.isalpha() and any(ch.isdigit() for ch in text):
            # (v17) a surname in l33t and one edit away, its first letter kept ("pr1dd3rch" -> "prydderch"): the
            # digits say a name is being hidden
            near = self._near_memo(candidate)
            if near is not None and near in self.lone_names and near[0] == candidate[0]:
                return near
        return None

    def near(self, word: str) -> str | None:
        """The one profile word within one edit of ``word`` (insertion, deletion, substitution), or None. (v9) Also a
        Welsh name in its anglicised spelling (``WELSH_SPELLINGS``: "Prytherch" for "Prydderch", "Lloyd" for "Llwyd")."""
        if len(word) < MIN_FUZZY - 1 or word in self.known or not word.isalpha():
            return None
        for english, welsh_spelling in WELSH_SPELLINGS:
            if english in word:
                welsh = word.replace(english, welsh_spelling)
                if welsh in self.known and len(welsh) >= MIN_FUZZY:
                    return welsh
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

    def cut_short(self, word: str) -> str | None:
        """(v9) The one long profile word (``CUT_SHORT_OF`` letters or more) that ``word`` (four letters or more)
        begins, or None: a name written short before its last word ("queen eliz high")."""
        return None if word in self.known else self.cut_index.get(word)

    def __call__(self, doc: Doc) -> Doc:
        text = text_of(doc)
        suspicious = suspect(text)
        if suspicious:
            _split_urls(doc)
            self._merge_spaced(doc)
        if not text.isascii() or "`" in text:
            for token in doc:
                if not token.text.isascii() or "`" in token.text:
                    token.norm_ = fold(token.norm_)
        leet_ends = False
        if suspicious:
            mixed = [token for token in doc if not token.is_alpha and len(token.text) > 2]
            written_in_leet = sum(bool(_LEET_ANY.match(t.text)) and not _SCHOOL_YEAR.match(t.text)
                                  for t in mixed) >= LEET_TEXT_MIN
            if written_in_leet and _merge_leet(doc):  # "g3t" and "5h0t" come out of the tokenizer in two pieces
                mixed = [token for token in doc if not token.is_alpha and len(token.text) > 2]
            for token in mixed:
                found = self.deobfuscate(token.text)
                if found:
                    token.norm_ = found
                elif (_LEET_WORD.match(token.text) or (written_in_leet and _LEET_ANY.match(token.text))) \
                        and not _SCHOOL_YEAR.match(token.text):
                    # (v6) "bl0w", "g0nna", "sh00t": any word, for the cue rules; (v9) in a text written in l33t,
                    # digits at the ends too ("g0nn4 st4y h0m3")
                    token.norm_ = fold(token.text).translate(LEET)
                leet_ends = leet_ends or token.norm_ in self.name_ends  # (v9) "qu33n 3l1z h1gh": restore "eliz" too
        if "@" in text:  # (v6) a name tagged as on Facebook, "@Cai Llewelyn": the name without the "@"
            for token in doc:
                word = token.text
                if len(word) > 2 and word[0] == "@" and word[1:].isalpha() and fold(word[1:]) in self.known:
                    token.norm_ = fold(word[1:])
        words = _words(text.lower())
        cue_after = not self.cue_norms.isdisjoint(words)  # a word after a title or first name...
        ends = bool(self.name_ends) and (leet_ends or not self.name_ends.isdisjoint(words))
        if cue_after or ends or self.lone_names or self.firsts_by_surname:
            self._restore_misspelt(doc, text, cue_after, ends)
        return doc

    def _restore_misspelt(self, doc: Doc, text: str, cue_after: bool, ends: bool = False) -> None:
        """Restore misspelt profile words: after a title or first name (when ``cue_after``), before the generic
        last word of a full name (when ``ends``: "qeen elizabth high") and lone surnames.

        Reads each token's norm hash, flags and position from one array, so Token objects are made only for
        the words restored.
        """
        strings = doc.vocab.strings
        tokens = doc.to_array([NORM, IS_ALPHA, IS_SPACE, IDX, LENGTH]).tolist() if len(doc) else []
        norms = [row[0] for row in tokens]
        if cue_after:  # ...may be misspelt
            prev_is_cue = "" in self.cue_norms
            for i, (_, alpha, space, _, _) in enumerate(tokens):
                if space:
                    continue
                if prev_is_cue and alpha and norms[i] not in self.known_hashes:
                    found = self.near(strings[norms[i]])
                    if found:
                        doc[i].norm_ = found
                        norms[i] = get_string_id(found)
                prev_is_cue = norms[i] in self.cue_hashes
        if ends:  # v5: a name word misspelt one edit away up to four words before "high", "school"
            for i, norm in enumerate(norms):
                if norm not in self.name_end_hashes:
                    continue
                for j in range(max(0, i - 4), i):
                    if norms[j] not in self.known_hashes and strings[norms[j]].isalpha():
                        word = strings[norms[j]]
                        found = self.near(word) or self.cut_short(word)
                        if found in self.school_name_words:
                            doc[j].norm_ = found
                            norms[j] = get_string_id(found)
        if self.lone_names:
            for i, (_, alpha, _, start, length) in enumerate(tokens):
                if length > MIN_FUZZY and alpha and norms[i] not in self.known_hashes and text[start].isupper():
                    found = self.near(strings[norms[i]])
                    if found in self.lone_names:
                        doc[i].norm_ = found
                        norms[i] = get_string_id(found)
            if self.first_parts:
                for i in range(len(tokens) - 2):
                    if norms[i + 1] == _HYPHEN and tokens[i][1] and tokens[i][3] + tokens[i][4] == tokens[i + 1][3]:
                        # (v17) the first part of a surname of two misspelt one edit away, even into another profile
                        # word ("Elis-Owen" for Ellis-Owen, though Elis is a pupil's first name)
                        first = self.first_parts.get(norms[i + 2], ())
                        word = strings[norms[i]]
                        found = next((f for f in first if f != word and OSA.distance(word, f, score_cutoff=1) <= 1), None)
                        if found:
                            doc[i].norm_ = found
                            norms[i] = get_string_id(found)
        if self.firsts_by_surname:
            for i in range(len(tokens) - 1):
                firsts = self.firsts_by_surname.get(norms[i + 1])
                if firsts and tokens[i][1] and norms[i] not in self.known_hashes and text[tokens[i][3]].isupper():
                    word = strings[norms[i]]
                    found = next((f for f in firsts if OSA.distance(word, f, score_cutoff=1) <= 1), None)
                    if found:
                        doc[i].norm_ = found
                        norms[i] = get_string_id(found)
        doc.user_data[NORMS_KEY] = norms  # the norms are final here (as keep_norms would read them again)

    def _merge_spaced(self, doc: Doc) -> None:
        spans = []
        for m in _SPACED.finditer(text_of(doc)):
            word = fold(m.group().replace(" ", ""))
            if word in self.known:
                span = doc.char_span(m.start(), m.end())
                if span is not None:
                    spans.append((span, word))
        # (v13) words spaced out are set apart by two spaces ("m i s s  j e n k i n s"): the space between them
        # (a token of its own) goes into the first, so that a title is still next to the name
        spans = [(doc[span.start:span.end + 1], word)
                 if k + 1 < len(spans) and spans[k + 1][0].start == span.end + 1 and doc[span.end].is_space
                 else (span, word) for k, (span, word) in enumerate(spans)]
        if spans:
            with doc.retokenize() as retokenizer:
                for span, word in spans:
                    retokenizer.merge(span, attrs={"NORM": word})


def _merge_leet(doc: Doc) -> bool:
    """(v9) In a text written in l33t, join the pieces the tokenizer made of one word ("g3" + "t", "5h0" + "t"); True
    when any were joined."""
    runs: list[tuple[int, int]] = []
    i = 0
    while i < len(doc):
        j = i
        while j + 1 < len(doc) and not doc[j].whitespace_ and _LEET_ANY.match(doc[i:j + 2].text) \
                and not _SCHOOL_YEAR.match(doc[i:j + 2].text):
            j += 1
        if j > i:
            runs.append((i, j + 1))
        i = j + 1
    if runs:
        with doc.retokenize() as retokenizer:
            for start, end in runs:
                retokenizer.merge(doc[start:end])
    return bool(runs)


def suspect(text: str) -> bool:
    """True when ``text`` has something that may hide a name: a letter, symbol or digit, letter ("B.e.y",
    "Pr1tch"), single letters spaced out ("P r i"), or a word, slash, word (a URL path)."""
    if text.isascii():  # the first two searches as substrings of the text's classes of characters (4x quicker)
        classes = text.encode().translate(_SUSPECT_CLASSES)
        if b"a.a" in classes or classes.startswith(b"a a a") or b" a a a" in classes or b"\ta a a" in classes:
            return True
        return "/" in text and _SUSPECT_SLASH.search(text) is not None
    return bool(_SUSPECT_SYMBOL.search(text) or _SUSPECT_SPACED.search(text)
                or ("/" in text and _SUSPECT_SLASH.search(text)))


def _suspect_class(byte: int) -> int:
    """For :func:`suspect`, an ASCII character's class: "a" a letter, "." a character of ``_SUSPECT_SYMBOL``'s set,
    " " a space, a tab any other white space (``\\s``), "#" anything else."""
    char = chr(byte)
    if byte < 128 and char.isalpha():
        return ord("a")
    if char in ".@$*_!|" or char.isdigit():
        return ord(".")
    if char == " ":
        return ord(" ")
    return ord("\t") if char.isspace() else ord("#")


_SUSPECT_CLASSES = bytes(_suspect_class(i) for i in range(256))


def _words(text: str) -> list[str]:
    """The runs of letters and digits in ``text`` (as ``_WORDS.findall``; quicker for ASCII)."""
    if text.isascii():  # (bytes.translate reads a 256-byte table: quicker than str.translate's dict)
        return text.encode().translate(_ASCII_WORD_BYTES).decode().split()
    return _WORDS.findall(text)


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
    text = text_of(doc)
    if "\n" not in text or doc.has_annotation("DEP"):
        return doc
    starts = []
    for t in doc[:-1]:
        if not (t.is_space and "\n" in t.text):
            continue
        before = doc[t.i - 1].text if t.i > 0 else ""
        after = doc[t.i + 1].text
        runs_on = t.text.count("\n") == 1 and before and before[-1] not in _END and after[:1].islower() \
            and not _SPEAKER.match(text, doc[t.i + 1].idx)
        if not runs_on:
            starts.append(t.i + 1)
    if starts:
        values = doc.to_array("SENT_START")
        values[starts] = 1
        doc.from_array(["SENT_START"], cast(Ints2d, values.reshape(-1, 1)))
    return doc
