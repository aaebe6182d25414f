"""Bluesky: post search (``app.bsky.feed.searchPosts``) and replies (``getPostThread``) through atproto.

- Queries: one per school name, alias and handle, and (with
  ``social.search_staff``) each staff name together with the school's short
  name or place: Bluesky search ANDs words and has no ``OR``.
- Incremental: each query remembers the newest ``indexedAt`` it has seen and
  asks only for posts since then (``since``); a search cut short by
  ``social.max_pages`` keeps its page cursor and resumes there next run.
- Replies: every matched post's thread is followed; ``getPostThread`` gives
  the replies, and a reply that is gone (``notFoundPost``) or a thread whose
  root is gone is recorded as deleted, not stored again.
- Accounts: every author is handed to the impersonation check; authors whose
  names look like the school or its staff are looked up (``getProfiles``) for
  their age and followers, and accounts are searched by the school's names.

Search needs a logged-in account (an app password); Bluesky's limit is 3000
requests per 5 minutes (``RateLimit-*`` headers), and it charges nothing.
"""

from __future__ import annotations

import logging
from typing import Any

from atproto import Client, exceptions as at_exc, models
from atproto_client.request import Request

from repmon.errors import SourceError
from social.base import SocialSource
from social.context import reply_title, save_post
from social.cursors import Pass
from social.http import BLUESKY_HEADERS
from social.impersonation import Account, might_imitate
from social.queries import context_terms, handle_terms, quote, school_terms, staff_terms
from social.transports import HttpxBridge

log = logging.getLogger(__name__)

PAGE_SIZE = 100
PROFILES_PER_CALL = 25


def post_url(handle: str, uri: str) -> str:
    """``https://bsky.app/profile/HANDLE/post/RKEY`` for an ``at://DID/app.bsky.feed.post/RKEY`` URI."""
    return f"https://bsky.app/profile/{handle}/post/{uri.rsplit('/', 1)[-1]}"


def profile_url(handle: str) -> str:
    return f"https://bsky.app/profile/{handle}"


def build_queries(run: Any) -> list[str]:
    """Search strings for this profile: names, aliases and handles; staff names with the school's context."""
    profile = run.profile
    queries = [quote(t.text) for t in school_terms(profile)]
    queries += [t.text if "." in t.text else quote(t.text) for t in handle_terms(profile)]
    if run.settings.get("social.search_staff", False):
        context = sorted(context_terms(profile), key=len)[:2]  # the shortest: a short name and a place
        for term in staff_terms(profile):
            queries += [f"{quote(term.text)} {quote(c)}" for c in context]
    return list(dict.fromkeys(q for q in queries if len(q) <= 300))


def _text(post: Any) -> str:
    record = post.record
    parts = [getattr(record, "text", "") or ""]
    embed = getattr(record, "embed", None)
    external = getattr(embed, "external", None)
    if external is not None:  # a shared link: its title and description are part of what readers see
        parts += [getattr(external, "title", "") or "", getattr(external, "description", "") or ""]
    for image in getattr(embed, "images", None) or []:
        if getattr(image, "alt", ""):
            parts.append(f"[image: {image.alt}]")
    return "\n".join(p for p in parts if p)


def _root_uri(post: Any) -> str:
    reply = getattr(post.record, "reply", None)
    root = getattr(reply, "root", None)
    return str(getattr(root, "uri", "") or post.uri)


def _account(author: Any, evidence_id: int | None) -> Account:
    return Account(
        platform="bluesky", handle=author.handle, display_name=getattr(author, "display_name", None) or "",
        url=profile_url(author.handle), account_id=author.did, created_at=getattr(author, "created_at", None),
        followers=getattr(author, "followers_count", None), description=getattr(author, "description", None) or "",
        evidence_id=evidence_id,
    )


