"""Rules v5: compositional threat and safeguarding rules (nlp/compose.py, cues-*-v5.jsonl, parts-v5.jsonl) find
kinds of post, not the wording they were written from; a school setting, the school's abbreviation, two people from the
profile or words pointing at a school in its town make an item relevant; a talk on a topic, a prop or hyperbole about
being killed oneself is not critical. For each construction: three or more posts in words of their own (English and
Welsh where it applies) and two near misses. Every person and post here is fictional, written for these tests."""

from __future__ import annotations

from pathlib import Path

import pytest

from nlp.analyse import Analyser
from nlp.lexicon import PatternFileError
from nlp.pipeline import build_pipeline
from repmon.profile import Profile
from tests.nlp.conftest import Analyse
from tests.nlp.helpers import categories, refs

# (construction, posts that are threats, near misses that are not critical)
THREATS: dict[str, tuple[list[str], list[str]]] = {
    "harm aimed at a person, with intent": (
        ["Mr Beynon, touch my coursework one more time and I will put you through that wall. QEHS",
         "next time I see Miss Jenkins outside QE High I'm going to knock her out",
         "Mrs Howells QEHS, dw i'n mynd i dy gicio di lawr y grisiau fory",
         "If QEHS isolates my daughter again I'll come in and break his legs, Mr Rees"],
        ["We're going to batter them in the cup final, QEHS netball on tour",
         "In Macbeth they kill him in act 2, Miss Jenkins says it'll be on the QEHS exam"]),
    "a person told they are dead": (
        ["Mrs Pritchard you are dead meat when I catch you in the QEHS car park",
         "ur dead tmrw Mr Beynon, QEHS gates",
         "Miss Jenkins, ti'n farw pan wela i di tu allan i QEHS"],
        ["I'm dead after that QEHS cross-country lol", "you're dead right Mrs Howells, QEHS needs a new hall"]),
    "harm to the school, with intent": (
        ["QE High will go up in flames before the end of term, mark my words",
         "QEHS is going to go bang on Monday, stay away",
         "Bydd Ysgol y Frenhines Elisabeth ar dân nos Wener, gewch chi weld"],
        ["There was a fire at QE High last night, firefighters say nobody was hurt and school will open tomorrow",
         "QEHS fire drill tomorrow at 10, don't panic when the alarm goes off"]),
    "a weapon sign with a warning": (
        ["QEHS tomorrow 💣💣 just saying", "Mr Beynon better watch out on Monday 🔪 #QEHS",
         "Ysgol y Frenhines Elisabeth 🔫 rhybudd olaf i chi"],
        ["QEHS results day was 💣💣 well done everyone", "Mr Beynon's chilli at the QEHS fair was 🔥🔥"]),
    "someone about to be attacked": (
        ["Lili Griffiths QEHS is getting jumped at the bus stop tomorrow",
         "someone at QE High is getting stabbed on Friday, watch",
         "Mrs Howells gonna get merked after school, QEHS"],
        ["Osian Bowen got jumped on by the whole QEHS rugby team after the match 😂",
         "Nobody at QEHS is getting stabbed, stop spreading rumours"]),
    "a warning to someone alone or watched": (
        ["Mrs Pritchard from QEHS shouldn't walk to her car alone after parents' evening",
         "if I were Mr Beynon I'd be careful walking home through the park tonight. QEHS",
         "Well iddi hi beidio cerdded adre ar ben ei hun heno, Mrs Howells QEHS"],
        ["QEHS parents: better not park in the staff car park tonight, it's being resurfaced",
         "Miss Jenkins QEHS says you'd better not be late for the mock tomorrow"]),
    "lying in wait": (
        ["Miss Jenkins QEHS, one night you'll walk to your car and I'll be waiting",
         "Mr Beynon, when you leave QEHS on your own I'll be there",
         "Pan fyddi di'n cerdded adre ar ben dy hun, fydda i yno. Mrs Howells QEHS"],
        ["I'll be there at QEHS parents' evening, Mrs Howells, see you at 6",
         "Mr Beynon I'll be waiting at the QEHS gates to pick up my son"]),
    "a bounty": (
        ["£20 to whoever slaps Mr Beynon at QEHS tomorrow", "a fiver to anyone who smacks Cai Llewelyn from QE High",
         "tenner for whoever decks Mrs Pritchard in the QEHS car park"],
        ["£5 to whoever finds my lost QEHS PE kit", "a prize to whoever scores first at the QEHS sports day"]),
    "a home address sought": (
        ["anyone know where Mr Beynon from QEHS lives? asking for a friend",
         "does anyone have Mrs Howells' home address, QE High deputy",
         "Oes gan rywun gyfeiriad cartref Miss Jenkins o QEHS?"],
        ["anyone got Mrs Howells' email address? want to complain about QEHS",
         "Does anyone have the QEHS office address for the form?"]),
    "fire with fuel": (
        ["QEHS science block and a can of petrol, problem solved 🔥",
         "bought a lighter and some diesel for Mr Beynon's car at QEHS tonight 🔥",
         "Petrol a matsys. Ysgol y Frenhines Elisabeth. Heno. 🔥"],
        ["QEHS bonfire night: the fire will be lit at 7, bring a torch",
         "QEHS food tech: Mr Beynon burnt the toast and set off the fire alarm"]),
    "harm to a home or car put as chance": (
        ["shame if Mrs Pritchard's car happened to catch fire in the QEHS car park",
         "if Mr Beynon's house just happened to burn down I wouldn't cry. QEHS",
         "Mrs Howells QEHS, would be a pity if your car were to get smashed"],
        ["Mrs Howells' house was burgled last year and QEHS staff raised money",
         "if the QEHS car park happened to be full, park on the road"]),
    "children kept away from the school": (
        ["Don't send your kids to QEHS on Monday. That's all I'm saying.",
         "Parents, do not bring your children into QE High tomorrow",
         "Peidiwch ag anfon eich plant i Ysgol y Frenhines Elisabeth fory. Rhybudd."],
        ["Don't send your kids to QEHS with nuts in their lunch, allergy policy",
         "QEHS snow day: don't bring your children in tomorrow, the school is closed"]),
    "a turn, luck or a watcher": (
        ["Mrs Howells got lucky last time. She won't be so lucky next time. QEHS",
         "Mr Beynon you're next, QE High", "Dy dro di nesa, Mrs Pritchard. QEHS"],
        ["Mr Beynon QEHS: you're next in the queue for the parents' evening slot",
         "You never know who might win the QEHS raffle"]),
    "something hidden at the school": (
        ["there's a device in the QEHS library. not joking.",
         "I've planted something in the science block at QE High, tick tock",
         "Mae dyfais yn y neuadd yn Ysgol y Frenhines Elisabeth. Rhybudd olaf."],
        ["QEHS tech club built a device in the workshop that waters plants",
         "something in my bag at QEHS smells of old banana lol"]),
    "others taken along": (
        ["if they expel me from QEHS I'm taking the whole year with me",
         "when I go I'll take Mr Beynon with me. QEHS",
         "I'm done with QE High and I'm taking everyone in that staffroom with me"],
        ["I'm taking my QEHS hoodie with me to uni", "taking Cai Llewelyn with me to the QEHS disco"]),
    "a list of targets": (
        ["I've made a list: Beynon, Howells, Jenkins. QEHS will find out soon",
         "Mrs Pritchard and Mr Rees are on my list. QE High is going to be a lot quieter",
         "Wedi gwneud rhestr. Mr Beynon sy gynta. QEHS, fory."],
        ["Made a list of QEHS revision tips for year 11", "Mrs Howells is on my list of favourite teachers, QEHS"]),
    "a vehicle driven at people": (
        ["gonna drive my car into the crowd at QEHS sports day",
         "I'll ram the kids' queue outside QE High with my van on Monday",
         "Dw i'n mynd i yrru drwy'r plant tu allan i Ysgol y Frenhines Elisabeth fory"],
        ["I'll drive through the QEHS gates at 3 to pick up my son",
         "Mrs Howells drove the QEHS minibus into the car park yesterday"]),
    "poison": (
        ["put a little something from the shed in Mrs Pritchard's coffee at QEHS, she'll love it",
         "bleach in Mr Beynon's tea tomorrow, QEHS staffroom",
         "Potel o'r sied i degell staff QEHS. Mwynhewch eich paned, Mrs Howells"],
        ["QEHS staffroom kettle broke again, bring a flask", "Mr Beynon's tea mug says World's Best Teacher. QEHS"]),
    "a weapon with intent": (
        ["bringing a bat to QEHS tomorrow for Cai Llewelyn",
         "acid for Mrs Howells, QEHS gates friday",
         "Cyllell yn fy mag fory i Mr Beynon, QEHS"],
        ["Cai Llewelyn from QEHS hit a six with the bat in the cricket match tomorrow",
         "Mr Beynon QEHS: no bats in the sports hall tomorrow please"]),
    "what the target will be left in": (
        ["Mr Beynon will be leaving QEHS in a body bag",
         "you'll be in a wheelchair by Friday Mrs Howells, QEHS",
         "Byddi di'n gadael QEHS mewn ambiwlans, Mr Beynon"],
        ["Mr Beynon QEHS will be doing the sponsored wheelchair basketball on Friday",
         "QEHS will hold a minute's silence on Remembrance Day"]),
    "regret promised": (
        ["I'll make sure Mrs Pritchard regrets the day she came to QEHS",
         "Mi wna i'n siŵr fod Mr Beynon yn difaru'r diwrnod y daeth o i QEHS",
         "Mr Rees QEHS will rue the day he excluded my boy"],
        ["I'll make sure I don't regret choosing QEHS for my son", "Mrs Howells QEHS, you won't regret joining the choir"]),
    "'would be a shame' about the target's family": (
        ["Mr Beynon's kids go to the primary next to QEHS don't they. Would be a shame.",
         "Mrs Howells QEHS has a lovely dog. Be a pity if it got out.",
         "Biti am blant Mrs Pritchard, QEHS. Bechod os bydd rhywbeth yn digwydd i'w blant hi."],
        ["Would be a shame if QEHS cancelled sports day again", "Mr Beynon QEHS, shame your kids missed the fair"]),
    "the target or their things put in the water": (
        ["Miss Jenkins QEHS if you report me one more time your car's going in the river",
         "Cai Llewelyn from QE High is going in the canal if he grasses again",
         "Os wyt ti'n deud wrth Mr Beynon eto, fyddi di yn yr afon. QEHS"],
        ["QEHS year 7 going in the river for the science field trip tomorrow",
         "Mr Beynon QEHS is swimming in the sea for charity on Boxing Day"]),
    "a veiled warning about the night or the home": (
        ["mrs howells qehs u better sleep with the lights on x",
         "Mrs Tudur PoW High better hope her windows are double glazed lol".replace("Mrs Tudur PoW High", "Mrs Pritchard QEHS"),
         "Dwi'n mynd i neud rwbath i Mr Beynon fydd o byth yn anghofio. QEHS. Nos Lun."],
        ["Mrs Howells QEHS says we'd better hope the weather holds for sports day",
         "QEHS trip to the Eisteddfod, something the kids will never forget!"]),
    "everyone on the news on a set day": (
        ["QEHS: Monday 9am, main hall, you'll all be on the news",
         "Friday at QE High you lot will make the news, remember I said it",
         "Dydd Llun, Ysgol y Frenhines Elisabeth. Byddwch chi i gyd ar y newyddion."],
        ["QEHS choir will be on the news tonight, so proud!", "Mr Beynon QEHS was on the news on Monday about the new pitch"]),
    "run when you see me": (
        ["Mr Rees QEHS, next time you see me coming, run",
         "Miss Jenkins QEHS, when you see me coming you'd better be quick",
         "Mrs Pritchard QEHS, run when you see me tomorrow"],
        ["QEHS cross country tomorrow, better start running now lol", "Mr Beynon QEHS says we'd better run laps on Monday"]),
}

