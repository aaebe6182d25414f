"""Analyser speed: posts per second, one process, next to spaCy's bare tokenizer on the same posts.

A generated profile (100 staff, 1,500 pupils, all names made up from lists
of first names and surnames) and a generated corpus of 20,000 posts: mostly
chatter that never names the school, then news, praise, complaints, abuse,
threats and Welsh posts naming the school, its staff and its pupils, in
lengths from a tweet to a forum post.

Times are CPU seconds of this process (``time.process_time``), so other work
on a shared machine does not skew the ratio between the two. Run:
``.venv/bin/python -m bench nlp`` (or ``make bench``). Results go in
docs/benchmarks.md by hand, with the machine they were measured on.
"""

from __future__ import annotations

import gc
import os
import platform
import random
import tempfile
import time
from pathlib import Path
from typing import Any

POSTS = int(os.environ.get("REPMON_BENCH_POSTS", "20000"))
STAFF, PUPILS = 100, 1500
SEED = 20261128

FIRST = ["Aled", "Alys", "Bethan", "Carwyn", "Ceri", "Dafydd", "Delyth", "Eirlys", "Elfed", "Emyr", "Ffion", "Geraint",
         "Gwenllian", "Heledd", "Hywel", "Iestyn", "Ioan", "Llinos", "Lowri", "Mabli", "Macsen", "Manon", "Meinir",
         "Morgan", "Nerys", "Owain", "Peredur", "Rhodri", "Rhiannon", "Sioned", "Steffan", "Tegid", "Tirion", "Trystan",
         "Aaron", "Abigail", "Callum", "Chloe", "Daniel", "Ella", "Finley", "Harriet", "Isaac", "Jasmine", "Kieran",
         "Leah", "Mason", "Niamh", "Oliver", "Phoebe", "Reuben", "Scarlett", "Toby", "Zara"]
LAST = ["Ap Gwilym", "Bevan", "Cadwaladr", "Dyfnallt", "Eynon", "Ffransis", "Gruffudd", "Hopcyn", "Ifans", "Jeffreys",
        "Llewelyn", "Maddocks", "Nicholls", "Onions", "Penry", "Prothero", "Rhydderch", "Sayce", "Tudor", "Upton",
        "Vaughan", "Walbeoff", "Yorath", "Ashdown", "Blakemore", "Cartwright", "Dunmore", "Eckley", "Fairclough",
        "Gathercole", "Hollinshead", "Ingleby", "Jarrold", "Kettleby", "Lockwood", "Marchant", "Northcote", "Ormerod"]
TITLES = ["Mr", "Mrs", "Miss", "Ms", "Dr"]

CHATTER = [
    "Anyone know a good plumber in town? Boiler's packed in again and it's freezing.",
    "Match report: the visitors held on for a draw after a late penalty was saved.",
    "Council confirms the bypass roadworks will run until March, expect delays on the A40.",
    "Lovely walk along the river this morning, the frost on the fields was something else.",
    "New cafe opened on the high street, the bara brith is amazing, go and support them!",
    "Traffic is terrible again, why does every roadwork happen at once?",
    "Bore da! Mae'r tywydd yn braf heddiw, amser am dro i'r traeth.",
    "Weekly quiz at the rugby club is back on Thursday, teams of four, all welcome.",
    "Lost cat: ginger tom, answers to Tigger, last seen near the park on Sunday evening.",
    "The library has extended its opening hours for the winter, great news for students.",
    "Queen Elizabeth II visited the town in 1955 and the crowds lined every street.",
    "HMS Queen Elizabeth sailed past the headland this morning, what a sight.",
    "Queen Elizabeth High School in Hexham won the county netball cup this weekend.",
]
SCHOOL_POSTS = [
    "Well done to {pupil} from {school} for the county chess title!",
    "{staff} at {school} in {place} is the best teacher my son has ever had.",
    "{school} is a shambles, complaints ignored, my child was bullied and nothing was done.",
    "{pupil} from {school} is a fat ugly loser, nobody likes her, pass it on",
    "I'm going to stab {staff} at {school} tomorrow, not joking.",
    "{staff} at {school} is a thief, stole money from the trip fund. Everyone in {place} knows.",
    "Worried about a girl in Year 9 at {school}, she's been cutting herself and wants to die.",
    "{pupil} from {school} lives at 14 Heol y Bryn, {place}. Her number is 07700 900123.",
    "Llongyfarchiadau i {pupil} o {school} ar ennill y wobr yn yr Eisteddfod!",
    "Mae {staff} o {school} yng {place} yn athro gwych, diolch am bopeth.",
    "Open evening at {school} next Thursday, all families from {place} welcome. Parking is limited so walk if you can.",
    "My daughter has just started Year 7 at {school} and {staff} has been brilliant with her, honestly can't fault "
    "the pastoral care so far. The homework app is a bit confusing but the teachers answer e-mails quickly.",
]


