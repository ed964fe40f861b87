# SPDX-License-Identifier: LicenseRef-Proprietary
# Copyright (c) 2026 Strategy Meeting contributors
"""The agency directory page: the agencies meetings invite, their e-mail and certificate."""

from __future__ import annotations

from PySide6.QtCore import QT_TR_NOOP
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
)

from strategy_meeting.domain.agency import Agency, AgencyKind
from strategy_meeting.domain.roles import Permission
from strategy_meeting.gui.agency_kinds import agency_kind_label, agency_kind_labels
from strategy_meeting.gui.app_state import AppState
from strategy_meeting.gui.dialogs.settings_page import (
    SettingsPage,
    fill_table,
    make_table,
    set_buddies,
)
from strategy_meeting.gui.widgets.agency_certificate_box import AgencyCertificateBox
from strategy_meeting.services import agencies


class AgenciesPage(SettingsPage):
    title = QT_TR_NOOP("Agencies")
    permission = Permission.MANAGE_AGENCIES

    def __init__(self, state: AppState) -> None:
        super().__init__(state)
        layout = QVBoxLayout(self)
        self.table = make_table([self.tr("Code"), self.tr("Name"), self.tr("Kind"), self.tr("E-mail"),
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
        set_buddies(form)
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
        fill_table(self.table, [[a.code, a.name, agency_kind_label(a.kind) if a.kind else "", a.email,
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
        self._call(lambda: agencies.save_agency(self.state.ctx, self.state.actor, agency),
                   self.tr("The agency {0} was saved.").format(agency.code.strip().upper()))

    def remove(self) -> None:
        rows = self.table.selectionModel().selectedRows()
        if rows:  # the agency chosen in the list, whatever has since been typed in Code
            code = self._agencies[rows[0].row()].code
            self._call(lambda: agencies.remove_agency(self.state.ctx, self.state.actor, code),
                       self.tr("The agency {0} was removed from the directory.").format(code))
            self._new()
