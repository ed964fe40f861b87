# SPDX-License-Identifier: LicenseRef-Proprietary
# Copyright (c) 2026 Strategy Meeting contributors
"""Actions: who does what by when, with status and audience. Overdue dates show in red."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP
from PySide6.QtWidgets import QWidget

from strategy_meeting.gui.models.meeting_items import actions_model
from strategy_meeting.services.meetings import ItemKind

from .list_section import ListSection


class ActionsSection(ListSection):
    key = "actions"
    title = QT_TRANSLATE_NOOP("ActionsSection", "Actions")

    def __init__(self, host: Any, parent: QWidget | None = None) -> None:
        super().__init__(host, parent)
        self.panel = self.add_panel(ItemKind.ACTION, self.tr("Actions"), self.tr("action"), actions_model(host.today, self))