DISCLOSURES: dict[str, tuple[list[str], list[str]]] = {
    "a stranger luring children": (
        ["a man in a white van keeps offering year 8 girls sweets by the QEHS gates",
         "Some bloke was handing out free vapes to kids outside QE High",
         "Mae dyn dieithr yn cynnig lifft i blant ar ôl ysgol ger QEHS"],
        ["The council is offering free bus passes to QEHS pupils",
         "Mr Beynon is offering extra revision sessions to year 11 at QEHS"]),
    "secrecy asked of children": (
        ["the new dance coach messages QEHS girls on snapchat and tells them not to tell their mums",
         "an older lad DMs year 7s from QE High and asks them to delete the chats",
         "Mae rhywun yn anfon negeseuon at ferched blwyddyn 9 QEHS ac yn deud wrthyn nhw am gadw'n gyfrinach"],
        ["QEHS girls, keep it secret: the surprise party for Mrs Howells is Friday",
         "Don't tell anyone but the QEHS year 11 prom theme is Hollywood"]),
    "a goodbye with alarm": (
        ["Megan Thomas-Price from QEHS posted that tonight is her last night and now her phone's off",
         "Cai Llewelyn QEHS put 'goodbye forever' on his snap and nobody can reach him",
         "Postiodd Lili Griffiths o QEHS 'hwyl fawr i bawb' a dydy hi ddim yn ateb ei ffôn"],
        ["Tonight is her last night as QEHS head girl, what a year!",
         "Mrs Howells said goodbye to QEHS after 30 years, we'll all miss her"]),
    "a child pressed for images": (
        ["a guy I met online says he'll share my pics with the QEHS group chat if I don't send more",
         "he keeps telling me to send him photos or he'll post them, I'm in year 9 at QE High",
         "Mae o'n deud os na wna i yrru mwy o luniau bydd o'n eu rhannu. Dwi ym mlwyddyn 8 yn QEHS"],
        ["send me the pics from the QEHS trip please!", "Mrs Howells asked us to send photos of our art to QEHS"]),
    "a stranger from online wanting to meet": (
        ["a lad I met on fortnite wants to meet me after school, I'm 13 and at QEHS",
         "this man on insta keeps asking to pick me up from QE High, I'm in year 8",
         "Mae rhywun ar-lein isio cwrdd â fi ar ôl ysgol. Dwi'n 12 ac yn QEHS"],
        ["my nan wants to meet me after school at QEHS for my birthday",
         "QEHS year 8s are meeting up online for the maths quiz"]),
    "a stranger messaging a child at night": (
        ["my daughter is 12 and at QEHS and a man in his 40s texts her every night at midnight",
         "some bloke keeps messaging year 9 girls from QE High at 2am",
         "Mae dyn dieithr yn anfon negeseuon at fy merch 13 oed o QEHS bob nos"],
        ["QEHS sends messages to parents every night about homework",
         "my son at QEHS messages his mates at midnight, no sleep"]),
    "criminal exploitation": (
        ["older boys from town pay Osian Bowen to carry parcels after QEHS",
         "a kid in my year at QE High keeps coming back with two phones and £300, says he's working for a mate",
         "Mae hogia hŷn yn gwneud i blant QEHS fynd ar negeseuon iddyn nhw"],
        ["QEHS year 10 delivered parcels for the food bank this week",
         "Mr Beynon made us carry the kit bags to the QEHS minibus"]),
    "forced marriage": (
        ["my friend at QEHS is being taken abroad in the holidays to get married and she's 14",
         "a girl in year 10 at QE High says her family are sending her abroad to marry a man she's never met, she's 15",
         "Mae ffrind i mi yn QEHS yn cael ei gyrru dramor i briodi. Mae hi'n 14 oed."],
        ["Mrs Howells from QEHS is getting married in Italy this summer",
         "Mr Beynon QEHS married his partner abroad last year"]),
    "not being here any more": (
        ["everyone at QEHS would be better off if I wasn't around anymore",
         "don't worry Mr Beynon, I won't be a problem in QEHS PE for much longer",
         "Fydd neb yn Ysgol y Frenhines Elisabeth yn sylwi pan dwi'm yna. Mae'n well i bawb."],
        ["I wasn't in QEHS on Monday, I was ill", "I won't be at the QEHS disco, I'm at my dad's"]),
    "medicine stockpiled": (
        ["been saving my mum's tablets in my QEHS pencil case for weeks",
         "Cai Llewelyn QEHS is hiding paracetamol in his locker, I'm scared",
         "Dw i wedi bod yn casglu tabledi ers mis. QEHS"],
        ["QEHS nurse keeps paracetamol in the office for emergencies", "took my tablets at lunch at QEHS as usual"]),
    "a child without food": (
        ["Lili Griffiths at QEHS says there's been no food at home since Friday",
         "my mate in year 8 at QE High hasn't eaten anything for three days, his mum's gone",
         "Does dim bwyd yn tŷ Osian Bowen ers dydd Sul. QEHS"],
        ["no food in the QEHS canteen since the fryer broke", "I haven't eaten since breakfast, QEHS lunch queue is huge"]),
    "a child left without care": (
        ["my parents went to Spain for two weeks and left me on my own, I'm in year 9 at QEHS",
         "Osian Bowen's mum is passed out again and he can't wake her. QEHS",
         "Mae llystad Cai Llewelyn wedi newid y cloeon ac mae o'n cysgu yn y parc. QEHS"],
        ["Mrs Howells left me on my own in the QEHS library to finish my exam",
         "Mum went to Tenerife for a week, nan is staying with us, QEHS"]),
    "violence at home": (
        ["Ma llystad Lili Griffiths yn bwrw hi. QEHS",
         "police at our house again cos of mum's boyfriend, he says I'm next. QEHS",
         "Mae tad Osian Bowen yn ei daro fo. Mae o yn QEHS."],
        ["QEHS drama: the dad hits the villain in act 3", "police at QEHS today for the road safety talk"]),
    "a child afraid to go home": (
        ["I don't want to go home after QEHS today, dad's in one of his moods",
         "bag packed, not going back home, QE High was the only safe place",
         "Dwi'm isio mynd adra ar ôl ysgol. QEHS ydi'r unig le saff."],
        ["don't want to go home after the QEHS disco, it was so good", "QEHS trip: bag packed for Paris!"]),
    "a child missing and unreachable": (
        ["Megan Thomas-Price hasn't been in QEHS since Tuesday and isn't answering anyone",
         "Osian Bowen not been seen since the QEHS bus on Friday, his mum is worried sick",
         "Dydy Lili Griffiths heb fod yn QEHS ers dydd Llun a dydy hi ddim yn ateb ei ffôn"],
        ["Mr Beynon hasn't been in QEHS since Monday, he's on a course",
         "haven't been to the QEHS gym since Christmas lol"]),
    "signs of self-harm": (
        ["long sleeves again in QEHS PE so nobody can see",
         "found a blade in Cai Llewelyn's QEHS pencil case and plasters all up his arm",
         "Llewys hir eto yn QEHS, neb yn gweld"],
        ["long sleeves in QEHS PE because it's freezing", "Mrs Pritchard QEHS gave me plasters for my blister"]),
    "a goodbye note": (
        ["🪦 soon. QEHS, it's not your fault Mrs Howells",
         "tell my mum I love her. won't be here tomorrow. not your fault QEHS",
         "Nid dy fai di, Mr Beynon. Hwyl fawr i bawb. QEHS"],
        ["not your fault Mrs Howells, the QEHS coach was late",
         "you tried, Mr Beynon! QEHS lost 3-1 but great effort"]),
    "cuts, scars or burns on the body": (
        ["Lili Griffiths from QEHS has cuts all over her thighs, she showed me in the changing rooms",
         "Osian Bowen QEHS has burns up his arms and won't say how",
         "Mae creithiau ar ei breichiau hi, Megan Thomas-Price o QEHS"],
        ["Osian Bowen QEHS has scratches on his legs from the rugby match",
         "QEHS Macbeth: Megan Thomas-Price had fake cuts on her arms for the battle scene"]),
    "a suicide plan": (
        ["I've written my letters and I'm going to the bridge tonight. Sorry QEHS.",
         "going to the railway after QEHS today. sorry for everything",
         "Dw i'n mynd i'r bont heno. Sori am bopeth. QEHS"],
        ["QEHS year 8 are going to the bridge tomorrow for the geography trip",
         "sorry I missed the QEHS bus, I'll walk over the bridge tonight"]),
    "wanting to sleep for ever": (
        ["Dw i eisiau cysgu am byth. Blwyddyn 10, Ysgol y Frenhines Elisabeth.",
         "I just want to sleep forever and not deal with QEHS again",
         "Lili Griffiths QEHS says she wishes she could sleep and never wake up"],
        ["QEHS mocks are done, I could sleep for a week", "After the QEHS disco I slept forever lol"]),
    "an overdose taken or planned": (
        ["I swallowed everything in the medicine cabinet. QEHS tell my friends I'm sorry",
         "Megan Thomas-Price (QEHS) posted a photo of pills lined up on her bed and now she's offline",
         "Ffion Meredydd (QEHS) keeps googling how many paracetamol it takes".replace("Ffion Meredydd", "Lili Griffiths")],
        ["QEHS nurse: please hand in any tablets your child needs at the office",
         "Mrs Howells QEHS had the whole box of chocolates to herself at the fair"]),
    "feeling a burden": (
        ["Megan Thomas-Price QEHS has written 'I'm a burden' all over her planner and stopped talking to anyone",
         "Dw i ddim yn gweld pwynt byw rhagor. Neb yn Ysgol y Frenhines Elisabeth yn gwrando.",
         "I'm a burden to everyone at QE High and at home"],
        ["QEHS PE kit is such a heavy bag to carry", "no point revising for the QEHS mock, it doesn't count"]),
    "abuse by an adult told in the passive": (
        ["Mae Cai Llewelyn o QEHS yn deud ei fod o'n cael ei gyffwrdd gan ei ewythr",
         "my friend at QE High is being touched by her stepdad and won't tell anyone",
         "Osian Bowen QEHS gets hit by his uncle every weekend"],
        ["Cai Llewelyn QEHS yn cael ei guro gan Osian yn y ras 100m", "Osian Bowen QEHS got hit by the ball in rugby"]),
    "a child with an adult, in secret": (
        ["Lili Griffiths QEHS goes to a 24 year old's house every weekend and her mum thinks she's at mine",
         "my daughter at QE High is seeing a 30-year-old and lies to her mum about it",
         "Megan Thomas-Price QEHS stays at a 22 year old's flat on school nights"],
        ["Lili Griffiths QEHS has a 24 year old sister who teaches at the primary",
         "Osian Bowen QEHS's uncle is 30 year old and runs the youth club"]),
}

