"""v27: the wording the sixty-second independent set (indep62, opened for round 6: no single theme) showed missing or
wrongly flagged, each change with its near miss. The texts are new; none is a gold item. The rules alone (the
classifier is left out, see conftest.py)."""

from __future__ import annotations

from nlp.analyse import Analyser
from tests.nlp.helpers import Analyse, analyse_text, categories


# -- safeguarding: a goodbye note others will notice too late --

def test_a_note_the_school_will_notice_too_late_is_safeguarding(analyse: Analyse) -> None:
    result = analyse("handed my english essay in to Miss Jenkins today. QE won't notice until it's too late, "
                     "and that's fine")
    assert "safeguarding" in categories(result)
    assert result["severity"] == "critical"


def test_repairs_noticed_too_late_are_not_safeguarding(analyse: Analyse) -> None:
    result = analyse("The leak in the QE High sports hall roof: the council won't notice until it's too late to fix it")
    assert "safeguarding" not in categories(result)


# -- threat narrowed: a practical that blew up; murder for whoever; a writer's own self-harm --

def test_a_chemistry_practical_that_blew_up_is_not_a_threat(analyse: Analyse) -> None:
    result = analyse("Year 10 chemistry practical at QEHS blew up in our faces today 😂 nobody hurt, just purple smoke")
    assert "threat" not in categories(result)


def test_blowing_up_the_school_lab_is_still_a_threat(analyse: Analyse) -> None:
    result = analyse("I'm going to blow up QEHS on Friday, starting with the lab")
    assert "threat" in categories(result)


def test_gonna_murder_whoever_did_it_is_not_a_threat(powhs: Analyser) -> None:
    result = analyse_text(powhs, "Mr Hughes at PoW High is gonna murder whoever drew on the new whiteboard lol")
    assert "threat" not in categories(result)


def test_gonna_murder_a_named_teacher_is_still_a_threat(powhs: Analyser) -> None:
    result = analyse_text(powhs, "I'm gonna murder Mr Hughes at PoW High if he gives me one more detention")
    assert "threat" in categories(result)


def test_not_seeing_oneself_here_beside_self_harm_is_not_a_threat(powhs: Analyser) -> None:
    result = analyse_text(powhs, "year 9 at PoW High. i've started cutting again and i don't see myself being here "
                                 "much longer. ur next to know i guess")
    assert "threat" not in categories(result)
    assert "safeguarding" in categories(result)


def test_your_turn_next_to_a_teacher_is_still_a_threat(powhs: Analyser) -> None:
    result = analyse_text(powhs, "Mr Hughes at PoW High, we sorted your car. Your turn next.")
    assert "threat" in categories(result)


# -- safeguarding narrowed: a school's child protection policy; the topics of a talk said after it --

def test_a_schools_child_protection_policy_is_not_safeguarding(analyse: Analyse) -> None:
    result = analyse("Keeping children safe at QEHS. Our Child Protection Policy, covering neglect, self-harm and "
                     "exploitation, is on the website. If a child is in immediate danger, dial 999.")
    assert "safeguarding" not in categories(result)


def test_the_topics_of_a_welsh_talk_said_after_it_are_not_safeguarding(powhs: Analyser) -> None:
    result = analyse_text(powhs, "Sgwrs gan yr heddlu i Flwyddyn 9 yn Ysgol Tywysog Cymru. Buon ni'n trafod "
                                 "meithrin perthynas amhriodol a sextortion.")
    assert "safeguarding" not in categories(result)


def test_a_child_telling_of_abuse_after_a_talk_is_still_safeguarding(powhs: Analyser) -> None:
    result = analyse_text(powhs, "After the talk at PoW High today a girl in year 9 told me her stepdad hits her "
                                 "every night")
    assert "safeguarding" in categories(result)
