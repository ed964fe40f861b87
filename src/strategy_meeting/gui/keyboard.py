# SPDX-License-Identifier: LicenseRef-Proprietary
# Copyright (c) 2026 Strategy Meeting contributors
"""Keyboard-first behaviour for the whole app, set once on the application's style (which
also fits each window to its screen: gui/window_fit.py).

- A focus frame that can be seen: two pixels in a dark blue (high contrast against white and
  against the selection), around a focused control, and around the whole current row of a
  focused table or list, not the platform's dotted hairline round one cell.
- Enter presses a focused push button outside dialogs too (Qt does it only in dialogs).
- Tab leaves a table or list (arrows move within it), rather than walking every cell.
- Enter on a list or table that opens what it lists (``enter_opens``) opens its current row
  even when no row is selected yet (focus that arrives by Tab makes a row current without
  selecting it).

Done in a proxy style's ``polish`` (once per widget), not with an application-wide event
filter or style sheet, which would slow every event and every table paint.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QRect, Qt
from PySide6.QtGui import QColor, QKeyEvent, QPainter, QPen
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QProxyStyle,
    QPushButton,
    QStyle,
    QWidget,
    QStyleOptionViewItem,
)

FOCUS_COLOUR = QColor("#0b3d91")
FOCUS_WIDTH = 2
_ENTER = (Qt.Key.Key_Return, Qt.Key.Key_Enter)


class _EnterKeys(QObject):
    """Enter on a push button clicks it; Enter on an item view activates its current row."""

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        if event.type() != QEvent.Type.KeyPress:
            return False
        assert isinstance(event, QKeyEvent)
        if event.key() not in _ENTER or event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier:
            return False
        if isinstance(watched, QPushButton) and watched.isEnabled():
            watched.animateClick()
            return True
        if isinstance(watched, QAbstractItemView):
            index = watched.currentIndex()
            if index.isValid() and watched.state() != QAbstractItemView.State.EditingState:
                selection = watched.selectionModel()
                if selection is not None and not selection.isSelected(index):
                    flags = selection.SelectionFlag.ClearAndSelect
                    if watched.selectionBehavior() == QAbstractItemView.SelectionBehavior.SelectRows:
                        flags |= selection.SelectionFlag.Rows
                    selection.select(index, flags)
                watched.activated.emit(index)
                return True
        return False


class KeyboardStyle(QProxyStyle):
    def __init__(self, base: QStyle | None = None) -> None:
        if base is not None:
            super().__init__(base)
        else:
            super().__init__()
        self._enter = _EnterKeys(self)
        from strategy_meeting.gui.window_fit import WindowFitter

        self._fitter = WindowFitter(self)

    def polish(self, arg):  # type: ignore[no-untyped-def, override]  # QWidget | QPalette | QApplication
        result = super().polish(arg)
        if isinstance(arg, QPushButton):
            arg.installEventFilter(self._enter)  # (in a dialog Qt's own default button agrees)
        if isinstance(arg, QAbstractItemView):
            # Tab leaves a table for the next control; the arrow keys move inside it. (A table
            # view's Tab otherwise walks every cell, a trap on a list of any length.)
            arg.setTabKeyNavigation(False)
        if isinstance(arg, QWidget) and arg.isWindow():
            arg.installEventFilter(self._fitter)  # opens inside the screen (gui/window_fit.py)
        return result

    def drawPrimitive(self, element, option, painter, widget=None):  # type: ignore[no-untyped-def]  # noqa: N802
        if element == QStyle.PrimitiveElement.PE_FrameFocusRect:
            if isinstance(widget, QAbstractItemView):
                return  # the row frame is drawn with the item (drawControl)
            _frame(painter, option.rect)
            return
        super().drawPrimitive(element, option, painter, widget)

    def drawControl(self, element, option, painter, widget=None):  # type: ignore[no-untyped-def]  # noqa: N802
        super().drawControl(element, option, painter, widget)
        if (element == QStyle.ControlElement.CE_ItemViewItem and isinstance(widget, QAbstractItemView)
                and isinstance(option, QStyleOptionViewItem) and widget.hasFocus()):
            current = widget.currentIndex()
            index = option.index
            if not current.isValid() or index.row() != current.row() or index.parent() != current.parent():
                return
            rows = widget.selectionBehavior() == QAbstractItemView.SelectionBehavior.SelectRows
            if not rows and index.column() != current.column():
                return
            model = index.model()
            first = not rows or index.column() == _first_visible_column(widget, model.columnCount(index.parent()))
            last = not rows or index.column() == _last_visible_column(widget, model.columnCount(index.parent()))
            _row_frame(painter, option.rect, first, last)


def _first_visible_column(view: QAbstractItemView, count: int) -> int:
    hidden = getattr(view, "isColumnHidden", lambda _c: False)
    return next((c for c in range(count) if not hidden(c)), 0)


def _last_visible_column(view: QAbstractItemView, count: int) -> int:
    hidden = getattr(view, "isColumnHidden", lambda _c: False)
    return next((c for c in reversed(range(count)) if not hidden(c)), count - 1)


def _pen() -> QPen:
    pen = QPen(FOCUS_COLOUR)
    pen.setWidth(FOCUS_WIDTH)
    pen.setJoinStyle(Qt.PenJoinStyle.MiterJoin)
    return pen


def _frame(painter: QPainter, rect: QRect) -> None:
    painter.save()
    painter.setRenderHint(QPainter.RenderHint.Antialiasing, False)
    painter.setPen(_pen())
    painter.setBrush(Qt.BrushStyle.NoBrush)
    painter.drawRect(rect.adjusted(1, 1, -1, -1))
    painter.restore()


def _row_frame(painter: QPainter, rect: QRect, first: bool, last: bool) -> None:
    painter.save()
    painter.setRenderHint(QPainter.RenderHint.Antialiasing, False)
    painter.setPen(_pen())
    r = rect.adjusted(0, 1, 0, -1)
    painter.drawLine(r.topLeft(), r.topRight())
    painter.drawLine(r.bottomLeft(), r.bottomRight())
    if first:
        painter.drawLine(r.topLeft() + _dx(1), r.bottomLeft() + _dx(1))
    if last:
        painter.drawLine(r.topRight() - _dx(1), r.bottomRight() - _dx(1))
    painter.restore()


def _dx(n: int):  # type: ignore[no-untyped-def]
    from PySide6.QtCore import QPoint

    return QPoint(n, 0)


_ENTER_OPENS = _EnterKeys()


def enter_opens(view: QAbstractItemView) -> None:
    """Enter on ``view`` activates its current row, selecting it first. Asked for by the lists
    that open what they list; not given to every view, since a calendar's or a combo box's own
    view handles Enter itself."""
    view.installEventFilter(_ENTER_OPENS)


def install(app: QApplication) -> KeyboardStyle:
    """Wrap the application's style once (a second call keeps the first wrapper)."""
    current = app.style()
    if isinstance(current, KeyboardStyle):
        return current
    style = KeyboardStyle()
    app.setStyle(style)
    return style
