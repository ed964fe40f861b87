# SPDX-License-Identifier: LicenseRef-Proprietary
"""Participants and agencies (issue 19): no participant without an agency; the directory's
agencies offered when adding a meeting's agencies, and with a representative in one step."""

from __future__ import annotations

import pytest

from strategy_meeting.domain.agency import Agency, AgencyKind
from strategy_meeting.domain.errors import InvalidInput
from strategy_meeting.domain.meeting import Participant
from strategy_meeting.gui.windows.meeting_workspace import MeetingWorkspace
from strategy_meeting.services import agencies, meetings
from strategy_meeting.services.meetings import ItemKind
from workspace_fixtures import shown_errors, state  # noqa: F401 - fixtures
from workspace_helpers import choose, save, type_into

REF = "SD-2026-0600"


@pytest.fixture
def ws(qtbot, state) -> MeetingWorkspace:
    meetings.create(state.ctx, state.actor, reference=REF)
    window = MeetingWorkspace(state, REF)
    qtbot.addWidget(window)
    window.resize(1200, 800)
    window.show()
    return window


@pytest.fixture
def directory(ctx, admin) -> None:
    agencies.save_agency(ctx, admin, Agency("EDU", "Sampletown Primary", AgencyKind.EDUCATION, "dsl@school.example"))
    agencies.save_agency(ctx, admin, Agency("POLICE", "Police CAIT", AgencyKind.POLICE, "cait@police.example"))


def test_a_participant_without_an_agency_is_refused(state) -> None:
    meetings.create(state.ctx, state.actor, reference=REF)
    with pytest.raises(InvalidInput, match="needs an agency"):
        meetings.put_item(state.ctx, state.actor, REF, ItemKind.PARTICIPANT, Participant("", "Alex Example"))


def test_the_dialog_asks_for_an_agency_and_says_where_they_come_from(qtbot, ws, state) -> None:
    dialog = ws.editing.edit(ItemKind.PARTICIPANT)
    assert dialog.ui.agencyCombo.currentData() == ""  # "Choose an agency…", not a silent blank
    type_into(qtbot, dialog.ui.nameEdit, "Alex Example")
    save(qtbot, dialog)
    assert dialog.isVisible() and "agency" in dialog.error_label.text()
    assert meetings.get(state.ctx, state.actor, REF).participants == []
    hint = [w for w in dialog.findChildren(type(dialog.error_label)) if w.objectName() == "hint"]
    assert hint and "agency directory" in hint[0].text()


def test_a_directory_agency_and_its_representative_in_one_step(qtbot, ws, state, directory) -> None:
    dialog = ws.editing.edit(ItemKind.PARTICIPANT)
    assert dialog.ui.agencyCombo.findData("EDU") >= 0
    choose(dialog.ui.agencyCombo, "EDU")
    type_into(qtbot, dialog.ui.nameEdit, "Taylor Sample")
    save(qtbot, dialog)
    assert not dialog.isVisible(), dialog.error_label.text()
    meeting = meetings.get(state.ctx, state.actor, REF)
    assert [(a.code, a.name, a.email, a.certificate) for a in meeting.agencies] == [
        ("EDU", "Sampletown Primary", "dsl@school.example", b"")]
    assert [(p.agency, p.name) for p in meeting.participants] == [("EDU", "Taylor Sample")]
    ws.undo()  # one step takes back both
    meeting = meetings.get(state.ctx, state.actor, REF)
    assert meeting.participants == [] and meeting.agencies == []
    ws.redo()
    assert [p.name for p in meetings.get(state.ctx, state.actor, REF).participants] == ["Taylor Sample"]


def test_the_agency_dialog_offers_the_directory(qtbot, ws, state, directory) -> None:
    dialog = ws.editing.edit(ItemKind.AGENCY)
    combo = dialog.directory_combo
    assert combo is not None and combo.findData("POLICE") >= 0
    choose(combo, "POLICE")
    assert (dialog.ui.codeEdit.text(), dialog.ui.nameEdit.text(), dialog.ui.emailEdit.text()) == (
        "POLICE", "Police CAIT", "cait@police.example")
    save(qtbot, dialog)
    assert [a.code for a in meetings.get(state.ctx, state.actor, REF).agencies] == ["POLICE"]
