# SPDX-License-Identifier: LicenseRef-Proprietary
# Copyright (c) 2026 Strategy Meeting contributors
"""Contributions grouped by agency, each with its audience as a badge, and the selected one
in full below."""

from __future__ import annotations

import html
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP
from PySide6.QtWidgets import QLabel, QPlainTextEdit, QVBoxLayout, QWidget

from strategy_meeting.domain.contribution import TOPIC_LABELS, Contribution
from strategy_meeting.domain.meeting import Meeting
from strategy_meeting.gui.models.contributions_by_agency import AGENCY_ROLE, ContributionsByAgencyModel
from strategy_meeting.gui.models.meeting_items import short_date
from strategy_meeting.gui.widgets.sharing_badge import SharingBadges
from strategy_meeting.services.meetings import ItemKind

from .list_section import ListSection


class ContributionsSection(ListSection):
    key = "contributions"
    title = QT_TRANSLATE_NOOP("ContributionsSection", "Contributions")

    def __init__(self, host: Any, parent: QWidget | None = None) -> None:
        super().__init__(host, parent)
        self.model = ContributionsByAgencyModel(self)
        self.panel = self.add_panel(ItemKind.CONTRIBUTION, self.tr("Contributions by agency"), self.tr("contribution"),
                                    self.model, tree=True)
        # "Add" under an agency's heading presets that agency.
        self.panel.addRequested.disconnect()
        self.panel.addRequested.connect(self.add_for_current_agency)

        detail = QWidget(self)
        self.detail_heading = QLabel(detail)
        self.detail_heading.setAccessibleName(self.tr("Selected contribution"))
        self.detail_badges = SharingBadges(detail)
        self.detail_text = QPlainTextEdit(detail)
        self.detail_text.setReadOnly(True)
        self.detail_text.setAccessibleName(self.tr("Selected contribution in full"))
        self.detail_text.setTabChangesFocus(True)
        layout = QVBoxLayout(detail)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.detail_heading)
        layout.addWidget(self.detail_badges)
        layout.addWidget(self.detail_text, 1)
        self.splitter.addWidget(detail)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 1)
        self.panel.currentChanged.connect(self._show_detail)
        self._show_detail(None)

    def add_for_current_agency(self) -> None:
        index = self.panel.view.currentIndex()
        agency = index.siblingAtColumn(0).data(AGENCY_ROLE) if index.isValid() else ""
        self.host.edit_item(ItemKind.CONTRIBUTION, None, agency=agency or "")

    def _show_detail(self, item: Contribution | None) -> None:
        meeting = self.host.meeting
        if item is None or meeting is None:
            self.detail_heading.setText(self.tr("Select a contribution to read it in full."))
            self.detail_badges.hide()
            self.detail_text.clear()
            return
        who = self.tr(" by {0}").format(html.escape(item.author)) if item.author else ""
        self.detail_heading.setText(self.tr("<b>{0}</b> from {1}{2} \u00b7 recorded {3} \u00b7 id {4}").format(
            TOPIC_LABELS[item.topic], html.escape(meeting.agency_name(item.agency)), who,
            short_date(item.recorded_at) or self.tr("just now"), html.escape(item.id)))
        self.detail_badges.show_terms(item.sharing, item.agency, meeting.agency_codes)
        self.detail_badges.show()
        self.detail_text.setPlainText(item.text)

    def show_meeting(self, meeting: Meeting) -> None:
        super().show_meeting(meeting)
        self._show_detail(self.panel.current_item())

    def clear(self) -> None:
        super().clear()
        self._show_detail(None)
