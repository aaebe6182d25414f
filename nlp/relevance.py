"""Is an item about *this* school? The rules, written once, with the reason they give.

:func:`summarise` reads what the earlier components found in a Doc (the
text, or the item's title or URL) into plain lists; :func:`decide` applies
the rules below, in order, to the summaries of all parts of an item. The
first rule that fires gives the answer and its reason.

1. The item is on the school's own site (URL on a profile domain) or by the
   school's own account (author is a profile handle): relevant.
2. The school is named (name, alias, handle, domain, hashtag or URL slug, or
   its short core name such as "Queen Elizabeth" next to a school word):
   a. its own handle or domain appears: relevant;
   b. a decoy place (another school of that name) is in the same sentence as
      the name and no profile place is: not relevant;
   c. a decoy place appears and no profile place does: not relevant;
   d. the name is placed somewhere else ("... High School in Whitby": a
      capitalised word after "in", "at", "yn" or a comma that is not a
      profile place) and no profile place appears: not relevant;
   e. a profile place, or a member of staff or a pupil from the profile, is
      also named: relevant;
   f. the school's full name or an alias is used and nothing above points
      elsewhere: relevant ("QEHS is the worst");
   g. otherwise (only the short core name): not relevant.
   A profile place qualified by a decoy ("Bangor, County Down"; v10: in an
   aside, "Bangor (the one in Co Down)") counts as the decoy, not as the place.
   (v10) The bare abbreviation with another sense of it in the text ("PoW ...
   carcharorion rhyfel") is not the school even with a profile place.
3. The school is not named, but a person from the profile is:
   a. a decoy place and no profile place: not relevant;
   b. a full name with a school word ("teacher", "Year 9") (v10: not a pupil's with a ``namesake`` word, "Osian
      Bowen, ffermwr 58 oed"), or a member of
      staff's full name with a profile place (v6: and no ``namesake`` word, "... the plumber in Carmarthen"): relevant;
   c. a short form ("Mrs Pritchard", "Mrs P") with both a profile place and a
      school word: relevant; (v5) a member of staff's short form with a school
      setting of the text's own ("that school", "excluded my son", "parents'
      evening": ``school-words-v5.jsonl``): relevant;
   d. (v5) two different people from the profile named together: relevant;
   e. (v5, round 4) a member of staff addressed as pupils and parents address teachers (title and surname,
      "Mr Rees", "Mrs P") and nothing that says it is someone else of that name (an age, "of <another town>",
      a word such as "striker", "jailed", "ffermwr", "barber", "my old teacher": ``namesake`` in
      ``school-words-v5.jsonl``; or "in <another town>" without a school word): relevant;
      a full name with a word of school life ("teach", "homework") and no such word: relevant too (b);
   f. otherwise: not relevant (a pupil's name, even with the town, is not
      the school's business without a school setting: "Osian Bowen scored for
      Carmarthen Town").
4. (v5) Nobody and no school named, but words that point at one school
   ("that school", "yr ysgol 'na", "pa ysgol") with a profile place and no
   decoy: relevant ("that school in Carmarthen ... petrol").
5. (v6) Nobody and nothing named, in a review (the item's ``source`` says "review": it was collected from the
   school's own listing) with a school word, and no decoy, other sense of the name or other town: relevant
   ("Worst school in Carmarthen. Communication is a joke", "Ysgol ofnadwy. Bwlio ym mhob man").
(v7) After rule 3, a person named in full and nothing else (:func:`named_in_full`) is left to the flag rules: a
   threat, abuse or allegation aimed at them makes the item relevant (``components.promote_if_aimed``). A school
   named only by its bare abbreviation ("QE") in a text with another sense of it anywhere ("Bank of England") is not
   relevant (rule 2).
6. Otherwise not relevant; when the words are another sense of the school's
   name (the monarch, a hospital, a ship) the reason says so.
"""

from __future__ import annotations

from bisect import bisect_right
from typing import Any

from spacy.attrs import SENT_START
from spacy.strings import get_string_id
from spacy.tokens import Doc, Token

from nlp.found import Found, found_in
from nlp.normalise import norms_of

MENTIONS = "repmon_mentions"
NOT_MENTIONED = "the school and its people are not mentioned"
SHORT_NAME_ONLY = ("at most the school's short name, which other things share (the monarch, a ship, a hospital); "
                   "no full name, place, domain, handle or person")
EVIDENCE = "repmon_evidence"
SENT_STARTS_KEY = "repmon_sent_starts"

