"""(Classifier round 12) The context reader: a second text classifier, read only for a relevant item that neither the rules nor the
linear classifier have made critical, and only able to raise a critical category or (rules v13) harassment
(``context_min`` in categories-v10.jsonl)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from nlp import train as training
from nlp.analyse import ANALYSER_VERSION, Analyser
from nlp.components import CATEGORIES_FILE
from nlp.lexicon import CATEGORIES, load_categories
from nlp.textcat import CONTEXT_VERSION, TEXTCAT_VERSION, context_dir
from repmon.profile import Profile
from tests.nlp.helpers import categories, flags_of, tiny_corpus

AT = " QE High, Carmarthen."


class Reader:
    """A classifier that gives the same probabilities to every text and keeps the texts it was asked to read."""

    def __init__(self, version: str, **probs: float) -> None:
        self.version = version
        self.probs = {c: probs.get(c, 0.0) for c in CATEGORIES}
        self.read: list[str] = []

    def predict(self, texts: list[str], batch_size: int = 128, **_: Any) -> list[dict[str, float]]:
        self.read += texts
        return [dict(self.probs) for _ in texts]


class PassageReader(Reader):
    """A reader that sees a threat only in a text of at most three sentences that holds ``words`` (read whole, a long
    post dilutes it)."""

    def __init__(self, version: str, words: str) -> None:
        super().__init__(version)
        self.words = words

    def predict(self, texts: list[str], batch_size: int = 128, **_: Any) -> list[dict[str, float]]:
        self.read += texts
        return [{**self.probs, "threat": 0.97 if self.words in t and t.count(".") <= 3 else 0.0} for t in texts]


LONG = ("Lovely to see QE High in Carmarthen doing so well in the league tables again this year. "
        "The new sports hall is great and the kids love the climbing wall. "
        "Parking at pick-up is still a nightmare though, with cars on the pavement every day. "
        "Mr Beynon parks in the same spot every night after everyone else has gone home. "
        "He always leaves last, usually well after six o'clock. "
        "Anyway, well done to the choir for a wonderful concert on Friday.")


@pytest.fixture(scope="module")
def built(example_profile: Profile, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Both classifiers trained for one epoch on a tiny corpus by the training command."""
    where = tmp_path_factory.mktemp("context")
    model = where / "model"
    assert training.main(["--corpus", str(tiny_corpus(where / "corpus")), "--output", str(model),
                          "--epochs", "1", "--context-epochs", "1"]) == 0
    return model


def _with(example_profile: Profile, built: Path, linear: Reader, context: Reader) -> Analyser:
    analyser = Analyser(example_profile, textcat_path=str(built))
    judge: Any = analyser.nlp.get_pipe("repmon_textcat")
    judge.classifier, judge.context = linear, context
    return analyser


def _analyse(analyser: Analyser, text: str) -> dict[str, Any]:
    return analyser.analyse({"id": "t-1", "text": text})


def test_training_saves_the_context_reader_beside_the_model_and_results_name_both(built: Path,
                                                                                  example_profile: Profile) -> None:
    assert (context_dir(built) / "repmon-textcat.json").exists() and context_dir(built).name == "model-context"
    analyser = Analyser(example_profile, textcat_path=str(built))
    assert analyser.version.startswith(f"{ANALYSER_VERSION}+{TEXTCAT_VERSION}+")
    assert f"+{CONTEXT_VERSION}+" in analyser.version
    assert _analyse(analyser, "Mr Beynon at QEHS in Carmarthen.")["analyser"] == analyser.version


def test_training_without_the_context_reader_removes_an_old_one(tmp_path: Path, example_profile: Profile) -> None:
    model = tmp_path / "model"
    corpus = tiny_corpus(tmp_path / "corpus")
    assert training.main(["--corpus", str(corpus), "--output", str(model), "--epochs", "1", "--context-epochs", "1"]) == 0
    assert training.main(["--corpus", str(corpus), "--output", str(model), "--epochs", "1", "--no-context"]) == 0
    assert not context_dir(model).exists()
    assert CONTEXT_VERSION not in Analyser(example_profile, textcat_path=str(model)).version


def test_it_raises_a_critical_category_the_linear_model_missed_and_says_so(example_profile: Profile,
                                                                           built: Path) -> None:
    context = Reader("textcat-context-test", threat=0.95)
    result = _analyse(_with(example_profile, built, Reader("textcat-test"), context),
                      "Mr Beynon parks his car in the same spot every night." + AT)
    assert result["severity"] == "critical" and [f["ref"] for f in flags_of(result, "threat")] == ["staff-004"]
    assert "0.95, textcat-context-test" in flags_of(result, "threat")[0]["reason"]


