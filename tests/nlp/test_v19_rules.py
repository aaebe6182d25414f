"""v19: the wording the forty-sixth independent set (indep46, opened: the spring term as a monitor collects it)
showed missing or wrongly flagged, each rule with its near miss. The texts are new; none is a gold item. The rules
alone (the classifier is left out, see conftest.py)."""

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
