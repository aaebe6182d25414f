"""v11: the wording the twenty-first independent set showed missing, each rule with its near miss. The texts are new;
none is a gold item. The rules alone (the classifier is left out, see conftest.py)."""

from __future__ import annotations

import pytest

from nlp.analyse import Analyser
from tests.nlp.helpers import Analyse, analyse_text as _powhs, categories, refs


# -- threats --

def test_hoping_a_teacher_has_checked_his_brakes_is_a_threat(powhs: Analyser) -> None:
    result = _powhs(powhs, "Detention again from PoW High thanks to Mr Hughes. hope he's checked his brakes this week 😇")
    assert result["severity"] == "critical"


def test_a_garage_checking_the_brakes_is_not_a_threat(powhs: Analyser) -> None:
    result = _powhs(powhs, "Mr Hughes from PoW High took the minibus in for its MOT and the garage checked the brakes")
    assert "threat" not in categories(result)


def test_a_fight_announced_again_with_a_time_is_a_threat(powhs: Analyser) -> None:
    result = _powhs(powhs, "round 2 friday by the bus bays 👊 jac pugh from PoWHS u got off light last time")
    assert result["severity"] == "critical"


def test_round_two_of_a_quiz_is_not_a_threat(powhs: Analyser) -> None:
    result = _powhs(powhs, "PoWHS year 8 through to round 2 of the county quiz on Friday, well done Jac Pugh and team")
    assert "threat" not in categories(result)


def test_told_in_welsh_they_will_see_what_is_coming_is_a_threat(analyse: Analyse) -> None:
    result = analyse("Nodyn ar ddrws y tŷ ar ôl i fi gwyno i'r QE: cadwa dy drwyn allan neu ti a'r teulu'n mynd i weld "
                     "beth sy'n dod")
    assert result["severity"] == "critical"


def test_seeing_what_is_coming_in_the_christmas_show_is_not_a_threat(analyse: Analyse) -> None:
    result = analyse("Sioe Nadolig y QE nos Iau! Dewch i weld beth sy'n dod, mae'r disgyblion wedi gweithio'n galed 🎄")
    assert "threat" not in categories(result)


def test_a_parent_joking_about_murdering_her_son_is_not_a_threat(analyse: Analyse) -> None:
    result = analyse("I'm going to murder my son, third QEHS tie lost since September 🙄")
    assert "threat" not in categories(result)


def test_homework_set_on_apps_is_not_arson(powhs: Analyser) -> None:
    result = _powhs(powhs, "Prince of Wales High review: homework set on four apps and none of them talk to each other")
    assert "threat" not in categories(result)


def test_a_bomb_of_a_show_is_not_a_threat(analyse: Analyse) -> None:
    result = analyse("QEHS year 9 dance show was a bomb of a night, proud mam 💃")
    assert "threat" not in categories(result)


# -- safeguarding --

def test_a_teacher_said_to_be_seeing_one_of_the_sixth_form_boys_is_safeguarding(analyse: Analyse) -> None:
    result = analyse("That teacher at QEHS is dating one of the year 13 lads, they were seen together at the beach")
    assert result["severity"] == "critical"


def test_a_teacher_seeing_one_of_the_sixth_formers_about_revision_is_not_safeguarding(analyse: Analyse) -> None:
    result = analyse("The teacher at QEHS is seeing one of the sixth form boys about his revision timetable")
    assert "safeguarding" not in categories(result)


def test_a_child_made_to_carry_parcels_in_quotes_is_safeguarding(powhs: Analyser) -> None:
    result = _powhs(powhs, "A boy from PoW High is being made to carry 'parcels' to Rhyl on the train, he's scared to "
                           "say no")
    assert result["severity"] == "critical"


def test_carrying_parcels_for_a_sale_is_not_safeguarding(powhs: Analyser) -> None:
    result = _powhs(powhs, "Year 10 pupils at PoW High will carry 'parcels' to the charity sale on Saturday")
    assert "safeguarding" not in categories(result)


