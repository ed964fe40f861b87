# SPDX-License-Identifier: LicenseRef-Proprietary
"""The meeting window says when a legal hold or an Article 18 restriction is in force (issue 16)."""

from __future__ import annotations

from builders import sample_meeting
from strategy_meeting.gui.windows.meeting_workspace import MeetingWorkspace
from strategy_meeting.services import meetings
from strategy_meeting.services.governance import holds, restriction
from workspace_fixtures import shown_errors, state  # noqa: F401 - fixtures


def _window(qtbot, state, reference):
    window = MeetingWorkspace(state, reference)
    qtbot.addWidget(window)
    window.show()
    return window


def test_the_banner_shows_holds_and_restriction_and_nothing_otherwise(qtbot, state, admin):
    meetings.create(state.ctx, state.actor, template=sample_meeting("SD-2026-0001"))
    meetings.create(state.ctx, state.actor, template=sample_meeting("SD-2026-0002", child_name="Sam Other"))
    holds.place_on_meeting(state.ctx, admin, "SD-2026-0001", "Care proceedings")
    restriction.restrict(state.ctx, admin, "SD-2026-0001", "Accuracy contested")

    held = _window(qtbot, state, "SD-2026-0001")
    banner = held.governance_banner
    qtbot.waitUntil(lambda: banner.marks is not None, timeout=20_000)
    assert banner.isVisible()
    lines = banner.text().splitlines()
    assert lines[0].startswith("Processing restricted (UK GDPR Article 18)")
    assert lines[1] == "Under legal hold 1 on this meeting, placed 2026-11-20 by admin: it cannot be erased."
    assert "Care proceedings" not in banner.text()

    plain = _window(qtbot, state, "SD-2026-0002")
    qtbot.waitUntil(lambda: plain.governance_banner.marks is not None, timeout=20_000)
    assert not plain.governance_banner.isVisible()
