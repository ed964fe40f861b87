# SPDX-License-Identifier: LicenseRef-Proprietary
"""The statutory checks panel before and after sign-off: before, it counts what is left to
resolve; once the chair has signed off (acknowledging the warnings), it says the meeting was
signed off with so many checks met and how many warnings were acknowledged, and no longer
asks for anything to be resolved."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime

import pytest
from PySide6.QtCore import Qt

from builders import sample_meeting, sign_off
from strategy_meeting.domain.meeting import MeetingStatus, SignOff
from strategy_meeting.gui.widgets.statutory_checklist import StatutoryChecklist
from strategy_meeting.gui.windows.meeting_workspace import MeetingWorkspace
from strategy_meeting.services import meetings
from workspace_fixtures import shown_errors, state  # noqa: F401 - fixtures

REF = "SD-2026-0170"


def _without_due_dates(count: int):  # type: ignore[no-untyped-def]
    """The sample meeting with ``count`` actions lacking a due date (one check unmet)."""
    m = sample_meeting(REF)
    m.actions = [replace(a, due=None) if i < count else a for i, a in enumerate(m.actions)]
    return m


@pytest.fixture
def checklist(qtbot) -> StatutoryChecklist:
    widget = StatutoryChecklist()
    qtbot.addWidget(widget)
    return widget


def test_a_complete_meeting_says_so_before_and_after_sign_off(checklist) -> None:
    m = sample_meeting(REF)
    checklist.show_meeting(m)
    assert checklist.summary.text() == "All statutory checks are met."
    total = checklist.list.count()
    m2 = signoff_copy(m)
    checklist.show_meeting(m2)
    assert checklist.summary.text() == f"Signed off with all {total} checks met."


def test_after_sign_off_the_panel_reports_the_acknowledged_warning(qtbot, state, shown_errors) -> None:
    meetings.create(state.ctx, state.actor, template=_without_due_dates(1))
    ws = MeetingWorkspace(state, REF)
    qtbot.addWidget(ws)
    ws.show()
    qtbot.waitExposed(ws)
    summary = ws.checklist.summary.text()
    total = ws.checklist.list.count()
    assert summary == f"{total - 1} of {total} checks met; 1 to resolve before sign-off."
    unmet = [ws.checklist.list.item(i) for i in range(total) if not ws.checklist.lines[i].passed]
    assert unmet[0].data(Qt.ItemDataRole.AccessibleTextRole).startswith("Missing: Every action has a due date")

    sign_off(state.ctx, state.actor, REF)
    ws.reload()
    assert ws.checklist.summary.text() == (
        f"Signed off with {total - 1} of {total} checks met; 1 warning was acknowledged at sign-off.")
    assert "resolve" not in ws.checklist.summary.text()
    unmet = [ws.checklist.list.item(i) for i in range(total) if not ws.checklist.lines[i].passed]
    assert unmet[0].data(Qt.ItemDataRole.AccessibleTextRole).startswith(
        "Acknowledged at sign-off: Every action has a due date")
    assert shown_errors == []


def test_several_unmet_checks_are_counted_as_warnings(checklist) -> None:
    m = _without_due_dates(1)
    m.decisions = []  # no decision, so no threshold decision either
    checklist.show_meeting(signoff_copy(m))
    total = checklist.list.count()
    assert checklist.summary.text() == (
        f"Signed off with {total - 3} of {total} checks met; 3 warnings were acknowledged at sign-off.")


def signoff_copy(m):  # type: ignore[no-untyped-def]
    """The same content, marked signed off the way ``signoff.sign_off`` does (a pure test of
    the widget; the workspace test above goes through the service)."""
    signed = replace(m, status=MeetingStatus.SIGNED_OFF)
    signed.sign_off = SignOff(1, "Chair", datetime(2026, 11, 14, 12, tzinfo=UTC), "0" * 64)
    return signed
