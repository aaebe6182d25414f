"""Crawl speed: our Scrapy crawl with extraction against a plain asyncio fetch-and-extract loop.

A local site of 2,000 article pages (50-100 KB each: a nav bar, the story, a
comment thread and a footer of 200 links) plus 40 section pages is generated
in memory and served on 127.0.0.1 by a server in a process of its own. Three
crawls of it, each in a fresh process whose peak memory is read from
getrusage:

- ``scrapy``: the real crawl (spiders/sites/watched.py with every middleware
  and pipeline: evidence WARC + SHA-256, conditional requests, seen-store,
  store, near-duplicate clusters);
- ``scrapy-extract``: the same spider and extraction without evidence,
  seen-store or store (the crawl machinery alone);
- ``plain``: aiohttp, 16 workers, the same extraction (spiders/extract.py) and
  the same link choice (spiders/links.py), nothing kept.

Pages per second are wall-clock (start to the last page handled); pages per
CPU-second count only the crawl process's own CPU time, which other work on a
shared machine does not skew.

Usage: python -m bench crawl   (or python -m bench.crawl_bench [PAGES [MODE ...]])
"""

from __future__ import annotations

import json
import random
import resource
import subprocess
import sys
import tempfile
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from multiprocessing import Process, Queue
from pathlib import Path
from typing import Any

PAGES = 2000
SECTIONS = 40
WORKERS = 16
SYLLABLES = "ba be bi bo bu da de di do du ga ge gi go la le li lo lu ma me mi mo na ne ni no ra re ri ro sa se si so ta te ti to".split()
FUNCTION_WORDS = "the a of to and in that is was for on with as by at from".split()


def _vocabulary() -> list[str]:
    """4,000 made-up words plus English function words: text as varied as real prose."""
    rng = random.Random(0)
    return ["".join(rng.choice(SYLLABLES) for _ in range(rng.randint(1, 4))) for _ in range(4000)]


WORDS = _vocabulary()


def _sentence(rng: random.Random) -> str:
    words = [rng.choice(FUNCTION_WORDS) if rng.random() < 0.4 else rng.choice(WORDS) for _ in range(rng.randint(8, 20))]
    return " ".join(words).capitalize() + "."


def make_page(n: int, pages: int) -> bytes:
    """Article ``n``: nav, a story with a few related links, comments and a long footer; 50-100 KB."""
    rng = random.Random(n)
    target = rng.randint(50_000, 100_000)
    nav = " | ".join(f'<a href="/section/{s}">Section {s}</a>' for s in range(SECTIONS))
    related = " ".join(f'<a href="/article/{(n + k) % pages}">Related {k}</a>' for k in range(1, 6))
    footer = " ".join(f'<a href="/tag/{t}">tag {t}</a>' for t in range(200))
    head = (f'<!DOCTYPE html><html lang="en-GB"><head><meta charset="utf-8"><title>Story {n}</title></head><body>'
            f"<header><nav>{nav}</nav></header><main><article><h1>Story {n}</h1>"
            f'<p class="byline">By Reporter {n % 17}</p>')
    tail = f"<p>{related}</p></article>"
    foot = f'</main><footer><p>{footer}</p><p>Fictional demo site.</p></footer></body></html>'
    body: list[str] = []
    size = len(head) + len(tail) + len(foot)
    story_budget = target * 0.6
    while size < story_budget:
        para = "<p>" + " ".join(_sentence(rng) for _ in range(6)) + "</p>"
        body.append(para)
        size += len(para)
    comments = ['<section id="comments" class="comments"><h2>Comments</h2>']
    i = 0
    while size < target:
        c = (f'<div class="comment"><p class="author">reader_{i}</p><p>{_sentence(rng)} {_sentence(rng)} '
             f'<a href="http://elsewhere.invalid/{i}">link</a></p></div>')
        comments.append(c)
        size += len(c)
        i += 1
    comments.append("</section>")
    return (head + "".join(body) + tail + "".join(comments) + foot).encode("utf-8")


