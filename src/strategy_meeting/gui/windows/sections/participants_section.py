# SPDX-License-Identifier: LicenseRef-Proprietary
# Copyright (c) 2026 Strategy Meeting contributors
"""The agencies taking part and the people at the meeting, with missing statutory agencies
flagged (by the domain's check)."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP
from PySide6.QtWidgets import QLabel, QWidget

from strategy_meeting.domain.agency import STATUTORY_KIND_LABELS
from strategy_meeting.domain.meeting import Meeting
from strategy_meeting.domain.signoff_checks import missing_statutory_kinds
from strategy_meeting.gui.models.meeting_items import agencies_model, participants_model
from strategy_meeting.services.meetings import ItemKind

from .list_section import ListSection


class ParticipantsSection(ListSection):
    key = "participants"
    title = QT_TRANSLATE_NOOP("ParticipantsSection", "Participants and attendance")

    def __init__(self, host: Any, parent: QWidget | None = None) -> None:
        super().__init__(host, parent)
        self.missing_label = QLabel(self)
        self.missing_label.setWordWrap(True)
        self.missing_label.setAccessibleName(self.tr("Missing statutory agencies"))
        self.layout().insertWidget(0, self.missing_label)
        self.participants_panel = self.add_panel(ItemKind.PARTICIPANT, self.tr("Participants"), self.tr("participant"),
                                                 participants_model(self))
        self.agencies_panel = self.add_panel(ItemKind.AGENCY, self.tr("Agencies taking part"), self.tr("agency"),
                                             agencies_model(self))
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 2)

    def show_meeting(self, meeting: Meeting) -> None:
        super().show_meeting(meeting)
        missing = missing_statutory_kinds(meeting)
        if missing:
            names = ", ".join(STATUTORY_KIND_LABELS[k] for k in missing)
            self.missing_label.setText(self.tr("\u26a0 Not yet attended by a statutory agency: {0}.").format(names))
            self.missing_label.setStyleSheet("color: #8a4b00; font-weight: 600;")
        else:
            self.missing_label.setText(self.tr("\u2714 Children's social care, police and health all attended."))
            self.missing_label.setStyleSheet("color: #2e7d32;")

    def clear(self) -> None:
        super().clear()
        self.missing_label.clear()
