# SPDX-License-Identifier: LicenseRef-Proprietary
"""Auto-lock and Ctrl+L: the record leaves the screen and the models; typing survives."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtTest import QTest

from builders import sample_meeting
from conftest import PASSPHRASE
from gui_support import make_controller, unlock, unlocked  # noqa: F401 - fixtures
from strategy_meeting.domain.errors import Locked
from strategy_meeting.domain.meeting import MeetingQuery
from strategy_meeting.gui.idle import IdleWatcher
from strategy_meeting.gui.windows import workspace_launcher
from strategy_meeting.services import meetings


def _seed(controller):
    m = sample_meeting("SD-2026-0100", child_name="Robin Fictional")
    m.actions[0].due = date(2026, 11, 1)
    meetings.create(controller.state.ctx, controller.state.actor, template=m)
    controller.main_window.refresh(first=True)


def test_idle_timeout_hides_the_record_and_keeps_unsaved_typing(make_controller, data_dir, qtbot):
    controller = make_controller(data_dir, idle_timeout_ms=60_000)
    controller.start()
    unlock(qtbot, controller)
    _seed(controller)
    window = controller.main_window
    tracker = window.actions_tracker
    window.tabs.setCurrentIndex(1)
    qtbot.waitUntil(lambda: tracker.model.rowCount() == 2, timeout=20_000)
    tracker.table.selectRow(0)
    dialog = tracker.finish_selected()
    qtbot.keyClicks(dialog.note, "Medical booked for Monday")
    workspace = workspace_launcher.open_workspace(controller.state, "SD-2026-0100")
    workspace.show_section("details")
    location = workspace.sections["details"].ui.locationEdit
    qtbot.keyClicks(location, ", half-typed thought")
    # The lock must come before the typing pause saves the text (on a loaded machine the
    # pause timer could fire first); stopping it makes the text certainly unsaved.
    workspace.sections["details"]._timer.stop()
    ctx = controller.state.ctx
    key = ctx.store._key  # the store's own bytearray, the only copy of the key it holds
    assert any(key) and ctx.store._engine is not None  # control: live before the lock
    assert window.meetings.model.rowCount() == 1

    controller.idle.set_timeout_ms(500)  # short only now, so a slow machine cannot lock mid-set-up
    controller.idle.touch()
    qtbot.waitUntil(lambda: controller.state.is_locked, timeout=20_000)

    assert not window.stack.is_showing_content and window.unlock_panel.isVisible()
    assert window.meetings.model.rowCount() == 0 and tracker.model.rowCount() == 0
    assert window.dashboard.data is None
    assert not dialog.isVisible() and dialog.hidden_by_lock
    assert workspace.outer.currentWidget() is workspace.lock_page and not location.isVisible()
    assert workspace.meeting is None and workspace.sections["details"].ui.referenceEdit.text() == ""
    assert location.text() == "Video call, half-typed thought"  # the typing stays in its field
    with pytest.raises(Locked):
        meetings.search(ctx, controller.state.last_user(), MeetingQuery())  # services dropped
    # SECURITY-TESTS 13: the lock disposed of the engine and zeroed the key bytes in place.
    assert ctx.store._engine is None and not any(key) and len(key) == 32

    unlock(qtbot, controller)
    assert dialog.isVisible() and dialog.text() == "Medical booked for Monday"
    assert workspace.outer.currentWidget() is not workspace.lock_page
    assert location.text() == "Video call, half-typed thought"
    assert workspace.sections["details"].ui.referenceEdit.text() == "SD-2026-0100"
    stored = meetings.get(controller.state.ctx, controller.state.actor, "SD-2026-0100")
    assert stored.location == "Video call, half-typed thought"  # saved, at the latest on unlock
    assert window.meetings.model.rowCount() == 1


def test_ctrl_l_locks_from_the_main_window(unlocked, qtbot):
    window = unlocked.main_window
    window.activateWindow()
    window.lock_action.trigger()
    assert unlocked.state.is_locked and not window.stack.is_showing_content
    assert window.lock_action.shortcut() == QKeySequence("Ctrl+L")
    assert window.lock_action.shortcutContext() == Qt.ShortcutContext.WindowShortcut
    assert not window.new_action.isEnabled() and window.quit_action.isEnabled()


def test_menu_shortcuts(unlocked):
    w = unlocked.main_window
    keys = {a.shortcut().toString(): a.text() for a in (w.new_action, w.open_action, w.find_action, w.lock_action,
                                                         w.quit_action, w.refresh_action, w.home_action,
                                                         w.tracker_action)}
    assert keys == {"Ctrl+N": "&New meeting…", "Ctrl+O": "&Open meeting", "Ctrl+F": "&Find meetings",
                    "Ctrl+L": "&Lock", "Ctrl+Q": "&Quit", "F5": "&Refresh", "Ctrl+1": "&Home",
                    "Ctrl+2": "&Actions tracker"}
    w.find_action.trigger()
    assert w.meetings.search.hasFocus() or w.focusWidget() is w.meetings.search


def test_input_keeps_the_app_unlocked_and_a_suspend_still_locks(qapp, qtbot):
    mono, wall = [0.0], [1_000_000.0]
    watcher = IdleWatcher(60_000, monotonic=lambda: mono[0], wall=lambda: wall[0], check_interval_ms=10_000)
    qapp.installEventFilter(watcher)
    try:
        fired = []
        watcher.idle.connect(lambda: fired.append(True))
        watcher.start()
        mono[0] += 50
        wall[0] += 50
        watcher.check()
        assert not fired
        from PySide6.QtWidgets import QLineEdit

        field = QLineEdit()
        qtbot.addWidget(field)
        QTest.keyClick(field, "a")  # input resets the idle time
        mono[0] += 50
        wall[0] += 50
        watcher.check()
        assert not fired
        # Suspended for two hours: the monotonic clock stood still, the wall clock did not.
        wall[0] += 7200
        watcher.check()
        assert fired == [True] and not watcher.active
    finally:
        qapp.removeEventFilter(watcher)


def test_a_different_user_unlocking_closes_the_previous_users_meeting_windows(unlocked, qtbot):
    _seed(unlocked)
    workspace = workspace_launcher.open_workspace(unlocked.state, "SD-2026-0100")
    closed = []
    workspace.destroyed.connect(lambda *_: closed.append(True))
    unlocked.lock()
    unlock(qtbot, unlocked, PASSPHRASE + " admin")
    qtbot.waitUntil(lambda: bool(closed), timeout=20_000)
    assert unlocked.state.actor.name == "admin"
    assert workspace_launcher.open_windows() == []


def test_the_idle_watcher_sees_input_only_while_the_record_is_open(unlocked, qtbot):
    # The watcher is an application-wide event filter: wired on every unlock, unwired on lock
    # (a locked app has nothing to lock, and the filter slowed start-up).
    controller = unlocked
    window = controller.main_window
    for _ in range(2):
        qtbot.wait(600)
        assert controller.idle.idle_seconds() >= 0.5
        QTest.keyClick(window.meetings.search, "a")
        assert controller.idle.idle_seconds() < 0.5
        controller.lock()
        qtbot.wait(600)
        QTest.keyClick(controller.unlock_panel.passphrase, "a")
        assert controller.idle.idle_seconds() >= 0.5  # not watched while locked
        unlock(qtbot, controller)


def test_lock_from_a_meeting_window_is_the_app_s_lock(unlocked, qtbot):
    # A meeting window's File → Lock goes through the app's controller like Ctrl+L: the idle
    # watch stops with it (it kept running when the window locked the store by itself).
    _seed(unlocked)
    workspace = workspace_launcher.open_workspace(unlocked.state, "SD-2026-0100")
    assert unlocked.idle.active
    workspace.lock_action.trigger()
    assert unlocked.state.is_locked and not unlocked.idle.active
    assert unlocked.main_window.stack.currentWidget() is unlocked.unlock_panel
    unlock(qtbot, unlocked)
    assert unlocked.idle.active
