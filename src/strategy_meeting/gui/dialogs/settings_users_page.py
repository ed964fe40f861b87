# SPDX-License-Identifier: LicenseRef-Proprietary
# Copyright (c) 2026 Strategy Meeting contributors
"""The users and roles page: the store's accounts, enabling and disabling them, adding one."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QT_TR_NOOP
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
)

from strategy_meeting.domain.changes import Changes
from strategy_meeting.domain.roles import Permission, Role
from strategy_meeting.gui.app_state import AppState
from strategy_meeting.gui.dialogs.settings_page import (
    SettingsPage,
    fill_table,
    make_table,
    set_buddies,
)
from strategy_meeting.gui.widgets.passphrase_fields import PassphraseFields
from strategy_meeting.services import agencies, team_server, users
from strategy_meeting.services.team_server import LocalOnly


class UsersPage(SettingsPage):
    title = QT_TR_NOOP("Users and roles")
    permission = Permission.MANAGE_USERS

    def __init__(self, state: AppState) -> None:
        super().__init__(state)
        layout = QVBoxLayout(self)
        self.table = make_table([self.tr("User name"), self.tr("Display name"), self.tr("Role"), self.tr("Agency"),
                             self.tr("Account")], self.tr("Users"))
        # Four whole rows at least: the add-a-user form below would otherwise squeeze the
        # list to two (the dialog grows to fit instead).
        self.table.setMinimumHeight(4 * self.table.verticalHeader().defaultSectionSize()
                                    + self.table.horizontalHeader().sizeHint().height()
                                    + 2 * self.table.frameWidth() + 2)
        layout.addWidget(self.table, 1)
        toggle_row = QHBoxLayout()
        toggle_row.addStretch(1)
        self.toggle_button = QPushButton(self.tr("&Disable account"))
        self.toggle_button.setAccessibleName(self.tr("Enable or disable the selected account"))
        toggle_row.addWidget(self.toggle_button)
        layout.addLayout(toggle_row)
        layout.addWidget(QLabel(self.tr("<b>Add a user</b>")))
        form = QFormLayout()
        self.name = QLineEdit()
        self.name.setAccessibleName(self.tr("New user name"))
        self.display_name = QLineEdit()
        self.display_name.setAccessibleName(self.tr("New user's display name"))
        self.role = QComboBox()
        self.role.setAccessibleName(self.tr("New user's role"))
        for role in Role:
            self.role.addItem(role.label, role.value)
        # A representative belongs to one agency of the directory: chosen from it, not typed
        # (a typed code could name no agency at all), and only asked for that role.
        self.agency = QComboBox()
        self.agency.setAccessibleName(self.tr("New user's agency"))
        self.agency.setToolTip(self.tr("Only for an agency representative: the agency they work for"))
        # A long agency name must not widen the whole dialog (its tables would follow).
        self.agency.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.agency.setMinimumContentsLength(24)
        form.addRow(self.tr("User &name:"), self.name)
        form.addRow(self.tr("Displa&y name:"), self.display_name)
        form.addRow(self.tr("R&ole:"), self.role)
        form.addRow(self.tr("A&gency:"), self.agency)
        # Said where the choice is made, not after Add: why this store takes no representative.
        self.role_note = QLabel(users.AGENCY_REP_REFUSAL)
        self.role_note.setObjectName("hint")
        self.role_note.setWordWrap(True)
        self.role_note.setAccessibleName(self.tr("Why this role cannot be added"))
        self.role_note.setVisible(False)
        form.addRow(self.role_note)
        # A local store adds no representative, so whose agency they are is not asked here (the
        # field stays for the team server's representatives).
        form.setRowVisible(self.agency, False)
        self._form = form
        set_buddies(form)
        self.passphrase = PassphraseFields(self, personal_words=lambda: [self.name.text(), self.display_name.text()],
                                           form=form)
        layout.addLayout(form)
        add_row = QHBoxLayout()
        add_row.addStretch(1)
        self.add_button = QPushButton(self.tr("&Add user"))
        self.add_button.setAccessibleName(self.tr("Add user"))
        add_row.addWidget(self.add_button)
        layout.addLayout(add_row)
        # On a team server logins are made on the server by its owner: the form stays, off, with why.
        self.server_note = QLabel()
        self.server_note.setObjectName("hint")
        self.server_note.setWordWrap(True)
        self.server_note.setAccessibleName(self.tr("Why users are not added here"))
        self.server_note.setVisible(False)
        layout.addWidget(self.server_note)
        self._elsewhere: str | None = None
        self.table.itemSelectionChanged.connect(self._update_toggle)
        self.toggle_button.clicked.connect(self.toggle_selected)
        self.add_button.clicked.connect(self.add)
        self.passphrase.changed.connect(self._update_add)
        self.name.textChanged.connect(self._update_add)
        self.role.currentIndexChanged.connect(lambda _i: self._update_add())
        self.agency.currentIndexChanged.connect(lambda _i: self._update_add())
        state.bus.changed.connect(self._on_changes)  # a method: dropped with the page
        self._users: list[Any] = []
        self._update_add()

    def _is_rep(self) -> bool:
        return self.role.currentData() == Role.AGENCY_REP.value

    def _fill_agencies(self) -> None:
        current = self.agency.currentData()
        self.agency.clear()
        for a in agencies.list_agencies(self.state.ctx, self.state.actor):
            self.agency.addItem(f"{a.code} – {a.name}" if a.name else a.code, a.code)
        if self.agency.count() == 0:
            self.agency.addItem(self.tr("No agencies yet: add them on the Agencies page"), None)
        self.agency.setCurrentIndex(max(self.agency.findData(current), 0))

    def _on_changes(self, changes: Changes) -> None:
        if changes.agencies and not self.state.is_locked:
            self._fill_agencies()

    def showEvent(self, event) -> None:  # type: ignore[no-untyped-def]  # noqa: N802
        super().showEvent(event)
        if not self.state.is_locked:
            self._fill_agencies()  # the Agencies page may have changed the directory meanwhile

    def load(self) -> None:
        self._elsewhere = team_server.not_on_server(LocalOnly.PASSPHRASES, self.state.ctx)
        self.server_note.setText(self._elsewhere or "")
        self.server_note.setVisible(self._elsewhere is not None)
        for field in (self.name, self.display_name, self.role, self.passphrase):
            field.setEnabled(self._elsewhere is None)
        self._update_add()
        self._fill_agencies()
        self._users = users.list_users(self.state.ctx, self.state.actor)
        fill_table(self.table, [[u.name, u.display_name, u.role.label, u.agency or "",
                            self.tr("Active") if u.active else self.tr("Disabled")] for u in self._users])
        self._update_toggle()

    def clear(self) -> None:
        self.table.setRowCount(0)
        self.agency.clear()

    def _selected(self) -> Any:
        rows = self.table.selectionModel().selectedRows()
        return self._users[rows[0].row()] if rows else None

    def _update_toggle(self) -> None:
        u = self._selected()
        self.toggle_button.setEnabled(u is not None)
        self.toggle_button.setText(self.tr("&Enable account") if u is not None and not u.active
                                   else self.tr("&Disable account"))

    def _update_add(self) -> None:
        rep = self._is_rep()
        self.agency.setEnabled(False)  # kept for the team server's representatives
        self.role_note.setVisible(rep)
        if rep:  # a wrapped label is not given its height by the form on its own
            width = self.role_note.width() if self.role_note.width() > 50 else self.width() - 40
            self.role_note.setMinimumHeight(self.role_note.heightForWidth(max(width, 200)))
        self.add_button.setEnabled(bool(self.name.text().strip()) and self.passphrase.is_acceptable
                                   and not rep and self._elsewhere is None)

    def toggle_selected(self) -> None:
        u = self._selected()
        if u is not None:
            self._call(lambda: users.set_active(self.state.ctx, self.state.actor, u.name, not u.active),
                       (self.tr("The account {0} was enabled.") if not u.active
                        else self.tr("The account {0} was disabled.")).format(u.name))

    def add(self) -> None:
        name, display, role = self.name.text().strip(), self.display_name.text().strip(), Role(self.role.currentData())
        agency = self.agency.currentData() if self._is_rep() else None
        secret = self.passphrase.value()
        added = self._call(lambda: users.add_user(self.state.ctx, self.state.actor, name, role, secret,
                                                  agency=agency, display_name=display),
                           self.tr("The user {0} was added, with their own passphrase.").format(name))
        if added is not None:
            for field in (self.name, self.display_name):
                field.clear()
            self.passphrase.clear()
