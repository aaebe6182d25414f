"""When a finding becomes an alert.

An alert is opened when the item is relevant to the school and its severity
is at or above the threshold (``alerts.threshold``). Severities are ordered
none < low < medium < high < critical (:data:`repmon.config.SEVERITIES`).
One alert per item: opening it again returns the same alert.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from data.store import Store
from repmon.config import SEVERITIES
from repmon.errors import InputError

_RANK = {name: rank for rank, name in enumerate(SEVERITIES)}


def rank(severity: str) -> int:
    """The position of a severity in none < low < medium < high < critical."""
    try:
        return _RANK[severity]
    except KeyError:
        raise InputError(
            f"unknown severity {severity!r}; use one of {', '.join(SEVERITIES)}."
        ) from None


def at_or_above(severity: str, threshold: str) -> bool:
    return rank(severity) >= rank(threshold)


def categories_of(flags: Iterable[Mapping[str, Any]]) -> list[str]:
    """The distinct flag categories, sorted."""
    return sorted({str(flag["category"]) for flag in flags if flag.get("category")})


def maybe_open_alert(store: Store, item_id: int, finding_id: int, result: Mapping[str, Any],
                     threshold: str) -> int | None:
    """Open (or find) the alert for an item when ``result`` is relevant and severe enough; return its id or None.

    ``result`` is one ``repmon analyse`` output line (contracts.md §2).
    """
    rank(threshold)  # an unknown threshold is an error even when the item is not relevant
    if not result.get("relevant"):
        return None
    severity = result.get("severity", "none")
    if not at_or_above(severity, threshold):
        return None
    from alerts.triage import is_suppressed  # a person dismissed this author, URL or phrase as a false positive

    item = store.get_item(item_id)
    if item is not None and is_suppressed(store, item, result):
        return None
    alert_id, _created = store.open_alert(item_id, finding_id, severity, categories_of(result.get("flags", [])))
    return alert_id
