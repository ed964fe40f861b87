# SPDX-License-Identifier: LicenseRef-Proprietary
"""The "Back up now" action and the backup on exit, in a real (offscreen) Qt application."""

from __future__ import annotations

from datetime import timedelta

import pytest

from builders import representative
from PySide6.QtWidgets import QMainWindow, QMessageBox

from strategy_meeting.gui.app_state import AppState
from strategy_meeting.gui.backup_menu import add_backup_action, backup_on_exit
from strategy_meeting.services import backup


@pytest.fixture
def messages(monkeypatch):
    shown: list[tuple[str, str]] = []
    monkeypatch.setattr(QMessageBox, "information", lambda parent, title, text: shown.append(("info", text)))
    monkeypatch.setattr(QMessageBox, "warning", lambda parent, title, text: shown.append(("warning", text)))
    return shown


@pytest.fixture
def window(qtbot, data_dir):
    win = QMainWindow()
    qtbot.addWidget(win)
    state = AppState(data_dir, win)
    action = add_backup_action(win.menuBar().addMenu("&File"), state, win)
    return win, state, action


def test_back_up_now_writes_a_checked_backup_and_says_where(qtbot, window, opened, messages):
    win, state, action = window
    assert not action.isEnabled()  # locked: nothing to back up
    state.set_unlocked(*opened)
    assert action.isEnabled()
    folder = state.ctx.data_dir / "backups"
    action.trigger()
    qtbot.waitUntil(lambda: bool(messages), timeout=20000)
    (written,) = folder.iterdir()
    assert messages == [("info", f"Backup written and checked:\n{written}")]


def test_the_action_is_off_for_an_agency_representative(qtbot, window, ctx, admin):
    win, state, action = window
    rep = representative("teacher", "EDU")
    state.set_unlocked(ctx, rep)
    assert not action.isEnabled()


def test_backup_on_exit_only_when_due(qtbot, window, opened, clock, messages):
    win, state, _ = window
    state.set_unlocked(*opened)
    first = backup_on_exit(win, state)
    assert first is not None and first.path.exists()
    assert backup_on_exit(win, state) is None  # made a moment ago
    clock.now += timedelta(days=1)
    assert backup_on_exit(win, state) is not None
    assert messages == []


def test_a_failed_exit_backup_is_shown_and_does_not_stop_closing(qtbot, window, opened, tmp_path, messages):
    win, state, _ = window
    ctx, chair = opened
    blocker = tmp_path / "not a folder"
    blocker.write_text("a file where the backup folder should be")
    backup.update_settings(ctx, chair, backup.BackupSettings(str(blocker / "backups")))
    state.set_unlocked(ctx, chair)
    assert backup_on_exit(win, state) is None
    assert messages and messages[0][0] == "warning" and "did not complete" in messages[0][1]
