# SPDX-License-Identifier: LicenseRef-Proprietary
# Copyright (c) 2026 Strategy Meeting contributors
"""All open actions across meetings, by agency and due date, overdue ones highlighted."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QSortFilterProxyModel, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from strategy_meeting.domain.changes import Changes
from strategy_meeting.domain.roles import Permission, allowed
from strategy_meeting.gui import keyboard, ops
from strategy_meeting.gui.app_state import AppState
from strategy_meeting.gui.models.actions import SORT_ROLE, ActionColumn, ActionsModel
from strategy_meeting.services import actions as actions_service
from strategy_meeting.services.actions import TrackedAction, TrackerPage


if TYPE_CHECKING:
    from strategy_meeting.gui.dialogs.action_note_dialog import ActionNoteDialog

class _OverdueFilter(QSortFilterProxyModel):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.only_overdue = False

    def filterAcceptsRow(self, source_row: int, source_parent) -> bool:  # type: ignore[no-untyped-def]  # noqa: N802
        if not self.only_overdue:
            return True
        row = self.sourceModel().row_at(source_row)  # type: ignore[attr-defined]
        return row is not None and row.overdue


class ActionsTracker(QWidget):
    open_meeting = Signal(str)
    refreshed = Signal(int)

    def __init__(self, state: AppState, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.state = state
        self._generation = 0
        self._stale = False
        self.page: TrackerPage | None = None
        self.model = ActionsModel(self)
        self.proxy = _OverdueFilter(self)
        self.proxy.setSourceModel(self.model)
        self.proxy.setSortRole(SORT_ROLE)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 8, 6)
        bar = QHBoxLayout()
        label = self.agency_label = QLabel(self.tr("A&gency:"))
        self.agency = QComboBox()
        self.agency.setAccessibleName(self.tr("Agency filter"))
        self.agency.setMinimumWidth(160)
        label.setBuddy(self.agency)
        bar.addWidget(label)
        bar.addWidget(self.agency)
        self.only_overdue = QCheckBox(self.tr("Only &overdue"))
        self.only_overdue.setAccessibleName(self.tr("Only overdue actions"))
        bar.addWidget(self.only_overdue)
        bar.addStretch(1)
        self.count_label = QLabel()
        self.count_label.setAccessibleName(self.tr("Number of actions listed"))
        bar.addWidget(self.count_label)
        layout.addLayout(bar)

        self.table = QTableView()
        self.table.setModel(self.proxy)
        self.table.setAccessibleName(self.tr("Open actions"))
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        self.table.setWordWrap(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(ActionColumn.DESCRIPTION, QHeaderView.ResizeMode.Stretch)
        for col, width in ((ActionColumn.DUE, 130), (ActionColumn.STATE, 80), (ActionColumn.AGENCY, 100),
                           (ActionColumn.OWNER, 140), (ActionColumn.MEETING, 130)):
            header.resizeSection(col, width)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(ActionColumn.DUE, Qt.SortOrder.AscendingOrder)
        layout.addWidget(self.table, 1)

        buttons = QHBoxLayout()
        buttons.addStretch(1)
        self.done_button = QPushButton(self.tr("Mark &done…"))
        self.cancel_button = QPushButton(self.tr("&Cancel action…"))
        self.open_button = QPushButton(self.tr("Open &meeting"))
        for b, name in ((self.done_button, "Mark done"), (self.cancel_button, "Cancel action"),
                        (self.open_button, "Open meeting")):
            b.setAccessibleName(self.tr(name))
            buttons.addWidget(b)
        layout.addLayout(buttons)

        self.agency.currentIndexChanged.connect(lambda _i: self.refresh())
        self.only_overdue.toggled.connect(self._set_only_overdue)
        self.done_button.clicked.connect(lambda: self.finish_selected(cancel=False))
        self.cancel_button.clicked.connect(lambda: self.finish_selected(cancel=True))
        self.open_button.clicked.connect(self._open_selected)
        self.table.activated.connect(lambda _i: self.finish_selected(cancel=False))
        keyboard.enter_opens(self.table)  # Enter on the current row, selected or not
        self.table.selectionModel().selectionChanged.connect(lambda *_: self._update_buttons())
        state.bus.changed.connect(self._on_changes)
        for a, b in ((self.agency, self.only_overdue), (self.only_overdue, self.table),
                     (self.table, self.done_button), (self.done_button, self.cancel_button),
                     (self.cancel_button, self.open_button)):
            self.setTabOrder(a, b)
        self._update_buttons()

    def set_agencies(self, codes: list[str]) -> None:
        current = self.agency.currentData()
        self.agency.blockSignals(True)
        self.agency.clear()
        self.agency.addItem(self.tr("All agencies"), None)
        for code in codes:
            self.agency.addItem(code, code)
        found = self.agency.findData(current)
        self.agency.setCurrentIndex(max(found, 0))
        self.agency.blockSignals(False)

    def refresh(self) -> None:
        """Load now if the tracker is on screen; otherwise the next time it is shown (so
        opening the app never waits for a tracker nobody is looking at)."""
        if self.state.is_locked:
            return
        # An agency representative tracks their own agency's actions only: no choice to offer.
        all_agencies = allowed(self.state.actor.role, Permission.READ_FULL_RECORD)
        self.agency.setVisible(all_agencies)
        self.agency_label.setVisible(all_agencies)
        if not self.isVisible():
            self._stale = True
            return
        self._stale = False
        self._generation += 1
        generation = self._generation
        ctx, actor, agency = self.state.ctx, self.state.actor, self.agency.currentData()
        ops.run_op(self, lambda: actions_service.tracker(ctx, actor, agency),
                   lambda page: self._show(generation, page), on_error=self._failed)

    def showEvent(self, event) -> None:  # type: ignore[no-untyped-def]  # noqa: N802
        super().showEvent(event)
        if self._stale:
            self.refresh()

    def _failed(self, exc: BaseException) -> None:
        if not self.state.is_locked:
            ops.show_error(self, exc)

    def _show(self, generation: int, page: TrackerPage) -> None:
        if generation != self._generation or self.state.is_locked:
            return
        rows = page.rows
        self.page = page
        self.model.set_rows(rows)
        if self.agency.currentData() is None:
            known = {self.agency.itemData(i) for i in range(1, self.agency.count())}
            self.set_agencies(sorted(known | {r.action.owner_agency for r in rows}))
        self._update_count()
        self._update_buttons()
        self.refreshed.emit(len(rows))

    def _update_count(self) -> None:
        page = self.page
        if page is None:
            self.count_label.clear()
            return
        text = self.tr("{0:,} open, {1:,} overdue").format(page.open_total, page.overdue_total)
        if not page.is_complete:
            text = self.tr("Showing the {0:,} due soonest of {1}; choose an agency to narrow the list").format(
                len(page.rows), text)
        self.count_label.setText(text)

    def _set_only_overdue(self, on: bool) -> None:
        self.proxy.only_overdue = on
        self.proxy.invalidate()

    def clear(self) -> None:
        self._generation += 1
        self.page = None
        self.model.clear()
        self.count_label.clear()
        self._update_buttons()

    def _on_changes(self, changes: Changes) -> None:
        if not self.state.is_locked and (changes.actions or changes.meeting_list):
            self.refresh()  # loads at once only if on screen

    def selected(self) -> TrackedAction | None:
        rows = self.table.selectionModel().selectedRows()
        if not rows:
            return None
        return self.model.row_at(self.proxy.mapToSource(rows[0]).row())

    def _update_buttons(self) -> None:
        has = not self.state.is_locked and self.selected() is not None
        for b in (self.done_button, self.cancel_button, self.open_button):
            b.setEnabled(has)

    def _open_selected(self) -> None:
        t = self.selected()
        if t is not None:
            self.open_meeting.emit(t.reference)

    def finish_selected(self, cancel: bool = False) -> ActionNoteDialog | None:
        from strategy_meeting.gui.dialogs.action_note_dialog import ActionNoteDialog  # on first use

        t = self.selected()
        if t is None or self.state.is_locked:
            return None
        dialog = ActionNoteDialog(self.state, t, cancel=cancel, parent=self)
        dialog.accepted.connect(lambda: self._finish(t, dialog.text(), cancel))
        dialog.open()
        self.last_dialog = dialog
        return dialog

    def _finish(self, t: TrackedAction, note: str, cancel: bool) -> None:
        call = actions_service.cancel if cancel else actions_service.complete
        ops.run_now(self, lambda: call(self.state.ctx, self.state.actor, t.reference, t.action.id, note))
