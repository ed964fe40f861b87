# SPDX-License-Identifier: LicenseRef-Proprietary
"""The decision dialog (issue 14): its own sharing terms, deny by default; the rationale for
copies that may not see everything it relied on, beside the rationale; the choice to leave it
out; the wording for the family; and a live line naming the agencies whose copy would not hold
the full rationale, as ``domain.sharing.copy_of`` builds the copies."""

from __future__ import annotations

import copy

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox

from builders import sample_meeting
from strategy_meeting.domain.decision import Decision, DecisionKind
from strategy_meeting.domain.sharing import Recipient, copy_of
from strategy_meeting.domain.sharing_terms import SharingTerms
from strategy_meeting.gui.dialogs.decision_dialog import ID_ROLE, DecisionDialog


def tick(dialog: DecisionDialog, item_id: str) -> None:
    for n in range(dialog.ui.reliedList.count()):
        row = dialog.ui.reliedList.item(n)
        if row.data(ID_ROLE) == item_id:
            row.setCheckState(Qt.CheckState.Checked)


def new_dialog(qtbot, meeting=None) -> DecisionDialog:
    meeting = meeting or sample_meeting()
    meeting.decisions = []
    dialog = DecisionDialog(meeting, None)
    qtbot.addWidget(dialog)
    return dialog


def test_a_new_decision_cannot_be_saved_without_an_audience(qtbot):
    dialog = new_dialog(qtbot)
    save = dialog.ui.buttonBox.button(QDialogButtonBox.StandardButton.Save)
    dialog.ui.outcomeEdit.setPlainText("Joint Section 47 enquiry.")
    dialog.ui.rationaleEdit.setPlainText("Disclosure.")
    assert not save.isEnabled() and "Choose who may see it" in save.accessibleDescription()
    assert dialog.save_reason.isVisibleTo(dialog) and dialog.save_reason.text() == save.accessibleDescription()
    received = []
    dialog.saveRequested.connect(received.append)
    dialog.request_save()  # Enter in a field: refused the same way
    assert received == [] and "Choose who may see it" in dialog.error_label.text()
    dialog.ui.sharingEditor.all_radio.setChecked(True)
    assert save.isEnabled() and not dialog.save_reason.isVisibleTo(dialog)


def test_the_dialog_names_the_copies_without_the_full_rationale(qtbot):
    meeting = sample_meeting()
    dialog = new_dialog(qtbot, meeting)
    label = dialog.ui.rationaleCopiesLabel
    dialog.ui.sharingEditor.all_radio.setChecked(True)
    assert label.text() == "Every agency copy that holds this decision holds its full rationale."
    tick(dialog, "k2")  # POLICE's item, shared with CSC only
    assert dialog.copies_without_rationale() == ["HEALTH", "EDU"]
    assert "The copies for HEALTH, EDU may not see an item" in label.text() and "sign-off warns" in label.text()
    # The same answer as the copies themselves give, with the decision saved as the form says.
    dialog.ui.outcomeEdit.setPlainText("Joint Section 47 enquiry.")
    dialog.ui.rationaleEdit.setPlainText("The police history quoted here.")
    saved = copy.deepcopy(meeting)
    saved.decisions = [Decision("d9", **{k: v for k, v in vars(dialog.build()).items() if k != "id"})]
    assert [a.code for a in saved.agencies if "d9" in copy_of(saved, Recipient(a.code)).rationale_replaced] == [
        "HEALTH", "EDU"]
    # Writing a rationale for those copies: the box to leave it out is off, and the line says so.
    dialog.ui.withholdRationaleCheck.setChecked(True)
    assert "without a rationale" in label.text()
    dialog.ui.withholdRationaleCheck.setChecked(False)
    dialog.ui.widerRationaleEdit.setPlainText("Information shared at the meeting supports an enquiry.")
    assert not dialog.ui.withholdRationaleCheck.isEnabled()
    assert "the rationale written for them above" in label.text()
    # A decision only CSC and POLICE may see: no copy lacks anything it relied on.
    dialog.ui.sharingEditor.named_radio.setChecked(True)
    dialog.ui.sharingEditor._boxes["CSC"].setChecked(True)
    dialog.ui.sharingEditor._boxes["POLICE"].setChecked(True)
    assert dialog.copies_without_rationale() == []


def test_build_carries_the_new_fields(qtbot):
    dialog = new_dialog(qtbot)
    dialog.ui.outcomeEdit.setPlainText("No further action.")
    dialog.ui.rationaleEdit.setPlainText("Accidental injury.")
    dialog.ui.familyWordingEdit.setPlainText("We will not take this further.")
    dialog.ui.sharingEditor.all_radio.setChecked(True)
    dialog.ui.sharingEditor.family_check.setChecked(True)
    tick(dialog, "k2")
    dialog.ui.withholdRationaleCheck.setChecked(True)
    built = dialog.build()
    assert built.kind is DecisionKind.SECTION47_JOINT
    assert built.sharing == SharingTerms.everyone(family=True)
    assert (built.wider_rationale, built.rationale_withheld_agreed, built.family_wording) == (
        "", True, "We will not take this further.")


def test_an_existing_decision_shows_its_terms(qtbot):
    meeting = sample_meeting()
    decision = Decision("d1", DecisionKind.OTHER, "Outcome", "Why", relied_on=["k1"],
                        sharing=SharingTerms.only("CSC"), wider_rationale="For others", family_wording="Plain")
    meeting.decisions = [decision]
    dialog = DecisionDialog(meeting, decision)
    qtbot.addWidget(dialog)
    assert dialog.ui.sharingEditor.terms() == SharingTerms.only("CSC")
    assert dialog.ui.widerRationaleEdit.toPlainText() == "For others"
    assert dialog.ui.familyWordingEdit.toPlainText() == "Plain"
    assert dialog.build() == decision
