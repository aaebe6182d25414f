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
import os
import signal
import subprocess
import sys
import threading
import time
from typing import Any

from data.store import Store
from repmon import clock
from repmon.config import Settings
from repmon.errors import RepmonError

log = logging.getLogger(__name__)

SOURCE = "web"
GRACE_SECONDS = 120


def _jsonable(stats: dict[str, Any]) -> dict[str, Any]:
    return json.loads(json.dumps(stats, default=str))


def _summary(stats: dict[str, Any], problems: list[str], disabled: list[str]) -> str:
    parts = [
        f"{stats.get('response_received_count', 0)} responses",
        f"{stats.get('item_scraped_count', 0)} items ({stats.get('repmon/items/new', 0)} new)",
    ]
    unchanged = int(stats.get("repmon/not_modified", 0)) + int(stats.get("repmon/unchanged", 0))
    if unchanged:
        parts.append(f"{unchanged} pages unchanged since the last crawl")
    parts.extend(disabled)
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

    from spiders.search import engines
    from spiders.settings import allowed_domains, scrapy_settings
    from spiders.sites.watched import WatchedSitesSpider

    secrets = values.pop("_secrets", {})
    plan = values.pop("_plan", {})
    store = Store.open(values["store.db_path"])
    try:
        process = CrawlerProcess(scrapy_settings(values))
        crawler = process.create_crawler(WatchedSitesSpider)
        process.crawl(
            crawler,
            start_urls=values["collect.start_urls"],
            feeds=values["collect.feeds"] + plan.get("news_feeds", []),
            allowed_domains=allowed_domains(values),
            max_text_chars=int(values["store.max_text_chars"]),
            depth=int(values["collect.depth"]),
            sitemaps=values["collect.sitemaps"],
            discover_sitemaps=bool(values["collect.discover_sitemaps"]),
            sitemap_max_age_days=int(values["collect.sitemap_max_age_days"]),
            max_sitemap_urls=int(values["collect.max_sitemap_urls"]),
            max_body_bytes=int(values["collect.max_body_bytes"]),
            max_thread_pages=int(values["collect.max_thread_pages"]),
            max_links_per_page=int(values["collect.max_links_per_page"]),
            search_engines=engines(values, secrets),
            search_queries=plan.get("queries", []),
            search_daily_results=int(values["search.daily_results"]),
            search_pages_per_query=int(values["search.pages_per_query"]),
            search_day=plan.get("day", ""),
        )
        process.start()
        stats = crawler.stats.get_stats() if crawler.stats else {}
        problems = list(getattr(crawler.spider, "problems", []))
        disabled = list(getattr(crawler.spider, "disabled", []))
        # at least one page, feed or sitemap came back and was read, or was unchanged since the last crawl
        ok = sum(int(stats.get(f"repmon/{k}", 0)) for k in ("parsed", "not_modified", "sitemaps/not_modified")) > 0
        message = _summary(stats, problems, disabled)
        if not ok:
            message = "nothing could be fetched: " + message
        store.finish_run(
            run_id, ok=ok, message=message,
            items_seen=int(stats.get("item_scraped_count", 0)),
            items_new=int(stats.get("repmon/items/new", 0)),
            errors=len(problems) + int(stats.get("log_count/ERROR", 0)),
            stats={**_jsonable(stats), "problems": problems, "disabled": disabled},
        )
    except Exception as exc:  # the run must be recorded whatever went wrong
        store.finish_run(run_id, ok=False, message=f"crawl failed: {type(exc).__name__}: {exc}")
        raise
    finally:
        store.close()


def _secrets(settings: Settings) -> dict[str, str]:
    """The search API keys, read from the environment or .env; handed to the child on its standard input only."""
    return {"brave": settings.secret("search.brave_key_env"), "google": settings.secret("search.google_key_env")}


def _plan(settings: Settings) -> dict[str, Any]:
    """What the profile adds to the crawl: search queries, news-search feed URLs, the budget's day."""
    from spiders.search import engines, feed_urls, queries_from_profile

    secrets = _secrets(settings)
    wanted = engines(settings.as_dict(), secrets)
    searching = any(not e.disabled_reason() for e in wanted)
    templates = list(settings["collect.news_search_feeds"])
    queries: list[str] = []
    if searching or templates:
        from repmon.profile import load_profile

        queries = queries_from_profile(load_profile(settings["profile.path"]), int(settings["search.max_queries"]))
    return {
        "queries": queries if searching else [],
        "news_feeds": feed_urls(templates, queries),
        "searching": searching,
        "off": [f"{e.name} search is off: {e.disabled_reason()}" for e in wanted if e.disabled_reason()],
        "day": clock.today(settings["schedule.timezone"]).isoformat(),
    }


