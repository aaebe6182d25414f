"""v10: the wording the fifteenth independent set showed missing, each rule with its near miss. The texts are new;
none is a gold item. The rules alone (the classifier is left out, see conftest.py)."""

from __future__ import annotations

import pytest

from nlp.analyse import Analyser
from tests.nlp.helpers import Analyse, analyse_text as _powhs, categories, refs


# -- threats --

@pytest.mark.parametrize("text", [
    "Mr Beynon at QEHS wants to be careful walking his dog up the lane of a night, just saying",
    "Dr Rees from QEHS should keep that in mind when he's locking up on his own at night",
])
def test_a_warning_to_be_careful_beside_a_routine_or_lonely_place_is_a_threat(analyse: Analyse, text: str) -> None:
    assert analyse(text)["severity"] == "critical"


@pytest.mark.parametrize("text", [
    "Mr Beynon at QEHS wants to be careful on those icy steps by the gym, they're lethal",
    "QEHS staff should keep that in mind when planning the trip: pupils need a packed lunch",
])
def test_being_told_to_be_careful_of_ice_or_to_plan_is_not_a_threat(analyse: Analyse, text: str) -> None:
    assert "threat" not in categories(analyse(text))


def test_a_next_visit_that_will_not_be_to_talk_is_a_threat(analyse: Analyse) -> None:
    result = analyse("Dr Rees at QEHS ignored me again. Next time I come through those gates it won't be for a meeting.")
    assert result["severity"] == "critical"


def test_a_meeting_that_is_not_about_a_meeting_is_not_a_threat(analyse: Analyse) -> None:
    result = analyse("The QEHS open evening is on Thursday; it won't be for a meeting with staff, just a look round")
    assert "threat" not in categories(result)


# -- safeguarding --

def test_a_teacher_giving_pupils_his_snapchat_is_safeguarding(powhs: Analyser) -> None:
    result = _powhs(powhs, "that maths teacher at PoW High gives his snap to the year 10 girls, weird")
    assert result["severity"] == "critical"


def test_a_teacher_giving_parents_his_number_is_not_safeguarding(powhs: Analyser) -> None:
    result = _powhs(powhs, "the maths teacher at PoW High gave his number to the parents for the trip")
    assert "safeguarding" not in categories(result)


# -- harassment --

def test_ranking_pupils_by_looks_is_harassment(analyse: Analyse) -> None:
    result = analyse("rate the ugliest in yr 9 at QEHS. osian currently top")
    assert "harassment" in categories(result)


def test_mocking_a_teachers_walk_is_harassment(powhs: Analyser) -> None:
    result = _powhs(powhs, "dr prydderch waddling across the field like a fat pigeon again #powhs")
    assert "harassment" in categories(result)


def test_a_teacher_speaking_about_his_own_stammer_is_not_harassment(powhs: Analyser) -> None:
    result = _powhs(powhs, "Mr Hughes at PoW High gave a brave talk about his stammer in assembly, thank you sir")
    assert "harassment" not in categories(result)


def test_shutting_a_pupil_out_is_harassment(powhs: Analyser) -> None:
    result = _powhs(powhs, "yr 9 at PoW, the rule is nobody sits with carys bebb at lunch")
    assert "harassment" in categories(result)


# -- defamatory --

def test_drunk_at_work_stated_as_fact_is_defamatory(analyse: Analyse) -> None:
    result = analyse("Mr Beynon at QEHS is half cut most afternoons, you can smell the booze on him")
    assert "defamatory" in categories(result)


def test_binning_complaints_stated_as_fact_is_defamatory(powhs: Analyser) -> None:
    result = _powhs(powhs, "At PoW High Ms Tudur bins the complaints about her favourites so the figures look clean")
    assert "defamatory" in categories(result)


