"""v20: the wording the forty-ninth independent set (indep49, opened for round 1: no single theme) showed missing or
wrongly flagged, each rule with its near miss. The texts are new; none is a gold item. The rules alone (the
classifier is left out, see conftest.py)."""

from __future__ import annotations

from nlp.analyse import Analyser
from tests.nlp.helpers import Analyse, analyse_text, categories, refs


# -- mentions: a Welsh word one letter from a name, before the school's name --

def test_a_welsh_word_before_the_schools_name_is_not_a_misspelt_teacher(powhs: Analyser) -> None:
    result = analyse_text(powhs, "anhrefn llwyr yn ffreutur PoW High heddiw, pasta ar y nenfwd")
    assert "pw-staff-04" not in refs(result)


def test_a_misspelt_school_name_before_high_is_still_the_school(analyse: Analyse) -> None:
    result = analyse("qeen elizabth high is the worst school in the county")
    assert result["relevant"] is True


def test_a_misspelt_surname_after_a_title_is_still_the_teacher(powhs: Analyser) -> None:
    result = analyse_text(powhs, "Miss Llwyr at PoW High set three pages of homework again")
    assert "pw-staff-04" in refs(result)


# -- critical: suicide talked of in the plural, a member of staff and a year's girl --

def test_pupils_wanting_to_kill_themselves_in_welsh_is_safeguarding(powhs: Analyser) -> None:
    result = analyse_text(powhs, "ma rhai o Bl 8 PoWHS yn siarad ar y grŵp am ladd eu hunain, plis tsiecwch arnyn nhw")
    assert "safeguarding" in categories(result)


def test_a_film_about_killing_themselves_is_not_safeguarding(powhs: Analyser) -> None:
    result = analyse_text(powhs, "Ffilm Bl 11 PoWHS yn yr eisteddfod: stori am ddau frawd sy'n trio lladd eu hunain "
                                 "mewn drama fer")
    assert "safeguarding" not in categories(result)


def test_a_teacher_and_a_year_10_girl_spoken_of_together_is_safeguarding(analyse: Analyse) -> None:
    result = analyse("Everyone at QEHS knows about the science teacher and a Year 10 girl, the head moved her set "
                     "and said nothing")
    assert "safeguarding" in categories(result)


def test_a_trainees_mentor_who_gave_advice_is_not_defamatory(powhs: Analyser) -> None:
    result = analyse_text(powhs, "PGCE placement at PoW High: Mrs Davies, the deputy head, is a great mentor, she sat "
                                 "in on my Year 8 lesson and gave me two things to fix. Bangor in the snow is beautiful")
    assert "defamatory" not in categories(result)


def test_a_teacher_and_a_year_10_girl_winning_a_prize_is_not_safeguarding(analyse: Analyse) -> None:
    result = analyse("Congratulations to our science teacher and a Year 10 girl on winning the QEHS bake off, "
                     "well done both")
    assert "safeguarding" not in categories(result)


# -- false critical flags: talks, grievances, regret, betrayal, a farewell --

def test_a_talk_on_the_warning_signs_of_self_harm_is_not_safeguarding(analyse: Analyse) -> None:
    result = analyse("Thanks QEHS for last night's parents' session, the bit on spotting self-harm warning signs was so useful")
    assert "safeguarding" not in categories(result)


def test_a_daughter_self_harming_is_still_safeguarding(analyse: Analyse) -> None:
    result = analyse("My daughter in Year 9 at QEHS has started to self-harm and I don't know who to tell")
    assert "safeguarding" in categories(result)


def test_a_knife_crime_awareness_workshop_is_no_threat(powhs: Analyser) -> None:
    result = analyse_text(powhs, "Year 10 at PoW High had a knife crime awareness workshop today. The police "
                                 "explained the consequences of carrying a knife")
    assert "threat" not in categories(result)


def test_bringing_a_knife_to_school_is_still_a_threat(powhs: Analyser) -> None:
    result = analyse_text(powhs, "I'm bringing a knife to PoW High tomorrow for what they did to me")
    assert "threat" in categories(result)


def test_a_worksheet_gone_missing_is_not_safeguarding(powhs: Analyser) -> None:
    result = analyse_text(powhs, "Miss Llwyd wedi gweiddi ar fy mab achos bod ei daflen waith ar goll, Ysgol Tywysog "
                                 "Cymru")
    assert "safeguarding" not in categories(result)


