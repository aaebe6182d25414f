"""The Doc extensions the pipeline sets (``doc._.repmon_relevant``, ...), and quick access to them.

``doc._`` makes a new object on each use and reads each attribute through a
``__getattr__`` that looks the extension up first: about a microsecond a
read, and a Doc took some thirty of them on its way through the pipeline.
spaCy keeps a plain extension's value (one set with a ``default`` only) in
``doc.user_data`` under ``("._.", name, None, None)``; :func:`values` gives
an object that reads and writes that entry directly, so ``doc._.name`` sees
the same values, and falls back to ``doc._`` if one of these extensions was
registered another way (with a getter, setter or method, or a mutable default).
"""

from __future__ import annotations

from typing import Any

from spacy.tokens import Doc

#: name -> default
EXTENSIONS: dict[str, Any] = {"repmon_item": None, "repmon_relevant": None, "repmon_relevance": "",
                              "repmon_flags": None, "repmon_severity": "none", "repmon_vetoed": None,
                              "repmon_framed": None}

for _name, _default in EXTENSIONS.items():
    if not Doc.has_extension(_name):
        Doc.set_extension(_name, default=_default)


def _key(name: str) -> tuple[str, str, None, None]:
    return ("._.", name, None, None)  # spaCy's key for a Doc's extension value (spacy/tokens/underscore.py)


def _field(name: str) -> property:
    key, default = _key(name), EXTENSIONS[name]

    def read(self: DocValues) -> Any:
        return self.data.get(key, default)

    def write(self: DocValues, value: Any) -> None:
        self.data[key] = value

    return property(read, write)


class DocValues:
    """``doc._`` for the extensions in :data:`EXTENSIONS`, read and written in ``doc.user_data`` directly."""

    __slots__ = ("data",)

    def __init__(self, doc: Doc) -> None:
        self.data: dict[Any, Any] = doc.user_data  # (typed dict[str, Any]; spaCy keys extensions by tuples)

    repmon_item = _field("repmon_item")
    repmon_relevant = _field("repmon_relevant")
    repmon_relevance = _field("repmon_relevance")
    repmon_flags = _field("repmon_flags")
    repmon_severity = _field("repmon_severity")
    repmon_vetoed = _field("repmon_vetoed")
    repmon_framed = _field("repmon_framed")  # (v25) categories whose cues a whole-text frame cancelled


def _plain() -> bool:
    """Every extension here is a plain value with the default above (as registered above)."""
    return all(Doc.get_extension(name) == (default, None, None, None) for name, default in EXTENSIONS.items())


def values(doc: Doc) -> Any:
    """The pipeline's extension values of ``doc``: attributes as on ``doc._`` (read and set), quicker."""
    return DocValues(doc) if _PLAIN else doc._


_PLAIN = _plain()
