"""Main text, comments and metadata from an HTML page (trafilatura), and text from feed entries.

Scraped text is hostile input: control characters are removed, the size is
capped, and nothing in it is ever evaluated.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from urllib.parse import urljoin

import lxml.etree
import lxml.html
import trafilatura
from lxml.html import HtmlElement
from trafilatura.settings import Document
from trafilatura.utils import load_html

from spiders.language import detect

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


def page_text(body: bytes, decoded: str, declared: str | None) -> str:
    """The text of a page whose encoding may be declared wrongly.

    ``decoded`` is Scrapy's reading (HTTP charset, then <meta>, then detection). Two mistakes are common
    and are put right: UTF-8 served as ISO-8859-1/windows-1252 (the default of many servers), read as
    UTF-8 when the bytes are valid UTF-8 (legacy text almost never is); and windows-1252 served as
    UTF-8, read as windows-1252 when UTF-8 cannot decode it.
    """
    declared = (declared or "").lower().replace("_", "-")
    if declared in ("iso-8859-1", "latin-1", "latin1", "windows-1252", "cp1252", "us-ascii", "ascii") and not body.isascii():
        try:
            return body.decode("utf-8")
        except UnicodeDecodeError:
            return decoded
    if declared in ("utf-8", "utf8") and "\ufffd" in decoded:
        try:
            body.decode("utf-8")
        except UnicodeDecodeError:
            return body.decode("cp1252", errors="replace")
    return decoded


def parse_html(html: str) -> HtmlElement | None:
    """The page's tree, parsed once for extraction, links and facts (trafilatura's own loader)."""
    try:
        tree = load_html(html)
    except (lxml.etree.ParserError, ValueError, TypeError):
        return None
    return tree if isinstance(tree, HtmlElement) else None


def _page_facts(tree: HtmlElement, url: str) -> tuple[str | None, str | None]:
    """Canonical URL and <html lang> from the page itself."""
    canonical = None
    for href in tree.xpath("//link[@rel='canonical']/@href"):
        if href.strip():
            canonical = urljoin(url, href.strip())
            break
    langs = tree.xpath("/html/@lang")
    lang = langs[0].strip().replace("_", "-").split("-")[0].lower() if langs and langs[0].strip() else None
    return canonical, lang


def choose_language(text: str, declared: str | None, guessed: str | None) -> str | None:
    """English or Welsh from the text itself when it is clear (pages often declare the wrong one);
    otherwise the page's declared language, then trafilatura's guess."""
    if declared in (None, "en", "cy"):
        return detect(text) or declared or guessed
    return declared


def extract_page(html: str, url: str, limit: int, tree: HtmlElement | None = None) -> Extracted | None:
    """Main text and comments of an HTML page, or None when no text can be found.

    ``tree`` is the page already parsed with :func:`parse_html` (trafilatura works on a copy of it).
    """
    tree = tree if tree is not None else parse_html(html)
    if tree is None:
        return None
    doc = trafilatura.bare_extraction(tree, url=url, include_comments=True, with_metadata=True,
                                      include_tables=True, deduplicate=False)
    if not isinstance(doc, Document):
        return None
    main = clean_text(doc.text, limit)
    comments = clean_text(doc.comments, limit)
    if not main and not comments:
        return None
    text = main + ("\n\n" + comments if comments else "")
    canonical, declared = _page_facts(tree, url)
    return Extracted(
        text=text[:limit],
        title=clean_text(doc.title, 500) or None,
        author=clean_text(doc.author, 200) or None,
        published=doc.date or None,
        lang=choose_language(main or comments, declared, doc.language),
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
