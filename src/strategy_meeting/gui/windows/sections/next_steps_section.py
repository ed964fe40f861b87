# SPDX-License-Identifier: LicenseRef-Proprietary
# Copyright (c) 2026 Strategy Meeting contributors
"""Next steps: the initial child protection conference date, and the review or reconvened
meeting."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP
from PySide6.QtWidgets import QWidget

from strategy_meeting.gui.forms.ui_next_steps_section import Ui_NextStepsSection

from .form_section import FormSection, date_binding


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
