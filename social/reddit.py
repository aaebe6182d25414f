"""Reddit through PRAW: search for the school (newest first), then the comments of each matched thread.

- Queries use Reddit's search syntax (lucene): ``"Queen Elizabeth High School" OR QEHS OR ...``
  and ``"Staff Name" AND (QEHS OR Carmarthen ...)``, each at most 512 characters.
  ``reddit.subreddits`` limits the search to some subreddits (default: all).
- Incremental: per query the cursor keeps the newest ``created_utc`` and
  fullname seen; a run reads new posts down to it. A run cut short (page limit,
  budget, rate limit) keeps ``resume_after`` (the last fullname read) and
  the next run finishes that pass before anything else is skipped.
- Each matched thread's comments are read with "load more comments" up to
  ``reddit.more_comments`` requests, then re-read on later runs while the
  thread is active (``social.follow_days``).
- ``[deleted]`` and ``[removed]`` posts and comments are recorded as such
  (``social_posts``), never stored as items.
- PRAW is given repmon's monitored session (pacing from ``x-ratelimit-*``,
  whose reset is seconds from now; retries; budget; evidence). prawcore's own
  sleeping retries are turned off so waiting goes through the injectable clock;
  it still renews an expired token once.
"""

from __future__ import annotations

import logging
from typing import Any

from repmon import __version__
from social.base import SocialSource, iso_from_epoch
from social.http import REDDIT_HEADERS
from social.queries import context_terms, handle_terms, pack, quote, school_terms, staff_terms, with_context

log = logging.getLogger(__name__)

MAX_QUERY = 512
PAGE = 100
GONE = {"[deleted]": "deleted", "[removed]": "removed"}


def reddit_queries(profile: Any, *, staff: bool, max_len: int = MAX_QUERY) -> list[str]:
    """Search queries for the profile in Reddit's syntax, each within ``max_len`` characters."""
    names = [quote(t.text) for t in school_terms(profile) + handle_terms(profile)]
    queries = pack(names, max_len=max_len)
    if staff:
        queries.extend(with_context([t.text for t in staff_terms(profile)], context_terms(profile),
                                    max_len=max_len, and_word=" AND "))
    return queries


def _gone_state(body: str | None, author: Any, removed_by: str | None = None) -> str | None:
    """'deleted' or 'removed' when Reddit shows the post or comment as gone."""
    text = (body or "").strip()
    if text in GONE and (author is None or text == "[removed]"):
        return GONE[text]
    if removed_by:
        return "deleted" if removed_by in ("deleted", "author") else "removed"
    return None


def _attr(thing: Any, name: str) -> Any:
    """An attribute PRAW already has, without the request it makes for one it lacks (older posts)."""
    return vars(thing).get(name)


def _author(thing: Any) -> str | None:
    author = _attr(thing, "author")
    return str(author) if author is not None else None


