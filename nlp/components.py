"""The repmon spaCy components, registered with ``Language.factory``.

In pipeline order (see :func:`nlp.pipeline.build_pipeline`):

=====================  =====================================================
``repmon_normalise``   folds ``Token.norm_``; starts a sentence after a line break
``sentencizer``        the other sentence boundaries (spaCy's sentencizer; ``repmon_sentences`` keeps them)
``repmon_evidence``    ``doc.spans["repmon_evidence"]``: places, decoys, school words, other senses, own site
``repmon_mentions``    ``doc.spans["repmon_mentions"]``: the school, staff and pupils named
``repmon_relevance``   ``doc._.repmon_relevant`` and ``doc._.repmon_relevance`` (the reason)
``repmon_pii``         ``doc.spans["repmon_pii"]``: phone numbers, e-mail, postcodes, addresses, dates of birth
``repmon_cues``        ``doc.spans["repmon_cues"]``: words that suggest a flag category
``repmon_flags``       ``doc._.repmon_flags``: the contract's flag dicts (rules)
``repmon_textcat``     (when enabled) the trained text classifier's categories added to the flags
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
from collections.abc import Iterable, Iterator
from typing import Any

import numpy
from spacy.attrs import IDX, LOWER, ORTH, SENT_START
from spacy.language import Language
from spacy.matcher import Matcher, PhraseMatcher
from spacy.pipeline import Sentencizer
from spacy.strings import get_string_id
from spacy.tokens import Doc, Span
from spacy.util import filter_spans, minibatch
from spacy.vocab import Vocab
from nlp import flags as flagging
from nlp import regexgate, relevance
from nlp.compose import PartFinder, Parts
from nlp.extensions import values
from nlp.lexicon import (
    CueRule,
    PatternFileError,
    load_categories,
    load_cues,
    load_pii,
    load_settings,
    read_jsonl,
)
from nlp.found import Found, found_in, put_spans
from nlp.matchgate import GatedMatcher, PatternGate, doc_norms, doc_words, words_and_norms
from nlp.normalise import (
    FIRST_NORMS_KEY,
    NORMS_KEY,
    NameNormaliser,
    fold_only,
    keep_norms,
    line_break_sentences,
    norms_of,
    span_text,
    text_of,
)
from nlp.terms import SCHOOL_WORDS_FILE, WELSH_DIGRAPHS, default_titles, fold, mutated_forms, mutations, name_parts
from nlp.textcat import MAX_CHARS as TEXTCAT_MAX_CHARS
from repmon.config import SEVERITIES
from repmon.errors import ConfigError
from repmon.hosts import host_in

SEVERITY_RANK = {name: rank for rank, name in enumerate(SEVERITIES)}
TITLE_WORDS = frozenset(fold(t).rstrip(".") for t in default_titles())

CUE_FILES = ["cues-threat-v2.jsonl", "cues-safeguarding-v2.jsonl", "cues-defamatory-v2.jsonl",
             "cues-harassment-v2.jsonl", "cues-disrepute-v2.jsonl", "cues-identifying-v2.jsonl",
             "cues-welsh-v2.jsonl", "cues-threat-v3.jsonl", "cues-safeguarding-v3.jsonl", "cues-harassment-v3.jsonl",
             "cues-defamatory-v3.jsonl", "cues-disrepute-v3.jsonl", "cues-welsh-v3.jsonl",
             "cues-threat-v4.jsonl", "cues-safeguarding-v4.jsonl", "cues-harassment-v4.jsonl", "cues-defamatory-v4.jsonl",
             "cues-welsh-v4.jsonl", "cues-threat-v5.jsonl", "cues-safeguarding-v5.jsonl", "cues-defamatory-v5.jsonl",
             "cues-harassment-v5.jsonl", "cues-disrepute-v5.jsonl", "cues-threat-v6.jsonl", "cues-safeguarding-v6.jsonl",
             "cues-defamatory-v6.jsonl", "cues-harassment-v6.jsonl", "cues-disrepute-v6.jsonl", "cues-more-v6.jsonl",
             "cues-defamatory-v7.jsonl", "cues-threat-v8.jsonl", "cues-safeguarding-v8.jsonl", "cues-harassment-v8.jsonl",
             "cues-disrepute-v8.jsonl", "cues-defamatory-v8.jsonl", "cues-threat-v9.jsonl",
             "cues-safeguarding-v9.jsonl", "cues-defamatory-v9.jsonl", "cues-harassment-v9.jsonl", "cues-disrepute-v9.jsonl",
             "cues-threat-v10.jsonl", "cues-safeguarding-v10.jsonl", "cues-defamatory-v10.jsonl",
             "cues-harassment-v10.jsonl",
             "cues-threat-v11.jsonl", "cues-safeguarding-v11.jsonl", "cues-defamatory-v11.jsonl",
             "cues-harassment-v11.jsonl", "cues-disrepute-v11.jsonl",
             "cues-threat-v12.jsonl", "cues-safeguarding-v12.jsonl",
             "cues-threat-v13.jsonl", "cues-safeguarding-v13.jsonl", "cues-harassment-v13.jsonl",
             "cues-defamatory-v13.jsonl",
             "cues-safeguarding-v14.jsonl", "cues-defamatory-v14.jsonl", "cues-harassment-v14.jsonl",
             "cues-threat-v14.jsonl", "cues-disrepute-v14.jsonl",
             "cues-safeguarding-v15.jsonl", "cues-threat-v15.jsonl", "cues-defamatory-v15.jsonl",
             "cues-disrepute-v15.jsonl", "cues-harassment-v15.jsonl",
             "cues-safeguarding-v16.jsonl", "cues-threat-v16.jsonl", "cues-disrepute-v16.jsonl",
             "cues-harassment-v16.jsonl", "cues-defamatory-v16.jsonl",
             "cues-safeguarding-v17.jsonl", "cues-threat-v17.jsonl", "cues-disrepute-v17.jsonl",
             "cues-harassment-v17.jsonl", "cues-defamatory-v17.jsonl",
             "cues-safeguarding-v18.jsonl", "cues-threat-v18.jsonl", "cues-disrepute-v18.jsonl",
             "cues-defamatory-v18.jsonl", "cues-safeguarding-v19.jsonl", "cues-threat-v19.jsonl",
             "cues-defamatory-v19.jsonl", "cues-disrepute-v19.jsonl", "cues-harassment-v19.jsonl",
             "cues-safeguarding-v20.jsonl", "cues-threat-v20.jsonl", "cues-defamatory-v20.jsonl",
             "cues-disrepute-v20.jsonl", "cues-harassment-v20.jsonl", "cues-threat-v21.jsonl",
             "cues-threat-v22.jsonl", "cues-safeguarding-v22.jsonl",
             "cues-threat-v23.jsonl", "cues-safeguarding-v23.jsonl",
             "cues-threat-v24.jsonl", "cues-safeguarding-v24.jsonl",
             "cues-threat-v25.jsonl", "cues-safeguarding-v25.jsonl", "cues-threat-v26.jsonl",
             "cues-threat-v27.jsonl", "cues-safeguarding-v27.jsonl", "cues-threat-v28.jsonl",
             "cues-threat-v29.jsonl", "cues-safeguarding-v29.jsonl", "cues-threat-v30.jsonl",
             "cues-threat-v31.jsonl", "cues-safeguarding-v31.jsonl",
             "cues-safeguarding-v32.jsonl", "cues-threat-v32.jsonl",
             "cues-threat-v34.jsonl", "cues-safeguarding-v34.jsonl", "cues-threat-v35.jsonl",
             "cues-safeguarding-v35.jsonl", "cues-threat-v36.jsonl", "cues-safeguarding-v36.jsonl",
             "cues-safeguarding-v37.jsonl", "cues-threat-v38.jsonl", "cues-safeguarding-v38.jsonl",
             "cues-threat-v39.jsonl", "cues-safeguarding-v39.jsonl", "cues-harassment-v39.jsonl"]
#: (v10) Words before a role of several words that make it the school's own, named in another sentence ("the deputy
#: head told us"; not "a deputy head").
ROLE_OWNERS = frozenset({"the", "their", "your", "our", "y", "'r", "eu", "ein", "eich"})
#: (v11) Job words after a surname and "the" that make it a member of staff ("Hughes the maths teacher").
STAFF_ROLE_WORDS = frozenset({"teacher", "teachers", "head", "headteacher", "headmaster", "headmistress", "deputy",
                              "athro", "athrawes", "prifathro", "prifathrawes", "pennaeth", "dirprwy", "tutor"})
#: (v16) School words any school shares, which do not tie a post tagged with the short name to this one.
GENERIC_SCHOOL_WORDS = frozenset({"school", "schools", "ysgol", "ysgolion", "village school", "primary school",
                                  "high school", "ysgol gynradd", "ysgol uwchradd"})
#: (v16) Job words right before a surname that make it a member of staff ("maths teacher Hughes"): those of
#: STAFF_ROLE_WORDS that name one person's job, not "head" ("a header from Hughes") or "deputy".
TEACHER_WORDS = STAFF_ROLE_WORDS - {"teachers", "head", "deputy", "pennaeth", "dirprwy"}
#: (v15) Words after a one-word role that make it part of another title ("PoW High's head boy", "head of year").
ROLE_NOUN_AFTER = frozenset({"boy", "girl", "boys", "girls", "of", "chef", "cook", "coach", "groundsman", "office",
                             "teacher", "teachers", "start", "count", "injury", "injuries", "lice", "bachgen", "ferch"})
#: (v10) Words between a one-word role and "at" the school ("the head up at QEHS").
ROLE_AWAY = frozenset({"up", "down", "over", "out", "fyny", "lawr"})
SETTING_FILE = "school-words-v22.jsonl"  # v5: a school setting of the text's own (relevance, a surname alone)
PARTS_FILE = "parts-v39.jsonl"
#: v5: words after which the school's abbreviation is the school ("at QE", "from PoW", "yn PoW", "tu fas i QE").
ABBREVIATION_AFTER = frozenset({"at", "from", "in", "into", "of", "to", "outside", "near", "yn", "o", "i", "ym", "my", "our",
                                "his", "her", "fy", "ein", "o'r", "i'r", "with", "gyda", "efo", "hefo"})  # (v7: the last six)
#: (v36) Verbs of coming and going before "up" and the abbreviation in lower case ("im comin up pow with a bat"; not
#: "the lights went up pow"), as NORMs.
COMING_UP = frozenset({"coming", "comin", "come", "comes", "going", "goin", "go", "goes", "heading", "headin", "walk",
                       "walking", "walkin", "drive", "driving", "drivin"})
#: (v7) Two word characters joined by "_" or "." (a handle or username that may hold a name).
_HANDLE_JOIN = re.compile(r"[^\W\d_][._][^\W_]")
#: For ASCII text, :data:`_HANDLE_JOIN` as substrings of one translation: a letter "a", a digit "d", "." or "_" ".".
_HANDLE_CLASSES = bytes(ord("a") if chr(i).isalpha() and i < 128 else ord("d") if chr(i).isdigit() and i < 128
                        else ord(".") if chr(i) in "._" else ord(" ") for i in range(256))


def _has_handle_join(text: str) -> bool:
    """Whether :data:`_HANDLE_JOIN` is in ``text`` (for ASCII, without a regular expression scan: 3x quicker)."""
    if text.isascii():
        classes = text.encode().translate(_HANDLE_CLASSES)
        return b"a.a" in classes or b"a.d" in classes
    return _HANDLE_JOIN.search(text) is not None
#: (v11) The shortest school name ("qehs") and full name ("caillewelyn") a longer hashtag may begin with.
HASHTAG_START_MIN = 4
#: (v15) Letters a masked surname must show, its first letter among them ("Ll**d" shows three).
MASKED_SHOWN_MIN = 2
HASHTAG_NAME_MIN = 8
#: (v11) How much of the surname a handle must give after a first name ("lili.grif", "cai.llew").
HANDLE_SURNAME_START = 4
#: (v7) A first name in lower case counts with the school anywhere in the post only from this many letters ("osian",
#: "megan"; not "cai", "nia", "lili", which are also words).
LOOSE_FIRST_MIN = 5
#: (v9) Words after a first name that open a post or sentence and make it someone spoken to ("lili u ok??", "meg babe
#: stop ...", "elis ti'n iawn?"): a shorter first name in lower case then counts with the school anywhere in the post.
VOCATIVE_AFTER = frozenset({"u", "r", "babe", "hun", "hunny", "mate", "m8", "bro", "ti'n", "ti", "wyt", "are", "pls",
                            "ur", "ure", "youre", "you're",  # (v11)
                            "plz", "please", "plis", "x", "xx", ",", "!", "?", "??", "!!", "❤️", "💔", "🥺"})
#: (v15) Words of congratulation before a first name in lower case ("llongyfarchiadau nia!! ... PoW represent").
CONGRATULATIONS = frozenset({"llongyfarchiadau", "llongyfarchiade", "llongyfarchs", "congrats", "congratulations",
                             "congratz", "grats"})
#: v5: words before the school's short name that place someone in it ("is at", "goes to", "yn", "i'r").
CORE_PLACING = frozenset({"at", "to", "attends", "from", "yn", "ym", "i'r", "o", "into", "i"})  # (v11: "i")
#: (v36) Verbs of going to a school that take the school with no "to" ("he goes prince of wales"), as NORMs.
CORE_ATTENDED = frozenset({"goes", "attends"})
#: (v15) Days after the short name placed with "into", "at" ("into Prince of Wales tomorrow"), as NORMs.
CORE_DAY_AFTER = frozenset({"tomorrow", "tmrw", "tmr", "tomoz", "2moro", "2morrow", "today", "tonight", "fory", "yfory",
                            "heddiw", "monday", "tuesday", "wednesday", "thursday", "friday", "mon", "tues", "wed",
                            "thurs", "fri", "next", "dydd", "ddydd", "bore", "pnawn", "prynhawn"})
#: (v8) "in" before a nasal mutation ("yn Nhywysog Cymru", "ym Mhrince of Wales").
NASAL_IN = frozenset({"yn", "ym", "yng"})
#: (v34) Welsh prepositions that mutate the noun after them: a short name's first word left unmutated after one of these
#: is a name ("yn Tywysog").
HEAD_PLACING = frozenset({"yn", "i", "o"})
#: (v11) Verbs of making or becoming before "yn": what follows is what someone is made ("ei wneud yn Tywysog Cymru").
BECOMING = frozenset({"wneud", "gwneud", "neud", "dod", "ddod", "daeth", "ddaeth", "urddo", "arwisgo", "coroni",
                      "benodi", "penodi", "enwi", "henwi"})
#: (v10) Words between a first name and a school year or form ("cai from yr 10", "lili in 9B"), the year words, and a
#: year or form written as one word ("yr10", "10c", "y9", "bl.9").
YEAR_BEFORE = frozenset({"from", "in", "yn", "o", "ym", "at", "frm"})
YEAR_WORDS = frozenset({"yr", "year", "y", "form", "blwyddyn", "bl", "bl.", "flwyddyn", "fl", "fl."})
FORM_OR_YEAR = re.compile(r"(?:yr|y|year|bl\.?|fl\.?)?(?:1[0-3]|[7-9])[a-z]?$")
#: (v36) A school year written as one word, with its year word ("yr9", "y11", "bl.8"; not a bare number or form).
YEAR_ONE_WORD = re.compile(r"(?:yr|y|year|bl\.?|fl\.?)(?:1[0-3]|[7-9])$")
#: (v36) The last word of a school year, for the prefilter ("8" of "Blwyddyn 8", "yr9").
YEAR_LAST_WORDS = frozenset([str(n) for n in range(7, 14)] + [f"{w}{n}" for w in ("yr", "y", "year", "bl", "fl")
                                                              for n in range(7, 14)])
#: (v11) Welsh nouns of school life before the short name (the genitive: "disgyblion Tywysog Cymru", the pupils of
#: Prince of Wales), and a team with a school sport between ("tîm hoci Tywysog Cymru"; not "tîm polo"), as NORMs.
WELSH_SCHOOL_NOUNS = frozenset({"disgyblion", "ddisgyblion", "athrawon", "rhieni", "llywodraethwyr", "cor", "gor",
                                "bws", "fws", "mws", "chweched",
                                # (v36) the school's gate ("wrth giât Tywysog Cymru"): the prince's has no "giât"
                                "giat", "giatiau", "giatia", "gatiau", "gatia",
                                "rieni",  # (v36) "i rieni Tywysog Cymru", mutated after "i"
                                "gatie"})  # (v38) the southern form ("gatie'r Frenhines")
#: (v38) The Welsh word for school that leads a short name ("ysgol (y frenhines)"), as NORMs.
SCHOOL_LED_WORDS = frozenset({"ysgol", "ysgolion"})
WELSH_TEAM = frozenset({"tim", "thim", "nhim", "timau", "dimau", "nhimau"})  # (not "dim": also "nothing")
SCHOOL_SPORT_LAST = frozenset({"hoci", "rygbi", "rwyd", "droed", "criced", "athletau", "nofio", "hockey", "netball",
                               "rugby", "football", "cricket"})
#: (v10) The Welsh article ("yn y Frenhines Elisabeth": in the Queen Elizabeth), and "in the" (for the prefilter).
WELSH_THE = frozenset({"y", "yr"})
WELSH_IN_THE = frozenset({"yn y", "yn yr"})
#: (v8) Words right after the school's short name that make it the school's name ("prince of wales hs").
CORE_SCHOOL_AFTER = frozenset({"hs", "h.s.", "h.s", "hs.", "hsch", "highschool", "hi-skool"})
CATEGORIES_FILE = "categories-v11.jsonl"
MODIFIERS_FILE = "modifiers-v35.jsonl"
PII_FILE = "pii-v5.jsonl"
NOT_SCHOOL_FILE = "not-school-v8.jsonl"
#: (v11) A name of the school of one word and this many letters at most, two or more capitals, is an acronym
#: ("QEHS", "PoWHS"): ``{acronym}`` in the other senses of the name.
ACRONYM_MAX = 6


def _article_heads(school: dict[str, Any]) -> frozenset[str]:
    """(v37) The folded word after the Welsh article in each school-led short name ("frenhines" of "Ysgol y
    Frenhines"): how pupils shorten the school's name ("yn y Frenhines")."""
    return frozenset(fold(after) for c in school.get("cores_school_led", ())
                     for word, after in zip(c.split(), c.split()[1:]) if fold(word) in WELSH_THE)


def _school_context_words() -> frozenset[str]:
    """(v8) The one-word school words (``school-words-v2.jsonl``, kind ``context``: "school", "teachers", "athrawon";
    v10: and those of ``SETTING_FILE``, "gatiau'r"): with one, a text naming only the school's short name goes to the
    pipeline, whose flag rules may find it aimed at."""
    return frozenset(fold(p) for name in (SCHOOL_WORDS_FILE, SETTING_FILE) for _, row in read_jsonl(name)
                     if row.get("kind") == "context"
                     for p in row.get("phrases", []) if isinstance(p, str) and " " not in p.strip())


def normalise_doc(doc: Doc) -> Doc:
    """Folding and line-break sentence starts, with no profile (for phrases and bare pipelines)."""
    return line_break_sentences(fold_only(doc))


def _phrase_docs(nlp: Language, phrases: list[str]) -> list[Doc]:
    return [normalise_doc(nlp.make_doc(p)) for p in phrases if p.strip()]


def _need_terms(terms: dict[str, Any], component: str) -> dict[str, Any]:
    if not isinstance(terms.get("school"), dict) or not isinstance(terms.get("people"), list):
        raise ConfigError(f"{component} needs 'terms' from nlp.terms.profile_terms(profile) in its config; "
                          "build the pipeline with nlp.pipeline.build_pipeline(profile).")
    return terms


class BatchedPipe:
    """``pipe``: a batch of Docs through this component before the next component starts (``nlp.pipe`` calls it).

    Doc by Doc, each component's tables (the phrase matchers hold every name in the profile) fall out of the CPU
    caches before the Doc reaches it; a batch at a time the pipeline runs about a third faster. ``__call__``
    handles one Doc.
    """

    def __call__(self, doc: Doc) -> Doc:
        raise NotImplementedError

    def pipe(self, stream: Iterable[Doc], batch_size: int = 64) -> Iterator[Doc]:
        for batch in minibatch(stream, size=batch_size):
            yield from [self(doc) for doc in batch]


class Normaliser(BatchedPipe):
    def __init__(self, names: NameNormaliser | None) -> None:
        self.names = names

    def __call__(self, doc: Doc) -> Doc:
        doc.user_data.pop(NORMS_KEY, None)
        doc = self.names(doc) if self.names is not None else fold_only(doc)
        doc = line_break_sentences(doc)
        # the name normaliser keeps the final norms when it read them (restoring misspelt names); else read them
        return doc if NORMS_KEY in doc.user_data else keep_norms(doc)


def _name_normaliser(terms: dict[str, Any]) -> NameNormaliser | None:
    if not terms:
        return None
    terms = _need_terms(terms, "repmon_normalise")
    school = terms["school"]
    words: set[str] = set()
    firsts: set[str] = set()
    titles: set[str] = set()
    for text in list(school["names"]) + list(school["places"]):
        words.update(fold(w) for w in text.split())
    mutated: set[str] = set()
    for person in terms["people"]:
        for form in person["forms"]:
            parts = form["text"].split()
            if form["form"] == "mutated" or form.get("mutated"):
                mutated.add(fold(parts[0]))
                continue
            words.update(fold(w) for w in parts)
            words.update(fold(w) for part in parts if "-" in part for w in part.split("-"))
        firsts.add(fold(person["name"].split()[0]))
    titles = {fold(t) for t in terms.get("titles", [])}
    generic = name_parts() | {"of", "and", "st", "saint", "sant"}
    for text in school["names"]:  # generic name words ("high", "school") do not make a text a candidate...
        specific = [fold(w) for w in re.findall(r"[^\W_]+", text) if fold(w) not in generic]
        if not specific:  # ...unless a name has nothing else
            generic -= {fold(w) for w in re.findall(r"[^\W_]+", text)}
    extra = {w for h in school["handles"] for w in re.findall(r"[^\W_]+", h.lower())}
    # (v15) the short name run together ("#tywysogcymru") and surnames of two words ("@g.aprhys")
    extra |= {fold(re.sub(r"[\W_]+", "", c)) for c in school.get("cores", []) if len(c.split()) >= 2}
    extra |= {fold("".join(person["name"].split()[1:])) for person in terms["people"] if len(person["name"].split()) >= 3}
    extra |= {w for d in school["domains"] for w in re.findall(r"[^\W_]+", d.lower()) if len(w) > 3}
    others = {fold(w) for text in school["places"] for w in text.split()} | extra
    others |= {fold(w) for person in terms["people"] for form in person["forms"] for w in re.findall(r"[^\W_]+", form["text"])}
    core_only = {fold(w) for text in school.get("cores", []) for w in re.findall(r"[^\W_]+", text)} - others
    full_names = [" ".join(fold(w) for w in re.findall(r"[^\W_]+", text)) for text in school["names"]]
    lone = {fold(f["text"]) for person in terms["people"] for f in person["forms"] if f["form"] in ("surname", "surname_rare")}
    initials = [fold(f["text"]) for person in terms["people"] for f in person["forms"]  # "Mrs P", "Mr B"
                if f["form"] == "alias" and all(len(w) < 2 or fold(w).rstrip(".") in titles or fold(w).rstrip(".")
                                                in WELSH_DIGRAPHS for w in f["text"].split())]
    initials += [fold(f["text"]) for person in terms["people"] for f in person["forms"]  # (v15) "E-O" alone
                 if f["form"] == "surname" and all(len(w) < 2 for w in re.findall(r"[^\W_]+", f["text"]))]
    return NameNormaliser(words, titles, firsts, exact_only=mutated - words, extra_triggers=extra, generic=generic,
                          core_only=core_only, full_names=full_names, lone_names=lone, initials=initials,
                          placed_cores=[(sorted(CORE_PLACING | WELSH_IN_THE | WELSH_SCHOOL_NOUNS | CORE_ATTENDED), fold(c))
                                        for c in school.get("cores", [])]
                          # (v34) and the first word alone of a short name Welsh would mutate, after "yn", "i", "o"
                          + [(sorted(HEAD_PLACING), fold(c.split()[0])) for c in school.get("cores_locative", [])]
                          # (v36) and after a school year ("Blwyddyn 8 Tywysog Cymru", "yr9 queen elizabeth")
                          + [(sorted(YEAR_LAST_WORDS), fold(c)) for c in school.get("cores", [])]
                          # (v37) and the word after the article of a school-led short name after "yn y", "o'r"
                          # (v38) or after a Welsh noun of school life with the article, or "(y"
                          + [(["yn y", "ym y", "yng y", "o'r", "(y", *[f"{n} y" for n in sorted(WELSH_SCHOOL_NOUNS)],
                               *[f"{n}'r" for n in sorted(WELSH_SCHOOL_NOUNS)]], head) for head in _article_heads(school)],
                          core_after=CORE_SCHOOL_AFTER, named_cores=[fold(c) for c in school.get("cores_school_led", [])],
                          core_context=_school_context_words() | WELSH_TEAM,  # (v11) "thîm hoci Tywysog Cymru"
                          # (v29) and each middle name too ("Mrs Wynn Davies" for Eleri Wyn Davies)
                          first_surnames=[(fold(word), fold(p["name"].split()[-1])) for p in terms["people"]
                                          if len(p["name"].split()) >= 2 for word in p["name"].split()[:-1]])


@Language.factory("repmon_normalise", default_config={"terms": {}})
def make_normalise(nlp: Language, name: str, terms: dict[str, Any]) -> Normaliser:
    """Set ``Token.norm_`` to a folded form and undo obfuscated or misspelt profile names.

    Assigns: ``Token.norm_`` (no accents, no zero-width characters, straight
    quotes; "Pr1tchard", "B.e.y.n.o.n", "P r i t c h a r d" and a name one
    edit away after a title restored to the profile's word, see
    :mod:`nlp.normalise`); token boundaries (spaced-out names merged, URLs
    split at their punctuation; the text is never changed); and
    ``Token.is_sent_start`` after a line break that does not run on (unless a
    parser has run). Config: ``terms`` (from profile_terms; ``{}`` folds only).
    Every matcher in repmon matches on NORM, so "Siân", "Sian" and "SIAN" are one word.
    """
    return Normaliser(_name_normaliser(terms))


class Sentences(BatchedPipe):
    """spaCy's sentencizer; the boundaries are then final, so :func:`nlp.relevance.sent_starts` may keep them.

    Its rule (``Sentencizer.predict``, which makes a Token object for each word) is read from the ORTH array: a
    sentence starts at the first word after end punctuation, a word being a token neither in its ``punct_chars``
    nor punctuation. spaCy's ``set_annotations`` writes the boundaries, as ``Sentencizer.__call__`` does."""

    def __init__(self, vocab: Vocab) -> None:
        self.sentencizer = Sentencizer()
        self.kinds = _TokenKinds(vocab, self.sentencizer.punct_chars)

    def __call__(self, doc: Doc) -> Doc:
        if not len(doc):
            return relevance.boundaries_final(doc)
        array = doc.to_array([ORTH, SENT_START])
        found = [m.end() - 1 for m in _NEXT_SENTENCE.finditer("".join(map(self.kinds.__getitem__, array[:, 0].tolist())))]
        guesses = [False] * len(doc)
        guesses[0] = True
        for i in found:
            guesses[i] = True
        self.sentencizer.set_annotations([doc], [guesses])
        # the boundaries as set_annotations leaves them: those set before (after a line break) stay, as do non-starts
        given = array[:, 1].tolist()
        starts = [i for i in found if given[i] == 0]
        if given.count(1) > (given[0] == 1):  # (spaCy sets the first token's)
            starts = sorted({*starts, *(i for i, value in enumerate(given) if value == 1 and i)})
        return relevance.boundaries_final(doc, [0, *starts])


#: In a string of :class:`_TokenKinds`, the word that starts the next sentence after end punctuation (the last
#: character of each match), as ``Sentencizer.predict`` finds them one after the other.
_NEXT_SENTENCE = re.compile("2[12]*0")


class _TokenKinds(dict[int, str]):
    """ORTH hash -> "2" for a token in the sentencizer's ``punct_chars``, "1" for other punctuation, "0" for a word
    (filled as tokens are met)."""

    def __init__(self, vocab: Vocab, punct_chars: Iterable[str]) -> None:
        super().__init__()
        self.vocab = vocab
        self.punct_chars = frozenset(punct_chars)

    def __missing__(self, orth: int) -> str:
        if len(self) >= 100_000:
            self.clear()
        lexeme = self.vocab[orth]
        kind = self[orth] = "2" if lexeme.orth_ in self.punct_chars else "1" if lexeme.is_punct else "0"
        return kind


@Language.factory("repmon_sentences")
def make_sentences(nlp: Language, name: str) -> Sentences:
    """Sentence boundaries at end punctuation (spaCy's ``sentencizer``, same rule), where none is set.

    Assigns ``Token.is_sent_start``; marks the boundaries final in ``doc.user_data`` so that
    :func:`nlp.relevance.sent_starts` reads them once. Config: none.
    """
    return Sentences(nlp.vocab)


class EvidenceFinder(BatchedPipe):
    """Words that tell which school (or which sense of the name) a text is about."""

    def __init__(self, nlp: Language, terms: dict[str, Any], patterns_dir: str, not_school_file: str,
                 school_words_file: str, setting_file: str = SETTING_FILE) -> None:
        school = terms["school"]
        self.phrases = PhraseMatcher(nlp.vocab, attr="NORM")
        self.phrases_added: list[str] = ["PLACE", "DECOY"]
        self.phrases.add("PLACE", _phrase_docs(nlp, school["places"]))
        self.phrases.add("DECOY", _phrase_docs(nlp, school["decoys"]))
        self.matcher = Matcher(nlp.vocab, validate=True)  # (checks the patterns; the gated one runs them)
        # only the patterns that can match a text run (those whose needed words are in it, see nlp.matchgate)
        self.gated = GatedMatcher(nlp.vocab)
        patterns: dict[str, list[Any]] = {}
        words = [(school_words_file, n, r) for n, r in read_jsonl(school_words_file, patterns_dir)]
        words += [(setting_file, n, r) for n, r in read_jsonl(setting_file, patterns_dir)]  # v5: a school setting
        for file, number, row in words:
            label = {"context": "SCHOOL_WORD", "setting": "SCHOOL_SETTING", "pointer": "SCHOOL_POINTER",
                     "life": "SCHOOL_LIFE", "namesake": "NAMESAKE"}.get(str(row.get("kind")))  # (v5, round 4: the last two)
            if label is None:
                continue
            if row.get("phrases"):
                self.phrases.add(label, _phrase_docs(nlp, row["phrases"]))
                self.phrases_added.append(label)
            if row.get("pattern"):
                try:
                    self.matcher.add(label, [row["pattern"]])
                except (ValueError, TypeError) as exc:
                    raise PatternFileError(f"{file}:{number}: bad Matcher pattern ({exc}).") from None
                patterns.setdefault(label, []).append(row["pattern"])
                self.gated.add(label, [row["pattern"]], gate_id=f"{file}:{number}")
        self.gate = PatternGate(nlp.vocab)  # the Matcher runs only on texts with the words a pattern needs
        for label, label_patterns in patterns.items():
            self.gate.add(label, label_patterns)
        for number, row in read_jsonl(not_school_file, patterns_dir):
            sense = row.get("sense")
            if not isinstance(sense, str) or not isinstance(row.get("phrases"), list):
                raise PatternFileError(f"{not_school_file}:{number}: give 'sense' (text) and 'phrases' (a list).")
            key = f"NOT_SCHOOL|{sense}"
            expanded = [p.replace("{core}", core) for p in row["phrases"] for core in school["cores"] if "{core}" in p]
            expanded += [p.replace("{name}", n) for p in row["phrases"] for n in school["names"]
                         if "{name}" in p and " " in n]
            expanded += [p.replace("{abbreviation}", a) for p in row["phrases"] for a in school.get("abbreviations", ())
                         if "{abbreviation}" in p]  # (v7)
            expanded += [p.replace("{acronym}", n) for p in row["phrases"] for n in school["names"]  # (v11) "QEHS"
                         if "{acronym}" in p and n.isalpha() and len(n) <= ACRONYM_MAX
                         and sum(map(str.isupper, n)) >= 2]
            expanded += [p for p in row["phrases"]
                         if not any(k in p for k in ("{core}", "{name}", "{abbreviation}", "{acronym}"))]
            if expanded:
                self.phrases.add(key, _phrase_docs(nlp, expanded))
                self.phrases_added.append(key)
        # match id -> (label, sense) of each phrase key ("PLACE", "NOT_SCHOOL|the monarch"): no string lookups per match
        self.phrase_keys: dict[int, tuple[str, str]] = {}
        for key in self.phrases_added:
            label, _, sense = key.partition("|")
            self.phrase_keys[nlp.vocab.strings.add(key)] = (label, sense)
        own = [re.escape(d) for d in school["domains"]]
        handles = [re.escape(h) for h in school["handles"]]
        parts = []
        if own:
            parts.append(r"(?<![A-Za-z0-9-])(?:" + "|".join(own) + r")(?![A-Za-z0-9-]|\.[A-Za-z0-9])")
        if handles:
            parts.append(r"(?<![\w@])@(?:" + "|".join(handles) + r")(?!\w)")
        self.own_site = re.compile("|".join(parts), re.IGNORECASE) if parts else None
        # what an ASCII text must hold, in lower case, for the pattern to match (a quick test before it runs)
        needles = [d.lower() for d in school["domains"]] + ["@" + h.lower() for h in school["handles"]]
        self.own_site_needles = tuple(needles) if all(n.isascii() for n in needles) else None

    def __call__(self, doc: Doc) -> Doc:
        spans: list[Span] = []
        for match_id, start, end in self.phrases(doc):
            label, sense = self.phrase_keys[match_id]
            spans.append(Span(doc, start, end, label=label, span_id=sense or 0))
        matcher = self.gated.matcher_for(*words_and_norms(doc)) if self.gate.possible(doc_norms(doc)) else None
        if matcher is not None:  # (the NORM gate first: it reads the NORMs kept, the gated Matcher reads four arrays)
            for match_id, start, end in matcher(doc):
                spans.append(Span(doc, start, end, label=doc.vocab.strings[match_id]))
        if self.own_site is not None and self._may_name_own_site(text_of(doc)):
            for m in self.own_site.finditer(text_of(doc)):
                span = doc.char_span(m.start(), m.end(), alignment_mode="expand")
                if span is not None:
                    kind = "handle" if m.group().startswith("@") else "domain"
                    spans.append(Span(doc, span.start, span.end, label="OWN_SITE", span_id=kind))
        put_spans(doc, "repmon_evidence", spans)
        return doc

    def _may_name_own_site(self, text: str) -> bool:
        if self.own_site_needles is None or not text.isascii():
            return True
        lower = text.lower()
        return any(needle in lower for needle in self.own_site_needles)


@Language.factory("repmon_evidence", default_config={
    "terms": {}, "patterns_dir": "", "not_school_file": NOT_SCHOOL_FILE, "school_words_file": SCHOOL_WORDS_FILE,
    "setting_file": SETTING_FILE})
def make_evidence(nlp: Language, name: str, terms: dict[str, Any], patterns_dir: str, not_school_file: str,
                  school_words_file: str, setting_file: str) -> EvidenceFinder:
    """Find the evidence for relevance.

    Assigns ``doc.spans["repmon_evidence"]`` with labels PLACE (profile places,
    with Welsh mutations), DECOY (places of other schools of that name),
    SCHOOL_WORD (school setting words, ``school-words-v2.jsonl``), SCHOOL_SETTING (v5: words that put
    the text in a school of its own, "excluded my son", ``school-words-v5.jsonl``), SCHOOL_POINTER (v5: words
    that point at one school, "that school", "yr ysgol 'na"), SCHOOL_LIFE (v5: words of ordinary school life,
    "teach", "homework"), NAMESAKE (v5: words that say a person of that name is someone else, "striker",
    "jailed", "ffermwr"), NOT_SCHOOL
    (other senses of the school's core name, ``not-school-v2.jsonl``; the
    sense is in ``span.id_``) and OWN_SITE (the school's domains and
    @handles; ``span.id_`` is "domain" or "handle").
    Config: ``terms`` (from profile_terms), ``patterns_dir`` ("" = nlp/patterns),
    ``not_school_file``, ``school_words_file``, ``setting_file``.
    """
    return EvidenceFinder(nlp, _need_terms(terms, name), patterns_dir, not_school_file, school_words_file, setting_file)


class MentionFinder(BatchedPipe):
    """The school, its staff and its pupils, by every form of their names in the profile."""

    def __init__(self, nlp: Language, terms: dict[str, Any]) -> None:
        school = terms["school"]
        self.school_id = school["id"]
        self.abbreviations = frozenset(school.get("abbreviations", ()))  # v5: "QE", "PoW", matched as written
        self.loose_abbreviations = frozenset(a.lower() for a in self.abbreviations)
        self.loose_hashes = frozenset(get_string_id(a) for a in self.loose_abbreviations)
        self.phrases = PhraseMatcher(nlp.vocab, attr="NORM")
        self.keys: dict[int, tuple[str, str, str]] = {}  # match id -> (kind, ref, form)
        self._add(nlp, "school", self.school_id, "name", school["names"])
        if school["cores"]:
            self._add(nlp, "school", self.school_id, "core", school["cores"])
        # (v8) "yn Nhywysog Cymru" (the nasal mutation "in" gives); (v11) "yn Tywysog Cymru" (left unmutated)
        self.in_cores = frozenset(fold(c) for c in (*school.get("cores_nasal", ()), *school.get("cores_locative", ())))
        self.school_led = frozenset(fold(c) for c in school.get("cores_school_led", ()))
        # (v34) the first word alone of a short name Welsh would mutate, capitalised and left unmutated after "yn", "i",
        # "o" ("hogan yn dosbarth fi yn Tywysog", "trip ... Tywysog"): the school as pupils shorten it
        self.core_heads = frozenset(fold(c.split()[0]) for c in school.get("cores_locative", ()))
        self.core_head_hashes = frozenset(get_string_id(h) for h in self.core_heads)
        # (v37) the word after the article in a school-led short name ("Frenhines" of "Ysgol y Frenhines"), after "yn y"
        # or, right after a person from the profile, "o'r" ("ym mlwyddyn 9 yn y Frenhines", "Lili Griffiths o'r
        # Frenhines"): the school as pupils shorten it; one is not "in the Queen"
        self.article_heads = _article_heads(school)
        self.article_head_hashes = frozenset(get_string_id(h) for h in self.article_heads)
        for person in terms["people"]:
            by_form: dict[str, list[str]] = {}
            for form in person["forms"]:
                by_form.setdefault(form["form"], []).append(form["text"])
            for form, texts in by_form.items():
                self._add(nlp, person["kind"], person["id"], form, texts)
        roles = terms.get("roles") or {}  # v6: "their head of science", "your deputy head" (roles-v6.jsonl)
        for ref, texts in roles.get("staff", {}).items():
            self._add(nlp, "staff", ref, "role", texts)
        self.role_bare = frozenset(roles.get("bare", ()))
        self.role_not_after = frozenset(roles.get("not_after", ()))
        # (v11) hashtags that begin with a full name or the school's name run together: folded start -> mention
        self.hashtag_starts: dict[str, tuple[str, str, str]] = {}
        for text in school["names"]:
            joined = fold(re.sub(r"[\W_]+", "", text))
            if len(joined) >= HASHTAG_START_MIN and joined.isalnum():
                self.hashtag_starts.setdefault(joined, ("school", self.school_id, "name"))
        for person in terms["people"]:
            for form in person["forms"]:
                joined = fold(re.sub(r"[\W_]+", "", form["text"]))
                if form["form"] == "full" and len(joined) >= HASHTAG_NAME_MIN:
                    self.hashtag_starts.setdefault(joined, (person["kind"], person["id"], "full"))
        # (v15) staff surnames, for a surname masked with asterisks after a title ("Miss Ll**d", "Mr H*ghes")
        self.masked_surnames = [(fold(person["name"].split()[-1]), person["id"]) for person in terms["people"]
                                if person["kind"] == "staff" and len(person["name"].split()) >= 2]
        # (v15) the school's short name run together as a whole hashtag ("#tywysogcymru"): read as the short name
        self.hashtag_cores = frozenset(joined for joined in (fold(re.sub(r"[\W_]+", "", c)) for c in school["cores"])
                                       if len(joined) >= HASHTAG_NAME_MIN and joined.isalnum())
        # (v15) the school's name as one part of a handle or page name ("qehs_rates", "powhs.confessions")
        self.handle_schools = frozenset(joined for joined in (fold(re.sub(r"[\W_]+", "", n)) for n in school["names"])
                                        if len(joined) >= HASHTAG_START_MIN and joined.isalnum())
        # (v7) names run together in a handle ("elis_parry_09", "@lili.g_xx", "huw.prydderch"): folded word tuples
        self.handle_names: dict[tuple[str, ...], tuple[str, str]] = {}
        # (v11) ... or a full name written as one word ("@ffionmeredydd_x", "gethin.aprhys"), and a first name with
        # the start of the surname ("@lili.griffs", "cai.llew"): first name -> (surname, kind, id)
        self.handle_starts: dict[str, list[tuple[str, str, str]]] = {}
        for person in terms["people"]:
            for form in person["forms"]:
                words = tuple(w for w in re.split(r"[\s.'-]+", fold(form["text"])) if w)
                if len(words) >= 2 and form["form"] in ("full", "first") and not any(w in TITLE_WORDS for w in words):
                    self.handle_names.setdefault(words, (person["kind"], person["id"]))
                    if form["form"] == "full":
                        self.handle_names.setdefault(("".join(words),), (person["kind"], person["id"]))
                        self.handle_starts.setdefault(words[0], []).append(
                            ("".join(words[1:]), person["kind"], person["id"]))
                        if len("".join(words[1:])) >= HANDLE_SURNAME_START:  # (v15) "@g.aprhys": initial, surname
                            self.handle_names.setdefault((words[0][0], "".join(words[1:])), (person["kind"], person["id"]))

    def _handles(self, doc: Doc) -> list[Span]:
        """(v7) A person's name run together in a handle or username ("elis_parry_09", "@lili.g_xx"): read like a
        first name alone, so it counts with the school in the post."""
        out = []
        for token in doc:
            if "_" not in token.text and "." not in token.text.strip("."):
                continue
            parts = [p for p in re.split(r"[._\d@]+", fold(token.text)) if p]
            hit = None
            for size in (3, 2, 1):
                hit = next((self.handle_names[tuple(parts[i:i + size])] for i in range(len(parts) - size + 1)
                            if tuple(parts[i:i + size]) in self.handle_names), None)
                if hit:
                    break
            if hit is None:  # (v11) "lili.griffs": the first name, then the surname's first four letters or more
                hit = next(((kind, ref) for first, rest in zip(parts, parts[1:]) for surname, kind, ref
                            in self.handle_starts.get(first, ()) if len(rest) >= HANDLE_SURNAME_START
                            and surname.startswith(rest[:HANDLE_SURNAME_START])), None)
            if hit:
                out.append(Span(doc, token.i, token.i + 1, label=hit[0], kb_id=hit[1], span_id="first"))
            elif not self.handle_schools.isdisjoint(parts):  # (v15) "qehs_rates", "powhs.confessions": a page named
                out.append(Span(doc, token.i, token.i + 1, label="school", kb_id=self.school_id, span_id="name"))
        return out

    def _masked(self, doc: Doc) -> list[Span]:
        """(v15) A title and a surname with letters masked by asterisks ("Miss Ll**d", "Mr Pr*dd*rch"): a member of
        staff when the letters shown are theirs, in their places, the first among them, and no one else's fit."""
        out = []
        for token in doc[1:]:
            if ("*" not in token.text and "\uff0a" not in token.text) \
                    or doc[token.i - 1].norm_.rstrip(".") not in TITLE_WORDS:
                continue  # only the masked words are folded (fold() makes a full-width "＊" one), not every word
            masked = fold(token.text)
            shown = [(i, c) for i, c in enumerate(masked) if c != "*"]
            if len(shown) < MASKED_SHOWN_MIN or shown[0][0] != 0:
                continue
            fits = {ref for surname, ref in self.masked_surnames
                    if len(surname) == len(masked) and all(surname[i] == c for i, c in shown)}
            if len(fits) == 1:
                out.append(Span(doc, token.i - 1, token.i + 1, label="staff", kb_id=fits.pop(), span_id="title"))
        return out

    def _hashtags(self, doc: Doc) -> list[Span]:
        """(v11) A hashtag that begins with a person's full name or the school's name run together and goes on
        ("#CaiLlewelynIsAWeirdo", "#powhs6thform", "#qehsproblems"): the hashtag names them."""
        out = []
        for token in doc:
            tag = token.text[1:] if token.text.startswith("#") else token.text if token.i > 0 \
                and doc[token.i - 1].text == "#" else ""
            folded = fold(tag)
            if len(folded) <= HASHTAG_START_MIN:
                continue
            if folded in self.hashtag_cores:  # (v15) "#tywysogcymru": the short name, weighed as one
                out.append(Span(doc, token.i, token.i + 1, label="school", kb_id=self.school_id, span_id="core"))
                continue
            hit = next((self.hashtag_starts[folded[:n]] for n in range(len(folded) - 1, HASHTAG_START_MIN - 1, -1)
                        if folded[:n] in self.hashtag_starts), None)
            if hit:
                out.append(Span(doc, token.i, token.i + 1, label=hit[0], kb_id=hit[1], span_id=hit[2]))
        return out

    def _add(self, nlp: Language, kind: str, ref: str, form: str, phrases: list[str]) -> None:
        key = f"{kind}|{ref}|{form}"
        self.phrases.add(key, _phrase_docs(nlp, phrases))
        self.keys[nlp.vocab.strings.add(key)] = (kind, ref, form)

    def __call__(self, doc: Doc) -> Doc:
        evidence = found_in(doc, "repmon_evidence")
        other_senses = [e for e in evidence if e.label_ == "NOT_SCHOOL"]
        school_words = [e for e in evidence if e.label_ in ("SCHOOL_WORD", "SCHOOL_SETTING", "SCHOOL_POINTER")]
        candidates: list[Span] = []
        cores: list[Span] = []
        firsts: list[Span] = []
        roles: list[Span] = []
        for match_id, start, end in self.phrases(doc):
            kind, ref, form = self.keys[match_id]
            span = Span(doc, start, end, label=kind, kb_id=ref, span_id=form)
            (cores if form == "core" else firsts if form in ("first", "surname", "surname_rare") else roles if form == "role"
             else candidates).append(span)
        if (self.handle_names or self.handle_schools) and _has_handle_join(text_of(doc)):
            for span in self._handles(doc):
                (candidates if span.label_ == "school" else firsts).append(span)
        if self.masked_surnames and "*" in text_of(doc):
            candidates += self._masked(doc)
        if (self.hashtag_starts or self.hashtag_cores) and "#" in text_of(doc):
            for span in self._hashtags(doc):
                (cores if span.id_ == "core" else candidates).append(span)
        for e in evidence:
            if e.label_ == "OWN_SITE" and e.id_ == "handle":
                candidates.append(Span(doc, e.start, e.end, label="school", kb_id=self.school_id, span_id="handle"))
            elif e.label_ == "OWN_SITE":
                candidates.append(Span(doc, e.start, e.end, label="school", kb_id=self.school_id, span_id="domain"))
        if other_senses:  # "Prince of Wales High Street" is a street, not the school
            candidates = [c for c in candidates if not any(
                o.start <= c.start and c.end <= o.end and (o.end - o.start) > (c.end - c.start) for o in other_senses)]
        kept = filter_spans(candidates)
        abbreviations = self._written_abbreviations(doc) if self.abbreviations else []
        # v6: written in lower case ("megs from qe", "#qe") right after a word of place or a hashtag; (v7) or with a
        # school word in its sentence or a person from the profile named ("a qe sixth former", "the pow toilets")
        loose = [i for i, lower in enumerate(doc.to_array(LOWER).tolist()) if lower in self.loose_hashes
                 and doc[i].text not in self.abbreviations and doc[i].text.lower() in self.loose_abbreviations] \
            if self.loose_hashes and not self.loose_hashes.isdisjoint(norms_of(doc)) else []  # (Tokens for those only)
        starts = relevance.sent_starts(doc) if cores or firsts or abbreviations or roles or loose else [0]
        if loose:
            # (v8) a pupil's distinctive short form in the text counts as a person too ("meg t-p ... the qe boys")
            named_short = any(f.label_ == "pupil" and (" " in span_text(f) or self._spoken_to(doc, f, starts))
                              for f in firsts)  # (v9) or spoken to: "lili u ok?? ... in the qe toilets"
            kept += self._loose_abbreviations(doc, loose, kept, other_senses, school_words, starts, named_short)
        if cores:
            taken = {i for s in kept for i in range(s.start, s.end)} | {i for o in other_senses for i in range(o.start, o.end)}
            settings = [w for w in school_words if w.label_ != "SCHOOL_WORD"
                        and not any(c.start <= w.start < c.end for c in cores)]
            word_sents: dict[int, list[Found]] = {}
            for w in school_words:
                word_sents.setdefault(bisect_right(starts, w.start), []).append(w)
            places = {e.start: e.end for e in evidence if e.label_ == "PLACE"} if cores else {}
            person_named = any(m.label_ != "school" for m in kept)  # (v8) "Gethin ap Rhys ... pawb yn Tywysog Cymru'n ..." 
            for core in cores:
                if any(i in taken for i in range(core.start, core.end)):
                    continue  # part of a longer name, or "Queen Elizabeth II", "HMS Queen Elizabeth", ...
                words = word_sents.get(bisect_right(starts, core.start), [])
                if core.end < len(doc) and doc[core.end].norm_ in CORE_SCHOOL_AFTER:
                    # (v8) "prince of wales hs", "queen elizabeth h.s.": the short name with "high school" written short
                    kept.append(Span(doc, core.start, core.end + 1, label="school", kb_id=self.school_id, span_id="name"))
                elif (fold(span_text(core)) in self.school_led and not self._name_goes_on(doc, core, places)) \
                        or self._beside_place(doc, core, places) or (
                        self.in_cores and core.start > 0 and doc[core.start - 1].norm_ in NASAL_IN
                        and fold(span_text(core)) in self.in_cores
                        and (core.start < 2 or doc[core.start - 2].norm_ not in BECOMING)):
                    # (v8) "Ysgol y Frenhines" (a school word leads it), named with its town as schools are ("queen
                    # elizabeth carmarthen", "Prince of Wales, Bangor"), or "in" it with the nasal mutation "yn" gives
                    # ("yn Nhywysog Cymru"; v11: or left unmutated, "yn Tywysog Cymru", which "is the prince" would
                    # not be): a school, not the queen or the prince
                    kept.append(Span(doc, core.start, core.end, label="school", kb_id=self.school_id, span_id="placed"))
                elif self._hashtag_placed(doc, core, evidence):
                    # (v15) "#tywysogcymru #bangor" with "ysgol eto fory", "#tywysogcymru #bl9": tagged with the
                    # school's town or a school year, in a post about school; "#princeofwales #bangor" on a royal
                    # visit has no school word
                    kept.append(Span(doc, core.start, core.end, label="school", kb_id=self.school_id, span_id="placed"))
                elif self._welsh_owned(doc, core) or self._year_before(doc, core) or self._attended(doc, core, places):
                    # (v11) Welsh "the school's pupils, team, teachers": the noun before the name ("disgyblion Tywysog
                    # Cymru", "tîm hoci Tywysog Cymru"): the prince has no pupils
                    kept.append(Span(doc, core.start, core.end, label="school", kb_id=self.school_id, span_id="placed"))
                elif self._welsh_in_the(doc, core):
                    # (v10) Welsh "in the" before the short name ("pawb yn y Frenhines Elisabeth"): a place one is in, a
                    # school, not the queen
                    kept.append(Span(doc, core.start, core.end, label="school", kb_id=self.school_id, span_id="placed"))
                elif (settings or person_named) and core.start > 0 and doc[core.start - 1].norm_ in CORE_PLACING:
                    # v5: placed as a school ("my sister is at Queen Elizabeth") in a text with a school setting; (v8) or
                    # with a person from the profile named ("Gethin ap Rhys ... Pawb yn Tywysog Cymru'n chwerthin")
                    kept.append(Span(doc, core.start, core.end, label="school", kb_id=self.school_id, span_id="placed"))
                elif any(not (core.start <= w.start < core.end) for w in words):
                    kept.append(core)
                elif core.start > 0 and doc[core.start - 1].norm_ in CORE_PLACING and core.end < len(doc) \
                        and doc[core.end].norm_ in CORE_DAY_AFTER:
                    # (v15) somewhere one goes on a day, with no article ("bringing his dad's air rifle into Prince of
                    # Wales tomorrow"): left to the threat rules, as with a school word (the prince is "the Prince")
                    kept.append(core)
        if self.core_heads and not self.core_head_hashes.isdisjoint(norms_of(doc)):
            kept += self._core_heads(doc, kept, other_senses)
        if self.article_heads and not self.article_head_hashes.isdisjoint(norms_of(doc)):
            kept += self._article_heads(doc, kept, other_senses)
        if abbreviations:
            kept += self._abbreviations(doc, abbreviations, kept, other_senses)
        if firsts:
            kept += self._first_names(doc, firsts, kept, starts)
        if roles:
            kept += self._roles(doc, roles, kept, starts)
        put_spans(doc, "repmon_mentions", filter_spans(kept))  # (in order of start)
        return doc

    def _written_abbreviations(self, doc: Doc) -> list[int]:
        """The tokens that are the abbreviation as written in the profile, with or without dots after it: found in
        the text, so Token objects are made only for the tokens that start where it is."""
        text = text_of(doc)
        at: set[int] = set()
        for abbreviation in self.abbreviations:
            pos = text.find(abbreviation)
            while pos != -1:
                at.add(pos)
                pos = text.find(abbreviation, pos + 1)
        if not at:
            return []
        token_at = {start: i for i, start in enumerate(doc.to_array(IDX).tolist())}
        return sorted(i for i in (token_at.get(pos) for pos in at)
                      if i is not None and doc[i].text.rstrip(".") in self.abbreviations)

    def _core_heads(self, doc: Doc, kept: list[Span], other_senses: list[Found]) -> list[Span]:
        """(v34) "yn Tywysog", "i Tywysog", "o Tywysog": the first word of a short name (:attr:`core_heads`), with a
        capital and unmutated after a preposition that would mutate it were it the noun ("yn Nhywysog" is in a prince,
        "i Dywysog" to one): the school's name, shortened, not the word."""
        taken = {i for s in kept for i in range(s.start, s.end)} | {i for o in other_senses for i in range(o.start, o.end)}
        out = []
        for i in range(1, len(doc)):
            token = doc[i]
            if i in taken or not token.text[:1].isupper() or fold(token.text) not in self.core_heads:
                continue
            if doc[i - 1].norm_ in HEAD_PLACING:
                out.append(Span(doc, i, i + 1, label="school", kb_id=self.school_id, span_id="placed"))
        return out

    def _article_heads(self, doc: Doc, kept: list[Span], other_senses: list[Found]) -> list[Span]:
        """(v37) "yn y Frenhines", "Lili Griffiths o'r Frenhines": the word after the article in a school-led short
        name (:attr:`article_heads`) after Welsh "in the", or after "from the" right after a person from the profile."""
        taken = {i for s in kept for i in range(s.start, s.end)} | {i for o in other_senses for i in range(o.start, o.end)}
        person_ends = {m.end for m in kept if m.label_ != "school"}
        out = []
        for i in range(2, len(doc)):
            if i in taken or fold(doc[i].text) not in self.article_heads:
                continue
            before = doc[i - 1].norm_
            if (before in WELSH_THE and doc[i - 2].norm_ in NASAL_IN | WELSH_SCHOOL_NOUNS) or (
                    before == "o'r" and i - 1 in person_ends) or (
                    before.endswith("'r") and before[:-2] in WELSH_SCHOOL_NOUNS) or (
                    before in WELSH_THE and doc[i - 2].text == "(" and i > 2 and doc[i - 3].norm_ in SCHOOL_LED_WORDS):
                # (v38) or after a Welsh noun of school life with the article ("gatie'r Frenhines", "disgyblion y
                # Frenhines"), or in brackets after "ysgol" ("yn yr ysgol (y frenhines)")
                out.append(Span(doc, i, i + 1, label="school", kb_id=self.school_id, span_id="placed"))
        return out

    @staticmethod
    def _spoken_to(doc: Doc, name: Span, starts: list[int]) -> bool:
        """(v9) A first name that opens a sentence and is spoken to ("lili u ok??", "meg babe stop ...")."""
        return name.start in starts and name.end < len(doc) and doc[name.end].norm_ in VOCATIVE_AFTER

    @staticmethod
    def _congratulated(doc: Doc, name: Span) -> bool:
        """(v15) A first name right after words of congratulation ("llongyfarchiadau nia!!", "well done elis")."""
        if name.start == 0:
            return False
        before = doc[name.start - 1].norm_
        return before in CONGRATULATIONS or (before == "done" and name.start > 1 and doc[name.start - 2].norm_ == "well")

    @staticmethod
    def _year_after(doc: Doc, name: Span) -> bool:
        """(v10) A first name followed by the school year or form it is in ("cai from yr 10", "lili in 9B", "nia o fl.10")."""
        i = name.end
        if i + 1 >= len(doc) or doc[i].norm_ not in YEAR_BEFORE:
            return False
        word, after = doc[i + 1].norm_, doc[i + 2].norm_ if i + 2 < len(doc) else ""
        return bool(FORM_OR_YEAR.match(word)) or (word in YEAR_WORDS and bool(FORM_OR_YEAR.match(after)))

    @staticmethod
    def _staff_by_role(doc: Doc, name: Span) -> bool:
        """(v11) A surname with the job it is known by after it ("Hughes the maths teacher", "Rees y prifathro"): a
        member of staff, not a namesake ("Hughes the plumber")."""
        after = [t.norm_ for t in doc[name.end:name.end + 4]]
        return bool(after) and after[0] in ROLE_OWNERS and any(w in STAFF_ROLE_WORDS for w in after[1:])

    @staticmethod
    def _role_before(doc: Doc, name: Span) -> bool:
        """(v16) A surname with a teacher's job word right before it ("that maths teacher Hughes", "yr athro Hughes"): a
        member of staff, as with the job after it."""
        return name.start > 0 and doc[name.start - 1].norm_ in TEACHER_WORDS

    @staticmethod
    def _hashtag_placed(doc: Doc, core: Span, evidence: list[Found]) -> bool:
        """(v15) The short name as a hashtag, with another hashtag that is a place of the school or a school word,
        and a school word in the post."""
        def tagged(i: int) -> bool:
            return doc[i].text.startswith("#") or (i > 0 and doc[i - 1].text == "#")
        if not tagged(core.start):
            return False
        words = [e for e in evidence if e.label_ in ("SCHOOL_WORD", "SCHOOL_SETTING") and not core.start <= e.start < core.end]
        own = [e for e in words if fold(e.text) not in GENERIC_SCHOOL_WORDS]
        if own and not any(e.label_ in ("DECOY", "NOT_SCHOOL") for e in evidence) and all(
                doc[i].text.startswith("#") or doc[i].is_punct or not doc[i].is_alpha or tagged(i)
                for i in range(core.end, len(doc))):
            return True  # (v16) the post's last tags, with a word of a school's people or life anywhere in it, not
            # only "school" ("Un o'r athrawon AG ... #TywysogCymru"; not "the village school waving flags #PrinceOfWales")
        return bool(words) and any(tagged(e.start) for e in evidence
                                   if e.label_ in ("PLACE", "SCHOOL_WORD") and not core.start <= e.start < core.end)

    @staticmethod
    def _welsh_owned(doc: Doc, core: Span) -> bool:
        """(v11) A Welsh noun of school life right before the short name, or a team with its sport between
        ("disgyblion Tywysog Cymru", "thîm hoci Tywysog Cymru")."""
        before = [doc[i].norm_ for i in range(max(0, core.start - 4), core.start)]
        return bool(before) and (before[-1] in WELSH_SCHOOL_NOUNS or (
            before[-1] in SCHOOL_SPORT_LAST and any(w in WELSH_TEAM for w in before[:-1])))

    def _attended(self, doc: Doc, core: Span, places: dict[int, int]) -> bool:
        """(v36) The short name right after a verb of going to school with no "to" ("he goes prince of wales", "she
        attends Queen Elizabeth"): one goes to the theatre or the pub, but goes a school; not the start of a longer
        name ("attends Queen Elizabeth Grammar") or a possessive ("Prince of Wales's")."""
        return core.start > 0 and doc[core.start - 1].norm_ in CORE_ATTENDED \
            and not self._name_goes_on(doc, core, places) \
            and not (core.end < len(doc) and doc[core.end].norm_ in ("'s", "s"))

    @staticmethod
    def _year_before(doc: Doc, core: Span) -> bool:
        """(v36) A school year right before the short name ("genod Blwyddyn 8 Tywysog Cymru", "the yr9 Queen Elizabeth
        girls"): the prince and the queen have no year groups."""
        if core.start == 0:
            return False
        word = doc[core.start - 1].norm_
        if core.start > 1 and doc[core.start - 2].norm_ in YEAR_WORDS and word.isdigit():
            return bool(FORM_OR_YEAR.match(word))
        return bool(YEAR_ONE_WORD.match(word))

    @staticmethod
    def _welsh_in_the(doc: Doc, core: Span) -> bool:
        """(v10) "yn y Frenhines Elisabeth": the short name (with or without its article) after Welsh "in the"."""
        i = core.start if doc[core.start].norm_ in WELSH_THE else core.start - 1
        return i > 0 and doc[i].norm_ in WELSH_THE and doc[i - 1].norm_ in NASAL_IN

    @staticmethod
    def _name_goes_on(doc: Doc, core: Span, places: dict[int, int]) -> bool:
        """(v8) A capitalised word right after the short name that is not a profile place: another school's longer
        name ("Ysgol y Frenhines Mary")."""
        if core.end >= len(doc) or core.end in places:
            return False
        word = doc[core.end].text
        return word[:1].isupper() and word.isalpha()

    @staticmethod
    def _beside_place(doc: Doc, core: Span, places: dict[int, int]) -> bool:
        """(v8) The core name right before a profile place, or after one with "'s" ("Queen Elizabeth Carmarthen",
        "Prince of Wales, Bangor", "Carmarthen's Queen Elizabeth"), as a school is named; not "Queen Elizabeth in
        Carmarthen" or "Queen Elizabeth visited Carmarthen", which is the monarch."""
        after = core.end + 1 if core.end < len(doc) and doc[core.end].text in (",", "-", "–") else core.end
        if after in places:
            return True
        before = core.start - 1
        if before >= 1 and doc[before].norm_ in ("'s", "’s"):
            before -= 1
            return any(end == before + 1 for end in places.values())
        return False

    def _abbreviations(self, doc: Doc, hits: list[int], kept: list[Span], other_senses: list[Found]) -> list[Span]:
        """v7: the school's abbreviation ("QE", "PoW": ``school_abbreviations`` in nlp/terms.py), written as in the
        profile, counts unless it is part of a longer name or of another sense ("QE hospital", "more QE" in
        monetary policy: ``not-school-v3.jsonl``); relevance still weighs decoys and other towns. (v5 and v6 wanted a
        school word near it, a person or "at"/"from" before it; writers use it bare: "balchder PoW", "gyda QE".)"""
        taken = {i for s in kept for i in range(s.start, s.end)} | {i for o in other_senses for i in range(o.start, o.end)}
        return [Span(doc, i, i + 1, label="school", kb_id=self.school_id, span_id="abbreviation")
                for i in hits if i not in taken]

    def _loose_abbreviations(self, doc: Doc, hits: list[int], kept: list[Span], other_senses: list[Found],
                             school_words: list[Found], starts: list[int], named_short: bool = False) -> list[Span]:
        """The abbreviation in another case ("qe", "pow"), which is more often something else ("pow!"): after a word
        of place or a hashtag (v6: "from qe", "#qe"; v36: or "coming up", "comin up pow"); (v7) or with a school word in its sentence ("qe prom", "a qe
        sixth former"; v26: or in the sentence either side) or a person from the profile named in the text ("gethin
        ... in the pow toilets"; v8: also a pupil's first name with initials, "meg t-p ... the qe boys")."""
        taken = {i for s in kept for i in range(s.start, s.end)} | {i for o in other_senses for i in range(o.start, o.end)}
        person = named_short or any(m.label_ != "school" for m in kept)
        # (v26) a school word in its sentence or the one either side ("took my mums tablets b4 school. qe is hell")
        word_sents = {bisect_right(starts, w.start) + k for w in school_words for k in (-1, 0, 1)}
        out = []
        for i in hits:
            if i in taken:
                continue
            before = doc[i - 1] if i > 0 else None
            if person or bisect_right(starts, i) in word_sents or (
                    before is not None and (before.norm_ in ABBREVIATION_AFTER or before.text == "#")) or (
                    i > 1 and before is not None and before.norm_ == "up" and doc[i - 2].norm_ in COMING_UP):
                out.append(Span(doc, i, i + 1, label="school", kb_id=self.school_id, span_id="abbreviation"))
        return out

    def _roles(self, doc: Doc, roles: list[Span], kept: list[Span], starts: list[int]) -> list[Span]:
        """v6: a member of staff named by a role only they hold ("their head of science", "your deputy head", "the
        headteacher", "pennaeth QEHS"; ``role_forms`` in nlp/terms.py) counts when the school is named in the same
        sentence and no word before it makes it someone else ("the former head"). A one-word role that is also an
        everyday word ("head", "deputy", "principal") counts only with the school right after it ("head of QEHS"; v10:
        "the head up at QEHS"). (v10) A role of several words after "the", "their" ("the deputy head told us") counts
        also when the school is named only in another sentence."""
        school = [m for m in kept if m.label_ == "school"]
        school_sents = {bisect_right(starts, m.start) for m in school}
        school_starts = {m.start for m in school}
        school_ends = {m.end for m in school}
        taken = {i for s in kept for i in range(s.start, s.end)}
        out = []
        for span in filter_spans(roles):
            if any(i in taken for i in range(span.start, span.end)):
                continue
            before = doc[span.start - 1].norm_ if span.start > 0 else ""
            if before in self.role_not_after:
                continue
            bare = span.end - span.start == 1 and doc[span.start].norm_ in self.role_bare
            if bisect_right(starts, span.start) not in school_sents:
                if school and not bare and before in ROLE_OWNERS:
                    out.append(span)  # (v10) "the deputy head told us ...", the school named in another sentence
                continue
            after = doc[span.end].norm_ if span.end < len(doc) else ""
            if (after in ROLE_AWAY and span.end + 2 in school_starts
                    and doc[span.end + 1].norm_ in ("at", "in", "yn")):  # (v10) "the head up at tywysog cymru"
                out.append(span)
            elif span.end in school_starts or (after in ("of", "at", "yn", "o") and span.end + 1 in school_starts):
                out.append(span)  # "head of QEHS", "pennaeth QEHS"
            elif before in ("'s", "\u2019s") and span.start - 1 in school_ends and not (bare and after in ROLE_NOUN_AFTER):
                out.append(span)  # (v15) the school's own: "PoW High's head lives at ..."; not "PoW High's head boy"
            elif not bare:
                out.append(span)  # "their head of science", "your deputy head", "the headteacher"
        return out

    @staticmethod
    def _first_names(doc: Doc, firsts: list[Span], kept: list[Span], starts: list[int]) -> list[Span]:
        """A first name or surname alone counts when written with a capital and the person is named
        in full elsewhere in the text, or the school is named in the same sentence ("Megan from QEHS"; v6: then
        in lower case too, "megan from qe"); a member of staff's surname also when the sentence has a school
        setting of its own (v5: "If Beynon excludes my son ..."; v28: or one of the three before it) or the school
        is named anywhere in the post (v6);
        (v7) a first name written with a capital also when the school is named anywhere in the post
        ("Llongyfarchiadau Ffion ar ennill y Fedal! 💚 balchder PoW"), and in lower case too when it has five
        letters or more ("osian came in with a black eye AGAIN ... QE"; not "cai", a Welsh verb, or "lili"). (v11) A
        pupil's first name with a capital also counts when a member of staff is named by title in the text ("Ma' Cai
        yn gweud ... Wedes i wrth Mrs Howells")."""
        named = {m.kb_id_ for m in kept if m.label_ != "school"}
        school_sents = {bisect_right(starts, m.start) for m in kept if m.label_ == "school"}
        evidence = found_in(doc, "repmon_evidence")
        setting_sents = {bisect_right(starts, e.start) for e in evidence if e.label_ in ("SCHOOL_SETTING", "SCHOOL_POINTER")}
        namesake_sents = {bisect_right(starts, e.start) for e in evidence if e.label_ == "NAMESAKE"}
        taken = {i for s in kept for i in range(s.start, s.end)}
        staff_titled = any(m.label_ == "staff" and m.id_ in ("title", "title_full") for m in kept)
        out = []
        for span in firsts:
            if span.start in taken:
                continue
            if not span_text(span)[:1].isupper():  # (v6) "lili from qe", "beynon at QEHS": with the school beside it
                if bisect_right(starts, span.start) in school_sents or (
                        school_sents and span.end_char - span.start_char >= LOOSE_FIRST_MIN
                        and (span.id_ == "first" or span.label_ == "pupil")):
                    out.append(span)  # (v7) "osian came in with a black eye AGAIN ... QE", "bowen in the yard ... #qe"
                elif school_sents and span.id_ == "first" and (MentionFinder._spoken_to(doc, span, starts)
                                                               or MentionFinder._year_after(doc, span)
                                                               or MentionFinder._congratulated(doc, span)):
                    out.append(span)  # (v9) "lili u ok?? u said in the qe toilets ...": spoken to; (v10) "cai from yr 10"
                elif span.label_ == "staff" and span.id_ in ("surname", "surname_rare") \
                        and MentionFinder._role_before(doc, span):
                    out.append(span)  # (v16) "sort that maths teacher hughes out"
                elif span.id_ == "surname_rare" and span.end_char - span.start_char >= LOOSE_FIRST_MIN:
                    out.append(span)  # (v8) "if prydderch excludes my lad again": left to the flag rules
                continue
            if span.id_ in ("surname", "surname_rare") and span.start > 0 and doc[span.start - 1].norm_.rstrip(".") in TITLE_WORDS \
                    and doc[span.start - 1].text[:1].isupper():  # (v6) "would miss Rees": a verb, not a title
                continue  # "Mrs Beynon" when the profile's Beynon is "Mr": someone else of that name
            sent = bisect_right(starts, span.start)
            if span.kb_id_ in named or sent in school_sents:
                out.append(span)
            elif span.label_ == "staff" and (sent in setting_sents or (
                    sent not in namesake_sents and not setting_sents.isdisjoint(range(sent - 3, sent)))):
                out.append(span)  # v5: "If Beynon excludes my son again ..."; (v28) or up to three before it, a blank
                # line between counting as one ("heard back from the school about the exclusion?\n\nNo. Rees won't
                # ..."), unless its own sentence makes it someone else ("... sort that plumber Hughes out")
            elif span.label_ == "staff" and span.id_ in ("surname", "surname_rare") \
                    and (MentionFinder._staff_by_role(doc, span) or MentionFinder._role_before(doc, span)):
                out.append(span)  # (v11) "Hughes the maths teacher lives ...": named by the job; (v16) "teacher Hughes"
            elif span.id_ in ("surname", "surname_rare") and school_sents:  # (v6) "Rees the gutless wonder. ... #QEHS"
                out.append(span)
            elif span.id_ == "surname_rare":  # (v8) left to the flag rules ("a brick through Prydderch's window")
                out.append(span)
            elif span.id_ == "first" and school_sents:
                out.append(span)  # (v7) "Llongyfarchiadau Ffion! 💚 balchder PoW", "... has nobody at PoW High noticed Jacko?"
            elif span.id_ == "first" and span.label_ == "pupil" and staff_titled:
                out.append(span)  # (v11) "Ma' Cai yn gweud ... Wedes i wrth Mrs Howells": staff named by title
        return out


@Language.factory("repmon_mentions", default_config={"terms": {}})
def make_mentions(nlp: Language, name: str, terms: dict[str, Any]) -> MentionFinder:
    """Find who is named.

    Assigns ``doc.spans["repmon_mentions"]``: label ``school``, ``staff`` or
    ``pupil``; ``span.kb_id_`` is the profile id (the contract's ``ref``);
    ``span.id_`` is the form (``name``, ``core``, ``handle``, ``domain``,
    ``full``, ``title_full``, ``title``, ``title_first``, ``alias``, ``first``, v6 ``role``). Matching is on the folded
    NORM, so case, accents and curly apostrophes do not matter, and a
    possessive "'s" stays outside the mention. Overlaps keep the longest span.
    The short core name ("Queen Elizabeth") counts only when it is not part of
    another sense (NOT_SCHOOL) and a school word is in the same sentence; a
    name inside a longer other sense ("Prince of Wales High Street") does not
    count; a first name alone counts only when capitalised and the person is
    named in full elsewhere or the school is named in the same sentence.
    Needs: sentence boundaries and ``repmon_evidence``. Config: ``terms``.
    """
    return MentionFinder(nlp, _need_terms(terms, name))


class PiiFinder(BatchedPipe):
    """Personal details by regular expression (``pii-v2.jsonl``)."""

    def __init__(self, terms: dict[str, Any], patterns_dir: str, pii_file: str) -> None:
        self.rules = load_pii(pii_file, patterns_dir)
        compiled = [(rule, re.compile(rule.regex, re.IGNORECASE if rule.ignore_case else 0)) for rule in self.rules]
        self.compiled = [(rule, regex, regexgate.needs(regex)) for rule, regex in compiled]  # most need a digit
        self.domains = tuple(terms["school"]["domains"])

    def __call__(self, doc: Doc) -> Doc:
        spans: list[Span] = []
        text = text_of(doc)
        ext = values(doc)
        named = relevance.provisional(doc) if ext.repmon_relevant is False else []
        exposed = any(kind == "staff" for kind, _, _ in named)
        if ext.repmon_relevant is False and not named:  # set by repmon_relevance; only relevant items are flagged
            put_spans(doc, "repmon_pii", spans)
            return doc
        present = regexgate.Presence(text)
        for rule, regex, need in self.compiled:
            if not present.allows(need):
                continue  # e.g. no digit in the text, so no phone number, postcode or house number
            for m in regex.finditer(text):
                if rule.skip_school_domains and self.domains:
                    host = m.group().rpartition("@")[2].lower()
                    if host_in(host, self.domains):
                        continue
                start, end = m.span("detail") if "detail" in regex.groupindex else m.span()
                span = doc.char_span(start, end, alignment_mode="expand")
                if span is not None:
                    spans.append(Span(doc, span.start, span.end, label=rule.label, span_id=rule.id))
        if exposed and spans:
            # (v6) "Sian Howells' personal email is ... and her DOB is ...": a member of staff named in full with
            # personal details is relevant however common the name; a wrong namesake costs less than a missed doxxing
            ext.repmon_relevant = True
            ext.repmon_relevance = f"full name of staff with personal details ({', '.join(sorted({s.label_ for s in spans}))})"
        put_spans(doc, "repmon_pii", filter_spans(spans))
        return doc


@Language.factory("repmon_pii", default_config={"terms": {}, "patterns_dir": "", "pii_file": PII_FILE})
def make_pii(nlp: Language, name: str, terms: dict[str, Any], patterns_dir: str, pii_file: str) -> PiiFinder:
    """Find personal details.

    Assigns ``doc.spans["repmon_pii"]``: label is the kind of detail ("phone
    number", "postcode", ...), ``span.id_`` the rule id. E-mail addresses on
    the school's own domains are skipped. Skipped (no spans) when
    ``repmon_relevance`` has found the item irrelevant. Config: ``terms``, ``patterns_dir``,
    ``pii_file`` (default ``pii-v2.jsonl``).
    """
    return PiiFinder(_need_terms(terms, name), patterns_dir, pii_file)


#: (v8) A word ending in "in" or "in'" (a dropped g, "bringin"), for :meth:`CueFinder._restore_g`.
_G_DROPPED = re.compile(r"[a-z]{2}in'?(?![\w'])")


def _ing_stems(rules: Iterable[CueRule], parts_file: str, patterns_dir: str) -> frozenset[str]:
    """(v8) The stems of the "-ing" words that cue rules and their parts use ("bring" for "bringing"): only these are
    restored from a dropped g, so "cousin" or "within" never change."""
    words: set[str] = set()

    def collect(value: Any) -> None:
        if isinstance(value, str):
            words.update(w for w in re.findall(r"[a-z]+", fold(value)) if w.endswith("ing") and len(w) >= 5)
        elif isinstance(value, dict):
            for item in value.values():
                collect(item)
        elif isinstance(value, (list, tuple)):
            for item in value:
                collect(item)

    for rule in rules:
        collect(rule.phrases)
        collect(rule.patterns)
    for _, row in read_jsonl(parts_file, patterns_dir):
        collect(row.get("phrases", []))
        collect(row.get("patterns", []))
    return frozenset(w[:-3] for w in words)


class CueFinder(BatchedPipe):
    """Words that suggest a flag category, from the cue rule files."""

    def __init__(self, nlp: Language, patterns_dir: str, cue_files: list[str], parts_file: str = PARTS_FILE) -> None:
        self.rules = {r.id: r for r in load_cues(tuple(cue_files), patterns_dir)}
        composed = [r for r in self.rules.values() if r.needs or r.unless or r.unless_text or r.unless_sentence]
        self.parts = PartFinder(nlp, patterns_dir, parts_file, MODIFIERS_FILE, composed) if composed else None
        self.by_key = {nlp.vocab.strings.add(rule_id): rule for rule_id, rule in self.rules.items()}  # match ids
        self.phrases = PhraseMatcher(nlp.vocab, attr="NORM")
        self.matcher = Matcher(nlp.vocab, validate=True)
        self.vocab = nlp.vocab
        # The token Matcher costs time for every pattern at every token, so only the rules that can match the
        # text run (those whose needed words are in it, see nlp.matchgate), with a cached Matcher per set of rules.
        self.gated = GatedMatcher(nlp.vocab)
        table = mutations(patterns_dir)
        self.dropped_g = _ing_stems(self.rules.values(), parts_file, patterns_dir)
        self.restored_g: dict[int, str] = {}  # norm hash -> its "-ing" form, or "" (see _restore_g)
        for rule in self.rules.values():
            if rule.phrases:
                phrases = list(rule.phrases)
                if rule.mutate:
                    phrases += [" ".join([form, *p.split()[1:]]) for p in rule.phrases for form in mutated_forms(p.split()[0], table)]
                self.phrases.add(rule.id, _phrase_docs(nlp, phrases))
            if rule.patterns:
                try:
                    self.matcher.add(rule.id, [list(p) for p in rule.patterns])
                except (ValueError, TypeError) as exc:
                    raise PatternFileError(f"{rule.source}: bad Matcher pattern in rule '{rule.id}' ({exc}).") from None
                self.gated.add(rule.id, rule.patterns)

    def _restore_g(self, doc: Doc) -> None:
        """(v8) A final g dropped as people type and say it ("bringin", "sortin", "comin'"): the norm of a word the
        cue rules use with "-ing" is restored, so "im bringin a knife" reads as "bringing"."""
        changed = False
        strings, restored = doc.vocab.strings, self.restored_g
        for i, norm in enumerate(norms_of(doc)):
            word = restored.get(norm)
            if word is None:  # each norm's answer is kept (by hash): Token objects only for the words restored
                if len(restored) >= 100_000:
                    restored.clear()
                text = strings[norm]
                stem = text[:-3] if text.endswith("in'") else text[:-2] if text.endswith("in") else ""
                word = restored[norm] = stem + "ing" if len(stem) >= 2 and stem in self.dropped_g else ""
            if word:
                doc[i].norm_ = word
                changed = True
        if changed:
            keep_norms(doc)

    def _matcher_for(self, doc: Doc, words: set[int] | None = None) -> Matcher | None:
        """A Matcher with only the rules that can match ``doc`` (cached by that set of rules), or None."""
        present, norms = words_and_norms(doc)
        return self.gated.matcher_for(present if words is None else words, norms)

    def __call__(self, doc: Doc) -> Doc:
        if values(doc).repmon_relevant is False and not relevance.provisional(doc):  # only relevant items are flagged
            put_spans(doc, "repmon_cues", [])
            return doc
        if self.dropped_g and _G_DROPPED.search(text_of(doc)):
            self._restore_g(doc)
        present, norms = words_and_norms(doc)
        matcher = self.gated.matcher_for(present, norms)
        parts: Parts | None = None
        has_pii = "repmon_pii" in doc.spans and len(doc.spans["repmon_pii"]) > 0
        found: list[tuple[int, int, CueRule]] = []  # (start, end, rule): Span objects only for those kept
        framed: set[str] = set()  # (v25) categories whose matches a whole-text frame cancelled
        for match_id, start, end in list(self.phrases(doc)) + (list(matcher(doc)) if matcher is not None else []):
            rule = self.by_key[match_id]
            if rule.requires_pii and not has_pii:
                continue  # (v6) dropped in nlp.flags anyway; it must not take its words from another cue here
            if rule.not_followed_by and end < len(doc) and doc[end].norm_ in rule.not_followed_by:
                continue
            if rule.not_preceded_by and start > 0 and doc[start - 1].norm_ in rule.not_preceded_by:
                continue
            if (rule.needs or rule.unless or rule.unless_text or rule.unless_sentence) and self.parts is not None:  # v5: a compositional rule (nlp/compose.py)
                parts = parts or self.parts(doc, present, norms)
                if not parts.allows(rule, start):
                    if parts.framed(rule):
                        framed.add(rule.category)
                    continue
            found.append((start, end, rule))
        kept: list[tuple[int, int, CueRule]] = []
        taken: dict[str, set[int]] = {}
        for start, end, rule in sorted(found, key=lambda f: (-f[2].score, -(f[1] - f[0]), f[0])):
            same = taken.setdefault(rule.category, set())
            words = range(start, end)
            if any(i in same for i in words):
                continue  # one cue per stretch of words in each category: the strongest
            same.update(words)
            kept.append((start, end, rule))
        put_spans(doc, "repmon_cues", [Span(doc, start, end, label=rule.category, span_id=rule.id)
                                       for start, end, rule in sorted(kept, key=lambda k: (k[0], k[1]))])
        if framed:
            values(doc).repmon_framed = frozenset(framed)
        return doc


@Language.factory("repmon_cues", default_config={"patterns_dir": "", "cue_files": CUE_FILES, "parts_file": PARTS_FILE})
def make_cues(nlp: Language, name: str, patterns_dir: str, cue_files: list[str], parts_file: str) -> CueFinder:
    """Find cue words for the flag categories.

    Assigns ``doc.spans["repmon_cues"]``: label is the category, ``span.id_``
    the rule id (its score and reason are in the rule file). Phrases match on
    the folded NORM; patterns are spaCy Matcher patterns. Where cues of one
    category overlap, only the strongest is kept. Skipped (no spans) when
    ``repmon_relevance`` has found the item irrelevant. Config: ``patterns_dir``,
    ``cue_files`` (default: the ``cues-*-v2.jsonl`` to ``cues-*-v5.jsonl`` files), ``parts_file`` (the
    parts that v5 compositional rules need near a match, ``nlp/compose.py``).
    """
    return CueFinder(nlp, patterns_dir, cue_files, parts_file)


class RelevanceJudge(BatchedPipe):
    """Relevant or not, with the reason (rules in :mod:`nlp.relevance`)."""

    def __call__(self, doc: Doc) -> Doc:
        ext = values(doc)
        item = ext.repmon_item or {}
        parts = [relevance.summarise(doc)] + list(item.get("context", []))
        ext.repmon_relevant, ext.repmon_relevance = relevance.decide(parts, item.get("own_site"),
                                                                     review=bool(item.get("review")))
        if not ext.repmon_relevant:
            named = relevance.named_in_full(parts)
            if named:  # (v7) the flag rules decide: hostile material aimed at the person makes it relevant
                doc.user_data[relevance.PROVISIONAL_KEY] = tuple(named)
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


class FlagMaker(BatchedPipe):
    """Cues, personal details and pupil mentions turned into scored, explained flags."""

    def __init__(self, nlp: Language, terms: dict[str, Any], patterns_dir: str, cue_files: list[str],
                 categories_file: str, modifiers_file: str, pii_file: str) -> None:
        self.school_id = terms["school"]["id"]
        self.rules = {r.id: r for r in load_cues(tuple(cue_files), patterns_dir)}
        self.categories = load_categories(categories_file, patterns_dir)
        self.settings = load_settings(modifiers_file, patterns_dir)
        self.pii = {r.id: (r.score, r.reason) for r in load_pii(pii_file, patterns_dir)}
        self.modifiers = PhraseMatcher(nlp.vocab, attr="NORM")
        self.modifiers.add("HEDGE", _phrase_docs(nlp, list(self.settings.hedges)))
        if self.settings.denials:
            self.modifiers.add("DENIAL", _phrase_docs(nlp, list(self.settings.denials)))
        if self.settings.idioms:
            self.modifiers.add("IDIOM", _phrase_docs(nlp, list(self.settings.idioms)))
        if self.settings.reports:
            self.modifiers.add("REPORT", _phrase_docs(nlp, list(self.settings.reports)))
        if self.settings.events:
            self.modifiers.add("EVENT", _phrase_docs(nlp, list(self.settings.events)))
        if self.settings.condemns:
            self.modifiers.add("CONDEMN", _phrase_docs(nlp, list(self.settings.condemns)))
        if self.settings.not_denials:
            self.modifiers.add("NOT_DENIAL", _phrase_docs(nlp, list(self.settings.not_denials)))
        if self.settings.not_events:
            self.modifiers.add("NOT_EVENT", _phrase_docs(nlp, list(self.settings.not_events)))
        if self.settings.disclosures:
            self.modifiers.add("DISCLOSURE", _phrase_docs(nlp, list(self.settings.disclosures)))
        if self.settings.team_idioms:
            self.modifiers.add("TEAM_IDIOM", _phrase_docs(nlp, list(self.settings.team_idioms)))
        if self.settings.games:
            self.modifiers.add("GAME", _phrase_docs(nlp, list(self.settings.games)))

    def __call__(self, doc: Doc) -> Doc:
        ext = values(doc)
        named = [(kind, self.school_id if kind == relevance.PLACED_SCHOOL else ref, text)
                 for kind, ref, text in relevance.provisional(doc)] if not ext.repmon_relevant else []
        if not ext.repmon_relevant and not named:
            ext.repmon_flags = []
            return doc
        found: dict[str, list[Span]] = {"HEDGE": [], "DENIAL": [], "IDIOM": [], "REPORT": [], "EVENT": [], "CONDEMN": [],
                                        "NOT_DENIAL": [], "NOT_EVENT": [], "DISCLOSURE": [], "TEAM_IDIOM": [], "GAME": []}
        for match_id, s, e in self.modifiers(doc):
            found[doc.vocab.strings[match_id]].append(Span(doc, s, e))
        if found["NOT_DENIAL"]:  # (v7) "wedi dweud celwydd wrth y cyngor": "celwydd" here is the allegation, no denial
            inside = {i for span in found["NOT_DENIAL"] for i in range(span.start, span.end)}
            found["DENIAL"] = [d for d in found["DENIAL"] if not all(i in inside for i in range(d.start, d.end))]
        if found["NOT_EVENT"]:  # (v13) "nobody's allowed to talk about it: he was caught with ...": no talk
            inside = {i for span in found["NOT_EVENT"] for i in range(span.start, span.end)}
            found["EVENT"] = [e for e in found["EVENT"] if not all(i in inside for i in range(e.start, e.end))]
        if found["TEAM_IDIOM"] and not found["GAME"]:  # (v31) "... comes up maesgeirchen again were gonna batter them"
            team = {(span.start, span.end) for span in found["TEAM_IDIOM"]}
            found["IDIOM"] = [i for i in found["IDIOM"] if (i.start, i.end) not in team]
        pii = found_in(doc, "repmon_pii")
        ctx = flagging.build_context(doc, found_in(doc, "repmon_mentions"), found["HEDGE"], self.school_id, self.settings,
                                     denials=found["DENIAL"], idioms=found["IDIOM"], reports=found["REPORT"],
                                     events=found["EVENT"], has_pii=bool(pii), condemns=found["CONDEMN"],
                                     disclosures=found["DISCLOSURE"])
        exposing = flagging.identifying_cues(ctx, pii, self.pii, name_pupils=False)
        ctx.exposed = [c.ref for c in exposing]  # (v13) whom a call to go after someone is aimed at ("Go ask him")
        cues = flagging.cues_from_rules(ctx, found_in(doc, "repmon_cues"), self.rules, self.categories) + exposing
        if flagging.any_flag(cues, self.categories):  # hostile or exposing: naming a pupil is high
            cues += flagging.identifying_cues(ctx, [], self.pii, name_pupils=True)
            flags = flagging.yield_to_others(flagging.combine(cues, self.categories, SEVERITY_RANK), self.categories)
        else:  # otherwise harmless: a pupil named with the school is still identifying (the contract), but low
            flags = flagging.pupil_flags(ctx.persons, hostile=False)
        item = ext.repmon_item or {}
        if item.get("own_site"):  # the school's own site is never flagged as hostile (contracts.md)
            flags = [f for f in flags if f["category"] == "safeguarding"]
        if named:
            flags = promote_if_aimed(doc, named, flags, PROMOTED_BY_RULES, "")
        ext.repmon_flags = flags
        # (v25) nor may the classifier add a category whose cues the text's frame cancelled (a court report, a song)
        ext.repmon_vetoed = ctx.vetoed | set(ext.repmon_framed or ())
        return doc


#: (v7) Flag categories that make an item naming a person in full (and nothing else) relevant, from the rules and
#: from the text classifier (only the critical ones: its guesses on a bare name are weaker than a rule's).
PROMOTED_BY_RULES = ("threat", "safeguarding", "defamatory", "harassment")
PROMOTED_BY_CLASSIFIER = ("threat", "safeguarding")
#: (v8) ... and for the school's short name with a school word (v10: or a member of staff addressed by title in a text
#: with another town), only these from the rules (not the classifier); (v33) safeguarding too, once another school's
#: town was known in its Welsh mutated forms (a police appeal for a boy "o Benrith" was the one false item before).
PROMOTED_FOR_SCHOOL = ("threat", "safeguarding")
#: Kinds of provisional entries (:func:`relevance.named_in_full`) that only the rules may make relevant, and only with
#: a flag of PROMOTED_FOR_SCHOOL: the school's short name with a school word, a member of staff addressed by title with
#: another town, (v34) a profile place with a school word. The classifiers are not run on a text with only these.
RULES_ONLY = frozenset({"school", relevance.STAFF_AWAY, relevance.PLACED_SCHOOL})
#: (v7) ... and only at this probability or more, above its ``classifier_min`` for a relevant item ("Carys Bebb's
#: sheepdog wins at the Bala trials" read as a threat at 0.40).
PROMOTED_BY_CLASSIFIER_MIN = 0.5
#: (round 12) The context reader reads a text of at least this many sentences whole and also in each run of this many
#: sentences (the highest probability counts): in a long post the one line that matters is diluted by the rest ("One
#: star and that's generous ... he told his head of year that he would rather be dead ..."). Runs of one sentence
#: found more on the held-out sets with many more false ones (101 of 106 with 17 false, against 99 with 5).
CONTEXT_WINDOW = 3
#: ... and a run of fewer words than this is not read on its own: the model reads short fragments wildly (a page's
#: menu, "Parents Talk forum | SchoolRater", read as safeguarding at 0.94). On the held-out sets 10 to 20 words give
#: 98 of 106 critical items with 5 false, 25 to 40 the same 98 with 4.
CONTEXT_MIN_WORDS = 25
#: (round 13) ... and it reads no passage that is a page's furniture: at least ``LISTING_MIN_LINES`` lines (split at
#: line breaks and "|"), at least half of them of fewer than ``LISTING_LINE_WORDS`` words (a menu, a list of thread
#: titles or schools). The model has seen posts, not pages: a forum's index ("Tywi Valley Gazette | News | Parents Talk
#: forum | SchoolRater ...") read whole as safeguarding at 0.93. No post in the gold sets is made like that. A line
#: that opens with a speaker and a colon ("[16:21] K: bring it") is a message of a retyped chat, never furniture.
LISTING_MIN_LINES = 4
LISTING_LINE_WORDS = 4
_WORD = re.compile(r"\w+")
_LINE_BREAK = re.compile(r"[\n|]")
_SPEAKER = re.compile(r"^\W*(?:\[[^\]\n]{1,20}\]\s*)?[^\W\d][\w .'-]{0,30}:\s")
#: A passage of a text as (start, end) character offsets; None for the whole text.
Passage = tuple[int, int] | None


def promote_if_aimed(doc: Doc, named: list[tuple[str, str, str]], flags: list[dict[str, Any]],
                     categories: tuple[str, ...], by: str, min_score: float = 0.0) -> list[dict[str, Any]]:
    """(v7) An item judged not relevant only because a full name alone is too common: relevant after all when one of
    ``flags`` of ``categories`` is aimed at that person ("Tomos Beynon is a paedo", "huw prydderch. we know which
    house"); a namesake wrongly shown costs less than a threat not shown. Returns the flags to keep ([] if not)."""
    refs = {ref: (kind, text) for kind, ref, text in named}
    aimed = [f for f in flags if f["category"] in categories and f.get("ref") in refs and f["score"] >= min_score
             and (refs[f["ref"]][0] not in RULES_ONLY or f["category"] in PROMOTED_FOR_SCHOOL)]
    if not aimed:
        return []
    ext = values(doc)
    ext.repmon_relevant = True
    kind, text = refs[aimed[0]["ref"]]
    if kind == "school":  # (v8) the short name with a school word, and a threat to the school
        ext.repmon_relevance = (f"the short name '{text}' with a school word, and {aimed[0]['category']} aimed at the "
                                f"school{by}; nothing says it is the monarch, another sense or another school")
    elif kind == relevance.PLACED_SCHOOL:  # (v34) "hanging round the gates in penrhosgarnedd at home time"
        ext.repmon_relevance = (f"the place '{text}' with a school word, and {aimed[0]['category']} aimed at the "
                                f"school{by}; no other school or town is named")
    elif kind == relevance.STAFF_AWAY:  # (v10) "Tell Dr Rees I know which house is his out in Llangain"
        ext.repmon_relevance = (f"{aimed[0]['ref']} '{text}', addressed as pupils and parents address staff, with "
                                f"{aimed[0]['category']} aimed at them{by}; another town is named, so it may be "
                                f"someone else of that name")
    else:
        named_as = "full name" if " " in text.strip() else "name"  # (v8) or an uncommon surname alone, "Prydderch"
        ext.repmon_relevance = (f"{named_as} {aimed[0]['ref']} '{text}' with {aimed[0]['category']} aimed at "
                                f"them{by}, and nothing that says it is someone else or elsewhere")
    doc.user_data.pop(relevance.PROVISIONAL_KEY, None)
    return flags


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


def is_listing(text: str) -> bool:
    """(round 13) ``text`` is a page's menu or a list of links and titles rather than something written: at least
    ``LISTING_MIN_LINES`` lines with words, half of them or more of fewer than ``LISTING_LINE_WORDS`` words and not
    a chat's message ("K: ye")."""
    lines = [(len(_WORD.findall(line)), bool(_SPEAKER.match(line))) for line in _LINE_BREAK.split(text)]
    lines = [(n, message) for n, message in lines if n]
    short = sum(n < LISTING_LINE_WORDS and not message for n, message in lines)
    return len(lines) >= LISTING_MIN_LINES and 2 * short >= len(lines)


def _shared(passages: list[tuple[int, int]], best: Passage) -> Passage:
    """The part of a text every one of ``passages`` (runs of sentences the context reader read the category in)
    holds, when they overlap: most often the one sentence that matters; else ``best``, the run it read highest."""
    if passages:
        start, end = max(s for s, _ in passages), min(e for _, e in passages)
        if start < end:
            return start, end
    return best


class ClassifierJudge:
    """The text classifier's view, combined with the rule flags (:func:`nlp.flags.with_classifier`)."""

    def __init__(self, terms: dict[str, Any], classifier: Any, patterns_dir: str, categories_file: str,
                 tokenizer: Any = None, context: Any = None) -> None:
        self.school_id = terms["school"]["id"]
        self.classifier = classifier
        #: (round 12) the context reader (nlp.textcat.CONTEXT_VERSION), read only where nothing has made an item
        #: critical; it raises the categories with a ``context_min`` (threat, safeguarding; v13: harassment)
        self.context = context if classifier is not None else None
        # what a text must not hold for the classifier to read the NORMs the pipeline's tokenizer made of it, or None
        # when it must tokenize every text itself (nlp.textcat.Classifier.tokenizes_as)
        self.markers: tuple[str, ...] | None = classifier.tokenizes_as(tokenizer) \
            if tokenizer is not None and hasattr(classifier, "tokenizes_as") else None
        self._marked = classifier  # (the classifier the markers are for)
        self._tokenizer, self._seen = tokenizer, self._tokenizer_state(tokenizer)
        #: the pipeline's tokenizer should keep those NORMs (``FIRST_NORMS_KEY``; nlp.pipeline.build_pipeline)
        self.reads_first_norms = self.markers is not None
        self.categories = load_categories(categories_file, patterns_dir)
        settings = load_settings(MODIFIERS_FILE, patterns_dir)
        self.complaints = settings.complaints
        self.complaint_norms = frozenset(get_string_id(w) for w in settings.complaints)  # NORM hashes
        self.praise_norms = frozenset(get_string_id(w) for w in settings.praise)
        hedges = sorted({h.lower() for h in settings.hedges if h.strip()}, key=len, reverse=True)
        self.hedges = re.compile(r"(?<!\w)(?:" + "|".join(re.escape(h) for h in hedges) + r")(?!\w)") if hedges else None
        self.critical = tuple(c for c, rule in self.categories.items() if rule.severity == "critical")
        self.raised_by_context = tuple(c for c, rule in self.categories.items() if rule.context_min <= 1.0)

    @property
    def version(self) -> str:
        return str(getattr(self.classifier, "version", "textcat"))

    @property
    def context_version(self) -> str:
        return str(getattr(self.context, "version", "textcat-context"))

    @property
    def judged_by(self) -> str:
        """What reads the items: the classifier's version, and its context reader's when there is one."""
        if self.classifier is None:
            return ""
        return self.version + (f"+{self.context_version}" if self.context is not None else "")

    def _wanted(self, doc: Doc) -> bool:
        ext = values(doc)
        if self.classifier is None or (ext.repmon_item or {}).get("own_site"):
            return False
        return bool(ext.repmon_relevant) or any(kind not in RULES_ONLY for kind, _, _ in relevance.provisional(doc))

    def __call__(self, doc: Doc) -> Doc:
        if self._wanted(doc):
            probs, raised = self._read_context([doc], self._predict([doc]))
            self._combine(doc, probs[0], raised[0])
        return doc

    def pipe(self, stream: Iterable[Doc], batch_size: int = 128) -> Iterator[Doc]:
        """Docs from ``nlp.pipe``: the classifier reads the relevant ones of each batch in one call (much faster)."""
        for batch in minibatch(stream, size=batch_size):
            wanted = [doc for doc in batch if self._wanted(doc)]
            if wanted:
                probs, raised = self._read_context(wanted, self._predict(wanted, batch_size), batch_size)
                for doc, probs_of, raised_of in zip(wanted, probs, raised):
                    self._combine(doc, probs_of, raised_of)
            yield from batch

    def _critical_already(self, doc: Doc, probs: dict[str, float]) -> bool:
        """A rule flag or the linear classifier's probability makes the item critical (the context reader need not
        read it)."""
        flagged = {f["category"] for f in values(doc).repmon_flags or []}
        return any(c in flagged or probs.get(c, 0.0) >= self.categories[c].classifier_min for c in self.critical)

    def _read_context(self, docs: list[Doc], probs: list[dict[str, float]],
                      batch_size: int = 128) -> tuple[list[dict[str, float]], list[dict[str, Passage]]]:
        """(round 12) ``probs`` with the context reader's probability for each category it may raise (``context_min`` in
        the categories file) where it reaches that cut and is higher, for the items nothing has made critical yet;
        and, for each item, the categories it raised with the passage it read them in (None: the whole text)."""
        raised: list[dict[str, Passage]] = [{} for _ in docs]
        if self.context is None or not self.raised_by_context:
            return probs, raised
        todo = [i for i, (doc, p) in enumerate(zip(docs, probs)) if not self._critical_already(doc, p)]
        if not todo:
            return probs, raised
        parts = [(i, passage) for i in todo for passage in self._context_passages(docs[i])]
        texts = [text_of(docs[i]) if passage is None else text_of(docs[i])[passage[0]:passage[1]]
                 for i, passage in parts]
        best: dict[tuple[int, str], tuple[float, Passage]] = {}
        reached: dict[tuple[int, str], list[tuple[int, int]]] = {}  # the runs of sentences that reach the cut
        for (i, passage), read in zip(parts, self.context.predict(texts, batch_size)):
            for c in self.raised_by_context:
                p = float(read.get(c, 0.0))
                if p > best.get((i, c), (-1.0, None))[0]:
                    best[(i, c)] = (p, passage)
                if passage is not None and p >= self.categories[c].context_min:
                    reached.setdefault((i, c), []).append(passage)
        out = list(probs)
        for i in todo:
            up = {c: best[(i, c)] for c in self.raised_by_context if (i, c) in best
                  and best[(i, c)][0] >= self.categories[c].context_min and best[(i, c)][0] > probs[i].get(c, 0.0)}
            if up:
                out[i] = {**probs[i], **{c: p for c, (p, _) in up.items()}}
                raised[i] = {c: _shared(reached.get((i, c), []), passage) for c, (_, passage) in up.items()}
        return out, raised

    @staticmethod
    def _context_passages(doc: Doc) -> list[Passage]:
        """What the context reader reads of ``doc``: its text (None), and each run of ``CONTEXT_WINDOW`` sentences of
        a longer one with at least ``CONTEXT_MIN_WORDS`` words, as (start, end) character offsets, only as far as the
        classifier reads (``TEXTCAT_MAX_CHARS``); none that is a menu or a list (:func:`is_listing`)."""
        text = text_of(doc)
        passages: list[Passage] = [] if is_listing(text[:TEXTCAT_MAX_CHARS]) else [None]
        starts = [s.start_char for s in doc.sents if s.start_char < TEXTCAT_MAX_CHARS] \
            if doc.has_annotation("SENT_START") else []
        if len(starts) < CONTEXT_WINDOW:
            return passages
        ends = starts[1:] + [min(len(text), TEXTCAT_MAX_CHARS)]
        for k in range(len(starts) - CONTEXT_WINDOW + 1):
            start, end = starts[k], ends[k + CONTEXT_WINDOW - 1]
            while end > start and text[end - 1].isspace():
                end -= 1
            if len(_WORD.findall(text, start, end)) >= CONTEXT_MIN_WORDS and not is_listing(text[start:end]):
                passages.append((start, end))
        return passages

    def _predict(self, docs: list[Doc], batch_size: int = 128) -> list[dict[str, float]]:
        texts = [text_of(doc) for doc in docs]
        if self.markers is None or self.classifier is not self._marked \
                or self._tokenizer_state(self._tokenizer) != self._seen:  # (a special case or pattern changed since)
            return self.classifier.predict(texts, batch_size)  # type: ignore[no-any-return]
        return self.classifier.predict(  # type: ignore[no-any-return]
            texts, batch_size, first_norms=[self._first_norms(doc, text) for doc, text in zip(docs, texts)])

    @staticmethod
    def _tokenizer_state(tokenizer: Any) -> tuple[Any, ...]:
        """What a change to the tokenizer after :meth:`nlp.textcat.Classifier.tokenizes_as` checked it would change
        (the pipeline is built once, so nothing should): its number of special cases and its pattern functions."""
        names = ("rules", "prefix_search", "suffix_search", "infix_finditer", "token_match", "url_match")
        return tuple(len(value or ()) if name == "rules" else id(value)
                     for name, value in ((n, getattr(tokenizer, n, None)) for n in names))

    def _first_norms(self, doc: Doc, text: str) -> tuple[Any, Any] | None:
        """The NORMs the pipeline's tokenizer made of ``text`` (and its string store) when the classifier's own
        tokenizer would make the same: the tokenizer read the text whole (no run cut, ``FIRST_NORMS_KEY`` kept), the
        classifier reads all of it (``MAX_CHARS``) and it holds no special case the pipeline added."""
        kept = doc.user_data.get(FIRST_NORMS_KEY)
        if kept is None or len(text) > TEXTCAT_MAX_CHARS or any(marker in text for marker in self.markers or ()):
            return None
        return numpy.frombuffer(kept, dtype="uint64"), doc.vocab.strings

    def _combine(self, doc: Doc, probs: dict[str, float], raised: dict[str, Passage] | None = None) -> None:
        persons = [m for m in found_in(doc, "repmon_mentions") if m.label_ in ("staff", "pupil")]
        ext = values(doc)
        rule_flags = list(ext.repmon_flags or [])
        vetoed = set(ext.repmon_vetoed or ())
        norms = doc_norms(doc)
        if self.complaints and self.complaint_norms.isdisjoint(norms) \
                and probs.get("disrepute", 0.0) < self.categories["disrepute"].plain_min:
            vetoed.add("disrepute")  # neutral news and praise: the classifier alone does not call it disrepute
        if not self.praise_norms.isdisjoint(norms) or \
                (self.hedges is not None and self.hedges.search(fold(text_of(doc))) is not None):  # (the set first)
            vetoed.add("harassment")  # an opinion put as one ("I think ...") is criticism unless a rule finds abuse
        if any(f["category"] == "safeguarding" for f in rule_flags):
            vetoed.add("threat")  # "I want to kill myself" is a disclosure (already critical), not a threat to others
        flags = flagging.with_classifier(rule_flags, probs, self.categories, SEVERITY_RANK, persons=persons,
                                         school_id=self.school_id, vetoed=vetoed, version=self.version,
                                         read_by={c: self.context_version for c in raised or {}},
                                         passages={c: p for c, p in (raised or {}).items() if p is not None},
                                         text=text_of(doc))
        flags = flagging.yield_to_others(flags, self.categories)
        if any(not flagging.is_benign_pupil_flag(f) for f in flags):  # hostile now: naming a pupil is high
            flags = [f for f in flags if not flagging.is_benign_pupil_flag(f)]
            if not any(f["category"] == "identifying" for f in flags):
                flags += flagging.pupil_flags(persons)
        named = [n for n in relevance.provisional(doc) if n[0] not in RULES_ONLY] \
            if not ext.repmon_relevant else []
        if named:  # (v7) still not relevant after the rules: only a critical reading makes it so
            flags = promote_if_aimed(doc, named, flags, PROMOTED_BY_CLASSIFIER, f" (the text classifier, {self.version})",
                                     PROMOTED_BY_CLASSIFIER_MIN)
        ext.repmon_flags = flags


@Language.factory("repmon_textcat", default_config={
    "terms": {}, "model_path": "", "patterns_dir": "", "categories_file": CATEGORIES_FILE})
def make_textcat(nlp: Language, name: str, terms: dict[str, Any], model_path: str, patterns_dir: str,
                 categories_file: str) -> ClassifierJudge:
    """Add the trained text classifier's categories to the rule flags.

    Assigns: ``doc._.repmon_flags`` (flags added or confirmed by the classifier).
    Loads the classifier built by ``nlp.textcat`` from ``model_path`` (""
    means its default folder, ``nlp/model/textcat``); when none has been
    built the component does nothing, so the rules work alone. Runs only on
    relevant items, and never on the school's own site. Changes
    ``doc._.repmon_flags``; each flag it adds or confirms names the
    classifier and its probability in ``reason`` and has ``"textcat"`` in
    ``rules``. Also loads the classifier's context reader, when one was built
    beside it (``nlp.textcat.context_dir``), and reads it only for relevant
    items nothing has made critical (``_read_context``). Needs:
    ``repmon_flags``. Config: ``terms``, ``model_path``, ``patterns_dir``,
    ``categories_file``.
    """
    from nlp.textcat import context_dir, load_classifier

    classifier = load_classifier(model_path or None)
    context = load_classifier(context_dir(model_path or None)) if classifier is not None else None
    return ClassifierJudge(_need_terms(terms, name), classifier, patterns_dir, categories_file,
                           tokenizer=getattr(nlp.tokenizer, "inner", nlp.tokenizer), context=context)


class SeverityGrader(BatchedPipe):
    def __init__(self, patterns_dir: str, categories_file: str) -> None:
        self.categories = load_categories(categories_file, patterns_dir)

    def __call__(self, doc: Doc) -> Doc:
        ext = values(doc)
        levels = [f.get("severity") or self.categories[f["category"]].severity for f in (ext.repmon_flags or [])]
        ext.repmon_severity = max(levels, key=SEVERITY_RANK.__getitem__) if levels and ext.repmon_relevant else "none"
        return doc


@Language.factory("repmon_severity", default_config={"patterns_dir": "", "categories_file": CATEGORIES_FILE})
def make_severity(nlp: Language, name: str, patterns_dir: str, categories_file: str) -> SeverityGrader:
    """Grade the item.

    Assigns ``doc._.repmon_severity``: the highest severity of its flags
    (a flag's own ``severity`` when it has one, as a pupil named in harmless
    material has ``low``; otherwise its category's, ``categories-v5.jsonl``: threat and safeguarding critical;
    defamatory, harassment and identifying high; disrepute medium), or
    ``none`` when there are no flags or the item is not relevant.
    Config: ``patterns_dir``, ``categories_file``.
    """
    return SeverityGrader(patterns_dir, categories_file)
