"""alerts.letters: each letter type carries what its takedown.md §8 checklist asks for, and nothing invented."""

from __future__ import annotations

import email
import email.policy
import re
from pathlib import Path

import pytest

from alerts.letters import draft_letter, draft_letters, propose_type
from alerts.letters.facts import QUOTE_CHARS
from repmon.errors import InputError

DEFAME_TEXT = ("Parents' evening was a joke. Everyone at QE High knows Mrs Pritchard stole the Year 9 trip money "
               "and the head covered it up. Ask anyone.")
DEFAME = [{"category": "defamatory", "score": 0.91, "reason": "allegation of theft about staff-003",
           "text": "Mrs Pritchard stole the Year 9 trip money"}]
DOXX_TEXT = "Cai Llewelyn from QE High lives at 4 Example Lane, Carmarthen, and walks home alone."
DOXX = [{"category": "identifying", "score": 0.88, "reason": "home address of pupil-0042"}]
THREAT_TEXT = "Mr Beynon at QE High is going to get hurt after school on Friday. Cai Llewelyn too."
THREAT = [{"category": "threat", "score": 0.95, "reason": "threat of harm against staff-004"}]
HARASS_TEXT = "Miss Jenkins from QE High is a fat useless cow and everyone should tell her so."
HARASS = [{"category": "harassment", "score": 0.8, "reason": "insults aimed at staff-005"}]
EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")


def _files(settings, alert_id: int, letter_type: str) -> tuple[str, email.message.EmailMessage]:
    folder = Path(settings["store.letters_dir"])
    txt = (folder / f"{alert_id}-{letter_type}.txt").read_text(encoding="utf-8")
    eml = email.message_from_bytes((folder / f"{alert_id}-{letter_type}.eml").read_bytes(), policy=email.policy.default)
    return txt, eml


def _letter(store, takedown_id: int) -> dict:
    return next(t for t in store.takedowns() if t["id"] == takedown_id)


@pytest.mark.parametrize(("categories", "expected"), [
    (["threat"], "police_referral"),
    (["safeguarding", "identifying"], "police_referral"),
    (["defamatory", "harassment"], "s5_notice"),
    (["identifying", "harassment"], "site_report"),
    (["identifying"], "gdpr_erasure"),
    (["harassment"], "site_report"),
    (["disrepute"], "site_report"),
    ([], "site_report"),
])
def test_proposed_letter_type(categories, expected):
    assert propose_type([{"category": c, "score": 0.5, "reason": ""} for c in categories]) == expected


# ---- §8.1 s.5 notice ---------------------------------------------------------------------------------


def test_s5_notice_checklist(store, settings, profile, make_alert, freeze):
    freeze("2026-12-24T10:00:00Z")  # Christmas Eve: Christmas Day, the weekend and 28 Dec are not counted
    made = make_alert(text=DEFAME_TEXT, severity="high", flags=DEFAME, named={"staff-003": "Mrs Pritchard"},
                      url="https://parents.example.net/t/9913", raw={"post_id": "p-9913"})
    takedown = _letter(store, draft_letter(store, settings, profile, made.alert_id))
    letter = takedown["body"]

    assert takedown["letter_type"] == "s5_notice" and takedown["state"] == "draft"
    assert ("NOTICE OF COMPLAINT UNDER SECTION 5 OF THE DEFAMATION ACT 2013 AND THE DEFAMATION (OPERATORS OF "
            "WEBSITES) REGULATIONS 2013") in letter
    assert "Name:            Rhian Pritchard" in letter                       # s.5(6)(a), the individual
    assert "The complainant is the individual defamed, not\n   the school" in letter
    assert '"Everyone at QE High knows Mrs Pritchard stole the Year 9 trip money and the head covered it up."' in letter
    assert 'refers to Rhian Pritchard as "Mrs Pritchard",\n   Head of Science' in letter  # why it identifies them
    assert "https://parents.example.net/t/9913" in letter and "p-9913" in letter  # s.5(6)(c)
    assert "Friday 27 November 2026, 09:15 (GMT)" in letter                     # date and time seen
    assert "[to be completed: complainant's e-mail address]" in letter          # reg. 2(a)
    assert "[to be completed: the meaning the complainant gives the statement" in letter  # reg. 2(b)
    assert "factually inaccurate, and which are opinions not supported by fact" in letter  # reg. 2(c)
    assert "do not have sufficient information\n       about the poster to bring proceedings" in letter  # reg. 2(d)
    assert "does NOT consent to you giving their name and e-mail\n       address to the poster" in letter  # reg. 2(e)
    assert "serious\n   harm to the complainant's reputation (section 1" in letter
    assert "Good Friday, Christmas Day and\n   bank holidays" in letter and "fifth day" in letter
    assert "the 48 hours end on Wednesday 30 December 2026, 10:00 (GMT)" in letter
    assert "actual knowledge (regulations 19 and 22)" in letter
    assert made.sha256 in letter
    assert "qehs-" in letter                                                     # case ID
    assert takedown["deadline"] == "2026-12-30T10:00:00Z"