class RedditSource(SocialSource):
    name = "reddit"
    title = "Reddit"
    credentials = ("reddit.client_id_env", "reddit.client_secret_env")
    budget_setting = "reddit.monthly_read_budget"
    budget_unit = "requests"
    rate_limit_headers = REDDIT_HEADERS
    auth_url_parts = ("/api/v1/access_token",)

    def fatal_error(self, exc: BaseException) -> str | None:
        from prawcore.exceptions import OAuthException, ResponseException

        response = getattr(exc, "response", None)
        refused = isinstance(exc, OAuthException) or (
            isinstance(exc, ResponseException) and response is not None and response.status_code == 401)
        if refused:
            ids = ", ".join(self.run.settings[k] for k in self.credentials)
            return (f"Reddit refused the app's credentials ({exc}); check {ids} (a 'script' app's id and "
                    "secret from https://www.reddit.com/prefs/apps, see docs/sources.md)")
        return None

    def _client(self) -> Any:
        import praw
        from prawcore.sessions import RetryStrategy

        settings = self.run.settings
        contact = settings["collect.contact"]
        agent = settings["reddit.user_agent"] or (
            f"repmon/{__version__} (school reputation monitor{'; contact ' + contact if contact else ''})")
        reddit = praw.Reddit(
            client_id=settings.secret("reddit.client_id_env"), client_secret=settings.secret("reddit.client_secret_env"),
            user_agent=agent, requestor_kwargs={"session": self.run.session()},
            check_for_updates=False, check_for_async=False,
        )

        class _RenewTokenOnly(RetryStrategy):
            """One immediate retry (prawcore renews an expired token with it); the session does the rest."""

            def __init__(self, retries: int = 1) -> None:
                self.retries = retries

            def _sleep_seconds(self) -> float | None:
                return None

            def consume_available_retry(self) -> _RenewTokenOnly:
                return _RenewTokenOnly(self.retries - 1)

            def should_retry_on_failure(self) -> bool:
                return self.retries > 0

        # prawcore would otherwise retry 5xx and sleep with time.sleep itself (private API, pinned version)
        cores: list[Any] = [c for c in (reddit._core, reddit._read_only_core, reddit._authorized_core) if c is not None]
        for core in {id(c): c for c in cores}.values():
            core._retry_strategy_class = _RenewTokenOnly
            core.RETRY_STATUSES = set()
            core.RETRY_EXCEPTIONS = ()
            core._rate_limiter.delay = lambda: None  # the monitored session paces from the same headers
        return reddit

    def collect(self) -> None:
        run = self.run
        reddit = self._client()
        subreddits = [s.strip().removeprefix("r/") for s in run.settings["reddit.subreddits"] if s.strip()]
        where = "+".join(subreddits) if subreddits else "all"
        for query in reddit_queries(run.profile, staff=run.settings["social.search_staff"]):
            run.counts["queries"] += 1
            with run.step(f"search {query!r}"):
                self._search(reddit, where, query)
                run.counts["queries_done"] += 1
        for thread in run.threads_to_check():
            with run.step(f"comments of thread {thread['thread_id']}"):
                self._thread(reddit, thread)

    # ---- search ---------------------------------------------------------

    def _search(self, reddit: Any, where: str, query: str) -> None:
        run = self.run
        key = f"{where}:{query}"
        cursor = run.cursor(key)
        state = dict(cursor)
        try:
            if cursor.get("resume_after"):
                done, last = self._pass(reddit, where, query, state, floor=cursor.get("resume_floor"),
                                        after=cursor["resume_after"])
                if done:
                    state.pop("resume_after", None)
                    state.pop("resume_floor", None)
                elif last:
                    state["resume_after"] = last
            done, last = self._pass(reddit, where, query, state, floor=cursor.get("newest_utc"), after=None,
                                    floor_id=cursor.get("newest_id"))
            if not done and last:
                state["resume_after"] = last
                floors = [f for f in (cursor.get("resume_floor"), cursor.get("newest_utc")) if f is not None]
                state["resume_floor"] = min(floors) if floors else None
        finally:
            run.set_cursor(key, state)

    def _pass(self, reddit: Any, where: str, query: str, state: dict[str, Any], *, floor: float | None,
              after: str | None, floor_id: str | None = None) -> tuple[bool, str | None]:
        """Read results newest first down to ``floor``; return (complete, last fullname read)."""
        run = self.run
        limit = PAGE * max(1, int(run.settings["social.max_pages"]))
        params = {"after": after} if after else {}
        listing = reddit.subreddit(where).search(query, sort="new", syntax="lucene", time_filter="all",
                                                 limit=limit, params=params)
        last, count = after, 0
        try:
            for submission in listing:
                count += 1
                created = float(submission.created_utc)
                if floor is not None and (created < floor or (created == floor and submission.fullname == floor_id)):
                    return True, last
                self._submission(submission, query)
                last = submission.fullname
                if created > float(state.get("newest_utc") or 0):
                    state["newest_utc"], state["newest_id"] = created, submission.fullname
        except BaseException:
            if last and last != after:
                state["resume_after"] = last
                if "resume_floor" not in state:
                    state["resume_floor"] = floor
            raise
        return count < limit, last

    def _submission(self, s: Any, query: str) -> None:
        run = self.run
        url = "https://www.reddit.com" + s.permalink
        published = iso_from_epoch(s.created_utc)
        run.follow_thread(s.id, url=url, query=query, activity=published)
        gone = _gone_state(s.selftext, _attr(s, "author"), _attr(s, "removed_by_category"))
        if gone:
            run.mark_gone(s.fullname, gone, url=url, thread_id=s.id)
            return
        self._account(s)
        body = s.selftext if s.is_self else f"{s.selftext}\n\n{s.url}".strip()
        item = run.item(
            post_id=s.fullname, url=url, title=s.title, text=f"{s.title}\n\n{body}".strip(), author=_author(s),
            published=published,
            raw={"kind": "submission", "thread_id": s.id, "subreddit": str(s.subreddit), "query": query,
                 "score": _attr(s, "score"), "num_comments": _attr(s, "num_comments"),
                 "link_url": None if s.is_self else s.url},
        )
        run.save(item, post_id=s.fullname, thread_id=s.id)

    # ---- comments of a thread -------------------------------------------

    def _thread(self, reddit: Any, thread: dict[str, Any]) -> None:
        from praw.models import MoreComments

        run = self.run
        tid = thread["thread_id"]
        submission = reddit.submission(id=tid)
        submission.comment_sort = "new"
        forest = submission.comments  # one request: the thread and its first comments
        forest.replace_more(limit=max(0, int(run.settings["reddit.more_comments"])))
        title = submission.title
        gone = _gone_state(submission.selftext, _attr(submission, "author"), _attr(submission, "removed_by_category"))
        if gone:
            run.mark_gone(submission.fullname, gone, url=thread["url"], thread_id=tid)
        newest = float(thread["cursor"].get("newest_utc") or 0)
        latest = newest
        for comment in forest.list():
            if isinstance(comment, MoreComments):
                continue
            permalink = _attr(comment, "permalink") or f"/r/{submission.subreddit}/comments/{tid}/_/{comment.id}/"
            url = f"https://www.reddit.com{permalink}"
            latest = max(latest, float(comment.created_utc))
            state = _gone_state(comment.body, _attr(comment, "author"))
            if state:
                run.mark_gone(comment.fullname, state, url=url, thread_id=tid)
                continue
            self._account(comment)
            item = run.item(
                post_id=comment.fullname, url=url, title=f"Re: {title}", text=comment.body, author=_author(comment),
                published=iso_from_epoch(comment.created_utc),
                raw={"kind": "comment", "thread_id": tid, "parent_id": _attr(comment, "parent_id"),
                     "subreddit": str(submission.subreddit), "thread_url": thread["url"],
                     "score": _attr(comment, "score")},
            )
            run.save(item, post_id=comment.fullname, thread_id=tid)
        run.thread_checked(tid, {"newest_utc": latest},
                           activity=iso_from_epoch(latest) if latest > newest else None)

    def _account(self, thing: Any) -> None:
        name = _author(thing)
        if not name:
            return
        try:
            from social.impersonation import Account
        except ImportError:
            return
        self.run.saw_account(Account(platform="reddit", handle=name, url=f"https://www.reddit.com/user/{name}",
                                     account_id=str(_attr(thing, "author_fullname") or "")))
