# SPDX-License-Identifier: LicenseRef-Proprietary
# Copyright (c) 2026 Strategy Meeting contributors
"""The unlock screen: the user's name and passphrase, and a way in with the recovery key.

A wrong passphrase says so and nothing else happens: the store file is never touched
(SECURITY-TESTS 6). The key derivation runs in the worker so the window keeps painting.

On a team server (issue 17: a connection saved by the first-run wizard, or ``--server``) the
same screen names the server, asks for the login's password, and connects in the worker; the
recovery key is a local store's, so in its place it says who resets a server password.
"""

from __future__ import annotations

import html
from collections.abc import Callable
from datetime import datetime
from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from strategy_meeting.gui.style import apply_style

from strategy_meeting.domain.errors import UserError
from strategy_meeting.gui import ops
from strategy_meeting.services import session, team_server
from strategy_meeting.services.team_server import LocalOnly, ServerConnection


class UnlockPanel(QWidget):
    """Emits ``unlocked(ctx, actor)``; the owner hands them to ``AppState``."""

    unlocked = Signal(object, object)

    def __init__(
        self,
        data_dir: Path,
        parent: QWidget | None = None,
        *,
        clock: Callable[[], datetime] | None = None,
        last_user: Callable[[], str | None] = lambda: None,
        server: ServerConnection | None = None,
    ) -> None:
        super().__init__(parent)
        apply_style(self)  # the emphasis styles for this subtree (gui/style.py)
        self.data_dir = data_dir
        self._clock = clock
        self._last_user = last_user
        self.server = server
        self._busy = False
        self.setObjectName("unlockPanel")
        outer = QVBoxLayout(self)
        outer.addStretch(1)
        row = QHBoxLayout()
        row.addStretch(1)
        card = QFrame()
        card.setObjectName("unlockCard")
        card.setFrameShape(QFrame.Shape.StyledPanel)
        card.setMinimumWidth(420)
        card.setMaximumWidth(520)
        layout = QVBoxLayout(card)
        title = QLabel(self.tr("Strategy Meeting is locked"))
        title.setObjectName("lockedTitle")
        layout.addWidget(title)
        # On a team server: which one, so nobody types a password into the wrong place.
        self.server_line = QLabel()
        self.server_line.setWordWrap(True)
        self.server_line.setAccessibleName(self.tr("Team server"))
        self.server_line.setVisible(server is not None)
        if server is not None:
            self.server_line.setText(self.tr("Team server <b>{0}</b>").format(html.escape(server.server_name)))
        layout.addWidget(self.server_line)
        self.greeting = QLabel(self.tr("Type your passphrase to unlock the record."))
        self.greeting.setWordWrap(True)
        layout.addWidget(self.greeting)
        # Whose slot to open: found by name, so two people with the same passphrase stay two
        # people. Left empty, the store's first account is meant.
        user_label = QLabel(self.tr("&Login:") if server else self.tr("User &name:"))
        layout.addWidget(user_label)
        self.user_name = QLineEdit()
        if server is None:
            self.user_name.setPlaceholderText(self.tr("Empty for the store's first account"))
        self.user_name.setAccessibleName(self.tr("Login") if server else self.tr("User name"))
        user_label.setBuddy(self.user_name)
        layout.addWidget(self.user_name)
        label = QLabel(self.tr("&Password:") if server else self.tr("&Passphrase:"))
        layout.addWidget(label)
        field_row = QHBoxLayout()
        self.passphrase = QLineEdit()
        self.passphrase.setEchoMode(QLineEdit.EchoMode.Password)
        self.passphrase.setAccessibleName(self.tr("Password") if server else self.tr("Passphrase"))
        label.setBuddy(self.passphrase)
        field_row.addWidget(self.passphrase, 1)
        self.unlock_button = QPushButton(self.tr("&Unlock"))
        self.unlock_button.setDefault(True)
        self.unlock_button.setAccessibleName(self.tr("Unlock"))
        field_row.addWidget(self.unlock_button)
        layout.addLayout(field_row)
        self.message = QLabel()
        self.message.setObjectName("error")
        self.message.setWordWrap(True)
        self.message.setAccessibleName(self.tr("Unlock message"))
        layout.addWidget(self.message)
        self.recover_button = QPushButton(self.tr("Forgotten passphrase? Use the &recovery key"))
        self.recover_button.setObjectName("linkButton")
        self.recover_button.setFlat(True)
        self.recover_button.setCursor(Qt.CursorShape.PointingHandCursor)
        self.recover_button.setAccessibleName(self.tr("Forgotten passphrase? Use the recovery key"))
        layout.addWidget(self.recover_button, 0, Qt.AlignmentFlag.AlignLeft)
        # A team server has no recovery key here: its administrator resets a login's password.
        self.server_help = QLabel(team_server.not_on_server(LocalOnly.RECOVERY_KEY, server=True) or "")
        self.server_help.setWordWrap(True)
        self.server_help.setAccessibleName(self.tr("Forgotten password"))
        layout.addWidget(self.server_help)
        self.recover_button.setVisible(server is None)
        self.server_help.setVisible(server is not None)
        folder = QLabel(self.tr("Data folder: {0}").format(data_dir))
        folder.setObjectName("hint")
        folder.setWordWrap(True)
        folder.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(folder)
        row.addWidget(card)
        row.addStretch(1)
        outer.addLayout(row)
        outer.addStretch(2)
        self.passphrase.returnPressed.connect(self.try_unlock)
        self.user_name.returnPressed.connect(self.passphrase.setFocus)
        self.unlock_button.clicked.connect(self.try_unlock)
        self.recover_button.clicked.connect(self.use_recovery_key)
        self.setTabOrder(self.user_name, self.passphrase)
        self.setTabOrder(self.passphrase, self.unlock_button)
        self.setTabOrder(self.unlock_button, self.recover_button)

    def prepare(self) -> None:
        """Called whenever the panel is shown: empty field, focus in it."""
        user = self._last_user()
        if self.server is not None:
            login = user or self.server.login
            self.greeting.setText(
                self.tr("Locked while you were away. Type the password for {0} (or your own login and "
                        "password) to connect again.").format(login)
                if user else self.tr("Type the password for {0} to connect (or change the login).").format(login))
            self.user_name.setText(login)
            self.passphrase.clear()
            self.message.clear()
            self._set_busy(False)
            self.passphrase.setFocus()
            return
        self.greeting.setText(
            self.tr("Locked while you were away. Type the passphrase for {0} (or your own name and "
                    "passphrase) to go on.").format(user)
            if user else self.tr("Type your user name and passphrase to unlock the record."))
        self.user_name.setText(user or "")
        self.passphrase.clear()
        self.message.clear()
        self._set_busy(False)
        self.passphrase.setFocus()

    def _set_busy(self, busy: bool) -> None:
        self._busy = busy
        self.passphrase.setEnabled(not busy)
        self.user_name.setEnabled(not busy)
        self.unlock_button.setEnabled(not busy)
        self.recover_button.setEnabled(not busy)
        if busy:
            self.message.setText(self.tr("Connecting to the team server…") if self.server else self.tr("Unlocking…"))

    def try_unlock(self) -> None:
        if self._busy:
            return
        secret = self.passphrase.text()
        if not secret:
            self.message.setText(self.tr("Type your password first.") if self.server
                                 else self.tr("Type your passphrase first."))
            return
        data_dir, clock = self.data_dir, self._clock
        name = self.user_name.text().strip() or None
        server = self.server
        if server is not None:
            if name is None:
                self.message.setText(self.tr("Type your login first."))
                self.user_name.setFocus()
                return
            self._set_busy(True)
            ops.run_op(self, lambda: team_server.open_session(server.address(name), secret, data_dir, clock=clock),
                       self._opened, on_error=self._failed)
            return
        self._set_busy(True)
        ops.run_op(self, lambda: session.open_session(data_dir, secret, name, clock=clock),
                   self._opened, on_error=self._failed)

    def _opened(self, result: object) -> None:
        ctx, actor = result  # type: ignore[misc]
        self.passphrase.clear()
        self.message.clear()
        self._set_busy(False)
        self.unlocked.emit(ctx, actor)

    def _failed(self, exc: BaseException) -> None:
        self._set_busy(False)
        if isinstance(exc, UserError):
            self.message.setText(str(exc))
            self.passphrase.selectAll()
            self.passphrase.setFocus()
        else:
            self.message.clear()
            ops.show_error(self, exc)

    def use_recovery_key(self) -> None:
        from strategy_meeting.gui.dialogs.recovery_dialog import RecoveryDialog

        dialog = RecoveryDialog(self.data_dir, self, user=self._last_user() or "")
        dialog.recovered.connect(self.unlocked)
        dialog.open()