STAFF_CONTACT = (
    ["Mr Beynon at QEHS messages year 8 girls late at night", "Mr B from QE High texts pupils at midnight",
     "Mrs Pritchard QEHS DMs year 10s and tells them not to tell anyone"],
    ["Mr Beynon at QEHS messages parents about kit", "Mrs Howells QEHS texts the netball team before matches"])


#: Near misses still wrongly critical, because of an older rule that v5 leaves unchanged (docs/analysis.md, Known limits).
#: (Round 2 narrowed or retired the three older rules that made "with the bat", "keep it secret" and "be a shame if"
#: near misses critical: their posts are ordinary near misses now.)
KNOWN_WRONG: dict[str, str] = {}  # v6 narrowed threat.v3.know-where (a lift, a match): its near miss now passes


def _cases(table: dict[str, tuple[list[str], list[str]]], which: int) -> list[object]:
    return [pytest.param(name, text, marks=pytest.mark.xfail(strict=True, reason=KNOWN_WRONG[text]))
            if text in KNOWN_WRONG else (name, text) for name, posts in table.items() for text in posts[which]]


@pytest.mark.parametrize("text", STAFF_CONTACT[0])
def test_staff_contacting_pupils_at_night_or_in_secret_is_an_allegation(analyse: Analyse, text: str) -> None:
    assert "defamatory" in categories(analyse(text))


@pytest.mark.parametrize("text", STAFF_CONTACT[1])
def test_staff_contacting_parents_or_teams_is_not(analyse: Analyse, text: str) -> None:
    assert "defamatory" not in categories(analyse(text))


@pytest.mark.parametrize("text", [
    "Queen Elizabeth High School is running a talk for parents on grooming and online safety next week",
    "QEHS staff had child protection training with the police today",
    "Sgwrs gan yr heddlu yn QEHS heddiw am gangiau a 'county lines'",
    "QEHS Romeo and Juliet: Tybalt dies with a rubber knife, Cai Llewelyn was brilliant",
    "Mr Beynon is going to kill me if I forget my QEHS PE kit again",
    "Bydd Mam yn fy lladd i os dw i'n hwyr i QEHS eto",
])
def test_a_talk_a_prop_or_hyperbole_is_not_critical(analyse: Analyse, text: str) -> None:
    assert analyse(text)["severity"] != "critical"


@pytest.mark.parametrize("text,ref", [
    ("If Dr Rees suspends my son again I'll be at that school with a bat", "staff-001"),
    ("Mr Beynon gave my daughter another detention for nothing", "staff-004"),
    ("Mrs Howells didn't turn up to parents' evening again", "staff-002"),
])
def test_a_short_staff_name_with_a_school_setting_is_relevant(analyse: Analyse, text: str, ref: str) -> None:
    result = analyse(text)
    assert result["relevant"] and ref in refs(result, "staff")


@pytest.mark.parametrize("text", [
    "If Beynon excludes my lad again there'll be trouble at that school",
    "Os ydy Beynon yn gwahardd fy mab eto, fydda i yn yr ysgol",
])
def test_a_staff_surname_alone_counts_in_a_school_setting(analyse: Analyse, text: str) -> None:
    assert refs(analyse(text), "staff") == ["staff-004"]


@pytest.mark.parametrize("text", [
    "Mr Beynon the plumber fixed our boiler, top bloke",
    "Dr Rees at the surgery was lovely with my son",
    "Beynon scored twice for Carmarthen Town on Saturday",
])
def test_a_short_name_without_a_school_setting_is_still_not_enough(analyse: Analyse, text: str) -> None:
    assert analyse(text)["relevant"] is False


