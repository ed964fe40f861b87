# SPDX-License-Identifier: LicenseRef-Proprietary
# Copyright (c) 2026 Strategy Meeting contributors
"""First run: create the encrypted store and its first user, or connect to a team server.

The welcome page offers the two (this computer is the default); the team server path is one
page (``server_connection_page``) and finishes when the connection is made. The store is
created when the passphrase page is committed (there is no going back past it); the recovery
key is then shown once, and the wizard will not finish until the user says they have written
it down. Hazard: the recovery key exists only in this wizard's memory; it is
cleared from the widget when the wizard closes.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QRadioButton,
    QVBoxLayout,
    QWidget,
    QWizard,
    QWizardPage,
)

from strategy_meeting.gui.style import apply_style

from strategy_meeting.domain.errors import UserError
from strategy_meeting.domain.roles import Role, User
from strategy_meeting.gui.dialogs.server_connection_page import ServerConnectionPage
from strategy_meeting.gui.widgets.date_edit import show_read_only
from strategy_meeting.gui.widgets.passphrase_fields import PassphraseFields
from strategy_meeting.gui.widgets.recovery_key_view import RecoveryKeyView
from strategy_meeting.services import session, users
from strategy_meeting.services.context import ServiceContext


def _hint(text: str) -> QLabel:
    label = QLabel(text)
    label.setWordWrap(True)
    label.setObjectName("hint")
    return label


def _error_label() -> QLabel:
    label = QLabel()
    label.setWordWrap(True)
    label.setObjectName("error")
    label.setAccessibleName(QCoreApplication.translate("SetupWizard", "Problem"))
    return label


class WelcomePage(QWizardPage):
    def __init__(self, data_dir: Path) -> None:
        super().__init__()
        self.setTitle(self.tr("Welcome to Strategy Meeting"))
        self.setSubTitle(self.tr("Choose where the record is kept. Setting it up takes a minute."))
        layout = QVBoxLayout(self)
        self.local = QRadioButton(self.tr("&Create an encrypted record on this computer"))
        self.local.setAccessibleName(self.tr("Create an encrypted record on this computer"))
        self.local.setChecked(True)  # the default: one organisation's record on one computer
        layout.addWidget(self.local)
        layout.addWidget(_indented(_hint(self.tr(
            "Everything you record is kept in one encrypted file in the data folder below. "
            "Nobody can read it without a passphrase or the recovery key."))))
        self.team = QRadioButton(self.tr("Connect to a &team server"))
        self.team.setAccessibleName(self.tr("Connect to a team server"))
        layout.addWidget(self.team)
        layout.addWidget(_indented(_hint(self.tr(
            "Your council or hub keeps the record on a PostgreSQL server, and each person signs in "
            "with their own login. Your administrator gives you its details."))))
        layout.addSpacing(8)
        layout.addWidget(QLabel(self.tr("<b>Data folder</b>")))
        self.folder = QLineEdit(str(data_dir))
        self.folder.setReadOnly(True)
        show_read_only(self.folder, True)  # looks as fixed as it is
        self.folder.setAccessibleName(self.tr("Data folder"))
        layout.addWidget(self.folder)
        layout.addWidget(_hint(self.tr(
            "This folder is set when the app is installed; your IT team can move it.")))
        layout.addStretch(1)
        self.server_page_id = -1  # set by the wizard once the page is added

    def nextId(self) -> int:  # noqa: N802 - Qt's name
        return self.server_page_id if self.team.isChecked() else super().nextId()


def _indented(widget: QWidget) -> QWidget:
    """A hint under its radio button, lined up with the button's text."""
    box = QWidget()
    row = QVBoxLayout(box)
    row.setContentsMargins(24, 0, 0, 6)
    row.addWidget(widget)
    return box


