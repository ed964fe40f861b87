# SPDX-License-Identifier: LicenseRef-Proprietary
"""Run by test_keyboard_lists.py in a subprocess at a given QT_SCALE_FACTOR: a table with the
app's style, its first row current and focused; prints how much of the row's top edge, in
device pixels, is drawn in the focus colour (0..1)."""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "src"))

from PySide6.QtCore import QItemSelectionModel  # noqa: E402
from PySide6.QtGui import QColor, QStandardItem, QStandardItemModel  # noqa: E402
from PySide6.QtWidgets import QAbstractItemView, QTableView  # noqa: E402

from strategy_meeting.gui import app as gui_app  # noqa: E402
from strategy_meeting.gui import keyboard  # noqa: E402


def main() -> int:
    app = gui_app.build_application()
    model = QStandardItemModel(3, 4)
    for r in range(3):
        for c in range(4):
            model.setItem(r, c, QStandardItem(f"SD-2026-000{r} {c}"))
    view = QTableView()
    view.setModel(model)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.resize(500, 200)
    view.show()
    view.activateWindow()
    view.setFocus()
    index = model.index(0, 0)
    view.selectionModel().setCurrentIndex(index, QItemSelectionModel.SelectionFlag.ClearAndSelect
                                          | QItemSelectionModel.SelectionFlag.Rows)
    for _ in range(10):
        app.processEvents()
    image = view.viewport().grab().toImage()
    ratio = image.devicePixelRatio()
    rect = view.visualRect(index)
    target = keyboard.FOCUS_COLOUR
    best = 0.0
    for dy in range(0, int(4 * ratio)):
        y = int((rect.top()) * ratio) + dy
        hits = sum(1 for x in range(image.width())
                   if all(abs(a - b) < 40 for a, b in zip(QColor(image.pixel(x, y)).getRgb()[:3], target.getRgb()[:3])))
        best = max(best, hits / image.width())
    print(f"{best:.2f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
