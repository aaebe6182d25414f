"""v39: the wording the seventy-fourth independent set (indep74, opened for round 17) showed missing, each change with
its near miss. The texts are new; none is a gold item. The rules alone (the classifier is left out, see
conftest.py)."""

from __future__ import annotations

from nlp.analyse import Analyser
from tests.nlp.helpers import Analyse, analyse_text, categories


# -- threat: a place burnt with people inside --

def test_a_place_torched_with_the_staff_inside_is_a_threat(analyse: Analyse) -> None:
    result = analyse("someone should torch that place with all the staff still inside, QE is hell")
    assert "threat" in categories(result)
    assert result["severity"] == "critical"


def test_burnt_toast_with_the_teachers_inside_is_not_a_threat(analyse: Analyse) -> None:
    result = analyse("burnt toast set the alarm off at QE with the teachers still inside the staffroom 😂")
    assert "threat" not in categories(result)


# -- threat: the only warning; someone will get hurt, in Welsh --

def test_the_only_warning_to_a_teacher_is_a_threat(analyse: Analyse) -> None:
    assert "threat" in categories(analyse("Mr Beynon at QE, this is your only warning. Leave my son alone."))


def test_the_only_warning_about_parking_is_not_a_threat(analyse: Analyse) -> None:
    result = analyse("QE High car park: this is your only warning, cars left on the zig-zags will be reported to the council")
    assert "threat" not in categories(result)


def test_the_only_warning_about_homework_in_welsh_is_not_a_threat(analyse: Analyse) -> None:
    result = analyse("Mr Beynon, QE: dyma'r unig rybudd, gwaith cartref i mewn erbyn dydd Gwener neu cadw mewn")
    assert "threat" not in categories(result)


def test_welsh_someone_will_get_hurt_with_a_deadline_is_a_threat(analyse: Analyse) -> None:
    result = analyse("Os na fydd QE yn sortio'r bwlis erbyn dydd Gwener, bydd rhywun yn cael dolur.")
    assert "threat" in categories(result)


def test_welsh_someone_will_get_hurt_on_the_ice_is_not_a_threat(analyse: Analyse) -> None:
    result = analyse("Mae'r iard yn QE fel llawr sglefrio heddiw efo'r rhew, bydd rhywun yn cael dolur")
    assert "threat" not in categories(result)


# -- threat: "it's over for you" with a grudge or a countdown --

def test_over_for_you_after_you_know_what_you_did_is_a_threat(analyse: Analyse) -> None:
    assert "threat" in categories(analyse("miss jenkins you know what you did. 2 more days and its over for you"))


def test_the_last_days_of_school_over_for_us_are_not_a_threat(analyse: Analyse) -> None:
    assert "threat" not in categories(analyse("3 more days and its over for us year 11s at QE 😭 gonna miss it"))


# -- threat: snapping with a gun sign; a massacre as a thing to do; not wanting to be there on a day --

def test_snapping_in_a_lesson_with_a_gun_sign_is_a_threat(analyse: Analyse) -> None:
    assert "threat" in categories(analyse("when i finally snap in double maths at QE 🔫"))


def test_a_villain_who_snaps_in_the_school_play_is_not_a_threat(analyse: Analyse) -> None:
    result = analyse("In the QE school play the villain finally snaps in act 2 🔫 come see it Friday")
    assert "threat" not in categories(result)


def test_doing_a_massacre_named_by_its_town_is_a_threat(analyse: Analyse) -> None:
    result = analyse("lad at QE keeps saying he'll do a Dunblane one day, nobody takes him seriously")
    assert "threat" in categories(result)


def test_a_litter_pick_on_a_road_of_that_name_is_not_a_threat(analyse: Analyse) -> None:
    result = analyse("QE year 9s did a Christchurch Road litter pick on Saturday, well done all")
    assert "threat" not in categories(result)


def test_not_wanting_to_be_there_on_a_day_with_nothing_more_said_is_a_threat(analyse: Analyse) -> None:
    assert "threat" in categories(analyse("Wouldn't want to be in the QE sports hall this Friday. Not saying more."))


def test_not_wanting_to_be_at_the_year_7_disco_is_not_a_threat(analyse: Analyse) -> None:
    result = analyse("Wouldn't want to be in the QE sports hall this Friday, it's the year 7 disco 😂")
    assert "threat" not in categories(result)