@pytest.mark.parametrize("text", [
    "see you at QE tomorrow, Lili Griffiths",
    "my QE bag got soaked on the bus",
    "Year 9 trip from QE was brilliant",
])
def test_the_school_abbreviation_counts_with_a_school_word_a_person_or_at(analyse: Analyse, text: str) -> None:
    result = analyse(text)
    assert result["relevant"] and any(m["kind"] == "school" and m["text"] == "QE" for m in result["mentions"])


@pytest.mark.parametrize("text", [
    "the Bank of England started QE again",
    "qe is what central banks do when rates are low",
])
def test_the_abbreviation_alone_or_in_lower_case_is_not_the_school(analyse: Analyse, text: str) -> None:
    assert analyse(text)["relevant"] is False


def test_two_people_from_the_profile_together_are_relevant(analyse: Analyse) -> None:
    result = analyse("Lili Griffiths keeps crying, should I tell Mrs Howells?")
    assert result["relevant"] and set(refs(result)) == {"pupil-0045", "staff-002"}


@pytest.mark.parametrize("text,relevant", [
    ("that school in Carmarthen needs to watch itself on Friday", True),
    ("Yr ysgol 'na yng Nghaerfyrddin, chi'n gwbod pa un", True),
    ("Our school in Carmarthen has a great new head, Ysgol Bro Myrddin forever", False),
    ("that school in Hexham is closing", False),
])
def test_words_pointing_at_a_school_in_its_town(analyse: Analyse, text: str, relevant: bool) -> None:
    assert analyse(text)["relevant"] is relevant


def test_an_unknown_part_name_is_refused_naming_the_rule(example_profile: Profile, tmp_path: Path) -> None:
    import shutil

    from nlp.lexicon import PATTERNS_DIR

    patterns = tmp_path / "patterns"
    shutil.copytree(PATTERNS_DIR, patterns)
    with (patterns / "cues-threat-v5.jsonl").open("a", encoding="utf-8") as handle:
        handle.write('{"id": "threat.v5.test", "category": "threat", "score": 0.5, "reason": "r", "phrases": ["boo"], '
                     '"needs": [["no-such-part"]]}\n')
    with pytest.raises(PatternFileError, match=r"cues-threat-v5\.jsonl:\d+: rule 'threat.v5.test' uses unknown part"):
        build_pipeline(example_profile, patterns_dir=str(patterns))


def test_a_malformed_needs_field_is_refused(example_profile: Profile, tmp_path: Path) -> None:
    import shutil

    from nlp.lexicon import PATTERNS_DIR

    patterns = tmp_path / "patterns"
    shutil.copytree(PATTERNS_DIR, patterns)
    with (patterns / "cues-threat-v5.jsonl").open("a", encoding="utf-8") as handle:
        handle.write('{"id": "threat.v5.test", "category": "threat", "score": 0.5, "reason": "r", "phrases": ["boo"], '
                     '"needs": ["intent"]}\n')
    with pytest.raises(PatternFileError, match="'needs' must be a list of lists"):
        build_pipeline(example_profile, patterns_dir=str(patterns))


@pytest.mark.parametrize("text", [
    "If Prydderch suspends my boy once more I'll be at that school to smash his face in",
    "Mrs Tudur better not walk to her car alone after PoW parents' evening",
    "Mae dyn dieithr yn cynnig fêps i genod blwyddyn 8 tu allan i PoW",
])
def test_the_second_profile_too(powhs: Analyser, text: str) -> None:
    result = powhs.analyse({"id": "t", "text": text})
    assert result["relevant"] and result["severity"] == "critical"


# -- Rules v5, round 2 (dev4): kinds of wording a new independent set showed missing. Posts written for these tests.
ROUND2_THREATS: dict[str, tuple[list[str], list[str]]] = {
    "a reckoning for those who wronged the writer": (
        ["everyone at QEHS who laughed at me in PE is going to stop laughing next week. I've planned it.",
         "QE High: all of you who picked on me will be sorry, it's in my bag already",
         "Pawb yn QEHS fu'n chwerthin am fy mhen: bydd pethe'n wahanol iawn ar ôl y gwasanaeth",
         "Mr Beynon made my life hell at QEHS. He's going to find out what happens, I've been practising."],
        ["everyone at QEHS who laughed at my haircut was right, what was I thinking lol",
         "I laughed at Mr Beynon's joke in QEHS assembly and now I regret it, so cringe"]),
    "the target's home, car or movements watched": (
        ["Drove past Mrs Howells's house last night, QEHS teacher, lights on. Maybe next time I'll knock 🙂",
         "Mr Beynon QEHS, I know which gym you go to and where you park. Watch your back.",
         "Miss Jenkins QEHS, dwi'n gwybod pa gar sy gen ti. Ti'n gwybod be wnest ti."],
        ["Mrs Howells from QEHS drove past my house and waved, so lovely 🙂",
         "Drove past QEHS last night, the new sports hall looks great"]),
    "harm told as its result, to someone met or warned": (
        ["see you at the gates after half 3 Mr Beynon, you won't be teaching for a while. QEHS",
         "Mrs Pritchard better bring a bodyguard to QEHS parents' evening, some of us have finished talking",
         "Os ydy Mr Rees yn gwahardd fy mab eto, fydd o ddim yn cerdded allan o QEHS ar ei draed ei hun"],
        ["Mrs Howells won't be teaching at QEHS for a while, she's on maternity leave",
         "QEHS boiler might need replacing next year says the head"]),
    "a fire drill made real": (
        ["Mr Beynon loves a fire drill, maybe we'll give him a real one this time 🔥 QEHS",
         "QEHS fire alarm again lol, next time give them a real one",
         "fire drill at QE High today, Mrs Howells should get a real fire next time 😊"],
        ["QEHS fire drill: the fire service will bring a real engine to show year 7",
         "Our QEHS Bake Off had a real one of Mr Beynon's cakes 🔥🔥"]),
    "an attack planned for a time, in a group chat": (
        ["[chat] QEHS lads: friday she gets it. bring ur phone to film. Lili Griffiths dont know yet",
         "tmrw after school we finish it proper, back field, QE cameras dont reach 🔪",
         "Osian Bowen QEHS, monday he gets it, bring the thing"],
        ["Lili Griffiths QEHS finally gets it now, maths on friday went well",
         "Friday she gets it back, the QEHS office has her phone"]),
    "harm for good with fuel": (
        ["If the council won't close QEHS, somebody will do it for them. Petrol is cheap.",
         "someone will have to sort QE High out once and for all. got the petrol can ready",
         "Mae o'n dweud bydd o'n sortio Ysgol y Frenhines Elisabeth allan unwaith ac am byth. Mae ganddo betrol yn y fan."],
        ["QEHS minibus needs petrol, someone will have to fill it tomorrow",
         "QEHS has closed the old block for good, the petrol station next door is also shutting"]),
    "a device set to go off": (
        ["there's a device in the QEHS sports hall, goes off at 11",
         "bomb under the QEHS stage set to go off at lunchtime",
         "Mae dyfais yn neuadd QEHS, mynd i ffrwydro am 2"],
        ["QEHS fire alarm goes off at 11 for the drill", "my QEHS alarm clock goes off at 7, too early"]),
    "a warning to keep children away": (
        ["Don't send your kids to QEHS on Friday. That's all I'll say.",
         "Peidiwch â gyrru'ch plant i Ysgol y Frenhines Elisabeth ddydd Iau. Dim ond deud.",
         "I wouldn't send my kids to QE High tomorrow if I were you"],
        ["Peidiwch â gyrru'ch plant i QEHS ddydd Iau, mae hi ar gau oherwydd yr eira",
         "don't send your kids to QEHS without a coat, it's freezing"]),
}

