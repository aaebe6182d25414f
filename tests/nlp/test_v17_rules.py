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
    (patterns / "cues-narrowed.jsonl").write_text(
        '{"narrow": "safeguarding.grooming", "not_preceded_by": ["-"], "reason": "r"}\n', encoding="utf-8")
    files = ("cues-safeguarding-v2.jsonl", "cues-narrowed.jsonl")  # not the pipeline's list: load_cues is cached
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


# -- (round 2, indep42 opened: a month with a fight filmed and shared) critical: "not joking" is no negation, a verb
#    that starts with two capitals is no town, pictures asked for with nothing between, nobody would miss me and
#    "you're next" in Welsh, afraid to go to school, a home posted with a call to go round and a fist --

def test_not_joking_before_a_knife_is_no_negation(powhs: Analyser) -> None:
    result = analyse_text(powhs, "dim jocian dwi'n dod a cyllell i mewn i PoW High dydd llun")
    assert "threat" in categories(result)


def test_not_bringing_a_knife_is_still_negated(powhs: Analyser) -> None:
    result = analyse_text(powhs, "I'm not bringing a knife to PoW High monday, obviously")
    assert "threat" not in categories(result)


def test_a_welsh_verb_made_of_two_capitals_is_no_town(analyse: Analyse) -> None:
    result = analyse("Mae rhyw ddyn yn y comments ar fideo QE High yn DMio merched blwyddyn 8 yn gofyn am pics.")
    assert result["relevant"] is True
    assert "safeguarding" in categories(result)


def test_the_school_placed_in_another_welsh_town_is_still_another_school(analyse: Analyse) -> None:
    result = analyse("Mae QE High yn Abertawe wedi ennill y gystadleuaeth goginio eleni")
    assert result["relevant"] is False


def test_the_school_asking_for_pictures_of_an_event_is_not_safeguarding(analyse: Analyse) -> None:
    result = analyse("Ysgol y Frenhines Elisabeth yn gofyn am lluniau o ddisgo Blwyddyn 8 ar gyfer y cylchlythyr 📸")
    assert "safeguarding" not in categories(result)


def test_nobody_would_miss_me_in_welsh_is_safeguarding(powhs: Analyser) -> None:
    result = analyse_text(powhs, "ma Nia V-L di postio 'fasa neb yn miss fi' ar ei story, plis rhywun o PoW tsiecio hi")
    assert "safeguarding" in categories(result)


def test_a_child_afraid_to_go_to_school_and_not_eating_is_safeguarding(analyse: Analyse) -> None:
    result = analyse("Mae fy merch ym Mlwyddyn 9 yn QE. Mae ofn arni fynd i'r ysgol a prin ei bod hi wedi bwyta "
                     "ers dydd Llun.")
    assert "safeguarding" in categories(result)


def test_first_day_nerves_are_not_safeguarding(analyse: Analyse) -> None:
    result = analyse("My son was scared to go to school on his first day at QE High but he loved it 💚")
    assert "safeguarding" not in categories(result)


def test_youre_next_in_welsh_sent_to_a_pupil_is_a_threat(analyse: Analyse) -> None:
    result = analyse("Mae merch Blwyddyn 10 yn QE yn cael negeseuon 'ti nesa' o gyfrifon dieithr bob nos")
    assert "threat" in categories(result)


def test_next_in_the_queue_in_welsh_is_no_threat(analyse: Analyse) -> None:
    result = analyse("Noson agored QE: ti nesa yn y ciw am y gweithgareddau gwyddoniaeth!")
    assert "threat" not in categories(result)


def test_a_home_posted_with_a_call_to_go_round_and_a_fist_is_a_threat(powhs: Analyser) -> None:
    result = analyse_text(powhs, "Marc Ellis-Owen lives at 9 Example Road, Bangor LL57 9ZZ. Someone go round and "
                                 "have a word 👊")
    assert "threat" in categories(result)


def test_a_home_posted_with_a_call_to_go_round_and_thank_him_is_no_threat(powhs: Analyser) -> None:
    result = analyse_text(powhs, "Marc Ellis-Owen lives at 9 Example Road, Bangor LL57 9ZZ. Someone go round and "
                                 "thank him for the cake 🎂")
    assert "threat" not in categories(result)


# -- (round 2) not critical: harm let happen told after it, parents at a meeting, a wish that a pupil had been
#    expelled --

