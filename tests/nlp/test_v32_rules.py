"""v32: the wording the sixty-eighth independent set (indep68, opened for round 11) showed missing or wrongly read,
each change with its near miss. The texts are new; none is a gold item. The rules alone (the classifier is left
out, see conftest.py)."""

from __future__ import annotations

from nlp.analyse import Analyser
from tests.nlp.helpers import Analyse, categories


# -- who is meant: "the school up <place>", "the big comp in <place>", a hotel's high tea, a pharmacist --

def test_the_school_up_a_profile_place_is_the_school(powhs: Analyser) -> None:
    result = powhs.analyse({"id": "t", "text": "leaky roof at the school up penrhosgarnedd again, buckets in the "
                                               "sports hall"})
    assert result["relevant"] is True


def test_the_school_up_a_decoy_place_is_not_the_school(powhs: Analyser) -> None:
    result = powhs.analyse({"id": "t", "text": "the school up in Harrogate has a leaky roof too, buckets in the "
                                               "sports hall"})
    assert result["relevant"] is False


def test_the_big_comp_in_the_postcode_is_the_school(analyse: Analyse) -> None:
    result = analyse("the big comp in SA31 where Pritchard runs science - avoid, the deputy did nothing about bullying")
    assert result["relevant"] is True


def test_high_tea_is_not_the_school(analyse: Analyse) -> None:
    assert analyse("Queen Elizabeth high tea at the Ivy Bush was gorgeous, the scones were unreal")["relevant"] is False


def test_the_school_with_a_tea_party_is_still_the_school(analyse: Analyse) -> None:
    assert analyse("Queen Elizabeth High Carmarthen tea party for the Year 7s went well")["relevant"] is True


def test_a_pharmacist_of_a_teachers_name_is_someone_else(powhs: Analyser) -> None:
    result = powhs.analyse({"id": "t", "text": "Mr Hughes y fferyllydd ym Mhenrhosgarnedd yn ymddeol ar ôl 30 "
                                               "mlynedd"})
    assert result["relevant"] is False


def test_the_head_of_maths_of_that_name_is_still_the_teacher(powhs: Analyser) -> None:
    result = powhs.analyse({"id": "t", "text": "Mr Hughes y pennaeth mathemateg ym Mhenrhosgarnedd yn ymddeol ar ôl "
                                               "30 mlynedd"})
    assert result["relevant"] is True


# -- threat: "a bang" at the school --

def test_a_bang_announced_at_the_school_is_a_threat(powhs: Analyser) -> None:
    result = powhs.analyse({"id": "t", "text": "theres gonna be a bang at the school up penrhosgarnedd friday. not a "
                                               "joke"})
    assert "threat" in categories(result)
    assert result["severity"] == "critical"


def test_a_bang_at_the_fireworks_is_not_a_threat(powhs: Analyser) -> None:
    result = powhs.analyse({"id": "t", "text": "Fireworks at the school up penrhosgarnedd on bonfire night: there'll "
                                               "be a bang at 7pm, bring sparklers"})
    assert "threat" not in categories(result)


# -- safeguarding: children running packages; Welsh "stopio byta" --

def test_pupils_running_packages_for_lads_paid_in_weed_is_safeguarding(analyse: Analyse) -> None:
    result = analyse("QE High year 10s running packages for the lads off the estate, getting paid in weed n trainers")
    assert "safeguarding" in categories(result)


def test_pupils_running_packages_to_the_food_bank_is_not_safeguarding(analyse: Analyse) -> None:
    result = analyse("QE High Year 11s running packages to the food bank all week")
    assert "safeguarding" not in categories(result)


def test_welsh_a_pupil_who_has_stopped_eating_is_safeguarding(analyse: Analyse) -> None:
    result = analyse("Mae Lili Griffiths o QE 'di stopio byta ers wythnosau, ma' hi'n croen ac asgwrn a neb yn sylwi")
    assert "safeguarding" in categories(result)
    assert result["severity"] == "critical"


def test_welsh_a_mother_who_has_stopped_eating_bread_is_not_safeguarding(analyse: Analyse) -> None:
    result = analyse("Dwi 'di stopio byta bara ers mis Ionawr, teimlo'n well o lawer. QE High mam x")
    assert "safeguarding" not in categories(result)


# -- who is meant: a member of staff's surname with a lesson or a year group --

def test_a_teachers_surname_too_old_to_be_teaching_year_9_is_the_teacher(powhs: Analyser) -> None:
    result = powhs.analyse({"id": "t", "text": "Tudur is way too old to be teaching, should retire instead of running "
                                               "year 10"})
    assert result["relevant"] is True


def test_a_singers_encore_in_welsh_is_no_lesson(analyse: Analyse) -> None:
    result = analyse("Catrin Jenkins at the Lyric last night, five stars: an encore in Welsh had us all in tears")
    assert result["relevant"] is False
