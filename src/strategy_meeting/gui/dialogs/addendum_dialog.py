# SPDX-License-Identifier: LicenseRef-Proprietary
# Copyright (c) 2026 Strategy Meeting contributors
"""Write an addendum to signed-off minutes. The layout is ``ui/addendum_dialog.ui``.

The dialog only asks: the sign-off service decides whether the text will do (an empty one is
refused there, with the message shown here) and numbers and dates the addendum. It stays open
until the service accepts, and hides with the record while the store is locked, keeping what
was typed.
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QDialogButtonBox, QWidget

from strategy_meeting.gui.app_state import AppState
from strategy_meeting.gui.dialogs.lock_aware import LockAwareDialog
from strategy_meeting.gui.forms.ui_addendum_dialog import Ui_AddendumDialog


class AddendumDialog(LockAwareDialog):
    saveRequested = Signal(str)  # the text as typed; the service judges it

    def __init__(self, state: AppState, reference: str, next_number: int, parent: QWidget | None = None) -> None:
        super().__init__(state, parent)
        self.ui = Ui_AddendumDialog()
        self.ui.setupUi(self)
        self.setWindowTitle(self.tr("Add addendum to {0}").format(reference))
        self.ui.introLabel.setText(self.tr(
            "The minutes of {0} are signed off. This text becomes addendum {1}, dated now and "
            "in your name. It cannot be changed or removed once saved, and it appears in every copy "
            "of the minutes generated from now on.").format(reference, next_number))
        self.save_button = self.ui.buttonBox.button(QDialogButtonBox.StandardButton.Save)
        self.save_button.setText(self.tr("&Save addendum"))
        self.save_button.setAccessibleName(self.tr("Save addendum"))
        cancel = self.ui.buttonBox.button(QDialogButtonBox.StandardButton.Cancel)
        cancel.setAccessibleName(self.tr("Cancel"))
        self.ui.errorLabel.hide()
        self.ui.buttonBox.accepted.connect(lambda: self.saveRequested.emit(self.text()))
        self.ui.buttonBox.rejected.connect(self.reject)

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 - Qt's name
        super().showEvent(event)
        self.ui.textEdit.setFocus()  # ready to type (QDialog would focus its default button)

    def text(self) -> str:
        return self.ui.textEdit.toPlainText()

    def show_problem(self, message: str) -> None:
        self.ui.errorLabel.setText(message)
        self.ui.errorLabel.setVisible(bool(message))
        self.ui.textEdit.setFocus()
