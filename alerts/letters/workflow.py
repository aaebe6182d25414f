"""What people do with a takedown letter, and the states it moves through.

The web app calls these functions (it checks who may do what; they record
who did it). Every change is one transaction with a ``takedown_events`` row
(actor, UTC time, from and to state, detail); every text of the letter is kept
in ``takedown_versions``; nothing is deleted. A change that the takedown's
state does not allow raises :class:`TakedownStateError` and changes nothing.

States (docs/alerts.md has the diagram)::

    draft ──approve──► approved ──mark_sent──► sent ──► acknowledged / refused / escalated
      ▲                   │                      │             (record_response)
      └──────edit─────────┘ (an edit voids the approval)
    any open state ──mark_removed──► removed     any open state ──withdraw──► withdrawn
    any open state ──close──► closed             draft/approved ──change_type──► withdrawn (+ a new draft)

Nothing is ever sent without approval: :func:`mark_sent` accepts only an
approved letter whose text is exactly the approved text, and a letter that
still has ``[to be completed: ...]`` gaps (other than the date it is sent and
the police reference, :data:`SEND_TIME_GAPS`) cannot be approved.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

from alerts import excerpt
from alerts.letters import CLOSED_TAKEDOWN_STATES, LETTERS, OPEN_TAKEDOWN_STATES, draft_letter, label, outputs
from alerts.letters.facts import PLACEHOLDER
from data import takedowns
from data.store import Store
from repmon import clock
from repmon.config import Settings
from repmon.errors import InputError, RepmonError
from repmon.profile import Profile

ACTOR_CHARS = 120
NOTE_CHARS = 2000
BODY_CHARS = 100_000
RESPONSES = ("acknowledged", "refused", "escalated")

# action -> states it may start from (the state it leads to is fixed by the function)
ALLOWED_FROM: dict[str, tuple[str, ...]] = {
    "edited": ("draft", "approved"),
    "approved": ("draft",),
    "sent": ("approved",),
    "acknowledged": ("sent",),
    "refused": ("sent", "acknowledged"),
    "escalated": ("sent", "acknowledged", "refused"),
    "removed": OPEN_TAKEDOWN_STATES,
    "withdrawn": OPEN_TAKEDOWN_STATES,
    "closed": OPEN_TAKEDOWN_STATES,
    "replaced": ("draft", "approved"),
    "reopened": ("withdrawn",),
    "recipients_found": ("draft", "approved"),
}


# gaps that can only be filled when the letter goes out: they do not block approval
SEND_TIME_GAPS = frozenset({"date sent", "date and time sent", "date and time reported",
                            "police crime or incident reference, once given"})
_GAP = re.compile(re.escape(PLACEHOLDER) + r"([^\]]*)\]")


def gaps(body: str) -> list[str]:
    """The ``[to be completed: ...]`` gaps a person must fill before approving (send-time ones excepted)."""
    return [m.group(1) for m in _GAP.finditer(body) if m.group(1) not in SEND_TIME_GAPS]


class TakedownStateError(RepmonError):
    """A change the takedown's current state does not allow (or a takedown that does not exist)."""


def _actor(actor: str) -> str:
    cleaned = excerpt.one_line(actor, ACTOR_CHARS)
    if not cleaned:
        raise InputError("every change to a takedown needs the name or login of the person making it (actor).")
    return cleaned


def _note(text: str | None) -> str:
    return excerpt.cap(excerpt.clean(text or "").strip(), NOTE_CHARS)


def _get(store: Store, takedown_id: int) -> dict[str, Any]:
    row = takedowns.get(store, takedown_id)
    if row is None:
        raise TakedownStateError(f"there is no takedown {takedown_id}; check the id in the triage app.")
    return row


def _apply(store: Store, takedown_id: int, actor: str, action: str, to_state: str | None,
           detail: Mapping[str, Any] | None = None, columns: Mapping[str, Any] | None = None) -> dict[str, Any]:
    allowed = ALLOWED_FROM[action]
    row = _get(store, takedown_id)
    if row["state"] not in allowed:
        raise TakedownStateError(_refusal(row, action, allowed))
    done = takedowns.record(store, takedown_id, actor=actor, action=action, from_states=allowed,
                            to_state=to_state, detail=detail, columns=columns)
    if done is None:  # someone else changed it between our read and our write
        raise TakedownStateError(_refusal(_get(store, takedown_id), action, allowed))
    return done


def _refusal(row: Mapping[str, Any], action: str, allowed: tuple[str, ...]) -> str:
    return (f"takedown {row['id']} ({label(row['letter_type'])}) is {row['state']!r}; it can be {action} only "
            f"when it is {' or '.join(repr(s) for s in allowed)}. Reload it in the triage app to see who changed it.")


