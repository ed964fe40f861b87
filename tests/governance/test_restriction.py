# SPDX-License-Identifier: LicenseRef-Proprietary
"""Restriction of processing (issue 16, UK GDPR Article 18): a restricted meeting opens only for
a chair or information governance and goes into no copy, export or change until lifted."""

from __future__ import annotations

import json

import pytest

from builders import sample_meeting
from strategy_meeting.domain.contribution import Contribution, Topic
from strategy_meeting.domain.errors import PermissionDenied
from strategy_meeting.domain.roles import Role, User
from strategy_meeting.domain.sharing_terms import SharingTerms
from strategy_meeting.services import actions, meetings, signoff
from strategy_meeting.services.exchange import service as exchange
from strategy_meeting.services.governance import restriction
from strategy_meeting.services.governance import subject_access as sar
from strategy_meeting.services.governance.restriction import ProcessingRestricted
from strategy_meeting.services.meetings import ItemKind
from strategy_meeting.services.minutes.service import render_minutes


def test_a_restricted_meeting_is_seen_by_chair_and_ig_only_and_copied_nowhere(ctx, chair, admin, tmp_path):
    ig = User("ig", Role.INFORMATION_GOVERNANCE)
    meetings.create(ctx, chair, template=sample_meeting("SD-2026-0001", child_name="Zoë Müller"))
    with pytest.raises(PermissionDenied):
        restriction.restrict(ctx, chair, "SD-2026-0001", "Accuracy contested")
    restriction.restrict(ctx, ig, "SD-2026-0001", "Accuracy contested by the mother")
    assert meetings.get(ctx, chair, "SD-2026-0001").reference == "SD-2026-0001"
    assert meetings.get(ctx, ig, "SD-2026-0001").reference == "SD-2026-0001"
    with pytest.raises(PermissionDenied, match="restricted .UK GDPR Article 18.: only a chair or information"):
        meetings.get(ctx, admin, "SD-2026-0001")
    with pytest.raises(ProcessingRestricted, match="no new copy, export or change"):
        meetings.put_item(ctx, chair, "SD-2026-0001", ItemKind.CONTRIBUTION,
                          Contribution("k9", "CSC", Topic.OTHER, "More", SharingTerms.everyone()))
    with pytest.raises(ProcessingRestricted):
        exchange.export_meeting(ctx, chair, "SD-2026-0001", tmp_path / "x.json")
    with pytest.raises(ProcessingRestricted):
        render_minutes(ctx, chair, "SD-2026-0001", tmp_path / "minutes")
    with pytest.raises(ProcessingRestricted):
        meetings.duplicate_as_reconvened(ctx, chair, "SD-2026-0001", "SD-2026-0009")
    with pytest.raises(ProcessingRestricted):
        signoff.sign_off(ctx, chair, "SD-2026-0001", acknowledge_warnings=True)
    with pytest.raises(ProcessingRestricted):
        actions.complete(ctx, chair, "SD-2026-0001", "a1", "Medical arranged")
    assert not (tmp_path / "x.json").exists() and not (tmp_path / "minutes").exists()
    result = sar.export(ctx, ig, "Zoë Müller", tmp_path / "sar")
    document = json.loads(result.json_path.read_text(encoding="utf-8"))
    assert document["items"] == [] and document["not_included_restricted"] == ["SD-2026-0001"]

    restriction.lift(ctx, admin, "SD-2026-0001", "Accuracy checked and confirmed")
    assert meetings.get(ctx, admin, "SD-2026-0001").reference == "SD-2026-0001"
    exchange.export_meeting(ctx, chair, "SD-2026-0001", tmp_path / "x.json")
    document = json.loads(sar.export(ctx, ig, "Zoë Müller", tmp_path / "sar").json_path.read_text(encoding="utf-8"))
    assert document["items"] and document["not_included_restricted"] == []


def test_the_meetings_list_hides_a_restricted_meetings_child_names_from_an_administrator(ctx, chair, admin):
    from strategy_meeting.domain.meeting import MeetingQuery

    meetings.create(ctx, chair, template=sample_meeting("SD-2026-0001", child_name="Zoë Müller"))
    meetings.create(ctx, chair, template=sample_meeting("SD-2026-0002", child_name="Sam Other"))
    restriction.restrict(ctx, admin, "SD-2026-0001", "Objection under consideration")
    ids = meetings.search(ctx, admin, MeetingQuery())
    names = {s.reference: s.child_names for s in meetings.summaries(ctx, admin, ids)}
    assert names == {"SD-2026-0001": "Restricted (Article 18)", "SD-2026-0002": "Sam Other"}
    assert "Zoë Müller" in {s.child_names for s in meetings.summaries(ctx, chair, ids)}


def test_the_dashboard_and_the_tracker_keep_a_restricted_meetings_content_from_an_administrator(ctx, chair, admin):
    from strategy_meeting.services import dashboard

    m = sample_meeting("SD-2026-0001", child_name="Zoë Müller")
    meetings.create(ctx, chair, template=m)
    restriction.restrict(ctx, admin, "SD-2026-0001", "Objection under consideration")
    assert [t.reference for t in actions.open_actions(ctx, admin)] == []
    assert {t.reference for t in actions.open_actions(ctx, chair)} == {"SD-2026-0001"}
    board = dashboard.dashboard(ctx, admin)
    assert board.this_week and all(s.child_names == restriction.RESTRICTED_NAMES for s in board.this_week)
    assert board.most_overdue == []
