# SPDX-License-Identifier: LicenseRef-Proprietary
# Copyright (c) 2026 Strategy Meeting contributors
"""What each agency's copy withholds, as a table: one row per contribution, action, decision
and addendum, one column per agency.

Every cell comes from the domain's ``copy_of`` for that agency (the function the minutes are
rendered from), never from a rule of our own: a slot that ``copy_of`` replaced by ``Withheld``
is withheld, a decision or addendum not in the copy's meeting is withheld, a decision in
``rationale_replaced`` is there without its own rationale, and a decision names as withheld
exactly what ``relied_on_withheld`` lists. Each row's tooltip is ``seen_by``, the same words
as the editor and the badges.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor

from strategy_meeting.domain.contribution import TOPIC_LABELS
from strategy_meeting.domain.decision import DECISION_KIND_LABELS
from strategy_meeting.domain.meeting import Meeting
from strategy_meeting.domain.sharing import FAMILY, FAMILY_KEY, MeetingCopy, Recipient, Withheld, copy_of, family_decisions, seen_by

from .meeting_items import first_line

_Index = QModelIndex | QPersistentModelIndex
INCLUDED = "Included"
WITHHELD = "Withheld"
WIDER_RATIONALE = "Included, with the rationale for other copies"
NO_RATIONALE = "Included without the rationale"
INCLUDED_COLOUR = "#e3f1e4"
WITHHELD_COLOUR = "#f8dedc"
PARTLY_COLOUR = "#fdf0c8"  # included, but not all of it


@dataclass(frozen=True)
class MatrixRow:
    label: str
    detail: str
    cells: tuple[str, ...]  # one per agency column


def copies_for(meeting: Meeting) -> dict[str, MeetingCopy]:
    """Each agency's copy, then the family's (issue 14), keyed as the manifest keys them."""
    copies = {code: copy_of(meeting, Recipient(code)) for code in meeting.agency_codes}
    copies[FAMILY_KEY] = copy_of(meeting, FAMILY)
    return copies


def column_title(code: str) -> str:
    return "Family's copy" if code == FAMILY_KEY else f"{code} copy"


def _family_decision_cell(copy: MeetingCopy, decision_id: str) -> str:
    """The family's copy holds a decision only in its family wording (domain.sharing)."""
    return INCLUDED if any(d.id == decision_id for d in family_decisions(copy.meeting)) else WITHHELD


def matrix_rows(meeting: Meeting, copies: dict[str, MeetingCopy]) -> list[MatrixRow]:
    codes = list(copies)
    rows: list[MatrixRow] = []
    names = {a.code: a.name or a.code for a in meeting.agencies}
    codes_list = list(meeting.agency_codes)
    for n, c in enumerate(meeting.contributions):
        cells = tuple(WITHHELD if isinstance(copies[code].contribution_slots[n], Withheld) else INCLUDED
                      for code in codes)
        # Numbered as listed, with the agency's name: never an internal id ("k1") or code.
        rows.append(MatrixRow(f"Contribution {n + 1} \u00b7 {names.get(c.agency, c.agency)} \u00b7 "
                              f"{TOPIC_LABELS[c.topic]}",
                              f"{first_line(c.text, 200)}\n{seen_by(c.agency, c.sharing, codes_list)}", cells))
    for n, a in enumerate(meeting.actions, start=1):
        cells = tuple(WITHHELD if isinstance(copies[code].action_slots[n - 1], Withheld) else INCLUDED
                      for code in codes)
        rows.append(MatrixRow(f"Action {n} \u00b7 {names.get(a.owner_agency, a.owner_agency)}",
                              f"{first_line(a.description, 200)}\n{seen_by(a.owner_agency, a.sharing, codes_list)}",
                              cells))
    for n, d in enumerate(meeting.decisions, start=1):
        cells = []
        for code in codes:
            if code == FAMILY_KEY:
                cells.append(_family_decision_cell(copies[code], d.id))
                continue
            held = {x.id: x for x in copies[code].meeting.decisions}
            hidden = len(copies[code].relied_on_withheld.get(d.id, []))
            relied = f"{hidden} relied-on withheld"
            if d.id not in held:
                cells.append(WITHHELD)
            elif d.id in copies[code].rationale_replaced:
                cells.append(f"{WIDER_RATIONALE if held[d.id].rationale else NO_RATIONALE}; {relied}")
            else:
                cells.append(relied if hidden else INCLUDED)
        rows.append(MatrixRow(f"Decision {n} \u00b7 {DECISION_KIND_LABELS[d.kind]}",
                              f"{first_line(d.outcome, 200)}\n{seen_by(None, d.sharing, codes_list)}", tuple(cells)))
    for addendum in meeting.addenda:
        cells = tuple(INCLUDED if any(x.number == addendum.number for x in copies[code].meeting.addenda)
                      else WITHHELD for code in codes)
        rows.append(MatrixRow(f"Addendum {addendum.number}",
                              f"{first_line(addendum.text, 200)}\n{seen_by(None, addendum.sharing, codes_list)}",
                              cells))
    return rows


