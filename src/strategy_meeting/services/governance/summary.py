# SPDX-License-Identifier: LicenseRef-Proprietary
# Copyright (c) 2026 Strategy Meeting contributors
"""The home screen's records-governance line (issue 16): records past their retention date and
subject access requests with their due dates, for the roles that answer for them."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from strategy_meeting.domain.retention import due
from strategy_meeting.domain.roles import Permission, User, allowed

from ..context import ServiceContext
from .retention import statuses


@dataclass(frozen=True)
class GovernanceSummary:
    records_due: int | None  # None: not this role's concern
    oldest_due: date | None
    held_among_due: int
    open_requests: int | None
    next_request_due: date | None
    overdue_requests: int


def governance_summary(ctx: ServiceContext, actor: User) -> GovernanceSummary | None:
    """None for a role that sees neither retention nor subject access (a chair)."""
    sees_retention = actor.active and allowed(actor.role, Permission.VIEW_RETENTION)
    sees_requests = actor.active and allowed(actor.role, Permission.SUBJECT_ACCESS)
    if not (sees_retention or sees_requests):
        return None
    today = ctx.today()
    with ctx.unit_of_work() as uow:
        past = due(statuses(uow), today) if sees_retention else []
        requests = uow.governance.requests(open_only=True) if sees_requests else []
    return GovernanceSummary(
        records_due=len(past) if sees_retention else None,
        oldest_due=past[0].retain_until if past else None,
        held_among_due=sum(1 for s in past if s.held),
        open_requests=len(requests) if sees_requests else None,
        next_request_due=min((r.due_on for r in requests), default=None),
        overdue_requests=sum(1 for r in requests if r.is_overdue(today)),
    )
