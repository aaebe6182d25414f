"""RFC 3161 timestamps: a time-stamping authority (TSA) signs "this hash existed at this time".

Optional: when ``evidence.tsa_url`` is set, each new evidence hash and each
screenshot hash is sent to the TSA (only the SHA-256, never the content),
and the signed token it returns is kept in ``evidence_timestamps``. Anyone
can later check a token against the hash with :func:`verify_token` (or
``openssl ts -verify``; see docs/evidence.md).
"""

from __future__ import annotations

import hashlib
import secrets
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

import urllib3
from asn1crypto import cms, core, tsp
from cryptography import x509
from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.asymmetric import ec, padding, rsa
from cryptography.x509.oid import ExtendedKeyUsageOID

from data import evidence_log
from data.store import Store
from repmon import clock
from repmon.errors import RepmonError

_HASHES: dict[str, Callable[[], hashes.HashAlgorithm]] = {
    "sha256": hashes.SHA256, "sha384": hashes.SHA384, "sha512": hashes.SHA512, "sha1": hashes.SHA1}


class _Reply(core.Sequence):
    """TimeStampResp as RFC 3161 has it: the token is absent when the authority refuses."""

    _fields = [("status", tsp.PKIStatusInfo), ("time_stamp_token", cms.ContentInfo, {"optional": True})]


class TimestampError(RepmonError):
    """A timestamp could not be had from the TSA, or a token does not check out."""


@dataclass(frozen=True)
class TimestampInfo:
    gen_time: str       # ISO 8601 UTC, as the TSA signed it
    serial: str         # the TSA's serial number of the token
    tsa: str            # the signing certificate's subject
    policy: str


def build_request(sha256_hex: str, nonce: int) -> bytes:
    """A DER TimeStampReq for a SHA-256 hash, asking for the TSA's certificate in the reply."""
    return tsp.TimeStampReq({
        "version": 1,
        "message_imprint": {"hash_algorithm": {"algorithm": "sha256"}, "hashed_message": bytes.fromhex(sha256_hex)},
        "nonce": nonce,
        "cert_req": True,
    }).dump()


def request_token(tsa_url: str, sha256_hex: str, *, timeout: float, ca_file: str = "") -> tuple[bytes, TimestampInfo]:
    """Ask the TSA to timestamp a hash; return (token DER, what it says) after verifying it."""
    nonce = secrets.randbits(63)
    http = urllib3.PoolManager(timeout=urllib3.Timeout(connect=min(timeout, 15.0), read=timeout), retries=False)
    try:
        reply = http.request("POST", tsa_url, body=build_request(sha256_hex, nonce),
                             headers={"Content-Type": "application/timestamp-query"})
    except urllib3.exceptions.HTTPError as exc:
        raise TimestampError(f"evidence.tsa_url {tsa_url}: no answer ({exc}). Check the address, "
                             "or clear evidence.tsa_url to stop asking for timestamps.") from None
    finally:
        http.clear()
    if reply.status != 200:
        raise TimestampError(f"evidence.tsa_url {tsa_url}: the time-stamping authority answered HTTP {reply.status}.")
    try:
        response = _Reply.load(reply.data)
        status = response["status"]["status"].native
        text = response["status"]["status_string"].native
        token = response["time_stamp_token"]
    except (ValueError, TypeError, KeyError) as exc:
        raise TimestampError(f"evidence.tsa_url {tsa_url}: the answer is not an RFC 3161 reply ({exc}).") from None
    if status not in ("granted", "granted_with_mods") or isinstance(token, core.Void):
        raise TimestampError(f"evidence.tsa_url {tsa_url}: the authority refused ({status}"
                             + (f": {'; '.join(text)}" if text else "") + ").")
    der = token.dump()
    return der, verify_token(der, sha256_hex, nonce=nonce, ca_file=ca_file)


def _load_cas(ca_file: str) -> list[x509.Certificate]:
    try:
        return x509.load_pem_x509_certificates(Path(ca_file).read_bytes())
    except (OSError, ValueError) as exc:
        raise TimestampError(f"evidence.tsa_ca_file {ca_file}: cannot read certificates ({exc}).") from None


def verify_token(token: bytes, sha256_hex: str, *, nonce: int | None = None, ca_file: str = "") -> TimestampInfo:
    """Check an RFC 3161 token: it covers this SHA-256, its signature is good, its certificate is a TSA's
    (and, with ``ca_file``, issued by one of those certificates). Returns what it says; TimestampError if not."""
    try:
        info = cms.ContentInfo.load(token)
        if info["content_type"].native != "signed_data":
            raise TimestampError("the token is not CMS signed data.")
        signed = info["content"]
        encap = signed["encap_content_info"]
        if encap["content_type"].native != "tst_info":
            raise TimestampError("the token does not hold timestamp information (TSTInfo).")
        tst_der = encap["content"].contents
        tst = tsp.TSTInfo.load(tst_der)
        imprint = tst["message_imprint"]
        if imprint["hash_algorithm"]["algorithm"].native != "sha256" or \
                imprint["hashed_message"].native != bytes.fromhex(sha256_hex):
            raise TimestampError("the token is for another hash than this evidence's SHA-256.")
        if nonce is not None and tst["nonce"].native != nonce:
            raise TimestampError("the token's nonce is not the one asked for (a replayed answer?).")
        signer = signed["signer_infos"][0]
        certificate = _signer_certificate(signed, signer)
        _check_signature(signer, tst_der, certificate)
        gen_time: datetime = tst["gen_time"].native
        if not (certificate.not_valid_before_utc <= gen_time <= certificate.not_valid_after_utc):
            raise TimestampError("the TSA certificate was not valid at the token's time.")
        try:
            usage = certificate.extensions.get_extension_for_class(x509.ExtendedKeyUsage).value
        except x509.ExtensionNotFound:
            usage = None
        if usage is None or ExtendedKeyUsageOID.TIME_STAMPING not in usage:
            raise TimestampError("the signing certificate is not a time-stamping certificate.")
        if ca_file:
            if not any(_issued_by(certificate, ca) for ca in _load_cas(ca_file)):
                raise TimestampError(f"the TSA certificate ({certificate.subject.rfc4514_string()}) was not issued "
                                     f"by a certificate in {ca_file} (evidence.tsa_ca_file).")
        return TimestampInfo(gen_time=clock.iso(gen_time), serial=str(tst["serial_number"].native),
                             tsa=certificate.subject.rfc4514_string(), policy=str(tst["policy"].native))
    except TimestampError:
        raise
    except (ValueError, TypeError, KeyError, IndexError, AttributeError) as exc:
        raise TimestampError(f"the token cannot be read ({type(exc).__name__}: {exc}).") from None


