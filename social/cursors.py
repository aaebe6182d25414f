"""A newest-first search read page by page, that resumes where a short run stopped.

The cursor kept for such a query is ``{"since": T}``: the newest time seen by
the last complete pass, so the next pass asks only for what came after. A
pass cut short (page limit) keeps ``{"since": T, "resume": PAGE, "pending_newest": N}``:
the next run goes on from that page, with the same ``since``, and only when
that pass is complete does ``since`` move on to ``N``. Nothing is skipped.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any


@dataclass
class Pass:
    key: str
    since: str | None
    page: str | None
    newest: str | None

    @classmethod
    def start(cls, run: Any, key: str) -> Pass:
        saved = run.cursor(key)
        return cls(key, saved.get("since"), saved.get("resume"), saved.get("pending_newest") or saved.get("since"))

    def saw(self, stamp: str | None) -> None:
        """A post with this time (ISO 8601, UTC) was read."""
        if stamp and (self.newest is None or stamp > self.newest):
            self.newest = stamp

    def done(self, run: Any) -> None:
        """The pass read everything since ``since``."""
        run.set_cursor(self.key, {"since": self.newest} if self.newest else {})

    def pause(self, run: Any, page: str | None) -> None:
        """The pass stopped before its end; the next run resumes at ``page``."""
        run.set_cursor(self.key, {"since": self.since, "resume": page, "pending_newest": self.newest})
