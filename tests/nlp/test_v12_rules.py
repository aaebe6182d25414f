"""v12: the wording the twenty-third independent set (indep23, opened) showed missing or misread, each rule with its near
miss. The texts are new; none is a gold item. The rules alone (the classifier is left out, see conftest.py)."""

from __future__ import annotations

from nlp.analyse import Analyser
from tests.nlp.helpers import Analyse, analyse_text as _powhs, categories


# -- arson called for --

def test_someone_should_put_a_match_to_a_teachers_office_is_a_threat(analyse: Analyse) -> None:
    result = analyse("Someone needs to put a match to Mrs Pritchard's office at QEHS one night. Nobody would miss it.")
    assert result["severity"] == "critical" and "threat" in categories(result)


def test_put_in_welsh_a_match_to_the_office_is_a_threat(analyse: Analyse) -> None:
    result = analyse("Dylse rhywun roi matsien i swyddfa Mrs Pritchard yn y QE ryw noson. Fydde neb yn gweld ishe'r lle.")
    assert result["severity"] == "critical"


def test_setting_the_place_alight_in_welsh_is_a_threat(powhs: Analyser) -> None:
    result = _powhs(powhs, "Ar ôl be nath Mr Hughes i fy mrawd, dwi'n mynd i roi'r lle ar dân. PoW High, cofiwch hyn.")
    assert result["severity"] == "critical"


def test_putting_a_match_to_the_bonfire_is_not_a_threat(analyse: Analyse) -> None:
    result = analyse("QEHS bonfire night: Mr Beynon will put a match to the bonfire at 7, hot dogs from the PTA")
    assert "threat" not in categories(result)


def test_a_fire_alarm_practice_in_welsh_is_not_a_threat(analyse: Analyse) -> None:
    result = analyse("Ymarfer tân yn y QE bore 'ma: mae Mrs Pritchard eisiau i bawb roi tân gwyllt i gadw tan fis Tachwedd")
    assert "threat" not in categories(result)


# -- a member of staff messaging pupils privately --

def test_a_teacher_who_dms_year_ten_girls_is_a_safeguarding_concern(powhs: Analyser) -> None:
    result = _powhs(powhs, "why does Mr Hughes from PoW follow the yr 10 girls on insta and dm them at midnight 🤔")
    assert result["severity"] == "critical" and "safeguarding" in categories(result)


def test_a_teacher_snapchatting_pupils_in_welsh_is_a_safeguarding_concern(powhs: Analyser) -> None:
    result = _powhs(powhs, "Ma Mr Hughes PoW yn snapio'r genod blwyddyn 9 bob nos, pam bod neb yn deud dim?")
    assert result["severity"] == "critical"


def test_a_teacher_following_the_school_netball_account_is_not_a_concern(powhs: Analyser) -> None:
    result = _powhs(powhs, "Mrs Davies follows the PoW girls netball account on insta and shares every result, what a "
                           "supporter")
    assert "safeguarding" not in categories(result)


def test_pupils_who_dm_a_teacher_about_homework_are_not_a_concern(powhs: Analyser) -> None:
    result = _powhs(powhs, "the year 10 girls at PoW dm Mr Hughes on teams about homework and he answers next day")
    assert "safeguarding" not in categories(result)


# -- talks, hyperbole and family --

def test_an_online_safety_evening_that_went_through_sextortion_is_not_a_disclosure(powhs: Analyser) -> None:
    result = _powhs(powhs, "Useful online safety evening at PoW High. Mrs Davies went through sextortion, grooming "
                           "and what to do if your child is sent a nude.")
    assert "safeguarding" not in categories(result)


def test_a_parent_whose_son_went_through_sextortion_is_still_a_disclosure(analyse: Analyse) -> None:
    result = analyse("My son in year 9 at QE went through sextortion last month, someone has his pictures and is still "
                     "messaging him for money.")
    assert result["severity"] == "critical"


def test_a_knife_crime_awareness_day_is_not_a_threat(powhs: Analyser) -> None:
    result = _powhs(powhs, "PoW High held a knife crime awareness day, police told pupils about the dangers of carrying "
                           "knives and county lines exploitation.")
    assert not categories(result) & {"threat", "safeguarding"}


def test_a_pupil_told_in_welsh_about_killing_her_little_brother_is_not_a_threat(powhs: Analyser) -> None:
    result = _powhs(powhs, "Dwi'n mynd i ladd fy mrawd bach os ydi o'n dwyn fy nghinio eto 😂 cinio PoW yn ffab heddiw")
    assert "threat" not in categories(result)


def test_in_welsh_a_threat_to_a_teachers_brother_is_still_a_threat(powhs: Analyser) -> None:
    result = _powhs(powhs, "Dwi'n mynd i ladd Mr Hughes PoW a'i frawd hefyd, dwi'n gwbod lle ma nhw'n byw")
    assert result["severity"] == "critical"


def test_praise_quoted_from_the_teachers_message_does_not_excuse_it(powhs: Analyser) -> None:
    result = _powhs(powhs, "why does Mr Hughes at PoW follow yr 9 girls on insta and dm them 'well done today 😉' late at "
                           "night??")
    assert result["severity"] == "critical"
