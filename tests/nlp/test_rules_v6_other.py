"""Rules v6, other categories (defamatory, harassment, disrepute) and who is named: one class of wording each, found in
words of its own (English and Welsh where the class occurs in Welsh), and near misses in the same words that are not.
Every person and post here is fictional (profiles/example.toml), written for these tests."""

from __future__ import annotations

import pytest

from tests.nlp.conftest import Analyse
from tests.nlp.helpers import categories, refs

# class -> (category, posts that have it, near misses that do not)
CLASSES: dict[str, tuple[str, list[str], list[str]]] = {
    "an insulting epithet for a named person": ("harassment", [
        "Beynon the spineless jobsworth strikes again. #QEHS",
        "Mrs Pritchard = power-mad dictator, QEHS science",
        "Mr Rees, pathetic little coward. QE High deserves better",
        "Miss Jenkins o QEHS, twpsen llwyr",
    ], [
        "Mr Beynon was the clown in the QEHS panto and stole the show",
        "Mrs Pritchard's QEHS class watched a film about a lazy old dinosaur",
    ]),
    "an insult said as a sentence of its own after the person": ("harassment", [
        "Saw Mrs Howells at QEHS parents evening. Absolute muppet.",
        "Mr Beynon took my phone again at QEHS. Total twat.",
        "Mr Rees yn siarad yn y gwasanaeth QEHS heddiw. Hen sglyfath.",
    ], [
        "Mrs Howells sorted the QEHS bus problem. Absolute legend.",
        "Mr Beynon ran the QEHS cross-country. Total chaos, loved it.",
    ]),
    "harm wished on a named person": ("harassment", [
        "Mr Beynon is taking QEHS year 8 skiing, fingers crossed he falls off the lift lol",
        "here's hoping Mrs Pritchard crashes on the way into QEHS tomorrow",
        "Gobeithio bydd Miss Jenkins yn cael damwain ar y ffordd i QEHS",
    ], [
        "Fingers crossed Mrs Pritchard's QEHS science fair goes well",
        "Here's hoping Miss Jenkins gets the QEHS netball team to the final",
    ]),
    "others urged to pile on a named person": ("harassment", [
        "everyone spam Mrs Howells' QEHS email till she quits",
        "let's all comment 🤡 under Mr Beynon's post on the QEHS page",
        "Pawb i sbamio tudalen Mr Rees, QEHS",
    ], [
        "everyone comment congratulations on Mrs Pritchard's QEHS retirement post",
        "Everyone post your photos from Mr Beynon's QEHS sports day in the group",
    ]),
    "a masked slur or insult aimed at a named person": ("harassment", [
        "cai llewelyn from qehs is such a f*g lol",
        "Osian Bowen QEHS runs like a r3tard 😂",
        "Mrs Pritchard QEHS is a right b*tch",
    ], [
        "someone wrote f*g on the QEHS toilet wall, the cleaners removed it",
        "QEHS assembly about why words like r3tard hurt, led by Mrs Howells",
    ]),
    "a named person ranked for ugliness or the like": ("harassment", [
        "Lili Griffiths has the ugliest trainers at QEHS, rate them 1-10",
        "Mr Beynon is the fattest PE teacher QE High has ever had",
        "Osian Bowen ydy'r hogyn hyllaf yn QEHS",
    ], [
        "Mrs Howells won the QEHS ugliest Christmas jumper contest!",
        "Mr Beynon told QEHS year 9 about the weirdest dream he had, lovely assembly",
    ]),
    "a named person mocked as stupid or mad": ("harassment", [
        "Mr Rees at QEHS is deaf as a post and half mental",
        "Lili Griffiths from QEHS is thick as a brick lol",
        "Mae Mr Beynon QEHS yn dwp fel post",
    ], [
        "Mr Rees at QEHS was as quick as a flash with the first aid",
        "Lili Griffiths from QEHS said the trip was mental, best day ever",
    ]),
    "hate on nationality or language aimed at a named person": ("harassment", [
        "Mr Beynon at QEHS is a plastic Welshman who can't say a word of Welsh",
        "Mrs Howells, Sais diawl, QEHS can do better",
        "Catrin Jenkins from QEHS should go back to England",
    ], [
        "Mr Beynon took QEHS year 9 to watch England play Wales, what a game",
        "Mrs Howells teaches Welsh to QEHS learners from England, brilliant",
    ]),
    "drug dealing stated as fact": ("defamatory", [
        "Mrs Pritchard sells weed to the QEHS year 11s, everyone knows",
        "Osian Bowen is dealing pills behind the QEHS gym",
        "Mae Cai Llewelyn yn gwerthu cyffuriau tu allan i QEHS",
    ], [
        "Mr Beynon gave QEHS year 10 a talk about why people sell drugs",
        "Lili Griffiths sold cakes at the QEHS fair for charity",
    ]),
    "drunk at work stated as fact": ("defamatory", [
        "Mr Beynon was drunk teaching year 9 at QEHS on Friday",
        "Mrs Howells turned up to QEHS parents evening steaming",
        "Roedd Mr Rees yn feddw yn y wers yn QEHS ddoe",
    ], [
        "Mr Beynon's QEHS leaving party got messy, everyone was drunk lol",
        "Miss Jenkins taught QEHS year 10 a lesson on the dangers of getting drunk",
    ]),
    "figures gamed for inspectors or league tables": ("defamatory", [
        "QEHS fiddles its exam entries to push up the league tables",
        "Mr Rees told staff not to record exclusions so the numbers look better for Estyn",
        "Mae QEHS yn ffugio'r ffigurau presenoldeb cyn yr arolygiad",
    ], [
        "Estyn inspection next week: QEHS asks parents to fill in the survey, the figures will be published",
        "QEHS maths club: Mrs Pritchard showed us how to fake data for a fun stats puzzle",
    ]),
    "dismissed for something (Welsh)": ("defamatory", [
        "Cafodd Mr Beynon ei ddiswyddo o'i swydd ddiwetha am ddwyn, cyn dod i QEHS",
        "Mae pawb yn gwybod bod Mrs Howells wedi cael y sac am guddio cwynion cyn dod i QEHS",
        "Miss Jenkins gafodd y sac am daro plentyn, cyn iddi ddod i QEHS",
    ], [
        "Mae Mr Rees wedi ymddiswyddo o fwrdd y clwb rygbi am resymau teuluol, QEHS",
        "Cafodd Mrs Pritchard ei henwebu am wobr athrawes y flwyddyn, QEHS",
    ]),
    "a member of staff contacting a pupil at night, in secret or with flattery": ("defamatory", [
        "Mrs Pritchard from QEHS keeps texting my son late at night saying he's special",
        "Mr Beynon gives year 10 girls lifts home from QEHS and tells them not to tell anyone",
        "Mae Mr Rees o QEHS yn anfon negeseuon at fy merch ganol nos",
    ], [
        "Mr Beynon messages the QEHS parents group every night about fixtures",
        "Mrs Howells gives year 7 pupils lifts to the QEHS eisteddfod with their parents' permission",
    ]),
    "a school service failing again and again": ("disrepute", [
        "QEHS lost my daughter's coursework again, second year running",
        "The QE High bus was late again this morning, the fourth time this week",
        "Bws QEHS yn hwyr eto bore 'ma, trydydd tro'r wythnos",
    ], [
        "QEHS bus late again because of the snow, stay safe everyone",
        "I was late again for QE High, overslept lol",
    ]),
    "indignation at the school's failings": ("disrepute", [
        "Coursework still not marked at QEHS after two months. How is this allowed?",
        "QE High ignored three emails about bullying. You couldn't make it up.",
        "Gwaith cartref heb ei farcio ers mis Medi yn QEHS. Beth sy'n digwydd yn yr ysgol 'na?",
    ], [
        "What exactly is going on at QEHS tonight? So many cars, is it the open evening?",
        "How is this allowed?? QEHS won the quiz again 😂",
    ]),
    "pupils left unsupervised while trouble happens": ("disrepute", [
        "Big fight outside the QEHS canteen and not one teacher in sight",
        "Video going round of year 9s fighting on the QE High yard, no staff anywhere",
        "Ffeit fawr ar iard QEHS a dim un athro yn y golwg",
    ], [
        "QEHS staff training day: no teachers in school, pupils at home",
        "Not a single teacher at QEHS missed the charity quiz, well done all",
    ]),
    "a member of staff losing their temper at pupils": ("disrepute", [
        "A supply teacher at QEHS flipped out and threw a chair across the room",
        "Sir lost his temper in QE High science and threw a book at the wall",
        "Athro yn QEHS wedi taflu cadair ar draws y dosbarth heddiw",
    ], [
        "Mr Beynon lost it laughing at the QEHS talent show 😂",
        "QEHS drama: the teacher in the play threw a chair across the stage",
    ]),
    "the school or its staff said to be irresponsible": ("disrepute", [
        "Staff at QEHS leave the gates open at lunch and year 7s wander onto the main road. Irresponsible.",
        "Athrawon QEHS yn parcio ar y palmant a'r plant yn cerdded yn y ffordd. Esgeulus.",
        "QE High let the kids walk to the leisure centre along the A40 with one teacher, an accident waiting to happen",
    ], [
        "QEHS assembly on road safety: irresponsible drivers near the gates, says the police officer",
        "Irresponsible parking by parents at QEHS pick-up, please park in town",
    ]),
    "the school or its policy called a farce": ("disrepute", [
        "The new QEHS detention system is a complete farce",
        "Ffars llwyr ydy'r rheolau ffôn newydd yn QEHS",
        "QE High's homework app is farcical, nothing loads",
    ], [
        "QEHS drama club is staging a farce this Christmas, tickets £3",
        "Miss Jenkins is teaching QEHS year 10 a Feydeau farce in drama",
    ]),
    "money not refunded or no apology": ("disrepute", [
        "QEHS cancelled the Paris trip and still hasn't refunded us",
        "QE High lost my son's blazer and not even an apology",
        "Canslodd QEHS y daith a dim ymddiheuriad o gwbl",
    ], [
        "QEHS refunded the trip money within a week, thank you",
        "QEHS: the trip is refunded in full, check your ParentPay",
    ]),
    "the school's results said to be the worst": ("disrepute", [
        "QEHS had the lowest GCSE pass rate in Carmarthenshire this year",
        "QE High results the worst in the county again",
        "Canlyniadau TGAU QEHS yr isaf yn y sir",
    ], [
        "QEHS's best ever GCSE results, well done year 11!",
        "QEHS absence rate is the lowest in the county",
    ]),
    "part of the school's building falling": ("disrepute", [
        "A ceiling tile fell on a year 8 in the QEHS library today",
        "Part of the roof came down in the QE High sports hall overnight",
        "Mae darn o'r nenfwd wedi disgyn ar ddisgybl yn QEHS",
    ], [
        "Osian Bowen fell off the climbing wall at the QEHS activity day, he's fine",
        "The old QEHS roof tiles came down and were replaced over half term",
    ]),
    "the school refusing to listen": ("disrepute", [
        "QEHS refuses to listen to the parents' forum about the uniform price",
        "Mae QEHS yn gwrthod gwrando ar rieni",
        "Nobody answers the phone at QEHS reception, ever",
    ], [
        "QEHS listens: the uniform survey is open until Friday",
        "Mrs Howells answers every parent's email herself, QEHS",
    ]),
    "a sloppy or unprofessional blunder": ("disrepute", [
        "QEHS sent my son's report to the wrong family, really unprofessional",
        "Mae QEHS wedi anfon llythyrau i'r rhieni anghywir. Blêr ofnadwy.",
        "QE High's newsletter is full of mistakes, amateurish",
    ], [
        "QEHS maths: Mrs Pritchard marked the wrong answers in red",
        "QEHS sent the reports to every family on time this year",
    ]),
    "the school's premises filthy or broken": ("disrepute", [
        "The QEHS toilets are filthy, no soap all week",
        "Toiledau QE High yn fudr a'r drysau wedi torri",
        "The classrooms at QEHS are freezing and half the windows are broken",
    ], [
        "QEHS toilets refurbished over summer, lovely and clean",
        "Disgusting rain at QEHS sports day, but the hall was lovely and warm",
    ]),
    "a low rating drawn in stars": ("disrepute", [
        "QEHS ★☆☆☆☆ avoid",
        "★★☆☆☆ QE High, the office never rings back",
        "Ysgol y Frenhines Elisabeth ⭐☆☆☆☆ siomedig",
    ], [
        "QEHS panto ★★★★★ amazing",
        "QE High summer fair ★★★★☆ lovely cakes",
    ]),
}