def test_below_its_cut_it_adds_nothing(example_profile: Profile, built: Path) -> None:
    context = Reader("textcat-context-test", threat=0.85, safeguarding=0.75)
    result = _analyse(_with(example_profile, built, Reader("textcat-test"), context),
                      "Mr Beynon parks his car in the same spot every night." + AT)
    assert context.read and result["severity"] != "critical"


def test_it_never_adds_defamation_or_disrepute(example_profile: Profile, built: Path) -> None:
    context = Reader("textcat-context-test", defamatory=0.99, disrepute=0.99, identifying=0.99)
    result = _analyse(_with(example_profile, built, Reader("textcat-test"), context), "Mr Beynon at QEHS." + AT)
    assert context.read and categories(result) == set()


def test_it_raises_harassment_of_the_person_named(example_profile: Profile, built: Path) -> None:
    context = Reader("textcat-context-test", harassment=0.93)
    result = _analyse(_with(example_profile, built, Reader("textcat-test"), context),
                      "Kev: Mr Beynon didn't turn up again.\nAnna: harsh\nKev: someone has to say it" + AT)
    assert [f["ref"] for f in flags_of(result, "harassment")] == ["staff-004"]
    assert "0.93, textcat-context-test" in flags_of(result, "harassment")[0]["reason"]


def test_below_its_cut_it_adds_no_harassment(example_profile: Profile, built: Path) -> None:
    context = Reader("textcat-context-test", harassment=0.85)
    result = _analyse(_with(example_profile, built, Reader("textcat-test"), context), "Mr Beynon at QEHS." + AT)
    assert context.read and "harassment" not in categories(result)


def test_it_adds_no_harassment_when_nobody_is_named(example_profile: Profile, built: Path) -> None:
    context = Reader("textcat-context-test", harassment=0.99)
    result = _analyse(_with(example_profile, built, Reader("textcat-test"), context), "The parking at QEHS." + AT)
    assert context.read and "harassment" not in categories(result)


def test_it_is_not_read_when_a_rule_already_made_the_item_critical(example_profile: Profile, built: Path) -> None:
    context = Reader("textcat-context-test", safeguarding=0.99)
    result = _analyse(_with(example_profile, built, Reader("textcat-test"), context),
                      "I'm going to stab Mr Beynon tomorrow." + AT)
    assert result["severity"] == "critical" and context.read == []


def test_it_is_not_read_when_the_linear_model_already_made_the_item_critical(example_profile: Profile,
                                                                             built: Path) -> None:
    context = Reader("textcat-context-test", threat=0.99)
    result = _analyse(_with(example_profile, built, Reader("textcat-test", safeguarding=0.5), context),
                      "Mr Beynon has been very quiet lately." + AT)
    assert categories(result) >= {"safeguarding"} and context.read == []


def test_it_is_not_read_for_an_item_about_someone_else(example_profile: Profile, built: Path) -> None:
    context = Reader("textcat-context-test", threat=0.99)
    result = _analyse(_with(example_profile, built, Reader("textcat-test"), context),
                      "Queen Elizabeth Hospital in Gateshead opens a new ward.")
    assert not result["relevant"] and context.read == []


def test_batched_analysis_reads_it_the_same_way(example_profile: Profile, built: Path) -> None:
    texts = ["Mr Beynon parks his car in the same spot every night." + AT, "I'm going to stab Mr Beynon tomorrow." + AT,
             "Lovely concert from the QEHS choir tonight." + AT]
    context = Reader("textcat-context-test", threat=0.95)
    analyser = _with(example_profile, built, Reader("textcat-test"), context)
    one_by_one = [_analyse(analyser, text) for text in texts]
    read_alone, context.read = list(context.read), []
    batched = analyser.analyse_many([{"id": "t-1", "text": text} for text in texts])
    assert batched == one_by_one and context.read == read_alone
    assert [r["severity"] for r in batched] == ["critical", "critical", "critical"]


def test_the_categories_file_gives_the_cuts_and_other_categories_none() -> None:
    rules = load_categories(CATEGORIES_FILE)
    assert rules["threat"].context_min == 0.9 and rules["safeguarding"].context_min == 0.8
    assert rules["harassment"].context_min == 0.9
    assert all(rules[c].context_min > 1.0 for c in CATEGORIES if c not in ("threat", "safeguarding", "harassment"))


def test_in_a_long_post_it_reads_each_run_of_three_sentences_and_shows_where(example_profile: Profile,
                                                                             built: Path) -> None:
    context = PassageReader("textcat-context-test", "same spot every night")
    result = _analyse(_with(example_profile, built, Reader("textcat-test"), context), LONG)
    (flag,) = flags_of(result, "threat")
    start, end = flag["evidence"][0]
    assert LONG[start:end] == ("Mr Beynon parks in the same spot every night after everyone else has gone "
                               "home.")  # the sentence every run read it in
    assert "(0.97, textcat-context-test) in 'Mr Beynon parks in the same spot every night after everyone" \
        in flag["reason"]
    assert len(context.read) == 1 + 4  # the whole post, and the runs of sentences 1-3, 2-4, 3-5 and 4-6


