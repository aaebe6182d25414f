"""v6: how people really type: Welsh "'n" on the school's name, the abbreviation and first names in lower case,
digits inside cue words, and "don't do anything stupid" said to someone others fear for."""

from __future__ import annotations

import pytest

from nlp.analyse import Analyser
from tests.nlp.helpers import Analyse, categories, refs


@pytest.mark.parametrize("text", [
    "Mae Ysgol Tywysog Cymru'n cuddio achosion bwlio.",
    "Tîm pêl-droed Ysgol Tywysog Cymru’n chwarae ddydd Sadwrn.",
])
def test_welsh_yn_written_onto_the_schools_name_leaves_the_name(powhs: Analyser, text: str) -> None:
    assert refs(powhs.analyse({"id": "t", "text": text}), "school") == ["powhs"]


@pytest.mark.parametrize("text", [
    "megan thomas price is the biggest liar in qe everyone knows it",
    "lili g from qe is sending pics to some older lad",
    "asleep in chemistry again, tag her #qe",
])
def test_the_abbreviation_in_lower_case_counts_after_a_word_of_place_or_a_hashtag(analyse: Analyse, text: str) -> None:
    assert refs(analyse(text), "school") == ["qehs"]


@pytest.mark.parametrize("text", ["the qe index fell again", "qe is what the bank calls it"])
def test_the_abbreviation_in_lower_case_alone_is_not_the_school(analyse: Analyse, text: str) -> None:
    assert refs(analyse(text), "school") == []


def test_a_first_name_in_lower_case_counts_with_the_school_in_its_sentence(analyse: Analyse) -> None:
    assert refs(analyse("lili from QEHS is sending pics to some older lad"), "pupil") == ["pupil-0045"]


def test_a_first_name_in_lower_case_without_the_school_beside_it_is_no_one(analyse: Analyse) -> None:
    assert refs(analyse("QEHS is shut today. lili and cai went to the beach"), "pupil") == []


@pytest.mark.parametrize("text", [
    "g0nna bl0w up QEHS 2moro lol no sch00l for any1",
    "sum1 gonna st4b Mr Beynon at QEHS on friday",
    "I will k1ll Mrs Pritchard after school at QEHS",
])
def test_digits_inside_a_threat_word_do_not_hide_it(analyse: Analyse, text: str) -> None:
    assert "threat" in categories(analyse(text))


@pytest.mark.parametrize("text", ["QEHS bl0ck party was gr8", "QEHS sh0p sells g00d pasties"])
def test_digits_inside_harmless_words_stay_harmless(analyse: Analyse, text: str) -> None:
    assert categories(analyse(text)) == set()


@pytest.mark.parametrize("text", [
    "Cai please answer your phone, we're all so worried about you at QEHS, don't do anything stupid tonight",
    "Lili, plîs ateb dy ffôn. Ni gyd yn poeni amdanat ti yn QEHS. Paid â gwneud dim byd gwirion heno",
    "Has anyone from QEHS heard from Osian? His mum is frantic. Osian if you see this, call me, don't do anything silly",
])
def test_dont_do_anything_stupid_to_someone_others_fear_for_is_safeguarding(analyse: Analyse, text: str) -> None:
    assert "safeguarding" in categories(analyse(text))


@pytest.mark.parametrize("text", [
    "Worried the QEHS lads will lose again, don't do anything stupid in the second half",
    "QEHS prom tonight, don't do anything stupid lads, have fun",
])
def test_dont_do_anything_stupid_as_everyday_advice_is_not_critical(analyse: Analyse, text: str) -> None:
    assert "safeguarding" not in categories(analyse(text))


@pytest.mark.parametrize("text", [
    "whoever called Lili at QEHS a slag should be ashamed of themselves",
    "Whoever keeps calling Megan from QEHS a slut, grow up",
    "Pwy bynnag alwodd Cai o QEHS yn slag, dylech chi fod â chywilydd",
])
def test_abuse_quoted_to_condemn_it_is_not_harassment(analyse: Analyse, text: str) -> None:
    assert "harassment" not in categories(analyse(text))


@pytest.mark.parametrize("text", ["Lili at QEHS is a slag", "Megan from QEHS is a slut and everyone knows it"])
def test_the_same_insult_said_of_a_pupil_is_harassment(analyse: Analyse, text: str) -> None:
    assert "harassment" in categories(analyse(text))


@pytest.mark.parametrize("text", [
    "QEHS year 10 play is about a cover-up at a hospital, tickets on sale now",
    "The QEHS drama club's film about a cover-up won a prize",
])
def test_a_cover_up_that_is_the_plot_of_a_play_is_not_disrepute(analyse: Analyse, text: str) -> None:
    assert "disrepute" not in categories(analyse(text))


def test_a_cover_up_by_the_school_is_still_disrepute(analyse: Analyse) -> None:
    # (v20) "The head at QEHS ... covered it up" is defamatory about the head, as the gold writers label it
    assert "disrepute" in categories(analyse("QEHS kept it quiet that the roof was falling in and covered it up"))
