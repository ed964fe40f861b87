# SPDX-License-Identifier: LicenseRef-Proprietary
# Copyright (c) 2026 Strategy Meeting contributors
"""Mark an action done (or cancel it) with a note saying what happened.
The layout is ``ui/action_note_dialog.ui``."""

from __future__ import annotations

from html import escape

from PySide6.QtWidgets import QDialogButtonBox, QWidget

from strategy_meeting.gui.app_state import AppState
from strategy_meeting.gui.dialogs.lock_aware import LockAwareDialog
from strategy_meeting.gui.forms.ui_action_note_dialog import Ui_ActionNoteDialog
from strategy_meeting.gui.models.actions import format_due
from strategy_meeting.services.actions import TrackedAction


class ActionNoteDialog(LockAwareDialog):
    def __init__(self, state: AppState, tracked: TrackedAction, *, cancel: bool = False,
                 parent: QWidget | None = None) -> None:
        super().__init__(state, parent)
        self.ui = Ui_ActionNoteDialog()
        self.ui.setupUi(self)
        self.tracked = tracked
        self.cancelling = cancel
        a = tracked.action
        self.ui.actionLabel.setText(self.tr("<b>{0}</b> – {1}, due {2}<br>{3}").format(
            escape(tracked.reference), escape(a.owner_agency), format_due(a.due), escape(a.description)))
        self.note = self.ui.noteEdit
        self.ok = self.ui.buttonBox.button(QDialogButtonBox.StandardButton.Ok)
        self.ui.buttonBox.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("&Close"))
        if cancel:
            self.setWindowTitle(self.tr("Cancel action"))
            self.ui.noteLabel.setText(self.tr("&Why is it cancelled?"))
            self.ok.setText(self.tr("Cancel the &action"))
        else:
            self.ok.setText(self.tr("Mark &done"))
        self.note.textChanged.connect(lambda: self.ok.setEnabled(bool(self.note.toPlainText().strip())))
        self.ok.setEnabled(False)

    def text(self) -> str:
        return self.note.toPlainText()
