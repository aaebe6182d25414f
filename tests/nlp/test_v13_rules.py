"""v13: the wording the twenty-ninth independent set (indep29, opened) showed missing, each rule with its near miss.
The texts are new; none is a gold item. The rules alone (the classifier is left out, see conftest.py)."""

from __future__ import annotations

from nlp.analyse import Analyser
from tests.nlp.helpers import Analyse, analyse_text as _powhs, categories, flags_of, refs


# -- a masked insult as a sentence of its own --

def test_a_masked_slur_after_an_allegation_is_harassment_of_the_person(analyse: Analyse) -> None:
    result = analyse("Mrs Howells at QEHS only got the deputy job because she's sleeping with a governor. Sl*g.")
    assert [f["ref"] for f in flags_of(result, "harassment")] == ["staff-002"]


def test_a_masked_word_with_nobody_named_is_not_harassment(analyse: Analyse) -> None:
    result = analyse("QEHS drama club put on the new play last night. B*tch of a night to drive home in, mind.")
    assert "harassment" not in categories(result)


# -- a call to go and tell someone, far from their name --

def test_go_ask_him_yourselves_after_his_address_is_harassment_of_the_pupil(analyse: Analyse) -> None:
    result = analyse("Since you all love him so much: Cai Llewelyn, year 10 at QEHS. Lives at 3 Heol y Dderwen, "
                     "Carmarthen. His number's 07700 900321. Go ask him yourselves what he did to my brother.")
    assert [f["ref"] for f in flags_of(result, "harassment")] == ["pupil-0042"]


def test_tell_her_what_you_think_in_welsh_after_where_she_lives_is_harassment(analyse: Analyse) -> None:
    result = analyse("Megan Thomas-Price, Bl 9 yn QE. Ma hi'n byw ar bwys y siop sglods yn Nhre Ioan. "
                     "Cerwch i weud wrthi beth chi'n meddwl ohoni.")
    assert "harassment" in categories(result)


def test_ask_him_yourselves_without_personal_details_is_not_harassment(analyse: Analyse) -> None:
    result = analyse("Cai Llewelyn from QEHS won the county maths quiz again. Ask him yourselves how he does it!")
    assert "harassment" not in categories(result)


def test_pay_him_a_visit_after_his_address_stays_a_veiled_threat_not_harassment(analyse: Analyse) -> None:
    result = analyse("Mr Beynon from QEHS lives at 9 Heol y Bryn, Carmarthen. Pay him a visit.")
    assert "harassment" not in categories(result)


# -- a pupil laughed at --

def test_watching_a_pupil_cry_again_with_a_laugh_is_harassment_in_welsh(powhs: Analyser) -> None:
    result = _powhs(powhs, "pwy sy'n dod i weld Ffion Meredydd yn crio eto heddiw 😂 PoW High")
    assert [f["ref"] for f in flags_of(result, "harassment")] == ["pw-pupil-102"]


def test_a_pupil_getting_battered_lol_is_harassment(analyse: Analyse) -> None:
    result = analyse("Cai Llewelyn QEHS getting absolutely battered by the bike sheds lol 😂 [video]")
    assert "harassment" in categories(result)


def test_a_pupils_fight_condemned_is_not_harassment(analyse: Analyse) -> None:
    result = analyse("Whoever filmed Cai Llewelyn getting battered by the QEHS bike sheds and laughed: grow up. "
                     "Leave him alone.")
    assert "harassment" not in categories(result)


def test_mimicking_a_pupil_with_a_laugh_is_harassment(powhs: Analyser) -> None:
    result = _powhs(powhs, "doing my best Elis Parry impression 😂 #powhs #stammer")
    assert "harassment" in categories(result)


def test_a_pupils_impression_in_the_talent_show_praised_is_not_harassment(powhs: Analyser) -> None:
    result = _powhs(powhs, "Well done Elis Parry, the best Mr Hughes impression we've ever seen at the PoWHS "
                           "talent show 😂 congrats!")
    assert "harassment" not in categories(result)


# -- arson: a match thrown in --