def edit_letter(store: Store, takedown_id: int, body: str, actor: str) -> dict[str, Any]:
    """Replace the letter's text (a new version; files rewritten). Editing an approved letter voids the
    approval: it is a draft again and needs approving again."""
    actor = _actor(actor)
    if not isinstance(body, str) or not body.strip():
        raise InputError("the letter text is empty; write the letter or withdraw the takedown instead.")
    if len(body) > BODY_CHARS:
        raise InputError(f"the letter is {len(body)} characters; letters are limited to {BODY_CHARS}.")
    body = body.replace("\r\n", "\n")
    row = _get(store, takedown_id)
    if body == row["body"]:
        return row
    was_approved = row["state"] == "approved"
    done = _apply(store, takedown_id, actor, "edited", "draft",
                  detail={"approval_voided": was_approved, "chars": len(body)},
                  columns={"body": body, "approved_by": None, "approved_at": None, "approved_sha256": None})
    module = LETTERS.get(done["letter_type"])
    files = outputs.rewrite(done["files"] or [], letter=body, notes=done["notes"] or "",
                            title=str(module.TITLE) if module else label(done["letter_type"]))
    return done | {"files": files}


def approve_letter(store: Store, takedown_id: int, actor: str) -> dict[str, Any]:
    """A senior leader approves the letter as it now reads (the web app checks the role)."""
    actor = _actor(actor)
    row = _get(store, takedown_id)
    missing = gaps(row["body"])
    if missing and row["state"] == "draft":
        raise TakedownStateError(
            f"takedown {takedown_id} still has {len(missing)} gap(s) to complete before it can be approved: "
            + "; ".join(missing[:5]) + ("; ..." if len(missing) > 5 else "") + ". Edit the letter first.")
    digest = takedowns.body_sha256(row["body"])
    return _apply(store, takedown_id, actor, "approved", "approved", detail={"sha256": digest},
                  columns={"approved_by": actor, "approved_at": clock.iso(), "approved_sha256": digest})


def mark_sent(store: Store, takedown_id: int, actor: str, note: str = "", *, recipient: str = "",
              channel: str = "") -> dict[str, Any]:
    """Record that a person sent the approved letter (``note``: how and to whom, proof of delivery)."""
    actor = _actor(actor)
    row = _get(store, takedown_id)
    if row["state"] == "approved" and row["approved_sha256"] != takedowns.body_sha256(row["body"]):
        raise TakedownStateError(f"takedown {takedown_id} changed after it was approved; approve it again first.")
    sent_at = clock.now()
    columns: dict[str, Any] = {"sent_at": clock.iso(sent_at)}
    module = LETTERS.get(row["letter_type"])
    if module is not None:  # the deadline now runs from the real sending time, not from the draft
        due = module.schedule(sent_at).deadline
        columns["deadline"] = clock.iso(due) if due else None
    if recipient:
        columns["recipient"] = excerpt.one_line(recipient, 320)
    return _apply(store, takedown_id, actor, "sent", "sent",
                  detail={"note": _note(note), "channel": excerpt.one_line(channel, 80),
                          "recipient": excerpt.one_line(recipient, 320)},
                  columns=columns)


def record_response(store: Store, takedown_id: int, actor: str, outcome: str, note: str = "",
                    reference: str = "") -> dict[str, Any]:
    """The recipient's answer: acknowledged, refused, or escalated (to POSH, Report Harmful Content, Ofcom...)."""
    actor = _actor(actor)
    if outcome not in RESPONSES:
        raise InputError(f"unknown response {outcome!r}; use one of {', '.join(RESPONSES)}.")
    return _apply(store, takedown_id, actor, outcome, outcome,
                  detail={"note": _note(note), "reference": excerpt.one_line(reference, 200)})


def mark_removed(store: Store, takedown_id: int, actor: str, evidence: Mapping[str, Any] | None = None) -> dict[str, Any]:
    """The content is gone. ``evidence``: what shows it (a removal check id, a capture, a note)."""
    actor = _actor(actor)
    detail = {str(k): (_note(v) if isinstance(v, str) else v) for k, v in (evidence or {}).items()}
    return _apply(store, takedown_id, actor, "removed", "removed", detail=detail, columns={"closed_at": clock.iso()})