def _cases(which: int) -> list[tuple[str, str, str]]:
    return [(name, cat, text) for name, (cat, posts, misses) in CLASSES.items()
            for text in (posts if which == 0 else misses)]


@pytest.mark.parametrize("kind,category,text", _cases(0))
def test_a_post_of_each_class_is_flagged(analyse: Analyse, kind: str, category: str, text: str) -> None:
    assert category in categories(analyse(text))


@pytest.mark.parametrize("kind,category,text", _cases(1))
def test_a_near_miss_of_each_class_is_not(analyse: Analyse, kind: str, category: str, text: str) -> None:
    assert category not in categories(analyse(text))


@pytest.mark.parametrize("text", [
    "The comments about Mrs Pritchard on the QEHS page are disgusting, she's a brilliant teacher",
    "Siomedig bod QEHS wedi canslo'r côr, ond dwi'n deall bod staff yn brin",
    "Dw i am farw o gywilydd, baglais i o flaen pawb yn QEHS heddiw",
    "Mr Beynon at QEHS, one day you'll walk out to your car and find the tyres flat",
])
def test_fair_criticism_defence_of_a_teacher_or_embarrassment_is_not_disrepute(analyse: Analyse, text: str) -> None:
    assert "disrepute" not in categories(analyse(text))


@pytest.mark.parametrize("text,category", [
    ("Whoever wrote 'Mrs Howells is a fat old witch' on the QEHS page should be ashamed of themselves", "harassment"),
    ("QEHS statement: claims circulating about Mr Beynon taking bribes are false", "defamatory"),
    ("A 40-year-old man was cautioned after threats to staff at QEHS, police said", "defamatory"),
    ("Dyn lleol wedi ei arestio ar ôl neges am QEHS, meddai'r heddlu", "defamatory"),
])
def test_abuse_condemned_claims_refuted_or_news_of_a_stranger_arrested_are_not_flagged(analyse: Analyse, text: str,
                                                                                       category: str) -> None:
    assert category not in categories(analyse(text))


