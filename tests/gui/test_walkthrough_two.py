# SPDX-License-Identifier: LicenseRef-Proprietary
"""What the second walkthrough of the desktop app found (actions tracker, dashboard, settings,
scaling, Tab order), each driven through the real widgets on a real store."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from gui_support import make_controller, unlock, unlocked  # noqa: F401 - fixtures


def _focus_and_enter(qtbot, widget) -> None:  # type: ignore[no-untyped-def]
    widget.window().activateWindow()
    widget.setFocus(Qt.FocusReason.TabFocusReason)
    qtbot.waitUntil(widget.hasFocus)
    QTest.keyClick(widget, Qt.Key.Key_Return)


def test_enter_on_a_dashboard_cards_empty_line_opens_nothing(unlocked, qtbot):
    # An empty card holds one greyed line ("No meetings this week."). Tabbing onto it and
    # pressing Enter once opened a meeting window for no meeting, which then showed an error.
    panel = unlocked.main_window.dashboard
    qtbot.waitUntil(lambda: panel.data is not None, timeout=20_000)
    assert panel.data.this_week_count == 0
    opened: list[object] = []
    panel.open_meeting.connect(opened.append)
    for card_list in (panel.week_list, panel.waiting_list, panel.overdue_list):
        card_list.setCurrentRow(0)  # what a click or arrow key on the line does
        _focus_and_enter(qtbot, card_list)
    QApplication.processEvents()
    assert opened == []
