"""Administration: users and their lockouts, the login record, suppressions."""

from __future__ import annotations

from typing import Any

from flask import Blueprint, g, redirect, render_template, url_for

from data import suppressions, users
from web import auth

bp = Blueprint("admin", __name__)


@bp.get("/admin")
@auth.requires("admin")
def index() -> Any:
    return render_template("admin.html", users=users.users(g.store), attempts=users.login_attempts(g.store),
                           suppressions=suppressions.all_suppressions(g.store), roles=users.ROLE_LABELS)


@bp.post("/admin/users/<int:user_id>/unlock")
@auth.requires("admin")
def unlock(user_id: int) -> Any:
    users.unlock(g.store, user_id)
    return redirect(url_for("admin.index", done="unlocked"))


@bp.post("/admin/suppressions/<int:suppression_id>/lift")
@auth.requires("admin")
def lift(suppression_id: int) -> Any:
    user = auth.current_user()
    assert user is not None
    suppressions.lift(g.store, suppression_id, user.name)
    return redirect(url_for("admin.index", done="lifted"))
