# SPDX-License-Identifier: LicenseRef-Proprietary
# Copyright (c) 2026 Strategy Meeting contributors
"""Add or edit an agency taking part in this meeting (code, name, kind, e-mail)."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication

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

    def load(self, meeting: Meeting, item: Any | None) -> None:
        agency: Agency = item or Agency("", "")
        self.ui.codeEdit.setText(agency.code)
        # The code is the agency's key in this meeting: changing it would be a different agency.
        self.ui.codeEdit.setReadOnly(item is not None)
        self.ui.nameEdit.setText(agency.name)
        fill_combo(self.ui.kindCombo, [(label, kind) for kind, label in kind_choices().items()], agency.kind or "")
        self.ui.emailEdit.setText(agency.email)

    def build(self) -> Agency:
        code = self.ui.codeEdit.text().strip().upper()
        if not code:
            raise ValueError(self.tr("Give the agency a short code, e.g. POLICE."))
        kind = combo_value(self.ui.kindCombo)
        return Agency(code, self.ui.nameEdit.text().strip(), kind or None, self.ui.emailEdit.text().strip())
