"""v38: the wording the seventy-third independent set (indep73, opened for round 16) showed missing, each change with
its near miss. The texts are new; none is a gold item. The rules alone (the classifier is left out, see
conftest.py)."""

from __future__ import annotations

from nlp.analyse import Analyser
from tests.nlp.helpers import Analyse, analyse_text, categories


# -- the school: "y Frenhines" after a school noun or in brackets; exclusion misspelt is a school word --

def test_welsh_pupils_of_the_queen_are_the_schools(analyse: Analyse) -> None:
    assert analyse("llongyfarchiadau i ddisgyblion y Frenhines ar y canlyniadau")["relevant"] is True


def test_welsh_the_gates_of_the_queen_are_the_schools(analyse: Analyse) -> None:
    assert analyse("mae 'na fideo o'r ymladd tu fas i gatie'r Frenhines yn mynd rownd")["relevant"] is True


def test_welsh_the_queen_in_brackets_after_school_is_the_school(analyse: Analyse) -> None:
    assert analyse("mae dau yn yr ysgol (y frenhines) yn cael eu bwlio bob dydd")["relevant"] is True


def test_an_exclusion_misspelt_beside_the_abbreviation_in_lower_case_is_the_school(analyse: Analyse) -> None:
    result = analyse("if they exlude my mate again im bringin a blade in. qe wont no what hit em")
    assert result["relevant"] is True
    assert "threat" in categories(result)


def test_welsh_a_player_banned_for_a_tackle_is_not_the_school(analyse: Analyse) -> None:
    result = analyse("Mae blaenasgellwr Llanelli, Osian Bowen, wedi cael ei wahardd am dair wythnos ar ôl tacl uchel")
    assert result["relevant"] is False


# -- threat: a beating told to the target in Welsh, "he's been warned" in Welsh --

def test_welsh_a_pupil_told_they_will_be_hit_is_a_threat(analyse: Analyse) -> None:
    result = analyse("Osian Bowen ti'n cael dy fwrw ar ôl ysgol fory, pawb yn gwbod")
    assert "threat" in categories(result)
    assert result["severity"] == "critical"


def test_welsh_a_pupil_knocked_out_of_a_team_is_not_a_threat(analyse: Analyse) -> None:
    result = analyse("Osian Bowen o QE, ti'n cael dy fwrw allan o'r tîm rygbi os ti'n colli'r gêm eto 😂")
    assert "threat" not in categories(result)


def test_welsh_a_teacher_who_has_been_warned_is_a_threat(analyse: Analyse) -> None:
    assert "threat" in categories(analyse("Mr Beynon o QE wedi cael ei rybuddio. Dim mwy o siarad."))


def test_welsh_a_teacher_warned_about_the_weather_is_not_a_threat(analyse: Analyse) -> None:
    result = analyse("Mr Beynon o QE wedi cael ei rybuddio am y tywydd, eira trwm ar y ffordd i'r gêm")
    assert "threat" not in categories(result)


# -- safeguarding: a parent too drunk to care for the children --

def test_welsh_a_pupil_cooking_because_a_parent_is_too_drunk_is_safeguarding(powhs: Analyser) -> None:
    result = analyse_text(powhs, "ma brawd bach fi ym mlwyddyn 7 yn Nhywysog Cymru a fi sy'n neud swper bob nos achos "
                                  "ma dad yn rhy feddw i godi o'r soffa")
    assert "safeguarding" in categories(result)


def test_a_parent_too_drunk_to_drive_after_a_quiz_is_not_safeguarding(analyse: Analyse) -> None:
    assert "safeguarding" not in categories(analyse("Mum's too drunk to drive after the QE PTA quiz 😂 taxi time"))
