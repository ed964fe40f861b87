# SPDX-License-Identifier: LicenseRef-Proprietary
# Copyright (c) 2026 Strategy Meeting contributors
"""Table model over the tracker's rows (``services.actions.TrackedAction``)."""

from __future__ import annotations

from datetime import date
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QAbstractTableModel, QCoreApplication, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor

from strategy_meeting.services.actions import TrackedAction

_Index = QModelIndex | QPersistentModelIndex
SORT_ROLE = Qt.ItemDataRole.UserRole + 1


class ActionColumn:
    DUE, STATE, AGENCY, OWNER, DESCRIPTION, MEETING = range(6)
    TITLES = (QT_TRANSLATE_NOOP("ActionsModel", "Due"), QT_TRANSLATE_NOOP("ActionsModel", "State"),
              QT_TRANSLATE_NOOP("ActionsModel", "Agency"), QT_TRANSLATE_NOOP("ActionsModel", "Owner"),
              QT_TRANSLATE_NOOP("ActionsModel", "Action"), QT_TRANSLATE_NOOP("ActionsModel", "Meeting"))


def format_due(value: date | None) -> str:
    return value.strftime("%a %d %b %Y") if value else QCoreApplication.translate("ActionsModel", "No date")


class ActionsModel(QAbstractTableModel):
    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._rows: list[TrackedAction] = []

    def set_rows(self, rows: list[TrackedAction]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def clear(self) -> None:
        self.set_rows([])

    def row_at(self, row: int) -> TrackedAction | None:
        return self._rows[row] if 0 <= row < len(self._rows) else None

    @property
    def rows(self) -> list[TrackedAction]:
        return self._rows

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else len(ActionColumn.TITLES)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:  # noqa: N802
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return QCoreApplication.translate("ActionsModel", ActionColumn.TITLES[section])
        return None

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        t = self._rows[index.row()]
        a, col = t.action, index.column()
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return (
                format_due(a.due),
                self.tr("Overdue") if t.overdue else self.tr("Open"),
                a.owner_agency,
                a.owner_name,
                " ".join(a.description.split()),
                t.reference,
            )[col]
        if role == Qt.ItemDataRole.ToolTipRole and col == ActionColumn.DESCRIPTION:
            return a.description
        if role == SORT_ROLE:
            if col == ActionColumn.DUE:
                return a.due.isoformat() if a.due else "9999"
            if col == ActionColumn.STATE:
                return 0 if t.overdue else 1
            return self.data(index, Qt.ItemDataRole.DisplayRole)
        if t.overdue and role == Qt.ItemDataRole.BackgroundRole:
            return QBrush(QColor("#fde7e9"))
        if t.overdue and role == Qt.ItemDataRole.ForegroundRole and col in (ActionColumn.DUE, ActionColumn.STATE):
            return QBrush(QColor("#a4262c"))
        return None
