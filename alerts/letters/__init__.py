"""Takedown and referral letters: drafts for a person to check, complete and send.

One module and one template per letter type (shared/docs/takedown.md §8):

    s5_notice        Defamation Act 2013 s.5 notice of complaint to a website operator   §8.1
    gdpr_erasure     UK GDPR Art. 17 erasure request to a controller                     §8.2
    police_referral  police referral summary (threats, safeguarding)                     §8.5
    platform_report  report to a social platform through its own route (platform table)  §8.3
    site_report      removal request to a site operator or host abuse contact (RDAP)      §8.4

:func:`draft_letter` gathers the facts of the case (:mod:`.facts`), renders the
letter, writes ``<store.letters_dir>/<alert id>-<type>.txt`` (the letter, then
notes for the person approving it) and ``.eml`` (the letter alone, marked
``X-Unsent: 1``) and records the takedown as a ``draft``. Nothing is sent from
here: a person approves and sends every letter. A fact repmon does not know
appears as ``[to be completed: ...]``.

Adding a letter type: a module here with ``TYPE``, ``LABEL``, ``TITLE``,
``TEMPLATE``, ``FOCUS``, ``schedule(received)``, ``context(case)`` and
``notes(case)``, a template ``alerts/templates/letter_<type>.txt``, an entry
in ``LETTERS``, and a test that checks its §8 checklist.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from datetime import datetime
from pathlib import Path
from types import ModuleType
from typing import Any

from alerts import excerpt, render, rules
from alerts.letters import deadlines, gdpr_erasure, outputs, platform_report, police_referral, s5_notice, site_report
from alerts.letters.deadlines import HolidayTableError, Schedule
from alerts.letters.facts import PLACEHOLDER, Case, gather, initials, todo
from alerts.letters.platforms import platform_of
from alerts.timefmt import human
from data import takedowns
from data.store import Store
from repmon import clock
from repmon.config import Settings
from repmon.errors import InputError
from repmon.profile import Profile

LETTERS: dict[str, ModuleType] = {m.TYPE: m for m in (
    s5_notice, gdpr_erasure, platform_report, site_report, police_referral)}

# takedown states that still need someone's attention (drafted, approved, sent and awaiting a reply, refused...);
# the triage app moves a takedown to one of the closed states
CLOSED_TAKEDOWN_STATES = ("removed", "closed", "withdrawn")
OPEN_TAKEDOWN_STATES = ("draft", "approved", "sent", "acknowledged", "refused", "escalated")


def label(letter_type: str) -> str:
    """A person's name for a letter type (the type itself when unknown)."""
    module = LETTERS.get(letter_type)
    return str(module.LABEL) if module else letter_type


def _module(letter_type: str) -> ModuleType:
    try:
        return LETTERS[letter_type]
    except KeyError:
        raise InputError(f"unknown letter type {letter_type!r}; use one of {', '.join(LETTERS)}.") from None


def propose_type(flags: Iterable[Mapping[str, Any] | str], source: str = "", url: str = "") -> str:
    """The letter a finding calls for: police for threats and safeguarding, s.5 for defamation; for
    harassment or exposed personal details, the platform's own report when the item is on a platform in
    the platform table, else a removal request to the site (harassment) or an Art. 17 erasure request
    (identifying details); else a removal request to the site."""
    categories = {f if isinstance(f, str) else str(f.get("category", "")) for f in flags}
    if categories & {"threat", "safeguarding"}:
        return police_referral.TYPE
    if "defamatory" in categories:
        return s5_notice.TYPE
    on_platform = platform_of(source, url) is not None
    if categories & {"harassment", "identifying", "impersonation"} and on_platform:
        return platform_report.TYPE
    if "harassment" in categories:  # a pupil named in abuse: the site's own rules remove it fastest
        return site_report.TYPE
    if "identifying" in categories:
        return gdpr_erasure.TYPE
    return site_report.TYPE


def _eml_headers(settings: Settings, module: ModuleType, case: Case) -> dict[str, str]:
    school_email = excerpt.one_line(settings["school.email"], 320)
    return {
        "Subject": excerpt.one_line(f"{module.TITLE} (ref {case.ref})", 200),
        "From": school_email if "@" in school_email and " " not in school_email else "",
        "X-Repmon-Case": case.ref,
    }


def _schedule(module: ModuleType, received: datetime) -> tuple[Schedule | None, str]:
    try:
        return module.schedule(received), ""
    except HolidayTableError as exc:
        return None, str(exc)


def draft_letter(store: Store, settings: Settings, profile: Profile, alert_id: int,
                 letter_type: str | None = None) -> int:
    """Draft a letter for an alert (the proposed type unless one is given); return the takedown id.

    Idempotent per alert and letter type: a letter already drafted is left as it is (a person may have
    edited its files) and its id returned.
    """
    alert = store.get_alert(alert_id)
    if alert is None:
        raise InputError(f"there is no alert {alert_id}; check the id in the triage app.")
    proposed = letter_type is None
    letter_type = letter_type or propose_type(alert["flags"], alert.get("source") or "", alert.get("url") or "")
    module = _module(letter_type)
    existing = store.find_takedown(alert_id, letter_type)
    if existing is not None:
        return int(existing["id"])

    deadlines.set_extra_holidays(settings["letters.bank_holidays"])
    case = gather(store, settings, profile, alert, module.FOCUS)
    schedule, schedule_problem = _schedule(module, case.drafted_at)
    shared = {"case": case, "schedule": schedule, "schedule_problem": schedule_problem,
              "todo": todo, "human": human, "initials": initials, "label": label, "title": module.TITLE}
    letter = render.render(module.TEMPLATE, **shared, **module.context(case))
    notes = render.render("letter_notes.txt", **shared, letter_label=module.LABEL, notes=module.notes(case),
                          gaps=letter.count(PLACEHOLDER))

    folder = Path(settings["store.letters_dir"])
    files = outputs.write_all(folder, f"{alert_id}-{letter_type}", letter=letter, notes=notes, title=module.TITLE,
                              headers=_eml_headers(settings, module, case))
    deadline = schedule.deadline if schedule else None
    takedown_id, created = store.save_takedown(
        alert_id=alert_id, letter_type=letter_type, recipient="",
        deadline=clock.iso(deadline) if deadline else None, body=letter, files=files,
    )
    if created:
        columns: dict[str, Any] = {"body": letter, "notes": notes, "url": case.url, "quote": case.quote.text}
        platform = platform_of(case.source, case.url)
        if letter_type == platform_report.TYPE and platform is not None:  # the platform table names the route
            columns |= {"recipient": platform.name, "recipient_how": f"platform table: {platform.route}"}
        takedowns.record(store, takedown_id, actor="repmon", action="drafted", from_states=("draft",),
                         detail={"letter_type": letter_type, "proposed": proposed}, columns=columns)
    return takedown_id


def draft_letters(store: Store, settings: Settings, profile: Profile, min_severity: str) -> list[int]:
    """Draft the proposed letter for every open alert at or above ``min_severity``; return the takedown ids."""
    rules.rank(min_severity)
    return [
        draft_letter(store, settings, profile, int(alert["id"]))
        for alert in store.alerts(states=("open",))
        if rules.at_or_above(alert["severity"], min_severity)
    ]
