"""The spiders' tests crawl a real HTTP server on 127.0.0.1 (tests/localweb.py) with routes each test sets."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from tests.localweb import LAST_MODIFIED, LocalWeb, Route

__all__ = ["LAST_MODIFIED", "LocalWeb", "Route"]


@pytest.fixture
def web() -> Iterator[LocalWeb]:
    server = LocalWeb()
    yield server
    server.close()
