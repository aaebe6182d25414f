"""repmon's timetable: APScheduler jobs built from settings, run as one long-lived service.

Each job is one step of the chain from repmon/jobs.py and the modules it names:
collect (web, each social source), analyse-and-act, the outbox, the digest,
removal re-checks, evidence re-captures, the retention purge and the backup.

- Jobs live in APScheduler's SQLAlchemy job store, in the repmon database
  itself (table apscheduler_jobs), so the timetable survives restarts; every
  job coalesces missed runs, has a misfire grace time and never runs twice at
  once.
- Every run is a row in source_runs (the collectors write their own; the
  wrapper here writes the rest). A run whose process died (kill -9, power cut)
  is found at the next start, marked interrupted, and its job runs again then.
  Nothing is lost or stored twice because every write is idempotent: items are
  unique per (URL, content), findings per (item, analyser), alerts per item,
  e-mails per dedupe key.
- One job failing is recorded and never stops the others.
"""

from __future__ import annotations

import logging
import os
import signal
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone
from typing import Any
from zoneinfo import ZoneInfo

from apscheduler.executors.pool import ThreadPoolExecutor
from apscheduler.jobstores.sqlalchemy import SQLAlchemyJobStore
from apscheduler.schedulers.background import BackgroundScheduler
from apscheduler.triggers.base import BaseTrigger
from apscheduler.triggers.cron import CronTrigger
from apscheduler.triggers.interval import IntervalTrigger

from data import jobstate
from data.lock import ServiceLock
from data.store import Store
from repmon import clock
from repmon.config import Settings
from repmon.errors import ConfigError, RepmonError

log = logging.getLogger("repmon.scheduler")


@dataclass(frozen=True)
class JobSpec:
    id: str  # also the source name its runs are recorded under
    title: str
    trigger: BaseTrigger
    every: str  # the timetable in words, for `repmon status`
    run: Callable[[Settings, Store], str]  # does the work; returns a one-line summary
    records_own_run: bool = False  # collectors open and close their own source run
    run_at_start: bool = False  # first run as soon as the service starts (a new install shows results at once)


def _time_of_day(settings: Settings, key: str) -> tuple[int, int, int]:
    value = settings[key]
    try:
        parts = [int(part) for part in value.split(":")]
        if len(parts) == 2:
            parts.append(0)
        hour, minute, second = parts
        if not (0 <= hour < 24 and 0 <= minute < 60 and 0 <= second < 60):
            raise ValueError
    except ValueError:
        raise ConfigError(f"{settings.source}: setting '{key}' must be a time of day as HH:MM "
                          f"(24-hour clock, e.g. 07:30), got {value!r}.") from None
    return hour, minute, second


def _minutes(settings: Settings, key: str) -> float:
    value = float(settings[key])
    if value <= 0:
        raise ConfigError(f"{settings.source}: setting '{key}' must be a number of minutes above 0, got {value:g}.")
    return value


# ---- the work of each job ---------------------------------------------------------------

def _load_profile(settings: Settings) -> Any:
    from repmon.profile import load_profile

    return load_profile(settings["profile.path"])


def _collect_web(settings: Settings, store: Store) -> str:
    from repmon import jobs

    run = jobs.collect_web(settings, store)
    if run["status"] != "ok":
        raise RepmonError(run["message"])
    return run["message"]


def _collect_social(name: str) -> Callable[[Settings, Store], str]:
    def collect(settings: Settings, store: Store) -> str:
        from social.collect import collect_social

        runs = collect_social(settings, store, only=[name])
        failed = [r for r in runs if r.get("status") not in ("ok", jobstate.DISABLED)]
        if failed:
            raise RepmonError("; ".join(r.get("message", "") for r in failed))
        return "; ".join(r.get("message", "") for r in runs)

    return collect


