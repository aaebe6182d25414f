"""The per-day budget of search-engine API results (search.daily_results), kept in the store.

Results are reserved before a request is sent (so requests running side by
side cannot overspend) and what was reserved but not returned is given back.
The day is the school's day (schedule.timezone).
"""

from __future__ import annotations

from typing import Any


class SearchBudget:
    def __init__(self, db: Any, daily_results: int, day: str) -> None:
        self.db = db  # the store's sqlite_utils Database
        self.daily = daily_results
        self.day = day

    def used(self, engine: str) -> int:
        for row in self.db.query("SELECT results FROM search_budget WHERE engine = ? AND day = ?", [engine, self.day]):
            return int(row["results"])
        return 0

    def reserve(self, engine: str, wanted: int) -> int:
        """Reserve up to ``wanted`` results of today's budget; return how many were granted (0: spent)."""
        with self.db.atomic():
            granted = max(0, min(wanted, self.daily - self.used(engine)))
            if granted:
                self.db.execute(
                    "INSERT INTO search_budget (engine, day, results, requests) VALUES (?, ?, ?, 1)"
                    " ON CONFLICT(engine, day) DO UPDATE SET results = results + excluded.results,"
                    " requests = requests + 1", [engine, self.day, granted])
            return granted

    def give_back(self, engine: str, unused: int) -> None:
        if unused > 0:
            self.db.execute("UPDATE search_budget SET results = max(0, results - ?) WHERE engine = ? AND day = ?",
                            [unused, engine, self.day])
