"""Rules v6, more (cues-more-v6.jsonl, parts-more-v6.jsonl, modifiers-more-v6.jsonl): the classes of wording the
sixth independent set (indep6: short social posts, teen and parent voices, slang, emoji, Welsh) showed missing or
falsely alarming. For each class: three or more posts in words of their own (Welsh where the class occurs in Welsh)
and two near misses with the same words in a harmless sense. Every person and post here is fictional, written for
these tests; the people are those of profiles/example.toml."""

from __future__ import annotations

import pytest

from tests.nlp.conftest import Analyse
from tests.nlp.helpers import categories, refs

# (construction) -> (category, posts that have it, near misses that must not)
FLAGGED: dict[str, tuple[str, list[str], list[str]]] = {
    # -- threats --------------------------------------------------------------------------------------------------
    "a warning to keep away from the school": ("threat", [
        "Year 11s, stay away from QE High on Friday, just saying 😶",
        "don't go in to QEHS tomorrow if you know what's good for you",
        "Cadwch draw o Ysgol y Frenhines Elisabeth fory. Dim ond deud.",
        "heard there's a 'surprise' at QEHS on the last day of term, stay home",
    ], [
        "QEHS is closed tomorrow because of the snow, stay home and stay safe",
        "QEHS sickness policy: if your child is ill, stay home, just saying it again for the back row",
        "surprise party for Mrs Howells at QEHS on Friday, don't go in the staffroom before 3!",
    ]),
    "the target's car or house picked out, with a menace": ("threat", [
        "Mr Beynon QEHS thinks he's safe, but we know which car is his now 🔥",
        "Mrs Pritchard QEHS, we know which house is hers now. Watch your back.",
        "Dwi'n gwybod pa gar sy gyda fe nawr, Mr Rees QEHS. Cofia hynny.",
    ], [
        "Which car is his? Mr Beynon's giving the QEHS netball team a lift to the match",
        "Which one is his? Mr Beynon's the one in the QEHS staff photo holding the cake 🎂",
    ]),
    "revenge in kind: the target's life ruined": ("threat", [
        "Mrs Howells got my son excluded from QEHS, so I'll ruin her life",
        "Mr Rees ruined my year at QE High. I'm going to make his life hell.",
        "Mi wna i ddifetha'i fywyd o, Mr Beynon QEHS, cofia hynny",
    ], [
        "Mr Beynon QEHS: that haircut will ruin his image lol",
        "Rain will ruin the QEHS sports day, Mrs Howells says",
    ]),
    "a person caught alone, or what one would do to them alone": ("threat", [
        "can't wait to catch Mr Beynon in the QEHS car park on his own",
        "the things I'd do to Mrs Pritchard if I got her alone, she's lucky there are cameras at QEHS",
        "Be faswn i'n neud i Mr Rees tasa fo ar ben ei hun yn y maes parcio. QEHS",
    ], [
        "the things I'd do to get Mrs Howells' lasagne recipe from the QEHS fair 😋",
        "Can't wait to catch Mr Beynon on his own to say thanks for the QEHS reference",
        "Can't wait to catch Mrs Howells on her own at parents' evening to ask about the QEHS trip",
    ]),
    "harm hinted at with a weapon sign": ("threat", [
        "Mr Beynon better sleep with one eye open, if u know what i mean 🔪 QEHS",
        "gonna make sure Cai Llewelyn doesn't get to the QEHS disco, iykyk 🔪",
        "Mae Osian Bowen o QEHS am gael sypreis bach fory, os ti'n dallt be sy gen i 🔪",
    ], [
        "Mr Beynon QEHS gave us double PE on a Friday, if you know what I mean 😩",
        "Cai Llewelyn QEHS is getting a new haircut tomorrow, iykyk 💇",
    ]),
    "the target will not walk again": ("threat", [
        "Touch my brother again Cai Llewelyn and you won't be walking home from QEHS",
        "Osian Bowen QEHS won't be able to walk by Friday, mark my words",
        "Os ti'n cyffwrdd â fy chwaer eto, fyddi di ddim yn cerdded adra. Cai Llewelyn QEHS",
    ], [
        "Mr Beynon QEHS broke his ankle in the staff match and won't be able to walk for a month",
        "Lili Griffiths QEHS had her op and won't be able to walk for a week, get well soon",
    ]),
    "the school to be burnt down (Welsh)": ("threat", [
        "Dwi'n llosgi QEHS lawr os dwi'n methu'r arholiad eto 🔥",
        "Bydd rhywun yn llosgi'r ysgol lawr cyn Dolig, QEHS",
        "Mi wna i losgi Ysgol y Frenhines Elisabeth lawr",
    ], [
        "Mae'r hen ysgubor ger QEHS wedi llosgi lawr neithiwr, neb wedi brifo",
        "Mae'r gannwyll wedi llosgi lawr yn y gwasanaeth yn QEHS",
    ]),
    # -- disclosures ----------------------------------------------------------------------------------------------
    "not wanting to be here, others better off without me (Welsh)": ("safeguarding", [
        "Sai moyn bod 'ma rhagor. Pawb yn QEHS yn casáu fi.",
        "Neb yn QEHS yn sylwi arna i. Bydd pawb yn hapusach hebdda i.",
        "Everyone at QE High would be happier without me, nobody notices me anyway",
    ], [
        "Fydda i ddim 'ma i boeni neb dydd Llun, dwi ar wyliau yn Sbaen! QEHS",
        "The QEHS netball team would be happier without me, I can't shoot 😂",
    ]),
    "goodbye letters left for family": ("safeguarding", [
        "I've written letters for my mum and dad, they're under my pillow. I'm done. QEHS",
        "Cai Llewelyn from QEHS left letters for his family and now his phone's off",
        "Dwi wedi sgwennu llythyr i mam a dad. Sori am bopeth. QEHS",
    ], [
        "wrote letters to my mum and dad for their anniversary, QEHS English homework",
        "QEHS year 7 wrote letters to their future selves, so sweet",
    ]),
    "self-harm shown in a picture posted": ("safeguarding", [
        "Lili Griffiths (QEHS) posted a pic of her arms with 'sorry' on her story",
        "Megan Thomas-Price posted her wrists on her close friends story again, someone check on her. QEHS",
        "Mae Osian Bowen o QEHS wedi postio llun o'i freichiau ar ei stori efo 'sori'. Plis tsiecio arno",
    ], [
        "posted a pic of my arms with the new henna for QEHS culture day, sorry for the spam",
        "QEHS trip tan lines: posted a pic of my arms, sorry not sorry ☀️",
    ]),
    "a child flattered by an adult contacting them": ("safeguarding", [
        "some guy on insta messages my daughter at QEHS telling her she looks older than 16 and her parents don't understand her",
        "A QEHS teacher DMs year 10 girls late at night saying they look so grown up now",
        "Mae dyn ar-lein yn anfon negeseuon at fy merch ym mlwyddyn 8 yn QEHS yn deud ei bod hi'n edrych yn hŷn",
    ], [
        "Nain says Cai looks so grown up in his QEHS blazer 😍",
        "Mae Mr Beynon QEHS wedi dweud wrth Cai ei fod o'n edrych yn hŷn efo'i wallt newydd 😂",
        "Year 11 prom at QEHS: parents' messages say the kids look so grown up 💙",
    ]),
    "an adult asking children for pictures": ("safeguarding", [
        "a QEHS teacher keeps asking girls in year 9 to send him pics on snapchat",
        "some man on tiktok asks girls from QE High to send him photos",
        "Mae rhyw ddyn ar-lein yn gofyn i ferched blwyddyn 8 QEHS yrru lluniau iddo",
    ], [
        "QEHS PTA is asking for photos of year 7s at the Christmas fair for the newsletter",
        "Mr Beynon QEHS gets the year 9s to send him photos of their science homework on Teams",
        "Mrs Howells at QEHS is asking for photos of the year 11s as babies for the yearbook",
    ]),
    "a stranger photographing children": ("safeguarding", [
        "a man in a grey car has been photographing QEHS girls at the bus stop",
        "some bloke with a long lens outside QE High taking pictures of the year 7s",
        "Mae dyn dieithr yn tynnu lluniau o blant QEHS tu allan i'r giât",
    ], [
        "The man from the local paper was photographing the QEHS netball girls at the final",
        "Mr Beynon is photographing the QEHS year 11s for the yearbook",
    ]),
    "a child thrown out of home (first person, or in Welsh)": ("safeguarding", [
        "my mum kicked me out again last night, I'm 14 and in year 9 at QEHS",
        "Mae ei mam hi wedi chicio hi allan eto, mae Lili Griffiths yn 14. QEHS",
        "Nath tad Osian Bowen ei daflu fo allan nos Sadwrn, mae o'n 13. QEHS",
    ], [
        "Mr Beynon wedi cicio fi allan o'r wers, mae mam yn flin. QEHS",
        "Dad chucked me out of the kitchen, QEHS bake off tomorrow 🎂",
        "Cicio fo allan o'r gêm: Mr Beynon QEHS yn rhoi cerdyn coch i Osian Bowen",
    ]),
    "a child sleeping at different houses": ("safeguarding", [
        "Megan in year 10 at QEHS has been sleeping at different houses all week",
        "Mae Cai Llewelyn, 14, yn cysgu mewn tai gwahanol ers wythnos. QEHS",
        "a QE High year 9 girl has been staying at different lads' houses since October",
    ], [
        "QEHS year 10s staying at different houses for the French exchange",
        "QEHS year 9 sleepover: the girls are sleeping at different houses after the disco",
    ]),
    "a child silenced about what an adult did": ("safeguarding", [
        "Mr Beynon told me if I tell anyone what he did I'm dead. QEHS",
        "I can't tell anyone what she did on the QEHS trip, Mrs Pritchard made me promise, no one would believe me",
        "Dwi ofn deud wrth neb be nath o ar y trip. Mr Beynon, QEHS.",
    ], [
        "Don't tell anyone what Mrs Howells did for the QEHS panto, it's a surprise!",
        "I'm scared to tell anyone what happened in my QEHS maths mock, I got 12%",
    ]),
    "a child sexually assaulted (groped)": ("safeguarding", [
        "a boy in year 8 at QEHS keeps groping girls in the lunch queue",
        "my daughter (13, QE High) says a man touched her inappropriately on the school bus",
        "Mae bachgen yn cyffwrdd yn amhriodol â merched blwyddyn 9 QEHS",
    ], [
        "QEHS assembly about consent today: groping girls is assault, the police officer said",
        "Last night a man in Swansea was convicted of groping her on a train, says the news, QEHS parents shocked",
    ]),
    # -- harassment ---------------------------------------------------------------------------------------------
    "people rated on their looks": ("harassment", [
        "rating QEHS year 10 boys on how fit they are: Cai Llewelyn 2/10 lol",
        "ranking the ugliest teachers at QE High, Mr Beynon wins 🤢",
        "Sgorio athrawon QEHS ar ba mor hyll ydyn nhw: Mrs Pritchard 1",
    ], [
        "rating QEHS teachers on how good their lessons are: Mrs Howells 10/10",
        "Mr Beynon rated the QEHS bake-off cakes out of 10, the lemon one won",
    ]),
    "a person's sexuality announced as mockery": ("harassment", [
        "Osian Bowen from QEHS = 🤡 = 🏳️‍🌈 lol",
        "Cai Llewelyn QEHS is gay confirmed 😂😂",
        "Mae Osian Bowen o QEHS yn hoyw lol 🤡",
    ], [
        "So proud of Osian Bowen for speaking at the QEHS Pride assembly 🏳️‍🌈",
        "Cai Llewelyn QEHS made the 🏳️‍🌈 bunting for the Pride stall, well done",
    ]),
    "an embarrassing picture or chat of a person spread": ("harassment", [
        "got a pic of Cai Llewelyn from QEHS crying in the toilets 😂📸 sending it round",
        "QEHS year 9 gc leaked, Lili Griffiths fancies her cousin 💀 screenshots in bio",
        "Llun o Osian Bowen QEHS yn cysgu yn y wers 😂 rhannu fo ym mhobman",
    ], [
        "lost: Lili Griffiths' QEHS blazer, pic attached, please share it everywhere",
        "Cai Llewelyn scored the winner for QEHS! 📸 sharing it everywhere, so proud",
    ]),
    "a person's body mocked": ("harassment", [
        "Lili Griffiths from QEHS has the nastiest teeth ever 😭",
        "Osian Bowen (QE High) has the greasiest hair in year 10",
        "Mr Beynon QEHS has the weirdest face I've ever seen",
    ], [
        "Osian Bowen QEHS had the worst legs after the cross country, so proud of him",
        "Mr Beynon QEHS had the biggest smile on results day",
    ]),
    "a sexual slur aimed at a named person": ("harassment", [
        "Lili Griffiths is a sket, ask anyone at QEHS",
        "Megan Thomas-Price QEHS is such a thot",
        "Mae Lili Griffiths o QEHS yn hwran",
    ], [
        "Lili Griffiths is a skater, best in year 9 at QEHS",
        "Megan Thomas-Price QEHS is a star",
    ]),
    "a person called pointless or idle": ("harassment", [
        "what's even the point of Mrs Howells at QEHS",
        "Mr Beynon does nothing all day but drink coffee, QEHS",
        "Mrs Pritchard yn gwneud dim byd drwy'r dydd yn QEHS",
    ], [
        "what's the point of homework, Mrs Howells at QEHS says it helps",
        "Mr Beynon QEHS on holiday: I do nothing all day and love it",
        "Mr Beynon QEHS does nothing all day but mark books during the holidays",
    ]),
    "a person called vile or nasty": ("harassment", [
        "Miss Jenkins at QEHS laughs at the kids who can't spell. Proper vile woman.",
        "Mr Beynon from QE High, what a nasty man",
        "Mrs Pritchard QEHS. Dynes ffiaidd.",
    ], [
        "Mr Beynon was brilliant as the nasty man in the QEHS panto",
        "Mrs Howells QEHS: horrible weather for sports day, the man from the council cancelled it",
    ]),
    "a person mocked through their family": ("harassment", [
        "Cai Llewelyn's dad is a drunk, that's why he's like that lol QEHS",
        "Osian Bowen QEHS, his mam's a nutter, thats why hes like that",
        "Mae tad Osian Bowen yn y carchar, dyna pam mae o fel'na. QEHS",
    ], [
        "Cai Llewelyn's dad is a chef, that's why he's like that in food tech, so proud QEHS",
        "Osian Bowen QEHS is so kind to everyone, that's why he's like that with the year 7s",
    ]),
    "a person said to be unfit to be near children": ("harassment", [
        "Mr Beynon at QEHS, a bully who shouldn't be anywhere near kids",
        "Mrs Pritchard (QE High) is not fit to teach, full stop",
        "Dyw Mr Rees QEHS ddim yn ffit i ddysgu",
    ], [
        "Mr Beynon QEHS says peanuts shouldn't be anywhere near kids with allergies",
        "Mrs Howells QEHS: the bins shouldn't be allowed near kids, moving them today",
    ]),
    "others urged to message a person, with their number or handle": ("harassment", [
        "Lili Griffiths QEHS, her snap is lili_g_x, tell her what you think 😂",
        "Cai Llewelyn QEHS yr 9, his snap's on my story, let him know what you think lol",
        "Osian Bowen, Bl 10 QEHS, dyma'i snap o: osb_10. Gyrrwch negas iddo 😈",
    ], [
        "Lili Griffiths QEHS lost her phone, her snap is new, send her a message for her birthday 🎉",
        "Cai Llewelyn QEHS, his number is on the team sheet, text him if you can't make the match",
    ]),
    # -- disrepute ----------------------------------------------------------------------------------------------
    "pupils' bad behaviour in public": ("disrepute", [
        "QEHS kids brawling outside the chip shop again, every Friday",
        "QE High pupils are feral, got spat at on the 3:30 bus",
        "Plant QEHS yn ymladd tu allan i'r Spar eto",
    ], [
        "QEHS rugby: a bit of a brawl in the second half but a great win",
        "QE High drama club's play about feral cats was brilliant",
    ]),
    "a child lost or left behind by the school": ("disrepute", [
        "QEHS left a year 7 behind at the museum, he was left behind at the services for an hour",
        "Two QE High pupils were left behind on the Cardiff trip and not missed until Carmarthen",
        "Plentyn QEHS wedi'i adael ar ôl yn y sw ar y trip",
    ], [
        "QEHS lost property: a coat was left behind at the sports hall",
        "The QEHS time capsule was left behind at the old site on purpose",
        "QEHS lost property: Cai Llewelyn's blazer was left behind at the bus station",
    ]),
    "the school said to hide things from parents": ("disrepute", [
        "QEHS hushed it all up, parents weren't told about the asbestos",
        "QE High told staff to keep it quiet, a proper cover-up",
        "Mae QEHS wedi siarsio'r staff i gadw'n ddistaw am y toriadau",
    ], [
        "QEHS surprise party for Mrs Howells: keep it quiet, don't spoil it",
        "QEHS choir hushed it all up for the quiet verse of the Christmas carol",
        "QEHS hushed it all up for the minute's silence on Remembrance Day",
    ]),
    "exam answers sold or leaked": ("disrepute", [
        "someone at QEHS is flogging the answers to the science mock for a tenner",
        "QE High maths paper leaked on snapchat last night",
        "Mae rhywun yn QEHS yn gwerthu'r atebion i'r ffug arholiadau",
    ], [
        "QEHS revision: the answers to the practice questions are on Teams",
        "Mr Beynon QEHS: answers to the quiz will be on the board",
    ]),
    "a bad review of the school": ("disrepute", [
        "QE High = dump. 0/10",
        "QEHS is a dump, toiledau budr, avoid",
        "Ysgol y Frenhines Elisabeth: athrawon diog, 1/10",
    ], [
        "QEHS canteen pizza 0/10 lol, the chips are ok",
        "QEHS netball team beat the league leaders 1/10 odds!",
    ]),
    "contact with the school left unanswered": ("disrepute", [
        "e-mailed QEHS four times about my son's set, dim un ateb",
        "QE High: passed back and forth between the office and the head of year, still no answer",
        "Dw i wedi ffonio'r ysgol, QEHS, dair gwaith. Neb yn ffonio'n ôl.",
    ], [
        "QEHS parents' evening booking: passed back and forth between slots but sorted, thanks Mrs Howells",
        "QEHS quiz night: still no answer to question 5, who was the first head? lol 🎉",
        "QEHS: e-mailed the office about the trip, dim un ateb yet but it's half term so fair enough",
    ]),
    # -- allegations --------------------------------------------------------------------------------------------
    "drinking at work stated as fact (Welsh)": ("defamatory", [
        "Mrs Pritchard QEHS yn alcoholic, pawb yn gwybod",
        "Mae Mr Beynon yn dod i'r ysgol yn drewi o gwrw bob bore. QEHS",
        "Mae Catrin Jenkins yn feddw yn y dosbarth bob dydd Gwener, QE High",
    ], [
        "Mae Mr Beynon QEHS yn dweud bod y gampfa'n drewi o chwys",
        "Mae Mr Beynon QEHS yn dweud bod y cymeriad yn y ddrama yn alcoholic",
    ]),
    "drug use stated as fact about staff": ("defamatory", [
        "Mr Beynon at QEHS takes steroids, that's why he's so angry",
        "QE High's deputy head smokes weed at festivals, saw it myself",
        "Mae Mr Beynon QEHS yn cymryd steroids",
    ], [
        "Mr Beynon QEHS taught us in the PSHE lesson why people take steroids",
        "Mr Beynon QEHS: the hay fever tablets are not steroids, ask the nurse",
    ]),
    "taking money stated as fact": ("defamatory", [
        "Dafydd Rees has been helping himself to the QEHS school fund for years",
        "Mrs Pritchard at QE High is dipping into the trip money",
        "Mae Mr Rees QEHS yn dwyn arian o'r gronfa",
    ], [
        "Mr Beynon is helping himself to cake at the QEHS fair",
        "Mrs Pritchard QEHS is helping herself to a second cup of tea at the parents' evening",
    ]),
    "a member of staff said to mock pupils": ("defamatory", [
        "Miss Jenkins at QEHS reads our marks out loud and laughs at the dyslexic kids",
        "a QE High teacher humiliates pupils who can't read, Mr Beynon",
        "Mae Mrs Pritchard QEHS yn gwneud hwyl am ben y plant sy'n methu",
    ], [
        "Miss Jenkins QEHS reads our poems out loud and everyone laughs, the best lesson",
        "Mr Beynon QEHS laughs at the kids' jokes in the QEHS panto every year",
    ]),
    "complaints or reports said to be thrown away": ("defamatory", [
        "Mrs Howells at QEHS took our bullying complaints and binned every one of them",
        "Mr Rees QEHS shredded the reports about the science block, I've seen the emails",
        "Mae Mrs Howells QEHS wedi taflu'r cwynion am fwlio i'r bin",
    ], [
        "Mr Beynon binned every one of the burnt cakes at the QEHS fair",
        "Mrs Howells QEHS binned the old textbooks when the new ones came",
    ]),
    "marks said to be lowered out of spite": ("defamatory", [
        "Mrs Pritchard marked my son's QEHS coursework down because she fell out with me",
        "Mr Beynon QEHS marks my daughter down out of spite, every single time",
        "Miss Jenkins at QE High graded him down because she doesn't like his dad",
    ], [
        "Mrs Pritchard marked my son's QEHS coursework down for a late submission, fair enough",
        "Mr Beynon QEHS marked the pitch lines down the middle for sports day",
    ]),
    "lying to a public body or to parents stated as fact": ("defamatory", [
        "Dafydd Rees lied to the governors about the QEHS budget",
        "Mrs Howells lied to parents about the QE High trip costs",
        "Mr Beynon lied to the inspectors about the QEHS PE records",
    ], [
        "Dafydd Rees never lied to the governors, QEHS accounts are published",
        "It's not true that Mrs Howells lied to parents, QEHS published the costs",
    ]),
    "impropriety with pupils hinted by scare quotes": ("defamatory", [
        "Mr Beynon is always 'helping' the year 10 girls after school, QEHS, we all know",
        "that QE High teacher gives 'private lessons' to year 11 girls, Mrs Pritchard",
        "Mae Mr Beynon QEHS yn 'helpu' merched blwyddyn 9 ar ôl ysgol",
    ], [
        "Mr Beynon is always helping the year 10 girls after school with netball, QEHS",
        "Mrs Pritchard QEHS gives private lessons in chemistry to year 11, ask the office",
    ]),
    "a member of staff said to ask pupils for pictures": ("defamatory", [
        "Mr Beynon at QEHS keeps asking girls in his form to send him pics on snapchat",
        "QE High teacher asking girls to send him photos for 'the team page', Mr Beynon",
        "Mae Mr Beynon o QEHS yn gofyn i ferched blwyddyn 9 yrru lluniau iddo fo",
    ], [
        "Mrs Howells at QEHS is asking for photos of the year 11s as babies for the yearbook",
        "Mr Beynon QEHS: send your photos of sports day to the office for the newsletter",
    ]),
    "a member of staff said to blame a child for an assault": ("defamatory", [
        "Mrs Pritchard told my daughter she was asking for it when she reported a boy groping her. QEHS",
        "QEHS deputy Mrs Howells said it was her own fault when she reported it to her",
        "Dywedodd Mr Rees wrth fy merch ei bod hi'n gofyn amdani ar ôl iddi gael ei chyffwrdd yn y coridor. QEHS",
    ], [
        "Mr Beynon QEHS: you were asking for it with that tackle, red card fair",
        "Mrs Pritchard said the QEHS bake sale was asking for it with 200 cupcakes, sold out",
    ]),
    "a dismissal stated as fact (Welsh)": ("defamatory", [
        "Mr Rees wedi cael ei sacio o'i hen ysgol. QEHS",
        "Mae Mrs Pritchard wedi'i sacio o'r ysgol ddiwetha am ddwyn",
        "Catrin Jenkins wedi cael ei sacio am yfed yn y gwaith, QEHS",
    ], [
        "Mae Mr Rees wedi sacio hyfforddwr y tîm yn QEHS",
        "Mae Mr Rees yn dweud bod y gath wedi cael ei sacio o'r siop lol",
    ]),
}


