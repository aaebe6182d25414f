"""Is the item about this school? (rules in nlp/relevance.py and docs/analysis.md)"""

from __future__ import annotations

import pytest

from nlp.analyse import Analyser
from tests.nlp.helpers import Analyse


@pytest.mark.parametrize("text", [
    "Queen Elizabeth High School in Hexham is top of the league tables.",
    "QE High Bromyard has a new head.",
    "Queen Elizabeth High School, Gainsborough: worst school ever, avoid.",
])
def test_same_name_school_elsewhere_is_not_relevant(analyse: Analyse, text: str) -> None:
    assert analyse(text)["relevant"] is False


@pytest.mark.parametrize("text", [
    "Queen Elizabeth II visited the hospital in Carmarthen in 1955.",
    "Pupils lined the streets of Carmarthen when Queen Elizabeth II came to town.",
    "Staff at Queen Elizabeth Hospital in Carmarthen praised the pupils who visited the ward.",
    "HMS Queen Elizabeth docked at Milford Haven and pupils from Carmarthen toured the ship.",
    "The late Queen Elizabeth opened the new school hall in Carmarthen.",
])
def test_other_senses_of_queen_elizabeth_are_not_relevant(analyse: Analyse, text: str) -> None:
    assert analyse(text)["relevant"] is False


def test_reason_says_which_other_sense(analyse: Analyse) -> None:
    assert "monarch" in analyse("Queen Elizabeth II visited the hospital in Carmarthen in 1955.")["relevance"]


def test_short_name_with_a_school_word_and_a_place_is_relevant(analyse: Analyse) -> None:
    assert analyse("My son goes to Queen Elizabeth in Carmarthen and the teachers are great.")["relevant"] is True


def test_short_name_without_a_school_word_is_not_relevant(analyse: Analyse) -> None:
    assert analyse("Queen Elizabeth loved Carmarthen.")["relevant"] is False


def test_decoy_elsewhere_in_the_text_does_not_beat_a_place_by_the_name(analyse: Analyse) -> None:
    text = "QE High in Carmarthen beat QE High from Hexham in the final."
    assert analyse(text)["relevant"] is True


def test_school_name_alone_is_relevant_when_nothing_points_elsewhere(analyse: Analyse) -> None:
    result = analyse("QEHS is the worst.")
    assert result["relevant"] is True and "nothing points to another school" in result["relevance"]


@pytest.mark.parametrize("text", ["Queen Elizabeth High School in Whitby won the cup.", "QE High, Hexham, won the cup.",
                                  "Bromyard's Queen Elizabeth High School won the cup."])
def test_school_name_placed_somewhere_else_is_not_relevant(analyse: Analyse, text: str) -> None:
    assert analyse(text)["relevant"] is False


def test_short_core_name_alone_is_not_enough(analyse: Analyse) -> None:
    assert analyse("Queen Elizabeth school is the best.")["relevant"] is False


def test_profile_place_qualified_by_a_decoy_counts_as_the_decoy(tmp_path) -> None:
    from nlp.analyse import Analyser
    from repmon.profile import load_profile

    profile = tmp_path / "p.toml"
    profile.write_text('[school]\nid = "pw"\nname = "Prince of Wales High School"\naliases = ["PoW High"]\n'
                       'places = ["Bangor"]\ndecoys = ["County Down"]\n', encoding="utf-8")
    analyser = Analyser(load_profile(profile), textcat=False)
    assert analyser.analyse({"id": 1, "text": "PoW High in Bangor, County Down, won."})["relevant"] is False
    assert analyser.analyse({"id": 2, "text": "PoW High in Bangor won."})["relevant"] is True


@pytest.mark.parametrize("text", ["QEHS in Carmarthen is the best.", "QEHS yng Nghaerfyrddin", "QEHS o Gaerfyrddin",
                                  "QEHS, Sir Gar", "QEHS SA31 3EP"])
def test_school_name_with_a_place_is_relevant(analyse: Analyse, text: str) -> None:
    assert analyse(text)["relevant"] is True


