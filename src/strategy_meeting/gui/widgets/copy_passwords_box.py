# SPDX-License-Identifier: LicenseRef-Proprietary
# Copyright (c) 2026 Strategy Meeting contributors
"""The password table of the distribution dialog: one hidden field per agency still to be
sent, a button that fills the empty ones with strong random passwords, and a copy button per
agency for reading the password out or pasting it elsewhere.

The passwords live in these fields only: they are never saved, logged or put in QSettings,
and nothing here writes them to disk. The rules (minimum length, one password per agency)
are the service's, so the app and the command line refuse the same things with the same
words. Rows of agencies sent in this sitting stay visible, read only, until the dialog
closes: the chair still has to give those agencies their passwords by phone.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (QCheckBox, QGridLayout, QGroupBox, QHBoxLayout, QLabel, QLineEdit, QPushButton,
                               QScrollArea, QVBoxLayout, QWidget)

from strategy_meeting.domain.agency import Agency
from strategy_meeting.services.distribution.encryption import MIN_PASSWORD_CHARS, generate_password


@dataclass
class _Row:
    agency: Agency
    label: QLabel
    field: QLineEdit
    copy_button: QPushButton
    sent: bool = False


class CopyPasswordsBox(QGroupBox):
    """Per-agency passwords for one distribution run."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("Password for each agency's copy"))
        self.setAccessibleName(self.tr("Passwords for the agencies' copies"))
        self.rows: dict[str, _Row] = {}
        self._copied = ""  # what this box last put on the clipboard, to take it off again
        layout = QVBoxLayout(self)
        self.note = QLabel(self.tr(
            "Each copy opens only with its own agency's password (at least {0} characters). "
            "Give each agency its password by another channel, such as a phone call, never "
            "with the copy. Passwords are not saved anywhere: note them before you close this "
            "window.").format(MIN_PASSWORD_CHARS))
        self.note.setWordWrap(True)
        self.note.setAccessibleName(self.tr("How to give the passwords to the agencies"))
        layout.addWidget(self.note)
        self.grid_host = QWidget()
        self.grid = QGridLayout(self.grid_host)
        self.grid.setContentsMargins(0, 0, 0, 0)
        self.grid.setColumnStretch(1, 1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(self.grid_host)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        scroll.setMinimumHeight(110)
        layout.addWidget(scroll, 1)
        buttons = QHBoxLayout()
        self.generate_button = QPushButton(self.tr("&Generate"))
        self.generate_button.setAccessibleName(self.tr("Generate a strong password for each empty field"))
        self.generate_button.setToolTip(self.tr("Fill each empty password field with a strong random password."))
        self.generate_button.clicked.connect(self.generate)
        self.show_check = QCheckBox(self.tr("S&how passwords"))
        self.show_check.setAccessibleName(self.tr("Show the passwords as text"))
        self.show_check.toggled.connect(self._set_echo)
        buttons.addWidget(self.generate_button)
        buttons.addWidget(self.show_check)
        buttons.addStretch(1)
        layout.addLayout(buttons)

    def set_agencies(self, pending: list[Agency]) -> None:
        """Rows for the agencies still to be sent; typed passwords are kept, and a row whose
        agency has just been sent stays (read only) while it holds a password."""
        codes = {a.code for a in pending}
        for code, row in list(self.rows.items()):
            if code in codes:
                continue
            if row.field.text():
                self._mark_sent(row)
            else:
                self._remove(code)
        for agency in pending:
            if agency.code not in self.rows:
                self._add(agency)
        self._relayout()

    def passwords(self) -> dict[str, str]:
        """The password typed for each agency still to be sent ('' where none is)."""
        return {code: row.field.text() for code, row in self.rows.items() if not row.sent}

    def generate(self) -> int:
        """Fill the empty fields of agencies still to be sent; returns how many were filled."""
        filled = 0
        for row in self.rows.values():
            if not row.sent and not row.field.text():
                row.field.setText(generate_password())
                filled += 1
        return filled

    def copy_password(self, code: str) -> bool:
        """Put one agency's password on the clipboard (the only way it leaves this box)."""
        row = self.rows.get(code)
        if row is None or not row.field.text():
            return False
        self._copied = row.field.text()
        QGuiApplication.clipboard().setText(self._copied)
        return True

    def forget(self) -> None:
        """Wipe every password, and the clipboard if it still holds one copied from here."""
        clipboard = QGuiApplication.clipboard()
        if self._copied and clipboard.text() == self._copied:
            clipboard.clear()
        self._copied = ""
        for code in list(self.rows):
            self._remove(code)

    def _add(self, agency: Agency) -> None:
        label = QLabel(self._label_text(agency, sent=False))
        field = QLineEdit()
        field.setEchoMode(QLineEdit.EchoMode.Normal if self.show_check.isChecked() else QLineEdit.EchoMode.Password)
        field.setAccessibleName(self.tr("Password for {0}'s copy").format(agency.code))
        label.setBuddy(field)
        copy_button = QPushButton(self.tr("Copy"))
        copy_button.setAccessibleName(self.tr("Copy {0}'s password to the clipboard").format(agency.code))
        copy_button.clicked.connect(lambda: self.copy_password(agency.code))
        self.rows[agency.code] = _Row(agency, label, field, copy_button)

    def _label_text(self, agency: Agency, sent: bool) -> str:
        name = f"{agency.code} \u2013 {agency.name}" if agency.name and agency.name != agency.code else agency.code
        return self.tr("{0} (sent)").format(name) if sent else name

    def _mark_sent(self, row: _Row) -> None:
        row.sent = True
        row.field.setReadOnly(True)
        row.label.setText(self._label_text(row.agency, sent=True))
        row.field.setAccessibleName(self.tr("Password for {0}'s copy, already sent").format(row.agency.code))

    def _remove(self, code: str) -> None:
        row = self.rows.pop(code)
        row.field.clear()
        for widget in (row.label, row.field, row.copy_button):
            self.grid.removeWidget(widget)
            widget.deleteLater()

    def _relayout(self) -> None:
        for i, row in enumerate(self.rows.values()):
            self.grid.addWidget(row.label, i, 0)
            self.grid.addWidget(row.field, i, 1)
            self.grid.addWidget(row.copy_button, i, 2)
        self.generate_button.setEnabled(any(not r.sent for r in self.rows.values()))

    def _set_echo(self, shown: bool) -> None:
        mode = QLineEdit.EchoMode.Normal if shown else QLineEdit.EchoMode.Password
        for row in self.rows.values():
            row.field.setEchoMode(mode)
