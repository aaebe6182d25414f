"""v19: the wording the forty-sixth to forty-eighth independent sets (indep46, opened for round 1: the spring term;
indep47, round 2: the summer term; indep48, round 3: the school's life online) showed missing or wrongly flagged, each
rule with its near miss. The texts are new; none is a gold item. The rules alone (the classifier is left out, see
conftest.py)."""

from __future__ import annotations

from nlp.analyse import Analyser
from tests.nlp.helpers import Analyse, analyse_text, categories


# -- relevance: a bridge and a pub that share the school's names --

def test_the_qe_ii_bridge_is_not_the_school(analyse: Analyse) -> None:
    result = analyse("QE II bridge closed again in the wind, queues back to the Thurrock turn-off. Every single week")
    assert result["relevant"] is False


def test_a_pub_quiz_at_the_prince_of_wales_is_not_the_school(powhs: Analyser) -> None:
    result = analyse_text(powhs, "Cwis tafarn yn y Prince of Wales heno 🍻 dewch draw, £2 y pen")
    assert result["relevant"] is False


def test_a_quiz_night_at_the_school_itself_is_still_the_school(powhs: Analyser) -> None:
    result = analyse_text(powhs, "Quiz night at Prince of Wales High School hall on Friday to raise money for the "
                                 "Year 11 prom, tickets from the office")
    assert result["relevant"] is True


# -- critical: cuts up an arm, a teacher touching girls in Welsh, alcohol on a trip, home, a bomb call --

def test_cuts_up_a_granddaughters_arm_explained_away_is_safeguarding_in_welsh(analyse: Analyse) -> None:
    result = analyse("Dw i'n poeni. Daeth Megan adre o QE High gyda thoriadau lan ei braich a dweud mai'r ci "
                     "oedd e. Does dim ci gyda ni.")
    assert "safeguarding" in categories(result)


def test_scratches_down_a_leg_from_cross_country_are_no_self_harm(analyse: Analyse) -> None:
    result = analyse("QE High cross country in the mud today, Cai came home with scratches down his legs from the "
                     "brambles and a medal 🏅")
    assert "safeguarding" not in categories(result)


def test_a_teacher_said_to_touch_the_girls_at_swimming_in_welsh_is_safeguarding(analyse: Analyse) -> None:
    result = analyse("Mae Mr Beynon yn cyffwrdd â'r merched yn y pwll nofio, ma pawb yn gwybod. Pam bod e dal yn "
                     "Ysgol y Frenhines Elisabeth?")
    assert "safeguarding" in categories(result)


def test_a_teacher_giving_year_10_girls_vodka_on_a_trip_is_safeguarding(powhs: Analyser) -> None:
    result = analyse_text(powhs, "On the PoW High ski trip Mr E-O was buying the year 11 girls vodka and they "
                                 "were in his room till 3am. Nobody said a thing")
    assert "safeguarding" in categories(result)


def test_a_teacher_giving_pupils_water_on_a_hot_trip_is_not_safeguarding(powhs: Analyser) -> None:
    result = analyse_text(powhs, "Mr E-O was giving the year 10 girls water and suncream all day on the PoW High "
                                 "beach trip, what a star")
    assert "safeguarding" not in categories(result)


def test_told_a_teacher_what_happens_at_home_and_it_is_still_happening_is_safeguarding(powhs: Analyser) -> None:
    result = analyse_text(powhs, "i told mrs davies everything about what's going on at home back in november. "
                                 "she said she'd follow it up. still happening. thanks powhs")
    assert "safeguarding" in categories(result)


def test_a_talk_on_what_happens_at_home_during_revision_is_not_safeguarding(powhs: Analyser) -> None:
    result = analyse_text(powhs, "Great session at Prince of Wales High on what happens at home during revision: "
                                 "routines, sleep and phones away")
    assert "safeguarding" not in categories(result)


def test_a_bomb_call_proposed_to_shut_the_school_is_a_threat_in_welsh(analyse: Analyse) -> None:
    result = analyse("mocs fory yn QE 😩 galwad bom anyone?? jyst i gael diwrnod off")
    assert "threat" in categories(result)


