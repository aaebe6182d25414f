"""Conditional requests: ask only for what changed since the last crawl.

Before a request goes out, the ETag and Last-Modified the server gave for the
URL last time (data/seen.py) are sent as If-None-Match / If-Modified-Since;
an unchanged page then comes back as a 304 with no body, which the spider
handles (spiders/settings.py lets 304 through to it). Requests that set
``meta["no_conditional"]`` (search-engine APIs) are sent as they are.
"""

from __future__ import annotations

from scrapy import Request, Spider
from scrapy.crawler import Crawler
from scrapy.exceptions import NotConfigured

from data.seen import SeenStore
from data.store import Store
from spiders.pipelines.store import open_crawl_store


class ConditionalRequestMiddleware:
    def __init__(self, crawler: Crawler, store: Store) -> None:
        self.crawler = crawler
        self.store = store
        self.seen = SeenStore(store.db)

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> ConditionalRequestMiddleware:
        db_path = crawler.settings.get("REPMON_DB_PATH")
        if not db_path or not crawler.settings.getbool("REPMON_CONDITIONAL_REQUESTS", True):
            raise NotConfigured("conditional requests are off")
        middleware = cls(crawler, open_crawl_store(db_path))
        from scrapy import signals

        crawler.signals.connect(middleware.spider_closed, signal=signals.spider_closed)
        return middleware

    def process_request(self, request: Request, spider: Spider | None = None) -> None:
        if request.meta.get("no_conditional") or b"If-None-Match" in request.headers:
            return None
        for name, value in self.seen.validators(request.url).items():
            request.headers.setdefault(name, value)
        if request.headers.get("If-None-Match") or request.headers.get("If-Modified-Since"):
            stats = self.crawler.stats
            if stats:
                stats.inc_value("repmon/conditional/sent")
        return None

    def spider_closed(self, spider: Spider, **kwargs: object) -> None:
        self.store.close()