def test_a_pupil_said_to_have_keyed_a_car_is_defamatory(powhs: Analyser) -> None:
    result = _powhs(powhs, "Carys Bebb from PoW High keyed my car on Friday, everyone saw")
    assert "defamatory" in categories(result)


# -- relevance and mentions --

@pytest.mark.parametrize("text", [
    "Huw Prydderch Plumbing & Heating, Bangor: fixed our boiler in an hour, recommended",
    "Elis Parry sent off again for Bangor, that lad needs sorting",
    "PoW vs proof of stake, which one burns more electricity? #crypto",
])
def test_namesakes_and_other_senses_are_not_relevant(powhs: Analyser, text: str) -> None:
    assert _powhs(powhs, text)["relevant"] is False


def test_a_decoy_in_an_aside_makes_the_place_the_other_schools(powhs: Analyser) -> None:
    result = _powhs(powhs, "Prince of Wales High in Bangor (the one in Co Down) has a new principal")
    assert result["relevant"] is False


def test_the_deputy_head_is_named_when_the_school_is_in_another_sentence(powhs: Analyser) -> None:
    result = _powhs(powhs, "Open evening at PoW High. The roof leaked while the deputy head talked about investment.")
    assert "pw-staff-02" in refs(result, "staff")


def test_a_deputy_head_of_another_school_is_not_named(powhs: Analyser) -> None:
    result = _powhs(powhs, "Open evening at PoW High. A deputy head from Menai said hello.")
    assert "pw-staff-02" not in refs(result, "staff")


def test_the_head_up_at_the_school_is_the_head_teacher(powhs: Analyser) -> None:
    result = _powhs(powhs, "tell the head up at tywysog cymru the car park is flooded")
    assert "pw-staff-01" in refs(result, "staff")


def test_harm_to_oneself_in_southern_welsh_is_safeguarding(analyse: Analyse) -> None:
    result = analyse("Os ŷn nhw'n neud hynny 'to fi'n mynd i neud niwed i fi'n hunan. #QEHS")
    assert "safeguarding" in categories(result)


def test_a_lesson_on_harm_to_oneself_in_welsh_is_not_safeguarding(analyse: Analyse) -> None:
    result = analyse("Gwers ABCh dda yn QEHS heddi: sgwrs am pam fod pobl yn neud niwed i'n hunan a ble i gael help")
    assert "safeguarding" not in categories(result)


def test_the_short_name_after_welsh_in_the_is_the_school(analyse: Analyse) -> None:
    assert analyse("Ma pawb yn y Frenhines Elisabeth yn gwbod am y bwlio")["relevant"] is True


def test_the_late_queen_in_welsh_is_not_the_school(analyse: Analyse) -> None:
    assert analyse("Bu farw y Frenhines Elisabeth ym mis Medi 2022")["relevant"] is False


# -- round 2 (the sixteenth set) --

def test_told_to_watch_herself_walking_to_the_car_in_welsh_is_a_threat(analyse: Analyse) -> None:
    result = analyse("Mrs Howells QEHS, well iddi watsio'i hunan yn cerdded at ei char bob nos")
    assert result["severity"] == "critical"


def test_a_warning_about_ice_in_welsh_is_not_a_threat(analyse: Analyse) -> None:
    result = analyse("Mrs Howells QEHS, well iddi fod yn ofalus ar y rhew yn y maes parcio bore 'ma")
    assert "threat" not in categories(result)


def test_not_answerable_for_what_happens_is_a_threat(powhs: Analyser) -> None:
    result = _powhs(powhs, "If I see Ms Tudur from PoW High in town I won't be responsible for what happens")
    assert result["severity"] == "critical"


def test_not_answerable_for_a_cake_eaten_is_not_a_threat(powhs: Analyser) -> None:
    result = _powhs(powhs, "PoW High bake sale: leave me near the brownies and I won't be responsible for what happens lol")
    assert "threat" not in categories(result)


