"""Notice of complaint under s.5 Defamation Act 2013 to a website operator (takedown.md §1, checklist §8.1).

The complainant is the defamed individual (a member of staff, or a pupil
through a parent or guardian), never the school: a governmental body cannot
sue in defamation (Derbyshire, §1.6). The school assists, with the
individual's authority. Use only when the poster cannot be identified; when
the poster is known, a Pre-Action Protocol letter of claim to the poster is
the route (§1.7), and this draft says so in its notes.

Deadline: 48 hours from receipt, not counting Saturdays, Sundays, Good Friday,
Christmas Day and England & Wales bank holidays (SI 2013/3028 reg. 1(3)).
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from alerts.letters.deadlines import Milestone, Schedule, add_working_hours, end_of_day_after
from alerts.letters.facts import Case, todo

TYPE = "s5_notice"
LABEL = "s.5 notice of complaint (Defamation Act 2013)"
TITLE = ("Notice of complaint under section 5 of the Defamation Act 2013 and the "
         "Defamation (Operators of Websites) Regulations 2013")
TEMPLATE = "letter_s5_notice.txt"
FOCUS = ("defamatory",)


def schedule(received: datetime) -> Schedule:
    """The operator's 48 working hours, then the latest-case dates of the Schedule's steps."""
    operator_by = add_working_hours(received, 48)
    poster_by = end_of_day_after(operator_by, 5)
    removal_by = add_working_hours(poster_by, 48)
    return Schedule(received=received, deadline=operator_by, milestones=(
        Milestone("operator removes the statement, or sends the poster a copy of the notice", operator_by),
        Milestone("poster's reply due (midnight at the end of the 5th day after the operator's notice; "
                  "latest case)", poster_by),
        Milestone("removal if there is no valid reply (a further 48 working hours; latest case)", removal_by),
    ))


def context(case: Case) -> dict[str, Any]:
    subject = case.person_in_flags(FOCUS) or (case.staff[0] if case.staff else None) or (
        case.pupils[0] if case.pupils else None)
    if subject is None:
        complainant = todo("full name of the defamed individual (a member of staff or governor, or a pupil's "
                           "parent or guardian), not the school")
    elif subject.kind == "pupil":
        complainant = todo(f"full name of the parent or guardian of {subject.name}")
    else:
        complainant = subject.name
    return {"subject": subject, "complainant": complainant}


def notes(case: Case) -> list[str]:
    out = [
        "Use this notice only if the poster cannot be identified. If the complainant knows who posted it "
        "(enough to sue them), write to the poster instead: a letter of claim under the Pre-Action Protocol "
        "for Media and Communications Claims (response usually within 14 days; the limitation period is one "
        "year from first publication).",
        "The complainant is the individual, not the school (Derbyshire rule). Keep the complainant's written "
        "authority for the school to assist on file before sending.",
        "The complainant must read and agree every statement, especially the meaning, the inaccuracies, the "
        "serious harm and the confirmation that they cannot identify the poster.",
        "Consent to passing the complainant's name and e-mail to the poster is set to NO. Change it only if "
        "the complainant chooses to consent.",
        "Send to the operator's published s.5 or legal e-mail address if it has one; otherwise its abuse or "
        "legal contact. Keep proof of delivery: the 48 hours run from receipt.",
        "s.5 covers operators of websites hosting user posts; not search engines or network providers.",
    ]
    if case.repeats:
        out.append("Possible repeat posting (reg. 4): the same words were also found at "
                   + "; ".join(case.repeats) + ". If an earlier copy was removed after a notice, say so.")
    return out
