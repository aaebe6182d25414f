"""Crawls against a real local HTTP server: what is stored, what is skipped, what is reported."""

from __future__ import annotations

from data.evidence import verify
from data.store import Store
from repmon.config import Settings
from spiders.crawl import run_crawl
from tests.localweb import Route

ARTICLE = """<html lang="en"><head><title>{title}</title></head><body>
<article><h1>{title}</h1><p>{text}</p><p>More words so that the extractor sees a real article here, with
a second sentence about the weather in Carmarthen and the bus timetable.</p></article>
{links}</body></html>"""


def article(title: str, text: str, links: str = "") -> str:
    return ARTICLE.format(title=title, text=text, links=links)


def crawl(settings: Settings, store: Store, web, **overrides) -> dict:  # type: ignore[no-untyped-def]
    values = {"collect.start_urls": [web.base + "/"], "collect.download_delay": 0.0, **overrides}
    return run_crawl(settings.with_overrides(values), store)


def test_pages_are_stored_with_evidence(settings, web):
    web.page("/", article("Front page", "Welcome to the local news site.", '<a href="/a.html">A</a>'))
    web.page("/a.html", article("Story A", "A story about the school fair."))
    store = Store.open(settings["store.db_path"])
    run = crawl(settings, store, web)
    assert run["status"] == "ok"
    rows = list(store.db.query("SELECT url, evidence_id FROM items ORDER BY url"))
    assert [r["url"] for r in rows] == [web.base + "/", web.base + "/a.html"]
    for row in rows:
        evidence = store.get_evidence(row["evidence_id"])
        assert evidence["url"] == row["url"] and verify(evidence)


def test_second_crawl_stores_nothing_twice(settings, web):
    web.page("/", article("Front page", "Welcome to the local news site.", '<a href="/a.html">A</a>'))
    web.page("/a.html", article("Story A", "A story about the school fair."))
    store = Store.open(settings["store.db_path"])
    crawl(settings, store, web)
    before = (store.count_items(), store.db.execute("SELECT count(*) FROM evidence").fetchone()[0])
    second = crawl(settings, store, web)
    assert second["items_new"] == 0
    assert (store.count_items(), store.db.execute("SELECT count(*) FROM evidence").fetchone()[0]) == before


def test_a_changed_page_is_a_new_item(settings, web):
    web.page("/", article("Front page", "First version of the story."))
    store = Store.open(settings["store.db_path"])
    crawl(settings, store, web)
    web.page("/", article("Front page", "Second, edited version of the story."))
    run = crawl(settings, store, web)
    assert run["items_new"] == 1 and store.count_items() == 2


def test_robots_txt_is_obeyed(settings, web):
    web.page("/", article("Front page", "Welcome.", '<a href="/private/x.html">x</a>'))
    web.page("/private/x.html", article("Private", "Not for robots."))
    web.page("/robots.txt", "User-agent: *\nDisallow: /private/\n")
    store = Store.open(settings["store.db_path"])
    crawl(settings, store, web)
    assert "/private/x.html" not in web.hits


def test_links_outside_allowed_domains_are_not_followed(settings, web):
    web.page("/", article("Front page", "Welcome.", '<a href="http://elsewhere.invalid/x.html">x</a>'))
    store = Store.open(settings["store.db_path"])
    run = crawl(settings, store, web)
    # the spider never asks for it, so Scrapy's own offsite filter has nothing to drop
    assert run["status"] == "ok" and "offsite/filtered" not in run["stats"]


def test_bad_responses_are_reported_and_the_crawl_goes_on(settings, web):
    links = "".join(f'<a href="{p}">{p}</a>' for p in ("/gone.html", "/missing.html", "/big.html", "/download", "/ok.html"))
    web.page("/", article("Front page", "Welcome.", links))
    web.page("/gone.html", "<html><body>gone</body></html>", status=410)
    web.page("/big.html", article("Huge", "x " * 10_000_000))  # 20 MB
    web.routes["/download"] = Route(body=bytes(range(256)) * 40,
                                                         headers={"Content-Type": "application/octet-stream"})
    web.page("/ok.html", article("Fine page", "This one is fine."))
    store = Store.open(settings["store.db_path"])
    run = crawl(settings, store, web)  # default collect.max_body_bytes: 5 MB
    problems = "\n".join(run["stats"]["problems"])
    assert run["status"] == "ok"
    assert "/gone.html: HTTP 410" in problems
    assert "/missing.html: HTTP 404" in problems
    assert "/big.html: skipped, body larger than collect.max_body_bytes" in problems
    assert "/download: skipped, not an HTML page (application/octet-stream)" in problems
    assert web.base + "/ok.html" in {r["url"] for r in store.db.query("SELECT url FROM items")}


