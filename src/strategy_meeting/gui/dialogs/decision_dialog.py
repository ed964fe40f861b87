# SPDX-License-Identifier: LicenseRef-Proprietary
# Copyright (c) 2026 Strategy Meeting contributors
"""Add or edit a decision: kind, outcome, rationale, threshold, the contributions it relied on
(ticked in a list), and any agency's recorded dissent."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QEvent, QObject, Qt
from PySide6.QtWidgets import QListWidgetItem

from strategy_meeting.domain.contribution import TOPIC_LABELS
from strategy_meeting.domain.decision import DECISION_KIND_LABELS, Decision, DecisionKind, Dissent
from strategy_meeting.domain.meeting import Meeting
from strategy_meeting.gui.forms.ui_decision_dialog import Ui_DecisionDialog
from strategy_meeting.gui.models.meeting_items import first_line
from strategy_meeting.services.meetings import ItemKind

from .item_dialog import ItemDialog, combo_value, fill_agency_combo, fill_combo, fill_enum_combo, text_of

ID_ROLE = Qt.ItemDataRole.UserRole + 1
THRESHOLD_CHOICES = [(QT_TRANSLATE_NOOP("DecisionDialog", "Not recorded"), None),
                     (QT_TRANSLATE_NOOP("DecisionDialog", "Yes: threshold met"), True),
                     (QT_TRANSLATE_NOOP("DecisionDialog", "No: threshold not met"), False)]


class DecisionDialog(ItemDialog):
    kind = ItemKind.DECISION
    form_class = Ui_DecisionDialog
    noun = "decision"

    def load(self, meeting: Meeting, item: Any | None) -> None:
        d: Decision = item or Decision("", DecisionKind.SECTION47_JOINT, "", "")
        ui = self.ui
        lines = self.fontMetrics().lineSpacing()
        ui.outcomeEdit.setFixedHeight(lines * 3 + 2 * ui.outcomeEdit.frameWidth() + 8)
        ui.rationaleEdit.setMinimumHeight(lines * 5)
        ui.reliedList.setMinimumHeight(lines * 7)
        ui.reliedList.setWordWrap(True)
        ui.reliedList.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        # Room to read and write a dissenting view (issue 19: a one-line field squeezed beside
        # the agency, and a list that scrolled sideways): three lines to type in, views wrapped.
        # (Four lines' height: three lines of text then show without a scroll bar, seen under X11.)
        ui.dissentViewEdit.setMinimumHeight(lines * 4 + 2 * ui.dissentViewEdit.frameWidth() + 8)
        ui.dissentViewEdit.setMaximumHeight(lines * 6 + 2 * ui.dissentViewEdit.frameWidth() + 8)
        ui.dissentList.setMinimumHeight(lines * 4 + 2 * ui.dissentList.frameWidth())
        ui.dissentList.setWordWrap(True)
        ui.dissentList.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self._agency_names = {a.code: a.name or a.code for a in meeting.agencies}
        fill_enum_combo(ui.kindCombo, DECISION_KIND_LABELS, d.kind)
        ui.outcomeEdit.setPlainText(d.outcome)
        ui.rationaleEdit.setPlainText(d.rationale)
        # Only the chair may tick it, or change a decision once ticked: the service refuses
        # anyone else, and the refusal shows in this dialog.
        ui.confirmedCheck.setChecked(d.confirmed)
        # A combo cannot hold None as data reliably, so the threshold is chosen by position.
        fill_combo(ui.thresholdCombo, [(self.tr(label), n) for n, (label, _v) in enumerate(THRESHOLD_CHOICES)],
                   next(n for n, (_l, v) in enumerate(THRESHOLD_CHOICES) if v is d.threshold_met))
        ui.reliedList.clear()
        names = {a.code: a.name or a.code for a in meeting.agencies}
        for n, c in enumerate(meeting.contributions, 1):
            # Numbered as listed, with the agency's name: never an internal id ("k1") or code.
            row = QListWidgetItem(f"{n}. {names.get(c.agency, c.agency)} \u00b7 {TOPIC_LABELS[c.topic]}: "
                                  f"{first_line(c.text, 90)}")
            row.setData(ID_ROLE, c.id)
            row.setToolTip(c.text)
            row.setFlags(row.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            row.setCheckState(Qt.CheckState.Checked if c.id in d.relied_on else Qt.CheckState.Unchecked)
            ui.reliedList.addItem(row)
        # An id the dialog cannot show (withheld or removed) is kept, not silently dropped.
        self._hidden_relied = [i for i in d.relied_on if meeting.contribution(i) is None]
        fill_agency_combo(ui.dissentAgencyCombo, meeting, "")
        ui.dissentList.clear()
        for x in d.dissent:
            self._add_dissent_row(x)
        ui.addDissentButton.clicked.connect(self._add_dissent)
        # Enter in the view adds the dissent and stays: the line edit passes Enter on to the
        # dialog, whose default button (Save) would otherwise close it at once.
        ui.dissentViewEdit.installEventFilter(self)
        ui.removeDissentButton.clicked.connect(self._remove_dissent)
        ui.dissentList.itemSelectionChanged.connect(self._sync_remove)
        self._sync_remove()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt's name
        if (watched is self.ui.dissentViewEdit and event.type() == QEvent.Type.KeyPress
                and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)  # type: ignore[attr-defined]
                and not event.modifiers() & Qt.KeyboardModifier.ShiftModifier):  # type: ignore[attr-defined]
            self._add_dissent()
            return True
        return super().eventFilter(watched, event)

    def _sync_remove(self) -> None:
        """Remove works on the selected dissent: without one it is off, not a silent no-op."""
        self.ui.removeDissentButton.setEnabled(bool(self.ui.dissentList.selectedItems()))

    def _add_dissent_row(self, dissent: Dissent) -> None:
        name = getattr(self, "_agency_names", {}).get(dissent.agency, dissent.agency)
        row = QListWidgetItem(f"{name}: {dissent.view}")  # the agency by name, never its bare code
        row.setToolTip(dissent.view)
        row.setData(ID_ROLE, dissent)
        self.ui.dissentList.addItem(row)

    def _add_dissent(self) -> None:
        view = self.ui.dissentViewEdit.toPlainText().strip()
        agency = combo_value(self.ui.dissentAgencyCombo)
        if not view or not agency:
            self.show_problem(self.tr("Choose the agency and write its view before adding a dissent."))
            return
        self.show_problem("")
        self._add_dissent_row(Dissent(agency, view))
        self.ui.dissentViewEdit.clear()

    def _remove_dissent(self) -> None:
        for row in self.ui.dissentList.selectedItems():
            self.ui.dissentList.takeItem(self.ui.dissentList.row(row))

    def relied_on(self) -> list[str]:
        chosen = []
        for n in range(self.ui.reliedList.count()):
            row = self.ui.reliedList.item(n)
            if row.checkState() == Qt.CheckState.Checked:
                chosen.append(row.data(ID_ROLE))
        return chosen + self._hidden_relied

    def build(self) -> Decision:
        ui = self.ui
        pending = ui.dissentViewEdit.toPlainText().strip()
        if pending:
            raise ValueError("A dissent is typed but not added: press Add dissent or clear it.")
        return Decision(
            id=self.original.id if self.original else "",
            kind=combo_value(ui.kindCombo),
            outcome=text_of(ui.outcomeEdit),
            rationale=text_of(ui.rationaleEdit),
            threshold_met=THRESHOLD_CHOICES[ui.thresholdCombo.currentIndex()][1],
            relied_on=self.relied_on(),
            dissent=[ui.dissentList.item(n).data(ID_ROLE) for n in range(ui.dissentList.count())],
            confirmed=ui.confirmedCheck.isChecked(),
            # Issue 14: what this dialog does not edit yet (its sharing editor is the GUI's
            # part) is kept as it was; a new decision starts undecided.
            **self._kept(),
        )

    def _kept(self) -> dict[str, object]:
        d = self.original
        if d is None:
            return {}
        return {"sharing": d.sharing, "wider_rationale": d.wider_rationale,
                "rationale_withheld_agreed": d.rationale_withheld_agreed, "family_wording": d.family_wording}
