"""v8: the school's short name written with its town, "hs" or a Welsh mutation; a member of staff's uncommon surname
alone with a threat; and the critical wording the tenth independent set showed missing, each with its near miss."""

from __future__ import annotations

import pytest

from nlp.analyse import Analyser
from tests.nlp.helpers import Analyse, categories, refs


@pytest.mark.parametrize("text", [
    "osian from queen elizabeth carmarthen is top of the year in maths",
    "Queen Elizabeth, Carmarthen has a new head of sixth form",
    "Carmarthen's Queen Elizabeth came second in the county quiz",
])
def test_the_short_name_beside_a_profile_place_is_the_school(analyse: Analyse, text: str) -> None:
    assert refs(analyse(text), "school") == ["qehs"]


def test_the_short_name_and_a_place_apart_is_still_the_monarch(analyse: Analyse) -> None:
    assert analyse("Queen Elizabeth visited Carmarthen in 1955 and opened the new bridge")["relevant"] is False


def test_the_short_name_with_hs_after_it_is_the_school(powhs: Analyser) -> None:
    result = powhs.analyse({"id": "t", "text": "prince of wales hs shut again because of the heating lol"})
    assert result["relevant"] and refs(result, "school") == ["powhs"]


def test_the_short_name_alone_is_still_the_prince(powhs: Analyser) -> None:
    assert powhs.analyse({"id": "t", "text": "The Prince of Wales has opened a new bridge today"})["relevant"] is False


def test_in_the_short_name_with_the_nasal_mutation_is_the_school(powhs: Analyser) -> None:
    result = powhs.analyse({"id": "t", "text": "sa neb yn Nhywysog Cymru yn sylwi os dwi yna neu beidio"})
    assert refs(result, "school") == ["powhs"]


def test_the_welsh_short_name_unmutated_is_still_the_prince(powhs: Analyser) -> None:
    assert powhs.analyse({"id": "t", "text": "Mae Tywysog Cymru yn ymweld â'r dref ddydd Llun"})["relevant"] is False


def test_a_school_year_written_short_counts_as_a_school_word(powhs: Analyser) -> None:
    result = powhs.analyse({"id": "t", "text": "Carys (bl.9 tywysog cymru) yn canu yn y sioe heno"})
    assert result["relevant"] and refs(result, "pupil") == ["pw-pupil-106"]


@pytest.mark.parametrize("text", [
    "Shame nobody's put a brick through Prydderch's windscreen yet",
    "Prydderch. Dwi'n gwbod lle ti'n byw. Fydd o'm yn chwerthin ar ôl nos Wener, gaddo i chdi.",
])
def test_an_uncommon_staff_surname_alone_with_a_threat_is_relevant_and_critical(powhs: Analyser, text: str) -> None:
    result = powhs.analyse({"id": "t", "text": text})
    assert result["severity"] == "critical" and refs(result, "staff") == ["pw-staff-01"]


@pytest.mark.parametrize("text", ["Prydderch's new novel about the slate quarries is out on Friday",
                                  "Prydderch scored twice for Bangor City on Saturday"])
def test_an_uncommon_staff_surname_alone_without_hostile_words_is_not_relevant(powhs: Analyser, text: str) -> None:
    assert powhs.analyse({"id": "t", "text": text})["relevant"] is False


def test_a_common_surname_alone_is_not_relevant_even_with_a_threat(analyse: Analyse) -> None:
    assert analyse("Shame nobody's put a brick through Rees's windscreen yet")["relevant"] is False


@pytest.mark.parametrize("text", [
    "I've asked nicely five times. Next time I'm at QEHS it won't be words, Mrs Howells.",
    "Me and my brothers will be paying Mr Beynon a visit at QEHS and we won't be there to talk",
])
def test_a_warning_that_what_comes_next_is_not_talk_is_a_threat(analyse: Analyse, text: str) -> None:
    assert "threat" in categories(analyse(text))


def test_words_that_are_a_show_are_not_a_threat(analyse: Analyse) -> None:
    assert "threat" not in categories(analyse("Next week it won't be just words: the QEHS poetry club puts on a show"))


def test_the_target_s_home_known_in_welsh_with_a_menace_is_a_threat(powhs: Analyser) -> None:
    text = "Dwi'n gwbod yn iawn lle ma Mr Hughes PoW High yn byw. Fydd o'm yn gwenu ar ôl nos Sadwrn, gaddo i chdi."
    assert "threat" in categories(powhs.analyse({"id": "t", "text": text}))


