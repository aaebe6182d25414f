"""A clock whose sleep only moves time on, so rate-limit and back-off code never slows the suite."""

from __future__ import annotations


class FakeClock:
    def __init__(self, start: float = 1_790_000_000.0) -> None:   # 2026-09-21, a fixed moment
        self.t = start
        self.sleeps: list[float] = []

    def now(self) -> float:
        return self.t

    def sleep(self, seconds: float) -> None:
        self.sleeps.append(seconds)
        self.t += max(0.0, seconds)
