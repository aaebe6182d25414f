"""`repmon evidence export`: a zip a solicitor or the police can check without repmon."""

from __future__ import annotations

import hashlib
import io
import json
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
from warcio.archiveiterator import ArchiveIterator

from data.export import ExportError, export_alert
from data.store import Store
from repmon.config import Settings
from repmon.profile import Profile
from spiders.capture import capture_url
from spiders.recapture import recapture_flagged
from spiders.safefetch import AddressGuard

from tests.evidence.conftest import FORUM_POST, must
from tests.localweb import LocalWeb
from tests.paths import REPO


def open_zip(path: Path) -> dict[str, bytes]:
    with zipfile.ZipFile(path) as bundle:
        return {name: bundle.read(name) for name in bundle.namelist()}


def responses(warc: bytes) -> list:
    out = []
    for record in ArchiveIterator(io.BytesIO(warc), check_digests=True):
        if record.rec_type == "response":
            body = record.content_stream().read()
            out.append((record.rec_headers.get_header("WARC-Record-ID"), hashlib.sha256(body).hexdigest(),
                        record.rec_headers.get_header("WARC-Target-URI")))
    return out


@pytest.fixture
def reported(site: LocalWeb, ev_settings: Settings, ev_store: Store, profile: Profile, guard: AddressGuard):
    url = site.page("/t/55", FORUM_POST)
    return capture_url(ev_settings, ev_store, profile, url, actor="j.jones", guard=guard)


def test_the_export_holds_the_warc_metadata_readme_and_a_manifest(reported, ev_settings, ev_store, tmp_path):
    result = export_alert(ev_settings, ev_store, reported.alert_id, tmp_path / "out" / "a.zip", actor="head")
    files = open_zip(result.path)
    assert set(files) == {"evidence.warc.gz", "metadata.json", "README.txt", "manifest-sha256.txt"}
    assert result.sha256 == hashlib.sha256(result.path.read_bytes()).hexdigest() and not result.problems


def test_the_manifest_is_sha256sum_format_and_matches_every_file(reported, ev_settings, ev_store, tmp_path):
    files = open_zip(export_alert(ev_settings, ev_store, reported.alert_id, tmp_path / "a.zip").path)
    lines = files["manifest-sha256.txt"].decode().splitlines()
    listed = {line.split("  ", 1)[1]: line.split("  ", 1)[0] for line in lines}
    assert listed == {name: hashlib.sha256(data).hexdigest() for name, data in files.items()
                      if name != "manifest-sha256.txt"}


def test_the_exported_warc_records_are_byte_copies_whose_hashes_match_the_store(
        reported, ev_settings, ev_store, tmp_path):
    files = open_zip(export_alert(ev_settings, ev_store, reported.alert_id, tmp_path / "a.zip").path)
    row = ev_store.get_evidence(must(reported.evidence_id))
    assert responses(files["evidence.warc.gz"]) == [(row["warc_record_id"], row["sha256"], row["url"])]
    original = Path(row["warc_path"]).read_bytes()
    meta = json.loads(files["metadata.json"])["warc_records"][0]
    exported = files["evidence.warc.gz"][meta["offset_in_export"]:]
    assert original[row["warc_offset"]:row["warc_offset"] + len(exported)] == exported


def test_the_metadata_holds_the_url_item_findings_history_and_hashes(reported, ev_settings, ev_store, tmp_path):
    meta = json.loads(open_zip(export_alert(ev_settings, ev_store, reported.alert_id, tmp_path / "a.zip",
                                            actor="head").path)["metadata.json"])
    assert meta["item"]["url"] == reported.url and "stole money" in meta["item"]["text"]
    assert meta["findings"][0]["severity"] == "high"
    assert [e["action"] for e in meta["alert_history"]][:2] == ["opened", "reported"]
    assert meta["warc_records"][0]["sha256"] == reported.sha256 and meta["warc_records"][0]["verified"]
    assert meta["export"]["created_by"] == "head"


def test_recaptures_are_in_the_export_too(reported, site: LocalWeb, ev_settings, ev_store, guard, tmp_path):
    site.page("/t/55", FORUM_POST.replace("a thief", "dishonest"))
    recapture_flagged(ev_settings, ev_store, guard=guard)
    files = open_zip(export_alert(ev_settings, ev_store, reported.alert_id, tmp_path / "a.zip").path)
    assert len(responses(files["evidence.warc.gz"])) == 2
    assert [c["reason"] for c in json.loads(files["metadata.json"])["captures"]] == ["reported", "recapture"]


def test_the_export_is_in_the_alerts_history(reported, ev_settings, ev_store, tmp_path):
    result = export_alert(ev_settings, ev_store, reported.alert_id, tmp_path / "a.zip", actor="head")
    event = ev_store.alert_events(reported.alert_id)[-1]
    assert (event["actor"], event["action"], event["detail"]["sha256"]) == ("head", "evidence_exported", result.sha256)


def test_a_changed_warc_file_is_reported_not_hidden(reported, ev_settings, ev_store, tmp_path):
    row = ev_store.get_evidence(must(reported.evidence_id))
    data = bytearray(Path(row["warc_path"]).read_bytes())
    data[-40] ^= 0xFF
    Path(row["warc_path"]).write_bytes(bytes(data))
    result = export_alert(ev_settings, ev_store, reported.alert_id, tmp_path / "a.zip")
    assert result.problems and f"evidence {row['id']}" in result.problems[0]
    assert "PROBLEMS FOUND" in open_zip(result.path)["README.txt"].decode()


def test_an_export_never_replaces_a_file(reported, ev_settings, ev_store, tmp_path):
    (tmp_path / "a.zip").write_bytes(b"keep")
    with pytest.raises(ExportError, match="already exists"):
        export_alert(ev_settings, ev_store, reported.alert_id, tmp_path / "a.zip")
    assert (tmp_path / "a.zip").read_bytes() == b"keep"


def test_an_unknown_alert_is_a_clear_error(ev_settings, ev_store, tmp_path):
    with pytest.raises(ExportError, match="there is no alert 99"):
        export_alert(ev_settings, ev_store, 99, tmp_path / "a.zip")


def test_the_evidence_export_of_a_demo_alert_is_a_valid_warc_with_matching_hashes(tmp_path: Path):
    """Done-when of issue 4: run the demo, export one of its alerts with the command, check it with warcio."""
    workdir = tmp_path / "demo"
    demo = subprocess.run([sys.executable, "-m", "repmon", "demo", "--workdir", str(workdir)],
                          capture_output=True, text=True, cwd=REPO, timeout=300)
    assert demo.returncode == 0, demo.stderr
    store = Store.open(workdir / "repmon.db")
    try:
        alert = next(a for a in store.alerts() if a["url"].endswith("/forum/t/101.html"))
        row = must(store.get_evidence(alert["evidence_id"]))
    finally:
        store.close()
    out = tmp_path / "alert.zip"
    export = subprocess.run([sys.executable, "-m", "repmon", "--config", str(workdir / "repmon.toml"), "evidence",
                             "export", str(alert["id"]), "--output", str(out)],
                            capture_output=True, text=True, cwd=REPO, timeout=120)
    assert export.returncode == 0, export.stderr
    files = open_zip(out)
    assert (row["warc_record_id"], row["sha256"], row["url"]) in responses(files["evidence.warc.gz"])
    for line in files["manifest-sha256.txt"].decode().splitlines():
        digest, name = line.split("  ", 1)
        assert hashlib.sha256(files[name]).hexdigest() == digest
