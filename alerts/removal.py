"""Removal verification: re-check every URL a takedown letter asked to remove.

:func:`recheck_removals` (run by the scheduler, or ``repmon removals check``)
fetches the URL of every takedown that has been sent and is still open,
through :mod:`spiders.safefetch` (public addresses only, no media downloaded),
keeps the response as evidence (:class:`data.evidence.EvidenceWriter`) and
records the check in ``removal_checks``. The content counts as removed when:

- the answer is 404 or 410;
- the page is the platform's "removed" page (:data:`REMOVED_PAGES`);
- the page answers 200 but the quoted words of the letter are no longer on it.

A removed URL moves the takedown to ``removed`` (actor ``repmon``, with the
check and the evidence hash); a URL still up after the letter's deadline is
reported here and in the digest ("still up after the deadline"). A check that
fails (network, 5xx, refused address) changes nothing and is tried next time.
"""

from __future__ import annotations

import html
import logging
import re
import unicodedata
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from alerts import excerpt
from alerts.letters.workflow import TakedownStateError, mark_removed
from data import takedowns
from data.evidence import EvidenceWriter
from data.store import Store
from repmon import clock
from repmon.errors import SourceError

log = logging.getLogger(__name__)

CHECKED_STATES = ("sent", "acknowledged", "refused", "escalated")
ACTOR = "repmon (removal check)"
QUOTE_PROBE_CHARS = 160
# what a platform shows in place of removed content (lower-case, matched in the page's text)
REMOVED_PAGES: dict[str, tuple[str, ...]] = {
    "reddit": ("[removed]", "[deleted]", "sorry, this post was deleted", "sorry, this post has been removed",
               "this post was removed"),
    "x": ("this post is unavailable", "this post was deleted", "hmm...this page doesn’t exist",
          "hmm...this page doesn't exist", "this account doesn’t exist", "account suspended"),
    "facebook": ("this content isn't available", "this content isn’t available right now"),
    "instagram": ("sorry, this page isn't available", "sorry, this page isn’t available"),
    "tiktok": ("video currently unavailable", "couldn't find this account", "this video is unavailable"),
    "youtube": ("video unavailable", "this video has been removed", "this video isn't available anymore"),
    "bluesky": ("post not found", "this post has been deleted"),
    "mastodon": ("the page you are looking for isn't here", "this post is no longer available"),
}


@dataclass
class Outcome:
    outcome: str          # "removed", "up" or "error"
    reason: str
    http_status: int | None = None
    evidence_id: int | None = None
    evidence_sha256: str = ""


@dataclass
class RemovalSummary:
    checked: int = 0
    removed: list[int] = field(default_factory=list)       # takedown ids marked removed
    up: list[int] = field(default_factory=list)
    overdue: list[int] = field(default_factory=list)       # still up after the deadline
    errors: list[str] = field(default_factory=list)

    def line(self) -> str:
        return (f"checked {self.checked} requested URLs: {len(self.removed)} removed, {len(self.up)} still up "
                f"({len(self.overdue)} past their deadline), {len(self.errors)} could not be checked")


def _normal(text: str) -> str:
    text = unicodedata.normalize("NFKC", html.unescape(text)).casefold()
    text = text.replace("’", "'").replace("‘", "'").replace("“", '"').replace("”", '"')
    return re.sub(r"\s+", " ", text).strip()


def page_text(body: bytes, content_type: str) -> str:
    """The visible text of a page (scripts and styles dropped), normalised for comparison."""
    raw = body.decode("utf-8", "replace")
    if "html" in content_type.lower() or raw.lstrip()[:1] == "<":
        raw = re.sub(r"(?is)<(script|style|noscript)\b.*?</\1\s*>", " ", raw)
        raw = re.sub(r"(?s)<[^>]+>", " ", raw)
    return _normal(raw)


