# SPDX-License-Identifier: LicenseRef-Proprietary
# Copyright (c) 2026 Strategy Meeting contributors
"""The sharing-decision log (issue 14): who chose, changed or loosened an item's terms, when
and why, and what went into or was kept out of each copy.

Every service that changes a meeting compares the items' terms before and after the change
(``changes``) and writes what it finds with ``record``, in its own unit of work, so an entry and
its audit event commit with the change or not at all. Loosening (``domain.sharing.loosens``)
needs a reason and the chair or the giving agency's representative (``domain.sharing.may_loosen``).

SHARED and WITHHELD entries are written when a copy's content is fixed: at sign-off (the
record is locked, so what each agency's copy and the family's will hold is settled then; the
terms logged before it were drafts that anyone editing could still change), and for an
addendum whenever its terms are set (it joins the signed record at once). One entry per item
and recipient, recipients being the meeting's agencies and the family; the full record holds
everything and is not logged. Each terms change is its own audit event; the entries made at
sign-off or for an addendum are one audit event listing them (``sharing.copies``).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from strategy_meeting.domain.errors import LooseningNeedsReason, PermissionDenied
from strategy_meeting.domain.meeting import Addendum, Meeting
from strategy_meeting.domain.roles import Permission, User, allowed
from strategy_meeting.domain.sharing import FAMILY, Recipient, loosens, may_loosen, may_see
from strategy_meeting.domain.sharing_log import SharingChangeKind, SharingItemKind, SharingLogEntry
from strategy_meeting.domain.sharing_terms import SharingTerms

from .context import ServiceContext
from .users import require

MAX_REASON = 2_000


@dataclass(frozen=True)
class _Held:
    """One item's terms as they stood: who gave or owns it, and its terms."""

    owner: str | None
    terms: SharingTerms
    label: str  # how a message names it: "contribution 2 (from POLICE)"


def addendum_id(number: int) -> str:
    """The item id an addendum has in the log and on the command line."""
    return f"addendum-{number}"


def terms_of(meeting: Meeting) -> dict[tuple[SharingItemKind, str], _Held]:
    """Every item's terms, by kind and id (a snapshot to compare a change against)."""
    out: dict[tuple[SharingItemKind, str], _Held] = {}
    for n, c in enumerate(meeting.contributions, start=1):
        out[(SharingItemKind.CONTRIBUTION, c.id)] = _Held(c.agency, c.sharing, f"Contribution {n} (from {c.agency})")
    for n, d in enumerate(meeting.decisions, start=1):
        out[(SharingItemKind.DECISION, d.id)] = _Held(None, d.sharing, f"Decision {n}")
    for n, a in enumerate(meeting.actions, start=1):
        out[(SharingItemKind.ACTION, a.id)] = _Held(a.owner_agency, a.sharing, f"Action {n} (of {a.owner_agency})")
    for ad in meeting.addenda:
        out[(SharingItemKind.ADDENDUM, addendum_id(ad.number))] = _Held(None, ad.sharing, f"Addendum {ad.number}")
    return out


def changes(before: dict[tuple[SharingItemKind, str], _Held], after: Meeting, actor: User, ctx: ServiceContext,
            reason: str = "") -> list[SharingLogEntry]:
    """The log entries for going from ``before`` to ``after``; refuses a loosening without a
    reason (``LooseningNeedsReason``) or by someone who may not (``PermissionDenied``).

    A new item with terms chosen, or an undecided one given an audience, is SET; a change that
    lets someone new see the item is LOOSENED; any other change of terms is CHANGED. A new
    item still undecided has nothing to log."""
    reason = reason.strip()
    if len(reason) > MAX_REASON:
        from strategy_meeting.domain.errors import InvalidInput

        raise InvalidInput(f"A reason may hold at most {MAX_REASON} characters.")
    now = ctx.now()
    entries: list[SharingLogEntry] = []
    for (kind, item_id), held in terms_of(after).items():
        old = before.get((kind, item_id))
        if old is not None and old.terms == held.terms:
            continue
        if old is None or not old.terms.is_decided:
            if not held.terms.is_decided:
                continue
            change = SharingChangeKind.SET
        elif loosens(held.owner, old.terms, held.terms):
            is_chair = allowed(actor.role, Permission.CONFIRM_DECISIONS)
            if not may_loosen(is_chair, actor.agency, held.owner):
                raise PermissionDenied(
                    f"{held.label}: only the chair or the agency that gave it may let more people see it.")
            if not reason:
                raise LooseningNeedsReason(
                    f"{held.label}: the change lets someone see it who could not before. Give the reason "
                    "for sharing it more widely, then save again.")
            change = SharingChangeKind.LOOSENED
        else:
            change = SharingChangeKind.CHANGED
        entries.append(SharingLogEntry(
            after.reference, kind, item_id, change, now, actor.name,
            old.terms.to_json() if old is not None else None, held.terms.to_json(), "", reason))
    return entries


