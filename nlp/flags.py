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
  anyway; ``school`` always targets the school.

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

from bisect import bisect_right
from dataclasses import dataclass, field
from typing import Any

from spacy.tokens import Doc, Span

from nlp.lexicon import CategoryRule, CueRule, Settings

PUPIL_NAMED_SCORE = 0.7
PUPIL_NAMED_REASON = "pupil named together with the school"
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


@dataclass
class _Context:
    doc: Doc
    sent_starts: list[int]
    persons: list[Span]
    school_sents: set[int]
    pronoun_sents: set[int]
    hedge_sents: set[int]
    question_sents: set[int]
    school_id: str
    settings: Settings
    by_sent: dict[int, list[Span]] = field(default_factory=dict)   # persons named in each sentence

    def sent_of(self, token_i: int) -> int:
        return bisect_right(self.sent_starts, token_i) - 1

    def persons_in(self, first: int, last: int) -> list[Span]:
        return [p for s in range(first, last + 1) for p in self.by_sent.get(s, ())]


def _quote(text: str) -> str:
    text = " ".join(text.split()).rstrip(".,;:!?")
    return "'" + (text if len(text) <= QUOTE_LIMIT else text[: QUOTE_LIMIT - 1] + "\u2026") + "'"


def build_context(doc: Doc, mentions: list[Span], hedges: list[Span], school_id: str, settings: Settings) -> _Context:
    sents = list(doc.sents) if len(doc) else []
    sent_starts = [s.start for s in sents]
    ctx = _Context(doc, sent_starts, [m for m in mentions if m.label_ in ("staff", "pupil")], set(), set(), set(), set(),
                   school_id, settings)
    for m in mentions:
        if m.label_ == "school":
            ctx.school_sents.add(ctx.sent_of(m.start))
    ctx.persons.sort(key=lambda p: p.start)
    for p in ctx.persons:
        ctx.by_sent.setdefault(ctx.sent_of(p.start), []).append(p)
    for token in doc:
        if token.norm_ in settings.pronouns:
            ctx.pronoun_sents.add(ctx.sent_of(token.i))
        elif token.norm_ in settings.school_refs:
            ctx.school_sents.add(ctx.sent_of(token.i))
    for h in hedges:
        ctx.hedge_sents.add(ctx.sent_of(h.start))
    for index, sent in enumerate(sents):
        last = sent[-1] if len(sent) else None
        while last is not None and last.is_space and last.i > sent.start:
            last = doc[last.i - 1]
        if last is not None and "?" in last.text:
            ctx.question_sents.add(index)
    return ctx


def _distance(a: Span, b: Span) -> tuple[int, int]:
    """Token distance between two spans; ties go to the span that comes first."""
    if a.end <= b.start:
        return b.start - a.end, 0
    if b.end <= a.start:
        return a.start - b.end, 1
    return 0, 0


def _person_for(ctx: _Context, cue: Span, prefer_pupil: bool) -> Span | None:
    sent = ctx.sent_of(cue.start)
    here = ctx.by_sent.get(sent, [])
    if prefer_pupil and any(p.label_ == "pupil" for p in here):
        here = [p for p in here if p.label_ == "pupil"]
    if here:
        return min(here, key=lambda p: _distance(p, cue))
    if sent in ctx.pronoun_sents:
        earlier = [p for p in ctx.persons_in(sent - ctx.settings.pronoun_lookback, sent) if p.end <= cue.start]
        if prefer_pupil and any(p.label_ == "pupil" for p in earlier):
            earlier = [p for p in earlier if p.label_ == "pupil"]
        if earlier:
            return earlier[-1]
    return None


def target_of(ctx: _Context, cue: Span, mode: str) -> str | None:
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
    if mode == "person_or_school" and ctx.sent_of(cue.start) in ctx.school_sents:
        return ctx.school_id
    return None


def _negated(ctx: _Context, cue: Span) -> bool:
    sent_start = ctx.sent_starts[ctx.sent_of(cue.start)] if ctx.sent_starts else 0
    lo = max(sent_start, cue.start - ctx.settings.negation_window)
    return any(ctx.doc[i].norm_ in ctx.settings.negations for i in range(lo, cue.start))


def cues_from_rules(ctx: _Context, spans: list[Span], rules: dict[str, CueRule],
                    categories: dict[str, CategoryRule]) -> list[Cue]:
    out: list[Cue] = []
    for span in spans:
        rule = rules.get(span.id_)
        if rule is None:
            continue
        category = categories[rule.category]
        if category.negatable and _negated(ctx, span):
            continue
        ref = target_of(ctx, span, rule.target or category.target)
        if ref is None:
            continue
        score = rule.score
        sent = ctx.sent_of(span.start)
        if category.hedgeable and sent in ctx.hedge_sents:
            score *= ctx.settings.hedge_factor
        if category.hedgeable and sent in ctx.question_sents:
            score *= ctx.settings.question_factor
        out.append(Cue(rule.category, ref, score, rule.reason, span.text, span.start_char, span.end_char, rule.id))
    return out


def identifying_cues(ctx: _Context, pii: list[Span], pii_meta: dict[str, tuple[float, str]]) -> list[Cue]:
    """Pupils named in a relevant item, and personal details near a named person."""
    out = [Cue("identifying", p.kb_id_, PUPIL_NAMED_SCORE, PUPIL_NAMED_REASON, p.text, p.start_char, p.end_char,
               "identifying.pupil-named") for p in ctx.persons if p.label_ == "pupil"]
    window = ctx.settings.pii_window
    for span in pii:
        sent = ctx.sent_of(span.start)
        near = ctx.persons_in(sent - window, sent + window)
        if not near:
            continue
        same = ctx.by_sent.get(sent) or near
        person = min(same, key=lambda p: _distance(p, span))
        score, reason = pii_meta.get(span.id_, (0.8, f"{span.label_} exposed"))
        out.append(Cue("identifying", person.kb_id_, score, reason, span.text, span.start_char, span.end_char, span.id_))
    return out


def combine(cues: list[Cue], categories: dict[str, CategoryRule], severity_rank: dict[str, int]) -> list[dict[str, Any]]:
    """One flag per (category, target): combined score, a reason naming the words, rules and offsets."""
    groups: dict[tuple[str, str], list[Cue]] = {}
    for cue in cues:
        groups.setdefault((cue.category, cue.ref), []).append(cue)
    flags: list[dict[str, Any]] = []
    for (category, ref), group in groups.items():
        rest = 1.0
        for cue in group:
            rest *= 1.0 - cue.score
        score = round(min(0.99, 1.0 - rest), 2)
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
    flags.sort(key=lambda f: (-severity_rank[categories[f["category"]].severity], -f["score"], f["category"], f["ref"]))
    for flag in flags:
        flag["evidence"] = [list(pair) for pair in flag["evidence"]]
    return flags
