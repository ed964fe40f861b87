# SPDX-License-Identifier: LicenseRef-Proprietary
# Copyright (c) 2026 Strategy Meeting contributors
"""Reference and date for a new meeting, or for a reconvened copy of an earlier one."""

from __future__ import annotations

from datetime import datetime, timedelta

from PySide6.QtCore import QDateTime
from PySide6.QtWidgets import (
    QDateTimeEdit,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from strategy_meeting.gui.app_state import AppState
from strategy_meeting.gui.dialogs.lock_aware import LockAwareDialog


class NewMeetingDialog(LockAwareDialog):
    def __init__(
        self, state: AppState, reference: str, parent: QWidget | None = None, *, reconvenes: str = ""
    ) -> None:
        super().__init__(state, parent)
        self.setWindowTitle(self.tr("Reconvene meeting") if reconvenes else self.tr("New meeting"))
        self.setMinimumWidth(420)
        layout = QVBoxLayout(self)
        if reconvenes:
            intro = QLabel(self.tr(
                "A reconvened meeting of {0} starts with its people, agencies and open actions; its "
                "contributions and decisions are left for the new discussion.").format(reconvenes))
            intro.setWordWrap(True)
            layout.addWidget(intro)
        form = QFormLayout()
        self.reference = QLineEdit(reference)
        self.reference.setAccessibleName(self.tr("Reference"))
        self.held_at = QDateTimeEdit()
        self.held_at.setCalendarPopup(True)
        self.held_at.setDisplayFormat("ddd dd MMM yyyy HH:mm")
        self.held_at.setAccessibleName(self.tr("Held at"))
        start = (datetime.now() + timedelta(hours=1)).replace(minute=0, second=0, microsecond=0)
        self.held_at.setDateTime(QDateTime(start))
        form.addRow(self.tr("&Reference:"), self.reference)
        form.addRow(self.tr("&Held at:"), self.held_at)
        for widget in (self.reference, self.held_at):
            label = form.labelForField(widget)
            if isinstance(label, QLabel):
                label.setBuddy(widget)
        layout.addLayout(form)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        ok = buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setText(self.tr("&Create and open") if not reconvenes else self.tr("&Reconvene and open"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def values(self) -> tuple[str, datetime]:
        held = self.held_at.dateTime().toPython()
        return self.reference.text().strip(), held.astimezone()
