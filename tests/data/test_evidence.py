"""WARC evidence: what is captured can be read back and proven unchanged by its SHA-256."""

from __future__ import annotations

import base64
import gzip
import hashlib
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from warcio.archiveiterator import ArchiveIterator

from data.evidence import EvidenceWriter, read_payload, verify
from data.store import Store

URL = "https://forum.example/t/1"
BODY = "<html><body><p>Mrs Pritchard took the trip money.</p><p>Siân</p></body></html>".encode("utf-8")
FETCHED_AT = "2026-11-28T08:15:00Z"


@pytest.fixture
def writer(store: Store, tmp_path: Path) -> Iterator[EvidenceWriter]:
    w = EvidenceWriter(store, tmp_path / "evidence", "web run")
    yield w
    w.close()


def capture(writer: EvidenceWriter, body: bytes = BODY, **fields: Any) -> dict[str, Any]:
    """Capture one response and return its evidence row."""
    values: dict[str, Any] = {"url": URL, "status": 200, "headers": [("Content-Type", "text/html; charset=utf-8")],
                              "body": body, "fetched_at": FETCHED_AT}
    values.update(fields)
    result = writer.capture(**values)
    row = writer.store.get_evidence(result.evidence_id)
    assert row is not None
    return row


def records(path: str | Path) -> list[Any]:
    """(type, WARC headers, HTTP status, payload) of every record in a WARC file."""
    out = []
    with open(path, "rb") as handle:
        for record in ArchiveIterator(handle):
            status = record.http_headers.get_statuscode() if record.http_headers else None
            out.append((record.rec_type, record.rec_headers, status, record.content_stream().read()))
    return out


def test_a_capture_is_a_warcinfo_then_a_response_record(writer: EvidenceWriter) -> None:
    row = capture(writer, status=410, reason="Gone")

    kinds = [kind for kind, _, _, _ in records(row["warc_path"])]

    assert kinds == ["warcinfo", "response"]


def test_the_response_record_keeps_url_date_status_and_body(writer: EvidenceWriter) -> None:
    row = capture(writer, status=410, reason="Gone")

    _, headers, status, payload = records(row["warc_path"])[1]

    assert headers.get_header("WARC-Target-URI") == URL
    assert headers.get_header("WARC-Date") == FETCHED_AT
    assert status == "410"
    assert payload == BODY


def test_the_response_record_carries_a_sha256_payload_digest(writer: EvidenceWriter) -> None:
    row = capture(writer)

    _, headers, _, _ = records(row["warc_path"])[1]

    expected = "sha256:" + base64.b32encode(hashlib.sha256(BODY).digest()).decode("ascii")
    assert headers.get_header("WARC-Payload-Digest") == expected


def test_the_stored_sha256_is_the_bodys(writer: EvidenceWriter) -> None:
    row = capture(writer)

    assert row["sha256"] == hashlib.sha256(BODY).hexdigest()
    assert (row["url"], row["status"], row["size"], row["fetched_at"]) == (URL, 200, len(BODY), FETCHED_AT)


def test_transport_headers_are_not_kept_because_the_body_is_already_decoded(writer: EvidenceWriter) -> None:
    row = capture(writer, headers=[("Content-Type", "text/html"), ("Content-Encoding", "gzip"),
                                   ("Transfer-Encoding", "chunked")])

    assert row["headers"] == {"Content-Type": "text/html", "Content-Length": str(len(BODY))}
    assert read_payload(row) == BODY


def test_read_payload_returns_the_body(writer: EvidenceWriter) -> None:
    row = capture(writer)

    assert read_payload(row) == BODY


def test_a_fresh_capture_verifies(writer: EvidenceWriter) -> None:
    row = capture(writer)

    assert verify(row) is True


def tampered_copy(row: dict[str, Any], tmp_path: Path, change: Any) -> dict[str, Any]:
    """The evidence row pointed at a changed copy of its WARC file (the original is never touched)."""
    copy = tmp_path / "tampered.warc.gz"
    shutil.copyfile(row["warc_path"], copy)
    copy.write_bytes(change(copy.read_bytes(), row["warc_offset"]))
    return {**row, "warc_path": str(copy)}


def test_a_body_edited_in_the_warc_no_longer_verifies(writer: EvidenceWriter, tmp_path: Path) -> None:
    row = capture(writer)

    def edit(data: bytes, offset: int) -> bytes:
        record = gzip.decompress(data[offset:])
        return data[:offset] + gzip.compress(record.replace(b"trip money", b"lunch cash"))

    assert verify(tampered_copy(row, tmp_path, edit)) is False
    assert verify(row) is True


def test_a_damaged_warc_no_longer_verifies(writer: EvidenceWriter, tmp_path: Path) -> None:
    row = capture(writer)

    def flip(data: bytes, offset: int) -> bytes:
        changed = bytearray(data)
        changed[offset + 40] ^= 0xFF
        return bytes(changed)

    assert verify(tampered_copy(row, tmp_path, flip)) is False


def test_a_truncated_warc_no_longer_verifies(writer: EvidenceWriter, tmp_path: Path) -> None:
    row = capture(writer)

    assert verify(tampered_copy(row, tmp_path, lambda data, offset: data[: offset + 60])) is False


def test_verify_answers_true_or_false_wherever_the_warc_is_cut(writer: EvidenceWriter, tmp_path: Path) -> None:
    row = capture(writer)
    data = Path(row["warc_path"]).read_bytes()
    copy = tmp_path / "cut.warc.gz"
    answers = set()

    for end in range(row["warc_offset"], len(data)):
        copy.write_bytes(data[:end])
        answers.add(verify({**row, "warc_path": str(copy)}))  # warcio raises odd errors on some cuts

    assert answers <= {True, False}


def test_a_missing_warc_does_not_verify(writer: EvidenceWriter) -> None:
    row = capture(writer)

    assert verify({**row, "warc_path": row["warc_path"] + ".moved"}) is False


def test_reading_a_damaged_record_says_the_file_was_changed(writer: EvidenceWriter, tmp_path: Path) -> None:
    row = capture(writer)
    damaged = tampered_copy(row, tmp_path, lambda data, offset: data[: offset + 60])

    with pytest.raises(ValueError, match="the evidence file has been changed or moved"):
        read_payload(damaged)


def test_capturing_the_same_url_and_body_again_adds_nothing(writer: EvidenceWriter, store: Store) -> None:
    first = writer.capture(url=URL, status=200, headers=[], body=BODY)
    size = Path(writer.path).stat().st_size

    again = writer.capture(url=URL, status=200, headers=[], body=BODY, fetched_at="2026-11-29T08:15:00Z")

    assert (again.evidence_id, again.created) == (first.evidence_id, False)
    assert Path(writer.path).stat().st_size == size
    assert store.db["evidence"].count == 1


def test_a_different_body_at_the_same_url_is_a_new_record(writer: EvidenceWriter, store: Store) -> None:
    first = capture(writer)

    second = capture(writer, body=BODY.replace(b"trip money", b"raffle money"))

    assert second["id"] != first["id"]
    assert second["warc_path"] == first["warc_path"]
    assert [kind for kind, _, _, _ in records(first["warc_path"])] == ["warcinfo", "response", "response"]
    assert (verify(first), verify(second)) == (True, True)
