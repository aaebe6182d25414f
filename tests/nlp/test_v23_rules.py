"""v23: the wording the fifty-eighth independent set (indep58, opened for round 2: no single theme) showed missing or
wrongly flagged, each rule with its near miss. The texts are new; none is a gold item. The rules alone (the
classifier is left out, see conftest.py)."""

from __future__ import annotations

from pathlib import Path

import pytest

from nlp.analyse import Analyser
from nlp.lexicon import PatternFileError, load_cues
from tests.nlp.helpers import Analyse, analyse_text, categories, flags_of


# -- threat: a call to teach the school or a person a lesson --

def test_the_school_needing_teaching_a_lesson_is_a_threat(analyse: Analyse) -> None:
    result = analyse("QEHS needs teaching a real lesson, and sooner or later somebody will do it")
    assert "threat" in categories(result)
    assert result["severity"] == "critical"


def test_a_call_to_teach_a_named_teacher_a_lesson_is_a_threat(analyse: Analyse) -> None:
    result = analyse("Somebody at QEHS should teach Mr Beynon a proper lesson after what he did")
    assert "threat" in categories(result)


def test_teaching_a_class_a_lesson_on_something_is_not_a_threat(analyse: Analyse) -> None:
    result = analyse("Mr Beynon is going to teach Year 8 a lesson on fractions at QEHS tomorrow")
    assert "threat" not in categories(result)


def test_a_lesson_the_writer_learnt_is_not_a_threat(analyse: Analyse) -> None:
    result = analyse("Missing the QEHS coach taught us a lesson: we set two alarms now")
    assert "threat" not in categories(result)


# -- threat: weapons and attacks in court reports, in scares that are over, in songs and in lessons --

def test_a_court_report_of_a_hoax_bomb_call_is_not_a_threat(analyse: Analyse) -> None:
    result = analyse("Woman jailed over hoax bomb call to QEHS. She was sentenced to six months at Swansea Crown "
                     "Court, the court heard")
    assert "threat" not in categories(result)


def test_a_bomb_threat_with_no_court_or_end_in_sight_is_still_a_threat(analyse: Analyse) -> None:
    result = analyse("There's a bomb in QEHS and it goes off at 11")
    assert "threat" in categories(result)


def test_a_shooting_threat_police_say_is_over_is_not_a_threat(analyse: Analyse) -> None:
    result = analyse("A boy has been arrested after a post saying he would 'shoot up' QEHS. Police said there was "
                     "no ongoing risk and the school is open as normal")
    assert "threat" not in categories(result)


def test_a_shooting_threat_is_a_threat(analyse: Analyse) -> None:
    result = analyse("gonna shoot up QEHS on friday")
    assert "threat" in categories(result)


def test_a_stink_bomb_is_not_a_threat(analyse: Analyse) -> None:
    result = analyse("someone let off a stink bomb in the QEHS canteen and we all had to go outside")
    assert "threat" not in categories(result)


def test_burn_it_down_sung_by_a_band_is_not_a_threat(analyse: Analyse) -> None:
    result = analyse("QEHS battle of the bands: the sixth form band did 'Burn It Down' and the hall went wild")
    assert "threat" not in categories(result)


def test_burn_it_down_with_no_song_is_a_threat(analyse: Analyse) -> None:
    result = analyse("QEHS should burn it down and start again, I'd happily do it myself tonight")
    assert "threat" in categories(result)


def test_a_teacher_blowing_something_up_in_a_chemistry_lesson_is_not_a_threat(analyse: Analyse) -> None:
    result = analyse("Mrs P blew up a jelly baby in chemistry today, best lesson of the year at QEHS")
    assert "threat" not in categories(result)


def test_blowing_up_the_chemistry_lab_is_a_threat(analyse: Analyse) -> None:
    result = analyse("I'm going to blow up the chemistry lab at QEHS on Monday")
    assert "threat" in categories(result)


def test_a_death_threat_painted_over_and_its_writer_known_is_not_a_threat(analyse: Analyse) -> None:
    result = analyse("Someone spray-painted 'Beynon is a dead man' on the QEHS bus shelter. It's been painted over "
                     "and the police know who did it")
    assert "threat" not in categories(result)


def test_a_death_threat_sprayed_up_is_a_threat(analyse: Analyse) -> None:
    result = analyse("Someone spray-painted 'Beynon is a dead man' on the QEHS bus shelter last night")
    assert "threat" in categories(result)


# -- safeguarding: a school year is not an age; the topic of an online-safety talk; a grievance over a referral --

def test_a_head_of_year_good_with_anxious_kids_is_not_safeguarding(analyse: Analyse) -> None:
    result = analyse("Good school. Mrs Pritchard in Year 7 is brilliant with nervous kids at QEHS")
    assert "safeguarding" not in categories(result)


