"""Mastodon through Mastodon.py: hashtag timelines and search on the configured servers, then replies.

- Hashtags (``mastodon.hashtags``, default: the school's one-word names and
  handles) are read from each server's public tag timeline. No account is
  needed where the server shows its timelines publicly (most do).
- Search (``/api/v2/search``) runs on the first server in
  ``mastodon.instances`` when ``mastodon.access_token_env`` holds a token
  there. Without one, the search runs without ``resolve``, which servers
  allow publicly, and brings back accounts and hashtags (statuses need a
  token). Full-text search only finds posts whose authors opted in.
- Incremental: a tag timeline's cursor is the newest status id; the next run
  asks with ``min_id`` and pages forward, so nothing between two runs is
  skipped even when a run is cut short. Search asks with ``min_id`` too.
- Replies: each matched status's thread is read with ``/statuses/:id/context``.
  A thread whose post is gone (404) is recorded as deleted; a reply seen
  before and no longer in its thread is recorded as missing.
- Status ids belong to one server, so post ids are ``host:id``.
- Accounts (authors and search results) go to the impersonation check, with
  their age and followers, which Mastodon always gives.
"""

from __future__ import annotations

import logging
import re
from datetime import datetime
from typing import Any
from urllib.parse import urlsplit

import lxml.html
from mastodon import Mastodon, MastodonAPIError, MastodonNotFoundError, MastodonUnauthorizedError

from repmon import __version__, clock
from repmon.errors import ConfigError
from social.base import SocialSource
from social.context import reply_title, save_post
from social.http import MASTODON_HEADERS
from social.impersonation import Account
from social.queries import handle_terms, quote, school_terms

log = logging.getLogger(__name__)

PAGE = 40
_TAG = re.compile(r"^[^\W_][\w]*$", re.UNICODE)


def html_text(html: str | None) -> str:
    """Plain text of a status's HTML content: paragraphs and line breaks kept, tags and entities gone."""
    if not html or not html.strip():
        return ""
    html = re.sub(r"(?i)<br\s*/?>", "\n", html)
    html = re.sub(r"(?i)</p>", "</p>\n\n", html)
    try:
        text = lxml.html.fromstring(f"<div>{html}</div>").text_content()
    except (lxml.etree.ParserError, ValueError):
        return re.sub(r"<[^>]+>", " ", html)
    return re.sub(r"\n{3,}", "\n\n", text).strip()


def hashtags(settings: Any, profile: Any) -> list[str]:
    """Tags to read: ``mastodon.hashtags``, else the school's one-word names and handles."""
    configured = [t.lstrip("#") for t in settings["mastodon.hashtags"]]
    if configured:
        return list(dict.fromkeys(configured))
    words = [t.text.replace(" ", "") for t in school_terms(profile) if len(t.text.split()) == 1]
    words += [t.text.split("@")[0] for t in handle_terms(profile)]
    return list(dict.fromkeys(w for w in words if _TAG.match(w)))


def search_queries(profile: Any) -> list[str]:
    return list(dict.fromkeys([quote(t.text) for t in school_terms(profile)]
                              + [t.text for t in handle_terms(profile)]))


def _iso(value: Any) -> str | None:
    if isinstance(value, datetime):
        return clock.iso(value)
    return str(value) if value else None


def _host(url: str) -> str:
    return (urlsplit(url).hostname or url).lower()


def _newer(a: str | None, b: str | None) -> str | None:
    """The larger of two status ids (snowflake-like numbers as strings)."""
    if not a:
        return b
    if not b:
        return a
    return a if (len(a), a) >= (len(b), b) else b



# Search and the timelines repmon reads exist since Mastodon 3.0; every server in use is newer.
ASSUMED_SERVER_VERSION = "4.0.0"

