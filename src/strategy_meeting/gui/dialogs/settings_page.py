# SPDX-License-Identifier: LicenseRef-Proprietary
# Copyright (c) 2026 Strategy Meeting contributors
"""What every settings page shares: the base class (which permission opens it, load and clear
on lock, a service call that reloads the page) and the table and form helpers the pages use.
Each page is its own module; the dialog lists them (settings_dialog.PAGES)."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFormLayout,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QWidget,
)

from strategy_meeting.domain.roles import Permission, allowed, needs_text
from strategy_meeting.gui import ops
from strategy_meeting.gui.app_state import AppState


def make_table(headers: list[str], name: str) -> QTableWidget:
    table = QTableWidget(0, len(headers))
    table.setHorizontalHeaderLabels(headers)
    table.setAccessibleName(name)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.verticalHeader().setVisible(False)
    table.horizontalHeader().setStretchLastSection(True)
    return table


MAX_COLUMN_WIDTH = 320  # a long agency or user name is elided (whole in its tooltip), not
                        # allowed to push the other columns off the page


def fill_table(table: QTableWidget, rows: list[list[str]]) -> None:
    table.setRowCount(len(rows))
    for r, values in enumerate(rows):
        for c, value in enumerate(values):
            item = QTableWidgetItem(value)
            item.setToolTip(value)
            table.setItem(r, c, item)
    # The last column is left to stretch: sizing it by hand on a table on show stops it
    # stretching, and the rows then end halfway across the page.
    for c in range(table.columnCount() - 1):
        table.resizeColumnToContents(c)
        table.setColumnWidth(c, min(table.columnWidth(c), MAX_COLUMN_WIDTH))


def set_buddies(form: QFormLayout) -> None:
    for row in range(form.rowCount()):
        label = form.itemAt(row, QFormLayout.ItemRole.LabelRole)
        field = form.itemAt(row, QFormLayout.ItemRole.FieldRole)
        if label and field and isinstance(label.widget(), QLabel) and field.widget() is not None:
            label.widget().setBuddy(field.widget())


class SettingsPage(QWidget):
    # What a Save (or other change) did, said in the dialog's status line (issue 19: Save
    # gave no sign that anything happened).
    feedback = Signal(str)
    title = ""  # marked QT_TR_NOOP in each page; shown through tab_title()
    permission: Permission = Permission.MANAGE_USERS

    def __init__(self, state: AppState) -> None:
        super().__init__()
        self.state = state

    @classmethod
    def available(cls, state: AppState) -> bool:
        return not state.is_locked and cls.unavailable_reason(state) is None

    @classmethod
    def unavailable_reason(cls, state: AppState) -> str | None:
        """Why this page is shown disabled (the role lacks its permission; a page may add its
        own reason, such as a local-only feature on a team server), or None."""
        if not state.is_locked and not allowed(state.actor.role, cls.permission):
            return needs_text(cls.permission)
        return None

    def tab_title(self) -> str:
        return self.tr(self.title)

    def load(self) -> None:  # pragma: no cover - every page overrides it
        raise NotImplementedError

    def clear(self) -> None:
        pass

    def _call(self, fn: Any, done: str = "") -> Any:
        """Run a service call now; reload the page; on success say ``done`` (if given)."""
        result = ops.run_now(self, fn)
        self.load()
        if result is not None and done:
            self.feedback.emit(done)
        return result
