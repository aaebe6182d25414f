"""Search-engine APIs against a local server answering in the shapes the real APIs document.

Brave Search API (web search) and Google Programmable Search (Custom Search JSON API): queries built from
the example profile, keys from the environment (never stored or logged), a per-day result budget in the store.
"""

from __future__ import annotations

import json
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

from data.store import Store
from repmon.config import Settings, load_settings
from repmon.profile import load_profile
from spiders.crawl import run_crawl
from spiders.search import feed_urls, queries_from_profile, unwrap_redirect
from tests.paths import EXAMPLE_PROFILE
from tests.localweb import Route
from tests.spiders.test_crawl import article

BRAVE_KEY = "brave-test-key-0001"
GOOGLE_KEY = "google-test-key-0002"


def brave_answer(base: str, more: bool = False) -> bytes:
    """The documented shape of GET /res/v1/web/search (type, query, mixed, web.results[])."""
    result = {
        "type": "search_result", "subtype": "generic", "is_source_local": False, "is_source_both": False,
        "family_friendly": True, "language": "en", "age": "November 20, 2026", "page_age": "2026-11-20T08:00:00",
        "profile": {"name": "Tywi Valley Gazette", "url": base, "long_name": "127.0.0.1", "img": ""},
        "meta_url": {"scheme": "http", "netloc": "127.0.0.1", "hostname": "127.0.0.1", "favicon": "", "path": "› news"},
    }
    return json.dumps({
        "type": "search",
        "query": {"original": "q", "show_strict_warning": False, "is_navigational": False, "is_news_breaking": False,
                  "spellcheck_off": True, "country": "gb", "bad_results": False, "should_fallback": False,
                  "postal_code": "", "city": "", "header_country": "", "more_results_available": more, "state": ""},
        "mixed": {"type": "mixed", "main": [{"type": "web", "index": 0, "all": False}], "top": [], "side": []},
        "web": {"type": "search", "family_friendly": True, "results": [
            {**result, "title": "Sports hall opens at Queen Elizabeth High", "url": f"{base}/hall.html",
             "description": "The new <strong>Queen Elizabeth High School</strong> sports hall opened on Monday."},
            {**result, "title": "Gone story", "url": f"{base}/gone.html",
             "description": "A story about <strong>QE High</strong> that has since been taken down."},
        ]},
    }).encode()


def google_answer(base: str) -> bytes:
    """The documented shape of GET /customsearch/v1 (kind, url, queries, context, searchInformation, items[])."""
    def item(title: str, path: str, snippet: str) -> dict:
        return {"kind": "customsearch#result", "title": title, "htmlTitle": title, "link": base + path,
                "displayLink": "127.0.0.1", "snippet": snippet, "htmlSnippet": snippet, "formattedUrl": base + path,
                "htmlFormattedUrl": base + path,
                "pagemap": {"metatags": [{"og:title": title, "article:published_time": "2026-11-21T10:00:00Z"}]}}
    request = {"title": "Google Custom Search - q", "totalResults": "2", "searchTerms": "q", "count": 2,
               "startIndex": 1, "inputEncoding": "utf8", "outputEncoding": "utf8", "safe": "off", "cx": "cx-123"}
    return json.dumps({
        "kind": "customsearch#search",
        "url": {"type": "application/json",
                "template": "https://www.googleapis.com/customsearch/v1?q={searchTerms}&num={count?}&start={startIndex?}"},
        "queries": {"request": [request]},
        "context": {"title": "repmon"},
        "searchInformation": {"searchTime": 0.21, "formattedSearchTime": "0.21", "totalResults": "2",
                              "formattedTotalResults": "2"},
        "items": [item("Review of QE High", "/review.html", "Parents review Queen Elizabeth High School...")],
    }).encode()


def search_settings(settings: Settings, web, env: dict[str, str], **overrides) -> Settings:  # type: ignore[no-untyped-def]
    base = load_settings(environ=env).with_overrides(settings.as_dict())
    return base.with_overrides({
        "search.brave_url": web.base + "/brave/res/v1/web/search",
        "search.google_url": web.base + "/google/customsearch/v1",
        "search.google_cx": "cx-123",
        "search.max_queries": 2,
        "collect.download_delay": 0.0,
        **overrides,
    })


