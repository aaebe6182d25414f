"""The spans the pipeline found (``doc.spans`` groups) as plain records, read once per Doc.

Each time a ``doc.spans`` group is read, spaCy makes a new Span object for
every span, and each of ``label_``, ``id_`` and ``kb_id_`` is a lookup in
the string store. Several components read the same groups (the mention
finder reads the evidence; relevance, flags, the classifier's judge and the
result read the mentions), so :func:`found_in` reads a group once into
:class:`Found` records (tuples with the same attribute names) and keeps them,
beside the Doc (not in it: ``doc.user_data`` must stay serialisable), for as
long as the group is the same object of the same length.
"""

from __future__ import annotations

import weakref
from typing import Any, NamedTuple

from spacy.tokens import Doc, Span, SpanGroup

from nlp.normalise import text_of


class Found(NamedTuple):
    """One span of a ``doc.spans`` group: token and character offsets, label, ids and text."""

    start: int
    end: int
    start_char: int
    end_char: int
    label_: str
    id_: str
    kb_id_: str
    text: str


_READ: weakref.WeakKeyDictionary[Doc, dict[str, tuple[Any, list[Found]]]] = weakref.WeakKeyDictionary()


def found_in(doc: Doc, key: str) -> list[Found]:
    """The spans of ``doc.spans[key]`` as :class:`Found` records, in order (none when there is no such group)."""
    group = doc.spans.data.get(key)  # (SpanGroups is a UserDict: its own lookups run in Python)
    if group is None:
        return []
    cache = _records(doc)
    kept = cache.get(key)
    if kept is not None and kept[0] is group and len(kept[1]) == len(group):
        return kept[1]
    text = text_of(doc)
    found = [Found(s.start, s.end, s.start_char, s.end_char, s.label_, s.id_, s.kb_id_, text[s.start_char:s.end_char])
             for s in group]
    cache[key] = (group, found)
    return found


def put_spans(doc: Doc, key: str, spans: list[Span]) -> None:
    """Set ``doc.spans[key]`` to ``spans`` and keep their records for :func:`found_in` (from these Span objects,
    so the group is never read back)."""
    group = SpanGroup(doc, name=key, spans=spans)
    doc.spans.data[key] = group  # as ``doc.spans[key] = spans`` stores it, without SpanGroups' Python layers
    text = text_of(doc)
    found = [Found(s.start, s.end, s.start_char, s.end_char, s.label_, s.id_, s.kb_id_, text[s.start_char:s.end_char])
             for s in spans]
    _records(doc)[key] = (group, found)


def _records(doc: Doc) -> dict[str, tuple[Any, list[Found]]]:
    """The records kept for ``doc`` (``WeakKeyDictionary.get`` before ``setdefault``: a weak reference with a
    callback and a dict are made only the first time)."""
    cache = _READ.get(doc)
    if cache is None:
        cache = _READ.setdefault(doc, {})
    return cache