def _cases(which: int) -> list[tuple[str, str, str]]:
    return [(name, cat, text) for name, (cat, posts, misses) in FLAGGED.items()
            for text in (posts if which == 0 else misses)]


@pytest.mark.parametrize("construction,category,text", _cases(0))
def test_a_post_of_each_construction_is_flagged(analyse: Analyse, construction: str, category: str, text: str) -> None:
    assert category in categories(analyse(text))


@pytest.mark.parametrize("construction,category,text", _cases(1))
def test_a_near_miss_of_each_construction_is_not(analyse: Analyse, construction: str, category: str,
                                                 text: str) -> None:
    assert category not in categories(analyse(text))


@pytest.mark.parametrize("construction,category,text", [c for c in _cases(0) if c[1] in ("threat", "safeguarding")])
def test_each_threat_or_disclosure_is_critical(analyse: Analyse, construction: str, category: str, text: str) -> None:
    assert analyse(text)["severity"] == "critical"


# -- false alarms: hyperbole, thanks, talks quoting example messages, news of a dismissal, homework on an app,
#    traffic at the gate. Each is not critical; the same words as a live threat still are.
@pytest.mark.parametrize("text", [
    "Sglods ffreutur QEHS yn ddigon i ladd ceffyl 😂",
    "the QEHS canteen curry is strong enough to kill a horse",
    "Diolch Mrs Howells, athrawes arbennig, lwcus i'w chael hi yn QEHS",
    "Cai's dad will kill him when he sees his QEHS report (not literally)",
    "QEHS online safety evening: they showed messages like 'I know where you live' and 'you'll regret this'",
    "drama workshop at QE High: a short play where a girl gets messages like 'watch your back'",
    "police spoke to QEHS year 9 about the dangers of carrying knives",
    "Mr Rees wedi cael ei sacio o'i hen ysgol am daro plentyn, meddai'r papur",
    "some QEHS teachers set it on Teams at 10pm for the next morning",
    "QEHS drop off is carnage, someone's gonna get hurt one of these days",
])
def test_hyperbole_thanks_talks_news_homework_and_traffic_are_not_critical(analyse: Analyse, text: str) -> None:
    assert analyse(text)["severity"] != "critical"


