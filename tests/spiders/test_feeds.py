"""Feed parsing on real and broken feeds from ../shared/fixtures/feeds, through the spider's own callback."""

from __future__ import annotations

from scrapy import Request
from scrapy.http import TextResponse
from scrapy.utils.test import get_crawler

from spiders.items import Item
from spiders.sites.watched import WatchedSitesSpider
from tests.paths import FIXTURES

FEEDS = FIXTURES / "feeds"


def spider() -> WatchedSitesSpider:
    crawler = get_crawler(WatchedSitesSpider)
    return crawler._create_spider(feeds=["http://feeds.invalid/feed"])  # type: ignore[attr-defined,return-value]


def feed_response(path: str, content_type: str = "application/rss+xml") -> TextResponse:
    body = (FEEDS / path).read_bytes()
    return TextResponse("http://feeds.invalid/feed", body=body, headers={"Content-Type": content_type})


def test_every_entry_of_a_real_feed_leads_to_its_page():
    s = spider()
    out = list(s.parse_feed(feed_response("rss-parser/input/guardian.rss")))
    assert len(out) > 20 and all(isinstance(r, Request) for r in out)
    first = out[0]
    assert first.url.startswith("https://www.theguardian.com/")
    assert first.meta["feed_entry"]["title"] and first.meta["allow_offsite"] is True


def test_atom_feed_entries_carry_their_dates():
    out = list(spider().parse_feed(feed_response("node-feedparser/tpm.atom", "application/atom+xml")))
    assert out and all(r.meta["feed_entry"]["published"] for r in out)


def test_a_latin1_feed_without_declaration_is_read():
    out = list(spider().parse_feed(feed_response("rss-parser/input/uolNoticias.rss", "text/xml; charset=iso-8859-1")))
    titles = " ".join(r.meta["feed_entry"]["title"] for r in out if isinstance(r, Request))
    assert out and "\ufffd" not in titles


def test_an_html_page_served_as_a_feed_is_reported():
    s = spider()
    assert list(s.parse_feed(feed_response("node-feedparser/notafeed.html", "text/html"))) == []
    assert s.problems and "not a valid RSS/Atom feed" in s.problems[0]


def test_an_empty_feed_document_is_reported():
    s = spider()
    assert list(s.parse_feed(feed_response("gofeed-detect/empty_feed.xml"))) == []
    assert len(s.problems) == 1


def test_gzip_bytes_named_xml_are_reported_not_crashed_on():
    s = spider()
    assert list(s.parse_feed(feed_response("node-feedparser/compressed.xml"))) == []
    assert s.problems


def test_an_entry_without_a_link_becomes_an_item_from_its_summary():
    body = b"""<?xml version="1.0"?><rss version="2.0"><channel><title>t</title>
    <item><title>Notice</title><description>&lt;p&gt;Term starts on &lt;b&gt;Monday&lt;/b&gt;.&lt;/p&gt;</description></item>
    </channel></rss>"""
    response = TextResponse("http://feeds.invalid/feed", body=body, headers={"Content-Type": "application/rss+xml"})
    (item,) = list(spider().parse_feed(response))
    assert isinstance(item, Item) and item.text == "Term starts on Monday." and item.title == "Notice"


def test_google_alerts_entries_lead_to_the_story_not_to_google():
    body = b"""<?xml version="1.0" encoding="utf-8"?>
    <feed xmlns="http://www.w3.org/2005/Atom" xmlns:idx="urn:atom-extension:indexing">
    <id>tag:google.com,2005:reader/user/00000000000000000000/state/com.google/alerts/1234567890</id>
    <title>Google Alert - "Queen Elizabeth High School"</title>
    <link href="https://www.google.com/alerts/feeds/00000000000000000000/1234567890" rel="self"/>
    <updated>2026-11-27T09:00:00Z</updated>
    <entry><id>tag:google.com,2013:googlealerts/feed:111</id>
    <title type="html">New sports hall for &lt;b&gt;Queen Elizabeth High School&lt;/b&gt;</title>
    <link href="https://www.google.com/url?rct=j&amp;sa=t&amp;url=https://www.tywi-gazette.invalid/news/hall&amp;ct=ga&amp;cd=CAE&amp;usg=AOvVaw1"/>
    <published>2026-11-27T08:40:00Z</published><updated>2026-11-27T08:40:00Z</updated>
    <content type="html">The new &lt;b&gt;Queen Elizabeth High School&lt;/b&gt; hall opens in January.</content>
    <author><name/></author></entry></feed>"""
    response = TextResponse("https://www.google.com/alerts/feeds/00000000000000000000/1234567890", body=body,
                            headers={"Content-Type": "application/atom+xml"})
    (request,) = list(spider().parse_feed(response))
    assert request.url == "https://www.tywi-gazette.invalid/news/hall"
    assert request.meta["feed_entry"]["published"] == "2026-11-27T08:40:00Z"
