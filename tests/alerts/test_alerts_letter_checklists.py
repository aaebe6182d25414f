"""Every letter type against takedown.md §8: the platform report (§8.3) for every platform in the table,
and the elements §8 asks of every generated item (case ID, evidence link with hashes, date and time sent,
channel, calculated deadline, follow-up reminders, no media attached)."""

from __future__ import annotations

from pathlib import Path

import pytest

from alerts.letters import LETTERS, draft_letter
from alerts.letters.platforms import PLATFORMS

HARASS = [{"category": "harassment", "score": 0.8, "reason": "insults aimed at pupil-0042"}]
HARASS_TEXT = "Cai Llewelyn from QE High is a loser, everyone should tell him so every day."
URLS = {
    "reddit": "https://www.reddit.com/r/carmarthen/comments/abc123/qe_high/",
    "x": "https://x.com/anon_poster_77/status/1850000000000000001",
    "facebook": "https://www.facebook.com/groups/carmarthenparents/posts/1234",
    "instagram": "https://www.instagram.com/p/Cabc123/",
    "tiktok": "https://www.tiktok.com/@anon_poster_77/video/7300000000000000001",
    "youtube": "https://www.youtube.com/watch?v=abcdefghijk",
    "bluesky": "https://bsky.app/profile/anon.example.net/post/3kabc",
    "mastodon": "https://toot.example.net/@anon_poster_77/111222333444",
}


def _draft(store, settings, profile, made, letter_type=None):
    tid = draft_letter(store, settings, profile, made.alert_id, letter_type)
    row = next(t for t in store.takedowns() if t["id"] == tid)
    return row, Path(row["files"][0]).read_text(encoding="utf-8")


@pytest.mark.parametrize("key", sorted(PLATFORMS))
def test_platform_report_checklist(store, settings, profile, make_alert, key):
    platform = PLATFORMS[key]
    source = key if key in ("reddit", "x", "bluesky", "mastodon", "youtube") else "web"
    made = make_alert(text=HARASS_TEXT, severity="high", flags=HARASS, named={"pupil-0042": "Cai Llewelyn"},
                      url=URLS[key], source=source, raw={"post_id": "p-77"})
    row, txt = _draft(store, settings, profile, made)
    letter = row["body"]
    assert row["letter_type"] == "platform_report"                          # proposed for a platform
    assert row["recipient"] == platform.name and platform.route in row["recipient_how"]
    assert f"Report to:  {platform.name}" in letter
    assert platform.route in letter                                          # platform-specific route
    assert platform.who_files in letter                                      # who files
    assert "parent or guardian" in letter                                    # a pupil: a parent files
    assert URLS[key] in letter and "p-77" in letter                          # direct links
    assert platform.rules["harassment"] in letter                            # the rule, by name
    assert "A child is involved" in letter and "age band" in letter          # child, age band only
    assert "Cai Llewelyn" not in letter.split("3. WHO IS AFFECTED")[1].split("4.")[0]  # no pupil name there
    assert "police reference" in letter or "Police informed" in letter       # offline threat / police
    assert "section 10(3)(b) of the Online\n   Safety Act 2023" in letter      # OSA hook
    assert "duties to protect children" in letter                           # children's-code duties
    assert "decision and a reference number" in letter                       # decision + reference
    assert "POSH" in letter and "Report Harmful Content" in letter and "Ofcom" in letter  # escalation
    assert "No images or other media are attached" in letter
    if platform.fediverse:
        assert "moderators" in letter and "forward" in txt                  # fediverse: moderators, forwarding
    if platform.groups_posts:
        assert "several posts" in txt


def test_platform_report_on_an_unknown_platform_leaves_the_route_to_a_person(store, settings, profile, make_alert):
    made = make_alert(text=HARASS_TEXT, severity="high", flags=HARASS, named={"pupil-0042": "Cai Llewelyn"})
    row, _txt = _draft(store, settings, profile, made, "platform_report")
    assert "[to be completed: the platform's report form or report link]" in row["body"]


THREAT = [{"category": "threat", "score": 0.95, "reason": "threat of harm against staff-004"}]
THREAT_TEXT = "Mr Beynon at QE High is going to get hurt after school on Friday."