Summary = dict[str, list[Any]]

#: Evidence labels of school words: any school word, (v5) a school setting of the text's own, a word pointing at one school.
SCHOOL_WORDS = ("SCHOOL_WORD", "SCHOOL_SETTING", "SCHOOL_POINTER")
#: (v5, round 4) A word of ordinary school life ("teach", "homework"): a school word for a full name, unless a namesake.
SCHOOL_LIFE = "SCHOOL_LIFE"

#: Mention forms of a member of staff as pupils and parents address teachers (v5, round 4): "Mr Rees", "Mrs P", "Miss Catrin".
ADDRESSED_FORMS = ("title", "title_full", "title_first", "alias")
#: Words after a person's name (and age) before a town that places the person there ("Catrin Jenkins of Bridgend").
PERSON_FROM = frozenset({"of", "from", "o"})
#: Words before a town that put the text somewhere ("Mr Hughes ... in Wrexham").
PLACED_IN = frozenset({"in", "at", "yn", "ym", "yng"})
_PLACED_IN_IDS = frozenset(get_string_id(w) for w in PLACED_IN)

#: Mention forms that name a person in full; the others ("Mrs P", "Megan") are short.
FULL_FORMS = ("full", "title_full", "mutated")
#: (v8) A member of staff's uncommon surname alone ("Prydderch"): judged by the flag rules as a full name is.
RARE_SURNAME = "surname_rare"


#: (v10) Words between a place and a decoy that make the decoy say which place it is: "Bangor (the one in Co Down)".
ASIDE = frozenset({"(", ",", "-", "\u2013", "the", "one", "in", "yn", "ie", "i.e.", "up", "y", "un"})


def _aside(doc: Doc, end: int, start: int) -> bool:
    """The tokens from ``end`` to ``start`` (a place's end, a decoy's start) are only :data:`ASIDE` words, at most six."""
    return 0 <= start - end <= 6 and all(doc[i].norm_ in ASIDE for i in range(end, start))


def _covered(spans: list[Found]) -> set[int]:
    return {i for s in spans for i in range(s.start, s.end)}


def _inside(span: Found, covered: set[int]) -> bool:
    return span.start in covered and span.end - 1 in covered


def sent_starts(doc: Doc) -> list[int]:
    """Token index where each sentence starts (one sentence when there are no boundaries).

    Read once and kept when the boundaries are final (:func:`boundaries_final`): the mention finder,
    relevance and flags each ask.
    """
    kept = doc.user_data.get(SENT_STARTS_KEY, False)
    if isinstance(kept, tuple) and kept[0] == len(doc):
        return list(kept[1])
    if not len(doc):
        starts = [0]
    else:
        values = doc.to_array(SENT_START).tolist()  # one array read, not a Python loop over the tokens
        starts = [0] + [i for i in range(1, len(values)) if values[i] == 1]
    if kept is not False:  # final: keep them
        doc.user_data[SENT_STARTS_KEY] = (len(doc), tuple(starts))
    return starts


def boundaries_final(doc: Doc, starts: list[int] | None = None) -> Doc:
    """Mark the Doc's sentence boundaries final (no later step changes one), so :func:`sent_starts` keeps them;
    ``starts``: where each sentence starts, when the caller knows (as :func:`sent_starts` would read them)."""
    doc.user_data[SENT_STARTS_KEY] = None if starts is None else (len(doc), tuple(starts))
    return doc


