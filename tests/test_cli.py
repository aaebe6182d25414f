"""The repmon command through its real entry points (click's runner and a subprocess)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from repmon.cli import cli
from tests.paths import EXAMPLE_PROFILE, REPO


def run(*args: str, input: str | None = None):  # type: ignore[no-untyped-def]
    return CliRunner().invoke(cli, list(args), input=input, obj={})


def test_analyse_answers_each_line_in_order_and_fails_at_the_end_for_bad_lines(tmp_path: Path):
    items = tmp_path / "items.jsonl"
    items.write_text("\n".join([
        json.dumps({"id": "a", "text": "Queen Elizabeth High School in Carmarthen won a prize."}),
        "{not json",
        json.dumps({"id": "c"}),
        json.dumps({"id": "d", "text": "Nothing to see here."}),
    ]) + "\n", encoding="utf-8")
    out = tmp_path / "results.jsonl"
    result = run("analyse", "--profile", str(EXAMPLE_PROFILE), "--input", str(items), "--output", str(out))
    lines = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert result.exit_code == 1
    assert [line["id"] for line in lines] == ["a", None, "c", "d"]
    assert "error" in lines[1] and "error" in lines[2]
    assert lines[0]["relevant"] is True and lines[3]["relevant"] is False


def test_analyse_reads_stdin_and_writes_stdout_as_a_real_process():
    line = json.dumps({"id": "r-1", "text": "Mr Beynon at QE High in Carmarthen is a thief who stole from the PE fund."})
    proc = subprocess.run([sys.executable, "-m", "repmon", "analyse", "--profile", str(EXAMPLE_PROFILE)],
                          input=line + "\n", capture_output=True, text=True, cwd=REPO, timeout=120)
    assert proc.returncode == 0, proc.stderr
    (result,) = [json.loads(x) for x in proc.stdout.splitlines()]
    assert result["id"] == "r-1"
    assert {m["ref"] for m in result["mentions"]} >= {"qehs", "staff-004"}
    assert set(result) >= {"relevant", "mentions", "flags", "severity"}


def test_a_bad_profile_is_one_line_naming_file_entry_and_field(tmp_path: Path):
    profile = tmp_path / "p.toml"
    profile.write_text('[school]\nid = "x"\nname = "X School"\n[[staff]]\nid = "s1"\nname = ""\n', encoding="utf-8")
    result = run("analyse", "--profile", str(profile), input="")
    assert result.exit_code == 1
    assert result.output.count("\n") == 1
    assert str(profile) in result.output and "staff[0]" in result.output and "'name'" in result.output
    assert "Traceback" not in result.output


def test_a_missing_input_file_is_a_clear_error(tmp_path: Path):
    result = run("analyse", "--profile", str(EXAMPLE_PROFILE), "--input", str(tmp_path / "nope.jsonl"))
    assert result.exit_code == 1 and "nope.jsonl: cannot read the input" in result.output


def test_collect_without_sources_says_what_to_set(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("REPMON_STORE_DB_PATH", str(tmp_path / "r.db"))
    result = run("collect")
    assert result.exit_code == 1 and "collect.start_urls" in result.output


def test_a_bad_setting_is_one_line_naming_the_key(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "repmon.toml").write_text('[collect]\ndepth = "deep"\n', encoding="utf-8")
    result = run("collect")
    assert result.exit_code == 1 and "collect.depth" in result.output and "Traceback" not in result.output


def test_letter_for_an_unknown_alert_is_a_clear_error(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("REPMON_STORE_DB_PATH", str(tmp_path / "r.db"))
    monkeypatch.setenv("REPMON_PROFILE_PATH", str(EXAMPLE_PROFILE))
    result = run("letter", "42")
    assert result.exit_code == 1 and "no alert 42" in result.output


@pytest.mark.parametrize("name", sorted(cli.commands))
def test_every_command_has_help_with_an_example_and_is_in_the_readme(name: str):
    command = cli.commands[name]
    assert command.help and "Example:" in command.help
    assert f"repmon {name}" in (REPO / "README.md").read_text(encoding="utf-8")


def test_analyse_refuses_to_write_over_its_input(tmp_path: Path):
    items = tmp_path / "items.jsonl"
    items.write_text(json.dumps({"id": "a", "text": "hello"}) + "\n", encoding="utf-8")
    result = run("analyse", "--profile", str(EXAMPLE_PROFILE), "--input", str(items), "--output", str(items))
    assert result.exit_code == 1 and "would erase the items" in result.output
    assert items.read_text(encoding="utf-8").startswith('{"id": "a"')