@pytest.mark.parametrize("text", [
    "Mrs Davies talked parents through grooming and sextortion at PoW High last night",
    "Blwyddyn 8 PoWHS wedi creu posteri am secstio a meithrin perthynas amhriodol 👏",
])
def test_a_talk_or_posters_on_grooming_are_not_safeguarding(powhs: Analyser, text: str) -> None:
    assert "safeguarding" not in categories(_powhs(powhs, text))


# -- defamatory --

def test_a_fire_pinned_on_a_pupil_in_welsh_is_defamatory(powhs: Analyser) -> None:
    result = _powhs(powhs, "Jac Pugh nath roi'r tân yn y cwt beics yn PoWHS, ma pawb yn gwbod")
    assert "defamatory" in categories(result)


def test_putting_the_fire_on_in_welsh_is_not_defamatory(powhs: Analyser) -> None:
    result = _powhs(powhs, "Jac Pugh nath roi'r tân ymlaen yn y neuadd yn PoWHS cyn y cyngerdd, chwara teg")
    assert "defamatory" not in categories(result)


def test_a_teacher_suspended_for_hitting_in_welsh_is_defamatory_not_a_threat(powhs: Analyser) -> None:
    result = _powhs(powhs, "Ms Tudur o PoWHS 'di cael ei gwahardd am daro hogyn blwyddyn 8")
    assert "defamatory" in categories(result)
    assert "threat" not in categories(result)


def test_a_job_for_the_heads_nephew_without_interview_is_defamatory(powhs: Analyser) -> None:
    result = _powhs(powhs, "Dr Prydderch yn PoWHS 'di rhoi swydd i'w nai heb gyfweliad. Cywilydd.")
    assert "defamatory" in categories(result)


def test_a_job_advert_without_an_interview_fee_is_not_defamatory(powhs: Analyser) -> None:
    result = _powhs(powhs, "Swydd: cynorthwyydd dosbarth yn PoWHS. Dim ffi ymgeisio. Cyfweliadau ym mis Ionawr.")
    assert "defamatory" not in categories(result)


def test_a_leaking_portacabin_is_not_records_leaked(powhs: Analyser) -> None:
    result = _powhs(powhs, "Huw Prydderch, head of Prince of Wales High School, said pupils had put up with leaking "
                           "portacabins for years")
    assert "defamatory" not in categories(result)


# -- harassment --

def test_a_teacher_called_a_useless_woman_is_harassment(powhs: Analyser) -> None:
    result = _powhs(powhs, "Bethan Llwyd at PoWHS is a useless woman and a disgrace to the profession")
    assert "harassment" in categories(result)


def test_a_useless_printer_is_not_harassment(powhs: Analyser) -> None:
    result = _powhs(powhs, "Bethan Llwyd at PoWHS says the useless printer in the library is finally being replaced")
    assert "harassment" not in categories(result)


def test_a_teacher_called_thick_in_southern_welsh_is_harassment(analyse: Analyse) -> None:
    result = analyse("Mr Beynon o'r QE? pen bach llwyr")
    assert "harassment" in categories(result)


def test_a_pupil_and_her_family_called_thieves_is_harassment(powhs: Analyser) -> None:
    result = _powhs(powhs, "Carys Bebb from PoWHS is a thief like the rest of that family")
    assert "harassment" in categories(result)


# -- disrepute --

def test_asking_how_a_class_list_got_out_of_the_school_is_disrepute(analyse: Analyse) -> None:
    result = analyse("The QE year 9 class list with dates of birth is on Snapchat. How did this get out of the school?")
    assert "disrepute" in categories(result)


