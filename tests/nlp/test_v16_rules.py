"""v16: the wording the thirty-eighth independent set (indep38, opened: names in every form, and the town around the
school) showed missing, each rule with its near miss. The texts are new; none is a gold item. The rules alone (the
classifier is left out, see conftest.py)."""

from __future__ import annotations

from nlp.analyse import Analyser
from tests.nlp.helpers import Analyse, analyse_text as _powhs, categories, flags_of, refs


# -- names: a pupil's first name mutated before initials; a youth parliament is no other town --

def test_a_pupils_first_name_mutated_before_her_initials_names_her(analyse: Analyse) -> None:
    result = analyse("Diolch i Fegan T-P am helpu gyda'r noson agored yn QE neithiwr")
    assert refs(result, "pupil") == ["pupil-0043"]


def test_a_pupils_first_name_mutated_before_one_initial_names_him(analyse: Analyse) -> None:
    result = analyse("Llongyfarchiadau i Gai L am ennill y ras traws gwlad dros QE ddoe!")
    assert refs(result, "pupil") == ["pupil-0042"]


def test_a_mutated_first_name_is_never_the_target_of_a_misspelt_word(analyse: Analyse) -> None:
    result = analyse("It began to rain just as the QE High match kicked off")
    assert refs(result, "pupil") == []


def test_the_school_in_a_youth_parliament_is_still_the_school(analyse: Analyse) -> None:
    result = analyse("Cai a Megan T-P yn cynrychioli QE yn Senedd Ieuenctid y sir heddiw, pob lwc!")
    assert result["relevant"] is True


def test_the_school_placed_in_another_town_is_still_another_school(analyse: Analyse) -> None:
    result = analyse("Cai and Megan from QE in Hexham won the county debating final")
    assert result["relevant"] is False


# -- critical: a teacher messaging a girl at night, the changing rooms, a named child asked for pictures,
#    a countdown to something that makes the news --

def test_a_teacher_by_his_job_messaging_a_girl_late_at_night_is_safeguarding(analyse: Analyse) -> None:
    result = analyse("heard one of the teachers at QE High has been messaging a year 10 girl on snap late at night")
    assert "safeguarding" in categories(result)


def test_teachers_messaging_parents_about_a_snow_closure_is_not_safeguarding(analyse: Analyse) -> None:
    result = analyse("The teachers at QE High were messaging all parents late at night about the snow closure")
    assert "safeguarding" not in categories(result)


def test_a_teacher_caught_in_the_girls_changing_rooms_is_safeguarding(powhs: Analyser) -> None:
    result = _powhs(powhs, "Mr Ellis-Owen was caught in the girls' changing rooms at PoW after hockey, that's why he's gone")
    assert "safeguarding" in categories(result)


def test_a_teacher_opening_the_refitted_changing_rooms_is_not_safeguarding(powhs: Analyser) -> None:
    result = _powhs(powhs, "Mr Ellis-Owen showed us round the refurbished girls' changing rooms at PoW today, lush")
    assert "safeguarding" not in categories(result)


def test_a_named_child_asked_for_pictures_in_welsh_is_safeguarding(powhs: Analyser) -> None:
    result = _powhs(powhs, "Ma rhyw foi o Fangor yn gofyn i Nia VL am lunie bob nos, mae hi'n Ysgol Tywysog Cymru")
    assert "safeguarding" in categories(result)


def test_a_named_child_asked_for_photos_of_the_fun_run_is_not_safeguarding(powhs: Analyser) -> None:
    result = _powhs(powhs, "PoW High asking Nia VL for photos of the charity fun run for the school newsletter, diolch!")
    assert "safeguarding" not in categories(result)


def test_doing_something_to_a_teacher_that_makes_the_news_is_a_threat(powhs: Analyser) -> None:
    result = _powhs(powhs, "gonna do something to miss llwyd that makes the news, just wait #powhs")
    assert [f["ref"] for f in flags_of(result, "threat")] == ["pw-staff-04"]