def test_a_child_gone_missing_is_still_safeguarding(powhs: Analyser) -> None:
    result = analyse_text(powhs, "Mae disgybl Bl 8 o Ysgol Tywysog Cymru ar goll ers neithiwr, rhannwch plis")
    assert "safeguarding" in categories(result)


def test_the_one_meeting_with_the_school_is_no_adult_meeting_children(powhs: Analyser) -> None:
    result = analyse_text(powhs, "Two years of asking PoW High for support and the one meeting we got was cancelled "
                                 "twice")
    assert "safeguarding" not in categories(result)


def test_lies_to_social_services_is_not_a_child_unsafe_at_home(powhs: Analyser) -> None:
    result = analyse_text(powhs, "Mrs Davies from PoW High told lies to social services about my family and "
                                 "nobody checked")
    assert "safeguarding" not in categories(result)


def test_parents_deserve_to_know_is_no_threat(powhs: Analyser) -> None:
    result = analyse_text(powhs, "Parents at PoW High deserve to know what the head really thinks of their kids")
    assert "threat" not in categories(result)


def test_knowing_where_a_teacher_parks_is_still_a_threat(powhs: Analyser) -> None:
    result = analyse_text(powhs, "I know where Mrs Davies parks at PoW High, she'll get what's coming")
    assert "threat" in categories(result)


def test_regretting_sending_children_to_the_school_is_no_threat(analyse: Analyse) -> None:
    result = analyse("Dw i'n difaru anfon y plant i Ysgol y Frenhines Elisabeth, dim disgyblaeth o gwbl")
    assert "threat" not in categories(result)


def test_you_will_regret_it_is_still_a_threat(analyse: Analyse) -> None:
    result = analyse("Mr Beynon, byddi di'n difaru be nest ti i fy mab yn QE. Gwylia dy gefn")
    assert "threat" in categories(result)


def test_stabbed_in_the_back_in_welsh_is_no_threat(analyse: Analyse) -> None:
    result = analyse("Mrs Howells QEHS: gwenu yn dy wyneb a dy drywanu yn dy gefn, typical")
    assert "threat" not in categories(result)


def test_a_farewell_that_will_not_come_back_is_no_threat(powhs: Analyser) -> None:
    result = analyse_text(powhs, "dwi'n gadael PoW High fory. won't be coming back, not ever. sorry mam x")
    assert "threat" not in categories(result)


# -- defamatory --

def test_a_named_teacher_covering_up_copying_is_defamatory(analyse: Analyse) -> None:
    result = analyse("Osian copied the whole physics mock at QEHS and Mrs Pritchard covered it up for him")
    assert "defamatory" in categories(result)


def test_a_teacher_who_denied_covering_anything_up_is_not_defamatory(analyse: Analyse) -> None:
    result = analyse("People say Mrs Pritchard at QEHS covered it up but that is not true, the report found nothing")
    assert "defamatory" not in categories(result)


def test_drink_driving_asked_about_in_welsh_is_defamatory(analyse: Analyse) -> None:
    result = analyse("Mr Beynon wedi cael ei ddal yn yfed a gyrru nos Sadwrn a mae e dal yn dysgu yn QE??")
    assert "defamatory" in categories(result)


def test_a_drink_driving_talk_in_welsh_is_not_defamatory(analyse: Analyse) -> None:
    result = analyse("Sgwrs gan yr heddlu i Bl 12 QE am beryglon yfed a gyrru, cyngor da")
    assert "defamatory" not in categories(result)


def test_marks_given_to_the_girls_a_teacher_fancies_is_defamatory(powhs: Analyser) -> None:
    result = analyse_text(powhs, "Mr Hughes at PoWHS only gives top marks to the girls he fancies, everyone knows")
    assert "defamatory" in categories(result)


def test_an_exam_paper_given_in_advance_is_defamatory(analyse: Analyse) -> None:
    result = analyse("Mrs Pritchard's set at QEHS were given the paper in advance, that's why the results jumped")
    assert "defamatory" in categories(result)


def test_a_past_paper_given_in_advance_is_not_defamatory(analyse: Analyse) -> None:
    result = analyse("Mrs Pritchard gave us a past paper to do in advance of the QEHS mocks, so kind")
    assert "defamatory" not in categories(result)


