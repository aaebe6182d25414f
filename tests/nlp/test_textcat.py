"""The labelled corpus and the text classifier trained from it (nlp/train.py, nlp/textcat.py)."""

from __future__ import annotations

import json
import logging
import re
from collections import Counter
from pathlib import Path
from typing import Any

import pytest
import spacy

from nlp import textcat
from nlp import train as training
from nlp.analyse import Analyser
from nlp.textcat import CATEGORIES, Classifier, TextcatError, load_classifier
from nlp.train import load_corpus, split, train
from repmon.profile import Profile, load_profile

# -- the corpus ------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def corpus() -> list[training.Example]:
    return load_corpus()


def test_corpus_is_big_enough_and_labels_are_contract_categories(corpus: list[training.Example]) -> None:
    assert len(corpus) >= 800
    assert {label for ex in corpus for label in ex.labels} == set(CATEGORIES)


def test_corpus_has_a_real_share_of_welsh_and_every_source_kind(corpus: list[training.Example]) -> None:
    langs = Counter(ex.lang for ex in corpus)
    assert langs["cy"] >= 0.3 * len(corpus)
    kinds = Counter(ex.source_kind for ex in corpus)
    assert set(kinds) == set(training.SOURCE_KINDS)
    assert min(kinds.values()) >= 60


def test_every_category_has_enough_examples_in_both_languages_and_both_splits(corpus: list[training.Example]) -> None:
    train_set, dev_set = split(corpus)
    for cat in CATEGORIES:
        assert sum(cat in ex.labels for ex in corpus if ex.lang == "en") >= 50, cat
        assert sum(cat in ex.labels for ex in corpus if ex.lang == "cy") >= 25, cat
        assert sum(cat in ex.labels for ex in dev_set) >= 8, cat
        assert sum(cat in ex.labels for ex in train_set) >= 40, cat


def test_corpus_is_multi_label_with_many_items_that_have_no_category(corpus: list[training.Example]) -> None:
    assert sum(not ex.labels for ex in corpus) >= 0.35 * len(corpus)
    assert sum(len(ex.labels) >= 2 for ex in corpus) >= 60


VIOLENT = re.compile(r"\b(kill\w*|dead|dying|die|murder\w*|destroy\w*|smash\w*|shoot\w*|stab|bomb|lladd|marw|chwalu)\b", re.I)
QUOTED = re.compile(r"[\"'\u2018\u201c][^\"'\u2019\u201d]{3,}[\"'\u2019\u201d]")


def test_corpus_has_hard_negatives(corpus: list[training.Example]) -> None:
    unlabelled = [ex for ex in corpus if not ex.labels]
    # idioms, banter and sports rivalry that use violent words
    assert sum(bool(VIOLENT.search(ex.text)) for ex in unlabelled) >= 40
    # quotes of abuse or allegations, reported to condemn them
    assert sum(bool(QUOTED.search(ex.text)) for ex in unlabelled) >= 20
    # praise of named staff, and news about an incident
    assert sum(bool(re.search(r"\b(Mr|Mrs|Miss|Ms|Dr)\b", ex.text)) for ex in unlabelled) >= 60
    assert sum(ex.source_kind == "news" for ex in unlabelled) >= 40
    # the tricky ones say why they are labelled as they are
    assert sum(bool(ex.note) for ex in unlabelled) >= 60


def test_corpus_has_no_duplicates(corpus: list[training.Example]) -> None:
    keys = Counter(" ".join(ex.text.lower().split()) for ex in corpus)
    assert [k for k, n in keys.items() if n > 1] == []


def test_corpus_avoids_the_names_in_the_school_policy(corpus: list[training.Example]) -> None:
    text = " ".join(ex.text for ex in corpus).lower()
    for name in ("o'kelly", "o\u2019kelly", "starkey"):
        assert name not in text


def test_split_is_stable_and_about_one_fifth_dev(corpus: list[training.Example]) -> None:
    assert training.split_of("Mr Hartley is a thief") == training.split_of("  mr hartley IS a thief ")
    dev = sum(ex.split == "dev" for ex in corpus)
    assert 0.15 * len(corpus) <= dev <= 0.25 * len(corpus)


def write(path: Path, *rows: object) -> Path:
    path.write_text("".join((r if isinstance(r, str) else json.dumps(r)) + "\n" for r in rows), encoding="utf-8")
    return path


GOOD = {"text": "Lovely concert", "labels": [], "lang": "en", "source_kind": "tweet"}


