# SPDX-License-Identifier: LicenseRef-Proprietary
# Copyright (c) 2026 Strategy Meeting contributors
"""Run a step once a widget has painted: start-up's background work waits for the screen.

A worker thread importing or opening the store holds Python's interpreter lock most of the
time, so starting it before the first paint slows that paint by about as much as the work
itself. Start-up therefore queues each background step after the screen it follows has been
drawn, with a fallback for a widget that never paints (hidden, or minimised at start). The
one step begun earlier on purpose is a remembered store's first page (services/quick_start.py
``EarlyStart``): it is what that screen shows, and its reading runs in SQLite with the lock
released.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QWidget

FALLBACK_MS = 1000


class _AfterPaint(QObject):
    def __init__(self, widget: QWidget, step: Callable[[], None], fallback_ms: int) -> None:
        super().__init__(widget)
        self._widget = widget
        self._step: Callable[[], None] | None = step
        widget.installEventFilter(self)
        QTimer.singleShot(fallback_ms, self, self._run)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt's name
        if event.type() == QEvent.Type.Paint and self._step is not None:
            QTimer.singleShot(0, self, self._run)  # after this paint has finished
        return False

    def _run(self) -> None:
        step, self._step = self._step, None
        if step is None:
            return
        self._widget.removeEventFilter(self)
        self.deleteLater()
        step()


def call_after_paint(widget: QWidget, step: Callable[[], None], fallback_ms: int = FALLBACK_MS) -> None:
    """Call ``step`` on the GUI thread just after ``widget`` next paints (or after
    ``fallback_ms`` if it does not)."""
    _AfterPaint(widget, step, fallback_ms)
