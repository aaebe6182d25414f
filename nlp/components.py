"""The repmon spaCy components, registered with ``Language.factory``.

In pipeline order (see :func:`nlp.pipeline.build_pipeline`):

=====================  =====================================================
``repmon_normalise``   folds ``Token.norm_``; starts a sentence after a line break
(``sentencizer``)      spaCy's own: the other sentence boundaries
``repmon_evidence``    ``doc.spans["repmon_evidence"]``: places, decoys, school words, other senses, own site
``repmon_mentions``    ``doc.spans["repmon_mentions"]``: the school, staff and pupils named
``repmon_pii``         ``doc.spans["repmon_pii"]``: phone numbers, e-mail, postcodes, addresses, dates of birth
``repmon_cues``        ``doc.spans["repmon_cues"]``: words that suggest a flag category
``repmon_relevance``   ``doc._.repmon_relevant`` and ``doc._.repmon_relevance`` (the reason)
``repmon_flags``       ``doc._.repmon_flags``: the contract's flag dicts
``repmon_severity``    ``doc._.repmon_severity``
=====================  =====================================================

Components that need the profile take ``terms`` (from
:func:`nlp.terms.profile_terms`), plain data that fits in a spaCy config.
Every rule file name is a config value, so a new rule set (``...-v2.jsonl``)
is a config change, not a code change.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from typing import Any, cast

from spacy.language import Language
from spacy.matcher import Matcher, PhraseMatcher
from spacy.tokens import Doc, Span
from spacy.util import filter_spans
from thinc.types import Ints2d

from nlp import flags as flagging
from nlp import relevance
from nlp.lexicon import (
    PatternFileError,
    load_categories,
    load_cues,
    load_pii,
    load_settings,
    read_jsonl,
)
from nlp.terms import SCHOOL_WORDS_FILE, fold
from repmon.config import SEVERITIES
from repmon.errors import ConfigError
from repmon.hosts import host_in

SEVERITY_RANK = {name: rank for rank, name in enumerate(SEVERITIES)}

CUE_FILES = ["cues-threat-v1.jsonl", "cues-safeguarding-v1.jsonl", "cues-defamatory-v1.jsonl",
             "cues-harassment-v1.jsonl", "cues-disrepute-v1.jsonl", "cues-welsh-v1.jsonl"]
CATEGORIES_FILE = "categories-v1.jsonl"
MODIFIERS_FILE = "modifiers-v1.jsonl"
PII_FILE = "pii-v1.jsonl"
NOT_SCHOOL_FILE = "not-school-v1.jsonl"

for _name, _default in (("repmon_item", None), ("repmon_relevant", None), ("repmon_relevance", ""),
                        ("repmon_flags", None), ("repmon_severity", "none")):
    if not Doc.has_extension(_name):
        Doc.set_extension(_name, default=_default)


def normalise_doc(doc: Doc) -> Doc:
    for token in doc:
        text = token.text
        if not text.isascii() or "`" in text:
            token.norm_ = fold(token.norm_)
    if not doc.has_annotation("DEP"):  # a parser's boundaries may not be overwritten
        # A line break ends a sentence (comments, list items, titles). Written as one array: setting
        # Token.is_sent_start token by token re-checks the whole Doc each time (quadratic).
        starts = [t.i + 1 for t in doc[:-1] if t.is_space and "\n" in t.text]
        if starts:
            values = doc.to_array("SENT_START")
            values[starts] = 1
            doc.from_array(["SENT_START"], cast(Ints2d, values.reshape(-1, 1)))
    return doc


def _phrase_docs(nlp: Language, phrases: list[str]) -> list[Doc]:
    return [normalise_doc(nlp.make_doc(p)) for p in phrases if p.strip()]


def _need_terms(terms: dict[str, Any], component: str) -> dict[str, Any]:
    if not isinstance(terms.get("school"), dict) or not isinstance(terms.get("people"), list):
        raise ConfigError(f"{component} needs 'terms' from nlp.terms.profile_terms(profile) in its config; "
                          "build the pipeline with nlp.pipeline.build_pipeline(profile).")
    return terms


def _spans(doc: Doc, key: str) -> list[Span]:
    return list(doc.spans[key]) if key in doc.spans else []


@Language.factory("repmon_normalise")
def make_normalise(nlp: Language, name: str) -> Any:
    """Set ``Token.norm_`` to a folded form (no accents, no zero-width characters, straight quotes).

    Assigns: ``Token.norm_`` for tokens with non-ASCII characters, and
    ``Token.is_sent_start`` after a line break (unless a parser has run; the
    sentencizer that follows keeps these). Config: none.
    Every matcher in repmon matches on NORM, so "Siân", "Sian" and "SIAN" are one word.
    """
    return normalise_doc


class EvidenceFinder:
    """Words that tell which school (or which sense of the name) a text is about."""

    def __init__(self, nlp: Language, terms: dict[str, Any], patterns_dir: str, not_school_file: str,
                 school_words_file: str) -> None:
        school = terms["school"]
        self.phrases = PhraseMatcher(nlp.vocab, attr="NORM")
        self.phrases.add("PLACE", _phrase_docs(nlp, school["places"]))
        self.phrases.add("DECOY", _phrase_docs(nlp, school["decoys"]))
        self.matcher = Matcher(nlp.vocab, validate=True)
        for number, row in read_jsonl(school_words_file, patterns_dir):
            if row.get("kind") != "context":
                continue
            if row.get("phrases"):
                self.phrases.add("SCHOOL_WORD", _phrase_docs(nlp, row["phrases"]))
            if row.get("pattern"):
                try:
                    self.matcher.add("SCHOOL_WORD", [row["pattern"]])
                except (ValueError, TypeError) as exc:
                    raise PatternFileError(f"{school_words_file}:{number}: bad Matcher pattern ({exc}).") from None
        for number, row in read_jsonl(not_school_file, patterns_dir):
            sense = row.get("sense")
            if not isinstance(sense, str) or not isinstance(row.get("phrases"), list):
                raise PatternFileError(f"{not_school_file}:{number}: give 'sense' (text) and 'phrases' (a list).")
            key = f"NOT_SCHOOL|{sense}"
            expanded = [p.replace("{core}", core) for p in row["phrases"] for core in school["cores"] if "{core}" in p]
            expanded += [p for p in row["phrases"] if "{core}" not in p]
            if expanded:
                self.phrases.add(key, _phrase_docs(nlp, expanded))
        own = [re.escape(d) for d in school["domains"]]
        handles = [re.escape(h) for h in school["handles"]]
        parts = []
        if own:
            parts.append(r"(?<![A-Za-z0-9-])(?:" + "|".join(own) + r")(?![A-Za-z0-9-]|\.[A-Za-z0-9])")
        if handles:
            parts.append(r"(?<![\w@])@(?:" + "|".join(handles) + r")(?!\w)")
        self.own_site = re.compile("|".join(parts), re.IGNORECASE) if parts else None

    def __call__(self, doc: Doc) -> Doc:
        spans: list[Span] = []
        for match_id, start, end in self.phrases(doc):
            key = doc.vocab.strings[match_id]
            label, _, sense = key.partition("|")
            spans.append(Span(doc, start, end, label=label, span_id=sense or 0))
        for _, start, end in self.matcher(doc):
            spans.append(Span(doc, start, end, label="SCHOOL_WORD"))
        if self.own_site is not None:
            for m in self.own_site.finditer(doc.text):
                span = doc.char_span(m.start(), m.end(), alignment_mode="expand")
                if span is not None:
                    kind = "handle" if m.group().startswith("@") else "domain"
                    spans.append(Span(doc, span.start, span.end, label="OWN_SITE", span_id=kind))
        doc.spans["repmon_evidence"] = spans
        return doc


@Language.factory("repmon_evidence", default_config={
    "terms": {}, "patterns_dir": "", "not_school_file": NOT_SCHOOL_FILE, "school_words_file": SCHOOL_WORDS_FILE})
def make_evidence(nlp: Language, name: str, terms: dict[str, Any], patterns_dir: str, not_school_file: str,
                  school_words_file: str) -> EvidenceFinder:
    """Find the evidence for relevance.

    Assigns ``doc.spans["repmon_evidence"]`` with labels PLACE (profile places,
    with Welsh mutations), DECOY (places of other schools of that name),
    SCHOOL_WORD (school setting words, ``school-words-v1.jsonl``), NOT_SCHOOL
    (other senses of the school's core name, ``not-school-v1.jsonl``; the
    sense is in ``span.id_``) and OWN_SITE (the school's domains and
    @handles; ``span.id_`` is "domain" or "handle").
    Config: ``terms`` (from profile_terms), ``patterns_dir`` ("" = nlp/patterns),
    ``not_school_file``, ``school_words_file``.
    """
    return EvidenceFinder(nlp, _need_terms(terms, name), patterns_dir, not_school_file, school_words_file)


class MentionFinder:
    """The school, its staff and its pupils, by every form of their names in the profile."""

    def __init__(self, nlp: Language, terms: dict[str, Any]) -> None:
        school = terms["school"]
        self.school_id = school["id"]
        self.phrases = PhraseMatcher(nlp.vocab, attr="NORM")
        self.phrases.add(f"school|{self.school_id}|name", _phrase_docs(nlp, school["names"]))
        if school["cores"]:
            self.phrases.add(f"school|{self.school_id}|core", _phrase_docs(nlp, school["cores"]))
        for person in terms["people"]:
            by_form: dict[str, list[str]] = {}
            for form in person["forms"]:
                by_form.setdefault(form["form"], []).append(form["text"])
            for form, texts in by_form.items():
                self.phrases.add(f"{person['kind']}|{person['id']}|{form}", _phrase_docs(nlp, texts))

    def __call__(self, doc: Doc) -> Doc:
        evidence = _spans(doc, "repmon_evidence")
        other_senses = [e for e in evidence if e.label_ == "NOT_SCHOOL"]
        school_words = [e for e in evidence if e.label_ == "SCHOOL_WORD"]
        candidates: list[Span] = []
        cores: list[Span] = []
        for match_id, start, end in self.phrases(doc):
            kind, ref, form = doc.vocab.strings[match_id].split("|")
            span = Span(doc, start, end, label=kind, kb_id=ref, span_id=form)
            (cores if form == "core" else candidates).append(span)
        for e in evidence:
            if e.label_ == "OWN_SITE" and e.id_ == "handle":
                candidates.append(Span(doc, e.start, e.end, label="school", kb_id=self.school_id, span_id="handle"))
            elif e.label_ == "OWN_SITE":
                candidates.append(Span(doc, e.start, e.end, label="school", kb_id=self.school_id, span_id="domain"))
        kept = filter_spans(candidates)
        if cores:
            taken = {i for s in kept + other_senses for i in range(s.start, s.end)}
            starts = relevance.sent_starts(doc)
            word_sents: dict[int, list[Span]] = {}
            for w in school_words:
                word_sents.setdefault(bisect_right(starts, w.start), []).append(w)
            for core in cores:
                if any(i in taken for i in range(core.start, core.end)):
                    continue  # part of a longer name, or "Queen Elizabeth II", "HMS Queen Elizabeth", ...
                words = word_sents.get(bisect_right(starts, core.start), [])
                if any(not (core.start <= w.start < core.end) for w in words):
                    kept.append(core)
        doc.spans["repmon_mentions"] = sorted(filter_spans(kept), key=lambda s: s.start)
        return doc


@Language.factory("repmon_mentions", default_config={"terms": {}})
def make_mentions(nlp: Language, name: str, terms: dict[str, Any]) -> MentionFinder:
    """Find who is named.

    Assigns ``doc.spans["repmon_mentions"]``: label ``school``, ``staff`` or
    ``pupil``; ``span.kb_id_`` is the profile id (the contract's ``ref``);
    ``span.id_`` is the form (``name``, ``core``, ``handle``, ``domain``,
    ``full``, ``title_full``, ``title``, ``alias``). Matching is on the folded
    NORM, so case, accents and curly apostrophes do not matter, and a
    possessive "'s" stays outside the mention. Overlaps keep the longest span.
    The short core name ("Queen Elizabeth") counts only when it is not part of
    another sense (NOT_SCHOOL) and a school word is in the same sentence.
    Needs: sentence boundaries and ``repmon_evidence``. Config: ``terms``.
    """
    return MentionFinder(nlp, _need_terms(terms, name))


class PiiFinder:
    """Personal details by regular expression (``pii-v1.jsonl``)."""

    def __init__(self, terms: dict[str, Any], patterns_dir: str, pii_file: str) -> None:
        self.rules = load_pii(pii_file, patterns_dir)
        self.compiled = [(rule, re.compile(rule.regex, re.IGNORECASE if rule.ignore_case else 0)) for rule in self.rules]
        self.domains = tuple(terms["school"]["domains"])

    def __call__(self, doc: Doc) -> Doc:
        spans = []
        text = doc.text
        for rule, regex in self.compiled:
            for m in regex.finditer(text):
                if rule.skip_school_domains and self.domains:
                    host = m.group().rpartition("@")[2].lower()
                    if host_in(host, self.domains):
                        continue
                start, end = m.span("detail") if "detail" in regex.groupindex else m.span()
                span = doc.char_span(start, end, alignment_mode="expand")
                if span is not None:
                    spans.append(Span(doc, span.start, span.end, label=rule.label, span_id=rule.id))
        doc.spans["repmon_pii"] = filter_spans(spans)
        return doc


@Language.factory("repmon_pii", default_config={"terms": {}, "patterns_dir": "", "pii_file": PII_FILE})
def make_pii(nlp: Language, name: str, terms: dict[str, Any], patterns_dir: str, pii_file: str) -> PiiFinder:
    """Find personal details.

    Assigns ``doc.spans["repmon_pii"]``: label is the kind of detail ("phone
    number", "postcode", ...), ``span.id_`` the rule id. E-mail addresses on
    the school's own domains are skipped. Config: ``terms``, ``patterns_dir``,
    ``pii_file`` (default ``pii-v1.jsonl``).
    """
    return PiiFinder(_need_terms(terms, name), patterns_dir, pii_file)


class CueFinder:
    """Words that suggest a flag category, from the cue rule files."""

    def __init__(self, nlp: Language, patterns_dir: str, cue_files: list[str]) -> None:
        self.rules = {r.id: r for r in load_cues(tuple(cue_files), patterns_dir)}
        self.phrases = PhraseMatcher(nlp.vocab, attr="NORM")
        self.matcher = Matcher(nlp.vocab, validate=True)
        for rule in self.rules.values():
            if rule.phrases:
                self.phrases.add(rule.id, _phrase_docs(nlp, list(rule.phrases)))
            if rule.patterns:
                try:
                    self.matcher.add(rule.id, [list(p) for p in rule.patterns])
                except (ValueError, TypeError) as exc:
                    raise PatternFileError(f"{rule.source}: bad Matcher pattern in rule '{rule.id}' ({exc}).") from None

    def __call__(self, doc: Doc) -> Doc:
        found: list[Span] = []
        for match_id, start, end in list(self.phrases(doc)) + list(self.matcher(doc)):
            rule = self.rules[doc.vocab.strings[match_id]]
            if rule.not_followed_by and end < len(doc) and doc[end].norm_ in rule.not_followed_by:
                continue
            if rule.not_preceded_by and start > 0 and doc[start - 1].norm_ in rule.not_preceded_by:
                continue
            found.append(Span(doc, start, end, label=rule.category, span_id=rule.id))
        kept: list[Span] = []
        taken: dict[str, list[Span]] = {}
        for span in sorted(found, key=lambda s: (-self.rules[s.id_].score, -(s.end - s.start), s.start)):
            same = taken.setdefault(span.label_, [])
            if any(o.start < span.end and span.start < o.end for o in same):
                continue  # one cue per stretch of words in each category: the strongest
            same.append(span)
            kept.append(span)
        doc.spans["repmon_cues"] = sorted(kept, key=lambda s: (s.start, s.end))
        return doc


@Language.factory("repmon_cues", default_config={"patterns_dir": "", "cue_files": CUE_FILES})
def make_cues(nlp: Language, name: str, patterns_dir: str, cue_files: list[str]) -> CueFinder:
    """Find cue words for the flag categories.

    Assigns ``doc.spans["repmon_cues"]``: label is the category, ``span.id_``
    the rule id (its score and reason are in the rule file). Phrases match on
    the folded NORM; patterns are spaCy Matcher patterns. Where cues of one
    category overlap, only the strongest is kept. Config: ``patterns_dir``,
    ``cue_files`` (default: the six ``cues-*-v1.jsonl`` files).
    """
    return CueFinder(nlp, patterns_dir, cue_files)


class RelevanceJudge:
    """Relevant or not, with the reason (rules in :mod:`nlp.relevance`)."""

    def __call__(self, doc: Doc) -> Doc:
        item = doc._.repmon_item or {}
        parts = [relevance.summarise(doc)] + list(item.get("context", []))
        doc._.repmon_relevant, doc._.repmon_relevance = relevance.decide(parts, item.get("own_site"))
        return doc


@Language.factory("repmon_relevance")
def make_relevance(nlp: Language, name: str) -> RelevanceJudge:
    """Decide whether the item is about this school.

    Assigns ``doc._.repmon_relevant`` (bool) and ``doc._.repmon_relevance``
    (the reason, for people and logs). Reads ``doc._.repmon_item`` when set:
    ``context`` (summaries of the title and URL, from
    :func:`nlp.relevance.summarise`) and ``own_site`` (set when the item comes
    from the school's own site or account). Config: none.
    """
    return RelevanceJudge()


class FlagMaker:
    """Cues, personal details and pupil mentions turned into scored, explained flags."""

    def __init__(self, nlp: Language, terms: dict[str, Any], patterns_dir: str, cue_files: list[str],
                 categories_file: str, modifiers_file: str, pii_file: str) -> None:
        self.school_id = terms["school"]["id"]
        self.rules = {r.id: r for r in load_cues(tuple(cue_files), patterns_dir)}
        self.categories = load_categories(categories_file, patterns_dir)
        self.settings = load_settings(modifiers_file, patterns_dir)
        self.pii = {r.id: (r.score, r.reason) for r in load_pii(pii_file, patterns_dir)}
        self.hedges = PhraseMatcher(nlp.vocab, attr="NORM")
        self.hedges.add("HEDGE", _phrase_docs(nlp, list(self.settings.hedges)))

    def __call__(self, doc: Doc) -> Doc:
        if not doc._.repmon_relevant:
            doc._.repmon_flags = []
            return doc
        hedges = [Span(doc, s, e) for _, s, e in self.hedges(doc)]
        ctx = flagging.build_context(doc, _spans(doc, "repmon_mentions"), hedges, self.school_id, self.settings)
        cues = flagging.cues_from_rules(ctx, _spans(doc, "repmon_cues"), self.rules, self.categories)
        cues += flagging.identifying_cues(ctx, _spans(doc, "repmon_pii"), self.pii)
        flags = flagging.combine(cues, self.categories, SEVERITY_RANK)
        item = doc._.repmon_item or {}
        if item.get("own_site"):  # the school's own site is never flagged as hostile (contracts.md)
            flags = [f for f in flags if f["category"] == "safeguarding"]
        doc._.repmon_flags = flags
        return doc


@Language.factory("repmon_flags", default_config={
    "terms": {}, "patterns_dir": "", "cue_files": CUE_FILES, "categories_file": CATEGORIES_FILE,
    "modifiers_file": MODIFIERS_FILE, "pii_file": PII_FILE})
def make_flags(nlp: Language, name: str, terms: dict[str, Any], patterns_dir: str, cue_files: list[str],
               categories_file: str, modifiers_file: str, pii_file: str) -> FlagMaker:
    """Turn cues into flags (rules in :mod:`nlp.flags`).

    Assigns ``doc._.repmon_flags``: a list of ``{"category", "score",
    "reason", "ref", "rules", "evidence"}`` (the contract's flag plus the
    target's ref, the rule ids and the character offsets of the words behind
    it). Empty when the item is not relevant. On the school's own site only
    safeguarding flags are kept. Needs: ``repmon_mentions``, ``repmon_cues``,
    ``repmon_pii``, ``repmon_relevance``. Config: ``terms``, ``patterns_dir``
    and the rule file names.
    """
    return FlagMaker(nlp, _need_terms(terms, name), patterns_dir, cue_files, categories_file, modifiers_file, pii_file)


class SeverityGrader:
    def __init__(self, patterns_dir: str, categories_file: str) -> None:
        self.categories = load_categories(categories_file, patterns_dir)

    def __call__(self, doc: Doc) -> Doc:
        levels = [self.categories[f["category"]].severity for f in (doc._.repmon_flags or [])]
        doc._.repmon_severity = max(levels, key=SEVERITY_RANK.__getitem__) if levels and doc._.repmon_relevant else "none"
        return doc


@Language.factory("repmon_severity", default_config={"patterns_dir": "", "categories_file": CATEGORIES_FILE})
def make_severity(nlp: Language, name: str, patterns_dir: str, categories_file: str) -> SeverityGrader:
    """Grade the item.

    Assigns ``doc._.repmon_severity``: the highest severity of its flags'
    categories (``categories-v1.jsonl``: threat and safeguarding critical;
    defamatory, harassment and identifying high; disrepute medium), or
    ``none`` when there are no flags or the item is not relevant.
    Config: ``patterns_dir``, ``categories_file``.
    """
    return SeverityGrader(patterns_dir, categories_file)