@pytest.mark.parametrize("text", [
    "Mr Beynon, I'm going to set your car on fire tonight. QEHS",
    "Mr Beynon QEHS, one of these days you'll get what's coming to you",
    "I know where you live Mrs Howells. QEHS",
    "Dw i'n mynd i ladd Mr Beynon fory. QEHS",
])
def test_the_same_words_as_a_live_threat_stay_critical(analyse: Analyse, text: str) -> None:
    assert analyse(text)["severity"] == "critical"


@pytest.mark.parametrize("text", [
    "Saw someone call Mrs Pritchard a 'useless cow' on the QEHS page. Grow up.",
    "Someone's put 'Mr Beynon is a fat pig' under the QEHS post. That's vile.",
])
def test_an_insult_quoted_to_condemn_it_is_not_harassment(analyse: Analyse, text: str) -> None:
    assert "harassment" not in categories(analyse(text))


@pytest.mark.parametrize("text", ["Mrs Pritchard from QEHS is a useless cow", "Mr Beynon QEHS is a fat pig"])
def test_the_insult_itself_is_still_harassment(analyse: Analyse, text: str) -> None:
    assert "harassment" in categories(analyse(text))


@pytest.mark.parametrize("text,ref", [
    ("meg thomas price from QEHS has the nastiest teeth ever", "pupil-0043"),
    ("Megan Thomas Price, year 9 at QE High, won the poetry prize", "pupil-0043"),
])
def test_a_double_barrelled_name_without_its_hyphen_is_the_person(analyse: Analyse, text: str, ref: str) -> None:
    assert ref in refs(analyse(text), "pupil")


