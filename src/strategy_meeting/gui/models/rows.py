# SPDX-License-Identifier: LicenseRef-Proprietary
# Copyright (c) 2026 Strategy Meeting contributors
"""A read-only table model over a list of service results: one row per object, the columns
given as (header, cell function). The records-governance lists use it; each cell is shown
whole in its tooltip, so an elided cell can still be read."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any, Generic, TypeVar

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView

T = TypeVar("T")
Index = QModelIndex | QPersistentModelIndex


class RowsModel(QAbstractTableModel, Generic[T]):
    def __init__(self, columns: Sequence[tuple[str, Callable[[T], str]]], parent: Any = None) -> None:
        super().__init__(parent)
        self._columns = list(columns)
        self._rows: list[T] = []

    def set_rows(self, rows: Sequence[T]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def clear(self) -> None:
        self.set_rows([])

    @property
    def rows(self) -> list[T]:
        return list(self._rows)

    def row_at(self, row: int) -> T | None:
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(self._columns)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or role not in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return None
        return self._columns[index.column()][1](self._rows[index.row()])

    def headerData(self, section: int, orientation: Qt.Orientation,  # noqa: N802
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self._columns[section][0]
        return None


def make_view(model: RowsModel[Any], name: str, *, select_first: bool = True) -> QTableView:
    """A list of whole rows, one chosen at a time, read only, the last column stretched; the
    first row chosen after each load unless ``select_first`` is off (the caller chooses)."""
    view = QTableView()
    view.setModel(model)
    view.setAccessibleName(name)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.setTabKeyNavigation(False)  # Tab leaves the list for the buttons, as in a form
    view.setWordWrap(False)
    view.verticalHeader().setVisible(False)
    header = view.horizontalHeader()
    header.setStretchLastSection(True)
    header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    model.modelReset.connect(lambda: _fit(view, select_first))
    return view


MAX_COLUMN_WIDTH = 280


def _fit(view: QTableView, select_first: bool) -> None:
    model = view.model()
    for column in range(model.columnCount() - 1):
        view.resizeColumnToContents(column)
        view.setColumnWidth(column, min(view.columnWidth(column), MAX_COLUMN_WIDTH))
    # The first row chosen, so the buttons beside the list are on for a keyboard user at once
    # (focus alone makes a row current without choosing it, and Down would then skip it).
    if select_first and model.rowCount() > 0:
        view.selectRow(0)


def selected(view: QTableView) -> Any:
    """The object of the chosen row, or None."""
    model = view.model()
    rows = view.selectionModel().selectedRows()
    if not rows or not isinstance(model, RowsModel):
        return None
    return model.row_at(rows[0].row())
