"""Threats and safeguarding disclosures put in words the v2 rules did not know are marked critical (rules v3);
idioms, condemned quotes and news of a find are not."""

from __future__ import annotations

import pytest

from tests.nlp.conftest import Analyse
from tests.nlp.helpers import categories

THREATS = [
    "someone should do something about Mr Beynon at QE High, a brick through his window maybe",
    "Mrs Pritchard from QEHS better watch herself walking to her car",
    "wait till Mr Beynon sees what we've got planned for him on Monday #QEHS",
    "Lili Griffiths from QEHS is gonna get it after school, tell her",
    "bringing something sharp into QE High tomorrow, you lot will see",
    "Dw i'n mynd i roi crasfa i Mr Beynon yn Ysgol y Frenhines Elisabeth",
    "Bydd rhywun yn brifo Mrs Pritchard o Ysgol y Frenhines Elisabeth cyn bo hir",
]
DISCLOSURES = [
    "Cai Llewelyn from QE High told me he doesn't want to be alive anymore",
    "Megan Thomas-Price (QEHS) keeps posting that she's going to end it tonight",
    "my friend at QE High says her stepdad comes into her room at night and she's scared",
    "There's a kid at QE High Carmarthen who never has any food and his mam leaves him alone for days",
    "Mr Beynon from QEHS asked a year 9 girl to keep their chats a secret from her parents",
    "Mae Cai Llewelyn o Ysgol y Frenhines Elisabeth yn brifo ei hun ers wythnosau",
]
NOT_CRITICAL = [
    "Mr Beynon's year 11s absolutely killing it at QE High sports day!",
    "Whoever wrote 'I'll stab Mrs Pritchard' on the QEHS wall should be ashamed of themselves",
    "A knife was found in a bag at QE High in Carmarthen on Tuesday; the head says pupils are safe",
    "Can't wait till the QE High summer fair, see you all there",
    "Mrs Howells at QE High Carmarthen gave a great talk on knife crime awareness",
    "Osian Bowen hurt himself playing rugby for QE High on Saturday, get well soon",
]


@pytest.mark.parametrize("text", THREATS)
def test_a_threat_in_new_words_is_critical(analyse: Analyse, text: str) -> None:
    result = analyse(text)
    assert result["severity"] == "critical" and "threat" in categories(result)


@pytest.mark.parametrize("text", DISCLOSURES)
def test_a_disclosure_in_new_words_is_critical(analyse: Analyse, text: str) -> None:
    result = analyse(text)
    assert result["severity"] == "critical" and "safeguarding" in categories(result)


@pytest.mark.parametrize("text", NOT_CRITICAL)
def test_idioms_condemned_quotes_and_news_of_a_find_are_not_critical(analyse: Analyse, text: str) -> None:
    assert analyse(text)["severity"] != "critical"


def test_a_call_to_go_after_someone_after_an_address_is_not_cancelled_by_an_earlier_negation(analyse: Analyse) -> None:
    # (v15) such a call is harassment of the person exposed, as the gold writers label it, no longer a threat
    result = analyse("Mr Beynon from QEHS lives at 12 Heol y Bryn, Carmarthen. The school won't listen so go tell him")
    assert [f["ref"] for f in result["flags"] if f["category"] == "harassment"] == ["staff-004"]


def test_a_death_wish_is_harassment_not_a_threat(analyse: Analyse) -> None:
    result = analyse("hope Mr Beynon from QEHS dies in a car crash")
    assert "harassment" in categories(result) and "threat" not in categories(result)


def test_a_complaint_about_the_school_stands_beside_a_threat_and_the_item_stays_critical(analyse: Analyse) -> None:
    # v6 (categories-v6.jsonl): the gold sets' writers label both, so disrepute no longer yields to a threat
    result = analyse("QE High in Carmarthen is a disgrace and I'm going to stab Mr Beynon tomorrow")
    assert categories(result) == {"threat", "disrepute"} and result["severity"] == "critical"


def test_disrepute_is_not_added_when_an_allegation_about_a_person_is_the_point(analyse: Analyse) -> None:
    result = analyse("QE High in Carmarthen is a disgrace: Mr Beynon stole the trip money and everyone knows it")
    assert "defamatory" in categories(result) and "disrepute" not in categories(result)


@pytest.mark.parametrize("text, category", [
    ("Mr Beynon from QE High Carmarthen was caught drinking in the car park at lunch", "defamatory"),
    ("Mrs Howells at QEHS has a criminal record, she lost her job at her last school", "defamatory"),
    ("QE High in Carmarthen fobbed us off again, avoid at all costs", "disrepute"),
])
def test_allegations_and_complaints_in_new_words(analyse: Analyse, text: str, category: str) -> None:
    assert category in categories(analyse(text))
