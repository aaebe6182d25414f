"""A site whose pages a test can hold back, and `repmon run` as a real child process."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import pytest

from data.store import Store
from demo.run import write_settings
from tests.localweb import LocalWeb, Route
from tests.paths import EXAMPLE_PROFILE, REPO


class GatedSite(LocalWeb):
    """A small web site (path -> HTML); GETs for paths starting with one of ``held`` wait until ``release()``."""

    def __init__(self, pages: dict[str, str], held: set[str]) -> None:
        super().__init__(held=sorted(held))
        for path, html in pages.items():
            self.page(path, html)


class GatedReplay(LocalWeb):
    """Recorded API answers (social/replay.py interactions), matched on the path alone; ``held`` as above."""

    def __init__(self, interactions: list[Any], held: tuple[str, ...]) -> None:
        super().__init__(robots=False, held=held)
        for interaction in interactions:
            if interaction.method == "GET":
                path = urlsplit(interaction.uri).path.rstrip("/")
                self.routes.setdefault(path, Route(interaction.status, interaction.body, list(interaction.headers)))

    def route_for(self, path: str) -> Route | None:
        return self.routes.get(urlsplit(path).path.rstrip("/"))


def article(title: str, text: str) -> str:
    return (f"<html><head><title>{title}</title></head><body><article><h1>{title}</h1>"
            f"<p>{text}</p></article></body></html>")


def wait_for(check: Callable[[], Any], timeout: float = 30.0, what: str = "condition",
             service: Service | None = None) -> Any:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        value = check()
        if value:
            return value
        if service is not None and service.proc is not None and service.proc.poll() is not None:
            raise AssertionError(f"the service stopped (exit {service.proc.returncode}) before {what}:\n"
                                 + service.output())
        time.sleep(0.05)
    raise AssertionError(f"timed out after {timeout:.0f} s waiting for {what}")


class Service:
    """`repmon --config FILE run --no-web` in its own process."""

    def __init__(self, config: Path) -> None:
        self.config = config
        self.proc: subprocess.Popen[str] | None = None
        self.log = config.parent / f"service-{id(self)}.log"

    def start(self) -> Service:
        env = {k: v for k, v in os.environ.items() if not k.startswith("REPMON_")}
        self.proc = subprocess.Popen(
            [sys.executable, "-m", "repmon", "--config", str(self.config), "run", "--no-web"],
            cwd=self.config.parent, env=env, stdout=self.log.open("w"), stderr=subprocess.STDOUT, text=True,
            start_new_session=True,
        )
        return self

    def kill9(self) -> None:
        assert self.proc is not None
        self.proc.send_signal(signal.SIGKILL)
        self.proc.wait(10)

    def output(self) -> str:
        return self.log.read_text(errors="replace") if self.log.exists() else ""

    def terminate(self, timeout: float = 60) -> tuple[int, str]:
        assert self.proc is not None
        self.proc.send_signal(signal.SIGTERM)
        self.proc.wait(timeout)
        return self.proc.returncode, self.output()

    def stop(self) -> None:
        if self.proc is not None and self.proc.poll() is None:
            self.proc.kill()
            self.proc.wait(10)


@pytest.fixture
def service_config(tmp_path: Path) -> Callable[..., Path]:
    """Write a settings file for a service under tmp_path; keyword arguments override (dots as __)."""

    def make(**overrides: Any) -> Path:
        values: dict[str, Any] = {
            "profile.path": str(EXAMPLE_PROFILE),
            "store.db_path": str(tmp_path / "repmon.db"),
            "store.evidence_dir": str(tmp_path / "evidence"),
            "store.letters_dir": str(tmp_path / "letters"),
            "backup.dir": str(tmp_path / "backups"),
            "collect.download_delay": 0.0,
            "collect.obey_robots": False,
            "smtp.port": 9,  # nothing listens: e-mails stay in the outbox
            "schedule.outbox_minutes": 60.0,
        }
        values.update({key.replace("__", "."): value for key, value in overrides.items()})
        path = tmp_path / "repmon.toml"
        write_settings(path, values)
        return path

    return make


@pytest.fixture
def services() -> Iterator[Callable[[Path], Service]]:
    started: list[Service] = []

    def start(config: Path) -> Service:
        service = Service(config).start()
        started.append(service)
        return service

    yield start
    for service in started:
        service.stop()


def rows(db_path: Path, sql: str, params: tuple[Any, ...] = ()) -> list[dict[str, Any]]:
    store = Store.open(db_path)
    try:
        return [dict(r) for r in store.db.query(sql, params)]
    finally:
        store.close()


__all__ = ["GatedReplay", "GatedSite", "article", "rows", "wait_for", "REPO"]
