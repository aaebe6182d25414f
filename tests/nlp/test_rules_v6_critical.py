"""Rules v6, critical categories: compositional threat and safeguarding rules (cues-threat-v6.jsonl,
cues-safeguarding-v6.jsonl, the "critical" parts of parts-v6.jsonl) for kinds of post the opened independent sets
showed missing. For each kind: three or more posts in words of their own (Welsh where the kind occurs in Welsh) that
must be critical with the right category, and two near misses (the same words in a harmless sense) that must not be
critical. Every person and post here is fictional, written for these tests (people from profiles/example.toml)."""

from __future__ import annotations

import pytest

from tests.nlp.conftest import Analyse
from tests.nlp.helpers import categories

# (kind of post, posts that are threats, near misses that are not critical)
THREATS: dict[str, tuple[list[str], list[str]]] = {
    "an accident wished on a person": (
        ["here's hoping Mr Beynon's minibus crashes on the way to the QEHS ski trip",
         "Fingers crossed Mrs Howells falls off the stage at the QEHS carol service and never comes back",
         "Y peth gorau allai ddigwydd i QEHS fyddai i fws Mr Rees gael damwain ar y trip"],
        ["fingers crossed the QEHS minibus doesn't break down again on the Year 8 trip, Mr Beynon",
         "Here's hoping Mrs Howells is back at QEHS soon, heard the coach crashed on the M4 but nobody was hurt"]),
    "seeing to it that harm comes": (
        ["Mr Rees ruined my family. QEHS will regret it and I'll see to that.",
         "Here's hoping Mrs Pritchard never comes back to QEHS after Easter. I can arrange that.",
         "Mae Mr Beynon wedi difetha bywyd fy merch yn QEHS. Wna i'n siŵr ei fod o'n talu.",
         "One day Mr Beynon will get hurt badly on his way home from QEHS. I'll make sure of it.",
         "Mrs Pritchard at QEHS won't be marking any more papers after Friday, I'll see to that"],
        ["Mr Beynon's car got damaged in the crash but QEHS will get it fixed, I'll make sure of it",
         "I hope the QEHS Year 11s have a great prom, Mrs Howells will make sure of it",
         "QEHS lost the cup final and Mr Beynon says he'll see to it that the team trains harder"]),
    "damage to someone's car or home suggested": (
        ["Mr Beynon's new car would look better with a brick through the back window. someone should. QEHS",
         "lucky nobody's keyed Mrs Howells' car yet, it's only a matter of time. QEHS",
         "Dylai rhywun daflu bricsen drwy ffenest Mr Rees, QEHS",
         "Someone should let the air out of Mrs Howells' tyres and then wait for her, QEHS",
         "Someone's gonna do Mrs Howells' windows in one night, QEHS, just watch"],
        ["A stone cracked Mrs Pritchard's windscreen on the way to QEHS, Autoglass are coming to fix it",
         "Someone put a brick through the QEHS minibus window last night and police are appealing for witnesses"]),
    "tampering with food or drink": (
        ["someone should slip something into Mr Beynon's tea at QEHS",
         "sum1 shud spike the QEHS staff room brew innit",
         "Dylai rhywun roi rhywbeth yn y coffi yn QEHS bore fory",
         "QEHS staff room coffee is getting a little extra tomorrow 😈 someone should do it"],
        ["Can someone put something in the QEHS staff room kettle to descale it? The limescale is disgusting",
         "Dylai rhywun roi rhywbeth yn y tegell newydd i'w lanhau, mae'n llawn calch. QEHS"]),
    "an attack hinted at for a gathering or a day": (
        ["QEHS Friday assembly. I've got something planned 💣",
         "Thursday at QEHS is going to be loud. Months of planning 💣",
         "QEHS prom is going to be one nobody forgets, I've made sure of that 💣",
         "Gwasanaeth QEHS bore Llun 💣 gewch chi weld",
         "Something's happening in the QEHS canteen at lunch on Monday. Been planning it. That's all I'll say."],
        ["QEHS leavers' party on Friday is going to be the bomb 💣🎉",
         "💣 what a goal from Osian Bowen in the QEHS match on Saturday"]),
    "a warning not to go home alone or late": (
        ["If I were Mrs Pritchard I wouldn't walk home from QEHS on her own tonight.",
         "Mr Beynon QEHS shouldn't walk home alone after parents' evening. Just saying.",
         "Well i Mrs Howells beidio â mynd adre'n hwyr heno. QEHS"],
        ["Mrs Howells told the QEHS Year 7s not to walk home alone tonight because of the ice, stay safe",
         "Mum says not to go home late tonight from the QEHS disco, she'll pick me up"]),
    "lying in wait, in Welsh": (
        ["Mr Rees, dw i'n aros amdanat ti wrth dy gar heno. QEHS",
         "Bydda i'n aros amdano fo ger y gampfa heno, Mr Beynon QEHS",
         "Ar ôl be wnest ti i fy merch, Mrs Howells, mi fydda i'n aros amdanat ti. QEHS"],
        ["Bydda i'n disgwyl amdanat ti yn y maes parcio ar ôl y gêm fawr, Mr Beynon! QEHS yn erbyn Bro Myrddin",
         "Mrs Howells, mi fydda i'n disgwyl amdanat ti tu allan i QEHS i fynd i'r parti pen-blwydd"]),
    "harm to the face or body, in Welsh": (
        ["Mr Rees QEHS, wna i ddyrnu dy wyneb di tro nesa",
         "Bydda i'n cicio ei ben o ar ôl ysgol, Osian Bowen QEHS",
         "Mrs Howells QEHS, dw i'n mynd i chwalu dy drwyn di"],
        ["Cai Llewelyn QEHS wedi curo ei ben ar y drws, druan",
         "Bydd Osian Bowen yn malu ei ben yn y gêm fawr yn erbyn Bro Myrddin, QEHS"]),
    "someone will get it, in Welsh": (
        ["Tro nesa ti'n gweiddi ar fy mab, Mr Rees, gei di hi go iawn. QEHS",
         "Miss Jenkins o QEHS, ar ôl be wnest ti i fy mab gei di hi",
         "Osian Bowen QEHS, mae o'n mynd i gael hi go iawn am be wnaeth o"],
        ["Ti'n mynd i gael hi go iawn gan dy fam am fod yn hwyr o QEHS 😂",
         "Mr Beynon QEHS: gei di weld y canlyniadau fory"]),
    "coming with more than words": (
        ["If QEHS ignores me again I'll be coming in with more than a letter.",
         "Mr Rees has ignored three complaints. I'm coming to QEHS on Monday with more than words.",
         "Dw i wedi sgwennu digon o e-byst i QEHS. Tro nesa, bydd hi'n fwy na llythyr, Mr Rees.",
         "Another detention for my son and I'm coming into QEHS, and I won't go quietly."],
        ["I'm coming to QEHS with more than a letter: a petition signed by 300 parents",
         "The QEHS newsletter is more than a letter these days, it's a magazine"]),
    "a warning to check under a car": (
        ["Mr Beynon, I'd check your brakes before the drive home tonight if I were you. just saying. QEHS",
         "Mr Beynon should check his brakes before he leaves QEHS tonight 😉 just saying",
         "Mrs Howells, baswn i'n edrych o dan dy gar bore fory. Dim ond deud. QEHS"],
        ["Cold snap: QEHS staff, check under your car for cats before you drive off",
         "Mr Beynon's QEHS mechanics club: check your brakes and tyres before the MOT"]),
    "how easy it would be to get in": (
        ["Have you seen how easy it is to get into QEHS after dark? someone should find out 😈",
         "The QEHS back door never locks. How easy it would be to walk in at night 🤔",
         "Pa mor hawdd fyddai mynd i mewn i QEHS yn y nos? Rhywun angen ffeindio allan."],
        ["How easy it would be to get into QEHS sixth form with a B in maths? asking for my daughter",
         "Pa mor hawdd ydy cael lle yn QEHS ar gyfer Blwyddyn 7?"]),
    "getting what is coming": (
        ["One day soon QEHS gets what's coming to it, you watch",
         "QEHS staff are all getting what's coming to them, starting with Mr Rees",
         "Mae QEHS yn mynd i gael ei haeddiant, Mr Rees"],
        ["QEHS Year 11 finally got the results they deserve 🎉",
         "QEHS finally gets what it deserves: a new sports hall, well done everyone"]),
    "something worse than an everyday thing brought in": (
        ["Next time Mrs Howells keeps me behind I'll come into QEHS with something sharper than my pencil case.",
         "QEHS thinks a letter will stop me. Next week I'll bring something worse than a letter.",
         "Mrs Howells, fory dw i'n dod i QEHS efo rhywbeth gwaeth na llythyr"],
        ["QEHS DT: bring something sharper than a pencil for the woodwork lesson, Mr Beynon says chisels are provided",
         "I'll bring something bigger than a cake to Mrs Howells' QEHS leaving party 🎉"]),
    "a fire drill made real or exits chained": (
        ["Next QEHS fire alarm won't be a drill 🔥 and the exits will be chained",
         "QEHS, imagine the fire alarm going off and every exit locked. Thursday. 🔥",
         "Larwm tân yn QEHS dydd Gwener, a'r drysau ddim yn agor 🔥"],
        ["QEHS fire drill today, we all thought it was a real one 😂",
         "Fire alarm at QEHS was just a drill, the doors were open and everyone was out in 3 minutes"]),
    "a warning not to go in after a rumoured surprise": (
        ["My cousin says something big is planned at QEHS on Monday, keep your kids off school.",
         "Clywais i fod rhywbeth mawr yn digwydd yn QEHS ddydd Iau. Peidiwch â mynd i mewn.",
         "QEHS last day of term: something big is planned. Stay off school."],
        ["QEHS is closed on Friday for an inset day, don't come in",
         "Surprise party for Mrs Howells on Friday in the QEHS staff room, don't go in before 3!"]),
    "they won't know what hit them": (
        ["Mr Beynon won't know what hit him after school tomorrow. QEHS",
         "osian bowen qehs wont no wot hit him on friday",
         "Fydd Mr Rees ddim yn gwybod be darodd o. QEHS"],
        ["Mr Beynon says the QEHS timetable changes are so fast the Year 7s won't know whether to laugh or cry",
         "QEHS netball will know what hit them: Saturday's final was a thrashing 😂"]),
    "sleep with one eye open": (
        ["Sleep with one eye open, Mr Beynon. QEHS",
         "I'd sleep with one eye open if I were Mr Rees. QEHS",
         "Mrs Pritchard QEHS, byddwn i'n cysgu efo un llygad ar agor tasen i'n ti."],
        ["QEHS Year 7 sleepover: Mr Beynon slept with one eye open all night at the film marathon",
         "Ar y trip QEHS fe gysgodd Mr Rees gydag un llygad ar agor yn y ffilm"]),
    "sorting someone out, in Welsh": (
        ["Mae Osian Bowen o QEHS yn mynd i gael ei sortio allan ar ôl ysgol fory",
         "Dw i am sortio Lili Griffiths allan heno, QEHS",
         "Dw i'n mynd i sortio Mr Beynon allan heno. QEHS"],
        ["Wna i sortio gwaith cartref Cai Llewelyn allan fory, QEHS",
         "Mrs Howells yn sortio'r amserlen allan i QEHS heddiw"]),
    "a grave sign with a day and revenge": (
        ["QEHS. Talu'n ôl. Dydd Gwener am 9. 🪦",
         "QEHS. Friday. You know who you are. 🪦",
         "Monday at QEHS is payback time 🪦"],
        ["QEHS remembrance service on Monday 🪦 in memory of the fallen",
         "Mr Beynon's QEHS rugby team got buried on Saturday 🪦"]),
    "a face or head to meet something hard": (
        ["Mr Beynon keeps this up and his head is going to meet the lockers. QEHS",
         "Mr Rees QEHS, drop me from the team again and your head is going to meet the wall",
         "Os ydy Mrs Howells yn gweiddi eto mae ei wyneb o'n mynd i gwrdd â'r drws. QEHS"],
        ["QEHS rugby: Osian Bowen's face met the mud every Saturday this season 😂",
         "Mr Beynon's face when the QEHS results came in 😂"]),
    "harm told as its result or destination": (
        ["Mr Beynon's going to end up in hospital if he touches my son again. QEHS",
         "Mrs Howells better get used to hospital food. QEHS",
         "Os ydy Mr Rees yn cyffwrdd fy chwaer eto fydd pob asgwrn yn ei gorff wedi torri. QEHS",
         "Mr Beynon calls my mum again and he'll be finding his teeth on the QEHS floor"],
        ["Mr Beynon from QEHS is in hospital after a fall, get well soon sir 💐",
         "Every bone in my body aches after the QEHS cross-country, Mr Beynon is a machine 😂"]),
    "an ultimatum, or people will be hurt": (
        ["QEHS has until Monday to reverse my daughter's exclusion or I'll handle it myself",
         "If QEHS doesn't deal with it, somebody will get hurt and it won't be my son",
         "Mae gan QEHS tan ddydd Llun i wneud rhywbeth neu dwi'n dod mewn fy hun"],
        ["QEHS parents: you've got till Friday to return the trip forms or your child can't go",
         "Somebody will get hurt on the QEHS stairs if they don't fix the handrail"]),
    "a call to attack the school or its people": (
        ["Everyone meet at the QEHS gates Monday 9am, bring something heavy, time to teach them a lesson",
         "Every QEHS teacher is a target now. Friday.",
         "Dewch at giât QEHS ddydd Mawrth, dewch â rhywbeth trwm"],
        ["Mr Beynon will teach Year 9 a lesson on fractions on Monday at QEHS",
         "QEHS darts club: bring whatever you've got, the target board is new 🎯"]),
    "the target's family or home watched": (
        ["Mr Rees's kids aren't safe either, tell him that. QEHS",
         "Sat outside Mrs Howells' house again tonight. Her lights go off at 10:30. QEHS",
         "Dyw plant Mr Beynon ddim yn saff chwaith. QEHS"],
        ["QEHS: the old science block isn't safe either, the roof is leaking",
         "Mrs Howells' house lights go off at 11 on the QEHS charity switch-off night 🎉"]),
    "the target will be found": (
        ["I'll find you, Mr Beynon, and you'll regret what you did to my son at QEHS",
         "Mi ffeindia i di, Mrs Howells, ar ôl be wnest ti. QEHS",
         "Mr Rees ruined my daughter's year at QEHS. I will find him."],
        ["I'll find you a seat at the QEHS concert, Mrs Howells, save me one too",
         "Wna i dy ffeindio di wrth y giât ar ôl y parti, Lili! QEHS"]),
    "the school will burn": (
        ["Bydd QEHS yn llosgi i'r llawr cyn diwedd y tymor, gewch chi weld",
         "QEHS will burn one night soon. Every classroom. Mark my words",
         "QEHS is getting a petrol bomb through the window on Friday"],
        ["QEHS sports day: Year 7 will burn in this sun, bring sun cream",
         "Mr Beynon will burn the toast again at the QEHS breakfast club 😂"]),
    "a target told to lock their doors": (
        ["Mr Rees from QEHS, lock your doors tonight. You know what you did.",
         "Mrs Howells, gwell i ti gloi dy ddrysau heno. QEHS",
         "Athrawon QEHS: cloiwch eich drysau. Amser dial."],
        ["QEHS parents: police advice after the burglaries, lock your doors tonight",
         "Mrs Howells reminds QEHS staff to lock their doors in the storm tonight"]),
    "regret promised with a vow": (
        ["Bydd pawb yn QEHS yn difaru hyn, dwi'n addo",
         "Mr Rees, you will regret this, mark my words. QEHS",
         "Everyone at QEHS who laughed is gonna be sorry, I swear"],
        ["QEHS Year 11: you will regret this if you don't revise, I promise! Mrs Howells",
         "You'll all regret missing the QEHS Christmas party, I swear 🎉"]),
    "an event to be cancelled for safety": (
        ["Parents, skip the QEHS Christmas concert this year. Trust me, it's for your own good.",
         "Peidiwch dod i'r mabolgampau yn QEHS eleni. Er eich lles chi.",
         "QEHS should stay away from the prom on Friday, for your own good"],
        ["QEHS sports day cancelled for your own safety because of the storm warning",
         "Trust me, wear boots to the QEHS field day, it's for your own good, the ground is flooded"]),
    "the target with nobody to help": (
        ["Mr Beynon, the QEHS car park at night, nobody around to help. Think about it.",
         "Carry on, Mrs Howells. Let's see what happens to your face then. QEHS",
         "Miss Jenkins thinks she can humiliate my daughter at QEHS. Let's see how brave she is in an empty car park.",
         "Mr Rees, maes parcio QEHS, neb o gwmpas i'w helpu fo. Meddylia am y peth."],
        ["QEHS book club: I'll tell you how it ends, Mr Beynon, the detective finds nobody around to help him in the novel",
         "See what happens to your plants when you water them, Mrs Pritchard's QEHS science lesson"]),
    "told they are not safe": (
        ["QEHS staff think they're safe behind the new gates. They aren't.",
         "Mr Beynon thinks he's safe at QEHS. Think you're safe, sir? Think again.",
         "Mae QEHS yn meddwl bod nhw'n saff. Camgymeriad."],
        ["Think you're safe crossing outside QEHS? The traffic says otherwise, we need a crossing",
         "QEHS Year 7: think you're safe online? Mrs Howells' e-safety lesson says think again"]),
    "a bomb said to be placed at the school": (
        ["Bom wedi'i osod yn neuadd QEHS am 2 heddiw. Ewch allan.",
         "There's a bomb in the QEHS sports hall, don't come in tomorrow",
         "Mae 'na fom yn y ffreutur QEHS. Dim jôc."],
        ["There was a bomb scare at QEHS last week, police say it was a hoax",
         "QEHS history talk on the bomb in the 1940s, in the hall on Friday"]),
    "a fight proposed": (
        ["Mr Beynon, you and me, outside QEHS after school, let's settle this 👊",
         "Mr Rees QEHS, meet me outside after school, you and me 👊",
         "Mr Beynon, dere tu allan ar ôl ysgol QEHS, gawn ni setlo hyn fel dynion"],
        ["QEHS boxing club: Mr Beynon says square up and keep your guard high 🥊 at training",
         "Meet me outside the QEHS library after school, Lili, we can walk home together"]),
    "those who reported told they are known": (
        ["To the snitch who reported my brother at QEHS: I know who you are. See you Monday.",
         "Pwy bynnag wnaeth achwyn am fy mab yn QEHS: dwi'n gwybod pwy wyt ti. Dydd Gwener.",
         "I know who you are, the one who reported my son to Mr Rees at QEHS. Watch yourself."],
        ["QEHS Secret Santa: we know who you are, thank you for the lovely present 🎁🎉",
         "We know who you are, QEHS Year 11 volunteers, and we're so grateful"]),
    "told to look over their shoulder": (
        ["Athrawon QEHS, gwell i chi edrych dros eich ysgwydd o hyn ymlaen.",
         "Mr Beynon better keep looking over his shoulder at QEHS, we're coming",
         "QEHS staff, look over your shoulder on Monday. That's all."],
        ["QEHS driving lesson tip: look over your shoulder before you pull out of the car park",
         "Mr Beynon taught the QEHS rugby team to look over their shoulder for the pass"]),
    "the target's last time": (
        ["Mr Beynon from QEHS better enjoy his weekend, it'll be his last one",
         "Enjoy it while you can, Mrs Howells. QEHS",
         "Mr Rees, mwynha fo tra medri di. QEHS"],
        ["Mr Beynon's last one before he retires from QEHS, enjoy it while you can! 🎉",
         "Enjoy it while you can, Year 11: only two weeks of QEHS left before study leave, well done all"]),
    "waiting for someone somewhere dark or alone": (
        ["Gonna wait for Mr Rees by the QEHS staff car park after dark, he knows why",
         "I'll be waiting for her on her own after school, Mrs Howells knows why. QEHS",
         "Waiting for Mr Beynon in the QEHS car park tonight. You know why."],
        ["Gonna wait for Mr Rees by the QEHS staff car park after the concert to say thanks",
         "Waiting for Mum in the QEHS car park tonight after parents' evening"]),
    "fire exits or the fire brigade to be ready": (
        ["QEHS better have the fire exits working on Monday, just saying 🔥",
         "QEHS assembly on Friday. Better have the fire brigade on standby. That's all I'll say.",
         "Gobeithio bod allanfeydd tân yn gweithio yn QEHS dydd Llun. Dim ond deud. 🔥"],
        ["QEHS better have the fire exits clear for the inspection on Monday",
         "Fire drill at QEHS: fire exits working, fire officer happy, well done everyone"]),
}

