# SPDX-License-Identifier: LicenseRef-Proprietary
# Copyright (c) 2026 Strategy Meeting contributors
"""Issue 14 in the workspace: the chair writes what happens next and who to contact for the
family's copy on the next steps page (typed, Tab leaves each box), the copies grid has a
column for the family's copy, and the mail settings page turns the calendar's full text on."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from builders import sample_meeting
from strategy_meeting.domain.sharing_terms import SharingTerms
from strategy_meeting.gui.app_state import AppState
from strategy_meeting.gui.dialogs.settings_mail_page import MailServerPage
from strategy_meeting.gui.windows.meeting_workspace import MeetingWorkspace
from strategy_meeting.services import meetings
from strategy_meeting.services.distribution import mail_settings
from workspace_fixtures import shown_errors, state  # noqa: F401 - fixtures

REF = "SD-2026-0100"


@pytest.fixture
def admin_state(ctx, admin) -> AppState:
    s = AppState(ctx.data_dir)
    s.set_unlocked(ctx, admin)
    return s


def _workspace(qtbot, state, meeting=None) -> MeetingWorkspace:
    meetings.create(state.ctx, state.actor, template=meeting or sample_meeting(REF))
    ws = MeetingWorkspace(state, REF)
    qtbot.addWidget(ws)
    ws.resize(1200, 900)
    ws.show()
    qtbot.waitExposed(ws)
    return ws


def test_the_familys_next_steps_are_typed_on_the_next_steps_page(qtbot, state, shown_errors):
    ws = _workspace(qtbot, state)
    ws.show_section("next_steps")
    ui = ws.sections["next_steps"].ui
    ws.activateWindow()
    qtbot.waitUntil(ws.isActiveWindow)
    ui.familyNextEdit.setFocus()
    qtbot.waitUntil(ui.familyNextEdit.hasFocus)
    qtbot.keyClicks(ui.familyNextEdit, "A social worker will visit you on Thursday.")
    qtbot.keyClick(ui.familyNextEdit, Qt.Key.Key_Tab)
    assert ui.familyContactEdit.hasFocus()  # Tab leaves the box; it types no tab
    qtbot.keyClicks(ui.familyContactEdit, "Sam Carter, 01632 960123")
    ws.flush_all()
    stored = meetings.get(state.ctx, state.actor, REF).next_steps
    assert stored.family_next == "A social worker will visit you on Thursday."
    assert stored.family_contact == "Sam Carter, 01632 960123"
    assert shown_errors == []


def test_the_copies_grid_has_a_column_for_the_familys_copy(qtbot, state, shown_errors):
    m = sample_meeting(REF)
    m.contributions[0].sharing = SharingTerms.everyone(family=True)
    ws = _workspace(qtbot, state, m)
    ws.show_section("copies")
    model = ws.sections["copies"].model
    headers = [model.headerData(c, Qt.Orientation.Horizontal) for c in range(model.columnCount())]
    assert headers[-1] == "Family's copy"
    cells = [model.data(model.index(r, len(headers) - 1)) for r in range(model.rowCount())]
    # The first contribution is marked for the family; the other two are not; the decision has
    # no family wording, so the family's copy does not hold it.
    assert cells[:3] == ["Included", "Withheld", "Withheld"] and cells[-1] == "Withheld"
    assert any(line.startswith("Family's copy: 1 contribution(s)") for line in model.summary)
    assert shown_errors == []


def test_the_mail_page_turns_the_calendars_full_text_on_and_off(qtbot, admin_state, shown_errors):
    page = MailServerPage(admin_state)
    qtbot.addWidget(page)
    page.load()
    assert not page.calendar_text.isChecked()
    page.calendar_text.setChecked(True)
    assert mail_settings.calendar_full_text(admin_state.ctx) is True
    page.calendar_text.setChecked(False)
    assert mail_settings.calendar_full_text(admin_state.ctx) is False
    assert shown_errors == []


def test_a_hand_over_is_recorded_only_with_how_it_was_done(qtbot, state):
    from datetime import UTC, datetime

    from strategy_meeting.gui.dialogs.delivery_proof_dialog import DeliveryProofDialog

    now = datetime(2026, 11, 21, 9, 30, tzinfo=UTC)
    dialog = DeliveryProofDialog("POLICE", acknowledgement=False, today=now)
    qtbot.addWidget(dialog)
    assert dialog.on() is not None and not dialog.ok.isEnabled()  # when is filled in; how is not
    qtbot.keyClicks(dialog.how, "by hand to DS Patel")
    assert dialog.ok.isEnabled()
    ack = DeliveryProofDialog("POLICE", acknowledgement=True, today=now)
    qtbot.addWidget(ack)
    assert ack.ok.isEnabled() and not ack.who.isHidden()  # who and how are optional there


def test_the_sharing_log_is_read_when_its_tab_is_shown(qtbot, state, shown_errors):
    """The copies page shows what each copy withholds first; the sharing log (a query of its
    own) is read when its tab is opened, and then shows the meeting's changes of terms."""
    from dataclasses import replace

    from strategy_meeting.services.meetings import ItemKind

    ws = _workspace(qtbot, state)
    first = meetings.get(state.ctx, state.actor, REF).contributions[0]
    meetings.put_item(state.ctx, state.actor, REF, ItemKind.CONTRIBUTION,
                      replace(first, sharing=replace(first.sharing, caveat="Do not discuss with the mother")))
    ws.reload()
    ws.show_section("copies")
    section = ws.sections["copies"]
    assert section.sharing_log.model.rowCount() == 0  # not read while its tab is hidden
    section.upper_tabs.setCurrentWidget(section.sharing_log)
    assert section.sharing_log.model.rowCount() >= 1
    assert shown_errors == []