def copies_fixed(meeting: Meeting, actor: User, ctx: ServiceContext,
                 addenda: list[Addendum] | None = None) -> list[SharingLogEntry]:
    """SHARED or WITHHELD for each item (or only ``addenda``) and each recipient."""
    now = ctx.now()
    recipients = [Recipient(code) for code in meeting.agency_codes] + [FAMILY]
    items: list[tuple[SharingItemKind, str, str | None, SharingTerms]] = []
    if addenda is None:
        items += [(SharingItemKind.CONTRIBUTION, c.id, c.agency, c.sharing) for c in meeting.contributions]
        items += [(SharingItemKind.DECISION, d.id, None, d.sharing) for d in meeting.decisions]
        items += [(SharingItemKind.ACTION, a.id, a.owner_agency, a.sharing) for a in meeting.actions]
    else:
        items += [(SharingItemKind.ADDENDUM, addendum_id(a.number), None, a.sharing) for a in addenda]
    return [
        SharingLogEntry(meeting.reference, kind, item_id,
                        SharingChangeKind.SHARED if may_see(owner, terms, r) else SharingChangeKind.WITHHELD,
                        now, actor.name, None, terms.to_json(), r.key)
        for kind, item_id, owner, terms in items for r in recipients
    ]


def _audit_terms(terms: dict[str, object] | None) -> dict[str, object] | None:
    """The audience and categories only: the caveat, the basis and the agreement are words
    that may name people, and stay in the log inside the record."""
    if terms is None:
        return None
    return {k: terms[k] for k in ("audience", "family", "categories") if k in terms}


def record(uow: Any, actor: User, entries: list[SharingLogEntry]) -> None:
    """Write the entries and their audit events in the caller's unit of work."""
    if not entries:
        return
    uow.sharing_log.add(entries)
    changes_ = [e for e in entries if e.change not in (SharingChangeKind.SHARED, SharingChangeKind.WITHHELD)]
    for e in changes_:
        uow.audit.append(actor.name, f"sharing.{e.change.value}", f"meeting:{e.meeting_reference}", {
            "item_kind": e.item_kind.value, "item_id": e.item_id, "before": _audit_terms(e.before),
            "after": _audit_terms(e.after), "reason_given": bool(e.reason)})
    fixed = [e for e in entries if e not in changes_]
    if fixed:
        listing: dict[str, dict[str, list[str]]] = {}
        for e in fixed:
            listing.setdefault(e.recipient, {"shared": [], "withheld": []})[e.change.value].append(
                f"{e.item_kind.value}:{e.item_id}")
        uow.audit.append(actor.name, "sharing.copies", f"meeting:{fixed[0].meeting_reference}", listing)


def entries(ctx: ServiceContext, reference: str, *, actor: User | None = None) -> list[SharingLogEntry]:
    """The meeting's sharing-decision log, oldest first. With ``actor``, only for someone who
    may read the full record (the log names items some copies withhold)."""
    if actor is not None:
        require(actor, Permission.READ_FULL_RECORD)
    with ctx.unit_of_work() as uow:
        return uow.sharing_log.for_meeting(reference)
