"""v37: the wording the seventy-second independent set (indep72, opened for round 15) showed missing, each change with
its near miss. The texts are new; none is a gold item. The rules alone (the classifier is left out, see
conftest.py)."""

from __future__ import annotations

from nlp.analyse import Analyser
from tests.nlp.helpers import Analyse, analyse_text, categories


# -- the school as "y Frenhines": the word after the article of a school-led short name --

def test_welsh_in_the_queen_is_the_school(analyse: Analyse) -> None:
    result = analyse("mae 'na fachgen ym mlwyddyn 8 yn y Frenhines yn cael ei fwlio bob dydd a neb yn neud dim")
    assert result["relevant"] is True


def test_welsh_a_pupil_from_the_queen_is_at_the_school(analyse: Analyse) -> None:
    result = analyse("Osian Bowen o'r Frenhines yw'r boi mwya doniol yn y byd")
    assert result["relevant"] is True
    assert "pupil-0044" in {m["ref"] for m in result["mentions"]}


def test_welsh_a_message_from_the_queen_is_the_monarch(analyse: Analyse) -> None:
    assert analyse("Neges o'r Frenhines i'r genedl heno am 8")["relevant"] is False


# -- safeguarding: a stranger grabbing at children --

def test_a_man_trying_to_grab_a_pupil_is_safeguarding(powhs: Analyser) -> None:
    result = analyse_text(powhs, "Parents at PoW: a man in a silver car tried to grab a year 8 girl outside the gates "
                                  "this morning, police informed")
    assert "safeguarding" in categories(result)
    assert result["severity"] == "critical"


def test_a_player_trying_to_grab_a_pupil_in_a_match_is_not_safeguarding(powhs: Analyser) -> None:
    result = analyse_text(powhs, "Ref missed it in the match: their striker tried to grab a PoW year 9 lad by the "
                                  "shirt and the man in black saw nothing")
    assert "safeguarding" not in categories(result)
