"""Read the rule files in ``nlp/patterns/`` (JSON Lines) and check their shape.

Every rule set is data, not code: one JSON object a line, ``#`` lines and
blank lines ignored. File names carry the rule-set version
(``cues-threat-v1.jsonl``); :data:`nlp.analyse.ANALYSER_VERSION` names the
set of files a finding was made with. ``docs/analysis.md`` describes each
file's fields.

A broken file raises :class:`PatternFileError` naming the file, the line
and what to fix, when the pipeline is built (never half-way through a run).
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field, replace
from functools import lru_cache
from pathlib import Path
from typing import Any

from repmon.config import SEVERITIES
from repmon.errors import ConfigError

PATTERNS_DIR = Path(__file__).resolve().parent / "patterns"

CATEGORIES = ("threat", "safeguarding", "defamatory", "harassment", "identifying", "disrepute")
TARGET_MODES = ("person", "person_or_school", "pupil_or_school", "any", "school", "exposed", "named")


class PatternFileError(ConfigError):
    """A rule file under nlp/patterns/ is missing or malformed."""


def read_jsonl(name: str, directory: str | Path = "", _seen: tuple[str, ...] = ()) -> list[tuple[int, dict[str, Any]]]:
    """The objects in one pattern file with their line numbers.

    A line ``{"include": "parts-v5.jsonl"}`` stands for every object of that (released) file, so a new
    version of a lexicon is the old file's lines plus its own; the included lines keep their own numbers.
    """
    path = Path(directory or PATTERNS_DIR) / name
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except FileNotFoundError:
        raise PatternFileError(f"{path}: pattern file not found; check the file names in nlp/pipeline.py.") from None
    rows: list[tuple[int, dict[str, Any]]] = []
    for number, line in enumerate(lines, start=1):
        stripped = line.strip()
        if not stripped or stripped.startswith("#"):
            continue
        try:
            row = json.loads(stripped)
        except json.JSONDecodeError as exc:
            raise PatternFileError(f"{path}:{number}: not valid JSON ({exc.msg}); write one JSON object per line.") from None
        if not isinstance(row, dict):
            raise PatternFileError(f"{path}:{number}: expected a JSON object, got {type(row).__name__}.")
        if "include" in row:
            included = row["include"]
            if not isinstance(included, str) or len(row) != 1 or included in _seen or included == name:
                raise PatternFileError(f"{path}:{number}: an include line is {{\"include\": \"FILE.jsonl\"}} alone, "
                                       "naming another pattern file that does not include this one.")
            rows.extend(read_jsonl(included, directory, (*_seen, name)))
            continue
        rows.append((number, row))
    return rows


def _need(path: str, number: int, row: dict[str, Any], key: str, kind: type | tuple[type, ...]) -> Any:
    value = row.get(key)
    if not isinstance(value, kind) or value == "" or value == []:
        raise PatternFileError(f"{path}:{number}: field '{key}' is missing or has the wrong type; see docs/analysis.md.")
    return value


@dataclass(frozen=True)
class CueRule:
    """One rule that marks words as a cue for a flag category."""

    id: str
    category: str
    score: float
    reason: str
    phrases: tuple[str, ...] = ()
    patterns: tuple[tuple[dict[str, Any], ...], ...] = ()
    target: str = ""                      # overrides the category's target mode when set
    not_followed_by: frozenset[str] = frozenset()
    not_preceded_by: frozenset[str] = frozenset()
    requires_pii: bool = False            # counts only when the text also exposes personal details
    mutate: bool = False                  # also match Welsh initial mutations of each phrase's first word
    source: str = ""                      # "file:line", for error messages and traces
    needs: tuple[tuple[str, ...], ...] = ()   # v5: parts (parts-v5.jsonl) the match needs nearby, one of each group
    unless: tuple[str, ...] = ()          # v5: parts whose presence nearby cancels the match (sport, fiction)
    scope: str = "adjacent"               # v5: where needs/unless look: "sentence", "adjacent" (one either side), "text"
    unless_text: tuple[str, ...] = ()     # v23: parts whose presence anywhere in the text cancels the match
    unless_sentence: tuple[str, ...] = ()  # v23: parts whose presence in the match's own sentence cancels it
    asks: bool = False                    # v14: the wording is a question by nature ("where did the money go?"), so
    #                                       a question mark does not weaken it


@lru_cache(maxsize=32)
def load_cues(names: tuple[str, ...], directory: str = "") -> tuple[CueRule, ...]:
    """Cue rules from the given files; ids must be unique across them."""
    rules: list[CueRule] = []
    seen: dict[str, str] = {}
    changes: list[tuple[str, str, dict[str, Any]]] = []  # v5: older rules retired or narrowed, applied after all files
    for name in names:
        for number, row in read_jsonl(name, directory):
            where = f"{name}:{number}"
            if "retire" in row or "narrow" in row:
                changes.append((where, _need(name, number, row, "reason", str), row))
                continue
            rule_id = _need(name, number, row, "id", str)
            if rule_id in seen:
                raise PatternFileError(f"{where}: rule id '{rule_id}' is already used at {seen[rule_id]}; ids must be unique.")
            seen[rule_id] = where
            category = _need(name, number, row, "category", str)
            if category not in CATEGORIES:
                raise PatternFileError(f"{where}: unknown category '{category}'; use one of {', '.join(CATEGORIES)}.")
            score = _need(name, number, row, "score", (int, float))
            if not 0 < float(score) <= 1:
                raise PatternFileError(f"{where}: score must be in (0, 1], got {score}.")
            phrases = row.get("phrases", [])
            pattern = row.get("pattern")
            patterns = row.get("patterns", [pattern] if pattern else [])
            if not phrases and not patterns:
                raise PatternFileError(f"{where}: give 'phrases' (a list of strings) or 'pattern' (spaCy Matcher tokens).")
            if not isinstance(phrases, list) or not all(isinstance(p, str) and p.strip() for p in phrases):
                raise PatternFileError(f"{where}: 'phrases' must be a list of non-empty strings.")
            if not isinstance(patterns, list) or not all(isinstance(p, list) and p for p in patterns):
                raise PatternFileError(f"{where}: 'pattern' must be a list of token objects, 'patterns' a list of those.")
            target = row.get("target", "")
            if not isinstance(row.get("asks", False), bool):
                raise PatternFileError(f"{where}: 'asks' must be true or false, got {row['asks']!r}.")
            if target and target not in TARGET_MODES:
                raise PatternFileError(f"{where}: unknown target '{target}'; use one of {', '.join(TARGET_MODES)}.")
            rules.append(CueRule(
                id=rule_id, category=category, score=float(score),
                reason=_need(name, number, row, "reason", str),
                phrases=tuple(phrases), patterns=tuple(tuple(p) for p in patterns), target=target,
                not_followed_by=frozenset(w.lower() for w in row.get("not_followed_by", [])),
                not_preceded_by=frozenset(w.lower() for w in row.get("not_preceded_by", [])),
                requires_pii=bool(row.get("requires_pii", False)), mutate=bool(row.get("mutate", False)),
                asks=row.get("asks", False), source=where, **_composition(where, row),
            ))
    return tuple(_retire_or_narrow(rules, changes))


def _retire_or_narrow(rules: list[CueRule], changes: list[tuple[str, str, dict[str, Any]]]) -> list[CueRule]:
    """Apply v5 lines that retire an older rule (``{"retire": id, "reason": ...}``) or narrow it
    (``{"narrow": id, "needs": ..., "unless": ..., "scope": ..., "reason": ...}``: the rule then counts only with
    those parts nearby; (v17) ``"not_preceded_by": [...]``: nor right after those words; (v22)
    ``"not_followed_by": [...]``: nor right before them), so that a released rule file is never edited."""
    by_id = {r.id: i for i, r in enumerate(rules)}
    retired: set[str] = set()
    for where, _reason, row in changes:
        rule_id = row.get("retire") or row.get("narrow")
        if not isinstance(rule_id, str) or rule_id not in by_id:
            raise PatternFileError(f"{where}: no rule '{rule_id}' to retire or narrow; give the id of a rule in an earlier file.")
        if "retire" in row:
            retired.add(rule_id)
        else:
            rule = rules[by_id[rule_id]]
            if any(key in row for key in ("needs", "unless", "scope", "unless_text", "unless_sentence")):
                rule = replace(rule, **_composition(where, row))
            # (v17, v22) words the match may not come right after or right before, added to the rule's own
            for key in ("not_preceded_by", "not_followed_by"):
                if key not in row:
                    continue
                words = row[key]
                if not isinstance(words, list) or not all(isinstance(w, str) for w in words):
                    raise PatternFileError(f"{where}: '{key}' must be a list of words, e.g. [\"not\", \"-\"].")
                rule = replace(rule, **{key: getattr(rule, key) | {w.lower() for w in words}})
            rules[by_id[rule_id]] = rule
    return [r for r in rules if r.id not in retired]


def _composition(where: str, row: dict[str, Any]) -> dict[str, Any]:
    """The v5 fields of a cue rule: ``needs`` (a list of lists of part names), ``unless`` (part names), ``scope``;
    (v23) ``unless_text`` and ``unless_sentence`` (part names that cancel the match wherever they are in the text, or
    in its own sentence, whatever ``scope`` says)."""
    needs, unless, scope = row.get("needs", []), row.get("unless", []), row.get("scope", "adjacent")
    unless_text, unless_sentence = row.get("unless_text", []), row.get("unless_sentence", [])
    if not isinstance(needs, list) or not all(isinstance(g, list) and g and all(isinstance(n, str) for n in g)
                                              for g in needs):
        raise PatternFileError(f"{where}: 'needs' must be a list of lists of part names, e.g. [[\"intent\"], [\"aim\", \"person\"]].")
    if not isinstance(unless, list) or not all(isinstance(n, str) for n in unless):
        raise PatternFileError(f"{where}: 'unless' must be a list of part names.")
    for key, names in (("unless_text", unless_text), ("unless_sentence", unless_sentence)):
        if not isinstance(names, list) or not all(isinstance(n, str) for n in names):
            raise PatternFileError(f"{where}: '{key}' must be a list of part names, e.g. [\"court23\"].")
    if scope not in ("sentence", "adjacent", "text"):
        raise PatternFileError(f"{where}: 'scope' must be 'sentence', 'adjacent' or 'text', got {scope!r}.")
    return {"needs": tuple(tuple(g) for g in needs), "unless": tuple(unless), "scope": scope,
            "unless_text": tuple(unless_text), "unless_sentence": tuple(unless_sentence)}


@dataclass(frozen=True)
class CategoryRule:
    """How one flag category is targeted, scored and graded (categories-v5.jsonl)."""

    category: str
    severity: str
    target: str
    min_score: float
    hedgeable: bool
    negatable: bool
    link: str = "about"
    deniable: bool = False
    classifier_min: float = 0.7           # text classifier probability that adds the category on its own
    reportable: bool = False              # lowered (x denial_factor) in a sentence that reports or condemns it
    yields_to: frozenset[str] = frozenset()  # dropped when one of these categories is also flagged
    context_min: float = 1.01             # round 12: the context reader's probability that raises it (1.01: never)
    plain_min: float = 1.01               # v30: classifier probability that adds it alone with no word of complaint


@dataclass(frozen=True)
class Settings:
    """Modifiers and the numbers that go with them (modifiers-v4.jsonl)."""

    hedges: tuple[str, ...]
    negations: frozenset[str]
    pronouns: frozenset[str]
    school_refs: frozenset[str] = frozenset()
    hedge_factor: float = 0.6
    question_factor: float = 0.4
    negation_window: int = 3
    pronoun_lookback: int = 2
    pii_window: int = 1
    denial_factor: float = 0.3
    denials: tuple[str, ...] = ()
    idioms: tuple[str, ...] = ()
    reports: tuple[str, ...] = ()       # news of an incident or a quote being condemned ("police were called")
    complaints: frozenset[str] = frozenset()  # words of criticism: without one, the classifier alone adds no disrepute
    praise: frozenset[str] = frozenset()      # words of praise: with one, the classifier alone adds no harassment
    events: tuple[str, ...] = ()        # v5: a talk, training or evening on a topic ("talk for parents on grooming")
    condemns: tuple[str, ...] = ()      # v7: words that condemn what a post quotes ("disgusting", "isn't banter")
    not_denials: tuple[str, ...] = ()   # v7: phrases in which a denial word denies nothing ("wedi dweud celwydd")
    not_events: tuple[str, ...] = ()    # v13: phrases in which an event word is no talk ("nobody's allowed to talk about it")
    disclosures: tuple[str, ...] = ()   # v23: phrases that make a sentence a disclosure even beside a talk ("my daughter told me")
    team_idioms: tuple[str, ...] = ()   # v31: idioms of beating a team, idioms only in a text about a game ("gonna batter them")
    games: tuple[str, ...] = ()         # v31: words that make a text about a game ("match", "derby", "v", "yn erbyn")
    offices: frozenset[str] = frozenset()  # v10: words just before a phone number that make it an office's ("reception")
    extra: dict[str, Any] = field(default_factory=dict)


@lru_cache(maxsize=8)
def load_categories(name: str, directory: str = "") -> dict[str, CategoryRule]:
    out: dict[str, CategoryRule] = {}
    for number, row in read_jsonl(name, directory):
        category = _need(name, number, row, "category", str)
        if category not in CATEGORIES:
            raise PatternFileError(f"{name}:{number}: unknown category '{category}'.")
        severity = _need(name, number, row, "severity", str)
        if severity not in SEVERITIES:
            raise PatternFileError(f"{name}:{number}: severity must be none, low, medium, high or critical.")
        target = _need(name, number, row, "target", str)
        if target not in TARGET_MODES:
            raise PatternFileError(f"{name}:{number}: unknown target '{target}'; use one of {', '.join(TARGET_MODES)}.")
        out[category] = CategoryRule(category, severity, target, float(row.get("min_score", 0.5)),
                                     bool(row.get("hedgeable", False)), bool(row.get("negatable", False)),
                                     str(row.get("link", "about")), bool(row.get("deniable", False)),
                                     float(row.get("classifier_min", 0.7)), bool(row.get("reportable", False)),
                                     frozenset(row.get("yields_to", ())), float(row.get("context_min", 1.01)),
                                     float(row.get("plain_min", 1.01)))
    missing = set(CATEGORIES) - set(out)
    if missing:
        raise PatternFileError(f"{name}: no line for categor{'ies' if len(missing) > 1 else 'y'} {', '.join(sorted(missing))}.")
    return out


@lru_cache(maxsize=8)
def load_settings(name: str, directory: str = "") -> Settings:
    hedges: list[str] = []
    negations: set[str] = set()
    pronouns: set[str] = set()
    school_refs: set[str] = set()
    denials: list[str] = []
    idioms: list[str] = []
    reports: list[str] = []
    complaints: set[str] = set()
    praise: set[str] = set()
    events: list[str] = []
    condemns: list[str] = []
    not_denials: list[str] = []
    not_events: list[str] = []
    disclosures: list[str] = []
    team_idioms: list[str] = []
    games: list[str] = []
    offices: set[str] = set()
    numbers: dict[str, Any] = {}
    for number, row in read_jsonl(name, directory):
        kind = _need(name, number, row, "kind", str)
        if kind == "hedge":
            hedges.extend(_need(name, number, row, "phrases", list))
        elif kind == "negation":
            negations.update(w.lower() for w in _need(name, number, row, "words", list))
        elif kind == "pronoun":
            pronouns.update(w.lower() for w in _need(name, number, row, "words", list))
        elif kind == "school_ref":
            school_refs.update(w.lower() for w in _need(name, number, row, "words", list))
        elif kind == "denial":
            denials.extend(_need(name, number, row, "phrases", list))
        elif kind == "idiom":
            idioms.extend(_need(name, number, row, "phrases", list))
        elif kind == "report":
            reports.extend(_need(name, number, row, "phrases", list))
        elif kind == "complaint":
            complaints.update(w.lower() for w in _need(name, number, row, "words", list))
        elif kind == "praise":
            praise.update(w.lower() for w in _need(name, number, row, "words", list))
        elif kind == "event":
            events.extend(_need(name, number, row, "phrases", list))
        elif kind == "condemn":
            condemns.extend(_need(name, number, row, "phrases", list))
        elif kind == "not_denial":
            not_denials.extend(_need(name, number, row, "phrases", list))
        elif kind == "not_event":
            not_events.extend(_need(name, number, row, "phrases", list))
        elif kind == "disclosure":
            disclosures.extend(_need(name, number, row, "phrases", list))
        elif kind == "team_idiom":
            team_idioms.extend(_need(name, number, row, "phrases", list))
        elif kind == "game":
            games.extend(_need(name, number, row, "phrases", list))
        elif kind == "office":
            offices.update(w.lower() for w in _need(name, number, row, "words", list))
        elif kind == "settings":
            numbers.update({k: v for k, v in row.items() if k != "kind"})
        else:
            raise PatternFileError(f"{name}:{number}: unknown kind '{kind}'; "
                                   "use hedge, negation, pronoun, school_ref, denial, not_denial, idiom, report, event, not_event, "
                                   "disclosure, team_idiom, game, condemn, complaint, praise, office or settings.")
    known = {k: numbers.pop(k) for k in ("hedge_factor", "question_factor", "negation_window", "pronoun_lookback",
                                         "pii_window", "denial_factor") if k in numbers}
    return Settings(tuple(hedges), frozenset(negations), frozenset(pronouns), frozenset(school_refs),
                    denials=tuple(denials), idioms=tuple(idioms), reports=tuple(reports),
                    complaints=frozenset(complaints), praise=frozenset(praise), events=tuple(events),
                    condemns=tuple(condemns), not_denials=tuple(not_denials), not_events=tuple(not_events),
                    disclosures=tuple(disclosures), team_idioms=tuple(team_idioms), games=tuple(games),
                    offices=frozenset(offices), extra=numbers,
                    **known)


@dataclass(frozen=True)
class PiiRule:
    """A regular expression for one kind of personal detail (pii-v2.jsonl)."""

    id: str
    label: str
    regex: str
    score: float
    reason: str
    ignore_case: bool = False
    skip_school_domains: bool = False


@lru_cache(maxsize=8)
def load_pii(name: str, directory: str = "") -> tuple[PiiRule, ...]:
    import re

    rules = []
    for number, row in read_jsonl(name, directory):
        regex = _need(name, number, row, "regex", str)
        try:
            re.compile(regex)
        except re.error as exc:
            raise PatternFileError(f"{name}:{number}: bad regular expression ({exc}).") from None
        rules.append(PiiRule(
            id=_need(name, number, row, "id", str), label=_need(name, number, row, "label", str), regex=regex,
            score=float(_need(name, number, row, "score", (int, float))), reason=_need(name, number, row, "reason", str),
            ignore_case=bool(row.get("ignore_case", False)), skip_school_domains=bool(row.get("skip_school_domains", False)),
        ))
    return tuple(rules)
