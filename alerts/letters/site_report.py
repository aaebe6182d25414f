"""Removal request to a site operator, platform or host abuse contact (takedown.md §5, checklists §8.3, §8.4).

For harassment, exposed personal details and material bringing the school
into disrepute. The site operator comes first (the school's policy: contact
the uploader or site administrator), then the host found from the IP
address's RDAP abuse contact, a CDN's web form, and only for DNS abuse the
registrar. Claims of unlawfulness are made only for the categories that
support them; a disrepute report asks for review under the site's own terms.
Sets a follow-up date a week on, for escalation.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from alerts.letters.deadlines import Milestone, Schedule, add_days
from alerts.letters.facts import Case

TYPE = "site_report"
LABEL = "removal request to the site or host"
TITLE = "Request to remove content"
TEMPLATE = "letter_site_report.txt"
FOCUS = ("harassment", "identifying", "threat", "defamatory", "disrepute")
FOLLOW_UP_DAYS = 7

# the site's rule each category usually breaks (community-guideline names differ per site)
RULES = {
    "harassment": "harassment and bullying",
    "identifying": "private information (doxxing)",
    "threat": "violent threats",
    "defamatory": "false or defamatory claims about a person",
    "safeguarding": "child safety",
    "disrepute": "the site's terms of use",
}
# why it is unlawful, by category (E-Commerce Regulations 2002 reg. 22: "details of the unlawful nature")
UNLAWFUL = {
    "harassment": "it forms part of harassment of a named individual (Protection from Harassment Act 1997) and may "
                  "be a grossly offensive communication sent to cause distress (Malicious Communications Act 1988 "
                  "s.1)",
    "identifying": "it discloses personal data of an identifiable person without a lawful basis (UK GDPR)",
    "threat": "it conveys a threat of serious harm (Online Safety Act 2023 s.181)",
    "defamatory": "it is defamatory of a named individual (Defamation Act 2013); a notice of complaint may "
                  "follow separately",
}
# categories for which the Online Safety Act's illegal-content duty (s.10(3)(b)) is cited
OSA_CATEGORIES = ("harassment", "threat", "identifying")


def schedule(received: datetime) -> Schedule:
    follow_up = add_days(received, FOLLOW_UP_DAYS)
    return Schedule(received=received, deadline=follow_up, milestones=(
        Milestone("no action or reply: escalate to POSH (staff or school) or Report Harmful Content (13+)",
                  follow_up),
    ))


def context(case: Case) -> dict[str, Any]:
    categories = [c for c in case.categories if c in RULES] or ["disrepute"]
    return {
        "rules_broken": [RULES[c] for c in categories],
        "unlawful": [UNLAWFUL[c] for c in categories if c in UNLAWFUL],
        "osa": any(c in OSA_CATEGORIES for c in categories),
        "affected": case.person_in_flags(FOCUS) or (case.people[0] if case.people else None),
    }


def notes(case: Case) -> list[str]:
    return [
        "Whom to send it to, in order (record how you found the contact): the site operator or platform "
        "(prefer its dedicated web form for bullying, private information or under-18s over a generic flag); "
        "then the host, from the RDAP 'abuse' entity or RIPE abuse-mailbox of the site's IP address; if the "
        "IP is a CDN such as Cloudflare, its web form (category 'Violent Threats and Harassment' for "
        "sensitive cases; it forwards to the host and gives you the host's contact); the registrar's abuse "
        "contact only for DNS abuse or an unreachable host; security.txt only as a last resort.",
        "Many platforms accept reports only from the affected person, a parent or guardian, or a legal "
        "representative: have that person submit it, or attach their authority.",
        "Give the direct link to every post, comment and profile (not only screenshots); group several posts "
        "in one report where the platform allows it.",
        "Ask for a decision and a reference number and keep the reply: POSH and Report Harmful Content ask "
        "for it. No action after about a week: POSH (helpline@saferinternet.org.uk, 0344 381 4772) for staff "
        "or school matters, Report Harmful Content for people aged 13+; then tell Ofcom (it does not handle "
        "individual complaints).",
        "For a fediverse (e.g. Mastodon) instance, report to its moderators or admin contact.",
        "Never attach images of pupils; anything suspected to be an indecent image of a child goes only to "
        "the IWF and the police, as a URL.",
    ]