def test_doing_something_to_a_teacher_for_her_birthday_is_no_threat(powhs: Analyser) -> None:
    result = _powhs(powhs, "we're gonna do something to surprise miss llwyd for her birthday at PoW, she deserves it ❤️")
    assert "threat" not in categories(result)


def test_a_car_park_called_a_death_trap_is_no_threat(analyse: Analyse) -> None:
    result = analyse("QE High car park is a death trap at 3pm, someone is going to run over a kid one day")
    assert "threat" not in categories(result)


# -- disrepute: details sent in error, work lost, no heating, food shown up, pupils in public, an inquiry, a leak --

def test_parents_details_sent_to_the_wrong_list_is_disrepute(analyse: Analyse) -> None:
    result = analyse("QE High sent the names and addresses of every Year 8 parent to the wrong mailing list")
    assert "disrepute" in categories(result)


def test_a_newsletter_sent_to_the_wrong_year_is_not_disrepute(analyse: Analyse) -> None:
    result = analyse("QE High newsletter went to the wrong year group by mistake, no harm done, here it is again")
    assert "disrepute" not in categories(result)


def test_the_school_losing_a_classes_coursework_is_disrepute(powhs: Analyser) -> None:
    result = _powhs(powhs, "PoWHS have lost all the art coursework for 10B and told us a week before the deadline")
    assert "disrepute" in categories(result)


def test_lost_coursework_that_was_found_again_is_not_disrepute(powhs: Analyser) -> None:
    result = _powhs(powhs, "PoWHS thought they'd lost the coursework but IT found it on the backup, panic over")
    assert "disrepute" not in categories(result)


def test_pupils_in_their_coats_in_class_is_disrepute(analyse: Analyse) -> None:
    result = analyse("Year 9 at QE High have been sitting in their coats in the science labs for a fortnight")
    assert "disrepute" in categories(result)


def test_coats_on_for_a_snow_day_is_not_disrepute(analyse: Analyse) -> None:
    result = analyse("Snow day at QE High! Coats on all day and sledging on the field, fix the heating later 😂 snow")
    assert "disrepute" not in categories(result)


def test_school_dinners_exposed_is_disrepute(powhs: Analyser) -> None:
    result = _powhs(powhs, "PoW High canteen EXPOSED 🤢 undercooked chicken again")
    assert "disrepute" in categories(result)


def test_pupils_in_uniform_throwing_food_at_pensioners_is_disrepute(powhs: Analyser) -> None:
    result = _powhs(powhs, "PoWHS kids in uniform throwing food at pensioners in town. what are they teaching them")
    assert "disrepute" in categories(result)


def test_pupils_throwing_the_javelin_on_sports_day_is_not_disrepute(powhs: Analyser) -> None:
    result = _powhs(powhs, "PoWHS sports day: Year 8 throwing the javelin, well done everyone who took part!")
    assert "disrepute" not in categories(result)


def test_the_exam_board_investigating_the_school_is_disrepute(powhs: Analyser) -> None:
    result = _powhs(powhs, "WJEC are investigating the school over the GCSE results at Prince of Wales High")
    assert "disrepute" in categories(result)


def test_an_investigation_that_cleared_the_school_is_not_disrepute(powhs: Analyser) -> None:
    result = _powhs(powhs, "WJEC investigation into Prince of Wales High cleared the school completely, no case to answer")
    assert "disrepute" not in categories(result)


def test_an_internal_email_seen_by_outsiders_is_disrepute(analyse: Analyse) -> None:
    result = analyse("Wedi gweld ebost mewnol gan Ysgol y Frenhines Elisabeth am dorri'r adran gerdd")
    assert "disrepute" in categories(result)


# -- defamatory: faked qualifications, records destroyed on instruction --

def test_a_head_said_to_have_faked_his_doctorate_is_defamatory(analyse: Analyse) -> None:
    result = analyse("Dafydd Rees at QE High bought his doctorate from a diploma mill, it's all fake")
    assert [f["ref"] for f in flags_of(result, "defamatory")] == ["staff-001"]


