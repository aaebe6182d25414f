"""`repmon evaluate` and nlp.evaluate: gold files are checked, scores are right, the held-out sets stay usable."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from nlp.analyse import Analyser
from nlp.evaluate import GoldError, evaluate, format_report, load_gold
from repmon.cli import cli
from repmon.profile import Profile, load_profile

GOLD_DIR = Path(__file__).resolve().parents[2] / "nlp" / "gold"
EXAMPLE = Path(__file__).resolve().parents[2] / "profiles" / "example.toml"
PROFILES = {"qehs": EXAMPLE, "powhs": GOLD_DIR / "powhs.toml"}


def _line(item_id: str, text: str, relevant: bool, mentions: list[str] | None = None,
          categories: list[str] | None = None, **extra: object) -> str:
    return json.dumps({"id": item_id, "text": text, **extra,
                       "gold": {"relevant": relevant, "mentions": mentions or [], "categories": categories or []}})


def _write(tmp_path: Path, *lines: str) -> Path:
    path = tmp_path / "gold.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def test_scores_relevance_mentions_categories_and_critical(analyser: Analyser, example_profile: Profile,
                                                           tmp_path: Path) -> None:
    gold = _write(
        tmp_path,
        _line("g1", "I'm going to stab Mr Beynon at QEHS in Carmarthen tomorrow.", True, ["staff-004"], ["threat"]),
        _line("g2", "HMS Queen Elizabeth left Portsmouth today.", False),
        _line("g3", "Mrs Pritchard at QEHS in Carmarthen is lovely.", True, ["staff-003"], ["harassment"]),
    )
    report = evaluate(example_profile, gold, analyser)
    assert report.items == 3
    assert (report.relevance.tp, report.relevance.fp, report.relevance.fn) == (2, 0, 0)
    assert report.mentions["staff"].recall == 1.0
    assert report.categories["threat"].f1 == 1.0
    assert report.categories["harassment"].recall == 0.0          # g3 is labelled wrongly on purpose
    assert (report.critical_marked, report.critical_total) == (1, 1)
    assert [m.id for m in report.misses] == ["g3"]
    assert "category missed: harassment" in report.misses[0].problems


def test_report_table_lists_every_measure_and_the_worst_misses(analyser: Analyser, example_profile: Profile,
                                                               tmp_path: Path) -> None:
    gold = _write(tmp_path, _line("g1", "QEHS in Carmarthen is a shambles.", True, [], ["harassment"]))
    text = format_report(evaluate(example_profile, gold, analyser))
    for word in ("relevance", "mentions staff", "mentions pupil", "threat", "safeguarding", "defamatory", "harassment",
                 "identifying", "disrepute", "macro-F1", "critical items", "worst misses", "g1"):
        assert word in text


def test_lines_for_another_profile_are_skipped_and_counted(analyser: Analyser, example_profile: Profile,
                                                           tmp_path: Path) -> None:
    gold = _write(tmp_path, _line("a", "QEHS in Carmarthen.", True, profile="qehs"),
                  _line("b", "PoW High in Bangor.", True, profile="powhs"))
    report = evaluate(example_profile, gold, analyser)
    assert (report.items, report.skipped) == (1, 1)


@pytest.mark.parametrize("line,message", [
    ("{not json", "not valid JSON"),
    (json.dumps({"id": "x", "text": "t"}), "'gold' must be an object"),
    (_line("x", "t", True, categories=["rudeness"]), "unknown category rudeness"),
    (_line("x", "t", True, mentions=["staff-999"]), "staff-999, not in profile"),
    (json.dumps({"text": "t", "gold": {"relevant": True}}), "'id' is missing"),
])
def test_a_bad_gold_line_is_refused_naming_file_and_line(example_profile: Profile, tmp_path: Path, line: str,
                                                         message: str) -> None:
    gold = _write(tmp_path, _line("ok", "fine", False), line)
    with pytest.raises(GoldError, match=message) as info:
        load_gold(gold, example_profile)
    assert "gold.jsonl:2" in str(info.value) or "not in profile" in str(info.value)


def test_a_file_with_no_line_for_the_profile_says_which_profiles_it_holds(example_profile: Profile,
                                                                            tmp_path: Path) -> None:
    gold = _write(tmp_path, _line("b", "PoW High in Bangor.", True, profile="powhs"))
    with pytest.raises(GoldError, match="holds powhs"):
        load_gold(gold, example_profile)


CRITICAL_PROBES = {"qehs-dev3.jsonl", "powhs-dev3.jsonl"}  # written to probe critical wording: all relevant


@pytest.mark.parametrize("path", sorted(GOLD_DIR.glob("*.jsonl")), ids=lambda p: p.name)
def test_every_gold_file_loads_with_its_profile(path: Path) -> None:
    school = path.name.split("-")[0]
    gold, skipped = load_gold(path, load_profile(PROFILES[school]))
    assert len(gold) >= 30 and skipped == 0
    assert any(g.relevant for g in gold)
    assert path.name in CRITICAL_PROBES or any(not g.relevant for g in gold), "a gold set needs decoys"


def test_gold_sets_are_kept_apart_from_the_training_corpus() -> None:
    corpus_dir = Path(__file__).resolve().parents[2] / "nlp" / "corpus"
    corpus = {" ".join(json.loads(line)["text"].lower().split())
              for path in corpus_dir.glob("*.jsonl") for line in path.read_text(encoding="utf-8").splitlines()
              if line.strip() and not line.lstrip().startswith("#")}
    gold = {" ".join(json.loads(line)["text"].lower().split())
            for path in GOLD_DIR.glob("*.jsonl") for line in path.read_text(encoding="utf-8").splitlines() if line.strip()}
    assert corpus & gold == set()


def test_cli_evaluate_prints_the_table_and_exits_0(tmp_path: Path) -> None:
    gold = _write(tmp_path, _line("g1", "QEHS in Carmarthen is a shambles.", True, [], ["disrepute"]))
    result = CliRunner().invoke(cli, ["evaluate", "--rules-only", "--profile", str(EXAMPLE), "--gold", str(gold)],
                                obj={})
    assert result.exit_code == 0, result.output
    assert "relevance" in result.output and "critical items marked critical: 0/0" in result.output


def test_cli_evaluate_json(tmp_path: Path) -> None:
    gold = _write(tmp_path, _line("g1", "QEHS in Carmarthen is a shambles.", True, [], ["disrepute"]))
    result = CliRunner().invoke(cli, ["evaluate", "--rules-only", "--json", "--profile", str(EXAMPLE), "--gold",
                                      str(gold)], obj={})
    assert result.exit_code == 0, result.output
    scores = json.loads(result.output)
    assert scores["categories"]["disrepute"]["f1"] == 1.0 and scores["analyser"].startswith("repmon-rules-")


def test_cli_evaluate_missing_gold_file_is_one_error_line(tmp_path: Path) -> None:
    result = CliRunner().invoke(cli, ["evaluate", "--profile", str(EXAMPLE), "--gold", str(tmp_path / "no.jsonl")],
                                obj={})
    assert result.exit_code == 1 and "gold file not found" in result.output
