"""Impersonation: social accounts that imitate the school or a member of staff.

Every platform module hands the authors it saw to :func:`check_accounts`. An
account is compared, after folding look-alike characters, with:

- the school's own handles (``[school] handles``): a handle one or two edits
  away (``qehs_exampel``), the same letters in another alphabet (Cyrillic
  ``е`` for ``e``), or the real handle with ``_official``/``_real`` added;
- the school's names and aliases: a handle or display name that *is* the
  school once words such as "official", "real", "staff" or "uk" (and their
  misspellings, ``offical``) are set aside, in any word order
  ("QE High School Official", ``qehs_offical``);
- staff names (with titles: "Mrs Pritchard"): a name alone is common, so it
  counts only together with a sign of imitation: a new account, few
  followers, or the school named in the same profile.

The profile's own handles, accounts on the school's own domains and the
handles in ``impersonation.allow`` are never flagged. An account seen before
is not checked again unless its handle or display name changed, and it never
opens a second alert.

A flagged account becomes an Item (its profile, with the text repmon saw), a
finding from analyser :data:`ANALYSER` whose one flag has category
``impersonation``, and an alert whose category is ``impersonation``. It is
kept out of ``repmon analyse`` output, whose six categories are fixed by the
contract.
"""

from __future__ import annotations

import json
import logging
import re
import unicodedata
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from functools import lru_cache
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from rapidfuzz.distance import OSA

from data import accounts as account_rows
from data.store import Store
from repmon import clock
from repmon.config import Settings
from repmon.hosts import host_in
from repmon.profile import Profile
from spiders.items import Item

log = logging.getLogger(__name__)

ANALYSER = "impersonation-v1"
CATEGORY = "impersonation"

# Words an imitation adds to look official; set aside before comparing (misspellings are caught by edit distance).
# Those that claim authority ("official", Welsh "swyddogol") make a look-alike more serious.
CLAIMS = ("official", "swyddogol", "real", "staff", "team", "admin", "head", "headteacher", "teacher", "athro",
          "athrawes", "pennaeth")
MARKERS = (*CLAIMS, "the", "page", "account", "hq", "news", "info", "updates", "uk", "cymru", "wales", "school",
           "ysgol", "sir", "miss", "mr", "mrs", "ms", "dr")
_PLATFORM_SUFFIXES = (".bsky.social",)
_LEET = str.maketrans({"0": "o", "1": "l", "3": "e", "4": "a", "5": "s", "7": "t", "@": "a", "$": "s", "|": "l"})
_SEQ = (("rn", "m"), ("vv", "w"), ("cl", "d"))


@lru_cache(maxsize=1)
def _confusables() -> dict[str, str]:
    """One ASCII look-alike per Unicode character, from the Unicode confusables table (UTS #39)."""
    import confusable_homoglyphs

    path = Path(confusable_homoglyphs.__file__).with_name("confusables.json")
    table: dict[str, str] = {}
    for char, glyphs in json.loads(path.read_text(encoding="utf-8")).items():
        if len(char) != 1 or char.isascii():
            continue
        for glyph in glyphs:
            ascii_form = glyph["c"].strip("\u200e")
            if ascii_form and ascii_form.isascii() and ascii_form.isalnum():
                table[char] = ascii_form.lower()
                break
    return table


def skeleton(text: str) -> str:
    """Fold text so look-alikes compare equal: compatibility forms, other alphabets' look-alike letters,
    accents, digits used as letters, 'rn' for 'm'. Lower case; words separated by single spaces."""
    table = _confusables()
    text = unicodedata.normalize("NFKC", text)
    text = "".join(table.get(ch, ch) for ch in text).lower()
    text = "".join(ch for ch in unicodedata.normalize("NFKD", text) if not unicodedata.combining(ch))
    text = "".join(table.get(ch, ch) for ch in text)
    return " ".join(re.sub(r"[^a-z0-9@$|]+", " ", text).split())