def _analyse(settings: Settings, store: Store) -> str:
    """Analyse what is new, then act at once: critical alerts must not wait for another job."""
    from repmon import jobs

    profile = _load_profile(settings)
    analysed = jobs.analyse_new(settings, store, profile)
    acted = jobs.act(settings, store, profile)
    summary = (f"analysed {analysed.analysed} ({analysed.relevant} relevant), opened {len(analysed.alerts)} alerts, "
               f"queued {acted.critical_queued} immediate alerts, drafted {len(acted.letters)} letters, "
               f"sent {acted.sent} e-mails")
    problems = analysed.errors + ([f"{acted.failed} e-mails kept in the outbox to retry"] if acted.failed else [])
    if problems:
        raise RepmonError(summary + "; " + "; ".join(problems[:5]))
    return summary


def _outbox(settings: Settings, store: Store) -> str:
    from alerts.mailer import flush_outbox

    sent, failed = flush_outbox(store, settings)
    if failed:
        raise RepmonError(f"sent {sent}; {failed} e-mails could not be sent and stay in the outbox to retry")
    return f"sent {sent} e-mails"


def _digest(settings: Settings, store: Store) -> str:
    from alerts import digest
    from alerts.mailer import flush_outbox
    from alerts.schooldays import is_school_day

    day = clock.today(settings["schedule.timezone"])
    if not is_school_day(day, settings):
        return f"{day} is not a school day (weekend, bank holiday or outside term): no digest"
    message_id = digest.queue_digest(store, settings, _load_profile(settings), day)
    if message_id is None:
        raise RepmonError("no digest recipients: set recipients.digest in repmon.toml")
    sent, failed = flush_outbox(store, settings)
    if failed:
        raise RepmonError(f"digest for {day} queued; {failed} e-mails kept in the outbox to retry")
    return f"digest for {day} sent"


def _recheck(settings: Settings, store: Store) -> str:
    from alerts.removal import recheck_removals

    summary = recheck_removals(settings, store)
    if summary.errors and not summary.checked:
        raise RepmonError(summary.line())
    return summary.line()


def _recapture(settings: Settings, store: Store) -> str:
    from spiders.recapture import recapture_flagged

    return recapture_flagged(settings, store).line()


def _screenshots(settings: Settings, store: Store) -> str:
    from spiders.screenshot import screenshot_flagged

    done = screenshot_flagged(settings, store)
    line = f"{done['taken']} screenshots taken, {done['withheld']} withheld (possible abuse imagery: URL and hash only)"
    if done["errors"]:
        raise RepmonError(line + "; " + "; ".join(str(e) for e in done["errors"][:3]))
    return line


def _retention(settings: Settings, store: Store) -> str:
    from data.retention import purge

    result = purge(store, irrelevant_days=settings["retention.irrelevant_days"],
                   dismissed_days=settings["retention.dismissed_days"],
                   incident_years=settings["retention.incident_years"],
                   run_log_days=settings["retention.run_log_days"],
                   evidence_dir=settings["store.evidence_dir"])
    return result.summary()


def _backup(settings: Settings, store: Store) -> str:
    from data.backup import backup

    done = backup(settings["store.db_path"], settings["backup.dir"], keep=settings["backup.keep"],
                  evidence_dir=settings["store.evidence_dir"])
    return f"backed up to {done.path} ({done.size:,} bytes), {done.evidence_copied} evidence files copied"


def _social_sources(settings: Settings) -> list[str]:
    """The platforms in social.sources (one without credentials still runs, and is recorded as disabled)."""
    from social.collect import configured_sources

    return configured_sources(settings)


