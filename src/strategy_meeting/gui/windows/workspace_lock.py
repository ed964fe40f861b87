# SPDX-License-Identifier: LicenseRef-Proprietary
# Copyright (c) 2026 Strategy Meeting contributors
"""What a meeting window shows while the store is locked: a line saying the meeting is hidden,
and the unlock screen itself, so the user unlocks where they are (issue 19: the window said
"Unlock to carry on" and had no way to unlock).

The unlock screen is the app's own ``UnlockPanel`` (the same checks, the same worker, the
recovery key too); the session it opens goes to the app's controller through
``AppState.accept_unlock``, exactly as one opened in the main window does. Unlocking here
then brings this window back to the front with the focus where it was, since the controller
raises the main window as it unlocks. Built at the first lock: a meeting that is never locked
never builds it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt
from PySide6.QtWidgets import QApplication, QLabel, QVBoxLayout, QWidget

from strategy_meeting.gui.app_state import AppState

if TYPE_CHECKING:
    from strategy_meeting.gui.widgets.unlock_panel import UnlockPanel

LOCKED_TEXT = QT_TRANSLATE_NOOP("WorkspaceLockPage", "This meeting is hidden while the store is locked. "
                                                     "Unlock here to carry on where you left off.")


class WorkspaceLockPage(QWidget):
    def __init__(self, state: AppState, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.state = state
        self.setAccessibleName(self.tr("Locked"))
        self.note = QLabel(QCoreApplication.translate("WorkspaceLockPage", LOCKED_TEXT), self)
        self.note.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.note.setWordWrap(True)
        self.note.setAccessibleName(self.tr("Why the meeting is hidden"))
        layout = QVBoxLayout(self)
        layout.addWidget(self.note)
        self.panel: UnlockPanel | None = None
        self._focus: QWidget | None = None  # where the focus was in the window when it locked

    def show_locked(self, window: QWidget) -> None:
        """Called as the window hides the record: remember its focus, offer the unlock screen."""
        focused = QApplication.focusWidget()
        self._focus = focused if focused is not None and window.isAncestorOf(focused) else window.focusWidget()
        if self.panel is None:
            from strategy_meeting.gui.widgets.unlock_panel import UnlockPanel

            last = self.state.last_user
            self.panel = UnlockPanel(self.state.data_dir, self, clock=self.state.clock,
                                     last_user=lambda: (u.name if (u := last()) is not None else None),
                                     server=self.state.server)
            self.panel.unlocked.connect(self._unlocked)
            self.layout().addWidget(self.panel, 1)
        self.panel.prepare()

    def _unlocked(self, ctx: object, actor: object) -> None:
        window = self.window()
        self.state.accept_unlock(ctx, actor)  # type: ignore[arg-type]
        # Unlocked from here: this window, not the main window the controller raised, is
        # where the user is (unless they unlocked as someone else, which closes it).
        if window.isVisible() and not self.state.is_locked:
            window.raise_()
            window.activateWindow()

    def restore_focus(self) -> None:
        """Called once the record is back: the focus returns to the field it was in."""
        focus, self._focus = self._focus, None
        if focus is not None and focus.isVisible() and focus.isEnabled():
            focus.setFocus(Qt.FocusReason.OtherFocusReason)

    def clear_typing(self) -> None:
        """Unlocked elsewhere: a passphrase half-typed here does not stay in a hidden field."""
        if self.panel is not None:
            self.panel.passphrase.clear()