@lru_cache(maxsize=65536)
def _fold_word(word: str) -> str:
    word = word.translate(_LEET)
    for seq, repl in _SEQ:
        word = word.replace(seq, repl)
    return word


def words(text: str) -> list[str]:
    """The words of a handle or name: split at separators, case changes, digits and run-together
    markers (``qehsofficial`` -> ``qehs``, ``official``), folded."""
    return list(_words(text))


@lru_cache(maxsize=65536)
def _words(text: str) -> tuple[str, ...]:
    text = unicodedata.normalize("NFKC", text)
    text = re.sub(r"(?<=[a-z])(?=[A-Z])", " ", text)  # camelCase; an acronym run on (QEHSofficial) is split below
    parts = re.findall(r"\d+|[^\W\d_]+", text)
    out: list[str] = []
    for part in parts:
        folded = skeleton(part).replace(" ", "")
        if folded:
            out.extend(_split_markers(folded))
    return tuple(out)


@lru_cache(maxsize=65536)
def _split_markers(word: str) -> list[str]:
    """``qehsoffical`` -> [``qehs``, ``offical``]: a marker (or a near miss of a long one) run onto a word."""
    for marker in MARKERS:
        if len(marker) < 4 or len(word) < len(marker) + 3:
            continue
        for size in {len(marker) - 1, len(marker), len(marker) + 1}:
            tail, head = word[-size:], word[:-size]
            if len(head) >= 3 and (tail == marker or (len(marker) >= 6 and within(tail, marker, 1))):
                return [*_split_markers(head), tail]
            head, tail = word[:size], word[size:]
            if len(tail) >= 3 and (head == marker or (len(marker) >= 6 and within(head, marker, 1))):
                return [head, *_split_markers(tail)]
    return [word]


def distance(a: str, b: str) -> int:
    """Edit distance with swaps of neighbours (optimal string alignment): 'offical' is 1 from 'official'."""
    return int(OSA.distance(a, b))


def within(a: str, b: str, edits: int) -> bool:
    """Whether ``a`` is at most ``edits`` edits from ``b`` (cheap when the lengths alone say no)."""
    return abs(len(a) - len(b)) <= edits and OSA.distance(a, b, score_cutoff=edits) <= edits


def _allowed_edits(length: int) -> int:
    return 0 if length < 5 else 1 if length < 9 else 2


@lru_cache(maxsize=65536)
def _is_claim(word: str) -> bool:
    folded = _fold_word(word)
    return any(folded == m or (len(m) >= 6 and within(folded, m, 2)) for m in CLAIMS)


@lru_cache(maxsize=65536)
def _is_marker(word: str) -> bool:
    if word.isdigit():
        return True
    folded = _fold_word(word)
    return any(folded == m or (len(m) >= 6 and within(folded, m, 2)) for m in MARKERS)


@dataclass(frozen=True)
class Account:
    """A social account as a platform module saw it (the fields it knows; the rest left empty)."""

    platform: str                    # "bluesky", "mastodon", "youtube", "reddit", "x"
    handle: str                      # without '@'; Mastodon "user@instance", Bluesky "name.bsky.social"
    display_name: str = ""
    url: str = ""                    # the account's profile page
    account_id: str = ""             # the platform's stable id (DID, numeric id, channel id)
    created_at: str | None = None    # ISO 8601 when known
    followers: int | None = None
    description: str = ""            # the profile's bio, when known
    evidence_id: int | None = None   # evidence row of the response that carried the account

    @property
    def key(self) -> str:
        return self.account_id or self.handle.lower()

    @classmethod
    def from_mapping(cls, data: Mapping[str, Any]) -> Account:
        known = {name: data[name] for name in cls.__dataclass_fields__ if name in data}
        return cls(**known)