SAFEGUARDING: dict[str, tuple[list[str], list[str]]] = {
    "possessions given away with withdrawal": (
        ["Osian Bowen from QEHS gave away all his games and his bike this week and has stopped talking to anyone",
         "Lili Griffiths from QEHS is giving her stuff away to everyone and has stopped eating",
         "Mae Cai Llewelyn o QEHS wedi rhoi ei Xbox a'i ddillad i ffwrdd ac yn ffarwelio efo pawb"],
        ["Clearing out: Osian Bowen QEHS is giving away all his old Lego and selling the rest on Vinted",
         "Lili Griffiths gave me her QEHS netball bib for the match, she's off sick"]),
    "nothing matters ever again": (
        ["this term at QEHS is my last, then nothing will matter ever again, I'm done 🪦",
         "doesn't matter, it won't matter soon. QEHS can keep their detentions",
         "Fydd dim ots cyn hir. QEHS, diolch am ddim byd."],
        ["RIP my phone 🪦 dropped it on the QEHS stairs lol",
         "this QEHS homework won't matter soon, the deadline got moved"]),
    "not wanting to live, in Welsh": (
        ["Sa i'n moyn byw fel hyn, QEHS yn uffern bob dydd",
         "Sai moyn bod yn fyw rhagor, mae QEHS yn ormod",
         "Bysa pawb yn QEHS yn hapusach hebdda i, go iawn.",
         "Bob bore ar y ffordd i QEHS dwi'n meddwl am neidio oddi ar y bont."],
        ["Dwi ddim isio byw yn Llundain, well gen i aros yng Nghaerfyrddin ar ôl QEHS",
         "Sai moyn byw yn Abertawe, QEHS yw'r ysgol orau"]),
    "not being around, in Welsh": (
        ["Fydda i ddim o gwmpas i weld yr haf. Sori mam. QEHS",
         "Dwi'n meddwl diflannu am byth. Fyddai neb yn QEHS yn malio.",
         "Fydda i ddim yma ar ôl y Pasg. Diolch am bopeth, QEHS."],
        ["Fydda i ddim yma dydd Llun, mae gen i apwyntiad deintydd. QEHS",
         "Mae'r gath wedi diflannu eto 😂 QEHS"]),
    "an adult coming into a child's room at night": (
        ["When mum works nights her boyfriend comes into my room and tells me to keep quiet. Year 9, QEHS",
         "Lili Griffiths QEHS says someone comes in her room at 2am and she's too scared to tell anyone",
         "Mae o'n dod i fy stafell i ganol nos ac yn deud bod rhaid i mi gadw'n ddistaw. Blwyddyn 8 QEHS"],
        ["My cat comes into my room at night and sleeps on my head lol, QEHS mornings are rough",
         "Mam yn dod i fy stafell i bob bore i'm deffro i QEHS"]),
    "a child locked in, in Welsh": (
        ["Mae llystad Cai Llewelyn o QEHS yn ei gloi o yn ei stafell bob penwythnos",
         "Mae ei mam yn ei chloi hi allan o'r tŷ pan mae hi'n hwyr, Lili Griffiths QEHS",
         "Dad yn fy nghloi i yn fy llofft am ddyddiau. Blwyddyn 9 QEHS"],
        ["Mr Beynon yn cloi'r ystafell ddosbarth amser cinio, QEHS",
         "Mae'r gofalwr yn ei gloi o, y giât, am 6 bob nos yn QEHS"]),
    "a child without a coat or food": (
        ["Osian Bowen QEHS walks in every morning with no coat and no breakfast, his mum's never home",
         "there's a Year 8 from QEHS out on the swings till 11pm every night with no jacket",
         "Mae 'na hogyn bach o QEHS yn cyrraedd heb frecwast bob dydd, dim bwyd adra medda fo",
         "my mate in year 9 at QEHS says there's never any food at home and her mum never gets up",
         "there's a year 8 from QEHS who comes in every day with no lunch, no coat and says mum is always asleep"],
        ["QEHS Year 7s on the field with no coat in November, kids these days 😂",
         "Forgot my coat, no coat on the QEHS trip and freezing, great"]),
    "injuries or self-harm on a child's body": (
        ["Megan Thomas-Price QEHS's arms are all cut up in her latest selfie, I'm scared for her",
         "the QEHS PE teacher noticed cigarette burns on a Year 7's back",
         "Mae Cai Llewelyn o QEHS yn dod i'r ysgol efo cleisiau ar ei freichiau eto"],
        ["QEHS rugby: Osian Bowen all cut up after the tackle but played on 💪",
         "QEHS science experiment: we looked at cigarette burns on a pig skin under the microscope"]),
    "a child blackmailed or asked for images": (
        ["Lili Griffiths from QEHS is being blackmailed online over pictures she sent",
         "someone online is sending her money for pics, Lili Griffiths QEHS year 8",
         "Mae dyn ar Instagram yn gofyn iddi yrru lluniau, Lili Griffiths QEHS blwyddyn 8"],
        ["QEHS photography club: Mr Beynon is asking for photos of the trip for the newsletter",
         "Blackmail in Macbeth: the QEHS Year 10 essay question for Mrs Jenkins"]),
    "a child kept from school and from view": (
        ["Megan Thomas-Price's stepdad won't let anyone see her and she's missed three weeks of QEHS",
         "Osian Bowen QEHS: his dad won't let anyone see him and he's not been at school since October",
         "Does neb wedi gweld Lili Griffiths ers mis, mae ei llystad yn deud ei bod hi'n sâl ond dydi o ddim yn gadael i neb ei gweld. QEHS"],
        ["Megan Thomas-Price QEHS won't let anyone see her new haircut until Monday 😂",
         "Mrs Howells won't let anyone see the QEHS exam papers before the day"]),
    "a child picked up by older men or a stranger": (
        ["QEHS Year 8 girls keep getting picked up by lads in their twenties at the shops",
         "some bloke in a van keeps turning up at the QEHS gates asking about Megan Thomas-Price",
         "Mae dynion hŷn yn codi merched blwyddyn 9 QEHS mewn ceir ar ôl ysgol"],
        ["Year 8 girls from QEHS get picked up by their mums after netball",
         "Mr Beynon was asking for Lili Griffiths at the QEHS office, she left her PE kit"]),
    "a parent beating a child, in Welsh": (
        ["Mae llystad Osian Bowen yn ei gicio fo pan mae o'n feddw. QEHS",
         "Dwi ym mlwyddyn 8 yn QEHS a mae mam yn fy nharo i bob nos",
         "Cariad ei mam yn ei churo hi, Megan Thomas-Price QEHS"],
        ["Mae ei dad yn ei guro fo yn y ras bob blwyddyn ar fabolgampau QEHS",
         "Cai Llewelyn QEHS yn curo ei dad mewn gwyddbwyll"]),
    "a member of staff grooming a pupil": (
        ["Mrs Pritchard QEHS has been messaging a Year 10 boy and told him to delete the chat",
         "Mr Rees messages a Year 8 at QEHS on Insta and says she's very mature for her age",
         "A teacher at QEHS has been texting my 13 year old daughter at night and telling her she's special",
         "Mae un o athrawon QEHS yn tecstio fy merch bob nos ac wedi deud wrthi am ddileu'r negeseuon"],
        ["Mr Beynon QEHS told the netball team to sit in the front rows of the hall",
         "Mrs Howells QEHS: don't tell your parents about the surprise assembly for Mother's Day!"]),
    "afraid to go home because of an adult there": (
        ["Lili Griffiths QEHS slept at ours again, she's frightened to go home when her stepdad has been drinking",
         "a Year 9 girl from QEHS said she was too scared to go home, her mum's boyfriend is back",
         "Mae ofn mynd adra ar Osian Bowen o QEHS achos mae ei dad o'n feddw bob nos",
         "Sa i'n moyn mynd gatre heno, ma fe'n feddw eto a ma ofn arna i. Blwyddyn 8 QEHS"],
        ["Couldn't go home from QEHS on time because of the snow, Mum came to get me",
         "QEHS trip: we couldn't go home till 9 because the coach broke down, Dad was fine about it"]),
    "an adult online probing a child": (
        ["Someone on Roblox keeps asking my 11 year old at QEHS to send a picture and to move to another app",
         "a man on Snapchat asked Lili Griffiths QEHS whether her mum checks her phone",
         "Mae rhywun ar-lein yn gofyn i fy merch 12 oed yn QEHS anfon llun a symud i ap arall"],
        ["QEHS photo competition: send a picture of your pet to Mrs Howells by Friday",
         "QEHS parents: we're moving the newsletter to another app next term"]),
    "children carrying for older men": (
        ["Year 10 boys from QEHS are carrying bags to Swansea for older men and have new phones",
         "Mae hogia QEHS yn cario pecynnau i ddynion o Gaerdydd ac mae ganddyn nhw ffonau newydd",
         "Kids from QEHS get ketamine off a man at the bus stop who then asks them to hold stuff for him"],
        ["Year 10 at QEHS got new phones for Christmas from their parents",
         "QEHS Year 9 carrying bags for the charity bag-pack at Tesco"]),
    "a child thrown out or sofa-surfing": (
        ["Cai Llewelyn from QEHS has been sofa surfing for weeks since his mum threw him out",
         "Megan Thomas-Price QEHS is sleeping at the bus station again, her stepdad kicked her out",
         "Mae Osian Bowen o QEHS wedi cael ei daflu allan gan ei dad ac yn cysgu ar soffas gwahanol bob nos"],
        ["QEHS football: Osian Bowen thrown out of the cup by the ref, unlucky",
         "Mr Beynon threw out the old QEHS kit and the year 7s got new shirts"]),
    "tablets swallowed, in Welsh": (
        ["Newydd lyncu paced cyfan o dabledi. QEHS",
         "Mae Cai Llewelyn o QEHS wedi llyncu'r tabledi i gyd, be dwi'n neud",
         "I've overdosed twice this year and nobody at QEHS knows"],
        ["QEHS first aid lesson: how to help someone who has taken an overdose, with the nurse",
         "Mrs Howells at QEHS swallowed a fly during the outdoor assembly 😂"]),
    "a goodbye message then silence": (
        ["Megan Thomas-Price QEHS sent a voice note saying thank you for everything and her phone's been off since",
         "Osian Bowen from QEHS told me to look after my little brother for him and now his phone's off",
         "Neges gan Lili Griffiths QEHS: 'diolch am bopeth'. Dim ateb ers hynny, dwi'n poeni"],
        ["Thank you for everything, Mrs Howells! Enjoy your retirement from QEHS 🎉",
         "Look after my plants while I'm on the QEHS ski trip please Mum"]),
    "going to end it, said of someone": (
        ["Cai Llewelyn QEHS keeps posting that he wants to end it, I'm scared",
         "Osian Bowen from QEHS said he wants to end it all, I'm worried",
         "Lili Griffiths QEHS told me she's going to 'end it' tonight",
         "Lili Griffiths QEHS says she's going up the quarry tonight to end it"],
        ["Megan Thomas-Price QEHS is gonna end it with her boyfriend after prom lol",
         "QEHS netball are going to end it in the first half on Saturday, what a team"]),
    "a grave sign with a goodbye": (
        ["only a week left at QEHS then I'm gone forever 🪦",
         "sorry everyone at QEHS, I'm done 🪦",
         "Dwi wedi blino ar bopeth. QEHS. ⚰️"],
        ["RIP my phone 🪦 dropped it on the QEHS stairs lol",
         "QEHS remembrance assembly today 🪦 for the fallen"]),
    "a child made to do things by older people": (
        ["Osian Bowen QEHS is being made to do stuff by older lads at weekends and they film it",
         "a Year 9 girl from QEHS said her older cousin and his mates make her do things",
         "Mae merch blwyddyn 9 QEHS yn cael ei gorfodi i neud petha gan ddynion hŷn"],
        ["QEHS Year 9s being made to do extra homework by Mrs Howells",
         "My year 8 at QEHS was made to do things she hated on the DofE expedition 😂"]),
    "a parent passed out, the child left to cope": (
        ["my dad's passed out drunk on the floor again and my little sister needs her tea, QEHS tomorrow",
         "Osian Bowen QEHS says his dad has passed out drunk again",
         "Mae mam wedi pasio allan eto a dwi methu ei deffro hi. Ysgol QEHS fory."],
        ["Dad passed out on the sofa after the QEHS fun run 😂😂",
         "can't wake my brother for QEHS in the morning, he's so lazy"]),
    "a risk to self beside a threat": (
        ["a lad at QEHS keeps saying he'll bring a blade in and he doesn't care what happens to him",
         "when I go I'm taking QEHS with me. Friday.",
         "Dim ots gen i be sy'n digwydd i fi wedyn, dw i'n dod i QEHS efo cyllell fory"],
        ["Mr Beynon doesn't care what happens to him after he retires from QEHS, he's off to Spain",
         "don't care what happens to me in the QEHS cup final, I'm playing through the injury"]),
    "goodbye letters left to be found": (
        ["I've left letters for my mum and sister under my bed. they'll find them after the weekend. QEHS",
         "Osian Bowen from QEHS has left letters for his family and deleted his account",
         "Dw i wedi ysgrifennu llythyrau i mam a dad. Sori. QEHS",
         "All my goodbye letters are done and hidden. Soon. QEHS"],
        ["QEHS Year 7 wrote letters for Mother's Day in Mrs Howells' English lesson",
         "I wrote letters for the QEHS pen pal scheme and my mum posted them"]),
    "self-harm again or deeper": (
        ["cut myself again last night, deeper than before, nobody at QEHS knows",
         "the only time I feel calm is when I'm bleeding. Year 9, QEHS",
         "Dorrais i eto heno. QEHS fory efo llewys hir."],
        ["Got my hair cut again for the QEHS photos, my fringe is a disaster",
         "QEHS budget cut again this year, Mr Rees says cuts go deeper this time"]),
    "signs of an eating disorder": (
        ["my daughter in year 8 at QEHS makes herself sick after tea every night",
         "Lili Griffiths QEHS fainted in PE again and has lost so much weight",
         "Mae fy chwaer ym mlwyddyn 9 yn QEHS yn chwydu ar ôl swper bob nos"],
        ["QEHS food tech: wash your hands after every meal prep and clean the benches",
         "QEHS food tech: Mrs Pritchard made herself sick laughing at the Year 9 cakes 😂"]),
    "not wanting to wake up, a plan and a date": (
        ["I don't want to wake up tomorrow. Nobody at QEHS gets it",
         "Osian Bowen QEHS says he has a plan and a date now, I'm really worried",
         "Dwi jyst isio cysgu a pheidio deffro. QEHS"],
        ["QEHS prom: we've set a date and a venue, tickets on Friday 🎉",
         "Sunday lie-in, I don't want to wake up before 11 😴 QEHS homework can wait lol"]),
    "a child threatened into silence": (
        ["My stepdad says mum will get hurt if I tell anyone at QEHS what goes on",
         "if I go to the QEHS nurse my stepdad says I'll go into care. year 9",
         "Dwi ddim yn cael dweud wrth neb be mae o'n neud i mi pan mae mam allan. QEHS"],
        ["If I tell anyone at QEHS about the surprise party Mum will kill me 😂",
         "My dad said he'll kill me if I tell anyone at QEHS about his karaoke 😂",
         "Mr Beynon QEHS: if I tell you the answer, you won't learn it"]),
    "a child exploited to carry or collected": (
        ["My son (13) at QEHS disappears overnight and comes home with new trainers he can't explain",
         "an older boy at QEHS gets Year 7s to carry packages for him",
         "Mae dyn mewn car du yn casglu hogyn bach o QEHS bob nos"],
        ["QEHS Year 7s carrying their bags to the coach for the trip, Mr Beynon helped",
         "My son at QEHS came back with new trainers from his dad for his birthday 🎉"]),
    "sexual images of or pregnancy in a young child": (
        ["someone sent my 12 year old at QEHS a pic of his private parts",
         "Year 10 boys at QEHS are sharing videos of a 13 year old girl without clothes on",
         "Mae ffrind fi ym mlwyddyn 9 QEHS yn feichiog, mae hi'n 14"],
        ["Mrs Howells from QEHS is pregnant, congratulations! 🎉",
         "QEHS PE: a Year 7 went home without clothes on his peg, label everything"]),
    "an adult met online asking for secrets or a meeting": (
        ["a 'boy' online who's never shown his face wants my 13 year old at QEHS to meet him at a hotel",
         "a man on Snapchat wants Lili Griffiths QEHS to meet at a hotel, she's 13",
         "Mae rhywun ar Snapchat yn gofyn i Lili Griffiths o QEHS gwrdd â fo mewn gwesty. Mae hi'n 13.",
         "Mae 'ffrind' ar-lein yn gofyn i fy merch 13 oed yn QEHS gadw cyfrinachau a dod i westy"],
        ["QEHS online safety: never keep secrets from your parents, says Mrs Howells",
         "QEHS staff party at a hotel in town on Friday, Mrs Howells booked it online 🎉"]),
    "a child drawn to extremism": (
        ["my 14 year old at QEHS is being radicalised by videos of an extremist preacher",
         "Osian Bowen QEHS is being radicalised online, he's 14",
         "Mae fy mab 13 oed yn QEHS yn gwylio fideos eithafol drwy'r dydd"],
        ["QEHS history: Year 9 study extremist movements of the 1930s with Mr Rees",
         "QEHS RE lesson on radicalisation and how to spot it, for parents too"]),
    "a child hurt at home": (
        ["Osian Bowen QEHS says he gets hurt at home when his dad loses it",
         "Osian Bowen from QEHS is getting hurt at home, he told me today",
         "Mae Megan o QEHS yn cael ei brifo adra gan ei llystad"],
        ["QEHS safety week: most children get hurt at home in the kitchen, be careful",
         "Mr Beynon hurt his back at home moving a sofa, no QEHS PE today"]),
    "forced marriage or FGM planned for a child": (
        ["A QEHS pupil says her family are taking her abroad to be married this summer. She's 14.",
         "Mae teulu Lili Griffiths yn bwriadu ei phriodi hi dramor, mae hi'n 15. QEHS",
         "Lili Griffiths QEHS says her family are planning FGM for her over the holidays"],
        ["QEHS RE lesson on arranged and forced marriage, with a charity speaker, for Year 10",
         "Mrs Howells is getting married abroad this summer, congratulations from QEHS 🎉"]),
    "a young child with an adult partner": (
        ["Megan from QEHS is 14 and dating a guy who's 23",
         "Megan Thomas-Price QEHS is 14 and her boyfriend is 22, he's 22!",
         "Mae hi'n 13 ac mae o'n 24 a maen nhw'n mynd allan efo'i gilydd, QEHS"],
        ["Mrs Howells is 34 and her boyfriend is 35, QEHS staff wedding next year 🎉",
         "My sister is 13 and our dad is 40, we're going out for her birthday, QEHS"]),
    "a child touched by an adult": (
        ["A man who helps at the QEHS discos keeps touching the girls and no one believes them",
         "A man at the bus stop outside QEHS touched my friend and told her to keep it secret",
         "Mae dyn wedi cyffwrdd ynddi ar y bws i QEHS a does neb yn ei chredu"],
        ["Mr Beynon touched my heart with his QEHS leaving speech 😭❤️",
         "Osian Bowen touched the ball down for a try, QEHS rugby 🏉"]),
    "a suicide plan with a day chosen": (
        ["Lili Griffiths QEHS has a plan and has picked the day, she keeps saying goodbye",
         "Osian Bowen QEHS says he's got a plan and picked a date, I'm scared",
         "Mae gan Cai Llewelyn o QEHS gynllun ac mae o wedi dewis y diwrnod"],
        ["Lili Griffiths from QEHS has a plan for her Duke of Edinburgh expedition and picked the day",
         "QEHS prom committee picked the date: 4 July, tickets on sale now 🎉"]),
    "an adult online asking a child for photos": (
        ["a man online keeps asking Cai Llewelyn QEHS for pics and sending him money",
         "someone on Snapchat is asking my 12 year old at QEHS for pics",
         "Mae dyn ar-lein yn gofyn i Lili Griffiths QEHS am luniau, mae hi'n 13"],
        ["QEHS photography club: Mr Beynon is asking the Year 8s for photos of the trip for the newsletter",
         "QEHS PTA is asking parents for photos of the Christmas fair for the website"]),
    "the means of suicide ready": (
        ["Dwi 'di cael digon. Mae'r rhaff yn barod. Sori pawb yn QEHS",
         "I'm done with everything at QEHS. Bought a rope. Sorry mum",
         "Osian Bowen QEHS says the rope is ready and he can't cope any more"],
        ["Dwi 'di cael digon o waith cartref QEHS heno. Rhaff sgipio yn y gampfa fory!",
         "QEHS scouts: the rope is ready for the knots badge, bring gloves"]),
}

