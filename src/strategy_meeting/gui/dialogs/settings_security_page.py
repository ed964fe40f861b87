# SPDX-License-Identifier: LicenseRef-Proprietary
# Copyright (c) 2026 Strategy Meeting contributors
"""The security page: how long the app waits, idle, before it locks."""

from __future__ import annotations

from PySide6.QtCore import QT_TR_NOOP
from PySide6.QtWidgets import (
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
)

from strategy_meeting.domain.roles import Permission
from strategy_meeting.gui.app_state import AppState
from strategy_meeting.gui.dialogs.settings_page import SettingsPage, set_buddies
from strategy_meeting.services import settings


class SecurityPage(SettingsPage):
    title = QT_TR_NOOP("Security")
    permission = Permission.MANAGE_SETTINGS

    def __init__(self, state: AppState) -> None:
        super().__init__(state)
        layout = QVBoxLayout(self)
        form = QFormLayout()
        self.timeout = QSpinBox()
        self.timeout.setRange(settings.MIN_IDLE_TIMEOUT_MINUTES, settings.MAX_IDLE_TIMEOUT_MINUTES)
        self.timeout.setSuffix(self.tr(" minutes"))
        self.timeout.setMaximumWidth(160)
        self.timeout.setAccessibleName(self.tr("Lock after this many idle minutes"))
        form.addRow(self.tr("&Lock when idle for:"), self.timeout)
        set_buddies(form)
        layout.addLayout(form)
        hint = QLabel(self.tr("Every window hides the record after this long without keyboard or mouse "
                              "input. Unsaved typing is kept until someone unlocks again."))
        hint.setWordWrap(True)
        hint.setObjectName("hint")
        layout.addWidget(hint)
        row = QHBoxLayout()
        row.addStretch(1)
        self.save_button = QPushButton(self.tr("&Save"))
        self.save_button.setAccessibleName(self.tr("Save the idle timeout"))
        row.addWidget(self.save_button)
        layout.addLayout(row)
        layout.addStretch(1)
        self.save_button.clicked.connect(self.save)

    def load(self) -> None:
        self.timeout.setValue(settings.idle_timeout_minutes(self.state.ctx))

    def save(self) -> None:
        minutes = self.timeout.value()
        self._call(lambda: settings.set_idle_timeout_minutes(self.state.ctx, self.state.actor, minutes),
                   self.tr("The idle timeout was saved: {0} minutes.").format(minutes))
