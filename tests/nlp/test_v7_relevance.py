"""v7: the school's abbreviation written bare ("balchder PoW", "gyda QE"), in lower case beside a school word, and a
person named in full with nothing else when the text threatens, abuses or accuses them."""

from __future__ import annotations

import pytest

from nlp.analyse import Analyser
from tests.nlp.helpers import Analyse, categories, refs


@pytest.mark.parametrize("text", [
    "Cyngerdd haf PoW wedi'i ganslo eto, dim esboniad i'r rhieni.",
    "PoW's panto last night was brilliant, the year 7s stole the show",
    "Unrhyw un yn mynd ar y trip gyda PoW fis nesa?",
])
def test_the_abbreviation_as_written_is_the_school_without_a_school_word_beside_it(powhs: Analyser, text: str) -> None:
    result = powhs.analyse({"id": "t", "text": text})
    assert result["relevant"] and refs(result, "school") == ["powhs"]


@pytest.mark.parametrize("text", [
    "More QE now would only push inflation higher, warns one economist.",
    "The Bank of England paused QE in March as bond yields rose.",
    "Waited five hours in the QE hospital A&E last night.",
])
def test_the_abbreviation_in_another_sense_is_not_the_school(analyse: Analyse, text: str) -> None:
    assert analyse(text)["relevant"] is False


@pytest.mark.parametrize("text", ["day one as a qe sixth former and I already have three free periods",
                                  "the qe prom tickets sold out in an hour"])
def test_the_abbreviation_in_lower_case_counts_with_a_school_word_in_its_sentence(analyse: Analyse, text: str) -> None:
    assert refs(analyse(text), "school") == ["qehs"]


def test_the_abbreviation_in_lower_case_with_nothing_of_school_is_not_the_school(powhs: Analyser) -> None:
    assert powhs.analyse({"id": "t", "text": "pow! straight in the back of the net"})["relevant"] is False


@pytest.mark.parametrize("text", [
    "Tomos Beynon is a thief and everyone knows it.",
    "tomos beynon we know where you park. enjoy your weekend",
])
def test_a_full_name_alone_with_hostile_material_aimed_at_them_is_relevant(analyse: Analyse, text: str) -> None:
    result = analyse(text)
    assert result["relevant"] and refs(result, "staff") == ["staff-004"]


def test_a_full_name_alone_with_a_threat_is_critical(analyse: Analyse) -> None:
    result = analyse("Tomos Beynon, I'm going to stab you outside your house on Friday.")
    assert result["severity"] == "critical" and "threat" in categories(result)


def test_a_full_name_alone_in_harmless_words_is_still_not_relevant(analyse: Analyse) -> None:
    assert analyse("Tomos Beynon finished his first half marathon in under two hours, well done")["relevant"] is False


def test_a_full_name_alone_with_a_namesake_word_is_not_relevant_however_hostile(analyse: Analyse) -> None:
    assert analyse("Tomos Beynon the striker is a thief, he stole that penalty")["relevant"] is False


@pytest.mark.parametrize("text", [
    "Llongyfarchiadau Lili ar ennill y gadair! Balchder QEHS 💙",
    "Lili, please ring your mum tonight. We all love you. Everyone at QEHS is thinking of you.",
])
def test_a_first_name_counts_with_the_school_anywhere_in_the_post(analyse: Analyse, text: str) -> None:
    assert refs(analyse(text), "pupil") == ["pupil-0045"]


def test_a_longer_first_name_in_lower_case_counts_with_the_school_anywhere(analyse: Analyse) -> None:
    text = "osian came in with a black eye again and said he fell. Does anyone at QEHS notice?"
    assert refs(analyse(text), "pupil") == ["pupil-0044"]


def test_an_aliases_first_word_is_a_first_name(analyse: Analyse) -> None:
    assert refs(analyse("best night ever with Meg at the QEHS prom"), "pupil") == ["pupil-0043"]


@pytest.mark.parametrize("text", ["Meg T-P crying in the QEHS toilets again", "lili g from QEHS won the chair",
                                  "Bowen got sent home from QEHS again"])
def test_a_pupil_by_first_name_and_initials_or_surname_alone_with_the_school(analyse: Analyse, text: str) -> None:
    assert len(refs(analyse(text), "pupil")) == 1


