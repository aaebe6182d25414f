"""What a real server can send: redirects, wrong encodings, images and documents, through a whole crawl."""

from __future__ import annotations

from data.store import Store
from spiders.extract import page_text
from tests.localweb import Route
from tests.spiders.test_crawl import ARTICLE, article, crawl


def items(store: Store) -> dict[str, dict]:
    return {r["url"]: r for r in store.db.query("SELECT * FROM items")}


def test_a_redirected_page_is_stored_under_its_final_address(settings, web):
    web.page("/", article("Front page", "Welcome.", '<nav><a href="/old-story">story</a></nav>'))
    web.routes["/old-story"] = Route(status=301, headers={"Location": "/2026/new-story.html"})
    web.page("/2026/new-story.html", article("Moved story", "This story has a new address now."))
    store = Store.open(settings["store.db_path"])
    crawl(settings, store, web)
    stored = items(store)[web.base + "/2026/new-story.html"]
    assert "new address" in stored["text"] and store.get_evidence(stored["evidence_id"])["url"].endswith("new-story.html")


def welsh_page() -> str:
    return ARTICLE.format(title="Caffi’r ysgol", text="Mae’r caffi newydd ar agor: café, crêpes a bara brith i’r disgyblion.",
                          links="")


def test_utf8_served_as_latin1_is_read_as_utf8(settings, web):
    web.routes["/"] = Route(body=welsh_page().encode("utf-8"), headers={"Content-Type": "text/html; charset=iso-8859-1"})
    store = Store.open(settings["store.db_path"])
    crawl(settings, store, web)
    assert "café, crêpes a bara brith i’r disgyblion" in items(store)[web.base + "/"]["text"]


def test_windows_1252_served_as_utf8_is_read_as_windows_1252(settings, web):
    body = welsh_page().encode("cp1252")
    web.routes["/"] = Route(body=body, headers={"Content-Type": "text/html; charset=utf-8"})
    store = Store.open(settings["store.db_path"])
    crawl(settings, store, web)
    assert "café, crêpes a bara brith i’r disgyblion" in items(store)[web.base + "/"]["text"]


def test_no_declared_charset_falls_back_on_the_meta_tag(settings, web):
    page = welsh_page().replace("<head>", '<head><meta charset="windows-1252">')
    web.routes["/"] = Route(body=page.encode("cp1252"), headers={"Content-Type": "text/html"})
    store = Store.open(settings["store.db_path"])
    crawl(settings, store, web)
    assert "crêpes" in items(store)[web.base + "/"]["text"]


def test_legacy_text_that_is_not_utf8_keeps_the_declared_encoding():
    body = "Llŷn café".encode("utf-8").replace("ŷ".encode(), b"y") + b" \xe9t\xe9"  # not valid UTF-8
    assert page_text(body, "decoded by scrapy", "cp1252") == "decoded by scrapy"


def test_images_and_documents_are_never_items_and_images_never_evidence(settings, web):
    web.page("/", article("Front page", "Welcome.", '<nav><a href="/photo">photo</a> <a href="/minutes">minutes</a></nav>'))
    web.routes["/photo"] = Route(body=b"\x89PNG\r\n\x1a\n" + b"\x00" * 500, headers={"Content-Type": "image/png"})
    web.routes["/minutes"] = Route(body=b"%PDF-1.7\n" + b"\x00" * 500, headers={"Content-Type": "application/pdf"})
    store = Store.open(settings["store.db_path"])
    run = crawl(settings, store, web)
    problems = "\n".join(run["stats"]["problems"])
    assert "/photo: skipped, not an HTML page (image/png)" in problems
    assert "/minutes: skipped, not an HTML page (application/pdf)" in problems
    assert set(items(store)) == {web.base + "/"}
    assert not list(store.db.query("SELECT id FROM evidence WHERE url LIKE '%/photo'"))
    assert run["stats"]["repmon/evidence/media_not_kept"] == 1
