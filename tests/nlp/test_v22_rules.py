"""v22: the wording the fifty-seventh independent set (indep57, opened for round 1: no single theme) showed missing or
wrongly flagged, each rule with its near miss. The texts are new; none is a gold item. The rules alone (the
classifier is left out, see conftest.py)."""

from __future__ import annotations

from pathlib import Path

import pytest

from nlp.analyse import Analyser
from nlp.lexicon import PatternFileError, load_cues
from tests.nlp.helpers import Analyse, analyse_text, categories, flags_of


# -- threat: a pupil's home pointed out with a call to go round and a fist --

def test_a_home_above_a_shop_with_a_call_to_have_a_word_and_a_fist_is_a_threat(analyse: Analyse) -> None:
    result = analyse("That's the QEHS lad who posted the video: Cai Llewelyn, lives above the launderette on Lammas "
                     "Street. Someone go and have a word 👊")
    assert "threat" in categories(result)
    assert result["severity"] == "critical"


def test_a_home_above_a_shop_is_identifying(analyse: Analyse) -> None:
    result = analyse("Cai Llewelyn from QEHS lives above the launderette on Lammas Street, if anyone wants to return "
                     "his coat")
    assert "home pointed out" in flags_of(result, "identifying")[0]["reason"]


def test_living_near_the_school_points_out_no_home(analyse: Analyse) -> None:
    result = analyse("Cai Llewelyn from QEHS lives near the school, so he walks in every morning")
    assert all("home pointed out" not in f["reason"] for f in flags_of(result, "identifying"))


# -- safeguarding: a member of staff said to have hurt a child, or contacting a pupil with compliments --

def test_a_teacher_grabbing_a_boy_by_the_throat_is_safeguarding(analyse: Analyse) -> None:
    result = analyse("Mr Beynon at QEHS grabbed a Year 9 boy by the throat in the changing rooms and pinned him "
                     "against the wall. Nobody has done anything")
    assert "safeguarding" in categories(result)
    assert result["severity"] == "critical"


def test_a_rugby_tackle_round_the_neck_is_not_safeguarding(analyse: Analyse) -> None:
    result = analyse("Great rugby match for QEHS today, Mr Beynon's Year 9 boys won 24-10 even after their captain "
                     "was tackled by the neck twice")
    assert "safeguarding" not in categories(result)


def test_a_teacher_messaging_a_pupil_that_she_looked_good_is_safeguarding(analyse: Analyse) -> None:
    result = analyse("mr b from qehs keeps liking all my old pics and dmd me 'you looked good at netball today' "
                     "is that normal??")
    assert "safeguarding" in categories(result)


def test_a_teacher_messaging_a_pupil_about_coursework_is_not_safeguarding(analyse: Analyse) -> None:
    result = analyse("Mr Beynon from QEHS messaged me on Teams to say my coursework is due Friday, is that normal?")
    assert "safeguarding" not in categories(result)


# -- false critical flags: a family moving to the area, a prison sentence --

def test_a_family_saying_they_are_coming_from_another_city_is_not_a_threat(powhs: Analyser) -> None:
    result = analyse_text(powhs, "Thoughts on Prince of Wales High? We're coming from Leeds in August and our son "
                                 "is going into Year 8")
    assert "threat" not in categories(result)


def test_we_are_coming_tomorrow_is_still_a_threat(powhs: Analyser) -> None:
    result = analyse_text(powhs, "Mr Hughes at Prince of Wales High, we're coming tomorrow")  # (only v3's words)
    assert "threat" in categories(result)


def test_a_man_jailed_for_eighteen_months_is_not_a_partners_age(powhs: Analyser) -> None:
    result = analyse_text(powhs, "A man has been jailed for 18 months for a break-in at Prince of Wales High School, "
                                 "the court heard")
    assert "safeguarding" not in categories(result)


# -- a school's own safeguarding page --

def test_a_schools_safeguarding_page_listing_what_to_report_is_not_safeguarding(analyse: Analyse) -> None:
    result = analyse("QEHS Safeguarding and Child Protection. If you are worried that a child may be at risk of "
                     "abuse, neglect, self-harm or exploitation, please contact our Designated Safeguarding Lead")
    assert "safeguarding" not in categories(result)


def test_a_disclosure_after_the_schools_advice_is_still_safeguarding(analyse: Analyse) -> None:
    result = analyse("QEHS says if you are worried that a child may be at risk you should contact the DSL. I did. "
                     "My son told them he has been cutting himself and nobody rang me back")
    assert "safeguarding" in categories(result)


# -- the pattern files: a narrow line may add words the match may not come before --

def test_a_narrow_line_adds_words_a_match_may_not_come_before(tmp_path: Path) -> None:
    (tmp_path / "a.jsonl").write_text('{"id": "t.one", "category": "threat", "score": 0.5, "reason": "r", '
                                      '"phrases": ["we are coming"], "not_followed_by": ["home"]}\n'
                                      '{"narrow": "t.one", "not_followed_by": ["From"], "reason": "moving house"}\n',
                                      encoding="utf-8")
    (rule,) = load_cues(("a.jsonl",), str(tmp_path))
    assert rule.not_followed_by == {"home", "from"}


def test_a_narrow_line_with_a_word_that_is_not_a_list_names_the_key(tmp_path: Path) -> None:
    (tmp_path / "a.jsonl").write_text('{"id": "t.one", "category": "threat", "score": 0.5, "reason": "r", '
                                      '"phrases": ["we are coming"]}\n'
                                      '{"narrow": "t.one", "not_followed_by": "from", "reason": "moving house"}\n',
                                      encoding="utf-8")
    with pytest.raises(PatternFileError, match="'not_followed_by' must be a list"):
        load_cues(("a.jsonl",), str(tmp_path))
