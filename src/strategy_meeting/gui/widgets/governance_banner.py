# SPDX-License-Identifier: LicenseRef-Proprietary
# Copyright (c) 2026 Strategy Meeting contributors
"""The meeting window's records-governance banner (issue 16): a legal hold in force, and an
Article 18 restriction, said where the user is looking."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QWidget
from shiboken6 import isValid

from strategy_meeting.gui import ops
from strategy_meeting.services.governance.marks import MeetingMarks, marks_for


class GovernanceBanner(QLabel):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("governanceBanner")
        self.setWordWrap(True)
        self.setAccessibleName(self.tr("Records governance notice"))
        self.setStyleSheet("QLabel { background: #e8f0fb; color: #0b2a4a; padding: 0.4em; }")
        self.marks: MeetingMarks | None = None
        self._generation = 0
        self.hide()

    def show_for(self, ctx, actor, reference: str) -> None:  # type: ignore[no-untyped-def]
        self._generation += 1
        generation = self._generation
        ops.run_op(self, lambda: marks_for(ctx, actor, reference), lambda m: self._show(generation, m),
                   on_error=lambda exc: None)  # the window's own load reports a failing store

    def _show(self, generation: int, marks: MeetingMarks) -> None:
        # The window may have closed (and deleted this label) while the worker ran.
        if not isValid(self) or generation != self._generation:
            return
        self.marks = marks
        lines = []
        if marks.restricted:
            lines.append(self.tr("Processing restricted (UK GDPR Article 18): no change, copy or export until "
                                 "the restriction is lifted."))
        for hold in marks.holds:
            lines.append(self.tr("Under {0}: it cannot be erased.").format(hold))
        self.setText("\n".join(lines))
        self.setVisible(marks.any)

    def clear(self) -> None:
        self._generation += 1
        self.marks = None
        super().clear()
        self.hide()
