"""v14: the wording the thirty-second independent set (indep32, opened) showed missing, each rule with its near miss.
The texts are new; none is a gold item. The rules alone (the classifier is left out, see conftest.py)."""

from __future__ import annotations

from nlp.analyse import Analyser
from tests.nlp.helpers import Analyse, analyse_text as _powhs, categories, flags_of


# -- safeguarding: a pupil kept behind behind a locked door, self-harm kept hidden --

def test_one_girl_kept_behind_with_the_blinds_down_is_safeguarding(analyse: Analyse) -> None:
    result = analyse("Not naming him yet but a maths teacher at QEHS keeps this one Year 9 girl behind every Friday, "
                     "blinds down. Mrs Howells was told and did nothing.")
    assert "safeguarding" in categories(result)


def test_a_class_kept_behind_with_no_door_locked_is_not_safeguarding(analyse: Analyse) -> None:
    result = analyse("Mr Beynon at QEHS kept the whole Year 9 class behind for ten minutes because nobody owned up.")
    assert "safeguarding" not in categories(result)


def test_sleeves_kept_down_so_nobody_notices_is_safeguarding(analyse: Analyse) -> None:
    result = analyse("nobody at QEHS knows. i keep my sleeves down in every lesson so nobody notices.")
    assert "safeguarding" in categories(result)


def test_sleeves_kept_down_in_the_cold_is_not_safeguarding(analyse: Analyse) -> None:
    result = analyse("QEHS heating is broken again, everyone keeping their coats on and i keep my sleeves down all "
                     "day. nobody knows when it gets fixed")
    assert "safeguarding" not in categories(result)


def test_wishing_one_had_said_no_when_asked_if_all_right_is_safeguarding(powhs: Analyser) -> None:
    result = _powhs(powhs, "Ms Tudur at PoW High asked me if i was ok after registration. "
                           "i said yeah. wish i'd told her the truth tbh")
    assert "safeguarding" in categories(result)


def test_wishing_one_had_said_no_to_a_trip_is_not_safeguarding(powhs: Analyser) -> None:
    result = _powhs(powhs, "Signed up for the PoW High Year 9 hike up Snowdon. Soaked through. Wish i'd said no 😂")
    assert "safeguarding" not in categories(result)


# -- defamatory: insinuation, records, money --

def test_why_he_really_left_his_last_school_is_defamatory(analyse: Analyse) -> None:
    result = analyse("Funny how nobody at QEHS asks why Mr Beynon really left his last school. Ask around.")
    assert [f["ref"] for f in flags_of(result, "defamatory")] == ["staff-004"]


def test_why_he_left_for_a_promotion_is_not_defamatory(analyse: Analyse) -> None:
    result = analyse("Mr Beynon told us in assembly why he joined QEHS: he wanted to coach rugby in Carmarthen.")
    assert "defamatory" not in categories(result)


def test_a_formal_warning_at_a_last_school_in_welsh_is_defamatory(powhs: Analyser) -> None:
    result = _powhs(powhs, "Glywes i fod Mr Hughes wedi cael rhybudd ffurfiol yn ei ysgol ddiwetha. "
                           "A rŵan mae o'n dysgu yn Ysgol Tywysog Cymru.")
    assert "defamatory" in categories(result)


def test_reports_sat_on_are_defamatory(powhs: Analyser) -> None:
    result = _powhs(powhs, "People at PoWHS say Mrs Davies sat on two bullying complaints until the parents gave up.")
    assert "defamatory" in categories(result)


def test_sat_on_a_panel_hearing_reports_is_not_defamatory(powhs: Analyser) -> None:
    result = _powhs(powhs, "Mrs Davies from PoWHS sat on the county panel that reads the schools' attendance "
                           "reports.")
    assert "defamatory" not in categories(result)


def test_caught_writing_coursework_for_pupils_is_defamatory(analyse: Analyse) -> None:
    result = analyse("apparently Miss Jenkins at QE got caught writing coursework for her year 11 set 🤫")
    assert "defamatory" in categories(result)


