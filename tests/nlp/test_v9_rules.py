"""v9: the wording the thirteenth independent set showed missing (threats, safeguarding, and the other four
categories), each rule with its near miss. The texts are new; none is a gold item."""

from __future__ import annotations

import pytest

from nlp.analyse import Analyser
from tests.nlp.helpers import Analyse, categories


def _cy(powhs: Analyser, text: str) -> set[str]:
    return categories(powhs.analyse({"id": "t", "text": text}))


# -- threats --

@pytest.mark.parametrize("text", [
    "someone needs to do mr beynon in, he's ruined qehs",
    "som1 should do that teacher in proper, mr beynon at qehs is a joke",
])
def test_a_call_to_do_someone_in_is_a_threat(analyse: Analyse, text: str) -> None:
    assert analyse(text)["severity"] == "critical"


@pytest.mark.parametrize("text", [
    "the year 11 mocks at qehs have done me in",
    "Mr Beynon at QEHS wants us to do them in pairs, the experiments I mean",
])
def test_being_worn_out_or_working_in_pairs_is_not_a_threat(analyse: Analyse, text: str) -> None:
    assert "threat" not in categories(analyse(text))


def test_a_beating_promised_in_the_car_park_is_a_threat(analyse: Analyse) -> None:
    result = analyse("a parent said he'd sort me out at the bus bays after the QEHS parents' evening")
    assert "threat" in categories(result)


def test_the_car_park_itself_needing_sorting_out_is_not_a_threat(analyse: Analyse) -> None:
    result = analyse("QEHS really need to sort out the car park at pick-up, it's chaos every day")
    assert "threat" not in categories(result)


def test_a_death_set_for_a_day_is_a_threat(analyse: Analyse) -> None:
    assert "threat" in categories(analyse("someone scrawled 'Pritchard dies monday' in the QEHS toilets"))


def test_a_phone_battery_dying_tomorrow_is_not_a_threat(analyse: Analyse) -> None:
    assert "threat" not in categories(analyse("my phone battery dies tomorrow lol, see u at qehs"))


# -- safeguarding --

def test_children_egging_each_other_on_to_starve_is_safeguarding(analyse: Analyse) -> None:
    result = analyse("half of year 8 at QEHS are in a thinspo chat, rating each other's weigh-ins")
    assert result["severity"] == "critical"


def test_a_lesson_on_pro_ana_sites_is_not_safeguarding(analyse: Analyse) -> None:
    result = analyse("Year 9 at QEHS had a PSHE lesson on pro-ana websites and how to report them")
    assert "safeguarding" not in categories(result)


def test_younger_girls_given_drink_by_older_lads_is_safeguarding(analyse: Analyse) -> None:
    result = analyse("yr13s at the QEHS prom afterparty were pouring drinks for the yr10 girls, someone was filming")
    assert "safeguarding" in categories(result)


def test_pupils_worn_out_on_the_coach_and_filmed_is_not_safeguarding(analyse: Analyse) -> None:
    result = analyse("the QEHS year 7s passed out on the coach home from the trip, filming it for the memories 😂")
    assert "safeguarding" not in categories(result)


def test_a_child_asked_for_pictures_without_his_shirt_is_safeguarding(analyse: Analyse) -> None:
    result = analyse("a man on snapchat keeps asking my son in year 8 at QEHS for pictures without his shirt")
    assert result["severity"] == "critical"


def test_a_child_asked_for_pictures_in_northern_welsh_with_money_is_safeguarding(powhs: Analyser) -> None:
    text = "Ma rhywun ar Discord yn gofyn am lunia gan hogia blwyddyn 7 Ysgol Tywysog Cymru ac yn cynnig pres"
    assert "safeguarding" in _cy(powhs, text)


def test_the_school_asking_for_sports_day_pictures_is_not_safeguarding(analyse: Analyse) -> None:
    result = analyse("The QEHS newsletter is asking for pictures of year 7 sports day, thanks to everyone who sent some")
    assert "safeguarding" not in categories(result)


def test_a_grown_man_collecting_a_young_girl_is_safeguarding(analyse: Analyse) -> None:
    result = analyse("some bloke keeps picking Lili Griffiths up after netball at QEHS, she's 13 and he must be 30")
    assert "safeguarding" in categories(result)


def test_a_parent_collecting_a_child_is_not_safeguarding(analyse: Analyse) -> None:
    result = analyse("my dad picks me up from QEHS every day, I'm 13 and still not allowed the bus")
    assert "safeguarding" not in categories(result)