def job_specs(settings: Settings) -> list[JobSpec]:
    """The timetable the settings ask for."""
    tz = ZoneInfo(settings["schedule.timezone"])

    def every(key: str) -> tuple[IntervalTrigger, str]:
        minutes = _minutes(settings, key)
        return IntervalTrigger(seconds=round(minutes * 60), timezone=tz), f"every {minutes:g} min"

    def daily(key: str) -> tuple[CronTrigger, str]:
        hour, minute, second = _time_of_day(settings, key)
        trigger = CronTrigger(hour=hour, minute=minute, second=second, timezone=tz)
        return trigger, f"daily at {hour:02d}:{minute:02d}"

    specs: list[JobSpec] = []
    if settings["collect.start_urls"] or settings["collect.feeds"]:
        trigger, words = every("schedule.collect_minutes")
        specs.append(JobSpec("web", "Crawl watched sites and feeds", trigger, words, _collect_web,
                             records_own_run=True, run_at_start=True))
    for name in _social_sources(settings):
        trigger, words = every("schedule.social_minutes")
        specs.append(JobSpec(name, f"Search {name}", trigger, words, _collect_social(name),
                             records_own_run=True, run_at_start=True))
    trigger, words = every("schedule.analyse_minutes")
    specs.append(JobSpec("analyse", "Analyse new items, alert, draft letters", trigger, words, _analyse,
                         run_at_start=True))
    trigger, words = every("schedule.outbox_minutes")
    specs.append(JobSpec("outbox", "Send or retry queued e-mails", trigger, words, _outbox))
    trigger, words = daily("schedule.digest_time")  # the job itself skips days that are not school days
    specs.append(JobSpec("digest", "Daily digest for senior leaders", trigger, words, _digest))
    trigger, words = every("schedule.recheck_minutes")
    specs.append(JobSpec("recheck", "Re-check requested removals", trigger, words, _recheck))
    trigger, words = every("schedule.analyse_minutes")
    specs.append(JobSpec("screenshot", "Screenshot flagged pages", trigger, words, _screenshots))
    trigger, words = every("schedule.recapture_minutes")
    specs.append(JobSpec("recapture", "Re-capture flagged pages", trigger, words, _recapture))
    trigger, words = daily("schedule.retention_time")
    specs.append(JobSpec("retention", "Purge what the retention settings allow", trigger, words, _retention))
    trigger, words = daily("schedule.backup_time")
    specs.append(JobSpec("backup", "Back up the database", trigger, words, _backup))
    return specs


# ---- running one job ----------------------------------------------------------------------

_SERVICE: Service | None = None


def run_job(job_id: str) -> None:
    """What APScheduler calls (by name, so the job store can keep it): run one job, record the run."""
    service = _SERVICE
    if service is None:
        log.error("job %s fired with no service running", job_id)
        return
    service.run_now(job_id)


