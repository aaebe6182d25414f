"""Evidence: every fetched response kept as a WARC record (ISO 28500) with its SHA-256.

Evidence is only ever added to. Each collection run appends to its own WARC
file (gzip per record, so a record can be read back from its offset); the
store keeps the URL, SHA-256 of the body, fetch time, status, headers and the
record's place in the file. A capture whose URL and body are already on record
is not written again.
"""

from __future__ import annotations

import base64
import hashlib
import io
import os
import zlib
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from warcio.archiveiterator import ArchiveIterator
from warcio.exceptions import ArchiveLoadFailed
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from data.store import Store
from repmon import __version__, clock

# hop-by-hop and transport headers: the body we keep is already decoded
_DROP_HEADERS = {"content-encoding", "transfer-encoding", "content-length", "connection"}


def sha256_hex(body: bytes) -> str:
    return hashlib.sha256(body).hexdigest()


@dataclass(frozen=True)
class Capture:
    evidence_id: int
    sha256: str
    created: bool


class EvidenceWriter:
    """Appends captures to one WARC file per run and records them in the store."""

    def __init__(self, store: Store, evidence_dir: str | Path, label: str) -> None:
        self.store = store
        self.dir = Path(evidence_dir)
        stamp = clock.iso().replace(":", "").replace("-", "")
        safe = "".join(c if c.isalnum() or c in "-_" else "-" for c in label)[:40]
        self.path = self.dir / f"{stamp}-{safe}-{os.getpid()}.warc.gz"
        self._writer: WARCWriter | None = None
        self._handle: Any = None

    def _open(self) -> WARCWriter:
        if self._writer is None:
            self.dir.mkdir(parents=True, exist_ok=True)
            self._handle = open(self.path, "ab")
            self._writer = WARCWriter(self._handle, gzip=True)
            info = self._writer.create_warcinfo_record(
                self.path.name, {"software": f"repmon/{__version__}", "format": "WARC File Format 1.1"}
            )
            self._writer.write_record(info)
        return self._writer

    def capture(self, *, url: str, status: int, headers: list[tuple[str, str]], body: bytes,
                fetched_at: str | None = None, reason: str = "") -> Capture:
        """Keep one response as evidence; return its evidence id."""
        digest = sha256_hex(body)
        existing = self.store.find_evidence(url, digest)
        if existing:
            return Capture(existing["id"], digest, False)
        fetched_at = fetched_at or clock.iso()
        kept = [(k, v) for k, v in headers if k.lower() not in _DROP_HEADERS]
        kept.append(("Content-Length", str(len(body))))
        writer = self._open()
        http_headers = StatusAndHeaders(f"{status} {reason or 'OK'}", kept, protocol="HTTP/1.1")
        payload_digest = "sha256:" + base64.b32encode(hashlib.sha256(body).digest()).decode("ascii")
        record = writer.create_warc_record(
            url, "response", payload=io.BytesIO(body), length=len(body), http_headers=http_headers,
            warc_headers_dict={"WARC-Date": fetched_at, "WARC-Payload-Digest": payload_digest},
        )
        self._handle.flush()
        offset = self._handle.tell()
        writer.write_record(record)
        self._handle.flush()
        os.fsync(self._handle.fileno())
        content_type = next((v for k, v in kept if k.lower() == "content-type"), None)
        evidence_id, created = self.store.add_evidence(
            url=url, sha256=digest, fetched_at=fetched_at, status=status, content_type=content_type,
            size=len(body), headers=dict(kept), warc_path=str(self.path), warc_offset=offset,
            warc_record_id=record.rec_headers.get_header("WARC-Record-ID"),
        )
        return Capture(evidence_id, digest, created)

    def close(self) -> None:
        if self._handle is not None:
            self._handle.close()
            self._handle = None
            self._writer = None


def read_payload(evidence: dict[str, Any]) -> bytes:
    """The body kept for an evidence row, read back from its WARC record."""
    with open(evidence["warc_path"], "rb") as handle:
        handle.seek(evidence["warc_offset"])
        try:
            for record in ArchiveIterator(handle):
                if record.rec_headers.get_header("WARC-Record-ID") != evidence["warc_record_id"]:
                    break
                return record.content_stream().read()
        except (ArchiveLoadFailed, zlib.error, AttributeError):
            pass  # damaged bytes (warcio raises AttributeError on some truncated records)
    raise ValueError(
        f"evidence {evidence['id']}: no WARC record {evidence['warc_record_id']} at offset "
        f"{evidence['warc_offset']} of {evidence['warc_path']}; the evidence file has been changed or moved."
    )


def verify(evidence: dict[str, Any]) -> bool:
    """True when the WARC record still holds exactly the body whose SHA-256 was recorded."""
    try:
        return sha256_hex(read_payload(evidence)) == evidence["sha256"]
    except (OSError, ValueError):
        return False