#: Words after which a capitalised word places a school name ("QE High in Whitby", "QE High, Hexham").
PLACING = frozenset({"in", "at", ",", "yn", "ym", "yng", "(", "-", "\u2013"})
#: Capitalised words after those that are not another place.
NOT_PLACES = frozenset("""
the a an this that my our your their his her its i we you they it and or but so if yes no
year years blwyddyn flwyddyn mlwyddyn form sixth dosbarth nosbarth year7 year8 year9 year10 year11 wales cymru uk britain england
january february march april may june july august september october november december
monday tuesday wednesday thursday friday saturday sunday
mr mrs miss ms mx dr sir prof head headteacher staff students pupils school ysgol
neuadd capel eglwys canolfan theatr stadiwm clwb gwesty hall chapel church theatre centre stadium
senedd parliament cynulliad assembly urdd eisteddfod youth council cyngor
""".split())  # (v11: the second last line, a building one is in: "Cyngerdd Ysgol Tywysog Cymru yn Neuadd Prichard-Jones";
# v16: the last, a body one takes part in: "yn cynrychioli QE yn Senedd Ieuenctid y sir"; v25: the Welsh year
# words as mutated after "ym" and "o", "ym Mlwyddyn 8", "o Flwyddyn 11", and a class, "yn nosbarth Mr Hughes")
#: A school name ending in one of these and followed straight by a place is placed there ("... High School Vancouver").
NAME_ENDS = frozenset({"school", "high", "academy", "college", "comprehensive"})
#: Capitalised words after a school name that are not a place ("QEHS Netball", "QE High PTA"), nor words after them.
NOT_AFTER_NAME = frozenset("""
netball rugby football hockey cricket athletics choir band orchestra drama music sports sport pta governors parents
sixth alumni teachers canteen library trip team teams office website twitter facebook instagram open prom awards news
reunion class classes old boys girls students pupils staff community newsletter fair fete show concert eisteddfod
summer winter spring autumn christmas easter leavers graduation club clubs department science maths english art
history geography welsh french spanish pe
confessions confession memes gossip spotted page updates official chat group hub tea
""".split())  # (v24) and a page about the school ("QE High Confessions #212")
#: (v16) An age after a member of staff's full name below this is someone else's ("Catrin Jenkins, 19,").
STAFF_MIN_AGE = 21
#: (v18) An age after a name below this is a child at primary school, no one at a secondary school ("Tomos Beynon,
#: 9 oed, o Aberaeron"); from it up to ``NAMESAKE_MIN_AGE`` only a member of staff's name is someone else's.
PUPIL_MIN_AGE = 11
NAMESAKE_MIN_AGE = 16
ADJACENT = 2  # tokens between a place and a decoy that qualifies it ("Bangor, County Down")


def _could_be_town(word: Token, excluded: set[int]) -> bool:
    """A capitalised word of three letters or more, not all capitals nor starting with two, not in ``excluded`` (token
    indices) and not a word that is never a place ("The", "Year", "Mrs"): possibly the name of a town."""
    text = word.text
    return (word.i not in excluded and word.is_alpha and len(text) > 2 and text[0].isupper() and not text.isupper()
            and not text[1].isupper() and word.norm_ not in NOT_PLACES)  # (v17) not "yn DMio" (DMing)


def _elsewhere(doc: Doc, named: list[Found], covered: set[int]) -> list[str]:
    out = []
    for m in named:
        i = m.end
        if i < len(doc) and doc[i].norm_ in ("'s", "\u2019s"):
            continue
        if i + 1 < len(doc) and doc[i].norm_ in PLACING:
            if _could_be_town(doc[i + 1], covered):
                out.append(doc[i + 1].text)
        elif i < len(doc) and doc[i - 1].norm_ in NAME_ENDS and _bare_place(doc, i, covered):
            out.append(doc[i].text)  # "Prince of Wales High School Vancouver is ...": a namesake
    return out


def _bare_place(doc: Doc, i: int, covered: set[int]) -> bool:
    """A lone capitalised word straight after a full school name, ending its phrase (not "QEHS Netball team")."""
    if not _could_be_town(doc[i], covered) or doc[i].norm_ in NOT_AFTER_NAME:
        return False
    after = doc[i + 1] if i + 1 < len(doc) else None
    return after is None or not after.is_alpha or (after.text[:1].islower() and after.norm_ not in NOT_AFTER_NAME)


def _namesakes(doc: Doc, people: list[Found], excluded: set[int]) -> list[str]:
    """v5, round 4: an age after a person's name ("Dafydd Rees, 52,") or a town that is not a profile place after
    "of", "from" or "o" ("Catrin Jenkins of Bridgend", "Mr Rees, 64, of Llandovery"): someone else of that name.
    (v18) Also a child's age ("Tomos Beynon, 9 oed"), and a pupil's age after a member of staff's name.
    ``excluded``: the tokens of mentions and profile places."""
    out = []
    for m in people:
        i = m.end
        if i + 1 < len(doc) and doc[i].text == "," and doc[i + 1].text.isdigit() and _age_of_someone_else(
                int(doc[i + 1].text), m.label_):
            out.append(f"{doc[i + 1].text}")
            i += 2
            if i < len(doc) and doc[i].text == ",":
                i += 1
        elif i < len(doc) and doc[i].text == ",":
            i += 1
        if i + 1 < len(doc) and doc[i].norm_ in PERSON_FROM:
            if _could_be_town(doc[i + 1], excluded):
                out.append(f"{doc[i].text} {doc[i + 1].text}")
    return out


