"""Whom to send a takedown to: the platform table, or contacts found for an arbitrary site (takedown.md §5.3, §8.4).

For a platform in :mod:`.platforms` the recipient is its report route. For any
other site, in the order §8.4 gives:

1. the **site operator**: e-mail addresses (``mailto:`` links and addresses in
   the text) on its home, contact and about pages;
2. the **host**: the ``abuse`` entity in the RDAP answer for the site's IP
   address (a CDN such as Cloudflare: its web form instead, which forwards to
   the host);
3. the **registrar**: the ``abuse`` entity nested in the registrar entity of
   the domain's RDAP answer (for DNS abuse, or when the host cannot be reached);
4. ``/.well-known/security.txt`` ``Contact:`` (RFC 9116), only as a last resort.

Every contact records how it was found. Look-ups that fail are reported in the
result's ``problems`` and never stop the others. RDAP base URLs are settings
(``letters.rdap_domain_url``, ``letters.rdap_ip_url``). Bodies are capped and
parsed as data only.
"""

from __future__ import annotations

import json
import re
import socket
import urllib.error
import urllib.request
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import quote, urljoin, urlsplit

from alerts import excerpt
from alerts.letters.platforms import platform_of
from repmon import __version__
from repmon.config import Settings

MAX_BYTES = 512_000
CONTACT_PATHS = ("/contact", "/contact-us", "/about", "/about-us")
CDNS = {"cloudflare": "https://abuse.cloudflare.com/"}  # network names in RDAP -> the CDN's abuse web form
EMAIL = re.compile(r"(?<![\w.+-])[A-Za-z0-9][A-Za-z0-9._%+-]{0,63}@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,24}")
_IGNORE_EMAIL = re.compile(r"\.(png|jpe?g|gif|svg|webp)$", re.I)

Fetch = Callable[[str], tuple[int, str, bytes]]  # url -> (status, content type, body)
Resolve = Callable[[str], list[str]]            # host -> IP addresses


@dataclass(frozen=True)
class Contact:
    address: str  # an e-mail address or a web form URL
    kind: str     # "email" or "form"
    role: str     # "platform", "site operator", "host abuse", "CDN form", "registrar abuse", "security.txt"
    how: str      # how it was found (the page or RDAP query)


@dataclass
class Recipients:
    contacts: list[Contact] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)

    def first(self) -> Contact | None:
        return self.contacts[0] if self.contacts else None

    def add(self, contact: Contact) -> None:
        if all(c.address.lower() != contact.address.lower() or c.role != contact.role for c in self.contacts):
            self.contacts.append(contact)


def http_fetch(timeout: float) -> Fetch:
    """GET with a timeout, no proxies, a capped body; (status, content type, body); errors as OSError."""
    opener = urllib.request.build_opener(urllib.request.ProxyHandler({}))

    def fetch(url: str) -> tuple[int, str, bytes]:
        request = urllib.request.Request(url, headers={
            "User-Agent": f"repmon/{__version__} (takedown contact look-up)",
            "Accept": "application/rdap+json, application/json, text/html, text/plain;q=0.9"})
        try:
            with opener.open(request, timeout=timeout) as response:
                return int(response.status), response.headers.get("Content-Type", ""), response.read(MAX_BYTES)
        except urllib.error.HTTPError as exc:
            return int(exc.code), exc.headers.get("Content-Type", "") if exc.headers else "", exc.read(MAX_BYTES)

    return fetch


def dns_resolve(host: str) -> list[str]:
    infos = socket.getaddrinfo(host, None, proto=socket.IPPROTO_TCP)
    return list(dict.fromkeys(str(info[4][0]) for info in infos))


# ---- RDAP ---------------------------------------------------------------------------------------------

def _vcard_emails(entity: dict[str, Any]) -> list[str]:
    vcard = entity.get("vcardArray")
    if not (isinstance(vcard, list) and len(vcard) == 2 and isinstance(vcard[1], list)):
        return []
    out = []
    for prop in vcard[1]:
        if isinstance(prop, list) and len(prop) >= 4 and prop[0] == "email" and isinstance(prop[3], str):
            address = prop[3].strip().removeprefix("mailto:")
            if EMAIL.fullmatch(address):
                out.append(address)
    return out


def abuse_emails(rdap: dict[str, Any], within_role: str | None = None) -> list[str]:
    """E-mail addresses of ``abuse`` entities, walked recursively; with ``within_role``, only those nested in
    (or being) an entity of that role (the registrar, for a domain answer)."""
    found: list[str] = []

    def walk(node: dict[str, Any], inside: bool) -> None:
        for entity in node.get("entities") or []:
            if not isinstance(entity, dict):
                continue
            roles = entity.get("roles") or []
            now_inside = inside or within_role is None or within_role in roles
            if "abuse" in roles and now_inside:
                found.extend(_vcard_emails(entity))
            walk(entity, now_inside)

    walk(rdap, within_role is None)
    return list(dict.fromkeys(found))


def _rdap(fetch: Fetch, url: str, problems: list[str]) -> dict[str, Any] | None:
    try:
        status, _type, body = fetch(url)
    except (OSError, ValueError) as exc:
        problems.append(f"RDAP {url}: {excerpt.one_line(str(exc), 200)}")
        return None
    try:
        data = json.loads(body.decode("utf-8", "replace"))
    except ValueError:
        problems.append(f"RDAP {url}: HTTP {status}, not JSON")
        return None
    if status != 200 or not isinstance(data, dict) or "errorCode" in data:
        title = data.get("title") if isinstance(data, dict) else ""
        problems.append(f"RDAP {url}: HTTP {status} {excerpt.one_line(str(title or ''), 120)}".rstrip())
        return None
    return data


