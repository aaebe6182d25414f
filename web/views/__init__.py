"""The app's pages, one blueprint per page, and what they share."""

from __future__ import annotations

from typing import Any

from flask import Flask, abort, current_app, g

from alerts import excerpt
from repmon import clock
from repmon.profile import Profile
from web import auth, roles

MESSAGES = {
    "assigned": "Assigned.", "note": "Note added.", "escalated": "Escalated.", "dismissed": "Dismissed as a false positive.",
    "safe": "Marked safe.", "reopened": "Reopened.", "drafted": "Letter drafted.", "edited": "Letter saved.",
    "approved": "Letter approved.", "sent": "Recorded as sent.", "removed": "Recorded as removed.",
    "withdrawn": "Letter withdrawn.", "retyped": "Letter re-drafted as another type.", "reported": "Reported: "
    "the page was captured and analysed.", "unlocked": "Account unlocked.", "lifted": "Suppression lifted.",
}


def profile() -> Profile:
    return current_app.config["REPMON_PROFILE"]  # type: ignore[no-any-return]


def people() -> dict[str, str]:
    """ref -> name for the school and everyone in the profile."""
    p = profile()
    names = {p.school.id: p.school.name}
    names.update({person.id: person.name for person in (*p.staff, *p.pupils)})
    return names


def actor() -> str:
    """The name of the logged-in user, recorded with every action."""
    user = auth.current_user()
    assert user is not None
    return user.name


def load_alert(alert_id: int, permission: str | None = None) -> dict[str, Any]:
    """The alert, or 404; with ``permission``, 403 unless the user may act on it (safeguarding rule)."""
    alert = g.store.get_alert(alert_id)
    if alert is None:
        abort(404, description=f"There is no alert {alert_id}.")
    if permission and not roles.can_act(auth.current_user(), alert, permission):
        abort(403)
    return alert  # type: ignore[no-any-return]


def age(moment: str | None) -> str:
    """How long ago, shortly: '40 min', '5 h', '3 d'."""
    if not moment:
        return ""
    try:
        seconds = (clock.now() - clock.parse(moment)).total_seconds()
    except ValueError:
        return ""
    if seconds < 3600:
        return f"{max(0, int(seconds // 60))} min"
    if seconds < 86400 * 2:
        return f"{int(seconds // 3600)} h"
    return f"{int(seconds // 86400)} d"


def register(app: Flask) -> None:
    from web.views import admin, alert, dashboard, intake, letters, queue

    app.register_blueprint(auth.bp)
    for module in (queue, alert, letters, intake, dashboard, admin):
        app.register_blueprint(module.bp)
    app.jinja_env.filters["safe_href"] = excerpt.safe_href
    app.jinja_env.filters["one_line"] = excerpt.one_line
    app.jinja_env.filters["age"] = age
    app.jinja_env.globals.update(allowed=lambda p: roles.allowed(auth.current_user(), p),
                                 can_see=lambda a: roles.can_see(auth.current_user(), a),
                                 can_act=lambda a, p: roles.can_act(auth.current_user(), a, p),
                                 messages=MESSAGES)
