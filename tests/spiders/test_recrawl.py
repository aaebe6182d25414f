"""Re-crawls cost little and store nothing twice: conditional requests, 304s and the seen-store."""

from __future__ import annotations

import urllib.request

from scrapy import Request
from scrapy.http import HtmlResponse
from scrapy.utils.test import get_crawler

from data.store import Store
from spiders.items import Item
from spiders.settings import scrapy_settings
from spiders.sites.watched import WatchedSitesSpider
from tests.localweb import LAST_MODIFIED
from tests.spiders.test_crawl import article, crawl


def counts(store: Store) -> tuple[int, int]:
    return store.count_items(), store.db.execute("SELECT count(*) FROM evidence").fetchone()[0]


def site(web, validators: bool = True) -> None:  # type: ignore[no-untyped-def]
    web.page("/", article("Front page", "Welcome to the local news site.",
                          '<nav><a href="/a.html">A</a> <a href="/b.html">B</a></nav>'), validators=validators)
    web.page("/a.html", article("Story A", "A story about the school fair.", '<a href="/c.html">C</a>'),
             validators=validators)
    web.page("/b.html", article("Story B", "A story about the new sports hall."), validators=validators)
    web.page("/c.html", article("Story C", "Two links down: the bus timetable changes."), validators=validators)


def test_a_second_crawl_gets_304s_for_unchanged_pages_and_stores_nothing_twice(settings, web):
    site(web)
    store = Store.open(settings["store.db_path"])
    first = crawl(settings, store, web)
    stored = counts(store)
    assert first["status"] == "ok" and stored[0] == 4
    web.statuses.clear()
    second = crawl(settings, store, web)
    pages = {path: status for path, status in web.statuses if path.endswith((".html", "/"))}
    assert pages == {"/": 304, "/a.html": 304, "/b.html": 304, "/c.html": 304}  # every page, to depth 2, via kept links
    assert counts(store) == stored
    assert second["status"] == "ok" and second["items_new"] == 0
    assert "4 pages unchanged since the last crawl" in second["message"]


def test_conditional_requests_carry_the_validators_the_server_gave(settings, web):
    site(web)
    store = Store.open(settings["store.db_path"])
    crawl(settings, store, web)
    web.requests.clear()
    crawl(settings, store, web)
    headers = dict(web.requests)["/b.html"]
    assert headers["If-None-Match"] == web.routes["/b.html"].etag()
    assert headers["If-Modified-Since"] == LAST_MODIFIED


def test_a_page_changed_below_an_unchanged_one_is_fetched_and_stored(settings, web):
    site(web)
    store = Store.open(settings["store.db_path"])
    crawl(settings, store, web)
    web.page("/c.html", article("Story C", "Corrected: the bus timetable does not change."), validators=True)
    web.statuses.clear()
    run = crawl(settings, store, web)
    assert ("/c.html", 200) in web.statuses and ("/a.html", 304) in web.statuses
    assert run["items_new"] == 1


def test_a_server_without_validators_sends_the_same_body_and_nothing_is_extracted_or_stored_again(settings, web):
    site(web, validators=False)
    store = Store.open(settings["store.db_path"])
    crawl(settings, store, web)
    stored = counts(store)
    second = crawl(settings, store, web)
    assert counts(store) == stored
    assert second["stats"]["repmon/unchanged"] == 4 and second["stats"].get("item_scraped_count", 0) == 0


def test_conditional_requests_can_be_turned_off(settings, web):
    site(web)
    store = Store.open(settings["store.db_path"])
    crawl(settings, store, web, **{"collect.conditional_requests": False})
    web.requests.clear()
    crawl(settings, store, web, **{"collect.conditional_requests": False})
    assert all("If-None-Match" not in headers for _, headers in web.requests)


def test_a_page_that_is_gone_is_forgotten(settings, web):
    site(web)
    store = Store.open(settings["store.db_path"])
    crawl(settings, store, web)
    web.page("/b.html", "<html><body>gone</body></html>", status=410)
    run = crawl(settings, store, web)
    assert any("/b.html: HTTP 410" in p for p in run["stats"]["problems"])
    assert not list(store.db.query("SELECT url FROM page_validators WHERE url LIKE '%/b.html'"))


def test_a_page_read_by_a_crawl_killed_before_its_item_was_stored_is_read_again(settings, web):
    """Scrapy runs a callback to its end before the item pipelines see the Item it yielded: a crawl killed
    (kill -9) in between must not leave the page recorded as seen, or the next crawl finds it unchanged
    (a 304, or the same SHA-256) and the Item is lost for good."""
    site(web)
    store = Store.open(settings["store.db_path"])
    url = web.base + "/b.html"
    with urllib.request.urlopen(url) as answer:  # the page as the server sends it: ETag and Last-Modified
        response = HtmlResponse(url, body=answer.read(), headers=dict(answer.headers),
                                request=Request(url, meta={"repmon_depth": 0}))
    spider = WatchedSitesSpider.from_crawler(get_crawler(WatchedSitesSpider, scrapy_settings(settings.as_dict())),
                                             start_urls=[web.base + "/"])
    spider.open_store()
    try:
        output = list(spider.parse_page(response))  # the callback has run; then the crawl is killed
    finally:
        spider.closed("killed")
    assert [o.url for o in output if isinstance(o, Item)] == [url] and store.count_items() == 0
    crawl(settings, store, web)
    assert url in [r["url"] for r in store.db.query("SELECT url FROM items")]


def test_a_page_whose_item_could_not_be_stored_is_read_again(settings, web):
    site(web)
    store = Store.open(settings["store.db_path"])
    store.db.execute("CREATE TRIGGER full BEFORE INSERT ON items WHEN NEW.url LIKE '%/b.html'"
                     " BEGIN SELECT RAISE(ABORT, 'database or disk is full'); END")
    first = crawl(settings, store, web)
    assert first["items_new"] == 3
    store.db.execute("DROP TRIGGER full")
    second = crawl(settings, store, web)
    assert second["items_new"] == 1 and store.count_items() == 4
