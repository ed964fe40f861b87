# SPDX-License-Identifier: LicenseRef-Proprietary
# Copyright (c) 2026 Strategy Meeting contributors
"""Table models over the lists inside one meeting (children, participants, decisions, ...).

Each list is a ``QAbstractTableModel`` described by columns; a column turns an item (and the
meeting, for agency names) into display text. The models hold the items the last service call
returned and nothing else: clearing them on lock leaves no record in memory the views can show.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QCoreApplication, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor

from strategy_meeting.domain.action import Action, ActionStatus
from strategy_meeting.domain.contribution import TOPIC_LABELS
from strategy_meeting.domain.decision import DECISION_KIND_LABELS, Decision
from strategy_meeting.domain.meeting import Meeting, SubjectChild
from strategy_meeting.gui.widgets.sharing_badge import SHARING_ROLE, badge_subject, family_badge

ITEM_ROLE = Qt.ItemDataRole.UserRole + 1
_Index = QModelIndex | QPersistentModelIndex


def _tr(text: str) -> str:
    return QCoreApplication.translate("ItemTableModel", text)


def short_date(value: date | datetime | None) -> str:
    if value is None:
        return ""
    if isinstance(value, datetime):
        return value.astimezone().strftime("%d/%m/%Y %H:%M")
    return value.strftime("%d/%m/%Y")


def first_line(text: str, limit: int = 120) -> str:
    line = " ".join(text.split())
    return line if len(line) <= limit else line[: limit - 1] + "\u2026"


def yes_no(value: bool | None) -> str:
    return {True: _tr("Yes"), False: _tr("No"), None: _tr("Not recorded")}[value]


@dataclass(frozen=True)
class Column:
    title: str
    text: Callable[[Any, Meeting], str]
    sharing: bool = False  # paint as badges (the item has ``.sharing``)
    warn: Callable[[Any, Meeting], bool] | None = None  # highlight the cell


class ItemTableModel(QAbstractTableModel):
    """Rows are the items of one list of the meeting, in the meeting's order."""

    def __init__(self, columns: list[Column], attribute: str, parent: Any = None) -> None:
        super().__init__(parent)
        self.columns = columns
        self.attribute = attribute  # e.g. "children": which list of the meeting
        self.meeting: Meeting | None = None
        self.items: list[Any] = []

    def set_meeting(self, meeting: Meeting | None) -> None:
        self.beginResetModel()
        self.meeting = meeting
        self.items = list(getattr(meeting, self.attribute)) if meeting is not None else []
        self.endResetModel()

    def clear(self) -> None:
        self.set_meeting(None)

    def item(self, row: int) -> Any:
        return self.items[row]

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else len(self.items)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else len(self.columns)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:  # noqa: N802
        if orientation is Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.columns[section].title
        if orientation is Qt.Orientation.Vertical and role == Qt.ItemDataRole.DisplayRole:
            return str(section + 1)
        return None

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or self.meeting is None:
            return None
        item = self.items[index.row()]
        column = self.columns[index.column()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return column.text(item, self.meeting)
        if role == Qt.ItemDataRole.ToolTipRole:
            if column.sharing:
                subject = badge_subject(item, self.meeting)
                return f"{subject.seen_by}. {family_badge(subject.terms, subject.owner).explanation}"
            return column.text(item, self.meeting)
        if role == SHARING_ROLE and column.sharing:
            return badge_subject(item, self.meeting)
        if role == ITEM_ROLE:
            return item
        if role == Qt.ItemDataRole.ForegroundRole and column.warn and column.warn(item, self.meeting):
            return QBrush(QColor("#b3261e"))
        return None


def _agency(code: str, m: Meeting) -> str:
    return f"{m.agency_name(code)} ({code})" if code and m.agency(code) else code


def children_model(parent: Any = None) -> ItemTableModel:
    def dob(c: SubjectChild, _m: Meeting) -> str:
        if c.date_of_birth:
            return short_date(c.date_of_birth)
        return _tr("Expected {0}").format(short_date(c.expected_date_of_birth)) if c.expected_date_of_birth else ""

    return ItemTableModel([
        Column(_tr("Name"), lambda c, m: c.name),
        Column(_tr("Date of birth"), dob),
        Column(_tr("Gender"), lambda c, m: c.gender),
        Column(_tr("NHS number"), lambda c, m: c.nhs_number),
        Column(_tr("School or setting"), lambda c, m: c.school),
    ], "children", parent)


def household_model(parent: Any = None) -> ItemTableModel:
    return ItemTableModel([
        Column(_tr("Name"), lambda h, m: h.name),
        Column(_tr("Relationship"), lambda h, m: h.relationship),
        Column(_tr("Parental responsibility"), lambda h, m: yes_no(h.parental_responsibility)),
        Column(_tr("Address"), lambda h, m: first_line(h.address, 60)),
    ], "household", parent)


def agencies_model(parent: Any = None) -> ItemTableModel:
    return ItemTableModel([
        Column(_tr("Code"), lambda a, m: a.code),
        Column(_tr("Name"), lambda a, m: a.name),
        Column(_tr("Kind"), lambda a, m: a.effective_kind.value.replace("_", " ").capitalize()),
        Column(_tr("E-mail"), lambda a, m: a.email),
    ], "agencies", parent)


def participants_model(parent: Any = None) -> ItemTableModel:
    return ItemTableModel([
        Column(_tr("Agency"), lambda p, m: _agency(p.agency, m)),
        Column(_tr("Name"), lambda p, m: p.name),
        Column(_tr("Role"), lambda p, m: p.role),
        Column(_tr("Attendance"), lambda p, m: p.status.label),
        Column(_tr("Can decide for agency"), lambda p, m: yes_no(p.decision_authority)),
    ], "participants", parent)


def decisions_model(parent: Any = None) -> ItemTableModel:
    def relied(d: Decision, m: Meeting) -> str:
        if not d.relied_on:
            return _tr("Nothing recorded")
        agencies = []
        for item_id in d.relied_on:
            c = m.contribution(item_id)
            code = c.agency if c is not None else "?"
            if code not in agencies:
                agencies.append(code)
        return f"{len(d.relied_on)} ({', '.join(agencies)})"

    # Short columns first, the long text last where it can stretch.
    return ItemTableModel([
        Column(_tr("Decision"), lambda d, m: DECISION_KIND_LABELS[d.kind]),
        Column(_tr("Threshold met"), lambda d, m: yes_no(d.threshold_met)),
        Column(_tr("Relied on"), relied),
        Column(_tr("Dissent"), lambda d, m: ", ".join(m.agency_name(x.agency) for x in d.dissent) or _tr("None")),
        Column(_tr("Shared with"), lambda d, m: badge_subject(d, m).seen_by, sharing=True),
        Column(_tr("Outcome"), lambda d, m: first_line(d.outcome, 60)),
        Column(_tr("Rationale"), lambda d, m: first_line(d.rationale, 80) or _tr("Missing: say why"),
               warn=lambda d, m: not d.has_rationale),
    ], "decisions", parent)


def actions_model(today: Callable[[], date], parent: Any = None) -> ItemTableModel:
    def due(a: Action, _m: Meeting) -> str:
        text = short_date(a.due) or _tr("No due date")
        return _tr("{0} (overdue)").format(text) if a.is_overdue(today()) else text

    return ItemTableModel([
        Column(_tr("Action"), lambda a, m: first_line(a.description, 80)),
        # The agency's name, not its code ("EARLY_HELP" is the record's key, not a word).
        Column(_tr("Owner"), lambda a, m: f"{a.owner_name} ({m.agency_name(a.owner_agency)})" if a.owner_name
               else m.agency_name(a.owner_agency),
               warn=lambda a, m: not a.owner_name.strip()),
        Column(_tr("Due"), due, warn=lambda a, m: a.due is None or a.is_overdue(today())),
        Column(_tr("Status"), lambda a, m: a.status.value.capitalize() if a.status is not ActionStatus.OPEN else _tr("Open")),
        Column(_tr("Shared with"), lambda a, m: badge_subject(a, m).seen_by, sharing=True),
    ], "actions", parent)


def contribution_columns() -> list[Column]:
    return [
        Column(_tr("Topic"), lambda c, m: TOPIC_LABELS[c.topic]),
        Column(_tr("Shared with"), lambda c, m: badge_subject(c, m).seen_by, sharing=True),
        Column(_tr("Author"), lambda c, m: c.author),
        Column(_tr("What was shared"), lambda c, m: first_line(c.text)),
    ]

