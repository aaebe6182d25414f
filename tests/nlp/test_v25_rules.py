"""v25: the wording the sixtieth independent set (indep60, opened for round 4: no single theme) showed missing or
wrongly flagged, each rule with its near miss. The texts are new; none is a gold item. The rules alone (the
classifier is left out, see conftest.py), except where a test says it builds its own."""

from __future__ import annotations

import pytest

from nlp.analyse import Analyser
from tests.nlp.helpers import Analyse, analyse_text, categories


# -- relevance: a review naming a year group in Welsh, with its mutation --

def test_a_welsh_review_naming_a_mutated_year_group_is_about_the_school(analyse: Analyse) -> None:
    result = analyse("★☆☆☆☆ Mae fy mab i ym Mlwyddyn 9 ac mae'n cael ei fwlio bob dydd.", source="review")
    assert result["relevant"] is True


def test_a_welsh_review_from_another_town_is_still_not_about_the_school(analyse: Analyse) -> None:
    result = analyse("★☆☆☆☆ Mae fy mab i ym Mlwyddyn 9 yn Abertawe ac mae'n cael ei fwlio.", source="review")
    assert result["relevant"] is False


# -- threat: "we all" sent round to an exposed home; a hoax wished real --

def test_we_all_sent_round_to_a_teachers_exposed_address_is_a_threat(analyse: Analyse) -> None:
    result = analyse("Miss Jenkins from QEHS lives at 7 Heol y Felin, SA31 2CD. Maybe we all pop round tonight and "
                     "show her what we think of her marking")
    assert "threat" in categories(result)
    assert result["severity"] == "critical"


def test_we_all_invited_round_for_a_party_at_an_address_is_not_a_threat(analyse: Analyse) -> None:
    result = analyse("QEHS leavers: the party is at 7 Heol y Felin, SA31 2CD. We should all pop round after prom, "
                     "bring snacks! 🎉")
    assert "threat" not in categories(result)


def test_a_drill_promised_real_next_time_is_a_threat(analyse: Analyse) -> None:
    result = analyse("Everyone out on the field again for another fire drill at QE High. Next time it won't be a drill.")
    assert "threat" in categories(result)
    assert result["severity"] == "critical"


def test_a_lockdown_wished_real_is_a_threat(analyse: Analyse) -> None:
    result = analyse("Pity the QEHS lockdown on Monday was only a drill tbh")
    assert "threat" in categories(result)


def test_next_time_after_a_drill_without_a_wish_is_not_a_threat(analyse: Analyse) -> None:
    result = analyse("Fire drill at QE High took twenty minutes to get everyone out. Next time it won't be so slow, "
                     "says the head.")
    assert "threat" not in categories(result)


def test_a_shame_about_a_match_is_not_a_threat(analyse: Analyse) -> None:
    result = analyse("Shame the QEHS match on Saturday was only a friendly, the lads played brilliantly")
    assert "threat" not in categories(result)


# -- threat narrowed: a problem sorted, children walking home, a warning to parents, a review, a concert, a song --

def test_hope_it_gets_sorted_is_not_a_threat(analyse: Analyse) -> None:
    result = analyse("Emailed QE High about the bus timetable again. Hope it gets sorted before winter")
    assert "threat" not in categories(result)


def test_someone_about_to_get_sorted_is_still_a_threat(analyse: Analyse) -> None:
    result = analyse("Mr Beynon at QE High is getting sorted after school tomorrow, just wait")
    assert "threat" in categories(result)


def test_children_who_walk_home_alone_are_not_a_warning(analyse: Analyse) -> None:
    result = analyse("Dear QE High, please think about the pupils who walk home alone when you change the bell times")
    assert "threat" not in categories(result)


def test_she_walks_home_alone_is_still_a_warning(analyse: Analyse) -> None:
    result = analyse("Miss Pritchard from QEHS walks home alone on Thursdays. Just saying.")
    assert "threat" in categories(result)


def test_keep_your_children_well_away_from_him_is_not_a_threat(powhs: Analyser) -> None:
    result = analyse_text(powhs, "Elis Parry at PoW High is a nasty bully. Keep your children well away from him.")
    assert "threat" not in categories(result)


def test_dont_send_your_kids_in_a_starred_review_is_not_a_threat(analyse: Analyse) -> None:
    result = analyse("★☆☆☆☆\nVaping in the toilets every lunchtime and no staff care. Don't send your kids to QE High.",
                     source="review")
    assert "threat" not in categories(result)


def test_dont_send_your_kids_tomorrow_is_still_a_threat(analyse: Analyse) -> None:
    result = analyse("Don't send your kids to QE High tomorrow. You've been warned.")
    assert "threat" in categories(result)


def test_a_choir_on_fire_at_a_concert_is_not_a_threat(analyse: Analyse) -> None:
    result = analyse("Côr QE ar dân yn y cyngerdd neithiwr! 🔥 #qehs")
    assert "threat" not in categories(result)


def test_setting_the_school_on_fire_is_still_a_threat_in_welsh(analyse: Analyse) -> None:
    result = analyse("Dw i'n mynd i roi'r ysgol ar dân, QE yn llosgi heno")
    assert "threat" in categories(result)


