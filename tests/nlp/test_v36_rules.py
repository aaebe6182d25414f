"""v36: the wording the seventy-first independent set (indep71, opened for round 14) showed missing, each change with
its near miss. The texts are new; none is a gold item. The rules alone (the classifier is left out, see
conftest.py)."""

from __future__ import annotations

from nlp.analyse import Analyser
from tests.nlp.helpers import Analyse, analyse_text, categories


# -- the school's short name after a school year: the prince and the queen have no year groups --

def test_welsh_year_group_before_the_short_name_is_the_school(powhs: Analyser) -> None:
    result = analyse_text(powhs, "Ma rhywun yn anfon negeseuon at genod blwyddyn 9 Tywysog Cymru yn "
                                  "gofyn am lunia, plis sbiwch ar ffons y plant")
    assert result["relevant"] is True
    assert result["severity"] == "critical"


def test_a_year_written_as_one_word_before_the_short_name_is_the_school(powhs: Analyser) -> None:
    result = analyse_text(powhs, "a yr8 Prince of Wales kid got jumped at the bus stop and they took his phone")
    assert result["relevant"] is True


def test_a_number_that_is_not_a_school_year_before_the_short_name_is_not_the_school(powhs: Analyser) -> None:
    assert analyse_text(powhs, "Top 10 Prince of Wales facts you never knew")["relevant"] is False


# -- "goes" or "attends" a school with no "to" --

def test_a_pupil_who_goes_the_short_name_is_at_the_school(powhs: Analyser) -> None:
    result = analyse_text(powhs, "my nephew goes prince of wales and says a man in a van keeps following "
                                  "the year 8 girls home")
    assert result["relevant"] is True
    assert "safeguarding" in categories(result)


def test_attending_a_longer_name_that_starts_with_the_short_name_is_another_school(analyse: Analyse) -> None:
    assert analyse("She attends Queen Elizabeth Grammar and loves it")["relevant"] is False


def test_going_to_a_hospital_of_that_name_is_not_the_school(powhs: Analyser) -> None:
    assert analyse_text(powhs, "My nan goes Prince of Wales Hospital every week for her dialysis")["relevant"] is False


# -- a deputy placed at the school, with a call for something to be done "permanently" --

def test_a_call_to_deal_with_the_deputy_at_the_short_name_is_a_threat(analyse: Analyse) -> None:
    result = analyse("someone should do something about that deputy at queen elizabeth. permanently.")
    assert result["relevant"] is True
    assert "threat" in categories(result)
    assert "staff-002" in {m["ref"] for m in result["mentions"]}


def test_the_deputy_at_a_hospital_of_that_name_is_not_the_school(analyse: Analyse) -> None:
    assert analyse("The deputy at Queen Elizabeth Hospital says waiting times are down")["relevant"] is False


# -- safeguarding: Welsh self-harm in every reflexive form, southern Welsh bruises, a missing child, pictures shared --

def test_welsh_self_harm_with_the_long_reflexive_is_safeguarding(analyse: Analyse) -> None:
    result = analyse("Mae fy ffrind i ym mlwyddyn 10 yn QE yn brifo'i hunan eto, dwi ddim yn gwbod beth i neud")
    assert "safeguarding" in categories(result)
    assert result["severity"] == "critical"


def test_welsh_a_pupil_who_hurt_himself_in_a_rugby_match_is_not_safeguarding(analyse: Analyse) -> None:
    result = analyse("Mi wnaeth Cai Llewelyn o QE frifo'i hunan yn y gêm rygbi ddoe, get well soon")
    assert "safeguarding" not in categories(result)


def test_southern_welsh_bruises_on_a_pupil_every_week_are_safeguarding(analyse: Analyse) -> None:
    result = analyse("Ma Lili Griffiths yn QE gyda chleisie ar ei choese bob wythnos a neb yn gofyn pam")
    assert "safeguarding" in categories(result)


def test_southern_welsh_bruises_after_a_hockey_match_are_not_safeguarding(analyse: Analyse) -> None:
    result = analyse("Ar ôl y gêm hoci ddoe ma'r merched i gyd yn QE gyda cleisie ar ei choese, am gêm!")
    assert "safeguarding" not in categories(result)


def test_a_pupil_reported_missing_is_safeguarding(analyse: Analyse) -> None:
    result = analyse("MISSING: Cai Llewelyn, 15, last seen leaving QE High on Monday in his school uniform, "
                     "please share")
    assert "safeguarding" in categories(result)
    assert result["severity"] == "critical"


