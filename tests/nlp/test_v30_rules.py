"""v30: the wording the sixty-fifth independent set (indep65, opened for round 9) showed missing, each change with its
near miss, and disrepute from a sure classifier on a complaint put without a word of complaint. The texts are new;
none is a gold item. The rules alone (the classifier is left out, see conftest.py) unless a test sets a stand-in."""

from __future__ import annotations

import pytest

from nlp.analyse import Analyser
from tests.nlp.helpers import categories, judged_with


# -- disrepute: the classifier alone, sure enough, on a plain complaint --

@pytest.fixture(scope="module")
def with_classifier(example_profile: object) -> Analyser:
    return Analyser(example_profile, textcat=True)  # type: ignore[arg-type]


PLAIN = "QE High's minibus left the Year 8s at the leisure centre AGAIN. An hour in the rain. Sort it out."


def test_a_sure_classifier_calls_a_plain_complaint_disrepute(with_classifier: Analyser) -> None:
    assert "disrepute" in judged_with(with_classifier, {"disrepute": 0.85}, PLAIN)


def test_an_unsure_classifier_does_not_call_a_plain_complaint_disrepute(with_classifier: Analyser) -> None:
    assert "disrepute" not in judged_with(with_classifier, {"disrepute": 0.75}, PLAIN)


# -- threat: Welsh "he's getting a beating" --

def test_welsh_he_is_getting_stuffed_if_he_shows_his_face_is_a_threat(powhs: Analyser) -> None:
    result = powhs.analyse({"id": "t", "text": "Os ydi Gethin ap Rhys yn meiddio dod i Dywysog Cymru fory mae o'n "
                                               "cael ei stido, dwi'n deud wrthach chi."})
    assert "threat" in categories(result)
    assert result["severity"] == "critical"


def test_welsh_getting_a_hiding_from_someone_is_not_a_threat(powhs: Analyser) -> None:
    result = powhs.analyse({"id": "t", "text": "Gethin ap Rhys o Dywysog Cymru: dwi'n meddwl bod o'n cael cweir gan ei "
                                               "dad bob nos."})
    assert "threat" not in categories(result)


def test_a_team_getting_a_hiding_in_a_match_is_not_a_threat(powhs: Analyser) -> None:
    result = powhs.analyse({"id": "t", "text": "Tîm rygbi Tywysog Cymru: mae o'n cael crasfa bob wythnos yn y gêm, "
                                               "Gethin ap Rhys druan."})
    assert "threat" not in categories(result)


def test_a_turkey_being_stuffed_is_not_a_threat(powhs: Analyser) -> None:
    result = powhs.analyse({"id": "t", "text": "Cinio Nadolig Tywysog Cymru: mae'r twrci'n cael ei stwffio fory."})
    assert "threat" not in categories(result)


# -- who is meant: "school" misspelt, pointing at the school in a profile place --

def test_that_scool_in_a_profile_place_is_the_school(powhs: Analyser) -> None:
    result = powhs.analyse({"id": "t", "text": "wer gonna sort out that skool up penrhosgarnedd, evry1 there deserves "
                                               "wot there gonna get"})
    assert result["relevant"] is True


def test_that_scool_in_a_decoy_place_is_not_the_school(powhs: Analyser) -> None:
    result = powhs.analyse({"id": "t", "text": "wer gonna sort out that skool up in Newtownards, evry1 there deserves "
                                               "wot there gonna get"})
    assert result["relevant"] is False
