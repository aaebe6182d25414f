"""The analyser's shortcuts (docs/benchmarks.md, "Analysis") never change what is found."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
import spacy
from spacy.tokens import Doc

from nlp.analyse import Analyser
from nlp.components import CueFinder, EvidenceFinder
from nlp.found import found_in
from nlp.matchgate import doc_norms, words_and_norms
from nlp.regexgate import AT_SIGN, DIGIT, Presence, needs

NLP_DIR = Path(__file__).resolve().parents[2] / "nlp"


def _texts() -> list[str]:
    texts = []
    for path in sorted((NLP_DIR / "gold").glob("*.jsonl")) + sorted((NLP_DIR / "corpus").glob("*.jsonl")):
        texts += [json.loads(line)["text"] for line in path.read_text(encoding="utf-8").splitlines()
                  if line.strip() and not line.lstrip().startswith("#")]  # the corpus allows comment lines
    return texts


@pytest.fixture(scope="module")
def docs_before_cues(analyser: Analyser) -> list[Doc]:
    """Every gold and corpus text as the cue finder reads it: the pipeline run as far as the cue finder (which
    first restores dropped g's, "stabbin" -> "stabbing"); the components after it only read the cues."""
    nlp = analyser.nlp
    with nlp.select_pipes(disable=nlp.pipe_names[nlp.pipe_names.index("repmon_cues") + 1:]):
        return list(analyser.docs({"id": "t", "text": "QEHS Carmarthen: " + text} for text in _texts()))


def test_cue_rules_skipped_for_a_text_never_match_it(analyser: Analyser, docs_before_cues: list[Doc]) -> None:
    cues = analyser.nlp.get_pipe("repmon_cues")
    assert isinstance(cues, CueFinder)
    strings = analyser.nlp.vocab.strings
    for doc in docs_before_cues:
        gated = cues._matcher_for(doc)
        found = [(strings[m], s, e) for m, s, e in gated(doc)] if gated is not None else []
        assert found == [(strings[m], s, e) for m, s, e in cues.matcher(doc)], doc.text  # the same matches, in order


@pytest.mark.parametrize(("pattern", "expected"), [
    (r"0\d{3} \d{6}", DIGIT), (r"(?:x\d|y[0-9])", DIGIT), (r"a{2}(?:7)+", DIGIT), (r"\w+@\w+\.com", AT_SIGN),
    (r"a\d?", None), (r"(?:a|1)", None), (r"\d{0,3}", None), (r"[^0-9]", None), (r"[@a]", None), (r"(?=\d)", None),
])
def test_what_a_pattern_needs(pattern: str, expected: str | None) -> None:
    assert needs(re.compile(pattern)) == expected


def test_a_text_without_a_digit_rules_out_patterns_that_need_one() -> None:
    assert Presence("call me on oh seven seven").allows(DIGIT) is False
    assert Presence("call 07700 900123").allows(DIGIT) is True
    assert Presence("no e-mail here").allows(AT_SIGN) is False
    assert Presence("anything").allows(None) is True


def test_found_in_follows_a_replaced_span_group() -> None:
    doc = spacy.blank("en")("Mrs Pritchard teaches at QEHS")
    doc.spans["people"] = [doc[0:2]]
    assert [f.text for f in found_in(doc, "people")] == ["Mrs Pritchard"]
    doc.spans["people"] = [doc[4:5]]
    assert [(f.text, f.start, f.start_char) for f in found_in(doc, "people")] == [("QEHS", 4, 25)]
    assert found_in(doc, "missing") == []


def test_part_patterns_skipped_for_a_text_never_match_it(analyser: Analyser, docs_before_cues: list[Doc]) -> None:
    cues = analyser.nlp.get_pipe("repmon_cues")
    assert isinstance(cues, CueFinder) and cues.parts is not None
    parts, strings = cues.parts, analyser.nlp.vocab.strings
    for doc in docs_before_cues:
        gated = parts.gated.matcher_for(*words_and_norms(doc))
        found = [(strings[m], s, e) for m, s, e in gated(doc)] if gated is not None else []
        assert found == [(strings[m], s, e) for m, s, e in parts.matcher(doc)], doc.text


def test_school_word_patterns_skipped_for_a_text_never_match_it(analyser: Analyser) -> None:
    evidence = analyser.nlp.get_pipe("repmon_evidence")
    assert isinstance(evidence, EvidenceFinder)
    strings = analyser.nlp.vocab.strings
    normalise = analyser.nlp.get_pipe("repmon_normalise")
    texts = _texts() + ["my old maths teacher", "she's in year 9 and bl. 10", "hen athro", "Year 13 prom"]
    for text in texts:
        doc = normalise(analyser.nlp.make_doc(text))  # (the patterns read the normalised NORMs)
        gated = evidence.gated.matcher_for(*words_and_norms(doc)) if evidence.gate.possible(doc_norms(doc)) else None
        found = [(strings[m], s, e) for m, s, e in gated(doc)] if gated is not None else []
        assert found == [(strings[m], s, e) for m, s, e in evidence.matcher(doc)], text
