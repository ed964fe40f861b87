# SPDX-License-Identifier: LicenseRef-Proprietary
# Copyright (c) 2026 Strategy Meeting contributors
"""Next steps: the initial child protection conference date, the review or reconvened
meeting, and planning the enquiry (issue 15): whose bank holidays count, the criminal
investigation's timing and lead, legal advice or a legal planning meeting, and the parents'
communication needs and interpreter; and, for the family's copy (issue 14), what happens next
and who to contact, in plain words."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP
from PySide6.QtWidgets import QWidget

from strategy_meeting.domain.meeting import CriminalInvestigation
from strategy_meeting.gui.dialogs.item_dialog import fill_combo
from strategy_meeting.gui.forms.ui_next_steps_section import Ui_NextStepsSection

from .form_section import FormSection, combo_binding, date_binding, line_binding, text_binding

NATIONS = [(QT_TRANSLATE_NOOP("NextStepsSection", "England"), "england"),
           (QT_TRANSLATE_NOOP("NextStepsSection", "Wales"), "wales"),
           (QT_TRANSLATE_NOOP("NextStepsSection", "Scotland"), "scotland"),
           (QT_TRANSLATE_NOOP("NextStepsSection", "Northern Ireland"), "northern_ireland")]
# A combo cannot hold None as data reliably: "not recorded" is "".
YES_NO = [(QT_TRANSLATE_NOOP("NextStepsSection", "Not recorded"), ""),
          (QT_TRANSLATE_NOOP("NextStepsSection", "Yes"), "yes"),
          (QT_TRANSLATE_NOOP("NextStepsSection", "No"), "no")]


def _yes_no(value: bool | None) -> str:
    return "" if value is None else ("yes" if value else "no")


def _flag(value: str) -> bool | None:
    return None if not value else value == "yes"


class NextStepsSection(FormSection):
    key = "next_steps"
    title = QT_TRANSLATE_NOOP("NextStepsSection", "Next steps")

    def __init__(self, host: Any, parent: QWidget | None = None) -> None:
        super().__init__(host, parent)
        self.ui = Ui_NextStepsSection()
        self.ui.setupUi(self)
        self.bind(date_binding("next.icpc_by", "next_steps", "conference date", self.ui.icpcEdit,
                               lambda m: m.next_steps.icpc_by, lambda m, v: replace(m.next_steps, icpc_by=v)))
        self.bind(date_binding("next.review_at", "next_steps", "review date", self.ui.reviewEdit,
                               lambda m: m.next_steps.review_at, lambda m, v: replace(m.next_steps, review_at=v)))
        ui = self.ui
        fill_combo(ui.nationCombo, [(self.tr(label), value) for label, value in NATIONS], "england")
        fill_combo(ui.criminalCombo, [(self.tr(c.label), c.value) for c in CriminalInvestigation], "")
        for combo in (ui.legalAdviceCombo, ui.legalMeetingCombo):
            fill_combo(combo, [(self.tr(label), value) for label, value in YES_NO], "")
        self.bind(combo_binding("plan.nation", "nation", "nation", ui.nationCombo,
                                lambda m: m.nation, lambda m, v: v))

        def planned(key: str, label: str, edit, attribute: str) -> None:  # type: ignore[no-untyped-def]
            self.bind(line_binding(f"plan.{attribute}", "planning", label, edit,
                                   lambda m: getattr(m.planning, attribute),
                                   lambda m, v: replace(m.planning, **{attribute: v})))

        self.bind(combo_binding("plan.criminal", "planning", "criminal investigation", ui.criminalCombo,
                                lambda m: m.planning.criminal_investigation.value,
                                lambda m, v: replace(m.planning, criminal_investigation=CriminalInvestigation(v))))
        self.bind(combo_binding("plan.legal_advice", "planning", "legal advice", ui.legalAdviceCombo,
                                lambda m: _yes_no(m.planning.legal_advice_needed),
                                lambda m, v: replace(m.planning, legal_advice_needed=_flag(v))))
        self.bind(combo_binding("plan.legal_meeting", "planning", "legal planning meeting", ui.legalMeetingCombo,
                                lambda m: _yes_no(m.planning.legal_planning_meeting),
                                lambda m, v: replace(m.planning, legal_planning_meeting=_flag(v))))
        planned("timing", "when the criminal investigation starts", ui.criminalTimingEdit,
                "criminal_investigation_timing")
        planned("lead", "who leads the criminal investigation", ui.criminalLeadEdit, "criminal_investigation_lead")
        planned("legal_notes", "legal notes", ui.legalNotesEdit, "legal_notes")
        planned("parents_needs", "parents' communication needs", ui.parentsNeedsEdit, "parents_communication_needs")
        planned("parents_interpreter", "parents' interpreter", ui.parentsInterpreterEdit, "parents_interpreter")
        # Issue 14: the family's copy says what happens next and who to contact in the chair's
        # own plain words, and holds nothing else of the next steps.
        self.bind(text_binding("next.family_next", "next_steps", "what happens next (family's copy)",
                               ui.familyNextEdit, lambda m: m.next_steps.family_next,
                               lambda m, v: replace(m.next_steps, family_next=v)))
        self.bind(text_binding("next.family_contact", "next_steps", "who the family should contact",
                               ui.familyContactEdit, lambda m: m.next_steps.family_contact,
                               lambda m, v: replace(m.next_steps, family_contact=v)))
