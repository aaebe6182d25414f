"""v18: the wording the forty-fifth independent set (indep45, opened: the autumn term as a monitor collects it) and
the fresh indep46 showed missing or wrongly flagged, each rule with its near miss. The texts are new; none is a gold
item. The rules alone (the classifier is left out, see conftest.py)."""

from __future__ import annotations

from nlp.analyse import Analyser
from tests.nlp.helpers import Analyse, analyse_text, categories


# -- relevance: a child's age after a name is someone else of that name --

def test_a_teachers_name_with_a_childs_age_in_welsh_is_someone_else(analyse: Analyse) -> None:
    result = analyse("Llongyfarchiadau mawr i Tomos Beynon, 8 oed, o Gei Newydd am ennill y ras i'r plant bach ddoe!")
    assert result["relevant"] is False


def test_a_pupils_name_with_a_primary_school_age_is_someone_else(analyse: Analyse) -> None:
    result = analyse("Well done to Cai Llewelyn, 7, and his class at Ysgol y Dderwen for raising £200 for the "
                     "children's ward")
    assert result["relevant"] is False


def test_a_pupils_name_with_a_secondary_school_age_is_still_the_pupil(analyse: Analyse) -> None:
    result = analyse("Well done to Cai Llewelyn, 13, a Year 8 pupil at QE High, who raised £200 with a sponsored swim")
    assert result["relevant"] is True
    assert "pupil" in {m["kind"] for m in result["mentions"]}


# -- critical: a death threat sprayed up, a teacher who touched pupils, a fire nobody would ask about --

def test_a_death_threat_sprayed_on_a_wall_near_the_school_is_a_threat(analyse: Analyse) -> None:
    result = analyse("Someone has sprayed 'BEYNON IS DEAD' on the underpass by QE High overnight. Reported it to "
                     "the police")
    assert "threat" in categories(result)


def test_a_tribute_painted_for_a_teacher_who_has_died_is_no_threat(analyse: Analyse) -> None:
    result = analyse("The Year 11s painted a mural for Mr Beynon at QE High. He is dead a year today and we still "
                     "miss him, rest in peace")
    assert "threat" not in categories(result)


def test_a_teacher_said_to_touch_pupils_after_netball_is_safeguarding(powhs: Analyser) -> None:
    result = analyse_text(powhs, "At Prince of Wales High Mr Ellis-Owen used to keep a few of us behind after "
                                 "hockey and touch us when he was 'checking our grip'. Nobody believed me")
    assert "safeguarding" in categories(result)


def test_a_teacher_asking_parents_to_get_in_touch_is_not_safeguarding(powhs: Analyser) -> None:
    result = analyse_text(powhs, "Mr Ellis-Owen says any parents with questions about the hockey tour at Prince "
                                 "of Wales High should get in touch us via the office")
    assert "safeguarding" not in categories(result)


def test_a_fire_nobody_would_ask_about_beside_the_schools_hall_is_a_threat(powhs: Analyser) -> None:
    result = analyse_text(powhs, "Bonfire night is a good night for a fire nobody asks questions about. Shame about "
                                 "the new sports hall at Prince of Wales High. Just saying")
    assert "threat" in categories(result)


def test_a_good_night_for_a_fire_pit_at_home_is_no_threat(powhs: Analyser) -> None:
    result = analyse_text(powhs, "Cold clear evening after parents' night at Prince of Wales High, a good night for "
                                 "a fire in the garden and a hot chocolate")
    assert "threat" not in categories(result)


# -- not critical: fireworks let off, a fire someone is said to have set, a stranger waiting with vapes,
#    the writer's own "if I didn't come back", a Year 7 who got lost, forms gone missing --

def test_fireworks_let_off_on_the_school_bus_are_no_arson(powhs: Analyser) -> None:
    result = analyse_text(powhs, "Year 10s from PoW setting off fireworks on the school bus last night, driver had "
                                 "to stop. Shameful")
    assert "threat" not in categories(result)


def test_setting_the_school_bus_on_fire_is_still_arson(powhs: Analyser) -> None:
    result = analyse_text(powhs, "gonna set the PoW school bus on fire tomorrow morning")
    assert "threat" in categories(result)


def test_a_pupil_said_to_have_set_the_bins_on_fire_is_an_allegation_not_a_threat(analyse: Analyse) -> None:
    result = analyse("it was osian bowen who set the skip on fire at QE on saturday, the police were round his "
                     "house after")
    assert "threat" not in categories(result)


def test_a_stranger_waiting_outside_the_gate_offering_vapes_is_luring_not_a_threat(powhs: Analyser) -> None:
    result = analyse_text(powhs, "Mae 'na ddyn mewn fan wen yn aros tu allan i giât Ysgol Tywysog Cymru ac yn "
                                 "cynnig fêps i blant blwyddyn 8. Dwi di ffonio'r heddlu.")
    assert "threat" not in categories(result)
    assert "safeguarding" in categories(result)