@pytest.mark.parametrize("text", [
    "Dyw'r ysgol ddim yn becso dim am y sbwriel tu fas i'r QE, mae'n ofnadwy",
    "Fydden i ddim yn argymell QEHS i neb ar hyn o bryd, dim ateb i un e-bost",
])
def test_southern_welsh_complaints_are_disrepute(analyse: Analyse, text: str) -> None:
    assert "disrepute" in categories(analyse(text))


def test_staff_shown_drunk_at_a_do_is_disrepute(powhs: Analyser) -> None:
    result = _powhs(powhs, "vids of the PoW High teachers hammered at the christmas do on the harbour 🍻")
    assert "disrepute" in categories(result)


# -- relevance and mentions --

@pytest.mark.parametrize("text", [
    "Dwi'n hoff iawn o'r clwb drama yn Tywysog Cymru, athrawon ffeind",
    "Cafodd y bachgen ei gyffwrdd gan y newyddion yn Tywysog Cymru, meddai'r athrawon",
])
def test_the_short_name_left_unmutated_after_welsh_in_is_the_school(powhs: Analyser, text: str) -> None:
    assert _powhs(powhs, text)["relevant"] is True


@pytest.mark.parametrize("text", [
    "Cafodd ei wneud yn Tywysog Cymru yn 1969, meddai'r athro hanes",
    "Mae William yn Dywysog Cymru ers 2022 ac mae'r ysgolion wedi cael gwyliau",
])
def test_the_short_name_after_a_verb_of_becoming_or_mutated_is_the_prince(powhs: Analyser, text: str) -> None:
    assert _powhs(powhs, text)["relevant"] is False


@pytest.mark.parametrize("profile,text", [
    ("qehs", "A Swansea solicitor, Osian Bowen, has been struck off for taking client money"),
    ("powhs", "that Carys Bebb girl on love island is a proper snake lol"),
])
def test_a_solicitor_or_reality_tv_namesake_of_a_pupil_is_not_relevant(analyse: Analyse, powhs: Analyser,
                                                                        profile: str, text: str) -> None:
    result = analyse(text) if profile == "qehs" else _powhs(powhs, text)
    assert result["relevant"] is False
    assert refs(result) == []


# -- round 2 (indep22 opened) --

def test_a_teacher_told_he_will_need_to_count_his_teeth_is_a_threat(powhs: Analyser) -> None:
    result = _powhs(powhs, "If Mr Hughes from PoW High talks to my son like that again he'll need more than a "
                           "calculator to count his teeth")
    assert result["severity"] == "critical"


def test_counting_teeth_at_the_dentist_is_not_a_threat(powhs: Analyser) -> None:
    result = _powhs(powhs, "PoW High year 7 science: the dentist came in and Mr Hughes helped them count his teeth")
    assert "threat" not in categories(result)


def test_coming_in_with_no_more_words_in_southern_welsh_is_a_threat(analyse: Analyse) -> None:
    result = analyse("Dim ateb gan Dr Rees o'r QE ers mis. Bydda i'n dod lan i'r ysgol fy hun fory. Dim mwy o eiriau.")
    assert result["severity"] == "critical"


def test_no_more_words_about_a_welcome_evening_is_not_a_threat(analyse: Analyse) -> None:
    result = analyse("Noson agored y QE: dewch i'r ysgol fy hun i weld y gwersi, croeso i bawb. Dim mwy o eiriau, "
                     "dewch i weld!")
    assert "threat" not in categories(result)


def test_a_named_pupil_offered_to_strangers_is_safeguarding(analyse: Analyse) -> None:
    result = analyse("megan thomas-price yr 9 qehs, dm for her number shes up for anything")
    assert result["severity"] == "critical"


def test_a_pupil_up_for_anything_in_a_quiz_is_not_safeguarding(analyse: Analyse) -> None:
    result = analyse("Megan Thomas-Price captains the QEHS quiz team and she's up for anything, well done all")
    assert "safeguarding" not in categories(result)