def test_a_fake_doctorate_claim_denied_is_not_defamatory(analyse: Analyse) -> None:
    result = analyse("The post saying Dafydd Rees at QE High has a fake doctorate is untrue, he studied at Cardiff")
    assert "defamatory" not in categories(result)


def test_staff_told_to_delete_the_records_before_an_inspection_is_defamatory(powhs: Analyser) -> None:
    result = _powhs(powhs, "Staff at PoW High were told to delete the bullying records before Estyn came in")
    assert "defamatory" in categories(result)


def test_pupils_told_to_delete_old_files_from_their_drive_is_not_defamatory(powhs: Analyser) -> None:
    result = _powhs(powhs, "Year 11 at PoW High: you have been told to delete old files from your drive before the summer")
    assert "defamatory" not in categories(result)


# -- harassment: two named people called names, a slur standing alone, shut out in Welsh, a line break --

def test_two_named_teachers_called_old_witches_is_harassment(analyse: Analyse) -> None:
    result = analyse("mrs pritchard and mrs howells are two miserable old witches, QE would be better without them")
    assert "harassment" in categories(result)


def test_witches_in_the_school_play_are_not_harassment(analyse: Analyse) -> None:
    result = analyse("Mrs Pritchard and Mrs Howells are the two witches in the QE staff panto, come and see the play!")
    assert "harassment" not in categories(result)


def test_a_slur_standing_alone_after_a_named_teacher_is_harassment(analyse: Analyse) -> None:
    result = analyse("Miss Jenkins at QE gave my brother a detention for nothing. Slut.")
    assert [f["ref"] for f in flags_of(result, "harassment")] == ["staff-005"]


def test_nobody_liking_a_named_pupil_in_welsh_is_harassment(powhs: Analyser) -> None:
    result = _powhs(powhs, "Nia Vaughan-Lloyd yn meddwl bod hi'n well na pawb. neb yn Ysgol Tywysog Cymru yn ei hoffi hi")
    assert [f["ref"] for f in flags_of(result, "harassment")] == ["pw-pupil-104"]


def test_a_name_called_after_a_line_break_is_aimed_at_the_person_named_above(analyse: Analyse) -> None:
    result = analyse("Rhian Pritchard only ever sends the quiet kids out.\nNever listens to anyone.\nVile woman. #QEHS")
    assert [f["ref"] for f in flags_of(result, "harassment")] == ["staff-003"]


# -- (round 2) namesakes selling things or too young to teach, an accident in a lesson, a talk's topics,
#    a Welsh letter of two as an initial, a pupil's initials all in capitals --

def test_a_farmer_of_a_teachers_name_selling_silage_is_not_the_school(analyse: Analyse) -> None:
    result = analyse("FOR SALE silage bales £25 each, collection only. Ring Dafydd Rees on 07700 900321 after 6pm")
    assert result["relevant"] is False


def test_a_teachers_full_name_with_her_phone_number_is_still_relevant(analyse: Analyse) -> None:
    result = analyse("Catrin Jenkins personal mobile is 07700 900456, spam her till she quits")
    assert result["relevant"] is True


def test_a_teachers_name_with_an_age_no_teacher_has_is_someone_else(analyse: Analyse) -> None:
    result = analyse("Young harpist Catrin Jenkins, 19, a music student from Llandysul, won at the eisteddfod")
    assert result["relevant"] is False


def test_a_teacher_nearly_setting_her_own_eyebrow_on_fire_in_a_demo_is_no_threat(analyse: Analyse) -> None:
    result = analyse("mrs pritchard nearly set her own eyebrow on fire in the chemistry demo at QE today 😂 legend")
    assert "threat" not in categories(result)


def test_setting_a_teachers_car_on_fire_is_still_a_threat(analyse: Analyse) -> None:
    result = analyse("gonna set mrs pritchard's car on fire in the QE car park tonight")
    assert "threat" in categories(result)


