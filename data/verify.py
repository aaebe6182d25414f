"""``repmon evidence verify``: do the kept files still hold exactly what was recorded?

Checks every WARC record against the SHA-256 stored at capture, every
screenshot file against its SHA-256, and every RFC 3161 token against the
hash it was issued for (and its signature). For all evidence, or one alert's.
"""

from __future__ import annotations

import hashlib
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from data import evidence_log
from data.evidence import verify
from data.store import Store
from data.timestamp import TimestampError, verify_token
from repmon.errors import RepmonError


@dataclass
class VerifyReport:
    records: int = 0
    screenshots: int = 0
    timestamps: int = 0
    problems: list[str] = field(default_factory=list)

    def line(self) -> str:
        state = "all match" if not self.problems else f"{len(self.problems)} PROBLEMS"
        return (f"checked {self.records} WARC records, {self.screenshots} screenshots, {self.timestamps} "
                f"timestamps: {state}")


def verify_evidence(settings: Mapping[str, Any], store: Store, alert_id: int | None = None) -> VerifyReport:
    report = VerifyReport()
    if alert_id is not None:
        alert = store.get_alert(alert_id)
        if alert is None:
            raise RepmonError(f"there is no alert {alert_id} in {settings['store.db_path']}.")
        item = store.get_item(alert["item_id"])
        assert item is not None
        rows = evidence_log.evidence_for_item(store, item)
        shots = evidence_log.screenshots_for_item(store, item["id"])
    else:
        rows = [row for r in store.db.query("SELECT id FROM evidence ORDER BY id")
                if (row := store.get_evidence(r["id"])) is not None]
        shots = [shot for r in store.db.query("SELECT id FROM screenshots ORDER BY id")
                 if (shot := evidence_log.get_screenshot(store, r["id"])) is not None]
    for row in rows:
        report.records += 1
        if not verify(row):
            report.problems.append(f"evidence {row['id']} ({row['url']}): the WARC record in {row['warc_path']} at "
                                   f"offset {row['warc_offset']} no longer matches SHA-256 {row['sha256']}.")
    for shot in shots:
        report.screenshots += 1
        try:
            ok = hashlib.sha256(Path(shot["path"]).read_bytes()).hexdigest() == shot["sha256"]
        except OSError:
            ok = False
        if not ok:
            report.problems.append(f"screenshot {shot['id']}: {shot['path']} is missing or no longer matches "
                                   f"SHA-256 {shot['sha256']}.")
    stamps = (evidence_log.timestamps_for(store, "evidence", [r["id"] for r in rows])
              + evidence_log.timestamps_for(store, "screenshot", [s["id"] for s in shots]))
    ca_file = str(settings["evidence.tsa_ca_file"] or "")
    for stamp in stamps:
        report.timestamps += 1
        try:
            verify_token(bytes(stamp["token"]), stamp["sha256"], ca_file=ca_file)
        except TimestampError as exc:
            report.problems.append(f"timestamp {stamp['id']} ({stamp['subject']} {stamp['subject_id']}): {exc}")
    return report