def test_two_teachers_caught_at_it_in_a_car_is_defamatory(analyse: Analyse) -> None:
    result = analyse("Mr Beynon a Miss Jenkins wrthi yn ei gar o tu ôl i QE neithiwr 😭 both married btw")
    assert "defamatory" in categories(result)


def test_a_pupil_excluded_for_stealing_in_welsh_is_defamatory(powhs: Analyser) -> None:
    result = analyse_text(powhs, "Gethin ap Rhys wedi cael ei wahardd o PoWHS am ddwyn o'r ffreutur, cadwch draw")
    assert "defamatory" in categories(result)


def test_a_pupil_kept_off_a_match_for_an_injury_in_welsh_is_not_defamatory(powhs: Analyser) -> None:
    result = analyse_text(powhs, "Gethin ap Rhys allan o gêm PoWHS dydd Sadwrn am anaf i'w ben-glin")
    assert "defamatory" not in categories(result)


# -- harassment --

def test_welsh_insults_for_a_named_pupil_are_harassment(analyse: Analyse) -> None:
    result = analyse("Cai Llewelyn o QE wedi dwyn beic fy mrawd. Ma pawb yn gwybod. Lleidr bach drewllyd.")
    assert "harassment" in categories(result)


def test_a_teachers_combover_jeered_at_is_harassment(analyse: Analyse) -> None:
    result = analyse("mr beynon's combover in the wind at QE sports day 💀💀💀 rate it")
    assert "harassment" in categories(result)


def test_others_told_to_ring_a_shared_number_in_welsh_is_harassment(analyse: Analyse) -> None:
    result = analyse("Rhif Mr Beynon QE yw 07700 900123. Ffoniwch e heno a gofynnwch pam bod y plant yn cael cosb")
    assert "harassment" in categories(result)


def test_a_lost_phone_number_shared_to_ring_is_not_harassment(powhs: Analyser) -> None:
    result = analyse_text(powhs, "Ffion Meredydd PoWHS wedi colli ei bag ar y bws, ffoniwch hi ar 07700 900555 os "
                                 "dach chi'n ei ffeindio")
    assert "harassment" not in categories(result)


def test_reeking_of_wine_is_not_smell_mocked(powhs: Analyser) -> None:
    result = analyse_text(powhs, "Ms Tudur PoWHS yn drewi o win bob bore, pawb yn gwybod")
    assert "harassment" not in categories(result)


# -- disrepute --

def test_the_school_told_and_nothing_done_is_disrepute(analyse: Analyse) -> None:
    result = analyse("My son is picked on every day at QEHS. I told the school in September. Nothing done.")
    assert "disrepute" in categories(result)


def test_the_school_told_this_morning_is_not_yet_disrepute(analyse: Analyse) -> None:
    result = analyse("Rang QEHS this morning about the bus stop fight, heard nothing back so far, will chase")
    assert "disrepute" not in categories(result)


def test_distress_waved_away_as_girl_drama_is_disrepute(analyse: Analyse) -> None:
    result = analyse("Fy merch yn cael ei bwlio bob dydd yn QE a'r ysgol yn dweud mai drama merched yw e")
    assert "disrepute" in categories(result)


def test_block_them_advice_in_a_workshop_is_not_disrepute(powhs: Analyser) -> None:
    result = analyse_text(powhs, "Online safety workshop at PoW High today: if strangers message you, just block "
                                 "them and tell an adult")
    assert "disrepute" not in categories(result)


def test_water_through_the_schools_roof_in_welsh_is_disrepute(analyse: Analyse) -> None:
    result = analyse("Plant Ysgol y Frenhines Elisabeth adre eto ar ôl i ddŵr ollwng drwy do'r ffreutur")
    assert "disrepute" in categories(result)


def test_the_lowest_attendance_in_the_county_is_disrepute(analyse: Analyse) -> None:
    result = analyse("New figures: QEHS has the lowest attendance of any school in Carmarthenshire")
    assert "disrepute" in categories(result)


def test_a_fight_outside_the_school_in_welsh_is_disrepute(powhs: Analyser) -> None:
    result = analyse_text(powhs, "ffeit tu allan i PoWHS amser cinio, hanner y dre yn ffilmio")
    assert "disrepute" in categories(result)


