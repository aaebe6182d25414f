"""Police referral summary for threats and safeguarding (takedown.md §4, checklist §8.5).

Sent by the school's single point of contact (the head teacher or the
designated safeguarding person). Offences are listed as possibilities for the
police to assess, never as conclusions. Pupils appear by initials. No image is
ever attached; once the police are involved the school stops its own
investigation and preserves what it has. Sets no deadline.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from alerts.letters.deadlines import Milestone, Schedule, add_days
from alerts.letters.facts import Case

TYPE = "police_referral"
LABEL = "police referral summary"
TITLE = "Police referral: online threat or safeguarding concern"
TEMPLATE = "letter_police_referral.txt"
FOCUS = ("threat", "safeguarding")

# offences that MAY apply, by flag category (takedown.md §4, §8.5): possibilities, not conclusions
OFFENCES: dict[str, tuple[str, ...]] = {
    "threat": (
        "threatening communications: a threat of death or serious harm (Online Safety Act 2023 s.181)",
        "a menacing message sent over a public electronic communications network (Communications Act 2003 "
        "s.127(1))",
        "putting people in fear of violence, if part of a course of conduct (Protection from Harassment Act "
        "1997 s.4)",
    ),
    "harassment": (
        "harassment or stalking: a course of conduct on at least two occasions (Protection from Harassment Act "
        "1997 ss.2 and 2A)",
        "an indecent or grossly offensive communication sent to cause distress or anxiety (Malicious "
        "Communications Act 1988 s.1)",
        "persistent misuse of a network to cause annoyance, inconvenience or needless anxiety (Communications "
        "Act 2003 s.127(2)(c))",
        "a hate element, if the abuse targets a protected characteristic",
    ),
    "safeguarding": (
        "if an image of a child is involved: indecent images of a child (Protection of Children Act 1978 s.1); "
        "report the URL only, also to CEOP and the IWF",
        "if an intimate image is shared without consent: Sexual Offences Act 2003 s.66B",
    ),
    "defamatory": (
        "a communication the sender knows to be false, meant to cause non-trivial harm (Online Safety Act 2023 "
        "s.179)",
    ),
}
COURSE_OF_CONDUCT = ("a course of conduct: {n} postings from the same account (Protection from Harassment Act 1997 "
                     "ss.2, 2A, 4; conduct on at least two occasions)")


def schedule(received: datetime) -> Schedule:
    """The police set no deadline; a reminder to follow up (reference recorded, preservation requests made)."""
    return Schedule(received=received, deadline=None, milestones=(
        Milestone("follow up: police reference recorded and passed to the platform reports; ask the platforms "
                  "to preserve the account's data", add_days(received, 2)),
    ))


def context(case: Case) -> dict[str, Any]:
    offences = [line for category in OFFENCES if category in case.categories for line in OFFENCES[category]]
    if len(case.chronology) >= 2:
        offences.append(COURSE_OF_CONDUCT.format(n=len(case.chronology)))
    identifying = "identifying" in case.categories
    return {"offences": offences, "identifying": identifying}


def notes(case: Case) -> list[str]:
    return [
        "If anyone is in immediate danger, call 999 now; this summary can follow.",
        "Send it from the single point of contact (head teacher or designated safeguarding person), by 101 "
        "or the force's online report, and record the crime or incident reference in the triage app.",
        "Tell the designated safeguarding person now if they do not know; follow Keeping learners safe and "
        "the local authority's procedures (children's services referral where a child is at risk).",
        "Never download, view, copy or attach any image suspected to show a child sexually: report its URL "
        "only, to the police and the IWF (and CEOP for grooming or sexual abuse).",
        "Once the police are involved, stop the school's own investigation and preserve what you hold.",
        "Give the police reference in any platform report, and ask platforms to preserve data.",
    ]
