# SPDX-License-Identifier: LicenseRef-Proprietary
"""The smaller items of issue 19, each on a real store: the next reference, deleting an
accidental draft, an empty draft not counted as held, and the NHS number check digit."""

from __future__ import annotations

from datetime import timedelta

import pytest

from builders import sample_meeting
from conftest import FIXED_NOW
from strategy_meeting.domain.errors import InvalidInput, NotFound, PermissionDenied
from strategy_meeting.domain.meeting import MeetingStatus, SubjectChild, next_reference
from strategy_meeting.domain.validation import nhs_number_problem
from strategy_meeting.services import audit, dashboard, meetings
from strategy_meeting.services.meetings import ItemKind


def test_the_next_reference_follows_the_highest(ctx, chair) -> None:
    assert next_reference("SD", 2026, {"SD-2026-0001", "SD-2026-0142", "SD-2026-0007-R", "SD-2025-0900"}) \
        == "SD-2026-0143"
    assert next_reference("SD", 2026, set()) == "SD-2026-0001"
    meetings.create(ctx, chair, reference="SD-2026-0142")
    assert meetings.next_reference(ctx) == "SD-2026-0143"  # not SD-2026-0001


def test_an_accidental_draft_can_be_deleted_and_the_log_says_so(ctx, chair, admin) -> None:
    meetings.create(ctx, chair, reference="SD-2026-0200")
    meetings.put_item(ctx, chair, "SD-2026-0200", ItemKind.CHILD, SubjectChild("", "Robin Fictional"))
    with pytest.raises(PermissionDenied):
        meetings.delete_draft(ctx, admin, "SD-2026-0200")  # administrators do not create meetings
    meetings.delete_draft(ctx, chair, "SD-2026-0200")
    with pytest.raises(NotFound):
        meetings.get(ctx, chair, "SD-2026-0200")
    events = [e for e in audit.recent_events(ctx, admin) if e.action == "meeting.delete"]
    assert [(e.user, e.object) for e in events] == [("chair", "meeting:SD-2026-0200")]


def test_a_meeting_with_substance_is_not_deleted(ctx, chair) -> None:
    meetings.create(ctx, chair, template=sample_meeting("SD-2026-0201"))
    with pytest.raises(InvalidInput, match="only a draft opened by mistake"):
        meetings.delete_draft(ctx, chair, "SD-2026-0201")
    m = sample_meeting("SD-2026-0202")
    m.contributions, m.decisions, m.actions = [], [], []
    m.status = MeetingStatus.SIGNED_OFF
    meetings.create(ctx, chair, template=m)
    with pytest.raises(InvalidInput, match="signed off"):
        meetings.delete_draft(ctx, chair, "SD-2026-0202")


def test_an_empty_draft_is_not_a_meeting_held(ctx, chair) -> None:
    held = sample_meeting("SD-2026-0300")
    held.held_at = FIXED_NOW - timedelta(days=2)
    meetings.create(ctx, chair, template=held)
    meetings.create(ctx, chair, reference="SD-2026-0301", held_at=FIXED_NOW - timedelta(days=1))  # a draft
    shares = {a.kind: (a.attended, a.meetings) for a in dashboard.dashboard(ctx, chair).attendance}
    assert {n for _attended, n in shares.values()} == {1}


@pytest.mark.parametrize("number,ok", [("9434765919", True), ("943 476 5919", True), ("4010232137", True),
                                       ("1234567890", False), ("9434765918", False), ("123", False), ("", True)])
def test_nhs_numbers_pass_the_modulus_11_check(number: str, ok: bool) -> None:
    assert (nhs_number_problem(number) == "") is ok


def test_a_child_with_a_wrong_nhs_number_is_refused(ctx, chair) -> None:
    meetings.create(ctx, chair, reference="SD-2026-0400")
    with pytest.raises(InvalidInput, match="check digit"):
        meetings.put_item(ctx, chair, "SD-2026-0400", ItemKind.CHILD, SubjectChild("", "Robin", nhs_number="1234567890"))
    meeting, _ = meetings.put_item(ctx, chair, "SD-2026-0400", ItemKind.CHILD,
                                   SubjectChild("", "Robin", nhs_number="943 476 5919"))
    assert meeting.children[0].nhs_number == "9434765919"
