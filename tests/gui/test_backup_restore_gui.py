# SPDX-License-Identifier: LicenseRef-Proprietary
"""The backup settings page and File > Restore from backup…, in the whole app: settings change
through the backup service; a backup restored through the dialog brings a meeting back to its
backed-up state and the app unlocks the restored store; a damaged backup or a wrong passphrase
is reported with the store untouched and the app still unlocked."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QFileDialog, QMessageBox
from shiboken6 import isValid

from builders import sample_meeting
from conftest import PASSPHRASE
from damage import flip_a_bit_in_table
from gui_support import make_controller, unlocked  # noqa: F401 - fixtures
from strategy_meeting.domain.backup_retention import RetentionPolicy
from strategy_meeting.gui.dialogs.restore_dialog import RestoreDialog
from strategy_meeting.services import backup, meetings

REF = "SD-2026-0100"


@pytest.fixture
def messages(monkeypatch) -> list[str]:
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "information", lambda parent, title, text: shown.append(text))
    monkeypatch.setattr(QMessageBox, "warning", lambda parent, title, text: shown.append(text))
    return shown


def backup_page(window):
    dialog = window.open_settings()
    return dialog, dialog.page("BackupPage")


def test_backup_settings_change_through_the_service(unlocked, qtbot, tmp_path, monkeypatch, messages):
    window, state = unlocked.main_window, unlocked.state
    dialog, page = backup_page(window)
    assert page.folder.text() == "" and str(state.data_dir / "backups") in page.folder.placeholderText()
    assert page.auto.isChecked() and page.keep_last.value() == RetentionPolicy().keep_last
    assert page.last.text().startswith("None yet")

    folder = tmp_path / "stick" / "backups"
    folder.mkdir(parents=True)
    monkeypatch.setattr(QFileDialog, "getExistingDirectory", lambda *a, **k: str(folder))
    qtbot.mouseClick(page.choose_button, Qt.MouseButton.LeftButton)
    assert page.folder.text() == str(folder)
    page.auto.setChecked(False)
    page.keep_last.setValue(3)
    page.keep_daily.setValue(5)
    page.keep_weekly.setValue(2)
    qtbot.mouseClick(page.save_button, Qt.MouseButton.LeftButton)
    assert backup.get_settings(state.ctx, state.actor) == backup.BackupSettings(
        str(folder), RetentionPolicy(3, 5, 2), auto_on_exit=False)

    qtbot.mouseClick(page.back_up_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: bool(messages), timeout=30_000)
    (written,) = folder.iterdir()
    assert messages == [f"Backup written and checked:\n{written}"]
    qtbot.waitUntil(lambda: not page.last.text().startswith("None yet"))
    assert str(folder) in page.last.text() and page.back_up_button.isEnabled()
    dialog.reject()


def test_a_relative_backup_folder_is_refused_by_the_service(unlocked, qtbot, messages):
    state = unlocked.state
    dialog, page = backup_page(unlocked.main_window)
    page.folder.setText("backups/here")
    page.keep_last.setValue(2)
    qtbot.mouseClick(page.save_button, Qt.MouseButton.LeftButton)
    assert len(messages) == 1 and "full path" in messages[0]
    assert backup.get_settings(state.ctx, state.actor) == backup.BackupSettings(None)
    dialog.reject()


def open_restore_dialog(window) -> RestoreDialog:
    window.restore_action.trigger()
    dialogs = [d for d in window.findChildren(RestoreDialog) if d.isVisible()]
    assert len(dialogs) == 1
    return dialogs[0]


def made_backup_then_changed(state) -> Path:
    """A meeting, a backup of it, then a change the backup does not hold."""
    meetings.create(state.ctx, state.actor, template=sample_meeting())
    made = backup.create_backup(state.ctx, state.actor)
    meetings.update_details(state.ctx, state.actor, REF, location="Changed after the backup")
    return made.path


def fill_in(qtbot, dialog: RestoreDialog, path: Path, passphrase: str = PASSPHRASE) -> None:
    dialog.file.setText(str(path))
    dialog.describe(str(path))
    dialog.secret.setText(passphrase)
    assert not dialog.restore_button.isEnabled()  # not before the warning is acknowledged
    dialog.confirm.setChecked(True)


def test_restore_through_the_dialog_brings_back_the_backed_up_meeting(unlocked, qtbot, messages):
    state, window, data_dir = unlocked.state, unlocked.main_window, unlocked.state.data_dir
    path = made_backup_then_changed(state)
    dialog = open_restore_dialog(window)
    fill_in(qtbot, dialog, path)
    assert "this computer's store" in dialog.details.text() and path.name in dialog.details.text()
    assert "moved aside" in dialog.warning.text() and str(data_dir) in dialog.warning.text()
    assert dialog.restore_button.isEnabled()

    with qtbot.waitSignal(state.locked, timeout=60_000):
        qtbot.mouseClick(dialog.restore_button, Qt.MouseButton.LeftButton)
    # The restored store is opened and handed on as the unlock screen does it.
    qtbot.waitUntil(lambda: not state.is_locked, timeout=60_000)
    assert window.stack.is_showing_content
    assert not state.is_locked and state.actor.name == "chair"
    assert meetings.get(state.ctx, state.actor, REF).location == "Video call"  # as backed up
    (aside,) = data_dir.glob("store-replaced-*")
    assert (aside / "store.db").is_file()
    assert len(messages) == 1 and messages[0].startswith("Restored the backup made") and str(aside) in messages[0]
    QApplication.processEvents()
    assert not isValid(dialog) or not dialog.isVisible()


def damaged_copy(path: Path, target: Path) -> Path:
    """The same backup with one byte of its database changed; the manifest is intact."""
    with zipfile.ZipFile(path) as src, zipfile.ZipFile(target, "w") as dst:
        for item in src.infolist():
            data = src.read(item.filename)
            if item.filename == "store.db":
                data = data[:4096] + bytes([data[4096] ^ 0xFF]) + data[4097:]
            dst.writestr(item, data)
    return target


def test_a_damaged_backup_is_reported_and_the_store_is_untouched(unlocked, qtbot, tmp_path, messages):
    state, window, data_dir = unlocked.state, unlocked.main_window, unlocked.state.data_dir
    path = made_backup_then_changed(state)
    dialog = open_restore_dialog(window)

    truncated = tmp_path / path.name
    truncated.write_bytes(path.read_bytes()[:1000])
    dialog.file.setText(str(truncated))
    dialog.describe(str(truncated))
    assert "damaged" in dialog.message.text() and not dialog.restore_button.isEnabled()

    damaged = damaged_copy(path, tmp_path / ("damaged-" + path.name))
    fill_in(qtbot, dialog, damaged)
    qtbot.mouseClick(dialog.restore_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not dialog.busy, timeout=60_000)
    assert "damaged" in dialog.message.text() and "checksum" in dialog.message.text()
    assert dialog.isVisible() and not state.is_locked  # still unlocked, nothing changed
    assert meetings.get(state.ctx, state.actor, REF).location == "Changed after the backup"
    assert not list(data_dir.glob("store-replaced-*")) and not list(data_dir.glob(".restore-*"))
    assert messages == []
    dialog.reject()


def test_a_wrong_passphrase_changes_nothing(unlocked, qtbot, messages):
    state, window, data_dir = unlocked.state, unlocked.main_window, unlocked.state.data_dir
    path = made_backup_then_changed(state)
    dialog = open_restore_dialog(window)
    fill_in(qtbot, dialog, path, "not the passphrase at all")
    qtbot.mouseClick(dialog.restore_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not dialog.busy, timeout=60_000)
    assert "does not open" in dialog.message.text() and "nothing was changed" in dialog.message.text()
    assert not state.is_locked and not list(data_dir.glob("store-replaced-*"))
    assert meetings.get(state.ctx, state.actor, REF).location == "Changed after the backup"
    dialog.reject()


def test_a_store_found_damaged_shows_the_banner_and_restoring_from_it_heals_the_store(
        unlocked, qtbot, messages):
    """Security test 36 in the app: opening a meeting whose page is damaged says so, the main
    window says the store is read only and offers the restore, which brings the meeting back."""
    from strategy_meeting.gui.windows import workspace_launcher
    from gui_support import unlock

    state, window, data_dir = unlocked.state, unlocked.main_window, unlocked.state.data_dir
    meetings.create(state.ctx, state.actor, template=sample_meeting())
    made = backup.create_backup(state.ctx, state.actor)
    key = state.ctx.store.raw_key_for_backup()
    unlocked.lock()
    _page, damaged = flip_a_bit_in_table(data_dir, key)
    unlock(qtbot, unlocked)
    assert window.damage_banner.isHidden()

    workspace_launcher.open_workspace(state, REF)  # as a double-click in the list does
    assert any("damaged" in m for m in messages)
    qtbot.waitUntil(lambda: window.damage_banner.isVisible())
    assert "read only" in window.damage_banner.text.text()
    with pytest.raises(Exception, match="read only"):
        meetings.create(state.ctx, state.actor, template=sample_meeting("SD-2026-0101"))
    assert (data_dir / "store.db").read_bytes() == damaged
    workspace_launcher.close_all()

    qtbot.mouseClick(window.damage_banner.restore_button, Qt.MouseButton.LeftButton)
    dialog = next(d for d in window.findChildren(RestoreDialog) if d.isVisible())
    fill_in(qtbot, dialog, made.path)
    with qtbot.waitSignal(state.locked, timeout=60_000):
        qtbot.mouseClick(dialog.restore_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not state.is_locked, timeout=60_000)
    assert window.damage_banner.isHidden()
    assert meetings.get(state.ctx, state.actor, REF).children
    assert state.ctx.store.integrity_problems() == []
    (aside,) = data_dir.glob("store-replaced-*")
    assert (aside / "store.db").read_bytes() == damaged  # kept for the IT service


def test_a_lock_while_the_backup_is_checked_stops_the_restore(unlocked, qtbot, messages):
    """Idle lock (or Ctrl+L) during the first pass: nothing is swapped in and the app stays
    locked; a restore never unlocks a store without someone typing."""
    from strategy_meeting.gui import ops

    state, window, data_dir = unlocked.state, unlocked.main_window, unlocked.state.data_dir
    path = made_backup_then_changed(state)
    dialog = open_restore_dialog(window)
    fill_in(qtbot, dialog, path)
    qtbot.mouseClick(dialog.restore_button, Qt.MouseButton.LeftButton)
    unlocked.lock()  # the check is running in the worker
    ops.pool().waitForDone(60_000)
    qtbot.wait(200)
    assert state.is_locked and not list(data_dir.glob("store-replaced-*"))
    assert not isValid(dialog) or not dialog.isVisible()
    from gui_support import unlock

    unlock(qtbot, unlocked)
    assert meetings.get(state.ctx, state.actor, REF).location == "Changed after the backup"  # not restored
