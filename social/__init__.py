"""Social sources: Reddit, X, Bluesky, Mastodon and YouTube, each producing the spiders' Items.

``social.collect.collect_social(settings, store, only=None)`` polls each
platform in ``social.sources`` once, as its own row in ``source_runs``. A
platform without credentials is recorded as ``disabled`` (the message names
the environment variables to set) and the others still run.
``social.collect.budget_usage(store, settings)`` gives this month's reads
against each monthly read budget, for ``repmon status``.

Modules:

- ``base.py``: :class:`~social.base.SocialSource` (what a platform writes),
  :class:`~social.base.SourceRun` (what a platform gets), the registry
  :data:`~social.base.PLATFORMS`.
- ``http.py``: the monitored ``requests`` session every client library is
  given: rate-limit headers honoured, 429/5xx/timeouts retried with jittered
  back-off, the monthly read budget checked *before* each request, every
  successful response kept as WARC evidence (SHA-256), time injectable.
- ``queries.py``: search terms from the profile, quoted and packed into
  queries within a length limit.
- ``replay.py``: a requests transport adapter that serves recorded responses
  (betamax, vcrpy, or repmon's own JSON recordings): for tests and the demo.
- ``collect.py``: runs the sources, records each run.
- one module per platform: ``reddit.py``, ``x.py``, ``bluesky.py``,
  ``mastodon.py``, ``youtube.py``; ``impersonation.py`` checks the accounts
  they saw.
- ``data/social.py`` holds the SQL: cursors, monthly usage, posts and their
  deleted/removed state, threads followed for replies (migration 005).

How to add a platform
---------------------

1. Write ``social/<name>.py`` with a subclass of ``SocialSource``::

       class ExampleSource(SocialSource):
           name = "example"                      # Item.source, source_runs.source, --source example
           title = "Example"
           credentials = ("example.token_env",)  # envvar settings; missing ones => run disabled
           budget_setting = "example.monthly_read_budget"   # optional int setting (0: no limit)
           budget_unit = "posts"                 # or "requests" (the default: one read per request)
           rate_limit_headers = RateLimitHeaders("x-ratelimit-remaining", "x-ratelimit-reset", "epoch")
           auth_url_parts = ("/oauth/token",)    # responses never kept as evidence nor counted

           def reads_in(self, request, payload):  # billable reads in a response (if not per request)
               return len(payload.get("data", []))

           def max_reads(self, request):          # the most a request could read: checked before sending
               return 100

           def collect(self) -> None:
               run = self.run
               client = ExampleClient(token=run.settings.secret("example.token_env"),
                                      session=run.session())      # the library's requests go through the gate
               for query in build_queries(run.profile):
                   run.counts["queries"] += 1
                   with run.step(f"query {query!r}"):     # a failure is recorded; the next query runs
                       cursor = run.cursor(query)          # {} the first time
                       for post in client.search(query, since=cursor.get("since_id")):
                           if post.deleted:
                               run.mark_gone(post.id, "deleted", url=post.url)   # never a new item
                               continue
                           run.save(run.item(post_id=post.id, url=post.url, text=post.text,
                                             author=post.author, published=post.created),
                                    post_id=post.id, thread_id=post.thread)
                           run.follow_thread(post.thread, url=post.url, query=query)
                       run.set_cursor(query, {"since_id": newest})   # only once the query is complete
                       run.counts["queries_done"] += 1
               for thread in run.threads_to_check():       # replies of matched threads
                   with run.step(f"thread {thread['thread_id']}"):
                       ...
                       run.thread_checked(thread["thread_id"], {"since_id": newest})

   A library that does not use ``requests`` (atproto uses httpx, the YouTube
   client httplib2) calls ``run.gate.before(...)``/``run.gate.after(...)``
   around its own calls, or is given a transport that does.
2. Register it in ``PLATFORMS`` below (``"example":
   "social.example:ExampleSource"``) and add it to the default of
   ``social.sources``.
3. Add its settings under ``# -- social sources (social/) --`` in
   ``repmon/config.py`` (secrets as ``envvar`` settings), with a row each in
   ``docs/settings.md``, and a section in ``docs/sources.md``.
4. Test it in ``tests/social/`` by replaying recorded responses through the
   real client library (``social.replay.ReplayAdapter`` passed as
   ``transport=``, a ``tests.social.fakes.FakeClock`` as ``clock=``).

Rules every platform keeps: cursors move only when a query has been fetched
completely (an interrupted run resumes, it never skips); deleted and removed
posts go to ``run.mark_gone``, not ``run.save``; ``BudgetExhausted`` and
``RateLimitWait`` are not caught (``run.step`` turns them into a clean stop).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from data.store import Store
    from repmon.config import Settings

# name -> "module:Class". A platform whose module or library is missing is reported as disabled.
PLATFORMS: dict[str, str] = {
    "reddit": "social.reddit:RedditSource",
    "x": "social.x:XSource",
    "bluesky": "social.bluesky:BlueskySource",
    "mastodon": "social.mastodon:MastodonSource",
    "youtube": "social.youtube:YouTubeSource",
}
SOURCE_NAMES: tuple[str, ...] = tuple(PLATFORMS)


def budget_usage(store: Store, settings: Settings | None = None) -> dict[str, dict[str, Any]]:
    """This month's reads per social source against its budget (see ``social.collect.budget_usage``)."""
    from social.collect import budget_usage as usage

    return usage(store, settings)
