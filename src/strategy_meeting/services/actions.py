# SPDX-License-Identifier: LicenseRef-Proprietary
# Copyright (c) 2026 Strategy Meeting contributors
"""The actions tracker: open actions across meetings, and marking them done or cancelled.

Actions are mostly carried out after the minutes are signed off, so progress (status and
completion note) is tracked apart from the record's content: completing an action never
needs the meeting unlocked and never rewrites anything else in it.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from strategy_meeting.domain.action import Action, ActionStatus
from strategy_meeting.domain.changes import Changes
from strategy_meeting.domain.errors import InvalidInput, NotFound, PermissionDenied
from strategy_meeting.domain.meeting import MeetingStatus
from strategy_meeting.domain.roles import Permission, User, allowed

from .context import ServiceContext
from strategy_meeting.services.governance import restriction  # issue 16

MAX_NOTE = 2000


@dataclass(frozen=True)
class TrackedAction:
    """One row of the tracker: the action, where it comes from, and whether it is overdue
    today (derived here, never stored)."""

    reference: str
    meeting_status: MeetingStatus
    action: Action
    overdue: bool


def _scope(actor: User, agency: str | None) -> str | None:
    """Chairs and administrators see every agency's actions (or one, if asked); an agency
    representative sees only their own agency's."""
    if allowed(actor.role, Permission.READ_FULL_RECORD):
        return agency or None
    if not actor.agency:
        raise PermissionDenied("Your account belongs to no agency, so it has no actions to track.")
    return actor.agency


@dataclass(frozen=True)
class TrackerPage:
    """The soonest-due open actions, with how many there are in all."""

    rows: list[TrackedAction]
    open_total: int
    overdue_total: int

    @property
    def is_complete(self) -> bool:
        return len(self.rows) == self.open_total


TRACKER_LIMIT = 1000  # rows the tracker shows at once; narrowing by agency shows the rest


def open_actions(
    ctx: ServiceContext, actor: User, agency: str | None = None, limit: int | None = None
) -> list[TrackedAction]:
    """Open actions the actor may track, soonest due first (undated last)."""
    if not actor.active:
        raise PermissionDenied(f"The account '{actor.name}' is disabled.")
    code = _scope(actor, agency)
    today = ctx.today()
    with ctx.unit_of_work() as uow:
        rows = uow.meetings.open_action_rows(code, limit)
        hidden = restriction.hidden_from(uow, actor)  # issue 16: Article 18
    rows = [row for row in rows if row[0] not in hidden]
    return [TrackedAction(ref, MeetingStatus(status), a, a.is_overdue(today)) for ref, status, a in rows]


def tracker(ctx: ServiceContext, actor: User, agency: str | None = None, limit: int = TRACKER_LIMIT) -> TrackerPage:
    """What the tracker shows: a bounded page, so a store with 200,000 open actions still
    answers at once, and the totals for the whole store."""
    rows = open_actions(ctx, actor, agency, limit)
    code = _scope(actor, agency)
    with ctx.unit_of_work() as uow:
        total = uow.meetings.open_action_count(code) if len(rows) >= limit else len(rows)
        overdue = uow.meetings.overdue_action_count(ctx.today(), code)
    return TrackerPage(rows, total, overdue)


def overdue_count(ctx: ServiceContext, actor: User, today: date | None = None) -> int:
    code = _scope(actor, None)
    with ctx.unit_of_work() as uow:
        return uow.meetings.overdue_action_count(today or ctx.today(), code)


def _may_update(actor: User, action: Action) -> bool:
    if not actor.active:
        return False
    if allowed(actor.role, Permission.EDIT_MEETING):
        return True
    return (
        allowed(actor.role, Permission.UPDATE_OWN_ACTIONS)
        and actor.agency is not None
        and actor.agency == action.owner_agency
    )


def _finish(
    ctx: ServiceContext, actor: User, reference: str, action_id: str, note: str, status: ActionStatus
) -> tuple[Action, Changes]:
    note = note.strip()
    if not note:
        what = "what was done" if status is ActionStatus.DONE else "why it is cancelled"
        raise InvalidInput(f"Add a note saying {what}.")
    if len(note) > MAX_NOTE:
        raise InvalidInput(f"The note is longer than {MAX_NOTE} characters; shorten it.")
    verb = "complete" if status is ActionStatus.DONE else "cancel"
    with ctx.unit_of_work() as uow:
        found = uow.meetings.action_in_meeting(reference, action_id)
        if found is None:
            raise NotFound(f"There is no such action in meeting {reference}.")
        meeting_id, _meeting_status, action = found
        restriction.check_processing(uow, reference)  # issue 16: Article 18
        if not _may_update(actor, action):
            uow.audit.append(actor.name, "denied", f"meeting:{reference}", {"call": f"action.{verb}"})
            uow.commit()
            raise PermissionDenied(
                "Only a chair, or a representative of the agency that owns the action, may update it."
            )
        if action.status is not ActionStatus.OPEN:
            raise InvalidInput(f"That action is already {action.status.value}; only open actions can be updated.")
        uow.meetings.set_action_progress(reference, action_id, status.value, note)
        uow.audit.append(actor.name, f"action.{verb}", f"meeting:{reference}", {"action": action_id})
        uow.commit()
    action.status = status
    action.completion_note = note
    return action, Changes(meetings=frozenset({meeting_id}), actions=True, meeting_list=True)


def complete(ctx: ServiceContext, actor: User, reference: str, action_id: str, note: str) -> tuple[Action, Changes]:
    """Mark an open action done, saying what was done."""
    return _finish(ctx, actor, reference, action_id, note, ActionStatus.DONE)


def cancel(ctx: ServiceContext, actor: User, reference: str, action_id: str, note: str) -> tuple[Action, Changes]:
    """Cancel an open action, saying why."""
    return _finish(ctx, actor, reference, action_id, note, ActionStatus.CANCELLED)