def serve(web) -> None:  # type: ignore[no-untyped-def]
    web.routes["/brave/res/v1/web/search"] = Route(body=brave_answer(web.base), headers={"Content-Type": "application/json"})
    web.routes["/google/customsearch/v1"] = Route(body=google_answer(web.base), headers={"Content-Type": "application/json"})
    web.page("/hall.html", article("Sports hall opens", "The hall at Queen Elizabeth High School opened on Monday."))
    web.page("/review.html", article("Review", "A parent's review of Queen Elizabeth High School, Carmarthen."))


def api_requests(web, path: str) -> list[tuple[dict, dict]]:  # type: ignore[no-untyped-def]
    """(query parameters, headers with lower-case names) of each request to ``path``."""
    return [(parse_qs(urlsplit(p).query), {k.lower(): v for k, v in h.items()})
            for p, h in web.requests if p.startswith(path)]


def test_queries_come_from_the_school_name_and_aliases():
    queries = queries_from_profile(load_profile(EXAMPLE_PROFILE), 4)
    assert queries == ['"Queen Elizabeth High School"', '"QEHS" Carmarthen', '"QE High" Carmarthen', '"QE High School"']


def test_news_search_feeds_are_built_from_a_template():
    template = "https://news.google.com/rss/search?q={query}&hl=en-GB&gl=GB&ceid=GB:en"
    assert feed_urls([template], ['"QE High" Carmarthen']) == [
        "https://news.google.com/rss/search?q=%22QE+High%22+Carmarthen&hl=en-GB&gl=GB&ceid=GB:en"]


def test_google_alerts_links_are_unwrapped():
    link = ("https://www.google.com/url?rct=j&sa=t&url=https://www.example-news.co.uk/story-1&ct=ga"
            "&cd=CAIyGjE&usg=AOvVaw0")
    assert unwrap_redirect(link) == "https://www.example-news.co.uk/story-1"
    assert unwrap_redirect("https://www.example.org/url?url=https://x.example/") == "https://www.example.org/url?url=https://x.example/"


def test_both_apis_are_queried_with_the_profile_queries_and_their_results_fetched(settings, web):
    serve(web)
    store = Store.open(settings["store.db_path"])
    run = run_crawl(search_settings(settings, web, {"REPMON_BRAVE_API_KEY": BRAVE_KEY,
                                                    "REPMON_GOOGLE_API_KEY": GOOGLE_KEY}), store)
    brave = api_requests(web, "/brave/")
    google = api_requests(web, "/google/")
    assert sorted(q["q"][0] for q, _ in brave) == ['"QEHS" Carmarthen', '"Queen Elizabeth High School"']
    assert all(h["x-subscription-token"] == BRAVE_KEY and q["count"] == ["20"] and q["offset"] == ["0"] for q, h in brave)
    assert all(h["x-goog-api-key"] == GOOGLE_KEY and q["cx"] == ["cx-123"] and q["start"] == ["1"] and "key" not in q
               for q, h in google)
    items = {r["url"]: r for r in store.db.query("SELECT url, source, text, published, raw FROM items")}
    hall = items[web.base + "/hall.html"]
    assert hall["source"] == "search" and "opened on Monday" in hall["text"]
    assert json.loads(hall["raw"])["engine"] in ("brave", "google")
    gone = items[web.base + "/gone.html"]  # a 404: the snippet stands in, as plain text
    assert gone["text"] == "A story about QE High that has since been taken down."
    assert items[web.base + "/review.html"]["source"] == "search"
    assert run["status"] == "ok"


def test_api_keys_are_never_stored(settings, web, tmp_path: Path):
    serve(web)
    store = Store.open(settings["store.db_path"])
    run_crawl(search_settings(settings, web, {"REPMON_BRAVE_API_KEY": BRAVE_KEY,
                                              "REPMON_GOOGLE_API_KEY": GOOGLE_KEY}), store)
    dump = "\n".join(store.db.iterdump())
    warcs = b"".join(p.read_bytes() for p in (tmp_path / "evidence").rglob("*") if p.is_file())
    assert BRAVE_KEY not in dump and GOOGLE_KEY not in dump
    assert BRAVE_KEY.encode() not in warcs and b"/brave/" not in warcs  # API answers are not evidence


