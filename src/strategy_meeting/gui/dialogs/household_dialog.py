# SPDX-License-Identifier: LicenseRef-Proprietary
# Copyright (c) 2026 Strategy Meeting contributors
"""Add or edit a household member or significant adult."""

from __future__ import annotations

from typing import Any

from strategy_meeting.domain.meeting import HouseholdMember, Meeting
from strategy_meeting.gui.forms.ui_household_dialog import Ui_HouseholdDialog
from strategy_meeting.services.meetings import ItemKind

from .item_dialog import ItemDialog, text_of


class HouseholdDialog(ItemDialog):
    kind = ItemKind.HOUSEHOLD
    form_class = Ui_HouseholdDialog
    noun = "household member"

    def load(self, meeting: Meeting, item: Any | None) -> None:
        member: HouseholdMember = item or HouseholdMember("", "", "")
        self.ui.nameEdit.setText(member.name)
        self.ui.relationshipEdit.setText(member.relationship)
        self.ui.responsibilityCheck.setChecked(member.parental_responsibility)
        self.ui.addressEdit.setPlainText(member.address)
        self.ui.notesEdit.setPlainText(member.notes)
        self.ui.isChildCheck.setChecked(member.is_child)
        self.ui.considerationEdit.setPlainText(member.consideration)

    def build(self) -> HouseholdMember:
        return HouseholdMember(
            id=self.original.id if self.original else "",
            name=self.ui.nameEdit.text().strip(),
            relationship=self.ui.relationshipEdit.text().strip(),
            parental_responsibility=self.ui.responsibilityCheck.isChecked(),
            address=text_of(self.ui.addressEdit),
            notes=text_of(self.ui.notesEdit),
            is_child=self.ui.isChildCheck.isChecked(),
            consideration=text_of(self.ui.considerationEdit),
        )
