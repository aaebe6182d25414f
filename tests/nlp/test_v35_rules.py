"""v35: the wording the seventieth independent set (indep70, opened for round 13) showed missing or wrongly read,
each change with its near miss. The texts are new; none is a gold item. The rules alone (the classifier is left
out, see conftest.py)."""

from __future__ import annotations

from nlp.analyse import Analyser
from tests.nlp.helpers import Analyse, categories


# -- who is meant: a deputy's or head teacher's own role as a title --

def test_deputy_and_the_deputys_surname_is_the_deputy(analyse: Analyse) -> None:
    result = analyse("That deputy Howells at Queen Elizabeth had better sort the buses out")
    assert result["relevant"] is True
    assert "staff-002" in {m["ref"] for m in result["mentions"]}


def test_a_deputy_of_that_name_at_a_bowls_club_elsewhere_is_someone_else(analyse: Analyse) -> None:
    result = analyse("The deputy Howells of the bowls club in Llandeilo has retired after thirty years")
    assert result["relevant"] is False


# -- threat: "getting smoked if", "wants to watch herself", "planning to jump" --

def test_a_teacher_getting_smoked_if_she_does_it_again_is_a_threat(analyse: Analyse) -> None:
    result = analyse("on my life mrs pritchard getting smoked if she gives me another detention at QE")
    assert "threat" in categories(result)
    assert result["severity"] == "critical"


def test_a_team_that_got_smoked_in_a_match_is_not_a_threat(analyse: Analyse) -> None:
    assert "threat" not in categories(analyse("QE under 15s got smoked 6-0 by Bro Myrddin in the match today"))


def test_a_teacher_who_wants_to_watch_herself_is_a_threat(analyse: Analyse) -> None:
    assert "threat" in categories(analyse("Mrs Howells at QE wants to watch herself, that's all I'm saying"))


def test_a_teacher_watching_herself_on_stage_is_not_a_threat(analyse: Analyse) -> None:
    result = analyse("Mrs Howells at QE wants to watch herself on the stage, she's brilliant in the panto")
    assert "threat" not in categories(result)


def test_lads_planning_to_jump_pupils_is_a_threat(analyse: Analyse) -> None:
    result = analyse("some lads from Llanelli are planning to jump QE kids at the bus station after school on Friday")
    assert "threat" in categories(result)


def test_pupils_planning_to_jump_in_the_river_for_charity_is_not_a_threat(analyse: Analyse) -> None:
    result = analyse("QE kids are planning to jump in the river for the charity swim on Friday")
    assert "threat" not in categories(result)


# -- safeguarding: neglect, in Welsh and in English; a child coming round for tea is no threat --

def test_welsh_a_pupil_on_the_streets_at_night_with_a_mother_drinking_is_safeguarding(powhs: Analyser) -> None:
    result = powhs.analyse({"id": "t", "text": "Mae 'na hogan fach blwyddyn 7 yn Nhywysog Cymru yn cerdded y "
                                               "strydoedd tan 2 y bore bob nos, ei mam hi'n yfed drwy'r dydd"})
    assert "safeguarding" in categories(result)


def test_welsh_a_staff_night_out_till_2am_is_not_safeguarding(powhs: Analyser) -> None:
    result = powhs.analyse({"id": "t", "text": "Noson allan yn Bangor i ddathlu pen-blwydd mam, ni allan tan 2 y "
                                               "bore! Tywysog Cymru staff night out"})
    assert "safeguarding" not in categories(result)


def test_a_pupil_coming_round_for_tea_with_no_food_at_home_is_safeguarding_not_a_threat(analyse: Analyse) -> None:
    result = analyse("Cai Llewelyn from QE has been coming round ours for tea every night, there's never any food in "
                     "his house")
    assert "safeguarding" in categories(result)
    assert "threat" not in categories(result)


def test_someone_coming_round_to_your_house_at_night_is_still_a_threat(analyse: Analyse) -> None:
    result = analyse("Osian Bowen from QE keeps coming round to your house at night, I've seen him. Watch out.")
    assert "threat" in categories(result)
