"""From cues to flags: whom each cue is aimed at, how much it counts, and why.

A cue (a span in ``doc.spans["repmon_cues"]``, or a personal detail in
``doc.spans["repmon_pii"]``) becomes part of a flag when it can be tied to a
target the category needs (``categories-v1.jsonl``, field ``target``):

- a person named in the cue's sentence (the nearest one), or, when that
  sentence has a pronoun ("he", "her", "you"), the last person named within
  ``pronoun_lookback`` sentences before it;
- the school, when the category allows it: ``person_or_school`` when the
  sentence names the school or has a ``school_ref`` word ("the school",
  "the head"); ``any`` and ``pupil_or_school`` fall back to the school
  anyway; ``school`` always targets the school; (v13) ``exposed``, for a
  call to go after someone far from the name ("... Lives at 14 Heol y
  Felin. His number's ... Go ask him yourselves."), falls back to the person
  whose personal details the text exposes, or the only person it names.

The cue's score is then lowered for hedgeable categories by an opinion
marker in its sentence (x hedge_factor) or a question (x question_factor),
and the cue is dropped for negatable categories when a negation comes
within ``negation_window`` tokens before it. Cues with the same category and
target are combined (1 - prod(1 - score)); a flag is reported when the
combined score reaches the category's ``min_score``.

``identifying`` flags come from two sources: a pupil named in a relevant
item, and personal details (``repmon_pii``) with a person named within
``pii_window`` sentences.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass, field
from functools import lru_cache
from collections.abc import Sequence
from typing import Any

from spacy.strings import get_string_id
from spacy.tokens import Doc, Span

from nlp.lexicon import CategoryRule, CueRule, Settings
from nlp.found import Found
from nlp.normalise import norms_of, text_of
from nlp.relevance import sent_starts as relevance_sent_starts

PUPIL_NAMED_SCORE = 0.7
PUPIL_NAMED_REASON = "pupil named with the school in hostile or exposing material"
PUPIL_BENIGN_SCORE = 0.5
PUPIL_BENIGN_REASON = "pupil named with the school (otherwise harmless, so severity low)"
QUOTE_LIMIT = 60


@dataclass
class Cue:
    category: str
    ref: str
    score: float
    reason: str
    text: str
    start: int          # character offsets into the text
    end: int
    rule: str
    tokens: tuple[int, int] | None = None  # v7: token offsets of the words behind a rule's cue


@dataclass
class _Context:
    doc: Doc
    sent_starts: list[int]
    persons: list[Found]
    school_sents: set[int]
    pronoun_sents: set[int]
    hedge_sents: set[int]
    question_sents: set[int]
    school_id: str
    settings: Settings
    by_sent: dict[int, list[Found]] = field(default_factory=dict)   # persons named in each sentence
    denial_sents: set[int] = field(default_factory=set)            # sentences a denial covers
    report_sents: set[int] = field(default_factory=set)            # sentences that report or condemn what they quote
    idiom_tokens: set[int] = field(default_factory=set)            # tokens inside an idiom ("stole the show")
    event_sents: set[int] = field(default_factory=set)             # v5: sentences about a talk or training on a topic
    has_pii: bool = False
    vetoed: set[str] = field(default_factory=set)                  # categories whose cues were negated, denied, idioms
    quoted_tokens: set[int] = field(default_factory=set)           # v7: tokens inside quotation marks
    condemn_sents: set[int] = field(default_factory=set)           # v7: sentences condemning what they quote
    condemn_tokens: set[int] = field(default_factory=set)          # v7: the condemning words themselves
    exposed: list[str] = field(default_factory=list)               # v13: refs whose personal details the text exposes

    def sent_of(self, token_i: int) -> int:
        return bisect_right(self.sent_starts, token_i) - 1

    def sent_bounds(self, sent: int) -> tuple[int, int]:
        """The first token of sentence ``sent`` and the token after its last."""
        end = self.sent_starts[sent + 1] if sent + 1 < len(self.sent_starts) else len(self.doc)
        return self.sent_starts[sent], end

    def persons_in(self, first: int, last: int) -> list[Found]:
        return [p for s in range(first, last + 1) for p in self.by_sent.get(s, ())]


def _quote(text: str) -> str:
    text = " ".join(text.split()).rstrip(".,;:!?")
    return "'" + (text if len(text) <= QUOTE_LIMIT else text[: QUOTE_LIMIT - 1] + "\u2026") + "'"


@lru_cache(maxsize=32)
def _hashes(words: frozenset[str]) -> frozenset[int]:
    return frozenset(get_string_id(w) for w in words)


def build_context(doc: Doc, mentions: list[Found], hedges: list[Span], school_id: str, settings: Settings, *,
                  denials: Sequence[Span] = (), idioms: Sequence[Span] = (), reports: Sequence[Span] = (),
                  events: Sequence[Span] = (), has_pii: bool = False, condemns: Sequence[Span] = (),
                  disclosures: Sequence[Span] = ()) -> _Context:
    sent_starts = relevance_sent_starts(doc) if len(doc) else []
    sent_ends = sent_starts[1:] + [len(doc)]
    ctx = _Context(doc, sent_starts, [m for m in mentions if m.label_ in ("staff", "pupil")], set(), set(), set(), set(),
                   school_id, settings)
    for m in mentions:
        if m.label_ == "school":
            ctx.school_sents.add(ctx.sent_of(m.start))
    ctx.persons.sort(key=lambda p: p.start)
    for p in ctx.persons:
        ctx.by_sent.setdefault(ctx.sent_of(p.start), []).append(p)
    pronouns = _hashes(settings.pronouns)
    school_refs = _hashes(settings.school_refs)
    for i, norm in enumerate(norms_of(doc)):  # hashes: no Token objects made
        if norm in pronouns:
            ctx.pronoun_sents.add(ctx.sent_of(i))
        elif norm in school_refs:
            ctx.school_sents.add(ctx.sent_of(i))
    for h in hedges:
        ctx.hedge_sents.add(ctx.sent_of(h.start))
    for d in denials:  # "X is a thief. That's a lie": a denial covers its own sentence and the one before
        at = ctx.sent_of(d.start)
        ctx.denial_sents.update((at, at - 1))
    ctx.report_sents = {ctx.sent_of(r.start) for r in reports}  # "police were called after a knife was found"
    ctx.idiom_tokens = {i for span in idioms for i in range(span.start, span.end)}
    ctx.event_sents = {ctx.sent_of(e.start) for e in events}  # v5: "a talk for parents on grooming", "knife-crime assembly"
    # (v23) ... unless the sentence tells of a child: "after the online safety talk my daughter told me a man ..."
    ctx.event_sents -= {ctx.sent_of(d.start) for d in disclosures}
    ctx.has_pii = has_pii
    if condemns:  # v7: only then do quotes matter
        ctx.quoted_tokens = quoted_tokens(doc)
        outside = [c for c in condemns if c.start not in ctx.quoted_tokens]
        ctx.condemn_sents = {ctx.sent_of(c.start) for c in outside}
        ctx.condemn_tokens = {i for c in outside for i in range(c.start, c.end)}
    for index, (start, end) in enumerate(zip(sent_starts, sent_ends) if "?" in text_of(doc) else ()):  # (none without)
        if end <= start:
            continue
        last = doc[end - 1]
        while last.is_space and last.i > start:
            last = doc[last.i - 1]
        if "?" in last.text:
            ctx.question_sents.add(index)
    return ctx


#: v7: a stretch in quotation marks (straight or curly, double or single; a single quote must not touch a letter on
#: its outer side, so "don't" and "Rees's" are no quotes).
_QUOTED = re.compile(r'"[^"\n]{1,300}"|\u201c[^\u201d\n]{1,300}\u201d|\u2018[^\u2019\n]{1,300}?\u2019(?!\w)'
                     r"|(?<!\w)'[^\n]{1,300}?'(?!\w)")
#: v7: categories whose cues inside a quotation are the poster condemning the words, when a ``condemn`` word is near.
QUOTE_CONDEMNED = frozenset({"harassment"})


def quoted_tokens(doc: Doc) -> set[int]:
    """Indices of the tokens inside quotation marks."""
    out: set[int] = set()
    for m in _QUOTED.finditer(text_of(doc)):
        span = doc.char_span(m.start() + 1, m.end() - 1, alignment_mode="expand")
        if span is not None:
            out.update(range(span.start, span.end))
    return out


def _distance(a: Found, b: Found) -> tuple[int, int]:
    """Token distance between two spans; ties go to the span that comes first."""
    if a.end <= b.start:
        return b.start - a.end, 0
    if b.end <= a.start:
        return a.start - b.end, 1
    return 0, 0


def _person_for(ctx: _Context, cue: Found, prefer_pupil: bool) -> Found | None:
    sent = ctx.sent_of(cue.start)
    here = ctx.by_sent.get(sent, [])
    if prefer_pupil and any(p.label_ == "pupil" for p in here):
        here = [p for p in here if p.label_ == "pupil"]
    if here:
        return min(here, key=lambda p: _distance(p, cue))
    if sent in ctx.pronoun_sents or _fragment(ctx, sent):
        earlier = [p for p in ctx.persons_in(_lookback_start(ctx, sent), sent) if p.end <= cue.start]
        if prefer_pupil and any(p.label_ == "pupil" for p in earlier):
            earlier = [p for p in earlier if p.label_ == "pupil"]
        if earlier:
            return earlier[-1]
    return None


def _lookback_start(ctx: _Context, sent: int) -> int:
    """The first sentence a pronoun or a fragment in ``sent`` may point back to: ``pronoun_lookback`` sentences
    before it, (v16) not counting line breaks the sentencizer leaves as sentences of their own."""
    left, first = ctx.settings.pronoun_lookback, sent
    while left > 0 and first > 0:
        first -= 1
        start, end = ctx.sent_bounds(first)
        if not all(t.is_space for t in ctx.doc[start:end]):
            left -= 1
    return first


#: (v6) A sentence of at most this many words with no person and no pronoun is said of the person named just
#: before it: "Gwil Hughes, athro gwaetha'r byd. Twpsyn llwyr." ("Useless head.", "Religious nutter.").
FRAGMENT_WORDS = 4


def _fragment(ctx: _Context, sent: int) -> bool:
    start, end = ctx.sent_bounds(sent)
    words = sum(1 for t in ctx.doc[start:end] if t.is_alpha or _masked_word(t.text))
    return 0 < words <= FRAGMENT_WORDS


def _masked_word(text: str) -> bool:
    """(v13) A word with letters masked by symbols or digits ("Sl*g", "n0nce") counts as a word of a fragment."""
    return not text.startswith(("#", "@")) and sum(c.isalpha() for c in text) >= 2 \
        and any(c in "*@!$" or c.isdigit() for c in text)


def _only_person(ctx: _Context) -> str | None:
    """The ref of the one person the text names, or None when it names none or several."""
    named = {p.kb_id_ for p in ctx.persons}
    return next(iter(named)) if len(named) == 1 else None


def target_of(ctx: _Context, cue: Found, mode: str) -> str | None:
    """The ref a cue is aimed at under ``mode``, or None when the category needs one and there is none."""
    if mode == "school":
        return ctx.school_id
    person = _person_for(ctx, cue, prefer_pupil=mode == "pupil_or_school")
    if mode == "pupil_or_school":
        return person.kb_id_ if person is not None and person.label_ == "pupil" else ctx.school_id
    if person is not None:
        return person.kb_id_
    if mode == "any":
        return ctx.school_id
    if mode == "named":  # (v16) said of the one person the text names, wherever in it ("Dr Prydderch? Wedi'i phrynu ...")
        return _only_person(ctx)
    if mode == "exposed":  # (v13) a call to go after someone: the person whose details are posted, or the only one named
        return ctx.exposed[-1] if ctx.exposed else _only_person(ctx)
    if mode == "person_or_school" and ctx.sent_of(cue.start) in ctx.school_sents:
        return ctx.school_id
    return None


#: Words that end a negation's reach: "won't listen so go tell her" is not negated.
_CLAUSE_BREAKS = frozenset({"so", "but", ",", ";", "because", "cos", "then", "and", "felly", "ond"})


def _negated(ctx: _Context, cue: Found) -> bool:
    sent_start = ctx.sent_starts[ctx.sent_of(cue.start)] if ctx.sent_starts else 0
    lo = max(sent_start, cue.start - ctx.settings.negation_window)
    for i in range(cue.start - 1, lo - 1, -1):  # nearest first; a clause break ends the negation's reach
        norm = ctx.doc[i].norm_
        if norm in _CLAUSE_BREAKS:
            return False
        if norm in ctx.settings.negations and not (i > 0 and ctx.doc[i - 1].text in _ELISION) \
                and ctx.doc[i + 1].norm_ not in IN_EARNEST:
            return True  # but Welsh "'na" (yna, "there": "y lle 'na") is no negation, nor (v17) "not joking"
    return False


#: (v17) Words after a negation that make it say the text is meant ("dim jocian dwi'n dod a cyllell", "not kidding,
#: I'll ..."): the negation denies the joke, not the cue after it.
IN_EARNEST = frozenset({"joking", "jokin", "jokin'", "joke", "kidding", "kiddin", "kiddin'", "jocian", "jocan", "jocio",
                        "jôc", "joc", "lying", "cap", "exaggerating"})


#: An apostrophe split off the front of a word by the tokenizer ("'na" -> "'", "na").
_ELISION = frozenset({"'", "\u2019"})


def cues_from_rules(ctx: _Context, spans: list[Found], rules: dict[str, CueRule],
                    categories: dict[str, CategoryRule]) -> list[Cue]:
    out: list[Cue] = []
    quote_vetoed = False
    for span in spans:
        rule = rules.get(span.id_)
        if rule is None:
            continue
        category = categories[rule.category]
        if category.negatable and _negated(ctx, span):
            ctx.vetoed.add(rule.category)
            continue
        if span.end - 1 in ctx.idiom_tokens:  # the cue's last word is part of an idiom
            ctx.vetoed.add(rule.category)
            continue  # "stole the show", "killed it", "I'll kill for a space"
        if rule.requires_pii and not ctx.has_pii:
            continue
        if rule.category in QUOTE_CONDEMNED and ctx.condemn_sents and span.start in ctx.quoted_tokens \
                and span.end - 1 in ctx.quoted_tokens and not ctx.condemn_sents.isdisjoint(
                    (ctx.sent_of(span.start) - 1, ctx.sent_of(span.start), ctx.sent_of(span.start) + 1)):
            ctx.vetoed.add(rule.category)  # v7: "Disgusted by the comments calling Ms X a 'jumped-up witch'"
            quote_vetoed = True
            continue
        ref = target_of(ctx, span, rule.target or category.target)
        if ref is None:
            continue
        score = rule.score
        sent = ctx.sent_of(span.start)
        if category.hedgeable and sent in ctx.hedge_sents:
            score *= ctx.settings.hedge_factor
        if category.hedgeable and sent in ctx.question_sents and not rule.asks:
            score *= ctx.settings.question_factor
        if category.reportable and sent in ctx.report_sents:
            score *= ctx.settings.denial_factor
            ctx.vetoed.add(rule.category)
        if (category.severity == "critical" or rule.category == "harassment") and sent in ctx.event_sents:
            # v5: the topic of a talk, not a disclosure; (v6) nor abuse: "assembly about why words like r3tard hurt"
            ctx.vetoed.add(rule.category)
            continue
        if category.deniable and sent in ctx.denial_sents:
            score *= ctx.settings.denial_factor
            ctx.vetoed.add(rule.category)
        out.append(Cue(rule.category, ref, score, rule.reason, span.text, span.start_char, span.end_char, rule.id,
                       (span.start, span.end)))
    if quote_vetoed and ctx.condemn_tokens:  # v7: "... 'Howells is a witch' ... Disgusting": the word condemns the quote
        out = [c for c in out if not (c.category == "disrepute" and c.tokens is not None
                                      and all(i in ctx.condemn_tokens for i in range(*c.tokens)))]
    return out


def identifying_cues(ctx: _Context, pii: list[Found], pii_meta: dict[str, tuple[float, str]], *,
                     name_pupils: bool = True) -> list[Cue]:
    """Personal details near a named person, and (``name_pupils``) every pupil named.

    The caller names pupils only when the item is otherwise hostile or exposing: a
    pupil congratulated by name in the local paper is not a finding.
    """
    out = [Cue("identifying", p.kb_id_, PUPIL_NAMED_SCORE, PUPIL_NAMED_REASON, p.text, p.start_char, p.end_char,
               "identifying.pupil-named") for p in ctx.persons if p.label_ == "pupil" and name_pupils]
    window = ctx.settings.pii_window
    for span in pii:
        if "phone" in span.label_ and _an_office(ctx, span):
            continue  # (v10) "ring reception on 01267 ...", "the PTA mobile 07700 ...": an office's number, not a person's
        sent = ctx.sent_of(span.start)
        near = ctx.persons_in(sent - window, sent + window)
        if not near:
            # (v23) "Anyone got Miss Llwyd's number? ... Never mind, got it: 07700 900218, and she lives in the flats";
            # (v24) a number asked for with the name: "Does anyone have Catrin Jenkins' personal mobile? She teaches
            # English at QE High. Someone gave me 07700 900771"
            earlier = [p for p in ctx.persons_in(_lookback_start(ctx, sent), sent) if p.end <= span.start]
            if earlier and (_third_person(ctx, sent) or ("phone" in span.label_ and _number_asked(ctx, earlier[-1]))):
                near = earlier[-1:]
        if not near:
            continue
        same = ctx.by_sent.get(sent) or near
        person = min(same, key=lambda p: _distance(p, span))
        score, reason = pii_meta.get(span.id_, (0.8, f"{span.label_} exposed"))
        out.append(Cue("identifying", person.kb_id_, score, reason, span.text, span.start_char, span.end_char, span.id_))
    return out


#: (v10) How many words before a phone number an office word makes it the office's ("through reception on 01267 ...").
OFFICE_WINDOW = 4


#: (v23) Pronouns that point a personal detail back at a person named before: the third person only, so that "ring me
#: on ..." or "you can reach me on ..." stays the writer's own number.
THIRD_PERSON = frozenset({"he", "she", "him", "her", "his", "hers", "hi", "fo"})


#: (v24) Words that ask for a person's phone number in a question that names them ("Anyone got Miss X's number?").
NUMBER_WORDS = frozenset({"number", "mobile", "phone", "digits", "rhif", "ffon", "mobeil"})


def _number_asked(ctx: _Context, person: Found) -> bool:
    start, end = ctx.sent_bounds(ctx.sent_of(person.start))
    words = {t.norm_ for t in ctx.doc[start:end]}
    return "?" in words and not words.isdisjoint(NUMBER_WORDS)


def _third_person(ctx: _Context, sent: int) -> bool:
    start, end = ctx.sent_bounds(sent)
    return any(t.norm_ in THIRD_PERSON for t in ctx.doc[start:end])


def _an_office(ctx: _Context, span: Found) -> bool:
    return any(ctx.doc[i].norm_ in ctx.settings.offices for i in range(max(0, span.start - OFFICE_WINDOW), span.start))


def _by_target(cues: list[Cue]) -> dict[tuple[str, str], list[Cue]]:
    groups: dict[tuple[str, str], list[Cue]] = {}
    for cue in cues:
        groups.setdefault((cue.category, cue.ref), []).append(cue)
    return groups


def _combined_score(group: list[Cue]) -> float:
    rest = 1.0
    for cue in group:
        rest *= 1.0 - cue.score
    return round(min(0.99, 1.0 - rest), 2)


def any_flag(cues: list[Cue], categories: dict[str, CategoryRule]) -> bool:
    """Whether :func:`combine` gives at least one flag for these cues (without writing the flags)."""
    return any(_combined_score(group) >= categories[category].min_score
               for (category, _), group in _by_target(cues).items())


def combine(cues: list[Cue], categories: dict[str, CategoryRule], severity_rank: dict[str, int]) -> list[dict[str, Any]]:
    """One flag per (category, target): combined score, a reason naming the words, rules and offsets."""
    flags: list[dict[str, Any]] = []
    for (category, ref), group in _by_target(cues).items():
        score = _combined_score(group)
        if score < categories[category].min_score:
            continue
        group.sort(key=lambda c: (-c.score, c.start))
        by_reason: dict[str, list[str]] = {}
        for cue in group:
            quoted = _quote(cue.text)
            if quoted not in by_reason.setdefault(cue.reason, []):
                by_reason[cue.reason].append(quoted)
        parts = [f"{reason}: {', '.join(texts[:4])}" for reason, texts in by_reason.items()]
        first_reason = next(iter(by_reason))
        parts[0] = f"{first_reason} {categories[category].link} {ref}: {', '.join(by_reason[first_reason][:4])}"
        flags.append({
            "category": category,
            "score": score,
            "reason": "; ".join(parts[:4]),
            "ref": ref,
            "rules": sorted({c.rule for c in group}),
            "evidence": sorted({(c.start, c.end) for c in group}),
        })
    _sort(flags, categories, severity_rank)
    for flag in flags:
        flag["evidence"] = [list(pair) for pair in flag["evidence"]]
    return flags


def _sort(flags: list[dict[str, Any]], categories: dict[str, CategoryRule], severity_rank: dict[str, int]) -> None:
    flags.sort(key=lambda f: (-severity_rank[categories[f["category"]].severity], -f["score"], f["category"], f["ref"]))


def with_classifier(flags: list[dict[str, Any]], probs: dict[str, float], categories: dict[str, CategoryRule],
                    severity_rank: dict[str, int], *, persons: list[Found], school_id: str, vetoed: set[str],
                    version: str, read_by: dict[str, str] | None = None,
                    passages: dict[str, tuple[int, int]] | None = None, text: str = "") -> list[dict[str, Any]]:
    """Rule flags combined with a text classifier's probabilities (``nlp.textcat``).

    Rules decide first. For each category whose probability reaches its
    ``classifier_min`` (categories-v5.jsonl):

    - a rule flag of that category is kept, its score raised to the
      probability if that is higher, and its reason says the classifier agrees;
    - otherwise, unless a rule vetoed the category in this text (a cue that was
      negated, denied or part of an idiom: "not a thief", "that's a lie",
      "stole the show"), the classifier adds a flag on its own, aimed at the
      first person named (a pupil first for pupil categories) or the school,
      as the category's target mode allows, with the probability as its score
      and a reason that says it came from the classifier;
    - a category that needs a named person (harassment, identifying) is not
      added when nobody is named.

    ``version`` names the classifier in each reason; ``read_by`` another one for
    a category whose probability it gave (round 12: the context reader), and
    ``passages`` the part of ``text`` it read that in (start and end offsets):
    the flag's evidence, quoted in its reason.
    """
    out = [dict(f) for f in flags]
    have = {f["category"] for f in out}
    pupils = [p for p in persons if p.label_ == "pupil"]
    for category in sorted(probs, key=lambda c: -probs[c]):
        rule = categories.get(category)
        p = float(probs[category])
        by = (read_by or {}).get(category, version)
        if rule is None or p < rule.classifier_min:
            continue
        if category in have:
            for flag in out:
                if flag["category"] == category:
                    flag["score"] = max(flag["score"], round(min(0.99, p), 2))
                    flag["reason"] += f"; the text classifier agrees ({p:.2f}{'' if by == version else ', ' + by})"
                    flag["rules"] = sorted(set(flag["rules"]) | {"textcat"})
            continue
        if category in vetoed:
            continue
        mode = rule.target
        person: Found | None = None
        if category == "identifying" or mode == "pupil_or_school":
            candidates = pupils or (persons if category == "identifying" else [])
            person = candidates[0] if candidates else None
        elif persons:
            person = persons[0]
        if person is not None:
            ref = person.kb_id_
        elif mode in ("person",):
            continue
        else:
            ref = school_id
        passage = (passages or {}).get(category)
        where = f" in {_quote(text[passage[0]:passage[1]])}" if passage is not None else ""
        out.append({"category": category, "score": round(min(0.99, p), 2),
                    "reason": f"the text classifier reads it as {category} ({p:.2f}, {by}){where} {rule.link} {ref}",
                    "ref": ref, "rules": ["textcat"], "evidence": [list(passage)] if passage is not None else []})
        have.add(category)
    _sort(out, categories, severity_rank)
    return out


def yield_to_others(flags: list[dict[str, Any]], categories: dict[str, CategoryRule]) -> list[dict[str, Any]]:
    """Without the flags of a category whose ``yields_to`` categories are also flagged (categories-v5.jsonl:
    disrepute is for a complaint about the school, not added when an allegation, abuse or threat is the point)."""
    have = {f["category"] for f in flags}
    return [f for f in flags if have.isdisjoint(categories[f["category"]].yields_to)]


def pupil_flags(persons: list[Found], hostile: bool = True) -> list[dict[str, Any]]:
    """One ``identifying`` flag for each pupil named in a relevant item (contracts.md: a pupil's name tied to
    the school identifies them). In otherwise harmless material (a prize, a match report) the flag carries
    ``"severity": "low"``, so good news is recorded but does not raise a high alert."""
    out = []
    for ref in dict.fromkeys(p.kb_id_ for p in persons if p.label_ == "pupil"):
        spans = [p for p in persons if p.kb_id_ == ref]
        reason = PUPIL_NAMED_REASON if hostile else PUPIL_BENIGN_REASON
        flag: dict[str, Any] = {"category": "identifying", "score": PUPIL_NAMED_SCORE if hostile else PUPIL_BENIGN_SCORE,
                                "reason": f"{reason} about {ref}: {', '.join(dict.fromkeys(_quote(p.text) for p in spans))}",
                                "ref": ref, "rules": ["identifying.pupil-named"],
                                "evidence": [[p.start_char, p.end_char] for p in spans]}
        if not hostile:
            flag["severity"] = "low"
        out.append(flag)
    return out


def is_benign_pupil_flag(flag: dict[str, Any]) -> bool:
    return flag.get("severity") == "low" and flag.get("rules") == ["identifying.pupil-named"]
