# SPDX-License-Identifier: LicenseRef-Proprietary
# Copyright (c) 2026 Strategy Meeting contributors
"""The sharing-decision log of one meeting as a table (issue 14): when, who, which item, what
changed, who could see it before and after (in ``domain.sharing.seen_by``'s words), the
recipient of a share or a withholding, and the reason.

The model is built over a list of the domain's ``SharingLogEntry``, so it shows whatever the
service returns and can be fed entries directly; it decides nothing.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QCoreApplication, QModelIndex, QPersistentModelIndex, Qt

from strategy_meeting.domain.meeting import Meeting
from strategy_meeting.domain.sharing import FAMILY_KEY, seen_by
from strategy_meeting.domain.sharing_log import SharingChangeKind, SharingItemKind, SharingLogEntry
from strategy_meeting.domain.sharing_terms import SharingTerms

_Index = QModelIndex | QPersistentModelIndex
SORT_ROLE = Qt.ItemDataRole.UserRole + 51


def _tr(text: str) -> str:
    return QCoreApplication.translate("SharingLogModel", text)


CHANGE_LABELS: dict[SharingChangeKind, str] = {
    SharingChangeKind.SET: "Audience chosen",
    SharingChangeKind.CHANGED: "Terms changed",
    SharingChangeKind.LOOSENED: "Restriction loosened",
    SharingChangeKind.SHARED: "Shared",
    SharingChangeKind.WITHHELD: "Withheld",
}

KIND_LABELS: dict[SharingItemKind, str] = {
    SharingItemKind.CONTRIBUTION: "Contribution",
    SharingItemKind.ACTION: "Action",
    SharingItemKind.DECISION: "Decision",
    SharingItemKind.ADDENDUM: "Addendum",
}


class SharingLogModel(QAbstractTableModel):
    COLUMNS = ("When", "Who", "Item", "Change", "Before \u2192 after", "Recipient", "Reason")

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.entries: list[SharingLogEntry] = []
        self.meeting: Meeting | None = None
        self._rows: list[tuple[str, ...]] = []  # each row's words, worked out once per load

    def set_entries(self, entries: list[SharingLogEntry], meeting: Meeting | None) -> None:
        self.beginResetModel()
        self.entries = list(entries)
        self.meeting = meeting
        # The view asks for several roles of every cell on each paint and sort: the words
        # (a search of the meeting, two parses of terms) are made here, once.
        self._rows = [tuple(self._words(n, c) for c in range(len(self.COLUMNS))) for n in range(len(self.entries))]
        self.endResetModel()

    def clear(self) -> None:
        self.set_entries([], None)

    # -- words -------------------------------------------------------------------------------------

    def _owner_and_label(self, entry: SharingLogEntry) -> tuple[str | None, str]:
        """The agency that gave or owns the item (for "who gave it") and the item as the
        workspace numbers it; an item no longer in the record keeps its kind and id."""
        kind = _tr(KIND_LABELS[entry.item_kind])
        m = self.meeting
        if m is not None:
            lists: dict[SharingItemKind, Callable[[], list[Any]]] = {
                SharingItemKind.CONTRIBUTION: lambda: m.contributions,
                SharingItemKind.ACTION: lambda: m.actions,
                SharingItemKind.DECISION: lambda: m.decisions,
            }
            if entry.item_kind is SharingItemKind.ADDENDUM:
                return None, f"{kind} {entry.item_id}"
            for n, item in enumerate(lists[entry.item_kind](), start=1):
                if item.id == entry.item_id:
                    owner = getattr(item, "owner_agency", None) or None
                    return owner, f"{kind} {n}" + (f" \u00b7 {owner}" if owner else "")
        return None, f"{kind} {entry.item_id}"

    def _terms_words(self, terms: dict[str, object] | None, owner: str | None) -> str:
        if terms is None:
            return _tr("(new item)")
        try:
            parsed = SharingTerms.from_json(terms)
        except (ValueError, TypeError):
            return _tr("(terms not readable)")
        codes = self.meeting.agency_codes if self.meeting is not None else []
        return seen_by(owner, parsed, codes).removeprefix("Seen by: ")

    def text(self, row: int, column: int) -> str:
        return self._rows[row][column]

    def _words(self, row: int, column: int) -> str:
        entry = self.entries[row]
        owner, label = self._owner_and_label(entry)
        if column == 0:
            return entry.at.astimezone().strftime("%d/%m/%Y %H:%M")
        if column == 1:
            return entry.by
        if column == 2:
            return label
        if column == 3:
            return _tr(CHANGE_LABELS[entry.change])
        if column == 4:
            if entry.change in (SharingChangeKind.SHARED, SharingChangeKind.WITHHELD) and entry.before is None \
                    and entry.after is None:
                return ""
            return f"{self._terms_words(entry.before, owner)}\n\u2192 {self._terms_words(entry.after, owner)}"
        if column == 5:
            if entry.recipient == FAMILY_KEY:
                return _tr("The family")
            return entry.recipient
        return entry.reason

    # -- Qt --------------------------------------------------------------------------------------

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else len(self.entries)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else len(self.COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:  # noqa: N802
        if orientation is Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return _tr(self.COLUMNS[section])
        return None

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole, Qt.ItemDataRole.ToolTipRole):
            return self.text(index.row(), index.column())
        if role == SORT_ROLE:
            entry = self.entries[index.row()]
            if index.column() == 0:
                return entry.at.isoformat()
            return self.text(index.row(), index.column()).casefold()
        return None
