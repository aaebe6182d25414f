"""Turn a school profile into the words the pipeline looks for.

:func:`profile_terms` returns plain data (JSON-serialisable, so it can sit in
a spaCy component's config): the school's names, its short core names,
places (with Welsh mutations), decoys, domains and handles, and for each
person the surface forms to match with the form they are in:

- ``full``: the full name or an alias that is a full name ("Sian Howells");
- ``title_full``: a title with the full name ("Mrs Rhian Pritchard");
- ``title``: a title with the surname ("Mrs Pritchard", "Mrs. Pritchard");
- ``alias``: a short alias ("Mrs P", "Mr B").

Nothing here knows about any particular school: it is all derived from the
profile and the data files ``titles-v1.jsonl``, ``welsh-mutations-v1.jsonl``
and ``school-words-v1.jsonl``.
"""

from __future__ import annotations

import unicodedata
from typing import Any

from nlp.lexicon import read_jsonl
from repmon.profile import Person, Profile

TITLES_FILE = "titles-v1.jsonl"
MUTATIONS_FILE = "welsh-mutations-v1.jsonl"
SCHOOL_WORDS_FILE = "school-words-v1.jsonl"

_QUOTES = str.maketrans({"\u2019": "'", "\u2018": "'", "\u02bc": "'", "\u00b4": "'", "`": "'"})


def fold(text: str) -> str:
    """Lower case, accents and zero-width/format characters removed, curly quotes made straight.

    ``fold("Siân")`` is ``"sian"``; both the profile's words and the text's tokens
    are compared in this form (see the ``repmon_normalise`` component).
    """
    text = text.translate(_QUOTES)
    if text.isascii():
        return text.lower()
    decomposed = unicodedata.normalize("NFKD", text)
    kept = "".join(ch for ch in decomposed if unicodedata.category(ch) not in ("Mn", "Cf"))
    return unicodedata.normalize("NFC", kept).lower()


def default_titles(directory: str = "") -> list[str]:
    return [row["title"] for _, row in read_jsonl(TITLES_FILE, directory) if isinstance(row.get("title"), str)]


def name_parts(directory: str = "") -> set[str]:
    words: set[str] = set()
    for _, row in read_jsonl(SCHOOL_WORDS_FILE, directory):
        if row.get("kind") == "name_part":
            words.update(fold(w) for w in row.get("words", []))
    return words


def mutations(directory: str = "") -> list[tuple[str, str, str]]:
    rows = [(str(r["mutation"]), str(r["from"]), str(r["to"])) for _, r in read_jsonl(MUTATIONS_FILE, directory)]
    return sorted(rows, key=lambda r: -len(r[1]))  # "ll" before "l"


def mutated_forms(word: str, table: list[tuple[str, str, str]]) -> list[str]:
    """Welsh mutations of a word's first letters: "Caerfyrddin" -> "Gaerfyrddin", "Nghaerfyrddin", "Chaerfyrddin"."""
    forms: list[str] = []
    done: set[str] = set()
    lower = word.lower()
    for kind, old, new in table:
        if kind in done or not lower.startswith(old):
            continue
        done.add(kind)
        rest = word[len(old):]
        mutated = new + rest
        if word[:1].isupper() and mutated:
            mutated = mutated[0].upper() + mutated[1:]
        if len(mutated) > 2 and mutated.lower() != lower:
            forms.append(mutated)
    return forms


def _unique(items: list[str]) -> list[str]:
    seen: set[str] = set()
    out = []
    for item in items:
        key = fold(item)
        if item and key not in seen:
            seen.add(key)
            out.append(item)
    return out


def school_cores(names: list[str], places: list[str], parts: set[str]) -> list[str]:
    """The distinctive part of each multi-word school name: generic words stripped from both ends.

    "Queen Elizabeth High School" -> "Queen Elizabeth". A core must keep at
    least two words and must not be a place, or it would match too much.
    """
    place_keys = {fold(p) for p in places}
    cores = []
    for name in names:
        words = name.split()
        if len(words) < 3:
            continue
        while words and fold(words[0]) in parts:
            words = words[1:]
        while words and fold(words[-1]) in parts:
            words = words[:-1]
        core = " ".join(words)
        if len(words) >= 2 and fold(core) not in place_keys and fold(core) != fold(name):
            cores.append(core)
    return _unique(cores)


def _single_letter_end(text: str) -> bool:
    last = text.split()[-1] if text.split() else ""
    return len(last) == 1 and last.isalpha()


def person_forms(person: Person, titles: list[str]) -> list[dict[str, str]]:
    """Every surface form that names ``person``, with its form label."""
    forms: list[dict[str, str]] = [{"text": person.name, "form": "full"}]
    title_words = {fold(t).rstrip(".") for t in titles}
    for alias in person.aliases:
        words = alias.split()
        is_full = len(words) >= 2 and fold(words[0]).rstrip(".") not in title_words and not _single_letter_end(alias)
        forms.append({"text": alias, "form": "full" if is_full else "alias"})
        if _single_letter_end(alias):
            forms.append({"text": alias + ".", "form": "alias"})
        if words and fold(words[0]).rstrip(".") in title_words and not words[0].endswith("."):
            forms.append({"text": words[0] + ". " + " ".join(words[1:]), "form": "alias"})
    if person.kind == "staff":
        surname = person.name.split()[-1]
        person_titles = list(person.titles) or titles
        for title in person_titles:
            bare = title.rstrip(".")
            for t in (bare, bare + "."):
                forms.append({"text": f"{t} {surname}", "form": "title"})
                if len(person.name.split()) > 1:
                    forms.append({"text": f"{t} {person.name}", "form": "title_full"})
    out: list[dict[str, str]] = []
    seen: set[str] = set()
    for form in forms:
        key = fold(form["text"])
        if key not in seen:
            seen.add(key)
            out.append(form)
    return out


def profile_terms(profile: Profile, directory: str = "") -> dict[str, Any]:
    """Everything the pipeline matches for ``profile``, as plain data."""
    school = profile.school
    titles = default_titles(directory)
    table = mutations(directory)
    places: list[str] = []
    for place in school.places:
        places.append(place)
        first, _, rest = place.partition(" ")
        for form in mutated_forms(first, table):
            places.append(f"{form} {rest}".strip())
    names = _unique([school.name, *school.aliases])
    return {
        "school": {
            "id": school.id,
            "names": names,
            "cores": school_cores(names, list(school.places), name_parts(directory)),
            "places": _unique(places),
            "decoys": _unique(list(school.decoys)),
            "domains": [d.lower().strip(".") for d in school.domains],
            "handles": [h.lstrip("@").lower() for h in school.handles],
        },
        "people": [
            {"id": p.id, "kind": p.kind, "name": p.name, "forms": person_forms(p, titles)}
            for p in profile.people
        ],
    }
