# SPDX-License-Identifier: LicenseRef-Proprietary
# Copyright (c) 2026 Strategy Meeting contributors
"""Dialogs that show record content hide while the store is locked and come back, with
whatever was typed in them, after unlocking.

Hazard: open these with ``open()``, not ``exec()``. Hiding a dialog that runs its own event
loop ends that loop (Qt rejects it), and the typed text would be thrown away.

A dialog belongs to the user who opened it: when someone else unlocks, it is closed, not
shown again, so one user's typing (or an administrator's settings) never appears to another.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QDialog, QWidget

from strategy_meeting.gui.app_state import AppState


class LockAwareDialog(QDialog):
    def __init__(self, state: AppState, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.state = state
        self._hidden_by_lock = False
        self.owner = None if state.is_locked else state.actor.name
        state.locked.connect(self._on_locked)
        state.unlocked.connect(self._on_unlocked)
        self.finished.connect(self._disconnect)
        # The main window's app-wide Ctrl+L does not reach a modal window: this one locks too.
        lock = QShortcut(QKeySequence("Ctrl+L"), self)
        lock.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        lock.activated.connect(state.request_lock)

    def _on_locked(self) -> None:
        if self.isVisible():
            self._hidden_by_lock = True
            self.hide()

    def _on_unlocked(self) -> None:
        if self._hidden_by_lock:
            self._hidden_by_lock = False
            if self.owner is not None and self.state.actor.name != self.owner:
                self.reject()  # another user unlocked: what was typed here is not theirs to see
                return
            self.show()
            self.raise_()

    @property
    def hidden_by_lock(self) -> bool:
        return self._hidden_by_lock

    def _disconnect(self) -> None:
        if self._hidden_by_lock:
            return  # QDialog.hide() while locked may report finished; keep following the lock
        try:
            self.state.locked.disconnect(self._on_locked)
            self.state.unlocked.disconnect(self._on_unlocked)
        except (RuntimeError, TypeError):
            pass


class PagesDialog(LockAwareDialog):
    """A lock-aware dialog of pages that each load from a service and clear on lock (Settings,
    Records governance). The subclass holds ``pages`` and calls ``follow_the_lock()`` once
    they are built: the pages are emptied on lock, reloaded at the next unlock only while the
    dialog is on show (one closed, or closed because another user unlocked, never asks the
    services for what the new user may not read), and no longer followed once it is closed."""

    pages: Sequence[Any]

    def follow_the_lock(self) -> None:
        self.state.unlocked.connect(self._reload_pages)
        self.state.locked.connect(self._clear_pages)
        self.finished.connect(self._stop_following_pages)
        self._load_pages()

    def _load_pages(self) -> None:
        if not self.state.is_locked:
            for page in self.pages:
                page.load()

    def _reload_pages(self) -> None:
        if self.isVisible():
            self._load_pages()

    def _clear_pages(self) -> None:
        for page in self.pages:
            page.clear()

    def _stop_following_pages(self) -> None:
        if self.hidden_by_lock:
            return  # hidden by the lock, not closed: it follows the next unlock
        for signal, slot in ((self.state.unlocked, self._reload_pages),
                             (self.state.locked, self._clear_pages)):
            try:
                signal.disconnect(slot)
            except (RuntimeError, TypeError):
                pass