def test_song_words_quoted_under_a_lyrics_heading_are_not_a_threat(analyse: Analyse) -> None:
    result = analyse("Lyrics from our Year 11 band\n\nWe're gonna burn it down tonight / QE High can't hold us now.")
    assert "threat" not in categories(result)


def test_song_words_veto_the_classifier_too(example_profile: object) -> None:
    """A text framed as a song keeps the text classifier from calling it a threat on its own (v25), where the
    rules stood down."""
    analyser = Analyser(example_profile)  # type: ignore[arg-type]
    if "textcat" not in analyser.version:  # without a classifier the test would pass whatever the veto does
        pytest.skip("no text classifier built")
    result = analyser.analyse({"id": "t", "text": "Lyrics: 'Burn the Night', our Year 10 band's entry\n\nWe'll burn "
                               "it down tonight / QE is ours / nobody's gonna stop us now."})
    assert "threat" not in categories(result)


def test_a_can_of_petrol_is_not_a_song(analyse: Analyse) -> None:
    result = analyse("QE High would look better burnt to the ground. I can burn it down with a can of petrol tonight.")
    assert "threat" in categories(result)
    assert result["severity"] == "critical"


# -- safeguarding: grooming with secrecy; an adult watching pupils' pictures; an assault filmed --

def test_a_child_asked_to_keep_contact_secret_is_safeguarding(powhs: Analyser) -> None:
    result = analyse_text(powhs, "saw u at PoW sports day Ffion, ur well grown up. snap me, i can give u a lift home "
                                 "sometime. dont tell ur mum x")
    assert "safeguarding" in categories(result)
    assert result["severity"] == "critical"


def test_a_surprise_kept_from_friends_is_not_safeguarding(powhs: Analyser) -> None:
    result = analyse_text(powhs, "Ffion's surprise party at PoW High on Friday! Message me for the details and "
                                 "don't tell your friends who aren't invited")
    assert "safeguarding" not in categories(result)


def test_a_teacher_following_the_year_9_girls_online_is_safeguarding(powhs: Analyser) -> None:
    result = analyse_text(powhs, "Why is Mr Hughes from PoW High following all the Year 9 girls on Insta?")
    assert "safeguarding" in categories(result)
    assert result["severity"] == "critical"


def test_a_teacher_liking_bikini_selfies_is_safeguarding(analyse: Analyse) -> None:
    result = analyse("Mr Beynon from QEHS keeps liking the sixth form girls' bikini selfies, it's so creepy")
    assert "safeguarding" in categories(result)


def test_the_school_page_liking_year_9_girls_netball_photos_is_not_safeguarding(powhs: Analyser) -> None:
    result = analyse_text(powhs, "Mr Hughes liking all the Year 9 girls netball photos on the school page, proud "
                                 "teacher 💙")
    assert "safeguarding" not in categories(result)


def test_a_pupil_beaten_up_and_the_video_passed_round_is_safeguarding(analyse: Analyse) -> None:
    result = analyse("Cai Llewelyn got beaten up behind the QEHS canteen lol who's got the video")
    assert "safeguarding" in categories(result)
    assert result["severity"] == "critical"


def test_a_team_battered_in_a_filmed_match_is_not_safeguarding(analyse: Analyse) -> None:
    result = analyse("QEHS under 15s getting battered 5-0 in the cup, someone filmed it for the coach")
    assert "safeguarding" not in categories(result)


# -- safeguarding narrowed: locked in by mishap; a teacher who shouts; a race --

def test_a_teacher_locked_in_a_cupboard_by_mishap_is_not_safeguarding(analyse: Analyse) -> None:
    result = analyse("lol the supply teacher at QEHS got locked in the music cupboard and the caretaker had to come "
                     "and let her out")
    assert "safeguarding" not in categories(result)


def test_a_stepdad_locking_a_child_in_her_room_is_still_safeguarding(analyse: Analyse) -> None:
    result = analyse("My friend at QEHS says her stepdad locks her in her bedroom every weekend")
    assert "safeguarding" in categories(result)


def test_a_grown_man_who_shouts_at_girls_is_not_a_relationship(powhs: Analyser) -> None:
    result = analyse_text(powhs, "Mr Ellis-Owen at PoW High is a grown man who yells at 11 year old girls for "
                                 "forgetting their kit")
    assert "safeguarding" not in categories(result)


def test_a_girl_seeing_a_grown_man_is_still_safeguarding(powhs: Analyser) -> None:
    result = analyse_text(powhs, "A Year 8 girl from PoW High is going out with a grown man, he picks her up from the "
                                 "gates")
    assert "safeguarding" in categories(result)


def test_nearly_killing_himself_in_the_staff_race_is_not_safeguarding(powhs: Analyser) -> None:
    result = analyse_text(powhs, "Mabolgampau Ysgol Tywysog Cymru: Mr Hughes bron â lladd ei hun yn y ras staff 😂")
    assert "safeguarding" not in categories(result)


def test_a_pupil_wanting_to_kill_herself_in_welsh_is_still_safeguarding(powhs: Analyser) -> None:
    result = analyse_text(powhs, "Mae merch ym Mlwyddyn 9 yn Ysgol Tywysog Cymru yn dweud ei bod hi eisiau lladd ei "
                                 "hun")
    assert "safeguarding" in categories(result)
