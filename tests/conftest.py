"""Shared fixtures: real SQLite stores, the example profile, settings pointed at tmp_path, a real SMTP server."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from data.store import Store
from demo.mailbox import LocalMailbox
from repmon.config import Settings, load_settings
from repmon.profile import Profile, load_profile

from tests.paths import EXAMPLE_PROFILE


@pytest.fixture
def store() -> Iterator[Store]:
    """An in-memory, fully migrated store."""
    s = Store.open(":memory:")
    yield s
    s.close()


@pytest.fixture
def file_store(tmp_path: Path) -> Iterator[Store]:
    """A file-backed store (WAL) under tmp_path."""
    s = Store.open(tmp_path / "repmon.db")
    yield s
    s.close()


@pytest.fixture
def profile() -> Profile:
    return load_profile(EXAMPLE_PROFILE)


@pytest.fixture
def settings(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Settings:
    """Default settings with every path under tmp_path, read with no settings file and a clean environment."""
    monkeypatch.chdir(tmp_path)
    base = load_settings(environ={})
    return base.with_overrides({
        "profile.path": str(EXAMPLE_PROFILE),
        "store.db_path": str(tmp_path / "repmon.db"),
        "store.evidence_dir": str(tmp_path / "evidence"),
        "store.letters_dir": str(tmp_path / "letters"),
        "recipients.digest": ["head@example-qehs.sch.uk", "deputy@example-qehs.sch.uk"],
        "recipients.critical": ["dsl@example-qehs.sch.uk"],
        "school.address": "Queen Elizabeth High School, Example Road, Carmarthen SA31 0XX",
        "school.email": "office@example-qehs.sch.uk",
        "school.signatory": "Dafydd Rees",
    })


@pytest.fixture
def mailbox() -> Iterator[LocalMailbox]:
    """A real SMTP server on 127.0.0.1 that keeps the messages it receives."""
    with LocalMailbox() as box:
        yield box
