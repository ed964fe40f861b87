# SPDX-License-Identifier: LicenseRef-Proprietary
"""Driving the meeting workspace as a user does: open a dialog, type, tick, press Save."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QComboBox, QDialogButtonBox, QLineEdit, QPlainTextEdit

from strategy_meeting.gui.dialogs.item_dialog import ItemDialog


def type_into(qtbot, widget: QLineEdit | QPlainTextEdit, text: str) -> None:
    widget.setFocus()
    if isinstance(widget, QLineEdit):
        widget.selectAll()
    else:
        widget.selectAll()
    qtbot.keyClick(widget, Qt.Key.Key_Delete)
    qtbot.keyClicks(widget, text)


def choose(combo: QComboBox, data: object) -> None:
    index = combo.findData(data)
    assert index >= 0, f"{data!r} is not offered"
    combo.setCurrentIndex(index)


def set_date(edit, value: date) -> None:  # a DateField: typed as a user does, then Tab
    edit.editor.setText(value.strftime("%d/%m/%Y"))
    edit.commit_text()


def save(qtbot, dialog: ItemDialog) -> None:
    button = dialog.ui.buttonBox.button(QDialogButtonBox.StandardButton.Save)
    qtbot.waitExposed(dialog)
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    QApplication.processEvents()


def open_dialog(ws, action) -> ItemDialog:
    action.trigger()
    dialog = ws.active_dialog
    assert dialog is not None and dialog.isVisible()
    return dialog
