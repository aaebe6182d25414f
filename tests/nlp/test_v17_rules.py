"""v17: the wording the forty-first independent set (indep41, opened: a typical month as a monitor collects it) showed
missing or wrongly flagged, each rule with its near miss. The texts are new; none is a gold item. The rules alone (the
classifier is left out, see conftest.py)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from nlp.analyse import Analyser
from nlp.lexicon import PATTERNS_DIR, PatternFileError, load_cues
from nlp.pipeline import build_pipeline
from repmon.profile import Profile
from tests.nlp.helpers import Analyse, analyse_text, categories, refs


# -- critical: girls kept behind where they change, a child used by dealers; a child's age is no older man --

def test_a_teacher_who_stays_while_the_girls_get_changed_is_safeguarding(powhs: Analyser) -> None:
    result = analyse_text(powhs, "Mr Ellis-Owen makes the Y8 girls stay behind after hockey and won't leave the "
                                 "changing room while they get changed. Not right #PoWHS")
    assert "safeguarding" in categories(result)


def test_girls_staying_behind_to_tidy_the_changing_room_is_not_safeguarding(powhs: Analyser) -> None:
    result = analyse_text(powhs, "Mr Ellis-Owen thanked the Y8 girls who stayed behind after hockey to tidy the "
                                 "changing room #PoWHS")
    assert "safeguarding" not in categories(result)


def test_a_pupil_used_by_dealers_is_safeguarding_in_welsh(powhs: Analyser) -> None:
    result = analyse_text(powhs, "Mae Elis Parry o PoWHS yn cael ei ddefnyddio gan ddelwyr yn y dre, a fo ond yn 12.")
    assert "safeguarding" in categories(result)


def test_a_pupil_used_by_dealers_is_safeguarding_in_english(analyse: Analyse) -> None:
    result = analyse("Cai Llewelyn from QE is being used by dealers in town to run for them and he's only 13")
    assert "safeguarding" in categories(result)


def test_a_talk_on_how_dealers_use_children_is_not_safeguarding(analyse: Analyse) -> None:
    result = analyse("Year 9 at QE had a talk on county lines today: how children are used by dealers and where to "
                     "get help")
    assert "safeguarding" not in categories(result)


def test_a_boy_arrested_for_a_threatening_message_is_no_older_man_grooming(analyse: Analyse) -> None:
    result = analyse("A 14-year-old boy has been arrested after a message threatening pupils at Queen Elizabeth High "
                     "School, Carmarthen was posted online.")
    assert "safeguarding" not in categories(result)


def test_an_older_man_messaging_a_girl_is_still_grooming(analyse: Analyse) -> None:
    result = analyse("An older man has been messaging a Year 9 girl from QE High on snap, her mum has told the police")
    assert "safeguarding" in categories(result)


# -- not critical: where a woman "should be" is no lying in wait; lost property is no child missing;
#    a safety day's topics in a sentence of their own --

def test_should_be_at_home_baking_is_sexist_abuse_not_a_threat(powhs: Analyser) -> None:
    result = analyse_text(powhs, "Eleri Davies should be at home baking, not running PoW High. Silly hormonal woman")
    assert "threat" not in categories(result)
    assert "harassment" in categories(result)


def test_we_will_be_at_her_home_tonight_is_still_lying_in_wait(powhs: Analyser) -> None:
    result = analyse_text(powhs, "Eleri Davies from PoW High, we'll be at your home tonight, lock the doors")
    assert "threat" in categories(result)


def test_a_lost_hoodie_in_welsh_is_not_safeguarding(analyse: Analyse) -> None:
    result = analyse("Ar goll: hwdi QE du, enw tu mewn, gadawyd ar y bws i Gydweli ddydd Llun. Diolch!")
    assert "safeguarding" not in categories(result)


def test_a_pupil_who_has_gone_missing_in_welsh_is_still_safeguarding(analyse: Analyse) -> None:
    result = analyse("Lili Griffiths o QE ar goll ers neithiwr, plis rhannwch")
    assert "safeguarding" in categories(result)


def test_a_safety_days_topics_in_their_own_sentence_are_not_safeguarding(powhs: Analyser) -> None:
    result = analyse_text(powhs, "Pupils at Prince of Wales High School in Bangor had an online safety day covering "
                                 "sextortion, scams and how to report worries. Parents are invited to an evening too.")
    assert "safeguarding" not in categories(result)


def test_a_teacher_who_explained_the_signs_of_grooming_is_not_safeguarding(powhs: Analyser) -> None:
    result = analyse_text(powhs, "Great parents' evening at PoWHS. Mrs Davies explained the signs of online grooming "
                                 "really clearly.")
    assert "safeguarding" not in categories(result)


# -- personal details: a date of birth a few words on --

def test_a_date_of_birth_a_few_words_on_in_welsh_is_identifying(analyse: Analyse) -> None:
    result = analyse("Ffeindies i ddyddiad geni Mrs Pritchard ar ei hen gyfrif Insta: 12/09/1979 lol")
    assert "identifying" in categories(result)


def test_a_date_of_birth_a_few_words_on_in_english_is_identifying(analyse: Analyse) -> None:
    result = analyse("Mr Beynon's date of birth, off his old Facebook, is 21.06.1984 #qehs")
    assert "identifying" in categories(result)


def test_a_birthday_party_date_is_not_a_date_of_birth(analyse: Analyse) -> None:
    result = analyse("Mr Beynon's birthday do at the rugby club was great. QE staff quiz next on 21/06/2026")
    assert "identifying" not in categories(result)


# -- disrepute: results down, fights again, reports to the wrong family, a school not honest, staff cuts,
#    a review's low mark; both kinds of review --

def test_results_down_again_in_welsh_is_disrepute(analyse: Analyse) -> None:
    result = analyse("Canlyniadau Lefel A Ysgol y Frenhines Elisabeth wedi mynd lawr eto eleni. Beth sy'n digwydd yna?")
    assert "disrepute" in categories(result)


def test_results_up_again_is_not_disrepute(analyse: Analyse) -> None:
    result = analyse("QE's GCSE results have gone up again this year, well done everyone")
    assert "disrepute" not in categories(result)


def test_another_fight_outside_the_gates_is_disrepute(powhs: Analyser) -> None:
    result = analyse_text(powhs, "another fight outside PoWHS gates after school, police there again 🚓")
    assert "disrepute" in categories(result)


def test_another_fight_on_the_boxing_card_is_not_disrepute(powhs: Analyser) -> None:
    result = analyse_text(powhs, "Another fight night for PoWHS old boys at the boxing club, good luck lads")
    assert "disrepute" not in categories(result)


def test_reports_sent_with_the_wrong_names_are_disrepute(powhs: Analyser) -> None:
    result = analyse_text(powhs, "PoWHS wedi gyrru adroddiadau efo'r enwau anghywir i hanner Blwyddyn 9 🤦‍♀️")
    assert "disrepute" in categories(result)


def test_a_school_told_to_be_honest_with_parents_is_disrepute(analyse: Analyse) -> None:
    result = analyse("Mae Ysgol y Frenhines Elisabeth yng Nghaerfyrddin yn dweud un peth ac yn gwneud y llall. Mae'n bryd "
                     "i'r ysgol fod yn onest gyda rhieni.")
    assert "disrepute" in categories(result)


def test_staff_cuts_at_the_school_are_disrepute(powhs: Analyser) -> None:
    result = analyse_text(powhs, "Rhieni'n poeni am doriadau staff yn Ysgol Tywysog Cymru o fis Medi.")
    assert "disrepute" in categories(result)


def test_staff_cuts_at_the_council_are_not_the_schools(powhs: Analyser) -> None:
    result = analyse_text(powhs, "The council has announced staff cuts in its leisure centres across Gwynedd.")
    assert "disrepute" not in categories(result)


def test_a_review_that_opens_with_one_out_of_five_is_disrepute(analyse: Analyse) -> None:
    result = analyse("1/5. Queen Elizabeth High in Carmarthen never answers an email.")
    assert "disrepute" in categories(result)


def test_reviews_of_both_kinds_asked_about_are_not_disrepute(analyse: Analyse) -> None:
    result = analyse("Moving to Carmarthen. Honest opinions on Queen Elizabeth High? The reviews are all either 1 star "
                     "or 5 stars.")
    assert "disrepute" not in categories(result)


def test_a_one_star_review_is_still_disrepute(analyse: Analyse) -> None:
    result = analyse("1 star. Queen Elizabeth High in Carmarthen lost my son's coursework and shrugged.")
    assert "disrepute" in categories(result)


# -- relevance: a teacher of the same name retiring from a primary school --

def test_a_teacher_of_that_name_at_a_welsh_primary_school_is_someone_else(analyse: Analyse) -> None:
    result = analyse("Pob lwc i Mrs Pritchard sy'n ymddeol o Ysgol Gynradd y Waun ar ôl 25 mlynedd 💐")
    assert result["relevant"] is False
    assert refs(result, "staff") == []


def test_a_teacher_addressed_without_another_school_is_still_the_schools(analyse: Analyse) -> None:
    result = analyse("Pob lwc i Mrs Pritchard sy'n ymddeol ar ôl 25 mlynedd o ddysgu gwyddoniaeth 💐")
    assert result["relevant"] is True


# -- a narrowing line may add words a rule's match may not follow --

def test_a_narrowing_line_adds_words_the_match_may_not_follow(tmp_path: Path) -> None:
    patterns = tmp_path / "patterns"
    shutil.copytree(PATTERNS_DIR, patterns)
    files = ("cues-safeguarding-v2.jsonl", "cues-safeguarding-v17.jsonl")  # not the pipeline's list: load_cues is cached
    rules = {r.id: r for r in load_cues(files, str(patterns))}
    assert "-" in rules["safeguarding.grooming"].not_preceded_by
    assert rules["safeguarding.grooming"].needs == () and rules["safeguarding.grooming"].unless == ()


def test_a_narrowing_line_with_a_bad_word_list_names_the_file_and_field(example_profile: Profile,
                                                                          tmp_path: Path) -> None:
    patterns = tmp_path / "patterns"
    shutil.copytree(PATTERNS_DIR, patterns)
    with (patterns / "cues-threat-v17.jsonl").open("a", encoding="utf-8") as handle:
        handle.write('{"narrow": "threat.v3.waiting", "not_preceded_by": "not", "reason": "r"}\n')
    with pytest.raises(PatternFileError, match=r"cues-threat-v17\.jsonl:\d+: 'not_preceded_by' must be a list"):
        build_pipeline(example_profile, patterns_dir=str(patterns))
