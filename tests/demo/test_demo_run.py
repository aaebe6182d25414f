"""The demo's own safety: it never reads a school's .env and never deletes a folder it did not make."""

from __future__ import annotations

from pathlib import Path

import pytest

from demo.run import demo_settings, run_demo
from repmon.errors import RepmonError


def test_the_demo_ignores_a_schools_env_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / ".env").write_text("REPMON_RECIPIENTS_CRITICAL=real.person@school.example\n"
                                   "REPMON_SMTP_HOST=smtp.school.example\n", encoding="utf-8")
    (tmp_path / "demo").mkdir()
    settings = demo_settings(tmp_path / "demo", "http://127.0.0.1:1", 2525)
    assert settings["recipients.critical"] == ["dsl@example-qehs.sch.uk", "head@example-qehs.sch.uk"]
    assert settings["smtp.host"] == "127.0.0.1"


def test_the_demo_refuses_a_folder_it_did_not_make(tmp_path: Path):
    precious = tmp_path / "precious.txt"
    precious.write_text("keep me", encoding="utf-8")
    with pytest.raises(RepmonError, match="not made by repmon demo"):
        run_demo(tmp_path)
    assert precious.read_text(encoding="utf-8") == "keep me"
