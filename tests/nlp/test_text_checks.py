"""The quick checks on raw text: folding (nlp.terms.fold) and what may hide a name (nlp.normalise.suspect)."""

from __future__ import annotations

import pytest

from nlp.normalise import suspect
from nlp.terms import fold


@pytest.mark.parametrize(("text", "folded"), [
    ("QEHS Carmarthen", "qehs carmarthen"), ("Don`t", "don't"), ("Don’t", "don't"), ("Siân’s", "sian's"),
    ("Dafydd\u200bRees", "dafyddrees"), ("", ""),
])
def test_fold_lowers_straightens_quotes_and_drops_accents(text: str, folded: str) -> None:
    assert fold(text) == folded


@pytest.mark.parametrize("text", [
    "B.e.y.n.o.n", "Mrs Pr1tchard", "P r i t c h a r d", "x\tP r i", "P r i", "see qe-high/carmarthen",
    "sh@me", "Q|E|H|S", "Siân B.e.y", "Siân P r i",
])
def test_what_may_hide_a_name_is_suspect(text: str) -> None:
    assert suspect(text)


@pytest.mark.parametrize("text", [
    "QEHS is great. Mrs Pritchard!", "Year 9, 2024", "a b", "xP r i", "P r  i", "P\tr i", "a/ b", "Siân Rees",
    "£5 each", "", "P.", ".P",
])
def test_ordinary_text_is_not_suspect(text: str) -> None:
    assert not suspect(text)
