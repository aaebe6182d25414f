"""The scheduler runs every job on its timetable; a failing source is reported and never stops the rest."""

from __future__ import annotations

import socket
import statistics
import time
from datetime import datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

import scheduler
from data.store import Store
from repmon import clock
from repmon.config import Settings
from repmon.errors import ConfigError

from tests.scheduler.conftest import rows, wait_for


def _dead_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])  # closed again: nothing listens there


def _seconds(runs: list[dict], source: str) -> list[float]:
    return [clock.parse(r["started_at"]).timestamp() for r in runs if r["source"] == source]


def test_every_job_runs_on_time_and_a_failing_source_does_not_stop_the_rest(settings: Settings, tmp_path: Path,
                                                                          mailbox) -> None:
    tz = ZoneInfo(settings["schedule.timezone"])
    start = datetime.now(tz)

    def at(seconds: int) -> str:
        return (start + timedelta(seconds=seconds)).strftime("%H:%M:%S")

    s = settings.with_overrides({
        "collect.start_urls": [f"http://127.0.0.1:{_dead_port()}/"],  # fails every time
        "collect.timeout": 2, "collect.download_delay": 0.0, "collect.obey_robots": False,
        "smtp.port": mailbox.port,
        "schedule.collect_minutes": 0.05, "schedule.analyse_minutes": 0.05, "schedule.outbox_minutes": 0.05,
        "schedule.digest_time": at(5), "schedule.retention_time": at(6), "schedule.backup_time": at(7),
        "backup.dir": str(tmp_path / "backups"),
    })
    service = scheduler.Service(s, with_web=False)
    service.start()

    def settled() -> bool:  # 11 s, three analyses and every daily job done (a busy machine may take longer)
        if time.monotonic() - began < 11:
            return False
        done = rows(s["store.db_path"], "SELECT source, status FROM source_runs")
        return sum(r["source"] == "analyse" and r["status"] == "ok" for r in done) >= 3 \
            and {"outbox", "digest", "retention", "backup"} <= {r["source"] for r in done if r["status"] == "ok"}

    began = time.monotonic()
    try:
        wait_for(settled, timeout=40, what="three analyses and the daily jobs")
    finally:
        service.stop(grace=30)
    runs = rows(s["store.db_path"], "SELECT * FROM source_runs ORDER BY id")
    by_source = {r["source"]: [x["status"] for x in runs if x["source"] == r["source"]] for r in runs}

    assert set(by_source["web"]) == {"error"} and len(by_source["web"]) >= 2
    assert by_source["analyse"].count("ok") >= 3
    for source in ("outbox", "digest", "retention", "backup"):
        assert "ok" in by_source[source], (source, by_source.get(source))
    analyse = _seconds(runs, "analyse")
    gaps = [b - a for a, b in zip(analyse, analyse[1:])]
    # every 3 s: never much sooner, and mostly on time (one run held up by a busy machine is no failure: with only
    # two gaps, [9.0, 6.0], the median would count that one run as half the evidence, so the lower median is used)
    assert min(gaps) >= 1.5 and statistics.median_low(gaps) <= 6.0, gaps
    assert analyse[0] - start.timestamp() < 4.0  # a new install runs its first analysis at once
    for source, offset in (("digest", 5), ("retention", 6), ("backup", 7)):
        began = _seconds(runs, source)[0] - start.timestamp()
        assert offset - 1.1 <= began <= offset + 3.0, (source, began)
    assert list((tmp_path / "backups").glob("repmon-*.db"))

    store = Store.open(s["store.db_path"])
    try:
        report = scheduler.status(s.with_overrides({"schedule.failing_hours": 0.001}), store,
                                  now=clock.now() + timedelta(minutes=1))
    finally:
        store.close()
    assert report.failing == ["web"]
    text = "\n".join(report.lines)
    assert "FAILING since" in text and "analyse" in text and "backup" in text


def test_a_job_that_raises_is_recorded_and_the_service_goes_on(settings: Settings, monkeypatch) -> None:
    s = settings.with_overrides({"schedule.analyse_minutes": 0.05})
    service = scheduler.Service(s, with_web=False)

    def broken(settings: Settings, store: Store) -> str:
        raise RuntimeError("disk on fire")

    service.specs["analyse"] = scheduler.JobSpec("analyse", "broken", service.specs["analyse"].trigger,
                                                 "every 3 s", broken)
    service.start()
    try:
        time.sleep(4)
        assert service.run_now("outbox") is not None
    finally:
        service.stop(grace=10)
    runs = rows(s["store.db_path"], "SELECT source, status, message FROM source_runs")
    failed = [r for r in runs if r["source"] == "analyse"]
    assert failed and all(r["status"] == "error" and "disk on fire" in r["message"] for r in failed)
    assert any(r["source"] == "outbox" and r["status"] == "ok" for r in runs)


def test_a_second_service_on_the_same_database_refuses_to_start(settings: Settings) -> None:
    first = scheduler.Service(settings, with_web=False)
    first.start()
    try:
        with pytest.raises(Exception, match="already running repmon on this database"):
            scheduler.Service(settings, with_web=False).start()
    finally:
        first.stop(grace=5)
    again = scheduler.Service(settings, with_web=False)
    again.start()  # the lock went with the first service
    again.stop(grace=5)


def test_the_timetable_survives_a_restart(settings: Settings) -> None:
    service = scheduler.Service(settings, with_web=False)
    service.start()
    service.stop(grace=5)
    store = Store.open(settings["store.db_path"])
    try:
        before = scheduler.jobstate.next_run_times(store)
    finally:
        store.close()
    assert {"analyse", "outbox", "digest", "retention", "backup"} <= set(before)
    service = scheduler.Service(settings, with_web=False)
    service.start()
    service.stop(grace=5)
    store = Store.open(settings["store.db_path"])
    try:
        after = scheduler.jobstate.next_run_times(store)
    finally:
        store.close()
    assert after["digest"] == before["digest"] and after["backup"] == before["backup"]


@pytest.mark.parametrize("key, value, words", [
    ("schedule.digest_time", "7.30", "HH:MM"),
    ("schedule.backup_time", "25:00", "HH:MM"),
    ("schedule.analyse_minutes", 0, "above 0"),
])
def test_a_bad_timetable_setting_is_named(settings: Settings, key: str, value: object, words: str) -> None:
    with pytest.raises(ConfigError, match=words) as caught:
        scheduler.job_specs(settings.with_overrides({key: value}))
    assert key in str(caught.value)


def test_the_service_serves_the_web_app_and_stops_it(settings: Settings) -> None:
    import urllib.request

    from demo.mailbox import free_port

    port = free_port()
    s = settings.with_overrides({"web.port": port})
    service = scheduler.Service(s, with_web=True)
    service.start()
    try:
        with urllib.request.urlopen(f"http://127.0.0.1:{port}/login", timeout=10) as answer:
            assert answer.status == 200 and b"password" in answer.read().lower()
    finally:
        service.stop(grace=5)
    with pytest.raises(OSError):
        urllib.request.urlopen(f"http://127.0.0.1:{port}/login", timeout=2)
