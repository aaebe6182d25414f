"""Optional RFC 3161 timestamps from a time-stamping authority, checked against a real local TSA."""

from __future__ import annotations

import zipfile
import shutil
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner

from data import evidence_log
from data.export import export_alert
from data.timestamp import TimestampError, request_token, verify_token
from repmon.cli import cli
from spiders.capture import capture_url

from tests.evidence.conftest import FORUM_POST, must
from tests.localweb import LocalWeb
from tests.evidence.tsa import LocalTSA, make_ca
from tests.paths import EXAMPLE_PROFILE

HASH = "8da38bf23333144a2a00cdecf59c94027ef32ffde6126af20fe9ce62875ca420"


@pytest.fixture
def tsa() -> Iterator[LocalTSA]:
    authority = LocalTSA()
    yield authority
    authority.close()


def test_a_token_covers_the_hash_and_checks_out(tsa: LocalTSA, tmp_path: Path):
    token, info = request_token(tsa.url, HASH, timeout=10, ca_file=str(tsa.ca_pem(tmp_path)))
    assert info.tsa.endswith("CN=repmon test TSA") or "repmon test TSA" in info.tsa
    assert verify_token(token, HASH).serial == info.serial


def test_a_token_does_not_vouch_for_another_hash(tsa: LocalTSA):
    token, _ = request_token(tsa.url, HASH, timeout=10)
    with pytest.raises(TimestampError, match="another hash"):
        verify_token(token, "0" * 64)


def test_a_token_whose_signature_was_altered_is_refused(tsa: LocalTSA):
    token, _ = request_token(tsa.url, HASH, timeout=10)
    forged = bytearray(token)
    forged[-10] ^= 0x01  # inside the signature, the last field of the token
    with pytest.raises(TimestampError):
        verify_token(bytes(forged), HASH)


def test_a_token_from_an_authority_outside_the_trusted_ca_is_refused(tsa: LocalTSA, tmp_path: Path):
    token, _ = request_token(tsa.url, HASH, timeout=10)
    from cryptography.hazmat.primitives import serialization

    other = tmp_path / "other-ca.pem"
    other.write_bytes(make_ca("someone else")[1].public_bytes(serialization.Encoding.PEM))
    with pytest.raises(TimestampError, match="was not issued"):
        verify_token(token, HASH, ca_file=str(other))


def test_a_token_that_does_not_name_its_signing_certificate_is_refused(tsa: LocalTSA):
    tsa.name_certificate = False
    with pytest.raises(TimestampError, match="does not name its signing certificate"):
        request_token(tsa.url, HASH, timeout=10)


def test_a_refusal_from_the_authority_is_an_error(tsa: LocalTSA):
    tsa.refuse = True
    with pytest.raises(TimestampError, match="refused.*test refusal"):
        request_token(tsa.url, HASH, timeout=10)


def test_each_new_capture_is_timestamped_and_the_token_exported(tsa: LocalTSA, site: LocalWeb, ev_settings, ev_store,
                                                                  profile, guard, tmp_path: Path):
    settings = ev_settings.with_overrides({"evidence.tsa_url": tsa.url, "evidence.tsa_ca_file": str(tsa.ca_pem(tmp_path))})
    result = capture_url(settings, ev_store, profile, site.page("/t/55", FORUM_POST), actor="j.jones", guard=guard)
    stamps = evidence_log.timestamps_for(ev_store, "evidence", [must(result.evidence_id)])
    assert len(stamps) == 1 and stamps[0]["sha256"] == result.sha256
    verify_token(bytes(stamps[0]["token"]), must(result.sha256), ca_file=settings["evidence.tsa_ca_file"])
    export = export_alert(settings, ev_store, result.alert_id, tmp_path / "a.zip")
    with zipfile.ZipFile(export.path) as bundle:
        tokens = [n for n in bundle.namelist() if n.startswith("timestamps/")]
        assert len(tokens) == 1 and bundle.read(tokens[0]) == bytes(stamps[0]["token"])


def test_an_unreachable_authority_does_not_lose_the_capture(site: LocalWeb, ev_settings, ev_store, profile, guard):
    settings = ev_settings.with_overrides({"evidence.tsa_url": "http://127.0.0.1:9/tsa", "evidence.timeout": 2})
    result = capture_url(settings, ev_store, profile, site.page("/t/55", FORUM_POST), actor="j.jones", guard=guard)
    assert result.evidence_id is not None and any("no timestamp" in w for w in result.warnings)


def test_repmon_evidence_verify_checks_records_and_tokens(tsa: LocalTSA, site: LocalWeb, tmp_path: Path,
                                                          monkeypatch: pytest.MonkeyPatch):
    monkeypatch.chdir(tmp_path)
    config = tmp_path / "repmon.toml"
    config.write_text(f'[profile]\npath = "{EXAMPLE_PROFILE}"\n[store]\ndb_path = "{tmp_path / "r.db"}"\n'
                      f'evidence_dir = "{tmp_path / "ev"}"\n[evidence]\nscreenshots = false\n'
                      f'allow_networks = ["127.0.0.1/32"]\ntsa_url = "{tsa.url}"\n', encoding="utf-8")
    runner = CliRunner()
    captured = runner.invoke(cli, ["--config", str(config), "capture", site.page("/t/55", FORUM_POST),
                                   "--actor", "j.jones"], obj={})
    assert captured.exit_code == 0, captured.output
    verified = runner.invoke(cli, ["--config", str(config), "evidence", "verify"], obj={})
    assert verified.exit_code == 0 and "1 WARC records" in verified.output and "1 timestamps: all match" in verified.output
    warc = next((tmp_path / "ev").glob("*.warc.gz"))
    data = bytearray(warc.read_bytes())
    data[-40] ^= 0xFF
    warc.write_bytes(bytes(data))
    broken = runner.invoke(cli, ["--config", str(config), "evidence", "verify"], obj={})
    assert broken.exit_code == 1 and "PROBLEM: evidence 1" in broken.output


@pytest.mark.skipif(shutil.which("openssl") is None, reason="openssl is not installed")
def test_openssl_verifies_an_exported_token_as_docs_evidence_md_says(tsa: LocalTSA, tmp_path: Path):
    token, _ = request_token(tsa.url, HASH, timeout=10)
    (tmp_path / "t.tsr").write_bytes(token)
    proc = subprocess.run(["openssl", "ts", "-verify", "-digest", HASH, "-in", str(tmp_path / "t.tsr"), "-token_in",
                           "-CAfile", str(tsa.ca_pem(tmp_path))], capture_output=True, text=True, timeout=60)
    assert proc.returncode == 0 and "Verification: OK" in proc.stdout, proc.stderr