def test_a_homophobic_jibe_at_a_named_teacher_is_harassment(powhs: Analyser) -> None:
    result = _powhs(powhs, "Mr Hughes from PoWHS is light in his loafers lol")
    assert "harassment" in categories(result)


def test_a_teachers_home_email_with_a_call_to_bombard_him_is_harassment(analyse: Analyse) -> None:
    result = analyse("Mr Beynon from QEHS, his home email is tbeyn@example.org. Bombard him.")
    assert "harassment" in categories(result)


def test_the_school_office_number_with_a_call_to_ring_is_not_harassment(analyse: Analyse) -> None:
    result = analyse("Mr Beynon at QEHS is running the trip; give him a ring via reception on 01267 123456")
    assert "harassment" not in categories(result)


def test_a_teacher_said_to_stink_of_drink_in_welsh_is_defamatory(analyse: Analyse) -> None:
    result = analyse("Miss Jenkins o'r QE yn gwynto o ddiod yn y gwersi")
    assert "defamatory" in categories(result)


def test_children_made_ill_by_the_canteen_is_disrepute(powhs: Analyser) -> None:
    result = _powhs(powhs, "My son was sick from the canteen at PoW High again, chicken pink in the middle")
    assert "disrepute" in categories(result)


def test_the_school_mocked_as_clowns_is_disrepute(powhs: Analyser) -> None:
    result = _powhs(powhs, "PoW High sent the sports day letter for the wrong year. absolute clowns")
    assert "disrepute" in categories(result)


@pytest.mark.parametrize("text", [
    "great lesson with mrs p at QEHS, we got to blow stuff up in chem 💥",
    "Osian Bowen from QEHS hasn't been home since Friday. Can someone who knows his family ring them?",
])
def test_harmless_uses_of_threat_words_are_not_threats(analyse: Analyse, text: str) -> None:
    assert "threat" not in categories(analyse(text))


def test_a_surname_with_the_job_it_is_known_by_names_the_teacher(powhs: Analyser) -> None:
    result = _powhs(powhs, "Hughes the maths teacher lives in the white house by the chapel, LL57, just so you know")
    assert refs(result) == ["pw-staff-03"]


def test_a_surname_with_another_trade_is_someone_else(powhs: Analyser) -> None:
    result = _powhs(powhs, "Hughes the plumber fixed our boiler in Bangor, top man")
    assert refs(result) == []


def test_a_school_concert_in_a_hall_is_not_another_town(powhs: Analyser) -> None:
    result = _powhs(powhs, "Cyngerdd Ysgol Tywysog Cymru yn Neuadd y Dref nos Wener, tocynnau o'r swyddfa")
    assert result["relevant"] is True


@pytest.mark.parametrize("text", [
    "Dwy gôl i Rhian Pritchard i Dref Caerfyrddin heno",
    "Rhian Pritchard at the letting agency in Carmarthen kept our whole deposit",
])
def test_a_footballer_or_letting_agent_namesake_is_not_relevant(analyse: Analyse, text: str) -> None:
    assert analyse(text)["relevant"] is False


# -- round 3: how pupils are named --

@pytest.mark.parametrize("text,ref", [
    ("look at @lili.griffs in her QE blazer 😂", "pupil-0045"),
    ("@cai.llew_10 from QEHS is a grass", "pupil-0042"),
    ("QEHS year 9 at the bus stop @osianbowen_x", "pupil-0044"),
])
def test_a_handle_with_the_name_run_together_or_the_surname_begun_names_the_pupil(analyse: Analyse, text: str,
                                                                                 ref: str) -> None:
    assert refs(analyse(text), "pupil") == [ref]


def test_a_handle_with_another_surname_does_not_name_the_pupil(analyse: Analyse) -> None:
    assert refs(analyse("@lili.grant at QE is so fake"), "pupil") == []


def test_a_short_first_name_spoken_to_with_ur_names_the_pupil(analyse: Analyse) -> None:
    assert refs(analyse("cai ur such a liar. everyone at qe knows it"), "pupil") == ["pupil-0042"]


