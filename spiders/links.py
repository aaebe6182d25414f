"""Links worth following on a page, read from the page's parsed tree (no second parse).

Only content links: those in ``<main>``, ``<article>``, ``<nav>``, ``<header>`` and
``role=main`` regions, or, on a page without such regions, every link outside
``<footer>``. Scanning every link of a large page (footers of hundreds of links,
comment spam) made the crawl five times slower than a plain fetch loop (see
docs/benchmarks.md). Links to images, media, archives and documents are never
followed (Scrapy's own list of ignored extensions).

Pagination (a forum thread's page 2, a news list's older posts) is found
separately: ``rel=next`` first, then links named "next" (English or Welsh) or
numbered one more than this page inside a pager.
"""

from __future__ import annotations

import re
from urllib.parse import urljoin

from lxml.html import HtmlElement
from scrapy.linkextractors import IGNORED_EXTENSIONS

CONTENT_LINKS = (
    "//main//a[@href] | //article//a[@href] | //nav//a[@href] | //header//a[@href] | //*[@role='main']//a[@href]")
OTHER_LINKS = "//body//a[@href][not(ancestor::footer)]"
_IGNORED = frozenset("." + e for e in IGNORED_EXTENSIONS)
_NEXT_TEXT = re.compile(r"^(next|next page|older|older posts|nesaf|tudalen nesaf|ymlaen|[›»>→])(\s*[›»>→])?$", re.I)
_PAGE_TEXT = re.compile(r"^(?:page|tudalen|tud\.?)?\s*(\d{1,4})$", re.I)
_PAGER = re.compile(r"pag|pager|pages", re.I)


def absolute(base: str, href: str) -> str | None:
    """The absolute http(s) URL of a link without its #fragment, or None for mailto:, javascript:, files..."""
    href = href.strip()
    if not href or href.startswith(("#", "mailto:", "javascript:", "tel:", "data:")):
        return None
    try:
        url = urljoin(base, href).partition("#")[0]
    except ValueError:
        return None
    if not url.startswith(("http://", "https://")):
        return None
    path = url.partition("?")[0].lower()
    dot = path.rfind(".")
    if dot > path.rfind("/") and path[dot:] in _IGNORED:
        return None
    return url


def base_url(tree: HtmlElement, url: str) -> str:
    for href in tree.xpath("//base/@href")[:1]:
        return urljoin(url, href.strip())
    return url


def content_links(tree: HtmlElement, url: str, limit: int = 300) -> list[str]:
    """The page's content links, absolute, in page order, each once, at most ``limit``."""
    base = base_url(tree, url)
    anchors = tree.xpath(CONTENT_LINKS) or tree.xpath(OTHER_LINKS)
    seen: dict[str, None] = {}
    for anchor in anchors:
        link = absolute(base, anchor.get("href", ""))
        if link and link != url:
            seen.setdefault(link)
            if len(seen) >= limit:
                break
    return list(seen)


def next_pages(tree: HtmlElement, url: str, page_no: int = 1) -> list[str]:
    """Where the next page of a paginated thread or list is, best guess first (at most two)."""
    base = base_url(tree, url)
    found: dict[str, None] = {}
    for href in tree.xpath("//link[@href][contains(concat(' ', normalize-space(@rel), ' '), ' next ')]/@href"
                           " | //a[@href][contains(concat(' ', normalize-space(@rel), ' '), ' next ')]/@href"):
        if link := absolute(base, href):
            found.setdefault(link)
    if not found:
        for anchor in tree.xpath("//a[@href][not(ancestor::footer)][string-length(normalize-space(.)) < 20]"):
            text = " ".join(anchor.text_content().split())
            label = (anchor.get("aria-label") or anchor.get("title") or "").strip()
            number = _PAGE_TEXT.match(text)
            is_next = bool(_NEXT_TEXT.match(text) or _NEXT_TEXT.match(label))
            if not is_next and number and int(number.group(1)) == page_no + 1:
                is_next = any(_PAGER.search((el.get("class") or "") + " " + (el.get("id") or ""))
                              for el in anchor.iterancestors()) or text.lower().startswith(("page", "tud"))
            if is_next and (link := absolute(base, anchor.get("href", ""))) and link != url:
                found.setdefault(link)
    return list(found)[:2]
