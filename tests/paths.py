"""Where tests find the repository, the shared fixtures and the example profile."""

from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
FIXTURES = REPO.parent / "shared" / "fixtures"   # ../shared/fixtures: read-only, never copied into the repo
EXAMPLE_PROFILE = REPO / "profiles" / "example.toml"
