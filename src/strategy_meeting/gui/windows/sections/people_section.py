# SPDX-License-Identifier: LicenseRef-Proprietary
# Copyright (c) 2026 Strategy Meeting contributors
"""Subject children and their household (adults and children connected to them)."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP
from PySide6.QtWidgets import QWidget

from strategy_meeting.gui.models.meeting_items import children_model, household_model
from strategy_meeting.services.meetings import ItemKind

from .list_section import ListSection


class PeopleSection(ListSection):
    key = "children"
    title = QT_TRANSLATE_NOOP("PeopleSection", "Children and household")

    def __init__(self, host: Any, parent: QWidget | None = None) -> None:
        super().__init__(host, parent)
        self.children_panel = self.add_panel(ItemKind.CHILD, self.tr("Subject children"), self.tr("child"),
                                             children_model(self))
        self.household_panel = self.add_panel(ItemKind.HOUSEHOLD, self.tr("Household members and significant adults"),
                                              self.tr("household member"), household_model(self))
