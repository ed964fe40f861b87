# SPDX-License-Identifier: LicenseRef-Proprietary
"""The home screen's figures, on a real store with a fixed clock (Friday 20 November 2026)."""

from __future__ import annotations

from datetime import date, timedelta

from builders import representative, sample_meeting
from conftest import FIXED_NOW
from strategy_meeting.domain.agency import Agency, AgencyKind
from strategy_meeting.domain.meeting import MeetingStatus, Participant, ParticipantStatus
from strategy_meeting.services import dashboard, meetings


def _add(ctx, chair, reference, held_days_ago, status=MeetingStatus.IN_PROGRESS, absent=(), agencies=None):
    m = sample_meeting(reference)
    m.held_at = FIXED_NOW - timedelta(days=held_days_ago)
    m.status = status
    m.actions[0].due = date(2026, 12, 31)
    for p in m.participants:
        if p.agency in absent:
            p.status = ParticipantStatus.APOLOGIES
    if agencies is not None:
        m.participants = [p for p in m.participants if p.agency in agencies]
        m.agencies = [a for a in m.agencies if a.code in agencies]
        m.contributions, m.decisions, m.actions = [], [], []
        m.referral.source_agency = ""
    meetings.create(ctx, chair, template=m)


def test_dashboard_figures(ctx, chair):
    _add(ctx, chair, "SD-2026-0001", 0)  # today: this week
    _add(ctx, chair, "SD-2026-0002", 3, status=MeetingStatus.SIGNED_OFF, absent=("POLICE",))  # Tuesday
    _add(ctx, chair, "SD-2026-0003", 30, status=MeetingStatus.SIGNED_OFF, absent=("POLICE", "HEALTH"))
    _add(ctx, chair, "SD-2026-0004", 60, status=MeetingStatus.DISTRIBUTED)
    _add(ctx, chair, "SD-2026-0005", 120, absent=("CSC",))  # outside the 90-day window
    d = dashboard.dashboard(ctx, chair)
    assert d.week_start == date(2026, 11, 16)
    assert [s.reference for s in d.this_week] == ["SD-2026-0002", "SD-2026-0001"]
    assert d.this_week_count == 2
    assert [s.reference for s in d.not_distributed] == ["SD-2026-0003", "SD-2026-0002"]
    assert d.not_distributed_count == 2
    assert d.overdue_actions == 0
    shares = {a.kind: (a.attended, a.meetings) for a in d.attendance}
    assert shares == {
        AgencyKind.SOCIAL_CARE: (4, 4),
        AgencyKind.POLICE: (2, 4),
        AgencyKind.HEALTH: (3, 4),
    }
    assert [a.label for a in d.attendance] == ["children's social care", "police", "health"]


def test_overdue_actions_on_the_dashboard(ctx, chair):
    m = sample_meeting("SD-2026-0010")
    m.actions[0].due = date(2026, 11, 19)
    meetings.create(ctx, chair, template=m)
    d = dashboard.dashboard(ctx, chair)
    assert d.overdue_actions == 1
    assert [(ref, a.id) for ref, a in d.most_overdue] == [("SD-2026-0010", "a1")]


def test_empty_store_has_no_shares_rather_than_zero_per_cent(ctx, chair):
    d = dashboard.dashboard(ctx, chair)
    assert d.this_week == [] and d.not_distributed == [] and d.overdue_actions == 0
    assert all(a.meetings == 0 and a.share is None for a in d.attendance)


def test_agency_rep_figures_cover_only_their_agency_meetings(ctx, chair, admin):
    _add(ctx, chair, "SD-2026-0001", 1)
    _add(ctx, chair, "SD-2026-0002", 2, agencies=("CSC", "POLICE"))
    teacher = representative("teacher", "EDU")
    d = dashboard.dashboard(ctx, teacher)
    assert [s.reference for s in d.this_week] == ["SD-2026-0001"]
    assert {a.meetings for a in d.attendance} == {1}


def test_two_agencies_of_one_kind_count_the_meeting_once(ctx, chair):
    m = sample_meeting("SD-2026-0020")
    m.held_at = FIXED_NOW - timedelta(days=1)
    m.agencies.append(Agency("BTP", "British Transport Police", AgencyKind.POLICE))
    m.participants.append(Participant("BTP", "PC Sample", ParticipantStatus.ATTENDED, "PC", True, "m9"))
    # An agency with no kind recorded takes the kind its well-known code implies.
    m.agencies[2] = Agency("HEALTH", "Community Health", None)
    meetings.create(ctx, chair, template=m)
    shares = {a.kind: (a.attended, a.meetings, a.share) for a in dashboard.dashboard(ctx, chair).attendance}
    assert shares[AgencyKind.POLICE] == (1, 1, 1.0)
    assert shares[AgencyKind.HEALTH] == (1, 1, 1.0)