#: Older rules narrowed in v6: the near misses that used to be critical, and threats beside those words that stay critical.
NARROWED_NOT_CRITICAL = [
    "I know what car Mr Beynon drives, he gave us a lift to the QEHS match",
    "Going to murder these revision questions tonight, Mr Rees QEHS",
    "We're going to murder Bro Myrddin in the QEHS U15s final 🏉",
    "Bu bron i mi farw o gywilydd pan welodd Mrs Howells fi'n baglu ar lwyfan QEHS",
    "Phones have gone missing from the QEHS cupboard again",
    "Roedd adroddiad am gam-drin ar ddesg y pennaeth yn QEHS am fisoedd heb i neb ei ddarllen",
]
NARROWED_STILL_CRITICAL = [
    "I know where Mr Beynon lives and what car he drives. Watch your back. QEHS",
    "I'm going to murder Mr Rees when I see him at QEHS tomorrow",
    "Cai Llewelyn from QEHS has gone missing since last night, please share",
    "Dwi'n gwybod lle mae Mr Beynon yn parcio bob nos. Gwell iddo fo edrych dros ei ysgwydd. QEHS",
]


#: Near misses still critical because of an older rule this file does not change (docs/analysis.md, Rules v6).
KNOWN_WRONG: dict[str, str] = {}