def test_the_target_s_home_known_as_a_neighbour_is_not_a_threat(powhs: Analyser) -> None:
    text = "Dwi'n gwbod lle ma Mr Hughes PoW High yn byw, drws nesa i Nain, a mae o'n glên efo hi bob dydd"
    assert "threat" not in categories(powhs.analyse({"id": "t", "text": text}))


def test_a_warning_to_stay_away_from_an_event_with_something_planned_is_a_threat(analyse: Analyse) -> None:
    text = "Anyone at QEHS might want to give the awards evening a miss. A few of us have planned a send-off for Mr Beynon."
    assert "threat" in categories(analyse(text))


def test_a_warning_to_stay_away_from_an_event_for_the_weather_is_not_a_threat(analyse: Analyse) -> None:
    text = "Might want to give QEHS sports day a miss if the storm comes, we've planned an indoor one for Mr Beynon instead"
    assert "threat" not in categories(analyse(text))


@pytest.mark.parametrize("text", [
    "if QEHS exclude me over a vape im bringin my uncles shotty in. not joking",
    "QEHS yr 10 vs yr 11 behind the sports hall friday, everyone bring blades",
    "im bringin a knife to QEHS tomorrow",
])
def test_a_weapon_to_be_brought_in_slang_or_beside_a_word_of_sport_is_a_threat(analyse: Analyse, text: str) -> None:
    assert "threat" in categories(analyse(text))


def test_shotty_for_the_front_seat_is_not_a_threat(analyse: Analyse) -> None:
    assert "threat" not in categories(analyse("calling shotty on the way to QEHS prom 🚗"))


def test_a_target_foretold_needing_an_ambulance_is_a_threat(analyse: Analyse) -> None:
    text = "If the deputy at QEHS shouts at my son again she'll be the one needing an ambulance"
    assert "threat" in categories(analyse(text))


def test_a_lesson_the_target_will_not_get_up_from_is_a_threat(powhs: Analyser) -> None:
    result = powhs.analyse({"id": "t", "text": "someone should teach Mr Hughes at PoW High a lesson he won't get up from"})
    assert "threat" in categories(result)


def test_he_will_see_what_happens_in_welsh_is_a_threat(powhs: Analyser) -> None:
    text = "Os ydi'r pennaeth yn cau'r clwb yn Ysgol Tywysog Cymru, mi gaiff o weld be sy'n digwydd i'w gar o"
    assert "threat" in categories(powhs.analyse({"id": "t", "text": text}))


def test_he_will_see_the_show_in_welsh_is_not_a_threat(powhs: Analyser) -> None:
    text = "Mi gaiff Mr Hughes weld be ma plant Ysgol Tywysog Cymru wedi neud yn y sioe nos Iau"
    assert "threat" not in categories(powhs.analyse({"id": "t", "text": text}))


@pytest.mark.parametrize("text", [
    "bowen hasn't been in QEHS for weeks and last time he had marks all round his neck",
    "Ma cleisiau ar ei breichiau hi eto, a ma hi'n gweud bod hi wedi cwympo. #QEHS Lili",
])
def test_marks_of_harm_seen_on_a_child_are_safeguarding(analyse: Analyse, text: str) -> None:
    assert "safeguarding" in categories(analyse(text))


def test_marks_from_rugby_are_not_safeguarding(analyse: Analyse) -> None:
    assert "safeguarding" not in categories(analyse("QEHS u15s won, Osian has bruises all up his legs from the rugby"))


@pytest.mark.parametrize("text", [
    "year 10 at QEHS. tonight I counted the tablets in the bathroom cupboard. not going to do anything. probably.",
    "in the QEHS toilets at break I do the thing I promised I'd stopped doing and nobody notices",
    "my brother's mate at QEHS says osian is going to end it tonight, he's not answering",
    "started giving my stuff to my sister, sorted out who gets my xbox. won't be at QEHS on monday. or any monday.",
])
def test_a_pupil_s_own_half_said_self_harm_or_goodbye_is_safeguarding(analyse: Analyse, text: str) -> None:
    assert "safeguarding" in categories(analyse(text))


def test_a_goodbye_posted_on_a_story_is_safeguarding(powhs: Analyser) -> None:
    text = "Elis Parry wedi postio ffarwel ar ei story neithiwr. Oes rhywun o PoW High efo'i rif o? plîs"
    assert "safeguarding" in categories(powhs.analyse({"id": "t", "text": text}))


