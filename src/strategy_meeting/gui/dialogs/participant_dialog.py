# SPDX-License-Identifier: LicenseRef-Proprietary
# Copyright (c) 2026 Strategy Meeting contributors
"""Add or edit a participant: agency, name, role, attendance and decision authority.

The agency is chosen from the meeting's agencies or, in the same step, from the agency
directory (an agency chosen there is added to the meeting with the participant, as one undo
step). A participant always has an agency: with none to choose from, the dialog says where
agencies come from and Save is refused by the services' rule.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace
from typing import Any

from PySide6.QtWidgets import QLabel

from strategy_meeting.domain.agency import Agency
from strategy_meeting.domain.meeting import Meeting, Participant, ParticipantStatus
from strategy_meeting.gui.forms.ui_participant_dialog import Ui_ParticipantDialog
from strategy_meeting.services.meetings import ItemKind

from .item_dialog import ItemDialog, combo_value, fill_agency_combo, fill_enum_combo


class ParticipantDialog(ItemDialog):
    kind = ItemKind.PARTICIPANT
    form_class = Ui_ParticipantDialog
    noun = "participant"

    def __init__(self, meeting: Meeting, item: Any | None, parent: Any = None,
                 directory: Iterable[Agency] = ()) -> None:
        listed = {a.code for a in meeting.agencies}
        self.directory = {a.code: a for a in directory if a.code not in listed}
        super().__init__(meeting, item, parent)

    def load(self, meeting: Meeting, item: Any | None) -> None:
        person: Participant = item or Participant("", "")
        combo = self.ui.agencyCombo
        fill_agency_combo(combo, meeting, person.agency, blank=self.tr("Choose an agency…") if not person.agency else None)
        if self.directory:
            combo.insertSeparator(combo.count())
            for agency in sorted(self.directory.values(), key=lambda a: a.name.lower()):
                combo.addItem(self.tr("{0} ({1}), from the directory").format(agency.name, agency.code), agency.code)
        if not meeting.agencies and not self.directory:
            note = QLabel(self.tr("No agencies to choose from yet: add the meeting's agencies on the Agencies "
                                  "page, or ask an administrator to fill the agency directory."))
            note.setObjectName("hint")
            note.setWordWrap(True)
            note.setAccessibleName(self.tr("Where agencies come from"))
            self.ui.formLayout.insertRow(1, "", note)
        self.ui.nameEdit.setText(person.name)
        self.ui.roleEdit.setText(person.role)
        fill_enum_combo(self.ui.statusCombo, {s: s.label for s in ParticipantStatus}, person.status)
        self.ui.authorityCheck.setChecked(person.decision_authority)

    def build(self) -> Participant:
        agency = combo_value(self.ui.agencyCombo)
        if not agency:
            raise ValueError(self.tr("Choose the participant's agency."))
        return Participant(
            agency=agency,
            name=self.ui.nameEdit.text().strip(),
            status=combo_value(self.ui.statusCombo),
            role=self.ui.roleEdit.text().strip(),
            decision_authority=self.ui.authorityCheck.isChecked(),
            id=self.original.id if self.original else "",
        )

    def new_agency(self) -> Agency | None:
        """The directory's agency chosen, which the meeting does not list yet (or None)."""
        chosen = self.directory.get(combo_value(self.ui.agencyCombo) or "")
        # A meeting's own list never carries the directory's certificate (domain/agency.py).
        return replace(chosen, certificate=b"") if chosen is not None else None
