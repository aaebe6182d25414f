"""v34: the wording the sixty-ninth independent set (indep69, opened for round 12) showed missing or wrongly read,
each change with its near miss; two are engine changes (the short name's first word as pupils say it, "yn
Tywysog"; a profile place with a school word and a critical finding). The texts are new; none is a gold item. The
rules alone (the classifier is left out, see conftest.py)."""

from __future__ import annotations

from nlp.analyse import Analyser
from tests.nlp.helpers import Analyse, categories


# -- who is meant: "yn Tywysog", the short name's first word, capitalised and unmutated --

def test_yn_tywysog_is_the_school(powhs: Analyser) -> None:
    result = powhs.analyse({"id": "t", "text": "Ges i gleisia ar fy nghoesa ar ôl y gêm rygbi yn Tywysog ddoe, dal "
                                               "yn brifo"})
    assert result["relevant"] is True


def test_the_prince_with_an_article_is_not_the_school(powhs: Analyser) -> None:
    result = powhs.analyse({"id": "t", "text": "Roedd y Tywysog yn Bangor ddoe yn agor y pwll nofio newydd"})
    assert result["relevant"] is False


def test_mutated_tywysog_is_a_prince_not_the_school(powhs: Analyser) -> None:
    result = powhs.analyse({"id": "t", "text": "Mae o'n Dywysog go iawn, chwarae teg, yn helpu pawb"})
    assert result["relevant"] is False


# -- who is meant: a profile place with a school word, and safeguarding or a threat --

def test_a_man_at_the_gates_in_the_town_at_home_time_luring_kids_is_the_school(analyse: Analyse) -> None:
    result = analyse("a bloke in a grey van keeps parking by the gates in Carmarthen at home time offering the kids "
                     "sweets and lifts")
    assert result["relevant"] is True
    assert result["severity"] == "critical"


def test_gates_in_the_town_at_home_time_with_nothing_critical_are_not_the_school(analyse: Analyse) -> None:
    result = analyse("the gates in Carmarthen park have been repainted green, lovely at home time with the kids")
    assert result["relevant"] is False


# -- who is meant: year groups in the plural --

def test_year_10s_from_the_short_name_being_made_to_run_bags_is_the_school(powhs: Analyser) -> None:
    result = powhs.analyse({"id": "t", "text": "Year 10s from Prince of Wales are being made to run bags for a dealer "
                                               "in Maesgeirchen, paid in weed. They're 14."})
    assert result["relevant"] is True
    assert "safeguarding" in categories(result)


# -- threat: what I should have done to someone, with a countdown --

def test_what_i_should_have_done_to_a_pupil_with_a_countdown_is_a_threat(powhs: Analyser) -> None:
    result = powhs.analyse({"id": "t", "text": "4 days left till i do what i shouldve done to gethin ap rhys yr 9 pow. "
                                               "countin down 🔪"})
    assert "threat" in categories(result)


def test_what_i_should_have_done_to_the_garden_is_not_a_threat(powhs: Analyser) -> None:
    result = powhs.analyse({"id": "t", "text": "i finally did what i shouldve done to my garden months ago, pow high "
                                               "mums come see the roses"})
    assert "threat" not in categories(result)


# -- threat: "been warned about it before"; "won't be around much longer" beside hidden marks --

def test_a_teacher_warned_about_it_before_is_not_a_threat(analyse: Analyse) -> None:
    result = analyse("Mrs Howells at QE gives detentions for nothing and she's been warned about it before by the "
                     "governors.")
    assert "threat" not in categories(result)


def test_youve_been_warned_is_still_a_threat(analyse: Analyse) -> None:
    assert "threat" in categories(analyse("Mrs Howells at QE, you've been warned. Last chance."))


def test_a_pupil_with_hidden_marks_who_wont_be_around_long_is_safeguarding_not_a_threat(analyse: Analyse) -> None:
    result = analyse("A girl in my son's form at QE High has marks all up her arms, keeps her sleeves down, and said "
                     "she won't be around much longer.")
    assert categories(result) == {"safeguarding"}


def test_a_teacher_who_wont_be_around_much_longer_is_still_a_threat(analyse: Analyse) -> None:
    result = analyse("Mrs Pritchard at QE High won't be around much longer if she keeps putting my lad in isolation.")
    assert "threat" in categories(result)


# -- safeguarding: Welsh bruises hidden --

def test_welsh_a_pupil_hiding_bruises_is_safeguarding(powhs: Analyser) -> None:
    result = powhs.analyse({"id": "t", "text": "Dwi'n poeni am hogyn yn dosbarth fi yn Tywysog. Mae o'n cuddio "
                                               "cleisia ar ei freichia a deud bod o di disgyn"})
    assert "safeguarding" in categories(result)
