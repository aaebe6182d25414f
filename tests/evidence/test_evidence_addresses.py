"""`repmon capture` never reaches the school's own network: addresses are checked after DNS and on every redirect."""

from __future__ import annotations

import socket
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from repmon.cli import cli
from repmon.errors import ConfigError
from spiders.safefetch import AddressGuard, FetchFailed, FetchRefused, fetch, is_public

from tests.evidence.conftest import FORUM_POST, fake_resolver
from tests.localweb import LocalWeb, Route
from tests.paths import EXAMPLE_PROFILE

LIMITS: dict[str, Any] = {"user_agent": "repmon-test", "timeout": 5.0, "max_bytes": 1_000_000, "max_redirects": 5}


@pytest.mark.parametrize("address", ["10.1.2.3", "172.16.0.1", "192.168.0.10", "127.0.0.1", "127.8.8.8",
                                     "169.254.169.254", "100.64.0.1", "0.0.0.0", "224.0.0.1", "240.0.0.1",
                                     "::1", "fe80::1", "fc00::1", "::ffff:10.0.0.1", "2002:0a00:0001::1"])
def test_addresses_inside_a_network_are_not_public(address):
    assert not is_public(address)


@pytest.mark.parametrize("address", ["93.184.216.34", "8.8.8.8", "2606:4700:4700::1111"])
def test_internet_addresses_are_public(address):
    assert is_public(address)


@pytest.mark.parametrize(("host", "shown"), [
    ("intranet.example.org", "10.20.0.5"),
    ("metadata.example.org", "169.254.169.254"),
    ("loopback.example.org", "127.0.0.1"),
    ("mixed.example.org", "192.168.1.20"),
    ("mapped.example.org", "::ffff:10.0.0.1"),
])
def test_a_name_that_resolves_inside_a_network_is_refused(host, shown):
    guard = AddressGuard([], fake_resolver)
    with pytest.raises(FetchRefused, match=shown.replace(".", r"\.")) as refused:
        fetch(f"http://{host}/page", guard=guard, **LIMITS)
    assert "evidence.allow_networks" in str(refused.value)


def test_a_name_resolving_to_the_allowed_test_server_is_fetched(site: LocalWeb, guard: AddressGuard):
    site.page("/t/1", FORUM_POST)
    got = fetch(f"http://forum.example.org:{site.port}/t/1", guard=guard, **LIMITS)
    assert got.status == 200 and b"stole money" in got.body and got.address == "127.0.0.1"


def test_the_name_is_resolved_once_and_the_checked_address_is_the_one_connected(site: LocalWeb):
    answers = iter([["127.0.0.1"], ["10.0.0.7"]])  # a name re-pointed after the check must not matter
    calls = []

    def rebinding(host: str, port: int) -> list[str]:
        calls.append(host)
        return next(answers)

    site.page("/t/1", FORUM_POST)
    got = fetch(f"http://rebind.example.org:{site.port}/t/1", guard=AddressGuard(["127.0.0.1/32"], rebinding), **LIMITS)
    assert got.status == 200 and calls == ["rebind.example.org"]


@pytest.mark.parametrize("target", ["http://metadata.example.org/latest/meta-data/",
                                    "http://intranet.example.org/admin", "http://127.0.0.2/", "http://[::1]/"])
def test_a_redirect_into_a_network_is_refused_before_it_is_followed(site: LocalWeb, guard: AddressGuard, target):
    url = site.redirect("/go", target)
    with pytest.raises(FetchRefused, match="private, loopback, link-local or reserved"):
        fetch(url, guard=guard, **LIMITS)
    assert site.hits == ["/go"]


def test_a_redirect_to_another_scheme_is_refused(site: LocalWeb, guard: AddressGuard):
    url = site.redirect("/go", "file:///etc/passwd")
    with pytest.raises(FetchRefused, match="only http and https"):
        fetch(url, guard=guard, **LIMITS)


def test_redirects_inside_the_allowed_server_are_followed_and_recorded(site: LocalWeb, guard: AddressGuard):
    site.page("/t/1", FORUM_POST)
    site.redirect("/b", "/t/1", 301)
    url = site.redirect("/a", site.base + "/b", 302)
    got = fetch(url, guard=guard, **LIMITS)
    assert got.final_url == site.base + "/t/1"
    assert got.chain == [(site.base + "/a", 302), (site.base + "/b", 301)]


def test_too_many_redirects_are_refused(site: LocalWeb, guard: AddressGuard):
    url = site.redirect("/loop", "/loop")
    with pytest.raises(FetchFailed, match="more than 5 redirects"):
        fetch(url, guard=guard, **LIMITS)


@pytest.mark.parametrize("url", ["file:///etc/passwd", "ftp://example.org/x", "gopher://example.org/",
                                 "javascript:alert(1)", "example.org/no-scheme"])
def test_only_http_and_https_are_fetched(guard: AddressGuard, url):
    with pytest.raises(FetchRefused, match="only http and https"):
        fetch(url, guard=guard, **LIMITS)


