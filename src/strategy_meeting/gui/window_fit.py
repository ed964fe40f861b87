# SPDX-License-Identifier: LicenseRef-Proprietary
# Copyright (c) 2026 Strategy Meeting contributors
"""Every window and dialog opens inside the screen it opens on, at any scale.

Sizes in the code (``resize(1280, 800)``) are wishes in device-independent pixels: at 150 %
on a 1600x1000 screen only 1067x667 are available, and a window that size would open with
its title bar or buttons off the screen. When a window is first shown it is made no larger
than the screen's available area (less a margin for the frame), its minimum size is lowered
to fit if its layout asked for more (a page then scrolls or packs tighter rather than
hiding its buttons), and it is moved to lie wholly on that screen. A window too narrow for
its title (a small input box) is first widened so the title bar shows all of it.

Installed by the application's style (gui/keyboard.py) on each window as it is polished, so
no dialog has to remember it.
"""

from __future__ import annotations

import time


from PySide6.QtCore import QEvent, QObject, QRect, QSize, Qt, QTimer
from PySide6.QtGui import QFont, QFontMetrics, QGuiApplication
from PySide6.QtWidgets import QGridLayout, QLayout, QMessageBox, QSpacerItem, QWidget

FRAME_MARGIN = 16  # room for the window manager's frame and title bar, in logical pixels
TITLE_BAR = 32
# Beside the title in a title bar: the window's icon, its minimise, maximise and close buttons
# and the bar's margins (openbox's, measured; other window managers take about as much).
TITLE_DECORATION = 120


def available(widget: QWidget) -> QRect:
    screen = widget.screen() or QGuiApplication.primaryScreen()
    return screen.availableGeometry()


def shown_title(widget: QWidget) -> str:
    """The title as the window manager shows it: on X11 Qt adds the application's name after
    it ("Record acknowledgement \u2014 Strategy Meeting"), and an empty title is the name."""
    title = widget.windowTitle()
    name = QGuiApplication.applicationDisplayName()
    if not title:
        return name
    return title if not name or title.endswith(name) else f"{title} \u2014 {name}"


def title_width(widget: QWidget) -> int:
    """How wide ``widget`` must be for its whole title to show: the title in a bold face (as
    title bars set it) with room for the bar's icon and buttons."""
    font = QFont(widget.font())
    font.setBold(True)
    return QFontMetrics(font).horizontalAdvance(shown_title(widget)) + TITLE_DECORATION


def widen_for_title(widget: QWidget) -> None:
    """A small dialog (an input box, a progress note) is widened so the window manager need not
    cut its title ("Record a\u2026Meeting", issue 19); never past the screen (``fit`` follows)."""
    area = available(widget)
    wanted = min(title_width(widget), area.width() - 2 * FRAME_MARGIN)
    if widget.width() >= wanted:
        return
    layout = widget.layout()
    if isinstance(widget, QMessageBox) and isinstance(layout, QGridLayout):
        # A message box fixes its own size from its layout whenever it lays out: a strut as
        # wide as the title, across the bottom, makes that size wide enough.
        if widget.property("titleStrut") is None:
            widget.setProperty("titleStrut", wanted)
            layout.addItem(QSpacerItem(wanted - 2 * layout.contentsMargins().left(), 0), layout.rowCount(), 0,
                           1, max(1, layout.columnCount()))
            layout.activate()
            widget.setFixedWidth(max(widget.width(), wanted))
        return
    if widget.maximumWidth() < wanted:
        return  # a window that fixed its own width keeps it
    widget.setMinimumWidth(max(widget.minimumWidth(), wanted))
    widget.resize(wanted, widget.height())


def fit(widget: QWidget) -> None:
    """Shrink ``widget`` (a window) to the available screen and move it wholly onto it."""
    area = available(widget)
    max_w = max(200, area.width() - 2 * FRAME_MARGIN)
    max_h = max(150, area.height() - 2 * FRAME_MARGIN - TITLE_BAR)
    layout = widget.layout()
    minimum = widget.minimumSize().expandedTo(widget.minimumSizeHint())
    if layout is not None:
        minimum = minimum.expandedTo(layout.totalMinimumSize())
    if minimum.width() > max_w or minimum.height() > max_h:
        # The layout would push the window past the screen (now or when it next lays out):
        # it stops setting the minimum, and the window keeps one that fits.
        if layout is not None and layout.sizeConstraint() in (QLayout.SizeConstraint.SetDefaultConstraint,
                                                              QLayout.SizeConstraint.SetMinimumSize):
            layout.setSizeConstraint(QLayout.SizeConstraint.SetNoConstraint)
        widget.setMinimumSize(QSize(min(minimum.width(), max_w), min(minimum.height(), max_h)))
    size = widget.size()
    if size.width() > max_w or size.height() > max_h:
        widget.resize(min(size.width(), max_w), min(size.height(), max_h))
    frame = widget.frameGeometry()
    x = min(max(frame.x(), area.left()), area.right() - frame.width() + 1)
    y = min(max(frame.y(), area.top()), area.bottom() - frame.height() + 1)
    if (x, y) != (frame.x(), frame.y()):
        widget.move(max(x, area.left()), max(y, area.top()))


PLACED_AFTER_MS = 600  # by then a window manager has placed a window it was asked to show
SETTLING_SECONDS = 3.0  # a window still laying itself out after it is shown


class WindowFitter(QObject):
    """On a window's Show, fit it to its screen; again if it later grows past it (a page built
    after the first paint can raise the minimum size); and, for a few seconds after it is
    shown, whenever the window manager's placement or its own layout puts part of it off the
    screen. A window the user moves later is left where they put it."""

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        kind = event.type()
        if kind not in (QEvent.Type.Show, QEvent.Type.Resize, QEvent.Type.Move):
            return False
        if not (isinstance(watched, QWidget) and watched.isWindow()
                and watched.windowType() in (Qt.WindowType.Window, Qt.WindowType.Dialog)):
            return False
        if kind == QEvent.Type.Show:
            watched.setProperty("fitShownAt", time.monotonic())
            widen_for_title(watched)
            fit(watched)
            if not watched.testAttribute(Qt.WidgetAttribute.WA_Moved) and not watched.property("fitCentred"):
                # Placed by nobody: centred on its screen, rather than left to a window manager
                # that may cascade it past the bottom edge.
                watched.setProperty("fitCentred", True)
                area = available(watched)
                frame = watched.frameGeometry()
                watched.move(area.left() + max(0, (area.width() - frame.width()) // 2),
                             area.top() + max(0, (area.height() - frame.height() - TITLE_BAR) // 2))
            window = watched
            QTimer.singleShot(PLACED_AFTER_MS, window, lambda: _placed(window))
        elif watched.isVisible():
            settling = time.monotonic() - (watched.property("fitShownAt") or 0.0) < SETTLING_SECONDS
            grew = kind == QEvent.Type.Resize and not _fits(watched)
            if grew or settling and not available(watched).contains(watched.frameGeometry()):
                fit(watched)  # it grew past the screen (or, just shown, was put or grew off its edge)
        return False


def _placed(widget: QWidget) -> None:
    try:
        if widget.isVisible() and not available(widget).contains(widget.frameGeometry()):
            fit(widget)
    except RuntimeError:  # closed and deleted meanwhile
        pass


def _fits(widget: QWidget) -> bool:
    area = available(widget)
    return widget.width() <= area.width() and widget.height() <= area.height()
