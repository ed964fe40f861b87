# SPDX-License-Identifier: LicenseRef-Proprietary
# Copyright (c) 2026 Strategy Meeting contributors
"""Write an addendum to signed-off minutes. The layout is ``ui/addendum_dialog.ui``.

The dialog only asks: the sign-off service decides whether the text will do (an empty one is
refused there, with the message shown here) and numbers and dates the addendum. Who may see
the addendum is chosen in the sharing terms editor, deny by default (issue 14): Save stays off
until an audience is chosen. It stays open
until the service accepts, and hides with the record while the store is locked, keeping what
was typed.
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QDialogButtonBox, QLabel, QWidget

from strategy_meeting.domain.agency import Agency
from strategy_meeting.domain.sharing_terms import SharingTerms

from strategy_meeting.gui.app_state import AppState
from strategy_meeting.gui.dialogs.lock_aware import LockAwareDialog
from strategy_meeting.gui.forms.ui_addendum_dialog import Ui_AddendumDialog
from strategy_meeting.gui.widgets.sharing_terms_editor import SharingTermsEditor


class AddendumDialog(LockAwareDialog):
    saveRequested = Signal(str)  # the text as typed; the service judges it

    def __init__(self, state: AppState, reference: str, next_number: int, parent: QWidget | None = None,
                 agencies: list[Agency] | None = None) -> None:
        super().__init__(state, parent)
        self.ui = Ui_AddendumDialog()
        self.ui.setupUi(self)
        self.setWindowTitle(self.tr("Add addendum to {0}").format(reference))
        self.ui.introLabel.setText(self.tr(
            "The minutes of {0} are signed off. This text becomes addendum {1}, dated now and "
            "in your name. It cannot be changed or removed once saved, and it appears in the copies "
            "of the minutes generated from now on that its sharing terms allow.").format(reference, next_number))
        self.save_button = self.ui.buttonBox.button(QDialogButtonBox.StandardButton.Save)
        self.save_button.setText(self.tr("&Save addendum"))
        self.save_button.setAccessibleName(self.tr("Save addendum"))
        cancel = self.ui.buttonBox.button(QDialogButtonBox.StandardButton.Cancel)
        cancel.setAccessibleName(self.tr("Cancel"))
        self.ui.errorLabel.hide()
        # Who may see it, under the text (the chair's own item: no giving agency).
        self.sharing_editor = SharingTermsEditor(self)
        self.sharing_editor.setObjectName("sharingEditor")
        self.sharing_editor.setAccessibleName(self.tr("Sharing terms of the addendum"))
        self.sharing_editor.setAgencies(list(agencies or []))
        self.sharing_editor.setOwnerAgency(None)
        self.sharing_editor.setTerms(SharingTerms.undecided())
        sharing_label = QLabel(self.tr("Who may see it:"), self)
        self.save_reason = QLabel(self)
        self.save_reason.setObjectName("saveReason")
        self.save_reason.setWordWrap(True)
        self.save_reason.setAccessibleName(self.tr("Why it cannot be saved yet"))
        layout = self.layout()
        at = layout.indexOf(self.ui.errorLabel)
        layout.insertWidget(at, sharing_label)
        layout.insertWidget(at + 1, self.sharing_editor)
        layout.insertWidget(layout.indexOf(self.ui.buttonBox), self.save_reason)
        QWidget.setTabOrder(self.ui.textEdit, self.sharing_editor)
        QWidget.setTabOrder(self.sharing_editor.last_in_tab_order(), self.ui.buttonBox)
        self.sharing_editor.termsChanged.connect(lambda _t: self._sync_save())
        self._sync_save()
        self.ui.buttonBox.accepted.connect(self._request_save)
        self.ui.buttonBox.rejected.connect(self.reject)

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 - Qt's name
        super().showEvent(event)
        self.ui.textEdit.setFocus()  # ready to type (QDialog would focus its default button)

    def text(self) -> str:
        return self.ui.textEdit.toPlainText()

    def terms(self) -> SharingTerms | None:
        return self.sharing_editor.terms()

    def _sync_save(self) -> None:
        reason = self.sharing_editor.problem()
        self.save_reason.setText(reason)
        self.save_reason.setVisible(bool(reason))
        self.save_button.setEnabled(not reason)
        self.save_button.setToolTip(reason)
        self.save_button.setAccessibleDescription(reason)

    def _request_save(self) -> None:
        if self.sharing_editor.problem():  # Save is off; Enter in a field must not get round it
            self.show_problem(self.sharing_editor.problem())
            return
        self.saveRequested.emit(self.text())

    def show_problem(self, message: str) -> None:
        self.ui.errorLabel.setText(message)
        self.ui.errorLabel.setVisible(bool(message))
        self.ui.textEdit.setFocus()
