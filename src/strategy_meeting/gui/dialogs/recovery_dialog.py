# SPDX-License-Identifier: LicenseRef-Proprietary
# Copyright (c) 2026 Strategy Meeting contributors
"""Forgotten passphrase: open the existing store with the recovery key and set a new
passphrase. It never creates a store (the Signal #6970 lesson)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Signal
from PySide6.QtGui import QFontDatabase
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from strategy_meeting.gui.style import apply_style

from strategy_meeting.domain.errors import UserError
from strategy_meeting.gui import ops
from strategy_meeting.gui.widgets.passphrase_fields import PassphraseFields
from strategy_meeting.services import session


class RecoveryDialog(QDialog):
    recovered = Signal(object, object)  # ctx, actor

    def __init__(self, data_dir: Path, parent: QWidget | None = None, *, user: str = "") -> None:
        super().__init__(parent)
        apply_style(self)  # the emphasis styles for this subtree (gui/style.py)
        self.data_dir = data_dir
        self.setWindowTitle(self.tr("Unlock with the recovery key"))
        self.setMinimumWidth(520)
        layout = QVBoxLayout(self)
        intro = QLabel(self.tr(
            "Type the recovery key you wrote down when the store was created, then choose a new "
            "passphrase for your account."))
        intro.setWordWrap(True)
        layout.addWidget(intro)
        form = QFormLayout()
        self.user = QLineEdit(user)
        self.user.setAccessibleName(self.tr("User name"))
        self.key = QLineEdit()
        self.key.setAccessibleName(self.tr("Recovery key"))
        self.key.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
        self.key.setPlaceholderText("XXXX-XXXX-…")
        form.addRow(self.tr("&User name:"), self.user)
        form.addRow(self.tr("Recovery &key:"), self.key)
        for widget in (self.user, self.key):
            label = form.labelForField(widget)
            if isinstance(label, QLabel):
                label.setBuddy(widget)
        layout.addLayout(form)
        self.fields = PassphraseFields(self, personal_words=lambda: [self.user.text()])
        layout.addWidget(self.fields)
        self.message = QLabel()
        self.message.setObjectName("error")
        self.message.setWordWrap(True)
        self.message.setAccessibleName(self.tr("Problem"))
        layout.addWidget(self.message)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok.setText(self.tr("&Unlock and set passphrase"))
        self.ok.setAccessibleName(self.tr("Unlock and set passphrase"))
        layout.addWidget(self.buttons)
        self.buttons.accepted.connect(self._submit)
        self.buttons.rejected.connect(self.reject)
        for signal in (self.user.textChanged, self.key.textChanged, self.fields.changed):
            signal.connect(self._update)
        self._update()

    def _update(self) -> None:
        self.ok.setEnabled(bool(self.user.text().strip() and self.key.text().strip() and self.fields.is_acceptable))

    def _submit(self) -> None:
        data_dir, key, user, new = self.data_dir, self.key.text().strip(), self.user.text().strip(), self.fields.value()
        self.ok.setEnabled(False)
        self.message.setText(self.tr("Checking the recovery key…"))
        ops.run_op(self, lambda: session.open_with_recovery_key(data_dir, key, user, new),
                   self._done, on_error=self._failed)

    def _done(self, result: object) -> None:
        ctx, actor = result  # type: ignore[misc]
        self.key.clear()
        self.fields.clear()
        self.accept()
        self.recovered.emit(ctx, actor)

    def _failed(self, exc: BaseException) -> None:
        self._update()
        if isinstance(exc, UserError):
            self.message.setText(str(exc))
        else:
            self.message.clear()
            ops.show_error(self, exc)
