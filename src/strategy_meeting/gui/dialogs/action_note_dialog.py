# SPDX-License-Identifier: LicenseRef-Proprietary
# Copyright (c) 2026 Strategy Meeting contributors
"""Mark an action done (or cancel it) with a note saying what happened."""

from __future__ import annotations

from PySide6.QtWidgets import QDialogButtonBox, QLabel, QPlainTextEdit, QVBoxLayout, QWidget

from strategy_meeting.gui.app_state import AppState
from strategy_meeting.gui.dialogs.lock_aware import LockAwareDialog
from strategy_meeting.gui.models.actions import format_due
from strategy_meeting.services.actions import TrackedAction


class ActionNoteDialog(LockAwareDialog):
    def __init__(self, state: AppState, tracked: TrackedAction, *, cancel: bool = False,
                 parent: QWidget | None = None) -> None:
        super().__init__(state, parent)
        self.tracked = tracked
        self.cancelling = cancel
        a = tracked.action
        self.setWindowTitle(self.tr("Cancel action") if cancel else self.tr("Mark action done"))
        self.setMinimumWidth(480)
        layout = QVBoxLayout(self)
        what = QLabel(self.tr("<b>{0}</b> – {1}, due {2}<br>{3}").format(
            tracked.reference, a.owner_agency, format_due(a.due), _escape(a.description)))
        what.setWordWrap(True)
        layout.addWidget(what)
        label = QLabel(self.tr("&Why is it cancelled?") if cancel else self.tr("&What was done?"))
        layout.addWidget(label)
        self.note = QPlainTextEdit()
        self.note.setAccessibleName(self.tr("Note"))
        self.note.setTabChangesFocus(True)
        label.setBuddy(self.note)
        layout.addWidget(self.note)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok.setText(self.tr("Cancel the &action") if cancel else self.tr("Mark &done"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("&Close"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self.note.textChanged.connect(lambda: self.ok.setEnabled(bool(self.note.toPlainText().strip())))
        self.ok.setEnabled(False)

    def text(self) -> str:
        return self.note.toPlainText()


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