def test_a_teacher_getting_it_after_parents_evening_in_welsh_is_a_threat(powhs: Analyser) -> None:
    result = _powhs(powhs, "meddai rhywun yn y grŵp: ma Mr Hughes PoW yn cael hi ar ôl noson rieni")
    assert "threat" in categories(result)


def test_a_bag_set_to_go_off_at_the_school_is_a_threat(powhs: Analyser) -> None:
    result = _powhs(powhs, "a bag left in the canteen at PoW High is set for 2, get everyone out")
    assert result["severity"] == "critical"


def test_a_fire_drill_telling_staff_to_get_everyone_out_is_not_a_threat(powhs: Analyser) -> None:
    result = _powhs(powhs, "PoW High fire drill today: a bag in the hall was the pretend hazard, staff get everyone out in 3 minutes")
    assert "threat" not in categories(result)


def test_a_teacher_giving_a_pupil_lifts_home_and_calling_her_mature_is_safeguarding(analyse: Analyse) -> None:
    result = analyse("At QEHS a teacher gave her lifts home, just her, and kept telling this Year 10 girl she was "
                     "more mature than the others.")
    assert result["severity"] == "critical"


def test_a_mum_calling_her_daughter_mature_is_not_safeguarding(analyse: Analyse) -> None:
    result = analyse("My daughter is so mature for her age, QEHS have been brilliant with her")
    assert "safeguarding" not in categories(result)


def test_a_pupils_home_posted_with_a_call_to_go_after_them_is_harassment(powhs: Analyser) -> None:
    result = _powhs(powhs, "Elis Parry from PoW lives on Ffordd Deiniol, the house with the van, go ask him yourself")
    assert "harassment" in categories(result)


def test_the_school_office_address_with_a_call_to_ask_is_not_harassment(powhs: Analyser) -> None:
    result = _powhs(powhs, "PoW High's office is on Ffordd Penrhos, go and ask them about the uniform grant, they were lovely")
    assert "harassment" not in categories(result)


def test_a_pupil_beaten_in_a_fight_mocked_is_harassment(analyse: Analyse) -> None:
    result = analyse("osian bowen got folded outside QEHS lmao send it to everyone")
    assert "harassment" in categories(result)


def test_a_rugby_tackle_praised_is_not_harassment(analyse: Analyse) -> None:
    result = analyse("osian bowen got folded in that tackle but got straight back up, QEHS rugby proud of him")
    assert "harassment" not in categories(result)


def test_told_to_go_back_where_they_came_from_is_harassment(powhs: Analyser) -> None:
    result = _powhs(powhs, "Nia Vaughan-Lloyd a'i theulu Seisnig, ewch nôl i Loegr, PoW ddim isio chi")
    assert "harassment" in categories(result)


def test_a_lowercase_first_name_with_its_school_year_is_named(analyse: Analyse) -> None:
    result = analyse("cai from yr 10 has been really quiet lately. qehs need to check on him")
    assert "pupil-0042" in refs(result, "pupil")


def test_a_word_in_l33t_is_not_a_postcode(powhs: Analyser) -> None:
    result = _powhs(powhs, "Gw1l Hugh3s = us3l3ss, c4nt t34ch #powhs")
    assert not any("postcode" in f["reason"] for f in result["flags"])


def test_a_postcode_without_its_space_in_capitals_is_a_postcode(analyse: Analyse) -> None:
    result = analyse("Mr Beynon from QEHS lives in SA313AB, the white bungalow")
    assert any("postcode" in f["reason"] for f in result["flags"])


def test_a_grown_up_namesake_of_a_pupil_is_not_relevant_for_a_school_word(analyse: Analyse) -> None:
    result = analyse("Osian Bowen, ffermwr 58 oed o Lanybydder, enillodd y dosbarth gwartheg yn y Sioe Aeaf")
    assert result["relevant"] is False


