# SPDX-License-Identifier: LicenseRef-Proprietary
# Copyright (c) 2026 Strategy Meeting contributors
"""The meetings list model: the matching ids up front, rows fetched a page at a time.

On a local store one query returns the ids of all matching meetings in display order (a list
of ints is small even for 100,000 meetings); on the team server the first thousand come with
the count, and more are asked for (``fetch_ids``) when the view reaches past them, since every
id would cross the network on each refresh. The row text for a page of ids is fetched the
first time the view asks for a row on that page and kept in a small LRU cache. Scrolling
therefore costs one indexed query per page, and nothing loads rows the user never sees.
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Callable
from datetime import datetime
from typing import Any

from PySide6.QtCore import (QT_TRANSLATE_NOOP, QAbstractTableModel, QCoreApplication, QModelIndex,
                            QPersistentModelIndex, Qt, Signal)
from PySide6.QtGui import QBrush, QColor, QFont

from strategy_meeting.domain.listing import MeetingListing, MeetingStatus, MeetingSummary

from .paging import PAGE_SIZE

MAX_CACHED_PAGES = 40

_Index = QModelIndex | QPersistentModelIndex
OVERDUE_COLOUR = "#a4262c"

# Roles as plain ints: PySide hands ``data`` an int, and comparing ints is cheaper than
# looking up the enum's members on every call.
_DISPLAY = int(Qt.ItemDataRole.DisplayRole)
_TOOLTIP = int(Qt.ItemDataRole.ToolTipRole)
_FONT = int(Qt.ItemDataRole.FontRole)
_FOREGROUND = int(Qt.ItemDataRole.ForegroundRole)
_ACCESSIBLE_TEXT = int(Qt.ItemDataRole.AccessibleTextRole)
_USER = int(Qt.ItemDataRole.UserRole)
_ANSWERED = frozenset({_DISPLAY, _TOOLTIP, _FONT, _FOREGROUND, _ACCESSIBLE_TEXT, _USER})


class Column:
    """Columns in order, with the service's ``order_by`` key for the sortable ones."""

    REFERENCE, HELD, CHILDREN, CHAIR, STATUS, ACTIONS = range(6)
    TITLES = (QT_TRANSLATE_NOOP("MeetingListModel", "Reference"), QT_TRANSLATE_NOOP("MeetingListModel", "Held"),
              QT_TRANSLATE_NOOP("MeetingListModel", "Children"), QT_TRANSLATE_NOOP("MeetingListModel", "Chair"),
              QT_TRANSLATE_NOOP("MeetingListModel", "Status"), QT_TRANSLATE_NOOP("MeetingListModel", "Open actions"))
    SORT_KEYS: dict[int, str] = {REFERENCE: "reference", HELD: "held_at", CHAIR: "chair_name", STATUS: "status"}


def format_held(value: datetime | None) -> str:
    if value is None:
        return QCoreApplication.translate("MeetingListModel", "Not set")
    return value.astimezone().strftime("%a %d %b %Y %H:%M")