def test_asking_why_he_let_a_kid_get_battered_is_no_threat(analyse: Analyse) -> None:
    result = analyse("Ask Mr Beynon why he let a kid get battered on the QEHS field last week")
    assert "threat" not in categories(result)


def test_a_kid_who_is_going_to_get_battered_is_still_a_threat(analyse: Analyse) -> None:
    result = analyse("Cai Llewelyn from QEHS is gonna get battered after school tomorrow")
    assert "threat" in categories(result)


def test_parents_at_a_public_meeting_are_no_adult_contact(analyse: Analyse) -> None:
    result = analyse("Around 150 parents attended a meeting at Queen Elizabeth High School on Monday evening.")
    assert "safeguarding" not in categories(result)


def test_a_grown_man_meeting_year_8s_is_still_adult_contact(analyse: Analyse) -> None:
    result = analyse("A 40 year old man has been meeting year 8 girls from QE High behind the leisure centre")
    assert "safeguarding" in categories(result)


def test_a_wish_that_the_school_had_expelled_a_pupil_is_not_safeguarding(powhs: Analyser) -> None:
    result = analyse_text(powhs, "Mae Jac Pugh yn seico. Dylia PoW fod wedi'i daflu fo allan flynyddoedd yn ôl.")
    assert "safeguarding" not in categories(result)


def test_a_pupil_thrown_out_by_his_mum_is_still_safeguarding(powhs: Analyser) -> None:
    result = analyse_text(powhs, "Jac Pugh o PoW wedi cael ei daflu allan gan ei fam, mae o'n cysgu ar soffas ers wythnos")
    assert "safeguarding" in categories(result)


# -- (round 2) defamatory: a named teacher who stood by a fight, a named pupil who filmed it and sold it --

def test_a_named_teacher_who_watched_a_fight_and_did_nothing_is_defamatory(analyse: Analyse) -> None:
    result = analyse("The PE teacher at QEHS, Beynon, stood right there and watched the whole fight. Didn't lift "
                     "a finger.")
    assert "defamatory" in categories(result)


def test_a_named_teacher_egging_on_a_fight_in_welsh_is_defamatory(analyse: Analyse) -> None:
    result = analyse("Roedd Mr Beynon o QE yn sefyll yna'n chwerthin ac yn annog y bechgyn i ymladd.")
    assert "defamatory" in categories(result)


def test_a_named_teacher_who_watched_a_boxing_fight_is_not_defamatory(analyse: Analyse) -> None:
    result = analyse("Mr Beynon from QE watched the whole fight at the boxing club on Saturday, great night")
    assert "defamatory" not in categories(result)


def test_a_named_pupil_who_sold_the_video_of_a_fight_is_defamatory(analyse: Analyse) -> None:
    result = analyse("Lili Griffiths o QE gath hi £50 am werthu'r fideo o'r ffeit i ryw page")
    assert "defamatory" in categories(result)


def test_a_named_pupil_who_filmed_the_school_show_is_not_defamatory(analyse: Analyse) -> None:
    result = analyse("Lili Griffiths filmed the whole thing and posted it on the QE drama page, well done Lili!")
    assert "defamatory" not in categories(result)


# -- (round 2) names: a surname in l33t one letter off, the first part of a surname of two misspelt --

def test_a_surname_in_leet_one_letter_off_is_still_the_member_of_staff(powhs: Analyser) -> None:
    result = analyse_text(powhs, "someone should torch yr ysgol 'na efo pr1dd3rch dal yn ei swyddfa")
    assert refs(result, "staff") == ["pw-staff-01"]


def test_a_word_in_leet_one_letter_off_with_another_first_letter_is_no_name(powhs: Analyser) -> None:
    result = analyse_text(powhs, "someone should torch yr ysgol 'na efo gr1dd3rch dal yn ei swyddfa")
    assert refs(result, "staff") == []


def test_the_first_part_of_a_surname_of_two_misspelt_is_still_the_member_of_staff(powhs: Analyser) -> None:
    result = analyse_text(powhs, "Mr Elis-Owen at PoW High is the best coach we've had")
    assert refs(result, "staff") == ["pw-staff-05"]


def test_a_pupils_first_name_with_another_surname_is_not_the_member_of_staff(powhs: Analyser) -> None:
    result = analyse_text(powhs, "Elis Parry at PoW High scored the winner on Saturday")
    assert refs(result, "staff") == []


