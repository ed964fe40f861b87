# SPDX-License-Identifier: LicenseRef-Proprietary
# Copyright (c) 2026 Strategy Meeting contributors
"""My signing identity: make or import the certificate the minutes are signed with, and give
agencies its public part.

A chair signs the minutes they sign off; without an identity the copies cannot be signed, and
the only way to make one was the command line. Key generation and PKCS#12 parsing run in the
worker (services/identities.py); the private key never leaves the store.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from strategy_meeting.gui import ops
from strategy_meeting.gui.dialogs.lock_aware import LockAwareDialog

if TYPE_CHECKING:
    from strategy_meeting.gui.app_state import AppState
    from strategy_meeting.services.minutes.identity import CertificateSummary


def grouped(hex_digest: str) -> str:
    """A fingerprint as people read it out over the phone: AB:CD:..."""
    return ":".join(hex_digest[i:i + 2] for i in range(0, len(hex_digest), 2)).upper()


class IdentityDialog(LockAwareDialog):
    # A new identity was made or imported (its summary): what was waiting for it goes on.
    identityReady = Signal(object)

    def __init__(self, state: AppState, parent: QWidget | None = None) -> None:
        super().__init__(state, parent)
        self.setWindowTitle(self.tr("My signing identity"))
        self.setAccessibleName(self.tr("My signing identity"))
        intro = QLabel(self.tr(
            "The minutes you sign off are signed with this certificate, so that every agency can "
            "check them in an ordinary PDF reader. Use your organisation's certificate if it has "
            "one; otherwise make a self-signed one and send agencies its certificate file, reading "
            "them the fingerprint by phone so they know it is yours."))
        intro.setWordWrap(True)
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.summary.setTextFormat(Qt.TextFormat.PlainText)
        self.summary.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.summary.setAccessibleName(self.tr("Current signing identity"))

        self.organisation = QLineEdit()
        self.organisation.setAccessibleName(self.tr("Organisation for a self-signed certificate"))
        self.organisation.setPlaceholderText(self.tr("Optional, e.g. Sampletown Council"))
        self.create_button = QPushButton(self.tr("Make a &self-signed identity"))
        self.create_button.setAccessibleName(self.tr("Make a self-signed identity"))
        organisation_row = QHBoxLayout()
        organisation_row.addWidget(self.organisation, 1)
        organisation_row.addWidget(self.create_button)
        form = QFormLayout()
        organisation_label = QLabel(self.tr("&Organisation:"))
        organisation_label.setBuddy(self.organisation)
        form.addRow(organisation_label, organisation_row)

        self.import_button = QPushButton(self.tr("&Import my organisation's certificate (.p12, .pfx)…"))
        self.import_button.setAccessibleName(self.tr("Import my organisation's certificate"))
        self.export_button = QPushButton(self.tr("&Export my certificate for agencies…"))
        self.export_button.setAccessibleName(self.tr("Export my certificate for agencies"))
        actions = QHBoxLayout()
        actions.addWidget(self.import_button)
        actions.addWidget(self.export_button)
        actions.addStretch(1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.summary)
        layout.addLayout(form)
        layout.addLayout(actions)
        layout.addStretch(1)
        layout.addWidget(buttons)
        self.setTabOrder(self.organisation, self.create_button)
        self.setTabOrder(self.create_button, self.import_button)
        self.setTabOrder(self.import_button, self.export_button)

        self.create_button.clicked.connect(self.make_self_signed)
        self.import_button.clicked.connect(self.import_file)
        self.export_button.clicked.connect(self.export_file)
        self.current: CertificateSummary | None = None
        self.resize(640, 340)
        self.refresh()

    # ---- what is there ---------------------------------------------------------------

    def refresh(self) -> None:
        from strategy_meeting.services import identities

        state = self.state
        self._busy(True)
        ops.run_op(self, lambda: identities.active_summary(state.ctx, state.actor), self._show,
                   on_error=self._failed)

    def _show(self, summary: CertificateSummary | None) -> None:
        self.current = summary
        self._busy(False)
        if summary is None:
            self.summary.setText(self.tr("You have no signing identity yet: make or import one below."))
            return
        kind = self.tr("self-signed") if summary.self_signed else self.tr("issued by {0}").format(summary.issuer)
        self.summary.setText(self.tr(
            "Signing as: {0} ({1})\nValid until: {2}\nSHA-256 fingerprint: {3}").format(
            summary.holder or summary.subject, kind, summary.not_after.strftime("%d %B %Y"),
            grouped(summary.fingerprint_sha256)))

    def _made(self, summary: CertificateSummary) -> None:
        self._show(summary)
        self.identityReady.emit(summary)

    def _busy(self, busy: bool) -> None:
        for button in (self.create_button, self.import_button):
            button.setEnabled(not busy)
        self.export_button.setEnabled(not busy and self.current is not None)

    def _failed(self, exc: BaseException) -> None:
        self._busy(False)
        ops.show_error(self, exc)

    def _replacing_confirmed(self) -> bool:
        if self.current is None:
            return True
        answer = QMessageBox.question(self, self.tr("Replace your signing identity?"), self.tr(
            "New minutes will be signed with the new identity, and agencies will need its certificate. "
            "Minutes you signed before can still be checked against the old one."))
        return answer == QMessageBox.StandardButton.Yes

    # ---- make, import, export ----------------------------------------------------------

    def make_self_signed(self) -> None:
        from strategy_meeting.services import identities

        if not self._replacing_confirmed():
            return
        state, organisation = self.state, self.organisation.text().strip()
        self._busy(True)
        ops.run_op(self, lambda: identities.new_self_signed(state.ctx, state.actor, organisation=organisation),
                   self._made, progress=self.tr("Making your signing identity…"),
                   on_error=self._failed)

    def import_file(self) -> None:
        from strategy_meeting.services import identities

        path, _ = QFileDialog.getOpenFileName(self, self.tr("Choose your organisation's certificate"), "",
                                              self.tr("PKCS#12 files (*.p12 *.pfx);;All files (*)"))
        if not path or not self._replacing_confirmed():
            return
        password, ok = QInputDialog.getText(self, self.tr("Certificate password"),
                                            self.tr("The password that protects this file (empty if none):"),
                                            QLineEdit.EchoMode.Password)
        if not ok:
            return
        state = self.state
        self._busy(True)
        ops.run_op(self, lambda: identities.import_pkcs12_file(state.ctx, state.actor, Path(path), password or None),
                   self._made, progress=self.tr("Importing the certificate…"),
                   on_error=self._failed)

    def export_file(self) -> None:
        from strategy_meeting.services import identities

        path, _ = QFileDialog.getSaveFileName(self, self.tr("Save your certificate for agencies"),
                                              "signing-certificate.pem", self.tr("Certificates (*.pem)"))
        if not path:
            return
        state = self.state
        ops.run_op(self, lambda: identities.export_certificate(state.ctx, state.actor, Path(path)),
                   self._saved, on_error=self._failed)

    def _saved(self, written: Path) -> None:
        self._show(self.current)  # one "saved to" line, the latest, under the summary
        self.summary.setText(self.summary.text() + "\n" + self.tr("Certificate saved to {0}.").format(written))


def offer_identity(state: AppState, parent: QWidget, then: str = "") -> IdentityDialog | None:
    """Signing needs an identity the user does not have yet: say so, and open the dialog that
    makes one if they want it now. ``then`` says what happens once it is made."""
    answer = QMessageBox.question(parent, parent.tr("No signing identity"), parent.tr(
        "You have no signing identity yet, so the copies cannot be signed. Make or import one now? "
        "(It is also under Tools → My signing identity in the main window.)") + (" " + then if then else ""))
    if answer != QMessageBox.StandardButton.Yes:
        return None
    dialog = IdentityDialog(state, parent)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.open()
    return dialog