# -- defamatory --

def test_a_pupil_named_as_the_one_robbing_is_defamatory(analyse: Analyse) -> None:
    result = analyse("Osian Bowen from QEHS is the one robbing phones from the changing rooms")
    assert "defamatory" in categories(result)


def test_a_pupil_named_as_the_one_taking_penalties_is_not_defamatory(analyse: Analyse) -> None:
    result = analyse("Osian Bowen from QEHS is the one taking the penalties in the cup match on Saturday")
    assert "defamatory" not in categories(result)


def test_records_destroyed_so_the_figures_look_good_in_welsh_is_defamatory(analyse: Analyse) -> None:
    result = analyse("Mae Mr Rees yn QEHS yn dileu'r adroddiadau bwlio er mwyn i'r ffigurau edrych yn well")
    assert "defamatory" in categories(result)


def test_bribes_alleged_as_fact_are_defamatory(analyse: Analyse) -> None:
    result = analyse("Mr Beynon picks the QEHS first team based on whose dad buys him drinks. That's corruption.")
    assert "defamatory" in categories(result)


def test_drinks_bought_at_a_leaving_do_are_not_defamatory(analyse: Analyse) -> None:
    result = analyse("we bought him drinks at Mr Beynon's leaving do from QEHS, thanks for everything sir")
    assert "defamatory" not in categories(result)


def test_drinking_at_work_told_as_seen_is_defamatory(analyse: Analyse) -> None:
    result = analyse("Mrs Howells at QEHS drinks in her car at lunch, I've seen her do it")
    assert "defamatory" in categories(result)


# -- harassment --

def test_a_teacher_filmed_crying_for_laughs_is_harassment(analyse: Analyse) -> None:
    assert "harassment" in categories(analyse("secretly filmed mr beynon crying in the qehs staff room 😂😂"))


def test_a_teacher_filmed_crying_at_a_kind_send_off_is_not_harassment(analyse: Analyse) -> None:
    result = analyse("filmed mr beynon crying at his QEHS leaving assembly, such a lovely send off, thank you sir ❤️")
    assert "harassment" not in categories(result)


def test_a_pupil_shown_to_all_to_be_picked_on_is_harassment(analyse: Analyse) -> None:
    result = analyse("Cai Llewelyn from QEHS is the one who grassed. now u all know what he looks like 📸")
    assert "harassment" in categories(result)


def test_a_pupil_shown_to_all_as_the_new_head_boy_is_not_harassment(analyse: Analyse) -> None:
    result = analyse("this is Cai Llewelyn, QEHS's new head boy, congratulations! now you all know what he looks like 📸")
    assert "harassment" not in categories(result)


def test_a_pupil_s_disability_mocked_is_harassment(analyse: Analyse) -> None:
    assert "harassment" in categories(analyse("cai from qehs with his stammer trying to read out loud 😂😂"))


def test_a_pupil_speaking_about_his_disability_is_not_harassment(analyse: Analyse) -> None:
    result = analyse("so proud of cai from qehs who spoke about his stammer in assembly today, brilliant")
    assert "harassment" not in categories(result)


# -- disrepute --

def test_pupils_records_let_out_by_the_school_is_disrepute(analyse: Analyse) -> None:
    result = analyse("QEHS emailed a spreadsheet of every pupil's exam results to all parents by mistake")
    assert "disrepute" in categories(result)


def test_pupils_learning_spreadsheets_is_not_disrepute(analyse: Analyse) -> None:
    assert "disrepute" not in categories(analyse("QEHS year 8 learnt to build a spreadsheet in IT this week"))


def test_staff_standing_by_in_a_fight_in_welsh_is_disrepute(analyse: Analyse) -> None:
    result = analyse("ffeit arall yn QEHS heddi a'r athrawon jyst yn sefyll 'na")
    assert "disrepute" in categories(result)


def test_a_teacher_asleep_in_the_exam_is_disrepute(analyse: Analyse) -> None:
    assert "disrepute" in categories(analyse("a teacher at QEHS was snoring in the exam hall during our mocks"))


def test_a_pupil_asleep_in_the_exam_is_not_disrepute(analyse: Analyse) -> None:
    assert "disrepute" not in categories(analyse("I was so tired I fell asleep in the exam at QEHS lol"))


