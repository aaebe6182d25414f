"""YouTube: video search (``search.list``) and comments (``commentThreads.list``) through google-api-python-client.

- Queries: the school's names, aliases and handles, joined with YouTube's
  ``|`` (OR) into as few searches as fit, because each search costs 100
  quota units; a page of comments costs 1.
- Incremental: each query remembers the newest ``publishedAt`` it has seen
  and asks only for videos published after it; a search cut short keeps its
  page token and resumes there next run.
- Comments: every matched video is followed; its comment threads (with the
  replies the API includes, and the rest through ``comments.list``) are read
  newest first. ``youtube.channel_ids`` adds every comment on a channel's
  videos (the school's own channel). A video that is gone is recorded as
  deleted; comments turned off is not an error.
- Quota: the monthly read budget counts quota units (``youtube.monthly_quota_units``)
  and is checked before each request; Google's daily quota running out
  (``quotaExceeded``) stops the run cleanly, to resume the next day.
- The API key travels in the URL (``key=``): evidence keeps the URL with the key removed.
"""

from __future__ import annotations

import html
import json
import logging
from typing import Any

import requests
from googleapiclient.discovery import build
from googleapiclient.errors import HttpError

from repmon.errors import SourceError
from social.base import SocialSource
from social.context import reply_title, save_post
from social.cursors import Pass
from social.http import BudgetExhausted
from social.impersonation import Account
from social.queries import handle_terms, pack, quote, school_terms
from social.transports import Httplib2Bridge

log = logging.getLogger(__name__)

SEARCH_COST = 100
MAX_QUERY = 500
QUOTA_REASONS = {"quotaExceeded", "dailyLimitExceeded", "rateLimitExceeded", "userRateLimitExceeded"}
KEY_REASONS = {"keyInvalid", "keyExpired", "accessNotConfigured", "forbidden", "ipRefererBlocked"}


def cost(url: str) -> int:
    """Quota units a request costs (YouTube Data API v3: search 100, list calls 1)."""
    return SEARCH_COST if "/youtube/v3/search" in url else 1


def build_queries(profile: Any) -> list[str]:
    """The school's names and handles as ``a|"b c"|d`` searches, each at most MAX_QUERY characters."""
    terms = [quote(t.text) for t in school_terms(profile)] + [quote(t.text) for t in handle_terms(profile)]
    return pack(list(dict.fromkeys(terms)), max_len=MAX_QUERY, joiner="|")


def video_url(video_id: str) -> str:
    return f"https://www.youtube.com/watch?v={video_id}"


def _reason(exc: HttpError) -> str:
    try:
        details = json.loads(exc.content or b"{}").get("error", {})
        return str((details.get("errors") or [{}])[0].get("reason") or details.get("status") or "")
    except (ValueError, AttributeError):
        return ""


