# SPDX-License-Identifier: LicenseRef-Proprietary
# Copyright (c) 2026 Strategy Meeting contributors
"""The meetings list: search as you type, filters, sortable columns, and the commands that
start from a meeting (new, open, reconvene).

Searching runs the id query in the worker (debounced, and a newer search makes an older
answer irrelevant), so typing never waits for the database. The meetings service is imported
where it is called: the list is the first screen, shown (from a start-up preview) before the
record model behind the service is loaded.
"""

from __future__ import annotations

from typing import TYPE_CHECKING


from PySide6.QtCore import QEvent, QItemSelectionModel, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from strategy_meeting.domain.changes import Changes
from strategy_meeting.domain.errors import StoreCorrupted
from strategy_meeting.domain.listing import MeetingListing, MeetingQuery, MeetingStatus, MeetingSummary
from strategy_meeting.domain.roles import Permission, allowed
from strategy_meeting.gui import keyboard, ops
from strategy_meeting.gui.app_state import AppState
from strategy_meeting.gui.models.meeting_list import Column, MeetingListModel
from strategy_meeting.gui.windows import workspace_launcher

if TYPE_CHECKING:
    from strategy_meeting.gui.dialogs.new_meeting_dialog import NewMeetingDialog

SEARCH_DELAY_MS = 250
_OPEN_STATUSES = (MeetingStatus.DRAFT, MeetingStatus.IN_PROGRESS, MeetingStatus.CONCLUDED)