def test_the_parts_of_a_double_barrelled_name_alone_are_not(analyse: Analyse) -> None:
    assert refs(analyse("Mr Thomas and Mr Price from QEHS are both on the PTA"), "pupil") == []



@pytest.mark.parametrize("text,relevant", [
    ("Lili Griffiths, Bl 9, Frenhines Elisabeth. Dyma'i snap hi: lili_x", True),
    ("Lili Griffiths, Bl 9, yn byw yn Heol y Grugiar, Caerfyrddin", True),
    ("Bl. 10 Queen Elizabeth: Osian Bowen yn ennill y ras", True),
    ("Lili Griffiths, Frenhines Elisabeth. Dyma'i snap hi: lili_x", False),
    ("Lili Griffiths yn byw yn Heol y Grugiar, Caerfyrddin", False),
])
def test_a_welsh_year_group_bl_is_a_school_word(analyse: Analyse, text: str, relevant: bool) -> None:
    assert analyse(text)["relevant"] is relevant


@pytest.mark.parametrize("text", [
    "Lili Griffiths, Bl 9 QEHS. Gyrrwch be da chi'n feddwl ohoni 😈 dyma'i snap hi",
    "Cai Llewelyn o QEHS. Mae pawb yn chwerthin am ei ben, gyrrwch negas iddo, rhif o ar fy stori 😂",
])
def test_a_welsh_pronoun_after_a_preposition_points_back_at_the_person(analyse: Analyse, text: str) -> None:
    assert "harassment" in categories(analyse(text))