def test_thanks_for_a_talk_on_self_harm_to_a_year_group_is_not_safeguarding(analyse: Analyse) -> None:
    result = analyse("#QEHS Diolch i'r heddlu am siarad â Bl 8 am fwlio ar-lein, hunan-niweidio a ble i gael help.")
    assert "safeguarding" not in categories(result)


def test_a_girl_said_to_be_self_harming_is_still_safeguarding(analyse: Analyse) -> None:
    result = analyse("Mae merch ym mlwyddyn 8 yn QE yn hunan-niweidio yn y toiledau, does neb yn gwneud dim")
    assert "safeguarding" in categories(result)


def test_a_welsh_letter_of_two_after_a_title_names_the_teacher(powhs: Analyser) -> None:
    result = _powhs(powhs, "Oes rhywun yn gwbod os ydi Miss Ll dal yn rhedeg y clwb drama amser cinio?")
    assert refs(result, "staff") == ["pw-staff-04"]


def test_a_pupils_initials_in_capitals_with_the_school_name_her(powhs: Analyser) -> None:
    result = _powhs(powhs, "lol NVL crying in the toilets again after netball #powhs")
    assert refs(result, "pupil") == ["pw-pupil-104"]


def test_a_pupils_initials_with_no_school_name_nobody(powhs: Analyser) -> None:
    result = _powhs(powhs, "NVL shares fell 4% after the results this morning")
    assert result["relevant"] is False


# -- (round 3, indep39 opened) a teacher named by job and surname, a surname with a school setting, the short name as
#    the post's last tag, a county in Welsh, a child paid to carry bags, a stranger from a game, thanks for sorting a
#    mess, plays about shootings abroad, an actress of a teacher's name, inspections and staff leaving --

def test_a_surname_after_a_teacher_word_names_the_teacher(powhs: Analyser) -> None:
    result = _powhs(powhs, "complaining to the school won't do nothing. Someone should sort that maths teacher Hughes out "
                           "properly. I know where he parks 🚗")
    assert refs(result, "staff") == ["pw-staff-03"]


def test_a_surname_after_another_job_names_nobody(powhs: Analyser) -> None:
    result = _powhs(powhs, "complaining to the school won't do nothing. Someone should sort that plumber Hughes out "
                           "properly, our boiler is still broken")
    assert refs(result, "staff") == []


def test_a_surname_with_pupils_put_in_isolation_is_the_school(analyse: Analyse) -> None:
    result = analyse("Rees wants to put our kids in isolation over skirt length now? Someone should sort him out properly.")
    assert refs(result, "staff") == ["staff-001"]


def test_the_short_name_as_the_posts_last_tag_with_teachers_in_it_is_the_school(powhs: Analyser) -> None:
    result = _powhs(powhs, "Un o'r athrawon AG wastad yn cynnig lifft adra i fi ar ôl pêl-rwyd a deud 'paid â deud wrth "
                           "neb'. Dwi'm yn gwbod be i neud 😶 #TywysogCymru")
    assert result["relevant"] is True
    assert "safeguarding" in categories(result)


def test_the_short_name_as_a_tag_with_only_a_village_school_is_the_prince(powhs: Analyser) -> None:
    result = _powhs(powhs, "Lovely to see the children from the village school waving flags today #PrinceOfWales")
    assert result["relevant"] is False


def test_a_county_decoy_written_in_welsh_is_another_town(powhs: Analyser) -> None:
    result = _powhs(powhs, "Mae ysgol uwchradd ym Mangor, Swydd Down, wedi anfon 40 o ddisgyblion adref am eu gwisg")
    assert result["relevant"] is False


def test_a_child_paid_to_carry_bags_for_a_man_is_safeguarding(powhs: Analyser) -> None:
    result = _powhs(powhs, "ma rhywun yn deud wrth Jac Pugh neith o gael £50 os neith o gario bagia i foi yn y dre, "
                           "ma Jac yn 12 oed. PoWHS yn gwbod??")
    assert "safeguarding" in categories(result)