def test_news_of_a_hoax_bomb_call_last_week_is_no_threat(analyse: Analyse) -> None:
    result = analyse("Heddlu'n dweud mai galwad bom ffug oedd hi yn QE High wythnos diwethaf. Mae'r ysgol ar agor "
                     "fel arfer")
    assert "threat" not in categories(result)


def test_someone_will_make_sure_the_school_closes_unless_the_head_does_is_a_threat(analyse: Analyse) -> None:
    result = analyse("If Dr Rees doesn't shut QE for the snow tomorrow someone will make sure the school closes 😈")
    assert "threat" in categories(result)


def test_the_head_making_sure_the_school_closes_safely_is_no_threat(analyse: Analyse) -> None:
    result = analyse("Dr Rees says QE High staff will make sure the school closes at 1pm today so buses get home "
                     "before the snow")
    assert "threat" not in categories(result)


# -- false alarms: a rumour called false, a window, a school keeping quiet, a stepfather --

def test_a_bomb_rumour_its_spreaders_are_told_to_drop_is_no_threat(analyse: Analyse) -> None:
    result = analyse("Whoever started the 'bomb in QE' story on snap: grow up. School says there's nothing in it "
                     "and little ones are scared")
    assert "threat" not in categories(result)


def test_a_man_talking_to_girls_through_a_van_window_is_luring_not_a_threat(analyse: Analyse) -> None:
    result = analyse("Dyn mewn fan wen tu allan i QE High eto, yn siarad â'r merched drwy'r ffenest ac yn cynnig "
                     "lifft iddyn nhw. Byddwch yn ofalus")
    assert "threat" not in categories(result)
    assert "safeguarding" in categories(result)


def test_a_brick_through_a_teachers_window_is_still_a_threat_in_welsh(analyse: Analyse) -> None:
    result = analyse("Mrs Pritchard QE, bricsen drwy'r ffenest fydd hi nesa 😈")
    assert "threat" in categories(result)


def test_a_school_said_to_keep_a_pupils_exclusion_quiet_is_no_grooming(analyse: Analyse) -> None:
    result = analyse("osian bowen got sent home from the year 10 trip for vaping and QE tried to keep it quiet lol "
                     "🤫 everyone knows")
    assert "safeguarding" not in categories(result)


def test_a_stepfather_drunk_at_home_is_no_allegation_of_drinking_at_work(powhs: Analyser) -> None:
    result = analyse_text(powhs, "Dwi'n poeni am Carys Bebb (Bl 9, Ysgol Tywysog Cymru), ma hi'n deud bod ei "
                                 "llystad yn gweiddi arni pan mae o wedi meddwi")
    assert "defamatory" not in categories(result)


# -- defamatory: drinking in class in Welsh, charity money pocketed, grades bumped up, off-rolling --

def test_a_teacher_said_to_drink_in_class_in_welsh_is_defamatory(powhs: Analyser) -> None:
    result = analyse_text(powhs, "Miss Llwyd yn yfed yn y wers bob dydd Gwener, ti'n gallu'i ogleuo fo arni "
                                 "#tywysogcymru")
    assert "defamatory" in categories(result)


def test_a_teacher_talking_about_drinking_water_in_class_is_not_defamatory(powhs: Analyser) -> None:
    result = analyse_text(powhs, "Miss Llwyd yn dweud wrthon ni am gofio poteli dŵr, mae'n iawn yfed yn y "
                                 "dosbarth yn y gwres medd Ysgol Tywysog Cymru 🙌")
    assert "defamatory" not in categories(result)


def test_charity_money_said_to_be_pocketed_in_welsh_is_defamatory(powhs: Analyser) -> None:
    result = analyse_text(powhs, "Ms Tudur wedi pocedu'r pres o'r stondin gacennau yn Ysgol Tywysog Cymru. £300 "
                                 "wedi'i godi, £100 i'r elusen. Gofynnwch lle aeth y gweddill")
    assert "defamatory" in categories(result)


