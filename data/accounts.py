"""Social accounts repmon has looked at for impersonation (table made by migration 006).

One row per account and platform: what it was called when last seen, the
verdict of the impersonation check and the alert it opened, so that an
account seen again in the next run is neither checked from scratch nor
alerted twice. Nothing else about the account is kept.
"""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Any

from repmon import clock

if TYPE_CHECKING:
    from data.store import Store


def get_account(store: Store, platform: str, account_key: str) -> dict[str, Any] | None:
    for row in store.db.query("SELECT * FROM social_accounts WHERE platform = ? AND account_key = ?",
                              [platform, account_key]):
        out = dict(row)
        out["reasons"] = json.loads(out["reasons"])
        return out
    return None


def record_account(store: Store, *, platform: str, account_key: str, handle: str, display_name: str, url: str,
                   created_at: str | None, followers: int | None, verdict: str, score: float,
                   reasons: list[str], alert_id: int | None) -> None:
    """Insert or update the row for one account (first_seen is kept; a new alert id replaces the old one)."""
    now = clock.iso()
    with store.db.atomic():
        store.db.execute(
            "INSERT INTO social_accounts (platform, account_key, handle, display_name, url, created_at, followers,"
            " first_seen, last_seen, verdict, score, reasons, alert_id) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)"
            " ON CONFLICT (platform, account_key) DO UPDATE SET handle = excluded.handle,"
            " display_name = excluded.display_name, url = excluded.url,"
            " created_at = COALESCE(excluded.created_at, created_at), followers = COALESCE(excluded.followers, followers),"
            " last_seen = excluded.last_seen, verdict = excluded.verdict, score = excluded.score,"
            " reasons = excluded.reasons, alert_id = COALESCE(excluded.alert_id, alert_id)",
            [platform, account_key, handle, display_name, url, created_at, followers, now, now, verdict, score,
             json.dumps(reasons, ensure_ascii=False), alert_id],
        )


def flagged_accounts(store: Store) -> list[dict[str, Any]]:
    """Accounts judged to imitate the school or its staff, newest first."""
    rows = []
    for row in store.db.query("SELECT * FROM social_accounts WHERE verdict = 'impersonation' ORDER BY last_seen DESC, id"):
        out = dict(row)
        out["reasons"] = json.loads(out["reasons"])
        rows.append(out)
    return rows