class UserPage(QWizardPage):
    def __init__(self) -> None:
        super().__init__()
        self.setTitle(self.tr("The first user"))
        self.setSubTitle(self.tr("You, the first person to use this record."))
        form = QFormLayout(self)
        self.name = QLineEdit()
        self.name.setAccessibleName(self.tr("User name"))
        self.name.setPlaceholderText(self.tr("e.g. a.example (no spaces)"))
        self.display_name = QLineEdit()
        self.display_name.setAccessibleName(self.tr("Display name"))
        self.display_name.setPlaceholderText(self.tr("e.g. Alex Example, as printed on the minutes"))
        self.role = QComboBox()
        self.role.setAccessibleName(self.tr("Role"))
        # The first account may always administer: a chair alone could never add a user.
        for role in (Role.CHAIR_ADMINISTRATOR, Role.ADMINISTRATOR):
            self.role.addItem(self.tr(role.label), role.value)
        self.error = _error_label()
        form.addRow(self.tr("&User name:"), self.name)
        form.addRow(self.tr("&Display name:"), self.display_name)
        form.addRow(self.tr("&Role:"), self.role)
        form.addRow("", _hint(self.tr(
            "A chair and administrator runs meetings, signs minutes off, and manages users, agencies "
            "and distribution; an administrator does only the second. Either can add other users "
            "(chairs, minute-takers, administrators) later in Settings and administration.")))
        form.addRow("", self.error)
        for widget in (self.name, self.display_name, self.role):
            label = form.labelForField(widget)
            if isinstance(label, QLabel):
                label.setBuddy(widget)
        self.registerField("userName*", self.name)
        self.registerField("displayName", self.display_name)

    def selected_role(self) -> Role:
        return Role(self.role.currentData())

    def validatePage(self) -> bool:  # noqa: N802 - Qt's name
        try:
            users.validate_new_user(self.name.text().strip(), self.selected_role(), None)
        except UserError as exc:
            self.error.setText(str(exc))
            return False
        self.error.clear()
        return True


class PassphrasePage(QWizardPage):
    def __init__(self, wizard: SetupWizard) -> None:
        super().__init__()
        self._wizard = wizard
        self.setTitle(self.tr("Choose a passphrase"))
        self.setSubTitle(self.tr("You type it to unlock the record. It is never stored anywhere."))
        layout = QVBoxLayout(self)
        self.fields = PassphraseFields(self, personal_words=wizard.personal_words)
        layout.addWidget(self.fields)
        self.error = _error_label()
        layout.addWidget(self.error)
        layout.addStretch(1)
        self.fields.changed.connect(self.completeChanged)
        self.setCommitPage(True)
        self.setButtonText(QWizard.WizardButton.CommitButton, self.tr("Create the encrypted &record"))

    def isComplete(self) -> bool:  # noqa: N802 - Qt's name
        return self.fields.is_acceptable

    def validatePage(self) -> bool:  # noqa: N802 - Qt's name
        QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            self._wizard.create_store(self.fields.value())
        except UserError as exc:
            self.error.setText(str(exc))
            return False
        finally:
            QGuiApplication.restoreOverrideCursor()
        self.fields.clear()
        return True


class RecoveryPage(QWizardPage):
    def __init__(self, wizard: SetupWizard) -> None:
        super().__init__()
        self._wizard = wizard
        self.setTitle(self.tr("Your recovery key"))
        self.setSubTitle(self.tr("It is shown only this once."))
        layout = QVBoxLayout(self)
        layout.addWidget(_hint(self.tr(
            "If you forget your passphrase, this key is the only way back into the record. Write it "
            "on paper and keep it somewhere safe, away from this computer. Do not e-mail it or save it "
            "in a file.")))
        # Shown whole, four groups to a line, with Print and Copy (issue 19).
        self.key = RecoveryKeyView(self)
        layout.addWidget(self.key)
        self.kept = QCheckBox(self.tr("I have &written it down and will keep it safe"))
        self.kept.setAccessibleName(self.tr("I have written it down and will keep it safe"))
        layout.addWidget(self.kept)
        layout.addStretch(1)
        self.registerField("recoveryKept*", self.kept)

    def initializePage(self) -> None:  # noqa: N802 - Qt's name
        self.key.setText(self._wizard.recovery_key)


