# SPDX-License-Identifier: LicenseRef-Proprietary
# Copyright (c) 2026 Strategy Meeting contributors
"""The backup settings page: where backups go, whether one is made automatically, how many
are kept, when the last one was made, and "Back up now".

The rules (an absolute folder, a sane retention policy, who may) are the backup service's;
this page only gathers the values and shows what the service says. (Listed in
``settings_dialog.PAGES``.)
"""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import QT_TR_NOOP
from PySide6.QtWidgets import (
    QCheckBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from strategy_meeting.domain.backup_retention import RetentionPolicy
from strategy_meeting.domain.roles import Permission
from strategy_meeting.gui.app_state import AppState
from strategy_meeting.gui.backup_menu import back_up_now
from strategy_meeting.services import backup, team_server
from strategy_meeting.services.team_server import LocalOnly

from strategy_meeting.gui.dialogs.settings_page import SettingsPage, set_buddies

MAX_KEPT = 999


def _count_box(minimum: int, suffix: str, name: str) -> QSpinBox:
    box = QSpinBox()
    box.setRange(minimum, MAX_KEPT)
    box.setSuffix(suffix)
    box.setMaximumWidth(200)
    box.setAccessibleName(name)
    return box


def when_text(at: datetime | None, never: str) -> str:
    return at.astimezone().strftime("%d/%m/%Y %H:%M") if at is not None else never


class BackupPage(SettingsPage):
    title = QT_TR_NOOP("Backups")
    permission = Permission.BACKUP

    @classmethod
    def unavailable_reason(cls, state: AppState) -> str | None:
        if not state.is_locked:
            elsewhere = team_server.not_on_server(LocalOnly.BACKUP, state.ctx)
            if elsewhere:
                return elsewhere  # the server is backed up on the server, not from the app
        return super().unavailable_reason(state)

    def __init__(self, state: AppState) -> None:
        super().__init__(state)
        layout = QVBoxLayout(self)
        form = QFormLayout()
        folder_row = QWidget()
        row = QHBoxLayout(folder_row)
        row.setContentsMargins(0, 0, 0, 0)
        self.folder = QLineEdit()
        self.folder.setAccessibleName(self.tr("Backup folder"))
        self.folder.setClearButtonEnabled(True)
        self.choose_button = QPushButton(self.tr("C&hoose\u2026"))
        self.choose_button.setAccessibleName(self.tr("Choose the backup folder"))
        row.addWidget(self.folder, 1)
        row.addWidget(self.choose_button)
        form.addRow(self.tr("Backup &folder:"), folder_row)
        self.auto = QCheckBox(self.tr("Back up &automatically when Strategy Meeting closes, if the last "
                                      "backup is a day old"))
        self.auto.setAccessibleName(self.tr("Back up automatically on closing, once a day"))
        form.addRow(self.tr("Schedule:"), self.auto)
        self.keep_last = _count_box(1, self.tr(" newest"), self.tr("Keep this many newest backups"))
        self.keep_daily = _count_box(0, self.tr(" days"), self.tr("Also keep one backup a day for this many days"))
        self.keep_weekly = _count_box(0, self.tr(" weeks"), self.tr("Also keep one backup a week for this many weeks"))
        form.addRow(self.tr("&Keep:"), self.keep_last)
        form.addRow(self.tr("Plus one a &day for:"), self.keep_daily)
        form.addRow(self.tr("Plus one a &week for:"), self.keep_weekly)
        self.last = QLabel()
        self.last.setAccessibleName(self.tr("Last backup"))
        self.last.setWordWrap(True)
        form.addRow(self.tr("Last backup:"), self.last)
        set_buddies(form)
        form.labelForField(folder_row).setBuddy(self.folder)  # type: ignore[union-attr]
        layout.addLayout(form)
        hint = QLabel(self.tr(
            "Backups are encrypted with the store's own key, so they open only with a passphrase that "
            "was in use when they were made, or with the recovery key. Keep them on another disk than "
            "this computer's, such as a network share or an encrypted USB stick. Older backups of this "
            "store in the folder are removed beyond the numbers above; other stores' files are never "
            "touched."))
        hint.setWordWrap(True)
        hint.setObjectName("hint")
        layout.addWidget(hint)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        self.back_up_button = QPushButton(self.tr("&Back up now"))
        self.back_up_button.setAccessibleName(self.tr("Back up now"))
        self.save_button = QPushButton(self.tr("&Save"))
        self.save_button.setAccessibleName(self.tr("Save the backup settings"))
        buttons.addWidget(self.back_up_button)
        buttons.addWidget(self.save_button)
        layout.addLayout(buttons)
        layout.addStretch(1)
        self.choose_button.clicked.connect(self.choose_folder)
        self.save_button.clicked.connect(self.save)
        self.back_up_button.clicked.connect(self.back_up)

    def load(self) -> None:
        ctx, actor = self.state.ctx, self.state.actor
        current = backup.get_settings(ctx, actor)
        self.folder.setText(current.folder or "")
        self.folder.setPlaceholderText(self.tr("Default: {0}").format(backup.default_folder(ctx.data_dir)))
        self.auto.setChecked(current.auto_on_exit)
        self.keep_last.setValue(current.policy.keep_last)
        self.keep_daily.setValue(current.policy.keep_daily)
        self.keep_weekly.setValue(current.policy.keep_weekly)
        last = backup.last_backup_time(ctx)
        self.last.setText(self.tr("{0}, in {1}").format(when_text(last, self.tr("None yet")),
                                                       backup.backup_folder(ctx)))

    def clear(self) -> None:
        self.folder.clear()
        self.last.clear()

    def choose_folder(self) -> None:
        start = self.folder.text().strip() or str(backup.backup_folder(self.state.ctx))
        chosen = QFileDialog.getExistingDirectory(self, self.tr("Choose the backup folder"), start)
        if chosen:
            self.folder.setText(chosen)

    def settings(self) -> backup.BackupSettings:
        """The values on the page (the policy checks itself as it is made)."""
        return backup.BackupSettings(
            self.folder.text().strip() or None,
            RetentionPolicy(self.keep_last.value(), self.keep_daily.value(), self.keep_weekly.value()),
            self.auto.isChecked(),
        )

    def save(self) -> None:
        self._call(lambda: backup.update_settings(self.state.ctx, self.state.actor, self.settings()),
                   self.tr("The backup settings were saved."))

    def back_up(self) -> None:
        """Save first, so the backup goes where the page says, then back up in the worker."""
        if self._call(lambda: backup.update_settings(self.state.ctx, self.state.actor, self.settings())) is None:
            return
        self.back_up_button.setEnabled(False)

        def done(_result: backup.BackupResult) -> None:
            self.back_up_button.setEnabled(True)
            if not self.state.is_locked:
                self.load()

        back_up_now(self, self.state, on_done=done, on_error=lambda: self.back_up_button.setEnabled(True))
