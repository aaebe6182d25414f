"""v15: the wording the thirty-fifth independent set (indep35, opened: pupils in their own words) showed missing, each
rule with its near miss. The texts are new; none is a gold item. The rules alone (the classifier is left out, see
conftest.py)."""

from __future__ import annotations

from nlp.analyse import Analyser
from tests.nlp.helpers import Analyse, analyse_text as _powhs, categories, flags_of, refs


# -- names: initials of a hyphenated surname, a masked surname, the short name as a hashtag, handles --

def test_a_hyphenated_surname_by_its_initials_alone_names_the_teacher(powhs: Analyser) -> None:
    result = _powhs(powhs, "if E-O gives me one more detention i swear down")
    assert refs(result, "staff") == ["pw-staff-05"]


def test_the_initials_in_lower_case_name_nobody(powhs: Analyser) -> None:
    result = _powhs(powhs, "if e-o gives me one more detention i swear down")
    assert result["relevant"] is False


def test_a_surname_masked_after_a_title_names_the_teacher_it_fits(powhs: Analyser) -> None:
    result = _powhs(powhs, "The Welsh teacher at PoW High (Miss Ll**d) never marks our books")
    assert "pw-staff-04" in refs(result, "staff")


def test_a_masked_surname_no_teacher_fits_names_nobody(powhs: Analyser) -> None:
    result = _powhs(powhs, "The new teacher at PoW High (Miss J****s) never marks our books")
    assert refs(result, "staff") == []


def test_the_short_name_as_a_hashtag_with_a_school_year_tag_is_the_school(powhs: Analyser) -> None:
    result = _powhs(powhs, "mocks fory a dwi heb adolygu dim 🙃\n#tywysogcymru #bl11")
    assert result["relevant"] is True


def test_the_short_name_as_a_hashtag_on_a_royal_visit_is_not_the_school(powhs: Analyser) -> None:
    result = _powhs(powhs, "Crowds out for the royal visit today #princeofwales #bangor")
    assert result["relevant"] is False


def test_a_page_named_after_the_school_is_about_the_school(powhs: Analyser) -> None:
    result = _powhs(powhs, "Whoever runs that powhs_rates account ranking the year 9 girls, you're vile. Reported.")
    assert result["relevant"] is True


def test_a_handle_of_an_initial_and_a_surname_names_the_pupil(powhs: Analyser) -> None:
    result = _powhs(powhs, "@g.aprhys left his PE kit in the PoW changing rooms again")
    assert refs(result, "pupil") == ["pw-pupil-103"]


# -- safeguarding: an edited image, a relationship put in quotes, a teacher messaging at night --

def test_a_pupils_face_edited_onto_another_body_is_safeguarding(powhs: Analyser) -> None:
    result = _powhs(powhs, "someone put nia's face onto someone else's body and sent it round year 9 at PoW. "
                           "she's too scared to come in")
    assert "safeguarding" in categories(result)


def test_an_online_safety_talk_on_deepfakes_is_not_safeguarding(powhs: Analyser) -> None:
    result = _powhs(powhs, "Online safety evening at PoW High on Thursday: a talk on deepfakes and fake nudes and what "
                           "parents of Year 9 can do.")
    assert "safeguarding" not in categories(result)


def test_a_teacher_seeing_a_pupil_in_quotes_is_safeguarding(analyse: Analyse) -> None:
    result = analyse("Half of QEHS knows Mr Beynon is 'seeing' a Year 12 girl. Nobody does anything.")
    assert "safeguarding" in categories(result)


def test_a_teacher_seeing_a_pupil_about_a_ucas_form_is_not_safeguarding(powhs: Analyser) -> None:
    result = _powhs(powhs, "Ms Tudur at PoW High is seeing a Year 13 student about her UCAS form on Friday.")
    assert "safeguarding" not in categories(result)


def test_a_teacher_messaging_girls_after_midnight_is_safeguarding(analyse: Analyse) -> None:
    result = analyse("Mrs Pritchard at QE High has been adding girls on snap and messaging them after midnight.")
    assert "safeguarding" in categories(result)


def test_a_teacher_messaging_parents_about_homework_at_night_is_not_safeguarding(powhs: Analyser) -> None:
    result = _powhs(powhs, "Mr Hughes at PoW High texted the Year 11 parents at 10pm about the homework deadline.")
    assert "safeguarding" not in categories(result)


def test_two_teachers_seen_in_a_car_in_a_rumoured_affair_is_not_safeguarding(analyse: Analyse) -> None:
    result = analyse("Mr B and Mrs P having an affair?? seen them in his car in the QE car park after parents evening")
    assert "safeguarding" not in categories(result)