ROUND2_DISCLOSURES: dict[str, tuple[list[str], list[str]]] = {
    "a plan with a day, and goodbyes": (
        ["going to do it on saturday. the letters are in my QEHS bag. don't blame yourselves",
         "I'm doing it tonight. sorry for everything, QE High",
         "Dw i'n mynd i'w wneud o nos Wener. Sori mam. QEHS"],
        ["going to do it on friday: the QEHS bake sale! written the letters to parents already",
         "we're doing it on monday, sorry to everyone who missed the QEHS trip sign-up"]),
    "not there after a date, with despair": (
        ["sai'n credu bydda i 'na ar ôl y Pasg. fydd dim ots gan neb. #QEHS",
         "won't be around after christmas. nobody will care. QEHS",
         "can't do another day of it. sorry to everyone at QEHS 🖤"],
        ["won't be around after christmas, off to Spain with the QEHS ski trip!",
         "can't do another day of QEHS mocks lol, bring on summer"]),
    "self-harm under another name": (
        ["more cat scratches tonight (i dont have a cat). only thing that helps after QEHS",
         "QE High day done, the only thing that helps is the blade",
         "crafiadau cath eto (sgen i ddim cath). QEHS"],
        ["my cat scratches me every morning, QEHS uniform ruined",
         "the only thing that helps with QEHS homework is music"]),
    "a child afraid to go home, a parent hinted at": (
        ["sai moyn mynd gatre heno, mam yn... ti'n gwbod. QEHS",
         "don't want to go home tonight, dad's at it again. QE High",
         "dwi ddim isio mynd adra, tad yn flin eto. QEHS"],
        ["can i stay at yours after the QEHS disco? mum says fine",
         "sai moyn mynd gatre, QEHS disco is too good"]),
    "an adult in a relationship with a child": (
        ["my friend in year 8 at QEHS says her boyfriend is in his twenties and buys her clothes",
         "Mae dyn yn ei ugeiniau yn gariad i ferch 13 oed yn QEHS",
         "Lili Griffiths QEHS is 14 and going out with a 22 year old, he picks her up in his car"],
        ["Mr Beynon in his twenties coached the QEHS year 8 team to the final",
         "my sister in year 11 at QEHS met her boyfriend's older brother at the fair"]),
    "a child not eating or losing weight": (
        ["my daughter in year 9 at QEHS hides her lunch and weighs less than last year",
         "Osian Bowen QEHS has stopped eating, his mum says he makes himself sick",
         "Mae Lili Griffiths o QEHS yn cuddio ei bwyd ac wedi stopio bwyta"],
        ["QEHS canteen stopped serving chips, good riddance",
         "hiding food from my little brother so he doesn't eat my QEHS snacks"]),
    "an overdose taken, an emergency": (
        ["Megan Thomas-Price QEHS: I've taken them all. Elis calling 999",
         "she took them all, we rang 999, QEHS please pray",
         "Cai Llewelyn QEHS 'di cymryd nhw i gyd, ambiwlans ar y ffordd"],
        ["took them all to the QEHS cinema trip, Mr Beynon was great",
         "we've taken the lot of the QEHS raffle tickets, sold out!"]),
    "a child neglected at home": (
        ["the little girl next door in QEHS uniform has been sleeping in the car, no lights in the house",
         "Osian Bowen QEHS sleeps in the car some nights, I gave him food twice",
         "Mae'r hogan fach, gwisg QEHS, yn cysgu yn y car, a dim golau yn y tŷ"],
        ["QEHS year 7 camping trip: sleeping in the car park tents tonight",
         "power cut, no lights in the house, QEHS homework by candlelight lol"]),
    "children made to pay back gifts in other ways": (
        ["someone gives year 7s at QEHS free vapes and then makes them pay it back in other ways",
         "Mae rhywun yn rhoi fêps am ddim i blant blwyddyn 8 QEHS, wedyn yn gofyn iddyn nhw dalu'n ôl mewn ffyrdd eraill",
         "older lads give QE High kids phones then say they owe them"],
        ["QEHS year 7 pay it back scheme: the charity gives free books",
         "my mate in year 9 at QEHS lent me lunch money, paying it back tomorrow"]),
}


@pytest.mark.parametrize("text", [
    "A 15-year-old was given a youth caution after threatening to bring a gun to QEHS. Police said there was never any risk.",
    "Last week someone wrote 'I'll stab Mr Beynon' in the QEHS group chat. The school sorted it within hours.",
    "Diolch i QEHS am ddelio â'r neges 'na mor sydyn, mae'r heddlu wedi siarad efo fo.",
    "Wythnos Iechyd Meddwl yn QEHS: sesiynau ar hunan-niweidio a gorbryder.",
    "QEHS online safety evening: Mrs Howells will explain how groomers work and what sextortion looks like.",
    "QEHS year 10 raised £900 for a charity that works to prevent young suicide",
    "QEHS year 9 read the names of soldiers who were killed in 1916 at the memorial",
])
def test_round2_reports_of_dealt_with_threats_and_events_are_not_critical(analyse: Analyse, text: str) -> None:
    assert analyse(text)["severity"] != "critical"


@pytest.mark.parametrize("text", [
    "Someone wrote on the QEHS group chat that they will bring a knife tomorrow",
    "Mae'r dyn drws nesa'n dweud ei fod e'n mynd i roi Ysgol y Frenhines Elisabeth ar dân",
    "QEHS mental health week? my friend in year 10 has cuts all over her arms and nobody noticed",
])
def test_round2_a_live_threat_or_disclosure_beside_those_words_stays_critical(analyse: Analyse, text: str) -> None:
    assert analyse(text)["severity"] == "critical"


@pytest.mark.parametrize("text", [
    "My little sister is at Queen Elizabeth and got another detention for nothing",
    "my son goes to Queen Elizabeth, year 9, his form tutor never answers",
    "Mae fy merch ym mlwyddyn 7 yn Ysgol y Frenhines ac mae'r gwaith cartref yn ormod",
    "qeen elizabth high is the worst school ever",
])
def test_round2_the_short_name_placed_in_a_school_setting_or_a_misspelt_name_is_relevant(analyse: Analyse,
                                                                                         text: str) -> None:
    assert analyse(text)["relevant"] is True


@pytest.mark.parametrize("text", [
    "Queen Elizabeth visited the school in 1955 and the pupils lined the road",
    "We went to Queen Elizabeth Hospital after my son's detention",
    "The portrait of Queen Elizabeth is at the school gates now",
    "my nan is at Queen Elizabeth's statue for the jubilee photo",
])
def test_round2_the_short_name_without_a_school_place_is_still_not_relevant(analyse: Analyse, text: str) -> None:
    assert analyse(text)["relevant"] is False


@pytest.mark.parametrize("text", [
    "prince of wails high is gonna get shot up on monday",
    "Dwi am roi'r lle 'na ar dân. Ysgol Tywysog Cymru, dydd Gwener.",
    "Ms Tudur loves a fire drill, maybe we'll give her a real one 🔥 #PoWHigh",
])
def test_round2_the_second_profile_too(powhs: Analyser, text: str) -> None:
    result = powhs.analyse({"id": "t", "text": text})
    assert result["relevant"] and result["severity"] == "critical"


def test_a_v5_line_can_retire_or_narrow_an_older_rule(example_profile: Profile, tmp_path: Path) -> None:
    import shutil

    from nlp.lexicon import PATTERNS_DIR, load_cues

    patterns = tmp_path / "patterns"
    shutil.copytree(PATTERNS_DIR, patterns)
    threat_files = ("cues-threat-v2.jsonl", "cues-welsh-v2.jsonl", "cues-threat-v3.jsonl", "cues-welsh-v3.jsonl",
                    "cues-threat-v4.jsonl", "cues-threat-v5.jsonl")  # not the pipeline's list: load_cues is cached
    rules = {r.id: r for r in load_cues(threat_files, str(patterns))}
    assert "threat.v3.mafia" not in rules and rules["threat.weapon-shown"].unless == ("sport",)
    with (patterns / "cues-threat-v5.jsonl").open("a", encoding="utf-8") as handle:
        handle.write('{"retire": "threat.no-such-rule", "reason": "r"}\n')
    with pytest.raises(PatternFileError, match=r"cues-threat-v5\.jsonl:\d+: no rule 'threat.no-such-rule'"):
        build_pipeline(example_profile, patterns_dir=str(patterns))


# -- round 3 (indep2): each kind in words of its own, and two near misses --
ROUND3_THREATS: dict[str, tuple[list[str], list[str]]] = {
    "a warning to have the police ready": (
        ["QEHS better have the police outside on Friday, I'm done with the lot of them. You were warned",
         "Mrs Howells you're gonna need the police at QE High tomorrow, mark my words",
         "Well i chi gael yr heddlu tu allan i Ysgol y Frenhines Elisabeth fory, dyna'r rhybudd olaf"],
        ["QEHS had the police outside on Friday for the road-safety week, the kids loved the car",
         "The police outside QE High this morning were checking parking at the gates"]),
    "a disaster wished on the school": (
        ["Best thing that could happen to QEHS is a big fire during Monday assembly. Just saying.",
         "honestly nobody would miss QE High if it burned down with Mr Rees inside",
         "Y peth gorau allai ddigwydd i QEHS fyddai tân mawr amser cinio. Jyst deud."],
        ["The best thing that could happen to QEHS would be a new sports hall, fingers crossed",
         "QEHS fire drill went well, fingers crossed it never burns down for real 🔥"]),
    "a weapon shown with a meeting at the school": (
        ["a lad posted a pic of a gun with 'see you at QEHS monday' on his story",
         "someone sent a photo of a knife saying see u at QE High after half 3",
         "mae rhywun wedi postio llun o gyllell efo 'wela i chi yn QEHS fory'"],
        ["Police said the pic of a gun captioned 'see you at QEHS monday' was a hoax from another town",
         "Knife crime talk at QEHS today: a photo of a knife taken off a pupil in Swansea was shown"]),
    "finishing what was started": (
        ["He says he'll finish what he started at QEHS on Friday, I've screenshotted it for the police",
         "Mr Beynon, I'm going to finish what I started, QE High car park, tomorrow",
         "Mae o'n deud y bydd o'n gorffen be ddechreuodd o yn Ysgol y Frenhines Elisabeth ddydd Llun. Dwi'n poeni."],
        ["Mrs Pritchard will finish what she started with year 11 chemistry on Friday at QEHS",
         "QEHS builders will finish what they started on the new hall tomorrow"]),
    "a tragedy put as a wish, about a person": (
        ["Wouldn't it be a tragedy if Mr Rees's brakes stopped working on the hill by QEHS",
         "Be a real tragedy if Mrs Howells QEHS came home to find her windows in",
         "Oni fyddai'n drueni petai car Mr Beynon QEHS yn mynd ar dân"],
        ["Wouldn't it be a shame if QEHS cancelled the prom again, so unfair",
         "It would be a tragedy if the QEHS choir didn't make the final"]),
    "knowing what cars they drive, with a warning": (
        ["Mr Rees and Mrs Howells at QEHS, I know what cars they drive. Tick tock.",
         "I know which car Mr Beynon drives, QE High staff car park, watch your back",
         "Dw i'n gwybod pa gar mae Mrs Pritchard QEHS yn ei ddreifio. Gwylia."],
        ["I know what car Mr Beynon drives, he gave us a lift to the QEHS match",
         "QEHS staff: I know which cars you drive, the caretaker needs them moved for the gritter"]),
}

