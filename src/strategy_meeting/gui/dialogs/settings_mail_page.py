# SPDX-License-Identifier: LicenseRef-Proprietary
# Copyright (c) 2026 Strategy Meeting contributors
"""The outgoing mail server page: where the signed minutes are sent from. (Listed in
``settings_dialog.PAGES``.)

Every rule (what a valid server, port or sender is; that "no encryption" is for a loopback
test server only; that the password goes to the OS keyring or nowhere) is in
``services.mail_settings``; this page only collects the fields and shows the answers.
"Test connection" talks to the server, which may take as long as its timeout, so it runs in
the worker (``ops.run_op``) and the page stays responsive.
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from strategy_meeting.domain.errors import UserError
from strategy_meeting.domain.roles import Permission
from strategy_meeting.gui import ops
from strategy_meeting.gui.app_state import AppState
from strategy_meeting.gui.dialogs.settings_page import SettingsPage
from strategy_meeting.services.distribution import mail_settings
from strategy_meeting.services.distribution.smtp import DEFAULT_PORTS, SmtpSecurity, SmtpSettings


class MailServerPage(SettingsPage):
    title = "Mail server"
    permission = Permission.MANAGE_SETTINGS

    testFinished = Signal(bool, str)  # succeeded, what to show

    def __init__(self, state: AppState) -> None:
        super().__init__(state)
        self.title = self.tr("Mail server")
        layout = QVBoxLayout(self)
        intro = QLabel(self.tr(
            "The signed minutes are e-mailed to each agency through your organisation's mail "
            "server. Ask your IT service for these details."))
        intro.setWordWrap(True)
        layout.addWidget(intro)
        form = QFormLayout()
        self.host = QLineEdit()
        self.host.setAccessibleName(self.tr("Mail server name"))
        self.host.setPlaceholderText(self.tr("e.g. smtp.example.org"))
        self.security = QComboBox()
        self.security.setAccessibleName(self.tr("Connection security"))
        self.security.addItem(self.tr("STARTTLS (recommended)"), SmtpSecurity.STARTTLS.value)
        self.security.addItem(self.tr("Implicit TLS"), SmtpSecurity.TLS.value)
        self.security.addItem(self.tr("None: a test server on this computer only"), SmtpSecurity.NONE.value)
        self.port = QSpinBox()
        self.port.setRange(1, 65535)
        self.port.setValue(DEFAULT_PORTS[SmtpSecurity.STARTTLS])
        self.port.setMaximumWidth(120)
        self.port.setAccessibleName(self.tr("Mail server port"))
        self.sender = QLineEdit()
        self.sender.setAccessibleName(self.tr("Sender address"))
        self.sender.setPlaceholderText(self.tr("the address the minutes are sent from"))
        self.username = QLineEdit()
        self.username.setAccessibleName(self.tr("Account name"))
        self.username.setPlaceholderText(self.tr("leave empty if the server needs no sign-in"))
        self.password = QLineEdit()
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.password.setAccessibleName(self.tr("Account password"))
        self.ca_file = QLineEdit()
        self.ca_file.setAccessibleName(self.tr("Extra trusted certificate authority file"))
        self.ca_file.setPlaceholderText(self.tr("only for an internal server (PEM)"))
        self.ca_browse = QPushButton(self.tr("&Browse\u2026"))
        self.ca_browse.setAccessibleName(self.tr("Choose a certificate authority file"))
        ca_row = QHBoxLayout()
        ca_row.addWidget(self.ca_file, 1)
        ca_row.addWidget(self.ca_browse)
        ca_holder = QWidget()
        ca_holder.setLayout(ca_row)
        ca_row.setContentsMargins(0, 0, 0, 0)
        ca_holder.setFocusProxy(self.ca_file)
        rows = [
            (self.tr("Ser&ver:"), self.host), (self.tr("Se&curity:"), self.security),
            (self.tr("&Port:"), self.port), (self.tr("Se&nder address:"), self.sender),
            (self.tr("&Account:"), self.username), (self.tr("Pass&word:"), self.password),
            (self.tr("T&rusted CA file:"), ca_holder),
        ]
        for text, field in rows:
            label = QLabel(text)
            label.setBuddy(field if field is not ca_holder else self.ca_file)
            form.addRow(label, field)
        layout.addLayout(form)
        self.security_hint = QLabel("")
        self.security_hint.setObjectName("hint")
        self.security_hint.setWordWrap(True)
        self.security_hint.setAccessibleName(self.tr("About the connection security"))
        layout.addWidget(self.security_hint)
        self.password_hint = QLabel("")
        self.password_hint.setObjectName("hint")
        self.password_hint.setWordWrap(True)
        self.password_hint.setAccessibleName(self.tr("Where the password is kept"))
        layout.addWidget(self.password_hint)
        # Issue 14: a calendar file travels in clear, so by default it says only the reference,
        # the action's number and its due date. Applied as soon as it is ticked or cleared.
        self.calendar_text = QCheckBox(self.tr("Calendar files carry the actions' te&xt and owners' names"))
        self.calendar_text.setAccessibleName(self.tr("Calendar files carry the actions' text and owners' names"))
        self.calendar_text.setToolTip(self.tr(
            "Off: each calendar event says only the meeting reference, the action number and the due "
            "date, marked confidential. Turn on only where the agencies' calendars may hold the text."))
        layout.addWidget(self.calendar_text)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        self.test_button = QPushButton(self.tr("&Test connection"))
        self.test_button.setAccessibleName(self.tr("Test the connection to the mail server"))
        self.save_button = QPushButton(self.tr("&Save"))
        self.save_button.setAccessibleName(self.tr("Save the mail server settings"))
        buttons.addWidget(self.test_button)
        buttons.addWidget(self.save_button)
        layout.addLayout(buttons)
        self.status = QLabel("")
        self.status.setWordWrap(True)
        self.status.setAccessibleName(self.tr("Test result"))
        layout.addWidget(self.status)
        layout.addStretch(1)
        self._password_saved = False
        self._keyring_available = False
        self.security.currentIndexChanged.connect(self._security_changed)
        self.ca_browse.clicked.connect(self._choose_ca_file)
        self.test_button.clicked.connect(self.test_connection)
        self.save_button.clicked.connect(self.save)
        self.calendar_text.toggled.connect(self._calendar_text_toggled)
        self._security_changed()

    # ---- loading -----------------------------------------------------------------------

    def load(self) -> None:
        saved = mail_settings.saved_mail_settings(self.state.ctx, self.state.actor)
        s = saved.settings
        self.host.setText(s.host)
        self.security.blockSignals(True)
        self.security.setCurrentIndex(max(self.security.findData(s.security.value), 0))
        self.security.blockSignals(False)
        self.port.setValue(s.effective_port)
        self.sender.setText(s.sender)
        self.username.setText(s.username)
        self.ca_file.setText(s.ca_file)
        self.password.clear()
        self._password_saved = saved.password_saved
        self._keyring_available = saved.keyring_available
        self._security_changed()
        self._show_password_hint(saved.keyring_reason)
        self.calendar_text.blockSignals(True)
        self.calendar_text.setChecked(mail_settings.calendar_full_text(self.state.ctx))
        self.calendar_text.blockSignals(False)

    def _calendar_text_toggled(self, on: bool) -> None:
        result = ops.run_now(self, lambda: mail_settings.set_calendar_full_text(self.state.ctx, self.state.actor, on))
        if result is None:  # refused: show what is in force
            self.calendar_text.blockSignals(True)
            self.calendar_text.setChecked(not on)
            self.calendar_text.blockSignals(False)
            return
        self.status.setText(self.tr("Calendar files now carry the actions' text and owners' names.") if on else
                            self.tr("Calendar files now carry the reference, action number and due date only."))

    def clear(self) -> None:
        for field in (self.host, self.sender, self.username, self.password, self.ca_file):
            field.clear()
        self.status.clear()

    def _show_password_hint(self, reason: str = "") -> None:
        if not self._keyring_available:
            self.password.setPlaceholderText(self.tr("used for the test only; not saved"))
            self.password_hint.setText(self.tr(
                "This computer has no secure system keyring, so the password cannot be saved; it "
                "is never kept in the store or the app's settings. The app asks for it when it "
                "sends the minutes."))
        elif self._password_saved:
            self.password.setPlaceholderText(self.tr("saved in the system keyring; type to replace"))
            self.password_hint.setText(self.tr("The password is kept in this computer's system keyring."))
        else:
            self.password.setPlaceholderText("")
            self.password_hint.setText(self.tr(
                "The password is kept in this computer's system keyring, never in the store."))

    def _security_changed(self) -> None:
        security = SmtpSecurity(self.security.currentData())
        previous_defaults = set(DEFAULT_PORTS.values())
        if self.port.value() in previous_defaults:
            self.port.setValue(DEFAULT_PORTS[security])
        self.security_hint.setText({
            SmtpSecurity.STARTTLS: self.tr(
                "STARTTLS: the connection is encrypted before signing in, and the server's "
                "certificate is checked (usually port 587)."),
            SmtpSecurity.TLS: self.tr(
                "Implicit TLS: the connection is encrypted from the start, and the server's "
                "certificate is checked (usually port 465)."),
            SmtpSecurity.NONE: self.tr(
                "No encryption: allowed only for a test server on this computer (localhost or "
                "127.0.0.1), and never with a password."),
        }[security])

    def _choose_ca_file(self) -> None:
        name, _ = QFileDialog.getOpenFileName(self, self.tr("Trusted certificate authority"), "",
                                              self.tr("PEM certificates (*.pem *.crt);;All files (*)"))
        if name:
            self.ca_file.setText(name)

    # ---- actions -----------------------------------------------------------------------

    def _entered(self) -> SmtpSettings:
        return SmtpSettings(
            host=self.host.text(), sender=self.sender.text(), port=self.port.value(),
            security=SmtpSecurity(self.security.currentData()), username=self.username.text(),
            ca_file=self.ca_file.text(),
        )

    def save(self) -> bool:
        settings = self._entered()
        typed = self.password.text()
        # An empty field keeps the saved password; clearing the account forgets it.
        password: str | None = typed or ("" if not settings.username.strip() and self._password_saved else None)
        result = ops.run_now(self, lambda: mail_settings.save_mail_settings(
            self.state.ctx, self.state.actor, settings, password))
        if result is None:
            return False
        self.load()
        self.status.setText(self.tr("The mail server settings were saved."))
        return True

    def test_connection(self) -> None:
        ctx, actor = self.state.ctx, self.state.actor
        settings = self._entered()
        password = self.password.text() or None
        self.test_button.setEnabled(False)
        self.status.setText(self.tr("Connecting to the mail server\u2026"))

        def done(message: str) -> None:
            self.test_button.setEnabled(True)
            self.status.setText(message)
            self.testFinished.emit(True, message)

        def failed(exc: BaseException) -> None:
            self.test_button.setEnabled(True)
            if isinstance(exc, UserError):
                message = str(exc)
            else:
                message = self.tr("The test could not be run. Check the settings and try again.")
            self.status.setText(message)
            self.testFinished.emit(False, message)

        ops.run_op(self, lambda: mail_settings.check_mail_connection(ctx, actor, settings, password),
                   done, on_error=failed)