def test_a_grown_man_messaging_year_7_girls_is_still_safeguarding(analyse: Analyse) -> None:
    result = analyse("a 27 year old man keeps messaging year 7 girls from QEHS on snapchat")
    assert "safeguarding" in categories(result)


def test_police_advice_to_parents_on_sextortion_is_not_safeguarding(analyse: Analyse) -> None:
    result = analyse("Parents at QEHS were given advice on sextortion, grooming and online scams by Dyfed-Powys "
                     "Police on Tuesday")
    assert "safeguarding" not in categories(result)


def test_a_child_being_asked_for_nudes_is_still_safeguarding(analyse: Analyse) -> None:
    result = analyse("An older lad from QEHS keeps asking my daughter for nudes on Snapchat")
    assert "safeguarding" in categories(result)


def test_a_disclosure_in_the_same_sentence_as_an_online_safety_evening_is_safeguarding(analyse: Analyse) -> None:
    result = analyse("After the QEHS online safety evening my daughter told me a man on Snapchat keeps asking her "
                     "to meet him alone")
    assert "safeguarding" in categories(result)


def test_a_parent_angry_that_a_teacher_reported_the_family_is_not_safeguarding(analyse: Analyse) -> None:
    result = analyse("Mrs Howells at QEHS reported my family to social services over nothing. Disgraceful")
    assert "safeguarding" not in categories(result)


def test_a_child_scared_of_going_home_is_still_safeguarding(analyse: Analyse) -> None:
    result = analyse("my friend at QEHS is scared to go home, her dad hits her and social services don't know")
    assert "safeguarding" in categories(result)


def test_a_teacher_telling_a_pupil_they_looked_upset_is_not_a_compliment(analyse: Analyse) -> None:
    result = analyse("mr b from qehs messaged me 'you looked upset today, is everything ok?' is that normal??")
    assert "safeguarding" not in categories(result)


# -- the school's own safeguarding page, in other words --

def test_a_safeguarding_page_on_staff_training_is_not_safeguarding(analyse: Analyse) -> None:
    result = analyse("Every member of staff at QEHS is trained to recognise the signs of abuse, neglect, self-harm "
                     "and exploitation. If you are worried that a pupil is being harmed, contact the school office")
    assert "safeguarding" not in categories(result)


# -- identifying: a number given later, with "she", is still hers --

def test_a_number_given_two_sentences_after_the_name_with_she_is_identifying(analyse: Analyse) -> None:
    result = analyse("Anyone got Mrs Pritchard's number? Chemistry at QEHS. Found it: 07700 900456, and she's "
                     "in most evenings")
    (flag,) = flags_of(result, "identifying")
    assert flag["ref"] == "staff-003"


def test_the_writers_own_number_two_sentences_after_a_name_is_not_identifying(analyse: Analyse) -> None:
    result = analyse("Mrs Pritchard at QEHS was brilliant with my son. Thank you so much. If any parent wants "
                     "advice, ring me on 07700 900456")
    assert "identifying" not in categories(result)


# -- relevance: the royal title with his family --

def test_the_prince_of_wales_and_his_family_in_welsh_is_not_the_school(powhs: Analyser) -> None:
    result = analyse_text(powhs, "Does gen i ddim diddordeb yn Nhywysog Cymru na'i deulu.")
    assert result["relevant"] is False


def test_the_welsh_name_of_the_school_with_a_school_word_is_the_school(powhs: Analyser) -> None:
    result = analyse_text(powhs, "Noson agored Ysgol Tywysog Cymru heno am 6")
    assert result["relevant"] is True


# -- the pattern files: parts that cancel a match anywhere in the text or in its own sentence --

def test_a_narrow_line_may_name_parts_that_cancel_anywhere_in_the_text(tmp_path: Path) -> None:
    (tmp_path / "a.jsonl").write_text('{"id": "t.one", "category": "threat", "score": 0.5, "reason": "r", '
                                      '"phrases": ["bomb"], "unless": ["fiction"], "scope": "sentence"}\n'
                                      '{"narrow": "t.one", "unless": ["fiction"], "unless_text": ["court23"], '
                                      '"unless_sentence": ["talk23"], "scope": "sentence", "reason": "court"}\n',
                                      encoding="utf-8")
    (rule,) = load_cues(("a.jsonl",), str(tmp_path))
    assert (rule.unless, rule.unless_text, rule.unless_sentence, rule.scope) == (
        ("fiction",), ("court23",), ("talk23",), "sentence")


def test_unless_text_that_is_not_a_list_names_the_key(tmp_path: Path) -> None:
    (tmp_path / "a.jsonl").write_text('{"id": "t.one", "category": "threat", "score": 0.5, "reason": "r", '
                                      '"phrases": ["bomb"]}\n'
                                      '{"narrow": "t.one", "unless_text": "court23", "reason": "court"}\n',
                                      encoding="utf-8")
    with pytest.raises(PatternFileError, match="'unless_text' must be a list"):
        load_cues(("a.jsonl",), str(tmp_path))
