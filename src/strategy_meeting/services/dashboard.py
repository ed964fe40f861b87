# SPDX-License-Identifier: LicenseRef-Proprietary
# Copyright (c) 2026 Strategy Meeting contributors
"""The home screen's figures: this week's meetings, minutes waiting to go out, overdue
actions, and how often each statutory agency attended over the last 90 days.

Each figure is one or two indexed queries, so the dashboard stays quick on a store of
100,000 meetings; an agency representative's figures cover their agency's meetings only.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from strategy_meeting.domain.action import Action
from strategy_meeting.domain.agency import STATUTORY_KIND_LABELS, STATUTORY_KINDS, AgencyKind, kinds_by_code
from strategy_meeting.domain.errors import PermissionDenied
from strategy_meeting.domain.meeting import MeetingQuery, MeetingStatus, MeetingSummary
from strategy_meeting.domain.roles import Permission, User, allowed

from .context import ServiceContext
from .governance import restriction

ATTENDANCE_WINDOW_DAYS = 90
LIST_LIMIT = 50  # rows per list on the home screen; the count says how many there are


@dataclass(frozen=True)
class AgencyAttendance:
    kind: AgencyKind
    label: str  # e.g. "children's social care"
    attended: int  # meetings in the window at which this kind of agency was present
    meetings: int  # meetings held in the window

    @property
    def share(self) -> float | None:
        """Fraction of meetings attended; None when no meeting was held."""
        return self.attended / self.meetings if self.meetings else None


@dataclass(frozen=True)
class Dashboard:
    today: date
    week_start: date
    this_week: list[MeetingSummary]
    this_week_count: int
    not_distributed: list[MeetingSummary]
    not_distributed_count: int
    overdue_actions: int
    most_overdue: list[tuple[str, Action]]  # (meeting reference, action), longest overdue first
    attendance: list[AgencyAttendance]
    window_days: int = ATTENDANCE_WINDOW_DAYS


def _agency_scope(actor: User) -> str | None:
    if not actor.active:
        raise PermissionDenied(f"The account '{actor.name}' is disabled.")
    if allowed(actor.role, Permission.READ_FULL_RECORD):
        return None
    return actor.agency or "\x00"  # an agency-less account sees nothing


def week_bounds(ctx: ServiceContext) -> tuple[date, datetime, datetime]:
    """Monday 00:00 to the next Monday 00:00 in the computer's local time."""
    local_now = ctx.now().astimezone()
    monday = local_now.date() - timedelta(days=local_now.weekday())
    start = datetime.combine(monday, time(), tzinfo=local_now.tzinfo)
    return monday, start, start + timedelta(days=7)


def attendance_shares(meetings: int, attended_by_kind: dict[str, int]) -> list[AgencyAttendance]:
    """Per statutory kind, how many of the meetings some agency of that kind attended."""
    return [
        AgencyAttendance(k, STATUTORY_KIND_LABELS[k], attended_by_kind.get(k.value, 0), meetings)
        for k in STATUTORY_KINDS
    ]


def dashboard(ctx: ServiceContext, actor: User) -> Dashboard:
    agency = _agency_scope(actor)
    today = ctx.today()
    monday, week_start, week_end = week_bounds(ctx)
    now = ctx.now()
    # The 90 days up to the end of today, so a meeting held this morning already counts.
    window_end = datetime.combine(today + timedelta(days=1), time(), tzinfo=now.astimezone().tzinfo)
    window_start = window_end - timedelta(days=ATTENDANCE_WINDOW_DAYS)
    with ctx.unit_of_work() as uow:
        week_ids = uow.meetings.held_between(week_start, week_end)
        if agency is not None:
            mine = set(uow.meetings.ids(MeetingQuery(agency=agency)))
            week_ids = [i for i in week_ids if i in mine]
        waiting_query = MeetingQuery(
            statuses=(MeetingStatus.SIGNED_OFF,), agency=agency, order_by="held_at", descending=False
        )
        waiting_count = uow.meetings.count(waiting_query)
        waiting_ids = uow.meetings.ids(waiting_query, limit=LIST_LIMIT)
        this_week = sorted(
            uow.meetings.summaries(week_ids, today),
            key=lambda s: (s.held_at is None, s.held_at or now, s.reference),
        )[:LIST_LIMIT]
        waiting = uow.meetings.summaries(waiting_ids, today)
        overdue = uow.meetings.overdue_action_count(today, agency)
        most_overdue = [(ref, a) for ref, _status, a in uow.meetings.overdue_action_rows(today, agency, LIST_LIMIT)]
        hidden = restriction.hidden_from(uow, actor)  # issue 16: Article 18
        this_week = restriction.masked(this_week, hidden, actor)
        waiting = restriction.masked(waiting, hidden, actor)
        most_overdue = [(ref, a) for ref, a in most_overdue if ref not in hidden]
        held, by_kind = uow.meetings.attendance_by_kind(
            window_start, window_end, {code: kind.value for code, kind in kinds_by_code().items()}, agency
        )
    return Dashboard(
        today=today,
        week_start=monday,
        this_week=this_week,
        this_week_count=len(week_ids),
        not_distributed=waiting,
        not_distributed_count=waiting_count,
        overdue_actions=overdue,
        most_overdue=most_overdue,
        attendance=attendance_shares(held, by_kind),
    )
