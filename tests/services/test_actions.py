# SPDX-License-Identifier: LicenseRef-Proprietary
"""The actions tracker on a real encrypted store: listing, overdue, completing, cancelling."""

from __future__ import annotations

from datetime import date

import pytest

from builders import representative, sample_meeting
from strategy_meeting.domain.action import ActionStatus
from strategy_meeting.domain.errors import InvalidInput, MeetingLocked, PermissionDenied
from strategy_meeting.domain.meeting import MeetingStatus
from strategy_meeting.services import actions, meetings


def _meeting(ctx, chair, reference="SD-2026-0100", due_a1=date(2026, 11, 10), status=None):
    m = sample_meeting(reference)
    m.actions[0].due = due_a1
    if status is not None:
        m.status = status
    meetings.create(ctx, chair, template=m)
    return m


def test_open_actions_across_meetings_soonest_first_with_overdue_derived(ctx, chair):
    _meeting(ctx, chair, "SD-2026-0100", due_a1=date(2026, 11, 10))
    _meeting(ctx, chair, "SD-2026-0101", due_a1=date(2026, 11, 30))
    rows = actions.open_actions(ctx, chair)
    assert [(r.reference, r.action.id) for r in rows] == [
        ("SD-2026-0100", "a1"), ("SD-2026-0100", "a2"), ("SD-2026-0101", "a2"), ("SD-2026-0101", "a1"),
    ]
    # Today is 2026-11-20 on the test clock: only the action due on the 10th is overdue.
    assert [r.overdue for r in rows] == [True, False, False, False]
    police = actions.open_actions(ctx, chair, agency="POLICE")
    assert {r.action.owner_agency for r in police} == {"POLICE"} and len(police) == 2


def test_chair_completes_an_action_with_a_note_and_it_leaves_the_tracker(ctx, chair):
    _meeting(ctx, chair)
    done, changes = actions.complete(ctx, chair, "SD-2026-0100", "a1", "  Medical held on 21 November.  ")
    assert done.status is ActionStatus.DONE and done.completion_note == "Medical held on 21 November."
    assert changes.actions
    assert [r.action.id for r in actions.open_actions(ctx, chair)] == ["a2"]
    stored = meetings.get(ctx, chair, "SD-2026-0100").action("a1")
    assert stored.status is ActionStatus.DONE and stored.completion_note == "Medical held on 21 November."
    with ctx.unit_of_work() as uow:
        last = uow.audit.events()[-1]
    assert (last.action, last.details) == ("action.complete", {"action": "a1"})


def test_cancel_needs_a_note_and_writes_nothing_without_one(ctx, chair):
    _meeting(ctx, chair)
    with pytest.raises(InvalidInput, match="why it is cancelled"):
        actions.cancel(ctx, chair, "SD-2026-0100", "a2", "   ")
    assert meetings.get(ctx, chair, "SD-2026-0100").action("a2").status is ActionStatus.OPEN
    actions.cancel(ctx, chair, "SD-2026-0100", "a2", "Partner left the area.")
    assert meetings.get(ctx, chair, "SD-2026-0100").action("a2").status is ActionStatus.CANCELLED
    with pytest.raises(InvalidInput, match="already cancelled"):
        actions.complete(ctx, chair, "SD-2026-0100", "a2", "Done after all.")


def test_actions_of_signed_off_minutes_can_still_be_completed(ctx, chair):
    """Actions are done after the meeting: progress is tracked, the record stays locked."""
    _meeting(ctx, chair, status=MeetingStatus.SIGNED_OFF)
    with pytest.raises(MeetingLocked):
        meetings.update_details(ctx, chair, "SD-2026-0100", location="Elsewhere")
    actions.complete(ctx, chair, "SD-2026-0100", "a1", "Done.")
    m = meetings.get(ctx, chair, "SD-2026-0100")
    assert m.action("a1").status is ActionStatus.DONE
    assert m.location == "Video call" and m.status is MeetingStatus.SIGNED_OFF


def test_agency_rep_tracks_and_updates_only_their_agency_actions(ctx, chair, admin):
    _meeting(ctx, chair)
    nurse = representative("nurse", "HEALTH")
    mine = actions.open_actions(ctx, nurse, agency="POLICE")  # asking for another agency gives their own
    assert [(r.action.id, r.action.owner_agency) for r in mine] == [("a1", "HEALTH")]
    with pytest.raises(PermissionDenied):
        actions.complete(ctx, nurse, "SD-2026-0100", "a2", "Not mine to close.")
    assert meetings.get(ctx, chair, "SD-2026-0100").action("a2").status is ActionStatus.OPEN
    with ctx.unit_of_work() as uow:
        assert uow.audit.events()[-1].action == "denied"
    actions.complete(ctx, nurse, "SD-2026-0100", "a1", "Seen by the paediatrician.")
    assert actions.open_actions(ctx, nurse) == []


def test_administrator_may_look_but_not_update(ctx, chair, admin):
    _meeting(ctx, chair)
    assert len(actions.open_actions(ctx, admin)) == 2
    with pytest.raises(PermissionDenied):
        actions.complete(ctx, admin, "SD-2026-0100", "a1", "Done.")


def test_overdue_count_matches_the_tracker(ctx, chair):
    _meeting(ctx, chair, "SD-2026-0100", due_a1=date(2026, 11, 1))
    _meeting(ctx, chair, "SD-2026-0101", due_a1=date(2026, 11, 19))
    _meeting(ctx, chair, "SD-2026-0102", due_a1=date(2026, 11, 20))  # due today: not yet overdue
    assert actions.overdue_count(ctx, chair) == 2
    assert sum(r.overdue for r in actions.open_actions(ctx, chair)) == 2


def test_the_tracker_page_is_bounded_and_counts_the_rest(ctx, chair):
    for n in range(3):
        _meeting(ctx, chair, f"SD-2026-010{n}", due_a1=date(2026, 11, 1 + n))
    page = actions.tracker(ctx, chair, limit=4)
    assert len(page.rows) == 4 and page.open_total == 6 and page.overdue_total == 3
    assert not page.is_complete
    assert [r.action.due for r in page.rows][:3] == [date(2026, 11, 1), date(2026, 11, 2), date(2026, 11, 3)]
    assert actions.tracker(ctx, chair).is_complete