def test_a_body_over_the_cap_is_refused_not_cut(site: LocalWeb, guard: AddressGuard):
    site.page("/big", "<p>" + "x" * 5000 + "</p>")
    with pytest.raises(FetchFailed, match="max_body_bytes"):
        fetch(site.base + "/big", guard=guard, **{**LIMITS, "max_bytes": 1000})


def test_images_are_never_downloaded(site: LocalWeb, guard: AddressGuard):
    site.routes["/p.png"] = Route(200, b"\x89PNG fake image bytes", {"Content-Type": "image/png"})
    got = fetch(site.base + "/p.png", guard=guard, **LIMITS)
    assert got.media_not_downloaded and got.body == b""


def test_a_server_that_never_answers_times_out(guard: AddressGuard):
    silent = socket.socket()
    silent.bind(("127.0.0.1", 0))
    silent.listen(1)  # accepts the connection, never answers
    try:
        with pytest.raises(FetchFailed):
            fetch(f"http://127.0.0.1:{silent.getsockname()[1]}/", guard=guard, **{**LIMITS, "timeout": 0.3})
    finally:
        silent.close()


def test_a_bad_allowed_network_names_the_setting():
    with pytest.raises(ConfigError, match="evidence.allow_networks.*CIDR"):
        AddressGuard(["the office"])


@pytest.mark.parametrize("url", ["http://169.254.169.254/latest/meta-data/", "http://10.1.2.3/", "http://127.0.0.1:9/",
                                 "file:///etc/passwd"])
def test_repmon_capture_refuses_with_a_clear_message_and_exit_1(tmp_path: Path, monkeypatch, url):
    monkeypatch.chdir(tmp_path)
    config = tmp_path / "repmon.toml"
    config.write_text(f'[profile]\npath = "{EXAMPLE_PROFILE}"\n[store]\ndb_path = "{tmp_path / "r.db"}"\nevidence_dir = "{tmp_path / "ev"}"\n'
                      '[evidence]\nscreenshots = false\n', encoding="utf-8")
    result = CliRunner().invoke(cli, ["--config", str(config), "capture", url, "--actor", "j.jones"], obj={})
    assert result.exit_code == 1
    assert result.output.startswith("Error: ") and ("only http and https" in result.output
                                                    or "evidence.allow_networks" in result.output)
    assert "Traceback" not in result.output


def _tls_server(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, name: str):
    """An HTTPS server on 127.0.0.1 with a certificate for ``name`` from a CA this test trusts."""
    import datetime as dt
    import http.server
    import ssl
    import threading

    from cryptography import x509
    from cryptography.hazmat.primitives import hashes, serialization
    from cryptography.hazmat.primitives.asymmetric import ec
    from cryptography.x509.oid import NameOID

    from tests.evidence.tsa import make_ca

    ca_key, ca_cert = make_ca("repmon test TLS root")
    key = ec.generate_private_key(ec.SECP256R1())
    now = dt.datetime.now(dt.UTC)
    cert = (x509.CertificateBuilder().subject_name(x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, name)]))
            .issuer_name(ca_cert.subject).public_key(key.public_key()).serial_number(x509.random_serial_number())
            .not_valid_before(now - dt.timedelta(days=1)).not_valid_after(now + dt.timedelta(days=2))
            .add_extension(x509.SubjectAlternativeName([x509.DNSName(name)]), critical=False)
            .sign(ca_key, hashes.SHA256()))
    (tmp_path / "ca.pem").write_bytes(ca_cert.public_bytes(serialization.Encoding.PEM))
    (tmp_path / "cert.pem").write_bytes(cert.public_bytes(serialization.Encoding.PEM))
    (tmp_path / "key.pem").write_bytes(key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8,
                                                         serialization.NoEncryption()))
    monkeypatch.setenv("SSL_CERT_FILE", str(tmp_path / "ca.pem"))

    class Handler(http.server.BaseHTTPRequestHandler):
        def log_message(self, *args: object) -> None:
            pass

        def do_GET(self) -> None:
            body = FORUM_POST.encode()
            self.send_response(200)
            self.send_header("Content-Type", "text/html")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    context.load_cert_chain(tmp_path / "cert.pem", tmp_path / "key.pem")
    httpd.socket = context.wrap_socket(httpd.socket, server_side=True)
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    return httpd


def test_https_connects_to_the_checked_address_and_still_checks_the_certificate_name(tmp_path: Path,
                                                                                    monkeypatch: pytest.MonkeyPatch):
    httpd = _tls_server(tmp_path, monkeypatch, "forum.example.org")
    port = httpd.server_address[1]
    guard = AddressGuard(["127.0.0.1/32"], fake_resolver)
    try:
        got = fetch(f"https://forum.example.org:{port}/t/1", guard=guard, **LIMITS)
        assert got.status == 200 and b"stole money" in got.body
        names = {"other.example.org": ["127.0.0.1"]}
        other = AddressGuard(["127.0.0.1/32"], lambda host, p: names[host])
        with pytest.raises(FetchFailed):  # the certificate is for forum.example.org, not other.example.org
            fetch(f"https://other.example.org:{port}/t/1", guard=other, **LIMITS)
    finally:
        httpd.shutdown()
        httpd.server_close()
