"""Save Items to the store (the same function every source uses); count new and known items."""

from __future__ import annotations

from typing import Any

from scrapy.crawler import Crawler

from data.store import Store
from spiders.items import Item


def open_crawl_store(db_path: str) -> Store:
    """The store, for a crawl's many small writes: in WAL mode, synchronous=NORMAL stays consistent after a
    crash and loses at most the last writes on a power cut (the crawl run is then recorded as failed)."""
    store = Store.open(db_path)
    store.db.execute("PRAGMA synchronous = NORMAL")
    return store


class StorePipeline:
    def __init__(self, crawler: Crawler) -> None:
        self.stats = crawler.stats
        self.db_path = crawler.settings.get("REPMON_DB_PATH")
        self.store: Store | None = None

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> StorePipeline:
        return cls(crawler)

    def open_spider(self, spider: Any = None) -> None:
        self.store = open_crawl_store(self.db_path)

    def close_spider(self, spider: Any = None) -> None:
        if self.store is not None:
            self.store.close()

    def process_item(self, item: Item, spider: Any = None) -> Item:
        assert self.store is not None
        _, created = self.store.save_item(item)
        if self.stats:
            self.stats.inc_value("repmon/items/new" if created else "repmon/items/known")
        return item
