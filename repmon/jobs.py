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


def analyse_new(settings: Settings, store: Store, profile: Profile) -> AnalyseResult:
    """Analyse every stored item not yet analysed by this analyser version; open alerts."""
    from alerts.rules import maybe_open_alert
    from nlp.analyse import ANALYSER_VERSION, analyser_from_settings

    analyser = analyser_from_settings(profile, settings)
    result = AnalyseResult()
    for item in store.items_to_analyse(ANALYSER_VERSION):
        line = {k: item.get(k) for k in ("title", "url", "author", "source", "published")}
        line.update(id=str(item["id"]), text=item["text"])
        try:
            finding = analyser.analyse(line)
        except Exception as exc:  # one bad item must not stop the others; it is retried next run
            log.exception("analysing item %s failed", item["id"])
            result.errors.append(f"item {item['id']} ({item['url']}): {type(exc).__name__}: {exc}")
            continue
        with store.db.atomic():  # finding and alert together: a crash between them would lose the alert
            existing = store.alert_for_item(item["id"])  # from an earlier analyser version
            finding_id, _ = store.save_finding(item["id"], ANALYSER_VERSION, finding)
            alert_id = maybe_open_alert(store, item["id"], finding_id, finding, settings["alerts.threshold"])
            if alert_id == existing:
                alert_id = None  # not new (its severity may have gone up; the alert's history says so)
        result.analysed += 1
        result.relevant += int(bool(finding["relevant"]))
        if alert_id is not None:
            result.alerts.append(alert_id)
    return result


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

