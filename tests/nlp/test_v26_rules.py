"""v26: the wording the sixty-first independent set (indep61, opened for round 5: no single theme) showed missing or
wrongly flagged, each change with its near miss. The texts are new; none is a gold item. The rules alone (the
classifier is left out, see conftest.py)."""

from __future__ import annotations

from nlp.analyse import Analyser
from tests.nlp.helpers import Analyse, analyse_text, categories


# -- who is named: the short name in lower case beside a school word; a form or class as a setting --

def test_the_lower_case_abbreviation_after_a_sentence_about_school_is_the_school(analyse: Analyse) -> None:
    result = analyse("swallowed a load of pills before school. qe is hell anyway, wont be back")
    assert result["relevant"] is True
    assert result["severity"] == "critical"


def test_the_lower_case_abbreviation_with_no_school_word_near_is_not_the_school(analyse: Analyse) -> None:
    result = analyse("the bank did more qe last year. inflation is hell anyway. rates up again")
    assert result["relevant"] is False


def test_a_friend_in_my_form_at_the_schools_short_name_is_at_the_school(powhs: Analyser) -> None:
    result = analyse_text(powhs, "my mate told me her mum's boyfriend hurts her and she's scared to go home. she's "
                                 "in my form at prince of wales, what do i do")
    assert result["relevant"] is True
    assert "safeguarding" in categories(result)


def test_the_prince_of_wales_visiting_with_no_school_setting_is_not_the_school(powhs: Analyser) -> None:
    result = analyse_text(powhs, "Huge crowds in Caernarfon as the Prince of Wales met my form teacher's mum at the castle")
    assert result["relevant"] is False


# -- someone else of the name: called to the Bar; a teacher at a primary elsewhere --

def test_a_pupils_namesake_called_to_the_bar_is_someone_else(powhs: Analyser) -> None:
    result = analyse_text(powhs, "So proud of Elis Parry, called to the Bar today after six years of study since "
                                 "school! 🎉")
    assert result["relevant"] is False


def test_a_teacher_at_my_kids_primary_in_another_town_is_someone_else(analyse: Analyse) -> None:
    result = analyse("Mrs P at my kids' primary in Swansea is leaving at Christmas, we'll miss her")
    assert result["relevant"] is False


def test_mrs_p_at_the_school_is_still_the_teacher(analyse: Analyse) -> None:
    result = analyse("Mrs P at QE High gave my son a detention for no reason again")
    assert result["relevant"] is True


# -- threat narrowed: a jibe, not a threat to someone's home --

def test_keep_your_back_to_the_wall_is_not_a_threat(powhs: Analyser) -> None:
    result = analyse_text(powhs, "imagine getting changed for PE with Mr Ellis-Owen watching, keep ur back to the wall "
                                 "boys")
    assert "threat" not in categories(result)


def test_keep_your_kids_indoors_this_week_is_still_a_threat(powhs: Analyser) -> None:
    result = analyse_text(powhs, "Mr Ellis-Owen from PoW High, keep your kids close this week. We know where you live.")
    assert "threat" in categories(result)
