"""Which token-Matcher rules can match a text at all, from the words in it.

spaCy's ``Matcher`` makes a Token object and calls a Python predicate (for
``{"NORM": {"IN": [...]}}``) at every token for every pattern, so it is the
slowest step of the pipeline. A pattern can only match a text that has, for
each token of the pattern that must be there (no ``OP``, or ``"+"``) and
takes a ``NORM`` from a list, one word of that list. :class:`PatternGate`
keeps those lists for each rule and answers, from the set of NORM values
in a Doc (:func:`doc_norms`), which rules can match; the Matcher then runs
with those rules alone, or not at all. The matches are the same.

:class:`GatedMatcher` (the cue rules and their parts) gates on the LOWER,
ORTH (TEXT) and SHAPE words of a pattern too (:func:`doc_words`), and runs a
pattern only when each two side-by-side tokens it needs (no ``OP``, a NORM
from a list) are side by side in the text. A pattern left out cannot match,
so the others' matches come in the order one Matcher with every rule gives.

The Matcher tests an ``IN`` list by calling a Python predicate for each
token, and building one with such lists takes ~90 µs a pattern (a hash of
every word). A :class:`GatedMatcher` therefore writes each ``IN`` list of
the patterns it runs down to the words of it that are in the text: one word
becomes a plain value, which the Matcher compares in C; none becomes a word
the text does not have. A token of the text takes a value from the list if
and only if it takes one from what is left, so the matches are the same.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from spacy.attrs import LOWER, ORTH, SHAPE
from spacy.matcher import Matcher
from spacy.tokens import Doc
from spacy.vocab import Vocab

from nlp.normalise import norms_of

Pattern = Iterable[dict[str, Any]]
#: For one pattern: a set of NORM hashes for each token it must have (one word of each set must be in the text).
Needs = tuple[frozenset[int], ...]


def doc_norms(doc: Doc) -> set[int]:
    """The NORM hashes of the doc's tokens (no Token objects)."""
    return set(norms_of(doc))


def doc_words(doc: Doc) -> set[int]:
    """The NORM, LOWER, ORTH and SHAPE hashes of the doc's tokens in one set, for a gate on all of them
    (``PatternGate(attrs=GATE_ATTRS)``; a word of one attribute taken for another only lets a rule run)."""
    return words_and_norms(doc)[0]


def words_and_norms(doc: Doc) -> tuple[set[int], list[int]]:
    """:func:`doc_words`, and the NORM hash of each token (as the Matcher reads them now: :func:`norms_of`).

    The LOWER, ORTH and SHAPE hashes are the lexemes' (no step changes a token's lexeme after the name normaliser):
    read once per Doc and kept, so the evidence and cue steps read one array between them."""
    if not len(doc):
        return set(), []
    kept = doc.user_data.get(LEXEME_WORDS_KEY)
    if not (isinstance(kept, tuple) and kept[0] == len(doc)):
        kept = doc.user_data[LEXEME_WORDS_KEY] = (len(doc), frozenset(doc.to_array([LOWER, ORTH, SHAPE]).ravel().tolist()))
    norms = norms_of(doc)
    words = set(norms)
    words.update(kept[1])
    return words, norms


#: Where :func:`words_and_norms` keeps a Doc's LOWER, ORTH and SHAPE hashes (with its length).
LEXEME_WORDS_KEY = "repmon_lexeme_words"


#: For one pattern: the NORM word sets of each two tokens next to each other that a match must have.
Pairs = tuple[tuple[frozenset[int], frozenset[int]], ...]


def pattern_pairs(vocab: Vocab, pattern: Pattern) -> Pairs:
    """The NORM word sets of each two tokens of ``pattern`` that a match must have side by side: both tokens
    without ``OP`` and taking a NORM from a list (or a single word)."""
    sets: list[frozenset[int] | None] = []
    for token in pattern:
        norm = token.get("NORM")
        words = {norm} if isinstance(norm, str) else set(norm["IN"]) \
            if isinstance(norm, dict) and set(norm) == {"IN"} and isinstance(norm["IN"], list) else None
        usable = "OP" not in token and words and all(isinstance(w, str) for w in words)
        sets.append(frozenset(vocab.strings.add(w) for w in words) if usable and words else None)
    return tuple((a, b) for a, b in zip(sets, sets[1:]) if a is not None and b is not None)


def has_pair(norms: list[int], first: frozenset[int], second: frozenset[int]) -> bool:
    """Whether a token with a NORM in ``first`` is followed by one with a NORM in ``second``."""
    for a, b in zip(norms, norms[1:]):
        if a in first and b in second:
            return True
    return False


