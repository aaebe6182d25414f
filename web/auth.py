"""Logging in and out, the session cookie, CSRF tokens and the role check on every route.

A session is a random token in an HttpOnly, SameSite=Lax cookie (Secure when
``web.https`` is set or the request came over HTTPS); the database holds only
its hash (:mod:`data.users`). Every form carries the session's CSRF token and
every POST is refused without it; the login form carries a token of its own,
held in a short-lived cookie. Failed logins are recorded and lock the account
for ``web.lockout_minutes`` after ``web.max_failed_logins`` in a row.
"""

from __future__ import annotations

import functools
import hmac
import secrets
from collections.abc import Callable
from typing import Any, TypeVar
from urllib.parse import urlsplit

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from flask import Blueprint, Response, abort, current_app, g, redirect, render_template, request, url_for

from data import users
from data.users import User
from repmon.errors import InputError
from web import roles

SESSION_COOKIE = "repmon_session"
LOGIN_CSRF_COOKIE = "repmon_login_csrf"
MIN_PASSWORD = 10

_hasher = PasswordHasher()
# verified against when the user does not exist, so a wrong name takes as long as a wrong password
_DUMMY_HASH = _hasher.hash("not a password of anyone")

F = TypeVar("F", bound=Callable[..., Any])
bp = Blueprint("auth", __name__)


def hash_password(password: str) -> str:
    if len(password) < MIN_PASSWORD:
        raise InputError(f"the password is too short; use at least {MIN_PASSWORD} characters "
                         "(a few unrelated words is easiest to remember).")
    return _hasher.hash(password)


def verify_password(stored_hash: str, password: str) -> bool:
    try:
        return _hasher.verify(stored_hash, password)
    except (VerificationError, InvalidHashError):
        return False


def current_user() -> User | None:
    user: User | None = g.get("user")
    return user


def csrf_token() -> str:
    """The token every form of this session must send back (``csrf`` field)."""
    return str(g.get("csrf") or g.get("login_csrf") or "")


def load_session() -> None:
    """Before each request: who is logged in, and their CSRF token."""
    g.user, g.csrf = None, None
    token = request.cookies.get(SESSION_COOKIE)
    if token:
        found = users.session_user(g.store, token)
        if found:
            g.user, g.csrf = found


def check_csrf() -> None:
    """Before each request: a POST must carry the session's (or the login form's) CSRF token."""
    if request.method != "POST":
        return
    sent = request.form.get("csrf", "")
    expected = g.csrf if g.user else request.cookies.get(LOGIN_CSRF_COOKIE, "")
    if not sent or not expected or not hmac.compare_digest(sent, expected):
        abort(400, description="The form was out of date or did not come from this site. "
                               "Go back, reload the page and try again.")


def requires(permission: str) -> Callable[[F], F]:
    """Route decorator: log in first (GET: redirect to the login page), then the role must allow ``permission``."""
    if permission not in roles.PERMISSIONS:
        raise ValueError(f"unknown permission {permission}")

    def decorate(view: F) -> F:
        @functools.wraps(view)
        def wrapper(*args: Any, **kwargs: Any) -> Any:
            user = current_user()
            if user is None:
                if request.method == "GET":
                    return redirect(url_for("auth.login", next=request.full_path.rstrip("?")))
                abort(401)
            if not roles.allowed(user, permission):
                abort(403)
            return view(*args, **kwargs)

        wrapper.permission = permission  # type: ignore[attr-defined]
        return wrapper  # type: ignore[return-value]

    return decorate


def _secure() -> bool:
    return bool(current_app.config["REPMON_SETTINGS"]["web.https"]) or request.is_secure


def _safe_next(target: str | None) -> str:
    """Only a path on this site (never //host or a scheme) may be returned to after logging in."""
    if not target:
        return url_for("queue.index")
    parts = urlsplit(target)
    if parts.scheme or parts.netloc or not target.startswith("/") or target.startswith("//") or "\\" in target:
        return url_for("queue.index")
    return target


@bp.get("/login")
def login() -> Response:
    if current_user():
        return redirect(_safe_next(request.args.get("next")))  # type: ignore[return-value]
    token = secrets.token_urlsafe(32)
    g.login_csrf = token
    response = Response(render_template("login.html", next=request.args.get("next", ""), error=""))
    response.set_cookie(LOGIN_CSRF_COOKIE, token, max_age=3600, httponly=True, samesite="Strict", secure=_secure())
    return response


@bp.post("/login")
def login_post() -> Any:
    settings = current_app.config["REPMON_SETTINGS"]
    name = request.form.get("name", "").strip()[:64]
    password = request.form.get("password", "")
    remote = request.remote_addr or ""
    user = users.get_user_by_name(g.store, name) if name else None
    error = ""
    if user is None:
        verify_password(_DUMMY_HASH, password)
        users.record_login(g.store, name or "(empty)", False, remote=remote, note="unknown user")
        error = "That name and password do not match an account."
    elif user.disabled:
        users.record_login(g.store, user.name, False, remote=remote, note="account disabled")
        error = "That name and password do not match an account."
    elif users.locked_until(g.store, user.id):
        users.record_login(g.store, user.name, False, remote=remote, note="refused: account locked")
        error = (f"Too many failed logins: this account is locked until {users.locked_until(g.store, user.id)} (UTC). "
                 "Ask an administrator to unlock it, or wait.")
    elif not verify_password(users.password_hash(g.store, user.id), password):
        users.record_login(g.store, user.name, False, remote=remote, note="wrong password",
                           max_failures=settings["web.max_failed_logins"],
                           lockout_minutes=settings["web.lockout_minutes"])
        error = "That name and password do not match an account."
    if error or user is None:
        g.login_csrf = request.cookies.get(LOGIN_CSRF_COOKIE, "")
        return render_template("login.html", next=request.form.get("next", ""), error=error), 401
    users.record_login(g.store, user.name, True, remote=remote)
    if _hasher.check_needs_rehash(users.password_hash(g.store, user.id)):
        users.set_password_hash(g.store, user.id, _hasher.hash(password))
    token, _csrf = users.start_session(g.store, user.id, settings["web.session_hours"])
    response = redirect(_safe_next(request.form.get("next")))
    response.set_cookie(SESSION_COOKIE, token, max_age=settings["web.session_hours"] * 3600, httponly=True,
                        samesite="Lax", secure=_secure(), path="/")
    response.delete_cookie(LOGIN_CSRF_COOKIE)
    return response


@bp.post("/logout")
def logout() -> Any:
    token = request.cookies.get(SESSION_COOKIE)
    if token:
        users.end_session(g.store, token)
    response = redirect(url_for("auth.login"))
    response.delete_cookie(SESSION_COOKIE, path="/")
    return response