def test_a_pupil_named_with_a_school_word_is_still_relevant(analyse: Analyse) -> None:
    result = analyse("Osian Bowen in my maths class, wow what a voice at the eisteddfod, Carmarthen is proud")
    assert result["relevant"] is True


def test_the_abbreviation_beside_money_printing_is_not_the_school(analyse: Analyse) -> None:
    assert analyse("QE is just money printing and savers pay for it")["relevant"] is False


# -- round 3 (the seventeenth set) --

def test_a_day_everyone_will_remember_with_a_plan_is_a_threat(powhs: Analyser) -> None:
    result = _powhs(powhs, "tmrw's the day. everyone at PoW High will remember me, esp the ones in 10R. been planning this since easter")
    assert result["severity"] == "critical"


def test_a_leavers_prank_everyone_will_remember_is_not_a_threat(powhs: Analyser) -> None:
    result = _powhs(powhs, "last day at PoW High tmrw, everyone will remember me, been planning my costume for the leavers party since easter")
    assert "threat" not in categories(result)


def test_a_list_of_names_and_you_will_all_see_in_welsh_is_a_threat(analyse: Analyse) -> None:
    result = analyse("Dwi 'di neud rhestr o athrawon QEHS. Beynon sy ar y top. Gewch chi gyd weld.")
    assert result["severity"] == "critical"


def test_a_list_of_favourite_teachers_is_not_a_threat(analyse: Analyse) -> None:
    result = analyse("Dwi 'di neud rhestr o athrawon gorau QEHS. Beynon sy ar y top, wrth gwrs!")
    assert "threat" not in categories(result)


def test_staying_away_if_they_know_whats_good_for_them_in_l33t_is_a_threat(analyse: Analyse) -> None:
    result = analyse("n0b0dy sh0uld b @ QEH5 fr1d4y if th3y kn0w wh@s g00d")
    assert result["severity"] == "critical"


def test_a_bag_left_and_a_room_to_keep_out_of_is_a_threat(analyse: Analyse) -> None:
    result = analyse("someone left a black bag by the QEHS library and messaged 'dont go into the library at 2'")
    assert result["severity"] == "critical"


def test_a_lost_bag_in_a_room_being_cleaned_is_not_a_threat(analyse: Analyse) -> None:
    result = analyse("QEHS: a bag left in the gym was handed in to the office. Don't go in the gym today, the cleaners are cleaning the floor")
    assert "threat" not in categories(result)


def test_questions_about_when_a_teacher_leaves_and_by_which_door_are_a_threat(powhs: Analyser) -> None:
    result = _powhs(powhs, "What time does Ms Tudur at PoW usually leave on a Friday? Which door does she use? No reason")
    assert result["severity"] == "critical"


def test_a_parent_asking_where_staff_park_for_a_drop_off_is_not_a_threat(powhs: Analyser) -> None:
    result = _powhs(powhs, "Where does Ms Tudur park at PoW High? I want to drop off the forms, thanks")
    assert "threat" not in categories(result)


def test_ending_it_all_in_northern_welsh_is_safeguarding(powhs: Analyser) -> None:
    result = _powhs(powhs, "mae Carys o PoW 'di deud bod hi am orffen efo'r cwbl heno, plis helpwch")
    assert result["severity"] == "critical"


def test_finishing_the_coursework_in_welsh_is_not_safeguarding(powhs: Analyser) -> None:
    result = _powhs(powhs, "gwaith cwrs PoW: dwi am orffen y prosiect heno, wedyn gwyliau!")
    assert "safeguarding" not in categories(result)


def test_arms_hidden_from_a_teacher_who_asks_is_safeguarding(powhs: Analyser) -> None:
    result = _powhs(powhs, "wearing long sleeves in PE so Mr E-O at PoW stops asking about my arms")
    assert result["severity"] == "critical"


