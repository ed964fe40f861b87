# SPDX-License-Identifier: LicenseRef-Proprietary
# Copyright (c) 2026 Strategy Meeting contributors
"""The addenda of signed-off minutes as a list model: one row per addendum, in number order,
showing its number, when and by whom it was added, who receives it (``seen_by``, issue 14) and
its whole text.

Like the other meeting models it holds only what the last service call returned, and is
emptied on lock.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractListModel, QCoreApplication, QModelIndex, QPersistentModelIndex, Qt

from strategy_meeting.domain.meeting import Addendum, Meeting
from strategy_meeting.domain.sharing import seen_by

from .meeting_items import ITEM_ROLE, short_date

_Index = QModelIndex | QPersistentModelIndex


def _tr(text: str) -> str:
    return QCoreApplication.translate("AddendaModel", text)


def addendum_heading(addendum: Addendum) -> str:
    return _tr("Addendum {0} \u2014 added {1} by {2}").format(
        addendum.number, short_date(addendum.created_at), addendum.created_by)


class AddendaModel(QAbstractListModel):
    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.addenda: list[Addendum] = []
        self.agency_codes: list[str] = []

    def set_meeting(self, meeting: Meeting | None) -> None:
        self.beginResetModel()
        self.addenda = sorted(meeting.addenda, key=lambda a: a.number) if meeting is not None else []
        self.agency_codes = list(meeting.agency_codes) if meeting is not None else []
        self.endResetModel()

    def clear(self) -> None:
        self.set_meeting(None)

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else len(self.addenda)

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self.addenda):
            return None
        addendum = self.addenda[index.row()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            who = seen_by(None, addendum.sharing, self.agency_codes)
            return f"{addendum_heading(addendum)}\n{who}.\n{addendum.text}"
        if role == Qt.ItemDataRole.ToolTipRole:
            return addendum_heading(addendum)
        if role == ITEM_ROLE:
            return addendum
        return None

    def flags(self, index: _Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
