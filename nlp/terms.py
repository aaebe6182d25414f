"""Turn a school profile into the words the pipeline looks for.

:func:`profile_terms` returns plain data (JSON-serialisable, so it can sit in
a spaCy component's config): the school's names, its short core names,
places and (v33) decoys (with Welsh mutations), domains and handles, and for each
person the surface forms to match with the form they are in:

- ``full``: the full name or an alias that is a full name ("Sian Howells");
- ``mutated``: the full name with a Welsh initial mutation ("Gai Llewelyn");
- ``title_full``: a title with the full name ("Mrs Rhian Pritchard");
- ``title``: a title with the surname ("Mrs Pritchard", "Mrs. Pritchard");
- ``alias``: a short alias ("Mrs P", "Mr B"), or title + initial derived when
  only one member of staff has that title and initial;
- ``title_first``: a title with the first name ("Miss Catrin"), as pupils in
  Welsh schools often say;
- ``first``: the first name alone, and ``surname``: a member of staff's
  surname alone, for names no one else in the profile has and that are not
  common (``common-names-v1.jsonl``); the mention finder keeps these only
  with school context.

Each multi-word form also comes joined up ("#QEHigh", "#CaiLlewelyn") and
hyphenated ("/qe-high/" in a URL); title forms also with a possessive "s"
and no apostrophe ("Mrs Pritchards lab"); full names with Welsh initial
mutations of the first name ("i Gai Llewelyn").

Nothing here knows about any particular school: it is all derived from the
profile and the data files ``titles-v1.jsonl``, ``welsh-mutations-v1.jsonl``
and ``school-words-v2.jsonl``.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from typing import Any

from nlp.lexicon import read_jsonl
from repmon.profile import Person, Profile

TITLES_FILE = "titles-v1.jsonl"
MUTATIONS_FILE = "welsh-mutations-v1.jsonl"
#: (v16) The Welsh letters written with two characters, which a surname's initial may be ("Miss Ll" for Llwyd).
WELSH_DIGRAPHS = frozenset({"ch", "dd", "ff", "ng", "ll", "ph", "rh", "th"})
SCHOOL_WORDS_FILE = "school-words-v2.jsonl"
COMMON_NAMES_FILE = "common-names-v1.jsonl"
ROLES_FILE = "roles-v9.jsonl"

_QUOTES = str.maketrans({"\u2019": "'", "\u2018": "'", "\u02bc": "'", "\u00b4": "'", "`": "'"})


def fold(text: str) -> str:
    """Lower case, accents and zero-width/format characters removed, curly quotes made straight.

    ``fold("Siân")`` is ``"sian"``; both the profile's words and the text's tokens
    are compared in this form (see the ``repmon_normalise`` component).
    """
    if text.isascii():  # (of _QUOTES only "`" is ASCII; str.translate reads a table for every character)
        return (text.replace("`", "'") if "`" in text else text).lower()
    text = text.translate(_QUOTES)
    if text.isascii():
        return text.lower()
    decomposed = unicodedata.normalize("NFKD", text)
    kept = "".join(ch for ch in decomposed if unicodedata.category(ch) not in ("Mn", "Cf"))
    return unicodedata.normalize("NFC", kept).lower()


def default_titles(directory: str = "") -> list[str]:
    return [row["title"] for _, row in read_jsonl(TITLES_FILE, directory) if isinstance(row.get("title"), str)]


def name_parts(directory: str = "", kind: str = "name_part") -> set[str]:
    """Generic words of school names: ``name_part`` (both ends), ``name_start`` or ``name_end`` (one end)."""
    words: set[str] = set()
    for _, row in read_jsonl(SCHOOL_WORDS_FILE, directory):
        if row.get("kind") == kind:
            words.update(fold(w) for w in row.get("words", []))
    return words


def mutations(directory: str = "") -> list[tuple[str, str, str]]:
    rows = [(str(r["mutation"]), str(r["from"]), str(r["to"])) for _, r in read_jsonl(MUTATIONS_FILE, directory)]
    return sorted(rows, key=lambda r: -len(r[1]))  # "ll" before "l"


def mutated_forms(word: str, table: list[tuple[str, str, str]]) -> list[str]:
    """Welsh mutations of a word's first letters: "Caerfyrddin" -> "Gaerfyrddin", "Nghaerfyrddin", "Chaerfyrddin"."""
    return [form for form, _ in mutations_of(word, table)]


