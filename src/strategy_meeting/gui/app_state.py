# SPDX-License-Identifier: LicenseRef-Proprietary
# Copyright (c) 2026 Strategy Meeting contributors
"""The unlocked session the windows share: service context, acting user, change bus, and the
lock state. Locking drops the context (the store zeroes its key) and tells every window to
hide the record; unsaved text in open editors stays in the widgets, not in the store."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from pathlib import Path

from PySide6.QtCore import QObject, Signal

from strategy_meeting.domain.errors import Locked
from strategy_meeting.domain.roles import User
from strategy_meeting.services.context import ServiceContext
from strategy_meeting.services.team_server import ServerConnection

from . import ops
from .change_bus import ChangeBus
from .team_changes import TeamChangeRelay


class AppState(QObject):
    locked = Signal()
    unlocked = Signal()

    def __init__(self, data_dir: Path, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.data_dir = data_dir
        self.bus = ChangeBus(self)
        ops.attach(self)  # every service op announces its changes on this bus
        self._ctx: ServiceContext | None = None
        self._actor: User | None = None
        self.lock_handler: Callable[[], None] | None = None  # set by the app's controller
        # Where a session opened by an unlock screen in any window goes (the controller's
        # unlock: idle watch, another user's windows closed), and the clock it opens with.
        self.unlock_handler: Callable[[ServiceContext, User], None] | None = None
        self.clock: Callable[[], datetime] | None = None
        # The team server this app runs on (issue 17), or None for a store on this computer:
        # every window's unlock screen connects to it (set by the app's controller).
        self.server: ServerConnection | None = None
        # On a team server, colleagues' saves reach the bus as they commit (issue 17).
        self._team_changes = TeamChangeRelay(self.bus, self)

    @property
    def is_locked(self) -> bool:
        return self._ctx is None

    @property
    def ctx(self) -> ServiceContext:
        if self._ctx is None:
            raise Locked("The store is locked. Unlock it to go on.")
        return self._ctx

    @property
    def actor(self) -> User:
        if self._actor is None:
            raise Locked("The store is locked. Unlock it to go on.")
        return self._actor

    def set_unlocked(self, ctx: ServiceContext, actor: User) -> None:
        self._ctx, self._actor = ctx, actor
        self._team_changes.start(ctx)
        self.unlocked.emit()

    def request_lock(self) -> None:
        """Lock as the user asked from any window: through the app's controller when one runs
        it (``lock_handler``: it stops the idle watch and hides a start-up preview too), else
        directly (a window on its own)."""
        (self.lock_handler or self.lock)()

    def accept_unlock(self, ctx: ServiceContext, actor: User) -> None:
        """A session opened by an unlock screen in any window (the main window's, or a meeting
        window's): through the controller when one runs the app, else directly."""
        (self.unlock_handler or self.set_unlocked)(ctx, actor)

    def lock(self) -> None:
        self._team_changes.stop()
        if self._ctx is not None:
            self._ctx.close()
        self._ctx = None
        self.locked.emit()

    def last_user(self) -> User | None:
        """Who was signed in before the lock, so the unlock screen can greet them."""
        return self._actor
