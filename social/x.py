"""X through Tweepy (API v2 recent search, the last 7 days), then the replies of each matched conversation.

- Queries use X's operators: ``("Queen Elizabeth High School" OR QEHS OR @qehs_example) -is:retweet``
  and ``"Staff Name" (QEHS OR Carmarthen ...) -is:retweet``, each within
  ``x.max_query_length`` (512 characters for self-serve access).
- Incremental: per query the cursor keeps ``since_id`` (everything up to it
  has been read). A pass cut short (page limit, budget, rate limit) keeps its
  ``next_token``; the next run finishes that pass before starting a new one.
- Replies: each matched post's conversation is searched with
  ``conversation_id:ID`` (its own ``since_id``) while active.
- Deleted posts: X answers a reference to a deleted post with a ``Not Found
  Error`` in ``errors`` (and to a protected or suspended one with an
  ``Authorization Error``); they are recorded as ``deleted`` or ``missing``.
- Cost: X bills per post read. Every post in ``data`` and ``includes.tweets``
  counts against ``x.monthly_read_budget``; each request asks for no more posts
  than the budget has left, and a request that could exceed it is not sent.
- Rate limits: ``x-rate-limit-*`` headers, reset as a Unix time.
"""

from __future__ import annotations

import logging
from typing import Any
from urllib.parse import parse_qs, urlsplit

import requests

from repmon import clock as repmon_clock
from social.base import SocialSource
from social.context import reply_title
from social.http import X_HEADERS
from social.queries import context_terms, handle_terms, pack, quote, school_terms, staff_terms, with_context

log = logging.getLogger(__name__)

TWEET_FIELDS = ["created_at", "author_id", "conversation_id", "lang", "referenced_tweets", "in_reply_to_user_id",
                "public_metrics"]
USER_FIELDS = ["username", "name", "created_at", "description", "public_metrics"]
EXPANSIONS = ["author_id", "referenced_tweets.id"]
MIN_RESULTS, MAX_RESULTS = 10, 100


def x_queries(profile: Any, *, staff: bool, max_len: int = 512, exclude_retweets: bool = True) -> list[str]:
    """Recent-search queries for the profile, each within ``max_len`` characters."""
    suffix = " -is:retweet" if exclude_retweets else ""
    names = [quote(t.text) for t in school_terms(profile)] + [f"@{t.text}" for t in handle_terms(profile)]
    queries = pack(names, max_len=max_len, wrap=lambda body: f"({body}){suffix}")
    if staff:
        queries.extend(q + suffix for q in with_context([t.text for t in staff_terms(profile)], context_terms(profile),
                                                        max_len=max_len - len(suffix)))
    return queries


def _when(stamp: Any) -> str | None:
    """X's ``2026-09-21T09:30:00.000Z`` as repmon writes times (``2026-09-21T09:30:00Z``)."""
    if not isinstance(stamp, str) or not stamp:
        return None
    try:
        return repmon_clock.iso(repmon_clock.parse(stamp))
    except ValueError:
        return None


def _newer(a: str | None, b: str | None) -> str | None:
    """The newer of two post ids (ids grow with time)."""
    if not a or not b:
        return a or b
    return a if int(a) >= int(b) else b


