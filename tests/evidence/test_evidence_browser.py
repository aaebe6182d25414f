"""Finding Chromium: a setting or PATH, and an error that says what to install."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from repmon.browser import find_chromium
from repmon.errors import ConfigError


def fake_binary(folder: Path, name: str) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    path.write_text("#!/bin/sh\necho 'Chromium 1.0'\n", encoding="utf-8")
    path.chmod(0o755)
    return path


def test_the_setting_wins(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    binary = fake_binary(tmp_path / "opt", "my-chromium")
    monkeypatch.setenv("PATH", str(tmp_path / "empty"))
    assert find_chromium({"evidence.chromium_path": str(binary)}) == str(binary)


@pytest.mark.parametrize("name", ["chromium", "chromium-browser"])
def test_chromium_is_found_on_path(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, name: str):
    binary = fake_binary(tmp_path / "bin", name)
    monkeypatch.setenv("PATH", str(tmp_path / "bin"))
    assert find_chromium({"evidence.chromium_path": ""}) == str(binary)


def test_no_chromium_says_which_package_to_install(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    monkeypatch.setenv("PATH", str(tmp_path / "empty"))
    with pytest.raises(ConfigError, match=r"apt-get install chromium.*evidence\.chromium_path"):
        find_chromium({"evidence.chromium_path": ""})


def test_a_setting_that_is_not_a_program_names_the_setting(tmp_path: Path):
    not_a_program = tmp_path / "chromium.txt"
    not_a_program.write_text("", encoding="utf-8")
    os.chmod(not_a_program, 0o644)
    with pytest.raises(ConfigError, match="evidence.chromium_path.*not an executable"):
        find_chromium({"evidence.chromium_path": str(not_a_program)})
