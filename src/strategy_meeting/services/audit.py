# SPDX-License-Identifier: LicenseRef-Proprietary
# Copyright (c) 2026 Strategy Meeting contributors
"""Verify the audit chain. Events are appended by every service inside its own unit of work."""

from __future__ import annotations

from dataclasses import dataclass

from strategy_meeting.domain.audit_chain import AuditEvent, verify_chain
from strategy_meeting.domain.roles import Permission, User

from .context import ServiceContext
from .users import require


@dataclass(frozen=True)
class AuditReport:
    events: int
    ok: bool
    problem: str = ""  # in words, naming the first broken event
    first_broken_seq: int | None = None


def verify(ctx: ServiceContext, actor: User) -> AuditReport:
    """Check every event's hash and link, then the head kept outside the table, which is the
    only way to notice events cut off the end of the chain."""
    require(actor, Permission.AUDIT)
    with ctx.unit_of_work() as uow:
        events = list(uow.audit.iter_events())
    brk = verify_chain(events)
    if brk is not None:
        return AuditReport(len(events), False, f"The audit log is broken: {brk.reason}.", brk.seq)
    head = ctx.store.read_audit_head()
    if head is not None:
        seq, digest = head
        if seq > len(events):
            return AuditReport(
                len(events), False,
                f"The audit log is broken: events after {len(events)} were removed "
                f"(the log last reached event {seq}).", len(events) + 1,
            )
        if events[seq - 1].hash != digest:
            return AuditReport(len(events), False, f"The audit log is broken: event {seq} was replaced.", seq)
    return AuditReport(len(events), True)


def recent_events(ctx: ServiceContext, actor: User, limit: int = 200) -> list[AuditEvent]:
    require(actor, Permission.AUDIT)
    with ctx.unit_of_work() as uow:
        seq, _ = uow.audit.head()
        return uow.audit.events(after=max(0, seq - limit))


def record_denied(ctx: ServiceContext, actor_name: str, what: str,
                  details: dict[str, object] | None = None) -> None:
    """A refused privileged attempt, in the chain like any change: who tried what. Needs no
    permission (the refusal is the point) and never fails the caller's refusal: a store that
    only reads cannot take the event, and the refusal still stands."""
    from strategy_meeting.domain.errors import UserError

    try:
        with ctx.unit_of_work() as uow:
            uow.audit.append(actor_name, "denied", what, dict(details or {}))
            uow.commit()
    except UserError:
        pass
