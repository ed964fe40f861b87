# SPDX-License-Identifier: LicenseRef-Proprietary
# Copyright (c) 2026 Strategy Meeting contributors
"""Preview a rendered copy inside the app (QtPdf), or hand it to the system's PDF viewer."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QUrl
from PySide6.QtGui import QDesktopServices, QKeySequence, QShortcut
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QPushButton, QVBoxLayout, QWidget


def open_in_system_viewer(path: Path) -> bool:
    return QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))


class PdfPreviewDialog(QDialog):
    def __init__(self, path: Path, title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.path = path
        self.setWindowTitle(self.tr("Preview: {0}").format(title))
        self.document = QPdfDocument(self)
        self.error = self.document.load(str(path))
        self.view = QPdfView(self)
        self.view.setAccessibleName(self.tr("Preview of {0}").format(title))
        self.view.setDocument(self.document)
        self.view.setPageMode(QPdfView.PageMode.MultiPage)
        self.view.setZoomMode(QPdfView.ZoomMode.FitToWidth)
        self.status = QLabel(self)
        self.status.setAccessibleName(self.tr("Preview status"))
        if self.error == QPdfDocument.Error.None_:
            pages = self.document.pageCount()
            self.status.setText(self.tr("{0}: 1 page.").format(title) if pages == 1
                                else self.tr("{0}: {1} pages.").format(title, pages))
        else:
            self.status.setText(self.tr("This file could not be opened for preview."))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.setAccessibleName(self.tr("Close preview"))
        self.system_button = QPushButton(self.tr("Open in &system viewer"), self)
        self.system_button.setAccessibleName(self.tr("Open in the system's PDF viewer"))
        buttons.addButton(self.system_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)
        self.system_button.clicked.connect(lambda: open_in_system_viewer(self.path))
        layout = QVBoxLayout(self)
        layout.addWidget(self.status)
        layout.addWidget(self.view, 1)
        layout.addWidget(buttons)
        QShortcut(QKeySequence.StandardKey.ZoomIn, self, lambda: self._zoom(1.25))
        QShortcut(QKeySequence.StandardKey.ZoomOut, self, lambda: self._zoom(0.8))
        screen = self.screen().availableGeometry() if self.screen() else None
        if screen is not None:
            self.resize(min(900, screen.width() * 3 // 4), screen.height() * 3 // 4)

    def _zoom(self, factor: float) -> None:
        self.view.setZoomMode(QPdfView.ZoomMode.Custom)
        self.view.setZoomFactor(self.view.zoomFactor() * factor)

    def done(self, result: int) -> None:
        super().done(result)
        self.document.close()  # let go of the file at once, not when Qt deletes the dialog
