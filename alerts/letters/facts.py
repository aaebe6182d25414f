"""The facts of one case, gathered once for whichever letter is drafted.

:func:`gather` reads the alert, its item, finding and evidence, the school's
settings and the profile, and returns a :class:`Case`. Scraped text is cleaned
and capped here; a fact repmon does not know is left as a placeholder made by
:func:`todo`, for a person to supply, and never guessed.
"""

from __future__ import annotations

import re

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from alerts import excerpt
from alerts.summary import AlertSummary, Flag, Named, flag_span, focus, span, summarise
from data.store import Store
from repmon import __version__, clock
from repmon.config import Settings
from repmon.profile import Profile

QUOTE_CHARS = 1500
URL_CHARS = 2000
CHRONOLOGY_ITEMS = 20
PLACEHOLDER = "[to be completed: "


def todo(what: str) -> str:
    """A clearly marked gap that a person must fill before the letter can be sent."""
    return f"{PLACEHOLDER}{what}]"


@dataclass(frozen=True)
class Quote:
    text: str  # verbatim words from the item (control characters removed)
    cut: bool  # True when the statement was longer than QUOTE_CHARS and is shown shortened
    basis: str  # what was quoted: "the flagged words", "the sentence naming ...", ...


@dataclass(frozen=True)
class Sender:
    name: str
    role: str
    school: str
    address: str
    email: str


@dataclass(frozen=True)
class Entry:
    """One item in a chronology of postings (police referral)."""

    alert_id: int
    when: str  # UTC, ISO 8601
    url: str
    source: str
    author: str
    sha256: str


@dataclass(frozen=True)
class Case:
    ref: str
    alert_id: int
    link: str  # the alert in the triage web app (evidence, audit trail)
    severity: str
    categories: tuple[str, ...]
    summary: AlertSummary
    school: str
    sender: Sender
    people: tuple[Named, ...]
    dsp: Named | None  # the designated safeguarding person, from the profile's roles
    url: str
    host: str
    source: str
    title: str
    author: str
    post_id: str
    published: str  # ISO 8601 as the source gave it, '' when unknown
    seen_at: str  # when repmon fetched it (UTC)
    quote: Quote
    evidence_sha256: str
    evidence_captured_at: str
    evidence_record_id: str
    capture_tool: str
    chronology: tuple[Entry, ...]
    repeats: tuple[str, ...]  # URLs of other items with the same words
    other_letters: tuple[tuple[str, str], ...]  # (letter type, state) of letters on this alert past the draft stage
    drafted_at: datetime

    @property
    def staff(self) -> tuple[Named, ...]:
        return tuple(p for p in self.people if p.kind == "staff")

    @property
    def pupils(self) -> tuple[Named, ...]:
        return tuple(p for p in self.people if p.kind == "pupil")

    def person_in_flags(self, categories: tuple[str, ...]) -> Named | None:
        return person_in_flags(self.summary.flags, self.people, categories)


def person_in_flags(flags: tuple[Flag, ...], people: tuple[Named, ...], categories: tuple[str, ...]) -> Named | None:
    """The first named person a flag of these categories is about: the flag's ref, else an id or name
    standing as a whole word in its reason."""
    for flag in flags:
        if flag.category not in categories:
            continue
        for person in people:
            if flag.ref and person.ref == flag.ref:
                return person
        if flag.ref:
            continue
        for person in people:
            if any(re.search(rf"(?<![\w-]){re.escape(words)}(?![\w-])", flag.reason) for words in (person.ref, person.name)):
                return person
    return None


def initials(name: str) -> str:
    """``Cai Llewelyn`` -> ``C.L.`` (pupils are referred to by initials where the name is not needed)."""
    parts = [p for p in name.replace("-", " ").split() if p]
    return "".join(f"{p[0].upper()}." for p in parts) or "?"


def _quote(alert: Mapping[str, Any], categories: tuple[str, ...], subject: Named | None) -> Quote:
    """The statement to set out verbatim: the flagged words (flags of ``categories`` first) with their sentence,
    else the sentence naming ``subject``, else the sentence around the first mention, else the start of the text."""
    text = alert.get("text") or ""
    flags = sorted(alert.get("flags") or [], key=lambda f: f.get("category") not in categories)
    for flag in flags:
        found = flag_span(text, flag)
        if found:
            words, cut = excerpt.sentence_around(text, *found, QUOTE_CHARS)
            return Quote(words, cut, "the flagged words, with the sentence around them")
    mentions = [m for m in alert.get("mentions") or [] if subject is not None and m.get("ref") == subject.ref]
    for mention in mentions:
        found = span(text, mention.get("start"), mention.get("end"), mention.get("text"))
        if found:
            words, cut = excerpt.sentence_around(text, *found, QUOTE_CHARS)
            return Quote(words, cut, f"the sentence naming {subject.name}" if subject else "")
    start, end = focus(alert)
    if end > start:
        words, cut = excerpt.sentence_around(text, start, end, QUOTE_CHARS)
        return Quote(words, cut, "the sentence around the first mention")
    for flag in flags:  # flagged words repmon could not place in the text (e.g. in the title)
        if isinstance(flag.get("text"), str) and flag["text"].strip():
            words = excerpt.clean(flag["text"]).strip()
            return Quote(excerpt.cap(words, QUOTE_CHARS), len(words) > QUOTE_CHARS, "the flagged words")
    words = excerpt.clean(text).strip()
    return Quote(excerpt.cap(words, QUOTE_CHARS), len(words) > QUOTE_CHARS, "the start of the text")