def judge(status: int, body: bytes, content_type: str, quote: str, platform: str = "") -> tuple[str, str]:
    """(outcome, reason) for one answer: removed, up, or error (could not tell)."""
    if status in (404, 410):
        return "removed", f"HTTP {status}"
    if status >= 400 or status < 200:
        return "error", f"HTTP {status}: could not tell; tried again next time"
    text = page_text(body, content_type)
    probe = _normal(quote)[:QUOTE_PROBE_CHARS].strip()
    if probe and probe in text:
        return "up", "the quoted words are still on the page"
    for marker in REMOVED_PAGES.get(platform, ()):
        if marker in text:
            return "removed", f"the page says {marker!r}"
    if probe:
        return "removed", "the quoted words are no longer on the page"
    return "up", f"HTTP {status}, no quote to compare"


def check_one(settings: Mapping[str, Any], takedown: Mapping[str, Any], writer: EvidenceWriter, *,
              guard: Any, platform: str = "") -> Outcome:
    """Fetch the takedown's URL once, keep the answer as evidence, and judge it."""
    from spiders.safefetch import fetch, guarded_settings

    url = str(takedown["url"])
    limits = guarded_settings(settings) | {"timeout": float(settings["removal.timeout"])}
    try:
        got = fetch(url, guard=guard, **limits)
    except SourceError as exc:
        return Outcome("error", excerpt.one_line(str(exc), 300))
    capture = writer.capture(url=url, status=got.status, headers=got.headers, body=got.body,
                             fetched_at=clock.iso(), reason=got.reason)
    outcome, reason = judge(got.status, got.body, got.content_type, str(takedown.get("quote") or ""), platform)
    if got.chain:
        reason += f" (after {len(got.chain)} redirect(s), ending at {excerpt.one_line(got.final_url, 200)})"
    return Outcome(outcome, reason, got.status, capture.evidence_id, capture.sha256)


def recheck_removals(settings: Mapping[str, Any], store: Store, *, guard: Any = None) -> RemovalSummary:
    """Re-check every requested URL; mark removed ones, report the ones still up after their deadline."""
    from alerts.letters.platforms import platform_of
    from spiders.safefetch import AddressGuard

    guard = guard or AddressGuard.from_settings(settings)
    summary = RemovalSummary()
    writer = EvidenceWriter(store, settings["store.evidence_dir"], "removal-check")
    now = clock.now()
    try:
        for row in store.takedowns(states=CHECKED_STATES):
            if not row.get("url"):
                continue
            alert = store.get_alert(int(row["alert_id"])) or {}
            found = platform_of(str(alert.get("source") or ""), str(row["url"]))
            result = check_one(settings, row, writer, guard=guard, platform=found.key if found else "")
            summary.checked += 1
            check_id = takedowns.add_check(store, int(row["id"]), url=str(row["url"]), outcome=result.outcome,
                                           http_status=result.http_status, reason=result.reason,
                                           evidence_id=result.evidence_id)
            if result.outcome == "error":
                summary.errors.append(f"takedown {row['id']} ({excerpt.one_line(row['url'], 120)}): {result.reason}")
                continue
            if result.outcome == "removed":
                try:
                    mark_removed(store, int(row["id"]), ACTOR, {
                        "check_id": check_id, "http_status": result.http_status, "reason": result.reason,
                        "evidence_id": result.evidence_id, "evidence_sha256": result.evidence_sha256})
                    summary.removed.append(int(row["id"]))
                except TakedownStateError as exc:  # a person closed it meanwhile
                    summary.errors.append(str(exc))
                continue
            summary.up.append(int(row["id"]))
            if row["deadline"] and clock.parse(row["deadline"]) < now:
                summary.overdue.append(int(row["id"]))
                takedowns.log_event(store, int(row["id"]), ACTOR, "still_up_after_deadline",
                                    {"check_id": check_id, "deadline": row["deadline"]})
    finally:
        writer.close()
    log.info("removal checks: %s", summary.line())
    return summary