ROUND3_DISCLOSURES: dict[str, tuple[list[str], list[str]]] = {
    "self-harm told in the state of the body, kept secret": (
        ["my legs r a mess again, pls dont tell anyone at QEHS",
         "arms are a mess after last night 🩸 don't tell mrs howells at QEHS",
         "breichiau'n llanast eto, peidiwch â deud wrth neb yn QEHS"],
        ["my arms are a mess after the QEHS paint fight lol",
         "legs r a mess after the QEHS rugby match, don't tell my mum I lost my boots"]),
    "a child sleeping rough": (
        ["a girl in year 9 at QEHS has been sleeping rough by the river for a week",
         "my mate from QE High got kicked out and is sleeping in the park, he's 14",
         "Mae hogyn o flwyddyn 10 yn QEHS yn cysgu ar y stryd ers mis"],
        ["QEHS year 9 slept out for the homeless charity fundraiser, sleeping rough for one night to raise £500",
         "Mr Beynon's QEHS Duke of Edinburgh group slept in a tent on the Beacons"]),
    "a goodbye letter with alarm": (
        ["Megan Thomas-Price from QEHS left a goodbye letter and she's not answering her phone",
         "found a goodbye note in my daughter's QEHS planner, she hasn't been in school since Tuesday, what do I do",
         "Mae Lili Griffiths QEHS wedi gadael llythyr ffarwel a dydy hi ddim yn ateb"],
        ["Mr Rees wrote a lovely farewell letter to QEHS parents before his retirement",
         "QEHS year 11 wrote a goodbye letter to the school for the leavers' assembly"]),
    "a member of staff said to hurt children": (
        ["Mr Beynon at QEHS hits kids when nobody's looking",
         "Mrs Pritchard QEHS grabbed a pupil by the neck in chemistry",
         "Mae Mr Beynon QEHS yn taro plant yn y stafell newid"],
        ["Someone wrote that Mr Beynon at QEHS hits kids. Not true, reported the post.",
         "Mr Beynon QEHS hits the ball further than any kid in the staff match"]),
    "secrecy asked of a child in Welsh": (
        ["mae fy ffrind i'n cael negeseuon gan ddyn ac mae o'n deud wrthi am beidio deud wrth neb, QEHS",
         "ma'n mêt i'n cael ei gadw ar ôl yn QEHS gan rywun sy'n deud wrtho am beidio dweud wrth neb",
         "Mr B at QEHS keeps my son behind and tells him not to tell anyone about their special chats"],
        ["QEHS surprise party for Mrs Howells on Friday, peidiwch â deud wrth neb!",
         "mae fy mêt i yn QEHS yn cadw cyfrinach am y parti pen-blwydd"]),
}


@pytest.mark.parametrize("text", [
    "Mr Beynon said he'll kill us if we're late for the QEHS coach again 😂",
    "Mrs Pritchard is going to murder us in the QEHS chemistry test tomorrow",
    "Bydd Mr Rees yn mynd i'n lladd ni os ni'n hwyr i QEHS eto",
    "QEHS year 8 lesson on Blodeuwedd: she plots to kill Lleu with her lover, what a story",
    "In English at QEHS we read the play where Macbeth is going to kill the king",
    "QEHS girls are going to kill them in the netball tonight, QEHS v Bro Myrddin 🏐",
    "Genod QEHS yn mynd i'w lladd nhw yn y gêm bêl-rwyd yn erbyn Ysgol Bro Myrddin heno",
    "Mr Beynon QEHS was arrested for hitting a man at the rugby, that's why he's off",
    "After a bomb hoax at a school in Leeds, QEHS reviewed its procedures; there was no threat to pupils",
    "The QEHS year 9 group chat is done with her after the fake story, everyone block",
    "Older lads pay them in trainers to carry bags from QEHS, they owe money now",
    "Mae'r bws i QEHS mor hwyr, dw i'n mynd i farw o oerfel 🥶",
])
def test_round3_hyperbole_lessons_sport_and_reports_are_not_threats(analyse: Analyse, text: str) -> None:
    assert "threat" not in categories(analyse(text))


@pytest.mark.parametrize("text", [
    "I'm going to kill Mr Beynon after the QEHS match, I mean it",
    "Mrs Howells QEHS I know where you live and I'm coming for you tonight",
    "If Mr Rees excludes my son again I will come down to QEHS and put him through the window",
    "we're coming for you Mr B, QEHS gates, 3:15",
])
def test_round3_a_threat_beside_those_words_stays_critical(analyse: Analyse, text: str) -> None:
    assert analyse(text)["severity"] == "critical"


@pytest.mark.parametrize("text", [
    "Wouldn't it be a tragedy if Miss Llwyd's tyres went flat on the A55. See you in Welsh, PoWHS crew",
    "Mae rhywun ar TikTok yn deud y bydd o'n gorffen be ddechreuodd o yn Ysgol Tywysog Cymru ddydd Gwener. Plis poeni.",
    "a lad in year 10 at PoWHS is sleeping in a tent behind the leisure centre, he's 15",
])
def test_round3_the_second_profile_too(powhs: Analyser, text: str) -> None:
    result = powhs.analyse({"id": "t", "text": text})
    assert result["relevant"] and result["severity"] == "critical"