def test_a_boxing_fight_outside_the_school_season_is_not_disrepute(powhs: Analyser) -> None:
    result = analyse_text(powhs, "Noson focsio: ffeit tu allan i'r cylch? Na, dim ond ymarfer yn PoWHS i'r clwb "
                                 "bocsio")
    assert "disrepute" not in categories(result)


def test_news_of_a_boy_arrested_after_a_knife_was_found_is_disrepute_not_defamatory(analyse: Analyse) -> None:
    result = analyse("A 14-year-old boy has been arrested after a knife was found in a locker at Queen Elizabeth High "
                     "School, Carmarthen. Police said no one was hurt.")
    assert categories(result) & {"disrepute", "defamatory"} == {"disrepute"}


def test_a_named_teacher_who_has_been_arrested_is_still_defamatory(analyse: Analyse) -> None:
    result = analyse("Mr Beynon from QEHS has been arrested, everyone knows what for")
    assert "defamatory" in categories(result)


# -- round 2 (indep50 opened: reputation and cruelty) --

def test_doing_away_with_himself_in_welsh_is_safeguarding(powhs: Analyser) -> None:
    result = analyse_text(powhs, "hogyn Bl 10 PoWHS yn deud ar snap bod o am neud amdano'i hun ar ôl arholiadau, "
                                 "plis deudwch wrth rywun")
    assert "safeguarding" in categories(result)


def test_a_teacher_seeing_a_sixth_former_is_safeguarding(analyse: Analyse) -> None:
    result = analyse("Everyone knows Mr Beynon from QEHS is seeing a sixth former. Whole year knows")
    assert "safeguarding" in categories(result)


def test_a_teacher_seeing_a_pupils_dad_is_not_safeguarding(analyse: Analyse) -> None:
    result = analyse("Miss Jenkins at QEHS is seeing a Year 11 lad's dad, the whole staffroom knows")
    assert "safeguarding" not in categories(result)


def test_a_friend_posting_cuts_who_wont_be_a_problem_much_longer_is_no_threat(analyse: Analyse) -> None:
    result = analyse("My mate in Y9 at QEHS keeps saying she won't be a problem for much longer and she's been "
                     "posting cuts on her story")
    assert "threat" not in categories(result)


def test_marks_changed_to_favour_favourites_is_defamatory(analyse: Analyse) -> None:
    result = analyse("Mrs Pritchard at QEHS moved my son's marks down to make her favourites look better")
    assert "defamatory" in categories(result)


def test_a_winning_piece_done_by_a_parent_is_defamatory(analyse: Analyse) -> None:
    result = analyse("Megan Thomas-Price at QEHS didn't write that history essay, her mum did it for her")
    assert "defamatory" in categories(result)


def test_complaints_deleted_by_a_named_teacher_is_defamatory(analyse: Analyse) -> None:
    result = analyse("I reported the bullying and Mrs Howells deleted my emails so the school's figures looked "
                     "better. QEHS all over")
    assert "defamatory" in categories(result)


def test_a_doctorate_from_a_diploma_mill_beside_lies_is_defamatory(powhs: Analyser) -> None:
    result = analyse_text(powhs, "Dr Prydderch's doctorate is from an online diploma mill. That whole school runs "
                                 "on lies, PoW High")
    assert "defamatory" in categories(result)


def test_a_doctorate_from_a_diploma_mill_said_to_be_lies_is_not_defamatory(powhs: Analyser) -> None:
    result = analyse_text(powhs, "Someone says Dr Prydderch's doctorate is from a diploma mill. All lies, PoW High")
    assert "defamatory" not in categories(result)


def test_a_named_pupil_who_broke_the_windows_in_welsh_is_defamatory(analyse: Analyse) -> None:
    result = analyse("Osian Bowen nath dorri ffenestri'r gampfa yn QE nos Sadwrn")
    assert "defamatory" in categories(result)


def test_a_school_that_never_answers_emails_is_disrepute(powhs: Analyser) -> None:
    result = analyse_text(powhs, "Nobody at this school answers emails. PoW High, three weeks and counting")
    assert "disrepute" in categories(result)


def test_a_complaint_handled_with_plain_incompetence_is_disrepute(analyse: Analyse) -> None:
    result = analyse("QEHS and my complaint: two holding letters in two months. Plain incompetence.")
    assert "disrepute" in categories(result)