def _age_of_someone_else(age: int, kind: str) -> bool:
    return NAMESAKE_MIN_AGE <= age <= 110 or 0 < age < PUPIL_MIN_AGE or (kind == "staff" and age < NAMESAKE_MIN_AGE)


def _towns_elsewhere(doc: Doc, excluded: set[int]) -> list[str]:
    """v5, round 4: capitalised words after "in", "at", "yn" that are not a profile place ("... in Swansea").
    ``excluded``: the tokens of mentions and profile places."""
    out = []
    norms = norms_of(doc)  # Token objects only after "in", "at", ...
    for i in range(len(norms) - 1):
        if norms[i] in _PLACED_IN_IDS:
            word = doc[i + 1]
            if _could_be_town(word, excluded) and word.norm_ not in NOT_AFTER_NAME:
                out.append(word.text)
    return out


def summarise(doc: Doc) -> Summary:
    """The evidence for relevance in one Doc, as lists of strings (and (ref, text) pairs).

    (Written as one pass over the mentions and one over the evidence, sorted by label, with the lists of a kind
    that is absent left empty: most texts have few kinds, and a list comprehension costs a call even over none.)"""
    mentions = found_in(doc, MENTIONS)
    evidence = found_in(doc, EVIDENCE)
    schools: list[Found] = []
    named: list[Found] = []
    people: list[Found] = []
    for m in mentions:
        if m.label_ == "school":
            schools.append(m)
            if m.id_ not in ("handle", "domain"):
                named.append(m)
        elif m.label_ in ("staff", "pupil"):
            people.append(m)
    by_label: dict[str, list[Found]] = {}
    for e in evidence:
        by_label.setdefault(e.label_, []).append(e)
    in_schools, in_mentions = _covered(schools), _covered(mentions)
    # (round 5) a school word inside a namesake phrase ("ar y prom", "my old teacher") is the namesake's, not the school's
    namesakes = by_label.get("NAMESAKE", [])
    in_namesakes = _covered(namesakes)
    all_places = by_label.get("PLACE", [])
    places = [e for e in all_places if not _inside(e, in_schools)]
    decoys = [e for e in by_label.get("DECOY", ()) if not _inside(e, in_schools)]
    if decoys and places:  # "Bangor, County Down": the place is the decoy's
        named_here = {m.end for m in schools}  # (v6) "... in Hexham, QEHS Carmarthen": the place is the school's
        qualified = [p for p in places if any(0 <= d.start - p.end <= ADJACENT  # "Bangor, County Down"
                                              or _aside(doc, p.end, d.start)  # (v10) "Bangor (the one in Co Down"
                                              or (p.start not in named_here and 0 <= p.start - d.end <= ADJACENT)
                                              for d in decoys)]
        # (v15) the same town named again is the decoy's too ("A weekend in Bangor, County Down ... a pint at the old
        # Prince of Wales, Bangor on the Ards peninsula")
        named_there = {p.text.lower() for p in qualified}
        places = [p for p in places if p not in qualified and p.text.lower() not in named_there]
    starts = sent_starts(doc)
    school_sents = {bisect_right(starts, m.start) for m in schools}

    not_towns = _covered(mentions + all_places)  # (round 4) never "another town"

    def in_school_sent(span: Found) -> bool:
        return bisect_right(starts, span.start) in school_sents

    full_names = [m for m in named if m.id_ != "core"]
    cores = [m for m in named if m.id_ == "core"] if named else []
    words = [e for e in evidence if e.label_ in SCHOOL_WORDS] \
        if any(label in by_label for label in SCHOOL_WORDS) else []
    empty: list[Any] = []
    return {
        "school": [m.text for m in full_names],
        "core": [m.text for m in cores],
        "own_site": [e.text for e in by_label.get("OWN_SITE", ())],
        "places": [p.text for p in places],
        "decoys": [d.text for d in decoys],
        "elsewhere": _elsewhere(doc, full_names, _covered(mentions + evidence)) if full_names else [],
        "people_full": [(m.kb_id_, m.text) for m in people if m.id_ in FULL_FORMS] if people else [],
        "people_short": [(m.kb_id_, m.text) for m in people if m.id_ not in FULL_FORMS] if people else [],
        "staff_full": [(m.kb_id_, m.text) for m in people if m.id_ in FULL_FORMS and m.label_ == "staff"]
        if people else [],
        "people_named_full": [(m.label_, m.kb_id_, m.text) for m in people if m.id_ in FULL_FORMS or m.id_ == RARE_SURNAME]
        if people else [],
        "core_named": [(m.label_, m.kb_id_, m.text) for m in cores],
        "school_words": [e.text for e in words if not _inside(e, in_mentions) and not _inside(e, in_namesakes)]
        if words else [],
        "school_life": [e.text for e in by_label.get(SCHOOL_LIFE, ()) if not _inside(e, in_mentions)],
        "namesake": [e.text for e in namesakes if not _inside(e, in_mentions)]
        + (_namesakes(doc, people, not_towns) if people else empty),
        "towns_elsewhere": _towns_elsewhere(doc, not_towns) if people or not schools else [],
        # (v16) a namesake word right before the name, as its title ("Bristol-born actress Catrin Jenkins")
        "namesake_titled": [e.text for e in namesakes if any(m.start == e.end for m in people)]
        if namesakes and people else [],
        "staff_addressed": [(m.kb_id_, m.text) for m in people if m.id_ in ADDRESSED_FORMS and m.label_ == "staff"]
        if people else [],
        "school_setting": [e.text for e in words if e.label_ in SCHOOL_WORDS[1:] and not _inside(e, in_mentions)]
        if words else [],
        "school_pointer": [e.text for e in by_label.get("SCHOOL_POINTER", ()) if not _inside(e, in_mentions)],
        "staff_short": [(m.kb_id_, m.text) for m in people if m.id_ not in FULL_FORMS and m.label_ == "staff"]
        if people else [],
        "not_school": [(e.id_, e.text) for e in by_label.get("NOT_SCHOOL", ())],
        "abbreviations": [m.text for m in named if m.id_ == "abbreviation"] if named else [],
        "decoy_placed": [d.text for d in decoys if in_school_sent(d)] if decoys else [],
        "here_placed": [p.text for p in places if in_school_sent(p)] if places else [],
    }


