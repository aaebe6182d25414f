"""Re-capture the pages of open alerts, so edits and deletions are on record.

    summary = recapture_flagged(settings, store)     # the scheduler calls this

For every alert in ``evidence.recapture_states`` the page is fetched again
(same address rules and limits as ``repmon capture``). A changed page is a
new WARC record and evidence row (old ones are never touched) and gets a new
screenshot; an unchanged one is logged against the record it matches; a 404
or 410 is kept as it answered and logged as ``gone``. Every check is a row in
the capture log; a change or a deletion is also an event in the alert's
history. Pages that may show child sexual abuse are checked by status and
hash only: nothing of them is written to a WARC file or screenshotted.
"""

from __future__ import annotations

import hashlib
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from data import evidence_log
from data.evidence import EvidenceWriter
from data.store import Store
from repmon import clock
from repmon.errors import RepmonError, SourceError
from spiders.capture import GONE, keep_response
from spiders.safefetch import AddressGuard, FetchRefused, fetch, guarded_settings
from spiders.screenshot import images_withheld, screenshot_item


@dataclass
class RecaptureSummary:
    checked: int = 0
    changed: int = 0
    unchanged: int = 0
    gone: int = 0
    withheld: int = 0
    screenshots: int = 0
    errors: list[str] = field(default_factory=list)

    def line(self) -> str:
        return (f"re-captured {self.checked} pages: {self.changed} changed, {self.unchanged} unchanged, "
                f"{self.gone} gone (404/410), {self.withheld} checked by hash only, {self.screenshots} new "
                f"screenshots, {len(self.errors)} errors")


def _last_sha256(store: Store, item: Mapping[str, Any]) -> str | None:
    for row in reversed(evidence_log.captures_for_item(store, item["id"])):
        if row["sha256"]:
            return str(row["sha256"])
    if item.get("evidence_id"):
        evidence = store.get_evidence(item["evidence_id"])
        return str(evidence["sha256"]) if evidence else None
    return None


def recapture_flagged(settings: Mapping[str, Any], store: Store, *, actor: str = "repmon",
                      guard: AddressGuard | None = None) -> RecaptureSummary:
    """Fetch the page of every open alert again and put what it says now on record."""
    guard = guard or AddressGuard.from_settings(settings)
    limits = guarded_settings(settings)
    summary = RecaptureSummary()
    writer = EvidenceWriter(store, settings["store.evidence_dir"], "recapture")
    try:
        for alert in evidence_log.alerts_in_states(store, list(settings["evidence.recapture_states"])):
            item = store.get_item(alert["item_id"])
            if item is None or not str(item["url"]).startswith(("http://", "https://")):
                continue
            try:
                _one(settings, store, writer, guard, limits, alert["alert_id"], item, actor, summary)
            except RepmonError as exc:
                summary.errors.append(f"alert {alert['alert_id']} ({item['url']}): {exc}")
    finally:
        writer.close()
    return summary


def _one(settings: Mapping[str, Any], store: Store, writer: EvidenceWriter, guard: AddressGuard,
         limits: dict[str, Any], alert_id: int, item: dict[str, Any], actor: str, summary: RecaptureSummary) -> None:
    url = item["url"]
    log = {"url": url, "item_id": item["id"], "alert_id": alert_id, "actor": actor, "reason": "recapture"}
    summary.checked += 1
    try:
        got = fetch(url, guard=guard, **limits)
    except FetchRefused as exc:
        evidence_log.log_capture(store, outcome="refused", detail={"error": str(exc)}, **log)
        raise
    except SourceError as exc:
        evidence_log.log_capture(store, outcome="error", detail={"error": str(exc)}, **log)
        raise
    at = clock.iso()
    detail: dict[str, Any] = {"redirects": [list(hop) for hop in got.chain], "address": got.address}
    if got.media_not_downloaded:
        evidence_log.log_capture(store, outcome="media_not_kept", final_url=got.final_url, http_status=got.status,
                                 at=at, detail=detail, **log)
        summary.unchanged += 1
        return
    digest = hashlib.sha256(got.body).hexdigest()
    changed = digest != _last_sha256(store, item)
    gone = got.status in GONE
    if images_withheld(store, item["id"]):
        evidence_log.log_capture(store, outcome="withheld", final_url=got.final_url, http_status=got.status,
                                 sha256=digest, at=at, detail=detail, **log)
        summary.withheld += 1
        if changed or gone:
            store.add_alert_event(alert_id, actor, "page_gone" if gone else "page_changed",
                                  {"http_status": got.status, "sha256": digest, "kept": "hash only"})
        return
    warnings: list[str] = []
    evidence_id, digest, created = keep_response(settings, store, writer, got, at, warnings)
    outcome = "gone" if gone else ("kept" if created else "unchanged")
    if warnings:
        detail["warnings"] = warnings
        summary.errors.extend(warnings)
    evidence_log.log_capture(store, outcome=outcome, final_url=got.final_url, http_status=got.status,
                             evidence_id=evidence_id, sha256=digest, at=at, detail=detail, **log)
    if gone:
        summary.gone += 1
    elif changed:
        summary.changed += 1
    else:
        summary.unchanged += 1
    if changed or (gone and created):
        store.add_alert_event(alert_id, actor, "page_gone" if gone else "page_changed",
                              {"http_status": got.status, "evidence_id": evidence_id, "sha256": digest})
    if changed and not gone and settings["evidence.screenshots"]:
        shot = screenshot_item(settings, store, item["id"], url=got.final_url, evidence_id=evidence_id, guard=guard)
        summary.screenshots += 1
        if shot.warning:
            summary.errors.append(shot.warning)