def _post_id(raw: Mapping[str, Any]) -> str:
    for key in ("post_id", "comment_id", "status_id", "id", "uri", "permalink"):
        value = raw.get(key)
        if isinstance(value, str | int) and not isinstance(value, bool) and str(value).strip():
            return excerpt.one_line(str(value), 200)
    return ""


def _dsp(profile: Profile) -> Named | None:
    for person in profile.staff:
        if "safeguarding" in person.role.lower():
            return Named(person.kind, person.id, person.name, person.role)
    return None


def _chronology(store: Store, alert: Mapping[str, Any]) -> tuple[Entry, ...]:
    """This alert and the other alerts from the same author on the same source, oldest first."""
    author = alert.get("author") or ""
    rows = [alert]
    if author:
        rows += [a for a in store.alerts() if a["id"] != alert["id"]
                 and a.get("author") == author and a.get("source") == alert.get("source")]
    entries = [
        Entry(
            alert_id=int(a["id"]),
            when=excerpt.one_line(a.get("published") or a.get("evidence_fetched_at") or a.get("fetched_at"), 40),
            url=excerpt.one_line(a.get("url"), URL_CHARS),
            source=excerpt.one_line(a.get("source"), 40),
            author=excerpt.one_line(a.get("author"), 80),
            sha256=str(a.get("evidence_sha256") or ""),
        )
        for a in rows
    ]
    return tuple(sorted(entries, key=lambda e: (e.when, e.alert_id))[-CHRONOLOGY_ITEMS:])


def _poster(author: str, raw: Mapping[str, Any]) -> str:
    """Who posted the words: a page with comments has its byline as the item's author, which may not be
    the commenter who wrote them, so a person must read it off the page."""
    if raw.get("has_comments"):
        shown = f"the page's byline is '{author}'; " if author else ""
        return todo(f"the name shown with the statement ({shown}the statement may be a comment)")
    return author


def gather(store: Store, settings: Settings, profile: Profile, alert: Mapping[str, Any],
           focus_kinds: tuple[str, ...] = ()) -> Case:
    """The facts of the case behind ``alert`` (a row of ``store.get_alert``).

    ``focus_kinds``: flag categories whose subject the quote should centre on
    (for example ``("defamatory",)`` for an s.5 notice).
    """
    alert_id = int(alert["id"])
    summary = summarise(alert, profile, settings["alerts.app_url"])
    item = store.get_item(int(alert["item_id"])) or {}
    evidence = store.get_evidence(int(item["evidence_id"])) if item.get("evidence_id") else None
    people = summary.people
    sender = Sender(
        name=settings["school.signatory"].strip() or todo("name of the person signing"),
        role=settings["school.signatory_role"].strip() or todo("role of the person signing"),
        school=profile.school.name,
        address=excerpt.one_line(settings["school.address"], 300) or todo("the school's postal address (school.address)"),
        email=settings["school.email"].strip() or todo("the school's contact e-mail address (school.email)"),
    )
    repeats = tuple(
        excerpt.one_line(other["url"], URL_CHARS)
        for other in (store.items_with_content(item["content_hash"]) if item.get("content_hash") else [])
        if other["id"] != item.get("id")
    )[:CHRONOLOGY_ITEMS]
    subject = person_in_flags(summary.flags, people, focus_kinds) if focus_kinds else None
    return Case(
        ref=f"{profile.school.id}-{alert_id}", alert_id=alert_id, link=summary.link,
        severity=str(alert["severity"]), categories=tuple(alert.get("categories") or ()), summary=summary,
        school=profile.school.name, sender=sender, people=people, dsp=_dsp(profile),
        url=excerpt.one_line(alert.get("url"), URL_CHARS), host=summary.host, source=summary.source,
        title=summary.title, author=_poster(summary.author, item.get("raw") or {}),
        post_id=_post_id(item.get("raw") or {}),
        published=summary.published, seen_at=excerpt.one_line(item.get("fetched_at") or alert.get("fetched_at"), 40),
        quote=_quote(alert, focus_kinds, subject),
        evidence_sha256=str(evidence["sha256"]) if evidence else "",
        evidence_captured_at=str(evidence["fetched_at"]) if evidence else "",
        evidence_record_id=str(evidence["warc_record_id"]) if evidence else "",
        capture_tool=f"repmon {__version__} (HTTP response kept as a WARC/1.1 record, ISO 28500, with its SHA-256)",
        chronology=_chronology(store, alert),
        repeats=repeats,
        other_letters=tuple((t["letter_type"], t["state"]) for t in store.takedowns()
                            if t["alert_id"] == alert_id and t["state"] != "draft"),
        drafted_at=clock.now(),
    )