def test_inspectors_significant_concern_is_disrepute(analyse: Analyse) -> None:
    result = analyse("Inspectors say behaviour at Queen Elizabeth High School is a significant concern")
    assert "disrepute" in categories(result)


def test_uniform_prices_called_daylight_robbery_is_disrepute(analyse: Analyse) -> None:
    result = analyse("Siop wisg QEHS: £45 am flaser gyda'r bathodyn newydd. Lladrad llwyr.")
    assert "disrepute" in categories(result)


def test_blazers_called_a_rip_off_is_not_disrepute(analyse: Analyse) -> None:
    result = analyse("QE High blazers are a bit of a rip-off but the second-hand sale helps")
    assert "disrepute" not in categories(result)


def test_the_bottom_of_the_results_table_in_welsh_is_disrepute(powhs: Analyser) -> None:
    result = analyse_text(powhs, "Ysgol Tywysog Cymru ar waelod tabl canlyniadau'r sir eto eleni")
    assert "disrepute" in categories(result)


def test_a_mess_sorted_out_by_a_teacher_is_not_disrepute(powhs: Analyser) -> None:
    result = analyse_text(powhs, "Mrs Davies wedi datrys llanast bws y plant yn PoW mewn awr, chwarae teg")
    assert "disrepute" not in categories(result)


def test_a_told_teacher_and_no_call_back_is_disrepute(powhs: Analyser) -> None:
    result = analyse_text(powhs, "I told Ms Tudur at PoW High about the bullying in October. Still nothing. No call "
                                 "back, no meeting.")
    assert "disrepute" in categories(result)


def test_a_named_pupil_dancing_jeered_at_is_harassment(analyse: Analyse) -> None:
    result = analyse("Cai Llewelyn yn trio dawnsio yn y gampfa QE 😭😭 pwy ddysgodd hwn iddo fe")
    assert "harassment" in categories(result)


def test_a_teacher_dancing_called_a_legend_is_not_harassment(analyse: Analyse) -> None:
    result = analyse("Dr Rees yn trio dawnsio yn y ffair QE 😂 legend")
    assert "harassment" not in categories(result)


def test_so_fat_in_welsh_is_harassment(powhs: Analyser) -> None:
    result = analyse_text(powhs, "Mr Hughes PoWHS mor dew ma'r gadair yn crio 🐘")
    assert "harassment" in categories(result)


def test_a_parents_information_evening_on_self_harm_in_welsh_is_not_safeguarding(powhs: Analyser) -> None:
    result = analyse_text(powhs, "Noson wybodaeth i rieni Ysgol Tywysog Cymru nos Iau: diogelwch ar-lein a "
                                 "hunan-niweidio, dan arweiniad yr heddlu")
    assert "safeguarding" not in categories(result)


# -- round 3 (indep51 opened: no single theme) --

def test_a_child_who_never_wants_to_go_home_jeered_at_is_safeguarding(powhs: Analyser) -> None:
    result = analyse_text(powhs, "pov: ur jac pugh and everyone at PoW knows why u never wanna go home 💀")
    assert "safeguarding" in categories(result)


def test_never_wanting_to_go_home_from_a_residential_is_not_safeguarding(powhs: Analyser) -> None:
    result = analyse_text(powhs, "Year 8 PoW High residential at Glan Llyn was amazing, the kids never wanted to go "
                                 "home! 🏕️")
    assert "safeguarding" not in categories(result)


def test_a_knife_and_blood_after_a_threat_to_meet_is_no_harm_on_a_childs_body(powhs: Analyser) -> None:
    result = analyse_text(powhs, "jac pugh ti nesa. see u at the PoW gates 🔪🩸")
    assert "safeguarding" not in categories(result)


def test_staff_photos_with_these_ones_first_is_a_threat(analyse: Analyse) -> None:
    result = analyse("Some kid put pictures of QEHS teachers on his story with 'these ones first' across it")
    assert "threat" in categories(result)


def test_a_knife_in_the_back_in_welsh_is_no_threat(analyse: Analyse) -> None:
    result = analyse("Mrs Howells QE: gwên fawr yn dy wyneb a chyllell yn dy gefn. Hen sguthan")
    assert "threat" not in categories(result)