class Service:
    """The scheduler (and, with `repmon run`, the web app) over one database."""

    def __init__(self, settings: Settings, *, with_web: bool = True) -> None:
        self.settings = settings
        self.with_web = with_web
        self.specs = {spec.id: spec for spec in job_specs(settings)}
        self._lock = ServiceLock(settings["store.db_path"])
        self._scheduler: BackgroundScheduler | None = None
        self._running: set[str] = set()
        self._running_guard = threading.Lock()
        self._stopping = threading.Event()
        self._web: Any = None

    # -- life cycle

    def start(self) -> None:
        global _SERVICE
        self._lock.acquire()
        try:
            store = Store.open(self.settings["store.db_path"])
            try:
                interrupted = jobstate.recover_interrupted(store)
            finally:
                store.close()
            for run in interrupted:
                log.warning("run %s of %s was interrupted (its process stopped); running it again",
                            run["id"], run["source"])
            _SERVICE = self
            self._scheduler = self._build_scheduler()
            self._scheduler.start(paused=True)
            self._sync_jobs(rerun={run["source"] for run in interrupted})
            self._scheduler.resume()
            if self.with_web:
                self._start_web()
        except BaseException:
            self._lock.release()
            raise

    def _build_scheduler(self) -> BackgroundScheduler:
        db_path = self.settings["store.db_path"]
        store = SQLAlchemyJobStore(url=f"sqlite:///{db_path}", engine_options={"connect_args": {"timeout": 30}})
        grace = 60 * int(self.settings["schedule.misfire_grace_minutes"])
        return BackgroundScheduler(
            jobstores={"default": store},
            executors={"default": ThreadPoolExecutor(max_workers=4)},
            job_defaults={"coalesce": True, "max_instances": 1, "misfire_grace_time": grace},
            timezone=ZoneInfo(self.settings["schedule.timezone"]),
        )

    def _sync_jobs(self, rerun: set[str]) -> None:
        assert self._scheduler is not None
        now = datetime.now(timezone.utc)
        existing = {job.id: job for job in self._scheduler.get_jobs()}
        for job_id, job in existing.items():
            if job_id not in self.specs:
                log.info("job %s is no longer configured; removed from the timetable", job_id)
                job.remove()
        for spec in self.specs.values():
            job = existing.get(spec.id)
            if job is None or str(job.trigger) != str(spec.trigger):
                first = now if spec.run_at_start and job is None else None
                kwargs: dict[str, Any] = {"next_run_time": first} if first else {}
                self._scheduler.add_job("scheduler:run_job", trigger=spec.trigger, args=[spec.id], id=spec.id,
                                        name=spec.title, replace_existing=True, **kwargs)
            if spec.id in rerun:
                self._scheduler.modify_job(spec.id, next_run_time=now)

    def _start_web(self) -> None:
        from web.app import serve

        self._web = serve(self.settings, background=True)

    def stop(self, grace: float | None = None) -> list[str]:
        """Stop taking new runs, let the running ones finish for up to `grace` seconds, then abandon them.

        Returns the jobs that were abandoned. Abandoning is safe: every write is
        atomic and idempotent, and an abandoned run is simply run again later.
        """
        global _SERVICE
        grace = float(self.settings["schedule.stop_grace_seconds"]) if grace is None else grace
        self._stopping.set()
        if self._scheduler is not None:
            self._scheduler.pause()
        if self._web is not None:
            try:
                self._web.stop()
            except Exception:  # the web server is stopping anyway; the scheduler's data matters more
                log.exception("stopping the web app failed")
        if self._running:
            from spiders.crawl import stop_children

            stop_children()  # a crawl child closes its spider cleanly on SIGTERM and records its run
        deadline = time.monotonic() + grace
        while self._running and time.monotonic() < deadline:
            time.sleep(0.1)
        with self._running_guard:
            abandoned = sorted(self._running)
        if abandoned:
            store = Store.open(self.settings["store.db_path"])
            try:
                jobstate.mark_abandoned(store, jobstate.running_ids(store, os.getpid()),
                                        "repmon was stopped while this ran; it runs again at the next start")
            finally:
                store.close()
        if self._scheduler is not None:
            self._scheduler.shutdown(wait=False)
        _SERVICE = None
        self._lock.release()
        return abandoned

    def run_forever(self) -> int:
        """Start, run until SIGTERM or SIGINT, stop. Returns the exit code."""
        stop = threading.Event()

        def on_signal(signum: int, _frame: Any) -> None:
            log.warning("got %s: stopping", signal.Signals(signum).name)
            stop.set()

        signal.signal(signal.SIGTERM, on_signal)
        signal.signal(signal.SIGINT, on_signal)
        self.start()
        log.warning("repmon is running: %d jobs on %s", len(self.specs), self.settings["store.db_path"])
        while not stop.wait(1.0):
            pass
        abandoned = self.stop()
        if abandoned:
            log.warning("abandoned %s; they run again at the next start", ", ".join(abandoned))
        return 0

    # -- one run

    def run_now(self, job_id: str) -> str | None:
        """Run one job in this thread and record it; never raises (one job must not stop the others)."""
        spec = self.specs.get(job_id)
        if spec is None or self._stopping.is_set():
            return None
        with self._running_guard:
            if job_id in self._running:
                return None
            self._running.add(job_id)
        store: Store | None = None
        run_id: int | None = None
        try:
            store = Store.open(self.settings["store.db_path"])
            if not spec.records_own_run:
                run_id = store.start_run(job_id)
            summary = spec.run(self.settings, store)
            if run_id is not None:
                store.finish_run(run_id, ok=True, message=summary)
            log.info("%s: %s", job_id, summary)
            return summary
        except Exception as exc:
            message = f"{type(exc).__name__}: {exc}" if not isinstance(exc, RepmonError) else str(exc)
            log.error("%s failed: %s", job_id, message, exc_info=not isinstance(exc, RepmonError))
            if store is not None and run_id is not None:
                store.finish_run(run_id, ok=False, message=message, errors=1)
            return None
        finally:
            if store is not None:
                store.close()
            with self._running_guard:
                self._running.discard(job_id)


