# SPDX-License-Identifier: LicenseRef-Proprietary
"""Smaller GUI items of issue 19: deleting an accidental draft from the meetings list."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QMessageBox

from gui_support import make_controller, unlock, unlocked  # noqa: F401 - fixtures
from strategy_meeting.services import meetings


def test_delete_removes_an_accidental_draft(unlocked, qtbot, monkeypatch) -> None:
    state = unlocked.state
    meetings.create(state.ctx, state.actor, reference="SD-2026-0700")
    pane = unlocked.main_window.meetings
    unlocked.main_window.refresh()
    qtbot.waitUntil(lambda: pane.model.rowCount() == 1, timeout=20_000)
    pane.search.setFocus()
    QTest.keyClick(pane.search, Qt.Key.Key_Down)
    assert pane.delete_button.isEnabled()
    asked: list[str] = []

    def answer(_parent, _title, text, *_a, **_k):
        asked.append(text)
        return QMessageBox.StandardButton.Yes

    monkeypatch.setattr(QMessageBox, "question", answer)
    with qtbot.waitSignal(pane.refreshed, timeout=20_000):
        QTest.keyClick(pane.table, Qt.Key.Key_Delete)
    assert asked and "SD-2026-0700" in asked[0]
    assert meetings.next_reference(state.ctx) == "SD-2026-0001"
    assert pane.model.rowCount() == 0


def test_settings_save_says_what_was_saved(make_controller, data_dir, qtbot) -> None:
    from conftest import ADMIN_PASSPHRASE

    controller = make_controller(data_dir)
    controller.start()
    unlock(qtbot, controller, ADMIN_PASSPHRASE)
    dialog = controller.main_window.open_settings()
    assert dialog.tabs.isTabEnabled(dialog.tabs.currentIndex())
    security = dialog.page("SecurityPage")
    dialog.tabs.setCurrentWidget(security)
    assert dialog.status.text() == ""
    security.timeout.setValue(9)
    security.save_button.click()
    assert dialog.status.text().startswith("The idle timeout was saved: 9 minutes.")
    dialog.reject()


def test_a_chairs_settings_open_on_a_page_they_can_use(unlocked) -> None:
    dialog = unlocked.main_window.open_settings()
    tabs = dialog.tabs
    assert tabs.isTabEnabled(tabs.currentIndex()) and tabs.tabText(tabs.currentIndex()) == "Backups"
    dialog.reject()