# -- (round 3, indep43 opened: a term of conversations) a man who tried to lure a pupil, words of care to someone
#    feared for, a Welsh "bag" that is no slur, a shout-out that is thanks, a police session for parents --

def test_a_man_who_tried_to_lure_a_pupil_in_welsh_news_is_safeguarding(analyse: Analyse) -> None:
    result = analyse("Mae'r heddlu'n apelio wedi i ddyn geisio denu disgybl o Ysgol y Frenhines Elisabeth, "
                     "Caerfyrddin, i'w fan ger y parc.")
    assert "safeguarding" in categories(result)


def test_a_team_trying_to_lure_a_coach_is_not_safeguarding(analyse: Analyse) -> None:
    result = analyse("Scarlets tried to lure Mr Beynon away from QE High to coach their academy, he said no")
    assert "safeguarding" not in categories(result)


def test_please_dont_do_anything_stupid_with_words_of_care_is_safeguarding(powhs: Analyser) -> None:
    result = analyse_text(powhs, "Elis Parry, plis paid â gwneud dim byd gwirion heno. Dim ots be ddeudon nhw "
                                 "amdana chdi yn Ysgol Tywysog Cymru, ti'n bwysig i ni gyd.")
    assert "safeguarding" in categories(result)


def test_dont_do_anything_stupid_before_a_match_is_not_safeguarding(powhs: Analyser) -> None:
    result = analyse_text(powhs, "Elis Parry, paid â gwneud dim byd gwirion yn y gêm heno, ti'n bwysig i'r tîm "
                                 "PoWHS ⚽")
    assert "safeguarding" not in categories(result)


def test_his_bag_in_welsh_is_no_slur(analyse: Analyse) -> None:
    result = analyse("Cai Llewelyn o QE ddygodd y ffonau. Gwelodd fy mab nhw yn ei fag e.")
    assert "harassment" not in categories(result)
    assert "defamatory" in categories(result)


def test_the_slur_itself_is_still_a_slur(analyse: Analyse) -> None:
    result = analyse("Cai Llewelyn from QE is a fag lol")
    assert "harassment" in categories(result)


def test_a_shout_out_to_a_teacher_for_sorting_a_mess_is_thanks(powhs: Analyser) -> None:
    result = analyse_text(powhs, "Shoutout i Ms Tudur am sortio llanast bws Bl 8 mewn diwrnod 👏 #PoWHS")
    assert "threat" not in categories(result)
    assert "disrepute" not in categories(result)


def test_a_police_session_for_parents_is_not_safeguarding(powhs: Analyser) -> None:
    result = analyse_text(powhs, "Bydd yr heddlu yn cynnal sesiwn diogelwch ar-lein i rieni yn Ysgol Tywysog Cymru "
                                 "nos Iau, yn ateb cwestiynau am ecsbloetio a meithrin perthynas amhriodol.")
    assert "safeguarding" not in categories(result)


# -- (round 3) defamatory in Welsh: stolen, smashed, caught smoking --

def test_a_named_pupil_who_stole_a_phone_in_welsh_is_defamatory(powhs: Analyser) -> None:
    result = analyse_text(powhs, "Carys Bebb nath ddwyn ffôn o'r stafell newid yn PoW ddoe, ma pawb yn gwbod")
    assert "defamatory" in categories(result)


def test_a_named_pupil_who_stole_the_show_is_not_defamatory(powhs: Analyser) -> None:
    result = analyse_text(powhs, "Carys Bebb nath ddwyn y sioe yn eisteddfod PoW neithiwr 👏")
    assert "defamatory" not in categories(result)


def test_a_named_teacher_caught_smoking_weed_is_defamatory(analyse: Analyse) -> None:
    result = analyse("miss jenkins o QE wedi cael ei dal yn smocio weed gyda'r chweched dosbarth lol")
    assert "defamatory" in categories(result)


def test_a_named_pupil_smashing_a_record_is_not_defamatory(powhs: Analyser) -> None:
    result = analyse_text(powhs, "Ffion Meredydd o PoW nath falu'r record sirol yn y 400m ddoe!")
    assert "defamatory" not in categories(result)


