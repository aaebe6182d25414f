"""The sentences of the offline demo site give the stated results with profiles/example.toml."""

from __future__ import annotations

from tests.nlp.helpers import Analyse, categories, flags_of

PRIZE = "Queen Elizabeth High School pupils from Carmarthen have won the Wales regional science prize, Mrs Pritchard said."
COMMENT = "Mr Beynon is a thief. He stole money from the PE fund and the school covered it up."
ARTICLE_TITLE = "Queen Elizabeth High School pupils win science prize"
DOXX = ("Cai Llewelyn from QEHS year 9 lives at 14 Heol y Dderwen, Carmarthen SA31 1AB "
        "and his mum's number is 07700 900123.")
THREAT = "Someone should bring a knife to QE High and sort Mrs Pritchard out. I'm going to make her pay."
ABUSE = "Megan Thomas-Price is a fat ugly slag and nobody at Queen Elizabeth High likes her."
DISCLOSURE = ("A girl at Queen Elizabeth High in Carmarthen, Lili Griffiths, told friends she has been cutting "
              "herself and that her stepdad hits her.")
REVIEW = ("Queen Elizabeth High School, Carmarthen: worst school in Carmarthenshire. Total shambles, avoid. "
          "The head ignores every complaint.")
HEXHAM = "Queen Elizabeth High School in Hexham has appointed a new head teacher."
ROYAL = "Queen Elizabeth II visited the hospital in Carmarthen in 1955."


def test_prize_news_is_relevant(analyse: Analyse) -> None:
    assert analyse(PRIZE)["relevant"] is True


def test_prize_news_has_no_flags_and_severity_none(analyse: Analyse) -> None:
    result = analyse(PRIZE)
    assert (result["flags"], result["severity"]) == ([], "none")


def test_comment_under_the_article_is_relevant_through_its_title(analyse: Analyse) -> None:
    assert analyse(COMMENT, title=ARTICLE_TITLE)["relevant"] is True


def test_comment_is_defamatory_about_staff_004_and_high(analyse: Analyse) -> None:
    result = analyse(COMMENT, title=ARTICLE_TITLE)
    assert [f["ref"] for f in flags_of(result, "defamatory")] == ["staff-004"]
    assert result["severity"] == "high"


def test_comment_with_the_article_text_before_it_is_defamatory(analyse: Analyse) -> None:
    result = analyse("Great result for the school in Carmarthen.\n\n" + COMMENT)
    assert "staff-004" in [f["ref"] for f in flags_of(result, "defamatory")]


def test_defamation_reason_names_the_person_and_the_words(analyse: Analyse) -> None:
    reason = flags_of(analyse(COMMENT, title=ARTICLE_TITLE), "defamatory")[0]["reason"]
    assert "staff-004" in reason and "'is a thief'" in reason


def test_address_and_phone_of_a_pupil_are_identifying_and_high(analyse: Analyse) -> None:
    result = analyse(DOXX)
    assert result["relevant"] is True
    assert [f["ref"] for f in flags_of(result, "identifying")] == ["pupil-0042"]
    assert result["severity"] == "high"


def test_knife_threat_against_a_teacher_is_critical(analyse: Analyse) -> None:
    result = analyse(THREAT)
    assert "threat" in categories(result)
    assert result["severity"] == "critical"


def test_knife_threat_is_aimed_at_staff_003(analyse: Analyse) -> None:
    assert [f["ref"] for f in flags_of(analyse(THREAT), "threat")] == ["staff-003"]


def test_insults_about_a_pupil_are_harassment_and_high(analyse: Analyse) -> None:
    result = analyse(ABUSE)
    assert [f["ref"] for f in flags_of(result, "harassment")] == ["pupil-0043"]
    assert result["severity"] == "high"


def test_self_harm_and_abuse_disclosure_is_safeguarding_and_critical(analyse: Analyse) -> None:
    result = analyse(DISCLOSURE)
    assert [f["ref"] for f in flags_of(result, "safeguarding")] == ["pupil-0045"]
    assert result["severity"] == "critical"


def test_hostile_review_is_disrepute_and_medium(analyse: Analyse) -> None:
    result = analyse(REVIEW)
    assert categories(result) == {"disrepute"}
    assert result["severity"] == "medium"


def test_school_of_the_same_name_in_hexham_is_not_relevant(analyse: Analyse) -> None:
    result = analyse(HEXHAM)
    assert (result["relevant"], result["severity"]) == (False, "none")


def test_the_monarch_visiting_carmarthen_is_not_relevant(analyse: Analyse) -> None:
    result = analyse(ROYAL)
    assert (result["relevant"], result["severity"]) == (False, "none")
