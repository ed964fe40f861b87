# SPDX-License-Identifier: LicenseRef-Proprietary
# Copyright (c) 2026 Strategy Meeting contributors
"""The selected directory agency's encryption certificate: whose it is, who issued it, until
when it is valid; import a file (PEM or DER) or remove it. The service checks the file
(``agency_certificates``); this box only reads the file the administrator chose and shows
the answer."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QFileDialog, QGroupBox, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from strategy_meeting.domain.agency import Agency
from strategy_meeting.domain.errors import InvalidInput
from strategy_meeting.gui import ops
from strategy_meeting.services import agency_certificates


class AgencyCertificateBox(QGroupBox):
    changed = Signal(str)  # the agency code whose certificate was added or removed

    def __init__(self, state, parent: QWidget | None = None) -> None:  # type: ignore[no-untyped-def]
        super().__init__(parent)
        self.state = state
        self.setTitle(self.tr("Encryption certificate"))
        self.setAccessibleName(self.tr("Encryption certificate of the selected agency"))
        layout = QVBoxLayout(self)
        self.details = QLabel("")
        self.details.setWordWrap(True)
        self.details.setAccessibleName(self.tr("Certificate details"))
        layout.addWidget(self.details)
        row = QHBoxLayout()
        row.addStretch(1)
        self.import_button = QPushButton(self.tr("&Import certificate\u2026"))
        self.import_button.setAccessibleName(self.tr("Import the agency's encryption certificate from a file"))
        self.remove_button = QPushButton(self.tr("Remove cer&tificate"))
        self.remove_button.setAccessibleName(self.tr("Remove the agency's encryption certificate"))
        row.addWidget(self.import_button)
        row.addWidget(self.remove_button)
        layout.addLayout(row)
        self.import_button.clicked.connect(lambda: self.import_certificate())
        self.remove_button.clicked.connect(self.remove_certificate)
        self._agency: Agency | None = None
        self.show_agency(None)

    def show_agency(self, agency: Agency | None) -> None:
        self._agency = agency
        self.import_button.setEnabled(agency is not None)
        self.remove_button.setEnabled(bool(agency and agency.certificate))
        if agency is None:
            self.details.setText(self.tr("Select a saved agency to see or import its certificate."))
        elif not agency.certificate:
            self.details.setText(self.tr(
                "No certificate: copies cannot be encrypted to {code}. Import the encryption "
                "certificate the agency gave you (.cer, .crt, .der or .pem).").replace("{code}", agency.code))
        else:
            self.details.setText(self._describe(agency))

    def _describe(self, agency: Agency) -> str:
        try:
            info = agency_certificates.describe_certificate(agency.certificate)
        except InvalidInput as error:
            return str(error)
        expiry = info.not_after.astimezone().strftime("%d %B %Y")
        now = datetime.now(UTC) if self.state.is_locked else self.state.ctx.now()  # the app's clock
        state = (self.tr("expired on {date}") if info.expired_at(now)
                 else self.tr("valid until {date}")).replace("{date}", expiry)
        fingerprint = ":".join(info.sha256[n:n + 2] for n in range(0, 24, 2)).upper() + "\u2026"
        return self.tr("Subject: {subject}\nIssued by: {issuer}\nStatus: {state}\nSHA-256: {fp}") \
            .replace("{subject}", info.subject).replace("{issuer}", info.issuer) \
            .replace("{state}", state).replace("{fp}", fingerprint)

    def import_certificate(self, path: str | None = None) -> bool:
        if self._agency is None:
            return False
        if path is None:
            path, _ = QFileDialog.getOpenFileName(
                self, self.tr("Import the encryption certificate of {code}").replace("{code}", self._agency.code),
                str(Path.home()), self.tr("Certificates (*.cer *.crt *.der *.pem);;All files (*)"))
            if not path:
                return False
        try:
            with open(path, "rb") as file:
                data = file.read(agency_certificates.MAX_CERTIFICATE_BYTES + 1)
        except OSError as error:
            ops.show_error(self, InvalidInput(f"The file {path} cannot be read ({error.strerror})."))
            return False
        code = self._agency.code
        result = ops.run_now(self, lambda: agency_certificates.set_agency_certificate(
            self.state.ctx, self.state.actor, code, data))
        if result is None:
            return False
        self.changed.emit(code)
        return True

    def remove_certificate(self) -> bool:
        if self._agency is None:
            return False
        code = self._agency.code
        result = ops.run_now(self, lambda: agency_certificates.remove_agency_certificate(
            self.state.ctx, self.state.actor, code))
        if result is None:
            return False
        self.changed.emit(code)
        return True
