# SPDX-License-Identifier: LicenseRef-Proprietary
"""Every input of every window and dialog (issue 19) has a name a screen reader says (its
accessible name, or a buddy label's text) and can be reached with Tab."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QAccessible
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSpinBox,
    QCalendarWidget,
    QComboBox,
    QHeaderView,
    QLineEdit,
    QPlainTextEdit,
    QRadioButton,
    QScrollBar,
    QTabBar,
    QTextEdit,
    QToolButton,
    QWidget,
)

from every_window import every_window, seed, settle
from gui_support import make_controller, unlock, unlocked  # noqa: F401 - fixtures

INPUTS = (QLineEdit, QPlainTextEdit, QTextEdit, QComboBox, QAbstractSpinBox, QAbstractButton, QAbstractItemView)


def _inputs(window: QWidget) -> list[QWidget]:
    found = []
    for w in window.findChildren(QWidget):
        if not isinstance(w, INPUTS) or isinstance(w, (QScrollBar, QTabBar, QHeaderView)):
            continue
        if w.objectName() == "qt_tableview_cornerbutton":
            continue  # part of its table (Ctrl+A selects all)
        if w.objectName().startswith("qt_dockwidget_"):
            continue  # a dock's own buttons: the dock is shown and hidden from the Go menu
        if not w.isVisibleTo(window) or not w.isEnabled():
            continue
        if isinstance(w, QToolButton) and w.focusPolicy() == Qt.FocusPolicy.NoFocus:
            continue  # an auxiliary button whose action has a key of its own (the date field's Alt+Down)
        if isinstance(w, QLineEdit) and isinstance(w.parent(), (QComboBox, QAbstractSpinBox)):
            continue  # the editor inside a combo box or spin box: named and reached as its parent
        if any(isinstance(a, (QCalendarWidget, QTabBar)) for a in _ancestors(w, window)):
            continue
        found.append(w)
    return found


def _ancestors(w: QWidget, stop: QWidget) -> list[QWidget]:
    out = []
    p = w.parentWidget()
    while p is not None and p is not stop:
        out.append(p)
        p = p.parentWidget()
    return out


def _name(w: QWidget) -> str:
    iface = QAccessible.queryAccessibleInterface(w)
    return (iface.text(QAccessible.Text.Name) if iface is not None else "").strip()


def _tab_chain(window: QWidget) -> set[int]:
    chain: set[int] = set()
    w = window.nextInFocusChain()
    for _ in range(5000):
        if w is window:
            break
        if w.focusPolicy() & Qt.FocusPolicy.TabFocus:
            chain.add(id(w))
            proxy = w.focusProxy()
            if proxy is not None:
                chain.add(id(proxy))
        w = w.nextInFocusChain()
    return chain


def _describe(w: QWidget) -> str:
    return f"{type(w).__name__}:{w.objectName() or '?'}"


def test_every_input_is_named_and_reachable_by_tab(unlocked, qtbot, tmp_path) -> None:
    QAccessible.setActive(True)
    seed(unlocked.state)
    settle()
    problems: dict[str, list[str]] = {}
    seen = 0
    for name, window in every_window(unlocked.state, unlocked.main_window, tmp_path):
        chain = _tab_chain(window)
        for w in _inputs(window):
            seen += 1
            if not _name(w):
                problems.setdefault(name, []).append(f"{_describe(w)} has no accessible name or buddy")
            reachable = id(w) in chain or (w.focusProxy() is not None and id(w.focusProxy()) in chain)
            if not reachable and isinstance(w, QRadioButton):
                # Tab reaches a group of radio buttons at its checked one; arrows move within it.
                group = w.group().buttons() if w.group() else [
                    b for b in w.parentWidget().findChildren(QRadioButton) if b.parentWidget() is w.parentWidget()]
                reachable = any(id(b) in chain for b in group)
            if not reachable:
                problems.setdefault(name, []).append(f"{_describe(w)} cannot be reached with Tab")
    assert seen > 250  # the walk really went through the windows
    assert problems == {}, "\n".join(f"{k}: {v}" for k, v in problems.items())


def test_the_walk_finds_an_unnamed_or_unreachable_input(qtbot) -> None:
    """The checks themselves: a nameless field and a field Tab skips are both caught."""
    from PySide6.QtWidgets import QDialog, QVBoxLayout

    dialog = QDialog()
    qtbot.addWidget(dialog)
    nameless, skipped = QLineEdit(dialog), QLineEdit(dialog)
    skipped.setAccessibleName("Skipped")
    skipped.setFocusPolicy(Qt.FocusPolicy.ClickFocus)
    layout = QVBoxLayout(dialog)
    layout.addWidget(nameless)
    layout.addWidget(skipped)
    dialog.show()
    QAccessible.setActive(True)
    assert _inputs(dialog) == [nameless, skipped]
    assert _name(nameless) == "" and _name(skipped) == "Skipped"
    assert id(nameless) in _tab_chain(dialog) and id(skipped) not in _tab_chain(dialog)