#: The token attributes a :class:`GatedMatcher` gates on (:func:`doc_words` holds their words; TEXT is ORTH).
GATE_ATTRS = ("NORM", "LOWER", "ORTH", "TEXT", "SHAPE")


def pattern_needs(vocab: Vocab, pattern: Pattern, attrs: tuple[str, ...] = ("NORM",)) -> Needs:
    """The word sets of the tokens a match of ``pattern`` must have, smallest first: for each token that must be
    there, a set for each of ``attrs`` that it takes from a list (or a single word)."""
    needs = []
    for token in pattern:
        if token.get("OP", "1") not in ("1", "+"):
            continue
        for attr in attrs:
            value = token.get(attr)
            words = {value} if isinstance(value, str) else set(value.get("IN", ())) \
                if isinstance(value, dict) and set(value) == {"IN"} else None
            if words and all(isinstance(w, str) for w in words):
                needs.append(frozenset(vocab.strings.add(w) for w in words))
    return tuple(sorted(needs, key=len))


#: How many answers a :class:`PatternGate` keeps (by the set of a text's words that some pattern needs).
ANSWERS_KEPT = 4096


class PatternGate:
    """The rules (each a list of Matcher patterns) that can match a text, in the order they were added."""

    def __init__(self, vocab: Vocab, attrs: tuple[str, ...] = ("NORM",)) -> None:
        """``attrs``: the token attributes whose words the texts' sets hold (NORM: :func:`doc_norms`)."""
        self.vocab = vocab
        self.attrs = attrs
        self.rules: list[str] = []
        self.always: set[int] = set()  # rules with a pattern that needs no particular word
        self.patterns: list[tuple[int, Needs]] = []  # (rule, needs) of each pattern that needs words...
        self.by_word: dict[int, list[int]] = {}  # ...indexed by the words of its smallest set (NORM hash -> patterns)
        self.words: set[int] = set()  # every word any pattern needs: the answer depends on a text's words among them
        self.answers: dict[frozenset[int], tuple[str, ...]] = {}  # (memo, by those words)

    def add(self, rule_id: str, patterns: Iterable[Pattern]) -> None:
        rule = len(self.rules)
        self.rules.append(rule_id)
        for pattern in patterns:
            needs = pattern_needs(self.vocab, pattern, self.attrs)
            if not needs:
                self.always.add(rule)
                continue
            self.patterns.append((rule, needs))
            self.words.update(*needs)
            self.answers.clear()
            for word in needs[0]:
                self.by_word.setdefault(word, []).append(len(self.patterns) - 1)

    def possible(self, norms: set[int]) -> tuple[str, ...]:
        """The ids of the rules that can match a text with these NORM hashes (or the words of ``attrs``)."""
        key = frozenset(self.words.intersection(norms))
        answer = self.answers.get(key)
        if answer is None:
            if len(self.answers) >= ANSWERS_KEPT:
                self.answers.clear()
            answer = self.answers[key] = self._possible(key)
        return answer

    def _possible(self, norms: frozenset[int]) -> tuple[str, ...]:
        viable = set(self.always)
        for word in self.by_word.keys() & norms:
            for index in self.by_word[word]:
                rule, needs = self.patterns[index]
                if rule in viable:
                    continue
                for words in needs[1:]:  # (its smallest set has this word)
                    if words.isdisjoint(norms):
                        break
                else:
                    viable.add(rule)
        return tuple(self.rules[i] for i in sorted(viable))


