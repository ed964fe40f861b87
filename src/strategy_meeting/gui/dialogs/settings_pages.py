# SPDX-License-Identifier: LicenseRef-Proprietary
# Copyright (c) 2026 Strategy Meeting contributors
"""The settings pages. Each loads from and saves through one service; rules stay there."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QT_TR_NOOP
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from strategy_meeting.domain.agency import Agency, AgencyKind
from strategy_meeting.domain.changes import Changes
from strategy_meeting.domain.roles import Permission, Role, allowed
from strategy_meeting.gui import ops
from strategy_meeting.gui.agency_kinds import agency_kind_label, agency_kind_labels
from strategy_meeting.gui.app_state import AppState
from strategy_meeting.gui.widgets.agency_certificate_box import AgencyCertificateBox
from strategy_meeting.gui.widgets.passphrase_fields import PassphraseFields
from strategy_meeting.services import agencies, identity_list, settings, users


def _table(headers: list[str], name: str) -> QTableWidget:
    table = QTableWidget(0, len(headers))
    table.setHorizontalHeaderLabels(headers)
    table.setAccessibleName(name)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.verticalHeader().setVisible(False)
    table.horizontalHeader().setStretchLastSection(True)
    return table


MAX_COLUMN_WIDTH = 320  # a long agency or user name is elided (whole in its tooltip), not
                        # allowed to push the other columns off the page


def _fill(table: QTableWidget, rows: list[list[str]]) -> None:
    table.setRowCount(len(rows))
    for r, values in enumerate(rows):
        for c, value in enumerate(values):
            item = QTableWidgetItem(value)
            item.setToolTip(value)
            table.setItem(r, c, item)
    # The last column is left to stretch: sizing it by hand on a table on show stops it
    # stretching, and the rows then end halfway across the page.
    for c in range(table.columnCount() - 1):
        table.resizeColumnToContents(c)
        table.setColumnWidth(c, min(table.columnWidth(c), MAX_COLUMN_WIDTH))


def _buddies(form: QFormLayout) -> None:
    for row in range(form.rowCount()):
        label = form.itemAt(row, QFormLayout.ItemRole.LabelRole)
        field = form.itemAt(row, QFormLayout.ItemRole.FieldRole)
        if label and field and isinstance(label.widget(), QLabel) and field.widget() is not None:
            label.widget().setBuddy(field.widget())


class SettingsPage(QWidget):
    title = ""  # marked QT_TR_NOOP in each page; shown through tab_title()
    permission: Permission = Permission.MANAGE_USERS

    def __init__(self, state: AppState) -> None:
        super().__init__()
        self.state = state

    @classmethod
    def available(cls, state: AppState) -> bool:
        return not state.is_locked and allowed(state.actor.role, cls.permission)

    def tab_title(self) -> str:
        return self.tr(self.title)

    def load(self) -> None:  # pragma: no cover - every page overrides it
        raise NotImplementedError

    def clear(self) -> None:
        pass

    def _call(self, fn: Any) -> Any:
        result = ops.run_now(self, fn, self.state.bus)
        self.load()
        return result


class AgenciesPage(SettingsPage):
    title = QT_TR_NOOP("Agencies")
    permission = Permission.MANAGE_AGENCIES

    def __init__(self, state: AppState) -> None:
        super().__init__(state)
        layout = QVBoxLayout(self)
        self.table = _table([self.tr("Code"), self.tr("Name"), self.tr("Kind"), self.tr("E-mail"),
                             self.tr("Certificate")], self.tr("Agency directory"))
        layout.addWidget(self.table, 1)
        form = QFormLayout()
        self.code = QLineEdit()
        self.code.setAccessibleName(self.tr("Agency code"))
        self.code.setPlaceholderText(self.tr("e.g. POLICE"))
        self.name = QLineEdit()
        self.name.setAccessibleName(self.tr("Agency name"))
        self.kind = QComboBox()
        self.kind.setAccessibleName(self.tr("Agency kind"))
        self.kind.addItem(self.tr("Not set"), None)
        for kind, label in agency_kind_labels().items():
            self.kind.addItem(label, kind.value)
        self.email = QLineEdit()
        self.email.setAccessibleName(self.tr("Agency e-mail address"))
        self.email.setPlaceholderText(self.tr("where its copy of the minutes is sent"))
        form.addRow(self.tr("&Code:"), self.code)
        form.addRow(self.tr("&Name:"), self.name)
        form.addRow(self.tr("&Kind:"), self.kind)
        form.addRow(self.tr("&E-mail:"), self.email)
        _buddies(form)
        layout.addLayout(form)
        self.certificate_box = AgencyCertificateBox(state, self)
        self.certificate_box.changed.connect(self._certificate_changed)
        layout.addWidget(self.certificate_box)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        self.new_button = QPushButton(self.tr("Ne&w"))
        self.save_button = QPushButton(self.tr("&Save agency"))
        self.remove_button = QPushButton(self.tr("&Remove"))
        for b, name in ((self.new_button, self.tr("New agency")), (self.save_button, self.tr("Save agency")),
                        (self.remove_button, self.tr("Remove agency"))):
            b.setAccessibleName(name)
            buttons.addWidget(b)
        layout.addLayout(buttons)
        self.table.itemSelectionChanged.connect(self._selected)
        self.new_button.clicked.connect(self._new)
        self.save_button.clicked.connect(self.save)
        self.remove_button.clicked.connect(self.remove)
        self.code.textChanged.connect(lambda _t: self._update_buttons())
        self._agencies: list[Agency] = []
        self._update_buttons()

    def _update_buttons(self) -> None:
        # Save needs a code; Remove needs an agency chosen in the list (it did nothing without).
        self.save_button.setEnabled(bool(self.code.text().strip()))
        self.remove_button.setEnabled(bool(self.table.selectionModel().selectedRows()))

    def load(self) -> None:
        self._agencies = agencies.list_agencies(self.state.ctx, self.state.actor)
        _fill(self.table, [[a.code, a.name, agency_kind_label(a.kind) if a.kind else "", a.email,
                            self.tr("Yes") if a.certificate else ""] for a in self._agencies])
        self.certificate_box.show_agency(None)
        self._update_buttons()

    def clear(self) -> None:
        self.table.setRowCount(0)
        self.certificate_box.show_agency(None)

    def _selected(self) -> None:
        rows = self.table.selectionModel().selectedRows()
        if rows:
            a = self._agencies[rows[0].row()]
            self.code.setText(a.code)
            self.name.setText(a.name)
            self.kind.setCurrentIndex(max(self.kind.findData(a.kind.value if a.kind else None), 0))
            self.email.setText(a.email)
        self.certificate_box.show_agency(self._agencies[rows[0].row()] if rows else None)
        self._update_buttons()

    def _certificate_changed(self, code: str) -> None:
        self.load()
        self.table.clearSelection()
        self.select(code)

    def select(self, code: str) -> None:
        for row, agency in enumerate(self._agencies):
            if agency.code == code:
                self.table.selectRow(row)

    def _new(self) -> None:
        self.table.clearSelection()
        for field in (self.code, self.name, self.email):
            field.clear()
        self.kind.setCurrentIndex(0)
        self.code.setFocus()

    def save(self) -> None:
        kind = self.kind.currentData()
        agency = Agency(self.code.text(), self.name.text(), AgencyKind(kind) if kind else None, self.email.text())
        self._call(lambda: agencies.save_agency(self.state.ctx, self.state.actor, agency))

    def remove(self) -> None:
        rows = self.table.selectionModel().selectedRows()
        if rows:  # the agency chosen in the list, whatever has since been typed in Code
            code = self._agencies[rows[0].row()].code
            self._call(lambda: agencies.remove_agency(self.state.ctx, self.state.actor, code))
            self._new()


class UsersPage(SettingsPage):
    title = QT_TR_NOOP("Users and roles")
    permission = Permission.MANAGE_USERS

    def __init__(self, state: AppState) -> None:
        super().__init__(state)
        layout = QVBoxLayout(self)
        self.table = _table([self.tr("User name"), self.tr("Display name"), self.tr("Role"), self.tr("Agency"),
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
        form.addRow("", self.role_note)
        _buddies(form)
        self.passphrase = PassphraseFields(self, personal_words=lambda: [self.name.text(), self.display_name.text()],
                                           form=form)
        layout.addLayout(form)
        add_row = QHBoxLayout()
        add_row.addStretch(1)
        self.add_button = QPushButton(self.tr("&Add user"))
        self.add_button.setAccessibleName(self.tr("Add user"))
        add_row.addWidget(self.add_button)
        layout.addLayout(add_row)
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
        self._fill_agencies()
        self._users = users.list_users(self.state.ctx, self.state.actor)
        _fill(self.table, [[u.name, u.display_name, u.role.label, u.agency or "",
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
        self.add_button.setEnabled(bool(self.name.text().strip()) and self.passphrase.is_acceptable
                                   and not rep)

    def toggle_selected(self) -> None:
        u = self._selected()
        if u is not None:
            self._call(lambda: users.set_active(self.state.ctx, self.state.actor, u.name, not u.active))

    def add(self) -> None:
        name, display, role = self.name.text().strip(), self.display_name.text().strip(), Role(self.role.currentData())
        agency = self.agency.currentData() if self._is_rep() else None
        secret = self.passphrase.value()
        added = self._call(lambda: users.add_user(self.state.ctx, self.state.actor, name, role, secret,
                                                  agency=agency, display_name=display))
        if added is not None:
            for field in (self.name, self.display_name):
                field.clear()
            self.passphrase.clear()


class IdentitiesPage(SettingsPage):
    """Read-only review; identities are made or imported by their owners (``identity new``,
    ``identity import``), each holding a private key only the store keeps."""

    title = QT_TR_NOOP("Signing identities")
    permission = Permission.MANAGE_USERS  # the administrators' review (chairs manage only their own)

    def __init__(self, state: AppState) -> None:
        super().__init__(state)
        layout = QVBoxLayout(self)
        self.table = _table([self.tr("User"), self.tr("Kind"), self.tr("Subject"), self.tr("Fingerprint (SHA-256)"),
                             self.tr("Created"), self.tr("In use")], self.tr("Signing identities"))
        layout.addWidget(self.table, 1)
        hint = QLabel(self.tr("Each user makes or imports their own signing identity; an older identity "
                              "stays listed so that minutes it signed can still be checked."))
        hint.setWordWrap(True)
        hint.setObjectName("hint")
        layout.addWidget(hint)

    def load(self) -> None:
        found = identity_list.list_identities(self.state.ctx, self.state.actor)
        _fill(self.table, [[i.user_name, i.kind.value.replace("_", " "), i.subject,
                            _grouped(i.fingerprint_sha256[:16]),
                            i.created_at.strftime("%d %b %Y") if i.created_at else "",
                            self.tr("Yes") if i.active else self.tr("No")] for i in found])

    def clear(self) -> None:
        self.table.setRowCount(0)


def _grouped(hex_text: str) -> str:
    return ":".join(hex_text[n:n + 2] for n in range(0, len(hex_text), 2)).upper() + ("…" if hex_text else "")


class SecurityPage(SettingsPage):
    title = QT_TR_NOOP("Security")
    permission = Permission.MANAGE_SETTINGS

    def __init__(self, state: AppState) -> None:
        super().__init__(state)
        layout = QVBoxLayout(self)
        form = QFormLayout()
        self.timeout = QSpinBox()
        self.timeout.setRange(settings.MIN_IDLE_TIMEOUT_MINUTES, settings.MAX_IDLE_TIMEOUT_MINUTES)
        self.timeout.setSuffix(self.tr(" minutes"))
        self.timeout.setMaximumWidth(160)
        self.timeout.setAccessibleName(self.tr("Lock after this many idle minutes"))
        form.addRow(self.tr("&Lock when idle for:"), self.timeout)
        _buddies(form)
        layout.addLayout(form)
        hint = QLabel(self.tr("Every window hides the record after this long without keyboard or mouse "
                              "input. Unsaved typing is kept until someone unlocks again."))
        hint.setWordWrap(True)
        hint.setObjectName("hint")
        layout.addWidget(hint)
        row = QHBoxLayout()
        row.addStretch(1)
        self.save_button = QPushButton(self.tr("&Save"))
        self.save_button.setAccessibleName(self.tr("Save the idle timeout"))
        row.addWidget(self.save_button)
        layout.addLayout(row)
        layout.addStretch(1)
        self.save_button.clicked.connect(self.save)

    def load(self) -> None:
        self.timeout.setValue(settings.idle_timeout_minutes(self.state.ctx))

    def save(self) -> None:
        minutes = self.timeout.value()
        self._call(lambda: settings.set_idle_timeout_minutes(self.state.ctx, self.state.actor, minutes))


# Pages in their own modules subclass SettingsPage, so they are imported after it.
from strategy_meeting.gui.dialogs.settings_backup_page import BackupPage  # noqa: E402
from strategy_meeting.gui.dialogs.settings_mail_page import MailServerPage  # noqa: E402

# The order of the tabs.
PAGES: list[type[SettingsPage]] = [AgenciesPage, UsersPage, IdentitiesPage, SecurityPage, MailServerPage,
                                   BackupPage]

__all__ = ["PAGES", "SettingsPage"]
