"""Who may do what in the triage app: one table, checked on every route.

    view            read the queue, alerts, letters, dashboard      every role
    note            add a note to an alert                          every role
    intake          report a URL                                    every role
    triage          assign, escalate, dismiss, mark safe, reopen    admin, comms, safeguarding
    letters         draft, edit, mark sent / removed, withdraw      admin, comms
    approve         approve a letter                                senior
    admin           users, lockouts, suppressions                   admin
    safeguarding    see (and act on) safeguarding items             safeguarding

Items flagged ``safeguarding`` are shown redacted to every role but the
safeguarding lead, and only the safeguarding lead may act on them or their
letters (including approving a police referral).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from data.users import ROLES, User

PERMISSIONS: dict[str, tuple[str, ...]] = {
    "view": ROLES,
    "note": ROLES,
    "intake": ROLES,
    "triage": ("admin", "comms", "safeguarding"),
    "letters": ("admin", "comms"),
    "approve": ("senior",),
    "admin": ("admin",),
    "safeguarding": ("safeguarding",),
}


def allowed(user: User | None, permission: str) -> bool:
    return user is not None and user.role in PERMISSIONS[permission]


def is_safeguarding(alert: Mapping[str, Any]) -> bool:
    return "safeguarding" in (alert.get("categories") or [])


def can_see(user: User | None, alert: Mapping[str, Any]) -> bool:
    """Whether the user may see the alert's item (text, author, URL, letters)."""
    return not is_safeguarding(alert) or allowed(user, "safeguarding")


def can_act(user: User | None, alert: Mapping[str, Any], permission: str) -> bool:
    """Whether the user may take an action needing ``permission`` on this alert.

    On a safeguarding alert only the safeguarding lead acts: triage, notes, letters and approval."""
    if is_safeguarding(alert):
        return allowed(user, "safeguarding")
    return allowed(user, permission)