@pytest.mark.parametrize("text", [
    "promised I'd stopped vaping before QEHS prom but started again lol",
    "Mrs Howells has posted a goodbye on her story: retiring after 30 years at QEHS 💐",
    "giving my stuff to my sister when I go to uni from QEHS, she's getting my room too",
])
def test_the_same_words_about_a_habit_a_retirement_or_a_move_are_not_safeguarding(analyse: Analyse, text: str) -> None:
    assert "safeguarding" not in categories(analyse(text))


@pytest.mark.parametrize("text", [
    "some bloke says he's a 'modelling agent' and is messaging year 9 girls at QEHS asking for photos",
    "a male teacher at QEHS has been snapchatting a year 11 girl at 1am",
    "why does Mr Beynon drive that year 10 girl home from QEHS every single week and DM her at midnight?",
    "if ur a girl at QEHS and 'jake 15' adds u on snap, block him. he is not 15",
    "a member of staff at QEHS has been touching her in the changing rooms and nobody believes her",
    "older lads selling pills to year 8s at the QEHS back gates every lunchtime",
    "Cai Llewelyn QEHS comes in the same clothes every day and the kids say he eats out of the bins",
    "cai ur arms in that QEHS prom vid 😭 pls talk to someone",
])
def test_an_adult_s_contact_neglect_or_a_friend_s_worry_is_safeguarding(analyse: Analyse, text: str) -> None:
    assert "safeguarding" in categories(analyse(text))


@pytest.mark.parametrize("text", [
    "Mr Beynon texting the parents at QEHS about the match time, thanks for the update",
    "Mrs Howells touched her heart when she spoke at the QEHS leavers' assembly",
    "QEHS online safety evening: how to spot a fake 'modelling agent' asking for photos",
])
def test_the_same_words_in_school_business_a_speech_or_a_safety_talk_are_not_safeguarding(analyse: Analyse,
                                                                                        text: str) -> None:
    assert "safeguarding" not in categories(analyse(text))


# -- v8, second round (indep11 opened) --

def test_the_short_name_led_by_a_school_word_is_the_school(analyse: Analyse) -> None:
    assert refs(analyse("dim pwynt mynd nôl i ysgol y frenhines dydd llun"), "school") == ["qehs"]


def test_the_short_name_led_by_a_school_word_and_another_name_after_it_is_another_school(analyse: Analyse) -> None:
    assert analyse("Ysgol y Frenhines Mary yn Llundain wedi cau am byth")["relevant"] is False


def test_the_short_name_with_a_school_word_and_a_threat_to_the_school_is_relevant(powhs: Analyser) -> None:
    text = "un diwrnod arall o hyn a dwi'n llosgi Tywysog Cymru i'r llawr efo'r athrawon i gyd tu mewn"
    result = powhs.analyse({"id": "t", "text": text})
    assert result["relevant"] and result["severity"] == "critical"


def test_the_short_name_with_a_school_word_and_no_threat_is_still_not_relevant(powhs: Analyser) -> None:
    text = "Tywysog Cymru yn ymweld â'r athrawon a'r disgyblion yn yr ysgol newydd yng Nghaernarfon"
    assert powhs.analyse({"id": "t", "text": text})["relevant"] is False


def test_an_uncommon_staff_surname_in_lower_case_with_a_threat_is_relevant(powhs: Analyser) -> None:
    text = "if prydderch excludes my lad again ill be waiting by the gates and he wont be driving home that night"
    result = powhs.analyse({"id": "t", "text": text})
    assert result["severity"] == "critical" and refs(result, "staff") == ["pw-staff-01"]


@pytest.mark.parametrize("text", [
    "Some of us dads are going to pay Mrs Howells a visit at home this weekend and explain things. #QEHS",
    "'accidentally' leaving the gas on in Mrs P's lab while she's locked in the prep room 😇 #qehs",
    "Three complaints to QEHS. Next time I won't be writing a review, I'll be dealing with it myself, and with him.",
    "QEHS won't listen to letters, maybe they'll listen to something louder. I've complained for a year.",
])
def test_a_visit_an_accident_in_scare_quotes_or_dealing_with_it_oneself_is_a_threat(analyse: Analyse,
                                                                                     text: str) -> None:
    assert "threat" in categories(analyse(text))


@pytest.mark.parametrize("text", [
    "If you want to pay Mrs Howells a visit, she runs the QEHS library book swap every Thursday 📚",
    "The QEHS boiler broke so I'm dealing with it myself today, and with the plumber tomorrow",
    "The QEHS band will be something louder this year: drums and brass at the summer concert",
])
def test_a_visit_a_job_done_oneself_or_a_louder_band_is_not_a_threat(analyse: Analyse, text: str) -> None:
    assert "threat" not in categories(analyse(text))


