# SPDX-License-Identifier: LicenseRef-Proprietary
# Copyright (c) 2026 Strategy Meeting contributors
"""File > Restore from backup…: choose a backup, see what it says about itself, prove it opens,
then replace the store in use by it and unlock the restored store.

Two passes through ``services.backup.restore``, both in the worker. The first runs while the
store is still open and stops at the service's confirmation question: the backup has then been
unpacked, opened with the passphrase given and checked, so a wrong passphrase or a damaged file
is reported with nothing changed and the app still unlocked. Only then is the app locked (the
store must be closed before its files move) and the second pass swaps the backup in; the store
it replaces is moved aside, never deleted. The restored store is opened with the same secret and
handed to ``on_restored`` as an unlock would be.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from html import escape
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from strategy_meeting.domain.errors import UserError
from strategy_meeting.domain.roles import User
from strategy_meeting.gui import ops
from strategy_meeting.gui.app_state import AppState
from strategy_meeting.gui.style import apply_style
from strategy_meeting.services import backup, session
from strategy_meeting.services.context import ServiceContext

PASSPHRASE, RECOVERY_KEY = "passphrase", "recovery_key"
Restored = Callable[[ServiceContext, User], None]


def _size_text(size: int) -> str:
    if size < 1024 * 1024:
        return f"{max(size, 1) / 1024:.0f} KB"
    return f"{size / (1024 * 1024):.1f} MB"


def _local(at: datetime) -> str:
    return at.astimezone().strftime("%d/%m/%Y %H:%M")


class RestoreDialog(QDialog):
    def __init__(self, state: AppState, parent: QWidget | None = None, *,
                 lock: Callable[[], None] | None = None, on_restored: Restored | None = None) -> None:
        super().__init__(parent)
        apply_style(self)  # the emphasis styles for this subtree (gui/style.py)
        self.state = state
        self.data_dir = state.data_dir
        self._clock = state.ctx.clock
        self._actor_name = state.actor.name
        self._lock = lock or state.lock
        self._on_restored = on_restored
        self.info: backup.BackupInfo | None = None
        self.busy = False
        self.result_message = ""
        self.setWindowTitle(self.tr("Restore from backup"))
        self.setMinimumWidth(600)
        layout = QVBoxLayout(self)
        intro = QLabel(self.tr("Replace the record on this computer by a backup, for example after a "
                               "mistake or on a new computer."))
        intro.setWordWrap(True)
        layout.addWidget(intro)

        form = QFormLayout()
        file_row = QWidget()
        row = QHBoxLayout(file_row)
        row.setContentsMargins(0, 0, 0, 0)
        self.file = QLineEdit()
        self.file.setAccessibleName(self.tr("Backup file"))
        self.file.setPlaceholderText(self.tr("A .smbk file made by Back up now or on closing"))
        self.choose_button = QPushButton(self.tr("C&hoose\u2026"))
        self.choose_button.setAccessibleName(self.tr("Choose the backup file"))
        row.addWidget(self.file, 1)
        row.addWidget(self.choose_button)
        form.addRow(self.tr("Backup &file:"), file_row)
        form.labelForField(file_row).setBuddy(self.file)  # type: ignore[union-attr]
        self.details = QLabel(self.tr("Choose a backup file to see when it was made."))
        self.details.setWordWrap(True)
        self.details.setTextFormat(Qt.TextFormat.RichText)
        self.details.setAccessibleName(self.tr("About this backup"))
        form.addRow(self.tr("This backup:"), self.details)
        self.method = QComboBox()
        self.method.setAccessibleName(self.tr("Open the backup with"))
        self.method.addItem(self.tr("A passphrase in use when the backup was made"), PASSPHRASE)
        self.method.addItem(self.tr("The store's recovery key"), RECOVERY_KEY)
        form.addRow(self.tr("&Open it with:"), self.method)
        self.secret = QLineEdit()
        self.secret.setEchoMode(QLineEdit.EchoMode.Password)
        self.secret.setAccessibleName(self.tr("Passphrase that opens the backup"))
        self.secret_label = QLabel(self.tr("&Passphrase:"))
        self.secret_label.setBuddy(self.secret)
        form.addRow(self.secret_label, self.secret)
        form.labelForField(self.method).setBuddy(self.method)  # type: ignore[union-attr]
        layout.addLayout(form)

        self.warning = QLabel()
        self.warning.setWordWrap(True)
        self.warning.setAccessibleName(self.tr("What restoring does"))
        self.warning.setStyleSheet("QLabel { background: #fff4ce; color: #3b2f00; padding: 0.5em; }")
        layout.addWidget(self.warning)
        self.confirm = QCheckBox(self.tr("I understand: &replace the store in use by this backup"))
        self.confirm.setAccessibleName(self.tr("Confirm: replace the store in use by this backup"))
        layout.addWidget(self.confirm)
        self.message = QLabel()
        self.message.setObjectName("error")
        self.message.setWordWrap(True)
        self.message.setAccessibleName(self.tr("Problem"))
        layout.addWidget(self.message)
        layout.addStretch(1)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.restore_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.restore_button.setText(self.tr("&Restore"))
        self.restore_button.setAccessibleName(self.tr("Restore the backup"))
        self.cancel_button = self.buttons.button(QDialogButtonBox.StandardButton.Cancel)
        self.cancel_button.setAccessibleName(self.tr("Cancel"))
        layout.addWidget(self.buttons)

        self.choose_button.clicked.connect(self.choose_file)
        self.file.editingFinished.connect(lambda: self.describe(self.file.text()))
        self.method.currentIndexChanged.connect(self._method_changed)
        for signal in (self.secret.textChanged, self.file.textChanged):
            signal.connect(self._update)
        self.confirm.toggled.connect(self._update)
        self.buttons.accepted.connect(self.start)
        self.buttons.rejected.connect(self.reject)
        state.locked.connect(self._on_locked)
        self._show_warning()
        self._update()

    # ---- choosing ---------------------------------------------------------------------

    def choose_file(self) -> None:
        try:
            start = str(backup.backup_folder(self.state.ctx))
        except UserError:
            start = str(self.data_dir)
        chosen, _filter = QFileDialog.getOpenFileName(
            self, self.tr("Choose a backup"), start,
            self.tr("Strategy Meeting backups (*.smbk);;All files (*)"))
        if chosen:
            self.file.setText(chosen)
            self.describe(chosen)

    def describe(self, text: str) -> None:
        """Show what the file says about itself (no key needed), or why it is no backup."""
        self.info = None
        self.message.clear()
        path = Path(text.strip()).expanduser() if text.strip() else None
        if path is None:
            self.details.setText(self.tr("Choose a backup file to see when it was made."))
        else:
            try:
                self.info = backup.describe_backup(path)
                size = path.stat().st_size
            except (UserError, OSError) as exc:
                self.details.setText(self.tr("Not usable."))
                self.message.setText(str(exc) if isinstance(exc, UserError) else
                                     self.tr("{0} cannot be read.").format(path.name))
            else:
                current = backup.current_store_id(self.data_dir)
                same = current == self.info.store_id
                store = (self.tr("this computer's store") if same else
                         self.tr("<b>a different store</b> from the one in use here"))
                self.details.setText(self.tr(
                    "Made {0} by Strategy Meeting {1}<br>A backup of {2}<br>{3}, {4}").format(
                    _local(self.info.created_at), escape(self.info.app_version), store,
                    escape(path.name), _size_text(size)))
        self._show_warning()
        self._update()

    def _show_warning(self) -> None:
        since = _local(self.info.created_at) if self.info else self.tr("the backup was made")
        self.warning.setText(self.tr(
            "Restoring replaces the record in use by the backup: anything entered since {0} will not be "
            "in the restored record. The store in use now is not deleted: it is moved aside, into a "
            "folder named store-replaced-… inside {1}. Strategy Meeting locks while it restores, then "
            "opens the restored store.").format(since, self.data_dir))

    def _method_changed(self) -> None:
        recovery = self.method.currentData() == RECOVERY_KEY
        self.secret_label.setText(self.tr("Recovery &key:") if recovery else self.tr("&Passphrase:"))
        self.secret.setAccessibleName(self.tr("Recovery key of the store") if recovery
                                      else self.tr("Passphrase that opens the backup"))
        self.secret.setEchoMode(QLineEdit.EchoMode.Normal if recovery else QLineEdit.EchoMode.Password)
        self._update()

    def _update(self) -> None:
        ready = (self.info is not None and bool(self.secret.text()) and self.confirm.isChecked()
                 and not self.busy)
        self.restore_button.setEnabled(ready)

    def _secrets(self) -> dict[str, Any]:
        secret = self.secret.text()
        if self.method.currentData() == RECOVERY_KEY:
            return {"recovery_key": secret.strip(), "user": self._actor_name}
        return {"passphrase": secret, "user": self._actor_name or None}  # their own slot

    # ---- restoring --------------------------------------------------------------------

    def _set_busy(self, busy: bool, note: str = "") -> None:
        self.busy = busy
        for widget in (self.file, self.choose_button, self.method, self.secret, self.confirm, self.cancel_button):
            widget.setEnabled(not busy)
        self.message.setText(note)
        self._update()

    def start(self) -> None:
        """First pass: prove the backup opens and is whole, with the store still in use."""
        if self.info is None or self.busy or not self.restore_button.isEnabled():
            return
        data_dir, path, secrets, clock = self.data_dir, self.info.path, self._secrets(), self._clock
        self._set_busy(True)
        ops.run_op(self, lambda: check_backup(data_dir, path, secrets, clock), lambda _r: self._swap(),
                   progress=self.tr("Checking the backup\u2026"), on_error=self._failed)

    def _swap(self) -> None:
        """Second pass: lock (closing the store), swap the backup in, open it as unlocking does."""
        assert self.info is not None
        if self.state.is_locked:
            # Locked (idle, or on request) while the backup was being checked: whoever comes
            # back must unlock first; a restore never unlocks a store nobody typed for.
            self._set_busy(False)
            self.reject()
            return
        self._lock()
        if not self.state.is_locked:
            self.state.lock()  # a window without the app's controller
        data_dir, path, secrets, clock = self.data_dir, self.info.path, self._secrets(), self._clock
        ops.run_op(self, lambda: restore_and_open(data_dir, path, secrets, clock), self._done,
                   progress=self.tr("Restoring the backup\u2026"), on_error=self._failed)

    def _done(self, outcome: tuple[backup.RestoreResult, ServiceContext, User]) -> None:
        result, ctx, actor = outcome
        self.secret.clear()
        self._set_busy(False)
        aside = result.replaced_store_kept_in
        self.result_message = self.tr("Restored the backup made {0}.").format(_local(result.backup_created_at))
        if aside is not None:
            self.result_message += " " + self.tr("The store that was in use is kept in {0}.").format(aside)
        self.accept()
        if self._on_restored is not None:
            self._on_restored(ctx, actor)
        else:
            self.state.set_unlocked(ctx, actor)
        QMessageBox.information(self.parentWidget(), self.tr("Restore from backup"), self.result_message)

    def _failed(self, exc: BaseException) -> None:
        self._set_busy(False)
        if isinstance(exc, UserError):
            self.message.setText(str(exc))
        else:
            ops.show_error(self, exc)

    def _on_locked(self) -> None:
        if not self.busy and self.isVisible():
            self.reject()  # locked while choosing: start again after unlocking

    def done(self, result: int) -> None:  # noqa: D401 - Qt's name
        try:
            self.state.locked.disconnect(self._on_locked)
        except (RuntimeError, TypeError):
            pass
        super().done(result)


def check_backup(data_dir: Path, path: Path, secrets: dict[str, Any],
                 clock: Callable[[], datetime]) -> backup.BackupInfo:
    """Run the restore up to its confirmation question and answer no: the backup is then known
    to open with these secrets, to belong to a user who may restore, and to be whole."""
    asked: list[backup.BackupInfo] = []

    def confirm(info: backup.BackupInfo, _replaces: bool) -> bool:
        asked.append(info)
        return False

    try:
        backup.restore(data_dir, path, confirm=confirm, clock=clock, **secrets)
    except UserError:
        if not asked:
            raise
    return asked[0]


def restore_and_open(data_dir: Path, path: Path, secrets: dict[str, Any],
                     clock: Callable[[], datetime]) -> tuple[backup.RestoreResult, ServiceContext, User]:
    result = backup.restore(data_dir, path, clock=clock, **secrets)
    if "recovery_key" in secrets:
        ctx, actor = session.open_with_recovery_key(data_dir, secrets["recovery_key"], result.actor.name)
    else:
        ctx, actor = session.open_session(data_dir, secrets["passphrase"], secrets.get("user"), clock=clock)
    return result, ctx, actor
