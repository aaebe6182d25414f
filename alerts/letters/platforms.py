"""The platform table: how each platform takes reports (takedown.md §5.1, checklist §8.3).

One entry per platform repmon drafts a report for. ``route`` is where a
person files it (a dedicated web form first, where one exists, over the
generic in-app flag); ``who_files`` who the platform accepts a report from;
``rules`` the platform's name for the rule each flag category breaks. Rule
names and form addresses change: the report's notes ask the person filing it
to check them on the platform's help pages, and this table is the one place to
update them.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from urllib.parse import urlsplit

from repmon.hosts import host_in


@dataclass(frozen=True)
class Platform:
    key: str
    name: str
    hosts: tuple[str, ...]
    route: str                       # where and how to file the report
    who_files: str                   # who the platform accepts reports from
    rules: dict[str, str] = field(default_factory=dict)  # flag category -> the platform's rule
    groups_posts: bool = False       # one report may cover several posts
    fediverse: bool = False


PLATFORMS: dict[str, Platform] = {p.key: p for p in (
    Platform(
        "reddit", "Reddit", ("reddit.com", "redd.it"),
        route="the 'Report' link on each post or comment (harassment, doxxing, threats); the subreddit's "
              "moderators by modmail; Reddit's admins at https://www.reddit.com/contact (rules: "
              "https://www.reddit.com/help/contentpolicy)",
        who_files="anyone may report; say that you act for, or with the authority of, the person affected",
        rules={"harassment": "Content Policy: harassment and bullying", "threat": "Content Policy: violent content",
               "identifying": "Content Policy: personal and confidential information",
               "safeguarding": "Content Policy: content involving minors",
               "defamatory": "Content Policy (false claims about a person)", "impersonation": "Content Policy: impersonation"},
    ),
    Platform(
        "x", "X (Twitter)", ("x.com", "twitter.com"),
        route="the report flow on the post, profile or message ('Myself / Someone else'); for private "
              "information the private-information report form (https://help.twitter.com/en/safety-and-security/"
              "report-abusive-behavior); for credible violent threats, the police first",
        who_files="private information: only the person concerned or their legally authorised representative "
                  "(no account needed); abuse: the person or someone on their behalf",
        rules={"harassment": "Abuse and harassment policy", "threat": "Violent speech policy",
               "identifying": "Private information policy", "safeguarding": "Child safety policy",
               "defamatory": "Abuse and harassment policy", "impersonation": "Misleading and deceptive identities policy"},
        groups_posts=True,
    ),
    Platform(
        "facebook", "Facebook", ("facebook.com", "fb.com", "fb.me"),
        route="the report link on the post (Community Standards: bullying, threats); for a photo or video of a "
              "child under 13, the Help Centre privacy-rights report form",
        who_files="the person concerned, a parent for their child under 13, or a legal representative; "
                  "children aged 13 or over must report themselves",
        rules={"harassment": "Community Standards: bullying and harassment",
               "threat": "Community Standards: violence and incitement",
               "identifying": "Community Standards: privacy violations",
               "safeguarding": "Community Standards: child safety",
               "defamatory": "Community Standards: bullying and harassment",
               "impersonation": "Community Standards: account integrity and authentic identity"},
    ),
    Platform(
        "instagram", "Instagram", ("instagram.com",),
        route="the report link on the post or account; for an account of, or impersonating, a child under 13, "
              "the form at https://help.instagram.com/517920941588885",
        who_files="the person concerned, a parent or guardian for a child under 13, or a legal representative",
        rules={"harassment": "Community Guidelines: bullying and harassment",
               "threat": "Community Guidelines: violence and threats",
               "identifying": "Community Guidelines: privacy violations",
               "safeguarding": "Community Guidelines: child safety",
               "defamatory": "Community Guidelines: bullying and harassment",
               "impersonation": "Community Guidelines: impersonation"},
    ),
    Platform(
        "tiktok", "TikTok", ("tiktok.com",),
        route="the web form for bullying of under-18s (support.tiktok.com, safety help centre: report a "
              "problem, report cyberbullying), which sends updates by SMS or e-mail; otherwise the in-app report on "
              "the account, video or message",
        who_files="the person affected, or a parent or guardian of a child under 18",
        rules={"harassment": "Community Guidelines: harassment and bullying",
               "threat": "Community Guidelines: violent behaviours and threats",
               "identifying": "Community Guidelines: personal information",
               "safeguarding": "Community Guidelines: youth safety",
               "defamatory": "Community Guidelines: harassment and bullying",
               "impersonation": "Community Guidelines: impersonation"},
    ),
    Platform(
        "youtube", "YouTube", ("youtube.com", "youtu.be"),
        route="ask the uploader first; then the Privacy Complaint Process "
              "(https://support.google.com/youtube/answer/142443), where the person must be uniquely identifiable "
              "and the uploader gets 48 hours to remove or edit; harassment through the report link on the video "
              "or comment",
        who_files="first-party only: the person, a parent or legal guardian, a legal representative, or for a "
                  "vulnerable person; not other family members or co-workers",
        rules={"harassment": "Harassment and cyberbullying policy", "threat": "Violent or dangerous content policy",
               "identifying": "Privacy guidelines", "safeguarding": "Child safety policy",
               "defamatory": "Harassment and cyberbullying policy", "impersonation": "Impersonation policy"},
    ),
    Platform(
        "bluesky", "Bluesky", ("bsky.app", "bsky.social"),
        route="the in-app report on the post or profile; for UK Online Safety Act matters the regulatory "
              "compliance report (https://bsky.social/about/support/regulatory-compliance-report); mentions of "
              "@safety.bsky.app are not monitored",
        who_files="any user; the OSA form asks for the reporter's details",
        rules={"harassment": "Community Guidelines: harassment", "threat": "Community Guidelines: threats of violence",
               "identifying": "Community Guidelines: doxxing", "safeguarding": "Community Guidelines: child safety",
               "defamatory": "Community Guidelines: harassment", "impersonation": "Community Guidelines: impersonation"},
    ),
    Platform(
        "mastodon", "Mastodon instance", (),
        route="the instance's moderators: report from an account (forwarded to the remote server's moderators "
              "when the post is on another server), or, with no account, the admin contact on the instance's "
              "about page (/about); failing that, the host (see the hosting abuse report)",
        who_files="any user of a server, or anyone through the admin contact",
        rules={"harassment": "the server's rules on harassment", "threat": "the server's rules on violent threats",
               "identifying": "the server's rules on doxxing", "safeguarding": "the server's rules on child safety",
               "defamatory": "the server's rules on harassment", "impersonation": "the server's rules on impersonation"},
        fediverse=True,
    ),
)}


def platform_of(source: str, url: str) -> Platform | None:
    """The platform an item is on, from its source name (``reddit``, ``x``...) or the host of its URL."""
    if source in PLATFORMS:
        return PLATFORMS[source]
    host = (urlsplit(url).hostname or "").lower()
    for platform in PLATFORMS.values():
        if platform.hosts and host_in(host, platform.hosts):
            return platform
    if "/@" in url or "/users/" in url and "/statuses/" in url:
        return PLATFORMS["mastodon"]
    return None