def test_grades_bumped_up_on_the_heads_orders_is_defamatory(powhs: Analyser) -> None:
    result = analyse_text(powhs, "Ex-TA at Prince of Wales High. Prydderch had us bump up the predicted grades "
                                 "before parents' evening so nobody would complain")
    assert "defamatory" in categories(result)


def test_pupils_encouraged_off_roll_is_defamatory(analyse: Analyse) -> None:
    result = analyse("QEHS league tables are a con. Kids who would drag the figures down get 'encouraged' off "
                     "roll in Year 10 and nobody asks why")
    assert "defamatory" in categories(result)


# -- harassment: a pile-on called for in Welsh, a try-hard --

def test_a_teachers_number_posted_with_spam_him_in_welsh_is_harassment(analyse: Analyse) -> None:
    result = analyse("Rhif Mr Beynon i chi bois 07700 900418 😂 spamiwch e tan bod e'n newid y tîm. QE's finest")
    assert "harassment" in categories(result)


def test_a_pupil_jeered_at_as_a_try_hard_is_harassment(analyse: Analyse) -> None:
    result = analyse("lili griffiths from QE is such a try hard with her debating medals. nobody cares hun 🥱")
    assert "harassment" in categories(result)


# -- disrepute: a joke in Welsh, refunds that never came, papers lost, the same families --

def test_the_school_closing_again_called_a_joke_in_welsh_is_disrepute(analyse: Analyse) -> None:
    result = analyse("QE wedi cau ETO am bach o rew. Jôc llwyr. Pwy sy'n rhedeg yr ysgol 'ma?")
    assert "disrepute" in categories(result)


def test_a_pupil_saying_it_was_a_joke_is_not_disrepute(analyse: Analyse) -> None:
    result = analyse("Cai Llewelyn's prank video at QE High was harmless, it was a joke and the teachers laughed too")
    assert "disrepute" not in categories(result)


def test_refunds_for_a_cancelled_trip_that_never_came_are_disrepute(powhs: Analyser) -> None:
    result = analyse_text(powhs, "Prince of Wales High took £200 each for the Year 8 Paris trip, cancelled it in "
                                 "March, and the refunds never came")
    assert "disrepute" in categories(result)


def test_exam_papers_lost_before_marking_are_disrepute(powhs: Analyser) -> None:
    result = analyse_text(powhs, "Science mock papers for a whole Year 11 class at Prince of Wales High School were "
                                 "lost before they could be marked, parents told this week")
    assert "disrepute" in categories(result)


def test_prizes_going_to_the_same_families_every_year_is_disrepute_in_welsh(analyse: Analyse) -> None:
    result = analyse("Diwrnod gwobrwyo QE: yr un teuluoedd yn ennill bob blwyddyn, dim syndod 🙄")
    assert "disrepute" in categories(result)


# -- round 2 (indep47 opened: the summer term) --

def test_news_of_a_message_threatening_to_harm_staff_is_a_threat(analyse: Analyse) -> None:
    result = analyse("Police were at Queen Elizabeth High School in Carmarthen this morning after a message "
                     "threatening to harm pupils appeared on social media. Officers are on site as a precaution.")
    assert "threat" in categories(result)


def test_a_court_case_over_an_old_threatening_message_is_no_threat(analyse: Analyse) -> None:
    result = analyse("A 16-year-old was given a referral order at the youth court for a message threatening to "
                     "harm staff at Queen Elizabeth High School last year")
    assert "threat" not in categories(result)


def test_a_member_of_staff_contacting_pupils_through_private_accounts_is_safeguarding(powhs: Analyser) -> None:
    result = analyse_text(powhs, "Prince of Wales High School has suspended a member of staff after parents raised "
                                 "concerns that he had been contacting pupils through private social media accounts")
    assert "safeguarding" in categories(result)


def test_guidance_that_staff_must_never_message_pupils_privately_is_not_safeguarding(powhs: Analyser) -> None:
    result = analyse_text(powhs, "Reminder from Prince of Wales High: our code of conduct says staff must never be "
                                 "messaging pupils on personal accounts")
    assert "safeguarding" not in categories(result)