@pytest.mark.parametrize("text,category", [
    ("Mrs Howells is a fat old witch, QEHS should be ashamed of hiring her", "harassment"),
    ("Mr Beynon at QEHS was arrested for fraud last year and the school kept quiet", "defamatory"),
])
def test_the_same_words_said_of_a_named_person_still_count(analyse: Analyse, text: str, category: str) -> None:
    assert category in categories(analyse(text))


@pytest.mark.parametrize("text", [
    "QEHS is disgusting, avoid at all costs",
    "Siomedig iawn gyda QEHS, cywilydd ar yr ysgol",
])
def test_a_hostile_review_beside_those_words_is_still_disrepute(analyse: Analyse, text: str) -> None:
    assert "disrepute" in categories(analyse(text))


def test_phones_gone_missing_are_not_a_missing_child(analyse: Analyse) -> None:
    result = analyse("The QEHS phone ban is a joke, phones locked in a box all day and two have gone missing")
    assert "safeguarding" not in categories(result)


@pytest.mark.parametrize("text,ref", [
    ("Rees the gutless wonder. QEHS deserves better.", "staff-001"),
    ("Beynon = spineless clown. Nobody at QEHS rates him", "staff-004"),
    ("Nobody at QEHS would miss Pritchard if she left", "staff-003"),
    ("@Cai Llewelyn everyone at QEHS is laughing at you", "pupil-0042"),
])
def test_a_surname_alone_or_a_tagged_name_with_the_school_in_the_post_is_named(analyse: Analyse, text: str,
                                                                               ref: str) -> None:
    result = analyse(text)
    assert result["relevant"] is True and ref in refs(result)