def test_a_cash_grab_is_disrepute(analyse: Analyse) -> None:
    assert "disrepute" in categories(analyse("QEHS prom tickets are a pure money grab"))


def test_a_hostile_one_line_welsh_review_is_disrepute(analyse: Analyse) -> None:
    assert "disrepute" in categories(analyse("Fydden i ddim yn hala ci i Ysgol y Frenhines Elisabeth, bwlio ym mhob cornel"))


# -- who is named --

def test_a_welsh_surname_in_its_anglicised_spelling_after_a_title_is_the_person(powhs: Analyser) -> None:
    result = powhs.analyse({"id": "t", "text": "Mr Prytherch from PoW High gave a great assembly"})
    assert [m["ref"] for m in result["mentions"] if m["kind"] == "staff"] == ["pw-staff-01"]


def test_a_name_two_letters_away_after_a_title_is_still_not_the_person(powhs: Analyser) -> None:
    result = powhs.analyse({"id": "t", "text": "Mr Prythrech from PoW High gave a great assembly"})
    assert [m["ref"] for m in result["mentions"] if m["kind"] == "staff"] == []


def test_a_pupil_spoken_to_by_first_name_is_named_and_lets_the_lower_case_abbreviation_count(analyse: Analyse) -> None:
    result = analyse("meg u ok?? saw u crying by the qe lockers earlier, message me")
    assert result["relevant"] and [m["ref"] for m in result["mentions"] if m["kind"] == "pupil"] == ["pupil-0043"]


def test_a_short_first_name_not_spoken_to_is_not_the_pupil(analyse: Analyse) -> None:
    result = analyse("lili is a lovely name for a cat. #qehs")
    assert [m["ref"] for m in result["mentions"] if m["kind"] == "pupil"] == []


# -- round 2 (indep14 opened) --

def test_a_member_of_staff_s_children_brought_up_with_a_grievance_is_a_threat(analyse: Analyse) -> None:
    text = "Mr Beynon might want to think about his kids walking to school alone before he excludes my son again. QEHS"
    assert analyse(text)["severity"] == "critical"


def test_a_member_of_staff_s_children_and_a_flu_jab_is_not_a_threat(analyse: Analyse) -> None:
    text = "Mr Beynon might want to think about his kids' health and get them the flu jab, QEHS nurse says"
    assert "threat" not in categories(analyse(text))


def test_lying_in_wait_with_dropped_aitches_is_a_threat(analyse: Analyse) -> None:
    text = "tell miss jenkins me an the boys'll be waitin for 'er by the lay-by after school, QEHS can't help her"
    assert "threat" in categories(analyse(text))


def test_waiting_with_a_birthday_cake_is_not_a_threat(analyse: Analyse) -> None:
    text = "we'll be waiting for him by the gates after school with a cake for his birthday, QEHS staff surprise for Mr Beynon!"
    assert "threat" not in categories(analyse(text))


def test_a_fire_at_the_school_called_a_shame_is_a_threat(analyse: Analyse) -> None:
    text = "lovely school QEHS. be a shame if someone burned it down before the inspection. just saying"
    assert analyse(text)["severity"] == "critical"


def test_a_fire_long_ago_called_a_shame_is_not_a_threat(analyse: Analyse) -> None:
    assert "threat" not in categories(analyse("QEHS was a shame, the old block burned down in 1998 and nobody rebuilt it"))


def test_a_child_dragged_by_a_drunk_stepdad_is_safeguarding(analyse: Analyse) -> None:
    text = "saw Osian Bowen's stepdad at the QEHS gates again, steaming drunk, dragging him by the arm to the car"
    assert "safeguarding" in categories(analyse(text))


def test_a_child_dragged_to_a_trip_by_his_mum_is_not_safeguarding(analyse: Analyse) -> None:
    text = "Osian Bowen's mum dragging him by the arm to the QEHS bus, he didn't want to go on the trip lol"
    assert "safeguarding" not in categories(analyse(text))


def test_a_child_unable_to_go_home_to_a_drunk_in_southern_welsh_is_safeguarding(analyse: Analyse) -> None:
    assert "safeguarding" in categories(analyse("sai'n gallu mynd gartre heno, ma fe'n feddw 'to. plis paid gweud wrth neb yn QEHS"))


def test_unable_to_go_home_for_snow_is_not_safeguarding(analyse: Analyse) -> None:
    assert "safeguarding" not in categories(analyse("methu mynd adra heno, ma'r eira 'di cau'r ffordd o QEHS"))