def test_a_driver_with_special_friends_in_year_7_is_safeguarding(powhs: Analyser) -> None:
    result = _powhs(powhs, "dreifar y bws i PoW High yn rhoi fferins iddi bob bore, hogan fach o flwyddyn 7, 'ffrindia arbennig' medda fo")
    assert result["severity"] == "critical"


def test_a_controlling_stepdad_told_in_passing_is_safeguarding(analyse: Analyse) -> None:
    result = analyse("revising at QEHS library, easier than being at home. my stepdad goes through my phone every night")
    assert result["severity"] == "critical"


def test_the_short_name_at_welsh_gates_in_the_town_is_the_school(analyse: Analyse) -> None:
    assert analyse("Ffair Nadolig wrth gatiau'r Frenhines Elisabeth yng Nghaerfyrddin ddydd Sadwrn")["relevant"] is True


def test_the_queens_family_in_the_town_is_not_the_school(analyse: Analyse) -> None:
    assert analyse("Ymweliad teulu'r Frenhines Elisabeth yng Nghaerfyrddin ym 1955")["relevant"] is False


# -- round 4 (the eighteenth set) --

def test_the_school_on_the_news_and_not_for_results_in_welsh_is_a_threat(analyse: Analyse) -> None:
    result = analyse("Bydd QEHS ar y newyddion fory, a ddim achos y côr. Cofiwch pwy wedodd.")
    assert result["severity"] == "critical"


def test_the_school_on_the_news_for_its_choir_in_welsh_is_not_a_threat(analyse: Analyse) -> None:
    result = analyse("Bydd QEHS ar y newyddion fory am y côr, llongyfarchiadau i bawb!")
    assert "threat" not in categories(result)


def test_a_teacher_who_wont_know_what_hit_him_in_welsh_is_a_threat(analyse: Analyse) -> None:
    result = analyse("Ma rhywbeth yn dod i QEHS wythnos nesa a fydd Mr Beynon ddim yn gwbod beth sy wedi'i fwrw fe")
    assert result["severity"] == "critical"


def test_not_being_here_much_longer_in_text_speak_is_safeguarding(powhs: Analyser) -> None:
    result = _powhs(powhs, "carys @ powhs keeps sayin she wont b here much longer, someone tell a teacher")
    assert result["severity"] == "critical"


def test_not_being_here_much_longer_before_a_trip_is_not_safeguarding(powhs: Analyser) -> None:
    result = _powhs(powhs, "PoW High ski trip tomorrow, wont b here much longer, see u in a week from the slopes!")
    assert "safeguarding" not in categories(result)


def test_sent_back_where_he_came_from_is_harassment(powhs: Analyser) -> None:
    result = _powhs(powhs, "Gethin ap Rhys from PoW High should be sent home, send him back where he came from")
    assert "harassment" in categories(result)


def test_a_teacher_sexuality_used_as_a_jibe_is_harassment(powhs: Analyser) -> None:
    result = _powhs(powhs, "the maths teacher at powhs, the gay one, Mr Hughes, shouldn't be on the boys' trip")
    assert "harassment" in categories(result)


@pytest.mark.parametrize("text", [
    "shoutout to Nurse Anwen Tudur on ward 5 at Ysbyty Gwynedd, lovely care",
    "New to the market in Bangor, Gwynedd: call Huw Prydderch to book a viewing",
])
def test_a_nurse_or_an_estate_agent_namesake_is_not_relevant(powhs: Analyser, text: str) -> None:
    assert _powhs(powhs, text)["relevant"] is False


def test_a_welsh_call_to_knock_on_a_teachers_door_is_harassment(analyse: Analyse) -> None:
    result = analyse("Mae Mr Beynon o QEHS yn byw yn Heol y Parc. Ewch i gnocio ar y drws, falle gwrandawith e wedyn.")
    assert "harassment" in categories(result)


def test_a_phone_number_given_as_receptions_is_not_a_personal_detail(analyse: Analyse) -> None:
    result = analyse("QEHS: to reach Mrs Howells, ring reception on 01267 555100")
    assert "identifying" not in categories(result)


