# SPDX-License-Identifier: LicenseRef-Proprietary
"""Keyboard and assistive technology: shortcuts for every frequent step, an accessible name on
every control, and a tab order that follows the page."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAccessible
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QAbstractSpinBox, QApplication, QScrollArea, QToolBar, QWidget

from builders import sample_meeting
from strategy_meeting.gui.dialogs.action_dialog import ActionDialog
from strategy_meeting.gui.dialogs.child_dialog import ChildDialog
from strategy_meeting.gui.dialogs.contribution_dialog import ContributionDialog
from strategy_meeting.gui.dialogs.decision_dialog import DecisionDialog
from strategy_meeting.gui.dialogs.participant_dialog import ParticipantDialog
from strategy_meeting.gui.dialogs.sign_off_dialog import SignOffDialog
from strategy_meeting.gui.windows.meeting_workspace import MeetingWorkspace
from strategy_meeting.gui.windows.workspace_editing import DIALOGS
from strategy_meeting.services import meetings
from workspace_fixtures import shown_errors, state  # noqa: F401 - fixtures

REF = "SD-2026-0100"
CTRL = Qt.KeyboardModifier.ControlModifier
CTRL_SHIFT = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier


@pytest.fixture
def ws(qtbot, state) -> MeetingWorkspace:
    meetings.create(state.ctx, state.actor, template=sample_meeting())
    window = MeetingWorkspace(state, REF)
    qtbot.addWidget(window)
    window.resize(1200, 800)
    window.show()
    qtbot.waitExposed(window)
    return window


def keys(qtbot, ws, key, modifiers):
    ws.activateWindow()
    qtbot.waitUntil(ws.isActiveWindow)
    ws.nav.setFocus()
    QTest.keyClick(ws.nav, key, modifiers)
    QApplication.processEvents()


def focusable(root: QWidget) -> list[QWidget]:
    """Visible widgets the Tab key reaches, in focus-chain order (spin boxes' inner line
    edits are part of the spin box)."""
    chain, w = [], root.nextInFocusChain()
    while w is not root and w is not None:
        if (w.isVisible() and w.isEnabled() and w.focusPolicy() & Qt.FocusPolicy.TabFocus
                and root.isAncestorOf(w) and not isinstance(w.parent(), QAbstractSpinBox)):
            chain.append(w)
        w = w.nextInFocusChain()
    return chain


def unnamed(root: QWidget) -> list[str]:
    missing = []
    for w in [*focusable(root), *[b for t in root.findChildren(QToolBar) for b in t.findChildren(QWidget)
                                  if b.isVisible() and type(b).__name__ == "QToolButton"]]:
        iface = QAccessible.queryAccessibleInterface(w)
        if not w.accessibleName() or iface is None or not iface.text(QAccessible.Text.Name):
            missing.append(f"{type(w).__name__} {w.objectName()}")
    return missing


def page_top(w: QWidget, root: QWidget) -> int:
    """Where ``w`` is on the page as it reads: inside a scroll area, its place in the scrolled
    content; below one, its place after the whole content (a dialog's buttons under a form
    that scrolls come after the form's last field, not beside its visible part)."""
    window = root.window()
    y = w.mapTo(window, w.rect().topLeft()).y()
    for area in root.findChildren(QScrollArea):
        content = area.widget()
        if content is None or not area.isVisible():
            continue
        top = area.mapTo(window, area.rect().topLeft()).y()
        if content.isAncestorOf(w):
            return top + w.mapTo(content, w.rect().topLeft()).y()
        if y >= top + area.height():
            y += max(0, content.height() - area.viewport().height())
    return y


def out_of_page_order(root: QWidget) -> list[str]:
    """Pairs where Tab jumps back up the page."""
    chain = focusable(root)
    tops = [page_top(w, root) for w in chain]
    slack = root.fontMetrics().height() // 2
    return [f"{a.objectName() or type(a).__name__} -> {b.objectName() or type(b).__name__}"
            for a, b, ya, yb in zip(chain, chain[1:], tops, tops[1:]) if yb < ya - slack]


def test_section_shortcuts(qtbot, ws):
    for n, section in enumerate(ws.section_list, start=1):
        if ws.nav.isRowHidden(n - 1):
            continue  # addenda: listed (Ctrl+0) once the minutes are signed off
        keys(qtbot, ws, getattr(Qt.Key, f"Key_{n % 10}"), CTRL)
        assert ws.pages.currentWidget() is section
        assert section.isAncestorOf(QApplication.focusWidget())  # the page has the keyboard


@pytest.mark.parametrize("key, dialog_type", [
    (Qt.Key.Key_C, ContributionDialog), (Qt.Key.Key_D, DecisionDialog), (Qt.Key.Key_A, ActionDialog),
    (Qt.Key.Key_P, ParticipantDialog), (Qt.Key.Key_H, ChildDialog),
])
def test_new_item_shortcuts(qtbot, ws, key, dialog_type):
    keys(qtbot, ws, key, CTRL_SHIFT)
    assert isinstance(ws.active_dialog, dialog_type) and ws.active_dialog.isVisible()
    assert ws.active_dialog.is_new
    ws.active_dialog.reject()


def test_sign_off_and_lock_shortcuts(qtbot, ws, state):
    keys(qtbot, ws, Qt.Key.Key_S, CTRL_SHIFT)
    assert isinstance(ws.minutes.sign_off_dialog, SignOffDialog)
    ws.minutes.sign_off_dialog.reject()
    keys(qtbot, ws, Qt.Key.Key_L, CTRL)
    assert state.is_locked and ws.outer.currentWidget() is ws.lock_page


def test_every_control_has_an_accessible_name(qtbot, ws):
    QAccessible.setActive(True)
    for section in ws.section_list:
        ws.show_section(section.key)
        assert unnamed(ws) == [], section.key
    for kind in DIALOGS:
        dialog = ws.editing.edit(kind)
        qtbot.waitExposed(dialog)
        assert unnamed(dialog) == [], kind
        dialog.reject()
    dialog = ws.sign_off()
    assert unnamed(dialog) == []
    dialog.reject()


def test_tab_order_follows_the_page(qtbot, ws):
    for section in ws.section_list:
        ws.show_section(section.key)
        assert out_of_page_order(section) == [], section.key
    for kind in DIALOGS:
        item = getattr(ws.meeting, kind.value)[0]
        dialog = ws.editing.edit(kind, item)
        qtbot.waitExposed(dialog)
        assert out_of_page_order(dialog) == [], kind
        dialog.reject()
    # From the section list, Tab goes into the page before the checklist beside it.
    ws.show_section("decisions")
    chain = focusable(ws)
    assert chain.index(ws.nav) < chain.index(ws.sections["decisions"].panel.view) < chain.index(ws.checklist.list)