def test_on_a_page_with_comments_the_byline_is_not_given_as_the_poster(store, settings, profile, make_alert):
    made = make_alert(text="Great science results. Comment: " + DEFAME_TEXT, severity="high", flags=DEFAME,
                      named={"staff-003": "Mrs Pritchard"}, author="Lowri Page", raw={"has_comments": True})
    letter = _letter(store, draft_letter(store, settings, profile, made.alert_id))["body"]
    assert "Posted by (as shown): Lowri Page" not in letter
    assert "[to be completed: the name shown with the statement (the page's byline is 'Lowri Page'" in letter


def test_s5_notice_for_a_pupil_is_made_by_a_parent(store, settings, profile, make_alert):
    made = make_alert(text="Osian Bowen from QE High deals drugs behind the sports hall.", severity="high",
                      flags=[{"category": "defamatory", "score": 0.9, "reason": "allegation about pupil-0044"}],
                      named={"pupil-0044": "Osian Bowen"})
    letter = _letter(store, draft_letter(store, settings, profile, made.alert_id))["body"]
    assert "Name:            [to be completed: full name of the parent or guardian of Osian Bowen]" in letter
    assert "as parent or guardian of Osian Bowen" in letter


# ---- §8.2 Art. 17 erasure ----------------------------------------------------------------------------


def test_gdpr_erasure_checklist(store, settings, profile, make_alert, freeze):
    freeze("2027-01-31T12:00:00Z")  # one month on is 28 Feb 2027, a Sunday
    made = make_alert(text=DOXX_TEXT, severity="high", flags=DOXX, named={"pupil-0042": "Cai Llewelyn"})
    takedown = _letter(store, draft_letter(store, settings, profile, made.alert_id))
    letter = takedown["body"]

    assert takedown["letter_type"] == "gdpr_erasure"
    assert "The data subject is Cai Llewelyn, a pupil at Queen Elizabeth High School" in letter
    assert "a child (under 18)" in letter
    assert "[to be completed: who makes the request: Cai Llewelyn if competent" in letter  # pupil or parent
    assert "with\n   their written authority" in letter                           # authority recorded
    assert made.url in letter and '"Cai Llewelyn from QE High lives at 4 Example Lane, Carmarthen, and walks home alone."' in letter
    assert "Article 17(1)(c)" in letter and "Article 17(1)(d)" in letter and "Article 17(1)(f)" in letter
    assert "Recital 65" in letter
    assert "act swiftly" in letter                                               # safeguarding
    assert "(ARTICLE 17(2))" in letter and "copies or\n   replications" in letter
    assert "Article 12(3)" in letter and "that is by Monday 1 March 2027" in letter
    assert "No fee is payable" in letter and "proof of identity" in letter
    assert "Information Commissioner's Office" in letter                         # ICO escalation
    assert made.sha256 in letter
    assert takedown["deadline"] == "2027-03-01T23:59:00Z"


# ---- §8.5 police referral ----------------------------------------------------------------------------


def test_police_referral_checklist(store, settings, profile, make_alert):
    earlier = make_alert(text="Mr Beynon at QE High is a joke.", severity="medium",
                         flags=[{"category": "harassment", "score": 0.6, "reason": "insult to staff-004"}],
                         named={"staff-004": "Mr Beynon"}, author="grudge_carmarthen", source="reddit",
                         published="2026-11-20T18:02:00Z")
    made = make_alert(text=THREAT_TEXT, severity="critical", flags=THREAT, author="grudge_carmarthen",
                      source="reddit", named={"staff-004": "Mr Beynon", "pupil-0042": "Cai Llewelyn"})
    takedown = _letter(store, draft_letter(store, settings, profile, made.alert_id))
    letter = takedown["body"]

    assert takedown["letter_type"] == "police_referral" and takedown["deadline"] is None
    assert "CALL 999" in letter
    assert "Dafydd Rees, Head Teacher, Queen Elizabeth High School" in letter     # single point of contact
    assert "Designated safeguarding person: Siân Howells" in letter
    assert "Keeping\n   learners safe" in letter
    chronology = letter.split("2. CHRONOLOGY (UTC)", 1)[1].split("3. ", 1)[0]    # both postings, oldest first
    assert chronology.index("2026-11-20T18:02:00Z") < chronology.index("2026-11-26T20:41:00Z")
    for posting in (earlier, made):
        assert posting.url in chronology and posting.sha256 in chronology
    assert 'reddit, account "grudge_carmarthen"' in chronology
    assert "Online Safety Act 2023 s.181" in letter and "not conclusions" in letter
    assert "2 postings from the same account (Protection from Harassment Act 1997" in letter
    victims = letter.split("4. VICTIMS", 1)[1].split("5. SUSPECT", 1)[0]
    assert "Tomos Beynon, Teacher of PE" in victims
    assert "pupil C.L." in victims and "Cai Llewelyn" not in victims             # pupils by initials
    assert "[to be completed: police crime or incident reference" in letter
    assert "WARC" in letter and "SHA-256" in letter and made.sha256 in letter
    assert "No images are attached" in letter and "only its URL is given" in letter
    assert "stopped its own investigation" in letter