def mutations_of(word: str, table: list[tuple[str, str, str]]) -> list[tuple[str, str]]:
    """(v8) :func:`mutated_forms` with the kind of each ("soft", "nasal", "aspirate")."""
    forms: list[tuple[str, str]] = []
    if not word.replace("-", "").replace("'", "").isalpha() or (word.isupper() and len(word) > 1):  # "LL57", "QEHS" do not
        return forms
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
            forms.append((mutated, kind))
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


def school_cores(names: list[str], places: list[str], parts: set[str],
                 starts: set[str] | None = None, ends: set[str] | None = None) -> list[str]:
    """The distinctive part of each multi-word school name: generic words stripped from its ends.

    "Queen Elizabeth High School" -> "Queen Elizabeth"; "Prince of Wales High
    School" -> "Prince of Wales" (a word such as "Wales" is only stripped where
    it is generic, in "... Church in Wales High School"). A core must keep at
    least two words, must not end in a linking word ("of", "y") and must not
    be a place, or it would match too much.
    """
    place_keys = {fold(p) for p in places}
    starts = parts | (starts or set())
    ends = parts | (ends or set())
    cores = []
    for name in names:
        words = name.split()
        if len(words) < 3:
            continue
        while words and fold(words[0]) in starts:
            words = words[1:]
        while words and fold(words[-1]) in ends:
            words = words[:-1]
        while words and fold(words[-1]) in _LINKS:
            words = words[:-1]
        core = " ".join(words)
        if len(words) >= 2 and fold(core) not in place_keys and fold(core) != fold(name):
            cores.append(core)
        lead = name.split()[: len(name.split()) - len(words)]
        if lead and fold(lead[0]) in parts and len(words) >= 2 and fold(words[0]) not in place_keys:
            cores.append(" ".join(lead + words[:1]))  # v5: a school word and the core's first word, "Ysgol y Frenhines"
    return _unique(cores)


_LINKS = {"of", "y", "yr", "the", "and", "a", "in", "de", "st", "st."}


def school_abbreviations(names: list[str], places: list[str], parts: set[str]) -> list[str]:
    """v5: the abbreviation inside an alias such as "QE High" or "PoW High": one word of two to five letters, two or
    more of them capitals, left when the generic words are stripped. The mention finder takes it only as written
    ("QE", "PoW"; not "pow" or "POW") and only with a school word, a person from the profile or "at"/"from" before it."""
    place_keys = {fold(p) for p in places}
    out = []
    for name in names:
        words = [w for w in name.split() if fold(w) not in parts]
        if len(words) == 1 and len(name.split()) > 1:
            word = words[0]
            if 2 <= len(word) <= 5 and word.isalpha() and sum(c.isupper() for c in word) >= 2 \
                    and fold(word) not in place_keys:
                out.append(word)
    return _unique(out)


def _single_letter_end(text: str) -> bool:
    last = text.split()[-1] if text.split() else ""
    return len(last) == 1 and last.isalpha()


def _variants(text: str, form: str) -> list[dict[str, str]]:
    """A multi-word form, joined up (hashtags) and hyphenated (URL slugs), besides itself."""
    out = [{"text": text, "form": form}]
    words = text.replace(".", " ").split()
    if len(words) >= 2 and all(w.replace("-", "").replace("'", "").isalnum() for w in words):
        out.append({"text": "".join(w.replace("-", "") for w in words), "form": form})
        out.append({"text": "-".join(words), "form": form})
        if any("-" in w.strip("-") for w in words):  # (v6) "Nia Vaughan Lloyd", "Meg Thomas Price": the hyphen left out
            out.append({"text": " ".join(w.replace("-", " ") for w in words), "form": form})
        if len(words) >= 3 and form == "full":  # (v11) a surname of two words run together: "gethin aprhys"
            out.append({"text": words[0] + " " + "".join(w.replace("-", "") for w in words[1:]), "form": form})
    return out


def common_names(directory: str = "", kind: str = "") -> set[str]:
    """Names that never stand alone: common surnames (``kind="surname"``) and names that are everyday
    words (``kind="word"``); both when ``kind`` is empty."""
    words: set[str] = set()
    for _, row in read_jsonl(COMMON_NAMES_FILE, directory):
        if not kind or row.get("kind") == kind:
            words.update(fold(w) for w in row.get("words", []))
    return words


