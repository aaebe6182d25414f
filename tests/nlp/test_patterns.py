"""The rule files are data: versioned, valid, documented; a broken one is refused with its file and line."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
from spacy.util import registry

from nlp.analyse import Analyser
from nlp.lexicon import PATTERNS_DIR, PatternFileError, read_jsonl
from nlp.pipeline import build_pipeline
from repmon.errors import ConfigError
from repmon.profile import Profile

DOCS = Path(__file__).resolve().parents[2] / "docs" / "analysis.md"
PATTERN_FILES = sorted(p.name for p in PATTERNS_DIR.glob("*.jsonl"))


@pytest.mark.parametrize("name", PATTERN_FILES)
def test_pattern_file_names_carry_a_version(name: str) -> None:
    assert re.fullmatch(r"[a-z-]+-v\d+\.jsonl", name)


@pytest.mark.parametrize("name", PATTERN_FILES)
def test_every_pattern_file_is_described_in_docs_analysis_md(name: str) -> None:
    assert name in DOCS.read_text(encoding="utf-8")


def test_every_repmon_component_says_what_it_assigns(analyser: Analyser) -> None:
    names = [n for n in analyser.nlp.pipe_names if n.startswith("repmon_")]
    missing = [n for n in names if "Assigns" not in (registry.factories.get(n).__doc__ or "")]
    assert missing == []


def test_pipeline_is_built_on_a_blank_english_model(analyser: Analyser) -> None:
    assert analyser.nlp.meta["name"] == "pipeline" and analyser.nlp.lang == "en"


def _copy_patterns(tmp_path: Path) -> Path:
    target = tmp_path / "patterns"
    shutil.copytree(PATTERNS_DIR, target)
    return target


def test_broken_rule_file_is_refused_naming_file_and_line(example_profile: Profile, tmp_path: Path) -> None:
    patterns = _copy_patterns(tmp_path)
    with (patterns / "cues-threat-v2.jsonl").open("a", encoding="utf-8") as handle:
        handle.write('{"id": "threat.broken", "category": "threat"\n')
    with pytest.raises(PatternFileError, match=r"cues-threat-v2\.jsonl:\d+: not valid JSON"):
        build_pipeline(example_profile, patterns_dir=str(patterns))


def test_unknown_category_is_refused(example_profile: Profile, tmp_path: Path) -> None:
    patterns = _copy_patterns(tmp_path)
    with (patterns / "cues-threat-v2.jsonl").open("a", encoding="utf-8") as handle:
        handle.write('{"id": "x.new", "category": "rudeness", "score": 0.5, "reason": "r", "phrases": ["boo"]}\n')
    with pytest.raises(PatternFileError, match="unknown category 'rudeness'"):
        build_pipeline(example_profile, patterns_dir=str(patterns))


def test_bad_matcher_pattern_is_refused_naming_the_rule(example_profile: Profile, tmp_path: Path) -> None:
    patterns = _copy_patterns(tmp_path)
    with (patterns / "cues-threat-v2.jsonl").open("a", encoding="utf-8") as handle:
        handle.write('{"id": "x.bad", "category": "threat", "score": 0.5, "reason": "r", "pattern": [{"NROM": "x"}]}\n')
    with pytest.raises(PatternFileError, match="x.bad"):
        build_pipeline(example_profile, patterns_dir=str(patterns))


def test_duplicate_rule_id_is_refused(example_profile: Profile, tmp_path: Path) -> None:
    patterns = _copy_patterns(tmp_path)
    with (patterns / "cues-disrepute-v2.jsonl").open("a", encoding="utf-8") as handle:
        handle.write('{"id": "threat.weapon", "category": "disrepute", "score": 0.5, "reason": "r", "phrases": ["x"]}\n')
    with pytest.raises(PatternFileError, match="already used"):
        build_pipeline(example_profile, patterns_dir=str(patterns))


def test_a_new_phrase_in_a_rule_file_is_picked_up(example_profile: Profile, tmp_path: Path) -> None:
    patterns = _copy_patterns(tmp_path)
    with (patterns / "cues-disrepute-v2.jsonl").open("a", encoding="utf-8") as handle:
        handle.write('{"id": "disrepute.test", "category": "disrepute", "score": 0.9, "reason": "test", '
                     '"phrases": ["grumbleflap"]}\n')
    nlp = build_pipeline(example_profile, patterns_dir=str(patterns), textcat=False)
    doc = nlp("QE High in Carmarthen is a grumbleflap.")
    assert [f["rules"] for f in doc._.repmon_flags] == [["disrepute.test"]]


def test_an_include_line_stands_for_the_released_file_it_names(tmp_path: Path) -> None:
    (tmp_path / "words-v1.jsonl").write_text('{"kind": "a"}\n{"kind": "b"}\n', encoding="utf-8")
    (tmp_path / "words-v2.jsonl").write_text('# v2\n{"include": "words-v1.jsonl"}\n{"kind": "c"}\n', encoding="utf-8")
    assert [(n, r["kind"]) for n, r in read_jsonl("words-v2.jsonl", tmp_path)] == [(1, "a"), (2, "b"), (3, "c")]


def test_an_include_that_comes_back_to_its_own_file_is_refused(tmp_path: Path) -> None:
    (tmp_path / "a-v1.jsonl").write_text('{"include": "b-v1.jsonl"}\n', encoding="utf-8")
    (tmp_path / "b-v1.jsonl").write_text('{"include": "a-v1.jsonl"}\n', encoding="utf-8")
    with pytest.raises(PatternFileError, match=r"b-v1\.jsonl:1: an include line"):
        read_jsonl("a-v1.jsonl", tmp_path)


def test_a_model_that_is_not_installed_is_a_config_error(example_profile: Profile) -> None:
    with pytest.raises(ConfigError, match="not installed"):
        build_pipeline(example_profile, base_model="repmon_no_such_model")


def test_a_profile_component_added_without_terms_says_how_to_build_the_pipeline() -> None:
    import spacy

    import nlp.components  # noqa: F401  (registers the factories)

    with pytest.raises(ConfigError, match="build_pipeline"):
        spacy.blank("en").add_pipe("repmon_mentions")


def test_asks_that_is_not_true_or_false_is_refused(example_profile: Profile, tmp_path: Path) -> None:
    patterns = _copy_patterns(tmp_path)
    with (patterns / "cues-defamatory-v14.jsonl").open("a", encoding="utf-8") as handle:
        handle.write('{"id": "x.asks", "category": "defamatory", "score": 0.5, "reason": "r", "phrases": ["boo"], '
                     '"asks": "yes"}\n')
    with pytest.raises(PatternFileError, match=r"cues-defamatory-v14\.jsonl:\d+: 'asks' must be true or false"):
        build_pipeline(example_profile, patterns_dir=str(patterns))
