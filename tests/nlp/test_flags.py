"""Flags: category, target, score and reason; and the severity they lead to."""

from __future__ import annotations

import pytest

from tests.nlp.helpers import Analyse, categories, flags_of

AT = " QE High, Carmarthen."   # a sentence that makes any post relevant without adding cues


def only(result: dict, category: str) -> dict:
    (flag,) = flags_of(result, category)
    return flag


# --- defamatory ---------------------------------------------------------------------------------

@pytest.mark.parametrize("text", [
    "Mr Beynon is a thief.",
    "Mr Beynon was sacked from his last school for hitting kids.",
    "Mrs Pritchard turns up drunk at work every Friday.",
    "Mr Rees is a liar and faked the results.",
    "Mr B is a paedo.",
])
def test_allegations_stated_as_fact_are_defamatory(analyse: Analyse, text: str) -> None:
    assert "defamatory" in categories(analyse(text + AT))


def test_opinion_marker_lowers_the_defamation_score(analyse: Analyse) -> None:
    plain = only(analyse("Mr Beynon is a thief." + AT), "defamatory")["score"]
    hedged = only(analyse("I think Mr Beynon is a thief." + AT), "defamatory")["score"]
    assert hedged < plain


def test_question_drops_the_defamation(analyse: Analyse) -> None:
    assert flags_of(analyse("Has Mr Beynon stolen money or is he a thief?" + AT), "defamatory") == []


def test_negation_drops_the_defamation(analyse: Analyse) -> None:
    assert flags_of(analyse("Mr Beynon is not a thief." + AT), "defamatory") == []


def test_pronoun_points_back_to_the_person_named_before(analyse: Analyse) -> None:
    result = analyse("Mr Beynon teaches PE at QE High in Carmarthen. He stole money from the PE fund.")
    assert only(result, "defamatory")["ref"] == "staff-004"


def test_allegation_with_no_one_to_aim_at_is_not_defamatory(analyse: Analyse) -> None:
    assert flags_of(analyse("QE High, Carmarthen. Somebody stole my bike."), "defamatory") == []


# --- threat -------------------------------------------------------------------------------------

@pytest.mark.parametrize("text", [
    "I'll kill Mrs Pritchard.",
    "I am going to stab Mr Beynon.",
    "Someone is going to shoot up the school.",
    "There is a bomb in the school.",
    "Mr Rees, watch your back.",
    "I know where she lives, Mrs P.",
])
def test_threats_of_violence_are_critical(analyse: Analyse, text: str) -> None:
    assert analyse(text + AT)["severity"] == "critical"


def test_threat_is_aimed_at_the_person_named(analyse: Analyse) -> None:
    assert only(analyse("I'll kill Mrs Pritchard." + AT), "threat")["ref"] == "staff-003"


def test_threat_with_no_person_is_against_the_school(analyse: Analyse) -> None:
    assert only(analyse("Someone is going to shoot up the school." + AT), "threat")["ref"] == "qehs"


@pytest.mark.parametrize("text", [
    "We are going to beat Ysgol Bryn Ffug on Saturday.",
    "The film club is going to shoot a video.",
    "I'm going to kill it in my exams.",
])
def test_everyday_words_are_not_threats(analyse: Analyse, text: str) -> None:
    assert "threat" not in categories(analyse(text + AT))


def test_negated_threat_is_not_a_threat(analyse: Analyse) -> None:
    assert "threat" not in categories(analyse("I would never hurt Mrs Pritchard." + AT))


# --- safeguarding -------------------------------------------------------------------------------

@pytest.mark.parametrize("text", [
    "Lili Griffiths wants to die.",
    "Osian Bowen has been cutting himself.",
    "An older man keeps messaging Lili Griffiths.",
    "Lili Griffiths is sending nudes to a man she met online.",
    "Her stepdad hits her, Lili Griffiths said.",
])
def test_pupil_at_risk_is_safeguarding_and_critical(analyse: Analyse, text: str) -> None:
    result = analyse(text + AT)
    assert ("safeguarding" in categories(result), result["severity"]) == (True, "critical")