def test_past_papers_shared_for_revision_is_not_defamatory(analyse: Analyse) -> None:
    result = analyse("Miss Jenkins at QE shared the exam papers from last summer as past papers for revision. "
                     "So helpful!")
    assert "defamatory" not in categories(result)


def test_figures_fiddled_before_an_inspection_are_defamatory(powhs: Analyser) -> None:
    result = _powhs(powhs, "Dr Prydderch fiddled the attendance figures at PoW High before Estyn came in. "
                           "Everyone in the office knows.")
    assert "defamatory" in categories(result)


def test_where_did_the_money_go_after_money_raised_is_defamatory_though_a_question(analyse: Analyse) -> None:
    result = analyse("Parents at QEHS raised £3,000 for the new library.\nNo library. Where did the money go? 🤔")
    assert "defamatory" in categories(result)


def test_where_did_the_money_go_with_nothing_raised_is_not_defamatory(analyse: Analyse) -> None:
    result = analyse("Bought a sandwich at the QEHS open evening, put my card away and now I've got no cash. "
                     "Where did the money go?")
    assert "defamatory" not in categories(result)


def test_a_contract_to_family_without_tender_is_defamatory(powhs: Analyser) -> None:
    result = _powhs(powhs, "The PoW High catering contract went to Dr Prydderch's cousin without going out to tender.")
    assert "defamatory" in categories(result)


# -- harassment --

def test_a_named_teacher_called_a_vile_woman_is_harassment(analyse: Analyse) -> None:
    result = analyse("Catrin Jenkins from QE marked my essay down again. Vile woman.")
    assert [f["ref"] for f in flags_of(result, "harassment")] == ["staff-005"]


def test_a_vile_woman_in_the_school_play_is_not_harassment(analyse: Analyse) -> None:
    result = analyse("Catrin Jenkins was brilliant in the QEHS school play as the vile woman who runs the orphanage.")
    assert "harassment" not in categories(result)


def test_a_personal_mobile_posted_with_a_call_to_tell_her_is_harassment(analyse: Analyse) -> None:
    result = analyse("Mrs P from QEHS has a personal mobile: 07700 900456. if anyone wants to tell her what they "
                     "think of detentions")
    assert "harassment" in categories(result)


# -- (round 2, indep33 opened) threads and chats --

def test_a_head_kicking_in_wished_on_a_named_teacher_is_a_threat(powhs: Analyser) -> None:
    result = _powhs(powhs, "Ms Tudur at PoW High needs her head kicking in fr")
    assert "threat" in categories(result)


def test_a_head_kicking_in_a_rugby_match_is_not_a_threat(powhs: Analyser) -> None:
    result = _powhs(powhs, "Mr Ellis-Owen's PoW High rugby XV got their heads kicked in by Ysgol Friars, 40-3. "
                           "Rugby is a hard game, head kicking in the scrum all afternoon.")
    assert "threat" not in categories(result)


def test_what_a_javelin_can_really_do_aimed_at_a_named_teacher_is_a_threat(powhs: Analyser) -> None:
    result = _powhs(powhs, "PoW High sports day tomorrow. Ellis-Owen will see what a javelin can really do when "
                           "it's aimed properly")
    assert "threat" in categories(result)


def test_what_a_javelin_can_do_at_an_open_evening_is_not_a_threat(powhs: Analyser) -> None:
    result = _powhs(powhs, "Open evening at PoW High: come and see what a javelin can really do with Mr Ellis-Owen's "
                           "athletics club. All welcome!")
    assert "threat" not in categories(result)


def test_a_teacher_messaging_year_10_girls_in_welsh_is_safeguarding(analyse: Analyse) -> None:
    result = analyse("glywes i bod athro yn QE yn anfon negeseuon i ferched bl10 ar snap. "
                     "Dwedwch wrth Mrs Howells")
    assert "safeguarding" in categories(result)


