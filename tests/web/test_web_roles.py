"""Every route against every role: who is let in (any answer but 401/403) and who is refused.

The table is the contract; a new route without a row fails
``test_every_route_has_a_row_in_the_table``.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

import pytest
from argon2 import PasswordHasher
from flask import Flask

from repmon.config import load_settings
from tests.paths import EXAMPLE_PROFILE
from tests.web.conftest import ROLE_USERS, Browser, seed_database
from web import auth, create_app

ALL = ("admin", "comms", "senior", "safeguarding")
TRIAGE = ("admin", "comms", "safeguarding")
LETTERS = ("admin", "comms")

# (method, path with {alert}/{takedown}/{sg_alert}/{sg_takedown}/{shot}, roles allowed in)
# {alert} is an ordinary alert; {sg_alert} is flagged safeguarding: only the safeguarding lead acts on it.
TABLE: list[tuple[str, str, tuple[str, ...]]] = [
    ("GET", "/queue", ALL),
    ("GET", "/dashboard", ALL),
    ("GET", "/report", ALL),
    ("POST", "/report", ALL),
    ("GET", "/alerts/{alert}", ALL),
    ("GET", "/alerts/{sg_alert}", ALL),           # everyone sees that it exists; only the lead sees its content
    ("POST", "/alerts/{alert}/note", ALL),
    ("POST", "/alerts/{sg_alert}/note", ("safeguarding",)),
    ("POST", "/alerts/{alert}/assign", TRIAGE),
    ("POST", "/alerts/{alert}/escalate", TRIAGE),
    ("POST", "/alerts/{alert}/dismiss", TRIAGE),
    ("POST", "/alerts/{alert}/safe", TRIAGE),
    ("POST", "/alerts/{alert}/reopen", TRIAGE),
    ("POST", "/alerts/{sg_alert}/dismiss", ("safeguarding",)),
    ("POST", "/alerts/{sg_alert}/escalate", ("safeguarding",)),
    ("POST", "/alerts/{alert}/letters", LETTERS),
    ("POST", "/alerts/{sg_alert}/letters", ()),    # letters on a safeguarding alert: drafted by the lead's process, not comms
    ("GET", "/takedowns/{takedown}", ALL),
    ("GET", "/takedowns/{sg_takedown}", ("safeguarding",)),
    ("POST", "/takedowns/{takedown}/edit", LETTERS),
    ("POST", "/takedowns/{takedown}/approve", ("senior",)),
    ("POST", "/takedowns/{sg_takedown}/approve", ("safeguarding",)),
    ("POST", "/takedowns/{takedown}/sent", LETTERS),
    ("POST", "/takedowns/{takedown}/removed", LETTERS),
    ("POST", "/takedowns/{takedown}/withdraw", LETTERS),
    ("POST", "/takedowns/{takedown}/type", LETTERS),
    ("GET", "/screenshots/{shot}", ALL),
    ("GET", "/screenshots/{sg_shot}", ("safeguarding",)),
    ("GET", "/admin", ("admin",)),
    ("POST", "/admin/users/1/unlock", ("admin",)),
    ("POST", "/admin/suppressions/1/lift", ("admin",)),
]

CASES = [(m, p, role, role in allowed) for m, p, allowed in TABLE for role in (*ALL, "anonymous")]


@pytest.fixture(scope="module")
def shared(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Flask, dict[str, int]]]:
    """One app and database for the whole table (a role check comes before any state check, so what one
    row's request changes cannot turn another row's 403 into something else), with a takedown and a
    screenshot for an ordinary and a safeguarding alert."""
    from alerts.letters import draft_letter
    from data import evidence_log
    from data.store import Store
    from repmon.profile import load_profile

    folder = tmp_path_factory.mktemp("roles")
    (folder / "repmon.toml").write_text("", encoding="utf-8")
    settings = load_settings(folder / "repmon.toml", environ={}, dotenv=False).with_overrides({
        "profile.path": str(EXAMPLE_PROFILE), "store.db_path": str(folder / "repmon.db"),
        "store.evidence_dir": str(folder / "evidence"), "store.letters_dir": str(folder / "letters")})
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(auth, "_hasher", PasswordHasher(time_cost=1, memory_cost=64, parallelism=1))
        seeded = seed_database(settings)
    store = Store.open(settings["store.db_path"])
    try:
        profile = load_profile(settings["profile.path"])
        takedown = draft_letter(store, settings, profile, seeded.defamatory, "s5_notice")
        sg_takedown = draft_letter(store, settings, profile, seeded.safeguarding, "police_referral")
        shots = []
        for alert_id in (seeded.defamatory, seeded.safeguarding):
            item_id = store.get_alert(alert_id)["item_id"]  # type: ignore[index]
            shots.append(evidence_log.add_screenshot(
                store, item_id=item_id, evidence_id=None, url="https://forum.example.net/t/1",
                final_url="https://forum.example.net/t/1", path="missing.png", sha256="0" * 64,
                taken_at="2026-11-27T09:16:00Z", width=10, height=10, browser="tests"))
    finally:
        store.close()
    ids = {"alert": seeded.defamatory, "sg_alert": seeded.safeguarding, "takedown": takedown,
           "sg_takedown": sg_takedown, "shot": shots[0], "sg_shot": shots[1]}
    yield create_app(settings), ids


@pytest.fixture(scope="module")
def browsers(shared: tuple[Flask, dict[str, int]]) -> dict[str, Browser]:
    app, _ids = shared
    out = {"anonymous": Browser(app.test_client())}
    for role, name in ROLE_USERS.items():
        out[role] = Browser(app.test_client())
        assert out[role].login(name).status_code == 302
    return out


@pytest.mark.parametrize(("method", "path", "role", "let_in"), CASES,
                         ids=[f"{m} {p} {r}" for m, p, r, _ in CASES])
def test_route_lets_in_only_the_roles_in_the_table(browsers: dict[str, Browser], shared: tuple[Flask, dict[str, int]],
                                                   method: str, path: str, role: str, let_in: bool) -> None:
    browser = browsers[role]
    url = path.format(**shared[1])
    response = browser.get(url) if method == "GET" else browser.post(url, {"note": "n", "reason": "r"})
    if role == "anonymous":
        assert response.status_code in (302, 401, 400)
        if method == "GET":
            assert response.headers["Location"].startswith("/login")
    elif let_in:
        assert response.status_code not in (401, 403) and response.status_code < 500, \
            response.get_data(as_text=True)[:500]
    else:
        assert response.status_code == 403


def test_every_route_has_a_row_in_the_table(shared: tuple[Flask, dict[str, int]]) -> None:
    def shape(path: str) -> str:
        return re.sub(r"<[^>]+>|\{[^}]+\}|\d+", "*", path)

    covered = {(m, shape(p)) for m, p, _ in TABLE}
    for rule in shared[0].url_map.iter_rules():
        if rule.endpoint == "static" or rule.rule in ("/", "/login", "/logout"):
            continue
        for method in sorted(rule.methods - {"HEAD", "OPTIONS"}):  # type: ignore[operator]
            assert (method, shape(rule.rule)) in covered, f"add {method} {rule.rule} to TABLE"


def test_every_view_is_guarded_by_a_permission(shared: tuple[Flask, dict[str, int]]) -> None:
    open_views = {"static", "auth.login", "auth.login_post", "auth.logout", "queue.home"}
    for endpoint, view in shared[0].view_functions.items():
        if endpoint not in open_views:
            assert getattr(view, "permission", None), f"{endpoint} has no @auth.requires(...)"
