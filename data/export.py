"""``repmon evidence export ALERT_ID --output FILE.zip``: one alert's evidence, for the police or a solicitor.

The zip holds:

- ``evidence.warc.gz``: the WARC records of the alert's page (first capture
  and every re-capture), copied byte for byte out of repmon's WARC files
  after a ``warcinfo`` record describing the export, so each record's
  WARC-Payload-Digest and the SHA-256 in ``metadata.json`` still match;
- ``screenshots/*.png``: the full-page screenshots, URL and time in each
  PNG's own metadata;
- ``timestamps/*.tsr``: RFC 3161 timestamp tokens, when a TSA was set;
- ``metadata.json``: the URL, times, item, findings, the alert's history,
  the capture log, and every hash;
- ``README.txt``: what the files are and how to check them;
- ``manifest-sha256.txt``: SHA-256 of every other file, in ``sha256sum``
  format (``sha256sum -c manifest-sha256.txt`` after unzipping).

Before anything is copied, each record and screenshot is checked against
the hash recorded when it was captured; a mismatch is reported, never hidden.
"""

from __future__ import annotations

import hashlib
import io
import json
import zipfile
import zlib
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from warcio.warcwriter import WARCWriter

from data import evidence_log
from data.evidence import read_payload, sha256_hex
from data.store import Store
from repmon import __version__, clock
from repmon.errors import RepmonError

WARC_NAME = "evidence.warc.gz"
MANIFEST = "manifest-sha256.txt"


class ExportError(RepmonError):
    """The export cannot be made (no such alert, unreadable evidence, output not writable)."""


@dataclass
class ExportResult:
    path: Path
    sha256: str                  # of the zip itself, to note in a statement or covering letter
    records: int
    screenshots: int
    timestamps: int
    problems: list[str] = field(default_factory=list)   # hashes that no longer match: say so, loudly


def gzip_member(path: str | Path, offset: int) -> bytes:
    """The raw bytes of the one gzip member (one WARC record) that starts at ``offset``."""
    out = bytearray()
    decomp = zlib.decompressobj(wbits=31)
    with open(path, "rb") as handle:
        handle.seek(offset)
        while not decomp.eof:
            block = handle.read(65536)
            if not block:
                raise ExportError(f"{path}: the WARC record at offset {offset} is cut short; the file has been changed.")
            try:
                decomp.decompress(block)
            except zlib.error:
                raise ExportError(f"{path}: no gzip WARC record at offset {offset}; the file has been changed.") from None
            used = len(block) - len(decomp.unused_data)
            out += block[:used]
    return bytes(out)


def _warcinfo(alert_id: int, created: str) -> bytes:
    buffer = io.BytesIO()
    writer = WARCWriter(buffer, gzip=True)
    record = writer.create_warcinfo_record(WARC_NAME, {
        "software": f"repmon/{__version__}",
        "format": "WARC File Format 1.1",
        "description": (f"Evidence export of repmon alert {alert_id}, made {created}. The records after this one "
                        "are byte-for-byte copies of the records repmon wrote when it captured the page."),
    })
    writer.write_record(record)
    return buffer.getvalue()


def _safe_name(text: str) -> str:
    return "".join(c if c.isalnum() or c in "-_." else "-" for c in text)[:80]


