"""A real RFC 3161 time-stamping authority on 127.0.0.1, built for the tests with cryptography and asn1crypto."""

from __future__ import annotations

import datetime as dt
import hashlib
import http.server
import threading
from pathlib import Path

from asn1crypto import algos, cms, core, tsp
from asn1crypto import x509 as asn1_x509
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import padding, rsa
from cryptography.x509.oid import ExtendedKeyUsageOID, NameOID

TSA_POLICY = "1.3.6.1.4.1.99999.1"  # a private-arc policy id for the test authority


def _name(common: str) -> x509.Name:
    return x509.Name([x509.NameAttribute(NameOID.ORGANIZATION_NAME, "repmon test"),
                      x509.NameAttribute(NameOID.COMMON_NAME, common)])


def make_ca(common: str = "repmon test root") -> tuple[rsa.RSAPrivateKey, x509.Certificate]:
    key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    now = dt.datetime.now(dt.UTC)
    cert = (x509.CertificateBuilder().subject_name(_name(common)).issuer_name(_name(common))
            .public_key(key.public_key()).serial_number(x509.random_serial_number())
            .not_valid_before(now - dt.timedelta(days=1)).not_valid_after(now + dt.timedelta(days=30))
            .add_extension(x509.BasicConstraints(ca=True, path_length=0), critical=True)
            .sign(key, hashes.SHA256()))
    return key, cert


class LocalTSA:
    """Answers TimeStampReq POSTs with signed tokens; ``refuse`` makes it answer 'rejection'."""

    def __init__(self) -> None:
        self.ca_key, self.ca_cert = make_ca()
        self.key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
        now = dt.datetime.now(dt.UTC)
        self.cert = (x509.CertificateBuilder().subject_name(_name("repmon test TSA")).issuer_name(self.ca_cert.subject)
                     .public_key(self.key.public_key()).serial_number(x509.random_serial_number())
                     .not_valid_before(now - dt.timedelta(days=1)).not_valid_after(now + dt.timedelta(days=30))
                     .add_extension(x509.ExtendedKeyUsage([ExtendedKeyUsageOID.TIME_STAMPING]), critical=True)
                     .sign(self.ca_key, hashes.SHA256()))
        self.requests = 0
        self.refuse = False
        self.name_certificate = True   # False: leave out the ESS signing-certificate attribute (RFC 5816)
        self.serial = 0
        tsa = self

        class Handler(http.server.BaseHTTPRequestHandler):
            def log_message(self, *args: object) -> None:
                pass

            def do_POST(self) -> None:
                body = self.rfile.read(int(self.headers.get("Content-Length", "0")))
                tsa.requests += 1
                reply = tsa.answer(body)
                self.send_response(200)
                self.send_header("Content-Type", "application/timestamp-reply")
                self.send_header("Content-Length", str(len(reply)))
                self.end_headers()
                self.wfile.write(reply)

        self._httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self._httpd.server_address[1]}/tsa"
        threading.Thread(target=self._httpd.serve_forever, daemon=True).start()

    def ca_pem(self, folder: Path) -> Path:
        path = folder / "tsa-ca.pem"
        path.write_bytes(self.ca_cert.public_bytes(serialization.Encoding.PEM))
        return path

    def answer(self, der: bytes) -> bytes:
        if self.refuse:
            status = tsp.PKIStatusInfo({"status": "rejection", "status_string": ["test refusal"]}).dump()
            return core.Sequence.load(b"\x30" + bytes([len(status)]) + status).dump()  # no token: RFC 3161 §2.4.2
        request = tsp.TimeStampReq.load(der)
        self.serial += 1
        tst = tsp.TSTInfo({
            "version": 1, "policy": TSA_POLICY, "message_imprint": request["message_imprint"],
            "serial_number": self.serial, "gen_time": dt.datetime.now(dt.UTC).replace(microsecond=0),
            "nonce": request["nonce"].native,
        })
        tst_der = tst.dump()
        cert = asn1_x509.Certificate.load(self.cert.public_bytes(serialization.Encoding.DER))
        signed_attrs = cms.CMSAttributes([
            cms.CMSAttribute({"type": "content_type", "values": ["tst_info"]}),
            cms.CMSAttribute({"type": "message_digest", "values": [hashlib.sha256(tst_der).digest()]}),
        ] + ([cms.CMSAttribute({"type": "signing_certificate_v2", "values": [
            {"certs": [{"cert_hash": hashlib.sha256(cert.dump()).digest()}]}]})] if self.name_certificate else []))
        signature = self.key.sign(signed_attrs.dump(), padding.PKCS1v15(), hashes.SHA256())
        signer = cms.SignerInfo({
            "version": "v1",
            "sid": cms.SignerIdentifier({"issuer_and_serial_number": cms.IssuerAndSerialNumber(
                {"issuer": cert.issuer, "serial_number": cert.serial_number})}),
            "digest_algorithm": algos.DigestAlgorithm({"algorithm": "sha256"}),
            "signed_attrs": signed_attrs,
            "signature_algorithm": algos.SignedDigestAlgorithm({"algorithm": "rsassa_pkcs1v15"}),
            "signature": signature,
        })
        signed = cms.SignedData({
            "version": "v3",
            "digest_algorithms": [algos.DigestAlgorithm({"algorithm": "sha256"})],
            "encap_content_info": {"content_type": "tst_info", "content": core.ParsableOctetString(tst_der)},
            "certificates": [cert] if request["cert_req"].native else [],
            "signer_infos": [signer],
        })
        token = cms.ContentInfo({"content_type": "signed_data", "content": signed})
        return tsp.TimeStampResp({"status": {"status": "granted"}, "time_stamp_token": token}).dump()

    def close(self) -> None:
        self._httpd.shutdown()
        self._httpd.server_close()
