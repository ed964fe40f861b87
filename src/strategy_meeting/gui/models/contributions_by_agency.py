# SPDX-License-Identifier: LicenseRef-Proprietary
# Copyright (c) 2026 Strategy Meeting contributors
"""Contributions grouped by the agency that gave them: a two-level model.

Top rows are the meeting's agencies (in the meeting's order, then any other code a contribution
names); their children are that agency's contributions in the meeting's order. Internal ids
say where a row lives: 0 for an agency row, ``group + 1`` for a contribution under it, so no
Python object has to be kept alive behind an index.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractItemModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QFont

from strategy_meeting.domain.contribution import Contribution
from strategy_meeting.domain.meeting import Meeting
from strategy_meeting.gui.widgets.sharing_badge import SHARING_ROLE, badge_subject, family_badge

from .meeting_items import ITEM_ROLE, contribution_columns

_Index = QModelIndex | QPersistentModelIndex
AGENCY_ROLE = Qt.ItemDataRole.UserRole + 2
TEXT_COLUMN = 3


class ContributionsByAgencyModel(QAbstractItemModel):
    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.columns = contribution_columns()
        self.meeting: Meeting | None = None
        self.groups: list[tuple[str, list[Contribution]]] = []

    def set_meeting(self, meeting: Meeting | None) -> None:
        self.beginResetModel()
        self.meeting = meeting
        self.groups = []
        if meeting is not None:
            order = list(meeting.agency_codes)
            order += [c.agency for c in meeting.contributions if c.agency not in order]
            by_code: dict[str, list[Contribution]] = {code: [] for code in order}
            for c in meeting.contributions:
                by_code[c.agency].append(c)
            self.groups = [(code, items) for code, items in by_code.items() if items]
        self.endResetModel()

    def clear(self) -> None:
        self.set_meeting(None)

    # -- structure ---------------------------------------------------------------------------------

    def index(self, row: int, column: int, parent: _Index = QModelIndex()) -> QModelIndex:  # noqa: B008
        if not self.hasIndex(row, column, parent):
            return QModelIndex()
        if not parent.isValid():
            return self.createIndex(row, column, 0)
        return self.createIndex(row, column, parent.row() + 1)

    def parent(self, index: _Index = QModelIndex()) -> QModelIndex:  # type: ignore[override]  # noqa: B008
        if not index.isValid() or index.internalId() == 0:
            return QModelIndex()
        return self.createIndex(index.internalId() - 1, 0, 0)

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: N802, B008
        if not parent.isValid():
            return len(self.groups)
        if parent.internalId() == 0 and parent.column() == 0:
            return len(self.groups[parent.row()][1])
        return 0

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: N802, B008
        return len(self.columns)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:  # noqa: N802
        if orientation is Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.columns[section].title  # translated where the columns are made
        return None

    def contribution(self, index: _Index) -> Contribution | None:
        if not index.isValid() or index.internalId() == 0:
            return None
        return self.groups[index.internalId() - 1][1][index.row()]

    def index_of(self, item_id: str) -> QModelIndex:
        for g, (_code, items) in enumerate(self.groups):
            for r, c in enumerate(items):
                if c.id == item_id:
                    return self.index(r, 0, self.index(g, 0))
        return QModelIndex()

    # -- data --------------------------------------------------------------------------------------

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or self.meeting is None:
            return None
        if index.internalId() == 0:
            code, items = self.groups[index.row()]
            if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole) and index.column() == 0:
                count = (self.tr("1 contribution") if len(items) == 1
                         else self.tr("{0} contributions").format(len(items)))
                return self.tr("{0} ({1}): {2}").format(self.meeting.agency_name(code), code, count)
            if role == Qt.ItemDataRole.FontRole:
                font = QFont()
                font.setBold(True)
                return font
            if role == AGENCY_ROLE:
                return code
            return None
        item = self.groups[index.internalId() - 1][1][index.row()]
        column = self.columns[index.column()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return column.text(item, self.meeting)
        if role == Qt.ItemDataRole.ToolTipRole:
            if column.sharing:
                subject = badge_subject(item, self.meeting)
                return f"{subject.seen_by}. {family_badge(subject.terms, subject.owner).explanation}"
            return item.text if index.column() == TEXT_COLUMN else column.text(item, self.meeting)
        if role == SHARING_ROLE and column.sharing:
            return badge_subject(item, self.meeting)
        if role == ITEM_ROLE:
            return item
        if role == AGENCY_ROLE:
            return item.agency
        return None