class GatedMatcher:
    """A token Matcher that runs, on each Doc, only the rules that can match it (see :class:`PatternGate`), with a
    Matcher cached for each set of such rules. Its matches are those of one Matcher holding every rule, in the
    order that Matcher would give for the same rules; the rules are never greedy."""

    def __init__(self, vocab: Vocab, cache_size: int = 1024) -> None:
        self.vocab = vocab
        self.gate = PatternGate(vocab, GATE_ATTRS)
        self.patterns: dict[str, tuple[str, list[list[dict[str, Any]]]]] = {}  # gate id -> (match key, patterns)
        self.pairs: dict[str, list[Pairs]] = {}  # gate id -> each pattern's pairs (see pattern_pairs)
        self.lists: dict[str, list[list[dict[str, frozenset[int]]]]] = {}  # gate id -> listed_words of each token
        self.listed: dict[str, frozenset[int]] = {}  # gate id -> all those words
        #: (rules and patterns run, the words of their IN lists in the text, the absent word) -> Matcher
        self.matchers: dict[tuple[tuple[tuple[str, tuple[int, ...]], ...], frozenset[int], str | None], Matcher] = {}
        self.absent_hashes = tuple(vocab.strings.add(word) for word in ABSENT_WORDS)
        self.every: dict[str, tuple[int, ...]] = {}  # gate id -> the index of each of its patterns
        self.paired: dict[str, bool] = {}  # gate id -> whether a pattern of it has pairs
        self.listed_by_rules: dict[tuple[str, ...], frozenset[int]] = {}  # the words of the IN lists of these rules
        self.cache_size = cache_size

    def add(self, key: str, patterns: Iterable[Pattern], gate_id: str | None = None) -> None:
        """Add ``patterns`` under the match ``key``; ``gate_id`` (default ``key``) names them in the gate when
        one key is added more than once."""
        kept = [list(p) for p in patterns]
        gate_id = key if gate_id is None else gate_id
        self.patterns[gate_id] = (key, kept)
        self.pairs[gate_id] = [pattern_pairs(self.vocab, p) for p in kept]
        self.every[gate_id] = tuple(range(len(kept)))
        self.paired[gate_id] = any(self.pairs[gate_id])
        self.listed_by_rules.clear()
        self.lists[gate_id] = [[listed_words(self.vocab, token) for token in p] for p in kept]
        self.listed[gate_id] = frozenset(w for p in self.lists[gate_id] for token in p for words in token.values()
                                         for w in words)
        self.gate.add(gate_id, kept)

    def matcher_for(self, words: set[int], norms: list[int] | None = None) -> Matcher | None:
        """A Matcher with only the rules that can match a text with these :func:`doc_words`, or None when none can;
        given the text's ``norms`` (:func:`words_and_norms`), only the patterns whose pairs of words side by side
        are in it. Dropping a pattern that cannot match leaves the others' matches, and their order, as they were."""
        possible = self.gate.possible(words)
        active: list[tuple[str, tuple[int, ...]]] = []
        for gate_id in possible:
            every = self.every[gate_id]
            if norms is None or not self.paired[gate_id]:
                chosen = every
            else:
                pairs = self.pairs[gate_id]
                chosen = tuple(j for j in every if all(has_pair(norms, a, b) for a, b in pairs[j]))
            if chosen:
                active.append((gate_id, chosen))
        if not active:
            return None
        selection = tuple(active)
        # ``words`` holds every word of the text, so the IN lists can be cut down to those in it (module docstring)
        listed = self.listed_by_rules.get(possible)
        if listed is None:
            if len(self.listed_by_rules) >= ANSWERS_KEPT:
                self.listed_by_rules.clear()
            listed = self.listed_by_rules[possible] = frozenset().union(*(self.listed[gate_id] for gate_id in possible))
        present = listed.intersection(words)
        first, second = self.absent_hashes
        absent = ABSENT_WORDS[0] if first not in words else ABSENT_WORDS[1] if second not in words else None
        matcher = self.matchers.get((selection, present, absent))
        if matcher is None:
            if len(self.matchers) >= self.cache_size:
                self.matchers.clear()
            matcher = Matcher(self.vocab)
            for gate_id, chosen in selection:
                key, patterns = self.patterns[gate_id]
                matcher.add(key, [[self._cut(token, lists, present, absent)
                                   for token, lists in zip(patterns[j], self.lists[gate_id][j])] for j in chosen])
            self.matchers[(selection, present, absent)] = matcher
        return matcher

    def _cut(self, token: dict[str, Any], listed: dict[str, frozenset[int]], present: frozenset[int],
             absent: str | None) -> dict[str, Any]:
        """``token`` with each IN list of words (``listed``) cut down to the ``present`` ones: one word as a plain
        value."""
        if not listed:
            return token
        cut = dict(token)
        for attr, words in listed.items():
            kept = sorted(self.vocab.strings[w] for w in words & present)
            if len(kept) > 1:
                cut[attr] = {"IN": kept}
            elif kept:
                cut[attr] = kept[0]
            elif absent is not None:
                cut[attr] = absent
        return cut


#: Words for an IN list none of whose words is in a text (the first the text lacks): such a token matches nothing.
ABSENT_WORDS = ("\x00repmon:none", "\x00repmon:none:2")


def listed_words(vocab: Vocab, token: dict[str, Any]) -> dict[str, frozenset[int]]:
    """The hashes of the words of each IN list of strings in a pattern ``token`` ({"NORM": {"IN": [...]}}) for an
    attribute whose words :func:`doc_words` holds."""
    out = {}
    for attr, value in token.items():
        if attr in GATE_ATTRS and isinstance(value, dict) and set(value) == {"IN"} and isinstance(value["IN"], list) \
                and all(isinstance(w, str) for w in value["IN"]):
            out[attr] = frozenset(vocab.strings.add(w) for w in value["IN"])
    return out
