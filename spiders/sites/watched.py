"""The watched-sites spider ("web"): pages, sitemaps, feeds and search-engine results.

- Pages (``collect.start_urls``): main text and comments extracted
  (spiders/extract.py); content links inside the allowed domains followed up
  to ``collect.depth`` (spiders/links.py); pagination (a forum thread's next
  page) followed without counting towards the depth, up to
  ``collect.max_thread_pages``; non-HTML skipped and counted.
- Re-crawls cost little: the seen-store (data/seen.py) makes every request
  conditional; a 304 or a body identical to last time is not extracted again,
  and the links kept from the last full read lead the crawl on. A page that
  gave an Item is recorded there only once the item pipelines have saved (or
  dropped) it: a crawl killed in between reads the page again next time.
- Sitemaps (``collect.sitemaps`` and those named in robots.txt): their recent
  pages are fetched (not followed: the sitemap already lists the site).
- Feeds (``collect.feeds``, news-search feeds, Google Alerts feeds): every
  entry's page is fetched (even outside the allowed domains: the feed vouches
  for it); if the page cannot be fetched, the entry's own title and summary
  become the Item.
- Search-engine APIs (spiders/search.py): each result's page is fetched like a
  feed entry, the result's snippet standing in when it cannot be; results are
  counted against the per-day budget (data/search_budget.py).
- Problems (a feed that is not XML, a 404, a body over the size cap, a
  binary file) are kept in ``self.problems`` and counted in the stats, and
  the crawl goes on.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import AsyncIterator
from typing import Any
from urllib.parse import urljoin, urlsplit

import feedparser
from scrapy import Request, Spider, signals
from scrapy.crawler import Crawler
from scrapy.exceptions import IgnoreRequest
from scrapy.http import Response, TextResponse
from twisted.python.failure import Failure

from data.search_budget import SearchBudget
from data.seen import SeenStore
from data.store import Store
from spiders.pipelines.store import open_crawl_store
from repmon import clock
from repmon.hosts import host_in
from spiders.extract import clean_text, extract_page, html_to_text, page_text, parse_html
from spiders.items import Item
from spiders.links import content_links, next_pages
from spiders.search import Engine, unwrap_redirect
from spiders.sitemaps import read_sitemap, sitemaps_in_robots

HTML_TYPES = ("text/html", "application/xhtml+xml")
FEED_TYPES = ("xml", "rss", "atom")
MAX_PROBLEMS = 200


class WatchedSitesSpider(Spider):
    name = "web"

    def __init__(self, start_urls: list[str] | None = None, feeds: list[str] | None = None,
                 allowed_domains: list[str] | None = None, max_text_chars: int = 200_000, *,
                 depth: int = 2, sitemaps: list[str] | None = None, discover_sitemaps: bool = False,
                 sitemap_max_age_days: int = 30, max_sitemap_urls: int = 2000, max_body_bytes: int = 5_000_000,
                 max_thread_pages: int = 20, max_links_per_page: int = 300,
                 search_engines: list[Engine] | None = None, search_queries: list[str] | None = None,
                 search_daily_results: int = 100, search_pages_per_query: int = 1, search_day: str = "",
                 **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.page_urls = list(start_urls or [])
        self.feed_urls = list(feeds or [])
        self.allowed_domains = list(allowed_domains or [])
        self.max_text_chars = max_text_chars
        self.depth = depth
        self.sitemap_urls = list(sitemaps or [])
        self.discover_sitemaps = discover_sitemaps
        self.sitemap_max_age_days = sitemap_max_age_days
        self.max_sitemap_urls = max_sitemap_urls
        self.max_body_bytes = max_body_bytes
        self.max_thread_pages = max_thread_pages
        self.max_links_per_page = max_links_per_page
        self.engines = list(search_engines or [])
        self.queries = list(search_queries or [])
        self.search_daily_results = search_daily_results
        self.search_pages_per_query = search_pages_per_query
        self.search_day = search_day or clock.now().date().isoformat()
        self.problems: list[str] = []
        self.disabled: list[str] = []
        self._allowed_hosts: dict[str, bool] = {}  # netloc -> inside the allowed domains
        self.store: Store | None = None
        self.seen: SeenStore | None = None
        self.budget: SearchBudget | None = None
        self.unsaved: dict[str, dict[str, Any]] = {}  # page URL -> its seen-store record, until its Item is saved

    @classmethod
    def from_crawler(cls, crawler: Crawler, *args: Any, **kwargs: Any) -> WatchedSitesSpider:
        spider = super().from_crawler(crawler, *args, **kwargs)
        # not item_error: a page whose Item could not be saved stays unrecorded and is read again next crawl
        crawler.signals.connect(spider.item_saved, signal=signals.item_scraped)
        crawler.signals.connect(spider.item_saved, signal=signals.item_dropped)
        return spider

    # -- bookkeeping -------------------------------------------------------

    def count(self, key: str, by: int = 1) -> None:
        if self.crawler and self.crawler.stats:
            self.crawler.stats.inc_value(f"repmon/{key}", by)

    def problem(self, key: str, message: str) -> None:
        self.count(f"problems/{key}")
        if len(self.problems) < MAX_PROBLEMS:
            self.problems.append(message)
        self.logger.warning(message)

    def open_store(self) -> None:
        db_path = self.crawler.settings.get("REPMON_DB_PATH") if getattr(self, "crawler", None) else None
        if db_path and self.store is None:
            self.store = open_crawl_store(db_path)
            self.seen = SeenStore(self.store.db)
            self.budget = SearchBudget(self.store.db, self.search_daily_results, self.search_day)

    def closed(self, reason: str) -> None:
        if self.store is not None:
            self.store.close()

    def on_error(self, failure: Failure) -> Any:
        request = failure.request  # type: ignore[attr-defined]
        error = failure.value
        response = getattr(error, "response", None)
        engine = request.meta.get("search_engine")
        if response is not None:
            if response.status in (404, 410) and self.seen is not None:
                self.seen.forget(request.url)
            if engine:
                self.search_done(request, 0)
                self.problem("search_failed", f"{engine} search for {request.meta['search_query']!r}: HTTP "
                             f"{response.status}{_api_error(response)}; check {request.meta['search_key_env']} and "
                             "the engine's quota")
            elif not request.meta.get("quiet_404") or response.status not in (404, 410):
                self.problem("http_status", f"{request.url}: HTTP {response.status}")
        elif isinstance(error, IgnoreRequest) and "robots.txt" in str(error):
            self.count("robots_forbidden")  # politeness, not a problem
        else:
            detail = str(error) or type(error).__name__
            if engine:
                self.search_done(request, 0)
                self.problem("search_failed", f"{engine} search for {request.meta['search_query']!r}: "
                             f"could not be reached ({type(error).__name__})")
            elif "larger than download max size" in detail:
                self.problem("too_large", f"{request.url}: skipped, body larger than collect.max_body_bytes")
            else:
                self.problem("fetch_failed", f"{request.url}: could not be fetched ({type(error).__name__}: {detail[:200]})")
        entry = request.meta.get("feed_entry")
        if entry:  # fall back on what the feed or search engine said about the page
            return self.item_from_entry(entry, request.url)
        return None

    # -- requests ----------------------------------------------------------

    def page_request(self, url: str, depth: int, **meta: Any) -> Request:
        return Request(url, callback=self.parse_page, errback=self.on_error, meta={"repmon_depth": depth, **meta})

    async def start(self) -> AsyncIterator[Any]:
        self.open_store()
        for url in self.feed_urls:
            yield Request(url, callback=self.parse_feed, errback=self.on_error, meta={"allow_offsite": True})
        for url in self.page_urls:
            yield self.page_request(url, 0)
        for url in self.sitemap_urls:
            if urlsplit(url).path.endswith("/robots.txt"):
                yield Request(url, callback=self.parse_robots, errback=self.on_error,
                              meta={"allow_offsite": True, "dont_obey_robotstxt": True})
            else:
                yield Request(url, callback=self.parse_sitemap, errback=self.on_error, meta={"allow_offsite": True})
        if self.discover_sitemaps:
            origins = dict.fromkeys(f"{p.scheme}://{p.netloc}" for p in map(urlsplit, self.page_urls))
            for origin in origins:
                yield Request(origin + "/robots.txt", callback=self.parse_robots, errback=self.on_error,
                              meta={"dont_obey_robotstxt": True, "quiet_404": True, "discover": True})
        for engine in self.engines:
            reason = engine.disabled_reason()
            if reason:
                self.disabled.append(f"{engine.name} search is off: {reason}")
                self.count(f"search/{engine.name}/disabled")
                continue
            for query in self.queries:
                request = self.search_request(engine, query, engine.first_start, 1)
                if request is None:
                    break
                yield request

    # -- sitemaps ----------------------------------------------------------

    def parse_robots(self, response: Response) -> Any:
        if response.status == 304:
            return
        found = sitemaps_in_robots(response.body, response.url)
        guessed = not found and bool(response.meta.get("discover"))
        if guessed:
            found = [urljoin(response.url, "/sitemap.xml")]
        for url in found:
            yield Request(url, callback=self.parse_sitemap, errback=self.on_error,
                          meta={"allow_offsite": not response.meta.get("discover"), "quiet_404": True,
                                "guessed": guessed})

    def parse_sitemap(self, response: Response) -> Any:
        if response.status == 304:
            self.count("sitemaps/not_modified")
            return
        entries = read_sitemap(response.body, response.url, self.sitemap_max_age_days, self.max_sitemap_urls,
                               self.max_body_bytes)
        if entries.kind == "invalid":
            if response.meta.get("guessed"):  # /sitemap.xml tried on chance: many sites answer it with a page
                self.count("sitemaps/none")
            else:
                self.problem("bad_sitemap", f"{response.url}: not a usable sitemap ({entries.error})")
            return
        self.count("parsed")
        self.count("sitemaps/too_old", entries.too_old)
        self.count("sitemaps/read")
        for url in entries.urls:
            if entries.kind == "sitemapindex":
                yield Request(url, callback=self.parse_sitemap, errback=self.on_error,
                              meta={"allow_offsite": True, "quiet_404": True})
            elif self.is_allowed(url):
                self.count("sitemaps/pages")
                yield self.page_request(url, self.depth, from_sitemap=True)

    # -- search engines ----------------------------------------------------

    def search_request(self, engine: Engine, query: str, start: int, page: int) -> Request | None:
        granted = self.budget.reserve(engine.name, engine.page_size) if self.budget else engine.page_size
        if granted <= 0:
            if not self.crawler.stats or not self.crawler.stats.get_value(f"repmon/search/{engine.name}/budget_spent"):
                self.disabled.append(f"{engine.name} search stopped: today's search.daily_results "
                                     f"({self.search_daily_results}) is spent")
            self.count(f"search/{engine.name}/budget_spent")
            return None
        url, headers = engine.request(query, granted, start)
        self.count(f"search/{engine.name}/requests")
        return Request(url, headers=headers, callback=self.parse_search, errback=self.on_error, dont_filter=True,
                       meta={"search_engine": engine.name, "search_query": query, "search_start": start,
                             "search_page": page, "search_granted": granted, "search_key_env": engine.key_env,
                             "no_evidence": True, "no_conditional": True, "dont_obey_robotstxt": True,
                             "allow_offsite": True})

    def search_done(self, request: Request, returned: int) -> None:
        if self.budget is not None:
            self.budget.give_back(request.meta["search_engine"], request.meta["search_granted"] - returned)

    def parse_search(self, response: Response) -> Any:
        meta = response.meta
        engine = next(e for e in self.engines if e.name == meta["search_engine"])
        try:
            page = engine.parse(response.body, meta["search_start"])
        except (ValueError, TypeError, AttributeError) as exc:
            self.search_done(response.request, 0)  # type: ignore[arg-type]
            self.problem("search_failed", f"{engine.name} search for {meta['search_query']!r}: "
                         f"an answer that is not the API's JSON ({type(exc).__name__})")
            return
        self.count("parsed")
        results = page.results[:meta["search_granted"]]
        self.search_done(response.request, len(results))  # type: ignore[arg-type]
        self.count(f"search/{engine.name}/results", len(results))
        for result in results:
            link = unwrap_redirect(result.url)
            facts = {"title": result.title, "author": None, "published": result.published,
                     "summary": result.snippet, "source": "search",
                     "raw": {"engine": engine.name, "query": meta["search_query"]}}
            if link.startswith(("http://", "https://")):
                yield self.page_request(link, self.depth, feed_entry=facts, allow_offsite=True)
        if page.next_start is not None and meta["search_page"] < self.search_pages_per_query:
            request = self.search_request(engine, meta["search_query"], page.next_start, meta["search_page"] + 1)
            if request is not None:
                yield request

    # -- feeds -------------------------------------------------------------

    def parse_feed(self, response: Response) -> Any:
        if response.status == 304:
            self.count("not_modified")
            return
        self.count("parsed")
        sha256 = meta_sha(response)
        known = self.seen.get(response.url) if self.seen else None
        self.remember(response, sha256, [])
        if known and known["sha256"] == sha256:
            self.count("unchanged")  # the same feed as last time: every entry has been read
            return
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
            link = unwrap_redirect(urljoin(response.url, entry["link"])) if entry.get("link") else None
            facts = {
                "title": entry.get("title"),
                "author": entry.get("author"),
                "published": _entry_date(entry),
                "summary": entry.get("summary", ""),
                "source": "feed",
                "raw": {"feed": response.url},
            }
            if link and link.startswith(("http://", "https://")):
                yield self.page_request(link, self.depth, feed_entry=facts, allow_offsite=True)
            else:
                item = self.item_from_entry(facts, link or response.url)
                if item:
                    yield item

    def item_from_entry(self, facts: dict[str, Any], url: str) -> Item | None:
        text = html_to_text(facts.get("summary") or "", self.max_text_chars)
        if not text:
            return None
        return Item(source=facts.get("source", "feed"), url=url, text=text,
                    title=clean_text(facts.get("title"), 500) or None, author=facts.get("author"),
                    published=facts.get("published"), fetched_at=clock.iso(), raw=dict(facts.get("raw") or {}))

    # -- pages -------------------------------------------------------------

    def parse_page(self, response: Response) -> Any:
        meta = response.meta
        depth = int(meta.get("repmon_depth", 0))
        if response.status == 304:
            self.count("not_modified")
            links = self.seen.touch(response.url) if self.seen else []
            yield from self.follow(links, depth, meta)
            return
        self.count("parsed")
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
        sha256 = meta_sha(response)
        known = self.seen.get(response.url) if self.seen else None
        if known and known["sha256"] == sha256:
            # the same body as last time, from a server that does not send validators: nothing new to read
            self.count("unchanged")
            self.remember(response, sha256, known["links"])
            yield from self.follow(known["links"], depth, meta)
            return
        html = page_text(response.body, response.text, response.encoding if _charset_declared(content_type) else None)
        tree = parse_html(html)
        if tree is None:
            self.problem("no_text", f"{response.url}: not readable as HTML")
            return
        entry = meta.get("feed_entry") or {}
        extracted = extract_page(html, response.url, self.max_text_chars, tree=tree)
        item = None
        if extracted is None:
            self.problem("no_text", f"{response.url}: no main text found")
        else:
            item = Item(
                source=entry.get("source", "feed") if entry else "web",
                url=response.url,
                canonical_url=extracted.canonical_url or response.url,
                text=extracted.text,
                title=extracted.title or entry.get("title"),
                author=extracted.author or entry.get("author"),
                published=extracted.published or entry.get("published"),
                lang=extracted.lang,
                fetched_at=clock.iso(),
                evidence_id=meta.get("evidence_id"),
                raw={"status": response.status, "has_comments": extracted.has_comments,
                     **({"page": meta["thread_page"]} if meta.get("thread_page") else {}),
                     **(entry.get("raw") or {})},
            )
        links = []  # from a feed entry's or search result's page: none, do not wander off into that site
        if not entry:
            page_no = int(meta.get("thread_page", 1))
            pages = [f"page:{u}" for u in next_pages(tree, response.url, page_no)]
            links = pages + [u for u in content_links(tree, response.url, self.max_links_per_page)
                             if self.is_allowed(u)]
        self.remember(response, sha256, links, item)
        if item is not None:
            yield item
        yield from self.follow(links, depth, meta)

    def follow(self, links: list[str], depth: int, meta: dict[str, Any]) -> Any:
        """Requests for the links of a page: ``page:`` links are its next pages (same depth), the rest one deeper."""
        page_no = int(meta.get("thread_page", 1))
        for link in links:
            if link.startswith("page:"):
                url = link[5:]
                if page_no < self.max_thread_pages + 1 and self.is_allowed(url):
                    self.count("pagination/followed")
                    yield self.page_request(url, depth, thread_page=page_no + 1)
            elif depth < self.depth and not meta.get("from_sitemap"):
                yield self.page_request(link, depth + 1)

    def remember(self, response: Response, sha256: str, links: list[str], item: Item | None = None) -> None:
        """Record the page in the seen-store; the page of ``item`` only once the pipelines are done with the item
        (``item_saved``). Scrapy runs the rest of this callback before any pipeline sees the item: recorded now,
        a crawl killed before the item is stored would find the page unchanged next time and lose the item."""
        if self.seen is None:
            return
        etag = response.headers.get(b"ETag")
        modified = response.headers.get(b"Last-Modified")
        record: dict[str, Any] = {"etag": etag.decode("latin-1") if etag else None,
                                  "last_modified": modified.decode("latin-1") if modified else None,
                                  "sha256": sha256, "links": links}
        if item is None:
            self.seen.remember(response.url, **record)
        else:
            self.unsaved[item.url] = record

    def item_saved(self, item: Item, **kwargs: Any) -> None:
        """The item pipelines stored (or dropped) ``item``: its page can now count as seen."""
        record = self.unsaved.pop(item.url, None)
        if record is not None and self.seen is not None:
            self.seen.remember(item.url, **record)

    def is_allowed(self, url: str) -> bool:
        netloc = url.partition("//")[2].partition("/")[0]
        allowed = self._allowed_hosts.get(netloc)
        if allowed is None:
            allowed = self._allowed_hosts[netloc] = host_in(urlsplit(url).hostname or "", self.allowed_domains)
        return allowed


def meta_sha(response: Response) -> str:
    """SHA-256 of the body (the evidence middleware's, when it kept the response)."""
    try:
        kept = response.meta.get("evidence_sha256")
    except AttributeError:  # a response built outside a crawl has no request, so no meta
        kept = None
    return str(kept or hashlib.sha256(response.body).hexdigest())


def _charset_declared(content_type: str) -> bool:
    return "charset=" in content_type


def _api_error(response: Response) -> str:
    """The API's own error message, if its answer is JSON and has one (never the request's headers)."""
    try:
        data = json.loads(response.body[:20_000])
    except ValueError:
        return ""
    error = data.get("error") if isinstance(data, dict) else None
    if isinstance(error, dict):
        message = error.get("message") or error.get("detail") or error.get("code") or ""
        return f" ({clean_text(str(message), 200)})" if message else ""
    return ""


def _entry_date(entry: Any) -> str | None:
    # dict.get: feedparser's own get() warns when it maps updated_parsed to published_parsed
    parsed = dict.get(entry, "published_parsed") or dict.get(entry, "updated_parsed")
    if not parsed:
        return None
    try:
        return "%04d-%02d-%02dT%02d:%02d:%02dZ" % tuple(parsed[:6])
    except (TypeError, ValueError):
        return None