def test_a_teacher_sending_messages_to_parents_in_welsh_is_not_safeguarding(analyse: Analyse) -> None:
    result = analyse("Mae Mrs Howells yn QE yn anfon negeseuon i'r rhieni bob wythnos am y trip.")
    assert "safeguarding" not in categories(result)


def test_a_masked_slur_in_the_reply_below_the_name_is_harassment_of_that_person(powhs: Analyser) -> None:
    result = _powhs(powhs, "Re: worst teachers at PoW High\n> Miss Llwyd, no contest. mae hi'n sbeitlyd\n"
                           "> agreed, she's an absolute w***e")
    assert [f["ref"] for f in flags_of(result, "harassment")] == ["pw-staff-04"]


def test_welsh_o_n_after_a_name_line_aims_a_slur_at_the_pupil(powhs: Analyser) -> None:
    result = _powhs(powhs, "Pwnc: Jacko Pugh (Bl 9 PoW High)\n> mae o'n sp*stic llwyr, sbiwch ar sut mae o'n rhedeg")
    assert "pw-pupil-105" in [f["ref"] for f in flags_of(result, "harassment")]


def test_each_reply_of_a_thread_with_lower_case_names_is_a_sentence_of_its_own(analyse: Analyse) -> None:
    # a denial in one reply must not cover abuse in another ("name: ..." lines used to run on into one sentence)
    result = analyse("QE High teachers tier list\nu/dai_bach: Jenkins is such a stuck up cow\n"
                     "u/ffionxo: lol\nu/gwen_: the canteen rumour is made up btw")
    assert [f["ref"] for f in flags_of(result, "harassment")] == ["staff-005"]


def test_a_masked_slur_quoted_in_an_assembly_on_words_that_hurt_is_not_harassment(powhs: Analyser) -> None:
    result = _powhs(powhs, "Miss Llwyd's PoW High assembly today was on why words like 'w***e' hurt. Really moving.")
    assert "harassment" not in categories(result)


# -- (round 3, indep34 opened) news, councillors, parents --

def test_an_inspection_calling_for_urgent_improvements_is_disrepute(powhs: Analyser) -> None:
    result = _powhs(powhs, "Estyn has told Prince of Wales High School it must make urgent improvements to behaviour.")
    assert "disrepute" in categories(result)


def test_parents_protesting_outside_the_school_is_disrepute(powhs: Analyser) -> None:
    result = _powhs(powhs, "Parents protest outside Prince of Wales High over the new uniform rules.")
    assert "disrepute" in categories(result)


def test_a_protest_about_every_school_in_the_county_is_not_disrepute(powhs: Analyser) -> None:
    result = _powhs(powhs, "Parents protest outside the council offices over bus cuts that hit every school in "
                           "Gwynedd, Prince of Wales High among them.")
    assert "disrepute" not in categories(result)


def test_children_not_safe_at_the_school_is_disrepute(powhs: Analyser) -> None:
    result = _powhs(powhs, "Fights every week and nobody does anything. Children are not safe at PoW High.")
    assert "disrepute" in categories(result)


def test_a_child_not_safe_at_home_is_not_disrepute_of_the_school(powhs: Analyser) -> None:
    result = _powhs(powhs, "My daughter's friend at PoW High says it's not safe at home when her stepdad drinks.")
    assert "disrepute" not in categories(result)


def test_a_man_photographing_children_at_the_gate_is_safeguarding(powhs: Analyser) -> None:
    result = _powhs(powhs, "Heads up – mae 'na ddyn mewn fan wen wedi bod yn tynnu lluniau o'r plant wrth giât "
                           "Ysgol Tywysog Cymru bore 'ma.")
    assert "safeguarding" in categories(result)


def test_the_school_photographer_taking_photos_of_the_kids_is_not_safeguarding(powhs: Analyser) -> None:
    result = _powhs(powhs, "The school photographer was taking photos of the kids at PoW High today, a man from "
                           "Bangor Studios. Order forms on Friday.")
    assert "safeguarding" not in categories(result)
