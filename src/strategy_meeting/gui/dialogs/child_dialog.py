# SPDX-License-Identifier: LicenseRef-Proprietary
# Copyright (c) 2026 Strategy Meeting contributors
"""Add or edit a subject child."""

from __future__ import annotations

from typing import Any

from strategy_meeting.domain.meeting import Meeting, SubjectChild
from strategy_meeting.gui.forms.ui_child_dialog import Ui_ChildDialog
from strategy_meeting.services.meetings import ItemKind

from .item_dialog import ItemDialog, text_of


class ChildDialog(ItemDialog):
    kind = ItemKind.CHILD
    form_class = Ui_ChildDialog
    noun = "subject child"

    def load(self, meeting: Meeting, item: Any | None) -> None:
        child: SubjectChild = item or SubjectChild("", "")
        ui = self.ui
        ui.dobEdit.set_field("child.date_of_birth")
        ui.expectedEdit.set_field("child.expected_date_of_birth")
        ui.nameEdit.setText(child.name)
        ui.dobEdit.setValue(child.date_of_birth)
        ui.expectedEdit.setValue(child.expected_date_of_birth)
        ui.genderEdit.setText(child.gender)
        ui.ethnicityEdit.setText(child.ethnicity)
        ui.nhsEdit.setText(child.nhs_number)
        ui.addressEdit.setPlainText(child.address)
        ui.schoolEdit.setText(child.school)
        ui.communicationEdit.setText(child.communication_needs)
        ui.disabilityEdit.setText(child.disability)
        ui.interpreterEdit.setText(child.interpreter)
        ui.viewsReasonEdit.setText(child.views_not_recorded_reason)

    def build(self) -> SubjectChild:
        ui = self.ui
        return SubjectChild(
            id=self.original.id if self.original else "",
            name=ui.nameEdit.text().strip(),
            date_of_birth=ui.dobEdit.value(),
            expected_date_of_birth=ui.expectedEdit.value(),
            gender=ui.genderEdit.text().strip(),
            ethnicity=ui.ethnicityEdit.text().strip(),
            nhs_number=ui.nhsEdit.text().strip(),
            address=text_of(ui.addressEdit),
            school=ui.schoolEdit.text().strip(),
            communication_needs=ui.communicationEdit.text().strip(),
            disability=ui.disabilityEdit.text().strip(),
            interpreter=ui.interpreterEdit.text().strip(),
            views_not_recorded_reason=ui.viewsReasonEdit.text().strip(),
        )
