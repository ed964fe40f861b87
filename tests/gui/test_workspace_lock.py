# SPDX-License-Identifier: LicenseRef-Proprietary
"""Locking hides the record in the workspace and keeps what the user was typing; unlocking
reloads and saves it."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QAbstractButton, QComboBox, QLabel, QLineEdit, QPlainTextEdit, QTextEdit, QWidget

from builders import sample_meeting
from conftest import PASSPHRASE
from strategy_meeting.gui.windows.meeting_workspace import MeetingWorkspace
from strategy_meeting.services import meetings, session
from workspace_fixtures import shown_errors, state  # noqa: F401 - fixtures
from workspace_helpers import open_dialog, type_into

REF = "SD-2026-0100"
SECRETS = ("Robin Fictional", "Police intelligence", "Chair-only note", "Bruising", "Arrange a medical",
           "Alex Example", REF)


@pytest.fixture
def ws(qtbot, state) -> MeetingWorkspace:
    meetings.create(state.ctx, state.actor, template=sample_meeting())
    window = MeetingWorkspace(state, REF)
    qtbot.addWidget(window)
    window.resize(1200, 800)
    window.show()
    qtbot.waitExposed(window)
    return window


def visible_texts(root: QWidget) -> list[str]:
    texts = [root.windowTitle()]
    for w in root.findChildren(QWidget):
        if not w.isVisible():
            continue
        if isinstance(w, (QLineEdit, QLabel, QAbstractButton)):
            texts.append(w.text())
        elif isinstance(w, (QPlainTextEdit, QTextEdit)):
            texts.append(w.toPlainText())
        elif isinstance(w, QComboBox):
            texts.append(w.currentText())
    return texts


def model_rows(ws: MeetingWorkspace) -> int:
    rows = ws.checklist.list.count()
    for section in ws.section_list:
        for panel in getattr(section, "panels", {}).values():
            rows += panel.model.rowCount()
    return rows + ws.sections["copies"].model.rowCount()


def unlock(state, data_dir, clock):
    ctx, actor = session.open_session(data_dir, PASSPHRASE, clock=clock)
    state.set_unlocked(ctx, actor)
    return ctx


def test_lock_hides_the_record_and_keeps_typing_in_a_form(qtbot, ws, state, data_dir, clock, shown_errors):
    for section in ws.section_list:  # control: the record is on show before the lock
        ws.show_section(section.key)
    ws.show_section("details")
    assert any(REF in t for t in visible_texts(ws)) and model_rows(ws) > 0

    location = ws.sections["details"].ui.locationEdit
    type_into(qtbot, location, "Typed before the lock")  # locked before the typing pause ends
    assert meetings.get(state.ctx, state.actor, REF).location == "Video call"

    state.lock()
    assert ws.outer.currentWidget() is ws.lock_page and not ws.checklist_dock.isVisible()
    assert model_rows(ws) == 0 and ws.meeting is None
    for section in ws.section_list:  # no page holds a record value on show
        ws.pages.setCurrentWidget(section)
        ws.outer.setCurrentIndex(0)
        shown = " ".join(visible_texts(ws))
        assert not any(s in shown for s in SECRETS), section.key
    ws.outer.setCurrentWidget(ws.lock_page)
    assert not ws.undo_action.isEnabled() and not ws.new_contribution_action.isEnabled()
    assert location.text() == "Typed before the lock"  # the unsaved words stay

    ctx = unlock(state, data_dir, clock)
    try:
        assert ws.outer.currentWidget() is not ws.lock_page and model_rows(ws) > 0
        assert ws.checklist_dock.isVisible()
        assert meetings.get(ctx, state.actor, REF).location == "Typed before the lock"  # saved on unlock
        assert location.text() == "Typed before the lock"
    finally:
        ctx.close()
    assert shown_errors == []


def test_lock_hides_an_open_editor_and_keeps_its_text(qtbot, ws, state, data_dir, clock, shown_errors):
    dialog = open_dialog(ws, ws.new_contribution_action)
    type_into(qtbot, dialog.ui.textEdit, "Half-written contribution")
    dialog.ui.sharingEditor.chair_radio.setChecked(True)
    state.lock()
    assert not dialog.isVisible()
    assert dialog.ui.textEdit.toPlainText() == "Half-written contribution"

    ctx = unlock(state, data_dir, clock)
    try:
        assert dialog.isVisible() and dialog.ui.textEdit.toPlainText() == "Half-written contribution"
        dialog.ui.buttonBox.accepted.emit()
        assert not dialog.isVisible()
        assert any(c.text == "Half-written contribution" for c in meetings.get(ctx, state.actor, REF).contributions)
    finally:
        ctx.close()
    assert shown_errors == []


def test_a_window_opened_while_locked_shows_nothing_until_unlocked(qtbot, state, data_dir, clock):
    meetings.create(state.ctx, state.actor, template=sample_meeting())
    state.lock()
    window = MeetingWorkspace(state, REF)
    qtbot.addWidget(window)
    window.show()
    assert window.outer.currentWidget() is window.lock_page
    assert not any(REF in t for t in visible_texts(window))
    ctx = unlock(state, data_dir, clock)
    try:
        assert window.outer.currentWidget() is not window.lock_page
        assert window.checklist_dock.isVisible() and window.checklist.lines
        assert any(REF in t for t in visible_texts(window))
    finally:
        ctx.close()