def withdraw(store: Store, takedown_id: int, actor: str, reason: str) -> dict[str, Any]:
    """Stop pursuing this letter (kept, with the reason)."""
    actor = _actor(actor)
    if not (reason or "").strip():
        raise InputError("say why the takedown is withdrawn (reason); it is kept in the audit trail.")
    return _apply(store, takedown_id, actor, "withdrawn", "withdrawn", detail={"reason": _note(reason)},
                  columns={"closed_at": clock.iso()})


def close(store: Store, takedown_id: int, actor: str, reason: str) -> dict[str, Any]:
    """Close without removal (e.g. refused and not taken further)."""
    actor = _actor(actor)
    if not (reason or "").strip():
        raise InputError("say why the takedown is closed (reason); it is kept in the audit trail.")
    return _apply(store, takedown_id, actor, "closed", "closed", detail={"reason": _note(reason)},
                  columns={"closed_at": clock.iso()})


def change_type(store: Store, alert_id: int, takedown_id: int, new_type: str, actor: str, *,
                settings: Settings | None = None, profile: Profile | None = None) -> dict[str, Any]:
    """Re-draft the letter as another type; return the new takedown.

    The old one, if not yet sent, is withdrawn and points to the new one; a letter already sent stays as it
    is (it cannot be unsent) and the new draft is added beside it. A letter of the new type drafted and
    withdrawn earlier is reopened rather than drafted twice. ``settings``/``profile`` default to the ones
    in repmon.toml.
    """
    actor = _actor(actor)
    if new_type not in LETTERS:
        raise InputError(f"unknown letter type {new_type!r}; use one of {', '.join(LETTERS)}.")
    old = _get(store, takedown_id)
    if int(old["alert_id"]) != int(alert_id):
        raise InputError(f"takedown {takedown_id} belongs to alert {old['alert_id']}, not alert {alert_id}.")
    if old["letter_type"] == new_type:
        return old
    if old["state"] in CLOSED_TAKEDOWN_STATES:
        raise TakedownStateError(f"takedown {takedown_id} is {old['state']!r}; open the alert and draft a new "
                                 "letter instead of changing a closed one.")
    if settings is None:
        from repmon.config import load_settings

        settings = load_settings()
    if profile is None:
        from repmon.profile import load_profile

        profile = load_profile(settings["profile.path"])
    existing = store.find_takedown(alert_id, new_type)
    if existing is not None and existing["state"] == "withdrawn":
        new = _apply(store, int(existing["id"]), actor, "reopened", "draft",
                     detail={"from_takedown": takedown_id}, columns={"closed_at": None})
    else:
        new = _get(store, draft_letter(store, settings, profile, alert_id, new_type))
    if old["state"] in ALLOWED_FROM["replaced"]:
        _apply(store, takedown_id, actor, "replaced", "withdrawn",
               detail={"reason": f"re-drafted as {label(new_type)}", "new_takedown": new["id"]},
               columns={"replaced_by": new["id"], "closed_at": clock.iso()})
    else:
        takedowns.log_event(store, takedown_id, actor, "followed_by",
                            {"new_takedown": new["id"], "letter_type": new_type})
    takedowns.log_event(store, int(new["id"]), actor, "type_changed",
                        {"from_takedown": takedown_id, "from_type": old["letter_type"], "to_type": new_type})
    return _get(store, int(new["id"]))


def takedown_history(store: Store, takedown_id: int) -> dict[str, Any]:
    """The takedown, every event (oldest first), every version of its text, and its removal checks."""
    row = _get(store, takedown_id)
    return {
        "takedown": row,
        "events": takedowns.events(store, takedown_id),
        "versions": takedowns.versions(store, takedown_id),
        "checks": takedowns.checks(store, takedown_id),
    }


def find_recipient(store: Store, settings: Settings, takedown_id: int, actor: str, **lookup: Any) -> dict[str, Any]:
    """Look up where the letter should go (:func:`alerts.letters.recipients.find_recipients`: the platform
    table, the site's pages, RDAP, security.txt) and record every contact found, and how, on the takedown.
    The first becomes the proposed recipient; a person still chooses and sends. Only before sending."""
    from alerts.letters.recipients import describe, find_recipients

    actor = _actor(actor)
    row = _get(store, takedown_id)
    alert = store.get_alert(int(row["alert_id"])) or {}
    found = find_recipients(settings, row["url"] or str(alert.get("url") or ""), str(alert.get("source") or ""),
                            **lookup)
    first = found.first()
    return _apply(store, takedown_id, actor, "recipients_found", None,
                  detail={"contacts": [c.__dict__ for c in found.contacts], "problems": found.problems[:20]},
                  columns={"recipient": first.address if first else "",
                           "recipient_how": describe(found.contacts) or "; ".join(found.problems[:5])})
