"""v24: the wording the fifty-ninth independent set (indep59, opened for round 3: no single theme) showed missing or
wrongly flagged, each rule with its near miss. The texts are new; none is a gold item. The rules alone (the
classifier is left out, see conftest.py)."""

from __future__ import annotations

from nlp.analyse import Analyser
from tests.nlp.helpers import Analyse, analyse_text, categories, flags_of


# -- who is named: a first name misspelt before the surname; a page about the school --

def test_a_first_name_one_letter_out_before_the_surname_is_the_pupil(analyse: Analyse) -> None:
    result = analyse("There's a girl at QE High, Lily Griffiths, who walks home alone past the old quarry every night")
    assert [m["ref"] for m in result["mentions"] if m["kind"] == "pupil"] == ["pupil-0045"]
    assert result["relevant"] is True


def test_a_first_name_two_letters_out_is_not_the_pupil(analyse: Analyse) -> None:
    result = analyse("There's a girl at QE High, Lisa Griffiths, who walks home alone past the old quarry every night")
    assert all(m["kind"] != "pupil" for m in result["mentions"])


def test_a_confessions_page_named_after_the_school_is_the_school(analyse: Analyse) -> None:
    result = analyse("QE High Confessions #88: Osian Bowen in year 11 says he is going to end it before exams")
    assert result["relevant"] is True
    assert "safeguarding" in categories(result)


def test_the_school_name_before_another_town_is_still_another_school(analyse: Analyse) -> None:
    result = analyse("Queen Elizabeth High Wimborne beat Poole 3-1 in the county cup final")
    assert result["relevant"] is False


# -- threat: a group sent round to an exposed home --

def test_a_group_sent_round_to_a_pupils_address_is_a_threat(analyse: Analyse) -> None:
    result = analyse("Cai Llewelyn from QEHS lives at 4 Heol y Bryn, SA31 1AB. Some of you should pop round and have "
                     "a word")
    assert "threat" in categories(result)
    assert result["severity"] == "critical"


def test_one_person_asked_to_go_round_is_harassment_not_a_threat(analyse: Analyse) -> None:
    result = analyse("Cai Llewelyn from QEHS lives at 4 Heol y Bryn, SA31 1AB. Someone should go round and have a "
                     "word with his mum")
    assert "threat" not in categories(result)


# -- safeguarding: a member of staff said to have touched a pupil --

def test_a_member_of_staff_reported_for_touching_a_year_9_girl_is_safeguarding(analyse: Analyse) -> None:
    result = analyse("Last year a teacher at QEHS was reported for touching a Year 9 girl and he still works there")
    assert "safeguarding" in categories(result)
    assert result["severity"] == "critical"


def test_a_teacher_telling_someone_off_for_touching_a_girls_painting_is_not_safeguarding(analyse: Analyse) -> None:
    result = analyse("The art teacher at QEHS told me off for touching a Year 9 girl's painting while it was still wet")
    assert "safeguarding" not in categories(result)


# -- a court report of messages sent; a safeguarding page without "the" --

def test_a_court_report_of_messages_sent_is_not_an_adult_contacting_a_child(analyse: Analyse) -> None:
    result = analyse("A 38-year-old man has been jailed for stalking a teacher at QEHS. The court heard he sent more "
                     "than 300 messages")
    assert "safeguarding" not in categories(result)


def test_a_man_of_38_messaging_pupils_is_still_safeguarding(analyse: Analyse) -> None:
    result = analyse("A 38 year old man keeps messaging QEHS pupils on Snapchat asking to meet up")
    assert "safeguarding" in categories(result)


def test_a_welsh_youth_court_report_of_threatening_messages_is_not_safeguarding(analyse: Analyse) -> None:
    result = analyse("Gorchymyn atgyfeirio i fachgen 15 oed ar ôl negeseuon bygythiol i Ysgol y Frenhines Elisabeth. "
                     "Clywodd y llys ieuenctid ei fod yn difaru")
    assert "safeguarding" not in categories(result)


def test_a_safeguarding_page_trained_to_recognise_signs_is_not_safeguarding(analyse: Analyse) -> None:
    result = analyse("All QEHS staff are trained to recognise signs of abuse, neglect, self-harm and exploitation")
    assert "safeguarding" not in categories(result)


# -- identifying: a number asked for with the name, given two sentences on --

def test_a_number_given_after_a_question_asking_for_a_teachers_mobile_is_identifying(analyse: Analyse) -> None:
    result = analyse("Has anyone got Mrs Pritchard's mobile number? Chemistry at QEHS. Someone sent me 07700 900123 "
                     "but it goes to voicemail")
    (flag,) = flags_of(result, "identifying")
    assert flag["ref"] == "staff-003"


def test_a_number_after_a_name_with_no_question_is_not_hers(analyse: Analyse) -> None:
    result = analyse("Mrs Pritchard at QEHS never answers her phone. Thanks anyway. Ring me on 07700 900123 if "
                     "you want the lift share")
    assert "identifying" not in categories(result)


def test_the_welsh_name_of_the_other_school_with_a_page_word_is_still_the_school(powhs: Analyser) -> None:
    result = analyse_text(powhs, "PoW High Memes: Mr Hughes trying to use the new smartboard 😂")
    assert result["relevant"] is True