@pytest.mark.parametrize("text", [
    "Llongyfarchiadau i Ffion a thîm hoci Tywysog Cymru ar ennill y gynghrair",
    "Da iawn i ddisgyblion Tywysog Cymru, a Ffion yn enwedig",
])
def test_a_welsh_school_noun_before_the_short_name_makes_it_the_school(powhs: Analyser, text: str) -> None:
    result = _powhs(powhs, text)
    assert result["relevant"] is True
    assert refs(result, "pupil") == ["pw-pupil-102"]


@pytest.mark.parametrize("text", [
    "Tîm polo Tywysog Cymru yn ennill eto yn Windsor",
    "Bydd staff Tywysog Cymru yn cyfarfod y Brenin fory",
])
def test_the_princes_polo_team_or_staff_are_not_the_school(powhs: Analyser, text: str) -> None:
    assert _powhs(powhs, text)["relevant"] is False


# -- round 4 (indep25 opened) --

def test_a_hashtag_that_begins_with_a_pupils_full_name_names_the_pupil(analyse: Analyse) -> None:
    assert refs(analyse("#OsianBowenIsAClown going round the QE yr 10 chat"), "pupil") == ["pupil-0044"]


def test_a_hashtag_that_begins_with_the_schools_name_is_the_school(powhs: Analyser) -> None:
    result = _powhs(powhs, "gethin in the common room again, no work done #powhs6thform")
    assert result["relevant"] is True
    assert refs(result, "pupil") == ["pw-pupil-103"]


def test_a_hashtag_of_another_prince_of_wales_is_not_the_school(powhs: Analyser) -> None:
    assert _powhs(powhs, "#PrinceOfWalesVisit to Cardiff today, crowds everywhere")["relevant"] is False


def test_a_surname_of_two_words_run_together_names_the_pupil(powhs: Analyser) -> None:
    result = _powhs(powhs, "gethin aprhys getting jumped behind the co-op in penrhos after skl tmrw")
    assert refs(result, "pupil") == ["pw-pupil-103"]
    assert result["severity"] == "critical"


def test_told_to_watch_himself_with_men_wanting_a_word_in_northern_welsh_is_a_threat(powhs: Analyser) -> None:
    result = _powhs(powhs, "Deud wrth Mr Hughes PoW am watsiad ei hun, ma 'na hogia o'r dre isio gair bach efo fo 😉")
    assert result["severity"] == "critical"


def test_the_head_wanting_a_word_about_a_trip_is_not_a_threat(powhs: Analyser) -> None:
    result = _powhs(powhs, "Mr Hughes PoW isio gair bach efo fo am y trip i Gaerdydd, dim byd mawr")
    assert "threat" not in categories(result)


def test_a_pupils_first_name_with_a_teacher_named_by_title_names_the_pupil(analyse: Analyse) -> None:
    result = analyse("Ma' Osian yn gweud bod neb yn siarad ag e. Wedes i wrth Mrs Howells ddoe.")
    assert sorted(refs(result)) == ["pupil-0044", "staff-002"]


@pytest.mark.parametrize("text", [
    "cai ur dead to me for eating my crisps in QEHS canteen",
    "if osian beats me at fifa again im literally going to end him 😂 QEHS sixth form",
])
def test_dead_to_me_and_literal_hyperbole_are_not_threats(analyse: Analyse, text: str) -> None:
    assert "threat" not in categories(analyse(text))


def test_the_schools_acronym_as_a_job_title_is_not_the_school(analyse: Analyse) -> None:
    result = analyse("Hiring: QEHS Advisor for a wind farm in Pembroke Dock, NEBOSH certificate needed")
    assert result["relevant"] is False


def test_the_schools_acronym_with_its_staff_is_the_school(analyse: Analyse) -> None:
    assert analyse("QEHS staff ran a brilliant open evening")["relevant"] is True