def test_free_vodka_for_year_10_girls_at_a_party_is_safeguarding(powhs: Analyser) -> None:
    result = analyse_text(powhs, "party after the PoWHS prom, free vodka for any yr 10 girls, dw about getting "
                                 "ID'd 😉 dm for the address")
    assert "safeguarding" in categories(result)


def test_free_mocktails_for_the_year_11s_at_prom_are_not_safeguarding(powhs: Analyser) -> None:
    result = analyse_text(powhs, "Free mocktails for all the Year 11 girls and boys at the PoWHS prom tonight, "
                                 "thank you to the PTA 🍹")
    assert "safeguarding" not in categories(result)


def test_a_teacher_commenting_on_girls_bodies_is_safeguarding(powhs: Analyser) -> None:
    result = analyse_text(powhs, "Mr Ellis-Owen at PoWHS keeps making comments about their bodies when the year 9 "
                                 "girls come out of the changing rooms. My daughter hates PE now")
    assert "safeguarding" in categories(result)


def test_a_lesson_on_comments_about_bodies_is_not_safeguarding(powhs: Analyser) -> None:
    result = analyse_text(powhs, "Great lesson on body image at PoWHS today: Mr Ellis-Owen talked about why "
                                 "comments about their bodies hurt young people online")
    assert "safeguarding" not in categories(result)


def test_a_pupil_said_to_have_copied_in_the_mocks_is_defamatory(analyse: Analyse) -> None:
    result = analyse("Osian Bowen from QE says he got all 9s but he copied off me in the maths mock 🙄 cheat")
    assert "defamatory" in categories(result)


def test_a_pupil_joking_that_she_copied_off_a_friend_is_not_defamatory(analyse: Analyse) -> None:
    result = analyse("me and lili griffiths in the QE revision club today, she let me copy her notes 😂 bless her")
    assert "defamatory" not in categories(result)


def test_a_pupil_said_to_have_set_the_alarm_off_in_welsh_is_defamatory(analyse: Analyse) -> None:
    result = analyse("Megan Thomas-Price oedd yr un wnaeth seinio'r larwm tân yn ystod yr arholiad Ffiseg yn QE, "
                     "pawb yn gorfod ail-sefyll")
    assert "defamatory" in categories(result)


def test_a_teachers_demo_setting_the_alarm_off_is_not_defamatory(analyse: Analyse) -> None:
    result = analyse("mrs p set the fire alarm off with her bunsen demo again at QE, whole school out on the field "
                     "😂 legend")
    assert "defamatory" not in categories(result)


def test_a_teacher_called_a_bully_in_welsh_is_defamatory(powhs: Analyser) -> None:
    result = analyse_text(powhs, "Gwilym Hughes yn Ysgol Tywysog Cymru, mae o'n fwli llwyr efo'r hogia yn y "
                                 "gwersi mathemateg")
    assert "defamatory" in categories(result)


def test_a_talk_about_bullies_is_not_defamatory(powhs: Analyser) -> None:
    result = analyse_text(powhs, "Gwilym Hughes gave a talk about being a bully at Ysgol Tywysog Cymru: sgwrs am "
                                 "sut i stopio bod yn fwli ar-lein")
    assert "defamatory" not in categories(result)


def test_a_named_pupil_called_a_feral_little_thug_is_harassment(powhs: Analyser) -> None:
    result = analyse_text(powhs, "Jac Pugh from PoW High is a feral little thug, kicked the bins over outside the "
                                 "Co-op again")
    assert "harassment" in categories(result)


def test_toilets_without_water_for_a_fortnight_are_disrepute(analyse: Analyse) -> None:
    result = analyse("QE High toilets still have no water after two weeks, in this heat 🥵 #ysgolyfrenhineselisabeth")
    assert "disrepute" in categories(result)