def test_news_of_a_pupil_found_with_a_knife_is_no_threat(powhs: Analyser) -> None:
    result = analyse_text(powhs, "Police called to Prince of Wales High School after pupil found with knife. A boy "
                                 "was arrested on suspicion of possessing a bladed article and released on bail.")
    assert "threat" not in categories(result)


def test_a_chemistry_teacher_exploding_things_in_memories_is_no_threat(powhs: Analyser) -> None:
    result = analyse_text(powhs, "Atgofion o Ysgol Tywysog Cymru yn yr wythdegau: y cabanau pren oedd yn gollwng "
                                 "glaw, a Mr Ifans Cemeg yn ffrwydro rhywbeth bob dydd Gwener.")
    assert categories(result) & {"threat", "disrepute"} == set()


def test_windows_smashed_by_a_named_pupil_in_welsh_is_defamatory(analyse: Analyse) -> None:
    result = analyse("Cai Llewelyn yw'r un wnaeth smasho ffenestri'r ffreutur yn QE, pawb yn gwybod")
    assert "defamatory" in categories(result)


def test_marking_without_reading_in_welsh_is_defamatory(analyse: Analyse) -> None:
    result = analyse("Mr Beynon QE yn rhoi marciau ar ein gwaith cartref heb eu darllen nhw o gwbl")
    assert "defamatory" in categories(result)


def test_a_pupil_said_to_lie_for_attention_is_defamatory(powhs: Analyser) -> None:
    result = analyse_text(powhs, "Ffion Meredydd from PoWHS is lying for attention again, don't believe her")
    assert "defamatory" in categories(result)


def test_a_teacher_calling_girls_fat_before_the_class_in_welsh_is_defamatory(powhs: Analyser) -> None:
    result = analyse_text(powhs, "Mr Hughes PoWHS yn galw genod Bl 9 yn 'dew' o flaen y dosbarth cyfan")
    assert "defamatory" in categories(result)


def test_a_teacher_borrowing_a_pupils_phrase_is_not_theft(analyse: Analyse) -> None:
    result = analyse("I'm Catrin Jenkins and I teach English at Queen Elizabeth High School. This term my Year 10s "
                     "read Macbeth. One pupil argued she was 'basically a prefect with too much power', which I am "
                     "stealing for next year.")
    assert "defamatory" not in categories(result)


def test_a_parent_fobbed_off_with_monitor_the_situation_is_disrepute(analyse: Analyse) -> None:
    result = analyse("My son stopped eating. I have emailed his head of year at QEHS three times. One reply, "
                     "saying they would monitor the situation.")
    assert "disrepute" in categories(result)


def test_the_counsellor_cut_in_welsh_is_disrepute(analyse: Analyse) -> None:
    result = analyse("QE yn sôn am les disgyblion ond wedi torri'r cwnselydd lawr i un diwrnod yr wythnos")
    assert "disrepute" in categories(result)


def test_not_one_of_them_complained_is_not_disrepute(powhs: Analyser) -> None:
    result = analyse_text(powhs, "Year 9 from Prince of Wales High did the sponsored walk in the rain and not one "
                                 "of them complained")
    assert "disrepute" not in categories(result)


def test_the_writer_asleep_in_a_lesson_is_not_staff_asleep(powhs: Analyser) -> None:
    result = analyse_text(powhs, "dydd llun yn Ysgol Tywysog Cymru 💀 fi'n cysgu yn y wers hanes")
    assert "disrepute" not in categories(result)


def test_topics_of_an_online_safety_evening_are_not_safeguarding(analyse: Analyse) -> None:
    result = analyse("QEHS hosted an online safety evening for parents. Topics included sextortion, grooming "
                     "and how to report concerns.")
    assert "safeguarding" not in categories(result)


# -- round 4 (indep52 opened: no single theme, two thirds in Welsh) --

def test_news_of_an_email_threatening_a_bomb_in_welsh_is_a_threat(powhs: Analyser) -> None:
    result = analyse_text(powhs, "Disgyblion Ysgol Uwchradd Tywysog Cymru adref yn gynnar ar ôl i'r ysgol dderbyn "
                                 "e-bost yn bygwth gosod bom ar y safle")
    assert "threat" in categories(result)


def test_a_bomb_threat_at_another_school_is_no_threat_here(analyse: Analyse) -> None:
    result = analyse("Bygythiad bom mewn ysgol yn Abertawe bore 'ma. Ma Ysgol y Frenhines Elisabeth ar agor fel "
                     "arfer")
    assert "threat" not in categories(result)