def test_school_name_with_a_staff_co_mention_is_relevant(analyse: Analyse) -> None:
    assert analyse("QE High should sack Mrs Pritchard.")["relevant"] is True


def test_title_can_supply_the_school_name(analyse: Analyse) -> None:
    assert analyse("Mrs Pritchard was brilliant.", title="Queen Elizabeth High School wins")["relevant"] is True


def test_title_can_supply_the_place(analyse: Analyse) -> None:
    assert analyse("QE High did well.", title="Carmarthen schools round-up")["relevant"] is True


def test_url_words_can_supply_the_school_name(analyse: Analyse) -> None:
    url = "https://news.example/2026/queen-elizabeth-high-school-carmarthen-prize.html"
    assert analyse("Mr Beynon is a legend.", url=url)["relevant"] is True


def test_the_schools_own_site_is_relevant(analyse: Analyse) -> None:
    assert analyse("Term dates for 2027.", url="https://www.example-qehs.sch.uk/term-dates")["relevant"] is True


def test_the_schools_own_account_is_relevant(analyse: Analyse) -> None:
    assert analyse("Term dates for 2027.", author="@qehs_example")["relevant"] is True


def test_full_pupil_name_with_a_school_word_is_relevant(analyse: Analyse) -> None:
    assert analyse("Osian Bowen got a detention again.")["relevant"] is True


def test_full_staff_name_with_the_place_is_relevant(analyse: Analyse) -> None:
    assert analyse("Tomos Beynon ran the Carmarthen half marathon.")["relevant"] is True


def test_bare_title_and_surname_is_relevant_as_pupils_address_a_teacher(analyse: Analyse) -> None:
    # v5, round 4: comments under the school's posts name a teacher so, with no school name or place
    assert analyse("Mrs Pritchard is lovely.")["relevant"] is True


def test_title_and_surname_of_a_namesake_is_not_relevant(analyse: Analyse) -> None:
    assert analyse("Mrs Pritchard, 58, of Aberaeron is lovely.")["relevant"] is False


def test_bare_full_name_is_not_relevant(analyse: Analyse) -> None:
    assert analyse("Osian Bowen scored twice on Saturday.")["relevant"] is False


def test_person_with_a_decoy_place_is_not_relevant(analyse: Analyse) -> None:
    assert analyse("Osian Bowen, a pupil in Hexham, scored twice.")["relevant"] is False


def test_nothing_about_the_school_is_not_relevant(analyse: Analyse) -> None:
    assert analyse("Lovely weather in Carmarthen today.")["relevant"] is False


def test_every_result_says_why(analyse: Analyse) -> None:
    assert analyse("QEHS in Carmarthen")["relevance"] == "'QEHS' with the place 'Carmarthen'"


def test_a_namesake_placed_straight_after_the_full_name_is_not_relevant(powhs: Analyser) -> None:
    analyser = powhs
    assert not analyser.analyse({"id": "v", "text": "Prince of Wales High School Vancouver is holding its reunion"})["relevant"]
    assert analyser.analyse({"id": "n", "text": "Prince of Wales High School Netball team are champions"})["relevant"]


@pytest.mark.parametrize("text", [
    "sian howells' personal email is sian.h.home@example.com and her DOB is 03/04/1979, send her some birthday wishes",
    "Catrin Jenkins' home number is 01267 000 111 if you want to tell her what you think of her marking",
    "Rhif ffôn Rhian Pritchard ydy 07700 900 456, rhowch alwad iddi heno",
])
def test_a_staff_full_name_with_personal_details_is_relevant_without_the_school(analyse: Analyse, text: str) -> None:
    result = analyse(text)
    assert result["relevant"] is True and "identifying" in {f["category"] for f in result["flags"]}


@pytest.mark.parametrize("text", [
    "Siân Howells the estate agent in Swansea, call 07700 900123",   # another town
    "Tomos Beynon plumber, call 07700 900123 for a quote",            # a trade: a namesake
])
def test_a_namesake_with_a_phone_number_stays_not_relevant(analyse: Analyse, text: str) -> None:
    assert analyse(text)["relevant"] is False