@dataclass(frozen=True)
class Rules:
    """The settings the check uses (``impersonation.*``)."""

    allow: tuple[str, ...] = ()
    new_account_days: int = 90
    few_followers: int = 50
    min_score: float = 0.7
    threshold: str = "medium"

    @classmethod
    def from_settings(cls, settings: Settings | None) -> Rules:
        if settings is None:
            return cls()
        return cls(
            allow=tuple(settings["impersonation.allow"]),
            new_account_days=settings["impersonation.new_account_days"],
            few_followers=settings["impersonation.few_followers"],
            min_score=settings["impersonation.min_score"],
            threshold=settings["alerts.threshold"],
        )


@dataclass
class Verdict:
    account: Account
    score: float
    kind: str                        # "school" or "staff"
    ref: str                         # the profile id imitated
    imitates: str                    # the real handle or name it imitates
    reasons: list[str] = field(default_factory=list)

    @property
    def severity(self) -> str:
        return "high" if self.score >= 0.9 else "medium"


def _local_handle(account: Account) -> str:
    handle = account.handle.strip().lstrip("@")
    if account.platform == "mastodon" and "@" in handle:
        handle = handle.split("@", 1)[0]
    for suffix in _PLATFORM_SUFFIXES:
        if handle.lower().endswith(suffix):
            handle = handle[: -len(suffix)]
    return handle


def _own_hosts(account: Account) -> list[str]:
    hosts = []
    handle = account.handle.strip().lstrip("@").lower()
    if account.platform == "mastodon" and "@" in handle:
        hosts.append(handle.split("@", 1)[1])
    elif account.platform == "bluesky" and "." in handle:
        hosts.append(handle)  # a Bluesky handle that is a domain was proven by DNS or .well-known
    if account.url:
        hosts.append((urlsplit(account.url).hostname or "").lower())
    return [h for h in hosts if h]


def is_genuine(account: Account, profile: Profile, rules: Rules) -> bool:
    """The school's own account: one of its handles (or the allowed ones), or on one of its own domains.

    A handle in the profile with its server (``qehs@mastodon.cymru``) matches that account only. One
    without (``qehs_example``) matches that name on Reddit, X, YouTube and Bluesky, but not on Mastodon,
    where anyone can take the same name on another server: list Mastodon accounts with their server."""
    handle = account.handle.strip().lstrip("@").lower()
    local = _local_handle(account).lower()
    for entry in (h.lower().lstrip("@") for h in (*profile.school.handles, *rules.allow)):
        if handle == entry:
            return True
        if "@" not in entry and account.platform != "mastodon" and local == entry:
            return True
    return any(host_in(host, profile.school.domains) for host in _own_hosts(account))


def _core(text: str) -> tuple[list[str], list[str]]:
    """(words that are not markers, markers) of a handle or name."""
    all_words = words(text)
    core = [w for w in all_words if not _is_marker(w)]
    markers = [w for w in all_words if _is_marker(w) and not w.isdigit()]
    return core, markers


def _matches(core: Sequence[str], target: Sequence[str]) -> str:
    """How ``core`` words imitate ``target`` words: 'same', 'reordered', 'edits:N' or ''."""
    if not core or not target:
        return ""
    a, b = "".join(core), "".join(target)
    fa, fb = _fold_word(a), _fold_word(b)
    if a == b:
        return "same"
    if fa == fb:
        return "look-alike"
    if sorted(core) == sorted(target) or sorted(map(_fold_word, core)) == sorted(map(_fold_word, target)):
        return "reordered"
    allowed = _allowed_edits(len(fb))
    if allowed and within(fa, fb, allowed):
        return f"edits:{distance(fa, fb)}"
    return ""


def _contains(found: Sequence[str], target: Sequence[str]) -> str:
    """Whether a name (``target`` words) is in ``found``: as the whole, run together, or word by word."""
    how = _matches(found, target)
    if how:
        return how
    compact, wanted = _fold_word("".join(found)), _fold_word("".join(target))
    if len(wanted) >= 8 and wanted in compact:
        return "same"
    folded = [_fold_word(w) for w in found]
    if len(target) >= 2 and all(
            any(w == t or (len(t) >= 6 and within(w, t, 1)) for w in folded) for t in map(_fold_word, target)):
        return "same"
    return ""