def test_chaining_the_doors_and_chucking_a_match_in_is_a_threat(analyse: Analyse) -> None:
    result = analyse("someone should lock everyone in the QEHS hall at assembly and chuck a match in. no loss")
    assert result["severity"] == "critical" and "threat" in categories(result)


def test_chucking_a_match_on_the_pta_barbecue_is_not_a_threat(analyse: Analyse) -> None:
    result = analyse("QEHS summer fair: Mr Beynon will chuck a match on the barbecue at 12, burgers £2")
    assert "threat" not in categories(result)


# -- Welsh: not wanting to live any more --

def test_not_wanting_to_live_any_more_in_northern_welsh_is_safeguarding(powhs: Analyser) -> None:
    result = _powhs(powhs, "sgin i'm isio byw dim mwy. neb yn PoW High yn siarad efo fi ers y llun")
    assert result["severity"] == "critical" and "safeguarding" in categories(result)


def test_not_wanting_to_live_in_a_place_any_more_is_not_safeguarding(powhs: Analyser) -> None:
    result = _powhs(powhs, "dwi'm isio byw ym Mangor dim mwy, rhy ddrud. Ond PoW High yn ysgol dda i'r plant")
    assert "safeguarding" not in categories(result)


# -- children lured into a van --

def test_a_man_trying_to_get_children_into_his_van_in_welsh_is_safeguarding(powhs: Analyser) -> None:
    result = _powhs(powhs, "RHYBUDD rhieni PoW High: dyn mewn fan wen yn trio cael plant blwyddyn 8 i fynd i mewn "
                           "i'r fan wrth y giât ar ôl ysgol ddoe")
    assert result["severity"] == "critical" and "safeguarding" in categories(result)


def test_pupils_helped_into_the_trip_coach_is_not_safeguarding(analyse: Analyse) -> None:
    result = analyse("QEHS year 7 trip: a man from the coach company will help the children get into the van "
                     "with their bags at 8am")
    assert "safeguarding" not in categories(result)


# -- (round 2, indep30 opened) names written apart and in campaign hashtags --

def test_a_title_and_surname_spelt_out_letter_by_letter_name_the_teacher(analyse: Analyse) -> None:
    result = analyse("m i s s  j e n k i n s is a dried-up old spinster. no man would go near her 😂 #qehs")
    assert refs(result, "staff") == ["staff-005"]


def test_a_campaign_hashtag_with_the_surname_alone_names_the_teacher(analyse: Analyse) -> None:
    result = analyse("good riddance, hope his new school knows what they're getting 🤮 #byebyebeynon #qehs")
    assert refs(result, "staff") == ["staff-004"]


def test_a_campaign_hashtag_with_the_surname_alone_and_no_school_is_not_about_the_school(analyse: Analyse) -> None:
    result = analyse("#ReesOut what a shambles of a selection for the Wales game tonight")
    assert not result["relevant"]


# -- (round 2) pupils given drink, staff alone with pupils --

def test_a_pupils_drink_spiked_at_the_prom_is_safeguarding(powhs: Analyser) -> None:
    result = _powhs(powhs, "PoW High prom last night: my daughter says his drink was spiked and the lad was left "
                           "on the toilet floor for an hour")
    assert result["severity"] == "critical" and "safeguarding" in categories(result)


def test_a_talk_on_spiked_drinks_is_not_safeguarding(powhs: Analyser) -> None:
    result = _powhs(powhs, "PoW High sixth form had a talk about how to tell if your drink was spiked, "
                           "before prom season")
    assert "safeguarding" not in categories(result)


def test_a_teacher_caught_with_a_pupil_is_safeguarding(analyse: Analyse) -> None:
    result = analyse("Real reason Mr Beynon left QEHS mid-term: he was caught with a Year 10 girl in the PE office.")
    assert result["severity"] == "critical" and "safeguarding" in categories(result)


def test_a_teacher_who_caught_a_pupil_with_a_vape_is_not_safeguarding(analyse: Analyse) -> None:
    result = analyse("Mr Beynon caught a Year 10 with a vape in the QEHS changing rooms, detention all week")
    assert "safeguarding" not in categories(result)