def summary_lines(meeting: Meeting, copies: dict[str, MeetingCopy]) -> list[str]:
    lines = []
    for code, copy in copies.items():
        if code == FAMILY_KEY:
            worded = len(family_decisions(copy.meeting))
            lines.append(f"Family's copy: {len(copy.meeting.contributions)} contribution(s), "
                         f"{len(copy.meeting.actions)} action(s) and {worded} decision(s) in plain words; "
                         "only items marked for the family and in no restriction category.")
            continue
        counts = [
            (sum(1 for s in copy.contribution_slots if isinstance(s, Withheld)), "contribution"),
            (sum(1 for s in copy.action_slots if isinstance(s, Withheld)), "action"),
            (copy.decisions_withheld, "decision"),
            (copy.addenda_withheld, "addendum"),
        ]
        parts = [f"{n} {noun if n == 1 else ('addenda' if noun == 'addendum' else noun + 's')}"
                 for n, noun in counts if n]
        rationale = len(copy.rationale_replaced)
        tail = (f" {rationale} decision{'s' if rationale != 1 else ''} without {'their' if rationale != 1 else 'its'}"
                " own rationale." if rationale else "")
        if not parts:
            lines.append(f"{code}: the copy holds every item.{tail}")
            continue
        lines.append(f"{code}: withholds {', '.join(parts[:-1]) + ' and ' if len(parts) > 1 else ''}{parts[-1]}.{tail}")
    return lines


class CopyMatrixModel(QAbstractTableModel):
    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.codes: list[str] = []
        self.rows: list[MatrixRow] = []
        self.summary: list[str] = []

    def set_meeting(self, meeting: Meeting | None) -> None:
        self.beginResetModel()
        if meeting is None:
            self.codes, self.rows, self.summary = [], [], []
        else:
            copies = copies_for(meeting)
            self.codes = list(copies)
            self.rows = matrix_rows(meeting, copies)
            self.summary = summary_lines(meeting, copies)
        self.endResetModel()

    def clear(self) -> None:
        self.set_meeting(None)

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else len(self.codes) + 1

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:  # noqa: N802
        if orientation is Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            if section == 0:
                return self.tr("Item")
            code = self.codes[section - 1]
            return self.tr("Family's copy") if code == FAMILY_KEY else self.tr("{0} copy").format(code)
        return None

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row = self.rows[index.row()]
        if index.column() == 0:
            if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
                return row.label
            if role == Qt.ItemDataRole.ToolTipRole:
                return row.detail
            return None
        cell = row.cells[index.column() - 1]
        if role == Qt.ItemDataRole.DisplayRole:
            return cell
        if role in (Qt.ItemDataRole.AccessibleTextRole, Qt.ItemDataRole.ToolTipRole):
            if cell[:1].isdigit():
                cell = f"Included; it names {cell.split()[0]} relied-on item(s) only as withheld"
            return f"{column_title(self.codes[index.column() - 1])}: {cell}"
        if role == Qt.ItemDataRole.BackgroundRole:
            colour = {INCLUDED: INCLUDED_COLOUR, WITHHELD: WITHHELD_COLOUR}.get(cell, PARTLY_COLOUR)
            return QBrush(QColor(colour))
        if role == Qt.ItemDataRole.ForegroundRole:
            return QBrush(QColor("#1b1b1b"))
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(Qt.AlignmentFlag.AlignCenter)
        return None
