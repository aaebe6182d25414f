"""Search queries built from the school profile, within each platform's syntax and length limits.

What is searched:

- the school's name and aliases, and its own handles (mentions of the
  school's accounts);
- staff full names (when ``social.search_staff`` is on), where the platform
  can say "this name together with the school or its place" (X, Reddit:
  ``"Rhian Pritchard" (QEHS OR Carmarthen)``), so a common name does not
  bring in the whole country;
- never pupils: searching a child's name sends it to a third party and the
  analyser finds pupils in what the school searches bring back.

Terms are quoted when they hold a space or a character the platform would
split on, and packed greedily into ``term OR term ...`` queries no longer
than the platform allows; a profile with many aliases becomes several queries.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from repmon.profile import Profile

_PLAIN = re.compile(r"^[\w]+$", re.UNICODE)


@dataclass(frozen=True)
class Term:
    text: str
    kind: str      # "school", "handle" or "staff"
    ref: str       # the profile id it stands for


def _unique(values: Iterable[str]) -> list[str]:
    seen: set[str] = set()
    out = []
    for value in values:
        value = " ".join(value.replace('"', " ").split())
        if value and value.casefold() not in seen:
            seen.add(value.casefold())
            out.append(value)
    return out


def minimal(values: list[str]) -> list[str]:
    """Leave out a phrase that holds another whole (in ``A OR B`` it adds nothing): "QE High School" given "QE High"."""
    words = [v.casefold().split() for v in values]

    def holds(big: list[str], small: list[str]) -> bool:
        return len(small) < len(big) and any(big[i:i + len(small)] == small for i in range(len(big) - len(small) + 1))

    return [v for v, w in zip(values, words) if not any(holds(w, other) for other in words if other != w)]


def school_terms(profile: Profile) -> list[Term]:
    """The school's name and aliases, less those another already covers."""
    names = minimal(_unique([profile.school.name, *profile.school.aliases]))
    return [Term(n, "school", profile.school.id) for n in names]


def handle_terms(profile: Profile) -> list[Term]:
    return [Term(h.lstrip("@"), "handle", profile.school.id) for h in _unique(profile.school.handles)]


def staff_terms(profile: Profile) -> list[Term]:
    """Staff full names (two words or more; short aliases such as 'Mrs P' would match anything)."""
    out = []
    for person in profile.staff:
        for name in _unique([person.name, *person.aliases]):
            if len(name.split()) >= 2 and len(name) >= 6 and not name.split()[-1].rstrip(".").isupper():
                out.append(Term(name, "staff", person.id))
    return out


def context_terms(profile: Profile) -> list[str]:
    """Words that place a post at this school: its short names and its places."""
    return minimal(_unique([*profile.school.aliases, *profile.school.places]))


def quote(text: str) -> str:
    """A term as a phrase: quoted unless it is one plain word."""
    text = " ".join(text.replace('"', " ").split())
    return text if _PLAIN.match(text) else f'"{text}"'


def pack(parts: list[str], *, max_len: int, joiner: str = " OR ",
         wrap: Callable[[str], str] = lambda body: body) -> list[str]:
    """Join ``parts`` into as few queries as fit ``max_len`` once wrapped; a part too long alone is left out."""
    queries: list[str] = []
    current: list[str] = []
    for part in parts:
        if len(wrap(part)) > max_len:
            continue
        trial = current + [part]
        if current and len(wrap(joiner.join(trial))) > max_len:
            queries.append(wrap(joiner.join(current)))
            current = [part]
        else:
            current = trial
    if current:
        queries.append(wrap(joiner.join(current)))
    return queries


def with_context(names: list[str], context: list[str], *, max_len: int, and_word: str = " ",
                 or_word: str = " OR ") -> list[str]:
    """``("Name" OR "Name") (ctx OR ctx ...)`` queries: any of the names together with any context word.

    The context is split first (each part leaves room for the longest name),
    then the names are packed beside each part.
    """
    names = [quote(n) for n in names]
    if not names or not context:
        return []
    room = max_len - max(len(n) for n in names) - len(and_word) - 4
    contexts = pack([quote(c) for c in context], max_len=room, joiner=or_word, wrap=lambda body: f"({body})")
    queries = []
    for ctx in contexts:
        queries.extend(pack(names, max_len=max_len, joiner=or_word, wrap=lambda body: f"({body}){and_word}{ctx}"))
    return queries
