"""Is an item about *this* school? The rules, written once, with the reason they give.

:func:`summarise` reads what the earlier components found in a Doc (the
text, or the item's title or URL) into plain lists; :func:`decide` applies
the rules below, in order, to the summaries of all parts of an item. The
first rule that fires gives the answer and its reason.

1. The item is on the school's own site (URL on a profile domain) or by the
   school's own account (author is a profile handle): relevant.
2. The school is named (name, alias, handle, domain, or its short core name
   such as "Queen Elizabeth" next to a school word):
   a. its own handle or domain appears: relevant;
   b. a decoy place (another school of that name) is in the same sentence as
      the name and no profile place is: not relevant;
   c. a decoy place appears and no profile place does: not relevant;
   d. a profile place, or a member of staff or a pupil from the profile, is
      also named: relevant;
   e. otherwise: not relevant (nothing ties the name to this school).
3. The school is not named, but a person from the profile is:
   a. a decoy place and no profile place: not relevant;
   b. a full name with a profile place or a school word ("teacher", "Year 9"):
      relevant;
   c. a short form ("Mrs Pritchard", "Mrs P") with both a profile place and a
      school word: relevant;
   d. otherwise: not relevant (a bare name is too common to be sure).
4. Otherwise not relevant; when the words are another sense of the school's
   name (the monarch, a hospital, a ship) the reason says so.
"""

from __future__ import annotations

from bisect import bisect_right
from typing import Any

from spacy.tokens import Doc, Span

MENTIONS = "repmon_mentions"
EVIDENCE = "repmon_evidence"

Summary = dict[str, list[Any]]


def _covered(spans: list[Span]) -> set[int]:
    return {i for s in spans for i in range(s.start, s.end)}


def _inside(span: Span, covered: set[int]) -> bool:
    return span.start in covered and span.end - 1 in covered


def sent_starts(doc: Doc) -> list[int]:
    """Token index where each sentence starts (one sentence when there are no boundaries)."""
    if not doc.has_annotation("SENT_START"):
        return [0]
    return [t.i for t in doc if t.is_sent_start or t.i == 0]


def summarise(doc: Doc) -> Summary:
    """The evidence for relevance in one Doc, as lists of strings (and (ref, text) pairs)."""
    mentions = list(doc.spans[MENTIONS]) if MENTIONS in doc.spans else []
    evidence = list(doc.spans[EVIDENCE]) if EVIDENCE in doc.spans else []
    schools = [m for m in mentions if m.label_ == "school"]
    named = [m for m in schools if m.id_ not in ("handle", "domain")]
    people = [m for m in mentions if m.label_ in ("staff", "pupil")]
    in_schools, in_mentions = _covered(schools), _covered(mentions)
    places = [e for e in evidence if e.label_ == "PLACE" and not _inside(e, in_schools)]
    decoys = [e for e in evidence if e.label_ == "DECOY" and not _inside(e, in_schools)]
    starts = sent_starts(doc)
    school_sents = {bisect_right(starts, m.start) for m in schools}

    def in_school_sent(span: Span) -> bool:
        return bisect_right(starts, span.start) in school_sents

    return {
        "school": [m.text for m in named if m.id_ != "core"],
        "core": [m.text for m in named if m.id_ == "core"],
        "own_site": [e.text for e in evidence if e.label_ == "OWN_SITE"],
        "places": [p.text for p in places],
        "decoys": [d.text for d in decoys],
        "people_full": [(m.kb_id_, m.text) for m in people if m.id_ in ("full", "title_full")],
        "people_short": [(m.kb_id_, m.text) for m in people if m.id_ not in ("full", "title_full")],
        "school_words": [e.text for e in evidence if e.label_ == "SCHOOL_WORD" and not _inside(e, in_mentions)],
        "not_school": [(e.id_, e.text) for e in evidence if e.label_ == "NOT_SCHOOL"],
        "decoy_placed": [d.text for d in decoys if in_school_sent(d)],
        "here_placed": [p.text for p in places if in_school_sent(p)],
    }


def merge(parts: list[Summary]) -> Summary:
    out: Summary = {}
    for part in parts:
        for key, values in part.items():
            out.setdefault(key, []).extend(values)
    return out


def _q(values: list[Any]) -> str:
    first = values[0]
    return f"'{first[1] if isinstance(first, tuple) else first}'"


def _person(values: list[tuple[str, str]]) -> str:
    ref, text = values[0]
    return f"{ref} '{text}'"


def decide(parts: list[Summary], own_site: str | None = None) -> tuple[bool, str]:
    """Apply the rules in this module's docstring; return (relevant, reason)."""
    if own_site:
        return True, f"published on the school's own site or account ({own_site})"
    s = merge(parts)

    def get(key: str) -> list[Any]:
        return s.get(key, [])

    people = get("people_full") + get("people_short")
    named = get("school") + get("core") + get("own_site")
    if named:
        name = _q(named)
        if get("own_site"):
            return True, f"names the school's own handle or domain {_q(get('own_site'))}"
        if get("decoy_placed") and not get("here_placed"):
            return False, f"{name} is another school of that name: {_q(get('decoy_placed'))} in the same sentence"
        if get("decoys") and not get("places"):
            return False, f"{name} with {_q(get('decoys'))}, the place of another school, and no place of this school"
        if get("places"):
            return True, f"{name} with the place {_q(get('places'))}"
        if people:
            return True, f"{name} with {_person(people)} from the profile"
        return False, f"{name} but no place, domain, handle or person ties it to this school"
    if people:
        if get("decoys") and not get("places"):
            return False, f"{_person(people)} with {_q(get('decoys'))}, the place of another school"
        context = get("places") + get("school_words")
        if get("people_full") and context:
            return True, f"full name {_person(get('people_full'))} with {_q(context)}"
        if get("places") and get("school_words"):
            return True, f"{_person(people)} with {_q(get('places'))} and {_q(get('school_words'))}"
        return False, f"only {_person(people)}, a name too common to be sure of without a place and a school setting"
    if get("not_school"):
        sense, text = get("not_school")[0]
        return False, f"'{text}' means {sense}, not the school"
    return False, "the school and its people are not mentioned"
