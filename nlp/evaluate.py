"""Score the analyser against a hand-labelled gold set (``repmon evaluate``).

A gold file is JSON Lines. Each line is an item in the shape ``repmon
analyse`` reads (contracts.md, section 2: ``id``, ``text`` and optionally
``title``, ``url``, ``author``, ``source``) plus what a person decided about it::

    {"id": "qehs-017", "profile": "qehs", "source": "tweet", "text": "...",
     "gold": {"relevant": true, "mentions": ["staff-004"], "categories": ["threat"]}}

- ``gold.relevant`` (required): is the item about this school;
- ``gold.mentions``: the profile ids of the staff and pupils it names (for an
  irrelevant item: none); the school itself is not listed;
- ``gold.categories``: the contract's flag categories that apply (none for an
  irrelevant item). An item is *critical* when they include threat or
  safeguarding.
- ``profile`` (optional): the school id the line was written for. One file
  may hold lines for several schools; lines for another school than the
  ``--profile`` given are skipped and counted, so ``repmon evaluate`` is run
  once per profile.

Scores: precision, recall and F1 for relevance, for staff and pupil mentions
(per item, the set of refs), and for each category (per item); macro-F1 over
the six categories; critical recall (critical gold items marked ``critical``);
and the worst misses, ranked by what they would cost a comms officer.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from nlp.lexicon import CATEGORIES
from repmon.errors import InputError
from repmon.profile import Profile

CRITICAL = ("threat", "safeguarding")
MENTION_KINDS = ("staff", "pupil")

#: How much each kind of miss costs when ranking the worst ones.
COST = {"critical missed": 100, "relevance missed": 20, "false relevance": 10, "category missed": 6,
        "false category": 4, "mention missed": 2, "false mention": 1}


class GoldError(InputError):
    """A gold file is missing or a line is malformed."""


@dataclass(frozen=True)
class GoldItem:
    item: dict[str, Any]
    relevant: bool
    mentions: frozenset[str]
    categories: frozenset[str]
    where: str

    @property
    def critical(self) -> bool:
        return any(c in self.categories for c in CRITICAL)


@dataclass
class Counts:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    def add(self, said: set[str] | bool, truth: set[str] | bool) -> None:
        if isinstance(said, bool) and isinstance(truth, bool):
            said, truth = ({"x"} if said else set()), ({"x"} if truth else set())
        assert isinstance(said, set) and isinstance(truth, set)
        self.tp += len(said & truth)
        self.fp += len(said - truth)
        self.fn += len(truth - said)

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0 if not self.fn else 0.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    @property
    def support(self) -> int:
        return self.tp + self.fn

    def as_dict(self) -> dict[str, Any]:
        return {"precision": round(self.precision, 4), "recall": round(self.recall, 4), "f1": round(self.f1, 4),
                "tp": self.tp, "fp": self.fp, "fn": self.fn}


@dataclass
class Miss:
    id: str
    cost: int
    problems: list[str]
    text: str


@dataclass
class Report:
    profile: str
    items: int = 0
    skipped: int = 0
    relevance: Counts = field(default_factory=Counts)
    mentions: dict[str, Counts] = field(default_factory=lambda: {k: Counts() for k in MENTION_KINDS})
    categories: dict[str, Counts] = field(default_factory=lambda: {c: Counts() for c in CATEGORIES})
    critical_total: int = 0
    critical_marked: int = 0
    misses: list[Miss] = field(default_factory=list)
    analyser: str = ""

    @property
    def macro_f1(self) -> float:
        return sum(c.f1 for c in self.categories.values()) / len(self.categories)

    @property
    def critical_recall(self) -> float:
        return self.critical_marked / self.critical_total if self.critical_total else 1.0

    def as_dict(self, worst: int = 10) -> dict[str, Any]:
        return {
            "profile": self.profile, "analyser": self.analyser, "items": self.items, "skipped": self.skipped,
            "relevance": self.relevance.as_dict(),
            "mentions": {k: c.as_dict() for k, c in self.mentions.items()},
            "categories": {k: c.as_dict() for k, c in self.categories.items()},
            "macro_f1": round(self.macro_f1, 4),
            "critical": {"items": self.critical_total, "marked_critical": self.critical_marked,
                         "recall": round(self.critical_recall, 4)},
            "worst_misses": [{"id": m.id, "cost": m.cost, "problems": m.problems, "text": m.text}
                             for m in self.misses[:worst]],
        }


def _strings(value: Any, where: str, key: str) -> frozenset[str]:
    if value is None:
        return frozenset()
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise GoldError(f"{where}: 'gold.{key}' must be a list of strings, e.g. [\"staff-003\"].")
    return frozenset(value)


def parse_gold(lines: Iterable[str], source: str = "gold") -> list[tuple[GoldItem, str | None]]:
    """Every gold line with the profile id it names (or None)."""
    out: list[tuple[GoldItem, str | None]] = []
    for number, raw in enumerate(lines, start=1):
        line = raw.strip().lstrip("\ufeff")
        if not line or line.startswith("#"):
            continue
        where = f"{source}:{number}"
        try:
            row = json.loads(line)
        except json.JSONDecodeError as exc:
            raise GoldError(f"{where}: not valid JSON ({exc.msg} at column {exc.colno}); write one object a line.") from None
        if not isinstance(row, dict):
            raise GoldError(f"{where}: expected a JSON object with id, text and gold.")
        if not isinstance(row.get("id"), (str, int)) or isinstance(row.get("id"), bool):
            raise GoldError(f"{where}: 'id' is missing; give every line a unique id.")
        if not isinstance(row.get("text"), str):
            raise GoldError(f"{where}: 'text' must be a string (the post's text).")
        gold = row.get("gold")
        if not isinstance(gold, dict) or not isinstance(gold.get("relevant"), bool):
            raise GoldError(f"{where}: 'gold' must be an object with 'relevant' (true or false), "
                            "'mentions' and 'categories' (lists).")
        categories = _strings(gold.get("categories"), where, "categories")
        unknown = sorted(categories - set(CATEGORIES))
        if unknown:
            raise GoldError(f"{where}: unknown categor{'ies' if len(unknown) > 1 else 'y'} {', '.join(unknown)} "
                            f"in 'gold.categories'; use {', '.join(CATEGORIES)}.")
        profile = row.get("profile")
        if profile is not None and not isinstance(profile, str):
            raise GoldError(f"{where}: 'profile' must be the school id as text, e.g. \"qehs\".")
        item = {k: v for k, v in row.items() if k not in ("gold", "profile")}
        out.append((GoldItem(item, gold["relevant"], _strings(gold.get("mentions"), where, "mentions"),
                             categories, where), profile))
    return out


def load_gold(path: str | Path, profile: Profile) -> tuple[list[GoldItem], int]:
    """The gold items for ``profile`` in ``path`` and how many lines were for other schools."""
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise GoldError(f"{path}: gold file not found; pass --gold with a JSON Lines file (see docs/analysis.md).") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise GoldError(f"{path}: cannot be read as UTF-8 text ({exc}).") from None
    rows = parse_gold(text.splitlines(), str(path))
    school = profile.school.id
    mine = [g for g, p in rows if p in (None, school)]
    if rows and not mine:
        others = sorted({p for _, p in rows if p})
        raise GoldError(f"{path}: no line is for profile '{school}' (the file holds {', '.join(others)}); "
                        "pass the matching --profile.")
    known = {p.id for p in profile.people}
    for g in mine:
        wrong = sorted(g.mentions - known)
        if wrong:
            raise GoldError(f"{g.where}: 'gold.mentions' names {', '.join(wrong)}, not in profile {profile.path}.")
    return mine, len(rows) - len(mine)


def _excerpt(text: str, limit: int = 100) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "\u2026"


def score(profile: Profile, gold: list[GoldItem], results: list[dict[str, Any]]) -> Report:
    """Compare analyser results (one per gold item, same order) with the gold labels."""
    report = Report(profile.school.id)
    kinds = {p.id: p.kind for p in profile.people}
    for g, r in zip(gold, results):
        report.items += 1
        report.analyser = str(r.get("analyser", report.analyser))
        problems: list[tuple[int, str]] = []
        relevant = bool(r.get("relevant"))
        report.relevance.add(relevant, g.relevant)
        if relevant != g.relevant:
            key = "relevance missed" if g.relevant else "false relevance"
            problems.append((COST[key], f"{key} ({r.get('relevance', '')})"))
        said_refs = {m["ref"] for m in r.get("mentions", []) if m.get("kind") in MENTION_KINDS}
        for kind in MENTION_KINDS:
            said = {ref for ref in said_refs if kinds.get(ref) == kind}
            truth = {ref for ref in g.mentions if kinds.get(ref) == kind}
            report.mentions[kind].add(said, truth)
            for ref in sorted(truth - said):
                problems.append((COST["mention missed"], f"mention missed: {ref}"))
            for ref in sorted(said - truth):
                problems.append((COST["false mention"], f"false mention: {ref}"))
        said_cats = {f["category"] for f in r.get("flags", [])}
        for cat in CATEGORIES:
            report.categories[cat].add({cat} & said_cats, {cat} & set(g.categories))
        for cat in sorted(set(g.categories) - said_cats):
            problems.append((COST["category missed"], f"category missed: {cat}"))
        for cat in sorted(said_cats - set(g.categories)):
            reason = next((f.get("reason", "") for f in r.get("flags", []) if f["category"] == cat), "")
            problems.append((COST["false category"], f"false category: {cat} ({reason})"))
        if g.critical:
            report.critical_total += 1
            if r.get("severity") == "critical":
                report.critical_marked += 1
            else:
                problems.append((COST["critical missed"], f"critical missed (severity {r.get('severity')})"))
        if problems:
            problems.sort(key=lambda p: -p[0])
            report.misses.append(Miss(str(g.item["id"]), sum(c for c, _ in problems), [p for _, p in problems],
                                      _excerpt(str(g.item.get("text", "")))))
    report.misses.sort(key=lambda m: (-m.cost, m.id))
    return report


def evaluate(profile: Profile, gold_path: str | Path, analyser: Any = None) -> Report:
    """Run the analyser (default: ``Analyser(profile)``) over the gold items for ``profile`` and score it."""
    from nlp.analyse import Analyser

    gold, skipped = load_gold(gold_path, profile)
    analyser = analyser or Analyser(profile)
    results = [analyser.analyse(g.item) for g in gold]
    report = score(profile, gold, results)
    report.skipped = skipped
    return report


def _row(name: str, c: Counts) -> str:
    return f"{name:<16}{c.precision:>10.3f}{c.recall:>8.3f}{c.f1:>7.3f}{c.support:>9}{c.fp:>5}"


def format_report(report: Report, worst: int = 10) -> str:
    """The report as a plain-text table for the terminal."""
    lines = [f"profile {report.profile}: {report.items} gold items"
             + (f" ({report.skipped} lines for other profiles skipped)" if report.skipped else "")
             + (f", analyser {report.analyser}" if report.analyser else ""),
             "", f"{'':<16}{'precision':>10}{'recall':>8}{'F1':>7}{'support':>9}{'fp':>5}",
             _row("relevance", report.relevance)]
    for kind, counts in report.mentions.items():
        lines.append(_row(f"mentions {kind}", counts))
    for cat, counts in report.categories.items():
        lines.append(_row(cat, counts))
    worst_cat = min(report.categories.items(), key=lambda kv: kv[1].f1)
    lines += ["", f"macro-F1 over the six categories: {report.macro_f1:.3f} "
                  f"(lowest: {worst_cat[0]} {worst_cat[1].f1:.3f})",
              f"critical items marked critical: {report.critical_marked}/{report.critical_total} "
              f"(recall {report.critical_recall:.3f})"]
    if report.misses:
        lines += ["", f"worst misses ({min(worst, len(report.misses))} of {len(report.misses)} items with a problem):"]
        for miss in report.misses[:worst]:
            lines.append(f"  {miss.id} [{miss.cost}] {'; '.join(miss.problems[:4])}")
            lines.append(f"      {miss.text}")
    return "\n".join(lines)
