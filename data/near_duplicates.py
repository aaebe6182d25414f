"""Near-duplicate clusters: one story syndicated, quoted or reposted is one cluster.

Every stored item gets ``items.cluster_id``: the id of the first item of its
cluster (its own id when nothing like it was stored before). Alerts are
de-duplicated per cluster (data/clusters.py reads the column), so twenty
copies of one story make one alert.

How: the text is cut into overlapping 5-word shingles; each shingle is hashed
(CRC-32) and a fixed sample of the hashes (the even ones: the same shingle is sampled
in every document) is kept in ``item_fingerprints``. A new item joins the
cluster of the stored item with which it shares the most fingerprints when the
shared ones cover at least half of the smaller of the two: a copy with a
different headline or footer, a page that quotes a story, a post that quotes a
page. Only the earliest ``HOLDERS`` items holding a fingerprint are compared,
which bounds the work when thousands of items share a stock phrase. Clusters are never merged
afterwards: an item joins the one cluster it is closest to.
"""

from __future__ import annotations

import re
import unicodedata
import zlib
from collections import Counter
from typing import Any

SHINGLE_WORDS = 5
SAMPLE_MOD = 2
MAX_FINGERPRINTS = 600
MAX_CHARS = 12_000  # enough for MAX_FINGERPRINTS: about 2,000 words
MIN_SHARED = 2
MIN_CONTAINMENT = 0.5
HOLDERS = 50  # earliest items read per fingerprint
_WORD = re.compile(r"\w+", re.UNICODE)


def words(text: str) -> list[str]:
    """Lower-case words, accents folded (so 'Siân' and 'Sian' agree), punctuation dropped."""
    folded = unicodedata.normalize("NFKD", text.casefold())
    folded = "".join(c for c in folded if not unicodedata.combining(c))
    return _WORD.findall(folded)


def fingerprints(text: str) -> list[int]:
    """The sampled shingle hashes (CRC-32: fast, and stable across processes and Python versions) of ``text``.

    At most ``MAX_FINGERPRINTS``, from the start of the text (its first 12,000 characters, about 2,000 words).
    """
    tokens = words(text[:MAX_CHARS])
    if len(tokens) < SHINGLE_WORDS:
        return []
    found: set[int] = set()
    for i in range(len(tokens) - SHINGLE_WORDS + 1):
        value = zlib.crc32(" ".join(tokens[i:i + SHINGLE_WORDS]).encode("utf-8"))
        if value % SAMPLE_MOD == 0:
            found.add(value)
            if len(found) >= MAX_FINGERPRINTS:
                break
    return sorted(found)


def assign_cluster(db: Any, item_id: int, title: str | None, text: str) -> int:
    """Fingerprint a just-stored item and set its cluster; return the cluster id.

    ``db`` is the store's sqlite_utils Database; called by Store.save_item inside the transaction that stored the item.
    """
    prints = fingerprints(f"{title or ''}\n{text}")
    cluster = item_id
    if prints:
        for start in range(0, len(prints), 400):  # well under SQLite's limit on parameters
            chunk = prints[start:start + 400]
            db.execute("INSERT OR IGNORE INTO item_fingerprints (fingerprint, item_id) VALUES "
                       + ",".join("(?, ?)" for _ in chunk), [v for fp in chunk for v in (fp, item_id)])
        cluster = _nearest_cluster(db, item_id, prints) or item_id
    db.execute("UPDATE items SET cluster_id = ? WHERE id = ?", [cluster, item_id])
    return cluster


def _nearest_cluster(db: Any, item_id: int, prints: list[int]) -> int | None:
    # For each fingerprint only its EARLIEST holders are read (the primary key keeps them in id order), so the
    # work per item stays bounded however many thousands of items share a stock phrase, and a copy is still
    # matched against the first items of its cluster.
    shared: Counter[int] = Counter()
    for fp in prints:
        for (other,) in db.conn.execute(
                "SELECT item_id FROM item_fingerprints WHERE fingerprint = ? ORDER BY item_id LIMIT ?", [fp, HOLDERS]):
            if other != item_id:
                shared[other] += 1
    candidates = [(other, n) for other, n in shared.most_common(20) if n >= MIN_SHARED]
    if not candidates:
        return None
    ids = [other for other, _ in candidates]
    marks = ",".join("?" * len(ids))
    sizes = {r["item_id"]: r["n"] for r in db.query(
        f"SELECT item_id, count(*) AS n FROM item_fingerprints WHERE item_id IN ({marks}) GROUP BY item_id", ids)}
    clusters = {r["id"]: r["cluster_id"] for r in db.query(
        f"SELECT id, cluster_id FROM items WHERE id IN ({marks})", ids)}
    best: tuple[float, int] | None = None
    for other, n in candidates:
        containment = n / min(len(prints), sizes.get(other, len(prints)))
        if containment >= MIN_CONTAINMENT and (best is None or containment > best[0]):
            best = (containment, clusters.get(other) or other)
    return best[1] if best else None


def cluster_of(store: Any, item_id: int) -> int:
    """The cluster id of an item (the id of the first item of its cluster). KeyError if there is no such item."""
    for row in store.db.query("SELECT cluster_id FROM items WHERE id = ?", [item_id]):
        return int(row["cluster_id"] if row["cluster_id"] is not None else item_id)
    raise KeyError(f"no item {item_id}")
