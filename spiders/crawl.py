"""Run a crawl of the watched sites and feeds, once, and record it as a source run.

Each crawl runs in a child process of its own (``python -m spiders.crawl``,
settings as JSON on standard input).
Twisted's reactor cannot be restarted inside one process (scrapy/scrapy#5167),
and repmon's scheduler, the tests and the demo all crawl more than once in the
life of one process; a child per crawl also means a crash or a leak in a
crawl never takes the scheduler or the web app down with it. The parent
opens the source run, the child fills in its outcome and counts; if the child
dies without doing so, the parent records the failure.
"""

from __future__ import annotations

import json
import logging
import subprocess
import sys
from typing import Any

from data.store import Store
from repmon.config import Settings

log = logging.getLogger(__name__)

SOURCE = "web"
GRACE_SECONDS = 120


def _jsonable(stats: dict[str, Any]) -> dict[str, Any]:
    return json.loads(json.dumps(stats, default=str))


def _summary(stats: dict[str, Any], problems: list[str]) -> str:
    parts = [
        f"{stats.get('response_received_count', 0)} responses",
        f"{stats.get('item_scraped_count', 0)} items ({stats.get('repmon/items/new', 0)} new)",
    ]
    reason = stats.get("finish_reason", "finished")
    if reason == "closespider_timeout":
        parts.append("stopped at the collect.max_minutes limit")
    elif reason != "finished":
        parts.append(f"stopped early ({reason})")
    if problems:
        shown = "; ".join(problems[:5])
        more = f" (+{len(problems) - 5} more)" if len(problems) > 5 else ""
        parts.append(f"{len(problems)} problems: {shown}{more}")
    return ", ".join(parts)


def crawl_in_this_process(values: dict[str, Any], run_id: int) -> None:
    """Run the crawl here (a fresh process: the reactor starts once) and record its outcome."""
    from scrapy.crawler import CrawlerProcess

    from spiders.settings import allowed_domains, scrapy_settings
    from spiders.sites.watched import WatchedSitesSpider

    store = Store.open(values["store.db_path"])
    try:
        process = CrawlerProcess(scrapy_settings(values))
        crawler = process.create_crawler(WatchedSitesSpider)
        process.crawl(
            crawler,
            start_urls=values["collect.start_urls"],
            feeds=values["collect.feeds"],
            allowed_domains=allowed_domains(values),
            max_text_chars=int(values["store.max_text_chars"]),
        )
        process.start()
        stats = crawler.stats.get_stats() if crawler.stats else {}
        problems = list(getattr(crawler.spider, "problems", []))
        ok = int(stats.get("repmon/parsed", 0)) > 0  # at least one page or feed came back and was read
        message = _summary(stats, problems)
        if not ok:
            message = "nothing could be fetched: " + message
        store.finish_run(
            run_id, ok=ok, message=message,
            items_seen=int(stats.get("item_scraped_count", 0)),
            items_new=int(stats.get("repmon/items/new", 0)),
            errors=len(problems) + int(stats.get("log_count/ERROR", 0)),
            stats={**_jsonable(stats), "problems": problems},
        )
    except Exception as exc:  # the run must be recorded whatever went wrong
        store.finish_run(run_id, ok=False, message=f"crawl failed: {type(exc).__name__}: {exc}")
        raise
    finally:
        store.close()


def run_crawl(settings: Settings, store: Store) -> dict[str, Any]:
    """Crawl the configured start URLs and feeds in a child process; return the source run row."""
    values = settings.as_dict()
    run_id = store.start_run(SOURCE)
    if not values["collect.start_urls"] and not values["collect.feeds"]:
        store.finish_run(run_id, ok=False, message=(
            "no sites or feeds configured: set collect.start_urls or collect.feeds in repmon.toml"))
        return store.get_run(run_id)  # type: ignore[return-value]
    bad = [f"{key} {url!r}" for key in ("collect.start_urls", "collect.feeds") for url in values[key]
           if not url.startswith(("http://", "https://"))]
    if bad:
        store.finish_run(run_id, ok=False, message=(
            "not an http(s) URL: " + ", ".join(bad) + "; write each as a full address, e.g. https://example.org/news/"))
        return store.get_run(run_id)  # type: ignore[return-value]
    # the crawl closes itself after collect.max_minutes; the grace period covers start-up and closing
    limit = 60 * float(values["collect.max_minutes"]) + GRACE_SECONDS
    try:
        child = subprocess.run(
            [sys.executable, "-m", "spiders.crawl", str(run_id)],
            input=json.dumps(values), text=True, capture_output=True, check=False, timeout=limit,
        )
        returncode, stderr = child.returncode, child.stderr
    except subprocess.TimeoutExpired:  # subprocess.run has killed it
        returncode = None
        stderr = f"killed after {limit:.0f} s: the crawl did not close by itself"
        log.warning("crawl run %s %s", run_id, stderr)
    run = store.get_run(run_id)
    if run is None or run["status"] == "running":
        last = (stderr.strip().splitlines() or ["no output"])[-1]
        store.finish_run(run_id, ok=False, message=f"crawl process ended unexpectedly (exit code {returncode}): {last}")
        run = store.get_run(run_id)
    elif stderr.strip():
        log.info("crawl log:\n%s", stderr.strip()[-4000:])
    log.info("crawl %s: %s", run["status"], run["message"])  # type: ignore[index]
    return run  # type: ignore[return-value]


if __name__ == "__main__":
    crawl_in_this_process(json.loads(sys.stdin.read()), int(sys.argv[1]))
