# SPDX-License-Identifier: LicenseRef-Proprietary
# Copyright (c) 2026 Strategy Meeting contributors
"""Add or edit a contribution: what an agency shared, and who may see it."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP

from strategy_meeting.domain.contribution import TOPIC_LABELS, Contribution, ReceivedVia, Topic
from strategy_meeting.domain.meeting import Meeting
from strategy_meeting.domain.sharing_terms import SharingTerms
from strategy_meeting.gui.forms.ui_contribution_dialog import Ui_ContributionDialog
from strategy_meeting.services.meetings import ItemKind

from .item_dialog import ItemDialog, combo_value, fill_agency_combo, fill_enum_combo

RECEIVED_LABELS = {
    ReceivedVia.MEETING: QT_TRANSLATE_NOOP("ContributionDialog", "In the meeting"),
    ReceivedVia.CONTRIBUTION_FORM: QT_TRANSLATE_NOOP("ContributionDialog", "Contribution form"),
    ReceivedVia.IMPORT: QT_TRANSLATE_NOOP("ContributionDialog", "Imported"),
}


class ContributionDialog(ItemDialog):
    kind = ItemKind.CONTRIBUTION
    form_class = Ui_ContributionDialog
    noun = "contribution"
    scroll_body = True

    def __init__(self, meeting: Meeting, item: Any | None, parent: Any = None, agency: str = "") -> None:
        self._preset_agency = agency
        super().__init__(meeting, item, parent)

    def load(self, meeting: Meeting, item: Any | None) -> None:
        c: Contribution = item or Contribution("", self._preset_agency, Topic.CURRENT_CONCERNS, "")
        ui = self.ui
        fill_agency_combo(ui.agencyCombo, meeting, c.agency)
        ui.authorEdit.setText(c.author)
        fill_enum_combo(ui.topicCombo, TOPIC_LABELS, c.topic)
        ui.textEdit.setPlainText(c.text)
        # Room for a paragraph; a longer text scrolls, so the sharing terms stay in view.
        lines = self.fontMetrics().lineSpacing()
        ui.textEdit.setMinimumHeight(lines * 4)
        ui.textEdit.setMaximumHeight(lines * 7)
        ui.sharingEditor.setAgencies(meeting.agencies)
        # Deny by default (issue 14): a new contribution has no audience until one is chosen.
        # The one lawful basis is in the terms (migration 0008 folded the older free text in).
        ui.sharingEditor.setTerms(c.sharing if item is not None else SharingTerms.undecided())
        fill_enum_combo(ui.receivedCombo, {k: self.tr(v) for k, v in RECEIVED_LABELS.items()}, c.received_via)
        ui.sharingEditor.setOwnerAgency(combo_value(ui.agencyCombo))
        ui.agencyCombo.currentIndexChanged.connect(
            lambda _i: ui.sharingEditor.setOwnerAgency(combo_value(ui.agencyCombo)))

    def build(self) -> Contribution:
        ui = self.ui
        terms: SharingTerms | None = ui.sharingEditor.terms()
        if terms is None or not terms.is_decided:
            raise ValueError(ui.sharingEditor.problem())
        original: Contribution | None = self.original
        return Contribution(
            id=original.id if original else "",
            agency=combo_value(ui.agencyCombo),
            topic=combo_value(ui.topicCombo),
            text=ui.textEdit.toPlainText().strip(),
            sharing=terms,
            author=ui.authorEdit.text().strip(),
            received_via=combo_value(ui.receivedCombo),
            recorded_at=original.recorded_at if original else None,
        )

