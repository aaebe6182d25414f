"""alerts.excerpt: scraped text made safe for one-line fields and verbatim quotes."""

from __future__ import annotations

import pytest

from alerts.excerpt import clean, one_line, safe_href, sentence_around, snippet


@pytest.mark.parametrize("breaker", ["\r\n", "\n", "\r", "\x0b", "\x0c", "\x85", "\u2028", "\u2029"])
def test_one_line_leaves_no_line_break_of_any_kind(breaker):
    assert one_line(f"Title{breaker}Bcc: x@evil.example", 200) == "Title Bcc: x@evil.example"


def test_clean_removes_control_and_bidi_override_characters_but_keeps_lines():
    assert clean("a\x1b[31mb\u202ec\u2066d\x00e\nf") == "a[31mbcde\nf"


def test_snippet_is_capped_and_marked_where_cut():
    text = "x" * 300 + " Mrs Pritchard " + "y" * 300
    cut = snippet(text, 301, 314, 60)
    assert len(cut) <= 60 and cut.startswith("…") and cut.endswith("…") and "Pritchard" in cut


def test_sentence_around_keeps_titles_and_initials_inside_the_sentence():
    text = "Rumours again. Mr. Beynon hit J. Smith! Then he left."
    start = text.index("Beynon")
    assert sentence_around(text, start, start + 6, 500) == ("Mr. Beynon hit J. Smith!", False)


@pytest.mark.parametrize(("url", "href"), [
    ("https://forum.example.net/t/1", "https://forum.example.net/t/1"),
    ("javascript:alert(1)", None),
    ("data:text/html,<script>alert(1)</script>", None),
    ("//forum.example.net/t/1", None),
])
def test_only_http_links_are_linkable(url, href):
    assert safe_href(url) == href
