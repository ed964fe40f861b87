# SPDX-License-Identifier: LicenseRef-Proprietary
# Copyright (c) 2026 Strategy Meeting contributors
"""Add or edit a participant: agency, name, role, attendance and decision authority."""

from __future__ import annotations

from typing import Any

from strategy_meeting.domain.meeting import Meeting, Participant, ParticipantStatus
from strategy_meeting.gui.forms.ui_participant_dialog import Ui_ParticipantDialog
from strategy_meeting.services.meetings import ItemKind

from .item_dialog import ItemDialog, combo_value, fill_agency_combo, fill_enum_combo


class ParticipantDialog(ItemDialog):
    kind = ItemKind.PARTICIPANT
    form_class = Ui_ParticipantDialog
    noun = "participant"

    def load(self, meeting: Meeting, item: Any | None) -> None:
        person: Participant = item or Participant("", "")
        fill_agency_combo(self.ui.agencyCombo, meeting, person.agency)
        self.ui.nameEdit.setText(person.name)
        self.ui.roleEdit.setText(person.role)
        fill_enum_combo(self.ui.statusCombo, {s: s.label for s in ParticipantStatus}, person.status)
        self.ui.authorityCheck.setChecked(person.decision_authority)

    def build(self) -> Participant:
        return Participant(
            agency=combo_value(self.ui.agencyCombo),
            name=self.ui.nameEdit.text().strip(),
            status=combo_value(self.ui.statusCombo),
            role=self.ui.roleEdit.text().strip(),
            decision_authority=self.ui.authorityCheck.isChecked(),
            id=self.original.id if self.original else "",
        )
