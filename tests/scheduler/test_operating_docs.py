"""docs/operating.md and the systemd unit stay true to the scheduler."""

from __future__ import annotations

import configparser
import re

from data import jobstate
from repmon.config import SETTINGS, load_settings
from scheduler import job_specs
from tests.paths import REPO

DOC = (REPO / "docs" / "operating.md").read_text(encoding="utf-8")


def test_the_unit_runs_the_service_and_waits_longer_than_the_stop_grace() -> None:
    unit = configparser.ConfigParser(strict=False, interpolation=None)
    unit.read(REPO / "deploy" / "repmon.service")
    service = unit["Service"]
    assert re.search(r"/repmon --config \S+ run$", service["ExecStart"])
    assert service["KillSignal"] == "SIGTERM"
    grace = next(s.default for s in SETTINGS if s.key == "schedule.stop_grace_seconds")
    assert int(service["TimeoutStopSec"]) > grace


def test_every_job_and_outcome_is_explained() -> None:
    settings = load_settings(environ={}).with_overrides({"collect.start_urls": ["https://news.example/"]})
    for spec in job_specs(settings):
        assert f"`{spec.id}`" in DOC, spec.id
    for outcome in ("ok", "error", jobstate.DISABLED, jobstate.INTERRUPTED, jobstate.ABANDONED):
        assert f"`{outcome}`" in DOC, outcome


def test_every_retention_and_backup_setting_is_in_the_guide() -> None:
    for setting in SETTINGS:
        if setting.key.startswith(("retention.", "backup.")):
            assert f"`{setting.key}`" in DOC, setting.key
