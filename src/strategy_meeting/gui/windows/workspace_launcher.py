# SPDX-License-Identifier: LicenseRef-Proprietary
# Copyright (c) 2026 Strategy Meeting contributors
"""The one place that opens a meeting's window: one window per meeting, raised if open.

Until ``meeting_workspace.MeetingWorkspace`` is part of the app, a small stand-in window
shows the meeting's summary so the rest of the shell can be used and tested.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFormLayout, QLabel, QMainWindow, QPlainTextEdit, QVBoxLayout, QWidget

from strategy_meeting.domain.listing import MeetingStatus
from strategy_meeting.gui.app_state import AppState
from strategy_meeting.gui.widgets.locked_placeholder import LockableStack

_open: dict[str, QMainWindow] = {}


def _workspace_class() -> type[QMainWindow]:
    try:
        from strategy_meeting.gui.windows.meeting_workspace import MeetingWorkspace
    except ImportError:
        return StandInWorkspace
    return MeetingWorkspace  # type: ignore[no-any-return]


def open_workspace(state: AppState, reference: str) -> QMainWindow:
    window = _open.get(reference)
    if window is not None:
        try:
            window.show()
            window.raise_()
            window.activateWindow()
            return window
        except RuntimeError:  # its C++ side was deleted
            _open.pop(reference, None)
    window = _workspace_class()(state, reference)
    window.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, True)
    window.destroyed.connect(lambda *_: _open.pop(reference, None))
    _open[reference] = window
    window.show()
    return window


def open_windows() -> list[QMainWindow]:
    return list(_open.values())


def close_reference(reference: str) -> None:
    """Close the window of one meeting, if open (the meeting was deleted)."""
    window = _open.pop(reference, None)
    if window is not None:
        try:
            window.close()
        except RuntimeError:
            pass


def close_all() -> None:
    """Close every meeting window (used when a different user unlocks: what the last user
    had open, and may not be theirs to see, must not reappear)."""
    for window in list(_open.values()):
        try:
            window.close()
        except RuntimeError:
            pass
    _open.clear()


class StandInWorkspace(QMainWindow):
    """Shows the meeting's outline and a notes field; hides both while locked."""

    def __init__(self, state: AppState, reference: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.state = state
        self.reference = reference
        self.setWindowTitle(self.tr("{0} – Strategy Meeting").format(reference))
        self.resize(760, 520)
        content = QWidget()
        layout = QVBoxLayout(content)
        form = QFormLayout()
        self.summary_labels: dict[str, QLabel] = {}
        for key, title in (("reference", self.tr("Reference")), ("status", self.tr("Status")),
                           ("children", self.tr("Subject children")), ("agencies", self.tr("Agencies")),
                           ("actions", self.tr("Actions"))):
            label = QLabel()
            label.setAccessibleName(title)
            label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            self.summary_labels[key] = label
            form.addRow(self.tr("{0}:").format(title), label)
        layout.addLayout(form)
        layout.addWidget(QLabel(self.tr("Working notes (not saved):")))
        self.notes = QPlainTextEdit()
        self.notes.setAccessibleName(self.tr("Working notes"))
        layout.addWidget(self.notes, 1)
        self.stack = LockableStack(state, content)
        self.setCentralWidget(self.stack)
        state.unlocked.connect(self.reload)
        state.locked.connect(self._clear)
        self.reload()

    def reload(self) -> None:
        if self.state.is_locked:
            return
        from strategy_meeting.services import meetings  # with the first workspace, not the window

        m = meetings.get(self.state.ctx, self.state.actor, self.reference)
        values = {
            "reference": m.reference,
            "status": MeetingStatus(m.status).label,
            "children": ", ".join(c.name for c in m.children) or self.tr("None yet"),
            "agencies": ", ".join(m.agency_codes) or self.tr("None yet"),
            "actions": str(len(m.actions)),
        }
        for key, text in values.items():
            self.summary_labels[key].setText(text)

    def _clear(self) -> None:
        for label in self.summary_labels.values():
            label.clear()