def fake_profile(directory: Path) -> Path:
    """A TOML profile with STAFF staff and PUPILS pupils (pupils in a CSV, as a school's MIS exports them)."""
    rng = random.Random(SEED)
    lines = ['[school]', 'id = "bench"', 'name = "Queen Elizabeth High School"',
             'aliases = ["QEHS", "QE High", "Ysgol y Frenhines Elisabeth"]',
             'places = ["Carmarthen", "Caerfyrddin", "SA31"]', 'domains = ["example-qehs.sch.uk"]',
             'handles = ["qehs_example"]', 'decoys = ["Hexham", "Bromyard"]', "",
             '[pupils_csv]', 'path = "pupils.csv"', ""]
    for i in range(STAFF):
        name = f"{rng.choice(FIRST)} {rng.choice(LAST)}"
        lines += ["[[staff]]", f'id = "staff-{i:03d}"', f'name = "{name}"', f'titles = ["{rng.choice(TITLES)}"]', ""]
    (directory / "profile.toml").write_text("\n".join(lines), encoding="utf-8")
    rows = ["id,name"] + [f"pupil-{i:04d},{rng.choice(FIRST)} {rng.choice(LAST)}" for i in range(PUPILS)]
    (directory / "pupils.csv").write_text("\n".join(rows) + "\n", encoding="utf-8")
    return directory / "profile.toml"


def fake_corpus(profile: object, n: int = POSTS) -> list[dict[str, str]]:
    """n posts: four in five chatter that never names the school, one in five about it."""
    rng = random.Random(SEED + 1)
    staff = [p for p in profile.staff]  # type: ignore[attr-defined]
    pupils = [p for p in profile.pupils]  # type: ignore[attr-defined]
    school = ["QEHS", "QE High", "Queen Elizabeth High School", "Ysgol y Frenhines Elisabeth", "@qehs_example"]
    posts = []
    for i in range(n):
        if rng.random() < 0.8:
            text = " ".join(rng.choice(CHATTER) for _ in range(rng.choice((1, 1, 2, 3))))
        else:
            person = rng.choice(staff)
            text = rng.choice(SCHOOL_POSTS).format(
                pupil=rng.choice(pupils).name, school=rng.choice(school), place=rng.choice(["Carmarthen", "Nghaerfyrddin"]),
                staff=f"{person.titles[0]} {person.name.split()[-1]}" if rng.random() < 0.5 else person.name)
        posts.append({"id": f"b-{i}", "text": text})
    return posts


def _rate(n: int, seconds: float) -> str:
    return f"{n / seconds:,.0f} posts/s ({seconds:.2f} CPU s for {n:,})"


