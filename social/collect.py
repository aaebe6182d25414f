"""Run the social sources once: each platform is its own source run, and one failing never stops the others."""

from __future__ import annotations

import logging
import random
from typing import Any

import requests

from data.social import SocialStore
from data.store import Store
from repmon.config import Settings
from repmon.errors import ConfigError, RepmonError, SourceError
from repmon.profile import Profile, load_profile
from social.base import PLATFORMS, SourceRun, SourceUnavailable, StopRun, describe_error, source_class
from social.http import Budget, Clock, SystemClock

log = logging.getLogger(__name__)


def configured_sources(settings: Settings, only: list[str] | None = None) -> list[str]:
    """The platforms to run: ``only`` if given, else ``social.sources``; unknown names are refused."""
    names = list(only) if only else list(settings["social.sources"])
    unknown = [n for n in names if n not in PLATFORMS]
    if unknown:
        raise ConfigError(f"unknown social source {', '.join(repr(n) for n in unknown)} "
                          f"(in {'--source' if only else 'social.sources'}); known sources: {', '.join(PLATFORMS)}.")
    return list(dict.fromkeys(names))


def collect_social(settings: Settings, store: Store, only: list[str] | None = None, *,
                   profile: Profile | None = None, clock: Clock | None = None,
                   transport: requests.adapters.BaseAdapter | None = None,
                   rng: random.Random | None = None) -> list[dict[str, Any]]:
    """Poll each configured social platform once; return their source runs.

    A platform without credentials is recorded as ``disabled`` with the
    environment variables to set. ``transport`` (a requests adapter serving
    recorded responses) and ``clock`` are for the demo and tests.
    """
    names = configured_sources(settings, only)
    social = SocialStore(store)
    runs: list[dict[str, Any]] = []

    def recorded(run_id: int) -> dict[str, Any]:
        run = store.get_run(run_id)
        assert run is not None
        return run

    for name in names:
        run_id = store.start_run(name)
        try:
            cls = source_class(name)
        except SourceUnavailable as exc:
            social.mark_run_disabled(run_id, str(exc))
            runs.append(recorded(run_id))
            continue
        missing = cls.missing_credentials(settings)
        if missing:
            social.mark_run_disabled(run_id, (
                f"no credentials: set {', '.join(missing)} in the environment or .env "
                f"(docs/sources.md says how to get them for {cls.title})"))
            runs.append(recorded(run_id))
            continue
        reason = cls.not_configured(settings)
        if reason:
            social.mark_run_disabled(run_id, reason)
            runs.append(recorded(run_id))
            continue
        if profile is None:  # read once, and only when a platform will search
            try:
                profile = load_profile(settings["profile.path"])
            except RepmonError as exc:
                store.finish_run(run_id, ok=False, message=str(exc))
                raise
        runs.append(_run_one(cls, settings, store, profile, run_id, clock, transport, rng))
    return runs


def _run_one(cls: Any, settings: Settings, store: Store, profile: Profile, run_id: int, clock: Clock | None,
             transport: requests.adapters.BaseAdapter | None, rng: random.Random | None) -> dict[str, Any]:
    run = SourceRun(cls, settings=settings, store=store, profile=profile, run_id=run_id, clock=clock,
                    transport=transport, rng=rng)
    ok, fatal = True, ""
    try:
        run.source.collect()
    except StopRun:
        pass  # budget spent or a long rate-limit wait: what was found is kept, cursors say where to resume
    except SourceError as exc:
        ok, fatal = False, str(exc)
    except Exception as exc:  # the run must be recorded whatever went wrong
        log.exception("%s collection failed", cls.name)
        ok, fatal = False, f"collection failed: {describe_error(exc)}"
    finally:
        run.close()
    _check_accounts(run, settings, store, profile)
    counts = run.counts
    if ok and counts["steps"] and counts["steps_failed"] == counts["steps"]:
        ok = False  # every query and thread failed: nothing could be collected
    message = (fatal + "; " if fatal else "") + run.summary()
    store.finish_run(run_id, ok=ok, message=message, items_seen=counts["items_seen"],
                     items_new=counts["items_new"], errors=len(run.problems) + int(bool(fatal)),
                     stats={**counts, **run.gate.stats, "problems": run.problems, "stopped": run.stopped,
                            "budget": budget_row(run.budget)})
    return store.get_run(run_id)  # type: ignore[return-value]


def _check_accounts(run: SourceRun, settings: Settings, store: Store, profile: Profile) -> None:
    if not run.accounts:
        return
    try:
        from social.impersonation import check_accounts
    except ImportError:
        return
    try:
        check_accounts(store, profile, run.accounts, settings)
    except Exception as exc:  # an impersonation check must not lose the run's record
        log.exception("%s: impersonation check failed", run.name)
        run.problem(f"impersonation check failed: {describe_error(exc)}")


def budget_row(budget: Budget) -> dict[str, Any]:
    used = budget.used()
    return {"month": budget.month, "used": used, "limit": budget.limit or None, "unit": budget.unit,
            "remaining": None if not budget.limit else max(0, budget.limit - used)}


def budget_usage(store: Store, settings: Settings | None = None, clock: Clock | None = None) -> dict[str, dict[str, Any]]:
    """This month's reads per social source, with the budget: what ``repmon status`` shows.

    ``{"x": {"month": "2026-11", "used": 350, "limit": 10000, "unit": "posts", "remaining": 9650}, ...}``.
    Limits come from ``settings`` when given, else from what the last run recorded.
    """
    social = SocialStore(store)
    clock = clock or SystemClock()
    out: dict[str, dict[str, Any]] = {}
    names = configured_sources(settings) if settings is not None else list(PLATFORMS)
    month = Budget(social, "", 0, "", clock).month
    rows = {r["source"]: r for r in social.usage_rows(month)}
    for name in names:
        row = rows.get(name)
        limit: int | None = row["read_limit"] if row else None
        unit = row["unit"] if row else "requests"
        if settings is not None:
            try:
                cls = source_class(name)
            except SourceUnavailable:
                cls = None
            if cls is not None:
                unit = cls.budget_unit
                limit = (int(settings[cls.budget_setting]) or None) if cls.budget_setting else None
        if row is None and limit is None and settings is None:
            continue
        used = int(row["reads"]) if row else 0
        out[name] = {"month": month, "used": used, "limit": limit, "unit": unit,
                     "requests": int(row["requests"]) if row else 0,
                     "remaining": None if limit is None else max(0, limit - used)}
    return out