@pytest.mark.parametrize("text,relevant", [
    ("After the scare at the school in Hexham, QEHS Carmarthen wrote to parents to say all is well here", True),
    ("Queen Elizabeth High School Hexham is closed today after the storm", False),
])
def test_a_profile_place_written_after_the_name_outweighs_a_decoy_nearby(analyse: Analyse, text: str,
                                                                         relevant: bool) -> None:
    assert analyse(text)["relevant"] is relevant


@pytest.mark.parametrize("text,ref", [
    ("#SackMrsPritchard she cannot run a science department #QEHS", "staff-003"),
    ("#MrBeynonOut, nobody wants him near the kids", "staff-004"),
    ("Enough is enough, our kids deserve better #SianHowellsMustGo", "staff-002"),
])
def test_a_campaign_hashtag_against_a_member_of_staff_names_them(analyse: Analyse, text: str, ref: str) -> None:
    assert ref in refs(analyse(text))


@pytest.mark.parametrize("text,relevant", [
    ("Siân Howells is a power mad jobsworth and everyone knows it", True),
    ("Tomos Beynon needs sacking, cannot look parents in the eye", True),
    ("Cllr Siân Howells is a jobsworth on the planning committee", False),
    ("Dr Rees yn y feddygfa yn dda i ddim, aros tair wythnos", False),
])
def test_abuse_of_a_staff_full_name_for_their_job_is_relevant_unless_a_namesake(analyse: Analyse, text: str,
                                                                           relevant: bool) -> None:
    assert analyse(text)["relevant"] is relevant