def test_a_missing_cat_last_seen_by_the_school_is_not_safeguarding(analyse: Analyse) -> None:
    result = analyse("MISSING CAT: Mabli, last seen at the bus stop outside QE High, my daughter is heartbroken, "
                     "please check your sheds")
    assert "safeguarding" not in categories(result)


def test_intimate_pictures_of_a_pupil_shared_round_is_safeguarding(analyse: Analyse) -> None:
    result = analyse("someone at QE has been sharing intimate pictures of a year 8 girl round snapchat")
    assert "safeguarding" in categories(result)


def test_a_lesson_on_why_sharing_intimate_pictures_is_a_crime_is_not_safeguarding(analyse: Analyse) -> None:
    result = analyse("QE year 9 had a lesson on why sharing intimate pictures of anyone is a crime")
    assert "safeguarding" not in categories(result)


# -- threat: told they are dead at a time; harm the writer does not care to be seen doing --

def test_a_pupil_told_they_are_dead_on_a_day_is_a_threat(analyse: Analyse) -> None:
    result = analyse("cai llewelyn ur literally dead friday after school at QE")
    assert "threat" in categories(result)
    assert result["severity"] == "critical"


def test_a_pupil_told_they_are_dead_in_a_game_is_not_a_threat(analyse: Analyse) -> None:
    assert "threat" not in categories(analyse("cai llewelyn ur actually dead tmrw on fortnite at QE lol"))


def test_welsh_a_slap_the_writer_does_not_care_to_be_seen_giving_is_a_threat(analyse: Analyse) -> None:
    result = analyse("Ma Mr Beynon o QE yn haeddu bonclust a sa i'n becso pwy sy'n gweld fi'n neud e")
    assert "threat" in categories(result)


def test_welsh_dancing_on_stage_not_caring_who_sees_is_not_a_threat(analyse: Analyse) -> None:
    result = analyse("Dwi'n mynd i ddawnsio ar y llwyfan yn sioe QE a sa i'n becso pwy sy'n gweld fi'n neud e")
    assert "threat" not in categories(result)


# -- second look at the opened sets: the school's gate in Welsh, "up pow", a beating foretold, "you've been warned" --

def test_welsh_the_schools_gate_before_the_short_name_is_the_school(powhs: Analyser) -> None:
    result = analyse_text(powhs, "ma rhywun am gael stid go iawn tu allan i giât Tywysog Cymru pnawn "
                                  "fory, dowch i wylio 👊 Gethin ap Rhys ti'n gwbod pwy ti")
    assert result["relevant"] is True
    assert "threat" in categories(result)


def test_welsh_parents_of_the_short_name_mutated_after_i_is_the_school(powhs: Analyser) -> None:
    result = analyse_text(powhs, "Neges i rieni Tywysog Cymru: chi 'di cael eich rhybuddio, eira trwm fory a dim bysys")
    assert result["relevant"] is True
    assert "threat" not in categories(result)  # a weather warning


def test_coming_up_the_abbreviation_in_lower_case_is_the_school(powhs: Analyser) -> None:
    result = analyse_text(powhs, "that pryderch better watch it, im comin up pow tmrw with a bat an hes gettin it")
    assert result["relevant"] is True
    assert "threat" in categories(result)


def test_lights_that_went_up_pow_are_not_the_school(powhs: Analyser) -> None:
    assert analyse_text(powhs, "lol the lights went up pow and everyone screamed at the gig")["relevant"] is False


def test_welsh_a_pupil_foretold_a_beating_is_a_threat(powhs: Analyser) -> None:
    result = analyse_text(powhs, "Ma Elis Parry o Dywysog Cymru am gael stid ar ôl ysgol fory, pawb yn gwbod")
    assert "threat" in categories(result)


def test_welsh_a_school_team_foretold_a_beating_in_a_match_is_not_a_threat(powhs: Analyser) -> None:
    result = analyse_text(powhs, "Tîm rygbi Tywysog Cymru am gael stid fory yn erbyn Friars, ma nhw'n anferth")
    assert "threat" not in categories(result)


def test_welsh_a_pupil_told_they_have_been_warned_is_a_threat(powhs: Analyser) -> None:
    result = analyse_text(powhs, "Gethin ap Rhys o Dywysog Cymru, ti 'di cael dy rybuddio. Dim mwy o eiriau.")
    assert "threat" in categories(result)
