# SPDX-License-Identifier: LicenseRef-Proprietary
# Copyright (c) 2026 Strategy Meeting contributors
"""The sharing log of a meeting (issue 14), sortable, with a plain line when nothing is logged.

``load(ctx, actor, meeting)`` asks ``services.sharing_log.entries``; ``show_entries`` takes a
list of ``SharingLogEntry`` directly (the tests feed it so).
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QSortFilterProxyModel, Qt
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QLabel, QTableView, QVBoxLayout, QWidget

from strategy_meeting.domain.errors import PermissionDenied
from strategy_meeting.domain.meeting import Meeting
from strategy_meeting.domain.sharing_log import SharingLogEntry
from strategy_meeting.gui.models.sharing_log import SORT_ROLE, SharingLogModel

from strategy_meeting.services import sharing_log as sharing_log_service

EMPTY_TEXT = "No sharing decisions recorded yet"


class SharingLogView(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = SharingLogModel(self)
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(self.model)
        self.proxy.setSortRole(SORT_ROLE)
        self.table = QTableView(self)
        self.table.setModel(self.proxy)
        self.table.setAccessibleName(self.tr("Sharing log: every choice to share or withhold an item"))
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(0, Qt.SortOrder.AscendingOrder)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setWordWrap(True)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setStretchLastSection(False)
        self.empty_label = QLabel(self.tr(EMPTY_TEXT), self)
        self.empty_label.setObjectName("sharingLogEmpty")
        self.empty_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty_label.setAccessibleName(self.tr("Sharing log"))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.empty_label, 1)
        self.show_entries([], None)

    def show_entries(self, entries: list[SharingLogEntry], meeting: Meeting | None) -> None:
        self.model.set_entries(entries, meeting)
        empty = not entries
        self.table.setVisible(not empty)
        self.empty_label.setVisible(empty)
        header = self.table.horizontalHeader()
        # The short columns fit their words; the terms and the reason share what is left and
        # wrap, so nothing runs off the right-hand side.
        for column in range(self.model.columnCount()):
            mode = (QHeaderView.ResizeMode.Stretch if column in (4, 6)
                    else QHeaderView.ResizeMode.ResizeToContents)
            header.setSectionResizeMode(column, mode)
        if not empty:
            self.table.resizeRowsToContents()

    def load(self, ctx: Any, actor: Any, meeting: Meeting) -> None:
        """Read the meeting's log from the service, as the signed-in user may."""
        try:
            entries = list(sharing_log_service.entries(ctx, meeting.reference, actor=actor))
        except PermissionDenied:
            entries = []  # a role that may not read the full record: the log shows as empty
        self.show_entries(entries, meeting)

    def clear(self) -> None:
        self.show_entries([], None)
