"""Small readers for analyser results, shared by the tests."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

Analyse = Callable[..., dict[str, Any]]


def flags_of(result: dict[str, Any], category: str) -> list[dict[str, Any]]:
    return [f for f in result["flags"] if f["category"] == category]


def categories(result: dict[str, Any]) -> set[str]:
    return {f["category"] for f in result["flags"]}


def refs(result: dict[str, Any], kind: str | None = None) -> list[str]:
    return [m["ref"] for m in result["mentions"] if kind is None or m["kind"] == kind]
