# SPDX-License-Identifier: LicenseRef-Proprietary
"""Meetings through the service layer on a real encrypted store."""

from __future__ import annotations

import pytest

from builders import representative, sample_meeting
from conftest import PASSPHRASE
from strategy_meeting.domain.contribution import Contribution, Topic
from strategy_meeting.domain.errors import InvalidInput, MeetingLocked, PermissionDenied
from strategy_meeting.domain.meeting import MeetingQuery, MeetingStatus
from strategy_meeting.domain.roles import Role
from strategy_meeting.domain.sharing_terms import SharingTerms
from strategy_meeting.services import audit, meetings, session, users
from strategy_meeting.services.meetings import ItemKind


def test_saved_meeting_reads_back_equal(ctx, chair):
    m, _ = meetings.create(ctx, chair, template=sample_meeting())
    again = meetings.get(ctx, chair, m.reference)
    assert again.contributions == m.contributions
    assert again.actions == m.actions
    assert again.decisions == m.decisions
    assert again.children == m.children
    assert again.participants == m.participants


def test_duplicate_reference_is_refused(ctx, chair):
    meetings.create(ctx, chair, template=sample_meeting())
    with pytest.raises(InvalidInput, match="already exists"):
        meetings.create(ctx, chair, template=sample_meeting())


def test_invalid_item_is_refused_and_nothing_written(ctx, chair):
    m, _ = meetings.create(ctx, chair, template=sample_meeting())
    bad = Contribution("", "NOPE", Topic.OTHER, "text", SharingTerms.everyone())
    with pytest.raises(InvalidInput, match="not one of the meeting's agencies"):
        meetings.put_item(ctx, chair, m.reference, ItemKind.CONTRIBUTION, bad)
    assert len(meetings.get(ctx, chair, m.reference).contributions) == 3


def test_agency_rep_sees_only_what_its_copy_allows(ctx, chair, admin):
    meetings.create(ctx, chair, template=sample_meeting(restricted_text="ZZLEAK-restricted",
                                                        chair_only_text="ZZLEAK-chair"))
    rep = representative("teacher", "EDU")
    seen = meetings.get(ctx, rep, "SD-2026-0100")
    texts = [c.text for c in seen.contributions]
    assert "Bruising seen at 09:10." in texts  # control: the shared item is there
    assert not any("ZZLEAK" in t for t in texts)
    assert [a.id for a in seen.actions] == ["a1"]
    with pytest.raises(PermissionDenied):
        meetings.get_item(ctx, rep, "SD-2026-0100", ItemKind.CONTRIBUTION, "k2")
    with pytest.raises(PermissionDenied):
        meetings.get_item(ctx, rep, "SD-2026-0100", ItemKind.CONTRIBUTION, "k3")
    with ctx.unit_of_work() as uow:
        assert [e.action for e in uow.audit.events()][-2:] == ["denied", "denied"]


def test_agency_rep_may_add_only_its_own_agency_contributions(ctx, chair, admin):
    meetings.create(ctx, chair, template=sample_meeting())
    rep = representative("teacher", "EDU")
    own = Contribution("", "EDU", Topic.STRENGTHS, "Attends every day.", SharingTerms.everyone())
    m, _ = meetings.put_item(ctx, rep, "SD-2026-0100", ItemKind.CONTRIBUTION, own)
    assert any(c.text == "Attends every day." for c in m.contributions)
    other = Contribution("", "POLICE", Topic.STRENGTHS, "Not mine.", SharingTerms.everyone())
    with pytest.raises(PermissionDenied):
        meetings.put_item(ctx, rep, "SD-2026-0100", ItemKind.CONTRIBUTION, other)


def test_agency_rep_cannot_see_meetings_of_other_agencies(ctx, chair, admin):
    meetings.create(ctx, chair, template=sample_meeting())
    rep = representative("housing", "HOUSING")
    assert meetings.search(ctx, rep, MeetingQuery()) == []
    with pytest.raises(PermissionDenied):
        meetings.get(ctx, rep, "SD-2026-0100")