@pytest.mark.parametrize("text", [
    "Osian Bowen QEHS wedi bod yn cysgu yn y sied tu ôl i'r clwb rygbi ers wythnos achos ma'i lystad e'n ei fwrw fe",
    "my little brother in yr 9 at QEHS got filmed in the changing rooms after PE and it's going round",
    "a year 10 girl at QEHS was sexually assaulted on the school bus and nobody has told the parents",
    "cai llewelyn selling his nan's tablets round the back of the QEHS sports hall again",
])
def test_sleeping_out_violence_at_home_images_assault_or_pills_sold_are_safeguarding(analyse: Analyse,
                                                                                    text: str) -> None:
    assert "safeguarding" in categories(analyse(text))


@pytest.mark.parametrize("text", [
    "Mrs Howells at QEHS hid a sexual assault report to protect the school's name",
    "QEHS sixth form sleeping rough for one night to raise £500 for the homeless charity",
    "my dad hits the ball further than anyone at the QEHS parents' cricket match",
])
def test_a_cover_up_alleged_a_sponsored_sleep_out_or_a_cricket_shot_is_not_safeguarding(analyse: Analyse,
                                                                                       text: str) -> None:
    assert "safeguarding" not in categories(analyse(text))


# -- v8, third round (indep12 opened) --

@pytest.mark.parametrize("text", [
    "Os na fydd rhywbeth yn newid, bydd rhywun yn mynd miwn i QEHS a dangos iddo fe beth yw dicter go iawn.",
    "Dr Rees at QEHS, you have children of your own. Think how you'd feel if something happened to them. Something to think about.",
    "Unrhyw un yn gwbod pryd ma Mrs Howells yn gadael QEHS fel arfer? Gofyn am reswm.",
    "if ur at QEHS pls just dont come in friday. cant say more 🤐",
    "what do you actually get for slapping a teacher if you're 15? asking cos Miss Jenkins at QEHS is pushing it",
    "strolling into QEHS on the last day with a backpack full of surprises for Dr Rees 💣😂",
    "if Mr Beynon benches me again he's not walking off that pitch. #QEHS",
])
def test_veiled_threats_found_in_indep12_are_threats(analyse: Analyse, text: str) -> None:
    assert "threat" in categories(analyse(text))


@pytest.mark.parametrize("text", [
    "QEHS closed on Friday for the inset day, don't come in, enjoy the long weekend",
    "what do you get for the QEHS leavers' hoodie order, does it include the names on the back?",
    "we've got a little surprise for Mrs Howells' retirement at QEHS 🎉🎂",
    "Anyone know when Mrs Howells leaves QEHS? We want to give her flowers on her last day 💐",
])
def test_the_same_shapes_about_closures_orders_parties_or_flowers_are_not_threats(analyse: Analyse, text: str) -> None:
    assert "threat" not in categories(analyse(text))


@pytest.mark.parametrize("text", [
    "an older lad gives cheap phones and cash to year 8s at QEHS to carry packages to town after school",
    "Megan QEHS showing everyone her arms in the changing rooms again, it's not a cry for help",
])
def test_children_carrying_packages_or_self_harm_mocked_is_safeguarding(analyse: Analyse, text: str) -> None:
    assert "safeguarding" in categories(analyse(text))


def test_a_charity_appeal_called_a_cry_for_help_is_not_safeguarding(analyse: Analyse) -> None:
    assert "safeguarding" not in categories(analyse("The QEHS food bank appeal is a cry for help from the whole town"))


# -- v8: harassment --

@pytest.mark.parametrize("text", [
    "Osian Bowen the thicko from the learning support unit at QE lol 🤣",
    "that Jenkins woman at QEHS is a dried-up old witch",
    "Osian Bowen yn hoyw bois 🤮🤮 QE Caerfyrddin",
    "caught Megan Thomas-Price crying her eyes out in the QEHS loos 😭 full vid on my story",
])
def test_name_calling_outing_or_a_humiliating_video_of_a_named_person_is_harassment(analyse: Analyse,
                                                                                   text: str) -> None:
    assert "harassment" in categories(analyse(text))


@pytest.mark.parametrize("text", [
    "Osian Bowen played the fool in the QEHS panto and stole the show",
    "Proud of Osian Bowen for speaking at the QEHS Pride assembly about being gay 🏳️‍🌈",
    "Megan Thomas-Price's solo had the whole QEHS hall in tears, full vid on my story 😭❤️",
    "Cai Llewelyn brings the bat to QEHS cricket club every Friday",
])
def test_a_role_a_proud_coming_out_a_moving_solo_or_a_cricket_bat_is_not_harassment(analyse: Analyse,
                                                                                   text: str) -> None:
    assert "harassment" not in categories(analyse(text))


