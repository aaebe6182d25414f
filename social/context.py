"""The words a reply is read with: the post it answers, given as the reply's title.

A reply or comment alone ("she stole the trip money") often does not name the
school; the thread it sits in does. Platform modules give a reply the title
``Re: <the thread's post>`` so the analyser reads it in that context, as a
person scrolling the thread would.
"""

from __future__ import annotations

from typing import Any

from spiders.extract import clean_text

MAX_TITLE = 200


def reply_title(run: Any, thread_post_id: str) -> str | None:
    """``Re: ...`` from the stored item of the thread's first post, or None when it is not stored."""
    post = run.social.post(run.name, thread_post_id)
    if not post or not post["item_id"]:
        return None
    item = run.store.get_item(post["item_id"])
    if not item:
        return None
    words = " ".join((item.get("title") or item.get("text") or "").split())
    if words.startswith("Re: "):
        words = words[4:]
    if len(words) > MAX_TITLE:
        words = words[:MAX_TITLE].rsplit(" ", 1)[0] + "..."
    return clean_text(f"Re: {words}", MAX_TITLE + 10) if words else None


def save_post(run: Any, item: Any, *, post_id: str, thread_id: str | None) -> bool:
    """``run.save``, except that a post already stored with the same words keeps its item (a reply first
    found on its own and later in its thread gets a title the second time: not a new version)."""
    post = run.social.post(run.name, post_id)
    if post and post["item_id"]:
        stored = run.store.get_item(post["item_id"])
        if stored and stored["text"] == item.text:
            run.counts["items_seen"] += 1
            run.social.saw_post(run.name, post_id, thread_id=thread_id, url=item.url, item_id=post["item_id"],
                                evidence_id=item.evidence_id)
            return False
    return bool(run.save(item, post_id=post_id, thread_id=thread_id))