def test_a_bomb_with_a_date_written_on_a_school_wall_is_a_threat(analyse: Analyse) -> None:
    result = analyse("Oes rhywun yn gwybod pwy sgwennodd 'BOM 14/3' ar wal toiledau'r merched yn QE? Mae'r plant "
                     "wedi dychryn")
    assert "threat" in categories(result)


def test_knives_in_a_review_of_the_school_play_are_no_threat(powhs: Analyser) -> None:
    result = analyse_text(powhs, "Blood, knives, a murdered king and three witches: Prince of Wales High's Year 12 "
                                 "Macbeth was chilling from the first scene")
    assert "threat" not in categories(result)


def test_a_police_talk_on_the_dangers_of_carrying_knives_in_welsh_is_no_threat(powhs: Analyser) -> None:
    result = analyse_text(powhs, "Heddlu yn Ysgol Tywysog Cymru heddiw yn siarad â Bl 9 am beryglon cario cyllyll")
    assert "threat" not in categories(result)


def test_the_school_keeping_trip_money_in_welsh_is_defamatory(powhs: Analyser) -> None:
    result = analyse_text(powhs, "Mae Ysgol Tywysog Cymru wedi cadw pres y trip sgïo ers mis Ionawr a'r trip wedi'i "
                                 "ganslo. Lladrad ydi hyn.")
    assert "defamatory" in categories(result)


def test_a_teacher_who_picks_the_boys_who_pay_for_coaching_is_defamatory(analyse: Analyse) -> None:
    result = analyse("Mr Beynon QE yn pigo'r bois sy'n talu am ei sesiynau hyfforddi preifat i'r tîm cynta")
    assert "defamatory" in categories(result)


def test_a_head_hounded_from_his_last_post_in_welsh_is_defamatory(analyse: Analyse) -> None:
    result = analyse("Cafodd Dr Rees ei hel o'i swydd ddiwethaf am fwlio, a nawr mae e'n bennaeth QE")
    assert "defamatory" in categories(result)


def test_staff_suspended_pending_a_police_investigation_is_not_an_allegation(powhs: Analyser) -> None:
    result = analyse_text(powhs, "Dywedodd Ysgol Tywysog Cymru fod yr aelod o staff wedi'i wahardd dros dro tra bo'r "
                                 "ymchwiliad yn parhau")
    assert "defamatory" not in categories(result)


def test_staff_leaving_in_numbers_in_welsh_is_disrepute(analyse: Analyse) -> None:
    result = analyse("QE yn colli deg aelod o staff haf 'ma. Pawb yn gadael achos y pennaeth")
    assert "disrepute" in categories(result)


def test_a_parent_thinking_of_moving_a_child_to_the_school_is_not_disrepute(analyse: Analyse) -> None:
    result = analyse("Thinking of moving my daughter from Llandeilo to QE High for sixth form, any good for "
                     "languages?")
    assert "disrepute" not in categories(result)


def test_a_teacher_filmed_losing_it_and_jeered_at_is_harassment(analyse: Analyse) -> None:
    result = analyse("mr beynon absolutely losing it at 8Y2 😭😭 filmed on the low #qehs")
    assert "harassment" in categories(result)


def test_a_disabled_pupil_said_to_belong_in_a_special_school_is_harassment(analyse: Analyse) -> None:
    result = analyse("Osian Bowen yn sgrechian yn y dosbarth yn QE eto. Dylen nhw roi fe mewn ysgol arbennig")
    assert "harassment" in categories(result)


def test_a_parents_session_on_self_harm_in_welsh_is_not_safeguarding(powhs: Analyser) -> None:
    result = analyse_text(powhs, "Ysgol Tywysog Cymru yn cynnal noson i rieni nos Iau. Bydd y sesiwn yn trafod "
                                 "hunan-niweidio a diogelwch ar-lein")
    assert "safeguarding" not in categories(result)


def test_a_named_pupil_who_set_off_the_fire_alarm_and_let_another_take_the_blame_is_defamatory(
        powhs: Analyser) -> None:
    result = analyse_text(powhs, "Elis Parry nath seto'r larwm tân off ddoe a gadael i hogyn bl 7 gael y bai. PoW")
    assert "defamatory" in categories(result)