def test_a_teacher_keeping_boys_behind_with_the_door_locked_is_safeguarding(analyse: Analyse) -> None:
    result = analyse("I was at QEHS years ago. Mr Rees used to keep certain boys behind after detention and lock "
                     "the door. I wasn't the only one.")
    assert result["severity"] == "critical" and "safeguarding" in categories(result)


def test_a_teacher_keeping_boys_behind_to_tidy_up_is_not_safeguarding(analyse: Analyse) -> None:
    result = analyse("Mr Rees used to keep certain boys behind after detention at QEHS to stack the chairs, "
                     "fair enough")
    assert "safeguarding" not in categories(result)


# -- (round 2) "not allowed to talk about it" is no talk --

def test_a_teacher_caught_with_a_pupil_that_nobody_may_talk_about_is_safeguarding(analyse: Analyse) -> None:
    result = analyse("Mr Beynon left QEHS mid-term and nobody's allowed to talk about it: he was caught with a Year 10 "
                     "girl in the PE office.")
    assert result["severity"] == "critical" and "safeguarding" in categories(result)


def test_a_talk_about_staff_caught_with_pupils_is_not_safeguarding(analyse: Analyse) -> None:
    result = analyse("QEHS governors had a talk about safer recruitment: what happens if a member of staff is caught "
                     "with a pupil alone, said Mr Rees.")
    assert "safeguarding" not in categories(result)


# -- (round 3, indep31 opened) allegations put as stories --

def test_a_teacher_selling_a_confiscated_phone_is_defamatory(powhs: Analyser) -> None:
    result = _powhs(powhs, "storytime: how Miss Llwyd at PoW confiscated my phone and then sold it on facebook "
                           "marketplace 💀")
    assert [f["ref"] for f in flags_of(result, "defamatory")] == ["pw-staff-04"]


def test_a_teacher_selling_her_own_sofa_is_not_defamatory(powhs: Analyser) -> None:
    result = _powhs(powhs, "Miss Llwyd from PoW had a spare sofa and sold it on facebook marketplace in a day, bargain")
    assert "defamatory" not in categories(result)


def test_a_head_getting_a_brown_envelope_from_a_supplier_is_defamatory(analyse: Analyse) -> None:
    result = analyse("storytime: how Dr Rees at QEHS gets a brown envelope from the canteen company every term 💰")
    assert [f["ref"] for f in flags_of(result, "defamatory")] == ["staff-001"]


def test_a_brown_envelope_of_exam_results_is_not_defamatory(analyse: Analyse) -> None:
    result = analyse("Mrs Howells at QEHS gets a brown envelope with the exam results on the Wednesday before")
    assert "defamatory" not in categories(result)


def test_changing_the_dates_on_a_safeguarding_log_is_defamatory(powhs: Analyser) -> None:
    result = _powhs(powhs, "Former TA at PoW High. After Estyn, Mrs Davies changed dates on the safeguarding log so "
                           "it looked like concerns were followed up.")
    assert "defamatory" in categories(result)


def test_changing_the_dates_on_the_trip_letter_is_not_defamatory(powhs: Analyser) -> None:
    result = _powhs(powhs, "Mrs Davies at PoW High changed the dates on the Glan-llyn trip letter, it's now May")
    assert "defamatory" not in categories(result)


def test_paying_for_a_new_car_with_the_pta_money_in_welsh_is_defamatory(powhs: Analyser) -> None:
    result = _powhs(powhs, "Mae'r prifathro Huw Prydderch wedi talu am ei gar newydd efo arian y Gymdeithas Rieni.")
    assert "defamatory" in categories(result)


def test_the_pta_money_spent_on_the_minibus_is_not_defamatory(powhs: Analyser) -> None:
    result = _powhs(powhs, "Diolch i Huw Prydderch: PoW wedi prynu bws mini efo arian y Gymdeithas Rieni!")
    assert "defamatory" not in categories(result)


def test_a_teacher_touching_girls_in_northern_welsh_is_critical(powhs: Analyser) -> None:
    result = _powhs(powhs, "Mae Mr Ellis-Owen wedi bod yn cyffwrdd genod yn y changing rooms yn PoW.")
    assert result["severity"] == "critical" and {"safeguarding", "defamatory"} <= categories(result)