def test_safeguarding_without_a_named_pupil_concerns_the_school(analyse: Analyse) -> None:
    assert only(analyse("A girl in year 9 is self-harming." + AT), "safeguarding")["ref"] == "qehs"


def test_safeguarding_prefers_the_pupil_over_staff_in_the_sentence(analyse: Analyse) -> None:
    result = analyse("Mrs Pritchard says Lili Griffiths wants to die." + AT)
    assert only(result, "safeguarding")["ref"] == "pupil-0045"


def test_suicide_awareness_talk_is_not_safeguarding(analyse: Analyse) -> None:
    assert "safeguarding" not in categories(analyse("Pupils attended a suicide prevention talk." + AT))


# --- harassment ---------------------------------------------------------------------------------

@pytest.mark.parametrize("text", [
    "Megan Thomas-Price is a slag.",
    "Osian Bowen is a loser and a freak.",
    "Nobody likes Cai Llewelyn, he is a loser.",
    "Kill yourself Megan Thomas-Price.",
])
def test_abuse_at_a_named_pupil_is_harassment(analyse: Analyse, text: str) -> None:
    assert "harassment" in categories(analyse(text + AT))


def test_one_weak_insult_alone_is_not_harassment(analyse: Analyse) -> None:
    assert "harassment" not in categories(analyse("Mr Beynon is fat." + AT))


def test_insult_with_no_named_person_is_not_harassment(analyse: Analyse) -> None:
    assert "harassment" not in categories(analyse("The canteen food is ugly." + AT))


def test_telling_someone_to_kill_themselves_is_not_a_disclosure(analyse: Analyse) -> None:
    assert "safeguarding" not in categories(analyse("Megan Thomas-Price should kill herself." + AT))


# --- identifying --------------------------------------------------------------------------------

def test_pupil_named_in_hostile_material_is_identifying(analyse: Analyse) -> None:
    assert only(analyse("Osian Bowen is a loser and a freak." + AT), "identifying")["ref"] == "pupil-0044"


def test_pupil_named_in_good_news_is_identifying_but_only_low(analyse: Analyse) -> None:
    result = analyse("Congratulations to Osian Bowen on his prize." + AT)
    flag = only(result, "identifying")
    assert (flag["ref"], flag["severity"], result["severity"]) == ("pupil-0044", "low", "low")


def test_pupil_named_in_hostile_material_is_high(analyse: Analyse) -> None:
    result = analyse("Osian Bowen is a loser and a freak." + AT)
    assert "severity" not in only(result, "identifying") and result["severity"] == "high"


def test_staff_named_with_the_school_is_not_identifying(analyse: Analyse) -> None:
    assert "identifying" not in categories(analyse("Mrs Pritchard" + AT))


@pytest.mark.parametrize("detail", [
    "07700 900123", "07700900123", "+44 7700 900123", "+44 (0)7700 900 123", "01267 234567", "(01267) 234567",
    "rhian.p@gmail.com", "SA31 1AB", "sa31 1ab", "14 Heol y Dderwen", "22 Priory Street", "DOB 03/05/1985",
    "born on 3rd May 1985",
])
def test_personal_details_near_a_person_are_identifying(analyse: Analyse, detail: str) -> None:
    result = analyse(f"Mrs Pritchard from QE High, Carmarthen: {detail}.")
    assert only(result, "identifying")["ref"] == "staff-003"


def test_personal_detail_reason_names_the_kind_and_the_words(analyse: Analyse) -> None:
    reason = only(analyse("Mrs Pritchard from QE High, Carmarthen: 07700 900123."), "identifying")["reason"]
    assert reason == "personal phone number exposed about staff-003: '07700 900123'"


def test_school_office_number_without_a_person_is_not_identifying(analyse: Analyse) -> None:
    assert analyse("QE High, Example Road, Carmarthen SA31 0XX. Call 01267 000000.")["flags"] == []


def test_staff_email_on_the_schools_domain_is_not_a_personal_detail(analyse: Analyse) -> None:
    assert analyse("Email Mrs Pritchard at QE High, Carmarthen: r.pritchard@example-qehs.sch.uk")["flags"] == []