def person_forms(person: Person, titles: list[str], *, first_unique: bool = False, initials: tuple[str, ...] = (),
                 table: list[tuple[str, str, str]] | None = None, surname_unique: bool = False,
                 surname_rare: bool = False) -> list[dict[str, str]]:
    """Every surface form that names ``person``, with its form label.

    ``first_unique``: no one else in the profile has this first name, so it
    may stand alone (form ``first``). ``initials``: the titles for which
    title + initial ("Mrs P") names only this person. ``table``: Welsh
    mutations (:func:`mutations`) for the first name of the full name.
    ``surname_rare`` (v8): the surname is not a common one (``common-names-v1.jsonl``), so a member of staff's
    surname alone has the form ``surname_rare`` and is left to the flag rules like a full name.
    """
    forms: list[dict[str, str]] = _variants(person.name, "full")
    words = person.name.split()
    title_words = {fold(t).rstrip(".") for t in titles}
    for word in mutated_forms(words[0], table or []) if len(words) > 1 else []:
        forms.append({"text": " ".join([word, *words[1:]]), "form": "mutated"})
    for alias in person.aliases:
        alias_words = alias.split()
        is_full = len(alias_words) >= 2 and fold(alias_words[0]).rstrip(".") not in title_words \
            and not _single_letter_end(alias)
        forms += _variants(alias, "full" if is_full else "alias")
        if _single_letter_end(alias):
            forms.append({"text": alias + ".", "form": "alias"})
        if alias_words and fold(alias_words[0]).rstrip(".") in title_words and not alias_words[0].endswith("."):
            forms.append({"text": alias_words[0] + ". " + " ".join(alias_words[1:]), "form": "alias"})
    if person.kind == "staff":
        surnames = [words[-1]] + ([" ".join(words[-2:])] if len(words) >= 3 else [])
        person_titles = list(person.titles) or titles
        for title in person_titles:
            bare = title.rstrip(".")
            for t in (bare, bare + "."):
                for surname in surnames:
                    forms += _variants(f"{t} {surname}", "title")
                    forms.append({"text": f"{t} {surname}s", "form": "title"})
                if len(words) > 1:
                    forms += _variants(f"{t} {person.name}", "title_full")
                    forms.append({"text": f"{t} {words[0]}", "form": "title_first"})
                if bare in initials:
                    forms.append({"text": f"{t} {words[-1][0]}", "form": "alias"})
                    forms.append({"text": f"{t} {words[-1][0]}.", "form": "alias"})
                    if fold(words[-1][:2]) in WELSH_DIGRAPHS:  # (v16) "Miss Ll" for Llwyd: a Welsh letter of two
                        forms.append({"text": f"{t} {words[-1][:2]}", "form": "alias"})
                        forms.append({"text": f"{t} {words[-1][:2]}.", "form": "alias"})
                parts = [w for w in words[-1].split("-") if w]
                if len(parts) >= 2:  # "Ellis-Owen": "Mr E-O", "Mr EO", "Mr E.O.", "Mr Ellis Owen"
                    letters = [w[0] for w in parts]
                    for text in ("-".join(letters), "".join(letters), ".".join(letters), ".".join(letters) + ".",
                                 " ".join(parts)):
                        forms.append({"text": f"{t} {text}", "form": "alias" if len(text) < 5 else "title"})
        # (v35) a head teacher's or deputy's own role as a title before the surname ("that deputy Howells at Queen
        # Elizabeth", "pennaeth Prydderch"); "head" alone is not ("a header from Rees")
        for role_title in _role_titles(person.role):
            for surname in surnames:
                forms += _variants(f"{role_title} {surname}", "title")
    if person.kind == "staff":  # (v6) a campaign hashtag: "#SackMissJenkins", "#MrBeynonOut", "#SianHowellsMustGo"
        for form in [f for f in forms if f["form"] in ("full", "title", "title_full", "alias") and " " in f["text"]]:
            joined = "".join(w.replace("-", "") for w in form["text"].replace(".", " ").split())
            if joined.isalnum() and (form["form"] != "alias" or len(joined) >= 4):  # (v9) "#sackmrEO" ("Mr E-O")
                forms += [{"text": text, "form": form["form"]}
                          for text in (f"Sack{joined}", f"{joined}Out", f"{joined}MustGo", f"{joined}MustResign")]
    if first_unique and len(words) > 1:
        forms.append({"text": words[0], "form": "first"})
        if len(words[0]) >= 5 and not words[0].endswith("s"):  # (v9) a possessive without its apostrophe: "osians"
            forms.append({"text": words[0] + "s", "form": "first"})
        forms += [{"text": a.split()[0], "form": "first"} for a in person.aliases  # (v7) "Meg", "Jacko"
                  if len(a.split()) >= 2 and len(a.split()[0]) >= 3 and fold(a.split()[0]).rstrip(".") not in title_words]
        if person.kind == "pupil":  # (v7) "Lili G", "Meg T-P", "Nia VL": how pupils write each other, school beside it
            letters = [w[0] for w in words[-1].split("-") if w]
            shorts = {"-".join(letters), "".join(letters)} if len(letters) >= 2 else {letters[0]} if letters else set()
            for first in sorted({words[0]} | {a.split()[0] for a in person.aliases if len(a.split()) >= 2}):
                forms += [{"text": f"{first} {i}{stop}", "form": "first"} for i in sorted(shorts) for stop in ("", ".")]
                # (v16) the first name mutated as Welsh does after "i", "am", "wrth" ("gofyn i Fegan T-P am lunie"):
                # matched as written only, never the target of a misspelt word ("began")
                forms += [{"text": f"{m} {i}{stop}", "form": "first", "mutated": "first"}
                          for m in mutated_forms(first, table or []) for i in sorted(shorts) for stop in ("", ".")]
            if len(letters) >= 2:  # (v16) every initial in capitals, of a surname of two parts: "NVL", "MTP"
                forms.append({"text": (words[0][0] + "".join(letters)).upper(), "form": "first"})
    if surname_unique and len(words) > 1:  # (v7) pupils too: "Bowen is a snitch ... #QEHS"
        rare = surname_rare and person.kind == "staff"  # (v8) "Prydderch", not "Rees": may be aimed at alone
        surnames_alone = [words[-1]]
        if "-" in words[-1].strip("-"):  # (v8) "megs thomas price ... at QE": the hyphen left out
            surnames_alone.append(words[-1].replace("-", " "))
        for text in surnames_alone:
            forms.append({"text": text, "form": "surname_rare" if rare else "surname"})
            if len(words[-1]) >= 5 and not text.endswith("s"):  # (v9) "prydderchs car", "ellis owens face"
                forms.append({"text": text + "s", "form": "surname_rare" if rare else "surname"})
        parts = [w for w in words[-1].split("-") if w]
        if person.kind == "staff" and len(parts) >= 2 and all(w[:1].isupper() for w in parts):
            # (v15) a hyphenated surname by its initials alone, as pupils write it ("if E-O gives me a detention")
            forms.append({"text": "-".join(w[0] for w in parts), "form": "surname"})
        joined = "".join(parts)
        if person.kind == "staff" and joined.isalpha():  # (v13) a campaign hashtag with the surname alone, read as
            forms += [{"text": text, "form": "surname"}  # the surname: "#ReesOut", "#SackRees", "#byebyebeynon"
                      for text in (f"Sack{joined}", f"{joined}Out", f"{joined}MustGo", f"ByeBye{joined}", f"Bye{joined}")]
    out: list[dict[str, str]] = []
    seen: set[str] = set()
    for form in forms:
        key = fold(form["text"])
        if key not in seen:
            seen.add(key)
            out.append(form)
    return out


