"""The docs keep up with the code: every setting has help text and a row in docs/settings.md."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from repmon.config import SETTINGS, Setting, env_name

SETTINGS_DOC = Path(__file__).resolve().parent.parent / "docs" / "settings.md"


@pytest.fixture(scope="module")
def documented_keys() -> set[str]:
    """The keys in the first column of the settings table."""
    text = SETTINGS_DOC.read_text(encoding="utf-8")
    return set(re.findall(r"^\| `([a-z_]+\.[a-z_]+)` \|", text, flags=re.MULTILINE))


@pytest.mark.parametrize("setting", SETTINGS, ids=lambda s: s.key)
def test_every_setting_has_help_text(setting: Setting) -> None:
    assert setting.help.strip(), f"give {setting.key} one line of help in repmon/config.py"


@pytest.mark.parametrize("setting", SETTINGS, ids=lambda s: s.key)
def test_every_setting_has_a_row_in_docs_settings_md(setting: Setting, documented_keys: set[str]) -> None:
    assert setting.key in documented_keys, f"add a row for `{setting.key}` to docs/settings.md"


@pytest.mark.parametrize("setting", SETTINGS, ids=lambda s: s.key)
def test_every_settings_environment_variable_is_in_docs_settings_md(setting: Setting) -> None:
    assert f"`{env_name(setting.key)}`" in SETTINGS_DOC.read_text(encoding="utf-8")


def test_docs_settings_md_lists_no_setting_that_does_not_exist(documented_keys: set[str]) -> None:
    assert documented_keys - {s.key for s in SETTINGS} == set()
