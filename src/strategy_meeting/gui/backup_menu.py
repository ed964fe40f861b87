# SPDX-License-Identifier: LicenseRef-Proprietary
# Copyright (c) 2026 Strategy Meeting contributors
"""The "Back up now" menu item and the automatic backup on exit, for the main window.

The main window adds ``add_backup_action(file_menu, state, self)`` and calls
``backup_on_exit(self, state)`` from its ``closeEvent`` before it locks the store. Restoring is
done from the command line or a dialog that first locks the store; it is not a menu action on
an open store, because the store it would replace is the one in use.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QApplication, QMenu, QMessageBox, QWidget

from strategy_meeting.domain.errors import UserError
from strategy_meeting.domain.roles import Permission, allowed

if TYPE_CHECKING:
    from strategy_meeting.services import backup

from .app_state import AppState
from .ops import run_op


def _tr(text: str) -> str:
    return QCoreApplication.translate("BackupMenu", text)


def add_backup_action(menu: QMenu, state: AppState, parent: QWidget) -> QAction:
    """Add "Back up now" to ``menu``; it is enabled only for an unlocked chair or administrator."""
    action = QAction(_tr("&Back up now"), parent)
    action.setObjectName("backUpNowAction")
    action.setStatusTip(_tr("Write an encrypted, checked backup of the store to the backup folder"))
    action.triggered.connect(lambda: back_up_now(parent, state))

    def refresh() -> None:
        action.setEnabled(not state.is_locked and allowed(state.actor.role, Permission.BACKUP))

    state.locked.connect(refresh)
    state.unlocked.connect(refresh)
    refresh()
    menu.addAction(action)
    return action


def back_up_now(
    parent: QWidget, state: AppState, on_done: Callable[[backup.BackupResult], None] | None = None
) -> None:
    """Run the backup in the worker thread with a progress note, then say where it went."""
    ctx, actor = state.ctx, state.actor

    def done(result: backup.BackupResult) -> None:
        QMessageBox.information(
            parent, "Strategy Meeting", _tr("Backup written and checked:") + f"\n{result.path}"
        )
        if on_done is not None:
            on_done(result)

    from strategy_meeting.services import backup

    run_op(parent, lambda: backup.create_backup(ctx, actor), done,
           progress=_tr("Writing and checking the backup…"))


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