@pytest.mark.parametrize("text", [
    "Disgusted by the comments calling Mrs Howells at QEHS a 'jumped-up witch'. She deserves better.",
    "Someone wrote \"Mrs Howells is a cow\" on the QEHS page last night and honestly whoever that was, grow up.",
])
def test_an_insult_in_quotation_marks_that_the_post_condemns_is_not_harassment(analyse: Analyse, text: str) -> None:
    assert "harassment" not in categories(analyse(text))


def test_an_insult_in_quotation_marks_without_condemnation_is_still_harassment(analyse: Analyse) -> None:
    assert "harassment" in categories(analyse("everyone at QEHS says Mrs Howells is a 'jumped-up witch' lol"))


def test_a_threat_in_quotation_marks_stays_a_threat_even_when_condemned(analyse: Analyse) -> None:
    result = analyse("My son got a message saying 'we're going to stab you outside QEHS tomorrow'. Disgusting.")
    assert "threat" in categories(result)


@pytest.mark.parametrize("text", ["if Beynon excludes me again I'm bringing a blade in",
                                  "Tomos Beynon took the money the PTA raised for the minibus"])
def test_a_pupils_own_exclusion_and_the_pta_are_a_school_setting(analyse: Analyse, text: str) -> None:
    assert analyse(text)["relevant"] is True


def test_a_welsh_allegation_of_telling_lies_is_defamatory(analyse: Analyse) -> None:
    result = analyse("Dr Rees o QEHS wedi dweud celwydd wrth y rhieni am yr arian.")
    assert "defamatory" in categories(result)


def test_a_welsh_denial_that_calls_a_claim_a_lie_still_clears_it(analyse: Analyse) -> None:
    assert "defamatory" not in categories(analyse("Celwydd yw hynny am Dr Rees o QEHS, mae e'n ddyn gonest."))


@pytest.mark.parametrize("text", [
    "Mr Beynon at QEHS helped himself to cake at the bake sale 😂",
    "mum kicked me out of the car at QEHS gates cos I was late again lol",
    "Lili Griffiths from QEHS posted her bara brith recipe and my whole weekend is sorted",
])
def test_everyday_phrases_holding_a_cue_word_raise_no_flag(analyse: Analyse, text: str) -> None:
    assert categories(analyse(text)) <= {"identifying"}


@pytest.mark.parametrize("text, category", [
    ("Mr Beynon at QEHS helped himself to the trip money", "defamatory"),
    ("Osian from QEHS is getting sorted after school tomorrow", "threat"),
])
def test_the_same_words_outside_those_phrases_still_flag(analyse: Analyse, text: str, category: str) -> None:
    assert category in categories(analyse(text))


def test_a_title_with_a_misspelt_surname_reaches_the_pipeline_without_the_school(analyse: Analyse) -> None:
    result = analyse("Mrs Pritchart bumps up the coursework marks of her favourites")
    assert refs(result, "staff") == ["staff-003"]


def test_a_review_naming_nothing_with_a_word_of_school_life_is_relevant(analyse: Analyse) -> None:
    result = analyse("3 stars. Teaching is good and my son is happy, but the office never answers.", source="review")
    assert result["relevant"] is True


def test_a_longer_pupil_surname_in_lower_case_counts_with_the_school_in_the_post(analyse: Analyse) -> None:
    assert refs(analyse("u seen bowen in the yard today. proper snitch #qehs"), "pupil") == ["pupil-0044"]


@pytest.mark.parametrize("text, ref", [
    ("a kid at Prince of Wales High posting on elis_parry_09 about wanting to end it", "pw-pupil-101"),
    ("her insta is @nia.vaughan.lloyd, PoW yr 9", "pw-pupil-104"),
])
def test_a_name_run_together_in_a_handle_counts_with_the_school(powhs: Analyser, text: str, ref: str) -> None:
    assert refs(powhs.analyse({"id": "t", "text": text}), "pupil") == [ref]


def test_a_handle_without_the_school_names_no_one(powhs: Analyser) -> None:
    assert refs(powhs.analyse({"id": "t", "text": "follow elis_parry_09 for gaming clips"}), "pupil") == []
