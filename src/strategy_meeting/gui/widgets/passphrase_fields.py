# SPDX-License-Identifier: LicenseRef-Proprietary
# Copyright (c) 2026 Strategy Meeting contributors
"""A new passphrase typed twice, with a strength meter. The verdict comes from
``services.passphrase``; this widget only draws it."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QFormLayout, QHBoxLayout, QLabel, QLineEdit, QProgressBar, QWidget

from strategy_meeting.services import passphrase as rule


class PassphraseFields(QWidget):
    changed = Signal()

    def __init__(
        self,
        parent: QWidget | None = None,
        personal_words: Callable[[], list[str]] | None = None,
        form: QFormLayout | None = None,
    ) -> None:
        """With ``form``, the rows go into that form (so their labels line up with the
        fields above them) and this widget stays empty; otherwise into its own form."""
        super().__init__(parent)
        self._personal_words = personal_words or (lambda: [])
        self._assessment = rule.assess("")
        own_form = form is None
        if form is None:
            form = QFormLayout(self)
            form.setContentsMargins(0, 0, 0, 0)
        else:
            self.hide()  # an empty holder: the fields live in the caller's form
        self.passphrase = QLineEdit()
        self.passphrase.setEchoMode(QLineEdit.EchoMode.Password)
        self.passphrase.setAccessibleName(self.tr("New passphrase"))
        self.passphrase.setPlaceholderText(self.tr("A few unrelated words, e.g. four or five"))
        self.confirm = QLineEdit()
        self.confirm.setEchoMode(QLineEdit.EchoMode.Password)
        self.confirm.setAccessibleName(self.tr("Confirm the new passphrase"))
        self.meter = QProgressBar()
        self.meter.setRange(0, 4)
        self.meter.setTextVisible(False)  # the verdict is a label beside it, always readable
        self.meter.setAccessibleName(self.tr("Passphrase strength"))
        self.meter.setObjectName("strengthMeter")
        self.verdict = QLabel()
        self.verdict.setMinimumWidth(90)
        self.verdict.setAccessibleName(self.tr("Passphrase strength verdict"))
        meter_row = QHBoxLayout()
        meter_row.addWidget(self.meter, 1)
        meter_row.addWidget(self.verdict)
        self.advice = QLabel()
        self.advice.setWordWrap(True)
        self.advice.setObjectName("hint")
        self.advice.setAccessibleName(self.tr("Passphrase advice"))
        self.match = QLabel()
        self.match.setObjectName("hint")
        self.match.setAccessibleName(self.tr("Whether the two passphrases match"))
        form.addRow(self.tr("&Passphrase:"), self.passphrase)
        form.addRow(self.tr("Strength:"), meter_row)
        form.addRow("", self.advice)
        form.addRow(self.tr("&Confirm:"), self.confirm)
        form.addRow("", self.match)
        for label_field in (self.passphrase, self.confirm):
            label = form.labelForField(label_field)
            if isinstance(label, QLabel):
                label.setBuddy(label_field)
        self.passphrase.textChanged.connect(self._update)
        self.confirm.textChanged.connect(self._update)
        if own_form:  # in the caller's form, the rows' order is already the tab order
            self.setTabOrder(self.passphrase, self.confirm)
        self._update()

    def _update(self) -> None:
        text = self.passphrase.text()
        self._assessment = rule.assess(text, self._personal_words()) if text else rule.assess("")
        a = self._assessment
        self.meter.setValue(a.score if text else 0)
        self.verdict.setText(a.label if text else self.tr("Not yet typed"))
        self.meter.setProperty("strength", str(a.score) if text else "")
        self.meter.style().unpolish(self.meter)
        self.meter.style().polish(self.meter)
        self.advice.setText(a.advice if text else self.tr("Use a few unrelated words; length beats symbols."))
        if not self.confirm.text():
            self.match.setText("")
        elif self.confirm.text() == text:
            self.match.setText(self.tr("The passphrases match."))
        else:
            self.match.setText(self.tr("The passphrases do not match yet."))
        self.changed.emit()

    @property
    def is_acceptable(self) -> bool:
        return self._assessment.acceptable and self.confirm.text() == self.passphrase.text()

    def value(self) -> str:
        return self.passphrase.text()

    def clear(self) -> None:
        self.passphrase.clear()
        self.confirm.clear()