# -- threat: a home pointed out and a visit promised; moans with a sob-laugh; a burden --

def test_a_home_pointed_out_with_a_visit_promised_in_welsh_is_a_threat(powhs: Analyser) -> None:
    result = _powhs(powhs, "this is where Jacko Pugh lives 📍 the house with the red gate by the Co-op\n"
                           "mynd i ddeud helo nos Wener 😈")
    assert [f["ref"] for f in flags_of(result, "threat")] == ["pw-pupil-105"]
    assert "identifying" in categories(result)


def test_where_someone_lives_with_no_house_described_points_out_no_home(powhs: Analyser) -> None:
    result = _powhs(powhs, "Jacko Pugh from PoW says the place where he lives is the best town in Wales")
    assert not any("home pointed out" in f["reason"] for f in result["flags"])


def test_saying_hello_without_a_home_pointed_out_is_no_threat(powhs: Analyser) -> None:
    result = _powhs(powhs, "Mynd i ddeud helo wrth Jacko Pugh yn PoW fory, heb ei weld o ers y Pasg")
    assert "threat" not in categories(result)


def test_murder_promised_with_a_sob_laugh_is_no_threat(analyse: Analyse) -> None:
    result = analyse("mr beynon i'm going to murder you for that cross country 😭😭 my legs are gone #qehs")
    assert "threat" not in categories(result)


def test_murder_promised_without_one_is_still_a_threat(analyse: Analyse) -> None:
    result = analyse("mr beynon i'm going to murder you for that detention. watch yourself #qehs")
    assert "threat" in categories(result)


def test_a_friend_saying_she_wont_be_a_problem_much_longer_is_no_threat(analyse: Analyse) -> None:
    result = analyse("My friend Megan at QEHS keeps posting 'won't be a problem for anyone much longer'. "
                     "I'm scared for her.")
    assert "threat" not in categories(result)


# -- defamatory, disrepute, harassment --

def test_a_warning_that_a_teacher_must_not_lay_a_finger_again_is_defamatory(analyse: Analyse) -> None:
    result = analyse("If Mr Beynon lays a finger on my son again in PE I will go straight to the police. QEHS knows.")
    assert [f["ref"] for f in flags_of(result, "defamatory")] == ["staff-004"]


def test_a_warning_with_no_again_is_not_defamatory(analyse: Analyse) -> None:
    result = analyse("If anyone at QEHS lays a finger on my son in PE I will go straight to the police.")
    assert "defamatory" not in categories(result)


def test_a_trip_cancelled_with_families_out_of_pocket_is_disrepute(powhs: Analyser) -> None:
    result = _powhs(powhs, "PoW High Year 8 trip was cancelled the night before. £380 each and no refund yet.")
    assert "disrepute" in categories(result)


def test_a_trip_cancelled_for_snow_with_a_full_refund_is_not_disrepute(powhs: Analyser) -> None:
    result = _powhs(powhs, "The PoW High Year 9 trip to Paris was cancelled because of the snow. Everyone gets a full "
                           "refund.")
    assert "disrepute" not in categories(result)


def test_an_inspection_telling_the_school_to_improve_is_disrepute(powhs: Analyser) -> None:
    result = _powhs(powhs, "Bangor secondary told to improve after inspection. Inspectors said Prince of Wales High "
                           "School must improve attendance.")
    assert "disrepute" in categories(result)


def test_pupils_told_to_improve_their_handwriting_before_an_inspection_is_not_disrepute(powhs: Analyser) -> None:
    result = _powhs(powhs, "PoW High pupils were told to improve their handwriting before the inspection next week.")
    assert "disrepute" not in categories(result)


def test_a_new_girl_told_nobody_wants_her_here_is_harassment(powhs: Analyser) -> None:
    result = _powhs(powhs, "that new girl in 8G at PoW, go back home nobody wants u here")
    assert "harassment" in categories(result)


def test_the_words_condemned_are_not_harassment(powhs: Analyser) -> None:
    result = _powhs(powhs, "Whoever wrote 'nobody wants you here' on the new girl's locker at PoW High, that is "
                           "disgusting and it has been reported.")
    assert "harassment" not in categories(result)


# -- (round 2) names: a school's role by possessive, a first name congratulated, the short name placed on a day --

def test_the_schools_head_by_possessive_names_the_head(powhs: Analyser) -> None:
    result = _powhs(powhs, "PoW High's head lives at 14 Ffordd Example, Upper Bangor, LL57 9ZZ")
    assert refs(result, "staff") == ["pw-staff-01"]