@lru_cache(maxsize=8)
def _school_names(profile: Profile) -> list[tuple[str, list[str]]]:
    names = []
    for name in (profile.school.name, *profile.school.aliases):
        target = [w for w in words(name)]
        if target:
            names.append((name, target))
            trimmed = [w for w in target if not _is_marker(w)]  # "QE High School" also as "QE High"
            if trimmed and trimmed != target and len("".join(trimmed)) >= 4:
                names.append((name, trimmed))
    return names


@lru_cache(maxsize=8)
def _staff_names(profile: Profile) -> list[tuple[str, str, list[str]]]:
    out = []
    for person in profile.staff:
        parts = words(person.name)
        if len(parts) >= 2:
            out.append((person.id, person.name, parts))
            out.append((person.id, person.name, [parts[0], parts[-1]]))
            for title in person.titles:  # "Mrs Pritchard"
                out.append((person.id, f"{title} {person.name.split()[-1]}", [*words(title), parts[-1]]))
        for alias in person.aliases:
            alias_words = words(alias)
            if len("".join(alias_words)) >= 6:
                out.append((person.id, alias, alias_words))
    return out


def _age_days(account: Account, now: datetime) -> float | None:
    if not account.created_at:
        return None
    try:
        return (now - clock.parse(account.created_at)).total_seconds() / 86400
    except ValueError:
        return None


def _names_school(text: str, profile: Profile) -> bool:
    folded = f" {skeleton(text)} "
    for name in (profile.school.name, *profile.school.aliases, *profile.school.handles):
        needle = skeleton(name)
        if len(needle.replace(" ", "")) >= 4 and f" {needle} " in folded:
            return True
    return False


def _decoy(account: Account, profile: Profile) -> str:
    """A place of another school of a similar name, named by the account (then it is that school's)."""
    folded = f" {skeleton(' '.join((account.display_name, account.description, _local_handle(account))))} "
    for place in profile.school.decoys:
        if f" {skeleton(place)} " in folded:
            return place
    return ""


