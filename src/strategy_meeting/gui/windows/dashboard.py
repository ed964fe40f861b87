# SPDX-License-Identifier: LicenseRef-Proprietary
# Copyright (c) 2026 Strategy Meeting contributors
"""The home screen's dashboard: four cards drawn from ``services.dashboard``."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from strategy_meeting.domain.changes import Changes
from strategy_meeting.domain.meeting import MeetingSummary
from strategy_meeting.gui import ops
from strategy_meeting.gui.app_state import AppState
from strategy_meeting.gui.style import apply_style
from strategy_meeting.gui.widgets.governance_line import GovernanceLine
from strategy_meeting.gui.models.meeting_list import format_held
from strategy_meeting.services import dashboard as dashboard_service
from strategy_meeting.services.dashboard import Dashboard


class _Card(QFrame):
    def __init__(self, title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("card")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.layout_ = QVBoxLayout(self)
        self.layout_.setContentsMargins(12, 10, 12, 10)
        self.title = QLabel(title)
        self.title.setObjectName("cardTitle")
        self.layout_.addWidget(self.title)
        self.figure = QLabel("–")
        self.figure.setObjectName("cardFigure")
        self.layout_.addWidget(self.figure)
        self.setAccessibleName(title)


class DashboardPanel(QWidget):
    open_meeting = Signal(str)
    show_actions = Signal()
    loaded = Signal()

    def __init__(self, state: AppState, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        apply_style(self)  # the emphasis styles for this subtree (gui/style.py)
        self.state = state
        self.data: Dashboard | None = None
        self._generation = 0
        grid = QGridLayout(self)
        grid.setContentsMargins(8, 8, 8, 4)
        grid.setHorizontalSpacing(10)

        self.week = _Card(self.tr("Meetings this week"))
        self.week_list = self._list(self.tr("Meetings this week"))
        self.week.layout_.addWidget(self.week_list, 1)

        self.waiting = _Card(self.tr("Minutes not yet distributed"))
        self.waiting_list = self._list(self.tr("Signed-off minutes not yet distributed"))
        self.waiting.layout_.addWidget(self.waiting_list, 1)

        self.overdue = _Card(self.tr("Overdue actions"))
        self.overdue_list = self._list(self.tr("Longest-overdue actions"))
        self.overdue.layout_.addWidget(self.overdue_list, 1)
        self.tracker_button = QPushButton(self.tr("Open the actions trac&ker"))
        self.tracker_button.setAccessibleName(self.tr("Open the actions tracker"))
        self.tracker_button.clicked.connect(self.show_actions)
        self.overdue.layout_.addWidget(self.tracker_button, 0, Qt.AlignmentFlag.AlignLeft)

        self.attendance = _Card(self.tr("Statutory agencies attending (last 90 days)"))
        self.attendance.figure.hide()
        self.bars: list[tuple[QLabel, QProgressBar]] = []
        self.figures: list[QLabel] = []
        rows = QGridLayout()
        rows.setVerticalSpacing(8)
        for n in range(3):
            label = QLabel()
            bar = QProgressBar()
            bar.setRange(0, 100)
            bar.setTextVisible(False)  # the figure sits beside the bar, always readable
            bar.setObjectName("attendanceBar")
            figure = QLabel()
            figure.setMinimumWidth(110)
            rows.addWidget(label, n, 0)
            rows.addWidget(bar, n, 1)
            rows.addWidget(figure, n, 2)
            self.bars.append((label, bar))
            self.figures.append(figure)
        rows.setColumnStretch(1, 1)
        self.attendance.layout_.addLayout(rows)
        self.attendance_hint = QLabel()
        self.attendance_hint.setObjectName("hint")
        self.attendance_hint.setWordWrap(True)
        self.attendance.layout_.addWidget(self.attendance_hint)
        self.attendance.layout_.addStretch(1)

        for col, card in enumerate((self.week, self.waiting, self.overdue, self.attendance)):
            grid.addWidget(card, 0, col)
            grid.setColumnStretch(col, 1)
        self.governance = GovernanceLine()  # issue 16: administrators and information governance
        grid.addWidget(self.governance, 1, 0, 1, 4)
        state.bus.changed.connect(self._on_changes)

    def _list(self, name: str) -> QListWidget:
        widget = QListWidget()
        widget.setAccessibleName(name)
        widget.setObjectName("cardList")
        widget.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        # A narrow card (a large scale on a small screen) wraps its lines rather than cutting
        # them off ("Every signed-off set has go…", issue 19).
        widget.setWordWrap(True)
        widget.setTextElideMode(Qt.TextElideMode.ElideNone)
        widget.itemActivated.connect(self._activated)
        return widget

    def _activated(self, item: QListWidgetItem) -> None:
        # A card's greyed "nothing here" line carries no reference: Enter on it opens nothing.
        reference = item.data(Qt.ItemDataRole.UserRole)
        if isinstance(reference, str) and reference:
            self.open_meeting.emit(reference)

    def refresh(self) -> None:
        if self.state.is_locked:
            return
        self._generation += 1
        generation = self._generation
        ctx, actor = self.state.ctx, self.state.actor
        ops.run_op(self, lambda: dashboard_service.dashboard(ctx, actor),
                   lambda d: self._show(generation, d), on_error=self._failed)
        self.governance.refresh(ctx, actor)

    def _failed(self, exc: BaseException) -> None:
        if not self.state.is_locked:
            ops.show_error(self, exc)

    def _on_changes(self, changes: Changes) -> None:
        if self.state.is_locked:
            return
        if changes.meeting_list or changes.actions or changes.meetings:
            self.refresh()
        elif changes.governance:  # a request opened, extended, closed or exported
            self.governance.refresh(self.state.ctx, self.state.actor)

    @staticmethod
    def _fill(widget: QListWidget, rows: list[MeetingSummary], empty: str) -> None:
        widget.clear()
        for s in rows:
            when = s.held_at.astimezone().strftime("%a %d %b %H:%M") if s.held_at else QCoreApplication.translate(
                "DashboardPanel", "date not set")
            names = f" · {s.child_names}" if s.child_names else ""
            item = QListWidgetItem(f"{s.reference} · {when}{names}")
            item.setToolTip(f"{s.reference}, {format_held(s.held_at)}{names}")
            item.setData(Qt.ItemDataRole.UserRole, s.reference)
            widget.addItem(item)
        if not rows:
            item = QListWidgetItem(empty)
            item.setFlags(Qt.ItemFlag.NoItemFlags)
            widget.addItem(item)

    def _show(self, generation: int, d: Dashboard) -> None:
        if generation != self._generation or self.state.is_locked:
            return
        self.data = d
        self.week.figure.setText(f"{d.this_week_count:,}")
        self._fill(self.week_list, d.this_week, self.tr("No meetings this week."))
        self.waiting.figure.setText(f"{d.not_distributed_count:,}")
        self._fill(self.waiting_list, d.not_distributed, self.tr("Every signed-off set has gone out."))
        self.overdue.figure.setText(f"{d.overdue_actions:,}")
        self.overdue.figure.setProperty("alert", d.overdue_actions > 0)
        self.overdue.figure.style().unpolish(self.overdue.figure)
        self.overdue.figure.style().polish(self.overdue.figure)
        self.overdue_list.clear()
        for reference, action in d.most_overdue:
            item = QListWidgetItem(f"{action.due:%d %b} · {action.owner_agency} · {reference}")
            item.setToolTip(f"{reference}: {action.description}")
            item.setData(Qt.ItemDataRole.UserRole, reference)
            self.overdue_list.addItem(item)
        if not d.most_overdue:
            item = QListWidgetItem(self.tr("Nothing is overdue."))
            item.setFlags(Qt.ItemFlag.NoItemFlags)
            self.overdue_list.addItem(item)
        for (label, bar), figure, share in zip(self.bars, self.figures, d.attendance, strict=True):
            label.setText(share.label[0].upper() + share.label[1:])
            pct = round(100 * share.share) if share.share is not None else 0
            bar.setValue(pct)
            text = (self.tr("{0}% ({1} of {2})").format(pct, share.attended, share.meetings) if share.meetings
                    else self.tr("no meetings"))
            figure.setText(text)
            bar.setAccessibleName(self.tr("{0} attendance").format(share.label))
            bar.setAccessibleDescription(text)
        held = d.attendance[0].meetings if d.attendance else 0
        self.attendance_hint.setText(
            (self.tr("1 meeting held in the last {1} days.") if held == 1
             else self.tr("{0:,} meetings held in the last {1} days.")).format(held, d.window_days))
        self.loaded.emit()

    def clear(self) -> None:
        self._generation += 1
        self.data = None
        for card in (self.week, self.waiting, self.overdue):
            card.figure.setText("–")
        self.week_list.clear()
        self.waiting_list.clear()
        self.overdue_list.clear()
        for (label, bar), figure in zip(self.bars, self.figures, strict=True):
            label.clear()
            bar.setValue(0)
            figure.clear()
        self.attendance_hint.clear()
        self.governance.clear()


