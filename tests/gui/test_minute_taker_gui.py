# SPDX-License-Identifier: LicenseRef-Proprietary
"""A minute-taker drafts a meeting with the keyboard only and finds Sign off disabled with the
reason shown; the chair then signs it off (issue 15)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QDialogButtonBox

from builders import sample_meeting
from strategy_meeting.domain.contribution import Topic
from strategy_meeting.domain.meeting import MeetingStatus, Person
from strategy_meeting.domain.roles import Role
from strategy_meeting.gui.dialogs.contribution_dialog import ContributionDialog
from strategy_meeting.gui.windows.meeting_workspace import MeetingWorkspace
from strategy_meeting.services import meetings, users
from workspace_fixtures import shown_errors, state  # noqa: F401 - fixtures

REF = "SD-2026-0100"
CTRL_SHIFT = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier


def keys(qtbot, ws, key, modifiers=Qt.KeyboardModifier.NoModifier):
    ws.activateWindow()
    qtbot.waitUntil(ws.isActiveWindow)
    ws.nav.setFocus()
    QTest.keyClick(ws.nav, key, modifiers)
    QApplication.processEvents()


def test_a_minute_taker_drafts_by_keyboard_and_the_chair_signs_off(qtbot, state, admin, shown_errors):
    chair = state.actor
    taker, _ = users.add_user(state.ctx, admin, "pat", Role.MINUTE_TAKER, "minute taker passphrase 1",
                              display_name="Pat Scribe")
    template = sample_meeting()
    template.chair = Person(chair.label, "CSC", "Team manager")
    template.minute_taker = Person(taker.label, "CSC", "Business support")
    template.children[0].views_not_recorded_reason = ""  # the minute-taker records the child's views
    state.set_unlocked(state.ctx, taker)
    meetings.create(state.ctx, taker, template=template)
    ws = MeetingWorkspace(state, REF)
    qtbot.addWidget(ws)
    ws.resize(1200, 800)
    ws.show()
    qtbot.waitExposed(ws)
    assert not all(line.passed for line in ws.checklist.lines)

    # The child's views, typed: Ctrl+Shift+C, the topic by its first letters, the text, Save.
    keys(qtbot, ws, Qt.Key.Key_C, CTRL_SHIFT)
    dialog = ws.active_dialog
    assert isinstance(dialog, ContributionDialog)
    dialog.ui.topicCombo.setFocus()
    topic = dialog.ui.topicCombo.findData(Topic.CHILD_LIVED_EXPERIENCE.value)
    while dialog.ui.topicCombo.currentIndex() != topic:
        QTest.keyClick(dialog.ui.topicCombo, Qt.Key.Key_Down)
    dialog.ui.textEdit.setFocus()
    QTest.keyClicks(dialog.ui.textEdit, "Robin says bedtime is frightening.")
    # A new item has no audience until one is chosen (issue 14): all agencies, by keyboard.
    dialog.ui.sharingEditor.all_radio.setFocus()
    QTest.keyClick(dialog.ui.sharingEditor.all_radio, Qt.Key.Key_Space)
    dialog.ui.lawfulBasisEdit.setFocus()
    QTest.keyClicks(dialog.ui.lawfulBasisEdit, "Children Act 1989 s.47")
    save = dialog.ui.buttonBox.button(QDialogButtonBox.StandardButton.Save)
    save.setFocus()
    QTest.keyClick(save, Qt.Key.Key_Space)
    QApplication.processEvents()
    assert not dialog.isVisible(), dialog.error_label.text()
    assert meetings.get(state.ctx, taker, REF).contributions[-1].topic is Topic.CHILD_LIVED_EXPERIENCE
    assert [line.label for line in ws.checklist.lines if not line.passed] == []

    # Sign off is disabled for the minute-taker, and the panel says why.
    assert not ws.sign_off_action.isEnabled()
    assert ws.checklist.note.isVisible()
    assert "Minute-taker may not sign off" in ws.checklist.note.text()
    keys(qtbot, ws, Qt.Key.Key_S, CTRL_SHIFT)
    assert ws.minutes.sign_off_dialog is None
    assert meetings.get(state.ctx, taker, REF).status is not MeetingStatus.SIGNED_OFF

    # The chair opens it and signs it off: nothing to acknowledge.
    state.set_unlocked(state.ctx, chair)
    ws.reload()
    ws.sync_actions()
    assert ws.sign_off_action.isEnabled() and not ws.checklist.note.isVisible()
    keys(qtbot, ws, Qt.Key.Key_S, CTRL_SHIFT)
    sign = ws.minutes.sign_off_dialog
    assert sign is not None and sign.warnings == [] and sign.blocking == []
    sign.sign_button.setFocus()
    QTest.keyClick(sign.sign_button, Qt.Key.Key_Space)
    QApplication.processEvents()
    assert meetings.get(state.ctx, chair, REF).status is MeetingStatus.SIGNED_OFF
    assert shown_errors == []


def test_the_chair_confirms_a_decision_in_its_dialog_and_the_minute_taker_cannot_change_it(
        qtbot, state, admin, shown_errors):
    from workspace_helpers import save, type_into

    from strategy_meeting.services.meetings import ItemKind

    chair = state.actor
    taker, _ = users.add_user(state.ctx, admin, "pat", Role.MINUTE_TAKER, "minute taker passphrase 1")
    meetings.create(state.ctx, chair, template=sample_meeting())
    ws = MeetingWorkspace(state, REF)
    qtbot.addWidget(ws)
    ws.show()
    qtbot.waitExposed(ws)
    dialog = ws.editing.edit(ItemKind.DECISION, meetings.get(state.ctx, chair, REF).decisions[0])
    qtbot.waitExposed(dialog)
    dialog.ui.confirmedCheck.setChecked(True)
    save(qtbot, dialog)
    assert meetings.get(state.ctx, chair, REF).decisions[0].confirmed

    state.set_unlocked(state.ctx, taker)
    ws.reload()
    dialog = ws.editing.edit(ItemKind.DECISION, meetings.get(state.ctx, taker, REF).decisions[0])
    qtbot.waitExposed(dialog)
    type_into(qtbot, dialog.ui.outcomeEdit, "A different outcome.")
    save(qtbot, dialog)
    assert dialog.isVisible() and "only the chair may change" in dialog.error_label.text()
    assert meetings.get(state.ctx, taker, REF).decisions[0].outcome != "A different outcome."
    dialog.reject()
