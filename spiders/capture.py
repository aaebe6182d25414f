"""``repmon capture URL``: a page a member of staff reports, kept as evidence and opened as an alert.

    result = capture_url(settings, store, profile, url, actor="j.jones")
    print(result.alert_id)

Steps: fetch the page through :mod:`spiders.safefetch` (http/https only,
addresses checked after DNS resolution and on every redirect, size cap,
timeout); extract its text (:mod:`spiders.extract`); analyse it with the
same Analyser and rule-set version as ``repmon process``; keep the response
as a WARC record with its SHA-256 (:class:`data.evidence.EvidenceWriter`);
store the Item (source ``manual``); open an alert even below the threshold,
because a person reported it, with the reporter in the alert's history;
take a full-page screenshot. The web app's manual intake calls this same
function.

A page that may show child sexual abuse (the analysis suggests sexual images
of a child, or the reporter says so with ``withhold_images=True``) is kept as
URL, hash and text only: no WARC record of the page, no screenshot, and the
alert's history names the reporting route (takedown.md §6). Image, video and
audio URLs are never downloaded.
"""

from __future__ import annotations

import functools
import hashlib
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from data import evidence_log
from data.evidence import EvidenceWriter
from data.store import Store
from repmon import clock
from repmon.config import SEVERITIES
from repmon.errors import InputError, RepmonError
from repmon.profile import Profile
from spiders.items import Item
from spiders.safefetch import AddressGuard, Fetched, FetchRefused, fetch, guarded_settings
from spiders.screenshot import REPORTING_ROUTE, WITHHOLD_EVENT, abuse_imagery_suspected, screenshot_item

SOURCE = "manual"
GONE = (404, 410)


@dataclass
class CaptureResult:
    alert_id: int
    item_id: int
    evidence_id: int | None       # the WARC record's row (None when withheld or media)
    url: str
    final_url: str
    status: int | None
    sha256: str | None            # SHA-256 of the body as read (kept or not)
    severity: str
    new_alert: bool               # False: the page was already an alert; this report is added to its history
    withheld: bool                # possible child abuse material: URL, hash and text only
    screenshot_id: int | None = None
    screenshot_path: str | None = None
    warnings: list[str] = field(default_factory=list)
    reporting_route: str | None = None


@dataclass(frozen=True)
class PageText:
    text: str
    title: str | None = None
    author: str | None = None
    published: str | None = None
    lang: str | None = None
    canonical_url: str | None = None


def page_text(got: Fetched, limit: int) -> PageText:
    """The text of a fetched page: main text and comments for HTML, the body for plain text, else nothing."""
    from w3lib.encoding import html_to_unicode

    from spiders.extract import clean_text, extract_page

    content_type = got.content_type.lower()
    if not got.body:
        return PageText("")
    _encoding, decoded = html_to_unicode(got.content_type or None, got.body)
    if "html" in content_type or (not content_type and decoded.lstrip()[:1] == "<"):
        extracted = extract_page(decoded, got.final_url, limit)
        if extracted is None:
            return PageText("")
        return PageText(extracted.text, extracted.title, extracted.author, extracted.published, extracted.lang,
                        extracted.canonical_url)
    if content_type.startswith("text/") or "json" in content_type or "xml" in content_type:
        return PageText(clean_text(decoded, limit))
    return PageText("")


def outcome_of(got: Fetched, created: bool) -> str:
    if got.status in GONE:
        return "gone"
    return "kept" if created else "unchanged"


def keep_response(settings: Mapping[str, Any], store: Store, writer: EvidenceWriter, got: Fetched,
                  fetched_at: str, warnings: list[str]) -> tuple[int, str, bool]:
    """Write a fetched response to the WARC and the store; timestamp it when a TSA is set.

    Returns (evidence id, sha256, created).
    """
    from data.timestamp import TimestampError, timestamp_if_configured

    capture = writer.capture(url=got.final_url, status=got.status, headers=got.headers, body=got.body,
                             fetched_at=fetched_at, reason=got.reason)
    if capture.created:
        try:
            timestamp_if_configured(settings, store, "evidence", capture.evidence_id, capture.sha256)
        except TimestampError as exc:
            warnings.append(f"evidence {capture.evidence_id} has no timestamp: {exc}")
    return capture.evidence_id, capture.sha256, capture.created


@functools.lru_cache(maxsize=4)
def _analyser(profile: Profile) -> Any:
    """One Analyser per profile, kept: the web app's manual intake captures one page after another."""
    from nlp.analyse import Analyser

    return Analyser(profile)


def _analyse(profile: Profile, item: Item) -> dict[str, Any]:
    """The finding for an item, made as ``repmon process`` makes it (same Analyser, same input line)."""
    line: dict[str, Any] = {"id": "capture", "title": item.title, "url": item.url, "author": item.author,
                            "source": item.source, "published": item.published, "text": item.text}
    return dict(_analyser(profile).analyse(line))


def _finding(store: Store, item_id: int, result: dict[str, Any]) -> tuple[int, dict[str, Any]]:
    """The stored finding of the current rule set for the item (kept if it had one), else this result stored."""
    from nlp.analyse import ANALYSER_VERSION

    for found in evidence_log.findings_for_item(store, item_id):
        if found["analyser"] == ANALYSER_VERSION:
            return found["id"], found
    finding_id, _ = store.save_finding(item_id, ANALYSER_VERSION, result)
    return finding_id, result


