# SPDX-License-Identifier: LicenseRef-Proprietary
"""The fields issue 15's checks need, typed in the workspace: why a child's views are not
recorded, a child's interpreter, and another child of the household with how they were
considered; the checklist follows each."""

from __future__ import annotations

from builders import sample_meeting
from strategy_meeting.gui.windows.meeting_workspace import MeetingWorkspace
from strategy_meeting.services import meetings
from strategy_meeting.services.meetings import ItemKind
from workspace_fixtures import shown_errors, state  # noqa: F401 - fixtures
from workspace_helpers import save, type_into

REF = "SD-2026-0100"


def unmet(ws) -> list[str]:
    return [line.label for line in ws.checklist.lines if not line.passed]


def test_the_childs_views_and_the_other_children_are_recorded_in_their_dialogs(qtbot, state, shown_errors):
    template = sample_meeting()
    template.chair.name = state.actor.label
    template.children[0].views_not_recorded_reason = ""
    meetings.create(state.ctx, state.actor, template=template)
    ws = MeetingWorkspace(state, REF)
    qtbot.addWidget(ws)
    ws.resize(1200, 800)
    ws.show()
    qtbot.waitExposed(ws)
    assert unmet(ws) == ["Each child's views or lived experience are recorded, or why not"]

    dialog = ws.editing.edit(ItemKind.CHILD, meetings.get(state.ctx, state.actor, REF).children[0])
    qtbot.waitExposed(dialog)
    type_into(qtbot, dialog.ui.interpreterEdit, "Polish")
    type_into(qtbot, dialog.ui.viewsReasonEdit, "Not yet seen alone; the social worker visits today.")
    save(qtbot, dialog)
    child = meetings.get(state.ctx, state.actor, REF).children[0]
    assert (child.interpreter, child.views_not_recorded_reason) == (
        "Polish", "Not yet seen alone; the social worker visits today.")
    assert unmet(ws) == []

    dialog = ws.editing.edit(ItemKind.HOUSEHOLD)
    qtbot.waitExposed(dialog)
    type_into(qtbot, dialog.ui.nameEdit, "Sam Fictional")
    type_into(qtbot, dialog.ui.relationshipEdit, "half-brother")
    dialog.ui.isChildCheck.setChecked(True)
    save(qtbot, dialog)
    assert unmet(ws) == ["Every other child in the household was considered"]
    member = meetings.get(state.ctx, state.actor, REF).household[-1]
    dialog = ws.editing.edit(ItemKind.HOUSEHOLD, member)
    qtbot.waitExposed(dialog)
    type_into(qtbot, dialog.ui.considerationEdit, "Seen at nursery; included in the enquiry.")
    save(qtbot, dialog)
    assert meetings.get(state.ctx, state.actor, REF).household[-1].is_child
    assert unmet(ws) == []
    assert shown_errors == []


def test_planning_the_enquiry_is_typed_on_the_next_steps_page(qtbot, state, shown_errors):
    from strategy_meeting.domain.meeting import CriminalInvestigation

    meetings.create(state.ctx, state.actor, template=sample_meeting())
    ws = MeetingWorkspace(state, REF)
    qtbot.addWidget(ws)
    ws.resize(1200, 900)
    ws.show()
    qtbot.waitExposed(ws)
    ws.show_section("next_steps")
    ui = ws.sections["next_steps"].ui
    assert ui.nationCombo.currentData() == "england" and ui.criminalCombo.currentData() == ""
    ui.nationCombo.setCurrentIndex(ui.nationCombo.findData("wales"))
    ui.criminalCombo.setCurrentIndex(ui.criminalCombo.findData("later"))
    ui.legalAdviceCombo.setCurrentIndex(ui.legalAdviceCombo.findData("yes"))
    ui.legalMeetingCombo.setCurrentIndex(ui.legalMeetingCombo.findData("no"))
    for edit, text in ((ui.criminalTimingEdit, "After the ABE interview on Monday."),
                       (ui.criminalLeadEdit, "DS Riley Test, POLICE"),
                       (ui.parentsNeedsEdit, "Mother is Deaf: BSL."),
                       (ui.parentsInterpreterEdit, "BSL")):
        type_into(qtbot, edit, text)
        edit.editingFinished.emit()
    ws.flush_all()
    stored = meetings.get(state.ctx, state.actor, REF)
    assert stored.nation == "wales"
    p = stored.planning
    assert (p.criminal_investigation, p.criminal_investigation_timing, p.criminal_investigation_lead) == (
        CriminalInvestigation.LATER, "After the ABE interview on Monday.", "DS Riley Test, POLICE")
    assert (p.legal_advice_needed, p.legal_planning_meeting) == (True, False)
    assert (p.parents_communication_needs, p.parents_interpreter) == ("Mother is Deaf: BSL.", "BSL")
    assert shown_errors == []
