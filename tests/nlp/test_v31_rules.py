"""v31: the wording the sixty-sixth and sixty-seventh independent sets (indep66 and indep67, opened for round 10)
showed missing or wrongly flagged, each change with its near miss. The texts are new; none is a gold item. The rules
alone (the classifier is left out, see conftest.py)."""

from __future__ import annotations

from nlp.analyse import Analyser
from tests.nlp.helpers import Analyse, categories


# -- threat: beating a team is an idiom only in a text about a game --

def test_gonna_smash_them_with_no_game_in_sight_is_a_threat(analyse: Analyse) -> None:
    result = analyse("anyone from QE High shows their face down Tanerdy again and we're gonna smash them. every last one")
    assert "threat" in categories(result)
    assert result["severity"] == "critical"


def test_gonna_batter_them_before_a_big_game_is_not_a_threat(analyse: Analyse) -> None:
    assert "threat" not in categories(analyse("Big game Saturday for QE High, gonna batter them"))


# -- threat: a home named and its windows remarked on --

def test_your_house_and_its_nice_windows_is_a_veiled_threat(analyse: Analyse) -> None:
    result = analyse("Mrs Pritchard from QE High, your house is the yellow one on Heol y Parc isn't it. "
                     "Nice big windows you've got.")
    assert "threat" in categories(result)


def test_a_classroom_with_lovely_windows_is_not_a_threat(powhs: Analyser) -> None:
    result = powhs.analyse({"id": "t", "text": "Mr Hughes at PoW High has had his classroom redone, lovely windows "
                                               "now, loads of light"})
    assert "threat" not in categories(result)


# -- threat: the school is no one to sort out --

def test_the_school_needing_sorting_out_is_not_a_threat(analyse: Analyse) -> None:
    result = analyse("QE High needs sorting out. No maths teacher since October and nobody tells us anything.")
    assert "threat" not in categories(result)


def test_a_teacher_needing_sorting_out_is_still_a_threat(analyse: Analyse) -> None:
    result = analyse("Mrs Pritchard at QE High needs sorting out. Someone should wait for her after school.")
    assert "threat" in categories(result)


# -- threat: a scare long past, pupils told to stay home, a plea before someone is hurt, a pet --

def test_a_hoax_bomb_call_years_ago_is_not_a_threat(analyse: Analyse) -> None:
    result = analyse("Ten years on from the 2015 hoax bomb call that emptied QE High, the council says the school's "
                     "lockdown drills are a model for Wales.")
    assert "threat" not in categories(result)


def test_a_bomb_said_to_be_no_hoax_this_time_is_a_threat(analyse: Analyse) -> None:
    assert "threat" in categories(analyse("It's not a hoax this time. There's a bomb in QE High and it goes off Friday."))


def test_weaker_pupils_told_to_stay_home_on_exam_days_is_not_a_threat(analyse: Analyse) -> None:
    result = analyse("QE High tells the weaker kids to stay home on exam days so the results look better.")
    assert "threat" not in categories(result)


def test_telling_a_teacher_to_stay_home_on_friday_is_still_a_threat(analyse: Analyse) -> None:
    result = analyse("Mrs Pritchard, if I were you I'd stay home on Friday. QE High won't be safe.")
    assert "threat" in categories(result)


def test_welsh_do_something_before_someone_gets_hurt_is_not_a_threat(analyse: Analyse) -> None:
    result = analyse("Ysgol y Frenhines Elisabeth, plis gwnewch rywbeth am y bws cyn i rywun gael ei frifo.")
    assert "threat" not in categories(result)


def test_welsh_making_sure_someone_gets_hurt_is_still_a_threat(analyse: Analyse) -> None:
    assert "threat" in categories(analyse("Dwi'n mynd i neud yn siwr bod rhywun yn cael ei frifo yn QE fory."))


def test_a_child_silenced_with_a_threat_to_the_dog_is_safeguarding_not_a_threat(analyse: Analyse) -> None:
    result = analyse("my stepdad says if i tell anyone at QE High what he does hes going to kill my dog. i dont know "
                     "who to tell")
    assert categories(result) == {"safeguarding"}


def test_killing_the_boy_who_kicked_my_dog_is_still_a_threat(analyse: Analyse) -> None:
    assert "threat" in categories(analyse("QE High, the lad in Year 10 who kicked my dog: I'm going to kill him when "
                                          "I find him."))


# -- safeguarding: a child kept quiet about what is done to them --

def test_welsh_child_kept_quiet_about_what_is_done_at_home_is_safeguarding(analyse: Analyse) -> None:
    result = analyse("Mae Osian Bowen o QE yn deud os dwi'n deud wrth rywun be mae o'n neud iddo fo adra fydd o mewn "
                     "trwbl")
    assert "safeguarding" in categories(result)


def test_telling_you_what_a_teacher_does_in_maths_is_not_safeguarding(analyse: Analyse) -> None:
    result = analyse("if i tell you what he does in maths you won't believe it, Mr Rees at QE High is a legend")
    assert "safeguarding" not in categories(result)


# -- harassment: "can we talk about how" opens a post; it is no talk --

def test_can_we_talk_about_how_a_teacher_is_a_cow_is_harassment(analyse: Analyse) -> None:
    result = analyse("can we talk about how Mrs Pritchard at QE High is a two-faced cow who should never have been "
                     "let near kids")
    assert "harassment" in categories(result)


def test_a_talk_about_the_names_pupils_are_called_is_not_harassment(analyse: Analyse) -> None:
    result = analyse("QE High's talk about online abuse went through the names like 'two-faced cow' that pupils get "
                     "called.")
    assert "harassment" not in categories(result)


# -- who is meant: other jobs and contests --

def test_a_namesake_appointed_head_coach_is_someone_else(analyse: Analyse) -> None:
    result = analyse("The Ospreys have appointed Catrin Jenkins as head coach of their women's side for next season.")
    assert result["relevant"] is False


def test_a_teacher_appointed_head_of_year_is_still_the_teacher(analyse: Analyse) -> None:
    result = analyse("Catrin Jenkins has been appointed head of year 9, she teaches maths and is lovely")
    assert result["relevant"] is True


def test_a_hill_farmer_winning_the_open_class_is_someone_else(powhs: Analyser) -> None:
    result = powhs.analyse({"id": "t", "text": "Bethan Llwyd, a hill farmer from Dinas Mawddwy, won the open class at "
                                               "the Bala sheepdog trials on Saturday."})
    assert result["relevant"] is False


def test_a_teacher_with_a_class_at_the_school_is_still_the_teacher(powhs: Analyser) -> None:
    result = powhs.analyse({"id": "t", "text": "Bethan Llwyd was brilliant with my daughter's class at Prince of Wales "
                                               "today"})
    assert result["relevant"] is True
