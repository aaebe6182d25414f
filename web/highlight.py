"""The item's text cut into segments at every mention and flag boundary, for highlighting.

Offsets come from the finding (mentions' ``start``/``end``, flags'
``evidence`` spans). The text is never marked up: each segment is plain text
that the template escapes and wraps in ``<mark>`` when it is part of a span,
so hostile text cannot break out of the highlighting.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any


@dataclass
class Segment:
    text: str
    mentions: list[str] = field(default_factory=list)   # "staff: Mrs Pritchard (staff-003)"
    flags: list[int] = field(default_factory=list)      # 1-based numbers of the flags in the reasons list
    categories: list[str] = field(default_factory=list)

    @property
    def marked(self) -> bool:
        return bool(self.mentions or self.flags)

    @property
    def css(self) -> str:
        classes = ["mention"] if self.mentions else []
        classes += [f"flag flag-{c}" for c in sorted(set(self.categories))][:1]
        return " ".join(classes)

    @property
    def title(self) -> str:
        parts = list(self.mentions) + [f"flag {n}" for n in self.flags]
        return "; ".join(parts)


def _span(value: Any, size: int) -> tuple[int, int] | None:
    try:
        start, end = int(value[0]), int(value[1])
    except (TypeError, ValueError, IndexError, KeyError):
        return None
    start, end = max(0, start), min(size, end)
    return (start, end) if start < end else None


def segments(text: str, mentions: Sequence[Mapping[str, Any]], flags: Sequence[Mapping[str, Any]],
             names: Mapping[str, str] | None = None) -> list[Segment]:
    """Split ``text`` so each segment is covered by the same set of mentions and flags."""
    names = names or {}
    size = len(text)
    spans: list[tuple[int, int, str, Any]] = []
    for mention in mentions:
        span = _span((mention.get("start"), mention.get("end")), size)
        if span:
            ref = str(mention.get("ref", ""))
            label = f"{mention.get('kind', '')}: {names.get(ref, ref)} ({ref})"
            spans.append((*span, "mention", label))
    for number, flag in enumerate(flags, start=1):
        for evidence in flag.get("evidence") or []:
            span = _span(evidence, size)
            if span:
                spans.append((*span, "flag", (number, str(flag.get("category", "")))))
    cuts = sorted({0, size, *(s for s, _e, _k, _v in spans), *(e for _s, e, _k, _v in spans)})
    out: list[Segment] = []
    for start, end in zip(cuts, cuts[1:]):
        seg = Segment(text[start:end])
        for s, e, kind, value in spans:
            if s <= start and end <= e:
                if kind == "mention":
                    seg.mentions.append(value)
                else:
                    seg.flags.append(value[0])
                    seg.categories.append(value[1])
        if out and not seg.marked and not out[-1].marked:
            out[-1].text += seg.text
        else:
            out.append(seg)
    return out
