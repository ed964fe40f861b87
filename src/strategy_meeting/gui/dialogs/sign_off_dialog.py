# SPDX-License-Identifier: LicenseRef-Proprietary
# Copyright (c) 2026 Strategy Meeting contributors
"""Sign off the minutes: every warning is shown and must be acknowledged, one by one.

The warnings are the domain's own checks (``signoff_warnings``, as the sign-off service
finds them for this signer now); the service checks them again and refuses unless they were
acknowledged, so this dialog only asks. A blocking check is listed but cannot be ticked:
Sign off stays disabled, with the reason shown, until the record meets it. The reason typed
below is recorded with the acknowledged warnings (and as why someone other than the recorded
chair signs) and printed on the minutes. Where a warning can only be acknowledged with a reason
(the signer is not the recorded chair), Sign off also waits for that reason (issue 15).
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QListWidgetItem, QWidget

from strategy_meeting.domain.meeting import Meeting
from strategy_meeting.domain.signoff_checks import SignOffWarning, signoff_warnings
from strategy_meeting.gui.forms.ui_sign_off_dialog import Ui_SignOffDialog


class SignOffDialog(QDialog):
    signOffRequested = Signal(bool)  # acknowledge_warnings

    def __init__(self, meeting: Meeting, parent: QWidget | None = None,
                 warnings: list[SignOffWarning] | None = None) -> None:
        super().__init__(parent)
        self.ui = Ui_SignOffDialog()
        self.ui.setupUi(self)
        found = signoff_warnings(meeting) if warnings is None else warnings
        self.blocking = [w for w in found if w.blocking]
        self.warnings = [w for w in found if not w.blocking]
        self.needs_reason = [w for w in self.warnings if w.check.needs_reason]
        ok = self.ui.buttonBox.button(QDialogButtonBox.StandardButton.Ok)
        ok.setText(self.tr("&Sign off"))
        ok.setAccessibleName(self.tr("Sign off the minutes"))
        self.sign_button = ok
        cancel = self.ui.buttonBox.button(QDialogButtonBox.StandardButton.Cancel)
        cancel.setAccessibleName(self.tr("Cancel"))
        self.ui.errorLabel.hide()
        locks = self.tr("Signing off locks the minutes of {0}: later changes are "
                        "addenda.").format(meeting.reference)
        for w in self.blocking:
            item = QListWidgetItem(self.tr("Must be met first: {0}").format(w.message))
            item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsUserCheckable)
            self.ui.warningsList.addItem(item)
        if self.blocking:
            self.ui.introLabel.setText(locks + " " + self.tr(
                "It cannot be signed off yet: the record must meet every check marked 'Must be met first'."))
            self.ui.acknowledgeAllCheck.hide()
            self.ui.reasonLabel.hide()
            self.ui.reasonEdit.hide()
            self.show_problem(" ".join(w.message for w in self.blocking))
        elif self.warnings:
            count = (self.tr("There is 1 warning.") if len(self.warnings) == 1
                     else self.tr("There are {0} warnings.").format(len(self.warnings)))
            self.ui.introLabel.setText(
                locks + " " + count + " " + self.tr("Tick each one to confirm you have considered it."))
        if self.warnings and not self.blocking:
            for w in self.warnings:
                item = QListWidgetItem(w.message)
                item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
                item.setCheckState(Qt.CheckState.Unchecked)
                self.ui.warningsList.addItem(item)
        if not self.warnings and not self.blocking:
            self.ui.introLabel.setText(locks + " " + self.tr("Every statutory check is met."))
            self.ui.warningsList.hide()
            self.ui.acknowledgeAllCheck.hide()
            self.ui.reasonLabel.hide()
            self.ui.reasonEdit.hide()
        if self.needs_reason and not self.blocking:
            self.ui.reasonLabel.setText(self.tr("&Reason, required: why you sign instead of the recorded chair "
                                                "(printed on the minutes):"))
            self.ui.reasonEdit.setPlaceholderText(self.tr("For instance: the chair is on leave; I am their deputy."))
            self.ui.reasonEdit.setAccessibleName(self.tr("Reason, required: why you sign instead of the recorded chair"))
        self.ui.reasonEdit.textChanged.connect(lambda _t: self._sync())
        self.ui.warningsList.itemChanged.connect(lambda _i: self._sync())
        self.ui.acknowledgeAllCheck.toggled.connect(self._tick_all)
        self.ui.buttonBox.accepted.connect(lambda: self.signOffRequested.emit(bool(self.warnings)))
        self.ui.buttonBox.rejected.connect(self.reject)
        self._sync()

    def reason(self) -> str:
        return self.ui.reasonEdit.text().strip()

    def _items(self) -> list[QListWidgetItem]:
        items = [self.ui.warningsList.item(n) for n in range(self.ui.warningsList.count())]
        return [i for i in items if i.flags() & Qt.ItemFlag.ItemIsUserCheckable]

    def all_acknowledged(self) -> bool:
        return not self.blocking and all(item.checkState() == Qt.CheckState.Checked for item in self._items())

    def _tick_all(self, on: bool) -> None:
        for item in self._items():
            item.setCheckState(Qt.CheckState.Checked if on else Qt.CheckState.Unchecked)
        self._sync()

    def reason_missing(self) -> bool:
        """A warning that is acknowledged only with a reason is listed and none is typed."""
        return bool(self.needs_reason) and not self.reason()

    def _sync(self) -> None:
        done = self.all_acknowledged()
        self.sign_button.setEnabled(done and not self.reason_missing())
        self.sign_button.setToolTip(self.tr("Type the reason first: you are not the meeting's recorded chair.")
                                    if done and self.reason_missing() else "")
        check = self.ui.acknowledgeAllCheck
        check.blockSignals(True)
        check.setChecked(done and bool(self.warnings))
        check.blockSignals(False)

    def show_problem(self, message: str) -> None:
        self.ui.errorLabel.setText(message)
        self.ui.errorLabel.setVisible(bool(message))
