"""kill -9 in the middle of a job, then restart: nothing lost, nothing stored twice, the job runs again."""

from __future__ import annotations

import signal
import time
from collections.abc import Callable
from pathlib import Path

from data.store import Store
from spiders.items import Item

from social.replay import load_recording
from tests.paths import FIXTURES
from tests.scheduler.conftest import GatedReplay, GatedSite, Service, article, rows, wait_for
from tests.social.conftest import RECORDINGS


def _runs(db: Path, source: str) -> list[dict]:
    return rows(db, "SELECT id, status, message FROM source_runs WHERE source = ? ORDER BY id", (source,))


def test_kill_9_during_a_crawl(tmp_path: Path, service_config: Callable[..., Path],
                               services: Callable[[Path], Service]) -> None:
    pages = {"/": "<html><body>" + "".join(f'<a href="/p{i}">story {i}</a>' for i in range(6)) + "</body></html>"}
    pages.update({f"/p{i}": article(f"Story {i}", f"Pupils at the school planted tree number {i} this week. " * 8)
                  for i in range(6)})
    site = GatedSite(pages, held={"/p5"})
    try:
        config = service_config(collect__start_urls=[site.base + "/"], collect__concurrency_per_domain=8,
                                schedule__collect_minutes=0.05, schedule__analyse_minutes=60.0)
        db = tmp_path / "repmon.db"
        first = services(config)
        wait_for(lambda: "/p5" in site.hits and len(rows(db, "SELECT id FROM items")) >= 5, what="a crawl half done", service=first)
        first.kill9()
        site.release()
        time.sleep(1.5)  # an orphaned crawl process would finish its run now that the page is released
        second = services(config)
        wait_for(lambda: [r["status"] for r in _runs(db, "web")][:1] == ["interrupted"]
                 and any(r["status"] == "ok" for r in _runs(db, "web")[1:]), what="the crawl to run again",
                 service=second)
        code, _ = second.terminate()
        assert code == 0
    finally:
        site.close()
    runs = _runs(db, "web")
    assert runs[0]["status"] == "interrupted"  # and stays so: the orphaned crawl process did not finish it
    items = rows(db, "SELECT url FROM items")
    urls = [r["url"] for r in items]
    assert len(urls) == len(set(urls))
    assert {site.base + f"/p{i}" for i in range(6)} <= set(urls)


def test_kill_9_during_a_social_poll(tmp_path: Path, service_config: Callable[..., Path],
                                     services: Callable[[Path], Service]) -> None:
    """A real Mastodon recording served from 127.0.0.1; the service is killed while its search waits."""
    recorded = load_recording(FIXTURES / "mastodon-py" / "cassettes" / "test_hashtag_tl.yaml")
    server = GatedReplay(recorded + load_recording(RECORDINGS / "mastodon" / "search_empty.json"),
                         held=("/api/v2/search",))
    db = tmp_path / "repmon.db"
    try:
        config = service_config(social__sources=["mastodon"], mastodon__instances=[server.base],
                                mastodon__hashtags=["hoot"], social__max_threads_per_run=0,
                                schedule__social_minutes=0.05, schedule__analyse_minutes=60.0)
        first = services(config)
        wait_for(lambda: "/api/v2/search" in server.paths, what="the poll to reach its search", service=first)
        first.kill9()
        polled_before = rows(db, "SELECT count(*) AS n FROM items")[0]["n"]
        server.release()
        second = services(config)
        wait_for(lambda: [r["status"] for r in _runs(db, "mastodon")][:1] == ["interrupted"]
                 and any(r["status"] == "ok" for r in _runs(db, "mastodon")[1:]), what="the poll to run again",
                 service=second)
        wait_for(lambda: len([r for r in _runs(db, "mastodon") if r["status"] == "ok"]) >= 2,
                 what="a second good poll", service=second)
        code, _ = second.terminate()
        assert code == 0
    finally:
        server.close()
    items = rows(db, "SELECT url FROM items WHERE source = 'mastodon'")
    assert len(items) == 1 and polled_before <= 1  # the one real post, stored once across the kill and two polls
    assert rows(db, "SELECT count(*) AS n FROM evidence WHERE url LIKE '%/timelines/tag/hoot%'")[0]["n"] >= 1


def test_kill_9_during_analysis(tmp_path: Path, service_config: Callable[..., Path],
                                services: Callable[[Path], Service]) -> None:
    db = tmp_path / "repmon.db"
    store = Store.open(db)
    total = 3000
    try:
        for i in range(total):
            threat = i % 50 == 0
            text = (f"Someone should bring a knife to Queen Elizabeth High School Carmarthen and hurt Mr Beynon ({i})"
                    if threat else f"Queen Elizabeth High School in Carmarthen won match {i} on Saturday.")
            store.save_item(Item(source="test", url=f"https://forum.example/t/{i}", text=text,
                                 fetched_at="2026-11-28T09:00:00Z"))
    finally:
        store.close()
    config = service_config(schedule__analyse_minutes=60.0)
    first = services(config)
    done = wait_for(lambda: rows(db, "SELECT count(*) AS n FROM findings")[0]["n"] > 0, timeout=60,
                    what="analysis to start", service=first)
    assert done
    first.kill9()
    analysed = rows(db, "SELECT count(*) AS n FROM findings")[0]["n"]
    assert analysed < total, "analysis finished before the kill; make the test corpus bigger"

    second = services(config)
    wait_for(lambda: any(r["status"] == "ok" for r in _runs(db, "analyse")), timeout=120,
             what="analysis to run again")
    second.proc.send_signal(signal.SIGTERM)
    second.proc.wait(60)
    assert [r["status"] for r in _runs(db, "analyse")][:1] == ["interrupted"]
    assert rows(db, "SELECT count(DISTINCT item_id) AS n, count(*) AS m FROM findings")[0] == {"n": total, "m": total}
    threats = rows(db, "SELECT count(*) AS n FROM alerts WHERE severity = 'critical'")[0]["n"]
    assert threats == total // 50  # every threat has its alert, none twice (a kill between finding and alert loses none)


def test_sigterm_stops_cleanly_and_a_second_service_is_refused(tmp_path: Path, service_config: Callable[..., Path],
                                                               services: Callable[[Path], Service]) -> None:
    config = service_config()
    first = services(config)
    wait_for(lambda: rows(tmp_path / "repmon.db", "SELECT id FROM source_runs WHERE source = 'analyse'"),
             what="the service to start")
    second = services(config)
    assert second.proc.wait(60) == 1
    assert "already running repmon on this database" in second.output()
    code, _ = first.terminate()
    assert code == 0
    assert not rows(tmp_path / "repmon.db", "SELECT id FROM source_runs WHERE status = 'running'")