# -- threat: Welsh nights as times, "be nath o" as a grievance; an ovation is not someone laid up --

def test_welsh_knowing_where_the_head_lives_with_a_night_named_is_a_threat(powhs: Analyser) -> None:
    result = analyse_text(powhs, "Dwi'n gwbod lle ma Prydderch yn byw. Geith o weld nos Wener.")
    assert result["relevant"] is True
    assert "threat" in categories(result)


def test_welsh_knowing_where_the_head_lives_with_what_he_did_is_a_threat(powhs: Analyser) -> None:
    result = analyse_text(powhs, "Dwi'n gwbod lle ma Prydderch yn byw. Ddim yn hapus efo be nath o i'n hogyn i.")
    assert "threat" in categories(result)


def test_welsh_taking_the_head_a_thank_you_card_is_not_a_threat(powhs: Analyser) -> None:
    result = analyse_text(powhs, "Dwi'n gwbod lle ma Prydderch yn byw, dwi'n mynd â cherdyn diolch iddo fo nos Wener")
    assert "threat" not in categories(result)


def test_welsh_a_standing_ovation_on_a_night_is_not_a_threat(analyse: Analyse) -> None:
    result = analyse("Cafodd côr QE gymeradwyaeth ar ei thraed nos Fercher yn yr Eisteddfod")
    assert "threat" not in categories(result)


# -- threat: Welsh "peidiwch dod â" is "don't bring", a notice --

def test_welsh_a_notice_not_to_bring_phones_is_not_a_threat(analyse: Analyse) -> None:
    result = analyse("neges i ddisgyblion y Frenhines: peidiwch dod â ffonau fory, diolch")
    assert "threat" not in categories(result)


def test_welsh_a_warning_not_to_come_in_with_nothing_more_said_is_still_a_threat(analyse: Analyse) -> None:
    result = analyse("neges i ddisgyblion y Frenhines: peidiwch dod mewn fory. dim mwy i ddweud")
    assert "threat" in categories(result)


# -- safeguarding: an adult at home coming to a child's room at night, or doings put in quotes --

def test_an_uncle_who_visits_a_pupils_room_at_night_is_safeguarding(analyse: Analyse) -> None:
    result = analyse("a boy in my sons year at QE says his uncle visits his room at night and he hates staying there")
    assert "safeguarding" in categories(result)
    assert result["severity"] == "critical"


def test_a_mum_checking_homework_at_night_is_not_safeguarding(analyse: Analyse) -> None:
    result = analyse("my mum comes into my room at night to check I've done my QE homework lol")
    assert "safeguarding" not in categories(result)


def test_a_cousins_games_in_quotes_are_safeguarding(analyse: Analyse) -> None:
    result = analyse("my mate at QE says her cousin 'plays games' with her when nobody else is home")
    assert "safeguarding" in categories(result)


def test_an_uncle_who_does_stuff_to_a_pupil_is_safeguarding(analyse: Analyse) -> None:
    result = analyse("a girl in year 8 at QE says her uncle does stuff to her when she stays at his")
    assert "safeguarding" in categories(result)


# -- harassment: told to go back to wherever they came from --

def test_a_teacher_told_to_go_back_to_wherever_he_came_from_is_harassment(powhs: Analyser) -> None:
    result = analyse_text(powhs, "The PE teacher at PoW, Ellis-Owen, should go back to wherever he came from.")
    assert "harassment" in categories(result)


def test_a_walk_back_to_where_we_came_from_is_not_harassment(powhs: Analyser) -> None:
    result = analyse_text(powhs, "Mr Ellis-Owen took the PoW year 7s on the walk and we went back to where we came "
                                 "from to find the bag")
    assert "harassment" not in categories(result)


# -- the school: the big high school with a profile place --

def test_the_big_high_school_up_a_profile_place_is_the_school(powhs: Analyser) -> None:
    assert analyse_text(powhs, "pick-up at the big high school up Penrhosgarnedd is chaos again")["relevant"] is True


def test_the_big_high_school_in_a_decoy_town_is_not_the_school(powhs: Analyser) -> None:
    assert analyse_text(powhs, "the big high school in Harrogate has a new head")["relevant"] is False
