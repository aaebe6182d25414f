"""The monitor's jobs: each step of the chain as one function over the store.

collect -> analyse -> act (alerts, immediate e-mails, letters, digest). The
CLI, the demo and the scheduler all call these, so the chain is written once.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from data.store import Store
from repmon.config import Settings
from repmon.profile import Profile

log = logging.getLogger(__name__)


def collect_web(settings: Settings, store: Store) -> dict[str, Any]:
    """Crawl the watched sites and feeds once; return the source run."""
    from spiders.crawl import run_crawl

    return run_crawl(settings, store)


@dataclass
class AnalyseResult:
    analysed: int = 0
    relevant: int = 0
    alerts: list[int] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)


ANALYSE_BATCH = 256  # items a call of Analyser.analyse_many reads (as `repmon analyse` does from a file: nlp.analyse.STREAM_BATCH)


def analyse_new(settings: Settings, store: Store, profile: Profile) -> AnalyseResult:
    """Analyse every stored item not yet analysed by this analyser (rules and classifier version); open alerts.

    Keyed on the full ``Analyser.version``, so new rules, a retrained classifier or switching the classifier
    on or off each lead to a fresh analysis of what is stored."""
    from nlp.analyse import analyser_from_settings

    analyser = analyser_from_settings(profile, settings)
    result = AnalyseResult()
    batch: list[dict[str, Any]] = []
    for item in store.items_to_analyse(analyser.version):
        batch.append(item)
        if len(batch) == ANALYSE_BATCH:
            _analyse_batch(analyser, store, batch, settings, result)
            batch = []
    if batch:
        _analyse_batch(analyser, store, batch, settings, result)
    return result



def _analyse_batch(analyser: Any, store: Store, items: list[dict[str, Any]], settings: Settings,
                   result: AnalyseResult) -> None:
    from alerts.rules import maybe_open_alert

    lines = []
    for item in items:
        line = {k: item.get(k) for k in ("title", "url", "author", "source", "published")}
        line.update(id=str(item["id"]), text=item["text"])
        lines.append(line)
    try:
        findings: list[dict[str, Any] | None] = list(analyser.analyse_many(lines))
    except Exception:  # find the item at fault: the others are analysed one by one
        findings = [_analyse_one(analyser, item, line, result) for item, line in zip(items, lines)]
    for item, finding in zip(items, findings):
        if finding is None:
            continue
        with store.db.atomic():  # finding and alert together: a crash between them would lose the alert
            existing = store.alert_for_item(item["id"])  # from an earlier analyser version
            finding_id, _ = store.save_finding(item["id"], analyser.version, finding)
            alert_id = maybe_open_alert(store, item["id"], finding_id, finding, settings["alerts.threshold"])
            if alert_id == existing:
                alert_id = None  # not new (its severity may have gone up; the alert's history says so)
        result.analysed += 1
        result.relevant += int(bool(finding["relevant"]))
        if alert_id is not None:
            result.alerts.append(alert_id)


def _analyse_one(analyser: Any, item: dict[str, Any], line: dict[str, Any],
                 result: AnalyseResult) -> dict[str, Any] | None:
    try:
        return analyser.analyse(line)  # type: ignore[no-any-return]
    except Exception as exc:  # one bad item must not stop the others; it is retried next run
        log.exception("analysing item %s failed", item["id"])
        result.errors.append(f"item {item['id']} ({item['url']}): {type(exc).__name__}: {exc}")
        return None


@dataclass
class ActResult:
    critical_queued: int = 0
    letters: list[int] = field(default_factory=list)
    digest_id: int | None = None
    sent: int = 0
    failed: int = 0


def act(settings: Settings, store: Store, profile: Profile, *, digest_day: date | None = None) -> ActResult:
    """Queue immediate e-mails for critical alerts, draft letters, queue the digest if asked, send the outbox."""
    from alerts.digest import queue_digest
    from alerts.letters import draft_letters
    from alerts.mailer import flush_outbox
    from alerts.notify import queue_critical

    result = ActResult()
    result.critical_queued = len(queue_critical(store, settings, profile))
    result.letters = draft_letters(store, settings, profile, settings["alerts.letter_threshold"])
    if digest_day is not None:
        result.digest_id = queue_digest(store, settings, profile, digest_day)
    result.sent, result.failed = flush_outbox(store, settings)
    return result

