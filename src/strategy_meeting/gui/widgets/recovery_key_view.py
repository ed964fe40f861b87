# SPDX-License-Identifier: LicenseRef-Proprietary
# Copyright (c) 2026 Strategy Meeting contributors
"""The recovery key, shown whole: its groups wrapped four to a line in a large fixed font,
with Print and Copy. Nothing scrolls out of view, so nobody writes down part of a key.

Copy puts the key on the clipboard marked as a secret (clipboard managers that honour
``x-kde-passwordManagerHint`` keep no history of it) and clears it after a minute if it still
holds the key. Print draws it on paper through the system's print dialog; no file is written
unless the user chooses to print to one.
"""

from __future__ import annotations

from PySide6.QtCore import QMimeData, QRectF, Qt, QTimer
from PySide6.QtGui import QFont, QFontDatabase, QGuiApplication, QPainter, QTextOption
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

GROUPS_PER_LINE = 4
CLIPBOARD_MS = 60_000


def wrapped(key: str, per_line: int = GROUPS_PER_LINE) -> str:
    groups = [g for g in key.split("-") if g]
    lines = ["  ".join(groups[i:i + per_line]) for i in range(0, len(groups), per_line)]
    width = max((len(line) for line in lines), default=0)
    # Every line as wide as the first, so the groups stand in columns when the block is centred.
    return "\n".join(line.ljust(width) for line in lines)


class RecoveryKeyView(QWidget):
    """``text()`` is the key as made (groups joined by '-'); the view is read-only."""

    clipboard_ms = CLIPBOARD_MS

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._key = ""
        self._copied = ""
        self.label = QLabel(self)
        self.label.setObjectName("recoveryKey")
        font = QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont)
        font.setPointSizeF(max(font.pointSizeF(), 10.0) * 1.4)
        font.setWeight(QFont.Weight.DemiBold)
        self.label.setFont(font)
        self.label.setTextFormat(Qt.TextFormat.PlainText)
        self.label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse
                                           | Qt.TextInteractionFlag.TextSelectableByKeyboard)
        self.label.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.label.setAccessibleName(self.tr("Recovery key"))
        self.print_button = QPushButton(self.tr("&Print…"), self)
        self.print_button.setAccessibleName(self.tr("Print the recovery key"))
        self.copy_button = QPushButton(self.tr("Cop&y"), self)
        self.copy_button.setAccessibleName(self.tr("Copy the recovery key"))
        self.copy_button.setToolTip(self.tr("Copies the key; the clipboard is cleared after a minute"))
        self.status = QLabel(self)
        self.status.setObjectName("hint")
        self.status.setWordWrap(True)
        self.status.setAccessibleName(self.tr("Recovery key status"))
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.print_button)
        buttons.addWidget(self.copy_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.label)
        layout.addLayout(buttons)
        layout.addWidget(self.status)
        self._clear_timer = QTimer(self)
        self._clear_timer.setSingleShot(True)
        self._clear_timer.timeout.connect(self.clear_clipboard)
        self.print_button.clicked.connect(self.print_key)
        self.copy_button.clicked.connect(self.copy_key)
        self.setFocusProxy(self.label)

    # -- the QLineEdit-like face the wizard and its tests use --------------------------------------

    def text(self) -> str:
        return self._key

    def setText(self, key: str) -> None:  # noqa: N802 - Qt naming
        self._key = key
        self.label.setText(wrapped(key))
        self.label.setAccessibleDescription(" ".join(key.split("-")))
        self.status.clear()

    def clear(self) -> None:
        self.setText("")

    def isReadOnly(self) -> bool:  # noqa: N802
        return True

    # -- copy --------------------------------------------------------------------------------------

    def copy_key(self) -> None:
        if not self._key:
            return
        data = QMimeData()
        data.setText(self._key)
        data.setData("x-kde-passwordManagerHint", b"secret")
        QGuiApplication.clipboard().setMimeData(data)
        self._copied = self._key
        self._clear_timer.start(self.clipboard_ms)
        self.status.setText(self.tr("Copied. The clipboard will be cleared in a minute; paste it "
                                    "only into your organisation's password vault."))

    def clear_clipboard(self) -> None:
        """Clear the clipboard if it still holds the key copied (whatever was copied since stays)."""
        clipboard = QGuiApplication.clipboard()
        if self._copied and clipboard.text() == self._copied:
            clipboard.clear()
        self._copied = ""
        self.status.setText(self.tr("The clipboard has been cleared."))

    # -- print -------------------------------------------------------------------------------------

    def print_key(self) -> None:
        from PySide6.QtPrintSupport import QPrintDialog, QPrinter  # on first use

        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        dialog = QPrintDialog(printer, self)
        dialog.setWindowTitle(self.tr("Print the recovery key"))
        if dialog.exec() == QPrintDialog.DialogCode.Accepted:
            self.paint_on(printer)
            self.status.setText(self.tr("Sent to the printer."))

    def paint_on(self, device) -> None:  # a QPrinter (or any paint device)
        painter = QPainter(device)
        try:
            page = QRectF(device.pageLayout().paintRectPixels(device.resolution())) \
                if hasattr(device, "pageLayout") else QRectF(0, 0, device.width(), device.height())
            page.moveTo(0, 0)
            title = QFont(self.font())
            title.setPointSize(16)
            painter.setFont(title)
            heading = self.tr("Strategy Meeting: recovery key")
            note = self.tr("Keep this paper somewhere safe, away from the computer. It opens the "
                           "encrypted record and its backups if every passphrase is forgotten.")
            painter.drawText(page.adjusted(0, 0, 0, -page.height() * 0.85), Qt.AlignmentFlag.AlignLeft, heading)
            body = QFont(self.font())
            body.setPointSize(11)
            painter.setFont(body)
            option = QTextOption()
            option.setWrapMode(QTextOption.WrapMode.WordWrap)
            painter.drawText(QRectF(page.left(), page.top() + page.height() * 0.08, page.width(),
                                    page.height() * 0.12), note, option)
            key_font = QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont)
            key_font.setPointSize(18)
            painter.setFont(key_font)
            painter.drawText(QRectF(page.left(), page.top() + page.height() * 0.22, page.width(),
                                    page.height() * 0.4), Qt.AlignmentFlag.AlignLeft, wrapped(self._key))
        finally:
            painter.end()