def test_a_pupil_paid_to_carry_a_neighbours_shopping_is_not_safeguarding(powhs: Analyser) -> None:
    result = _powhs(powhs, "Jac Pugh from PoWHS gets £5 to carry bags for our neighbour after her shopping, such a kind lad")
    assert "safeguarding" not in categories(result)


def test_a_stranger_from_a_game_wanting_to_meet_a_child_is_safeguarding(analyse: Analyse) -> None:
    result = analyse("a man on roblox told my son he knows he goes to QE High and wants to meet him at the park. he's 11")
    assert "safeguarding" in categories(result)


def test_a_teacher_thanked_for_sorting_a_mess_is_no_threat(powhs: Analyser) -> None:
    result = _powhs(powhs, "Diolch enfawr i Mrs Tudur am aros tan 6 i sortio llanast dewisiadau Bl 9 yn PoWHS. Seren! ⭐")
    assert categories(result) <= {"identifying"}


def test_a_school_play_about_a_shooting_in_america_is_no_threat(analyse: Analyse) -> None:
    result = analyse("QEHS drama club's play about a school shooting in America was powerful, well done everyone")
    assert "threat" not in categories(result)


def test_an_actress_of_a_teachers_name_is_someone_else(analyse: Analyse) -> None:
    result = analyse("Review: a play about a school under siege. Bristol-born actress Catrin Jenkins is devastating.")
    assert result["relevant"] is False


def test_an_inspection_raising_significant_concerns_is_disrepute(analyse: Analyse) -> None:
    result = analyse("Estyn wedi codi 'pryderon sylweddol' am arweinyddiaeth Ysgol y Frenhines Elisabeth ar ôl ymweliad")
    assert "disrepute" in categories(result)


def test_five_teachers_resigning_in_a_term_is_disrepute(powhs: Analyser) -> None:
    result = _powhs(powhs, "Five teachers have resigned from Prince of Wales High School this term, says the union")
    assert "disrepute" in categories(result)


def test_one_teacher_retiring_after_thirty_years_is_not_disrepute(powhs: Analyser) -> None:
    result = _powhs(powhs, "Two teachers have left Prince of Wales High to retire after thirty years, happy retirement!")
    assert "disrepute" not in categories(result)


# -- (round 4, indep40 opened) self-harm in code, hurt at home in Welsh, self-harm feared, a girl grabbed, drugs dealt
#    to a child, a knife held to a child, a pupil to be jumped again, a striker "ar dân" --

def test_blades_restocked_with_a_blood_drop_and_the_sh_tag_is_safeguarding(analyse: Analyse) -> None:
    result = analyse("restocked 🩸 don't ask. #sh #qehs #year10")
    assert "safeguarding" in categories(result)


def test_the_stationery_shop_restocked_is_not_safeguarding(analyse: Analyse) -> None:
    result = analyse("QEHS school shop restocked with pencils, rulers and sharpeners for the exams ✏️")
    assert "safeguarding" not in categories(result)


def test_a_child_hurt_at_home_by_a_drinker_in_welsh_is_safeguarding(analyse: Analyse) -> None:
    result = analyse("Sa i isie mynd adre heno. Mae e'n fy mrifo i pan mae e wedi bod yn yfed. Dim ond Mrs Howells "
                     "yn QE sy'n gwybod")
    assert "safeguarding" in categories(result)


def test_legs_that_hurt_after_cross_country_are_not_safeguarding(analyse: Analyse) -> None:
    result = analyse("Ras traws gwlad QE heddiw, mae fy nghoesau'n fy mrifo i nawr 😂 da iawn pawb")
    assert "safeguarding" not in categories(result)


def test_a_bullied_child_feared_to_do_something_to_himself_is_safeguarding(powhs: Analyser) -> None:
    result = _powhs(powhs, "@powhs_example the year 7s are scared to come in. One of them is going to end up doing "
                           "something to himself and it'll be on you.")
    assert "safeguarding" in categories(result)