def test_a_short_post_is_read_whole_only(example_profile: Profile, built: Path) -> None:
    context = PassageReader("textcat-context-test", "same spot every night")
    _analyse(_with(example_profile, built, Reader("textcat-test"), context), "QE High, Carmarthen. Mr Beynon is in.")
    assert len(context.read) == 1


def test_runs_of_short_sentences_are_not_read_on_their_own(example_profile: Profile, built: Path) -> None:
    context = PassageReader("textcat-context-test", "same spot every night")
    short = "QE High, Carmarthen. News. Parents forum. Reviews. Mr Beynon parks in the same spot every night."
    _analyse(_with(example_profile, built, Reader("textcat-test"), context), short)
    assert context.read == [short]


MENU = "Tywi Valley Gazette\n|\nNews\n|\nParents forum\n|\nReviews\n"


def test_a_page_of_menus_and_titles_is_not_read(example_profile: Profile, built: Path) -> None:
    context = Reader("textcat-context-test", threat=0.99, safeguarding=0.99)
    index = MENU + "Parents forum: Carmarthenshire\nQE High - anyone else's kid being picked on?\nMr Beynon's car park\nUniform"
    result = _analyse(_with(example_profile, built, Reader("textcat-test"), context), index)
    assert result["relevant"] and context.read == [] and result["severity"] != "critical"


def test_on_a_page_with_a_menu_it_reads_the_runs_of_sentences_below_it(example_profile: Profile, built: Path) -> None:
    context = PassageReader("textcat-context-test", "same spot every night")
    result = _analyse(_with(example_profile, built, Reader("textcat-test"), context), MENU + LONG)
    assert [f["ref"] for f in flags_of(result, "threat")] == ["staff-004"]
    assert context.read and not any(text.startswith("Tywi Valley Gazette") for text in context.read)


def test_a_retyped_chat_of_short_messages_is_read(example_profile: Profile, built: Path) -> None:
    context = Reader("textcat-context-test", threat=0.95)
    chat = "QE High, Carmarthen yr 9 gc\nJ: u seen Mr Beynon\nK: ye\nJ: friday then\nK: bring it"
    result = _analyse(_with(example_profile, built, Reader("textcat-test"), context), chat)
    assert context.read == [chat] and result["severity"] == "critical"


def _blas_threads() -> list[int]:
    from threadpoolctl import threadpool_info

    return [pool["num_threads"] for pool in threadpool_info() if pool["user_api"] == "blas"]


def test_its_matrix_products_are_numpys_and_give_thincs_own_probabilities(built: Path) -> None:
    """(Rules v21, speed) numpy's products, about four times quicker than thinc's default BLIS ones, for the same
    probabilities to within the last rounded place."""
    from thinc.api import NumpyOps

    from nlp.textcat import load_classifier

    reader, thincs = load_classifier(context_dir(built)), load_classifier(context_dir(built))
    assert reader is not None and thincs is not None
    nodes = list(reader.nlp.get_pipe("textcat_multilabel").model.walk())
    assert nodes and all(isinstance(n.ops, NumpyOps) and not n.ops.use_blis for n in nodes)
    for node in thincs.nlp.get_pipe("textcat_multilabel").model.walk():
        node.ops = NumpyOps()  # thinc's default: BLIS
    texts = ["Mr Beynon at QEHS in Carmarthen is brilliant.", "I will hurt him after school. " * 20, "ok", ""]
    for ours, theirs in zip(reader.predict(texts), thincs.predict(texts)):
        assert all(abs(ours[c] - theirs[c]) <= 0.0001 for c in CATEGORIES), (ours, theirs)


def test_it_reads_with_one_blas_thread_and_gives_the_others_back(built: Path) -> None:
    from threadpoolctl import threadpool_limits

    from nlp.textcat import load_classifier

    reader = load_classifier(context_dir(built))
    assert reader is not None
    seen: list[list[int]] = []
    pipe = reader.nlp.pipe

    def watched(*args: Any, **kwargs: Any) -> Any:
        for doc in pipe(*args, **kwargs):
            seen.append(_blas_threads())
            yield doc

    reader.nlp.pipe = watched  # type: ignore[method-assign]
    with threadpool_limits(limits=2, user_api="blas"):
        before = _blas_threads()
        reader.predict(["Mr Beynon at QEHS in Carmarthen.", "Another post about the school."])
        after = _blas_threads()
    assert before and all(n == 2 for n in before)
    assert seen and all(threads == [1] * len(before) for threads in seen)
    assert after == before