def _cases(table: dict[str, tuple[list[str], list[str]]], which: int) -> list[object]:
    return [pytest.param(kind, text, marks=pytest.mark.xfail(strict=True, reason=KNOWN_WRONG[text]))
            if text in KNOWN_WRONG else (kind, text) for kind, posts in table.items() for text in posts[which]]


@pytest.mark.parametrize("kind,text", _cases(THREATS, 0))
def test_a_threat_of_each_kind_is_a_critical_threat(analyse: Analyse, kind: str, text: str) -> None:
    result = analyse(text)
    assert "threat" in categories(result) and result["severity"] == "critical", kind


@pytest.mark.parametrize("kind,text", _cases(THREATS, 1) + _cases(SAFEGUARDING, 1))
def test_a_near_miss_of_each_kind_is_not_critical(analyse: Analyse, kind: str, text: str) -> None:
    assert analyse(text)["severity"] != "critical", kind


@pytest.mark.parametrize("kind,text", _cases(SAFEGUARDING, 0))
def test_a_disclosure_of_each_kind_is_critical_safeguarding(analyse: Analyse, kind: str, text: str) -> None:
    result = analyse(text)
    assert "safeguarding" in categories(result) and result["severity"] == "critical", kind


@pytest.mark.parametrize("text", NARROWED_NOT_CRITICAL)
def test_a_narrowed_older_rule_no_longer_makes_its_near_miss_critical(analyse: Analyse, text: str) -> None:
    assert analyse(text)["severity"] != "critical"


@pytest.mark.parametrize("text", NARROWED_STILL_CRITICAL)
def test_a_threat_or_disclosure_beside_the_narrowing_words_stays_critical(analyse: Analyse, text: str) -> None:
    assert analyse(text)["severity"] == "critical"


def test_a_parent_beating_a_child_is_a_disclosure_not_a_threat(analyse: Analyse) -> None:
    result = analyse("Mae Cai Llewelyn o QEHS yn deud bod ei lystad yn ei guro fo bob penwythnos")
    assert categories(result) & {"threat", "safeguarding"} == {"safeguarding"}


def test_a_rule_that_needs_personal_details_does_not_hide_another_cue_on_the_same_words(analyse: Analyse) -> None:
    # threat.veiled ("Enjoy ...", counted only beside personal details) used to take these words from
    # threat.v6.last-one and then be dropped for want of personal details, leaving no threat at all.
    result = analyse("Enjoy it while you can, Mrs Howells. QEHS")
    assert [f["rules"] for f in result["flags"] if f["category"] == "threat"] == [["threat.v6.last-one"]]