# -- (round 4, indep44 opened: the summer term) critical: a grade offered to stay behind with him, "do something to
#    myself" in Welsh, a teacher who touched a pupil's leg, heads held down the toilets, someone in a van filming
#    girls on sports day, a hospital trip planned, bleach in the water guns --

def test_a_grade_offered_to_stay_behind_with_him_is_safeguarding(analyse: Analyse) -> None:
    result = analyse("A supply teacher at QEHS told a yr 10 girl she'd 'get her grade' if she stayed behind with him "
                     "after the mock.")
    assert "safeguarding" in categories(result)


def test_pupils_staying_behind_for_a_revision_session_is_not_safeguarding(analyse: Analyse) -> None:
    result = analyse("Mr Beynon at QEHS said the yr 11s who stayed behind with him for the revision session "
                     "will get their grade, legend")
    assert "safeguarding" not in categories(result)


def test_doing_something_to_myself_in_welsh_is_safeguarding(analyse: Analyse) -> None:
    result = analyse("os dw i'n methu'r TGAU dwi'n mynd i neud rhywbeth i fy hun. QE wedi fy nhorri i")
    assert "safeguarding" in categories(result)


def test_doing_something_nice_for_myself_in_welsh_is_not_safeguarding(analyse: Analyse) -> None:
    result = analyse("Ar ôl yr arholiadau yn QE dwi'n mynd i brynu rhywbeth neis i fy hun 🛍️")
    assert "safeguarding" not in categories(result)


def test_a_teacher_who_touched_a_pupils_leg_in_welsh_is_safeguarding(powhs: Analyser) -> None:
    result = analyse_text(powhs, "Mr Hughes o PoW wedi cyffwrdd fy nghoes i yn yr arholiad a neb yn gwrando arna i")
    assert "safeguarding" in categories(result)


def test_a_teacher_who_touched_a_sprained_leg_is_not_safeguarding(powhs: Analyser) -> None:
    result = analyse_text(powhs, "Mr Ellis-Owen at PoW touched my leg to check the sprain and sent me to first aid")
    assert "safeguarding" not in categories(result)


def test_younger_pupils_heads_held_down_the_toilets_is_safeguarding(powhs: Analyser) -> None:
    result = analyse_text(powhs, "Year 10 lads at Prince of Wales High hold the Year 7s' heads down the toilets and "
                                 "film it")
    assert "safeguarding" in categories(result)


def test_someone_in_a_van_filming_girls_on_sports_day_is_safeguarding(analyse: Analyse) -> None:
    result = analyse("Whoever was in the silver van by the QE High field on sports day filming the girls: we've "
                     "got your reg and it's gone to the police.")
    assert "safeguarding" in categories(result)
    assert "threat" not in categories(result)


def test_a_parent_filming_the_girls_relay_on_sports_day_is_not_safeguarding(analyse: Analyse) -> None:
    result = analyse("Proud mum filming the girls' relay at QE High sports day 🏃‍♀️💚")
    assert "safeguarding" not in categories(result)


def test_a_teacher_to_be_given_a_hospital_trip_is_a_threat(powhs: Analyser) -> None:
    result = analyse_text(powhs, "some Year 11s at PoW High are planning to 'get' Mr E-O on the last day, he's "
                                 "getting a hospital trip")
    assert "threat" in categories(result)


def test_a_teacher_back_from_a_hospital_trip_is_no_threat(powhs: Analyser) -> None:
    result = analyse_text(powhs, "Mr Ellis-Owen is back at PoW after a hospital trip for his injured knee, get well "
                                 "soon sir")
    assert "threat" not in categories(result)


def test_bleach_in_the_water_guns_for_the_teachers_is_a_threat(powhs: Analyser) -> None:
    result = analyse_text(powhs, "leavers water fight at PoW High 😈 bleach in the water guns for the teachers")
    assert "threat" in categories(result)


# -- (round 4) not critical: money gone missing --

def test_money_missing_in_welsh_is_no_child_missing(analyse: Analyse) -> None:
    result = analyse("Cai Llewelyn oedd trysorydd cronfa'r lefars yn QE a mae £300 ar goll.")
    assert "safeguarding" not in categories(result)


def test_money_vanished_from_an_account_is_no_child_missing(powhs: Analyser) -> None:
    result = analyse_text(powhs, "Neb yn sôn bod £20k wedi diflannu o gyfrif y PTA yn Ysgol Tywysog Cymru.")
    assert "safeguarding" not in categories(result)
