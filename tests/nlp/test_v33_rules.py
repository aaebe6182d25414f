"""v33: two engine changes found by reading every critical item still missed across the opened sets (no new set
opened): the school's short name with a school word is the school when the rules find safeguarding aimed at it
(v8 allowed only a threat), and another school's town is known in its Welsh mutated forms ("o Benrith"). The
texts are new; none is a gold item. The rules alone (the classifier is left out, see conftest.py)."""

from __future__ import annotations

from nlp.analyse import Analyser
from tests.nlp.helpers import Analyse, categories


def test_the_short_name_with_a_year_group_and_a_man_luring_pupils_is_the_school(powhs: Analyser) -> None:
    result = powhs.analyse({"id": "t", "text": "Mums of Yr 9 at Prince of Wales: a man in a white van keeps offering "
                                               "the kids from my son's class free vapes near the gates. Anyone else?"})
    assert result["relevant"] is True
    assert "safeguarding" in categories(result)


def test_the_short_name_with_a_year_group_and_nothing_critical_is_not_the_school(powhs: Analyser) -> None:
    result = powhs.analyse({"id": "t", "text": "Prince of Wales Yr 9 trip to Chester was brilliant, the kids loved "
                                               "the zoo"})
    assert result["relevant"] is False


def test_another_schools_town_mutated_in_welsh_is_that_school(analyse: Analyse) -> None:
    result = analyse("Llongyfarchiadau i Queen Elizabeth High o Benrith ar ennill y gystadleuaeth robotiaid")
    assert result["relevant"] is False


def test_this_schools_town_mutated_in_welsh_is_still_this_school(analyse: Analyse) -> None:
    result = analyse("Llongyfarchiadau i Queen Elizabeth High o Gaerfyrddin ar ennill y gystadleuaeth robotiaid")
    assert result["relevant"] is True
