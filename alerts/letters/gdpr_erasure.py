"""UK GDPR Article 17 erasure request to a controller (takedown.md §2, checklist §8.2).

The right is the data subject's: a pupil's own if competent (there is no age
presumption in Wales), or exercised by a parent or guardian; a member of
staff's own. The school has no standing of its own and sends the request only
with that person's authority. Deadline: one calendar month from receipt
(Art. 12(3)).
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from alerts.letters.deadlines import Milestone, Schedule, add_calendar_month
from alerts.letters.facts import Case, todo

TYPE = "gdpr_erasure"
LABEL = "Art. 17 erasure request (UK GDPR)"
TITLE = "Request for erasure of personal data under Article 17 of the UK GDPR"
TEMPLATE = "letter_gdpr_erasure.txt"
FOCUS = ("identifying",)


def schedule(received: datetime) -> Schedule:
    due = add_calendar_month(received)
    return Schedule(received=received, deadline=due, milestones=(
        Milestone("controller's reply due (one month, Art. 12(3)); if none, complain to the ICO", due),
    ))


def context(case: Case) -> dict[str, Any]:
    subject = case.person_in_flags(FOCUS) or (case.pupils[0] if case.pupils else None) or (
        case.staff[0] if case.staff else None)
    if subject is None:
        requester = todo("name of the data subject, or of the parent or guardian making the request for them")
    elif subject.kind == "pupil":
        requester = todo(f"who makes the request: {subject.name} if competent to do so, or the name of a "
                         "parent or guardian with parental responsibility")
    else:
        requester = subject.name
    return {"subject": subject, "requester": requester}


def notes(case: Case) -> list[str]:
    return [
        "Record the data subject's authority (or, for a pupil, the parent's or guardian's, or the pupil's own "
        "if competent) before sending: the school has no standing of its own.",
        "Keep Art. 17(1)(f) only if the data were collected from the data subject as a child for an online "
        "service (for example their own account or post); delete it otherwise. Do not overclaim.",
        "Expect refusals on freedom of expression, journalism, or the household exemption (a parent's personal "
        "post): the GDPR route is strongest against platforms and organisations; defamation, harassment or the "
        "platform's own rules may fit better.",
        "If the content is a search result, use the search engine's own forms instead (Google's form for "
        "minors takes image URLs, results-page URLs and search terms).",
        "Send it to the controller's data protection contact (DPO or privacy address). Keep a copy of the "
        "reply: the ICO asks for it. ICO helpline: 0303 123 1113.",
    ]