def _issued_by(certificate: x509.Certificate, ca: x509.Certificate) -> bool:
    try:
        certificate.verify_directly_issued_by(ca)
        return True
    except (ValueError, TypeError, InvalidSignature):
        return False


def _signer_certificate(signed: Any, signer: Any) -> x509.Certificate:
    sid = signer["sid"]
    for choice in signed["certificates"] or []:
        if choice.name != "certificate":
            continue
        cert = choice.chosen
        if sid.name == "issuer_and_serial_number":
            match = (cert.issuer == sid.chosen["issuer"] and cert.serial_number == sid.chosen["serial_number"].native)
        else:
            match = cert.key_identifier == sid.chosen.native
        if match:
            return x509.load_der_x509_certificate(cert.dump())
    raise TimestampError("the token does not carry the TSA's certificate.")


def _check_signature(signer: Any, tst_der: bytes, certificate: x509.Certificate) -> None:
    digest_name = signer["digest_algorithm"]["algorithm"].native
    if digest_name not in _HASHES:
        raise TimestampError(f"the token uses an unsupported digest ({digest_name}).")
    hash_cls = _HASHES[digest_name]
    attrs = signer["signed_attrs"]
    if not attrs.native:
        raise TimestampError("the token has no signed attributes.")
    found = {a["type"].native: a["values"][0].native for a in attrs}
    if found.get("content_type") != "tst_info":
        raise TimestampError("the token's signed content type is not TSTInfo.")
    h = hashes.Hash(hash_cls())
    h.update(tst_der)
    if found.get("message_digest") != h.finalize():
        raise TimestampError("the token's timestamp information has been altered (message digest differs).")
    _check_signing_certificate(found, certificate)
    signed_bytes = b"\x31" + attrs.dump()[1:]  # signed over as a SET OF, not as the [0] IMPLICIT it is stored as
    signature = signer["signature"].native
    key = certificate.public_key()
    try:
        if isinstance(key, rsa.RSAPublicKey):
            key.verify(signature, signed_bytes, padding.PKCS1v15(), hash_cls())
        elif isinstance(key, ec.EllipticCurvePublicKey):
            key.verify(signature, signed_bytes, ec.ECDSA(hash_cls()))
        else:
            raise TimestampError("the TSA key type is not supported (RSA or EC expected).")
    except InvalidSignature:
        raise TimestampError("the token's signature does not match the TSA certificate.") from None


def _check_signing_certificate(found: dict[str, Any], certificate: x509.Certificate) -> None:
    """The signed ESS signing-certificate attribute (RFC 5816) must name the certificate that signed."""
    from cryptography.hazmat.primitives.serialization import Encoding

    der = certificate.public_bytes(Encoding.DER)
    if found.get("signing_certificate_v2"):
        first = found["signing_certificate_v2"]["certs"][0]
        name = (first.get("hash_algorithm") or {}).get("algorithm", "sha256")
        if name not in _HASHES:
            raise TimestampError(f"the token names its certificate with an unsupported hash ({name}).")
        h = hashes.Hash(_HASHES[name]())
    elif found.get("signing_certificate"):
        first = found["signing_certificate"]["certs"][0]
        h = hashes.Hash(hashes.SHA1())
    else:
        raise TimestampError("the token does not name its signing certificate (no ESS signing-certificate "
                             "attribute, RFC 3161 §2.4.1).")
    h.update(der)
    if first["cert_hash"] != h.finalize():
        raise TimestampError("the token's signing-certificate attribute names another certificate.")


def timestamp_if_configured(settings: Mapping[str, Any], store: Store, subject: str, subject_id: int,
                            sha256_hex: str) -> int | None:
    """Timestamp one hash when ``evidence.tsa_url`` is set; return the row id (None when not configured).

    Raises TimestampError when the TSA cannot be reached or its token does not check out: the capture
    itself is already kept, and the caller reports the missing timestamp.
    """
    tsa_url = str(settings["evidence.tsa_url"] or "").strip()
    if not tsa_url:
        return None
    token, info = request_token(tsa_url, sha256_hex, timeout=float(settings["evidence.timeout"]),
                                ca_file=str(settings["evidence.tsa_ca_file"] or ""))
    return evidence_log.add_timestamp(store, subject=subject, subject_id=subject_id, sha256=sha256_hex,
                                      tsa_url=tsa_url, gen_time=info.gen_time, serial=info.serial, token=token)


def sha256_file(path: str | Path) -> str:
    h = hashlib.sha256()
    with open(path, "rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            h.update(block)
    return h.hexdigest()
