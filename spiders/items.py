"""The Item: the one record that crosses from collecting to analysing.

Spiders and social clients both produce Items and hand them to
``data.store.Store.save_item``. Nothing downstream knows which source an Item
came from except by its ``source`` field.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


@dataclass
class Item:
    source: str                      # "web", "feed", "reddit", "x", ...
    url: str                         # where it was found
    text: str                        # main text (and comments), plain
    canonical_url: str = ""          # the page's own idea of its URL; defaults to url
    title: str | None = None
    author: str | None = None
    published: str | None = None     # ISO 8601 when known
    lang: str | None = None          # "en", "cy", ... when known
    fetched_at: str = ""             # ISO 8601 UTC, set by the collector
    evidence_id: int | None = None   # the evidence row of the raw capture
    raw: dict[str, Any] = field(default_factory=dict)  # source-specific metadata (small)
