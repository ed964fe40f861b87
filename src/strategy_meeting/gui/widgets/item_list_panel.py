# SPDX-License-Identifier: LicenseRef-Proprietary
# Copyright (c) 2026 Strategy Meeting contributors
"""A titled list of items with Add / Edit / Remove / Move buttons and their keys.

Keys: Insert adds, Enter or F2 edits, Delete removes, Ctrl+Up and Ctrl+Down move. The view can
be a table or a tree; an item is whatever the model returns for ``ITEM_ROLE`` (a group row in a
tree returns nothing, so it cannot be edited or removed).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QEvent, QModelIndex, QObject, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from strategy_meeting.gui.models.meeting_items import ITEM_ROLE
from strategy_meeting.gui.widgets.sharing_badge import SharingBadgeDelegate

SIZE_SAMPLE = 40  # rows looked at to size columns


class ItemListPanel(QWidget):
    addRequested = Signal()
    editRequested = Signal(object)
    removeRequested = Signal(object)
    moveRequested = Signal(object, int)
    currentChanged = Signal(object)  # the current item, or None

    def __init__(self, title: str, noun: str, model: Any, key_of: Callable[[Any], str],
                 tree: bool = False, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.noun = noun
        self.model = model
        self.key_of = key_of
        self.title_label = QLabel(f"<b>{title}</b>", self)
        self.view: QAbstractItemView = QTreeView(self) if tree else QTableView(self)
        self.view.setModel(model)
        self.view.setAccessibleName(title)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.setAlternatingRowColors(True)
        # Badges only where the model says a column holds sharing terms; every other cell keeps
        # Qt's own delegate (no Python call per cell when columns are sized).
        for column, spec in enumerate(getattr(model, "columns", [])):
            if getattr(spec, "sharing", False):
                self.view.setItemDelegateForColumn(column, SharingBadgeDelegate(self.view))
        if isinstance(self.view, QTableView):
            header = self.view.horizontalHeader()
            # Size columns and rows on the first rows only: a meeting may hold hundreds.
            header.setResizeContentsPrecision(SIZE_SAMPLE)
            self.view.verticalHeader().setResizeContentsPrecision(SIZE_SAMPLE)
            header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
            header.setStretchLastSection(True)
            self.view.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
            self.view.setWordWrap(True)
        else:
            tree_view: QTreeView = self.view  # type: ignore[assignment]
            tree_view.setUniformRowHeights(True)
            tree_view.header().setStretchLastSection(True)
        self.title_label.setBuddy(self.view)

        self.add_button = QPushButton(self.tr("Add {0}\u2026").format(noun), self)
        self.edit_button = QPushButton(self.tr("Edit\u2026"), self)
        self.remove_button = QPushButton(self.tr("Remove"), self)
        self.up_button = QPushButton(self.tr("Move up"), self)
        self.down_button = QPushButton(self.tr("Move down"), self)
        for button, name in ((self.add_button, self.tr("Add {0}").format(noun)),
                             (self.edit_button, self.tr("Edit selected {0}").format(noun)),
                             (self.remove_button, self.tr("Remove selected {0}").format(noun)),
                             (self.up_button, self.tr("Move selected {0} up").format(noun)),
                             (self.down_button, self.tr("Move selected {0} down").format(noun))):
            button.setAccessibleName(name)
            button.setToolTip(name)
        self.add_button.setToolTip(self.tr("Add {0} (Insert)").format(noun))
        self.edit_button.setToolTip(self.tr("Edit selected {0} (Enter or F2)").format(noun))
        self.remove_button.setToolTip(self.tr("Remove selected {0} (Delete)").format(noun))
        self.up_button.setToolTip(self.tr("Move selected {0} up (Ctrl+Up)").format(noun))
        self.down_button.setToolTip(self.tr("Move selected {0} down (Ctrl+Down)").format(noun))

        buttons = QHBoxLayout()
        buttons.setContentsMargins(0, 0, 0, 0)
        for button in (self.add_button, self.edit_button, self.remove_button, self.up_button, self.down_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.title_label)
        layout.addWidget(self.view, 1)
        layout.addLayout(buttons)

        self.add_button.clicked.connect(self.addRequested)
        self.edit_button.clicked.connect(self._edit)
        self.remove_button.clicked.connect(self._remove)
        self.up_button.clicked.connect(lambda: self._move(-1))
        self.down_button.clicked.connect(lambda: self._move(1))
        self.view.activated.connect(lambda _i: self._edit())
        self.view.doubleClicked.connect(lambda _i: self._edit())
        self.view.installEventFilter(self)
        self.view.viewport().installEventFilter(self)
        self.model.modelReset.connect(self._update_buttons)
        self.view.selectionModel().currentChanged.connect(lambda *_: self._current_changed())
        self._read_only = False
        self._can_add = True
        self._update_buttons()

    # -- state -------------------------------------------------------------------------------------

    def current_item(self) -> Any | None:
        index = self.view.currentIndex()
        if not index.isValid():
            return None
        return index.siblingAtColumn(0).data(ITEM_ROLE)

    def select_key(self, key: str | None) -> None:
        if key is None:
            return
        for index in self._all_indexes():
            item = index.data(ITEM_ROLE)
            if item is not None and self.key_of(item) == key:
                self.view.setCurrentIndex(index)
                self.view.scrollTo(index)
                return

    def _all_indexes(self, parent: QModelIndex | None = None) -> list[QModelIndex]:
        parent = parent or QModelIndex()
        found = []
        for row in range(self.model.rowCount(parent)):
            index = self.model.index(row, 0, parent)
            found.append(index)
            found.extend(self._all_indexes(index))
        return found

    def set_meeting(self, meeting: Any) -> None:
        """Reload the model and keep the same item selected (by its id), so an undo or an
        autosave does not lose the user's place."""
        current = self.current_item()
        key = self.key_of(current) if current is not None else None
        self.model.set_meeting(meeting)
        if isinstance(self.view, QTreeView):
            self.view.expandAll()
            for row in range(self.model.rowCount()):
                self.view.setFirstColumnSpanned(row, QModelIndex(), True)
            # Group headings span the row, so size the columns on the items' own text.
            for column in range(self.model.columnCount() - 1):
                self.view.setColumnWidth(column, self._tree_column_width(column))
        else:
            self._fit_columns()
        self.select_key(key)
        self._update_buttons()

    def _fit_columns(self) -> None:
        """Size table columns to their contents, then narrow the widest ones until the table
        fits its width (the full text is in the tooltip and the detail pane). The last column
        stretches over what is left."""
        view: QTableView = self.view  # type: ignore[assignment]
        header = view.horizontalHeader()
        count = self.model.columnCount()
        if count == 0:
            return
        widths = [max(view.sizeHintForColumn(c), header.sectionSizeHint(c)) for c in range(count)]
        available = view.viewport().width()
        em = view.fontMetrics().horizontalAdvance("M")
        limit = 28 * em
        widths = [min(w, limit) for w in widths]
        while available > 0 and limit > 6 * em and sum(widths) > available:
            limit -= em
            widths = [min(w, limit) for w in widths]
        for column, width in enumerate(widths[:-1]):
            header.resizeSection(column, width)

    def _tree_column_width(self, column: int) -> int:
        view: QTreeView = self.view  # type: ignore[assignment]
        widest = view.header().sectionSizeFromContents(column).width()
        sampled = 0
        for group in range(self.model.rowCount()):
            parent = self.model.index(group, 0)
            for row in range(min(self.model.rowCount(parent), SIZE_SAMPLE - sampled)):
                sampled += 1
                index = self.model.index(row, column, parent)
                widest = max(widest, view.itemDelegateForIndex(index).sizeHint(view.viewOptions()
                             if hasattr(view, "viewOptions") else self._option(), index).width())
        indent = 2 * view.indentation() if column == 0 else 0
        return widest + indent + view.fontMetrics().horizontalAdvance("M")

    def _option(self) -> Any:
        from PySide6.QtWidgets import QStyleOptionViewItem

        option = QStyleOptionViewItem()
        option.initFrom(self.view)
        option.font = self.view.font()
        return option

    def set_read_only(self, read_only: bool, can_add: bool | None = None) -> None:
        self._read_only = read_only
        self._can_add = (not read_only) if can_add is None else can_add
        self._update_buttons()

    def _update_buttons(self) -> None:
        has = self.current_item() is not None
        self.add_button.setVisible(self._can_add)
        for button in (self.edit_button, self.remove_button, self.up_button, self.down_button):
            button.setVisible(not self._read_only)
            button.setEnabled(has)

    def _current_changed(self) -> None:
        self._update_buttons()
        self.currentChanged.emit(self.current_item())

    # -- actions -----------------------------------------------------------------------------------

    def _edit(self) -> None:
        item = self.current_item()
        if item is not None and not self._read_only:
            self.editRequested.emit(item)

    def _remove(self) -> None:
        item = self.current_item()
        if item is not None and not self._read_only:
            self.removeRequested.emit(item)

    def _move(self, delta: int) -> None:
        item = self.current_item()
        if item is not None and not self._read_only:
            self.moveRequested.emit(item, delta)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        if watched is self.view.viewport() and event.type() == QEvent.Type.Resize and isinstance(self.view, QTableView):
            old = event.oldSize().width()  # type: ignore[attr-defined]
            if old != event.size().width():  # type: ignore[attr-defined]
                self._fit_columns()
        if watched is self.view and event.type() == QEvent.Type.KeyPress:
            key_event: QKeyEvent = event  # type: ignore[assignment]
            key, mods = key_event.key(), key_event.modifiers()
            if key == Qt.Key.Key_Insert and self._can_add:
                self.addRequested.emit()
                return True
            if key == Qt.Key.Key_F2:
                self._edit()
                return True
            if key == Qt.Key.Key_Delete:
                self._remove()
                return True
            if mods & Qt.KeyboardModifier.ControlModifier and key in (Qt.Key.Key_Up, Qt.Key.Key_Down):
                self._move(-1 if key == Qt.Key.Key_Up else 1)
                return True
        return super().eventFilter(watched, event)
