"""Web app accounts, login attempts and sessions (the SQL of migration 008).

Passwords are kept only as argon2 hashes (made in :mod:`web.auth`); a session
cookie holds a random token of which only the SHA-256 is stored, so a copy of
the database cannot be used to log in. Nothing here is deleted: a session is
ended, an attempt is kept as the record of who tried to log in.
"""

from __future__ import annotations

import hashlib
import secrets
from dataclasses import dataclass
from datetime import timedelta
from typing import Any

from data.store import Store
from repmon import clock
from repmon.errors import InputError

ROLES = ("admin", "comms", "senior", "safeguarding")
ROLE_LABELS = {
    "admin": "administrator",
    "comms": "communications officer (triage)",
    "senior": "senior leader (reads, approves letters)",
    "safeguarding": "safeguarding lead (sees safeguarding items)",
}


@dataclass(frozen=True)
class User:
    id: int
    name: str
    role: str
    disabled: bool = False


def _user(row: dict[str, Any] | None) -> User | None:
    if row is None:
        return None
    return User(id=int(row["id"]), name=str(row["name"]), role=str(row["role"]), disabled=bool(row["disabled"]))


def check_role(role: str) -> str:
    if role not in ROLES:
        raise InputError(f"unknown role {role!r}; use one of {', '.join(ROLES)}.")
    return role


def add_user(store: Store, name: str, role: str, password_hash: str) -> User:
    """Create a user; a name already taken (in any case) is refused."""
    name = name.strip()
    if not name or len(name) > 64 or any(c.isspace() for c in name):
        raise InputError(f"user name {name!r} must be 1 to 64 characters without spaces, such as 'comms1'.")
    check_role(role)
    with store.db.atomic():
        if store._one("SELECT id FROM users WHERE name = ?", [name]):
            raise InputError(f"there is already a user named {name!r}; choose another name.")
        store.db.execute("INSERT INTO users (name, role, password_hash, created_at) VALUES (?,?,?,?)",
                         [name, role, password_hash, clock.iso()])
    user = get_user_by_name(store, name)
    assert user is not None
    return user


def get_user(store: Store, user_id: int) -> User | None:
    return _user(store._one("SELECT * FROM users WHERE id = ?", [user_id]))


def get_user_by_name(store: Store, name: str) -> User | None:
    return _user(store._one("SELECT * FROM users WHERE name = ?", [name.strip()]))


def password_hash(store: Store, user_id: int) -> str:
    row = store._one("SELECT password_hash FROM users WHERE id = ?", [user_id])
    return str(row["password_hash"]) if row else ""


def set_password_hash(store: Store, user_id: int, new_hash: str) -> None:
    store.db.execute("UPDATE users SET password_hash = ? WHERE id = ?", [new_hash, user_id])


def users(store: Store) -> list[dict[str, Any]]:
    return [dict(r) for r in store.db.query(
        "SELECT id, name, role, created_at, disabled, failed_logins, locked_until FROM users ORDER BY name")]


def user_names(store: Store) -> list[str]:
    return [str(r["name"]) for r in store.db.query("SELECT name FROM users WHERE disabled = 0 ORDER BY name")]


# ---- login attempts and lockout ------------------------------------------

def locked_until(store: Store, user_id: int) -> str | None:
    """When the account's lockout ends (ISO time), or None when it is not locked now."""
    row = store._one("SELECT locked_until FROM users WHERE id = ?", [user_id])
    until = row["locked_until"] if row else None
    if until and clock.parse(until) > clock.now():
        return str(until)
    return None


def record_login(store: Store, name: str, ok: bool, *, remote: str = "", note: str = "",
                 max_failures: int = 5, lockout_minutes: int = 15) -> None:
    """Keep the attempt; count failures in a row and lock the account after ``max_failures``."""
    at = clock.iso()
    with store.db.atomic():
        store.db.execute("INSERT INTO login_attempts (name, at, ok, remote, note) VALUES (?,?,?,?,?)",
                         [name[:64], at, int(ok), remote[:64], note[:200]])
        if ok:
            store.db.execute("UPDATE users SET failed_logins = 0, locked_until = NULL WHERE name = ?", [name])
            return
        store.db.execute("UPDATE users SET failed_logins = failed_logins + 1 WHERE name = ?", [name])
        row = store._one("SELECT failed_logins FROM users WHERE name = ?", [name])
        if row and int(row["failed_logins"]) >= max_failures:
            until = clock.iso(clock.now() + timedelta(minutes=lockout_minutes))
            store.db.execute("UPDATE users SET locked_until = ?, failed_logins = 0 WHERE name = ?", [until, name])
            store.db.execute("INSERT INTO login_attempts (name, at, ok, remote, note) VALUES (?,?,0,?,?)",
                             [name[:64], at, remote[:64], f"locked until {until}"])


def unlock(store: Store, user_id: int) -> None:
    store.db.execute("UPDATE users SET failed_logins = 0, locked_until = NULL WHERE id = ?", [user_id])


def login_attempts(store: Store, name: str | None = None, limit: int = 50) -> list[dict[str, Any]]:
    sql, params = "SELECT * FROM login_attempts", []
    if name is not None:
        sql += " WHERE name = ?"
        params.append(name)
    return [dict(r) for r in store.db.query(sql + " ORDER BY id DESC LIMIT ?", [*params, limit])]


# ---- sessions -----------------------------------------------------------

def _digest(token: str) -> str:
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


def start_session(store: Store, user_id: int, hours: int) -> tuple[str, str]:
    """Open a session; return (cookie token, CSRF token). Only the token's hash is stored."""
    token, csrf = secrets.token_urlsafe(32), secrets.token_urlsafe(32)
    now = clock.now()
    store.db.execute(
        "INSERT INTO web_sessions (token_hash, user_id, csrf, created_at, expires_at) VALUES (?,?,?,?,?)",
        [_digest(token), user_id, csrf, clock.iso(now), clock.iso(now + timedelta(hours=hours))])
    return token, csrf


def session_user(store: Store, token: str) -> tuple[User, str] | None:
    """The user and CSRF token of a live session, or None (unknown, ended, expired or user disabled)."""
    row = store._one(
        "SELECT s.csrf, s.expires_at, u.* FROM web_sessions s JOIN users u ON u.id = s.user_id"
        " WHERE s.token_hash = ? AND s.ended_at IS NULL", [_digest(token)])
    if row is None or clock.parse(row["expires_at"]) <= clock.now() or row["disabled"]:
        return None
    user = _user(row)
    assert user is not None
    return user, str(row["csrf"])


def end_session(store: Store, token: str) -> None:
    store.db.execute("UPDATE web_sessions SET ended_at = ? WHERE token_hash = ? AND ended_at IS NULL",
                     [clock.iso(), _digest(token)])