# ---- §8.3 / §8.4 site report -------------------------------------------------------------------------


def test_site_report_checklist(store, settings, profile, make_alert, freeze):
    freeze("2026-11-27T09:00:00Z")
    made = make_alert(text=HARASS_TEXT, severity="high", flags=HARASS, named={"staff-005": "Miss Jenkins"},
                      url="https://rate-my-teacher.example.org/r/552")
    takedown = _letter(store, draft_letter(store, settings, profile, made.alert_id))
    letter = takedown["body"]
    txt, _eml = _files(settings, made.alert_id, "site_report")

    assert takedown["letter_type"] == "site_report"
    assert "Dafydd Rees, Head Teacher" in letter                                 # sender: name,
    assert "Queen Elizabeth High School, Example Road, Carmarthen SA31 0XX" in letter  # postal address,
    assert "office@example-qehs.sch.uk" in letter                                # and e-mail (reg. 22)
    assert "On behalf of: Catrin Jenkins, the person affected" in letter
    assert "https://rate-my-teacher.example.org/r/552" in letter
    assert '"Miss Jenkins from QE High is a fat useless cow and everyone should tell her so."' in letter
    assert "Your rules on harassment and bullying" in letter
    assert "Protection from Harassment Act 1997" in letter and "actual knowledge" in letter
    assert "section 10(3)(b) of\n   the Online Safety Act 2023" in letter
    assert "Remove the content" in letter and "Preserve the account's data and logs" in letter
    assert "reference number" in letter
    assert made.sha256 in letter and "No images or other media are attached" in letter
    assert takedown["deadline"] == "2026-12-04T09:00:00Z"                        # escalation after a week
    for note in ("RDAP", "Cloudflare", "POSH", "Report Harmful Content", "Ofcom", "fediverse"):
        assert note in txt


def test_site_report_for_disrepute_claims_nothing_unlawful(store, settings, profile, make_alert):
    made = make_alert(text="QE High's new uniform policy is a total shambles.", severity="medium",
                      flags=[{"category": "disrepute", "score": 0.6, "reason": "hostile review"}])
    letter = _letter(store, draft_letter(store, settings, profile, made.alert_id))["body"]
    assert "We do not claim here that the content is unlawful" in letter
    assert "actual knowledge" not in letter and "Online Safety Act" not in letter


# ---- drafting in general -----------------------------------------------------------------------------


def test_eml_draft_is_marked_unsent_and_has_no_recipient(store, settings, profile, make_alert):
    made = make_alert(text=DEFAME_TEXT, severity="high", flags=DEFAME, named={"staff-003": "Mrs Pritchard"})
    takedown = _letter(store, draft_letter(store, settings, profile, made.alert_id))
    txt, eml = _files(settings, made.alert_id, "s5_notice")
    assert eml["X-Unsent"] == "1"
    assert eml["To"] is None and takedown["recipient"] == ""
    assert eml["From"] == "office@example-qehs.sch.uk"
    assert eml["Subject"].startswith("Notice of complaint under section 5 of the Defamation Act 2013")
    assert eml.get_content() == takedown["body"]
    assert txt.startswith(takedown["body"]) and "NOTES FOR THE PERSON APPROVING THIS DRAFT" in txt
    assert "NOTES FOR THE PERSON" not in eml.get_content()
    assert sorted(takedown["files"]) == sorted(str(Path(settings["store.letters_dir"]) / f"{made.alert_id}-s5_notice.{ext}")
                                                for ext in ("txt", "eml", "docx"))


def test_missing_facts_are_placeholders_never_invented(store, settings, profile, make_alert):
    bare = settings.with_overrides({"school.email": "", "school.address": "", "school.signatory": ""})
    made = make_alert(text=DEFAME_TEXT, severity="high", flags=DEFAME, named={"staff-003": "Mrs Pritchard"})
    letter = _letter(store, draft_letter(store, bare, profile, made.alert_id))["body"]
    assert "[to be completed: the school's contact e-mail address (school.email)]" in letter
    assert "[to be completed: the school's postal address (school.address)]" in letter
    assert "[to be completed: name of the person signing]" in letter
    assert EMAIL.findall(letter) == []                                             # no address made up
    assert _files(bare, made.alert_id, "s5_notice")[1]["From"] is None


