"""Fixtures for the analyser tests: one Analyser for the example profile, built once per session."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from nlp.analyse import Analyser
from repmon.profile import Profile, load_profile
from tests.nlp.helpers import Analyse

EXAMPLE = Path(__file__).resolve().parents[2] / "profiles" / "example.toml"
POWHS = Path(__file__).resolve().parents[2] / "nlp" / "gold" / "powhs.toml"


@pytest.fixture(scope="session")
def example_profile() -> Profile:
    return load_profile(EXAMPLE)


@pytest.fixture(scope="session")
def analyser(example_profile: Profile) -> Analyser:
    """The rules alone, so that these tests do not change when a text classifier has been built."""
    return Analyser(example_profile, textcat=False)


@pytest.fixture(scope="session")
def powhs() -> Analyser:
    """The rules alone for the second gold profile (Prince of Wales High School, Bangor)."""
    return Analyser(load_profile(POWHS), textcat=False)


@pytest.fixture(scope="session")
def analyse(analyser: Analyser) -> Analyse:
    """analyse("text", title=..., url=...) -> the contract result for a one-off item."""

    def run(text: str, **fields: Any) -> dict[str, Any]:
        return analyser.analyse({"id": fields.pop("id", "t-1"), "text": text, **fields})

    return run
