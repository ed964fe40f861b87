# SPDX-License-Identifier: LicenseRef-Proprietary
# Copyright (c) 2026 Strategy Meeting contributors
"""Decisions: kind, outcome, rationale, threshold, what they relied on, and dissent."""

from __future__ import annotations

import html
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP
from PySide6.QtWidgets import QTextBrowser, QWidget

from strategy_meeting.domain.contribution import TOPIC_LABELS
from strategy_meeting.domain.decision import DECISION_KIND_LABELS, Decision
from strategy_meeting.domain.meeting import Meeting
from strategy_meeting.gui.models.meeting_items import decisions_model, first_line, yes_no
from strategy_meeting.services.meetings import ItemKind

from .list_section import ListSection


class DecisionsSection(ListSection):
    key = "decisions"
    title = QT_TRANSLATE_NOOP("DecisionsSection", "Decisions")

    def __init__(self, host: Any, parent: QWidget | None = None) -> None:
        super().__init__(host, parent)
        self.panel = self.add_panel(ItemKind.DECISION, self.tr("Decisions"), self.tr("decision"), decisions_model(self))
        self.detail = QTextBrowser(self)
        self.detail.setAccessibleName(self.tr("Selected decision in full"))
        self.detail.setOpenLinks(False)
        self.splitter.addWidget(self.detail)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 2)
        self.panel.currentChanged.connect(self._show_detail)
        self._show_detail(None)

    def _show_detail(self, d: Decision | None) -> None:
        meeting = self.host.meeting
        if d is None or meeting is None:
            self.detail.setHtml("<p>Select a decision to read its rationale and what it relied on.</p>")
            return
        e = html.escape
        relied = []
        for item_id in d.relied_on:
            c = meeting.contribution(item_id)
            if c is not None:
                relied.append(f"<li>{e(c.agency)}, {e(TOPIC_LABELS[c.topic])}: {e(first_line(c.text, 140))}</li>")
        dissent = "".join(f"<li>{e(x.agency)}: {e(x.view)}</li>" for x in d.dissent)
        rationale = e(d.rationale) if d.has_rationale else "<i>Missing: say why this was decided.</i>"
        self.detail.setHtml(
            f"<h3>{e(DECISION_KIND_LABELS[d.kind])}</h3>"
            f"<p><b>Outcome:</b> {e(d.outcome)}</p>"
            f"<p><b>Rationale:</b> {rationale}</p>"
            f"<p><b>Threshold met:</b> {yes_no(d.threshold_met)}</p>"
            f"<p><b>Relied on:</b></p><ul>{''.join(relied) or '<li>Nothing recorded</li>'}</ul>"
            f"<p><b>Dissent:</b></p><ul>{dissent or '<li>None</li>'}</ul>"
        )

    def show_meeting(self, meeting: Meeting) -> None:
        super().show_meeting(meeting)
        self._show_detail(self.panel.current_item())

    def clear(self) -> None:
        super().clear()
        self.detail.clear()
