# SPDX-License-Identifier: LicenseRef-Proprietary
"""Unlocking from a locked meeting window (issue 19: it said "Unlock to carry on" and had no
way to unlock). The window shows the unlock screen itself; the passphrase typed there opens
the record through the app's controller, and the window comes back as it was: the same page,
the half-typed words in their field (and saved), the focus in that field, a hidden editor
shown again."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from builders import sample_meeting
from conftest import PASSPHRASE
from gui_support import make_controller, unlock, unlocked  # noqa: F401 - fixtures
from strategy_meeting.gui.windows import workspace_launcher
from strategy_meeting.services import meetings

REF = "SD-2026-0100"


def test_a_locked_meeting_window_unlocks_where_it_is_and_comes_back_as_it_was(unlocked, qtbot):
    controller = unlocked
    meetings.create(controller.state.ctx, controller.state.actor, template=sample_meeting())
    ws = workspace_launcher.open_workspace(controller.state, REF)
    qtbot.waitExposed(ws)
    ws.show_section("details")
    location = ws.sections["details"].ui.locationEdit
    location.setFocus()
    location.end(False)
    qtbot.keyClicks(location, ", room 4")
    ws.sections["details"]._timer.stop()  # certainly unsaved when the lock comes
    assert ws.focusWidget() is location

    controller.lock()
    page = ws.lock_page
    assert ws.outer.currentWidget() is page and page.panel is not None and page.panel.isVisibleTo(ws)
    assert "Unlock here" in page.note.text()
    assert ws.focusWidget() is page.panel.passphrase  # ready to type, in this window
    assert page.panel.user_name.text() == "chair"  # who was signed in: named, not guessed
    assert not location.isVisible() and location.text() == "Video call, room 4"

    page.panel.passphrase.setText("not the passphrase")  # a wrong one: said here, nothing opens
    QTest.keyClick(page.panel.passphrase, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: bool(page.panel.message.text()) and page.panel.passphrase.isEnabled(), timeout=30_000)
    assert controller.state.is_locked and "passphrase" in page.panel.message.text().lower()

    page.panel.passphrase.setText(PASSPHRASE)
    with qtbot.waitSignal(controller.ready, timeout=30_000):
        QTest.keyClick(page.panel.passphrase, Qt.Key.Key_Return)
    assert not controller.state.is_locked
    assert ws.outer.currentWidget() is not page and ws.pages.currentWidget() is ws.sections["details"]
    assert location.isVisible() and location.text() == "Video call, room 4"
    assert ws.focusWidget() is location  # the focus back where it was
    assert meetings.get(controller.state.ctx, controller.state.actor, REF).location == "Video call, room 4"
    assert page.panel.passphrase.text() == ""  # nothing typed stays in the hidden screen
    assert controller.main_window.stack.is_showing_content  # the main window is unlocked too


def test_unlocking_in_the_main_window_clears_a_passphrase_half_typed_in_a_meeting_window(unlocked, qtbot):
    controller = unlocked
    meetings.create(controller.state.ctx, controller.state.actor, template=sample_meeting())
    ws = workspace_launcher.open_workspace(controller.state, REF)
    qtbot.waitExposed(ws)
    controller.lock()
    ws.lock_page.panel.passphrase.setText("half of some")
    unlock(qtbot, controller)  # in the main window
    assert ws.outer.currentWidget() is not ws.lock_page
    assert ws.lock_page.panel.passphrase.text() == ""