def test_parents_complaining_about_prom_prices_are_disrepute_in_welsh(analyse: Analyse) -> None:
    result = analyse("Mae rhieni yn cwyno bod tripiau Ysgol y Frenhines Elisabeth yn rhy ddrud eleni")
    assert "disrepute" in categories(result)


def test_the_school_said_to_have_failed_an_autistic_son_is_disrepute(powhs: Analyser) -> None:
    result = analyse_text(powhs, "Two years of meetings: how Prince of Wales High failed my autistic son and "
                                 "never read his support plan")
    assert "disrepute" in categories(result)


def test_a_son_who_failed_his_own_exam_is_not_disrepute(powhs: Analyser) -> None:
    result = analyse_text(powhs, "My son failed his driving theory test again but passed everything at Prince of "
                                 "Wales High, so proud of him")
    assert "disrepute" not in categories(result)


def test_pupils_fainting_in_blazers_in_a_heatwave_is_disrepute(powhs: Analyser) -> None:
    result = analyse_text(powhs, "Two kids fainted in blazers in the PoWHS exam hall today and still no shorts "
                                 "allowed. Ysgol wirion")
    assert "disrepute" in categories(result)


def test_a_child_protection_file_left_on_the_bus_is_disrepute(analyse: Analyse) -> None:
    result = analyse("Un o athrawon QE wedi gadael ffeil amddiffyn plant ar y bws i Gaerfyrddin ddoe 😬")
    assert "disrepute" in categories(result)


# -- round 3 (indep48 opened: the school's life online) --

def test_a_teacher_called_a_masked_nonce_is_safeguarding_and_defamatory(analyse: Analyse) -> None:
    result = analyse("Mr Beynon yn n*nce, gofynnwch i unrhyw ferch yn QE pam bod neb yn mynd ar ben eu hunain i'r "
                     "swyddfa AG")
    assert {"safeguarding", "defamatory"} <= categories(result)


def test_a_teacher_defended_against_a_nonce_rumour_is_not_safeguarding(analyse: Analyse) -> None:
    result = analyse("Somebody on tiktok called Mr Beynon at QE a nonce. That's a lie and it's been reported, he's "
                     "the kindest teacher there")
    assert "safeguarding" not in categories(result)


def test_a_masked_slur_written_on_a_bus_shelter_and_condemned_is_not_an_allegation(analyse: Analyse) -> None:
    result = analyse("Someone's written 'Beynon is a n*nce' on the bus shelter by QE High. Absolutely vile, he's a "
                     "lovely teacher")
    assert "defamatory" not in categories(result)


def test_a_named_pupil_doing_the_blackout_challenge_is_safeguarding(powhs: Analyser) -> None:
    result = analyse_text(powhs, "pov: doing the blackout challenge in the PoW High changing rooms 😵 Gethin ap Rhys "
                                 "went out for ages lol")
    assert "safeguarding" in categories(result)


def test_a_warning_to_parents_about_the_blackout_challenge_is_not_safeguarding(powhs: Analyser) -> None:
    result = analyse_text(powhs, "Prince of Wales High is warning parents about the blackout challenge trending on "
                                 "TikTok. Please talk to your children about it")
    assert "safeguarding" not in categories(result)


def test_teachers_home_addresses_posted_with_visits_promised_is_a_threat(analyse: Analyse) -> None:
    result = analyse("someone in the QE High year 10 group chat posted a list of teachers' home addresses with "
                     "'visits start monday' on it")
    assert "threat" in categories(result)


def test_a_parent_who_will_drag_the_head_out_of_school_is_a_threat(powhs: Analyser) -> None:
    result = analyse_text(powhs, "If anything happens to my son because of this phone ban I'll come into PoW High "
                                 "and drag Prydderch out of his office myself")
    assert "threat" in categories(result)


def test_dragging_a_teenager_out_of_bed_for_school_is_no_threat(powhs: Analyser) -> None:
    result = analyse_text(powhs, "Every single morning I'll have to drag him out of bed for PoW High, the joys of "
                                 "Year 10 😂")
    assert "threat" not in categories(result)


