"""Sitemaps: the real sitemaps.org files from ../shared/fixtures/sitemaps, and a crawl led by robots.txt."""

from __future__ import annotations

import gzip
from datetime import UTC, datetime

import pytest

from data.store import Store
from spiders.sitemaps import read_sitemap, sitemaps_in_robots
from tests.paths import FIXTURES
from tests.localweb import Route
from tests.spiders.test_crawl import article, crawl

SITEMAPS = FIXTURES / "sitemaps"
NOW = datetime(2026, 11, 28, tzinfo=UTC)


def read(name: str, max_age_days: int = 0, body: bytes | None = None):  # type: ignore[no-untyped-def]
    data = body if body is not None else (SITEMAPS / name).read_bytes()
    return read_sitemap(data, "https://www.sitemaps.org/", max_age_days, 5000, 10_000_000, now=NOW)


def test_a_real_urlset_lists_its_pages():
    entries = read("sitemap.xml")
    assert entries.kind == "urlset" and len(entries.urls) == 84
    assert entries.urls[0] == "https://www.sitemaps.org/"


def test_entries_older_than_the_limit_are_skipped():
    entries = read("sitemap.xml", max_age_days=30)  # every lastmod is 2016-11-21
    assert entries.urls == [] and entries.too_old == 84


def test_a_sitemap_index_with_cdata_lists_its_sitemaps():
    entries = read("sitemap2.xml")
    assert entries.kind == "sitemapindex"
    assert entries.urls == ["http://www.example.com/sitemap1.xml.gz", "http://www.example.com/sitemap2.xml.gz"]


def test_hreflang_alternates_are_not_mistaken_for_pages():
    entries = read("sitemap-hreflang.xml")
    assert entries.kind == "urlset" and len(entries.urls) == 4


def test_a_gzipped_sitemap_is_read():
    entries = read("", body=gzip.compress((SITEMAPS / "sitemap.xml").read_bytes()))
    assert len(entries.urls) == 84


def test_html_is_not_a_sitemap():
    entries = read("", body=b"<html><body>Moved</body></html>")
    assert entries.kind == "invalid" and "not a sitemap" in entries.error


def test_sitemap_lines_of_a_robots_txt():
    robots = "User-agent: *\nDisallow: /private/\nSitemap: https://example.org/sm.xml\nsitemap: /news.xml\n"
    assert sitemaps_in_robots(robots, "https://example.org/robots.txt") == [
        "https://example.org/sm.xml", "https://example.org/news.xml"]


def urlset(base: str, pages: dict[str, str]) -> bytes:
    rows = "".join(f"<url><loc>{base}{path}</loc><lastmod>{when}</lastmod></url>" for path, when in pages.items())
    return f'<?xml version="1.0"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">{rows}</urlset>'.encode()


def test_a_crawl_reads_the_sitemaps_robots_txt_names_and_fetches_their_recent_pages(settings, web):
    web.routes["/robots.txt"] = Route(body=f"User-agent: *\nDisallow:\nSitemap: {web.base}/sitemap_index.xml\n".encode(),
                                      headers={"Content-Type": "text/plain"})
    index = (f'<?xml version="1.0"?><sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">'
             f"<sitemap><loc><![CDATA[{web.base}/news.xml.gz]]></loc></sitemap></sitemapindex>").encode()
    web.routes["/sitemap_index.xml"] = Route(body=index, headers={"Content-Type": "application/xml"})
    today = datetime.now(UTC).date().isoformat()
    web.routes["/news.xml.gz"] = Route(body=gzip.compress(urlset(web.base, {"/new.html": today, "/old.html": "2016-01-01"})),
                                       headers={"Content-Type": "application/x-gzip"})
    web.page("/", article("Front page", "Welcome; no links to the story."))
    web.page("/new.html", article("A new story", "Only the sitemap knows this page."))
    web.page("/old.html", article("An old story", "Ten years old."))
    store = Store.open(settings["store.db_path"])
    run = crawl(settings, store, web)
    urls = {r["url"] for r in store.db.query("SELECT url FROM items")}
    assert web.base + "/new.html" in urls and "/old.html" not in web.hits
    assert run["stats"]["repmon/sitemaps/too_old"] == 1


@pytest.mark.parametrize("answer", ["404", "a page"])
def test_a_site_without_a_sitemap_is_no_problem(settings, web, answer):
    web.page("/", article("Front page", "Welcome."))
    if answer == "a page":  # many sites answer every unknown address with a page and a 200
        web.page("/sitemap.xml", article("Page not found", "Sorry, we could not find that page."))
    store = Store.open(settings["store.db_path"])
    run = crawl(settings, store, web)
    assert "/sitemap.xml" in web.hits and run["stats"]["problems"] == []


def test_a_configured_sitemap_that_is_not_one_is_reported(settings, web):
    web.page("/", article("Front page", "Welcome."))
    web.page("/sitemap.xml", "<html><body>Moved</body></html>")
    store = Store.open(settings["store.db_path"])
    run = crawl(settings, store, web, **{"collect.sitemaps": [web.base + "/sitemap.xml"],
                                         "collect.discover_sitemaps": False})
    assert any("sitemap.xml: not a usable sitemap" in p for p in run["stats"]["problems"])
