# SPDX-License-Identifier: LicenseRef-Proprietary
# Copyright (c) 2026 Strategy Meeting contributors
"""Run a service call off the GUI thread, then report errors or announce what changed.

Hazard: ``call`` runs in a worker thread and must not touch any widget; ``on_done`` runs back
on the GUI thread. SQLite connections are pooled per call, so one worker at a time is enough
and keeps writes in order.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, QRunnable, Qt, QThreadPool, Signal
from PySide6.QtWidgets import QMessageBox, QProgressDialog, QWidget

from strategy_meeting.domain.changes import Changes
from strategy_meeting.domain.errors import StoreCorrupted, UserError

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


def run_op(
    parent: QWidget | None,
    call: Callable[[], Any],
    on_done: Callable[[Any], None] | None = None,
    *,
    progress: str | None = None,
    bus: Any = None,
    on_error: Callable[[BaseException], None] | None = None,
) -> None:
    """Run ``call`` in the worker. If it returns ``(value, Changes)`` the changes are announced
    on ``bus`` and ``on_done`` receives ``value``; a bare ``Changes`` is announced too."""
    job = _Job(call)
    dialog: QProgressDialog | None = None
    if progress:
        dialog = QProgressDialog(progress, "", 0, 0, parent)
        dialog.setCancelButton(None)
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        dialog.setMinimumDuration(300)
        dialog.setAccessibleName(progress)

    def finished(result: Any) -> None:
        _running.discard(job)
        if dialog is not None:
            dialog.close()
        value = _announce(result, bus)
        if on_done is not None:
            on_done(value)

    def failed(exc: BaseException) -> None:
        _running.discard(job)
        if dialog is not None:
            dialog.close()
        if on_error is not None:
            on_error(exc)
        else:
            show_error(parent, exc)

    job.signals.finished.connect(finished, Qt.ConnectionType.QueuedConnection)
    job.signals.failed.connect(failed, Qt.ConnectionType.QueuedConnection)
    _running.add(job)
    job.setAutoDelete(False)
    pool().start(job)


def run_now(parent: QWidget | None, call: Callable[[], Any], bus: Any = None) -> Any:
    """For quick edits on the GUI thread (a single small transaction): errors shown, changes
    announced, result returned; None on a failure."""
    try:
        result = call()
    except BaseException as exc:  # noqa: BLE001
        show_error(parent, exc)
        return None
    return _announce(result, bus)


def _announce(result: Any, bus: Any) -> Any:
    """Announce the changes a service call returned, ``(value, Changes)`` or a bare
    ``Changes`` (calls with nothing else to return), and hand back the value."""
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
