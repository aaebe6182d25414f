"""The ways people really write profile names: obfuscated, misspelt, hashtags, URL slugs, mutated, alone."""

from __future__ import annotations

from pathlib import Path

import pytest

from nlp.analyse import Analyser
from repmon.profile import load_profile
from tests.nlp.helpers import Analyse, refs

CONTEXT = " at QEHS in Carmarthen"


def staff_texts(result: dict) -> list[str]:
    return [m["text"] for m in result["mentions"] if m["kind"] == "staff"]


@pytest.mark.parametrize("written", ["Mrs Pr1tchard", "Mrs Pritch4rd", "M.r.s P.r.i.t.c.h.a.r.d", "Mrs P r i t c h a r d",
                                     "Mrs Pri_tchard", "mrs PRITCHARD"])
def test_obfuscated_names_are_found_with_offsets_into_the_original_text(analyse: Analyse, written: str) -> None:
    result = analyse("Honestly " + written + CONTEXT + " is the worst.")
    assert refs(result, "staff") == ["staff-003"]
    assert staff_texts(result) == [written]


@pytest.mark.parametrize("written", ["Mrs Pritchad", "Mrs Prichard", "Mrs Pritcherd", "Rhian Pritchrd"])
def test_names_one_edit_away_are_found_after_a_title_or_first_name(analyse: Analyse, written: str) -> None:
    assert refs(analyse(written + CONTEXT), "staff") == ["staff-003"]


def test_a_misspelt_surname_alone_is_restored_when_capitalised_and_the_school_is_named(analyse: Analyse) -> None:
    assert refs(analyse("Beynnon" + CONTEXT), "staff") == ["staff-004"]


@pytest.mark.parametrize("text", ["pritchad" + CONTEXT, "Pritchad scored twice for Carmarthen Town"])
def test_a_misspelling_without_a_title_a_capital_or_the_school_is_not_guessed(analyse: Analyse, text: str) -> None:
    assert refs(analyse(text), "staff") == []


@pytest.mark.parametrize("text,kind,ref", [
    ("#QEHigh in Carmarthen is great", "school", "qehs"),
    ("#QueenElizabethHighSchool Carmarthen", "school", "qehs"),
    ("#MrsPritchard" + CONTEXT, "staff", "staff-003"),
    ("#CaiLlewelyn" + CONTEXT, "pupil", "pupil-0042"),
])
def test_hashtags_join_the_words(analyse: Analyse, text: str, kind: str, ref: str) -> None:
    assert ref in refs(analyse(text), kind)


def test_url_slugs_name_the_school_with_offsets_inside_the_url(analyse: Analyse) -> None:
    text = "Read this https://news.example/2026/11/qe-high-carmarthen-prize.html now"
    result = analyse(text)
    school = [m for m in result["mentions"] if m["kind"] == "school"]
    assert result["relevant"] is True
    assert [(m["text"], text[m["start"]:m["end"]]) for m in school] == [("qe-high", "qe-high")]


def test_a_school_alias_inside_another_host_name_is_not_the_school(analyse: Analyse) -> None:
    assert analyse("see https://qehs.example.com/x")["mentions"] == []


def test_welsh_mutation_of_a_pupils_first_name(analyse: Analyse) -> None:
    assert refs(analyse("Llongyfarchiadau i Gai Llewelyn o Ysgol y Frenhines Elisabeth, Caerfyrddin"), "pupil") == \
        ["pupil-0042"]


def test_title_with_initial_is_derived_when_only_one_member_of_staff_has_it(analyse: Analyse) -> None:
    assert refs(analyse("Mrs H" + CONTEXT), "staff") == ["staff-002"]
    assert refs(analyse("Miss J" + CONTEXT), "staff") == ["staff-005"]


def test_title_with_first_name_is_how_welsh_pupils_address_teachers(analyse: Analyse) -> None:
    assert refs(analyse("Miss Catrin" + CONTEXT), "staff") == ["staff-005"]


def test_possessive_without_an_apostrophe(analyse: Analyse) -> None:
    assert staff_texts(analyse("Mrs Pritchards lab" + CONTEXT)) == ["Mrs Pritchards"]


def test_distinctive_surname_alone_with_the_school_in_the_sentence(analyse: Analyse) -> None:
    assert refs(analyse("That Beynon at QE High in Carmarthen is a menace"), "staff") == ["staff-004"]


@pytest.mark.parametrize("text", ["Mrs Beynon at QE High in Carmarthen", "That Beynon bloke from Llanelli",
                                  "Rees scored for Carmarthen Town", "rees scored again. QE High in Carmarthen lost."])
def test_surname_alone_needs_the_right_title_and_the_school(analyse: Analyse, text: str) -> None:
    assert refs(analyse(text), "staff") == []


@pytest.mark.parametrize("text,ref", [("Rees at QE High in Carmarthen wants to ban phones", "staff-001"),
                                      ("Jenkins from QEHS set loads of homework", "staff-005")])
def test_a_common_surname_only_one_person_has_stands_alone_beside_the_school(analyse: Analyse, text: str,
                                                                             ref: str) -> None:
    assert refs(analyse(text), "staff") == [ref]


def test_line_break_inside_a_sentence_keeps_the_target(analyse: Analyse) -> None:
    result = analyse("Mr Beynon at QEHS in Carmarthen\nstole money from the trip fund")
    assert [(f["category"], f["ref"]) for f in result["flags"]] == [("defamatory", "staff-004")]


def test_a_generic_profile_loads_other_senses_and_cores_from_its_own_names(tmp_path: Path) -> None:
    path = tmp_path / "p.toml"
    path.write_text('[school]\nid = "pw"\nname = "Prince of Wales High School"\naliases = ["PoW High"]\n'
                    'places = ["Bangor", "LL57"]\n', encoding="utf-8")
    analyser = Analyser(load_profile(path), textcat=False)
    street = analyser.analyse({"id": 1, "text": "The shops on Prince of Wales High Street in Bangor are closing."})
    ship = analyser.analyse({"id": 2, "text": "HMS Prince of Wales is in Bangor harbour, the school went to see it."})
    school = analyser.analyse({"id": 3, "text": "Prince of Wales High School ym Mangor won."})
    assert street["relevant"] is False and ship["relevant"] is False
    assert school["relevant"] is True and "Mangor" in school["relevance"]


def test_unknown_profile_keys_warn_naming_the_nearest_known_key(tmp_path: Path) -> None:
    path = tmp_path / "p.toml"
    path.write_text('[school]\nid = "x"\nname = "Ysgol Example"\nplaces = ["Bala"]\nplace = ["Bala"]\n', encoding="utf-8")
    profile = load_profile(path)
    assert any("'place'" in w and "places" in w for w in profile.warnings)
    assert Analyser(profile, textcat=False).analyse({"id": 1, "text": "Ysgol Example in Bala"})["relevant"] is True
