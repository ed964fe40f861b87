# SPDX-License-Identifier: LicenseRef-Proprietary
# Copyright (c) 2026 Strategy Meeting contributors
"""The statutory checks before sign-off, shown live as a checklist beside the meeting.

The checks themselves are the domain's (``signoff_checks``): this widget lays out one line per
check that can pass, ticks it when the domain reports no warning of its kind, and lists any
warning it does not know as an extra unticked line, so a new domain check is never hidden.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import QLabel, QListWidget, QListWidgetItem, QVBoxLayout, QWidget

from strategy_meeting.domain.agency import STATUTORY_KIND_LABELS, STATUTORY_KINDS
from strategy_meeting.domain.meeting import Meeting
from strategy_meeting.domain.signoff_checks import (
    CheckKind,
    Source,
    SignOffWarning,
    applicable_checks,
    missing_statutory_kinds,
    signoff_warnings,
)

OK_MARK = "\u2714"  # heavy check mark
GAP_MARK = "\u26a0"  # warning sign
SECTION_ROLE = Qt.ItemDataRole.UserRole + 1


@dataclass(frozen=True)
class CheckLine:
    passed: bool
    label: str
    detail: str
    section: str  # which workspace section fixes it


def _tr(text: str, n: int = -1) -> str:
    return QCoreApplication.translate("StatutoryChecklist", text, None, n)


def summary_text(meeting: Meeting, lines: list[CheckLine]) -> str:
    """Before sign-off: what is left to resolve. After it the record is locked, so what the
    checks find now is what they found then, and sign-off went ahead only once the chair had
    acknowledged every warning (``signoff.sign_off`` records which in the audit trail): say
    that, rather than ask for something that can no longer be done."""
    total = len(lines)
    gaps = sum(1 for line in lines if not line.passed)
    if meeting.sign_off is None:
        if not gaps:
            return _tr("All statutory checks are met.")
        return _tr("{0} of {1} checks met; {2} to resolve before sign-off.").format(total - gaps, total, gaps)
    if not gaps:
        return _tr("Signed off with all {0} checks met.").format(total)
    acknowledged = (_tr("1 warning was acknowledged at sign-off.") if gaps == 1
                    else _tr("{0} warnings were acknowledged at sign-off.").format(gaps))
    return _tr("Signed off with {0} of {1} checks met; {2}").format(total - gaps, total, acknowledged)


def check_lines(meeting: Meeting, warnings: list[SignOffWarning] | None = None) -> list[CheckLine]:
    """One line per check that applies while drafting (those about who signs and when are
    asked at sign-off), statutory attendance as a line per agency, and any warning of a kind
    this panel does not know as an extra unticked line. ``warnings`` are the service's
    (``signoff.live_warnings``: the meeting's bank holidays and local checks); without them
    the domain's defaults."""
    found_all = signoff_warnings(meeting) if warnings is None else warnings
    by_kind: dict[CheckKind, list[SignOffWarning]] = {}
    for w in found_all:
        by_kind.setdefault(w.kind, []).append(w)
    lines: list[CheckLine] = []
    missing = set(missing_statutory_kinds(meeting))
    known: set[CheckKind] = set()
    for check in applicable_checks(meeting):
        known.add(check.kind)
        if check.kind is CheckKind.STATUTORY_AGENCY_ABSENT:
            for kind in STATUTORY_KINDS:
                label = STATUTORY_KIND_LABELS[kind]
                lines.append(CheckLine(kind not in missing, _tr("Someone from {0} attended").format(label),
                                       _tr("No one from {0} attended.").format(label) if kind in missing else "",
                                       "participants"))
            continue
        if check.source is Source.LOCAL and check.kind not in by_kind:
            continue  # a local check shows only when the administrator set it and it finds a gap
        found = by_kind.get(check.kind, [])
        title = _tr(check.title) + (_tr(" (must be met)") if check.blocking else "")
        lines.append(CheckLine(not found, title, " ".join(w.message for w in found), check.section))
    for kind, found in by_kind.items():
        if kind not in known:
            for w in found:
                lines.append(CheckLine(False, w.message, w.message, ""))
    return lines


class StatutoryChecklist(QWidget):
    """A list of ticks and warnings; activating a warning asks to open the section that fixes it."""

    sectionRequested = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.summary = QLabel(self)
        self.summary.setWordWrap(True)
        self.summary.setAccessibleName(self.tr("Statutory checks summary"))
        self.list = QListWidget(self)
        self.list.setAccessibleName(self.tr("Statutory checks"))
        self.list.setWordWrap(True)
        self.list.setAlternatingRowColors(False)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        # Why this user cannot sign off (a minute-taker), shown under the summary.
        self.note = QLabel(self)
        self.note.setWordWrap(True)
        self.note.setAccessibleName(self.tr("Who may sign off"))
        self.note.hide()
        layout.addWidget(self.summary)
        layout.addWidget(self.note)
        layout.addWidget(self.list, 1)
        self.list.itemActivated.connect(self._activated)
        self.lines: list[CheckLine] = []

    def show_meeting(self, meeting: Meeting, warnings: list[SignOffWarning] | None = None) -> None:
        self.lines = check_lines(meeting, warnings)
        self.list.clear()
        for line in self.lines:
            mark = OK_MARK if line.passed else GAP_MARK
            item = QListWidgetItem(f"{mark}  {line.label}")
            item.setToolTip(line.detail or self.tr("Done."))
            item.setData(SECTION_ROLE, line.section)
            state = self.tr("Done") if line.passed else (
                self.tr("Missing") if meeting.sign_off is None else self.tr("Acknowledged at sign-off"))
            item.setData(Qt.ItemDataRole.AccessibleTextRole,
                         self.tr("{0}: {1}. {2}").format(state, line.label, line.detail).strip())
            item.setForeground(QBrush(QColor("#2e7d32" if line.passed else "#8a4b00")))
            self.list.addItem(item)
        self.summary.setText(summary_text(meeting, self.lines))

    def set_note(self, text: str) -> None:
        self.note.setText(text)
        self.note.setVisible(bool(text))

    def clear(self) -> None:
        self.lines = []
        self.list.clear()
        self.summary.setText("")

    def _activated(self, item: QListWidgetItem) -> None:
        section = item.data(SECTION_ROLE)
        if section:
            self.sectionRequested.emit(section)