class XSource(SocialSource):
    name = "x"
    title = "X"
    credentials = ("x.bearer_token_env",)
    budget_setting = "x.monthly_read_budget"
    budget_unit = "posts"
    rate_limit_headers = X_HEADERS
    auth_url_parts = ("/oauth2/token",)

    def reads_in(self, request: requests.PreparedRequest, payload: Any) -> int:
        if not isinstance(payload, dict):
            return 0
        data = payload.get("data")
        posts = len(data) if isinstance(data, list) else int(isinstance(data, dict))
        return posts + len((payload.get("includes") or {}).get("tweets") or [])

    def max_reads(self, request: requests.PreparedRequest) -> int:
        params = parse_qs(urlsplit(request.url or "").query)
        if "ids" in params:
            return len(params["ids"][0].split(","))
        per_page = int(params.get("max_results", [str(MIN_RESULTS)])[0])
        referenced = "referenced_tweets.id" in ",".join(params.get("expansions", []))
        return per_page * (2 if referenced else 1)

    def fatal_error(self, exc: BaseException) -> str | None:
        import tweepy

        var = self.run.settings["x.bearer_token_env"]
        if isinstance(exc, tweepy.errors.Unauthorized):
            return (f"X refused the bearer token (401 Unauthorized: {exc}); the token in {var} is wrong, expired "
                    "or revoked: make a new one in the X developer portal (docs/sources.md)")
        if isinstance(exc, tweepy.errors.Forbidden):
            return (f"X refused the search (403 Forbidden: {exc}); the app behind {var} needs an access level "
                    "that includes recent search (docs/sources.md)")
        return None

    def _client(self) -> Any:
        import tweepy

        client = tweepy.Client(bearer_token=self.run.settings.secret("x.bearer_token_env"), return_type=dict,
                               wait_on_rate_limit=False)
        client.session = self.run.session()
        return client

    def _page_size(self) -> int:
        size = max(MIN_RESULTS, min(MAX_RESULTS, int(self.run.settings["x.max_results"])))
        remaining = self.run.budget.remaining()
        if remaining is not None:  # each post can bring one referenced post: ask for no more than fits
            size = max(MIN_RESULTS, min(size, remaining // 2))
        return size

    def collect(self) -> None:
        run = self.run
        client = self._client()
        settings = run.settings
        queries = x_queries(run.profile, staff=settings["social.search_staff"],
                            max_len=int(settings["x.max_query_length"]),
                            exclude_retweets=settings["x.exclude_retweets"])
        for query in queries:
            run.counts["queries"] += 1
            with run.step(f"search {query!r}"):
                self._search(client, query)
                run.counts["queries_done"] += 1
        for thread in run.threads_to_check():
            with run.step(f"replies in conversation {thread['thread_id']}"):
                self._conversation(client, thread)

    def _search_page(self, client: Any, query: str, since_id: str | None, next_token: str | None) -> dict[str, Any]:
        import tweepy

        kwargs: dict[str, Any] = dict(max_results=self._page_size(), tweet_fields=TWEET_FIELDS,
                                      user_fields=USER_FIELDS, expansions=EXPANSIONS)
        try:
            return client.search_recent_tweets(query, since_id=since_id, next_token=next_token, **kwargs)  # type: ignore[no-any-return]
        except tweepy.errors.BadRequest as exc:
            if since_id and "since_id" in str(exc):  # older than the 7 days recent search covers
                log.info("x: since_id %s is too old for recent search; searching the whole week", since_id)
                return client.search_recent_tweets(query, next_token=next_token, **kwargs)  # type: ignore[no-any-return]
            raise

    def _search(self, client: Any, query: str) -> None:
        run = self.run
        state = run.cursor(query)
        try:
            if state.get("next_token"):
                self._pass(client, query, state)  # finish the pass an earlier run could not
                if state.get("next_token"):
                    return
            state["pass_since"], state["pass_newest"] = state.get("since_id"), None
            self._pass(client, query, state)
        finally:
            run.set_cursor(query, state)

    def _pass(self, client: Any, query: str, state: dict[str, Any]) -> None:
        for _ in range(max(1, int(self.run.settings["social.max_pages"]))):
            page = self._search_page(client, query, state.get("pass_since"), state.get("next_token"))
            meta = page.get("meta") or {}
            state["pass_newest"] = _newer(state.get("pass_newest"), meta.get("newest_id"))
            self._posts(page, query)
            token = meta.get("next_token")
            if not token:
                state["since_id"] = _newer(state.get("since_id"), state.pop("pass_newest", None))
                state.pop("next_token", None)
                state.pop("pass_since", None)
                return
            state["next_token"] = token

    def _conversation(self, client: Any, thread: dict[str, Any]) -> None:
        run = self.run
        tid = thread["thread_id"]
        query = f"conversation_id:{tid}"
        since = thread["cursor"].get("since_id")
        newest, latest, token = since, None, None
        for _ in range(max(1, int(run.settings["social.max_pages"]))):
            page = self._search_page(client, query, since, token)
            meta = page.get("meta") or {}
            newest = _newer(newest, meta.get("newest_id"))
            for stamp in self._posts(page, thread["query"]):
                latest = max(latest or stamp, stamp)
            token = meta.get("next_token")
            if not token:
                break
        run.thread_checked(tid, {"since_id": newest}, activity=latest)

    def _posts(self, page: dict[str, Any], query: str) -> list[str]:
        """Save the posts of one response; record the deleted ones it reports; return their times."""
        run = self.run
        includes = page.get("includes") or {}
        users = {u["id"]: u for u in includes.get("users") or [] if "id" in u}
        stamps = []
        for post in page.get("data") or []:
            if not isinstance(post, dict) or "id" not in post or "text" not in post:
                continue
            pid = str(post["id"])
            user = users.get(post.get("author_id", ""))
            username = user.get("username") if user else None
            url = f"https://x.com/{username}/status/{pid}" if username else f"https://x.com/i/web/status/{pid}"
            conversation = str(post.get("conversation_id") or pid)
            refs = {r.get("type"): r.get("id") for r in post.get("referenced_tweets") or [] if isinstance(r, dict)}
            title = reply_title(run, conversation) if conversation != pid else None
            item = run.item(
                post_id=pid, url=url, text=post["text"], title=title, author=f"@{username}" if username else None,
                published=_when(post.get("created_at")), lang=post.get("lang"),
                raw={"kind": "reply" if "replied_to" in refs else "post", "conversation_id": conversation,
                     "in_reply_to": refs.get("replied_to"), "quotes": refs.get("quoted"), "query": query,
                     "author_name": user.get("name") if user else None,
                     "metrics": post.get("public_metrics")},
            )
            run.save(item, post_id=pid, thread_id=conversation)
            published = _when(post.get("created_at"))
            run.follow_thread(conversation, url=f"https://x.com/i/web/status/{conversation}", query=query,
                              activity=published)
            if published:
                stamps.append(published)
            if user:
                self._account(user)
        for error in page.get("errors") or []:
            self._gone(error)
        return stamps

    def _gone(self, error: dict[str, Any]) -> None:
        if not isinstance(error, dict) or error.get("resource_type") != "tweet":
            return
        pid = str(error.get("resource_id") or error.get("value") or "")
        if not pid:
            return
        kind = f"{error.get('type', '')} {error.get('title', '')}".lower()
        state = "deleted" if "not-found" in kind or "not found" in kind else "missing"
        self.run.mark_gone(pid, state, url=f"https://x.com/i/web/status/{pid}")

    def _account(self, user: dict[str, Any]) -> None:
        try:
            from social.impersonation import Account
        except ImportError:
            return
        metrics = user.get("public_metrics") or {}
        self.run.saw_account(Account(
            platform="x", handle=str(user.get("username", "")), display_name=str(user.get("name", "")),
            url=f"https://x.com/{user.get('username', '')}", account_id=str(user.get("id", "")),
            created_at=user.get("created_at"), followers=metrics.get("followers_count"),
            description=str(user.get("description", "")),
        ))
