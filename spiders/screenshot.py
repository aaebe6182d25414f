"""Full-page screenshots of flagged and reported pages, in headless Chromium.

The browser is the system's Chromium (:func:`repmon.browser.find_chromium`)
driven by Playwright. Every request the page makes is fetched by repmon
itself through :mod:`spiders.safefetch` and handed to the browser, so the
page cannot reach the school's network (the same address rules as
``repmon capture``); anything the browser would send by itself goes to a dead
proxy. WebSockets and service workers are refused.

The PNG carries the URL, the final URL and the capture time in its own
metadata (PNG ``tEXt``/``iTXt`` chunks), and its SHA-256 is recorded in the
``screenshots`` table with the item and evidence row it belongs to.

Never for a page that may show child sexual abuse (takedown.md §6): an item
whose analysis found sexual images of a child suggested, or that a person
marked so, is recorded by URL, hash and text only.
"""

from __future__ import annotations

import hashlib
import struct
import time
import zlib
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import urljoin

from data import evidence_log
from data.store import Store
from repmon import __version__, clock
from repmon.browser import LAUNCH_ARGS, chromium_version, find_chromium
from repmon.errors import RepmonError, SourceError
from spiders.safefetch import REDIRECTS, AddressGuard, FetchRefused, fetch_once, guarded_settings

#: Analyser rules whose flag means images of a child may be sexual: never screenshot, never keep media.
ABUSE_IMAGERY_RULES = frozenset({"safeguarding.nudes"})
#: The alert event by which a person marks a case as possibly showing child sexual abuse.
WITHHOLD_EVENT = "images_withheld"
REPORTING_ROUTE = ("Possible child sexual abuse material: no screenshot or media is kept. Report the URL only to "
                   "the IWF (iwf.org.uk), and to CEOP or the police where a child is at risk; tell the designated "
                   "safeguarding person now. Never open, download or forward the images (takedown.md §6).")
MAX_HEIGHT = 30_000          # pixels; a longer page is cut here (the WARC keeps the whole page)
TOTAL_BYTES = 60_000_000     # most bytes one screenshot may fetch for the page and its resources
DEAD_PROXY = "http://127.0.0.1:9"   # the discard port: anything the browser sends by itself goes nowhere


class ScreenshotError(RepmonError):
    """A screenshot could not be taken (no browser, page did not load, refused)."""


def abuse_imagery_suspected(flags: Iterable[Mapping[str, Any]]) -> bool:
    """True when analysis flags suggest sexual images of a child (takedown.md §6)."""
    for flag in flags:
        rules = set(flag.get("rules") or [])
        if flag.get("category") == "safeguarding" and rules & ABUSE_IMAGERY_RULES:
            return True
    return False


def images_withheld(store: Store, item_id: int) -> bool:
    """True when no image of this item may be kept: its findings suggest abuse imagery, or a person said so."""
    if any(abuse_imagery_suspected(f["flags"]) for f in evidence_log.findings_for_item(store, item_id)):
        return True
    alert_id = evidence_log.alert_for_item(store, item_id)
    return alert_id is not None and any(e["action"] == WITHHOLD_EVENT for e in store.alert_events(alert_id))


# ---- PNG metadata ------------------------------------------------------------

def _chunk(kind: bytes, data: bytes) -> bytes:
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)


def _text_chunk(key: str, value: str) -> bytes:
    try:
        return _chunk(b"tEXt", key.encode("latin-1") + b"\0" + value.encode("latin-1"))
    except UnicodeEncodeError:  # an IRI or a title in Welsh: iTXt holds UTF-8
        return _chunk(b"iTXt", key.encode("latin-1") + b"\0\0\0\0\0" + value.encode("utf-8"))


def add_png_text(png: bytes, fields: Mapping[str, str]) -> bytes:
    """The PNG with one text chunk per field, placed right after the header chunk."""
    if png[:8] != b"\x89PNG\r\n\x1a\n":
        raise ScreenshotError("the browser did not return a PNG image.")
    (length,) = struct.unpack(">I", png[8:12])
    end_of_ihdr = 8 + 12 + length
    chunks = b"".join(_text_chunk(k, v.replace("\0", "")) for k, v in fields.items())
    return png[:end_of_ihdr] + chunks + png[end_of_ihdr:]


