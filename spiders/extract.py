"""Main text, comments and metadata from an HTML page (trafilatura), and text from feed entries.

Scraped text is hostile input: control characters are removed, the size is
capped, and nothing in it is ever evaluated.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from urllib.parse import urljoin

import lxml.html
import trafilatura
from trafilatura.settings import Document

_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


def clean_text(text: str | None, limit: int) -> str:
    """Remove control characters, trim, cap to ``limit`` characters."""
    if not text:
        return ""
    return _CONTROL.sub("", text).strip()[:limit]


@dataclass(frozen=True)
class Extracted:
    text: str            # main text, then comments after a blank line
    title: str | None
    author: str | None
    published: str | None
    lang: str | None
    canonical_url: str | None
    has_comments: bool


def _page_facts(html: str, url: str) -> tuple[str | None, str | None]:
    """Canonical URL and <html lang> from the page itself."""
    try:
        root = lxml.html.fromstring(html)
    except (lxml.etree.ParserError, ValueError):
        return None, None
    canonical = None
    for href in root.xpath("//link[@rel='canonical']/@href"):
        if href.strip():
            canonical = urljoin(url, href.strip())
            break
    langs = root.xpath("/html/@lang")
    lang = langs[0].strip().split("-")[0].lower() if langs and langs[0].strip() else None
    return canonical, lang


def extract_page(html: str, url: str, limit: int) -> Extracted | None:
    """Main text and comments of an HTML page, or None when no text can be found."""
    doc = trafilatura.bare_extraction(html, url=url, include_comments=True, with_metadata=True,
                                      include_tables=True, deduplicate=False)
    if not isinstance(doc, Document):
        return None
    main = clean_text(doc.text, limit)
    comments = clean_text(doc.comments, limit)
    if not main and not comments:
        return None
    text = main + ("\n\n" + comments if comments else "")
    canonical, lang = _page_facts(html, url)
    return Extracted(
        text=text[:limit],
        title=clean_text(doc.title, 500) or None,
        author=clean_text(doc.author, 200) or None,
        published=doc.date or None,
        lang=lang or doc.language,
        canonical_url=canonical,
        has_comments=bool(comments),
    )


def html_to_text(fragment: str, limit: int) -> str:
    """Plain text of an HTML fragment (a feed entry's summary)."""
    if not fragment:
        return ""
    try:
        text = lxml.html.fromstring(f"<div>{fragment}</div>").text_content()
    except (lxml.etree.ParserError, ValueError):
        text = re.sub(r"<[^>]+>", " ", fragment)
    return clean_text(re.sub(r"[ \t]+", " ", text), limit)