def test_a_source_without_a_key_is_reported_off_naming_the_variable(settings, web):
    web.page("/", article("Front page", "Welcome."))
    store = Store.open(settings["store.db_path"])
    run = run_crawl(search_settings(settings, web, {}, **{"collect.start_urls": [web.base + "/"]}), store)
    assert "brave search is off: no API key: set the environment variable REPMON_BRAVE_API_KEY" in run["message"]
    assert "google search is off: no API key: set the environment variable REPMON_GOOGLE_API_KEY" in run["message"]
    assert not api_requests(web, "/brave/") and run["status"] == "ok"


def test_only_search_configured_without_keys_is_an_error_run_that_says_what_to_set(settings, web):
    store = Store.open(settings["store.db_path"])
    run = run_crawl(search_settings(settings, web, {}), store)
    assert run["status"] == "error" and "REPMON_BRAVE_API_KEY" in run["message"]


def test_the_daily_result_budget_is_kept_across_runs(settings, web):
    serve(web)
    store = Store.open(settings["store.db_path"])
    env = {"REPMON_BRAVE_API_KEY": BRAVE_KEY}
    limited = search_settings(settings, web, env, **{"search.daily_results": 3})
    first = run_crawl(limited, store)
    # 3 reserved for the first query (none left for the second), 2 returned, 1 given back
    assert [q["count"][0] for q, _ in api_requests(web, "/brave/")] == ["3"]
    assert first["stats"]["repmon/search/brave/results"] == 2
    web.requests.clear()
    second = run_crawl(limited, store)
    assert [q["count"][0] for q, _ in api_requests(web, "/brave/")] == ["1"]
    assert second["stats"]["repmon/search/brave/results"] == 1
    web.requests.clear()
    third = run_crawl(limited, store)
    assert not api_requests(web, "/brave/")
    assert "brave search stopped: today's search.daily_results (3) is spent" in third["message"]


def test_a_rejected_key_is_reported_without_the_key(settings, web):
    error = {"type": "ErrorResponse", "error": {"id": "x", "status": 401, "code": "SUBSCRIPTION_TOKEN_INVALID",
                                                "detail": "The provided subscription token is invalid."}}
    web.routes["/brave/res/v1/web/search"] = Route(status=401, body=json.dumps(error).encode(),
                                                  headers={"Content-Type": "application/json"})
    web.page("/", article("Front page", "Welcome."))
    store = Store.open(settings["store.db_path"])
    run = run_crawl(search_settings(settings, web, {"REPMON_BRAVE_API_KEY": BRAVE_KEY},
                                    **{"collect.start_urls": [web.base + "/"]}), store)
    problems = "\n".join(run["stats"]["problems"])
    assert "brave search for '\"Queen Elizabeth High School\"': HTTP 401" in problems
    assert "check REPMON_BRAVE_API_KEY" in problems and BRAVE_KEY not in problems + run["message"]
    assert store.db.execute("SELECT results FROM search_budget WHERE engine = 'brave'").fetchone()[0] == 0


def test_more_pages_are_asked_for_when_configured_and_offered(settings, web):
    serve(web)
    web.routes["/brave/res/v1/web/search"] = Route(body=brave_answer(web.base, more=True),
                                                  headers={"Content-Type": "application/json"})
    store = Store.open(settings["store.db_path"])
    run_crawl(search_settings(settings, web, {"REPMON_BRAVE_API_KEY": BRAVE_KEY},
                              **{"search.pages_per_query": 2, "search.max_queries": 1}), store)
    assert sorted(q["offset"][0] for q, _ in api_requests(web, "/brave/")) == ["0", "1"]


def test_news_search_feeds_are_read_for_each_profile_query(settings, web):
    feed = f"""<?xml version="1.0"?><rss version="2.0"><channel><title>News search</title><link>{web.base}/</link>
    <item><title>Hall opens</title><link>{web.base}/hall.html</link><description>Hall news</description></item>
    </channel></rss>""".encode()
    web.routes["/rss/search"] = Route(body=feed, headers={"Content-Type": "application/rss+xml"})
    serve(web)
    store = Store.open(settings["store.db_path"])
    run = run_crawl(search_settings(settings, web, {}, **{
        "collect.news_search_feeds": [web.base + "/rss/search?q={query}&hl=en-GB&gl=GB&ceid=GB:en"]}), store)
    asked = sorted(q["q"][0] for q, _ in api_requests(web, "/rss/search"))
    assert asked == ['"QEHS" Carmarthen', '"Queen Elizabeth High School"']
    assert run["status"] == "ok" and web.base + "/hall.html" in {r["url"] for r in store.db.query("SELECT url FROM items")}
