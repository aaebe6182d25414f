"""The watched-sites spider: start URLs and RSS/Atom feeds from settings.

- Pages: main text and comments extracted (spiders/extract.py); links inside
  the allowed domains followed up to ``collect.depth``; non-HTML skipped and
  counted.
- Feeds: every entry's page is fetched (even outside the allowed domains:
  the feed vouches for it); if the page cannot be fetched, the entry's own
  title and summary become the Item.
- Problems (a feed that is not XML, a 404, a body over the size cap, a
  binary file) are kept in ``self.problems`` and counted in the stats, and
  the crawl goes on.
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from typing import Any
from urllib.parse import urljoin, urlsplit

import feedparser
from scrapy import Request, Spider
from scrapy.exceptions import IgnoreRequest
from scrapy.http import Response, TextResponse
from scrapy.linkextractors import LinkExtractor
from twisted.python.failure import Failure

from repmon import clock
from repmon.hosts import host_in
from spiders.extract import clean_text, extract_page, html_to_text
from spiders.items import Item

HTML_TYPES = ("text/html", "application/xhtml+xml")
FEED_TYPES = ("xml", "rss", "atom")
MAX_PROBLEMS = 200


class WatchedSitesSpider(Spider):
    name = "web"

    def __init__(self, start_urls: list[str] | None = None, feeds: list[str] | None = None,
                 allowed_domains: list[str] | None = None, max_text_chars: int = 200_000, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.page_urls = list(start_urls or [])
        self.feed_urls = list(feeds or [])
        self.allowed_domains = list(allowed_domains or [])
        self.max_text_chars = max_text_chars
        self.problems: list[str] = []
        # LinkExtractor's allow_domains compares host:port; hosts are compared here instead
        self.links = LinkExtractor(unique=True)

    # -- bookkeeping -------------------------------------------------------

    def problem(self, key: str, message: str) -> None:
        if self.crawler and self.crawler.stats:
            self.crawler.stats.inc_value(f"repmon/problems/{key}")
        if len(self.problems) < MAX_PROBLEMS:
            self.problems.append(message)
        self.logger.warning(message)

    def on_error(self, failure: Failure) -> Any:
        request = failure.request  # type: ignore[attr-defined]
        error = failure.value
        response = getattr(error, "response", None)
        if response is not None:
            self.problem("http_status", f"{request.url}: HTTP {response.status}")
        elif isinstance(error, IgnoreRequest) and "robots.txt" in str(error):
            if self.crawler and self.crawler.stats:  # politeness, not a problem
                self.crawler.stats.inc_value("repmon/robots_forbidden")
        else:
            detail = str(error) or type(error).__name__
            if "larger than download max size" in detail:
                self.problem("too_large", f"{request.url}: skipped, body larger than collect.max_body_bytes")
            else:
                self.problem("fetch_failed", f"{request.url}: could not be fetched ({type(error).__name__}: {detail[:200]})")
        entry = request.meta.get("feed_entry")
        if entry:  # fall back on what the feed said about the page
            return self.item_from_entry(entry, request.url)
        return None

    # -- requests ----------------------------------------------------------

    async def start(self) -> AsyncIterator[Any]:
        for url in self.feed_urls:
            yield Request(url, callback=self.parse_feed, errback=self.on_error, meta={"allow_offsite": True})
        for url in self.page_urls:
            yield Request(url, callback=self.parse_page, errback=self.on_error)

    # -- feeds -------------------------------------------------------------

    def count_parsed(self) -> None:
        if self.crawler and self.crawler.stats:
            self.crawler.stats.inc_value("repmon/parsed")

    def parse_feed(self, response: Response) -> Any:
        self.count_parsed()
        yield from self.read_feed(response)

    def read_feed(self, response: Response) -> Any:
        content_type = (response.headers.get(b"Content-Type") or b"").decode("latin-1")
        # content-location lets feedparser resolve relative links (xml:base first, then the feed's URL)
        parsed = feedparser.parse(response.body, response_headers={"content-type": content_type,
                                                                   "content-location": response.url})
        if not parsed.entries:
            reason = parsed.get("bozo_exception") or "no entries"
            kind = "not a valid RSS/Atom feed" if parsed.bozo else "an empty feed"
            self.problem("bad_feed", f"{response.url}: {kind} ({str(reason)[:200]})")
            return
        for entry in parsed.entries:
            link = urljoin(response.url, entry["link"]) if entry.get("link") else None
            facts = {
                "title": entry.get("title"),
                "author": entry.get("author"),
                "published": _entry_date(entry),
                "summary": entry.get("summary", ""),
                "feed": response.url,
            }
            if link and link.startswith(("http://", "https://")):
                yield Request(link, callback=self.parse_page, errback=self.on_error,
                              meta={"feed_entry": facts, "allow_offsite": True})
            else:
                item = self.item_from_entry(facts, link or response.url)
                if item:
                    yield item

    def item_from_entry(self, facts: dict[str, Any], url: str) -> Item | None:
        text = html_to_text(facts.get("summary") or "", self.max_text_chars)
        if not text:
            return None
        return Item(source="feed", url=url, text=text, title=clean_text(facts.get("title"), 500) or None,
                    author=facts.get("author"), published=facts.get("published"), fetched_at=clock.iso(),
                    raw={"feed": facts.get("feed")})

    # -- pages -------------------------------------------------------------

    def parse_page(self, response: Response) -> Any:
        self.count_parsed()
        content_type = (response.headers.get(b"Content-Type") or b"").decode("latin-1").lower()
        if not isinstance(response, TextResponse) or not content_type.startswith(HTML_TYPES):
            if any(t in content_type for t in FEED_TYPES) and isinstance(response, TextResponse):
                yield from self.read_feed(response)
                return
            self.problem("not_html", f"{response.url}: skipped, not an HTML page ({content_type or 'no content type'})")
            return
        if b"\x00" in response.body[:4096]:
            self.problem("binary", f"{response.url}: skipped, binary content served as {content_type}")
            return
        entry = response.meta.get("feed_entry") or {}
        extracted = extract_page(response.text, response.url, self.max_text_chars)
        if extracted is None:
            self.problem("no_text", f"{response.url}: no main text found")
        else:
            yield Item(
                source="feed" if entry else "web",
                url=response.url,
                canonical_url=extracted.canonical_url or response.url,
                text=extracted.text,
                title=extracted.title or entry.get("title"),
                author=extracted.author or entry.get("author"),
                published=extracted.published or entry.get("published"),
                lang=extracted.lang,
                fetched_at=clock.iso(),
                evidence_id=response.meta.get("evidence_id"),
                raw={"status": response.status, "has_comments": extracted.has_comments,
                     **({"feed": entry["feed"]} if entry else {})},
            )
        if entry:  # a feed's entry page: do not wander off into that site
            return
        for link in self.links.extract_links(response):
            if self.is_allowed(link.url):
                yield Request(link.url, callback=self.parse_page, errback=self.on_error)

    def is_allowed(self, url: str) -> bool:
        return host_in(urlsplit(url).hostname or "", self.allowed_domains)


def _entry_date(entry: Any) -> str | None:
    # dict.get: feedparser's own get() warns when it maps updated_parsed to published_parsed
    parsed = dict.get(entry, "published_parsed") or dict.get(entry, "updated_parsed")
    if not parsed:
        return None
    try:
        return "%04d-%02d-%02dT%02d:%02d:%02dZ" % tuple(parsed[:6])
    except (TypeError, ValueError):
        return None