class MeetingsPane(QWidget):
    refreshed = Signal(int)  # number of meetings listed, after each completed search

    def __init__(self, state: AppState, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.state = state
        self._generation = 0
        self._order_by = "held_at"
        self._descending = True
        self._last_query: MeetingQuery | None = None
        self.model = MeetingListModel(self._fetch_rows, self)
        self.model.sort_requested.connect(self._sort)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 6, 8, 6)
        bar = QHBoxLayout()
        self.search = QLineEdit()
        self.search.setPlaceholderText(self.tr("Search by reference or child's name  (Ctrl+F)"))
        self.search.setAccessibleName(self.tr("Search meetings"))
        self.search.setClearButtonEnabled(True)
        bar.addWidget(self.search, 3)
        self.status = QComboBox()
        self.status.setAccessibleName(self.tr("Status filter"))
        self.status.addItem(self.tr("Any status"), ())
        self.status.addItem(self.tr("Not yet signed off"), _OPEN_STATUSES)
        for s in MeetingStatus:
            self.status.addItem(s.label, (s,))
        bar.addWidget(self.status, 1)
        self.mine = QCheckBox(self.tr("&Mine"))
        self.mine.setToolTip(self.tr("Only meetings you created"))
        self.mine.setAccessibleName(self.tr("Only my meetings"))
        bar.addWidget(self.mine)
        self.overdue = QCheckBox(self.tr("With overdue act&ions"))
        self.overdue.setAccessibleName(self.tr("Only meetings with overdue actions"))
        bar.addWidget(self.overdue)
        layout.addLayout(bar)

        self.table = QTableView()
        # A viewport made here rather than Qt's own: asking PySide for the one Qt made
        # (``viewport()``) makes it load every widget class it knows, about 25 ms at start-up,
        # and start-up waits for this viewport's first paint. Qt gives its own viewport the
        # table background (setViewport does not): without it the list is drawn in the
        # window's grey.
        viewport = QWidget()
        viewport.setBackgroundRole(QPalette.ColorRole.Base)
        viewport.setAutoFillBackground(True)
        self.table.setViewport(viewport)
        self.table.setModel(self.model)
        self.table.setAccessibleName(self.tr("Meetings"))
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.verticalHeader().setVisible(False)
        # Fixed row heights: the view never measures rows, so 100,000 rows cost nothing.
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.table.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 10)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(False)
        header.setSectionResizeMode(Column.CHILDREN, QHeaderView.ResizeMode.Stretch)
        for col, width in ((Column.REFERENCE, 215), (Column.HELD, 170), (Column.CHAIR, 140),
                           (Column.STATUS, 100), (Column.ACTIONS, 130)):
            header.resizeSection(col, width)
        header.setSortIndicator(Column.HELD, Qt.SortOrder.DescendingOrder)
        self.table.setSortingEnabled(True)
        layout.addWidget(self.table, 1)

        buttons = QHBoxLayout()
        self.count_label = QLabel()
        self.count_label.setAccessibleName(self.tr("Number of meetings listed"))
        buttons.addWidget(self.count_label, 1)
        self.new_button = QPushButton(self.tr("&New meeting…"))
        self.open_button = QPushButton(self.tr("&Open"))
        self.reconvene_button = QPushButton(self.tr("&Duplicate as reconvened meeting…"))
        self.delete_button = QPushButton(self.tr("De&lete draft…"))
        self.delete_button.setToolTip(self.tr("Delete a draft opened by mistake (Delete)"))
        for b, name in ((self.new_button, "New meeting"), (self.open_button, "Open meeting"),
                        (self.reconvene_button, "Duplicate as reconvened meeting"),
                        (self.delete_button, "Delete the selected draft")):
            b.setAccessibleName(self.tr(name))
            buttons.addWidget(b)
        layout.addLayout(buttons)

        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(SEARCH_DELAY_MS)
        self._timer.timeout.connect(self.refresh)
        self.search.textChanged.connect(lambda _t: self._timer.start())
        self.status.currentIndexChanged.connect(lambda _i: self.refresh())
        self.mine.toggled.connect(lambda _b: self.refresh())
        self.overdue.toggled.connect(lambda _b: self.refresh())
        self.table.activated.connect(lambda _i: self.open_selected())  # Enter, or a double-click
        keyboard.enter_opens(self.table)  # also on a row made current by Tab but not selected
        # Down (or Enter) in the search box goes to the results, on the first row.
        self.search.installEventFilter(self)
        self.table.installEventFilter(self)  # Delete: delete a draft opened by mistake
        self.new_button.clicked.connect(self.new_meeting)
        self.open_button.clicked.connect(self.open_selected)
        self.reconvene_button.clicked.connect(self.reconvene_selected)
        self.delete_button.clicked.connect(self.delete_selected)
        self.table.selectionModel().selectionChanged.connect(lambda *_: self._update_buttons())
        state.bus.changed.connect(self._on_changes)
        for a, b in ((self.search, self.status), (self.status, self.mine), (self.mine, self.overdue),
                     (self.overdue, self.table), (self.table, self.new_button),
                     (self.new_button, self.open_button), (self.open_button, self.reconvene_button),
                     (self.reconvene_button, self.delete_button)):
            self.setTabOrder(a, b)
        self._update_buttons()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        if watched is self.table and event.type() == QEvent.Type.KeyPress \
                and event.key() == Qt.Key.Key_Delete:  # type: ignore[attr-defined]
            self.delete_selected()
            return True
        if watched is self.search and event.type() == QEvent.Type.KeyPress:
            key = event.key()  # type: ignore[attr-defined]
            if key in (Qt.Key.Key_Down, Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_PageDown):
                if self._timer.isActive():
                    self.refresh_now()  # the results for what was typed, not the previous search
                self.enter_results()
                return True
        return super().eventFilter(watched, event)

    def enter_results(self) -> None:
        """Focus the results with a row current and selected (the first, unless one is)."""
        if self.model.rowCount() == 0:
            return
        index = self.table.currentIndex()
        if not index.isValid():
            index = self.model.index(0, 0)
        self.table.setCurrentIndex(index)
        self.table.selectionModel().select(
            index, QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows)
        self.table.setFocus(Qt.FocusReason.TabFocusReason)

    # ---- querying -------------------------------------------------------------------

    def current_query(self) -> MeetingQuery:
        statuses = tuple(self.status.currentData() or ())
        return MeetingQuery(
            text=self.search.text().strip(),
            statuses=statuses,
            created_by=self.state.actor.name if self.mine.isChecked() else None,
            with_overdue_actions_on=self.state.ctx.today() if self.overdue.isChecked() else None,
            order_by=self._order_by,
            descending=self._descending,
        )

    def refresh(self) -> None:
        """Run the current search in the worker; only the newest answer is shown."""
        from strategy_meeting.services import meetings

        self._timer.stop()
        if self.state.is_locked:
            return
        query = self.current_query()
        self._generation += 1
        generation = self._generation
        ctx, actor = self.state.ctx, self.state.actor
        ops.run_op(self, lambda: meetings.listing(ctx, actor, query),
                   lambda found: self._show(generation, query, found), on_error=self._search_failed)

    def refresh_now(self) -> None:
        """The same search on the GUI thread (first paint after unlocking, tests)."""
        from strategy_meeting.services import meetings

        self._timer.stop()
        if self.state.is_locked:
            return
        query = self.current_query()
        self._generation += 1
        self._show(self._generation, query, meetings.listing(self.state.ctx, self.state.actor, query))

    def _show(self, generation: int, query: MeetingQuery, found: MeetingListing) -> None:
        if generation != self._generation or self.state.is_locked:
            return
        selected = self.selected_reference()
        self._last_query = query
        self.model.set_listing(found, lambda offset, limit: self._fetch_ids(query, offset, limit))
        n = found.total
        self.count_label.setText(self._count_text(n, query))
        if selected:
            self._reselect(selected)
        self._update_buttons()
        self.refreshed.emit(n)

    def _count_text(self, n: int, query: MeetingQuery) -> str:
        """How many are listed, and for an empty list what to do next."""
        if n:
            return self.tr("{0:,} meeting{1}").format(n, "" if n == 1 else "s")
        filtered = (query.text or query.statuses or query.created_by or query.chair_name
                    or query.with_overdue_actions_on or query.agency)
        if filtered:
            return self.tr("No meetings match: change the search or the filters.")
        if allowed(self.state.actor.role, Permission.CREATE_MEETING):
            return self.tr("No meetings yet: press Ctrl+N to start one.")
        return self.tr("No meetings yet.")

    def _search_failed(self, exc: BaseException) -> None:
        if not self.state.is_locked:
            ops.show_error(self, exc)

    def _fetch_ids(self, query: MeetingQuery, offset: int, limit: int) -> list[int]:
        """More of a listing the team server sent in part, as the view scrolls to it."""
        from strategy_meeting.services import meetings

        return meetings.more_ids(self.state.ctx, self.state.actor, query, offset, limit)

    def _fetch_rows(self, ids: list[int]):  # type: ignore[no-untyped-def]
        from strategy_meeting.services import meetings

        try:
            return meetings.summaries(self.state.ctx, self.state.actor, ids)
        except StoreCorrupted as exc:
            # The model shows a page it cannot read as blanks (a paint must not fail); the
            # window still has to hear that the store is damaged.
            ops.notices().store_damaged.emit(str(exc))
            raise

    def _sort(self, order_by: str, descending: bool) -> None:
        if (order_by, descending) == (self._order_by, self._descending):
            return
        self._order_by, self._descending = order_by, descending
        self.refresh()

    def show_preview(self, total: int, rows: list[MeetingSummary]) -> bool:
        """Show the first page read at start-up, before the store is fully open; only when the
        filters are still the defaults it was read with (newest first, any status)."""
        if (self.search.text().strip() or self.status.currentIndex() != 0 or self.mine.isChecked()
                or self.overdue.isChecked() or (self._order_by, self._descending) != ("held_at", True)):
            return False
        self._generation += 1
        self.model.set_preview(total, rows)
        self.count_label.setText(self.tr("{0:,} meeting{1}").format(total, "" if total == 1 else "s"))
        self._update_buttons()
        return True

    def clear(self) -> None:
        """On lock: the list forgets every id and row; filters (not record data) stay."""
        self._timer.stop()
        self._generation += 1
        self.model.clear()
        self.count_label.clear()
        self._update_buttons()

    def _on_changes(self, changes: Changes) -> None:
        if self.state.is_locked:
            return
        if changes.meeting_list:
            self.refresh()
        elif changes.meetings:
            self.model.invalidate_rows()

    # ---- selection and commands ---------------------------------------------------

    def selected_reference(self) -> str | None:
        rows = self.table.selectionModel().selectedRows()
        if not rows:
            return None
        s = self.model.summary(rows[0].row())
        return s.reference if s else None

    def _reselect(self, reference: str) -> None:
        # Only look on the first page: scanning 100,000 rows for a selection is not worth it.
        for row in range(min(self.model.rowCount(), 100)):
            s = self.model.summary(row)
            if s is not None and s.reference == reference:
                self.table.selectionModel().select(
                    self.model.index(row, 0),
                    QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows)
                return

    def _update_buttons(self) -> None:
        unlocked = not self.state.is_locked
        can_create = unlocked and allowed(self.state.actor.role, Permission.CREATE_MEETING)
        has_selection = unlocked and self.selected_reference() is not None
        self.new_button.setEnabled(can_create)
        self.open_button.setEnabled(has_selection)
        self.reconvene_button.setEnabled(can_create and has_selection)
        summary = self._selected_summary()
        # Offered for a draft; the service says why anything else cannot go.
        self.delete_button.setEnabled(can_create and summary is not None
                                      and summary.status in (MeetingStatus.DRAFT, MeetingStatus.IN_PROGRESS))

    def _selected_summary(self) -> MeetingSummary | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.summary(rows[0].row()) if rows else None

    def delete_selected(self) -> bool:
        """Ask, then delete the selected draft through the service (which refuses anything that
        is not a draft opened by mistake, and says why)."""
        from PySide6.QtWidgets import QMessageBox

        from strategy_meeting.services import meetings

        reference = self.selected_reference()
        if not reference or self.state.is_locked or not self.delete_button.isEnabled():
            return False
        answer = QMessageBox.question(
            self, self.tr("Delete draft"),
            self.tr("Delete the draft {0}? This cannot be undone; the audit log keeps that it "
                    "existed and that you deleted it.").format(reference),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel, QMessageBox.StandardButton.Cancel)
        if answer != QMessageBox.StandardButton.Yes:
            return False
        ctx, actor = self.state.ctx, self.state.actor
        if ops.run_now(self, lambda: meetings.delete_draft(ctx, actor, reference)) is None:
            return False  # refused, and said why
        workspace_launcher.close_reference(reference)
        return True

    def open_selected(self) -> None:
        reference = self.selected_reference()
        if reference and not self.state.is_locked:
            workspace_launcher.open_workspace(self.state, reference)

    def new_meeting(self) -> None:
        from strategy_meeting.services import meetings

        if self.state.is_locked or not self.new_button.isEnabled():
            return
        from strategy_meeting.gui.dialogs.new_meeting_dialog import NewMeetingDialog  # on first use

        dialog = NewMeetingDialog(self.state, meetings.next_reference(self.state.ctx), self)
        dialog.accepted.connect(lambda: self._create(dialog))
        dialog.open()
        self.last_dialog = dialog

    def _create(self, dialog: NewMeetingDialog) -> None:
        from strategy_meeting.services import meetings

        reference, held_at = dialog.values()
        created = ops.run_now(self, lambda: meetings.create(self.state.ctx, self.state.actor, reference or None,
                                                            held_at=held_at))
        if created is not None:
            workspace_launcher.open_workspace(self.state, created.reference)

    def reconvene_selected(self) -> None:
        from strategy_meeting.services import meetings

        source = self.selected_reference()
        if not source or not self.reconvene_button.isEnabled():
            return
        from strategy_meeting.gui.dialogs.new_meeting_dialog import NewMeetingDialog  # on first use

        dialog = NewMeetingDialog(self.state, meetings.next_reference(self.state.ctx), self, reconvenes=source)
        dialog.accepted.connect(lambda: self._reconvene(source, dialog))
        dialog.open()
        self.last_dialog = dialog

    def _reconvene(self, source: str, dialog: NewMeetingDialog) -> None:
        from strategy_meeting.services import meetings

        reference, held_at = dialog.values()
        created = ops.run_now(self, lambda: meetings.duplicate_as_reconvened(
            self.state.ctx, self.state.actor, source, reference or None, held_at))
        if created is not None:
            workspace_launcher.open_workspace(self.state, created.reference)

    def focus_search(self) -> None:
        self.search.setFocus()
        self.search.selectAll()

    @property
    def last_query(self) -> MeetingQuery | None:
        return self._last_query


