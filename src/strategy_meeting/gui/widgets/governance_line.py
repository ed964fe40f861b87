# SPDX-License-Identifier: LicenseRef-Proprietary
# Copyright (c) 2026 Strategy Meeting contributors
"""One line under the dashboard for administrators and the information-governance lead:
records past their retention date and subject access requests due (issue 16). Hidden for
roles that answer for neither."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QLabel, QWidget
from shiboken6 import isValid

from strategy_meeting.gui import ops
from strategy_meeting.services.governance.summary import GovernanceSummary, governance_summary


def describe(s: GovernanceSummary, tr: Callable[[str], str]) -> str:
    parts = []
    if s.records_due is not None:
        if s.records_due:
            text = tr("{0:,} records past their retention date (oldest due {1:%d %b %Y})").format(
                s.records_due, s.oldest_due)
            if s.held_among_due:
                text += tr(", {0:,} of them held").format(s.held_among_due)
            parts.append(text)
        else:
            parts.append(tr("No record is past its retention date"))
    if s.open_requests is not None:
        if s.open_requests:
            text = tr("{0:,} subject access requests open, next due {1:%d %b %Y}").format(
                s.open_requests, s.next_request_due)
            if s.overdue_requests:
                text += tr(" ({0:,} overdue)").format(s.overdue_requests)
            parts.append(text)
        else:
            parts.append(tr("No subject access request open"))
    return ". ".join(parts) + "."


class GovernanceLine(QLabel):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("hint")
        self.setWordWrap(True)
        self.setAccessibleName(self.tr("Records governance"))
        self.summary: GovernanceSummary | None = None
        self._generation = 0
        self.hide()

    def refresh(self, ctx, actor) -> None:  # type: ignore[no-untyped-def]
        self._generation += 1
        generation = self._generation
        ops.run_op(self, lambda: governance_summary(ctx, actor), lambda s: self._show(generation, s),
                   on_error=lambda exc: None)  # the dashboard's own figures report a failing store

    def _show(self, generation: int, summary: GovernanceSummary | None) -> None:
        # The window may have closed (and deleted this label) while the worker ran.
        if not isValid(self) or generation != self._generation:
            return
        self.summary = summary
        if summary is None:
            self.hide()
            return
        alert = bool(summary.overdue_requests or summary.records_due)
        self.setProperty("alert", alert)
        self.setText(describe(summary, self.tr))
        self.show()

    def clear(self) -> None:
        """Forget the figures (the store was locked)."""
        self._generation += 1
        self.summary = None
        super().clear()
        self.hide()
