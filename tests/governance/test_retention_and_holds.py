# SPDX-License-Identifier: LicenseRef-Proprietary
"""Retention classes, records due and legal holds on a real store (issue 16)."""

from __future__ import annotations

from datetime import date, datetime, UTC

import pytest

from builders import sample_meeting
from strategy_meeting.domain.errors import InvalidInput, PermissionDenied
from strategy_meeting.domain.retention import CountedFrom
from strategy_meeting.domain.roles import Role, User, allowed, Permission
from strategy_meeting.services import meetings
from strategy_meeting.services.governance import holds, retention


@pytest.fixture
def ig() -> User:
    return User("ig", Role.INFORMATION_GOVERNANCE)


def _meeting(ctx, chair, reference, held=datetime(2020, 3, 1, 10, tzinfo=UTC), born=date(2018, 5, 14),
             child="Robin Fictional"):
    m = sample_meeting(reference, child_name=child)
    m.held_at = held
    m.children[0].date_of_birth = born
    meetings.create(ctx, chair, template=m)


def test_information_governance_reads_everything_and_edits_nothing(ig):
    assert allowed(ig.role, Permission.READ_FULL_RECORD) and allowed(ig.role, Permission.SUBJECT_ACCESS)
    for edit in (Permission.EDIT_MEETING, Permission.CREATE_MEETING, Permission.ERASE, Permission.EXPORT,
                 Permission.RENDER_MINUTES, Permission.DISTRIBUTE, Permission.MANAGE_RETENTION, Permission.IMPORT):
        assert not allowed(ig.role, edit)


def test_the_default_class_counts_from_the_youngest_child_and_due_lists_oldest_first(ctx, chair, admin, clock):
    [cls] = retention.list_classes(ctx, admin)
    assert cls.is_default and cls.counted_from is CountedFrom.CHILD_DATE_OF_BIRTH and cls.period_months == 300
    retention.define_class(ctx, admin, "Short", 12, CountedFrom.MEETING_DATE)
    _meeting(ctx, chair, "SD-A", held=datetime(2019, 1, 1, tzinfo=UTC))
    _meeting(ctx, chair, "SD-B", held=datetime(2018, 1, 1, tzinfo=UTC))
    _meeting(ctx, chair, "SD-C", held=datetime(2026, 6, 1, tzinfo=UTC))
    assert retention.records_due(ctx, admin) == []  # the default keeps them until 2043
    for ref in ("SD-A", "SD-B", "SD-C"):
        retention.assign_class(ctx, admin, ref, "Short")
    due = retention.records_due(ctx, admin)
    assert [(s.reference, s.retain_until) for s in due] == [("SD-B", date(2019, 1, 1)), ("SD-A", date(2020, 1, 1))]


def test_a_new_default_leaves_existing_meetings_in_their_class(ctx, chair, admin):
    _meeting(ctx, chair, "SD-A")
    retention.define_class(ctx, admin, "Closure", 24, CountedFrom.CASE_CLOSURE, default=True)
    _meeting(ctx, chair, "SD-B")
    assert retention.status_of(ctx, admin, "SD-A").class_name == "Child protection"
    assert retention.status_of(ctx, admin, "SD-B").class_name == "Closure"
    assert retention.status_of(ctx, admin, "SD-B").retain_until is None  # case still open
    retention.record_case_closure(ctx, admin, "SD-B", date(2020, 6, 30))
    assert retention.status_of(ctx, admin, "SD-B").retain_until == date(2022, 6, 30)


def test_only_an_administrator_defines_classes(ctx, chair, ig):
    for actor in (chair, ig):
        with pytest.raises(PermissionDenied):
            retention.define_class(ctx, actor, "X", 12, CountedFrom.MEETING_DATE)
    with pytest.raises(InvalidInput, match="between 1 month and 100 years"):
        retention.define_class(ctx, User("admin", Role.ADMINISTRATOR), "X", 0, CountedFrom.MEETING_DATE)


def test_holds_on_a_meeting_and_on_a_child_show_in_the_due_list_and_lift_with_a_reason(ctx, chair, admin, ig):
    retention.define_class(ctx, admin, "Short", 12, CountedFrom.MEETING_DATE, default=True)
    _meeting(ctx, chair, "SD-A", child="Zoë Müller")
    _meeting(ctx, chair, "SD-B", child="Sam Other")
    with pytest.raises(InvalidInput, match="reason"):
        holds.place_on_meeting(ctx, ig, "SD-B", "  ")
    holds.place_on_meeting(ctx, ig, "SD-B", "Family court proceedings")
    child_hold = holds.place_on_child(ctx, admin, "zoe muller", "Serious case review")
    _meeting(ctx, chair, "SD-C", child="ZOE MÜLLER")  # a later meeting about the held child is held too
    due = {s.reference: s for s in retention.records_due(ctx, admin)}
    assert due["SD-A"].held and due["SD-B"].held and due["SD-C"].held
    assert "on a subject child" in due["SD-A"].holds[0]
    holds.lift(ctx, admin, "Proceedings ended", reference="SD-B")
    holds.lift(ctx, ig, "Review published", hold_id=child_hold.id)
    assert not any(s.held for s in retention.records_due(ctx, admin))
    lifted = holds.list_holds(ctx, admin, include_lifted=True)
    assert [h.lift_reason for h in lifted] == ["Proceedings ended", "Review published"]


def test_a_held_draft_cannot_be_deleted_until_the_hold_is_lifted(ctx, chair, admin):
    """Deleting a draft (issue 19) keeps to the hold (issue 16) as erasure does."""
    meetings.create(ctx, chair, reference="SD-DRAFT")
    holds.place_on_meeting(ctx, admin, "SD-DRAFT", "Police investigation")
    with pytest.raises(InvalidInput, match="legal hold"):
        meetings.delete_draft(ctx, chair, "SD-DRAFT")
    holds.lift(ctx, admin, "Investigation closed", reference="SD-DRAFT")
    meetings.delete_draft(ctx, chair, "SD-DRAFT")  # the control
    with ctx.unit_of_work() as uow:
        assert "SD-DRAFT" not in uow.meetings.references()