@pytest.mark.parametrize(
    ("row", "says"),
    [
        ({**GOOD, "labels": ["threats"]}, "unknown ['threats']; use only"),
        ({**GOOD, "lang": "fr"}, "field 'lang'"),
        ({**GOOD, "source_kind": "blog"}, "field 'source_kind'"),
        ({**GOOD, "text": " "}, "field 'text'"),
        ("{not json", "not valid JSON"),
    ],
)
def test_a_bad_corpus_line_is_refused_naming_file_line_and_fix(tmp_path: Path, row: object, says: str) -> None:
    path = write(tmp_path / "bad.jsonl", "# a comment", GOOD, row)
    with pytest.raises(TextcatError, match="bad.jsonl:3") as err:
        load_corpus(tmp_path)
    assert says in str(err.value)


# -- the gold sets learnt from ---------------------------------------------------------------------


def _gold_line(text: str, relevant: bool, categories: list[str], note: str = "lang=en", source: str = "tweet") -> dict:
    return {"id": text[:12], "profile": "qehs", "source": source, "text": text, "note": note,
            "gold": {"relevant": relevant, "mentions": [], "categories": categories if relevant else []}}


def test_gold_items_are_learnt_from_with_the_school_its_places_and_people_masked(tmp_path: Path) -> None:
    for school in training.GOLD_PROFILES:
        write(tmp_path / f"{school}-try.jsonl")  # the other school's file of the set: empty
    write(tmp_path / "qehs-try.jsonl",
          _gold_line("Mrs Pritchard at QEHS in Carmarthen is a thief, ask Cai Llewelyn", True, ["defamatory"]),
          _gold_line("Cai o Ysgol y Frenhines Elisabeth yn ennill eto", True, [], "praise; lang=cy", "facebook"),
          _gold_line("Queen Elizabeth High School in Hexham is a shambles", False, []))
    examples = training.gold_examples(("try",), tmp_path)
    assert [(ex.text, ex.labels, ex.lang, ex.source_kind) for ex in examples] == [
        ("Mrs Sam at Northfield in Trefawr is a thief, ask Sam Sam", ("defamatory",), "en", "tweet"),
        ("Sam o Northfield yn ennill eto", (), "cy", "forum"),
    ]


def test_the_classifier_never_learns_from_a_sealed_or_held_out_gold_set() -> None:
    gold_dir = training.GOLD_DIR
    opened = {p.stem.split("-", 1)[1] for p in gold_dir.glob("*-*.jsonl")}
    assert set(training.GOLD_FOR_TRAINING).isdisjoint(training.GOLD_HELD_OUT)
    assert set(training.GOLD_FOR_TRAINING) | set(training.GOLD_HELD_OUT) == opened  # each opened set placed
    learnt = {" ".join(ex.text.lower().split()) for ex in training.gold_examples()}
    kept_apart = [gold_dir / f"{school}-{name}.jsonl" for school in training.GOLD_PROFILES
                  for name in training.GOLD_HELD_OUT] + sorted((gold_dir / "sealed").glob("*.jsonl"))
    mask = {school: training.name_masker(load_profile(training.ROOT / path))
            for school, path in training.GOLD_PROFILES.items()}
    for path in kept_apart:
        school = path.name.split("-", 1)[0]
        texts = {" ".join(mask[school](json.loads(line)["text"]).lower().split())
                 for line in path.read_text(encoding="utf-8").splitlines() if line.strip()}
        assert texts.isdisjoint(learnt), path.name


# -- training --------------------------------------------------------------------------------------


def test_training_is_deterministic_and_saved_models_give_the_same_scores(tmp_path: Path) -> None:
    texts = ["Mr Hartley is a thief", "Lovely concert tonight", "I will stab Mrs Okafor", "Ysgol waethaf Cymru"]
    first, _ = train(output=tmp_path / "a", epochs=2, limit=60)
    second, _ = train(output=None, epochs=2, limit=60)
    assert first.predict(texts) == second.predict(texts)
    loaded = load_classifier(tmp_path / "a")
    assert loaded is not None
    assert loaded.predict(texts) == first.predict(texts)
    assert loaded.version == first.version and loaded.version.startswith(textcat.TEXTCAT_VERSION + "+")
    assert not (tmp_path / "a.tmp").exists()


def test_training_another_seed_gives_another_model() -> None:
    texts = ["Mr Hartley is a thief", "Lovely concert tonight"]
    a, _ = train(output=None, epochs=2, limit=60, seed=1)
    b, _ = train(output=None, epochs=2, limit=60, seed=2)
    assert a.predict(texts) != b.predict(texts)


