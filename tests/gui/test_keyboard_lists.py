# SPDX-License-Identifier: LicenseRef-Proprietary
"""Keyboard-first lists (issue 19): Down from the search box enters the results, Enter opens
the current row, Enter presses a focused button, an accent-free search finds accented names,
and the focus frame is drawn, thick and dark, round the whole current row."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QImage
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QPushButton, QVBoxLayout, QWidget

from builders import sample_meeting
from gui_support import make_controller, unlock, unlocked  # noqa: F401 - fixtures
from strategy_meeting.gui import keyboard
from strategy_meeting.gui.windows import workspace_launcher
from strategy_meeting.services import meetings


def _seed(controller) -> None:
    ctx, actor = controller.state.ctx, controller.state.actor
    for n, (ref, child) in enumerate([("SD-2026-0001", "Zoë Fictional"), ("SD-2026-0002", "Łucja Example"),
                                      ("SD-2026-0003", "Sam Plain")]):
        m = sample_meeting(ref, child_name=child)
        m.held_at = datetime(2026, 11, 2, 10, tzinfo=UTC) + timedelta(days=n)
        meetings.create(ctx, actor, template=m)
    controller.main_window.refresh()


def test_down_from_search_then_enter_opens(unlocked, qtbot) -> None:
    pane = unlocked.main_window.meetings
    _seed(unlocked)
    qtbot.waitUntil(lambda: pane.model.rowCount() == 3, timeout=20_000)
    unlocked.main_window.activateWindow()
    pane.search.setFocus()
    QTest.keyClicks(pane.search, "Lucja")  # no accent typed: finds Łucja
    QTest.keyClick(pane.search, Qt.Key.Key_Down)
    assert pane.table.hasFocus()
    assert [pane.model.summary(r).reference for r in range(pane.model.rowCount())] == ["SD-2026-0002"]
    assert pane.selected_reference() == "SD-2026-0002"
    QTest.keyClick(pane.table, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: "SD-2026-0002" in [w.reference for w in workspace_launcher.open_windows()],
                    timeout=20_000)
    for window in workspace_launcher.open_windows():
        window.close()


def test_enter_on_a_row_that_is_current_but_not_selected_opens_it(unlocked, qtbot) -> None:
    pane = unlocked.main_window.meetings
    _seed(unlocked)
    qtbot.waitUntil(lambda: pane.model.rowCount() == 3, timeout=20_000)
    pane.table.selectionModel().clearSelection()
    pane.table.selectionModel().setCurrentIndex(pane.model.index(2, 0), pane.table.selectionModel().SelectionFlag.NoUpdate)
    pane.table.setFocus()
    QTest.keyClick(pane.table, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: "SD-2026-0001" in [w.reference for w in workspace_launcher.open_windows()],
                    timeout=20_000)
    for window in workspace_launcher.open_windows():
        window.close()


def test_enter_presses_a_focused_button_outside_dialogs(qtbot) -> None:
    keyboard.install(QApplication.instance())
    host = QWidget()
    button = QPushButton("Go", host)
    QVBoxLayout(host).addWidget(button)
    qtbot.addWidget(host)
    host.show()
    qtbot.waitExposed(host)
    button.setFocus()
    with qtbot.waitSignal(button.clicked, timeout=2000):
        QTest.keyClick(button, Qt.Key.Key_Return)


def _dark_pixels(image: QImage, y: int) -> int:
    target = QColor(keyboard.FOCUS_COLOUR)
    return sum(1 for x in range(image.width())
               if abs(QColor(image.pixel(x, y)).blue() - target.blue()) < 30
               and abs(QColor(image.pixel(x, y)).red() - target.red()) < 30
               and abs(QColor(image.pixel(x, y)).green() - target.green()) < 30)


def test_the_focus_frame_spans_the_current_row(unlocked, qtbot) -> None:
    pane = unlocked.main_window.meetings
    _seed(unlocked)
    qtbot.waitUntil(lambda: pane.model.rowCount() == 3, timeout=20_000)
    pane.search.setFocus()
    pane.enter_results()
    QApplication.processEvents()
    rect = pane.table.visualRect(pane.model.index(0, 0))
    image = pane.table.viewport().grab().toImage()
    top = rect.top() + 1
    # A frame line across the row: dark pixels over most of the viewport's width.
    assert max(_dark_pixels(image, top + d) for d in range(3)) > image.width() * 0.8


import os  # noqa: E402
import subprocess  # noqa: E402
import sys  # noqa: E402
from pathlib import Path  # noqa: E402

import pytest  # noqa: E402


@pytest.mark.parametrize("scale", ["1", "2"])
def test_the_focus_frame_is_drawn_at_100_and_200_per_cent(scale) -> None:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "QT_SCALE_FACTOR": scale}
    out = subprocess.run([sys.executable, str(Path(__file__).with_name("focus_frame_probe.py"))], env=env,
                         capture_output=True, text=True, timeout=120)
    assert out.returncode == 0, out.stderr[-1500:]
    assert float(out.stdout.strip().splitlines()[-1]) > 0.8