def _first_names(profile: Profile) -> dict[str, int]:
    counts: dict[str, int] = {}
    for p in profile.people:
        names = {fold(p.name.split()[0])} | {fold(a.split()[0]) for a in p.aliases if len(a.split()) >= 2}
        for name in names:
            counts[name] = counts.get(name, 0) + 1
    return counts


def _unique_initials(profile: Profile, titles: list[str]) -> dict[str, tuple[str, ...]]:
    """For each member of staff, the titles with which title + surname initial names only them."""
    owners: dict[tuple[str, str], list[str]] = {}
    for p in profile.staff:
        words = p.name.split()
        if len(words) < 2:
            continue
        for title in {t.rstrip(".") for t in (p.titles or titles)}:
            owners.setdefault((fold(title), fold(words[-1][0])), []).append(p.id)
    out: dict[str, tuple[str, ...]] = {}
    for p in profile.staff:
        words = p.name.split()
        if len(words) < 2:
            continue
        out[p.id] = tuple(t.rstrip(".") for t in (p.titles or titles)
                          if owners.get((fold(t.rstrip(".")), fold(words[-1][0]))) == [p.id])
    return out


def _with_mutations(places: Iterable[str], table: list[tuple[str, str, str]]) -> list[str]:
    """Each place as written, then with its first word mutated as Welsh mutates it ("Caerfyrddin", "Gaerfyrddin",
    "Nghaerfyrddin", "Chaerfyrddin"; "Upper Bangor" keeps "Bangor" as it is)."""
    out: list[str] = []
    for place in places:
        out.append(place)
        first, _, rest = place.partition(" ")
        out += [f"{form} {rest}".strip() for form in mutated_forms(first, table)]
    return out


