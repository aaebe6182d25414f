"""Report to a social platform for harassment, threats or exposed personal information (takedown.md §5.1,
checklist §8.3).

The platform comes from the item's source or URL (:mod:`.platforms`), and with
it the report route, who may file, and the platform's name for the rule
broken. The text is written for the person who files it (the affected person,
a parent or guardian, or a legal representative) to paste into the platform's
form. A follow-up date a week on, for escalation to POSH or Report Harmful
Content, then Ofcom.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from alerts.letters.deadlines import Milestone, Schedule, add_days
from alerts.letters.facts import Case, todo
from alerts.letters.platforms import Platform, platform_of

TYPE = "platform_report"
LABEL = "platform report (harassment, threats, personal information)"
TITLE = "Report of content breaking the platform's rules"
TEMPLATE = "letter_platform_report.txt"
FOCUS = ("threat", "harassment", "identifying", "safeguarding", "defamatory", "impersonation")
FOLLOW_UP_DAYS = 7
# categories for which the Online Safety Act's illegal-content duty (s.10(3)(b)) is cited
OSA_CATEGORIES = ("harassment", "threat", "identifying")
# the children's-code duties (bullying of a child)
CHILD_CATEGORIES = ("harassment",)


def schedule(received: datetime) -> Schedule:
    follow_up = add_days(received, FOLLOW_UP_DAYS)
    return Schedule(received=received, deadline=follow_up, milestones=(
        Milestone("no decision or reply: escalate to POSH (staff or school matters) or Report Harmful Content "
                  "(people aged 13+), then tell Ofcom", follow_up),
    ))


def platform(case: Case) -> Platform | None:
    return platform_of(case.source, case.url)


def context(case: Case) -> dict[str, Any]:
    found = platform(case)
    categories = [c for c in case.categories if c in FOCUS] or ["harassment"]
    rules = [found.rules.get(c, c) for c in categories] if found else [
        todo(f"the platform's rule on {c}") for c in categories]
    affected = case.person_in_flags(FOCUS) or (case.people[0] if case.people else None)
    return {
        "platform": found,
        "platform_name": found.name if found else todo("the platform's name"),
        "route": found.route if found else todo("the platform's report form or report link"),
        "who_files": found.who_files if found else todo("who the platform accepts reports from"),
        "rules": list(dict.fromkeys(rules)),
        "affected": affected,
        "child": bool(case.pupils),
        "osa": any(c in OSA_CATEGORIES for c in categories),
        "childrens_code": bool(case.pupils) and any(c in CHILD_CATEGORIES for c in categories),
        "threat": "threat" in categories,
    }


def notes(case: Case) -> list[str]:
    found = platform(case)
    out = [
        f"File it through: {found.route}." if found else
        "The platform was not recognised: find its report form (prefer a dedicated form for bullying, private "
        "information or under-18s over a generic flag).",
        f"Who may file: {found.who_files}. Have that person submit it, or attach their authority."
        if found else "Most platforms accept reports only from the person affected, a parent or guardian, or a "
                      "legal representative.",
        "Check the rule names against the platform's current help pages before filing.",
        "Screenshot before reporting (reporting can hide the content); repmon's capture and hash are in the "
        "alert.",
        "Ask for a decision and a reference number and record them in the triage app: POSH and Report Harmful "
        "Content ask for them. No action or reply after about a week: POSH (helpline@saferinternet.org.uk, "
        "0344 381 4772) for staff or school matters, Report Harmful Content for people aged 13+; then tell "
        "Ofcom (it does not handle individual complaints).",
        "Never attach images of pupils; anything suspected to be an indecent image of a child goes only to the "
        "IWF and the police, as a URL.",
    ]
    if found and found.groups_posts:
        out.append(f"{found.name} lets one report cover several posts: add the other links of this case.")
    if found and found.fediverse:
        out.append("Fediverse: report to the instance's moderators; if reporting from an account on another "
                   "server, tick 'forward' so the remote moderators see it.")
    return out