_PARENT_ENV = "REPMON_CRAWL_PARENT_PID"
_CHILDREN: set[subprocess.Popen[str]] = set()
_CHILDREN_LOCK = threading.Lock()


def stop_children() -> None:
    """Ask every running crawl process to close its spider (SIGTERM); each still records its run."""
    with _CHILDREN_LOCK:
        children = list(_CHILDREN)
    for child in children:
        if child.poll() is None:
            child.send_signal(signal.SIGTERM)


def _exit_with_parent() -> None:
    """In the crawl process: end at once if the process that started it dies (kill -9, crash).

    Its source run stays 'running' under the dead parent's pid, so the next start
    marks it interrupted and crawls again; an orphan must not go on writing.
    On Linux the kernel kills us with the parent (PR_SET_PDEATHSIG; the thread that
    started us waits for us, so it outlives us); elsewhere a watcher notices within 0.2 s.
    """
    parent = int(os.environ.get(_PARENT_ENV) or os.getppid())
    try:
        import ctypes

        ctypes.CDLL(None, use_errno=True).prctl(1, int(signal.SIGKILL))  # 1 = PR_SET_PDEATHSIG
    except (OSError, AttributeError):
        pass
    if os.getppid() != parent:  # the parent died before the line above took effect
        os._exit(70)

    def watch() -> None:
        while True:
            time.sleep(0.2)
            if os.getppid() != parent:
                os._exit(70)

    threading.Thread(target=watch, name="repmon-parent-watch", daemon=True).start()


def run_crawl(settings: Settings, store: Store) -> dict[str, Any]:
    """Crawl the configured start URLs and feeds in a child process; return the source run row."""
    values = settings.as_dict()
    run_id = store.start_run(SOURCE)
    try:
        plan = _plan(settings)
    except RepmonError as exc:
        store.finish_run(run_id, ok=False, message=str(exc))
        return store.get_run(run_id)  # type: ignore[return-value]
    if not (values["collect.start_urls"] or values["collect.feeds"] or values["collect.sitemaps"]
            or plan["news_feeds"] or plan["searching"]):
        store.finish_run(run_id, ok=False, message=(
            "no sites, feeds, sitemaps or searches configured: set collect.start_urls, collect.feeds, "
            "collect.sitemaps or collect.news_search_feeds in repmon.toml, or a search API key"
            + "".join(f"; {note}" for note in plan["off"])))
        return store.get_run(run_id)  # type: ignore[return-value]
    bad = [f"{key} {url!r}" for key in ("collect.start_urls", "collect.feeds", "collect.sitemaps",
                                        "collect.news_search_feeds") for url in values[key]
           if not url.startswith(("http://", "https://"))]
    if bad:
        store.finish_run(run_id, ok=False, message=(
            "not an http(s) URL: " + ", ".join(bad) + "; write each as a full address, e.g. https://example.org/news/"))
        return store.get_run(run_id)  # type: ignore[return-value]
    # the crawl closes itself after collect.max_minutes; the grace period covers start-up and closing
    limit = 60 * float(values["collect.max_minutes"]) + GRACE_SECONDS
    child = subprocess.Popen(
        # -P: the working directory (often the school's data folder, holding a data/ folder) must not
        # shadow repmon's own packages in the child
        [sys.executable, "-P", "-m", "spiders.crawl", str(run_id)],
        stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
        env={**os.environ, _PARENT_ENV: str(os.getpid())},
    )
    with _CHILDREN_LOCK:
        _CHILDREN.add(child)
    try:
        _, stderr = child.communicate(json.dumps({**values, "_plan": plan, "_secrets": _secrets(settings)}),
                                      timeout=limit)
        returncode: int | None = child.returncode
    except subprocess.TimeoutExpired:
        child.kill()
        child.communicate()
        returncode = None
        stderr = f"killed after {limit:.0f} s: the crawl did not close by itself"
        log.warning("crawl run %s %s", run_id, stderr)
    finally:
        with _CHILDREN_LOCK:
            _CHILDREN.discard(child)
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
    _exit_with_parent()
    crawl_in_this_process(json.loads(sys.stdin.read()), int(sys.argv[1]))
