# SPDX-License-Identifier: LicenseRef-Proprietary
"""Issue 14's GUI test: a contribution added with the keyboard alone cannot be saved until an
audience is chosen. Save is off (Tab does not stop on it, Enter does not get round it), the
reason is shown and is the button's accessible description, nothing reaches the store; once an
audience is chosen with the keyboard, Tab reaches Save and the contribution is stored with it.

An item that reached the record without an audience (a returned form) blocks sign-off in
the app: the second test."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QDialogButtonBox

from builders import sample_meeting
from strategy_meeting.domain.sharing_terms import AudienceScope
from strategy_meeting.gui.dialogs.contribution_dialog import ContributionDialog
from strategy_meeting.gui.windows.meeting_workspace import MeetingWorkspace
from strategy_meeting.services import meetings
from test_keyboard_only_meeting import choose, fill, focused, press, tab_to, wait_active
from workspace_fixtures import shown_errors, state  # noqa: F401 - fixtures

REF = "SD-2026-0100"
CTRL_SHIFT = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier


@pytest.fixture
def ws(qtbot, state) -> MeetingWorkspace:
    meeting = sample_meeting()
    meetings.create(state.ctx, state.actor, template=meeting)
    window = MeetingWorkspace(state, REF)
    qtbot.addWidget(window)
    window.resize(1200, 800)
    window.show()
    qtbot.waitExposed(window)
    return window


def test_a_keyboard_contribution_waits_for_an_audience(qtbot, ws, state, shown_errors):
    wait_active(qtbot, ws)
    ws.nav.setFocus()
    before = len(meetings.get(state.ctx, state.actor, REF).contributions)
    press(Qt.Key.Key_C, CTRL_SHIFT)
    dialog = ws.active_dialog
    assert isinstance(dialog, ContributionDialog)
    qtbot.waitUntil(lambda: QApplication.activeModalWidget() is dialog or QApplication.activeWindow() is dialog)
    choose(dialog.ui.agencyCombo, "Police")
    fill(dialog.ui.authorEdit, "DS Riley Test")
    fill(dialog.ui.textEdit, "Previous call-out to the address in 2025.")
    save = dialog.ui.buttonBox.button(QDialogButtonBox.StandardButton.Save)

    # No audience yet: Save is off, says why, and Tab goes round the dialog without stopping on it.
    editor = dialog.ui.sharingEditor
    assert editor.scope() is AudienceScope.UNDECIDED
    assert not save.isEnabled()
    assert "Choose who may see it" in dialog.save_reason.text() and dialog.save_reason.isVisible()
    assert save.accessibleDescription() == dialog.save_reason.text()
    assert editor.seen_by_label.text() == "Seen by: nobody yet (no audience chosen)"
    visited = set()
    for _ in range(60):
        press(Qt.Key.Key_Tab)
        visited.add(id(focused()))
        assert focused() is not save
    assert id(editor.all_radio) in visited or id(editor.chair_radio) in visited  # the audience is reachable
    # Enter in a one-line field would press the default button: off, so nothing happens.
    tab_to(dialog.ui.authorEdit)
    press(Qt.Key.Key_Return)
    assert dialog.isVisible() and "Choose who may see it" in dialog.save_reason.text()
    assert len(meetings.get(state.ctx, state.actor, REF).contributions) == before  # nothing stored

    # An audience chosen with the keyboard: the line says who will see it, and Save is reached.
    tab_to(editor.all_radio)
    press(Qt.Key.Key_Space)
    assert editor.scope() is AudienceScope.ALL and save.isEnabled() and not dialog.save_reason.isVisible()
    assert editor.seen_by_label.text().startswith("Seen by: the chair's record, POLICE (who gave it), CSC")
    tab_to(save)
    press(Qt.Key.Key_Space)
    assert not dialog.isVisible(), dialog.error_label.text()
    stored = meetings.get(state.ctx, state.actor, REF).contributions
    assert len(stored) == before + 1 and stored[-1].sharing.scope is AudienceScope.ALL
    assert stored[-1].text == "Previous call-out to the address in 2025."
    assert shown_errors == []


def test_an_item_without_an_audience_keeps_the_meeting_from_being_signed_off(qtbot, ws, state, shown_errors):
    """The other half of the issue's GUI test: an item that reached the record without an
    audience (a returned form whose sender did not answer, say) blocks sign-off in the app. The
    sign-off dialog (opened with the keyboard) names the item, Sign off stays unavailable, and
    the meeting is not signed off; once an audience is chosen, the block is gone."""
    from dataclasses import replace

    from strategy_meeting.domain.meeting import MeetingStatus
    from strategy_meeting.domain.sharing_terms import SharingTerms
    from strategy_meeting.services.meetings import ItemKind

    stored = meetings.get(state.ctx, state.actor, REF)
    first = stored.contributions[0]
    meetings.put_item(state.ctx, state.actor, REF, ItemKind.CONTRIBUTION, replace(first, sharing=SharingTerms.undecided()))
    ws.reload()
    dialog = ws.sign_off()
    qtbot.waitExposed(dialog)
    assert dialog.blocking and any("no audience chosen" in w.message for w in dialog.blocking)
    assert not dialog.sign_button.isEnabled()
    qtbot.keyClick(dialog, Qt.Key.Key_Return)  # Enter does not get round it
    assert meetings.get(state.ctx, state.actor, REF).status is not MeetingStatus.SIGNED_OFF
    dialog.close()

    meetings.put_item(state.ctx, state.actor, REF, ItemKind.CONTRIBUTION,
                      replace(first, sharing=first.sharing), sharing_reason="The chair chose the audience again.")
    ws.reload()
    dialog = ws.sign_off()
    qtbot.waitExposed(dialog)
    assert not any("no audience chosen" in w.message for w in dialog.blocking)
    dialog.close()