def test_year_and_prize_money_are_not_phone_numbers(analyse: Analyse) -> None:
    assert analyse("In 2026 Mrs Pritchard at QE High, Carmarthen won 1500 pounds for 12 pupils.")["flags"] == []


# --- disrepute ----------------------------------------------------------------------------------

@pytest.mark.parametrize("text", [
    "Worst school in Wales.",
    "What a shambles, avoid!",
    "The head ignores every complaint.",
    "It was a cover-up from start to finish.",
    "Someone leaked the staff meeting minutes.",
])
def test_criticism_of_the_school_is_disrepute_and_medium(analyse: Analyse, text: str) -> None:
    result = analyse(text + AT)
    assert (categories(result), result["severity"]) == ({"disrepute"}, "medium")


def test_disrepute_is_about_the_school(analyse: Analyse) -> None:
    assert only(analyse("Total shambles." + AT), "disrepute")["ref"] == "qehs"


def test_negated_criticism_is_not_disrepute(analyse: Analyse) -> None:
    assert analyse("It is not the worst school." + AT)["flags"] == []


# --- Welsh --------------------------------------------------------------------------------------

def test_welsh_review_is_disrepute(analyse: Analyse) -> None:
    result = analyse("Ysgol y Frenhines Elisabeth yng Nghaerfyrddin: ysgol waethaf, llanast llwyr.")
    assert categories(result) == {"disrepute"}


def test_welsh_theft_allegation_is_defamatory(analyse: Analyse) -> None:
    result = analyse("Mae Mr Beynon yn lleidr. QEHS, Caerfyrddin.")
    assert only(result, "defamatory")["ref"] == "staff-004"


# --- what every flag carries, and when there are none -------------------------------------------

def test_flags_have_contract_keys_and_scores_between_0_and_1(analyse: Analyse) -> None:
    result = analyse("Someone should bring a knife to QE High and sort Mrs Pritchard out. Total shambles.")
    assert all({"category", "score", "reason"} <= set(f) and 0 < f["score"] <= 1 for f in result["flags"])


def test_flag_evidence_offsets_point_at_the_words(analyse: Analyse) -> None:
    text = "Mr Beynon is a thief." + AT
    (start, end), = only(analyse(text), "defamatory")["evidence"]
    assert text[start:end] == "is a thief"


def test_highest_category_sets_the_severity(analyse: Analyse) -> None:
    result = analyse("Total shambles. Mr Beynon is a thief. I'll kill Mr Beynon." + AT)
    assert result["severity"] == "critical"


def test_irrelevant_item_has_no_flags_and_severity_none(analyse: Analyse) -> None:
    result = analyse("Queen Elizabeth High School in Hexham: Mr Beynon is a thief, I'll kill him.")
    assert (result["relevant"], result["flags"], result["severity"]) == (False, [], "none")


def test_the_schools_own_site_is_never_flagged_as_hostile(analyse: Analyse) -> None:
    result = analyse("Our worst school days: a shambles of a sports day!", url="https://example-qehs.sch.uk/blog/1")
    assert (result["flags"], result["severity"]) == ([], "none")


def test_relevant_item_without_flags_has_severity_none(analyse: Analyse) -> None:
    assert analyse("Open evening at QE High, Carmarthen, on Thursday.")["severity"] == "none"


def test_rumour_words_do_not_lower_an_allegation(analyse: Analyse) -> None:
    plain = only(analyse("Mr Beynon was sacked." + AT), "defamatory")["score"]
    rumour = only(analyse("Apparently Mr Beynon was sacked." + AT), "defamatory")["score"]
    assert rumour == plain


def test_allegation_about_the_school_itself_is_defamatory_about_the_school(analyse: Analyse) -> None:
    assert only(analyse("The school stole money from parents." + AT), "defamatory")["ref"] == "qehs"


def test_a_line_break_ends_the_reach_of_an_opinion_marker(analyse: Analyse) -> None:
    plain = only(analyse("Mr Beynon is a thief." + AT), "defamatory")["score"]
    next_line = only(analyse("I think the canteen is fine\nMr Beynon is a thief\n" + AT), "defamatory")["score"]
    assert next_line == plain
