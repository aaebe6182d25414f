"""Forum threads: each page of a thread is read with its posts, and the next pages are followed."""

from __future__ import annotations

import lxml.html

from data.store import Store
from spiders.links import content_links, next_pages
from tests.spiders.test_crawl import crawl


def thread_page(n: int, last: int, style: str) -> str:
    posts = "".join(
        f'<article class="post"><p class="post-author">parent_{n}_{i}</p>'
        f"<p>Post {i} on page {n}: the buses to Queen Elizabeth High were late again this week, and nobody "
        f"from the council has answered our letters about it.</p></article>" for i in range(3))
    if style == "rel":
        pager = f'<link rel="next" href="/forum/t/9?page={n + 1}">' if n < last else ""
        head, nav = pager, ""
    else:  # numbered pager links, as most forum software prints them
        head = ""
        nav = '<div class="pagination">' + " ".join(
            f'<a href="/forum/t/9?page={k}">{k}</a>' for k in range(1, last + 1) if k != n) + "</div>"
    return (f'<html lang="en-GB"><head><title>Buses - page {n}</title>{head}</head><body>'
            f'<header><nav><a href="/forum/">Forum</a></nav></header>'
            f'<main><h1>Buses to QE High (page {n})</h1><div class="thread">{posts}</div>{nav}</main>'
            f"<footer><a href=\"/terms\">Terms</a></footer></body></html>")


def serve_thread(web, last: int, style: str) -> None:  # type: ignore[no-untyped-def]
    web.page("/forum/t/9", thread_page(1, last, style))
    for n in range(2, last + 1):
        web.page(f"/forum/t/9?page={n}", thread_page(n, last, style))


def test_every_page_of_a_thread_is_read_whatever_the_depth(settings, web):
    serve_thread(web, 4, "rel")
    store = Store.open(settings["store.db_path"])
    run = crawl(settings, store, web, **{"collect.start_urls": [web.base + "/forum/t/9"], "collect.depth": 0})
    texts = [r["text"] for r in store.db.query("SELECT text FROM items ORDER BY id")]
    assert len(texts) == 4 and all(any(f"on page {n}" in t for t in texts) for n in range(1, 5))
    assert run["stats"]["repmon/pagination/followed"] == 3


def test_numbered_pager_links_lead_to_page_two_and_on(settings, web):
    serve_thread(web, 3, "numbers")
    store = Store.open(settings["store.db_path"])
    crawl(settings, store, web, **{"collect.start_urls": [web.base + "/forum/t/9"], "collect.depth": 0})
    assert store.count_items() == 3


def test_pagination_stops_at_the_limit(settings, web):
    serve_thread(web, 6, "rel")
    store = Store.open(settings["store.db_path"])
    crawl(settings, store, web, **{"collect.start_urls": [web.base + "/forum/t/9"], "collect.depth": 0,
                                   "collect.max_thread_pages": 2})
    assert store.count_items() == 3  # the first page and two more


def test_all_posts_of_a_page_are_kept():
    page = thread_page(2, 3, "rel")
    from spiders.extract import extract_page

    extracted = extract_page(page, "http://forum.invalid/forum/t/9?page=2", 100_000)
    assert extracted is not None and all(f"Post {i} on page 2" in extracted.text for i in range(3))


def test_next_links_in_english_and_welsh():
    for label in ("Next", "Next page »", "Nesaf", "›"):
        tree = lxml.html.fromstring(f'<html><body><p>x</p><a href="/t?p=2">{label}</a></body></html>')
        assert next_pages(tree, "http://f.invalid/t") == ["http://f.invalid/t?p=2"], label


def test_a_bare_number_outside_a_pager_is_not_a_next_page():
    tree = lxml.html.fromstring('<html><body><p>Top <a href="/list/2">2</a> tips</p></body></html>')
    assert next_pages(tree, "http://f.invalid/list") == []


def test_only_content_links_are_followed_and_files_never():
    html = """<html><body><header><nav><a href="/news/">News</a></nav></header>
    <main><a href="/story.html#comments">Story</a> <a href="/photo.jpg">photo</a> <a href="/minutes.pdf">pdf</a>
    <a href="mailto:office@example-qehs.sch.uk">mail</a> <a href="javascript:void(0)">js</a></main>
    <footer><a href="/privacy">Privacy</a><a href="/sitemap-of-everything">All</a></footer></body></html>"""
    tree = lxml.html.fromstring(html)
    assert content_links(tree, "http://n.invalid/") == ["http://n.invalid/news/", "http://n.invalid/story.html"]


def test_a_page_without_content_regions_gives_every_link_but_the_footer():
    tree = lxml.html.fromstring('<html><body><div><a href="/a">a</a></div><footer><a href="/b">b</a></footer></body></html>')
    assert content_links(tree, "http://n.invalid/") == ["http://n.invalid/a"]