def test_waiting_outside_for_a_teacher_in_welsh_is_still_a_threat(powhs: Analyser) -> None:
    result = analyse_text(powhs, "Miss Llwyd, fydda i'n aros tu allan i Ysgol Tywysog Cymru amdanat ti heno. "
                                 "Gei di weld.")
    assert "threat" in categories(result)


def test_the_writers_own_if_i_didnt_come_back_is_no_harm_wished_on_another(powhs: Analyser) -> None:
    result = analyse_text(powhs, "fasa neb yn sylwi os fyswn i ddim yn dod nôl ar ôl y Pasg. di blino ar bob "
                                 "dim #powhs")
    assert "threat" not in categories(result)


def test_a_year_7_who_got_lost_in_the_corridors_is_no_missing_child(powhs: Analyser) -> None:
    result = analyse_text(powhs, "diwrnod cynta yn Tywysog Cymru a dwi di mynd ar goll 3 gwaith 😭 ond ma Mrs "
                                 "Tudur mor glên")
    assert "safeguarding" not in categories(result)


def test_a_year_7_gone_missing_is_still_safeguarding(powhs: Analyser) -> None:
    result = analyse_text(powhs, "Mae hogan o flwyddyn 7 Ysgol Tywysog Cymru ar goll ers neithiwr, plis rhannwch")
    assert "safeguarding" in categories(result)


def test_consent_forms_gone_missing_are_no_missing_child(powhs: Analyser) -> None:
    result = analyse_text(powhs, "@powhs_example ffurflenni caniatâd y trip wedi mynd ar goll eto. Sort it out")
    assert "safeguarding" not in categories(result)


# -- allegations: drunk in lessons and forged certificates in Welsh --

def test_a_teacher_suspended_for_coming_to_lessons_drunk_is_defamatory_in_welsh(analyse: Analyse) -> None:
    result = analyse("Mrs Pritchard wedi cael ei gwahardd am ddod i'r gwersi'n feddw, dyna pam bod supply gyda ni yn "
                     "QE")
    assert "defamatory" in categories(result)


def test_a_teacher_said_not_to_have_come_in_drunk_is_not_defamatory(analyse: Analyse) -> None:
    result = analyse("Dyw Mrs Pritchard ddim wedi dod i'r gwersi'n feddw, celwydd llwyr yw hynny. QE yn iawn")
    assert "defamatory" not in categories(result)


def test_a_forged_safeguarding_certificate_is_defamatory(analyse: Analyse) -> None:
    result = analyse("Mae Mr Beynon wedi ffugio'r dystysgrif diogelu, a fe sy'n rhedeg y clwb ar ôl ysgol yn QE!")
    assert "defamatory" in categories(result)


# -- disrepute: toilets locked, a shambles in Welsh, supply after supply, eggs, parents' concern, shouting --

def test_toilets_locked_again_at_the_school_is_disrepute(analyse: Analyse) -> None:
    result = analyse("the toilets at QE are locked again all afternoon, have to ask reception for a key 🙄")
    assert "disrepute" in categories(result)


def test_a_parents_evening_called_a_shambles_in_welsh_is_disrepute(analyse: Analyse) -> None:
    result = analyse("Noson agored QE neithiwr yn shambls llwyr, neb yn gwybod ble i fynd")
    assert "disrepute" in categories(result)


def test_a_fourth_supply_teacher_since_september_is_disrepute(analyse: Analyse) -> None:
    result = analyse("Our fourth supply teacher for Year 9 maths since September. What is going on at QEHS?")
    assert "disrepute" in categories(result)


def test_pupils_in_uniform_egging_houses_is_disrepute(analyse: Analyse) -> None:
    result = analyse("Kids in QE High blazers egged our house again last night. Does the school care?")
    assert "disrepute" in categories(result)


def test_parents_voicing_concern_in_the_news_is_disrepute(analyse: Analyse) -> None:
    result = analyse("Parents in Carmarthen have raised concerns after Queen Elizabeth High School closed its "
                     "library for a term")
    assert "disrepute" in categories(result)


def test_residents_concerned_about_a_roundabout_by_the_school_is_not_disrepute(analyse: Analyse) -> None:
    result = analyse("Residents in Carmarthen have raised concerns about the new roundabout near Queen Elizabeth "
                     "High School")
    assert "disrepute" not in categories(result)


def test_teachers_shouting_at_year_7s_at_the_disco_is_disrepute(powhs: Analyser) -> None:
    result = analyse_text(powhs, "Disgo Nadolig PoW: athrawon yn gweiddi ar blant bach blwyddyn 7 drwy'r nos, fy "
                                 "mab i adra'n crio")
    assert "disrepute" in categories(result)


def test_fireworks_night_in_welsh_is_no_pupils_running_wild(analyse: Analyse) -> None:
    result = analyse("noson tân gwyllt gyda criw QE 🎆 best night ever")
    assert "disrepute" not in categories(result)
