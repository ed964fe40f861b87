# SPDX-License-Identifier: LicenseRef-Proprietary
# Copyright (c) 2026 Strategy Meeting contributors
"""Auto-lock after a period without keyboard or mouse input.

An event filter on the application notes the time of each input event (cheap: one clock
read); a periodic check compares the idle time with the limit. Both a monotonic and a wall
clock are read, because the monotonic clock stands still while a laptop is suspended: a lid
closed for two hours must come back locked (SECURITY-TESTS 13). Clocks and the check interval
are injectable so tests need not wait minutes.
"""

from __future__ import annotations

import time
from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, QTimer, Signal

_INPUT_EVENTS = frozenset(
    {
        QEvent.Type.KeyPress,
        QEvent.Type.KeyRelease,
        QEvent.Type.MouseButtonPress,
        QEvent.Type.MouseButtonRelease,
        QEvent.Type.MouseButtonDblClick,
        QEvent.Type.MouseMove,
        QEvent.Type.Wheel,
        QEvent.Type.TouchBegin,
        QEvent.Type.TouchUpdate,
        QEvent.Type.InputMethod,
    }
)


class IdleWatcher(QObject):
    """Emits ``idle`` once when no input arrived for ``timeout_ms``; ``start`` re-arms it."""

    idle = Signal()

    def __init__(
        self,
        timeout_ms: int,
        parent: QObject | None = None,
        *,
        monotonic: Callable[[], float] = time.monotonic,
        wall: Callable[[], float] = time.time,
        check_interval_ms: int | None = None,
    ) -> None:
        super().__init__(parent)
        self._monotonic = monotonic
        self._wall = wall
        self._timeout_s = timeout_ms / 1000
        self._last_mono = monotonic()
        self._last_wall = wall()
        self._armed = False
        self._timer = QTimer(self)
        self._timer.timeout.connect(self.check)
        self._fixed_interval = check_interval_ms
        self._apply_interval()

    def _apply_interval(self) -> None:
        # Often enough to lock within a few per cent of the limit, never busier than 4 Hz.
        interval = self._fixed_interval or max(250, min(5000, int(self._timeout_s * 1000 / 20)))
        self._timer.setInterval(interval)

    @property
    def timeout_ms(self) -> int:
        return int(self._timeout_s * 1000)

    def set_timeout_ms(self, timeout_ms: int) -> None:
        self._timeout_s = timeout_ms / 1000
        self._apply_interval()

    def start(self) -> None:
        self.touch()
        self._armed = True
        self._timer.start()

    def stop(self) -> None:
        self._armed = False
        self._timer.stop()

    @property
    def active(self) -> bool:
        return self._armed

    def touch(self) -> None:
        self._last_mono = self._monotonic()
        self._last_wall = self._wall()

    def idle_seconds(self) -> float:
        by_mono = self._monotonic() - self._last_mono
        by_wall = self._wall() - self._last_wall
        return max(by_mono, by_wall)

    def check(self) -> None:
        if self._armed and self.idle_seconds() >= self._timeout_s:
            self.stop()
            self.idle.emit()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt's name
        if self._armed and event.type() in _INPUT_EVENTS:
            self.touch()
        return False
