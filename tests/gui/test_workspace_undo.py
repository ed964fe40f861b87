# SPDX-License-Identifier: LicenseRef-Proprietary
"""Undo and redo put the store back exactly: every step is a pair of service calls."""

from __future__ import annotations

import dataclasses

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from builders import sample_meeting
from strategy_meeting.domain.sharing_terms import SharingTerms
from strategy_meeting.gui.windows.meeting_workspace import MeetingWorkspace
from strategy_meeting.services import meetings
from workspace_fixtures import shown_errors, state  # noqa: F401 - fixtures
from workspace_helpers import open_dialog, save, type_into

REF = "SD-2026-0100"


@pytest.fixture
def ws(qtbot, state) -> MeetingWorkspace:
    meeting = sample_meeting()
    for c in meeting.contributions:  # as the service stamps every contribution it records
        c.recorded_at = state.ctx.now()
    meetings.create(state.ctx, state.actor, template=meeting)
    window = MeetingWorkspace(state, REF)
    qtbot.addWidget(window)
    window.resize(1200, 800)
    window.show()
    qtbot.waitExposed(window)
    return window


def record(state):
    """The stored meeting minus the bookkeeping an edit always moves (status, updated_at)."""
    m = meetings.get(state.ctx, state.actor, REF)
    return dataclasses.replace(m, updated_at=None, status=None)


def press(qtbot, ws, key, modifiers=Qt.KeyboardModifier.ControlModifier):
    ws.activateWindow()
    qtbot.waitUntil(ws.isActiveWindow)
    ws.nav.setFocus()
    QTest.keyClick(ws.nav, key, modifiers)


def test_editing_sharing_terms_undoes_and_redoes(qtbot, ws, state, shown_errors):
    original = record(state)
    ws.show_section("contributions")
    panel = ws.sections["contributions"].panel
    panel.select_key("k1")
    panel.edit_button.click()
    dialog = ws.active_dialog
    dialog.ui.sharingEditor.chair_radio.setChecked(True)
    save(qtbot, dialog)
    changed = record(state)
    assert changed.contribution("k1").sharing == SharingTerms.chair_only()

    press(qtbot, ws, Qt.Key.Key_Z)
    assert record(state) == original
    press(qtbot, ws, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    assert record(state) == changed
    press(qtbot, ws, Qt.Key.Key_Z)
    press(qtbot, ws, Qt.Key.Key_Y)  # the other redo key
    assert record(state) == changed
    assert shown_errors == []


def test_removing_a_relied_on_contribution_undoes_completely(qtbot, ws, state, shown_errors):
    original = record(state)
    assert original.decision("d1").relied_on == ["k1", "k2"]
    ws.show_section("contributions")
    panel = ws.sections["contributions"].panel
    panel.select_key("k1")
    QTest.keyClick(panel.view, Qt.Key.Key_Delete)
    removed = record(state)
    assert removed.contribution("k1") is None
    assert removed.decision("d1").relied_on == ["k2"]  # the service dropped the reference

    ws.undo()
    assert record(state) == original  # back in its place, and relied on again
    ws.redo()
    assert record(state) == removed
    assert shown_errors == []


def test_a_new_item_comes_back_under_the_same_id(qtbot, ws, state):
    dialog = open_dialog(ws, ws.new_action_action)
    type_into(qtbot, dialog.ui.descriptionEdit, "Visit the child at home.")
    dialog.ui.ownerCombo.setEditText("Alex Example")
    dialog.ui.sharingEditor.all_radio.setChecked(True)
    save(qtbot, dialog)
    added = record(state)
    new = added.actions[-1]
    assert new.description == "Visit the child at home." and new.id
    ws.undo()
    assert [a.id for a in record(state).actions] == ["a1", "a2"]
    ws.redo()
    assert record(state).actions[-1] == new


def test_typing_a_detail_is_one_undo_step(qtbot, ws, state):
    original = record(state)
    ws.show_section("details")
    location = ws.sections["details"].ui.locationEdit
    type_into(qtbot, location, "Room 4")
    ws.sections["details"].flush()  # as when the field loses focus
    qtbot.keyClicks(location, ", Civic Centre")
    ws.sections["details"].flush()
    assert record(state).location == "Room 4, Civic Centre"
    ws.undo()
    assert record(state) == original
    assert location.text() == original.location  # the form shows what the store holds
    ws.redo()
    assert record(state).location == "Room 4, Civic Centre"


def test_moving_an_item_undoes(qtbot, ws, state):
    ws.show_section("actions")
    panel = ws.sections["actions"].panel
    panel.select_key("a1")
    QTest.keyClick(panel.view, Qt.Key.Key_Down, Qt.KeyboardModifier.ControlModifier)
    assert [a.id for a in record(state).actions] == ["a2", "a1"]
    assert panel.current_item().id == "a1"  # the selection followed the item
    ws.undo()
    assert [a.id for a in record(state).actions] == ["a1", "a2"]


def test_undo_of_a_step_the_store_refuses_is_dropped(qtbot, ws, state, shown_errors):
    ws.show_section("details")
    type_into(qtbot, ws.sections["details"].ui.locationEdit, "Elsewhere")
    ws.sections["details"].flush()
    # Meanwhile the meeting is signed off elsewhere: the store now refuses every edit.
    m = meetings.get(state.ctx, state.actor, REF)
    from strategy_meeting.domain.meeting import MeetingStatus

    with state.ctx.unit_of_work() as uow:
        m.status = MeetingStatus.SIGNED_OFF
        uow.meetings.save(m)
        uow.commit()
    ws.undo()
    assert shown_errors and "signed off" in shown_errors[-1]
    assert not ws.undo_stack.canRedo()  # the refused step is gone, not claimed as undone
