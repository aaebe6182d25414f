"""`repmon status`: one line per job, recent counts, and exit code 3 when a source has failed too long."""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner

from data.store import Store
from demo.run import write_settings
from repmon.cli import cli

from tests.paths import EXAMPLE_PROFILE


def _config(tmp_path: Path, **extra: object) -> Path:
    path = tmp_path / "repmon.toml"
    write_settings(path, {"profile.path": str(EXAMPLE_PROFILE), "store.db_path": str(tmp_path / "repmon.db"),
                          "collect.start_urls": ["https://news.example/"], **extra})
    return path


def _run(store: Store, source: str, ok: bool, started: str, message: str = "") -> None:
    run_id = store.start_run(source)
    store.finish_run(run_id, ok=ok, message=message)
    store.db.execute("UPDATE source_runs SET started_at = ? WHERE id = ?", [started, run_id])


def test_status_lists_every_job_and_exits_0_when_healthy(tmp_path: Path) -> None:
    config = _config(tmp_path)
    store = Store.open(tmp_path / "repmon.db")
    _run(store, "web", True, "2026-11-28T09:00:00Z", "16 responses, 14 items (14 new)")
    store.close()
    result = CliRunner().invoke(cli, ["--config", str(config), "status"])
    assert result.exit_code == 0, result.output
    for job in ("web", "analyse", "outbox", "digest", "retention", "backup"):
        assert f"\n{job} " in result.output
    assert "14 items (14 new)" in result.output
    assert "service: not running" in result.output


def test_status_exits_3_and_says_since_when_a_source_keeps_failing(tmp_path: Path) -> None:
    config = _config(tmp_path, **{"schedule.failing_hours": 24.0})
    store = Store.open(tmp_path / "repmon.db")
    _run(store, "web", True, "2026-11-20T09:00:00Z")
    _run(store, "web", False, "2026-11-21T09:00:00Z", "nothing could be fetched: connection refused")
    _run(store, "web", False, "2026-11-22T09:00:00Z", "nothing could be fetched: connection refused")
    store.close()
    result = CliRunner().invoke(cli, ["--config", str(config), "status"])
    assert result.exit_code == 3, result.output
    assert "FAILING since 2026-11-21" in result.output and "connection refused" in result.output


def test_a_recent_failure_is_shown_but_not_yet_alarming(tmp_path: Path) -> None:
    config = _config(tmp_path, **{"schedule.failing_hours": 100000.0})
    store = Store.open(tmp_path / "repmon.db")
    _run(store, "web", False, "2026-11-28T09:00:00Z", "timeout")
    store.close()
    result = CliRunner().invoke(cli, ["--config", str(config), "status"])
    assert result.exit_code == 0
    assert "error" in result.output and "FAILING" not in result.output
