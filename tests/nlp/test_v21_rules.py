"""v21: the wording the fifty-fourth independent set (indep54, opened for round 1: no single theme) showed missing or
wrongly flagged, each rule with its near miss. The texts are new; none is a gold item. The rules alone (the
classifier is left out, see conftest.py)."""

from __future__ import annotations

from nlp.analyse import Analyser
from tests.nlp.helpers import Analyse, analyse_text, categories


# -- threat: a home exposed with a call to go round and pay the person back --

def test_a_home_with_a_call_to_go_round_and_pay_her_back_is_a_threat(analyse: Analyse) -> None:
    result = analyse("Mrs Pritchard from QEHS lives at 12 Heol y Dderwen, Carmarthen SA31. Somebody should go round "
                     "and give her a lesson of her own")
    assert "threat" in categories(result)


def test_a_home_with_a_call_to_go_round_and_complain_is_not_a_threat(analyse: Analyse) -> None:
    result = analyse("Mrs Pritchard from QEHS lives at 12 Heol y Dderwen, Carmarthen SA31. Somebody should go round "
                     "and complain to her face")
    assert "threat" not in categories(result)


def test_knocking_on_her_door_to_see_how_she_likes_it_is_not_a_threat(analyse: Analyse) -> None:
    result = analyse("Mrs Pritchard from QEHS lives at 12 Heol y Dderwen, Carmarthen SA31. Ring her at midnight, "
                     "knock on her door, see how she likes it")
    assert "threat" not in categories(result)


# -- false critical flags: a published policy, a rumour put right --

def test_a_published_self_harm_prevention_policy_is_not_safeguarding(powhs: Analyser) -> None:
    result = analyse_text(powhs, "Prince of Wales High has published its self-harm prevention policy. It explains how "
                                 "staff respond if a pupil discloses self-harm or suicidal thoughts")
    assert "safeguarding" not in categories(result)


def test_a_disclosure_beside_a_policy_called_a_joke_is_still_safeguarding(powhs: Analyser) -> None:
    result = analyse_text(powhs, "Prince of Wales High's new self-harm policy is a joke, my daughter told them she's "
                                 "been cutting herself and nobody rang me")
    assert "safeguarding" in categories(result)


def test_a_rumour_about_a_stabbing_put_right_is_not_a_threat(powhs: Analyser) -> None:
    result = analyse_text(powhs, "The rumour about a stabbing at Prince of Wales High is rubbish, a Year 9 got a "
                                 "scratch from a ruler and the school has dealt with it")
    assert "threat" not in categories(result)


def test_a_knife_promised_after_a_rumour_is_still_a_threat(powhs: Analyser) -> None:
    result = analyse_text(powhs, "Rumour about a stabbing at Prince of Wales High? No rumour. I'm bringing a knife "
                                 "on Monday for Elis Parry")
    assert "threat" in categories(result)
