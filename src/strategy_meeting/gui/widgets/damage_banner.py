# SPDX-License-Identifier: LicenseRef-Proprietary
# Copyright (c) 2026 Strategy Meeting contributors
"""The banner a window shows once the store has been found damaged (security test 36).

From the first damaged page met, the open store only reads (store/database.py); the banner
says so where the user is looking and offers the way out, restoring a backup, instead of
leaving them to meet one refused save after another.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QWidget


class DamageBanner(QFrame):
    def __init__(self, restore: Callable[[], None], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("damageBanner")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setStyleSheet("#damageBanner { background: #fde7e9; border: 1px solid #a4262c; }"
                           "#damageBanner QLabel { color: #5c0f14; }")
        layout = QHBoxLayout(self)
        layout.setContentsMargins(10, 6, 10, 6)
        self.text = QLabel()
        self.text.setWordWrap(True)
        self.text.setAccessibleName(self.tr("Store damaged"))
        layout.addWidget(self.text, 1)
        self.restore_button = QPushButton(self.tr("&Restore from backup…"))
        self.restore_button.setAccessibleName(self.tr("Restore the store from a backup"))
        self.restore_button.clicked.connect(lambda _checked=False: restore())
        layout.addWidget(self.restore_button)
        self.hide()

    def show_damage(self, detail: str) -> None:
        self.text.setText(self.tr(
            "The store is damaged, so it is open read only: you can read what is still readable, "
            "but nothing more can be saved. Restore it from a backup; the damaged file is kept "
            "aside for your IT service."))
        self.text.setToolTip(detail)  # what was found, as the message at the time said it
        self.show()

    def clear(self) -> None:
        self.text.clear()
        self.text.setToolTip("")
        self.hide()
