# SPDX-License-Identifier: LicenseRef-Proprietary
# Copyright (c) 2026 Strategy Meeting contributors
"""Add or edit an agency taking part in this meeting (code, name, kind, e-mail)."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QComboBox, QLabel

from strategy_meeting.domain.agency import Agency, AgencyKind
from strategy_meeting.domain.meeting import Meeting
from strategy_meeting.gui.agency_kinds import agency_kind_labels
from strategy_meeting.gui.forms.ui_agency_dialog import Ui_AgencyDialog
from strategy_meeting.services.meetings import ItemKind

from .item_dialog import ItemDialog, combo_value, fill_combo


def kind_choices() -> dict[AgencyKind | str, str]:
    # "" stands for "not stated": the domain then infers the kind from the usual codes.
    not_stated = QCoreApplication.translate("AgencyDialog", "Not stated (inferred from the code)")
    return {"": not_stated} | dict(agency_kind_labels())


class AgencyDialog(ItemDialog):
    kind = ItemKind.AGENCY
    form_class = Ui_AgencyDialog
    noun = "agency"

    def __init__(self, meeting: Meeting, item: Any | None, parent: Any = None,
                 directory: Iterable[Agency] = ()) -> None:
        listed = {a.code for a in meeting.agencies}
        self.directory = [a for a in directory if a.code not in listed]
        super().__init__(meeting, item, parent)

    def load(self, meeting: Meeting, item: Any | None) -> None:
        agency: Agency = item or Agency("", "")
        self.directory_combo: QComboBox | None = None
        if item is None and self.directory:
            # The directory first: one choice fills the code, name, kind and address.
            combo = QComboBox(self)
            combo.setAccessibleName(self.tr("Agency from the directory"))
            combo.addItem(self.tr("A new agency (type it below)"), "")
            for a in sorted(self.directory, key=lambda a: a.name.lower()):
                combo.addItem(f"{a.name} ({a.code})", a.code)
            label = QLabel(self.tr("From the director&y:"), self)
            label.setBuddy(combo)
            self.ui.formLayout.insertRow(0, label, combo)
            combo.currentIndexChanged.connect(self._from_directory)
            self.directory_combo = combo
            self.setTabOrder(combo, self.ui.codeEdit)
        self.ui.codeEdit.setText(agency.code)
        # The code is the agency's key in this meeting: changing it would be a different agency.
        self.ui.codeEdit.setReadOnly(item is not None)
        self.ui.nameEdit.setText(agency.name)
        fill_combo(self.ui.kindCombo, [(label, kind) for kind, label in kind_choices().items()], agency.kind or "")
        self.ui.emailEdit.setText(agency.email)

    def _from_directory(self, _index: int) -> None:
        assert self.directory_combo is not None
        code = self.directory_combo.currentData()
        chosen = next((a for a in self.directory if a.code == code), None)
        if chosen is None:
            return
        self.ui.codeEdit.setText(chosen.code)
        self.ui.nameEdit.setText(chosen.name)
        index = self.ui.kindCombo.findData(chosen.kind or "")
        self.ui.kindCombo.setCurrentIndex(max(index, 0))
        self.ui.emailEdit.setText(chosen.email)

    def build(self) -> Agency:
        code = self.ui.codeEdit.text().strip().upper()
        if not code:
            raise ValueError(self.tr("Give the agency a short code, e.g. POLICE."))
        kind = combo_value(self.ui.kindCombo)
        return Agency(code, self.ui.nameEdit.text().strip(), kind or None, self.ui.emailEdit.text().strip())
