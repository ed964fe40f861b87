# SPDX-License-Identifier: LicenseRef-Proprietary
"""Two people edit the same contribution at once on the team server (issue 17, "What must be
true"): two windows on two connections, each with its own login. A saves first and wins; B's
save is refused, and B's dialog stays open with B's text and names A; Reload shows A's version
beside B's text; B's next Save goes over A's version, deliberately."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from builders import sample_meeting
from strategy_meeting.domain.roles import Role
from strategy_meeting.gui.app_state import AppState
from strategy_meeting.gui.windows.meeting_workspace import MeetingWorkspace
from strategy_meeting.services import meetings
from workspace_fixtures import shown_errors  # noqa: F401 - fixture
from workspace_helpers import save, type_into

REF = "SD-2026-0800"


def _window(qtbot, state: AppState) -> MeetingWorkspace:  # type: ignore[no-untyped-def]
    window = MeetingWorkspace(state, REF)
    qtbot.addWidget(window)
    window.resize(1100, 760)
    window.show()
    qtbot.waitExposed(window)
    return window


@pytest.fixture
def two_windows(qtbot, team, tmp_path) -> Iterator[tuple[MeetingWorkspace, MeetingWorkspace]]:  # type: ignore[no-untyped-def]
    (ctx_a, a), (ctx_b, b) = team.session(team.add("chair_a", Role.CHAIR)), team.session(team.add("chair_b", Role.CHAIR))
    meetings.create(ctx_a, a, template=sample_meeting(REF))
    states = []
    for ctx, actor, name in ((ctx_a, a, "a"), (ctx_b, b, "b")):
        state = AppState(tmp_path / name)
        state.set_unlocked(ctx, actor)
        states.append(state)
    windows = (_window(qtbot, states[0]), _window(qtbot, states[1]))
    yield windows
    for state in states:
        state._team_changes.stop()


def _edit_k1(ws: MeetingWorkspace):  # type: ignore[no-untyped-def]
    ws.show_section("contributions")
    panel = ws.sections["contributions"].panel
    panel.select_key("k1")
    panel.edit_button.click()
    dialog = ws.active_dialog
    assert dialog is not None and dialog.isVisible()
    return dialog


def _stored_text(ws: MeetingWorkspace) -> str:
    return meetings.get(ws.state.ctx, ws.state.actor, REF).contribution("k1").text


def test_two_windows_edit_one_contribution_one_wins_the_other_loses_nothing(qtbot, two_windows,  # type: ignore[no-untyped-def]
                                                                          shown_errors) -> None:
    ws_a, ws_b = two_windows
    dialog_a, dialog_b = _edit_k1(ws_a), _edit_k1(ws_b)
    type_into(qtbot, dialog_a.ui.textEdit, "A: bruising seen by the school nurse at 09:10.")
    type_into(qtbot, dialog_b.ui.textEdit, "B: bruising on the left forearm, photographed.")

    save(qtbot, dialog_a)  # A saves first: it lands
    assert not dialog_a.isVisible()
    assert _stored_text(ws_a) == "A: bruising seen by the school nurse at 09:10."

    save(qtbot, dialog_b)  # B's save is refused: the dialog stays, with B's text, naming A
    assert dialog_b.isVisible()
    assert dialog_b.ui.textEdit.toPlainText() == "B: bruising on the left forearm, photographed."
    panel = dialog_b.conflict
    assert panel.isVisible() and ws_a.state.actor.name in panel.message.text()
    assert "changed" in panel.message.text() and "kept" in panel.message.text()
    assert panel.reload_button.isVisible() and panel.reload_button.accessibleName()
    assert not dialog_b.error_label.isVisible()  # the panel says it, not a one-line problem
    assert shown_errors == []  # nor a message box, nor a traceback
    assert _stored_text(ws_a) == "A: bruising seen by the school nurse at 09:10."
    assert dialog_b.original.text != "A: bruising seen by the school nurse at 09:10."

    dialog_b.activateWindow()
    qtbot.waitUntil(dialog_b.isActiveWindow)
    QTest.keyClick(dialog_b.ui.textEdit, Qt.Key.Key_R, Qt.KeyboardModifier.ControlModifier)  # Reload
    QApplication.processEvents()
    # B sees A's version beside B's own text, and the window behind shows A's version too.
    assert panel.theirs.isVisible() and panel.theirs.isReadOnly()
    assert "A: bruising seen by the school nurse at 09:10." in panel.theirs.toPlainText()
    assert "Text (changed)" in panel.theirs.toPlainText()
    assert dialog_b.ui.textEdit.toPlainText() == "B: bruising on the left forearm, photographed."
    assert ws_b.meeting.contribution("k1").text == "A: bruising seen by the school nurse at 09:10."
    assert dialog_b.original.text == "A: bruising seen by the school nurse at 09:10."

    # B merges and saves again: it lands, over A's version, knowingly.
    type_into(qtbot, dialog_b.ui.textEdit, "A: bruising seen by the school nurse at 09:10. "
                                            "B: on the left forearm, photographed.")
    save(qtbot, dialog_b)
    assert not dialog_b.isVisible()
    assert _stored_text(ws_a) == ("A: bruising seen by the school nurse at 09:10. "
                                  "B: on the left forearm, photographed.")
    # B's undo puts A's version back (what B replaced), not the text both started from.
    ws_b.undo()
    assert _stored_text(ws_a) == "A: bruising seen by the school nurse at 09:10."
    assert shown_errors == []


def test_a_contribution_removed_meanwhile_can_be_saved_as_new(qtbot, two_windows, shown_errors) -> None:  # type: ignore[no-untyped-def]
    ws_a, ws_b = two_windows
    dialog_b = _edit_k1(ws_b)
    type_into(qtbot, dialog_b.ui.textEdit, "B's account, typed while A removed it.")
    ws_a.remove_item(meetings.ItemKind.CONTRIBUTION, ws_a.meeting.contribution("k1"))
    assert ws_a.meeting.contribution("k1") is None
    save(qtbot, dialog_b)
    panel = dialog_b.conflict
    assert dialog_b.isVisible() and "removed" in panel.message.text()
    assert panel.save_new_button.isVisible()
    panel.reload_button.click()
    assert "removed" in panel.message.text() and not panel.theirs.isVisible()
    panel.save_new_button.click()
    assert not dialog_b.isVisible()
    texts = [c.text for c in meetings.get(ws_a.state.ctx, ws_a.state.actor, REF).contributions]
    assert "B's account, typed while A removed it." in texts
    assert shown_errors == []


def test_adding_while_a_colleague_adds_is_never_refused(qtbot, two_windows, shown_errors) -> None:  # type: ignore[no-untyped-def]
    ws_a, ws_b = two_windows
    ws_a.show_section("contributions")
    ws_b.show_section("contributions")
    dialogs = []
    for ws, text in ((ws_a, "A's new one"), (ws_b, "B's new one")):
        ws.edit_item(meetings.ItemKind.CONTRIBUTION, None, agency="HEALTH")
        dialog = ws.active_dialog
        type_into(qtbot, dialog.ui.textEdit, text)
        dialog.ui.sharingEditor.all_radio.setChecked(True)
        dialogs.append(dialog)
    for dialog in dialogs:
        save(qtbot, dialog)
        assert not dialog.isVisible(), dialog.error_label.text()
    texts = [c.text for c in meetings.get(ws_a.state.ctx, ws_a.state.actor, REF).contributions]
    assert "A's new one" in texts and "B's new one" in texts
    assert shown_errors == []


def test_a_decision_over_a_contribution_changed_meanwhile_is_checked_again(qtbot, two_windows,  # type: ignore[no-untyped-def]
                                                                         shown_errors) -> None:
    """B records a decision relying on k1 while A rewrites k1: B is told, Reload shows k1 as it
    now reads (no offer to save the decision as new), and B's next Save lands."""
    ws_a, ws_b = two_windows
    ws_b.show_section("decisions")
    ws_b.edit_item(meetings.ItemKind.DECISION, ws_b.meeting.decision("d1"))
    dialog = ws_b.active_dialog
    assert "k1" in dialog.relied_on()
    type_into(qtbot, dialog.ui.rationaleEdit, "Made over the school's account as read at 10:00.")
    k1 = ws_a.meeting.contribution("k1")
    ws_a.edit_item(meetings.ItemKind.CONTRIBUTION, k1)
    dialog_a = ws_a.active_dialog
    type_into(qtbot, dialog_a.ui.textEdit, "The school now says the bruising was seen on Monday.")
    save(qtbot, dialog_a)
    save(qtbot, dialog)
    panel = dialog.conflict
    assert dialog.isVisible() and "relies on" in panel.message.text()
    assert not panel.save_new_button.isVisible()
    panel.reload_button.click()
    assert "The school now says the bruising was seen on Monday." in panel.theirs.toPlainText()
    assert dialog.ui.rationaleEdit.toPlainText() == "Made over the school's account as read at 10:00."
    save(qtbot, dialog)
    assert not dialog.isVisible(), dialog.conflict.message.text() or dialog.error_label.text()
    stored = meetings.get(ws_a.state.ctx, ws_a.state.actor, REF).decision("d1")
    assert stored.rationale == "Made over the school's account as read at 10:00."
    assert shown_errors == []


def test_an_undo_over_a_colleagues_change_is_refused_and_the_window_shows_theirs(qtbot, two_windows,  # type: ignore[no-untyped-def]
                                                                               shown_errors) -> None:
    ws_a, ws_b = two_windows
    dialog = _edit_k1(ws_a)
    type_into(qtbot, dialog.ui.textEdit, "A's wording")
    save(qtbot, dialog)
    assert not dialog.isVisible()
    theirs = meetings.get(ws_b.state.ctx, ws_b.state.actor, REF).contribution("k1")
    meetings.put_item(ws_b.state.ctx, ws_b.state.actor, REF, meetings.ItemKind.CONTRIBUTION,
                      replace(theirs, text="B's wording"), expected=theirs)
    ws_a.undo()  # would put back the text A replaced, over B's: refused
    assert len(shown_errors) == 1 and ws_b.state.actor.name in shown_errors[0]
    assert _stored_text(ws_a) == "B's wording"
    assert ws_a.meeting.contribution("k1").text == "B's wording"  # the window shows theirs now
    assert not ws_a.undo_stack.canUndo()  # the refused step is gone, not claimed
