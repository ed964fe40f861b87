# SPDX-License-Identifier: LicenseRef-Proprietary
# Copyright (c) 2026 Strategy Meeting contributors
"""Why a restriction is being loosened (issue 14): asked before saving terms that let someone
see an item who could not (``domain.sharing.loosens``). The reason goes to the service with the
change (``sharing_reason=``) and into the sharing log; the service still decides whether the
change is allowed, and its refusal is shown in the item's dialog.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QPlainTextEdit, QVBoxLayout, QWidget


class SharingReasonDialog(QDialog):
    def __init__(self, noun: str, before: str, after: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Why loosen this restriction?"))
        self.setAccessibleName(self.tr("Why loosen this restriction?"))
        intro = QLabel(self.tr(
            "These terms let someone see this {0} who could not before. Say why; the reason is kept "
            "in the sharing log with your name and the time.").format(noun), self)
        intro.setWordWrap(True)
        change = QLabel(self.tr("Before \u2014 {0}\nAfter \u2014 {1}").format(before, after), self)
        change.setWordWrap(True)
        change.setObjectName("looseningChange")
        change.setAccessibleName(self.tr("The change of who sees it"))
        label = QLabel(self.tr("&Reason for sharing more widely:"), self)
        self.reason_edit = QPlainTextEdit(self)
        self.reason_edit.setAccessibleName(self.tr("Reason for sharing more widely"))
        self.reason_edit.setTabChangesFocus(True)
        self.reason_edit.setMinimumHeight(self.fontMetrics().lineSpacing() * 4)
        label.setBuddy(self.reason_edit)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel,
                                        self)
        self.ok_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setText(self.tr("&Save with this reason"))
        self.ok_button.setAccessibleName(self.tr("Save with this reason"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setAccessibleName(self.tr("Cancel"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        for widget in (intro, change, label, self.reason_edit, self.buttons):
            layout.addWidget(widget)
        self.reason_edit.textChanged.connect(self._update)
        self._update()
        self.resize(520, self.sizeHint().height())
        self.reason_edit.setFocus()

    def _update(self) -> None:
        ready = bool(self.reason())
        self.ok_button.setEnabled(ready)
        why = "" if ready else self.tr("Write the reason first.")
        self.ok_button.setToolTip(why)
        self.ok_button.setAccessibleDescription(why)

    def reason(self) -> str:
        return self.reason_edit.toPlainText().strip()

    def accept(self) -> None:
        if self.reason():  # Enter in the dialog must not get round the disabled button
            super().accept()

    def done_with(self, callback: Callable[[str], None]) -> SharingReasonDialog:
        self.accepted.connect(lambda: callback(self.reason()))
        return self