def component_profile(analyser: Any, posts: list[dict[str, str]]) -> list[tuple[str, float]]:
    """CPU microseconds per post for each step :meth:`Analyser.analyse_many` takes: the raw-text prefilter (per
    post), then per post that reaches the pipeline its tokenizer (with title and URL), each component and the
    result. The collector is off, as in ``analyse_many``."""
    clock = time.process_time
    spent: dict[str, float] = {}
    was_on = gc.isenabled()
    gc.disable()
    try:
        started = clock()
        todo = [p for p in posts if analyser._not_relevant_at_once(p, p["text"]) is None]
        spent["prefilter (every post)"] = clock() - started
        started = clock()
        docs = [analyser._unprocessed(p) for p in todo]
        spent["tokenizer, title and URL"] = clock() - started
        for name, proc in analyser.nlp.pipeline:  # the classifier's judge reads a batch at a time, as in nlp.pipe
            started = clock()
            docs = list(proc.pipe(docs, batch_size=64)) if hasattr(proc, "pipe") else [proc(doc) for doc in docs]
            spent[name] = clock() - started
        started = clock()
        for post, doc in zip(todo, docs):
            analyser._result(post["id"], post["text"], doc)
        spent["result"] = clock() - started
    finally:
        if was_on:
            gc.enable()
    return [(name, seconds / (len(posts) if name.startswith("prefilter") else max(len(todo), 1)) * 1e6)
            for name, seconds in spent.items()]


def main() -> None:
    import spacy

    from nlp.analyse import Analyser
    from repmon.profile import load_profile

    with tempfile.TemporaryDirectory() as tmp:
        profile = load_profile(fake_profile(Path(tmp)))
    posts = fake_corpus(profile)
    texts = [p["text"] for p in posts]
    words = sum(len(t.split()) for t in texts)
    print(f"machine: {platform.processor() or platform.machine()}, {os.cpu_count()} CPUs, Python {platform.python_version()}, "
          f"spaCy {spacy.__version__}")
    print(f"profile: {len(profile.staff)} staff, {len(profile.pupils)} pupils; corpus: {len(posts):,} posts, "
          f"{words / len(posts):.0f} words a post on average")

    tokenizer = spacy.blank("en")
    started = time.process_time()
    for text in texts:
        tokenizer.make_doc(text)
    tok_s = time.process_time() - started
    print(f"spaCy tokenizer (spacy.blank('en').make_doc): {_rate(len(texts), tok_s)}")

    started = time.process_time()
    analyser = Analyser(profile, textcat=False)
    print(f"pipeline build: {time.process_time() - started:.2f} s")
    started = time.process_time()
    relevant = sum(analyser.analyse(p)["relevant"] for p in posts)
    one_s = time.process_time() - started
    print(f"repmon analyse, rules ({analyser.version}), one item at a time (Analyser.analyse): "
          f"{_rate(len(posts), one_s)}; {relevant:,} relevant; {tok_s / one_s:.2f} of the tokenizer's throughput")
    started = time.process_time()
    analyser.analyse_many(posts)
    rules_s = time.process_time() - started
    print(f"repmon analyse, rules, batched (Analyser.analyse_many, as `repmon analyse` runs): {_rate(len(posts), rules_s)}; "
          f"{tok_s / rules_s:.2f} of the tokenizer's throughput")

    with_model = Analyser(profile)
    if with_model.version != analyser.version:
        started = time.process_time()
        with_model.analyse_many(posts)
        model_s = time.process_time() - started
        print(f"repmon analyse, rules + classifier ({with_model.version}), batched: {_rate(len(posts), model_s)}; "
              f"{tok_s / model_s:.2f} of the tokenizer's throughput")
    else:
        print("repmon analyse, rules + classifier: no text classifier built (make venv builds it); skipped")

    profiled = with_model if with_model.version != analyser.version else analyser
    steps = component_profile(profiled, posts)
    print(f"per step, CPU µs a post ({profiled.version}; components per post that reaches the pipeline): "
          + ", ".join(f"{name} {us:.0f}" for name, us in steps))

if __name__ == "__main__":
    main()
