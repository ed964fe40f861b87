# SPDX-License-Identifier: LicenseRef-Proprietary
# Copyright (c) 2026 Strategy Meeting contributors
"""Add or edit an action: what, owner agency and name, due date (with a calendar), status,
completion note and who may see it."""

from __future__ import annotations

from typing import Any

from strategy_meeting.domain.action import Action, ActionStatus
from strategy_meeting.domain.meeting import Meeting
from strategy_meeting.domain.sharing_terms import SharingTerms
from strategy_meeting.gui.forms.ui_action_dialog import Ui_ActionDialog
from strategy_meeting.services.meetings import ItemKind

from .item_dialog import ItemDialog, combo_value, fill_agency_combo, fill_enum_combo, text_of

STATUS_LABELS = {ActionStatus.OPEN: "Open", ActionStatus.DONE: "Done", ActionStatus.CANCELLED: "Cancelled"}


class ActionDialog(ItemDialog):
    kind = ItemKind.ACTION
    form_class = Ui_ActionDialog
    noun = "action"
    scroll_body = True

    def load(self, meeting: Meeting, item: Any | None) -> None:
        a: Action = item or Action("", "", "", None)
        ui = self.ui
        self._meeting_people = [(p.agency, p.name) for p in meeting.participants]
        ui.ownerCombo.lineEdit().setAccessibleName(ui.ownerCombo.accessibleName())
        ui.descriptionEdit.setPlainText(a.description)
        fill_agency_combo(ui.agencyCombo, meeting, a.owner_agency)
        self._fill_owners(a.owner_name)
        ui.dueEdit.set_field("action.due")
        ui.dueEdit.setValue(a.due)
        fill_enum_combo(ui.statusCombo, STATUS_LABELS, a.status)
        ui.noteEdit.setPlainText(a.completion_note)
        ui.sharingEditor.setAgencies(meeting.agencies)
        # Deny by default (issue 14): a new action has no audience until one is chosen.
        ui.sharingEditor.setTerms(a.sharing if item is not None else SharingTerms.undecided())
        ui.sharingEditor.setOwnerAgency(combo_value(ui.agencyCombo))
        ui.agencyCombo.currentIndexChanged.connect(self._agency_changed)

    def _fill_owners(self, current: str) -> None:
        """Suggest the people who attended for the owner agency; any other name may be typed."""
        combo = self.ui.ownerCombo
        agency = combo_value(self.ui.agencyCombo)
        combo.clear()
        combo.addItems([name for code, name in self._meeting_people if code == agency])
        combo.setEditText(current)

    def _agency_changed(self) -> None:
        self.ui.sharingEditor.setOwnerAgency(combo_value(self.ui.agencyCombo))
        self._fill_owners(self.ui.ownerCombo.currentText())

    def build(self) -> Action:
        ui = self.ui
        terms = ui.sharingEditor.terms()
        if terms is None or not terms.is_decided:
            raise ValueError(ui.sharingEditor.problem())
        return Action(
            id=self.original.id if self.original else "",
            description=text_of(ui.descriptionEdit),
            owner_agency=combo_value(ui.agencyCombo),
            due=ui.dueEdit.value(),
            sharing=terms,
            owner_name=ui.ownerCombo.currentText().strip(),
            status=combo_value(ui.statusCombo),
            completion_note=text_of(ui.noteEdit),
        )
