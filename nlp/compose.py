"""Compositional cues (rules v5): a cue that counts only with other kinds of words near it.

A phrase list catches the wording it was written for and little else. A
threat is better described by what it is made of: words of harm ("smash",
"through the window", "dead", "💣", "lladd") *aimed* at someone (you, him,
a named person, the school) with *intent* or a warning ("I'll", "when I
see", "if ... again", "final warning", "dw i'n mynd i"). A cue rule in a
``cues-*-v5.jsonl`` file says so with two fields (``docs/analysis.md``):

- ``needs``: a list of groups of part names; the match counts only when, for
  every group, one of its parts is found in the match's sentence (``scope``
  ``"sentence"``), in it or the sentence either side (``"adjacent"``, the
  default), or anywhere in the text (``"text"``);
- ``unless``: part names whose presence in the same scope cancels the match
  (talk of sport, fiction, a game);
- (v23) ``unless_text`` and ``unless_sentence``: part names whose presence
  anywhere in the text, or in the match's own sentence, cancels the match,
  whatever the scope (a court report, a scare that is over; the topic of a
  talk on online safety). (v25) A match cancelled by ``unless_text`` also keeps the text classifier from adding
  its category on its own (``repmon_framed``; :func:`nlp.flags.with_classifier`): the frame is the text's, not
  the cue's.

Parts are lexicons, kept as data in ``parts-v5.jsonl`` (one JSON object a
line: ``part``, ``phrases`` and/or ``patterns``, optional ``mutate`` for
Welsh initial mutations of each phrase's first word). Four parts come from
what the pipeline already found: ``person`` (a member of staff or a pupil
named), ``staff``, ``pupil`` and ``school`` (the school named anywhere in the
text, or a ``school_ref`` word such as "school" or "ysgol" near the match).

Everything else about a cue is unchanged: negation, idioms, reports,
denials and whom it is aimed at are applied to it in :mod:`nlp.flags` as to
any other cue.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterable
from typing import Any

from spacy.language import Language
from spacy.matcher import Matcher, PhraseMatcher
from spacy.tokens import Doc

from nlp.found import found_in
from nlp.lexicon import CueRule, PatternFileError, load_settings, read_jsonl
from nlp.matchgate import GatedMatcher, words_and_norms
from nlp.relevance import sent_starts
from nlp.terms import mutated_forms, mutations

#: Parts taken from earlier components rather than from the parts file.
BUILT_IN = ("person", "staff", "pupil", "school")


class Parts:
    """The sentences of one doc in which each part was found."""

    def __init__(self, starts: list[int], found: dict[str, set[int]]) -> None:
        self.starts = starts
        self.found = found

    def allows(self, rule: CueRule, start: int) -> bool:
        """Whether a match of ``rule`` starting at token ``start`` has every part it needs and none it must not."""
        sent = bisect_right(self.starts, start) - 1
        near = {sent} if rule.scope == "sentence" else {sent - 1, sent, sent + 1} if rule.scope == "adjacent" \
            else set(range(len(self.starts)))
        if any(not near.isdisjoint(self.found.get(name, ())) for name in rule.unless):
            return False
        if self.framed(rule):  # (v23) anywhere in the text
            return False
        if any(sent in self.found.get(name, ()) for name in rule.unless_sentence):  # (v23) in its own sentence
            return False
        return all(any(not near.isdisjoint(self.found.get(name, ())) for name in group) for group in rule.needs)

    def framed(self, rule: CueRule) -> bool:
        """(v25) Whether one of the rule's ``unless_text`` parts is in the text: the whole text is framed as something
        that is not this category (a court report, a scare that is over, the words of a song)."""
        return any(self.found.get(name) for name in rule.unless_text)


class PartFinder:
    """Finds the parts (``parts-v5.jsonl``) that compositional cue rules need."""

    def __init__(self, nlp: Language, patterns_dir: str, parts_file: str, modifiers_file: str,
                 rules: Iterable[CueRule]) -> None:
        from nlp.components import _phrase_docs  # the one way phrases are folded for matching

        self.phrases = PhraseMatcher(nlp.vocab, attr="NORM")
        self.matcher = Matcher(nlp.vocab, validate=True)  # checks the patterns; ``gated`` runs them
        self.gated = GatedMatcher(nlp.vocab)  # only the parts whose words are in the text
        table = mutations(patterns_dir)
        names: set[str] = set(BUILT_IN)
        for number, row in read_jsonl(parts_file, patterns_dir):
            name = row.get("part")
            phrases: Any = row.get("phrases", [])
            patterns: Any = row.get("patterns", [])
            if not isinstance(name, str) or not name or name in BUILT_IN:
                raise PatternFileError(f"{parts_file}:{number}: give 'part', a name other than {', '.join(BUILT_IN)}.")
            if not isinstance(phrases, list) or not isinstance(patterns, list) or not (phrases or patterns):
                raise PatternFileError(f"{parts_file}:{number}: give 'phrases' (a list of strings) or 'patterns' "
                                       "(a list of spaCy Matcher token lists).")
            names.add(name)
            if phrases:
                if row.get("mutate"):
                    phrases = phrases + [" ".join([form, *p.split()[1:]]) for p in phrases
                                         for form in mutated_forms(p.split()[0], table)]
                self.phrases.add(name, _phrase_docs(nlp, phrases))
            if patterns:
                try:
                    self.matcher.add(name, patterns)
                except (ValueError, TypeError) as exc:
                    raise PatternFileError(f"{parts_file}:{number}: bad Matcher pattern ({exc}).") from None
                self.gated.add(name, patterns, gate_id=f"{name}:{number}")
        for rule in rules:
            unknown = {n for group in rule.needs for n in group} | set(rule.unless) | set(rule.unless_text) \
                | set(rule.unless_sentence)
            unknown -= names
            if unknown:
                raise PatternFileError(f"{rule.source}: rule '{rule.id}' uses unknown part(s) "
                                       f"{', '.join(sorted(unknown))}; define them in {parts_file}.")
        settings = load_settings(modifiers_file, patterns_dir)
        self.school_refs = {nlp.vocab.strings.add(w) for w in settings.school_refs}

    def __call__(self, doc: Doc, words: set[int] | None = None, norms: list[int] | None = None) -> Parts:
        """The parts in ``doc``; ``words`` and ``norms``: its :func:`~nlp.matchgate.words_and_norms`, when the
        caller has them."""
        if words is None or norms is None:
            words, norms = words_and_norms(doc)
        matcher = self.gated.matcher_for(words, norms)
        starts = sent_starts(doc)
        found: dict[str, set[int]] = {}

        def add(name: str, token_i: int) -> None:
            found.setdefault(name, set()).add(bisect_right(starts, token_i) - 1)

        for match_id, start, _ in list(self.phrases(doc)) + (list(matcher(doc)) if matcher is not None else []):
            add(doc.vocab.strings[match_id], start)
        for m in found_in(doc, "repmon_mentions"):  # (records read once per Doc: no Span objects)
            if m.label_ in ("staff", "pupil"):
                add("person", m.start)
                add(m.label_, m.start)
            elif m.label_ == "school":  # the school named anywhere in a post is near every sentence of it
                found.setdefault("school", set()).update(range(len(starts)))
        if not self.school_refs.isdisjoint(norms):
            for i, norm in enumerate(norms):  # (as the doc's NORM array: the caller's are read after the last change)
                if norm in self.school_refs:
                    add("school", i)
        return Parts(starts, found)