#: (v35) Words in a member of staff's role (folded) -> the titles that role gives before the surname.
ROLE_TITLES = {"deputy": ("deputy", "deputy head", "dirprwy", "dirprwy bennaeth"),
               "head teacher": ("headteacher", "head teacher", "pennaeth", "prifathro", "prifathrawes"),
               "headteacher": ("headteacher", "head teacher", "pennaeth", "prifathro", "prifathrawes")}


def _role_titles(role: str) -> list[str]:
    """(v35) The titles a member of staff's role gives: "Deputy Head and Designated Safeguarding Lead" gives "deputy",
    "deputy head", "dirprwy"; "Head Teacher" gives "headteacher", "pennaeth"; "Head of Maths" none."""
    folded = fold(role)
    return [t for key, titles in ROLE_TITLES.items() if re.search(rf"\b{key}\b", folded) for t in titles]


def role_words(directory: str = "") -> dict[str, Any]:
    """The role lexicon (``roles-v9.jsonl``): ``roles`` and ``subjects`` (lists of folded spellings of one role or
    subject), ``bare`` and ``not_after`` (folded words)."""
    out: dict[str, Any] = {"roles": [], "subjects": [], "bare": [], "not_after": []}
    for _, row in read_jsonl(ROLES_FILE, directory):
        for key, into in (("role", "roles"), ("subject", "subjects")):
            if key in row:
                words = [fold(w) for w in row[key]]
                same = next((group for group in out[into] if not set(group).isdisjoint(words)), None)
                if same is None:
                    out[into].append(words)
                else:  # (v9) a later line adds to the group it shares a word with (Welsh subject names)
                    same += [w for w in words if w not in same]
        for key in ("bare", "not_after"):
            out[key] += [fold(w) for w in row.get(key, [])]
    return out


def role_forms(profile: Profile, directory: str = "") -> dict[str, list[str]]:
    """For each member of staff, the ways of writing their role (``role`` in the profile) that name only them:
    "Head of Science" -> "head of science", "science head"; "Head Teacher" -> "headteacher", "head", "pennaeth"
    (``roles-v6.jsonl``). A role made of several ("Deputy Head and Designated Safeguarding Lead") gives the forms
    of each. "Teacher of PE" gives only itself: a school has many teachers of a subject, the profile a few of them,
    so "the PE teacher" is not taken to be the one in the profile."""
    words = role_words(directory)
    table = mutations(directory)
    owners: dict[str, set[str]] = {}
    for person in profile.staff:
        for part in re.split(r"\s*(?:,|&|/|;|\band\b)\s*", fold(person.role)):
            part = " ".join(part.split())
            if not part:
                continue
            forms = {part}
            for group in words["roles"]:
                if part in group:
                    forms.update(group)
            matched = re.fullmatch(r"(head|leader|lead) of (?:the )?(.+?)(?: department)?", part)
            if matched:
                what, subject = matched.groups()
                subjects = next((g for g in words["subjects"] if subject in g), [subject])
                for name in subjects:
                    forms.update({f"{what} of {name}", f"{name} {what}"})
                    if what == "head" and len(subjects) > 1:  # (v9) a known subject: "pennaeth gwyddoniaeth"
                        for head in {"pennaeth", *mutated_forms("pennaeth", table)}:
                            for welsh in {name, *mutated_forms(name, table)}:
                                forms.update({f"{head} {welsh}", f"{head} yr adran {welsh}", f"{head} adran {welsh}"})
            for form in forms:
                owners.setdefault(form, set()).add(person.id)
    out: dict[str, list[str]] = {}
    for form, ids in sorted(owners.items()):
        if len(ids) == 1:
            out.setdefault(next(iter(ids)), []).append(form)
    return out


