# SPDX-License-Identifier: LicenseRef-Proprietary
# Copyright (c) 2026 Strategy Meeting contributors
"""Retention classes and the records past their date (issue 16)."""

from __future__ import annotations

from datetime import date

from strategy_meeting.domain.changes import Changes
from strategy_meeting.domain.errors import InvalidInput, MeetingNotFound, NotFound
from strategy_meeting.domain.retention import (
    CountedFrom,
    RetentionClass,
    RetentionStatus,
    due,
    retain_until,
)
from strategy_meeting.domain.roles import Permission, User

from ..context import ServiceContext
from ..users import require
from .holds import holds_by_reference

MAX_MONTHS = 100 * 12


def list_classes(ctx: ServiceContext, actor: User) -> list[RetentionClass]:
    require(actor, Permission.VIEW_RETENTION)
    with ctx.unit_of_work() as uow:
        return uow.governance.classes()


def define_class(ctx: ServiceContext, actor: User, name: str, period_months: int, counted_from: CountedFrom,
                 default: bool = False) -> RetentionClass:
    """Add or change a class. Making a class the default first pins every meeting that had
    none to the old default, so a record never moves class because the default changed."""
    require(actor, Permission.MANAGE_RETENTION)
    name = " ".join(name.split())
    if not name or len(name) > 200:
        raise InvalidInput("A retention class needs a name of 1 to 200 characters.")
    if not 1 <= period_months <= MAX_MONTHS:
        raise InvalidInput("A retention period is between 1 month and 100 years; give it in months or years.")
    with ctx.unit_of_work() as uow:
        old_default = uow.governance.default_class()
        existing = uow.governance.class_named(name)
        if existing is not None and existing.is_default and not default:
            default = True  # the default stays a default until another class takes its place
        if default and old_default is not None and old_default.name != name and old_default.id is not None:
            uow.governance.pin_unassigned(old_default.id)
        saved = uow.governance.save_class(RetentionClass(name, period_months, counted_from, default))
        uow.audit.append(actor.name, "retention.class", f"retention_class:{saved.id}", {
            "months": period_months, "counted_from": counted_from.value, "default": default,
            "changed": existing is not None})
        uow.commit()
    return saved


def _meeting_id(uow, reference: str) -> int:  # type: ignore[no-untyped-def]
    meeting_id = uow.meetings.id_for(reference)
    if meeting_id is None:
        raise MeetingNotFound(reference)
    return int(meeting_id)


def assign_class(ctx: ServiceContext, actor: User, reference: str, class_name: str) -> Changes:
    require(actor, Permission.MANAGE_RETENTION)
    with ctx.unit_of_work() as uow:
        meeting_id = _meeting_id(uow, reference)
        cls = uow.governance.class_named(class_name)
        if cls is None or cls.id is None:
            raise NotFound(f"There is no retention class called '{class_name}'; 'retention classes' lists them.")
        uow.governance.set_class(meeting_id, cls.id)
        uow.audit.append(actor.name, "retention.assign", f"meeting:{reference}", {"class": cls.id})
        uow.commit()
    return Changes(meetings=frozenset({meeting_id}), meeting_list=True)


def record_case_closure(ctx: ServiceContext, actor: User, reference: str, closed_on: date | None) -> Changes:
    """The date the case closed (None: reopened), from which 'case closure' classes count."""
    require(actor, Permission.MANAGE_RETENTION)
    with ctx.unit_of_work() as uow:
        meeting_id = _meeting_id(uow, reference)
        uow.governance.set_case_closed(meeting_id, closed_on)
        uow.audit.append(actor.name, "retention.case_closed", f"meeting:{reference}",
                         {"closed_on": closed_on.isoformat() if closed_on else None})
        uow.commit()
    return Changes(meetings=frozenset({meeting_id}), meeting_list=True)


def statuses(uow, reference: str | None = None) -> list[RetentionStatus]:  # type: ignore[no-untyped-def]
    """Each meeting's class, erasure date and active holds (in a caller's unit of work)."""
    classes = {c.id: c for c in uow.governance.classes()}
    default = next((c for c in classes.values() if c.is_default), None)
    held = holds_by_reference(uow)
    out = []
    for facts, class_id in uow.governance.retention_facts(reference):
        cls = classes.get(class_id) if class_id is not None else default
        until = retain_until(cls, facts) if cls is not None else None
        out.append(RetentionStatus(facts.reference, facts.held_on, cls.name if cls else "", until,
                                   tuple(h.describe() for h in held.get(facts.reference, []))))
    return out


def status_of(ctx: ServiceContext, actor: User, reference: str) -> RetentionStatus:
    require(actor, Permission.VIEW_RETENTION)
    with ctx.unit_of_work() as uow:
        found = statuses(uow, reference)
    if not found:
        raise MeetingNotFound(reference)
    return found[0]


def records_due(ctx: ServiceContext, actor: User) -> list[RetentionStatus]:
    """Records past their erasure date, the longest overdue first; held ones say so."""
    require(actor, Permission.VIEW_RETENTION)
    with ctx.unit_of_work() as uow:
        return due(statuses(uow), ctx.today())
