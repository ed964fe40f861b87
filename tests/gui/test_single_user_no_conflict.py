# SPDX-License-Identifier: LicenseRef-Proprietary
"""On a local store one person works alone: the checks that stop a lost update (issue 17) must
never refuse them. Edit the same item again and again, add, remove, move, and undo and redo
each step: no refusal, no conflict panel, and the store ends where the steps say."""

from __future__ import annotations

import dataclasses

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from builders import sample_meeting
from strategy_meeting.gui.windows.meeting_workspace import MeetingWorkspace
from strategy_meeting.services import meetings
from strategy_meeting.services.meetings import ItemKind
from workspace_fixtures import shown_errors, state  # noqa: F401 - fixtures
from workspace_helpers import save, type_into

REF = "SD-2026-0100"


@pytest.fixture
def ws(qtbot, state) -> MeetingWorkspace:  # type: ignore[no-untyped-def]
    # As imported: contributions without a recording time (the service stamps one on the
    # first save, which must not make the next step look like someone else's change).
    meetings.create(state.ctx, state.actor, template=sample_meeting())
    window = MeetingWorkspace(state, REF)
    qtbot.addWidget(window)
    window.resize(1200, 800)
    window.show()
    qtbot.waitExposed(window)
    return window


def record(state):  # type: ignore[no-untyped-def]
    m = meetings.get(state.ctx, state.actor, REF)
    return dataclasses.replace(m, updated_at=None, status=None, versions={})


def _edit(qtbot, ws, key: str, text: str) -> None:  # type: ignore[no-untyped-def]
    ws.show_section("contributions")
    panel = ws.sections["contributions"].panel
    panel.select_key(key)
    panel.edit_button.click()
    dialog = ws.active_dialog
    type_into(qtbot, dialog.ui.textEdit, text)
    save(qtbot, dialog)
    assert not dialog.isVisible(), dialog.conflict.message.text() or dialog.error_label.text()


def test_one_person_is_never_refused(qtbot, ws, state, shown_errors) -> None:  # type: ignore[no-untyped-def]
    start = record(state)
    _edit(qtbot, ws, "k1", "first wording")
    _edit(qtbot, ws, "k1", "second wording")
    _edit(qtbot, ws, "k2", "another item")
    second = record(state)
    ws.undo()
    ws.undo()
    assert record(state).contribution("k1").text == "first wording"
    ws.redo()
    ws.redo()
    assert record(state) == second

    # A new item, removed and brought back by undo, then redone away again.
    ws.edit_item(ItemKind.CONTRIBUTION, None, agency="HEALTH")
    dialog = ws.active_dialog
    type_into(qtbot, dialog.ui.textEdit, "added")
    dialog.ui.sharingEditor.all_radio.setChecked(True)
    save(qtbot, dialog)
    assert not dialog.isVisible(), dialog.error_label.text()
    added = record(state)
    panel = ws.sections["contributions"].panel
    panel.select_key("k1")
    QTest.keyClick(panel.view, Qt.Key.Key_Delete)
    assert record(state).contribution("k1") is None
    ws.undo()
    assert record(state) == added
    ws.redo()
    ws.undo()
    assert record(state) == added

    # A move, undone and redone.
    order = [p.id for p in record(state).participants]
    assert len(order) >= 2
    ws.move_item(ItemKind.PARTICIPANT, record(state).participants[0], 1)
    moved = [p.id for p in record(state).participants]
    assert moved == [order[1], order[0], *order[2:]]
    ws.undo()
    assert [p.id for p in record(state).participants] == order
    ws.redo()
    assert [p.id for p in record(state).participants] == moved

    while ws.undo_stack.canUndo():
        ws.undo()
    end = record(state)
    assert [(c.id, c.text) for c in end.contributions] == [(c.id, c.text) for c in start.contributions]
    assert end.participants == start.participants and end.decisions == start.decisions
    assert shown_errors == []
