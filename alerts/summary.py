"""One alert as repmon's e-mails show it: who is named, where, why, and a short snippet.

Built from a row of :meth:`data.store.Store.get_alert` / ``alerts()``. Every
piece of scraped text is cleaned and capped here (see :mod:`alerts.excerpt`),
so templates only have to escape.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from alerts import excerpt
from repmon.profile import Profile

TITLE_CHARS = 160
AUTHOR_CHARS = 80
URL_CHARS = 500
REASON_CHARS = 200


@dataclass(frozen=True)
class Named:
    """A person the item names: profile id, name as the profile writes it, and how the item wrote it."""

    kind: str  # "staff" or "pupil"
    ref: str
    name: str
    role: str = ""
    as_written: str = ""


@dataclass(frozen=True)
class Flag:
    category: str
    score: float | None
    reason: str
    ref: str = ""  # the profile id the flag is about, when the analyser says


@dataclass(frozen=True)
class AlertSummary:
    id: int
    severity: str
    categories: tuple[str, ...]
    source: str
    title: str
    url: str
    href: str | None  # the URL when it is safe to link (http/https), else None
    host: str
    author: str
    published: str
    seen_at: str
    snippet: str
    people: tuple[Named, ...]
    flags: tuple[Flag, ...]
    link: str  # the alert in the triage web app
    evidence_sha256: str


def named_people(mentions: Iterable[Mapping[str, Any]], profile: Profile | None) -> tuple[Named, ...]:
    """Staff and pupils mentioned, once each, in order of first mention; names from the profile when it knows them."""
    seen: dict[str, Named] = {}
    for mention in mentions:
        kind, ref = mention.get("kind"), str(mention.get("ref") or "")
        if kind not in ("staff", "pupil") or not ref or ref in seen:
            continue
        as_written = excerpt.one_line(mention.get("text"), AUTHOR_CHARS)
        person = profile.person(ref) if profile else None
        if person is not None:
            seen[ref] = Named(person.kind, ref, person.name, person.role, as_written)
        else:
            seen[ref] = Named(str(kind), ref, as_written or ref, "", as_written)
    return tuple(seen.values())


def focus(alert: Mapping[str, Any]) -> tuple[int, int]:
    """Where in the item's text the alert is about: the first flagged span, else the first person, else the school."""
    text = alert.get("text") or ""
    for flag in alert.get("flags") or []:
        found = flag_span(text, flag)
        if found:
            return found
    mentions = alert.get("mentions") or []
    for kinds in (("staff", "pupil"), ("school",)):
        for mention in mentions:
            if mention.get("kind") in kinds:
                found = span(text, mention.get("start"), mention.get("end"), mention.get("text"))
                if found:
                    return found
    return (0, 0)


def flag_span(text: str, flag: Mapping[str, Any]) -> tuple[int, int] | None:
    """From the first to the last of the words behind a flag: the analyser's ``evidence``
    ([[start, end], ...]), else the flag's own start/end/text."""
    spans = [found for pair in flag.get("evidence") or []
             if isinstance(pair, (list, tuple)) and len(pair) == 2
             and (found := span(text, pair[0], pair[1], None))]
    if spans:
        return min(s for s, _ in spans), max(e for _, e in spans)
    return span(text, flag.get("start"), flag.get("end"), flag.get("text"))


def span(text: str, start: Any, end: Any, words: Any) -> tuple[int, int] | None:
    """(start, end) of ``words`` in ``text``: the given offsets when they hold the words, else the first occurrence."""
    if isinstance(start, int) and isinstance(end, int) and 0 <= start < end <= len(text):
        if not isinstance(words, str) or text[start:end] == words:
            return start, end
    if isinstance(words, str) and words.strip():
        at = text.find(words)
        if at >= 0:
            return at, at + len(words)
    return None


def summarise(alert: Mapping[str, Any], profile: Profile | None, app_url: str,
              snippet_chars: int = 240) -> AlertSummary:
    start, end = focus(alert)
    url = excerpt.one_line(alert.get("url"), URL_CHARS)
    flags = tuple(
        Flag(
            category=excerpt.one_line(str(flag.get("category", "")), 40),
            score=float(flag["score"]) if isinstance(flag.get("score"), int | float) else None,
            reason=excerpt.one_line(str(flag.get("reason", "")), REASON_CHARS),
            ref=str(flag.get("ref") or ""),
        )
        for flag in alert.get("flags") or []
    )
    return AlertSummary(
        id=int(alert["id"]),
        severity=str(alert["severity"]),
        categories=tuple(alert.get("categories") or ()),
        source=excerpt.one_line(alert.get("source"), 40),
        title=excerpt.one_line(alert.get("title"), TITLE_CHARS),
        url=url,
        href=excerpt.safe_href(alert.get("url")),
        host=excerpt.host(alert.get("url")),
        author=excerpt.one_line(alert.get("author"), AUTHOR_CHARS),
        published=excerpt.one_line(alert.get("published"), 40),
        seen_at=excerpt.one_line(alert.get("evidence_fetched_at") or alert.get("fetched_at"), 40),
        snippet=excerpt.snippet(alert.get("text"), start, end, snippet_chars),
        people=named_people(alert.get("mentions") or [], profile),
        flags=flags,
        link=f"{app_url.rstrip('/')}/alerts/{int(alert['id'])}",
        evidence_sha256=str(alert.get("evidence_sha256") or ""),
    )
