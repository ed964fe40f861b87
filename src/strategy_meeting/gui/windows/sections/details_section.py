# SPDX-License-Identifier: LicenseRef-Proprietary
# Copyright (c) 2026 Strategy Meeting contributors
"""Details and referral: when and how the meeting is held, who chairs it, and the referral."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP
from PySide6.QtWidgets import QCheckBox, QWidget

from strategy_meeting.domain.meeting import (
    FORMAT_LABELS,
    ConcernCategory,
    Meeting,
    MeetingKind,
    Person,
)
from strategy_meeting.gui.dialogs.item_dialog import fill_agency_combo, fill_combo
from strategy_meeting.gui.forms.ui_details_section import Ui_DetailsSection

from .form_section import Binding, FormSection, combo_binding, date_binding, line_binding, text_binding

KIND_LABELS = {MeetingKind.INITIAL: QT_TRANSLATE_NOOP("DetailsSection", "Initial strategy discussion"),
               MeetingKind.RECONVENED: QT_TRANSLATE_NOOP("DetailsSection", "Reconvened")}


def _minute_taker(m: Meeting, name: str) -> Person | None:
    if not name:
        return None
    return replace(m.minute_taker, name=name) if m.minute_taker else Person(name, m.chair.agency, "Minute taker")


class DetailsSection(FormSection):
    key = "details"
    title = QT_TRANSLATE_NOOP("DetailsSection", "Details and referral")

    def __init__(self, host: Any, parent: QWidget | None = None) -> None:
        super().__init__(host, parent)
        self.ui = Ui_DetailsSection()
        self.ui.setupUi(self)
        ui = self.ui
        fill_combo(ui.kindCombo, [(self.tr(label), kind) for kind, label in KIND_LABELS.items()], MeetingKind.INITIAL)
        fill_combo(ui.formatCombo, [(self.tr("Not recorded"), "")] + [(label, f) for f, label in FORMAT_LABELS.items()], "")
        self.category_checks: dict[ConcernCategory, QCheckBox] = {
            ConcernCategory.PHYSICAL_ABUSE: ui.physicalCheck,
            ConcernCategory.SEXUAL_ABUSE: ui.sexualCheck,
            ConcernCategory.EMOTIONAL_ABUSE: ui.emotionalCheck,
            ConcernCategory.NEGLECT: ui.neglectCheck,
            ConcernCategory.OTHER: ui.otherCheck,
        }

        self.bind(combo_binding("kind", "kind", "kind of meeting", ui.kindCombo,
                                lambda m: m.kind, lambda m, v: v))
        self.bind(combo_binding("format", "format", "format", ui.formatCombo,
                                lambda m: m.format or "", lambda m, v: v or None))
        self.bind(date_binding("held_at", "held_at", "date and time held", ui.heldAtEdit,
                               lambda m: m.held_at, lambda m, v: v))
        self.bind(line_binding("location", "location", "location", ui.locationEdit,
                               lambda m: m.location, lambda m, v: v))
        self.bind(line_binding("chair.name", "chair", "chair's name", ui.chairNameEdit,
                               lambda m: m.chair.name, lambda m, v: replace(m.chair, name=v)))
        self.bind(line_binding("chair.role", "chair", "chair's role", ui.chairRoleEdit,
                               lambda m: m.chair.role, lambda m, v: replace(m.chair, role=v)))
        self.bind(line_binding("minute_taker", "minute_taker", "minute taker", ui.minuteTakerEdit,
                               lambda m: m.minute_taker.name if m.minute_taker else "", _minute_taker))
        self.bind(date_binding("referral.received_at", "referral", "referral received", ui.receivedAtEdit,
                               lambda m: m.referral.received_at,
                               lambda m, v: replace(m.referral, received_at=v)))
        self.bind(combo_binding("referral.source_agency", "referral", "referring agency", ui.sourceCombo,
                                lambda m: m.referral.source_agency,
                                lambda m, v: replace(m.referral, source_agency=v or "")))

        self.bind(Binding("referral.categories", "referral", "categories of concern", ui.categoriesBox,
                          self._read_categories, self._write_categories,
                          lambda m: list(m.referral.categories),
                          lambda m, v: replace(m.referral, categories=v), False),
                  signals=[check.toggled for check in self.category_checks.values()])
        self.bind(text_binding("referral.reason", "referral", "reason for referral", ui.reasonEdit,
                               lambda m: m.referral.reason, lambda m, v: replace(m.referral, reason=v)))

    def _read_categories(self) -> list[ConcernCategory]:
        return [c for c, check in self.category_checks.items() if check.isChecked()]

    def _write_categories(self, value: list[ConcernCategory] | None) -> None:
        for c, check in self.category_checks.items():
            check.setChecked(c in (value or []))

    def show_meeting(self, meeting: Meeting) -> None:
        self._loading = True
        try:
            self.ui.referenceEdit.setText(meeting.reference)
            if "referral.source_agency" not in self.dirty:
                fill_agency_combo(self.ui.sourceCombo, meeting, meeting.referral.source_agency, blank=self.tr("Not recorded"))
        finally:
            self._loading = False
        super().show_meeting(meeting)

    def clear(self) -> None:
        super().clear()
        self.ui.referenceEdit.clear()
        if "referral.source_agency" not in self.dirty:
            self._loading = True
            self.ui.sourceCombo.clear()
            self._loading = False