@pytest.mark.parametrize("text,relevant", [
    ("Siân Howells the hairdresser in Caerfyrddin did a lovely job on my fringe", False),
    ("Rhian Pritchard the electrician from Carmarthen rewired our kitchen", False),
    ("Rhian Pritchard, Carmarthen: best chemistry lesson ever today", True),
])
def test_a_staff_full_name_with_the_town_and_a_trade_is_a_namesake(analyse: Analyse, text: str, relevant: bool) -> None:
    assert analyse(text)["relevant"] is relevant


@pytest.mark.parametrize("text", [
    "Rees scored twice for the Scarlets on Saturday",
    "Mrs Beynon from the QEHS PTA is running the cake stall",
])
def test_a_surname_without_the_school_or_with_another_title_is_not(analyse: Analyse, text: str) -> None:
    assert "staff-001" not in refs(analyse(text)) and "staff-004" not in refs(analyse(text))


@pytest.mark.parametrize("text,source,relevant", [
    ("Terrible school. The head never replies to emails and the staff don't care.", "review", True),
    ("Ysgol wych, staff caredig iawn a'r plant yn hapus.", "review", True),
    ("Un seren. Ysgol anhrefnus a neb yn gwrando ar rieni.", "google_review", True),
    ("Terrible school. The head never replies to emails and the staff don't care.", "tweet", False),
    ("Great school in Whitby, lovely staff and a good head.", "review", False),
    ("The Queen Elizabeth pub: great chips, friendly staff.", "review", False),
])
def test_a_review_that_names_nothing_else_is_about_the_school(analyse: Analyse, text: str, source: str,
                                                              relevant: bool) -> None:
    assert analyse(text, source=source)["relevant"] is relevant