# ---- status -------------------------------------------------------------------------------

@dataclass
class Status:
    lines: list[str]
    failing: list[str]


def _when(value: str | float | None, tz: ZoneInfo) -> str:
    if value is None or value == "":
        return "-"
    moment = datetime.fromtimestamp(value, timezone.utc) if isinstance(value, float) else clock.parse(str(value))
    return moment.astimezone(tz).strftime("%Y-%m-%d %H:%M")


def _budget_lines(store: Store) -> list[str]:
    from social import budget_usage

    return [f"  {source}: {line}" for source, line in sorted(_usage_words(budget_usage(store)).items())]


def _usage_words(usage: dict[str, Any]) -> dict[str, str]:
    words = {}
    for source, value in usage.items():
        if isinstance(value, dict):
            used, limit = value.get("used"), value.get("limit") or value.get("budget")
            unit = value.get("unit", "reads")
            words[source] = f"{used} of {limit} {unit} this month" if limit else f"{used} {unit} this month"
        else:
            words[source] = str(value)
    return words


def status(settings: Settings, store: Store, now: datetime | None = None) -> Status:
    """What `repmon status` prints, and which sources have been failing too long."""
    from data.lock import holder

    tz = ZoneInfo(settings["schedule.timezone"])
    now = now or clock.now()
    specs = job_specs(settings)
    next_times = jobstate.next_run_times(store)
    pid = holder(settings["store.db_path"])
    lines = [f"repmon status for {settings['store.db_path']} at {_when(clock.iso(now), tz)} ({settings['schedule.timezone']})",
             f"service: {'running (pid ' + str(pid) + ')' if pid else 'not running'}",
             "",
             f"{'job':<10} {'timetable':<22} {'last run':<17} {'outcome':<12} {'next run':<17} note"]
    failing = []
    limit = timedelta(hours=float(settings["schedule.failing_hours"]))
    for spec in specs:
        last = jobstate.last_run(store, spec.id)
        outcome = last["status"] if last else "never run"
        note = (last["message"] if last else "")[:100].replace("\n", " ")
        streak = jobstate.failing_since(store, spec.id)
        if streak is not None:
            since = clock.parse(streak["since"])
            if now - since > limit:
                failing.append(spec.id)
                note = f"FAILING since {_when(streak['since'], tz)}: {note}"
        next_run = _when(next_times.get(spec.id), tz) if pid else "-"
        lines.append(f"{spec.id:<10} {spec.every:<22} {_when(last['started_at'] if last else None, tz):<17} "
                     f"{outcome:<12} {next_run:<17} {note}")
    yesterday = clock.iso(now - timedelta(days=1))
    counts = jobstate.counts_since(store, yesterday)
    severities = ", ".join(f"{n} {s}" for s, n in sorted(counts["alerts_by_severity"].items()))
    lines += ["", f"last 24 hours: {counts['items']} new items, {counts['alerts']} new alerts"
              + (f" ({severities})" if severities else "")]
    budget = _budget_lines(store)
    if budget:
        lines += ["API budget:", *budget]
    if failing:
        lines += ["", f"FAILING for more than {settings['schedule.failing_hours']:g} h: {', '.join(failing)} "
                  "(see the note; `repmon -v collect --source NAME` shows more)"]
    return Status(lines, failing)
