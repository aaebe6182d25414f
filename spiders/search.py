"""Search-engine APIs and news-search feeds: queries built from the school profile.

Two APIs, each with its key in an environment variable named by a setting
(never in the settings file, never logged, never in the evidence):

- Brave Search API, web search: ``GET {search.brave_url}?q=...&count=..&offset=..``
  with the key in the ``X-Subscription-Token`` header; results in
  ``web.results[]`` (``title``, ``url``, ``description``, ``page_age``);
  ``query.more_results_available`` says whether another page exists.
- Google Programmable Search (Custom Search JSON API):
  ``GET {search.google_url}?cx=...&q=...&num=..&start=..`` with the key in the
  ``X-goog-api-key`` header (so it is not in any URL); results in ``items[]``
  (``title``, ``link``, ``snippet``, ``pagemap.metatags``);
  ``queries.nextPage[0].startIndex`` is the next page.

News-search feeds (e.g. Google News RSS) are URL templates with ``{query}``.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any
from urllib.parse import parse_qs, quote_plus, urlencode, urlsplit

from repmon.profile import Profile

SHORT_ALIAS_WORDS = 3  # "QEHS", "QE High": too vague to search for alone; searched with the first place name


@dataclass(frozen=True)
class Result:
    url: str
    title: str
    snippet: str
    published: str | None


@dataclass(frozen=True)
class Page:
    results: list[Result]
    next_start: int | None   # offset/start of the next page, None when there is none


def queries_from_profile(profile: Profile, limit: int) -> list[str]:
    """Quoted school name and aliases; names of one or two words with the first place; at most ``limit``, name first."""
    school = profile.school
    place = school.places[0] if school.places else ""
    out: dict[str, None] = {}
    for name in (school.name, *school.aliases):
        name = name.strip().replace('"', "")
        if not name:
            continue
        if len(name.split()) < SHORT_ALIAS_WORDS:
            out.setdefault(f'"{name}" {place}'.strip())
        else:
            out.setdefault(f'"{name}"')
    return list(out)[:max(0, limit)]


def feed_urls(templates: list[str], queries: list[str]) -> list[str]:
    """One news-search feed URL per template and query (``{query}`` is replaced, URL-encoded)."""
    return [t.replace("{query}", quote_plus(q)) for t in templates for q in queries]


def unwrap_redirect(link: str) -> str:
    """The real address behind a Google redirect (Google Alerts feeds link through google.com/url?url=...)."""
    parts = urlsplit(link)
    host = (parts.hostname or "").lower()
    if parts.path == "/url" and (host.startswith("google.") or ".google." in host or host == "google.com"):
        params = parse_qs(parts.query)
        for name in ("url", "q"):
            target = (params.get(name) or [""])[0]
            if target.startswith(("http://", "https://")):
                return target
    return link


class Engine:
    name = ""
    page_size = 10
    first_start = 0

    def __init__(self, base_url: str, key: str, key_env: str, extra: dict[str, str] | None = None) -> None:
        self.base_url = base_url
        self.key = key
        self.key_env = key_env
        self.extra = extra or {}

    def disabled_reason(self) -> str:
        return "" if self.key else f"no API key: set the environment variable {self.key_env} (or put it in .env)"

    def request(self, query: str, count: int, start: int) -> tuple[str, dict[str, str]]:
        raise NotImplementedError

    def parse(self, body: bytes, start: int) -> Page:
        raise NotImplementedError


class BraveSearch(Engine):
    name = "brave"
    page_size = 20   # the API's maximum count
    max_offset = 9   # the API's maximum offset (in pages)

    def request(self, query: str, count: int, start: int) -> tuple[str, dict[str, str]]:
        params = {"q": query, "count": str(count), "offset": str(start)}
        return (f"{self.base_url}?{urlencode(params)}",
                {"Accept": "application/json", "X-Subscription-Token": self.key})

    def parse(self, body: bytes, start: int) -> Page:
        data = json.loads(body)
        results = [Result(url=r.get("url", ""), title=r.get("title", ""), snippet=r.get("description", ""),
                          published=r.get("page_age"))
                   for r in (data.get("web") or {}).get("results", []) if isinstance(r, dict) and r.get("url")]
        more = bool((data.get("query") or {}).get("more_results_available"))
        return Page(results, start + 1 if more and start < self.max_offset else None)


class GoogleProgrammableSearch(Engine):
    name = "google"
    page_size = 10   # the API's maximum num
    first_start = 1  # results are numbered from 1
    last_start = 91  # start + num may not pass 100

    def disabled_reason(self) -> str:
        if not self.key:
            return super().disabled_reason()
        if not self.extra.get("cx"):
            return "no search engine id: set search.google_cx to the Programmable Search Engine's cx"
        return ""

    def request(self, query: str, count: int, start: int) -> tuple[str, dict[str, str]]:
        params = {"cx": self.extra["cx"], "q": query, "num": str(count), "start": str(start)}
        return (f"{self.base_url}?{urlencode(params)}",
                {"Accept": "application/json", "X-goog-api-key": self.key})

    def parse(self, body: bytes, start: int) -> Page:
        data = json.loads(body)
        results = []
        for r in data.get("items") or []:
            if not isinstance(r, dict) or not r.get("link"):
                continue
            meta = ((r.get("pagemap") or {}).get("metatags") or [{}])[0]
            published = meta.get("article:published_time") if isinstance(meta, dict) else None
            results.append(Result(url=r["link"], title=r.get("title", ""), snippet=r.get("snippet", ""),
                                  published=published))
        nxt = ((data.get("queries") or {}).get("nextPage") or [{}])[0].get("startIndex")
        return Page(results, int(nxt) if nxt and int(nxt) <= self.last_start else None)


def engines(options: dict[str, Any], secrets: dict[str, str]) -> list[Engine]:
    """The search engines from the crawl options (``search.*`` settings) and the keys read from the environment."""
    return [
        BraveSearch(options["search.brave_url"], secrets.get("brave", ""), options["search.brave_key_env"]),
        GoogleProgrammableSearch(options["search.google_url"], secrets.get("google", ""),
                                 options["search.google_key_env"], {"cx": options["search.google_cx"]}),
    ]