def test_locked_meeting_refuses_every_edit(ctx, chair):
    m = sample_meeting()
    m.status = MeetingStatus.SIGNED_OFF
    meetings.create(ctx, chair, template=m)
    with pytest.raises(MeetingLocked):
        meetings.update_details(ctx, chair, m.reference, location="Elsewhere")
    with pytest.raises(MeetingLocked):
        meetings.remove_item(ctx, chair, m.reference, ItemKind.CONTRIBUTION, "k1")


def test_search_by_surname_prefix_reference_and_status(ctx, chair):
    meetings.create(ctx, chair, template=sample_meeting("SD-2026-0001", child_name="Αλέξης Παπαδόπουλος"))
    meetings.create(ctx, chair, template=sample_meeting("SD-2026-0002", child_name="Мария Иванова"))
    meetings.create(ctx, chair, template=sample_meeting("XY-1", child_name="Zoë Müller"))
    by_surname = meetings.summaries(ctx, chair, meetings.search(ctx, chair, MeetingQuery(text="ПАПА")))
    assert by_surname == []  # Greek surname is not matched by a Cyrillic prefix
    greek = meetings.summaries(ctx, chair, meetings.search(ctx, chair, MeetingQuery(text="παπαδ")))
    assert [s.reference for s in greek] == ["SD-2026-0001"]
    cyr = meetings.summaries(ctx, chair, meetings.search(ctx, chair, MeetingQuery(text="иванова")))
    assert [s.reference for s in cyr] == ["SD-2026-0002"]
    assert [s.reference for s in meetings.summaries(ctx, chair, meetings.search(ctx, chair, MeetingQuery(text="MÜLL")))] == ["XY-1"]
    assert len(meetings.search(ctx, chair, MeetingQuery(text="sd-2026"))) == 2
    assert len(meetings.search(ctx, chair, MeetingQuery(statuses=(MeetingStatus.DRAFT,)))) == 3


def test_every_change_is_audited_and_the_chain_verifies(ctx, chair):
    m, _ = meetings.create(ctx, chair, template=sample_meeting())
    meetings.update_details(ctx, chair, m.reference, location="Room 2")
    meetings.remove_item(ctx, chair, m.reference, ItemKind.ACTION, "a2")
    report = audit.verify(ctx, chair)
    assert report.ok and report.events >= 4
    with ctx.unit_of_work() as uow:
        actions = [e.action for e in uow.audit.events()]
    assert actions[-3:] == ["meeting.create", "meeting.update", "item.remove"]


def test_second_user_unlocks_with_their_own_passphrase(data_dir, ctx, admin):
    users.add_user(ctx, admin, "chair2", Role.CHAIR, "second chair passphrase")
    ctx.close()
    ctx2, actor = session.open_session(data_dir, "second chair passphrase", "chair2")
    try:
        assert actor.name == "chair2"
    finally:
        ctx2.close()
    ctx3, actor3 = session.open_session(data_dir, PASSPHRASE)
    ctx3.close()
    assert actor3.name == "chair"


def test_participants_without_ids_get_stable_ids_an_edit_can_name(ctx, chair):
    # Imported and demonstration meetings may list participants without ids.
    m = sample_meeting()
    for p in m.participants:
        p.id = ""
    meetings.create(ctx, chair, template=m)
    first = meetings.get(ctx, chair, m.reference).participants
    assert all(p.id for p in first) and len({p.id for p in first}) == len(first)
    assert [p.id for p in meetings.get(ctx, chair, m.reference).participants] == [p.id for p in first]
    edited = first[1]
    edited.role = "Detective Inspector"
    saved, _ = meetings.put_item(ctx, chair, m.reference, ItemKind.PARTICIPANT, edited)
    assert len(saved.participants) == len(first)  # replaced, not added
    assert saved.participants[1].role == "Detective Inspector"
    assert [p.id for p in saved.participants] == [p.id for p in first]


def test_agency_rep_gets_no_rows_for_other_agencies_meetings_by_id(ctx, chair, admin):
    m, _ = meetings.create(ctx, chair, template=sample_meeting())
    rep = representative("housing", "HOUSING")
    assert meetings.summaries(ctx, rep, [m.id]) == []
    assert [s.reference for s in meetings.summaries(ctx, chair, [m.id])] == ["SD-2026-0100"]
