"""Rules v4: veiled and future threats, indirect disclosures, insults and allegations in new words (English and
Welsh, northern forms included) are found; hyperbole, talks, fair criticism and opinion are not over-read; more of
the ways people write a member of staff's name are recognised; the classifier alone no longer calls neutral news
disrepute. Every post here is fictional and was written for these tests, not taken from a gold set."""

from __future__ import annotations

import pytest

from nlp.analyse import ANALYSER_VERSION, Analyser
from tests.nlp.conftest import Analyse
from tests.nlp.helpers import categories, judged_with, refs

THREATS = [
    "One day you'll be walking to your car Mr Beynon and you won't see me coming. QEHS",
    "Mrs Howells from QE High, I'll be waiting outside the gates on Monday",
    "We know your car Mrs Pritchard. Silver Corsa isn't it. QEHS",
    "Pity if something happened to your house Mrs Howells. QE High",
    "QE High is going to burn. Count the days.",
    "Mrs Pritchard's tyres will be slashed by Friday #QEHS",
    "don't come in to QEHS on friday. just saying. something big is going to happen",
    "if my lad gets excluded from QE High there will be consequences for Mr Beynon",
    "Tell Mr Beynon at QEHS to check under his car before he drives home",
    "A teenager was arrested after threatening to bring a knife into QE High, police confirmed",
    "Un diwrnod fe gei di dy haeddiant Mr Beynon. Ysgol y Frenhines Elisabeth",
    "Fydda i'n aros amdanat ti tu allan i'r ysgol Mrs Howells, QEHS",
    "Mi fyddi di'n difaru hyn Miss Jenkins, QEHS",
    "Mae rhywun am roi'r ysgol ar dân, QEHS, gewch chi weld",
    "Hope Mrs Howells from QEHS enjoys her drive home on those country lanes. Be a shame about the brakes.",
    "QE High staff better pray nothing happens to them this term",
    "Paid â dod i'r ysgol ddydd Llun, QEHS. Rhybudd.",
    "Someone needs to teach Mr Beynon QEHS a lesson he won't forget",
    "Mi fydd 'na waed ar lawr QEHS dydd Llun",
    "Ti'n haeddu cael dy guro Mr Beynon, QEHS, a fydda i'n neud o",
]
DISCLOSURES = [
    "Osian Bowen QEHS told me he won't be here next week and gave away his stuff",
    "Lili Griffiths at QE High said she's going to take all the pills in the cupboard",
    "Megan Thomas-Price from QEHS has a boyfriend who is 24 and picks her up from school",
    "Megan Thomas-Price from QEHS ran away last night, police looking",
    "pics of Cai Llewelyn QEHS in the changing rooms are being shared",
    "worried about Osian Bowen at QEHS, he's been looking up ways to die",
    "Someone is selling pics of a Year 9 girl from QE High on telegram, it's Lili Griffiths",
    "Mae gan Lili Griffiths o QEHS gariad sy'n 25 oed",
    "Dydy Cai Llewelyn o QEHS ddim wedi bod adra ers dyddia",
    "Ma Lili Griffiths QEHS yn deud bod hi isio mynd i gysgu a peidio deffro",
    "Mae dyn 30 oed yn anfon negeseuon at Megan Thomas-Price o QEHS",
    "Lili Griffiths from QEHS is gonna neck her nan's pills, she told me",
    "Megan Thomas-Price QEHS stays over at her bf's, he's 23",
    "Cai Llewelyn QEHS keeps wanting to die and talking about dying",
    "Mae cariad Lili Griffiths o QEHS yn 23",
    "Megan Thomas-Price QEHS says her mum's new boyfriend comes in the bathroom when she's in there",
    "Lili Griffiths QEHS keeps saying everyone would be happier if she wasn't around",
    "a teacher's assistant at QEHS gives Megan Thomas-Price lifts home and buys her vapes, told her it's their secret",
    "Megan Thomas-Price QE High hasn't been seen since friday, her mum is frantic",
    "Ma Cai Llewelyn o QEHS yn deud bod o'n well off yn farw",
    "Mae rhywun wedi rhannu fideo o Lili Griffiths QEHS yn newid yn y stafell newid",
    "Lili Griffiths QE High has scars all up her legs and wears trousers in summer to hide them",
    "Megan Thomas-Price QEHS, 14, is on a dating app talking to men",
    "Mae Megan Thomas-Price o QEHS wedi postio 'hwyl fawr pawb, sori am bopeth'",
    "Ma Cai Llewelyn QEHS efo marciau ar ei freichiau o hyd",
]
NOT_CRITICAL = [
    "My lesson with Miss Jenkins at QEHS was so boring I wanted to die lol",
    "QEHS held a talk about knife crime and staying safe online today",
    "My mum will kill me if I fail my QEHS mocks haha",
    "Mr Beynon at QEHS is missing his lunch duty again lol",
    "Osian Bowen hurt himself playing rugby for QE High on Saturday, get well soon",
    "Lili Griffiths from QEHS, her boyfriend bought her 20 roses for her birthday",
    "Keep your kids away from Mr Beynon at QEHS, worst PE teacher going",
    "The QEHS bake sale is going to be a riot, come along",
    "Osian Bowen from QEHS went missing from training, found him in the canteen lol",
]
HARASSMENT = [
    "Mr Beynon at QEHS is a fat useless clown",
    "everyone hates Miss Jenkins at QE High, she's vile",
    "Mae Mrs Pritchard QEHS yn hen jadan hyll",
    "Cai Llewelyn o QEHS yn dwpsyn llwyr",
    "#MrBeynon is a total joke. QEHS",
    "Cai Llewelyn QEHS is a spacker who can't even read",
    "Mr Rees QEHS fat bald gremlin",
    "Mrs Pritchard QEHS what a nasty piece of work",
    "Mae Mr Beynon QEHS yn hen ddyn bach pathetig",
    "Ma Miss Jenkins QEHS yn hen gloman wirion",
]
DEFAMATORY = [
    "Mrs Howells at QEHS pocketed the money from the Christmas fair",
    "Miss Jenkins QE High fiddled her expenses for years",
    "everyone knows Mrs Pritchard at QEHS is on the wine by 10am",
    "Mae Miss Jenkins QEHS yn feddw bob dydd Gwener",
    "Mae Mrs Howells QEHS wedi cael ei diswyddo o'i hen ysgol am ddwyn",
    "Mr Beynon at QEHS has a drinking problem and drives the minibus drunk",
    "Mr Rees QEHS takes backhanders from the catering firm",
    "Mae Mr Rees QEHS wedi bod yn cymryd arian o gyfrif y PTA",
]
FAIR = [
    "Miss Jenkins at QEHS is strict but fair tbh",
    "Mrs Pritchard at QE High is a legend, no one can stand chemistry but she makes it fun",
    "Dw i'n meddwl bod Mr Rees QEHS yn rhy llym weithiau",
    "Oakridge parents: Mr Rees at QEHS takes the money for trips early, plan ahead",
    "Not impressed with how QEHS handled the parents evening booking, Mrs Howells never replied",
    "QEHS anti-bullying week: Cai Llewelyn spoke about being called names and it was brave",
]