def _welsh_counties(places: Iterable[str]) -> list[str]:
    """(v16) A county as Welsh writes it: "County Down", "Co Down" -> "Swydd Down" ("ym Mangor, Swydd Down")."""
    out = []
    for place in places:
        first, _, rest = place.partition(" ")
        if rest and fold(first).rstrip(".") in ("county", "co"):
            out.append(f"Swydd {rest}")
    return out


def profile_terms(profile: Profile, directory: str = "") -> dict[str, Any]:
    """Everything the pipeline matches for ``profile``, as plain data."""
    school = profile.school
    titles = default_titles(directory)
    table = mutations(directory)
    places = _with_mutations(school.places, table)
    decoys = _with_mutations(school.decoys, table)  # (v33) as places are: "bachgen 14 oed o Benrith" is from Penrith
    names = _unique([school.name, *school.aliases])
    firsts = _first_names(profile)
    surnames: dict[str, int] = {}
    for p in profile.people:
        key = fold(p.name.split()[-1])
        surnames[key] = surnames.get(key, 0) + 1
    common = common_names(directory)
    everyday = common_names(directory, "word")
    common_surnames = common_names(directory, "surname")
    initials = _unique_initials(profile, titles)
    min_first = 3  # a first name of one or two letters ("Jo") is never matched alone
    min_surname = 4  # "Rees"; a surname alone also needs a capital and the school in its sentence (components.py)

    def first_ok(p: Person) -> bool:
        first = fold(p.name.split()[0])
        return firsts.get(first, 0) == 1 and len(first) >= min_first and first not in common

    def surname_ok(p: Person) -> bool:
        last = fold(p.name.split()[-1])
        # a common surname ("Rees", "Jenkins") may stand alone too when only one person in the profile has it:
        # the mention finder still wants a capital and the school named in the same sentence
        return surnames.get(last, 0) == 1 and len(last) >= min_surname and last not in everyday and last not in firsts
    cores = school_cores(names, list(school.places), name_parts(directory),
                         name_parts(directory, "name_start"), name_parts(directory, "name_end"))
    # (v8) the short name mutated as Welsh mutates it after a preposition ("o Dywysog Cymru", "yn Nhywysog Cymru")
    mutated_cores = [(f"{form} {core.partition(' ')[2]}", kind) for core in cores if " " in core
                     for form, kind in mutations_of(core.split()[0], table)]
    return {
        "school": {
            "id": school.id,
            "names": _unique([v["text"] for n in names for v in _variants(n, "name")]),
            "cores": cores + [form for form, _ in mutated_cores],
            "cores_nasal": [form for form, kind in mutated_cores if kind == "nasal"],
            # (v11) short names as written that Welsh "yn" would soft-mutate were it "is a" ("yn Dywysog Cymru"): left
            # unmutated after "yn" they are a place one is in ("gwaith cartref yn Tywysog Cymru")
            "cores_locative": [c for c in cores if " " in c
                               and any(kind == "soft" for _, kind in mutations_of(c.split()[0], table))],
            # (v8) short names a school word leads ("Ysgol y Frenhines"): the school itself
            "cores_school_led": [c for c in cores if fold(c.split()[0]) in name_parts(directory)],
            "abbreviations": school_abbreviations(names, list(school.places), name_parts(directory)),
            "places": _unique(places),
            "decoys": _unique([*decoys, *_welsh_counties(school.decoys)]),
            "domains": [d.lower().strip(".") for d in school.domains],
            "handles": [h.lstrip("@").lower() for h in school.handles],
        },
        "roles": {**role_words(directory), "staff": role_forms(profile, directory)},  # v6: "their head of science"
        "titles": _unique([t.rstrip(".") for t in titles] + [t.rstrip(".") for p in profile.staff for t in p.titles]),
        "people": [
            {"id": p.id, "kind": p.kind, "name": p.name,
             "forms": person_forms(p, titles, table=table, initials=initials.get(p.id, ()),
                                   first_unique=first_ok(p), surname_unique=surname_ok(p),
                                   surname_rare=fold(p.name.split()[-1]) not in common_surnames)}
            for p in profile.people
        ],
    }