class MeetingListModel(QAbstractTableModel):
    """``fetch_page(ids)`` returns summaries for those ids (any order, missing ones skipped)."""

    sort_requested = Signal(str, bool)  # order_by, descending

    def __init__(self, fetch_page: Callable[[list[int]], list[MeetingSummary]], parent: Any = None) -> None:
        super().__init__(parent)
        self._fetch_page = fetch_page
        self._ids: list[int] = []
        self._pages: OrderedDict[int, dict[int, MeetingSummary]] = OrderedDict()
        self._preview_total: int | None = None  # set while showing a start-up preview
        # A listing that came in part (the team server): its count, and where the rest is.
        self._total: int | None = None
        self._fetch_ids: Callable[[int, int], list[int]] | None = None
        self.pages_fetched = 0  # for tests and the benchmark: how many page queries ran

    # ---- contents -------------------------------------------------------------------

    def set_ids(self, ids: list[int]) -> None:
        self.set_listing(MeetingListing(len(ids), list(ids)))

    def set_listing(self, listing: MeetingListing,
                    fetch_ids: Callable[[int, int], list[int]] | None = None) -> None:
        """Show ``listing``; when it is not complete, ``fetch_ids(offset, limit)`` gives the
        ids past those it holds, in the same order, as the view scrolls to them."""
        self.beginResetModel()
        self._ids = list(listing.ids)
        self._pages.clear()
        self._preview_total = None
        self._total = None if listing.complete or fetch_ids is None else listing.total
        self._fetch_ids = fetch_ids
        self.endResetModel()

    def _extend_ids(self, row: int) -> None:
        """Fetch ids up to the end of ``row``'s page and ten pages on (a listing in part)."""
        if self._fetch_ids is None or self._total is None:
            return
        wanted = min(self._total, (row // PAGE_SIZE + 1) * PAGE_SIZE + 10 * PAGE_SIZE) - len(self._ids)
        if wanted <= 0:
            return
        try:
            more = self._fetch_ids(len(self._ids), wanted)
        except Exception:  # noqa: BLE001 - e.g. locked mid-paint: show blanks, never crash a paint
            return
        if not more:  # the list shrank since it was counted: the rest shows blank until refreshed
            self._fetch_ids = None
            return
        self._ids.extend(more)

    def set_preview(self, total: int, first_page: list[MeetingSummary]) -> None:
        """The list's first page read before the store is fully open (start-up): ``total``
        rows, of which only the first page is known; the rest show as "…" until ``set_ids``."""
        self.beginResetModel()
        self._ids = [s.id for s in first_page[:PAGE_SIZE]]
        self._pages.clear()
        self._pages[0] = {s.id: s for s in first_page[:PAGE_SIZE]}
        self._preview_total = max(total, len(self._ids))
        self.pages_fetched += 1
        self.endResetModel()

    @property
    def is_preview(self) -> bool:
        return self._preview_total is not None

    def clear(self) -> None:
        """Drop every id and cached row (on lock: nothing of the record stays in the model)."""
        self.set_ids([])

    def invalidate_rows(self) -> None:
        """Keep the ids, refetch row text (after an edit that changed what a row shows)."""
        self._pages.clear()
        if self._ids:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self._ids) - 1, len(Column.TITLES) - 1))

    @property
    def ids(self) -> list[int]:
        return self._ids

    def summary(self, row: int) -> MeetingSummary | None:
        if row >= len(self._ids) and self._total is not None and row < self._total:
            self._extend_ids(row)
        if not 0 <= row < len(self._ids):
            return None  # includes a preview's rows past its first page
        page_no = row // PAGE_SIZE
        page = self._pages.get(page_no)
        if page is None:
            page = self._load_page(page_no)
        else:
            self._pages.move_to_end(page_no)
        return page.get(self._ids[row])

    def _load_page(self, page_no: int) -> dict[int, MeetingSummary]:
        ids = self._ids[page_no * PAGE_SIZE:(page_no + 1) * PAGE_SIZE]
        try:
            rows = self._fetch_page(ids)
        except Exception:  # noqa: BLE001 - e.g. locked mid-paint: show blanks, never crash a paint
            return {}
        self.pages_fetched += 1
        page = {s.id: s for s in rows}
        self._pages[page_no] = page
        while len(self._pages) > MAX_CACHED_PAGES:
            self._pages.popitem(last=False)
        return page

    # ---- Qt model -------------------------------------------------------------------

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: N802, B008
        if parent.isValid():
            return 0
        if self._preview_total is not None:
            return self._preview_total
        return len(self._ids) if self._total is None else self._total

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else len(Column.TITLES)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:  # noqa: N802
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return QCoreApplication.translate("MeetingListModel", Column.TITLES[section])
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.ToolTipRole:
            return (QCoreApplication.translate("MeetingListModel", "Click to sort") if section in Column.SORT_KEYS
                    else QCoreApplication.translate("MeetingListModel", "This column cannot be sorted"))
        return None

    def data(self, index: _Index, role: int = _DISPLAY) -> Any:
        # The view asks for seven roles per visible cell on every paint; the ones this model
        # never answers are turned away before anything else is looked at.
        if role not in _ANSWERED or not index.isValid():
            return None
        s = self.summary(index.row())
        if s is None:
            return "…" if role == _DISPLAY and index.column() == 0 else None
        col = index.column()
        if role == _DISPLAY or role == _ACCESSIBLE_TEXT:
            return self._text(s, col)
        if role == _USER:
            return s.reference
        if col != Column.ACTIONS or not s.overdue_actions:
            return None
        if role == _TOOLTIP:
            return f"{s.overdue_actions} overdue"
        if role == _FOREGROUND:
            return QBrush(QColor(OVERDUE_COLOUR))
        font = QFont()  # _FONT
        font.setBold(True)
        return font

    @staticmethod
    def _text(s: MeetingSummary, col: int) -> str:
        if col == Column.REFERENCE:
            return s.reference + (" (reconvened)" if s.kind.value == "reconvened" else "")
        if col == Column.HELD:
            return format_held(s.held_at)
        if col == Column.CHILDREN:
            return s.child_names
        if col == Column.CHAIR:
            return s.chair_name
        if col == Column.STATUS:
            return MeetingStatus(s.status).label
        if s.overdue_actions:
            return f"{s.open_actions} ({s.overdue_actions} overdue)"
        return str(s.open_actions) if s.open_actions else ""

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Sorting is the service's job (it orders all ids); the view only asks."""
        key = Column.SORT_KEYS.get(column)
        if key is not None:
            self.sort_requested.emit(key, order == Qt.SortOrder.DescendingOrder)
