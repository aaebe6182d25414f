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