class YouTubeSource(SocialSource):
    name = "youtube"
    title = "YouTube"
    credentials = ("youtube.api_key_env",)
    budget_setting = "youtube.monthly_quota_units"
    budget_unit = "units"
    rate_limit_headers = None   # YouTube sends no rate-limit headers; its limit is the daily quota

    def reads_in(self, request: requests.PreparedRequest, payload: Any) -> int:
        return cost(request.url or "")

    def max_reads(self, request: requests.PreparedRequest) -> int:
        return cost(request.url or "")

    def collect(self) -> None:
        run = self.run
        self.api = build("youtube", "v3", developerKey=run.settings.secret("youtube.api_key_env").strip(),
                         http=Httplib2Bridge(run.session(), timeout=float(run.settings["social.timeout"])),
                         cache_discovery=False, static_discovery=True)
        self.accounts: dict[str, Account] = {}
        try:
            for query in build_queries(run.profile):
                run.counts["queries"] += 1
                with run.step(f"search {query!r}"):
                    self._call(lambda: self._search(query))
                    run.counts["queries_done"] += 1
            for channel in run.settings["youtube.channel_ids"]:
                run.counts["queries"] += 1
                with run.step(f"comments on channel {channel}"):
                    self._call(lambda: self._channel(channel))
                    run.counts["queries_done"] += 1
            for thread in run.threads_to_check():
                with run.step(f"comments on {thread['url']}"):
                    self._call(lambda: self._video(thread))
        finally:
            for account in self.accounts.values():
                run.saw_account(account)

    def _call(self, work: Any) -> None:
        """Run one step's calls, turning YouTube's quota and key errors into what repmon does about them."""
        try:
            work()
        except HttpError as exc:
            reason = _reason(exc)
            if reason in QUOTA_REASONS:
                raise BudgetExhausted(
                    f"youtube: Google's quota for this API key is spent ({reason}); collection resumes when it "
                    "resets (midnight Pacific time), or ask Google for more in the Cloud console.") from None
            if reason in KEY_REASONS or exc.resp.status in (400, 401) and "key" in str(exc).lower():
                var = self.run.settings["youtube.api_key_env"]
                raise SourceError(
                    f"YouTube refused the API key in {var} ({reason or exc.resp.status}): check the key, and that "
                    "the YouTube Data API v3 is enabled for its project in the Google Cloud console.") from None
            raise

    # ---- search -----------------------------------------------------------------

    def _search(self, query: str) -> None:
        run = self.run
        cursor = Pass.start(run, query)
        for _ in range(max(1, int(run.settings["social.max_pages"]))):
            params: dict[str, Any] = {"part": "snippet", "q": query, "type": "video", "order": "date",
                                      "maxResults": 50, "regionCode": run.settings["youtube.region_code"]}
            if cursor.since:
                params["publishedAfter"] = cursor.since
            if cursor.page:
                params["pageToken"] = cursor.page
            answer = self.api.search().list(**params).execute(num_retries=0)
            for result in answer.get("items", []):
                video = result.get("id", {}).get("videoId")
                if video:
                    snippet = result.get("snippet", {})
                    self._save_video(video, snippet, query)
                    cursor.saw(snippet.get("publishedAt"))
            cursor.page = answer.get("nextPageToken")
            if not cursor.page:
                cursor.done(run)
                return
        cursor.pause(run, cursor.page)

    def _save_video(self, video: str, snippet: dict[str, Any], query: str) -> None:
        run = self.run
        title = html.unescape(snippet.get("title", ""))
        description = html.unescape(snippet.get("description", ""))
        item = run.item(post_id=f"video:{video}", url=video_url(video), title=title,
                        text="\n".join(p for p in (title, description) if p),
                        author=snippet.get("channelTitle"), published=snippet.get("publishedAt"),
                        raw={"video_id": video, "channel_id": snippet.get("channelId"),
                             "live": snippet.get("liveBroadcastContent")},
                        evidence_keys=(video,))
        save_post(run, item, post_id=f"video:{video}", thread_id=video)
        run.follow_thread(video, url=video_url(video), query=query, activity=snippet.get("publishedAt"))
        channel = snippet.get("channelId")
        if channel:
            self.accounts.setdefault(channel, Account(
                platform="youtube", handle=channel, display_name=snippet.get("channelTitle") or "",
                url=f"https://www.youtube.com/channel/{channel}", account_id=channel, evidence_id=item.evidence_id))

    # ---- comments ---------------------------------------------------------------

    def _save_comment(self, comment: dict[str, Any], video: str) -> None:
        run = self.run
        snippet = comment.get("snippet", {})
        comment_id = comment["id"]
        author = snippet.get("authorDisplayName") or ""
        item = run.item(post_id=f"comment:{comment_id}", url=f"{video_url(video)}&lc={comment_id}",
                        title=reply_title(run, f"video:{video}"),
                        text=snippet.get("textOriginal") or html.unescape(snippet.get("textDisplay", "")),
                        author=author, published=snippet.get("publishedAt"),
                        raw={"video_id": video, "comment_id": comment_id, "parent_id": snippet.get("parentId"),
                             "like_count": snippet.get("likeCount"), "updated_at": snippet.get("updatedAt")},
                        evidence_keys=(comment_id,))
        save_post(run, item, post_id=f"comment:{comment_id}", thread_id=video)
        channel = (snippet.get("authorChannelId") or {}).get("value")
        if author and channel:
            self.accounts.setdefault(channel, Account(
                platform="youtube", handle=author.lstrip("@"), url=snippet.get("authorChannelUrl") or "",
                account_id=channel, evidence_id=item.evidence_id))

    def _threads(self, answer: dict[str, Any]) -> tuple[set[str], str | None]:
        """Save one page of comment threads with all their replies; return the comment ids and newest time."""
        seen: set[str] = set()
        newest: str | None = None
        for thread in answer.get("items", []):
            snippet = thread.get("snippet", {})
            video = snippet.get("videoId", "")
            top = snippet.get("topLevelComment")
            if not top or not video:
                continue
            self._save_comment(top, video)
            seen.add(top["id"])
            replies = (thread.get("replies") or {}).get("comments") or []
            if snippet.get("totalReplyCount", 0) > len(replies):   # the thread holds only a few: fetch them all
                replies = self._all_replies(top["id"])
            for reply in replies:
                self._save_comment(reply, video)
                seen.add(reply["id"])
            for comment in (top, *replies):
                stamp = comment.get("snippet", {}).get("publishedAt")
                if stamp and (newest is None or stamp > newest):
                    newest = stamp
        return seen, newest

    def _all_replies(self, parent: str) -> list[dict[str, Any]]:
        replies: list[dict[str, Any]] = []
        token = None
        for _ in range(max(1, int(self.run.settings["social.max_pages"]))):
            params: dict[str, Any] = {"part": "snippet", "parentId": parent, "maxResults": 100,
                                      "textFormat": "plainText"}
            if token:
                params["pageToken"] = token
            answer = self.api.comments().list(**params).execute(num_retries=0)
            replies += answer.get("items", [])
            token = answer.get("nextPageToken")
            if not token:
                break
        return replies

    def _video(self, thread: dict[str, Any]) -> None:
        run = self.run
        video = thread["thread_id"]
        seen: set[str] = set()
        newest = thread.get("last_activity")
        token = None
        complete = False
        for _ in range(max(1, int(run.settings["social.max_pages"]))):
            params: dict[str, Any] = {"part": "snippet,replies", "videoId": video, "maxResults": 100,
                                      "order": "time", "textFormat": "plainText"}
            if token:
                params["pageToken"] = token
            try:
                answer = self.api.commentThreads().list(**params).execute(num_retries=0)
            except HttpError as exc:
                reason = _reason(exc)
                if reason == "commentsDisabled":
                    run.thread_checked(video, {"comments": "disabled"})
                    return
                if reason == "videoNotFound" or exc.resp.status == 404:
                    run.mark_gone(f"video:{video}", "deleted", url=thread["url"], thread_id=video)
                    run.thread_checked(video, {"gone": True})
                    return
                raise
            page_seen, page_newest = self._threads(answer)
            seen |= page_seen
            if page_newest and (newest is None or page_newest > newest):
                newest = page_newest
            token = answer.get("nextPageToken")
            if not token:
                complete = True
                break
        if complete:   # every comment was listed: one seen before and absent now was deleted or held back
            for post in run.social.posts(self.name, state="live"):
                if (post["thread_id"] == video and post["post_id"].startswith("comment:")
                        and post["post_id"].split(":", 1)[1] not in seen):
                    run.mark_gone(post["post_id"], "missing", url=post["url"], thread_id=video)
        run.thread_checked(video, {"comments": len(seen)}, newest)

    def _channel(self, channel: str) -> None:
        """Every comment on a channel's videos, newest first, down to the newest seen last run."""
        run = self.run
        cursor = Pass.start(run, f"channel {channel}")
        for _ in range(max(1, int(run.settings["social.max_pages"]))):
            params: dict[str, Any] = {"part": "snippet,replies", "allThreadsRelatedToChannelId": channel,
                                      "maxResults": 100, "order": "time", "textFormat": "plainText"}
            if cursor.page:
                params["pageToken"] = cursor.page
            answer = self.api.commentThreads().list(**params).execute(num_retries=0)
            _seen, page_newest = self._threads(answer)
            cursor.saw(page_newest)
            cursor.page = answer.get("nextPageToken")
            oldest = min((t["snippet"]["topLevelComment"]["snippet"].get("publishedAt", "")
                          for t in answer.get("items", []) if t.get("snippet", {}).get("topLevelComment")),
                         default="")
            if not cursor.page or (cursor.since and oldest and oldest <= cursor.since):
                cursor.done(run)
                return
        cursor.pause(run, cursor.page)