@pytest.mark.parametrize("letter_type", sorted(LETTERS))
def test_every_letter_carries_the_elements_every_takedown_needs(store, settings, profile, make_alert, freeze,
                                                                letter_type):
    freeze("2026-11-30T10:00:00Z")
    made = make_alert(text=THREAT_TEXT, severity="critical", flags=THREAT, named={"staff-004": "Mr Beynon"},
                      url="https://forum.example.net/t/5")
    row, txt = _draft(store, settings, profile, made, letter_type)
    letter = row["body"]
    assert "qehs-" in letter                                                 # case ID
    assert made.sha256 in letter                                             # evidence by hash
    assert f"/alerts/{made.alert_id}" in txt                                 # link to the evidence bundle
    assert "[to be completed: date" in letter                                # date and time sent
    assert "the channel used" in txt                                         # channel recorded on sending
    # deadline calculated (the police set none) and follow-up reminders
    assert (row["deadline"] is not None) == (letter_type != "police_referral")
    dates = txt.split("Dates (counted from")[1]
    assert "December 2026" in dates and "sets no deadline" not in dates
    assert [Path(f).suffix for f in row["files"]] == [".txt", ".eml", ".docx"]


# ---- the checklist elements that live in the approver's notes or in conditional parts -----------------

def _flat_draft(store, settings, profile, made, letter_type):
    """The draft with its text file's line breaks and indents folded to single spaces (notes are wrapped)."""
    row, txt = _draft(store, settings, profile, made, letter_type)
    return row, " ".join(txt.split())


DEFAME = [{"category": "defamatory", "score": 0.91, "reason": "allegation of theft about staff-003",
           "text": "Mrs Pritchard stole the Year 9 trip money"}]
DEFAME_TEXT = "Everyone at QE High knows Mrs Pritchard stole the Year 9 trip money."


def test_s5_notice_route_proof_of_delivery_identifiable_poster_and_repeat_posting(store, settings, profile,
                                                                                  make_alert):
    make_alert(text=DEFAME_TEXT, severity="high", flags=DEFAME, named={"staff-003": "Mrs Pritchard"},
               url="https://parents.example.net/t/1")
    repeat = make_alert(text=DEFAME_TEXT, severity="high", flags=DEFAME, named={"staff-003": "Mrs Pritchard"},
                        url="https://gossip.example.org/p/2")
    row, txt = _flat_draft(store, settings, profile, repeat, "s5_notice")
    assert "published s.5 or legal e-mail address" in row["body"]              # sent to the s.5/legal address
    assert "Keep proof of delivery" in txt
    assert "poster cannot be identified" in txt and "Pre-Action Protocol" in txt  # poster known: other route
    assert "authority for the school to assist on file" in txt               # individual's authority
    assert "Possible repeat posting (reg. 4)" in txt and "https://parents.example.net/t/1" in txt


def test_gdpr_erasure_notes_cover_search_results_and_refusals(store, settings, profile, make_alert):
    made = make_alert(text="Cai Llewelyn from QE High lives at 4 Example Lane.", severity="high",
                      flags=[{"category": "identifying", "score": 0.88, "reason": "home address of pupil-0042"}],
                      named={"pupil-0042": "Cai Llewelyn"})
    _row, txt = _flat_draft(store, settings, profile, made, "gdpr_erasure")
    assert "search engine's own forms" in txt and "image URLs" in txt and "search terms" in txt
    assert "freedom of expression" in txt and "journalism" in txt and "household exemption" in txt


def test_site_report_names_the_cdn_category_and_keeps_csam_to_the_iwf(store, settings, profile, make_alert):
    made = make_alert(text=HARASS_TEXT, severity="high", flags=HARASS, named={"pupil-0042": "Cai Llewelyn"},
                      url="https://forum.example.net/t/7")
    _row, txt = _flat_draft(store, settings, profile, made, "site_report")
    assert "'Violent Threats and Harassment'" in txt
    assert "only to the IWF and the police, as a URL" in txt
    assert "registrar's abuse contact only for DNS abuse" in txt and "security.txt only as a last resort" in txt


def test_police_referral_has_risk_suspect_and_actions_already_taken(store, settings, profile, make_alert):
    made = make_alert(text=THREAT_TEXT, severity="critical", flags=THREAT, named={"staff-004": "Mr Beynon"})
    row, _txt = _draft(store, settings, profile, made, "police_referral")
    letter = row["body"]
    assert "5. SUSPECT" in letter and "legal process" in letter               # identity or account identifiers
    assert "Offline threat:" in letter and "children's services referral" in letter  # risk and safeguarding
    assert "ACTIONS ALREADY TAKEN WITH PLATFORMS, HOSTS AND HELPLINES" in letter and "reference numbers" in letter
