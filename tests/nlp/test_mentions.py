"""Who is named: the school, staff and pupils, with character offsets into the text."""

from __future__ import annotations

import pytest

from tests.nlp.helpers import Analyse, refs

CONTEXT = " at QEHS in Carmarthen"


def spans(result: dict) -> list[tuple[str, str, str]]:
    return [(m["kind"], m["ref"], m["text"]) for m in result["mentions"]]


@pytest.mark.parametrize("text", [
    "Queen Elizabeth High School in Carmarthen",
    "queen elizabeth high school in carmarthen",
    "QE HIGH in Carmarthen",
    "Ysgol y Frenhines Elisabeth in Carmarthen",
    "#QEHS in Carmarthen",
])
def test_school_names_and_aliases_match_in_any_case(analyse: Analyse, text: str) -> None:
    assert refs(analyse(text), "school") == ["qehs"]


def test_longest_school_name_wins_over_the_alias_inside_it(analyse: Analyse) -> None:
    result = analyse("Queen Elizabeth High School in Carmarthen")
    assert spans(result) == [("school", "qehs", "Queen Elizabeth High School")]


@pytest.mark.parametrize("text", ["Mrs Pritchard", "Mrs. Pritchard", "Ms Pritchard", "MRS PRITCHARD", "Rhian Pritchard",
                                  "Mrs Rhian Pritchard", "Mrs P"])
def test_staff_forms_of_address_match(analyse: Analyse, text: str) -> None:
    assert refs(analyse(text + CONTEXT), "staff") == ["staff-003"]


def test_title_the_profile_does_not_give_does_not_match(analyse: Analyse) -> None:
    assert refs(analyse("Mrs Beynon" + CONTEXT), "staff") == []


def test_possessive_stays_outside_the_mention(analyse: Analyse) -> None:
    result = analyse("Mr Beynon's PE lessons" + CONTEXT)
    assert [m["text"] for m in result["mentions"] if m["kind"] == "staff"] == ["Mr Beynon"]


def test_curly_possessive_stays_outside_the_mention(analyse: Analyse) -> None:
    result = analyse("Mr Beynon\u2019s PE lessons" + CONTEXT)
    assert [m["text"] for m in result["mentions"] if m["kind"] == "staff"] == ["Mr Beynon"]


@pytest.mark.parametrize("text", ["Siân Howells", "Sian Howells", "SIAN HOWELLS", "Mrs Howells"])
def test_accents_do_not_matter(analyse: Analyse, text: str) -> None:
    assert refs(analyse(text + CONTEXT), "staff") == ["staff-002"]


@pytest.mark.parametrize("text,ref", [("Megan Thomas-Price", "pupil-0043"), ("Meg Thomas-Price", "pupil-0043"),
                                      ("cai llewelyn", "pupil-0042")])
def test_pupils_match_by_full_name_and_alias(analyse: Analyse, text: str, ref: str) -> None:
    assert refs(analyse(text + CONTEXT), "pupil") == [ref]


def test_first_name_alone_is_a_mention_when_the_school_is_named_in_the_same_sentence(analyse: Analyse) -> None:
    assert refs(analyse("Megan" + CONTEXT), "pupil") == ["pupil-0043"]


@pytest.mark.parametrize("text", [
    "Megan came round for tea and we watched a film in Carmarthen.",
    "lili came round for tea. QEHS in Carmarthen is shut today."])
def test_first_name_alone_without_the_school_or_short_and_in_lower_case_is_not_a_mention(analyse: Analyse,
                                                                                        text: str) -> None:
    assert refs(analyse(text), "pupil") == []


def test_first_name_after_the_full_name_is_the_same_person(analyse: Analyse) -> None:
    result = analyse("Cai Llewelyn at QEHS in Carmarthen won. Well done Cai!")
    assert [m["text"] for m in result["mentions"] if m["kind"] == "pupil"] == ["Cai Llewelyn", "Cai"]


def test_school_handle_and_domain_are_school_mentions(analyse: Analyse) -> None:
    result = analyse("Thanks @qehs_example, see https://www.example-qehs.sch.uk/news")
    assert [m["kind"] for m in result["mentions"]] == ["school", "school"]


def test_lookalike_domain_is_not_the_school(analyse: Analyse) -> None:
    assert analyse("see https://not-example-qehs.sch.uk.evil.example/x")["mentions"] == []


def test_offsets_point_into_the_text(analyse: Analyse) -> None:
    text = "Wow \U0001F600 \u00e9t\u00e9: Mrs. Pritchard and Cai Llewelyn at Queen Elizabeth High, Carmarthen."
    result = analyse(text)
    assert [text[m["start"]:m["end"]] for m in result["mentions"]] == [m["text"] for m in result["mentions"]]


def test_offsets_of_one_mention(analyse: Analyse) -> None:
    text = "Hello QEHS, Carmarthen"
    (mention,) = analyse(text)["mentions"]
    assert (mention["start"], mention["end"]) == (6, 10)


def test_mentions_point_into_text_not_title(analyse: Analyse) -> None:
    result = analyse("Mr Beynon is great.", title="Queen Elizabeth High School news")
    assert spans(result) == [("staff", "staff-004", "Mr Beynon")]


def test_mentions_do_not_overlap(analyse: Analyse) -> None:
    result = analyse("Mrs Rhian Pritchard of Queen Elizabeth High School, Carmarthen, and Mrs P again.")
    ends = [(m["start"], m["end"]) for m in result["mentions"]]
    assert all(a[1] <= b[0] for a, b in zip(ends, ends[1:], strict=False))


def test_mentions_are_in_text_order(analyse: Analyse) -> None:
    result = analyse("Cai Llewelyn and Mrs Pritchard at QEHS, Carmarthen")
    assert [m["ref"] for m in result["mentions"]] == ["pupil-0042", "staff-003", "qehs"]


def test_irrelevant_item_reports_no_mentions(analyse: Analyse) -> None:
    assert analyse("Queen Elizabeth High School in Hexham")["mentions"] == []