def merge(parts: list[Summary]) -> Summary:
    out: Summary = {}
    for part in parts:
        for key, values in part.items():
            out.setdefault(key, []).extend(values)
    return out


#: Where :func:`named_in_full` keeps its answer in ``doc.user_data``.
PROVISIONAL_KEY = "repmon_provisional"


def named_in_full(parts: list[Summary]) -> list[tuple[str, str, str]]:
    """(v7) People from the profile named in full, as (kind, ref, text), in an item judged not relevant only because
    the name alone is too common ("Dafydd Rees knows what he did", "huw prydderch. we know which house"): nothing
    says it is someone else or elsewhere (no decoy, namesake word, other town, other sense of the school's name).
    The flag rules then decide: a threat, abuse or an allegation aimed at that person makes the item relevant.
    (v8) Also the school's short name with a school word in its sentence, as ("school", ref, text): only a threat
    (v33: or safeguarding) the rules find aimed at it makes the item relevant ("llosgi Tywysog Cymru i'r llawr efo'r
    athrawon i gyd tu mewn"; "Mums of Yr 8 at Prince of Wales ... a man in a white van offering lads free vapes").
    (v10) With another town the only thing against it, a member of staff addressed as pupils and parents address
    them, as (STAFF_AWAY, ref, text): only a threat the rules find aimed at them makes the item relevant ("Tell Dr
    Rees I know which house is his out in Llangain ... Be a shame, that"). (v34) A profile place with a school word
    and nothing named, as (PLACED_SCHOOL, "", place): only a threat or safeguarding the rules find aimed at the school
    makes the item relevant ("a man hanging round the gates in penrhosgarnedd at home time offering kids free
    vapes")."""
    s = parts[0] if len(parts) == 1 else merge(parts)
    if any(s.get(key) for key in ("decoys", "namesake", "not_school", "elsewhere")):
        return []
    if s.get("towns_elsewhere"):
        return [(STAFF_AWAY, ref, text) for ref, text in s.get("staff_addressed", [])]
    placed = [(PLACED_SCHOOL, "", s["places"][0])] if s.get("places") and s.get("school_words") else []
    return list(s.get("people_named_full", [])) + list(s.get("core_named", [])) + placed


#: (v10) The kind :func:`named_in_full` gives a member of staff addressed by title in a text with another town.
STAFF_AWAY = "staff_away"
#: (v34) ... and a profile place with a school word, nothing named ("older lads in a white Golf hanging round the
#: Penrhosgarnedd gates after school"), with no ref: the school's, which the flag rules fill in.
PLACED_SCHOOL = "school_placed"