def _domains_to_try(host: str) -> list[str]:
    """Domains to ask RDAP about, longest first: ``www.forum.example.net`` -> ``forum.example.net``, ``example.net``."""
    labels = host.split(".")
    if len(labels) == 1:
        return [host]
    return [".".join(labels[i:]) for i in range(max(0, len(labels) - 3), len(labels) - 1)]


# ---- the site's own pages --------------------------------------------------------------------------------

def _page_emails(fetch: Fetch, url: str, problems: list[str]) -> tuple[list[str], list[str]]:
    """(e-mail addresses, links to contact/about pages) on a page."""
    try:
        status, content_type, body = fetch(url)
    except (OSError, ValueError) as exc:
        problems.append(f"{url}: {excerpt.one_line(str(exc), 200)}")
        return [], []
    if status != 200 or "html" not in content_type.lower() and "text" not in content_type.lower():
        return [], []
    text = body.decode("utf-8", "replace")
    emails = [m.group(0) for m in EMAIL.finditer(text.replace("&#64;", "@").replace("%40", "@"))]
    links = []
    for href in re.findall(r"""href\s*=\s*["']([^"'#]{1,500})["']""", text, re.I):
        if href.lower().startswith("mailto:"):
            emails.append(href[7:].split("?")[0])
        elif re.search(r"contact|about|cysylltu|amdanom", href, re.I):
            links.append(urljoin(url, href))
    return [e for e in dict.fromkeys(emails) if EMAIL.fullmatch(e) and not _IGNORE_EMAIL.search(e)], links


def _security_txt(fetch: Fetch, origin: str, problems: list[str]) -> list[str]:
    url = origin + "/.well-known/security.txt"
    try:
        status, _type, body = fetch(url)
    except (OSError, ValueError) as exc:
        problems.append(f"{url}: {excerpt.one_line(str(exc), 200)}")
        return []
    if status != 200:
        return []
    out = []
    for line in body.decode("utf-8", "replace").splitlines():
        name, _, value = line.partition(":")
        if name.strip().lower() == "contact" and value.strip():
            out.append(excerpt.one_line(value.strip(), 300))
    return out


def find_recipients(settings: Settings, url: str, source: str = "", *, fetch: Fetch | None = None,
                    resolve: Resolve | None = None) -> Recipients:
    """Where a takedown for ``url`` should go, best first, each with how it was found."""
    result = Recipients()
    platform = platform_of(source, url)
    if platform is not None and not platform.fediverse:
        result.add(Contact(platform.route, "form", "platform", f"platform table: {platform.name}"))
        return result
    parts = urlsplit(url)
    host = (parts.hostname or "").lower()
    if parts.scheme not in ("http", "https") or not host:
        result.problems.append(f"{excerpt.one_line(url, 200)} is not a web address; find the recipient by hand.")
        return result
    fetch = fetch or http_fetch(float(settings["letters.lookup_timeout"]))
    resolve = resolve or dns_resolve
    origin = f"{parts.scheme}://{parts.netloc}"

    # 1. the site operator
    emails, links = _page_emails(fetch, origin + "/", result.problems)
    pages = [origin + "/"]
    for page in list(dict.fromkeys([*links, *(origin + p for p in CONTACT_PATHS)]))[:6]:
        if urlsplit(page).hostname != parts.hostname:
            continue
        more, _ = _page_emails(fetch, page, result.problems)
        if more:
            emails += more
            pages.append(page)
    for email in dict.fromkeys(emails):
        result.add(Contact(email, "email", "site operator", f"the site's pages ({', '.join(pages[:3])})"))

    # 2. the host, from the IP address's RDAP abuse contact (or a CDN's form)
    try:
        addresses = resolve(host)
    except OSError as exc:
        addresses = []
        result.problems.append(f"cannot resolve {host}: {excerpt.one_line(str(exc), 120)}")
    for ip in addresses[:2]:
        query = str(settings["letters.rdap_ip_url"]) + quote(ip)
        answer = _rdap(fetch, query, result.problems)
        if answer is None:
            continue
        network = excerpt.one_line(str(answer.get("name") or ""), 120)
        cdn = next((form for name, form in CDNS.items() if name in network.lower()), None)
        if cdn:
            result.add(Contact(cdn, "form", "CDN form", f"RDAP {query}: network {network} is a CDN"))
        for email in abuse_emails(answer):
            result.add(Contact(email, "email", "host abuse", f"RDAP {query} (network {network or ip})"))
        break

    # 3. the registrar's abuse contact
    for domain in _domains_to_try(host):
        query = str(settings["letters.rdap_domain_url"]) + quote(domain)
        answer = _rdap(fetch, query, result.problems)
        if answer is None:
            continue
        for email in abuse_emails(answer, within_role="registrar"):
            result.add(Contact(email, "email", "registrar abuse", f"RDAP {query}"))
        break

    # 4. security.txt, last resort
    for contact in _security_txt(fetch, origin, result.problems):
        address = contact.removeprefix("mailto:")
        kind = "email" if EMAIL.fullmatch(address) else "form"
        result.add(Contact(address, kind, "security.txt", f"{origin}/.well-known/security.txt (last resort)"))
    return result


def describe(contacts: Iterable[Contact]) -> str:
    """One line per contact, for a letter's notes and the takedown record."""
    return "\n".join(f"{c.role}: {c.address} (found via {c.how})" for c in contacts)