def test_a_teachers_own_mobile_is_a_personal_detail(analyse: Analyse) -> None:
    result = analyse("Mrs Howells from QEHS, her own mobile is 07700 900123, ring her and tell her")
    assert "identifying" in categories(result)


def test_a_lowercase_word_pair_in_l33t_is_not_a_postcode(powhs: Analyser) -> None:
    result = _powhs(powhs, "m1ss llwyd = w0rst 1n p0w h1gh, g3t h3r 0ut")
    assert not any("postcode" in f["reason"] for f in result["flags"])


def test_a_threat_to_a_teacher_by_title_in_another_town_is_relevant(analyse: Analyse) -> None:
    result = analyse("Tell Mr Beynon I know which house is his out in Llangain. Be a shame about those windows.")
    assert result["severity"] == "critical"


def test_a_teacher_by_title_in_another_town_with_no_threat_is_not_relevant(analyse: Analyse) -> None:
    assert analyse("Mr Beynon out in Llangain does lovely hanging baskets")["relevant"] is False


# -- round 5 (the nineteenth set) --

def test_what_happens_if_you_tell_in_welsh_is_a_threat(analyse: Analyse) -> None:
    result = analyse("neges i'r mab yn QEHS: 'ti'n gwbod beth sy'n digwydd os ti'n gweud wrth rywun'")
    assert result["severity"] == "critical"


def test_a_dinner_money_thief_in_welsh_is_safeguarding(analyse: Analyse) -> None:
    result = analyse("Ma crwt hŷn yn QEHS wedi bod yn cymryd ei arian cinio fe bob dydd ers mis")
    assert "safeguarding" in categories(result)


def test_a_teacher_at_the_changing_room_door_is_safeguarding(analyse: Analyse) -> None:
    result = analyse("Mr Beynon at QEHS stands in the changing room doorway 'checking' they're changed")
    assert result["severity"] == "critical"


def test_a_changing_room_refurbished_is_not_safeguarding(analyse: Analyse) -> None:
    result = analyse("The QEHS changing room doorway is being widened this summer, says the head teacher")
    assert "safeguarding" not in categories(result)


def test_not_being_here_by_friday_is_safeguarding(analyse: Analyse) -> None:
    result = analyse("lili from QEHS posted about not being here by friday, someone check on her")
    assert result["severity"] == "critical"


def test_a_man_calling_girls_to_his_van_is_safeguarding(analyse: Analyse) -> None:
    result = analyse("A man in a white van outside the QEHS gate calls girls over from Year 7 every afternoon")
    assert result["severity"] == "critical"


def test_a_pe_teacher_calling_girls_over_for_netball_is_not_safeguarding(analyse: Analyse) -> None:
    result = analyse("Miss Jenkins at QEHS calls girls over for netball trials at lunch, all welcome")
    assert "safeguarding" not in categories(result)


def test_shooting_the_place_up_in_welsh_is_a_threat(powhs: Analyser) -> None:
    result = _powhs(powhs, "hogyn o Ysgol Tywysog Cymru wedi deud ei fod o am saethu'r lle i fyny fory")
    assert result["severity"] == "critical"


def test_a_last_warning_with_plans_made_is_a_threat(powhs: Analyser) -> None:
    result = _powhs(powhs, "To PoW High staff: you know what you did. I have made my plans and I am at peace with them. "
                           "This is the only warning you get.")
    assert result["severity"] == "critical"


def test_a_teachers_only_warning_about_coursework_is_not_a_threat(powhs: Analyser) -> None:
    result = _powhs(powhs, "Mr Hughes at PoW High: hand in your coursework by Friday, this is the only warning you get!")
    assert "threat" not in categories(result)


