# SPDX-License-Identifier: LicenseRef-Proprietary
# Copyright (c) 2026 Strategy Meeting contributors
"""Legal holds (issue 16): placed and lifted with a reason; a held record refuses erasure.

The reason stays in the hold's own row, not in the audit event: it may name people, and the
audit chain outlives every record it mentions.
"""

from __future__ import annotations

from datetime import date

from strategy_meeting.domain.errors import InvalidInput, MeetingNotFound, NotFound
from strategy_meeting.domain.legal_hold import HoldTarget, LegalHold, child_key
from strategy_meeting.domain.person_names import fold
from strategy_meeting.domain.roles import Permission, User

from ..context import ServiceContext
from ..users import require
from .reasons import reason_text


def holds_by_reference(uow) -> dict[str, list[LegalHold]]:  # type: ignore[no-untyped-def]
    """Reference -> the active holds covering that meeting (on it, or on one of its children)."""
    active = uow.governance.holds()
    if not active:
        return {}
    out: dict[str, list[LegalHold]] = {}
    children = uow.governance.child_keys()
    for reference in uow.meetings.references():
        keys = [child_key(name, born) for name, born in children.get(reference, [])]
        covering = [h for h in active if h.covers(reference, keys)]
        if covering:
            out[reference] = covering
    return out


def holds_on(uow, reference: str) -> list[LegalHold]:  # type: ignore[no-untyped-def]
    return holds_by_reference(uow).get(reference, [])


def list_holds(ctx: ServiceContext, actor: User, include_lifted: bool = False) -> list[LegalHold]:
    require(actor, Permission.VIEW_RETENTION)
    with ctx.unit_of_work() as uow:
        return uow.governance.holds(active_only=not include_lifted)


def place_on_meeting(ctx: ServiceContext, actor: User, reference: str, reason: str) -> LegalHold:
    require(actor, Permission.MANAGE_HOLDS)
    text = reason_text(reason, "the hold")
    with ctx.unit_of_work() as uow:
        if not uow.meetings.exists(reference):
            raise MeetingNotFound(reference)
        if any(h.target is HoldTarget.MEETING and h.target_key == reference for h in uow.governance.holds()):
            raise InvalidInput(f"{reference} is already under a legal hold; 'hold list' shows it.")
        hold = uow.governance.add_hold(LegalHold(HoldTarget.MEETING, reference, reference, text, ctx.now(), actor.name))
        uow.audit.append(actor.name, "hold.place", f"meeting:{reference}", {"hold": hold.id})
        uow.commit()
    return hold


def place_on_child(ctx: ServiceContext, actor: User, name: str, reason: str, born: date | None = None) -> LegalHold:
    """Holds every meeting the child is a subject of, now and later. ``born`` narrows the
    hold to the child with that date of birth when two children share a name."""
    require(actor, Permission.MANAGE_HOLDS)
    text = reason_text(reason, "the hold")
    wanted = fold(name)
    with ctx.unit_of_work() as uow:
        known = [(n, b) for kids in uow.governance.child_keys().values() for n, b in kids
                 if fold(n) == wanted and (born is None or b == born)]
        if not known:
            raise NotFound("No subject child of that name (and date of birth) is in this store; check the spelling.")
        label = known[0][0]
        hold = uow.governance.add_hold(LegalHold(HoldTarget.CHILD, child_key(label, born), label, text, ctx.now(),
                                                 actor.name))
        uow.audit.append(actor.name, "hold.place", f"hold:{hold.id}", {"hold": hold.id, "target": "child"})
        uow.commit()
    return hold


def lift(ctx: ServiceContext, actor: User, reason: str, *, reference: str | None = None,
         hold_id: int | None = None) -> list[LegalHold]:
    """Lift the hold(s) placed on meeting ``reference``, or the hold numbered ``hold_id``."""
    require(actor, Permission.MANAGE_HOLDS)
    text = reason_text(reason, "lifting the hold")
    with ctx.unit_of_work() as uow:
        active = uow.governance.holds()
        if hold_id is not None:
            chosen = [h for h in active if h.id == hold_id]
        else:
            chosen = [h for h in active if h.target is HoldTarget.MEETING and h.target_key == reference]
        if not chosen:
            if reference is not None and holds_on(uow, reference):
                raise InvalidInput(f"{reference} is held through a hold on a child; lift that hold by its number "
                                   "('hold list' shows it).")
            raise NotFound("There is no active legal hold there; 'hold list' shows the holds in force.")
        for hold in chosen:
            uow.governance.lift_hold(hold.id, actor.name, text)
            uow.audit.append(actor.name, "hold.lift",
                             f"meeting:{hold.target_key}" if hold.target is HoldTarget.MEETING else f"hold:{hold.id}",
                             {"hold": hold.id})
        uow.commit()
    return chosen