def export_alert(settings: Mapping[str, Any], store: Store, alert_id: int, output: str | Path, *,
                 actor: str = "repmon") -> ExportResult:
    """Write the alert's evidence bundle to ``output`` (a new .zip; an existing file is never replaced)."""
    alert = store.get_alert(alert_id)
    if alert is None:
        raise ExportError(f"there is no alert {alert_id} in {settings['store.db_path']}.")
    output = Path(output)
    if output.suffix.lower() != ".zip":
        raise ExportError(f"{output}: give the export a .zip name, e.g. --output alert-{alert_id}.zip.")
    if output.exists():
        raise ExportError(f"{output}: already exists; an export never replaces a file. Choose a new name.")
    item = store.get_item(alert["item_id"])
    assert item is not None
    created = clock.iso()
    problems: list[str] = []
    files: dict[str, bytes] = {}

    evidence = evidence_log.evidence_for_item(store, item)
    warc = bytearray(_warcinfo(alert_id, created))
    record_meta = []
    for row in evidence:
        try:
            member = gzip_member(row["warc_path"], row["warc_offset"])
        except (OSError, ExportError) as exc:
            problems.append(f"evidence {row['id']}: {exc}")
            continue
        try:
            matches = sha256_hex(read_payload(row)) == row["sha256"]
        except (OSError, ValueError):
            matches = False
        if not matches:
            problems.append(f"evidence {row['id']} ({row['url']}): the WARC record no longer matches the SHA-256 "
                            f"recorded at capture ({row['sha256']}); it is exported as it is, marked unverified.")
        record_meta.append({
            "evidence_id": row["id"], "url": row["url"], "fetched_at": row["fetched_at"], "http_status": row["status"],
            "content_type": row["content_type"], "size": row["size"], "sha256": row["sha256"],
            "warc_record_id": row["warc_record_id"], "offset_in_export": len(warc),
            "source_file": Path(row["warc_path"]).name, "source_offset": row["warc_offset"], "verified": matches,
        })
        warc += member
    if record_meta:
        files[WARC_NAME] = bytes(warc)

    shots_meta = []
    for shot in evidence_log.screenshots_for_item(store, item["id"]):
        name = f"screenshots/{shot['id']}-{_safe_name(Path(shot['path']).name)}"
        try:
            data = Path(shot["path"]).read_bytes()
        except OSError as exc:
            problems.append(f"screenshot {shot['id']}: cannot be read ({exc.strerror}); not exported.")
            continue
        ok = hashlib.sha256(data).hexdigest() == shot["sha256"]
        if not ok:
            problems.append(f"screenshot {shot['id']}: the file no longer matches the SHA-256 recorded when it was "
                            "taken; it is exported as it is, marked unverified.")
        files[name] = data
        shots_meta.append({"screenshot_id": shot["id"], "file": name, "url": shot["url"],
                           "final_url": shot["final_url"], "taken_at": shot["taken_at"], "sha256": shot["sha256"],
                           "width": shot["width"], "height": shot["height"], "browser": shot["browser"],
                           "evidence_id": shot["evidence_id"], "verified": ok})

    stamps_meta = []
    stamp_rows = (evidence_log.timestamps_for(store, "evidence", [r["evidence_id"] for r in record_meta])
                  + evidence_log.timestamps_for(store, "screenshot", [s["screenshot_id"] for s in shots_meta]))
    for stamp in stamp_rows:
        name = f"timestamps/{stamp['subject']}-{stamp['subject_id']}-{stamp['id']}.tsr"
        files[name] = bytes(stamp["token"])
        stamps_meta.append({"file": name, "subject": stamp["subject"], "subject_id": stamp["subject_id"],
                            "sha256": stamp["sha256"], "tsa_url": stamp["tsa_url"], "gen_time": stamp["gen_time"],
                            "serial": stamp["serial"]})

    metadata = {
        "export": {"alert_id": alert_id, "created_at": created, "created_by": actor,
                   "software": f"repmon {__version__}", "problems": problems},
        "alert": {k: alert.get(k) for k in ("id", "severity", "categories", "state", "created_at", "updated_at")},
        "item": {k: item.get(k) for k in ("id", "source", "url", "canonical_url", "title", "author", "published",
                                           "lang", "fetched_at", "stored_at", "evidence_id", "text")},
        "findings": evidence_log.findings_for_item(store, item["id"]),
        "alert_history": store.alert_events(alert_id),
        "captures": evidence_log.captures_for_item(store, item["id"]),
        "warc_records": record_meta,
        "screenshots": shots_meta,
        "timestamps": stamps_meta,
    }
    files["metadata.json"] = json.dumps(metadata, ensure_ascii=False, indent=2, default=str).encode("utf-8")
    files["README.txt"] = _readme(alert_id, created, item["url"], bool(record_meta), problems).encode("utf-8")
    manifest = "".join(f"{hashlib.sha256(data).hexdigest()}  {name}\n" for name, data in sorted(files.items()))
    files[MANIFEST] = manifest.encode("utf-8")

    output.parent.mkdir(parents=True, exist_ok=True)
    try:
        with open(output, "xb") as handle, zipfile.ZipFile(handle, "w") as bundle:
            for name, data in files.items():
                info = zipfile.ZipInfo(name, date_time=clock.parse(created).timetuple()[:6])
                info.compress_type = zipfile.ZIP_STORED if name.endswith((".gz", ".png", ".tsr")) else zipfile.ZIP_DEFLATED
                info.external_attr = 0o444 << 16
                bundle.writestr(info, data)
    except FileExistsError:
        raise ExportError(f"{output}: already exists; an export never replaces a file. Choose a new name.") from None
    except OSError as exc:
        raise ExportError(f"{output}: cannot write the export ({exc.strerror}).") from None
    digest = hashlib.sha256(output.read_bytes()).hexdigest()
    store.add_alert_event(alert_id, actor, "evidence_exported", {
        "file": output.name, "sha256": digest, "records": len(record_meta), "screenshots": len(shots_meta),
        "problems": len(problems)})
    return ExportResult(output, digest, len(record_meta), len(shots_meta), len(stamps_meta), problems)


def _readme(alert_id: int, created: str, url: str, has_warc: bool, problems: list[str]) -> str:
    lines = [
        f"Evidence export of repmon alert {alert_id}",
        f"Made {created} (UTC) by repmon {__version__}.",
        f"Page: {url}",
        "",
        "Files",
        f"  {WARC_NAME}   the page as fetched (WARC, ISO 28500), each record a byte-for-byte copy of what",
        "                     repmon wrote at capture time" if has_warc else
        "                     (none: no page body was kept for this alert, e.g. media or withheld material)",
        "  screenshots/       full-page screenshots; URL and time are in each PNG's text metadata",
        "  timestamps/        RFC 3161 timestamp tokens (when a time-stamping authority was configured)",
        "  metadata.json      URL, times, item text, findings, alert history, capture log, all hashes",
        f"  {MANIFEST}  SHA-256 of every file above",
        "",
        "How to check",
        f"  sha256sum -c {MANIFEST}",
        "  Each record's SHA-256 of its payload is in metadata.json (warc_records[].sha256) and, in base32,",
        "  in the record's own WARC-Payload-Digest header. A timestamp token can be checked with",
        "  openssl ts -reply -in timestamps/FILE.tsr -token_in -text  (and -verify with the TSA's CA).",
    ]
    if problems:
        lines += ["", "PROBLEMS FOUND WHEN EXPORTING"] + [f"  - {p}" for p in problems]
    return "\n".join(lines) + "\n"
