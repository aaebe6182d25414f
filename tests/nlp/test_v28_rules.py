"""v28: the wording the sixty-third independent set (indep63, opened for round 7: no single theme) showed missing or
wrongly flagged, each change with its near miss. The texts are new; none is a gold item. The rules alone (the
classifier is left out, see conftest.py)."""

from __future__ import annotations

from nlp.analyse import Analyser
from tests.nlp.helpers import Analyse, analyse_text, categories, refs


# -- who is named: a teacher's surname a few sentences after the school setting; the school in a Welsh place --

def test_a_staff_surname_after_a_question_about_the_school_is_the_teacher(analyse: Analyse) -> None:
    result = analyse("> Did the school ever reply about the detention?\n\nNope. Rees ignores every email. He won't "
                     "ignore me when I find him alone after practice.")
    assert refs(result, "staff") == ["staff-001"]
    assert result["relevant"] is True


def test_a_surname_far_from_any_school_setting_is_not_the_teacher(analyse: Analyse) -> None:
    result = analyse("Picked the kids up from the school gate. Then the shopping. Then the dentist. Then tea. Then "
                     "Rees from next door popped round for a cuppa.")
    assert refs(result, "staff") == []


def test_a_man_at_the_school_gate_in_a_welsh_place_is_about_the_school(powhs: Analyser) -> None:
    result = analyse_text(powhs, "Mae dyn hŷn yn sefyll wrth giât yr ysgol ym Mangor bob dydd ac yn cynnig lifft i "
                                 "ferched Blwyddyn 9.")
    assert result["relevant"] is True


def test_a_school_in_another_welsh_town_is_not_about_the_school(powhs: Analyser) -> None:
    result = analyse_text(powhs, "Cyngerdd hyfryd yn yr ysgol yng Nghaernarfon neithiwr, da iawn i bawb.")
    assert result["relevant"] is False


# -- threat: a Welsh "going to get what she deserves" --

def test_a_teacher_to_get_what_she_deserves_on_friday_is_a_threat(analyse: Analyse) -> None:
    result = analyse("Neges gan fachgen ym mlwyddyn 10 yn QEHS: 'mae Miss Pritchard yn mynd i gael beth mae hi'n "
                     "haeddu ddydd Llun'.")
    assert "threat" in categories(result)
    assert result["severity"] == "critical"


def test_a_teacher_getting_the_prize_she_deserves_is_not_a_threat(analyse: Analyse) -> None:
    result = analyse("Llongyfarchiadau i Miss Pritchard o QEHS, o'r diwedd yn cael beth mae hi'n haeddu: gwobr "
                     "athrawes y flwyddyn!")
    assert "threat" not in categories(result)


# -- threat narrowed: a friend's self-harm in Welsh; training that will kill --

def test_a_friend_cutting_her_arms_in_welsh_is_not_a_threat(analyse: Analyse) -> None:
    result = analyse("Mae fy ffrind yn Ysgol y Frenhines Elisabeth wedi bod yn torri ei breichiau eto, dw i'n poeni "
                     "amdani hi.")
    assert "threat" not in categories(result)
    assert "safeguarding" in categories(result)


def test_the_coach_going_to_kill_them_with_fitness_is_not_a_threat(analyse: Analyse) -> None:
    result = analyse("Mr Beynon at QEHS is going to kill the Year 8s with these bleep tests lol")
    assert "threat" not in categories(result)


def test_going_to_kill_the_coach_after_training_is_still_a_threat(analyse: Analyse) -> None:
    result = analyse("I'm going to kill Mr Beynon from QEHS when I see him on Monday")
    assert "threat" in categories(result)
