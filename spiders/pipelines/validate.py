"""Drop Items that cannot be analysed and cap what is kept; count every drop in the crawl stats."""

from __future__ import annotations

from typing import Any

from scrapy.crawler import Crawler
from scrapy.exceptions import DropItem

from spiders.extract import clean_text
from spiders.items import Item


class ValidatePipeline:
    def __init__(self, crawler: Crawler) -> None:
        self.stats = crawler.stats
        self.limit = crawler.settings.getint("REPMON_MAX_TEXT_CHARS", 200_000)

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> ValidatePipeline:
        return cls(crawler)

    def process_item(self, item: Item, spider: Any = None) -> Item:
        item.text = clean_text(item.text, self.limit)
        if not item.text:
            if self.stats:
                self.stats.inc_value("repmon/dropped/no_text")
            raise DropItem(f"{item.url}: no text to analyse")
        if not item.url.startswith(("http://", "https://")):
            if self.stats:
                self.stats.inc_value("repmon/dropped/bad_url")
            raise DropItem(f"{item.url!r}: not an http(s) URL")
        item.title = clean_text(item.title, 500) or None
        item.author = clean_text(item.author, 200) or None
        return item