def test_a_friend_s_welsh_plea_about_her_arms_is_safeguarding(analyse: Analyse) -> None:
    assert "safeguarding" in categories(analyse("Osian, paid â neud e 'to. weles i dy freichie di yn y stafell newid yn QEHS"))


def test_a_member_of_staff_going_out_with_a_pupil_in_welsh_is_safeguarding(analyse: Analyse) -> None:
    text = "Ma pawb yn gwbod bod Mr Beynon yn mynd allan efo hogan blwyddyn 11 o QEHS"
    assert analyse(text)["severity"] == "critical"


def test_a_member_of_staff_going_out_with_an_adult_is_not_safeguarding(analyse: Analyse) -> None:
    assert "safeguarding" not in categories(analyse("Mr Beynon from QEHS is going out with a new girlfriend, good for him"))


def test_a_post_written_in_l33t_names_the_school_cut_short_and_its_threat(analyse: Analyse) -> None:
    result = analyse("qu33n 3l1z h1gh g3t5 5h0t up 2m0rr0w, st4y h0m3")
    assert result["relevant"] and result["severity"] == "critical"


def test_a_school_name_cut_short_before_its_last_word_is_the_school(analyse: Analyse) -> None:
    assert analyse("queen eliz high is the best school in Carmarthen")["relevant"]


def test_school_years_are_not_read_as_l33t_in_a_post_written_in_l33t(analyser: Analyser) -> None:
    doc = analyser.doc({"id": "t", "text": "Y10s and Y11s and yr7s at QEHS g0nn4 st4y h0m3 2moro"})
    assert [t.norm_ for t in doc if t.text[:1] in "Yy"] == ["y10s", "y11s", "yr7s"]
    assert "gonna" in [t.norm_ for t in doc]


def test_a_campaign_hashtag_of_a_staff_alias_names_the_person(powhs: Analyser) -> None:
    result = powhs.analyse({"id": "t", "text": "#sackmrEO the man screams at year 7s and calls them useless"})
    assert [m["ref"] for m in result["mentions"]] == ["pw-staff-05"]


def test_a_girl_called_the_school_bike_is_harassment(analyse: Analyse) -> None:
    assert "harassment" in categories(analyse("megan t-p is the qe bike, ask literally anyone in yr 11"))


def test_a_pupil_who_lent_a_bike_is_not_harassment(analyse: Analyse) -> None:
    assert "harassment" not in categories(analyse("Megan Thomas-Price from QEHS is the one who lent me her bike, legend"))


def test_pupils_medical_notes_emailed_to_every_parent_is_disrepute(analyse: Analyse) -> None:
    text = "Unbelievable. QEHS has just emailed every Year 9 parent a spreadsheet with every child's medical notes."
    assert "disrepute" in categories(analyse(text))


def test_a_pupil_s_first_name_with_a_possessive_s_and_no_apostrophe_is_the_pupil(analyse: Analyse) -> None:
    result = analyse("Megans mum at QEHS is lovely")
    assert [m["ref"] for m in result["mentions"] if m["kind"] == "pupil"] == ["pupil-0043"]


def test_an_uncommon_staff_surname_with_a_possessive_s_and_no_apostrophe_is_the_person(powhs: Analyser) -> None:
    result = powhs.analyse({"id": "t", "text": "someone put a brick thru prydderchs car windscreen, pow high deserves it"})
    assert [m["ref"] for m in result["mentions"] if m["kind"] == "staff"] == ["pw-staff-01"]


@pytest.mark.parametrize("text", [
    "Ma pennaeth yr adran wyddoniaeth yn Ysgol y Frenhines Elisabeth yn wych",
    "@qehs_example diolch i bennaeth gwyddoniaeth chi am y noson agored",
])
def test_the_head_of_a_subject_named_in_welsh_is_that_member_of_staff(analyse: Analyse, text: str) -> None:
    assert [m["ref"] for m in analyse(text)["mentions"] if m["kind"] == "staff"] == ["staff-003"]


def test_the_head_of_a_subject_the_profile_does_not_name_is_nobody(analyse: Analyse) -> None:
    result = analyse("Ma pennaeth yr adran hanes yn Ysgol y Frenhines Elisabeth yn wych")
    assert [m["ref"] for m in result["mentions"] if m["kind"] == "staff"] == []