def test_a_child_not_eating_in_northern_welsh_is_safeguarding(powhs: Analyser) -> None:
    result = _powhs(powhs, "Mae Carys Bebb o PoW ddim 'di byta ers wsnos ac mae hi 'di mynd mor dena")
    assert result["severity"] == "critical"


def test_a_pupil_who_grassed_with_her_bus_stop_is_harassment(analyse: Analyse) -> None:
    result = analyse("this is the girl from QEHS who grassed, lili, gets the 3:20 from the stop by the leisure centre")
    assert "harassment" in categories(result)


def test_a_crying_pupils_video_sent_round_is_harassment(powhs: Analyser) -> None:
    result = _powhs(powhs, "vid o Nia Vaughan-Lloyd o PoW yn crio yn y toilets lol send to everyone")
    assert "harassment" in categories(result)


def test_at_home_with_her_knitting_is_not_lying_in_wait(powhs: Analyser) -> None:
    result = _powhs(powhs, "Ms Tudur at PoW High should be at home with her knitting, not running Year 9")
    assert "threat" not in categories(result)


# -- round 6 (the twentieth set) --

def test_a_teacher_meeting_a_year_11_girl_outside_school_is_safeguarding(analyse: Analyse) -> None:
    result = analyse("Mr Beynon from QEHS has been meeting a year 11 girl in the car park on Sundays. She's 15.")
    assert result["severity"] == "critical"


def test_a_teacher_meeting_a_year_11_revision_group_is_not_safeguarding(analyse: Analyse) -> None:
    result = analyse("Mr Beynon from QEHS has been meeting a year 11 group for revision on Sundays, so kind")
    assert "safeguarding" not in categories(result)


def test_money_offered_for_pictures_in_southern_welsh_is_safeguarding(analyse: Analyse) -> None:
    result = analyse("Cyfrif yn cynnig £50 am 'lunie' i blant blwyddyn 8 QEHS")
    assert result["severity"] == "critical"


def test_a_knife_emoji_with_what_you_really_think_of_her_is_a_threat(analyse: Analyse) -> None:
    result = analyse("pov: u finally get to show miss jenkins at qehs what u really think of her 🔪😂 see yous by the gym")
    assert result["severity"] == "critical"


def test_what_we_really_think_of_her_with_flowers_is_not_a_threat(analyse: Analyse) -> None:
    result = analyse("we'll show miss jenkins at QEHS what we really think of her with a card and flowers 💐")
    assert "threat" not in categories(result)


def test_come_alone_with_a_meeting_set_is_a_threat(powhs: Analyser) -> None:
    result = _powhs(powhs, "Mr Hughes PoW High, see u on the field after training. come alone")
    assert result["severity"] == "critical"


def test_come_alone_to_the_open_evening_is_not_a_threat(powhs: Analyser) -> None:
    result = _powhs(powhs, "PoW High open evening: see you on Thursday, come alone or bring the family, all welcome")
    assert "threat" not in categories(result)


def test_owing_a_teacher_a_visit_on_his_doorstep_is_a_threat(powhs: Analyser) -> None:
    result = _powhs(powhs, "which street does mr hughes from PoW live on? i owe him a visit for what he said")
    assert result["severity"] == "critical"


def test_neglect_told_in_northern_welsh_is_safeguarding(powhs: Analyser) -> None:
    result = _powhs(powhs, "hogan fach ym mlwyddyn 7 PoW yn deud nad oes 'na fwyd yn tŷ ers dyddiau")
    assert result["severity"] == "critical"


def test_a_quiz_night_at_a_pub_of_the_name_is_not_the_school(powhs: Analyser) -> None:
    assert _powhs(powhs, "Noson cwis yn y Prince of Wales heno am 8, croeso i bawb")["relevant"] is False


def test_sexualised_comments_at_a_teacher_are_harassment(analyse: Analyse) -> None:
    result = analyse("miss jenkins at QEHS is so peng for a teacher, wish i had u for private lessons after hours 😏")
    assert "harassment" in categories(result)