def png_text(png: bytes) -> dict[str, str]:
    """The tEXt and iTXt fields of a PNG (to check a screenshot's URL and time)."""
    out: dict[str, str] = {}
    pos = 8
    while pos + 8 <= len(png):
        (length,) = struct.unpack(">I", png[pos:pos + 4])
        kind, data = png[pos + 4:pos + 8], png[pos + 8:pos + 8 + length]
        if kind == b"tEXt":
            key, _, value = data.partition(b"\0")
            out[key.decode("latin-1")] = value.decode("latin-1")
        elif kind == b"iTXt":
            key, _, rest = data.partition(b"\0")
            value = rest[2:].split(b"\0", 2)[-1]
            out[key.decode("latin-1")] = value.decode("utf-8", "replace")
        elif kind == b"IEND":
            break
        pos += 12 + length
    return out


def png_size(png: bytes) -> tuple[int, int]:
    width, height = struct.unpack(">II", png[16:24])
    return int(width), int(height)


# ---- taking one ----------------------------------------------------------------

@dataclass(frozen=True)
class Shot:
    url: str
    final_url: str
    png: bytes
    taken_at: str
    width: int
    height: int
    browser: str
    refused: tuple[str, ...]      # resources the address rules kept out of the page


def take_screenshot(settings: Mapping[str, Any], url: str, *, guard: AddressGuard | None = None) -> Shot:
    """A full-page PNG of ``url`` with the URL and time in its metadata. Raises ScreenshotError."""
    from playwright.sync_api import Error as PlaywrightError
    from playwright.sync_api import Request, Route, WebSocketRoute, sync_playwright

    guard = guard or AddressGuard.from_settings(settings)
    guard.check_url(url)  # the page itself: refused before a browser is looked for or started
    executable = find_chromium(settings)
    limits = guarded_settings(settings)
    timeout = float(settings["evidence.screenshot_timeout"])
    deadline = time.monotonic() + timeout
    refused: list[str] = []
    fetched = [0]

    redirected: list[str] = []   # where the page's own address redirected to (followed by a new navigation)

    def get(target: str, request: Request, left: float) -> Any:
        headers = {k: v for k, v in request.headers.items() if not k.startswith(":")}
        return fetch_once(target, guard=guard, user_agent=limits["user_agent"], timeout=left,
                          max_bytes=limits["max_bytes"], method=request.method, headers=headers,
                          body=request.post_data_buffer, download_media=True)

    def handle(route: Route, request: Request) -> None:
        left = deadline - time.monotonic()
        if left <= 0 or fetched[0] > TOTAL_BYTES:
            route.abort("timedout")
            return
        target = request.url
        try:
            for _hop in range(limits["max_redirects"] + 1):
                got = get(target, request, left)
                location = next((v for k, v in got.headers if k.lower() == "location"), "")
                if got.status not in REDIRECTS or not location:
                    break
                target = urljoin(target, location.strip())
                if request.is_navigation_request() and request.frame.parent_frame is None:
                    redirected.append(target)  # the page itself moved: navigate there, so its address is right
                    route.abort("aborted")
                    return
                # a resource (image, style sheet): follow here, every hop checked by the guard
        except FetchRefused:
            refused.append(target[:300])
            route.abort("blockedbyclient")
            return
        except SourceError:
            route.abort("failed")
            return
        fetched[0] += len(got.body)
        kept: dict[str, str] = {}
        for name, value in got.headers:
            if name.lower() in ("content-encoding", "transfer-encoding", "content-length", "connection"):
                continue
            kept[name] = f"{kept[name]}, {value}" if name in kept and name.lower() != "set-cookie" else value
        route.fulfill(status=got.status, headers=kept, body=got.body)

    def no_websockets(ws: WebSocketRoute) -> None:
        ws.close(code=1008, reason="repmon screenshots do not open WebSockets")

    browser_name = chromium_version(executable)
    ms = max(1000.0, timeout * 1000)
    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(
                executable_path=executable, headless=True, timeout=ms,
                args=[*LAUNCH_ARGS, f"--proxy-server={DEAD_PROXY}", "--proxy-bypass-list=<-loopback>"])
            try:
                context = browser.new_context(
                    viewport={"width": int(settings["evidence.screenshot_width"]), "height": 900},
                    user_agent=limits["user_agent"], service_workers="block", accept_downloads=False)
                context.route("**/*", handle)
                context.route_web_socket("**/*", no_websockets)
                page = context.new_page()
                current = url
                for _hop in range(limits["max_redirects"] + 1):
                    redirected.clear()
                    try:
                        page.goto(current, wait_until="load", timeout=max(1000.0, (deadline - time.monotonic()) * 1000))
                        break
                    except PlaywrightError:
                        if not redirected:
                            raise
                        current = redirected[0]
                else:
                    raise ScreenshotError(f"{url[:200]}: more than {limits['max_redirects']} redirects "
                                          "(evidence.max_redirects).")
                try:
                    page.wait_for_load_state("networkidle", timeout=min(3000.0, max(1.0, (deadline - time.monotonic()) * 1000)))
                except PlaywrightError:
                    pass  # a page that keeps polling: take it as it is
                taken_at = clock.iso()
                height = int(page.evaluate("() => Math.max(document.documentElement.scrollHeight,"
                                           " document.body ? document.body.scrollHeight : 0)") or 0)
                width = int(settings["evidence.screenshot_width"])
                shot_ms = max(1000.0, (deadline - time.monotonic()) * 1000)
                if height > MAX_HEIGHT:
                    png = page.screenshot(full_page=True, type="png", timeout=shot_ms, animations="disabled",
                                          clip={"x": 0, "y": 0, "width": width, "height": MAX_HEIGHT})
                else:
                    png = page.screenshot(full_page=True, type="png", timeout=shot_ms, animations="disabled")
                final_url = page.url
            finally:
                browser.close()
    except PlaywrightError as exc:
        first = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
        raise ScreenshotError(f"{url[:200]}: no screenshot ({first[:300]}).") from None
    fields = {"URL": url, "Final URL": final_url, "Creation Time": taken_at,
              "Software": f"repmon {__version__}; {browser_name} (headless)",
              "Description": f"Full-page screenshot of {url} taken at {taken_at} (UTC)."}
    png = add_png_text(png, fields)
    w, h = png_size(png)
    return Shot(url, final_url, png, taken_at, w, h, browser_name, tuple(refused))


