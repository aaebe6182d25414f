"""Sitemaps: the pages a site says it has, from robots.txt ``Sitemap:`` lines, /sitemap.xml or settings.

A sitemap is a ``urlset`` (pages) or a ``sitemapindex`` (more sitemaps); both
may be gzipped. Entries whose ``lastmod`` is older than
``collect.sitemap_max_age_days`` are skipped: a school's watch is on what is
new, and a news site's sitemap can list every story since 2004.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime, timedelta
from urllib.parse import urljoin

from scrapy.utils.gz import gunzip
from scrapy.utils.sitemap import Sitemap, sitemap_urls_from_robots

from repmon import clock


@dataclass
class SitemapEntries:
    kind: str                                         # "urlset", "sitemapindex" or "invalid"
    urls: list[str] = field(default_factory=list)     # pages, or sitemaps when kind is sitemapindex
    too_old: int = 0                                  # entries skipped for their lastmod
    error: str = ""


def sitemaps_in_robots(robots_txt: bytes | str, base_url: str) -> list[str]:
    """The absolute URLs of the ``Sitemap:`` lines of a robots.txt."""
    body = robots_txt.encode("utf-8") if isinstance(robots_txt, str) else robots_txt
    return [url for url in sitemap_urls_from_robots(body, base_url=base_url)
            if url.startswith(("http://", "https://"))]


def lastmod_time(value: str) -> datetime | None:
    """A W3C datetime (``2026-11-02``, ``2026-11-02T09:00:00+00:00``, ``...Z``) as an aware datetime."""
    value = value.strip()
    if not value:
        return None
    try:
        moment = datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        return None
    return moment if moment.tzinfo else moment.replace(tzinfo=clock.now().tzinfo)


def read_sitemap(body: bytes, url: str, max_age_days: int, max_urls: int, max_bytes: int,
                 now: datetime | None = None) -> SitemapEntries:
    """The entries of a sitemap body (gzip allowed), newest rule applied, at most ``max_urls``."""
    if body[:2] == b"\x1f\x8b":
        try:
            body = gunzip(body, max_size=max_bytes)
        except Exception as exc:  # scrapy raises its own DecompressionMaxSizeExceeded or OSError
            return SitemapEntries("invalid", error=f"cannot be decompressed ({type(exc).__name__})")
    try:
        sitemap = Sitemap(body)
    except Exception as exc:  # lxml raises several kinds of error on what is not XML
        return SitemapEntries("invalid", error=f"not XML ({type(exc).__name__})")
    if sitemap.type not in ("urlset", "sitemapindex"):
        return SitemapEntries("invalid", error=f"not a sitemap (root element {sitemap.type!r})")
    oldest = (now or clock.now()) - timedelta(days=max_age_days) if max_age_days > 0 else None
    out = SitemapEntries(sitemap.type)
    for entry in sitemap:
        loc = (entry.get("loc") or "").strip()
        if not loc:
            continue
        when = lastmod_time(entry.get("lastmod") or "")
        if oldest and when and when < oldest:
            out.too_old += 1
            continue
        link = urljoin(url, loc)
        if link.startswith(("http://", "https://")):
            out.urls.append(link)
            if len(out.urls) >= max_urls:
                break
    return out