# -- v8: disrepute --

@pytest.mark.parametrize("text", [
    "someone's posted screenshots of the QEHS staff group chat slagging off parents by name 😬",
    "watch the scrap outside QEHS today 😂 teachers just stood there eating their sandwiches",
    "Parents have criticised Queen Elizabeth High School in Carmarthen after 200 pupils were sent home over trainers",
    "QEHS charging £40 for a 'compulsory' blazer with the new logo. Cash grab.",
    "My son's IDP at QEHS says he gets 1:1 support in maths. Two terms in, we are still waiting.",
    "QEHS on the news again for the vapes in the toilets. Embarrassing.",
])
def test_leaks_fights_left_alone_parents_anger_charges_unmet_plans_and_embarrassment_are_disrepute(
        analyse: Analyse, text: str) -> None:
    assert "disrepute" in categories(analyse(text))


@pytest.mark.parametrize("text", [
    "QEHS year 11 raised £500 for the food bank, yn codi arian i'r elusen",
    "QEHS rugby: what a fight back in the second half, the whole team stood there proud at the end",
    "QEHS closed today because of the snow, all pupils were sent home at 11",
])
def test_fundraising_a_comeback_or_a_snow_day_is_not_disrepute(analyse: Analyse, text: str) -> None:
    assert "disrepute" not in categories(analyse(text))


# -- v8: defamatory --

@pytest.mark.parametrize("text", [
    "osian bowen from QEHS is the one nicking from the lockers, everyone knows",
    "Heard Mrs Howells got the push from her last school for marking her own son's papers. QEHS should know.",
    "Mrs Pritchard at QEHS bought her degree online, imagine being taught chem by her",
    "Mr Beynon the PE teacher at QEHS is defo a perv, stares at the lads in the changing rooms",
    "Mae Mr Beynon QEHS yn yfed cyn dod i'r ysgol, ma pawb yn gwbod",
    "QEHS results are fake. Teachers do half the coursework for the kids.",
])
def test_allegations_in_slang_welsh_or_informal_words_are_defamatory(analyse: Analyse, text: str) -> None:
    assert "defamatory" in categories(analyse(text))


@pytest.mark.parametrize("text", [
    "QEHS wedi gyrru canlyniadau ffug-arholiadau'r plant i'r teuluoedd anghywir",
    "Osian Bowen nicking the ball off the QEHS striker for the winner ⚽",
    "Mrs Howells got the push-bike prize at the QEHS raffle",
])
def test_mock_exam_results_a_tackle_or_a_raffle_are_not_defamatory(analyse: Analyse, text: str) -> None:
    assert "defamatory" not in categories(analyse(text))


def test_a_child_sent_messages_telling_him_to_kill_himself_is_safeguarding(analyse: Analyse) -> None:
    text = "to whoever keeps sending cai those messages telling him to kys, we know it's someone in 10C at QEHS"
    assert "safeguarding" in categories(analyse(text))


def test_an_online_safety_talk_about_being_told_to_kys_is_not_safeguarding(analyse: Analyse) -> None:
    text = "QEHS online safety talk tonight: what to do if messages keep telling him to kys. Tell an adult, screenshot, report."
    assert "safeguarding" not in categories(analyse(text))


# -- v8: pupils with the school written loosely --

def test_a_pupil_s_initials_form_and_the_abbreviation_in_lower_case_name_each_other(analyse: Analyse) -> None:
    result = analyse("meg t-p is such a sl*g ask half the qe boys")
    assert result["relevant"] and refs(result, "pupil") == ["pupil-0043"]


def test_the_abbreviation_in_lower_case_with_a_common_first_name_alone_is_not_the_school(analyse: Analyse) -> None:
    assert analyse("meg said the qe thing on the radio was boring")["relevant"] is False


def test_the_short_name_placed_after_yn_counts_with_a_pupil_named_in_full(powhs: Analyser) -> None:
    text = "Gethin ap Rhys = hogyn mwya hyll Bangor. Pawb yn Tywysog Cymru'n chwerthin ar dy ben di"
    result = powhs.analyse({"id": "t", "text": text})
    assert result["relevant"] and refs(result, "pupil") == ["pw-pupil-103"]


def test_a_pupil_named_in_full_beside_the_prince_is_not_the_school(powhs: Analyser) -> None:
    assert powhs.analyse({"id": "t", "text": "Gethin ap Rhys shook hands with the Prince of Wales"})["relevant"] is False