@dataclass(frozen=True)
class ScreenshotRecord:
    screenshot_id: int
    path: Path
    sha256: str
    taken_at: str
    warning: str = ""        # the screenshot is kept, but something beside it failed (its timestamp)


def screenshot_item(settings: Mapping[str, Any], store: Store, item_id: int, *, url: str | None = None,
                    evidence_id: int | None = None, guard: AddressGuard | None = None) -> ScreenshotRecord:
    """Screenshot an item's page, keep the PNG beside the WARC files, record it; refuses withheld items."""
    item = store.get_item(item_id)
    if item is None:
        raise ScreenshotError(f"there is no item {item_id}.")
    if images_withheld(store, item_id):
        raise ScreenshotError(f"item {item_id}: {REPORTING_ROUTE}")
    shot = take_screenshot(settings, url or item["url"], guard=guard)
    folder = Path(settings["store.evidence_dir"]) / "screenshots"
    folder.mkdir(parents=True, exist_ok=True)
    stamp = shot.taken_at.replace(":", "").replace("-", "")
    n = 0
    while True:
        path = folder / (f"{stamp}-item{item_id}" + ("" if n == 0 else f"-{n}") + ".png")
        try:
            with open(path, "xb") as handle:  # never over an existing file
                handle.write(shot.png)
            break
        except FileExistsError:
            n += 1
    digest = hashlib.sha256(shot.png).hexdigest()
    screenshot_id = evidence_log.add_screenshot(
        store, item_id=item_id, evidence_id=evidence_id or item.get("evidence_id"), url=shot.url,
        final_url=shot.final_url, path=str(path), sha256=digest, taken_at=shot.taken_at, width=shot.width,
        height=shot.height, browser=shot.browser)
    from data.timestamp import TimestampError, timestamp_if_configured

    warning = ""
    try:
        timestamp_if_configured(settings, store, "screenshot", screenshot_id, digest)
    except TimestampError as exc:
        warning = f"screenshot {screenshot_id} has no timestamp: {exc}"
    return ScreenshotRecord(screenshot_id, path, digest, shot.taken_at, warning)


def screenshot_flagged(settings: Mapping[str, Any], store: Store) -> dict[str, Any]:
    """Screenshot every alert's page that has none yet (skipping withheld ones); for the scheduler."""
    summary: dict[str, Any] = {"taken": 0, "withheld": 0, "errors": []}
    if not settings["evidence.screenshots"]:
        return summary
    for alert in evidence_log.alerts_in_states(store, list(settings["evidence.recapture_states"])):
        if evidence_log.screenshots_for_item(store, alert["item_id"]):
            continue
        if images_withheld(store, alert["item_id"]):
            summary["withheld"] += 1
            continue
        try:
            screenshot_item(settings, store, alert["item_id"])
            summary["taken"] += 1
        except RepmonError as exc:
            summary["errors"].append(f"alert {alert['alert_id']}: {exc}")
    return summary