def capture_url(settings: Mapping[str, Any], store: Store, profile: Profile, url: str, *, actor: str,
                text: str | None = None, withhold_images: bool = False,
                guard: AddressGuard | None = None) -> CaptureResult:
    """Fetch, keep as evidence, analyse and open an alert for a page a person reported.

    ``actor`` is who reported it (kept in the alert's history); ``text`` is
    the reporter's copy of the words, used as the item's text when given
    (for a page behind a login, say). Raises FetchRefused for a URL that may
    not be fetched (scheme, private address), FetchFailed when the page
    cannot be had, InputError for a missing reporter.
    """
    actor = (actor or "").strip()
    if not actor:
        raise InputError("say who reported the page (actor), e.g. --actor j.jones; it goes in the alert's history.")
    url = (url or "").strip()
    limit = int(settings["store.max_text_chars"])
    guard = guard or AddressGuard.from_settings(settings)
    try:
        got = fetch(url, guard=guard, **guarded_settings(settings))
    except FetchRefused as exc:
        evidence_log.log_capture(store, url=url[:2000], actor=actor, reason="reported", outcome="refused",
                                 detail={"error": str(exc)})
        raise
    fetched_at = clock.iso()
    warnings: list[str] = []
    if got.chain:
        warnings.append("redirected: " + " -> ".join(f"{u} ({s})" for u, s in got.chain) + f" -> {got.final_url}")
    if got.status in GONE:
        warnings.append(f"the page answered HTTP {got.status}: it may have been removed; the answer is kept.")

    extracted = page_text(got, limit)
    reporter_text = (text or "").strip()
    digest = hashlib.sha256(got.body).hexdigest() if not got.media_not_downloaded else None
    item = Item(
        source=SOURCE, url=url, text=reporter_text[:limit] if reporter_text else extracted.text,
        canonical_url=extracted.canonical_url or got.final_url, title=extracted.title, author=extracted.author,
        published=extracted.published, lang=extracted.lang, fetched_at=fetched_at,
        raw={"via": "repmon capture", "final_url": got.final_url, "http_status": got.status,
             "content_type": got.content_type[:200], "reporter_text": bool(reporter_text), "page_sha256": digest},
    )
    analysed = _analyse(profile, item)  # before anything is written: the page may be one never to keep
    withheld = withhold_images or abuse_imagery_suspected(analysed.get("flags", []))

    evidence_id: int | None = None
    created = False
    if got.media_not_downloaded:
        warnings.append(f"{got.content_type} is never downloaded (images, video and audio are not kept); "
                        "the URL is recorded.")
    elif not withheld:
        writer = EvidenceWriter(store, settings["store.evidence_dir"], "capture")
        try:
            evidence_id, digest, created = keep_response(settings, store, writer, got, fetched_at, warnings)
        finally:
            writer.close()

    item.evidence_id = evidence_id
    item_id, _ = store.save_item(item)
    finding_id, finding = _finding(store, item_id, analysed)
    withheld = withheld or abuse_imagery_suspected(finding.get("flags", []))
    severity = finding.get("severity", "none")
    if SEVERITIES.index(severity) < SEVERITIES.index("low"):
        severity = "low"  # a person reported it: never an alert of severity none
    categories = sorted({str(f["category"]) for f in finding.get("flags", []) if f.get("category")})
    alert_id, new_alert = store.open_alert(item_id, finding_id, severity, categories, actor=actor)
    store.add_alert_event(alert_id, actor, "reported", {
        "url": url, "final_url": got.final_url, "http_status": got.status, "evidence_id": evidence_id,
        "sha256": digest, "via": "repmon capture", "reporter_text": bool(reporter_text)})
    if withheld:
        store.add_alert_event(alert_id, actor, WITHHOLD_EVENT, {
            "why": "marked by the reporter" if withhold_images else "analysis suggests sexual images of a child",
            "route": REPORTING_ROUTE})
    outcome = ("withheld" if withheld else "media_not_kept" if got.media_not_downloaded
               else outcome_of(got, created))
    evidence_log.log_capture(
        store, url=url, final_url=got.final_url, item_id=item_id, alert_id=alert_id, evidence_id=evidence_id,
        actor=actor, reason="reported", outcome=outcome, http_status=got.status, sha256=digest, at=fetched_at,
        detail={"redirects": [list(hop) for hop in got.chain], "address": got.address})

    result = CaptureResult(alert_id=alert_id, item_id=item_id, evidence_id=evidence_id, url=url,
                           final_url=got.final_url, status=got.status, sha256=digest, severity=severity,
                           new_alert=new_alert, withheld=withheld, warnings=warnings,
                           reporting_route=REPORTING_ROUTE if withheld else None)
    if settings["evidence.screenshots"] and not withheld and not got.media_not_downloaded:
        try:
            shot = screenshot_item(settings, store, item_id, url=got.final_url, evidence_id=evidence_id, guard=guard)
            result.screenshot_id, result.screenshot_path = shot.screenshot_id, str(shot.path)
            if shot.warning:
                warnings.append(shot.warning)
        except RepmonError as exc:
            warnings.append(f"no screenshot: {exc}")
    return result
