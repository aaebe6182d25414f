"""v29: the wording the sixty-fourth independent set (indep64, opened for round 8: no single theme) showed missing or
wrongly flagged, each change with its near miss. The texts are new; none is a gold item. The rules alone (the
classifier is left out, see conftest.py)."""

from __future__ import annotations

from nlp.analyse import Analyser
from tests.nlp.helpers import Analyse, analyse_text, categories, refs


# -- who is named: a middle name misspelt one letter out after a title --

def test_a_misspelt_middle_name_after_a_title_is_the_teacher(powhs: Analyser) -> None:
    result = analyse_text(powhs, "Mrs Wynn Davies is useless, three emails and not one reply")
    assert refs(result, "staff") == ["pw-staff-02"]
    assert result["relevant"] is True


def test_a_name_two_letters_out_is_not_the_teacher(powhs: Analyser) -> None:
    result = analyse_text(powhs, "Mrs Gwynne Davies is useless, three emails and not one reply")
    assert refs(result, "staff") == []


# -- threat narrowed: an address in lost property; an agency coming round; a writer's own goodbye --

def test_a_lost_purse_with_her_address_in_is_not_a_threat(analyse: Analyse) -> None:
    result = analyse("Megan Thomas-Price from QE left her bag on the 128 bus, it's got her address in and her phone")
    assert "threat" not in categories(result)


def test_we_have_got_her_address_is_still_a_threat(analyse: Analyse) -> None:
    result = analyse("Megan Thomas-Price from QE thinks she's safe. We've got her address now.")
    assert "threat" in categories(result)


def test_the_police_coming_round_is_not_a_threat(analyse: Analyse) -> None:
    result = analyse("year 10 at QEHS. my dad hits me but i dont want the police coming round and making it worse")
    assert "threat" not in categories(result)
    assert "safeguarding" in categories(result)


def test_we_are_coming_round_is_still_a_threat(analyse: Analyse) -> None:
    result = analyse("Mr Rees at QEHS, we know where you live and we're coming round tonight")
    assert "threat" in categories(result)


def test_letters_for_everyone_beside_they_will_find_them_is_not_a_threat(analyse: Analyse) -> None:
    result = analyse("Year 11 at QE High has been too much. I've written letters for everyone and left them in my "
                     "desk, they'll find them eventually.")
    assert "threat" not in categories(result)


# -- safeguarding narrowed: others too scared of a parent to act --

def test_teachers_too_scared_of_his_dad_is_not_a_child_in_fear(analyse: Analyse) -> None:
    result = analyse("Cai Llewelyn runs riot at QEHS and the staff are too scared of his dad to exclude him")
    assert "safeguarding" not in categories(result)


def test_a_boy_scared_of_his_dad_is_still_safeguarding(analyse: Analyse) -> None:
    result = analyse("Cai Llewelyn at QEHS is scared of his dad and comes in with bruises on his arms")
    assert "safeguarding" in categories(result)