# (category, kind) -> (posts that have the category, near misses that do not); round 3, words of their own.
ROUND3_OTHER: dict[tuple[str, str], tuple[list[str], list[str]]] = {
    ("harassment", "name-calling with any words before the insult"): (
        ["Mrs Pritchard at QEHS is a stuck up old witch", "Mr Rees QEHS you doddery old fossil",
         "Miss Jenkins is a clueless dinosaur #QEHS"],
        ["Mr Rees brought a real dinosaur fossil into QEHS science today", "Miss Jenkins took QEHS year 7 to see a dinosaur fossil at the museum"]),
    ("harassment", "someone told they are unwanted"): (
        ["Lili Griffiths nobody wants you at QEHS, don't come back", "Osian Bowen QEHS no one will ever love you",
         "Cai Llewelyn, does neb isio ti yn QEHS. Cer o 'ma."],
        ["Lili Griffiths QEHS we miss you, come back soon!", "Cai Llewelyn left QEHS for college, good luck"]),
    ("harassment", "mocking disability or looks"): (
        ["Osian Bowen at QEHS talks like a robot lol proper special", "Mrs Howells QEHS dresses like a bin bag lol",
         "Mr Beynon QEHS is literally a wardrobe with legs 💀"],
        ["Cai Llewelyn QEHS talks like a pro about robots, so proud", "QEHS sports day: Mr Beynon scored 10/10 in the egg and spoon"]),
    ("harassment", "Welsh name-calling"): (
        ["Mae Mrs Howells QEHS yn hen wrach wirion", "Mr Rees QEHS, yr hen ddeinosor", "Mae Miss Jenkins yn hurten, QEHS"],
        ["Chwaraeodd Miss Jenkins y wrach yn y panto QEHS", "Aeth Mr Rees â blwyddyn 7 QEHS i weld ffosil deinosor"]),
    ("disrepute", "a bad inspection"): (
        ["QEHS has been put in special measures after the inspection",
         "Estyn: Ysgol y Frenhines Elisabeth angen gwelliant sylweddol mewn addysgu",
         "Queen Elizabeth High Carmarthen rated inadequate for leadership"],
        ["QEHS is out of special measures after two years, well done all", "QEHS inspection: teaching rated excellent"]),
    ("disrepute", "parents taking a child out"): (
        ["We pulled our son out of QEHS after a year of excuses", "why I took my daughter out of Queen Elizabeth High, a thread",
         "Rydyn ni wedi tynnu'r plant o QEHS, digon yw digon"],
        ["took my son out of QEHS early for the dentist", "QEHS year 9 trip: we took our daughter out of the theatre at the interval, she was tired"]),
    ("disrepute", "dirty food, chaos, a bad look"): (
        ["mouldy sandwiches in the QEHS canteen again", "QEHS detentions are out of control, 30 kids a day",
         "QEHS staff filming a crying year 7, not a good look"],
        ["QEHS science club grew mould on bread for an experiment", "the snow at QEHS is out of control, snowball war"]),
    ("disrepute", "buildings in disrepair, exam blunders"): (
        ["pov: the roof at QEHS leaking into the sports hall again 💀", "no heating in QEHS classrooms all week, kids in coats",
         "QEHS entered half of year 11 for the wrong tier in maths", "Mae QEHS wedi rhoi'r papur anghywir i flwyddyn 10"],
        ["QEHS heating fixed over half term, thanks to the caretaker",
         "Make sure you don't sit the wrong paper, the QEHS mock timetable is on the website"]),
    ("defamatory", "dishonesty with marks, results or money"): (
        ["Mrs Pritchard fiddled the QEHS year 11 coursework marks", "QEHS cooked its GCSE results by off-rolling weaker pupils",
         "Mae Mr Beynon QEHS wedi bod yn gwerthu atebion arholiadau"],
        ["Mrs Pritchard cooked a lovely lunch for the QEHS governors", "Mr Beynon sold raffle tickets at the QEHS fair, raised £300"]),
    ("defamatory", "the one behind an offence"): (
        ["Osian Bowen QEHS is the one dealing vapes behind the gym", "Cai Llewelyn is the one who smashed the QEHS minibus window",
         "Lili Griffiths from QEHS is the one who leaked the exam paper"],
        ["Osian Bowen QEHS is the one who set the new 100m record", "Cai Llewelyn is the one who started the QEHS chess club"]),
    ("defamatory", "abuse reports ignored, a suspension for misconduct"): (
        ["Mrs Howells ignored reports of bullying at QEHS for months", "Mr Beynon QEHS was suspended in May for drinking on the trip",
         "Mr Rees covered up the abuse complaints at QEHS"],
        ["Mrs Howells read every report of bullying at QEHS herself", "The rumour that Mr Beynon QEHS was suspended for drinking is a complete lie"]),
}


@pytest.mark.parametrize("kind,text", [(f"{c}: {k}", t) for (c, k), posts in ROUND3_OTHER.items() for t in posts[0]])
def test_round3_each_kind_of_abuse_complaint_or_allegation_is_found(analyse: Analyse, kind: str, text: str) -> None:
    assert kind.split(":")[0] in categories(analyse(text)), kind


@pytest.mark.parametrize("kind,text", [(f"{c}: {k}", t) for (c, k), posts in ROUND3_OTHER.items() for t in posts[1]])
def test_round3_a_near_miss_of_each_kind_is_not(analyse: Analyse, kind: str, text: str) -> None:
    assert kind.split(":")[0] not in categories(analyse(text)), kind


@pytest.mark.parametrize("text", [
    "Someone commented calling Mrs Howells QEHS 'a useless cow'. That's not ok. Report the comment please.",
])
def test_round3_abuse_quoted_to_condemn_it_is_not_harassment(analyse: Analyse, text: str) -> None:
    assert "harassment" not in categories(analyse(text))


@pytest.mark.parametrize("text,relevant", [
    ("mrs p gave me another detention for nothing", True),
    ("Mr B took my phone in class again, joke", True),
    ("ms p marked my coursework wrong, raging", True),
    ("Mr B said the parcel will come on Tuesday", False),
    ("mrs p from the bakery gave me extra cake", False),
])
def test_round3_an_initial_alias_reaches_the_pipeline_and_counts_with_a_school_setting(analyse: Analyse, text: str,
                                                                                       relevant: bool) -> None:
    # "Mrs P", "Mr B": no word long enough for the quick pre-check; with a setting ("detention") the item is relevant
    assert analyse(text)["relevant"] is relevant


# -- round 4 (indep3): a member of staff named as pupils and parents name teachers, with no school name or place --
ROUND4_RELEVANT: dict[str, tuple[list[str], list[str]]] = {
    "a member of staff addressed by title and surname or alias": (
        ["Mr Beynon = the grumpiest man alive lol",
         "Diolch i Mrs Howells am fod mor garedig wrth fy merch",
         "Gwylia dy gefn, Mr B.",
         "honestly Miss Jenkins is a legend, best in the building",
         "mrs p never replies to emails, typical"],
        ["Mr Beynon, 47, of Ammanford was fined £300 by magistrates",
         "Singer Mrs Howells releases her new album this week",
         "Mr B is the best barber in Swansea, hands down",
         "Dr Rees from Aberaeron completes a charity swim"]),
    "a full name with a word of school life": (
        ["Catrin Jenkins cant teach to save her life",
         "Rhian Pritchard yn dwyn o'r science budget, ffaith",
         "Tomos Beynon made the kids run laps in the rain again",
         "Dafydd Rees and his stupid phone ban, what a joke"],
        ["Striker Tomos Beynon scores twice for Llanelli Town, the kids in the crowd loved it",
         "Catrin Jenkins of Bridgend completes a charity swim for the kids' hospice",
         "Siân Howells, 41, from Newport wins regional baker of the year"]),
    "a surname alone with a member of staff in post": (
        ["Beynon better enjoy his last week as head",
         "Jenkins won't last long as head of year"],
        ["Beynon scored a try as the Scarlets won", "Jenkins is the name on the van outside"]),
}


@pytest.mark.parametrize("construction,text", _cases(ROUND4_RELEVANT, 0))
def test_round4_a_post_of_each_construction_is_relevant(analyse: Analyse, construction: str, text: str) -> None:
    result = analyse(text)
    assert result["relevant"] is True, result
    assert refs(result, "staff")


@pytest.mark.parametrize("construction,text", _cases(ROUND4_RELEVANT, 1))
def test_round4_a_namesake_of_each_construction_is_not_relevant(analyse: Analyse, construction: str, text: str) -> None:
    assert analyse(text)["relevant"] is False


@pytest.mark.parametrize("text", [
    "Mr Hughes ydy'r athro gorau, mae'r plant i gyd yn ei garu",
    "Miss Llwyd shouted at the whole class for nothing today",
    "Mr E-O made us do bleep tests for an hour",
])
def test_round4_the_second_profile_too(powhs: Analyser, text: str) -> None:
    result = powhs.analyse({"id": "t-1", "text": text})
    assert result["relevant"] is True and refs(result, "staff")


@pytest.mark.parametrize("text", [
    "Gwilym Hughes, ffermwr o Fôn, yn ennill gwobr am ei ddefaid",
    "Mr Hughes the butcher in Caernarfon does the best sausages",
    "Marc Ellis-Owen the actor stars in a new drama",
])
def test_round4_namesakes_in_the_second_profile_are_not(powhs: Analyser, text: str) -> None:
    assert powhs.analyse({"id": "t-1", "text": text})["relevant"] is False


@pytest.mark.parametrize("text", [
    "Would be a real pity if Mrs Pritchard's car windows all went in one night",
    "Mr Beynon, I'm going to batter you when I see you outside Tesco",
    "mrs howells lives at 14 heol y dderwen SA31, go round and ask her why she did nothing",
])
def test_round4_cues_fire_once_a_teacher_named_alone_is_relevant(analyse: Analyse, text: str) -> None:
    result = analyse(text)
    assert result["relevant"] is True
    assert categories(result) & {"threat", "harassment", "identifying"}


# Round 5 (indep4): classes of wording the fourth independent set showed missing.
ROUND5_CRITICAL: dict[str, tuple[list[str], list[str]]] = {
    "a person said to be dead when they next appear": (
        ["Lili Griffiths from QEHS is dead when she steps off the school bus tomorrow",
         "Osian Bowen, QE High: he's dead the minute he walks through those gates",
         "Meg Thomas-Price is dead once she gets out of QEHS today, tell her"],
        ["Mrs P's phone is dead when she gets to QEHS every morning, so email the office instead",
         "The QE High disco is dead when the year 11s leave lol"]),
    "a bomb or arson hoax urged to be real": (
        ["whoever rang in the bomb scare at QEHS, next time make it real",
         "shame the device at QE High wasn't real, pity it wasnt real",
         "QEHS fire alarm prank again, someone pour petrol and do it for real"],
        ["QEHS drama: the dragon puppet looked fake, make it real next year for the show",
         "Make it real: QE High's careers week brings real employers into school"]),
    "an adult asking a child to delete messages or calling them special": (
        ["A QEHS teacher messages a year 9 girl at night and tells her to delete their messages",
         "My daughter's teacher at QE High buys her presents and says she's special, that's not right",
         "Mr at QEHS gives a Year 10 boy lifts home and told him to delete the chats"],
        ["QEHS IT lesson today: how to delete old messages and keep your phone tidy",
         "Delete the texts about the QE High quiz, the answers changed"]),
    "a child who cannot or dare not go home": (
        ["A girl in QEHS uniform was crying at the bus stop saying she can't go home tonight",
         "my friend in year 9 at QE High is too scared to go home, her stepdad is back",
         "Mae fy ffrind ym mlwyddyn 8 yn QEHS ofn mynd adra heno"],
        ["QEHS trip: the kids can't go home tonight because the trains are cancelled in the snow",
         "QE High residential: the pupils can't go home tonight, they're staying at the outdoor centre"]),
}