def test_the_schools_head_boy_is_not_the_head(powhs: Analyser) -> None:
    result = _powhs(powhs, "PoW High's head boy won the county cross country")
    assert refs(result, "staff") == []


def test_a_first_name_congratulated_names_the_pupil_with_the_school_in_the_post(powhs: Analyser) -> None:
    result = _powhs(powhs, "llongyfarchiadau nia!! Wales U16 hockey squad 🏑 PoW represent")
    assert refs(result, "pupil") == ["pw-pupil-104"]


def test_a_first_name_congratulated_without_the_school_names_nobody(powhs: Analyser) -> None:
    result = _powhs(powhs, "llongyfarchiadau nia!! Wales U16 hockey squad 🏑")
    assert result["relevant"] is False


def test_a_weapon_brought_into_the_short_name_tomorrow_is_a_threat_to_the_school(powhs: Analyser) -> None:
    result = _powhs(powhs, "Snapchat story going round: a lad says he's bringing a knife into Prince of Wales tomorrow "
                           "for the ones who grassed. Sent to the police.")
    assert result["relevant"] is True
    assert "threat" in categories(result)


def test_going_into_the_short_name_tomorrow_for_a_hip_is_not_the_school(powhs: Analyser) -> None:
    result = _powhs(powhs, "My nan is going into Prince of Wales tomorrow for her hip")
    assert result["relevant"] is False


# -- (round 2) harassment, disrepute, defamatory, safeguarding talks --

def test_a_masked_slur_at_a_named_pupil_is_harassment(powhs: Analyser) -> None:
    result = _powhs(powhs, "that lad Elis Parry at PoW is def g*y, walks like it and all")
    assert [f["ref"] for f in flags_of(result, "harassment")] == ["pw-pupil-101"]


def test_a_masked_slur_condemned_is_not_harassment(powhs: Analyser) -> None:
    result = _powhs(powhs, "Someone wrote g*y on Elis Parry's locker at PoW. There is no place for that here.")
    assert "harassment" not in categories(result)


def test_a_named_pupil_exposed_in_a_call_out_post_is_harassment(powhs: Analyser) -> None:
    result = _powhs(powhs, "exposing gethin ap rhys from PoW for nicking from the lockers 🐀")
    assert [f["ref"] for f in flags_of(result, "harassment")] == ["pw-pupil-103"]


def test_a_newspaper_exposing_a_budget_is_not_harassment(powhs: Analyser) -> None:
    result = _powhs(powhs, "The Bangor Echo is exposing the PoW High building budget this week.")
    assert "harassment" not in categories(result)


def test_teachers_leaving_one_after_another_is_disrepute(powhs: Analyser) -> None:
    result = _powhs(powhs, "PoWHS has lost five science teachers this year and Year 11 are on agency cover.")
    assert "disrepute" in categories(result)


def test_new_teachers_welcomed_is_not_disrepute(powhs: Analyser) -> None:
    result = _powhs(powhs, "Croeso! PoW High welcomes four new maths teachers this year.")
    assert "disrepute" not in categories(result)


def test_mould_and_drips_in_a_classroom_is_disrepute(powhs: Analyser) -> None:
    result = _powhs(powhs, "PoW sixth form common room: black mould on the ceiling and a bucket catching the drips")
    assert "disrepute" in categories(result)


def test_mould_grown_in_a_science_lesson_is_not_disrepute(powhs: Analyser) -> None:
    result = _powhs(powhs, "Year 8 science at PoW High: we grew black mould in petri dishes in a lesson on microbes!")
    assert "disrepute" not in categories(result)


def test_a_named_head_said_to_bully_staff_out_is_defamatory(powhs: Analyser) -> None:
    result = _powhs(powhs, "I taught at PoWHS for six years. Dr Prydderch bullied experienced staff out, one by one.")
    assert [f["ref"] for f in flags_of(result, "defamatory")] == ["pw-staff-01"]


def test_staff_bullied_out_with_nobody_named_is_not_defamatory(powhs: Analyser) -> None:
    result = _powhs(powhs, "The union says pupils bullied two supply teachers out of PoW High last term.")
    assert "defamatory" not in categories(result)


def test_a_workshop_that_covered_grooming_is_not_safeguarding(powhs: Analyser) -> None:
    result = _powhs(powhs, "PoW High Year 9 had online safety workshops this week. The sessions covered sextortion, "
                           "grooming and how to report concerns.")
    assert "safeguarding" not in categories(result)


# -- (round 3) a pile-on on a teacher's own e-mail, a pupil mocked in a group, exam questions, Welsh "X sy 'di" --

