"""A stacked bar chart drawn as SVG shapes on the server (no script, no item text: only counts and
the fixed category names)."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

CATEGORIES = ("threat", "safeguarding", "identifying", "defamatory", "harassment", "disrepute", "")
LABELS = {"": "no flag"}


@dataclass(frozen=True)
class Bar:
    x: float
    y: float
    width: float
    height: float
    category: str
    label: str      # "2026-11-27: 3 defamatory"


@dataclass(frozen=True)
class Chart:
    width: int
    height: int
    bars: list[Bar]
    ticks: list[tuple[float, str]]     # x, label under the axis
    max_value: int
    legend: list[tuple[str, str]]      # category, label
    total: int
    title: str


def days(end: date, count: int) -> list[str]:
    return [(end - timedelta(days=count - 1 - i)).isoformat() for i in range(count)]


def weeks(end: date, count: int) -> list[str]:
    """Monday of each of the last ``count`` weeks."""
    monday = end - timedelta(days=end.weekday())
    return [(monday - timedelta(weeks=count - 1 - i)).isoformat() for i in range(count)]


def by_week(rows: Iterable[Mapping[str, Any]]) -> list[dict[str, Any]]:
    """Per-day rows (day, category, n) summed into ISO weeks keyed by their Monday."""
    out: dict[tuple[str, str], int] = {}
    for row in rows:
        day = date.fromisoformat(str(row["day"]))
        monday = (day - timedelta(days=day.weekday())).isoformat()
        out[(monday, str(row["category"]))] = out.get((monday, str(row["category"])), 0) + int(row["n"])
    return [{"day": d, "category": c, "n": n} for (d, c), n in sorted(out.items())]


def stacked(rows: Iterable[Mapping[str, Any]], slots: Sequence[str], title: str, *,
            width: int = 640, height: int = 180) -> Chart:
    counts: dict[str, dict[str, int]] = {slot: {} for slot in slots}
    for row in rows:
        slot, category = str(row["day"]), str(row["category"] or "")
        if slot in counts:
            counts[slot][category] = counts[slot].get(category, 0) + int(row["n"])
    max_value = max([sum(c.values()) for c in counts.values()] + [1])
    plot_h, left, bottom = height - 30, 30, 20
    step = (width - left) / max(len(slots), 1)
    bars, ticks = [], []
    for i, slot in enumerate(slots):
        x = left + i * step + step * 0.15
        y = float(plot_h)
        for category in CATEGORIES:
            n = counts[slot].get(category, 0)
            if not n:
                continue
            h = (plot_h - 5) * n / max_value
            y -= h
            bars.append(Bar(round(x, 1), round(y, 1), round(step * 0.7, 1), round(h, 1), category or "none",
                            f"{slot}: {n} {LABELS.get(category, category)}"))
        if len(slots) <= 8 or i % max(1, len(slots) // 7) == 0:
            ticks.append((round(x, 1), slot[5:]))
    used = {b.category for b in bars}
    legend = [(c or "none", LABELS.get(c, c)) for c in CATEGORIES if (c or "none") in used]
    total = sum(sum(c.values()) for c in counts.values())
    return Chart(width, height + bottom - 20, bars, ticks, max_value, legend, total, title)
