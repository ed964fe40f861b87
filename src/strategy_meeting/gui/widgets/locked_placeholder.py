# SPDX-License-Identifier: LicenseRef-Proprietary
# Copyright (c) 2026 Strategy Meeting contributors
"""What a window shows while the store is locked, and a stack that swaps it in.

``LockableStack`` hides its content page (it is not destroyed, so text typed into an open
editor is still there after unlocking) and shows a placeholder that holds no record data.
Any window, including a meeting workspace, can wrap its central widget in one.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QStackedWidget, QVBoxLayout, QWidget

from strategy_meeting.gui.app_state import AppState
from strategy_meeting.gui.style import apply_style


class LockedPlaceholder(QWidget):
    def __init__(self, message: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        apply_style(self)  # the emphasis styles for this subtree (gui/style.py)
        self.setObjectName("lockedPlaceholder")
        layout = QVBoxLayout(self)
        layout.addStretch(1)
        title = QLabel(self.tr("Strategy Meeting is locked"))
        title.setObjectName("lockedTitle")
        title.setAlignment(Qt.AlignmentFlag.AlignCenter)
        layout.addWidget(title)
        text = QLabel(message or self.tr("Unlock it in the main window to go on. Nothing you typed has been lost."))
        text.setWordWrap(True)
        text.setAlignment(Qt.AlignmentFlag.AlignCenter)
        layout.addWidget(text)
        layout.addStretch(2)
        self.setAccessibleName(self.tr("Locked"))


class OpeningPlaceholder(QWidget):
    """What the main window shows while a store this computer remembers is opening: the
    unlock screen would ask for a passphrase nobody needs to type. Plain widgets only: it is
    on screen for the first fraction of a second of start-up."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        text = QLabel(self.tr("Opening the record kept on this computer…"))
        text.setAlignment(Qt.AlignmentFlag.AlignCenter)
        layout.addWidget(text)
        self.setAccessibleName(self.tr("Opening"))


class LockableStack(QStackedWidget):
    """Content while unlocked, a placeholder while locked; follows ``state`` by itself."""

    def __init__(self, state: AppState, content: QWidget, placeholder: QWidget | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.content = content
        self.placeholder = placeholder or LockedPlaceholder()
        self.addWidget(self.content)
        self.addWidget(self.placeholder)
        state.locked.connect(self.show_locked)
        state.unlocked.connect(self.show_content)
        if state.is_locked:
            self.show_locked()

    def show_locked(self) -> None:
        self.setCurrentWidget(self.placeholder)
        # A hidden page keeps its widgets and their text; only what is on screen changes.
        self.content.hide()

    def set_placeholder(self, placeholder: QWidget) -> None:
        """Show ``placeholder`` instead of the current one whenever locked (now, if locked)."""
        old, self.placeholder = self.placeholder, placeholder
        self.addWidget(placeholder)
        if self.currentWidget() is old:
            self.setCurrentWidget(placeholder)
        self.removeWidget(old)
        old.deleteLater()

    def show_content(self) -> None:
        self.content.show()
        self.setCurrentWidget(self.content)

    @property
    def is_showing_content(self) -> bool:
        return self.currentWidget() is self.content
