# SPDX-License-Identifier: LicenseRef-Proprietary
# Copyright (c) 2026 Strategy Meeting contributors
"""The one way the GUI runs a service call (``ServiceOp``): in the worker or at once, errors
always shown the same way, changes always announced on the app state's bus.

SQLite connections are pooled per call, so one worker at a time is enough and keeps writes in
order.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any, Protocol

import shiboken6
from PySide6.QtCore import QCoreApplication, QObject, QRunnable, Qt, QThreadPool, Signal
from PySide6.QtWidgets import QMessageBox, QProgressDialog, QWidget

from strategy_meeting.domain.changes import Changes
from strategy_meeting.domain.errors import PermissionDenied, StoreCorrupted, UserError
from strategy_meeting.domain.roles import User
from strategy_meeting.gui.change_bus import ChangeBus
from strategy_meeting.services import audit
from strategy_meeting.services.context import ServiceContext

log = logging.getLogger(__name__)

_pool: QThreadPool | None = None


def pool() -> QThreadPool:
    global _pool
    if _pool is None:
        _pool = QThreadPool()
        _pool.setMaxThreadCount(1)
    return _pool


class _Signals(QObject):
    finished = Signal(object)
    failed = Signal(object)


class _Job(QRunnable):
    def __init__(self, call: Callable[[], Any]) -> None:
        super().__init__()
        self.call = call
        self.signals = _Signals()

    def run(self) -> None:
        try:
            result = self.call()
        except BaseException as exc:  # noqa: BLE001 - reported on the GUI thread
            self.signals.failed.emit(exc)
        else:
            self.signals.finished.emit(result)


class _Notices(QObject):
    """App-wide news from failed calls that a window should act on, not just show."""

    store_damaged = Signal(str)  # the store found damaged: it reads only from now on


_notices: _Notices | None = None


def notices() -> _Notices:
    global _notices
    if _notices is None:
        _notices = _Notices()
    return _notices


def show_error(parent: QWidget | None, exc: BaseException) -> None:
    """A user's mistake gets its own message; anything else a plain apology, never a
    traceback and never record content (the log gets only the exception type)."""
    if isinstance(exc, StoreCorrupted):
        notices().store_damaged.emit(str(exc))
    if isinstance(exc, UserError):
        QMessageBox.warning(parent, "Strategy Meeting", str(exc))
    else:
        log.error("unexpected failure: %s", type(exc).__name__)
        QMessageBox.critical(
            parent, "Strategy Meeting",
            QCoreApplication.translate(
                "ops", "Something went wrong and the last step was not completed. Nothing was "
                "half-saved; please try again."),
        )


_running: set[_Job] = set()

# The app state (AppState registers itself): every op announces what it changed on its bus, so
# no call can forget to and no caller passes a bus around, and a refused privileged attempt is
# written to the audit log under the unlocked user's name.
_state: AppStateLike | None = None


class AppStateLike(Protocol):
    bus: ChangeBus

    @property
    def is_locked(self) -> bool: ...

    @property
    def ctx(self) -> ServiceContext: ...

    @property
    def actor(self) -> User: ...


def attach(state: AppStateLike) -> None:
    global _state
    _state = state


def _live_state() -> AppStateLike | None:
    """The attached state while it lives (a closed app's is gone with it)."""
    if _state is None or not shiboken6.isValid(_state) or not shiboken6.isValid(_state.bus):
        return None
    return _state


def _live_bus() -> ChangeBus | None:
    state = _live_state()
    return None if state is None else state.bus


def _record_refusal(exc: PermissionDenied) -> None:
    """A refused privileged attempt is in the audit chain, as from the command line."""
    state = _live_state()
    if state is None or state.is_locked:
        return
    audit.record_denied(state.ctx, state.actor.name, "gui", {"refusal": str(exc)})


class ServiceOp:
    """One service call from the GUI, the one way to run one (Anki's ``CollectionOp``).

    ``call`` returns ``(value, Changes)``, a bare ``Changes``, or a plain value. The op shows a
    failure the same way every time (``show_error``: the user's own message, or an apology
    and the exception's type in the log) unless ``failure`` takes it, and always announces the
    changes on the app state's bus before ``success`` gets the value. It runs in the worker
    (``run_in_background``), or, for the few calls that must finish before the GUI goes on (an
    undo step's redo, a quick save in a dialog), at once (``run_now``).

    Hazard: in the background ``call`` must not touch a widget; the callbacks run on the GUI
    thread.
    """

    def __init__(self, parent: QWidget | None, call: Callable[[], Any]) -> None:
        self._parent = parent
        self._call = call
        self._on_success: Callable[[Any], None] | None = None
        self._on_failure: Callable[[BaseException], None] | None = None
        self._progress: str | None = None

    def success(self, callback: Callable[[Any], None] | None) -> ServiceOp:
        self._on_success = callback
        return self

    def failure(self, callback: Callable[[BaseException], None] | None) -> ServiceOp:
        """Take failures instead of the standard message (a dialog that shows them inline)."""
        self._on_failure = callback
        return self

    def with_progress(self, label: str | None) -> ServiceOp:
        """A modal, cancel-less progress dialog after 300 ms, for work a user waits on."""
        self._progress = label
        return self

    def run_in_background(self) -> None:
        job = _Job(self._call)
        dialog: QProgressDialog | None = None
        if self._progress:
            dialog = QProgressDialog(self._progress, "", 0, 0, self._parent)
            dialog.setCancelButton(None)
            dialog.setWindowModality(Qt.WindowModality.WindowModal)
            dialog.setMinimumDuration(300)
            dialog.setAccessibleName(self._progress)

        def finished(result: Any) -> None:
            _running.discard(job)
            if dialog is not None:
                dialog.close()
            self._succeeded(result)

        def failed(exc: BaseException) -> None:
            _running.discard(job)
            if dialog is not None:
                dialog.close()
            self._failed(exc)

        job.signals.finished.connect(finished, Qt.ConnectionType.QueuedConnection)
        job.signals.failed.connect(failed, Qt.ConnectionType.QueuedConnection)
        _running.add(job)
        job.setAutoDelete(False)
        pool().start(job)

    def run_now(self) -> Any:
        """On the GUI thread, for a single small transaction: the value, or None on a failure."""
        try:
            result = self._call()
        except BaseException as exc:  # noqa: BLE001 - shown, never raised into Qt
            self._failed(exc)
            return None
        return self._succeeded(result)

    def _succeeded(self, result: Any) -> Any:
        value = _announce(result)
        if self._on_success is not None:
            self._on_success(value)
        return value

    def _failed(self, exc: BaseException) -> None:
        if isinstance(exc, PermissionDenied):
            _record_refusal(exc)
        if self._on_failure is not None:
            self._on_failure(exc)
        else:
            show_error(self._parent, exc)


def run_op(
    parent: QWidget | None,
    call: Callable[[], Any],
    on_done: Callable[[Any], None] | None = None,
    *,
    progress: str | None = None,
    on_error: Callable[[BaseException], None] | None = None,
) -> None:
    """Shorthand for ``ServiceOp(parent, call)...run_in_background()``."""
    ServiceOp(parent, call).success(on_done).failure(on_error).with_progress(progress).run_in_background()


def run_now(parent: QWidget | None, call: Callable[[], Any]) -> Any:
    """Shorthand for ``ServiceOp(parent, call).run_now()``."""
    return ServiceOp(parent, call).run_now()


def _announce(result: Any) -> Any:
    """Announce the changes a service call returned, ``(value, Changes)`` or a bare
    ``Changes`` (calls with nothing else to return), and hand back the value."""
    bus = _live_bus()
    if isinstance(result, Changes):
        if bus is not None:
            bus.emit_changes(result)
        return result
    if isinstance(result, tuple) and len(result) == 2 and isinstance(result[1], Changes):
        value, changes = result
        if bus is not None:
            bus.emit_changes(changes)
        return value
    return result
