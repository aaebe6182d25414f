"""Manual intake: a member of staff reports a URL (with pasted text or a screenshot if they have one);
repmon captures the page as evidence, analyses it and opens an alert."""

from __future__ import annotations

import hashlib
import struct
from pathlib import Path
from typing import Any

from flask import Blueprint, current_app, g, redirect, render_template, request, url_for

from alerts import excerpt
from repmon import clock
from repmon.errors import RepmonError
from web import auth
from web.views import profile

bp = Blueprint("intake", __name__)
MAX_PASTED_CHARS = 50_000
IMAGE_TYPES = {b"\x89PNG\r\n\x1a\n": ("png", "image/png"), b"\xff\xd8\xff": ("jpg", "image/jpeg")}


def image_kind(head: bytes) -> tuple[str, str] | None:
    """(extension, MIME type) from the file's first bytes; None for anything but PNG and JPEG."""
    for magic, kind in IMAGE_TYPES.items():
        if head.startswith(magic):
            return kind
    return None


def png_size(data: bytes) -> tuple[int, int]:
    if data[12:16] == b"IHDR":
        width, height = struct.unpack(">II", data[16:24])
        return int(width), int(height)
    return 0, 0


def _form(error: str = "", status: int = 200, **values: str) -> Any:
    limit = current_app.config["REPMON_SETTINGS"]["web.max_upload_bytes"]
    return render_template("report.html", error=error, values=values, max_mb=round(limit / 1_000_000, 1)), status


@bp.get("/report")
@auth.requires("intake")
def form() -> Any:
    return _form()


@bp.post("/report")
@auth.requires("intake")
def submit() -> Any:
    settings = current_app.config["REPMON_SETTINGS"]
    url = excerpt.one_line(request.form.get("url", ""), 2000)
    text = request.form.get("text", "").strip()
    if not excerpt.safe_href(url):
        return _form("Give the full address of the page, starting with https:// or http://.", 400, url=url, text=text)
    if len(text) > MAX_PASTED_CHARS:
        return _form(f"The pasted text is {len(text)} characters; paste at most {MAX_PASTED_CHARS}.", 400,
                     url=url, text=text[:MAX_PASTED_CHARS])
    upload = request.files.get("screenshot")
    image: bytes | None = None
    kind: tuple[str, str] | None = None
    if upload is not None and upload.filename:
        image = upload.read(settings["web.max_upload_bytes"] + 1)
        if len(image) > settings["web.max_upload_bytes"]:
            return _form(f"The screenshot is larger than {settings['web.max_upload_bytes']:,} bytes; crop it or "
                         "save it as JPEG.", 413, url=url, text=text)
        kind = image_kind(image[:8])
        if kind is None:
            return _form("The screenshot must be a PNG or JPEG image.", 415, url=url, text=text)
    from spiders.capture import capture_url
    user = auth.current_user()
    assert user is not None
    withhold = bool(request.form.get("withhold_images"))
    try:
        result = capture_url(settings, g.store, profile(), url, actor=user.name, text=text or None,
                             withhold_images=withhold)
    except RepmonError as exc:
        return _form(f"The page could not be captured: {exc}", 400, url=url, text=text)
    if image is not None and kind is not None and not result.withheld:  # never keep an image of possible abuse
        _keep_screenshot(settings, result, url, image, kind, user.name)
    return redirect(url_for("alert.show", alert_id=result.alert_id, done="reported"))


def _keep_screenshot(settings: Any, result: Any, url: str, image: bytes, kind: tuple[str, str], actor: str) -> None:
    """Keep the uploaded image with the capture, named by its SHA-256 (evidence is only added to)."""
    from data import evidence_log

    digest = hashlib.sha256(image).hexdigest()
    folder = Path(settings["store.evidence_dir"]) / "uploads"
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"{digest}.{kind[0]}"
    if not path.exists():
        path.write_bytes(image)
    width, height = png_size(image) if kind[0] == "png" else (0, 0)
    evidence_log.add_screenshot(g.store, item_id=result.item_id, evidence_id=result.evidence_id, url=url,
                                final_url=url, path=str(path), sha256=digest, taken_at=clock.iso(), width=width,
                                height=height, browser=f"uploaded by {actor}")
    g.store.add_alert_event(result.alert_id, actor, "screenshot_uploaded", {"sha256": digest, "bytes": len(image)})
