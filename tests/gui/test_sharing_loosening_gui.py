# SPDX-License-Identifier: LicenseRef-Proprietary
"""Loosening a restriction asks why (issue 14): saving terms that let someone see an item who
could not opens a small dialog whose OK stays off until a reason is written; the reason goes to
the service with the change (it is in the audit event), Cancel saves nothing, and narrowing
terms asks nothing."""

from __future__ import annotations

import dataclasses

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from builders import sample_meeting
from strategy_meeting.domain.sharing_terms import SharingTerms
from strategy_meeting.gui.undo import UNDO_SHARING_REASON
from strategy_meeting.gui.windows.meeting_workspace import MeetingWorkspace
from strategy_meeting.services import audit, meetings
from strategy_meeting.services.meetings import ItemKind
from workspace_fixtures import shown_errors, state  # noqa: F401 - fixtures
from workspace_helpers import save

REF = "SD-2026-0100"


@pytest.fixture
def ws(qtbot, state) -> MeetingWorkspace:
    meetings.create(state.ctx, state.actor, template=sample_meeting())
    window = MeetingWorkspace(state, REF)
    qtbot.addWidget(window)
    window.resize(1200, 800)
    window.show()
    qtbot.waitExposed(window)
    return window


def stored_terms(state, item_id: str) -> SharingTerms:
    """The item's audience as stored (its lawful basis, which these tests do not change, aside)."""
    terms = meetings.get(state.ctx, state.actor, REF).contribution(item_id).sharing
    return dataclasses.replace(terms, lawful_basis=None)


def reasons(state) -> list[str]:
    return [str(e.details["sharing_reason"]) for e in audit.recent_events(state.ctx, state.actor)
            if e.action == "item.put" and "sharing_reason" in e.details]


def edit_k2(ws):
    item = ws.meeting.contribution("k2")  # POLICE's, shared with CSC
    return ws.editing.edit(ItemKind.CONTRIBUTION, item)


def test_loosening_asks_for_a_reason_and_sends_it(qtbot, ws, state, shown_errors):
    dialog = edit_k2(ws)
    qtbot.waitExposed(dialog)
    dialog.ui.sharingEditor.all_radio.setChecked(True)
    save(qtbot, dialog)
    ask = ws.editing.reason_dialog
    assert ask is not None and ask.isVisible()
    assert not ask.ok_button.isEnabled() and ask.ok_button.accessibleDescription() == "Write the reason first."
    assert stored_terms(state, "k2") == SharingTerms.only("CSC", "POLICE")  # nothing saved yet
    QTest.keyClicks(ask.reason_edit, "Health need the history")
    QTest.keyClick(ask.reason_edit, Qt.Key.Key_Return)  # a multi-line reason: Enter is a new line
    assert ask.isVisible()
    QTest.keyClicks(ask.reason_edit, "for the medical.")
    assert ask.ok_button.isEnabled()
    qtbot.mouseClick(ask.ok_button, Qt.MouseButton.LeftButton)
    QApplication.processEvents()
    assert not dialog.isVisible()
    assert stored_terms(state, "k2").scope.value == "all"
    assert reasons(state)[0] == "Health need the history\nfor the medical."
    # Undo narrows again (no reason needed); redo loosens again with the same reason.
    ws.undo()
    assert stored_terms(state, "k2") == SharingTerms.only("CSC", "POLICE")
    ws.redo()
    assert stored_terms(state, "k2").scope.value == "all"
    assert reasons(state)[0] == "Health need the history\nfor the medical."
    assert shown_errors == []


def test_the_change_is_shown_in_seen_by_words(qtbot, ws):
    dialog = edit_k2(ws)
    qtbot.waitExposed(dialog)
    dialog.ui.sharingEditor.all_radio.setChecked(True)
    save(qtbot, dialog)
    from PySide6.QtWidgets import QLabel

    change = ws.editing.reason_dialog.findChild(QLabel, "looseningChange").text()
    assert "Before \u2014 Seen by: the chair's record, POLICE (who gave it) and CSC" in change
    assert "After \u2014 Seen by: the chair's record, POLICE (who gave it), CSC, HEALTH" in change
    ws.editing.reason_dialog.reject()


def test_cancelling_the_reason_saves_nothing(qtbot, ws, state):
    dialog = edit_k2(ws)
    qtbot.waitExposed(dialog)
    dialog.ui.sharingEditor.all_radio.setChecked(True)
    steps = ws.undo_stack.count()
    save(qtbot, dialog)
    ws.editing.reason_dialog.reject()
    QApplication.processEvents()
    assert dialog.isVisible() and dialog.ui.sharingEditor.all_radio.isChecked()  # nothing lost
    assert stored_terms(state, "k2") == SharingTerms.only("CSC", "POLICE")
    assert ws.undo_stack.count() == steps


def test_narrowing_asks_nothing_and_its_undo_gives_the_undo_reason(qtbot, ws, state):
    dialog = edit_k2(ws)
    qtbot.waitExposed(dialog)
    dialog.ui.sharingEditor.chair_radio.setChecked(True)
    save(qtbot, dialog)
    assert ws.editing.reason_dialog is None and not dialog.isVisible()
    assert stored_terms(state, "k2") == SharingTerms.chair_only()
    assert reasons(state) == []
    ws.undo()  # widening back to CSC: the undo says why
    assert stored_terms(state, "k2") == SharingTerms.only("CSC", "POLICE")
    assert reasons(state) == [UNDO_SHARING_REASON]


def test_locking_drops_the_reason_being_asked_and_keeps_the_item_dialog(qtbot, ws, state):
    dialog = edit_k2(ws)
    qtbot.waitExposed(dialog)
    dialog.ui.sharingEditor.all_radio.setChecked(True)
    save(qtbot, dialog)
    ask = ws.editing.reason_dialog
    assert ask is not None and ask.isVisible()
    ws.editing.hide_all()  # what the workspace does when the store locks
    QApplication.processEvents()
    assert ws.editing.reason_dialog is None and not dialog.isVisible()
    assert dialog.ui.sharingEditor.all_radio.isChecked()  # the choice is kept for after the unlock
    assert stored_terms(state, "k2") == SharingTerms.only("CSC", "POLICE")