def make_site(pages: int) -> dict[str, bytes]:
    site: dict[str, bytes] = {"/robots.txt": b"User-agent: *\nDisallow:\n"}
    nav = " | ".join(f'<a href="/section/{s}">Section {s}</a>' for s in range(SECTIONS))
    per = -(-pages // SECTIONS)
    for s in range(SECTIONS):
        links = "".join(f'<li><a href="/article/{n}">Story {n}</a></li>' for n in range(s * per, min(pages, (s + 1) * per)))
        site[f"/section/{s}"] = (f'<html lang="en-GB"><head><title>Section {s}</title></head><body><header><nav>{nav}'
                                 f"</nav></header><main><h1>Section {s}</h1><ul>{links}</ul></main></body></html>").encode()
    site["/"] = site["/section/0"]
    for n in range(pages):
        site[f"/article/{n}"] = make_page(n, pages)
    return site


def serve(pages: int, ready: Queue) -> None:  # type: ignore[type-arg]
    site = make_site(pages)

    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def log_message(self, *args: object) -> None:
            pass

        def do_GET(self) -> None:
            body = site.get(self.path.split("?")[0])
            ctype = "text/plain" if self.path == "/robots.txt" else "text/html; charset=utf-8"
            self.send_response(200 if body is not None else 404)
            body = body if body is not None else b"not found"
            self.send_header("Content-Type", ctype)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    server.daemon_threads = True
    ready.put(server.server_address[1])
    server.serve_forever()


# -- the crawls, each run as `python -m bench.crawl_bench MODE BASE_URL WORKDIR` --------------------------


def crawl_scrapy(base: str, workdir: Path, full: bool) -> dict[str, Any]:
    from scrapy.crawler import CrawlerProcess

    from repmon.config import load_settings
    from spiders.settings import scrapy_settings
    from spiders.sites.watched import WatchedSitesSpider

    values = load_settings(environ={}, dotenv=False).with_overrides({
        "store.db_path": str(workdir / "bench.db"), "store.evidence_dir": str(workdir / "evidence"),
        "collect.start_urls": [base + "/"], "collect.depth": 2, "collect.download_delay": 0.0,
        "collect.concurrency_per_domain": WORKERS, "collect.max_minutes": 30.0,
    }).as_dict()
    settings = scrapy_settings(values)
    settings["CONCURRENT_REQUESTS"] = WORKERS
    if not full:
        settings["DOWNLOADER_MIDDLEWARES"] = {}
        settings["ITEM_PIPELINES"] = {"spiders.pipelines.validate.ValidatePipeline": 100}
    from scrapy import signals

    process = CrawlerProcess(settings)
    crawler = process.create_crawler(WatchedSitesSpider)
    last = [0.0]

    def done(*args: Any, **kwargs: Any) -> None:
        last[0] = time.perf_counter()

    # the last page handled, not the close: Scrapy notices it is idle on a 5-second heartbeat
    crawler.signals.connect(done, signal=signals.item_scraped)
    crawler.signals.connect(done, signal=signals.item_dropped)
    process.crawl(crawler, start_urls=[base + "/"], allowed_domains=["127.0.0.1"], depth=2,
                  max_text_chars=200_000)
    started = time.perf_counter()
    process.start()
    wall = time.perf_counter() - started
    stats = crawler.stats.get_stats() if crawler.stats else {}
    return {"pages": int(stats.get("repmon/parsed", 0)), "items": int(stats.get("item_scraped_count", 0)),
            "seconds": last[0] - started, "wall": wall}


async def _plain(base: str) -> dict[str, Any]:
    import asyncio

    import aiohttp

    from spiders.extract import extract_page, parse_html
    from spiders.links import content_links

    queue: asyncio.Queue[tuple[str, int]] = asyncio.Queue()
    seen = {base + "/"}
    counts = {"pages": 0, "items": 0}
    await queue.put((base + "/", 0))

    async def worker(session: aiohttp.ClientSession) -> None:
        while True:
            url, depth = await queue.get()
            try:
                async with session.get(url) as response:
                    body = await response.read()
                    text = body.decode(response.charset or "utf-8", errors="replace")
                counts["pages"] += 1
                tree = parse_html(text)
                if tree is not None:
                    if extract_page(text, url, 200_000, tree=tree):
                        counts["items"] += 1
                    if depth < 2:
                        for link in content_links(tree, url):
                            if link.startswith(base) and link not in seen:
                                seen.add(link)
                                queue.put_nowait((link, depth + 1))
            finally:
                queue.task_done()

    async with aiohttp.ClientSession(connector=aiohttp.TCPConnector(limit=WORKERS)) as session:
        workers = [asyncio.create_task(worker(session)) for _ in range(WORKERS)]
        started = time.perf_counter()
        await queue.join()
        elapsed = time.perf_counter() - started
        for w in workers:
            w.cancel()
    return {**counts, "seconds": elapsed, "wall": elapsed}


def run_child(mode: str, base: str, workdir: Path) -> dict[str, Any]:
    out = subprocess.run([sys.executable, "-m", "bench.crawl_bench", mode, base, str(workdir)],
                         capture_output=True, text=True, check=False)
    if out.returncode != 0:
        raise RuntimeError(f"{mode} crawl failed: {out.stderr[-2000:]}")
    return json.loads(out.stdout.strip().splitlines()[-1])


def main(pages: int = PAGES, modes: tuple[str, ...] = ("plain", "scrapy-extract", "scrapy")) -> dict[str, dict[str, Any]]:
    ready: Queue = Queue()  # type: ignore[type-arg]
    server = Process(target=serve, args=(pages, ready), daemon=True)
    server.start()
    try:
        base = f"http://127.0.0.1:{ready.get(timeout=300)}"
        results = {}
        for mode in modes:
            with tempfile.TemporaryDirectory(prefix="repmon-crawl-bench-") as tmp:
                results[mode] = run_child(mode, base, Path(tmp))
            r = results[mode]
            r["pages_per_s"] = r["pages"] / r["seconds"]
            r["pages_per_cpu_s"] = r["pages"] / r["cpu_s"]
            print(f"{mode:15s} {r['pages']:5d} pages {r['items']:5d} items {r['seconds']:7.1f} s ({r['wall']:.1f} s wall) "
                  f"{r['pages_per_s']:6.1f} pages/s  {r['pages_per_cpu_s']:6.1f} pages/CPU-s  "
                  f"peak RSS {r['peak_mb']:.0f} MB", flush=True)
        for mode in [m for m in modes if m != "plain" and "plain" in modes]:
            print(f"{mode} / plain: {results[mode]['pages_per_s'] / results['plain']['pages_per_s']:.0%} of the pages/s, "
                  f"{results[mode]['pages_per_cpu_s'] / results['plain']['pages_per_cpu_s']:.0%} of the pages/CPU-s")
        return results
    finally:
        server.terminate()
        server.join()


def _cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


def _child(mode: str, base: str, workdir: str) -> None:
    cpu = _cpu()
    if mode == "plain":
        import asyncio

        result = asyncio.run(_plain(base))
    else:
        result = crawl_scrapy(base, Path(workdir), full=(mode == "scrapy"))
    result["cpu_s"] = _cpu() - cpu  # the crawl's own CPU time: other work on a shared machine does not count
    result["peak_mb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(json.dumps(result))


if __name__ == "__main__":
    if len(sys.argv) == 4 and sys.argv[2].startswith("http://"):  # one crawl, started by run_child
        _child(*sys.argv[1:4])
    else:
        main(int(sys.argv[1]) if len(sys.argv) > 1 else PAGES, tuple(sys.argv[2:]) or ("plain", "scrapy-extract", "scrapy"))