def test_binary_served_as_html_is_skipped(settings, web):
    web.page("/", article("Front page", "Welcome.", '<a href="/junk.html">junk</a>'))
    web.routes["/junk.html"] = Route(body=b"\x00\x01\x02PNG\x00" * 100)
    store = Store.open(settings["store.db_path"])
    run = crawl(settings, store, web)
    assert any("junk.html: skipped, binary content" in p for p in run["stats"]["problems"])


def test_a_feed_that_is_not_xml_is_reported(settings, web):
    web.page("/feed.xml", "this is not a feed at all, just text")
    web.page("/", article("Front page", "Welcome."))
    store = Store.open(settings["store.db_path"])
    run = crawl(settings, store, web, **{"collect.feeds": [web.base + "/feed.xml"]})
    assert any("feed.xml: not a valid RSS/Atom feed" in p for p in run["stats"]["problems"])
    assert store.count_items() == 1  # the start page was still collected


def test_feed_entries_are_fetched_and_fall_back_to_the_summary(settings, web):
    feed = f"""<?xml version="1.0"?><rss version="2.0"><channel><title>t</title><link>{web.base}/</link>
    <item><title>Story A</title><link>{web.base}/a.html</link><description>Summary of A</description></item>
    <item><title>Story B</title><link>{web.base}/b.html</link><description>Summary of story B, which is gone</description>
    <pubDate>Tue, 24 Nov 2026 09:00:00 GMT</pubDate></item>
    </channel></rss>"""
    web.routes["/feed.xml"] = Route(body=feed.encode(), headers={"Content-Type": "application/rss+xml"})
    web.page("/a.html", article("Story A", "The full text of story A."))
    store = Store.open(settings["store.db_path"])
    run_crawl(settings.with_overrides({"collect.feeds": [web.base + "/feed.xml"], "collect.download_delay": 0.0}), store)
    items = {r["url"]: r for r in store.db.query("SELECT url, text, source, published FROM items")}
    assert "The full text of story A." in items[web.base + "/a.html"]["text"]
    assert items[web.base + "/b.html"]["text"] == "Summary of story B, which is gone"
    assert items[web.base + "/b.html"]["published"] == "2026-11-24T09:00:00Z"


def test_nothing_configured_is_an_error_run(settings, store):
    run = run_crawl(settings, store)
    assert run["status"] == "error" and "collect.start_urls" in run["message"]


def test_unreachable_site_is_an_error_run(settings):
    from demo.mailbox import free_port

    store = Store.open(settings["store.db_path"])
    url = f"http://127.0.0.1:{free_port()}/"
    run = run_crawl(settings.with_overrides({"collect.start_urls": [url], "collect.obey_robots": False}), store)
    assert run["status"] == "error" and "could not be fetched" in run["message"]


def test_a_failed_crawl_loses_nothing_already_stored(settings, web):
    web.page("/", article("Front page", "Welcome to the local news site."))
    store = Store.open(settings["store.db_path"])
    crawl(settings, store, web)
    web.routes.clear()  # the site now answers 404 everywhere, robots.txt included
    run = crawl(settings, store, web)
    assert run["status"] == "error" and store.count_items() == 1


def test_a_crawl_stops_at_its_time_limit_and_keeps_what_it_found(settings, web):
    web.page("/", article("Front page", "Welcome.", "".join(f'<a href="/p{i}.html">p</a>' for i in range(6))))
    for i in range(6):
        web.page(f"/p{i}.html", article(f"Page {i}", "A slow page."))
    web.slow = {f"/p{i}.html" for i in range(6)}  # each takes a second
    store = Store.open(settings["store.db_path"])
    # 0.05 minutes = 3 s: time for the front page on a busy machine, not for six slow pages.
    # Requests already handed to the downloader still finish after the limit.
    # The download delay keeps requests one at a time: Scrapy 2.19 starts every queued request of a
    # domain at once when the delay is 0, whatever CONCURRENT_REQUESTS_PER_DOMAIN says.
    run = crawl(settings, store, web, **{"collect.max_minutes": 0.05, "collect.download_delay": 0.2})
    assert "stopped at the collect.max_minutes limit" in run["message"]
    assert store.count_items() >= 1


def test_evidence_of_a_gzip_response_is_the_page_itself(settings, web):
    import gzip
    import hashlib

    from data.evidence import read_payload

    html = article("Front page", "Served compressed, as most sites do.").encode("utf-8")
    web.routes["/"] = Route(body=gzip.compress(html), headers={"Content-Type": "text/html; charset=utf-8",
                                                              "Content-Encoding": "gzip"})
    store = Store.open(settings["store.db_path"])
    crawl(settings, store, web)
    (row,) = store.db.query("SELECT evidence_id FROM items")
    evidence = store.get_evidence(row["evidence_id"])
    assert read_payload(evidence) == html and evidence["sha256"] == hashlib.sha256(html).hexdigest()


def test_a_start_url_without_a_scheme_is_named_in_the_error(settings, store):
    run = run_crawl(settings.with_overrides({"collect.start_urls": ["example.org/news"]}), store)
    assert run["status"] == "error" and "'example.org/news'" in run["message"]
