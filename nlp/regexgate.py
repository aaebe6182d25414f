"""A quick test that a text can hold a match of a regular expression at all.

The personal-detail rules (``pii-v2.jsonl``) are regular expressions run over
every relevant text; most of them need a digit (phone numbers, postcodes,
house numbers) or an "@" (e-mail), which most posts do not have. Scanning a
text for one character is much quicker than trying a pattern at every
position, so :func:`needs` reads the parsed pattern once for what every
match holds, and :class:`Presence` looks for that in a text, once. What it
does not understand gives no test (the pattern always runs), so the matches
never change.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

try:  # the parser behind ``re`` (Python 3.11+); without it every pattern simply runs
    from re import _constants as sre_constants  # type: ignore[attr-defined]
    from re import _parser as sre_parser  # type: ignore[attr-defined]
except ImportError:  # pragma: no cover
    sre_parser = sre_constants = None

_DIGIT = re.compile(r"\d")


def _is_digit(op: Any, av: Any) -> bool:
    """One character that is always a decimal digit (``\\d``, ``[0-9]``, ``7``)."""
    c = sre_constants
    if op is c.LITERAL:
        return chr(av).isdecimal()
    if op is c.IN:
        return bool(av) and all(
            (kind is c.CATEGORY and value is c.CATEGORY_DIGIT)
            or (kind is c.LITERAL and chr(value).isdecimal())
            or (kind is c.RANGE and 48 <= value[0] <= value[1] <= 57)
            for kind, value in av)
    return False


def _is_at(op: Any, av: Any) -> bool:
    """One character that is always "@"."""
    c = sre_constants
    return (op is c.LITERAL and av == ord("@")) or (op is c.IN and list(av) == [(c.LITERAL, ord("@"))])


def _needs(items: Any, single: Callable[[Any, Any], bool]) -> bool:
    """True when every match of the parsed sequence ``items`` consumes a character for which ``single`` holds."""
    c = sre_constants
    for op, av in items:
        if single(op, av):
            return True
        if op is c.SUBPATTERN and _needs(av[3], single):
            return True
        if op in (c.MAX_REPEAT, c.MIN_REPEAT, c.POSSESSIVE_REPEAT) and av[0] >= 1 and _needs(av[2], single):
            return True
        if op is c.ATOMIC_GROUP and _needs(av, single):
            return True
        if op is c.BRANCH and all(_needs(branch, single) for branch in av[1]):
            return True
    return False


#: What a pattern may need (:func:`needs`), and the quick test for it in a text.
DIGIT, AT_SIGN = "a digit", "an @"
_PRESENT: dict[str, Callable[[str], bool]] = {DIGIT: lambda text: _DIGIT.search(text) is not None,
                                              AT_SIGN: lambda text: "@" in text}


def needs(pattern: re.Pattern[str]) -> str | None:
    """:data:`DIGIT` or :data:`AT_SIGN` when every match of ``pattern`` has one, else None (no quick test)."""
    if sre_parser is None:  # pragma: no cover
        return None
    try:
        parsed = sre_parser.parse(pattern.pattern, pattern.flags)
    except Exception:  # pragma: no cover  (it compiled, so this does not happen)
        return None
    if _needs(parsed, _is_digit):
        return DIGIT
    if _needs(parsed, _is_at):
        return AT_SIGN
    return None


class Presence:
    """Whether a text has what patterns need, each looked for once."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.found: dict[str, bool] = {}

    def allows(self, need: str | None) -> bool:
        """False when the text lacks ``need``, so a pattern that needs it cannot match."""
        if need is None:
            return True
        if need not in self.found:
            self.found[need] = _PRESENT[need](self.text)
        return self.found[need]
