# SPDX-License-Identifier: LicenseRef-Proprietary
# Copyright (c) 2026 Strategy Meeting contributors
"""The first-run wizard's "Connect to a team server" page (issue 17).

It asks what the administrator gave: host, port, database, login, the server's CA certificate,
and the password. Connect runs ``team_server.connect`` in the worker (a server far away, or not
answering, must not freeze the window); a refusal is said on the page in the service's words,
with the field at fault focused, and nothing typed is lost. TLS with the certificate checked
(``sslmode=verify-full``) is the only way the app connects, so there is no control to relax it.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtWidgets import (
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
    QWizard,
    QWizardPage,
)

from strategy_meeting.domain import errors
from strategy_meeting.domain.errors import UserError
from strategy_meeting.gui import ops
from strategy_meeting.services import team_server

if TYPE_CHECKING:
    from strategy_meeting.gui.dialogs.setup_wizard import SetupWizard


class ServerConnectionPage(QWizardPage):
    """Leaves the wizard's ``ctx``/``actor`` set once connected; the wizard then finishes."""

    def __init__(self, wizard: SetupWizard, make_label: Callable[[str], QLabel],
                 make_error: Callable[[], QLabel]) -> None:
        super().__init__()
        self._wizard = wizard
        self._connected = False
        self._busy = False
        self.setTitle(self.tr("Connect to a team server"))
        self.setSubTitle(self.tr("Your team server's administrator gives you these details and the server's "
                                 "CA certificate."))
        layout = QVBoxLayout(self)
        form = QFormLayout()
        self.host = QLineEdit()
        self.host.setAccessibleName(self.tr("Server host"))
        self.host.setPlaceholderText(self.tr("e.g. db.example.org"))
        self.port = QSpinBox()
        self.port.setRange(1, 65535)
        self.port.setValue(team_server.DEFAULT_PORT)
        self.port.setGroupSeparatorShown(False)
        self.port.setAccessibleName(self.tr("Server port"))
        self.port.setMaximumWidth(120)
        self.database = QLineEdit()
        self.database.setAccessibleName(self.tr("Database"))
        self.database.setPlaceholderText(self.tr("e.g. strategy"))
        self.login = QLineEdit()
        self.login.setAccessibleName(self.tr("Login"))
        self.login.setPlaceholderText(self.tr("your user name on the team server"))
        self.ca_file = QLineEdit()
        self.ca_file.setAccessibleName(self.tr("CA certificate file"))
        self.ca_file.setPlaceholderText(self.tr("the server's CA certificate, a .pem file"))
        self.choose_button = QPushButton(self.tr("Ch&oose…"))
        self.choose_button.setAccessibleName(self.tr("Choose the CA certificate file"))
        ca_row = QHBoxLayout()
        ca_row.setContentsMargins(0, 0, 0, 0)
        ca_row.addWidget(self.ca_file, 1)
        ca_row.addWidget(self.choose_button)
        ca_box = QWidget()
        ca_box.setLayout(ca_row)
        self.password = QLineEdit()
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.password.setAccessibleName(self.tr("Password"))
        form.addRow(self.tr("&Host:"), self.host)
        form.addRow(self.tr("&Port:"), self.port)
        form.addRow(self.tr("&Database:"), self.database)
        form.addRow(self.tr("&Login:"), self.login)
        form.addRow(self.tr("CA cert&ificate:"), ca_box)
        form.addRow(self.tr("Pass&word:"), self.password)
        for field, buddy in ((self.host, self.host), (self.port, self.port), (self.database, self.database),
                             (self.login, self.login), (ca_box, self.ca_file), (self.password, self.password)):
            label = form.labelForField(field)
            if isinstance(label, QLabel):
                label.setBuddy(buddy)
        layout.addLayout(form)
        layout.addWidget(make_label(self.tr(
            "The app connects only over TLS, and checks the server's certificate against this CA "
            "certificate and the host name (sslmode=verify-full); there is no setting to turn that off. "
            "The connection is saved in the data folder with a copy of the certificate; your password is "
            "not saved anywhere: you type it each time you unlock.")))
        self.progress = make_label("")  # "Connecting…": plain words, not the error's red
        self.progress.setAccessibleName(self.tr("Connection progress"))
        self.progress.hide()
        layout.addWidget(self.progress)
        self.error = make_error()
        layout.addWidget(self.error)
        layout.addStretch(1)
        self.setFinalPage(True)
        self.setButtonText(QWizard.WizardButton.FinishButton, self.tr("&Connect"))
        self.choose_button.clicked.connect(self.choose_ca_file)
        self.setTabOrder(self.host, self.port)
        self.setTabOrder(self.port, self.database)
        self.setTabOrder(self.database, self.login)
        self.setTabOrder(self.login, self.ca_file)
        self.setTabOrder(self.ca_file, self.choose_button)
        self.setTabOrder(self.choose_button, self.password)

    def nextId(self) -> int:  # noqa: N802 - Qt's name
        return -1

    def initializePage(self) -> None:  # noqa: N802 - Qt's name
        self.host.setFocus()

    def connection(self) -> team_server.ServerConnection:
        path = self.ca_file.text().strip()
        return team_server.ServerConnection(
            self.host.text().strip(), self.database.text().strip(), self.login.text().strip(),
            Path(path).expanduser() if path else None, self.port.value())

    def choose_ca_file(self) -> None:
        start = self.ca_file.text().strip() or str(Path.home())
        chosen, _filter = QFileDialog.getOpenFileName(
            self, self.tr("Choose the team server's CA certificate"), start,
            self.tr("Certificates (*.pem *.crt *.cer);;All files (*)"))
        if chosen:
            self.ca_file.setText(chosen)
            self.password.setFocus()

    # ---- connecting -------------------------------------------------------------------

    @property
    def busy(self) -> bool:
        return self._busy

    def _set_busy(self, busy: bool) -> None:
        self._busy = busy
        for widget in (self.host, self.port, self.database, self.login, self.ca_file, self.choose_button,
                       self.password):
            widget.setEnabled(not busy)
        for which in (QWizard.WizardButton.FinishButton, QWizard.WizardButton.BackButton):
            button = self._wizard.button(which)
            if button is not None:
                button.setEnabled(not busy)
        self.progress.setText(self.tr("Connecting to the team server…") if busy else "")
        self.progress.setVisible(busy)
        if busy:
            self.error.clear()

    def validatePage(self) -> bool:  # noqa: N802 - Qt's name
        """True once connected; otherwise starts connecting in the worker and says False (the
        answer finishes the wizard, or says on the page what went wrong)."""
        if self._connected:
            return True
        if self._busy:
            return False
        connection, password = self.connection(), self.password.text()
        data_dir, clock = self._wizard.data_dir, self._wizard.clock
        self._set_busy(True)
        ops.run_op(self, lambda: team_server.connect(data_dir, connection, password, clock=clock),
                   lambda result: self._connected_as(connection, result), on_error=self._failed)
        return False

    def _connected_as(self, connection: team_server.ServerConnection, result: object) -> None:
        ctx, actor = result  # type: ignore[misc]
        self._set_busy(False)
        if self._wizard.currentPage() is not self or not self._wizard.isVisible():
            ctx.close()  # cancelled meanwhile: nothing is left open, nothing saved
            return
        # Saved only now the wizard finishes (a small file: at once, not in the worker).
        data_dir = self._wizard.data_dir
        saved = ops.ServiceOp(self, lambda: team_server.save_connection(data_dir, connection)).failure(
            self._failed).run_now()
        if saved is None:
            ctx.close()
            return
        self._connected = True
        self.password.clear()
        self.error.clear()
        self._wizard.connected(ctx, actor)
        self._wizard.accept()

    def _failed(self, exc: BaseException) -> None:
        self._set_busy(False)
        if not isinstance(exc, UserError):
            self.error.clear()
            ops.show_error(self, exc)
            return
        self.error.setText(str(exc))
        self._field_at_fault(exc).setFocus()

    def _field_at_fault(self, exc: UserError) -> QWidget:
        """Where the user goes next: the password, the certificate, the database or the host."""
        if isinstance(exc, errors.ServerLoginRefused):
            self.password.selectAll()
            return self.password
        if isinstance(exc, (errors.ServerCertificateRejected, errors.NotACertificate)):
            return self.ca_file
        if isinstance(exc, errors.NotATeamServer):
            return self.database
        if isinstance(exc, errors.ServerUnreachable):
            return self.host
        for field in (self.host, self.database, self.login, self.ca_file, self.password):
            if not field.text().strip():
                return field
        return self.host
