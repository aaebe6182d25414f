"""v6: a member of staff named by a role only they hold ("their head of science", "your deputy head"), from the
profile's `role` and nlp/patterns/roles-v6.jsonl, only with the school named in the same sentence."""

from __future__ import annotations

from pathlib import Path

import pytest

from nlp.terms import role_forms
from repmon.profile import load_profile
from tests.nlp.helpers import Analyse, refs


@pytest.mark.parametrize(("text", "ref", "span"), [
    ("Did you know QEHS had their head of science signed off after a complaint?", "staff-003", "head of science"),
    ("QEHS's science head has been off for weeks.", "staff-003", "science head"),
    ("@qehs_example why is your deputy head allowed to shout at kids?", "staff-002", "deputy head"),
    ("The headteacher at Queen Elizabeth High never answers e-mails.", "staff-001", "headteacher"),
    ("I reported it to the safeguarding lead at QEHS in Carmarthen.", "staff-002", "safeguarding lead"),
    ("Mae pennaeth QEHS yn anwybyddu rhieni.", "staff-001", "pennaeth"),
    ("Dywedodd dirprwy bennaeth QEHS fod popeth yn iawn.", "staff-002", "dirprwy bennaeth"),
])
def test_a_role_only_one_member_of_staff_holds_names_them(analyse: Analyse, text: str, ref: str, span: str) -> None:
    result = analyse(text)
    assert [(m["ref"], m["text"]) for m in result["mentions"] if m["kind"] == "staff"] == [(ref, span)]
    mention = next(m for m in result["mentions"] if m["kind"] == "staff")
    assert text[mention["start"]:mention["end"]] == span


@pytest.mark.parametrize("text", [
    "Osian Bowen from QEHS, you're getting your head kicked in.",       # a head, not the head
    "The head boy at QEHS gave a brilliant speech.",                     # another role
    "The former head of QEHS has retired to Spain.",                     # someone else
    "I spoke to the head of year at QEHS about the bus.",                # a role the profile does not give
    "Our head of science is brilliant. Ysgol Bro Myrddin for the win.",  # no school of the profile in the sentence
    "A PE teacher at QEHS ran the cross-country.",                        # a school has many PE teachers
])
def test_a_role_word_that_may_be_someone_else_names_no_one(analyse: Analyse, text: str) -> None:
    assert refs(analyse(text), "staff") == []


def test_a_role_two_members_of_staff_share_names_neither(tmp_path: Path) -> None:
    (tmp_path / "p.toml").write_text(
        '[school]\nid = "s"\nname = "Example High School"\n'
        '[[staff]]\nid = "a"\nname = "Ann Able"\nrole = "Head of Science"\n'
        '[[staff]]\nid = "b"\nname = "Bob Baker"\nrole = "Head of Science and Head of Year 7"\n', encoding="utf-8")
    forms = role_forms(load_profile(tmp_path / "p.toml"))
    assert "a" not in forms and forms["b"] == ["head of year 7", "year 7 head"]