class BlueskySource(SocialSource):
    name = "bluesky"
    title = "Bluesky"
    credentials = ("bluesky.handle_env", "bluesky.app_password_env")
    budget_setting = "bluesky.monthly_read_budget"
    budget_unit = "requests"
    rate_limit_headers = BLUESKY_HEADERS
    auth_url_parts = ("com.atproto.server.createSession", "com.atproto.server.refreshSession")

    def collect(self) -> None:
        run = self.run
        self.client = self._login()
        self.accounts: dict[str, Account] = {}
        for query in build_queries(run):
            run.counts["queries"] += 1
            with run.step(f"query {query!r}"):
                self._search(query)
                run.counts["queries_done"] += 1
        for thread in run.threads_to_check():
            with run.step(f"thread {thread['url']}"):
                self._thread(thread)
        if run.settings["bluesky.search_accounts"]:
            for term in school_terms(run.profile):
                with run.step(f"accounts like {term.text!r}"):
                    self._search_accounts(term.text)
        try:
            if self.accounts:
                with run.step("account profiles"):
                    self._look_up_suspects()
        finally:  # what was seen is checked even when the run stopped early
            for account in self.accounts.values():
                run.saw_account(account)

    # ---- the client --------------------------------------------------------

    def _login(self) -> Client:
        run = self.run
        bridge = HttpxBridge(run.session(), timeout=float(run.settings["social.timeout"]))
        client = Client(base_url=run.settings["bluesky.service"].rstrip("/") + "/xrpc",
                        request=Request(transport=bridge))
        handle = run.settings.secret("bluesky.handle_env").strip().lstrip("@")
        try:
            client.login(handle, run.settings.secret("bluesky.app_password_env").strip(), fetch_bsky_profile=False)
        except at_exc.UnauthorizedError as exc:
            raise SourceError(
                f"Bluesky refused the login of {handle} ({_xrpc_message(exc)}). Check "
                f"{run.settings['bluesky.handle_env']} and {run.settings['bluesky.app_password_env']}: use an "
                "app password (Settings > Privacy and security > App passwords), not the account password.") from None
        except at_exc.BadRequestError as exc:
            raise SourceError(f"Bluesky refused the login of {handle}: {_xrpc_message(exc)}. Check "
                              f"{run.settings['bluesky.handle_env']} (a handle such as school.bsky.social).") from None
        return client

    # ---- search --------------------------------------------------------------

    def _search(self, query: str) -> None:
        run = self.run
        cursor = Pass.start(run, query)
        for _page in range(max(1, int(run.settings["social.max_pages"]))):
            params: dict[str, Any] = {"q": query, "limit": PAGE_SIZE, "sort": "latest"}
            if cursor.since:
                params["since"] = cursor.since
            if cursor.page:
                params["cursor"] = cursor.page
            answer = self.client.app.bsky.feed.search_posts(params)
            for post in answer.posts:
                self._save_post(post, query=query, thread_id=None)
                cursor.saw(post.indexed_at)
            cursor.page = answer.cursor if answer.posts else None
            if not cursor.page:
                cursor.done(run)
                return
        cursor.pause(run, cursor.page)   # more pages than this run may read: resume there next run

    def _save_post(self, post: Any, *, query: str | None, thread_id: str | None) -> None:
        run = self.run
        author = post.author
        root = thread_id or _root_uri(post)
        url = post_url(author.handle, post.uri)
        record = post.record
        langs = getattr(record, "langs", None) or []
        item = run.item(
            post_id=post.uri, url=url, text=_text(post), author=author.handle,
            title=reply_title(run, root) if root != post.uri else None,
            published=getattr(record, "created_at", None) or post.indexed_at, lang=langs[0] if langs else None,
            raw={"did": author.did, "cid": post.cid, "display_name": getattr(author, "display_name", None),
                 "reply_count": post.reply_count, "like_count": post.like_count,
                 "repost_count": post.repost_count, "thread": root,
                 "labels": [label.val for label in (post.labels or [])]},
            evidence_keys=(post.cid,))
        save_post(run, item, post_id=post.uri, thread_id=root)
        self._saw(_account(author, item.evidence_id))
        if query is not None:
            root_url = url if root == post.uri else root
            run.follow_thread(root, url=root_url, query=query, activity=post.indexed_at)

    def _saw(self, account: Account) -> None:
        self.accounts.setdefault(account.account_id or account.handle, account)

    # ---- replies -------------------------------------------------------------

    def _thread(self, thread: dict[str, Any]) -> None:
        run = self.run
        root = thread["thread_id"]
        try:
            answer = self.client.app.bsky.feed.get_post_thread(
                {"uri": root, "depth": int(run.settings["bluesky.thread_depth"]), "parent_height": 0})
        except at_exc.BadRequestError as exc:
            if _xrpc_error(exc) == "NotFound":  # the thread's root post is gone
                run.mark_gone(root, "deleted", url=thread["url"], thread_id=root)
                run.thread_checked(root, {"gone": True})
                return
            raise
        newest = thread.get("last_activity")
        newest = self._walk(answer.thread, root, newest)
        run.thread_checked(root, {"checked": True}, newest)

    def _walk(self, node: Any, root: str, newest: str | None) -> str | None:
        run = self.run
        if isinstance(node, models.AppBskyFeedDefs.NotFoundPost):
            run.mark_gone(node.uri, "deleted", thread_id=root)
            return newest
        if not isinstance(node, models.AppBskyFeedDefs.ThreadViewPost):
            return newest  # a blocked post: repmon's account cannot see it
        post = node.post
        self._save_post(post, query=None, thread_id=root)  # the root too: an edit is a new version
        if post.indexed_at and (newest is None or post.indexed_at > newest):
            newest = post.indexed_at
        for reply in node.replies or []:
            newest = self._walk(reply, root, newest)
        return newest

    # ---- accounts ------------------------------------------------------------

    def _search_accounts(self, text: str) -> None:
        answer = self.client.app.bsky.actor.search_actors_typeahead({"q": text, "limit": 10})
        for actor in answer.actors:
            self._saw(_account(actor, self.run.evidence_for(actor.did)))

    def _look_up_suspects(self) -> None:
        """Look up the age and followers of accounts whose names may imitate the school or its staff."""
        run = self.run
        suspects = [a for a in self.accounts.values() if a.followers is None and might_imitate(a, run.profile)]
        for start in range(0, len(suspects), PROFILES_PER_CALL):
            batch = suspects[start:start + PROFILES_PER_CALL]
            answer = self.client.app.bsky.actor.get_profiles({"actors": [a.account_id for a in batch]})
            for found in answer.profiles:
                self.accounts[found.did] = _account(found, run.evidence_for(found.did))


def _xrpc_error(exc: at_exc.AtProtocolError) -> str:
    content = getattr(getattr(exc, "response", None), "content", None)
    return str(getattr(content, "error", "") or "")


def _xrpc_message(exc: at_exc.AtProtocolError) -> str:
    response = getattr(exc, "response", None)
    content = getattr(response, "content", None)
    message = getattr(content, "message", None) or getattr(content, "error", None)
    status = getattr(response, "status_code", "")
    return f"HTTP {status}: {message}" if message else f"HTTP {status}"
