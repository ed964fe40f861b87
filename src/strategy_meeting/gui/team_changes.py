# SPDX-License-Identifier: LicenseRef-Proprietary
# Copyright (c) 2026 Strategy Meeting contributors
"""Colleagues' saves on the team server, into the change bus (issue 17): the services' watcher
calls back on its own thread; a queued signal brings each ``Changes`` to the GUI thread, where
the bus tells every open view, exactly as after one of this window's own service calls."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, Signal

from strategy_meeting.services import team_server
from strategy_meeting.services.context import ServiceContext

from .change_bus import ChangeBus


class TeamChangeRelay(QObject):
    arrived = Signal(object)  # Changes, emitted from the watcher's thread

    def __init__(self, bus: ChangeBus, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._stop: Callable[[], None] | None = None
        self.arrived.connect(bus.emit_changes)  # queued: the relay lives on the GUI thread

    def start(self, ctx: ServiceContext) -> None:
        self.stop()
        if team_server.is_server(ctx):
            self._stop = team_server.watch(ctx, self.arrived.emit)

    def stop(self) -> None:
        if self._stop is not None:
            stop, self._stop = self._stop, None
            stop()