def provisional(doc: Doc) -> list[tuple[str, str, str]]:
    """The people :func:`named_in_full` found for this Doc (set by the relevance component), or []."""
    return list(doc.user_data.get(PROVISIONAL_KEY) or ())


def _q(values: list[Any]) -> str:
    first = values[0]
    return f"'{first[1] if isinstance(first, tuple) else first}'"


def _person(values: list[tuple[str, str]]) -> str:
    ref, text = values[0]
    return f"{ref} '{text}'"


def decide(parts: list[Summary], own_site: str | None = None, review: bool = False) -> tuple[bool, str]:
    """Apply the rules in this module's docstring; return (relevant, reason)."""
    if own_site:
        return True, f"published on the school's own site or account ({own_site})"
    s = parts[0] if len(parts) == 1 else merge(parts)  # (read only)

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
        if get("elsewhere") and not get("places"):
            return False, f"{name} is placed in {_q(get('elsewhere'))}, not a place of this school"
        if get("not_school") and not people and len(get("abbreviations")) == len(get("school")):
            sense, text = get("not_school")[0]  # (v7) "QE" bare, and "Bank of England", "quantitative easing" elsewhere
            return False, f"only the abbreviation {name}, and '{text}' means {sense}, not the school"  # (v10) even with a place
        if get("places"):
            return True, f"{name} with the place {_q(get('places'))}"
        if people:
            return True, f"{name} with {_person(people)} from the profile"
        if get("school"):
            return True, f"{_q(get('school'))} names the school and nothing points to another school of that name"
        return False, f"only the short name {name}, which other things share; no place, domain, handle or person"
    if people:
        if get("decoys") and not get("places"):
            return False, f"{_person(people)} with {_q(get('decoys'))}, the place of another school"
        namesake = get("namesake")
        kinds = {kind for kind, _, _ in get("people_named_full")}
        # Someone else of that name, whatever school word the text has: (v10) a pupil's name with a word that makes it
        # a grown-up ("Osian Bowen, ffermwr 58 oed", "Councillor Carys Bebb"); (v16) a member of staff's name with an
        # age no member of staff has ("Catrin Jenkins, 19, ... music student"), or with a namesake word as its title
        # ("actress Catrin Jenkins" in a review of a play about a school shooting)
        someone_else = (bool(namesake) and kinds <= {"pupil"}) or bool(get("namesake_titled")) or (
            kinds <= {"staff"} and any(str(n).isdigit() and int(n) < STAFF_MIN_AGE for n in namesake))
        if get("people_full") and get("school_words") and not someone_else:
            return True, f"full name {_person(get('people_full'))} with {_q(get('school_words'))}"
        if get("people_full") and get("school_life") and not namesake:
            return True, f"full name {_person(get('people_full'))} with {_q(get('school_life'))}, a word of school life"
        if get("staff_full") and get("places") and not namesake:  # (v6) not "X the plumber in Carmarthen"
            return True, f"full name of staff {_person(get('staff_full'))} with the place {_q(get('places'))}"
        if get("places") and get("school_words") and not someone_else:
            return True, f"{_person(people)} with {_q(get('places'))} and {_q(get('school_words'))}"
        if get("staff_short") and get("school_setting"):
            return True, f"{_person(get('staff_short'))} with a school setting of its own {_q(get('school_setting'))}"
        if len({ref for ref, _ in people}) >= 2:
            return True, f"two people from the profile named together: {_person(people)} and others"
        if get("staff_addressed") and not namesake and (
                not get("towns_elsewhere") or get("school_words") or get("school_life")):
            return True, f"{_person(get('staff_addressed'))} addresses a member of staff as pupils and parents do"
        if namesake:
            return False, f"{_person(people)} is someone else of that name: {_q(namesake)}"
        return False, f"only {_person(people)}, a name too common to be sure of without a school setting"
    school_words = get("school_words") or get("school_life")  # (v7) "Teaching is good", "friendly staff"
    if review and school_words and not (get("decoys") or get("not_school") or get("towns_elsewhere")):
        return True, f"a review that names nothing else, with {_q(school_words)}: on the school's own listing"
    if get("school_pointer") and get("places") and not get("decoys"):
        return True, f"{_q(get('school_pointer'))} points at a school, with the place {_q(get('places'))}"
    if get("not_school"):
        sense, text = get("not_school")[0]
        return False, f"'{text}' means {sense}, not the school"
    return False, NOT_MENTIONED