def assess(account: Account, profile: Profile, rules: Rules | None = None, now: datetime | None = None) -> Verdict | None:
    """Whether ``account`` imitates the school or a member of staff; None when it does not (or is genuine)."""
    rules = rules or Rules()
    now = now or clock.now()
    if is_genuine(account, profile, rules):
        return None
    if _decoy(account, profile):
        return None
    handle = _local_handle(account)
    best: Verdict | None = None

    def consider(verdict: Verdict) -> None:
        nonlocal best
        if best is None or verdict.score > best.score or (
                verdict.score == best.score and len(verdict.imitates) > len(best.imitates)):
            best = verdict

    handle_core, handle_markers = _core(handle)
    handle_words = words(handle)
    # 1. the school's own handles: in the handle, or copied into the display name
    for real in profile.school.handles:
        real_local = real.lstrip("@").split("@", 1)[0]
        real_words = words(real_local)
        how = _matches(handle_words, real_words)
        if how and how != "same":
            consider(Verdict(account, 0.95, "school", profile.school.id, "@" + real,
                             [f"handle @{handle} looks like the school's handle @{real} ({_describe(how)})"]))
        elif how == "same" and handle.lower() == real_local.lower():  # the very name, on another server
            consider(Verdict(account, 0.85, "school", profile.school.id, "@" + real,
                             [f"@{account.handle} has the same name as the school's account @{real}"]))
        elif how == "same" or (_matches(handle_core, real_words) and handle_markers):
            # the real handle's letters in another alphabet, or with _official added
            consider(Verdict(account, 0.95, "school", profile.school.id, "@" + real,
                             [f"handle @{handle} copies the school's handle @{real}"
                              + (f" with '{'_'.join(handle_markers)}' added" if handle_markers else "")]))
        shown_core, shown_markers = _core(account.display_name)
        if _matches(shown_core, real_words):
            claims = [m for m in shown_markers if _is_claim(m)]
            consider(Verdict(account, 0.9 if claims else 0.8, "school", profile.school.id, "@" + real,
                             [f"display name '{account.display_name}' is the school's handle @{real}"
                              + (f" with '{' '.join(claims)}' added" if claims else "")]))
    # 2. the school's names, in the handle or the display name
    places = {w for place in profile.school.places for w in words(place)}
    for label, text in (("handle", handle), ("display name", account.display_name)):
        core, markers = _core(text)
        core = [w for w in core if w not in places]
        for name, target in _school_names(profile):
            how = _matches(core, target)
            if not how:
                continue
            added = [m for m in markers if m not in target and m not in words(name)]
            claims = [m for m in added if _is_claim(m)]
            score = 0.8 + (0.1 if claims else 0.0)
            reason = f"{label} '{text}' is the school's name '{name}' ({_describe(how)})"
            if added:
                reason += f" with '{' '.join(added)}' added"
            consider(Verdict(account, score, "school", profile.school.id, name, [reason]))
    # 3. staff names: only with a sign of imitation
    for label, text in (("handle", handle), ("display name", account.display_name)):
        all_words = [w for w in words(text) if not w.isdigit()]
        for ref, name, target in _staff_names(profile):
            how = _contains(all_words, target)
            if how:
                consider(Verdict(account, 0.5, "staff", ref, name,
                                 [f"{label} '{text}' is the name of staff member {name} ({_describe(how)})"]))
    if best is None:
        return None
    verdict: Verdict = best
    age = _age_days(account, now)
    if age is not None and age <= rules.new_account_days:
        verdict.score += 0.25 if verdict.kind == "staff" else 0.05
        verdict.reasons.append(f"the account is new: created {account.created_at} ({int(age)} days ago)")
    if account.followers is not None and account.followers < rules.few_followers:
        verdict.score += 0.1 if verdict.kind == "staff" else 0.0
        verdict.reasons.append(f"it has few followers ({account.followers})")
    if verdict.kind == "staff" and _names_school(" ".join((account.display_name, account.description, handle)), profile):
        verdict.score += 0.2
        verdict.reasons.append("its profile also names the school")
    verdict.score = round(min(verdict.score, 1.0), 2)
    return verdict if verdict.score >= rules.min_score else None


def might_imitate(account: Account, profile: Profile, rules: Rules | None = None) -> bool:
    """Whether the account's names alone look like the school or its staff: worth looking up its age
    and followers (a platform module asks before spending a request on the profile)."""
    rules = rules or Rules()
    return assess(account, profile, Rules(allow=rules.allow, min_score=0.0)) is not None


def _describe(how: str) -> str:
    if how.startswith("edits:"):
        n = int(how.split(":")[1])
        return f"{n} letter{'s' if n > 1 else ''} different"
    return {"same": "same letters", "look-alike": "look-alike letters", "reordered": "words reordered"}.get(how, how)


def _item(verdict: Verdict) -> Item:
    account = verdict.account
    name = f" ({account.display_name})" if account.display_name else ""
    lines = [
        f"Account @{account.handle}{name} on {account.platform} may impersonate {verdict.imitates}.",
        *[f"- {reason}" for reason in verdict.reasons if "followers" not in reason and "days ago" not in reason],
    ]
    if account.created_at:
        lines.append(f"Created: {account.created_at}")
    if account.description:
        lines.append(f"Profile: {account.description[:2000]}")
    return Item(
        source=account.platform,
        url=account.url or f"{account.platform}:account:{account.key}",
        text="\n".join(lines),
        title=f"Possible impersonation: @{account.handle}{name}"[:300],
        author=account.handle,
        published=account.created_at,
        fetched_at=clock.iso(),
        evidence_id=account.evidence_id,
        raw={"kind": "account", "platform": account.platform, "handle": account.handle,
             "account_id": account.account_id, "display_name": account.display_name,
             "followers": account.followers, "created_at": account.created_at},
    )


