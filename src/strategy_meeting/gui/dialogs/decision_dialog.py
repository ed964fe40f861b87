# SPDX-License-Identifier: LicenseRef-Proprietary
# Copyright (c) 2026 Strategy Meeting contributors
"""Add or edit a decision: kind, outcome, rationale (and the one for copies that may not see
everything it relied on), threshold, the contributions it relied on (ticked in a list), its
wording for the family, who may see it, and any agency's recorded dissent.

Which agencies' copies would not hold the full rationale is asked of ``domain.sharing.copies_lacking_rationale``
on the meeting as it would be with this decision saved, never worked out here (issue 14).
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QEvent, QObject, Qt
from PySide6.QtWidgets import QListWidgetItem

from strategy_meeting.domain.contribution import TOPIC_LABELS
from strategy_meeting.domain.decision import DECISION_KIND_LABELS, Decision, DecisionKind, Dissent
from strategy_meeting.domain.meeting import Meeting
from strategy_meeting.domain.sharing import copies_lacking_rationale
from strategy_meeting.domain.sharing_terms import SharingTerms
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
    scroll_body = True
    _DRAFT_ID = "\x00decision-being-edited"

    def load(self, meeting: Meeting, item: Any | None) -> None:
        d: Decision = item or Decision("", DecisionKind.SECTION47_JOINT, "", "")
        ui = self.ui
        lines = self.fontMetrics().lineSpacing()
        ui.outcomeEdit.setFixedHeight(lines * 3 + 2 * ui.outcomeEdit.frameWidth() + 8)
        for edit, rows in ((ui.rationaleEdit, 5), (ui.widerRationaleEdit, 4)):
            edit.setMinimumHeight(lines * 3)
            edit.setMaximumHeight(lines * rows + 2 * edit.frameWidth() + 8)
        ui.familyWordingEdit.setFixedHeight(lines * 3 + 2 * ui.familyWordingEdit.frameWidth() + 8)
        ui.reliedList.setMinimumHeight(lines * 5)
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
        ui.widerRationaleEdit.setPlainText(d.wider_rationale)
        ui.widerRationaleEdit.setPlaceholderText(self.tr(
            "Written so that it quotes nothing those copies may not see"))
        ui.withholdRationaleCheck.setChecked(d.rationale_withheld_agreed)
        ui.familyWordingEdit.setPlainText(d.family_wording)
        ui.familyWordingEdit.setPlaceholderText(self.tr(
            "The decision in plain words for the parents or carers (left empty: not in the family's copy)"))
        self._meeting = meeting
        ui.sharingEditor.setAgencies(meeting.agencies)
        ui.sharingEditor.setOwnerAgency(None)
        # Deny by default (issue 14): a new decision has no audience until one is chosen.
        ui.sharingEditor.setTerms(d.sharing if item is not None else SharingTerms.undecided())
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
        ui.reliedList.itemChanged.connect(lambda _row: self._sync_rationale_copies())
        ui.widerRationaleEdit.textChanged.connect(self._sync_rationale_copies)
        ui.withholdRationaleCheck.toggled.connect(lambda _on: self._sync_rationale_copies())
        ui.sharingEditor.termsChanged.connect(lambda _t: self._sync_rationale_copies())
        self._sync_rationale_copies()

    # -- the rationale in copies that may not see everything it relied on ----------------------

    def copies_without_rationale(self) -> list[str]:
        """The agencies whose copy would hold this decision but not its own rationale, asked of
        the domain's rule (``copies_lacking_rationale``) for the decision as the form now
        describes it."""
        terms = self.ui.sharingEditor.terms()
        if terms is None:
            return []
        decision = Decision(self._DRAFT_ID, combo_value(self.ui.kindCombo), "", "",
                            relied_on=self.relied_on(), sharing=terms)
        return copies_lacking_rationale(self._meeting, decision)

    def _sync_rationale_copies(self) -> None:
        ui = self.ui
        wider = text_of(ui.widerRationaleEdit)
        # One or the other: a rationale for those copies, or none there on purpose.
        ui.withholdRationaleCheck.setEnabled(not wider)
        if wider and ui.withholdRationaleCheck.isChecked():
            ui.withholdRationaleCheck.setChecked(False)
        missing = self.copies_without_rationale()
        if not missing:
            text = self.tr("Every agency copy that holds this decision holds its full rationale.")
            tone = ""
        else:
            who = ", ".join(missing)
            if wider:
                text = self.tr("The copies for {0} may not see an item this decision relied on: they will hold "
                               "the rationale written for them above.").format(who)
                tone = ""
            elif ui.withholdRationaleCheck.isChecked():
                text = self.tr("The copies for {0} may not see an item this decision relied on: they will hold "
                               "the decision and its outcome without a rationale.").format(who)
                tone = ""
            else:
                text = self.tr("The copies for {0} may not see an item this decision relied on, so they will not "
                               "hold this rationale. Write one for them above, or tick the box to leave it out; "
                               "sign-off warns until you do.").format(who)
                tone = "warn"
        ui.rationaleCopiesLabel.setText(text)
        ui.rationaleCopiesLabel.setAccessibleDescription(text)
        ui.rationaleCopiesLabel.setStyleSheet("color: #8a4b00; font-weight: 600;" if tone else "")

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
        terms = ui.sharingEditor.terms()
        if terms is None or not terms.is_decided:
            raise ValueError(ui.sharingEditor.problem())
        return Decision(
            id=self.original.id if self.original else "",
            kind=combo_value(ui.kindCombo),
            outcome=text_of(ui.outcomeEdit),
            rationale=text_of(ui.rationaleEdit),
            threshold_met=THRESHOLD_CHOICES[ui.thresholdCombo.currentIndex()][1],
            relied_on=self.relied_on(),
            dissent=[ui.dissentList.item(n).data(ID_ROLE) for n in range(ui.dissentList.count())],
            confirmed=ui.confirmedCheck.isChecked(),
            sharing=terms,
            wider_rationale=text_of(ui.widerRationaleEdit),
            rationale_withheld_agreed=ui.withholdRationaleCheck.isChecked() and not text_of(ui.widerRationaleEdit),
            family_wording=text_of(ui.familyWordingEdit),
        )

