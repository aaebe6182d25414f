"""The pipeline's Doc extensions read and written through nlp.extensions.values: the same values as doc._."""

from __future__ import annotations

from spacy.tokens import Doc

from nlp.analyse import Analyser
from nlp.extensions import EXTENSIONS, values

THREAT = {"id": "x-1", "text": "I'm going to stab Mrs Pritchard at QEHS in Carmarthen tomorrow.",
          "url": "https://news.example/qehs-carmarthen"}


def test_values_read_what_the_pipeline_set_as_doc_underscore_reads_it(analyser: Analyser) -> None:
    doc = analyser.doc(THREAT)
    for name in EXTENSIONS:
        assert getattr(values(doc), name) == getattr(doc._, name), name
    assert values(doc).repmon_relevant is True and values(doc).repmon_flags


def test_values_written_are_seen_by_doc_underscore_and_back(analyser: Analyser) -> None:
    doc = analyser.nlp.make_doc("nothing to see")
    values(doc).repmon_severity = "high"
    doc._.repmon_relevance = "set through doc._"
    assert doc._.repmon_severity == "high"
    assert values(doc).repmon_relevance == "set through doc._"


def test_an_unset_value_is_the_registered_default(analyser: Analyser) -> None:
    doc = analyser.nlp.make_doc("nothing to see")
    for name, default in EXTENSIONS.items():
        assert getattr(values(doc), name) == default == Doc.get_extension(name)[0], name