class FinishPage(QWizardPage):
    def __init__(self, demo_available: bool) -> None:
        super().__init__()
        self.setTitle(self.tr("Ready"))
        self.setSubTitle(self.tr("The encrypted record has been created."))
        layout = QVBoxLayout(self)
        self.remember = QCheckBox(self.tr("&Remember on this computer (unlock without typing the passphrase)"))
        self.remember.setAccessibleName(self.tr("Remember on this computer"))
        self.remember.setEnabled(False)
        layout.addWidget(self.remember)
        self.remember_reason = _hint("")
        layout.addWidget(self.remember_reason)
        self.demo = QCheckBox(self.tr("&Load the fictional demonstration meetings so I can look around"))
        self.demo.setAccessibleName(self.tr("Load the demonstration meetings"))
        self.demo.setVisible(demo_available)
        self.demo.setChecked(demo_available)
        layout.addWidget(self.demo)
        layout.addStretch(1)

    def nextId(self) -> int:  # noqa: N802 - Qt's name
        return -1  # the team server's page comes after it in order, but is not on this path

    def initializePage(self) -> None:  # noqa: N802 - Qt's name
        # Asked here, not at start: finding the system keyring takes most of a second.
        available, reason = session.keyring_available()
        self.remember.setEnabled(available)
        self.remember_reason.setText(
            self.tr("The key is kept in the system keyring, which your computer login protects. "
                    "Only tick this on a computer that only you use.") if available else reason)


class SetupWizard(QWizard):
    """Leaves ``ctx``/``actor`` set once the store exists (even if later cancelled)."""

    def __init__(
        self,
        data_dir: Path,
        parent: QWidget | None = None,
        *,
        demo_available: bool = False,
        create: Callable[..., tuple[ServiceContext, User, str]] | None = None,
        clock: Callable[[], datetime] | None = None,
    ) -> None:
        super().__init__(parent)
        apply_style(self)  # the emphasis styles for this subtree (gui/style.py)
        self.data_dir = data_dir
        self._create = create or session.init_store
        self.clock = clock
        self.ctx: ServiceContext | None = None
        self.actor: User | None = None
        self.on_server = False  # connected to a team server (not a store on this computer)
        self.recovery_key = ""
        self.setWindowTitle(self.tr("Set up Strategy Meeting"))
        self.setWizardStyle(QWizard.WizardStyle.ClassicStyle)
        self.setOption(QWizard.WizardOption.NoBackButtonOnStartPage, True)
        self.setMinimumSize(640, 460)
        self.welcome = WelcomePage(data_dir)
        self.user_page = UserPage()
        self.passphrase_page = PassphrasePage(self)
        self.recovery_page = RecoveryPage(self)
        self.finish_page = FinishPage(demo_available)
        self.server_page = ServerConnectionPage(self, _hint, _error_label)
        for page in (self.welcome, self.user_page, self.passphrase_page, self.recovery_page, self.finish_page):
            self.addPage(page)
        # Last, so the local path's pages keep their order; reached only from the welcome page.
        self.welcome.server_page_id = self.addPage(self.server_page)
        self.finished.connect(self._forget_key)

    def personal_words(self) -> list[str]:
        return [self.user_page.name.text(), *self.user_page.display_name.text().split()]

    def create_store(self, passphrase: str) -> None:
        if self.ctx is not None:
            return
        name = self.user_page.name.text().strip()
        ctx, actor, recovery = self._create(
            self.data_dir, name, passphrase, self.user_page.selected_role(),
            display_name=self.user_page.display_name.text().strip(),
        )
        self.ctx, self.actor, self.recovery_key = ctx, actor, recovery

    def connected(self, ctx: ServiceContext, actor: User) -> None:
        """The team server page's session (its connection is saved in the data folder)."""
        self.ctx, self.actor, self.on_server = ctx, actor, True

    @property
    def remember_requested(self) -> bool:
        if self.on_server:
            return False  # a server password is never kept on this computer
        return self.finish_page.remember.isEnabled() and self.finish_page.remember.isChecked()

    @property
    def demo_requested(self) -> bool:
        if self.on_server:
            return False  # demonstration meetings belong in a record of one's own, not the team's
        return not self.finish_page.demo.isHidden() and self.finish_page.demo.isChecked()

    def _forget_key(self) -> None:
        self.recovery_key = ""
        self.recovery_page.key.clear()