def test_no_model_yet_gives_none_and_says_how_to_build_it(tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    with caplog.at_level(logging.WARNING, logger="nlp.textcat"):
        assert load_classifier(tmp_path / "missing") is None
    assert "make venv" in caplog.text and "python -m nlp.train" in caplog.text


def test_a_damaged_model_is_an_error_that_says_rebuild(tmp_path: Path) -> None:
    (tmp_path / textcat.INFO_FILE).write_text("{}", encoding="utf-8")
    with pytest.raises(TextcatError, match="rebuild it"):
        load_classifier(tmp_path)


# -- the built model -------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def classifier(tmp_path_factory: pytest.TempPathFactory) -> Classifier:
    """The model `make venv` built; trained here when it is missing (a clean checkout)."""
    clf = load_classifier()
    if clf is None:
        clf, _ = train(output=tmp_path_factory.mktemp("textcat") / "model")
    return clf


OBVIOUS = [
    ("I'm going to stab Mr Fairweather in the car park tomorrow, he won't see it coming", "threat"),
    ("Dwi'n mynd i ladd Mr Pugh fory, dwi'n dod â chyllell i'r ysgol", "threat"),
    ("She's in year 9 and she's been cutting herself and says she wants to die", "safeguarding"),
    ("Miss Dobbs is a fat ugly cow and everyone in Year 10 hates her", "harassment"),
    ("Mr Tanner stole the trip money and was sacked for it, the school covered it up", "defamatory"),
    ("Ruby Shaw in Year 8 at Harcourt lives at 12 Elm Road, her number is 07700 900123", "identifying"),
    ("Worst school in the county, bullying ignored and nobody answers emails. Avoid.", "disrepute"),
]
HARMLESS = [
    "Well done to everyone in the Year 7 choir, what a lovely concert tonight!",
    "Llongyfarchiadau i'r tîm pêl-droed ar ennill y gynghrair!",
    "Does anyone know when the uniform shop opens after half term?",
]


@pytest.mark.parametrize(("text", "category"), OBVIOUS)
def test_the_built_model_finds_the_obvious_category(classifier: Classifier, text: str, category: str) -> None:
    probs = classifier.predict([text])[0]
    assert probs[category] >= textcat.THRESHOLD, probs
    assert max(probs, key=probs.__getitem__) == category, probs


@pytest.mark.parametrize("text", HARMLESS)
def test_the_built_model_leaves_harmless_posts_alone(classifier: Classifier, text: str) -> None:
    assert max(classifier.predict([text])[0].values()) < textcat.THRESHOLD


def test_the_built_model_reached_its_dev_scores(classifier: Classifier) -> None:
    dev = classifier.info["dev"]
    assert dev["macro_f1"] >= 0.6
    assert min(s["f"] for s in dev["per_category"].values()) >= 0.4


def test_a_text_with_no_telling_words_scores_near_how_common_each_category_is(classifier: Classifier) -> None:
    # ("lol" now tells: mockery in the corpus; and "ok" alone, from "u ok??" and "not ok" in the gold sets: 0.30
    # safeguarding with the round-10 model, 0.19 beside a school's name)
    for probs in classifier.predict(["the", "hmm", "zzzz qqqq"]):
        assert max(probs.values()) < textcat.THRESHOLD, probs


def test_word_beginnings_and_endings_carry_to_forms_not_seen_in_training(tmp_path: Path) -> None:
    rows = [("they are threatening the teacher", ["threat"]), ("he keeps threatening us all", ["threat"]),
            ("dwi am ei lladd hi", ["threat"]), ("mae o am lladd pawb", ["threat"])] * 3 + \
           [("the teacher marked the books", []), ("we all went home early", []), ("mae hi'n braf heddiw", []),
            ("dwi am fynd adre", []), ("lovely concert tonight", []), ("the bus was late again", []),
            ("mae'r gwersi'n dda", []), ("see you at the match", [])] * 6
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    write(corpus / "tiny.jsonl", *({"text": f"{text} {i}", "labels": labels, "lang": "en", "source_kind": "tweet"}
                                   for i, (text, labels) in enumerate(rows)))
    clf, _ = train(corpus, None, epochs=20)
    seen_form, new_form, control = clf.predict(["threatening", "threatened", "borrowed"])
    assert new_form["threat"] > control["threat"] + 0.03, (new_form, control)
    mutated, welsh_control = clf.predict(["ladd", "gadd"])  # "lladd" after a soft mutation
    assert mutated["threat"] > welsh_control["threat"] + 0.03, (mutated, welsh_control)
    assert seen_form["threat"] >= new_form["threat"]


def test_predict_answers_every_text_in_order_even_bad_ones(classifier: Classifier) -> None:
    texts = ["", "   ", "\u200b\u202e" * 50, "😀" * 10_000, "x" * 1_000_000, "Mr Tanner stole the trip money"]
    out = classifier.predict(texts)
    assert len(out) == len(texts)
    assert all(set(p) == set(CATEGORIES) and all(0.0 <= v <= 1.0 for v in p.values()) for p in out)
    assert out[0] == out[1] == dict.fromkeys(CATEGORIES, 0.0)


# -- the command line ------------------------------------------------------------------------------


def test_command_line_predict_and_a_missing_model(classifier: Classifier, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    classifier.nlp.to_disk(tmp_path / "m")
    (tmp_path / "m" / textcat.INFO_FILE).write_text(json.dumps(classifier.info), encoding="utf-8")
    assert training.main(["predict", "--model", str(tmp_path / "m"), "I will stab Mr Fairweather tomorrow"]) == 0
    assert "threat" in capsys.readouterr().out
    assert training.main(["evaluate", "--model", str(tmp_path / "none")]) == 1
    assert "Error:" in capsys.readouterr().err


# -- reading the model without the spaCy pipeline --------------------------------------------------

VARIED = ["I'm going to stab Mr Fairweather tomorrow", "Dwi'n mynd i ladd Mr Pugh fory!!", "lol lol lol lol",
          "x", "😀" * 40, "Ruby Shaw, 12 Elm Road, 07700 900123", "a" * 250 + " then more words", "  padded  ",
          "Mr Tanner stole the trip money and was sacked for it, the school covered it up. " * 80,
          "Well done to everyone in the Year 7 choir, what a lovely concert tonight!", "mae'r gwersi'n dda"]


def test_the_trained_model_is_read_directly(classifier: Classifier) -> None:
    assert classifier.direct


def test_direct_reading_gives_the_spacy_pipelines_probabilities(classifier: Classifier) -> None:
    through_spacy = Classifier(classifier.nlp, classifier.info, direct=False)
    assert not through_spacy.direct
    assert classifier.predict(VARIED) == through_spacy.predict(VARIED)


def test_direct_reading_does_not_depend_on_the_batch(classifier: Classifier) -> None:
    one_by_one = [classifier.predict([text], batch_size=1)[0] for text in VARIED]
    assert classifier.predict(VARIED, batch_size=4) == one_by_one


def test_a_tokenizer_made_as_the_classifiers_is_recognised(classifier: Classifier) -> None:
    assert classifier.tokenizes_as(spacy.blank("en").tokenizer) == ()
    assert classifier.tokenizes_as(spacy.blank("de").tokenizer) is None  # other rules
    welsh = spacy.blank("en").tokenizer
    welsh.add_special_case("Cymru'n", [{"ORTH": "Cymru"}, {"ORTH": "'n"}])
    assert classifier.tokenizes_as(welsh) == ("'n", "\u2019n")  # texts with these are tokenized again


def test_the_pipelines_tokens_give_the_classifiers_own_results(example_profile: Profile) -> None:
    reading = Analyser(example_profile)
    judge: Any = reading.nlp.get_pipe("repmon_textcat")
    if judge.classifier is None:
        pytest.skip("no text classifier built")
    assert judge.reads_first_norms and getattr(reading.nlp.tokenizer, "keep_first_norms")
    tokenizing = Analyser(example_profile)
    setattr(tokenizing.nlp.tokenizer, "keep_first_norms", False)
    items = [{"id": i, "text": "QEHS Carmarthen: " + text} for i, text in enumerate(
        VARIED + ["Mae Ysgol y Frenhines Elisabeth'n warthus, dwi am ladd Mr Rees", "QEHS " + "x" * 120 + " stab"])]
    assert reading.analyse_many(items) == tokenizing.analyse_many(items)
    assert [reading.analyse(item) for item in items] == [tokenizing.analyse(item) for item in items]


def test_a_special_case_added_to_the_pipeline_later_makes_the_classifier_tokenize_again(example_profile: Profile) -> None:
    reading, tokenizing = Analyser(example_profile), Analyser(example_profile)
    if getattr(reading.nlp.get_pipe("repmon_textcat"), "classifier", None) is None:
        pytest.skip("no text classifier built")
    for analyser in (reading, tokenizing):  # the classifier's own tokenizer keeps "stabbing" whole
        getattr(analyser.nlp.tokenizer, "inner").add_special_case("stabbing", [{"ORTH": "stab"}, {"ORTH": "bing"}])
    setattr(tokenizing.nlp.tokenizer, "keep_first_norms", False)
    item = {"id": "s", "text": "QEHS Carmarthen: I'm stabbing Mr Rees tomorrow, no joke, stabbing him"}
    assert reading.analyse(item) == tokenizing.analyse(item)
