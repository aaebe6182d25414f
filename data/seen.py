"""The seen-store: what the crawler last saw at each URL, so a re-crawl costs little.

For every page read it keeps the HTTP validators (ETag, Last-Modified), the
SHA-256 of the body and the links followed from it. The next crawl sends
If-None-Match / If-Modified-Since (spiders/middlewares/conditional.py); a 304
costs no body, no extraction and no storage, and the links kept here still
lead the crawl on to the pages below. A server without validators that sends
the same body again is recognised by its hash and not extracted again.
"""

from __future__ import annotations

import json
from typing import Any

from repmon import clock

MAX_LINKS = 500


class SeenStore:
    def __init__(self, db: Any) -> None:
        self.db = db  # the store's sqlite_utils Database

    def get(self, url: str) -> dict[str, Any] | None:
        for row in self.db.query("SELECT * FROM page_validators WHERE url = ?", [url]):
            out = dict(row)
            out["links"] = json.loads(out["links"])
            return out
        return None

    def validators(self, url: str) -> dict[str, str]:
        """Conditional request headers for ``url`` (empty when nothing is known)."""
        row = self.get(url)
        headers = {}
        if row and row["etag"]:
            headers["If-None-Match"] = row["etag"]
        if row and row["last_modified"]:
            headers["If-Modified-Since"] = row["last_modified"]
        return headers

    def remember(self, url: str, *, etag: str | None, last_modified: str | None, sha256: str | None,
                 links: list[str]) -> bool:
        """Record what a 200 response said; return True when the body differs from the last one seen."""
        now = clock.iso()
        with self.db.atomic():
            row = self.get(url)
            changed = row is None or row["sha256"] != sha256
            self.db.execute(
                "INSERT INTO page_validators (url, etag, last_modified, sha256, links, checked_at, changed_at)"
                " VALUES (?,?,?,?,?,?,?) ON CONFLICT(url) DO UPDATE SET etag = excluded.etag,"
                " last_modified = excluded.last_modified, sha256 = excluded.sha256, links = excluded.links,"
                " checked_at = excluded.checked_at,"
                " changed_at = CASE WHEN page_validators.sha256 IS excluded.sha256 THEN page_validators.changed_at"
                " ELSE excluded.changed_at END",
                [url, etag, last_modified, sha256, json.dumps(links[:MAX_LINKS]), now, now],
            )
        return changed

    def touch(self, url: str) -> list[str]:
        """A 304 for ``url``: note the check; return the links kept from the last full read."""
        self.db.execute("UPDATE page_validators SET checked_at = ? WHERE url = ?", [clock.iso(), url])
        row = self.get(url)
        return list(row["links"]) if row else []

    def forget(self, url: str) -> None:
        """The page is gone (404/410): its validators are of no more use."""
        self.db.execute("DELETE FROM page_validators WHERE url = ?", [url])