def test_drafting_again_returns_the_same_letter_and_keeps_a_person_s_edits(store, settings, profile, make_alert):
    made = make_alert(text=DEFAME_TEXT, severity="high", flags=DEFAME, named={"staff-003": "Mrs Pritchard"})
    first = draft_letter(store, settings, profile, made.alert_id)
    txt = Path(settings["store.letters_dir"]) / f"{made.alert_id}-s5_notice.txt"
    txt.write_text(txt.read_text(encoding="utf-8").replace(
        "[to be completed: complainant's e-mail address]", "r.pritchard@example.net"), encoding="utf-8")
    assert draft_letter(store, settings, profile, made.alert_id) == first
    assert "r.pritchard@example.net" in txt.read_text(encoding="utf-8")
    assert len(store.takedowns()) == 1


def test_another_letter_type_can_be_drafted_for_the_same_alert(store, settings, profile, make_alert):
    made = make_alert(text=DEFAME_TEXT, severity="high", flags=DEFAME, named={"staff-003": "Mrs Pritchard"})
    s5 = draft_letter(store, settings, profile, made.alert_id)
    report = draft_letter(store, settings, profile, made.alert_id, "site_report")
    assert s5 != report
    assert {t["letter_type"] for t in store.takedowns()} == {"s5_notice", "site_report"}


def test_draft_letters_covers_open_alerts_at_or_above_the_minimum(store, settings, profile, make_alert):
    make_alert(text=HARASS_TEXT, severity="medium", flags=HARASS)
    high = make_alert(text=DEFAME_TEXT, severity="high", flags=DEFAME, named={"staff-003": "Mrs Pritchard"})
    critical = make_alert(text=THREAT_TEXT, severity="critical", flags=THREAT)
    dismissed = make_alert(text=DOXX_TEXT, severity="critical", flags=DOXX)
    store.set_alert_state(dismissed.alert_id, "dismissed", "comms@example-qehs.sch.uk")

    ids = draft_letters(store, settings, profile, "high")
    drafted = {(t["alert_id"], t["letter_type"]) for t in store.takedowns() if t["id"] in ids}
    assert drafted == {(high.alert_id, "s5_notice"), (critical.alert_id, "police_referral")}
    assert draft_letters(store, settings, profile, "high") == ids


def test_scraped_text_in_letters_is_plain_verbatim_and_capped(store, settings, profile, make_alert):
    statement = ("Mrs Pritchard <b>stole</b> the money \u202egnirts\u202c and " + "then lied about it again " * 200).strip()
    made = make_alert(text=f"QE High news. {statement}.", severity="high", named={"staff-003": "Mrs Pritchard"},
                      flags=[{"category": "defamatory", "score": 0.9, "reason": "about staff-003",
                              "text": "Mrs Pritchard <b>stole</b> the money"}])
    letter = _letter(store, draft_letter(store, settings, profile, made.alert_id))["body"]
    quote = letter.split("(VERBATIM)", 1)[1].split("4. WHY", 1)[0]
    assert '"Mrs Pritchard <b>stole</b> the money gnirts and then lied' in quote   # literal text, no HTML
    assert "\u202e" not in letter                                                  # no bidi override
    assert "(Shortened here; the full statement is at the URL above.)" in quote
    assert len(quote) < QUOTE_CHARS + 200


def test_unknown_alert_or_letter_type_is_refused(store, settings, profile, make_alert):
    made = make_alert(text=DEFAME_TEXT, severity="high", flags=DEFAME)
    with pytest.raises(InputError, match="there is no alert 999"):
        draft_letter(store, settings, profile, 999)
    with pytest.raises(InputError, match="unknown letter type 'cease_and_desist'"):
        draft_letter(store, settings, profile, made.alert_id, "cease_and_desist")


def test_the_s5_complainant_is_the_person_the_flag_is_about_not_another_named_in_its_reason(
        store, settings, profile, make_alert):
    made = make_alert(text="Mrs Pritchard says Mr Beynon at QE High stole the PE fund.", severity="high",
                      flags=[{"category": "defamatory", "score": 0.9, "ref": "staff-004",
                              "reason": "allegation of theft about staff-004, reported by Rhian Pritchard"}],
                      named={"staff-003": "Mrs Pritchard", "staff-004": "Mr Beynon"})
    letter = _letter(store, draft_letter(store, settings, profile, made.alert_id))["body"]
    assert "Name:            Tomos Beynon" in letter