def test_parents_urged_to_all_email_a_teachers_own_address_is_harassment(analyse: Analyse) -> None:
    result = analyse("Miss Jenkins won't answer about the QEHS coursework marks, so if we all email her at home "
                     "she'll have to listen.")
    assert [f["ref"] for f in flags_of(result, "harassment")] == ["staff-005"]


def test_parents_urged_to_email_the_school_office_is_not_harassment(analyse: Analyse) -> None:
    result = analyse("Miss Jenkins is off this week, so QEHS says everyone email the school office about coursework "
                     "marks.")
    assert "harassment" not in categories(result)


def test_a_pupil_mocked_in_a_group_chat_is_harassment(analyse: Analyse) -> None:
    result = analyse("Lili is in yr 9 at QE and the yr 11 lads' chat screenshot her tiktoks and rate her dancing out "
                     "of 10.")
    assert [f["ref"] for f in flags_of(result, "harassment")] == ["pupil-0045"]


def test_exam_questions_given_out_the_week_before_is_defamatory(analyse: Analyse) -> None:
    result = analyse("Mrs Pritchard at QEHS gave her top set the chemistry paper questions the week before. "
                     "That's why the results were so good.")
    assert [f["ref"] for f in flags_of(result, "defamatory")] == ["staff-003"]


def test_past_paper_questions_the_week_before_is_not_defamatory(analyse: Analyse) -> None:
    result = analyse("Mrs Pritchard at QEHS gave us the past paper questions the week before the mock. Legend.")
    assert "defamatory" not in categories(result)


def test_it_was_x_who_painted_graffiti_in_welsh_is_defamatory(analyse: Analyse) -> None:
    result = analyse("Osian Bowen sy 'di peintio graffiti ar wal y gampfa yn QE, pawb yn gwbod")
    assert [f["ref"] for f in flags_of(result, "defamatory")] == ["pupil-0044"]


# -- (round 4, indep36 opened) calls after personal details, goodbyes, a teacher and a pupil, threats hinted or reported --

def test_a_call_to_go_and_tell_someone_after_their_address_is_harassment_not_a_threat(powhs: Analyser) -> None:
    result = _powhs(powhs, "Prydderch from PoW High lives at 14 Ffordd Enghraifft, LL57 9ZZ. Go and tell him.")
    assert "harassment" in categories(result)
    assert "threat" not in categories(result)


def test_a_visit_paid_after_an_address_is_still_a_threat(powhs: Analyser) -> None:
    result = _powhs(powhs, "Prydderch from PoW High lives at 14 Ffordd Enghraifft, LL57 9ZZ. Someone pay him a visit.")
    assert "threat" in categories(result)


def test_a_last_post_with_a_goodbye_is_safeguarding(powhs: Analyser) -> None:
    result = _powhs(powhs, "last post. sorry mum. tell the team im sorry #powhs #bl11")
    assert "safeguarding" in categories(result)


def test_the_last_post_played_on_remembrance_day_is_not_safeguarding(powhs: Analyser) -> None:
    result = _powhs(powhs, "The Last Post played by Year 10 at the PoW High remembrance service. Sorry I missed it!")
    assert "safeguarding" not in categories(result)


def test_a_teacher_sleeping_with_one_of_the_sixth_form_girls_is_safeguarding(analyse: Analyse) -> None:
    result = analyse("Everyone in Year 12 says Mr Beynon is sleeping with one of the sixth form girls at QEHS.")
    assert "safeguarding" in categories(result)


def test_a_teacher_sleeping_with_one_eye_open_is_not_safeguarding(analyse: Analyse) -> None:
    result = analyse("Mr Beynon says he'll be sleeping with one eye open on the QEHS Year 11 camping trip 😂")
    assert "safeguarding" not in categories(result)


def test_an_event_nobody_forgets_with_a_bomb_sign_is_a_threat(analyse: Analyse) -> None:
    result = analyse("anon account posting pics of the QEHS hall: 'this year's concert will be one nobody forgets 💣'")
    assert "threat" in categories(result)


def test_a_leavers_party_nobody_forgets_is_no_threat(analyse: Analyse) -> None:
    result = analyse("QEHS leavers' party tonight, gonna be one nobody forgets 🎉🥳")
    assert "threat" not in categories(result)


def test_a_bomb_threat_to_the_school_being_dealt_with_is_a_threat(analyse: Analyse) -> None:
    result = analyse("Pupils at Queen Elizabeth High School, Carmarthen were sent home early after the school "
                     "received a bomb threat by e-mail.")
    assert "threat" in categories(result)