class MastodonSource(SocialSource):
    name = "mastodon"
    title = "Mastodon"
    credentials = ()   # a token is optional: public timelines and public search need none
    budget_setting = "mastodon.monthly_read_budget"
    budget_unit = "requests"
    rate_limit_headers = MASTODON_HEADERS
    auth_url_parts = ("/oauth/token",)

    @classmethod
    def not_configured(cls, settings: Any) -> str | None:
        if not settings["mastodon.instances"]:
            return ("no servers to read; set mastodon.instances (e.g. [\"https://mastodon.cymru\"]) in repmon.toml "
                    "or REPMON_MASTODON_INSTANCES")
        return None

    def collect(self) -> None:
        run = self.run
        self.accounts: dict[str, Account] = {}
        self.apis: dict[str, Mastodon] = {}
        token = run.settings.secret("mastodon.access_token_env").strip()
        instances = [i.rstrip("/") for i in run.settings["mastodon.instances"]]
        for number, base in enumerate(instances):
            if not base.startswith(("https://", "http://")):
                raise ConfigError(f"mastodon.instances: {base!r} must be a server's address starting with https://")
            self.apis[_host(base)] = self._api(base, token if number == 0 else "")
        tags = hashtags(run.settings, run.profile)
        try:
            for host, api in self.apis.items():
                for tag in tags:
                    key = f"{host} #{tag}"
                    run.counts["queries"] += 1
                    with run.step(f"#{tag} on {host}"):
                        self._tag(api, host, tag, key)
                        run.counts["queries_done"] += 1
            home = next(iter(self.apis))
            for query in search_queries(run.profile):
                key = f"{home} search {query}"
                run.counts["queries"] += 1
                with run.step(f"search {query!r} on {home}"):
                    self._search(self.apis[home], home, query, key, signed_in=bool(token))
                    run.counts["queries_done"] += 1
            for thread in run.threads_to_check():
                host = thread["thread_id"].split(":", 1)[0]
                if host in self.apis:
                    with run.step(f"thread {thread['url']}"):
                        self._thread(self.apis[host], host, thread)
        finally:
            for account in self.accounts.values():
                run.saw_account(account)

    def _api(self, base: str, token: str) -> Mastodon:
        contact = self.run.settings["collect.contact"]
        return Mastodon(
            api_base_url=base, access_token=token or None, session=self.run.session(),
            ratelimit_method="throw",          # waiting is the monitored session's job (and the fake clock's)
            request_timeout=float(self.run.settings["social.timeout"]), version_check_mode="none",
            # a known version: Mastodon.py 2.x otherwise asks /api/v1/instance before each search, and on a
            # server whose answer it cannot read it asks again in a loop (about 1,000 requests, then RecursionError)
            mastodon_version=ASSUMED_SERVER_VERSION,
            user_agent=f"repmon/{__version__}" + (f" (+{contact})" if contact else ""),
        )

    # ---- statuses ------------------------------------------------------------

    def _save(self, status: Any, host: str, *, query: str | None, thread_id: str | None) -> None:
        run = self.run
        if status.get("reblog"):
            status = status["reblog"]
        account = status["account"]
        post_id = f"{host}:{status['id']}"
        url = status.get("url") or status.get("uri")
        parts = []
        if status.get("spoiler_text"):
            parts.append(f"[content warning: {status['spoiler_text']}]")
        parts.append(html_text(status.get("content")))
        for media in status.get("media_attachments") or []:
            if media.get("description"):
                parts.append(f"[{media.get('type', 'media')}: {media['description']}]")
        root = thread_id or (f"{host}:{status['in_reply_to_id']}" if status.get("in_reply_to_id") else post_id)
        acct = self._acct(account, host)
        item = run.item(
            post_id=post_id, url=url, text="\n".join(p for p in parts if p), author=acct,
            title=reply_title(run, root) if root != post_id else None,
            published=_iso(status.get("created_at")), lang=status.get("language"),
            raw={"status_id": str(status["id"]), "server": host, "visibility": status.get("visibility"),
                 "replies_count": status.get("replies_count"), "reblogs_count": status.get("reblogs_count"),
                 "favourites_count": status.get("favourites_count"), "thread": root,
                 "edited_at": _iso(status.get("edited_at"))},
            evidence_keys=(str(status["id"]),))
        save_post(run, item, post_id=post_id, thread_id=root)
        self._saw(account, host, item.evidence_id)
        if query is not None:
            run.follow_thread(root, url=url, query=query, activity=_iso(status.get("created_at")))

    def _acct(self, account: Any, host: str) -> str:
        acct = str(account.get("acct") or account.get("username"))
        return acct if "@" in acct else f"{acct}@{host}"   # local accounts carry no server in acct

    def _saw(self, account: Any, host: str, evidence_id: int | None) -> None:
        acct = self._acct(account, host)
        self.accounts.setdefault(acct.lower(), Account(
            platform="mastodon", handle=acct, display_name=account.get("display_name") or "",
            url=account.get("url") or "", account_id=acct.lower(), created_at=_iso(account.get("created_at")),
            followers=account.get("followers_count"), description=html_text(account.get("note")),
            evidence_id=evidence_id))

    # ---- tag timelines ------------------------------------------------------------

    def _tag(self, api: Mastodon, host: str, tag: str, key: str) -> None:
        run = self.run
        newest = run.cursor(key).get("min_id")
        pages = max(1, int(run.settings["social.max_pages"]))
        if newest:   # forward from the last status seen, page by page: nothing in between is skipped
            for _ in range(pages):
                page = api.timeline_hashtag(tag, min_id=newest, limit=PAGE)
                if not page:
                    break
                for status in page:
                    self._save(status, host, query=key, thread_id=None)
                    newest = _newer(newest, str(status["id"]))
                run.set_cursor(key, {"min_id": newest})
            return
        # first run: the latest page, and older ones while pages are full
        page = api.timeline_hashtag(tag, limit=PAGE)
        for _ in range(pages):
            for status in page:
                self._save(status, host, query=key, thread_id=None)
                newest = _newer(newest, str(status["id"]))
            if len(page) < PAGE:
                break
            page = api.fetch_next(page) or []
        run.set_cursor(key, {"min_id": newest} if newest else {})

    # ---- search ------------------------------------------------------------------

    def _search(self, api: Mastodon, host: str, query: str, key: str, *, signed_in: bool) -> None:
        run = self.run
        newest = run.cursor(key).get("min_id")
        try:
            found = api.search_v2(query, resolve=signed_in, min_id=newest, limit=PAGE)
        except MastodonUnauthorizedError:
            name = run.settings["mastodon.access_token_env"]
            raise MastodonAPIError(
                f"{host} refused the access token in {name} (expired or revoked): make a new one "
                "(Preferences > Development > New application, scope read) or unset it to read public "
                "timelines only") from None
        for status in found.get("statuses") or []:
            self._save(status, host, query=key, thread_id=None)
            newest = _newer(newest, str(status["id"]))
        for account in found.get("accounts") or []:
            self._saw(account, host, run.evidence_for(str(account["id"])))
        run.set_cursor(key, {"min_id": newest} if newest else {})

    # ---- replies -----------------------------------------------------------------

    def _thread(self, api: Mastodon, host: str, thread: dict[str, Any]) -> None:
        run = self.run
        root = thread["thread_id"]
        status_id = root.split(":", 1)[1]
        try:
            context = api.status_context(status_id)
        except MastodonNotFoundError:   # deleted, or no longer visible to repmon
            run.mark_gone(root, "deleted", url=thread["url"], thread_id=root)
            run.thread_checked(root, {"gone": True})
            return
        seen_now = {root}
        newest = thread.get("last_activity")
        for status in context.get("descendants") or []:
            self._save(status, host, query=None, thread_id=root)
            seen_now.add(f"{host}:{status['id']}")
            created = _iso(status.get("created_at"))
            if created and (newest is None or created > newest):
                newest = created
        for post in run.social.posts(self.name, state="live"):
            if post["thread_id"] == root and post["post_id"] not in seen_now:
                run.mark_gone(post["post_id"], "missing", url=post["url"], thread_id=root)
        run.thread_checked(root, {"replies": len(seen_now) - 1}, newest)
