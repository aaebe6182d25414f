"""Rules v2 modifiers (denials, idioms, cues that need personal details, Welsh mutations) and the text classifier
combined with the rules; an installed spaCy pipeline used when configured."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import spacy

from nlp import flags as flagging
from nlp.analyse import ANALYSER_VERSION, Analyser, analyser_from_settings
from nlp.components import CATEGORIES_FILE, SEVERITY_RANK
from nlp.lexicon import load_categories
from repmon.config import load_settings
from repmon.profile import Profile
from tests.nlp.helpers import Analyse, categories, tiny_corpus

AT = " QE High, Carmarthen."


def test_an_allegation_the_text_denies_is_not_defamatory(analyse: Analyse) -> None:
    result = analyse("Someone posted that Mrs Howells is a thief. That's a lie, she's lovely." + AT)
    assert "defamatory" not in categories(result)


def test_an_allegation_without_a_denial_is_defamatory(analyse: Analyse) -> None:
    assert "defamatory" in categories(analyse("Mrs Howells is a thief." + AT))


def test_an_idiom_cancels_the_cue_inside_it(analyse: Analyse) -> None:
    assert categories(analyse("Mrs Howells's choir stole the show at the concert." + AT)) == set()


def test_a_veiled_threat_needs_personal_details_in_the_text(analyse: Analyse) -> None:
    # (v15) "pay him a visit": "go say hi" after an address is harassment now, as the gold writers label it
    assert "threat" not in categories(analyse("Mr Beynon is back on Monday. Pay him a visit." + AT))
    result = analyse("Mr Beynon lives at 14 Heol y Bryn. Pay him a visit." + AT)
    assert {"threat", "identifying"} <= categories(result) and result["severity"] == "critical"


def test_welsh_cues_match_after_an_initial_mutation(analyse: Analyse) -> None:
    assert "defamatory" in categories(analyse("Mae Mr Beynon yn gelwyddgi." + AT))


# --- the text classifier beside the rules ---------------------------------------------------------------------

def _persons(analyser: Analyser, text: str) -> list[Any]:
    doc = analyser.doc({"id": "x", "text": text})
    return [m for m in doc.spans["repmon_mentions"] if m.label_ in ("staff", "pupil")]


def _combine(analyser: Analyser, text: str, probs: dict[str, float], rule_flags: list[dict[str, Any]] | None = None,
             vetoed: set[str] | None = None) -> list[dict[str, Any]]:
    return flagging.with_classifier(rule_flags or [], probs, load_categories(CATEGORIES_FILE), SEVERITY_RANK,
                                    persons=_persons(analyser, text), school_id="qehs", vetoed=vetoed or set(),
                                    version="textcat-test")


def test_the_classifier_adds_a_category_the_rules_missed_and_says_so(analyser: Analyser) -> None:
    flags = _combine(analyser, "Mr Beynon at QEHS in Carmarthen, ur days r numbered", {"threat": 0.93})
    assert [(f["category"], f["ref"], f["rules"]) for f in flags] == [("threat", "staff-004", ["textcat"])]
    assert "text classifier" in flags[0]["reason"] and "0.93" in flags[0]["reason"]


def test_the_classifier_below_its_threshold_adds_nothing(analyser: Analyser) -> None:
    assert _combine(analyser, "QEHS in Carmarthen", {"threat": 0.34, "safeguarding": 0.24, "disrepute": 0.49}) == []


def test_the_classifier_confirms_a_rule_flag_and_raises_its_score(analyser: Analyser) -> None:
    rule = {"category": "disrepute", "score": 0.6, "reason": "hostile review", "ref": "qehs", "rules": ["disrepute.x"],
            "evidence": [[0, 4]]}
    flags = _combine(analyser, "QEHS in Carmarthen", {"disrepute": 0.9}, [rule])
    assert flags[0]["score"] == 0.9 and flags[0]["rules"] == ["disrepute.x", "textcat"]
    assert flags[0]["reason"].startswith("hostile review; the text classifier agrees")


def test_a_rule_veto_stops_the_classifier(analyser: Analyser) -> None:
    assert _combine(analyser, "Mr Beynon at QEHS", {"defamatory": 0.95}, vetoed={"defamatory"}) == []


def test_person_categories_need_a_named_person(analyser: Analyser) -> None:
    assert _combine(analyser, "QEHS in Carmarthen", {"harassment": 0.99}) == []


def test_identifying_is_never_added_by_the_classifier_alone(analyser: Analyser) -> None:
    assert _combine(analyser, "Cai Llewelyn at QEHS", {"identifying": 0.99}) == []


def test_pupil_flags_name_each_pupil_once(analyser: Analyser) -> None:
    flags = flagging.pupil_flags(_persons(analyser, "Cai Llewelyn at QEHS. Cai is ill."))
    assert [(f["category"], f["ref"], len(f["evidence"])) for f in flags] == [("identifying", "pupil-0042", 2)]


def test_a_built_classifier_is_used_and_named_in_the_results(example_profile: Profile, tmp_path: Path) -> None:
    from nlp import textcat

    textcat.train(tiny_corpus(tmp_path / "corpus"), tmp_path / "model", epochs=1)
    analyser = Analyser(example_profile, textcat_path=str(tmp_path / "model"))
    result = analyser.analyse({"id": "x", "text": "Mr Beynon at QEHS in Carmarthen is a thief."})
    assert analyser.version.startswith(ANALYSER_VERSION + "+textcat-")
    assert result["analyser"] == analyser.version and "defamatory" in categories(result)


def test_without_a_built_classifier_the_rules_work_alone(example_profile: Profile, tmp_path: Path) -> None:
    analyser = Analyser(example_profile, textcat_path=str(tmp_path / "nothing-here"))
    assert analyser.version == ANALYSER_VERSION
    assert "threat" in categories(analyser.analyse({"id": "x", "text": "I'm going to stab Mr Beynon" + AT}))


def test_settings_choose_the_classifier_and_the_base_model(example_profile: Profile, tmp_path: Path) -> None:
    settings = load_settings(environ={}).with_overrides({"analysis.textcat": False})
    assert analyser_from_settings(example_profile, settings).version == ANALYSER_VERSION


def test_an_installed_spacy_pipeline_runs_first_when_configured(example_profile: Profile, tmp_path: Path) -> None:
    base = spacy.blank("en")
    base.add_pipe("sentencizer", name="base_sentences")
    base.to_disk(tmp_path / "base-model")
    analyser = Analyser(example_profile, base_model=str(tmp_path / "base-model"), textcat=False)
    assert analyser.nlp.pipe_names[0] == "base_sentences"
    result = analyser.analyse({"id": "x", "text": "I'm going to stab Mr Beynon" + AT})
    assert result["severity"] == "critical"