def test_a_bomb_threat_last_week_found_a_hoax_is_no_threat(analyse: Analyse) -> None:
    result = analyse("Last week's bomb threat at Queen Elizabeth High School, Carmarthen was a hoax, police say.")
    assert "threat" not in categories(result)


def test_a_town_named_with_the_decoy_keeps_the_decoys_sense_when_named_again(powhs: Analyser) -> None:
    result = _powhs(powhs, "A weekend in Bangor, County Down\n\nA pint at the old Prince of Wales, Bangor on the Ards "
                           "peninsula, then the marina.")
    assert result["relevant"] is False


def test_a_child_burning_her_arms_is_no_arson(powhs: Analyser) -> None:
    result = _powhs(powhs, "my mate in year 10 at PoW High has been burning her arms with a lighter. what do i do")
    assert "threat" not in categories(result)
    assert "safeguarding" in categories(result)


def test_a_teacher_caught_vaping_in_the_pupils_toilets_is_defamatory(analyse: Analyse) -> None:
    result = analyse("Mr Beynon wedi cael ei ddal yn fepio yn toiledau'r plant yn QE 😭")
    assert [f["ref"] for f in flags_of(result, "defamatory")] == ["staff-004"]


def test_a_pupil_caught_vaping_is_not_defamatory(analyse: Analyse) -> None:
    result = analyse("Cai Llewelyn got caught vaping in the QE toilets again lol, detention for a week")
    assert "defamatory" not in categories(result)


def test_a_named_pupil_branded_a_thief_with_the_rat_sign_is_harassment(powhs: Analyser) -> None:
    result = _powhs(powhs, "gethin ap rhys from PoW is the one nicking phones. thief 🐀")
    assert [f["ref"] for f in flags_of(result, "harassment")] == ["pw-pupil-103"]


def test_a_class_pet_rat_is_not_harassment(powhs: Analyser) -> None:
    result = _powhs(powhs, "Meet Nibbles 🐀 our Year 7 class pet at PoW High, looked after by Gethin ap Rhys!")
    assert "harassment" not in categories(result)


# -- (round 5, indep37 opened) Welsh "watchio", a grown man's flat, leaks and complaints, "sy di" --

def test_told_to_watchio_himself_walking_the_dog_after_dark_is_a_threat(powhs: Analyser) -> None:
    result = _powhs(powhs, "Well i Mr E-O watchio'i hun pan mae o'n mynd â'r ci am dro ar ôl iddi dwllu. Ma "
                           "damweiniau'n digwydd. Gofynnwch i unrhyw un yn PoW.")
    assert [f["ref"] for f in flags_of(result, "threat")] == ["pw-staff-05"]


def test_told_to_watchio_himself_on_the_ice_is_no_threat(powhs: Analyser) -> None:
    result = _powhs(powhs, "Well i Mr E-O watchio'i hun ar yr iâ bore 'ma, bron iddo lithro tu allan i PoW 😂")
    assert "threat" not in categories(result)


def test_year_7s_invited_to_a_grown_mans_flat_is_safeguarding(analyse: Analyse) -> None:
    result = analyse('ma rhywun yn QE High yn gwahodd plant blwyddyn 7 i "parti" yn fflat ryw ddyn 25 oed nos Sadwrn')
    assert "safeguarding" in categories(result)


def test_year_7s_invited_to_the_school_disco_is_not_safeguarding(analyse: Analyse) -> None:
    result = analyse("QE High yn gwahodd plant blwyddyn 7 i'r disgo yn neuadd yr ysgol nos Wener, £3 wrth y drws")
    assert "safeguarding" not in categories(result)


def test_rain_through_the_ceiling_with_buckets_everywhere_is_disrepute(powhs: Analyser) -> None:
    result = _powhs(powhs, "croeso i PoW lol rain coming through the ceiling in the Maths block AGAIN, bwcedi everywhere")
    assert "disrepute" in categories(result)


def test_the_council_investigating_complaints_about_the_school_is_disrepute(powhs: Analyser) -> None:
    result = _powhs(powhs, "Cyngor Gwynedd yn ymchwilio i gwynion am Ysgol Tywysog Cymru ar ôl llythyr gan rieni.")
    assert "disrepute" in categories(result)


def test_it_was_x_who_sent_the_nasty_messages_without_the_apostrophe_is_defamatory(powhs: Analyser) -> None:
    result = _powhs(powhs, "Carys Bebb sy di bod yn gyrru'r negeseuon cas i gyd ar gyfrif ffug. PoW yn gwbod.")
    assert [f["ref"] for f in flags_of(result, "defamatory")] == ["pw-pupil-106"]