def test_a_parent_taking_their_own_son_out_of_the_school_is_no_threat(powhs: Analyser) -> None:
    result = analyse_text(powhs, "One more week of this phone ban and I'll drag my son out of PoW High and home "
                                 "school him")
    assert "threat" not in categories(result)


def test_a_teacher_said_to_mark_a_child_down_out_of_spite_is_defamatory(analyse: Analyse) -> None:
    result = analyse("Catrin Jenkins at QE lowered my son's coursework mark out of spite after I complained about "
                     "her")
    assert "defamatory" in categories(result)


def test_a_head_said_to_bully_staff_is_defamatory(analyse: Analyse) -> None:
    result = analyse("Staff review - QE High. Cons: Dr Rees bullies staff in meetings. Pros: the pupils")
    assert "defamatory" in categories(result)


def test_coursework_said_to_be_done_by_a_tutor_is_defamatory(powhs: Analyser) -> None:
    result = analyse_text(powhs, "nia vaughan-lloyd's coursework was done by her tutor and PoWHS gave her an A* "
                                 "anyway")
    assert "defamatory" in categories(result)


def test_hushing_up_a_drink_driving_head_is_no_denial(analyse: Analyse) -> None:
    result = analyse("@qehs_example your head teacher got done for drink driving in the summer and you're all "
                     "acting like it never happened")
    assert "defamatory" in categories(result)


def test_inspectors_telling_the_school_to_improve_behaviour_is_disrepute(analyse: Analyse) -> None:
    result = analyse("Inspectors have told Queen Elizabeth High School in Carmarthen to urgently improve behaviour "
                     "in lessons")
    assert "disrepute" in categories(result)


def test_a_school_that_cares_more_about_skirts_than_pupils_is_disrepute(analyse: Analyse) -> None:
    result = analyse("Ysgol y Frenhines Elisabeth: ysgol sy'n poeni mwy am hyd sgert nag am y plant eu hunain")
    assert "disrepute" in categories(result)


def test_a_parent_who_cares_more_about_kindness_than_grades_is_not_disrepute(analyse: Analyse) -> None:
    result = analyse("Honestly I care more about my son being happy at QE High than any of his grades ❤️")
    assert "disrepute" not in categories(result)


def test_a_school_that_cares_more_about_pupils_than_anything_is_not_disrepute(analyse: Analyse) -> None:
    result = analyse("QE High cares more about its pupils than any school I know, thank you Dr Rees 💚")
    assert "disrepute" not in categories(result)


def test_a_fight_outside_the_school_gates_is_disrepute(analyse: Analyse) -> None:
    result = analyse("ffeit tu fas i gatiau QE eto heddiw 🥊 security nowhere")
    assert "disrepute" in categories(result)


def test_pupils_details_sent_to_the_wrong_parents_in_welsh_is_disrepute(powhs: Analyser) -> None:
    result = analyse_text(powhs, "Mae Ysgol Tywysog Cymru wedi ymddiheuro ar ôl i fanylion plant Bl 8 gael eu "
                                 "hanfon at rieni drwy gamgymeriad")
    assert "disrepute" in categories(result)


def test_a_culture_of_fear_at_the_school_is_disrepute(analyse: Analyse) -> None:
    result = analyse("Why I left QEHS: a culture of fear in the staffroom and nobody listening")
    assert "disrepute" in categories(result)


def test_a_culture_where_every_child_is_valued_is_not_disrepute(analyse: Analyse) -> None:
    result = analyse("Visited QEHS for the open evening: a culture where every child is valued, we loved it")
    assert "disrepute" not in categories(result)


def test_the_schools_newsletter_hacked_is_disrepute(powhs: Analyser) -> None:
    result = analyse_text(powhs, "PoW High's newsletter got hacked and sent every parent a crypto scam link 🙃")
    assert "disrepute" in categories(result)


def test_bullying_dismissed_as_banter_by_the_school_is_disrepute(powhs: Analyser) -> None:
    result = analyse_text(powhs, "The boys in my son's form at Prince of Wales High hold him down every week and "
                                 "the school's answer is that it's banter")
    assert "disrepute" in categories(result)