def test_the_rule_set_is_v4_or_later() -> None:
    assert int(ANALYSER_VERSION.rpartition("-v")[2]) >= 4  # v5 keeps every v4 rule file


@pytest.mark.parametrize("text", THREATS)
def test_a_veiled_or_future_threat_is_critical(analyse: Analyse, text: str) -> None:
    result = analyse(text)
    assert "threat" in categories(result) and result["severity"] == "critical"


@pytest.mark.parametrize("text", DISCLOSURES)
def test_an_indirect_disclosure_is_critical(analyse: Analyse, text: str) -> None:
    result = analyse(text)
    assert "safeguarding" in categories(result) and result["severity"] == "critical"


@pytest.mark.parametrize("text", NOT_CRITICAL)
def test_hyperbole_talks_and_everyday_words_are_not_critical(analyse: Analyse, text: str) -> None:
    assert analyse(text)["severity"] != "critical"


@pytest.mark.parametrize("text", HARASSMENT)
def test_insults_and_pile_ons_are_harassment(analyse: Analyse, text: str) -> None:
    assert "harassment" in categories(analyse(text))


@pytest.mark.parametrize("text", DEFAMATORY)
def test_allegations_in_new_words_are_defamatory(analyse: Analyse, text: str) -> None:
    assert "defamatory" in categories(analyse(text))


