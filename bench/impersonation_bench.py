"""Impersonation check speed: accounts judged per second, and the whole check_accounts with its store.

5,000 made-up accounts (random handles and two-word display names, one in
fifty a look-alike of the example school or a member of its staff) are judged
against profiles/example.toml: first ``assess`` alone, then ``check_accounts``
into a fresh in-memory store (a row per account, alerts for the look-alikes),
then ``check_accounts`` again (every account already known).

Usage: python -m bench impersonation   (or python -m bench.impersonation_bench [ACCOUNTS])
"""

from __future__ import annotations

import os
import platform
import random
import string
import sys
import time
from pathlib import Path

from social.impersonation import Account

ACCOUNTS = 5000
LOOK_ALIKES = ("qehs_offical", "qehs_exampel", "QE High School Official", "q\u0435hs_example", "Mrs Pritchard QEHS",
               "Ysgol y Frenhines Elisabeth Swyddogol", "HighSchoolQE")


def fake_accounts(n: int, rng: random.Random) -> list[Account]:

    def word(low: int, high: int) -> str:
        return "".join(rng.choice(string.ascii_lowercase) for _ in range(rng.randint(low, high)))

    out = []
    for i in range(n):
        if i % 50 == 0:
            name = LOOK_ALIKES[(i // 50) % len(LOOK_ALIKES)]
            out.append(Account(rng.choice(("x", "bluesky", "reddit")), name.replace(" ", "_") + str(i), name,
                               account_id=f"a{i}", created_at="2026-11-20T00:00:00Z", followers=3))
        else:
            out.append(Account(rng.choice(("x", "bluesky", "reddit", "youtube")), f"{word(4, 10)}_{word(2, 6)}",
                               f"{word(3, 8).title()} {word(3, 9).title()}", account_id=f"a{i}"))
    return out


def main(argv: list[str] | None = None) -> None:
    from data.store import Store
    from repmon.profile import load_profile
    from social.impersonation import assess, check_accounts

    n = int(argv[0]) if argv else ACCOUNTS
    profile = load_profile(Path(__file__).resolve().parent.parent / "profiles" / "example.toml")
    accounts = fake_accounts(n, random.Random(7))
    print(f"machine: {platform.processor() or platform.machine()}, {os.cpu_count()} CPUs, "
          f"Python {platform.python_version()}; {n:,} accounts, {n // 50:,} of them look-alikes")
    started = time.perf_counter()
    flagged = sum(1 for a in accounts if assess(a, profile))
    took = time.perf_counter() - started
    print(f"assess: {n / took:,.0f} accounts/s ({took:.2f} s), {flagged} flagged")
    store = Store.open(":memory:")
    try:
        started = time.perf_counter()
        alerts = check_accounts(store, profile, accounts)
        took = time.perf_counter() - started
        print(f"check_accounts, first sight: {n / took:,.0f} accounts/s ({took:.2f} s), {len(alerts)} alerts")
        started = time.perf_counter()
        check_accounts(store, profile, accounts)
        took = time.perf_counter() - started
        print(f"check_accounts, all known: {n / took:,.0f} accounts/s ({took:.2f} s)")
    finally:
        store.close()


if __name__ == "__main__":
    main(sys.argv[1:])