@pytest.mark.parametrize("construction,text", _cases(ROUND5_CRITICAL, 0))
def test_round5_a_post_of_each_construction_is_critical(analyse: Analyse, construction: str, text: str) -> None:
    assert analyse(text)["severity"] == "critical"


@pytest.mark.parametrize("construction,text", _cases(ROUND5_CRITICAL, 1))
def test_round5_a_near_miss_of_each_construction_is_not_critical(analyse: Analyse, construction: str,
                                                                 text: str) -> None:
    assert analyse(text)["severity"] != "critical"


ROUND5_FLAGS: dict[str, tuple[str, list[str], list[str]]] = {
    "dishonesty with records stated as fact": ("defamatory", [
        "Rhian Pritchard changes the science grades of kids whose parents she likes. QEHS",
        "Mr Beynon from QE High makes up detention records for pupils he hates",
        "Dafydd Rees sells exam answers to QEHS parents for cash",
    ], [
        "Rhian Pritchard changed the homework deadline at QEHS, results day is still Thursday",
        "Mr Beynon at QE High explained how the exam papers are marked",
    ]),
    "a crime stated as fact": ("defamatory", [
        "Tomos Beynon was done for drink driving before he came to QEHS",
        "Mrs P from QE High got arrested for shoplifting last year, everyone knows",
        "Catrin Jenkins (QEHS) was convicted of fraud in her last job",
    ], [
        "Tomos Beynon was thanked for his years at QEHS",
        "Mrs P from QE High was praised for the school play",
    ]),
    "a string of insults or mockery aimed at a named person": ("harassment", [
        "Tomos Beynon, fat lazy clown, worst teacher at QE High",
        "Mrs P at QEHS: bitter, petty and useless",
        "osian bowen from qehs cried in french again what a baby",
        "cai llewelyn (QE High) is the weirdest kid alive, he smells",
    ], [
        "Mrs P at QE High ran the lazy, sunny sports day",
        "Osian Bowen from QEHS looked after the baby lambs on the farm visit",
    ]),
}


def _flag_cases(which: int) -> list[tuple[str, str, str]]:
    return [(name, cat, text) for name, (cat, posts, misses) in ROUND5_FLAGS.items()
            for text in (posts if which == 0 else misses)]


@pytest.mark.parametrize("construction,category,text", _flag_cases(0))
def test_round5_a_post_of_each_construction_is_flagged(analyse: Analyse, construction: str, category: str,
                                                       text: str) -> None:
    assert category in categories(analyse(text))


@pytest.mark.parametrize("construction,category,text", _flag_cases(1))
def test_round5_a_near_miss_of_each_construction_is_not(analyse: Analyse, construction: str, category: str,
                                                        text: str) -> None:
    assert category not in categories(analyse(text))


@pytest.mark.parametrize("text", [
    "Dafydd Rees took a backhander from the builders for the new block",
    "Rees, y prifathro, y dyn mwya diog yn y sir",
    "Catrin Jenkins: smug and two-faced, typical of that staff room",
    "Mae Rhian Pritchard wedi ei diswyddo o'i hysgol ddiwetha",
])
def test_round5_a_role_or_a_word_of_school_life_makes_a_staff_name_relevant(analyse: Analyse, text: str) -> None:
    result = analyse(text)
    assert result["relevant"] is True and refs(result, "staff")


@pytest.mark.parametrize("text", [
    "Mae Lili Griffiths o Aberaeron wedi agor caffi newydd ar y prom",
    "Osian Bowen walking the dog along the prom this morning",
])
def test_round5_the_promenade_or_a_new_cafe_is_a_namesake_not_the_school(analyse: Analyse, text: str) -> None:
    assert analyse(text)["relevant"] is False


def test_round5_a_double_barrelled_initial_is_not_versus(powhs: Analyser) -> None:
    result = powhs.analyse({"id": "t-1", "text": "Nia V-L from PoW High is dead when she gets off the bus tomorrow"})
    assert result["severity"] == "critical"
    assert "threat" in categories(result)


ROUND5_DISREPUTE: tuple[list[str], list[str]] = (
    ["QE High, Carmarthen: one star. Bullying ignored and the office never rings back",
     "the QEHS sports hall ceiling literally caved in during PE, place is held together with duct tape",
     "Bwyd ffreutur QEHS yn afiach, llygod yn y gegin eto",
     "Ysgol y Frenhines Elisabeth: dwy seren. Dim cyfathrebu o gwbl",
     "QEHS coursework fiasco: year 11 marks sent in late"],
    ["QEHS netball: two stars of the match, well done Lili and Megan",
     "QE High science: we dissected owl pellets and found tiny mouse bones, brilliant lesson"],
)


@pytest.mark.parametrize("text", ROUND5_DISREPUTE[0])
def test_round5_a_school_failing_is_disrepute(analyse: Analyse, text: str) -> None:
    assert "disrepute" in categories(analyse(text))


@pytest.mark.parametrize("text", ROUND5_DISREPUTE[1])
def test_round5_a_near_miss_of_a_school_failing_is_not(analyse: Analyse, text: str) -> None:
    assert "disrepute" not in categories(analyse(text))


@pytest.mark.parametrize("text", [
    "Rees is a gutless excuse of a man, a total joke of a head. QEHS",
    "Mr Beynon at QE High is a joke of a teacher, spineless and gutless",
    "Mrs P, QEHS: what a joke of a woman, bitter and petty",
])
def test_round5_a_person_called_a_joke_is_harassment_not_disrepute(analyse: Analyse, text: str) -> None:
    found = categories(analyse(text))
    assert "harassment" in found and "disrepute" not in found


@pytest.mark.parametrize("text", ["QEHS is a joke of a school, a total shambles",
                                  "QE High staff are a total joke, never answer the phone"])
def test_round5_the_school_called_a_joke_is_still_disrepute(analyse: Analyse, text: str) -> None:
    assert "disrepute" in categories(analyse(text))


@pytest.mark.parametrize("text", [
    "Lili Griffiths (QEHS) told us she's been burning herself with a lighter, please don't tell",
    "my mate at QE High has been burning himself with matches and lighter fluid since summer",
    "Mae Osian Bowen o QEHS yn llosgi ei hun efo taniwr, mae o'n cuddio fo",
])
def test_round5_burning_oneself_is_self_harm_not_arson(analyse: Analyse, text: str) -> None:
    found = categories(analyse(text))
    assert "threat" not in found and "safeguarding" in found


@pytest.mark.parametrize("text", ["QEHS is going to burn tonight, I've got the petrol",
                                  "Mr Beynon QEHS, your car will burn, lighter fluid is ready"])
def test_round5_fire_and_fuel_aimed_at_others_is_still_a_threat(analyse: Analyse, text: str) -> None:
    assert "threat" in categories(analyse(text))


# -- the constructions of rounds 1 to 3: each post critical, each near miss not -------------------------------------

THREAT_TABLES = (THREATS, ROUND2_THREATS, ROUND3_THREATS)
DISCLOSURE_TABLES = (DISCLOSURES, ROUND2_DISCLOSURES, ROUND3_DISCLOSURES)


@pytest.mark.parametrize("construction,text", [case for table in THREAT_TABLES for case in _cases(table, 0)])
def test_a_threat_of_each_construction_is_critical(analyse: Analyse, construction: str, text: str) -> None:
    result = analyse(text)
    assert result["severity"] == "critical" and "threat" in categories(result), construction


@pytest.mark.parametrize("construction,text", [case for table in DISCLOSURE_TABLES for case in _cases(table, 0)])
def test_a_disclosure_of_each_construction_is_critical(analyse: Analyse, construction: str, text: str) -> None:
    result = analyse(text)
    assert result["severity"] == "critical" and "safeguarding" in categories(result), construction


@pytest.mark.parametrize("construction,text",
                         [case for table in THREAT_TABLES + DISCLOSURE_TABLES for case in _cases(table, 1)])
def test_a_near_miss_of_each_construction_is_not_critical(analyse: Analyse, construction: str, text: str) -> None:
    assert analyse(text)["severity"] != "critical", construction
