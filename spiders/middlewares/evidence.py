"""Keep every fetched response as evidence (WARC record + SHA-256 in the store).

It sits after decompression and redirects (see spiders/settings.py), so what is kept and hashed is
the body of the page as read, not its gzip bytes.

The evidence id is put in ``request.meta["evidence_id"]`` so the spider can
attach it to the Item built from the response. Images, audio and video are
never kept (a page that may show child sexual abuse is recorded by URL only;
see takedown.md §6): their responses are counted and passed on unkept.
"""

from __future__ import annotations

from typing import Any

from scrapy import Request, Spider
from scrapy.crawler import Crawler
from scrapy.exceptions import NotConfigured
from scrapy.http import Response

from data.evidence import EvidenceWriter
from data.store import Store
from spiders.pipelines.store import open_crawl_store
from repmon import clock

NEVER_KEPT = ("image/", "video/", "audio/")


class EvidenceMiddleware:
    def __init__(self, crawler: Crawler, store: Store, writer: EvidenceWriter) -> None:
        self.crawler = crawler
        self.store = store
        self.writer = writer

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> EvidenceMiddleware:
        db_path = crawler.settings.get("REPMON_DB_PATH")
        evidence_dir = crawler.settings.get("REPMON_EVIDENCE_DIR")
        if not db_path or not evidence_dir:
            raise NotConfigured("REPMON_DB_PATH and REPMON_EVIDENCE_DIR are needed to keep evidence")
        store = open_crawl_store(db_path)
        label = crawler.spidercls.name if crawler.spidercls else "crawl"
        middleware = cls(crawler, store, EvidenceWriter(store, evidence_dir, label))
        from scrapy import signals

        crawler.signals.connect(middleware.spider_closed, signal=signals.spider_closed)
        return middleware

    def process_response(self, request: Request, response: Response, spider: Spider | None = None) -> Response:
        stats = self.crawler.stats
        if response.status == 304 or request.meta.get("no_evidence"):
            return response  # nothing new (a 304 has no body), or a search-engine API's answer: not evidence
        content_type = (response.headers.get(b"Content-Type") or b"").decode("latin-1").lower()
        if content_type.startswith(NEVER_KEPT):
            if stats:
                stats.inc_value("repmon/evidence/media_not_kept")
            return response
        headers: list[tuple[str, str]] = []
        for name, values in response.headers.items():
            for value in values:
                headers.append((name.decode("latin-1"), value.decode("latin-1")))
        capture = self.writer.capture(url=response.url, status=response.status, headers=headers,
                                      body=response.body, fetched_at=clock.iso())
        request.meta["evidence_id"] = capture.evidence_id
        request.meta["evidence_sha256"] = capture.sha256
        if stats:
            stats.inc_value("repmon/evidence/new" if capture.created else "repmon/evidence/known")
        return response

    def spider_closed(self, spider: Spider, **kwargs: Any) -> None:
        self.writer.close()
        self.store.close()
