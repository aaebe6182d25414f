"""Scraped text made safe to show: one line for headers, capped snippets, verbatim quotes.

Everything an item brings (title, author, URL, text) was written by a
stranger. Before it goes into anything repmon writes, it passes through here:

- control characters and bidirectional overrides are removed (they can hide
  text or reorder what a reader sees);
- text bound for a header or a one-line field has every line break collapsed
  to a space, so it cannot start a new header;
- length is capped, with an ellipsis that shows something was cut.

These helpers return plain text. HTML escaping is left to Jinja2's autoescape
(see :mod:`alerts.render`); URLs for links go through :func:`safe_href`.
"""

from __future__ import annotations

import re
import unicodedata
from urllib.parse import urlsplit

ELLIPSIS = "…"

# bidirectional embedding/override/isolate marks ("Trojan Source") and the Arabic letter mark
_BIDI = dict.fromkeys(map(ord, "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\u061c"), None)
# every way of breaking a line, including the ones str.splitlines() knows and e-mail readers may honour
_LINE_BREAKS = re.compile(r"\r\n|[\r\n\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029]")
_SPACE = re.compile(r"\s+")
# the end of a sentence: . ! ? or … before a space or closing quote, but not after a title ("Mr.") or an
# initial ("J."); or a line break (extracted pages put each paragraph and comment on its own line)
_SENTENCE_END = re.compile(
    r"(?<!\bMr)(?<!\bMrs)(?<!\bMs)(?<!\bDr)(?<!\bSt)(?<!\bProf)(?<!\b[A-Z])"
    r"[.!?…](?=[\s\"'”’)\]]|$)|\n"
)


def clean(text: str | None) -> str:
    """Text with line breaks normalised to ``\\n`` and every other control or bidi-override character removed."""
    if not text:
        return ""
    text = _LINE_BREAKS.sub("\n", text).translate(_BIDI)
    return "".join(ch for ch in text if ch in "\n\t" or unicodedata.category(ch) != "Cc")


def cap(text: str, limit: int) -> str:
    """``text`` cut to at most ``limit`` characters, at a word boundary when one is near, marked with an ellipsis."""
    if limit < 1:
        raise ValueError("limit must be at least 1")
    if len(text) <= limit:
        return text
    cut = text[: limit - 1]
    space = cut.rfind(" ")
    if space > limit * 0.6:
        cut = cut[:space]
    return cut.rstrip() + ELLIPSIS


def one_line(text: str | None, limit: int) -> str:
    """Cleaned text on a single line (all whitespace runs become one space), capped: safe for a header."""
    return cap(_SPACE.sub(" ", clean(text)).strip(), limit)


def snippet(text: str | None, start: int, end: int, limit: int) -> str:
    """A one-line window of at most ``limit`` characters centred on ``text[start:end]``, marked where it was cut."""
    text = text or ""
    width = max(1, limit - 2)  # room for an ellipsis at each end
    middle = (max(0, min(start, len(text))) + max(0, min(end, len(text)))) // 2
    left = max(0, middle - width // 2)
    right = min(len(text), left + width)
    left = max(0, right - width)
    body = one_line(text[left:right], width)
    return (ELLIPSIS if left > 0 else "") + body + (ELLIPSIS if right < len(text) else "")


def sentence_around(text: str | None, start: int, end: int, limit: int) -> tuple[str, bool]:
    """The sentence(s) holding ``text[start:end]``, verbatim (control characters removed); (quote, was_cut)."""
    text = text or ""
    start = max(0, min(start, len(text)))
    end = max(start, min(end, len(text)))
    begin = 0
    for match in _SENTENCE_END.finditer(text, 0, start):
        begin = match.end()
    stop = len(text)
    after = _SENTENCE_END.search(text, end)
    if after:
        stop = after.end() if not after.group().startswith("\n") else after.start()
    quote = clean(text[begin:stop]).strip()
    if len(quote) > limit:
        return cap(quote, limit), True
    return quote, False


def safe_href(url: str | None) -> str | None:
    """The URL if it is an http(s) link fit to put in an ``href``; None otherwise (``javascript:``, ``data:``...)."""
    url = one_line(url, 2000)
    if not url or url.endswith(ELLIPSIS):
        return None
    parts = urlsplit(url)
    if parts.scheme.lower() not in ("http", "https") or not parts.netloc:
        return None
    return url


def host(url: str | None) -> str:
    """The host name of a URL, lower case ('' when there is none)."""
    try:
        return one_line(urlsplit(clean(url)).hostname or "", 253)
    except ValueError:
        return ""