@pytest.mark.parametrize("text", FAIR)
def test_fair_criticism_and_opinion_are_neither(analyse: Analyse, text: str) -> None:
    assert categories(analyse(text)) & {"harassment", "defamatory"} == set()


@pytest.mark.parametrize("text,ref", [
    ("mrs h at qehs gave me a detention", "staff-002"),
    ("Mrs Howels at QEHS gave me a detention", "staff-002"),
    ("S1an Howells from QEHS", "staff-002"),
    ("#MrBeynon #QEHS", "staff-004"),
    ("Tomos from QEHS PE dept is great", "staff-004"),
])
def test_the_ways_people_write_a_staff_name(analyse: Analyse, text: str, ref: str) -> None:
    assert refs(analyse(text), "staff") == [ref]


@pytest.mark.parametrize("text", ["Mr E-O at Prince of Wales High Bangor is sound", "mr eo from powhs",
                                  "Mr Ellis Owen, PoWHS"])
def test_initials_and_parts_of_a_hyphenated_surname(powhs: Analyser, text: str) -> None:
    result = powhs.analyse({"id": "t", "text": text})
    assert [m["ref"] for m in result["mentions"] if m["kind"] == "staff"] == ["pw-staff-05"]


@pytest.fixture(scope="module")
def with_classifier(example_profile: object) -> Analyser:
    return Analyser(example_profile, textcat=True)  # type: ignore[arg-type]


def test_the_classifier_alone_does_not_call_neutral_news_disrepute(with_classifier: Analyser) -> None:
    """(v30) Below categories-v11's ``plain_min`` (0.8); at it the classifier alone may (test_v30_rules.py)."""
    text = "Plans for a new sports hall at QE High in Carmarthen have been approved by the council."
    assert "disrepute" not in judged_with(with_classifier, {"disrepute": 0.75}, text)


def test_the_classifier_alone_still_adds_disrepute_to_a_complaint(with_classifier: Analyser) -> None:
    text = "QE High in Carmarthen lost my son's coursework twice and nobody has rung back."
    assert "disrepute" in judged_with(with_classifier, {"disrepute": 0.99}, text)


def test_the_classifier_alone_does_not_call_an_opinion_harassment(with_classifier: Analyser) -> None:
    text = "In my opinion Mr Rees at QEHS isn't a strong leader"
    assert "harassment" not in judged_with(with_classifier, {"harassment": 0.99}, text)


def test_a_disclosure_of_self_harm_is_not_also_a_threat_from_the_classifier(with_classifier: Analyser) -> None:
    text = "Cai Llewelyn from QEHS keeps saying he wants to kill himself"
    assert judged_with(with_classifier, {"threat": 0.95}, text) == {"safeguarding", "identifying"}


def test_the_classifier_alone_does_not_call_praise_harassment(with_classifier: Analyser) -> None:
    text = "Mrs Pritchard at QE High is a legend, no one can stand chemistry but she makes it fun"
    assert "harassment" not in judged_with(with_classifier, {"harassment": 0.99}, text)


def test_a_rule_still_finds_abuse_beside_praise(with_classifier: Analyser) -> None:
    text = "Mr Beynon at QEHS thinks he's a legend, he's a fat useless clown"
    assert "harassment" in judged_with(with_classifier, {"harassment": 0.99}, text)
