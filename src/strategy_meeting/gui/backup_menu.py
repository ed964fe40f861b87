# SPDX-License-Identifier: LicenseRef-Proprietary
# Copyright (c) 2026 Strategy Meeting contributors
"""The "Back up now" menu item and the automatic backup on exit, for the main window.

The main window adds ``add_backup_action(file_menu, state, self)`` and
``add_restore_action(...)``; the controller calls ``backup_on_exit(parent, state)`` before it
locks the store on quitting. Restoring is done from the command line or from the restore dialog,
which checks the backup while the store is open and locks the app before the store it replaces
is moved aside.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QApplication, QMenu, QMessageBox, QWidget

from strategy_meeting.domain.errors import UserError
from strategy_meeting.domain.roles import Permission, allowed
from strategy_meeting.services import team_server
from strategy_meeting.services.team_server import LocalOnly

if TYPE_CHECKING:
    from strategy_meeting.services import backup

from .app_state import AppState
from . import ops
from .ops import run_op


def _tr(text: str) -> str:
    return QCoreApplication.translate("BackupMenu", text)


def add_backup_action(menu: QMenu, state: AppState, parent: QWidget) -> QAction:
    """Add "Back up now" to ``menu``; it is enabled only for an unlocked chair or administrator."""
    action = QAction(_tr("&Back up now"), parent)
    action.setObjectName("backUpNowAction")
    action.setStatusTip(_tr("Write an encrypted, checked backup of the store to the backup folder"))
    action.triggered.connect(lambda: back_up_now(parent, state))

    return _added_for_backup_role(menu, action, state)


def add_restore_action(menu: QMenu, state: AppState, parent: QWidget, *, lock: Callable[[], None],
                       on_restored: Callable[[Any, Any], None]) -> QAction:
    """Add "Restore from backup…" to ``menu`` for an unlocked chair or administrator. ``lock``
    is how the app locks (the dialog calls it before the store's files move); ``on_restored``
    takes the restored store's ``(ctx, actor)`` as the unlock screen hands them on."""
    action = QAction(_tr("&Restore from backup…"), parent)
    action.setObjectName("restoreAction")
    action.setStatusTip(_tr("Replace the store in use by a backup; the store in use is kept aside"))

    def open_dialog() -> None:
        from .dialogs.restore_dialog import RestoreDialog

        if state.is_locked or not allowed(state.actor.role, Permission.BACKUP):
            return
        dialog = RestoreDialog(state, parent, lock=lock, on_restored=on_restored)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()

    action.triggered.connect(lambda _checked=False: open_dialog())

    return _added_for_backup_role(menu, action, state)


def back_up_now(
    parent: QWidget, state: AppState, on_done: Callable[[backup.BackupResult], None] | None = None,
    on_error: Callable[[], None] | None = None,
) -> None:
    """Run the backup in the worker thread with a progress note, then say where it went (or
    why it failed; ``on_error`` is called after the message)."""
    ctx, actor = state.ctx, state.actor

    def done(result: backup.BackupResult) -> None:
        QMessageBox.information(
            parent, "Strategy Meeting", _tr("Backup written and checked:") + f"\n{result.path}"
        )
        if on_done is not None:
            on_done(result)

    def failed(exc: BaseException) -> None:
        ops.show_error(parent, exc)
        if on_error is not None:
            on_error()

    from strategy_meeting.services import backup

    run_op(parent, lambda: backup.create_backup(ctx, actor), done,
           progress=_tr("Writing and checking the backup…"), on_error=failed)


def backup_on_exit(parent: QWidget | None, state: AppState) -> backup.BackupResult | None:
    """The automatic backup when the newest is a day old. Runs on the GUI thread because the
    app is closing; a failure is shown (a silent failure would leave the chair unprotected)
    but never stops the app from closing."""
    if state.is_locked:
        return None
    QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
    try:
        from strategy_meeting.services import backup

        return backup.backup_if_due(state.ctx, state.actor)
    except UserError as exc:
        QMessageBox.warning(parent, "Strategy Meeting", _tr("The automatic backup did not complete:") + f"\n{exc}")
        return None
    finally:
        QApplication.restoreOverrideCursor()


def _added_for_backup_role(menu: QMenu, action: QAction, state: AppState) -> QAction:
    """On only for an unlocked user whose role makes and restores backups, following locks.
    Not on a team server's menu at all: the server is backed up on the server (Settings' Backups
    page says so, where a keyboard reaches the words; a disabled menu item's tip is mouse-only)."""
    def refresh() -> None:
        elsewhere = team_server.not_on_server(LocalOnly.BACKUP, server=state.server is not None)
        action.setVisible(elsewhere is None)
        action.setEnabled(not state.is_locked and elsewhere is None and allowed(state.actor.role, Permission.BACKUP))

    state.locked.connect(refresh)
    state.unlocked.connect(refresh)
    refresh()
    menu.addAction(action)
    return action
