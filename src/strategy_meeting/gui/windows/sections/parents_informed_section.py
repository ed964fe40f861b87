# SPDX-License-Identifier: LicenseRef-Proprietary
# Copyright (c) 2026 Strategy Meeting contributors
"""Parents and carers informed: when, how and by whom, or why telling them is delayed."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP
from PySide6.QtWidgets import QWidget

from strategy_meeting.gui.forms.ui_parents_informed_section import Ui_ParentsInformedSection

from .form_section import FormSection, date_binding, line_binding, text_binding


class ParentsInformedSection(FormSection):
    key = "parents"
    title = QT_TRANSLATE_NOOP("ParentsInformedSection", "Parents informed")

    def __init__(self, host: Any, parent: QWidget | None = None) -> None:
        super().__init__(host, parent)
        self.ui = Ui_ParentsInformedSection()
        self.ui.setupUi(self)
        ui = self.ui
        field = "parents_informed"
        self.bind(date_binding("parents.when", field, "when parents were told", ui.whenEdit,
                               lambda m: m.parents_informed.when,
                               lambda m, v: replace(m.parents_informed, when=v)))
        self.bind(line_binding("parents.how", field, "how parents were told", ui.howEdit,
                               lambda m: m.parents_informed.how,
                               lambda m, v: replace(m.parents_informed, how=v)))
        self.bind(line_binding("parents.by", field, "who told the parents", ui.byEdit,
                               lambda m: m.parents_informed.by,
                               lambda m, v: replace(m.parents_informed, by=v)))
        self.bind(text_binding("parents.delay", field, "reason for delay", ui.delayEdit,
                               lambda m: m.parents_informed.delay_reason,
                               lambda m, v: replace(m.parents_informed, delay_reason=v)))