def _finding(verdict: Verdict, item: Item) -> dict[str, Any]:
    shown = f"@{verdict.account.handle}"
    start = item.text.find(shown)
    return {
        "relevant": True,
        "mentions": [{"kind": verdict.kind, "ref": verdict.ref, "text": shown, "start": start,
                      "end": start + len(shown)}] if start >= 0 else [],
        "flags": [{"category": CATEGORY, "score": verdict.score,
                   "reason": "; ".join(verdict.reasons)[:1000]}],
        "severity": verdict.severity,
    }


def _accounts(accounts: Iterable[Account | Mapping[str, Any]]) -> list[Account]:
    out: dict[tuple[str, str], Account] = {}
    for account in accounts:
        acc = account if isinstance(account, Account) else Account.from_mapping(account)
        if acc.handle:
            out.setdefault((acc.platform, acc.key), acc)
    return list(out.values())


def check_accounts(store: Store, profile: Profile, accounts: Iterable[Account | Mapping[str, Any]],
                   settings: Settings | None = None, now: datetime | None = None) -> list[int]:
    """Check the accounts a collection run saw; open an ``impersonation`` alert for each that imitates
    the school or its staff. Return the alert ids of the flagged accounts among ``accounts`` (an account
    flagged in an earlier run keeps its alert; none is opened twice)."""
    from alerts.rules import at_or_above

    rules = Rules.from_settings(settings)
    if settings is not None and not settings["impersonation.enabled"]:
        return []
    alert_ids: list[int] = []
    for account in _accounts(accounts):
        seen = account_rows.get_account(store, account.platform, account.key)
        if seen is not None and seen["alert_id"] is not None and store.get_alert(seen["alert_id"]) is None:
            seen = None   # its alert was purged by retention: judge the account afresh
        unchanged = seen is not None and seen["handle"] == account.handle and seen["display_name"] == account.display_name
        if unchanged and seen is not None:
            account_rows.record_account(
                store, platform=account.platform, account_key=account.key, handle=account.handle,
                display_name=account.display_name, url=account.url, created_at=account.created_at,
                followers=account.followers, verdict=seen["verdict"], score=seen["score"], reasons=seen["reasons"],
                alert_id=seen["alert_id"])
            if seen["alert_id"] is not None:
                alert_ids.append(int(seen["alert_id"]))
            continue
        verdict = assess(account, profile, rules, now)
        alert_id: int | None = seen["alert_id"] if seen else None
        if verdict is not None and at_or_above(verdict.severity, rules.threshold):
            item = _item(verdict)
            item_id, _ = store.save_item(item)
            finding_id, _ = store.save_finding(item_id, ANALYSER, _finding(verdict, item))
            if alert_id is None:
                alert_id, _ = store.open_alert(item_id, finding_id, verdict.severity, [CATEGORY])
                log.info("impersonation alert %s: %s account @%s", alert_id, account.platform, account.handle)
            else:  # renamed since it was flagged: the same alert, with the change in its trail
                store.add_alert_event(alert_id, "repmon", "account_changed",
                                      {"handle": account.handle, "display_name": account.display_name,
                                       "item_id": item_id})
        account_rows.record_account(
            store, platform=account.platform, account_key=account.key, handle=account.handle,
            display_name=account.display_name, url=account.url, created_at=account.created_at,
            followers=account.followers, verdict="impersonation" if verdict else "ok",
            score=verdict.score if verdict else 0.0, reasons=verdict.reasons if verdict else [], alert_id=alert_id)
        if verdict is not None and alert_id is not None:
            alert_ids.append(alert_id)
    return alert_ids