def test_a_girl_grabbed_again_and_again_by_a_boy_is_safeguarding(powhs: Analyser) -> None:
    result = _powhs(powhs, "A boy keeps grabbing her at the bus stop after PoWHS and he's still doing it to other girls "
                           "in Year 9.")
    assert "safeguarding" in categories(result)


def test_a_phone_grabbed_in_a_lesson_is_not_safeguarding(powhs: Analyser) -> None:
    result = _powhs(powhs, "Mr Hughes at PoWHS keeps grabbing her phone in Year 9 maths, fair enough tbh")
    assert "safeguarding" not in categories(result)


def test_drugs_dealt_to_a_twelve_year_old_is_safeguarding(powhs: Analyser) -> None:
    result = _powhs(powhs, "Anyone at PoWHS know who's dealing round the back of the tennis courts? My brother's 12 "
                           "and came home completely out of it")
    assert "safeguarding" in categories(result)


def test_a_knife_held_to_a_pupil_in_the_toilets_is_safeguarding(powhs: Analyser) -> None:
    result = _powhs(powhs, "My son had a knife held to him in the boys' toilets at PoWHS and now he won't go in")
    assert "safeguarding" in categories(result)


def test_a_named_pupil_to_be_jumped_again_tomorrow_is_a_threat(powhs: Analyser) -> None:
    result = _powhs(powhs, "Gethin ap Rhys yn cael ei jympio tu ôl i'r neuadd yn pow high fory, mae o'n gwbod be sy'n dod")
    assert [f["ref"] for f in flags_of(result, "threat")] == ["pw-pupil-103"]


def test_a_striker_on_fire_this_season_is_no_threat(analyse: Analyse) -> None:
    result = analyse("Gôl wych gan Tomos Beynon o QE i'r tîm dan 16 ddydd Sadwrn 🔥 ar dân y tymor yma")
    assert "threat" not in categories(result)


# -- (round 5, indep40 opened) marks "made up" and a trip that "never happened" are no denials, a fake doctorate in
#    Welsh said of the one person named, l33t "nonce", an arsonist --

def test_marks_made_up_by_a_teacher_are_an_allegation_not_a_denial(powhs: Analyser) -> None:
    result = _powhs(powhs, "Miss Llwyd at PoWHS made up our daughter's GCSE coursework marks to hit the targets.")
    assert "defamatory" in categories(result)


def test_the_post_is_made_up_is_still_a_denial(powhs: Analyser) -> None:
    result = _powhs(powhs, "The post saying Miss Llwyd at PoWHS changed coursework marks is made up, she'd never.")
    assert "defamatory" not in categories(result)


def test_a_trip_that_never_happened_after_the_money_went_is_an_allegation(powhs: Analyser) -> None:
    result = _powhs(powhs, "Prydderch at PoWHS has been fiddling the school budget. £14,000 and the trip never happened.")
    assert "defamatory" in categories(result)


def test_a_doctorate_bought_online_in_welsh_is_defamatory_about_the_one_person_named(powhs: Analyser) -> None:
    result = _powhs(powhs, "Doethuriaeth 'Dr' Prydderch? Wedi'i phrynu ar-lein am £300 gan ffatri diplomâu.")
    assert [f["ref"] for f in flags_of(result, "defamatory")] == ["pw-staff-01"]


def test_a_teacher_called_a_nonce_in_l33t_is_defamatory(powhs: Analyser) -> None:
    result = _powhs(powhs, "M4rc 3ll1s-0w3n = n0nc3 🤮 pass it on #powhs")
    assert [f["ref"] for f in flags_of(result, "defamatory")] == ["pw-staff-05"]


def test_a_pupil_called_an_arsonist_for_the_bins_is_defamatory_not_a_threat(powhs: Analyser) -> None:
    result = _powhs(powhs, "Jac Pugh na'th roi'r biniau ar dân tu ôl i floc gwyddoniaeth PoW, he's a literal arsonist")
    assert "defamatory" in categories(result)
    assert "threat" not in categories(result)
