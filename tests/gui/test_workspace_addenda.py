# SPDX-License-Identifier: LicenseRef-Proprietary
"""Addenda after sign-off, through the workspace: a chair adds numbered, dated addenda while the
record stays read only; empty text is refused by the service; the dialog survives a lock with
its text; an administrator reads addenda but may not add one; the regenerated minutes hold them."""

from __future__ import annotations

from strategy_meeting.domain.sharing_terms import SharingTerms

import pytest
from pypdf import PdfReader
from PySide6.QtCore import Qt
from PySide6.QtGui import QAccessible
from PySide6.QtWidgets import QApplication, QFileDialog
from shiboken6 import isValid

from builders import representative, sample_meeting, sign_off
from conftest import FIXED_NOW, PASSPHRASE
from strategy_meeting.domain.errors import MeetingLocked
from strategy_meeting.domain.meeting import Addendum, MeetingStatus
from strategy_meeting.gui.app_state import AppState
from strategy_meeting.gui.dialogs.addendum_dialog import AddendumDialog
from strategy_meeting.gui.windows.meeting_workspace import MeetingWorkspace
from strategy_meeting.services import meetings, session, signoff
from workspace_fixtures import shown_errors, state  # noqa: F401 - fixtures
from test_workspace_keyboard import keys, out_of_page_order, unnamed
from workspace_helpers import type_into

REF = "SD-2026-0100"
CTRL_SHIFT = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier


def open_workspace(qtbot, state) -> MeetingWorkspace:
    window = MeetingWorkspace(state, REF)
    qtbot.addWidget(window)
    window.resize(1200, 800)
    window.show()
    qtbot.waitExposed(window)
    return window


@pytest.fixture
def ws(qtbot, state) -> MeetingWorkspace:
    meeting = sample_meeting()
    meeting.chair.name = state.actor.label  # the recorded chair signs: no warning to acknowledge
    meetings.create(state.ctx, state.actor, template=meeting)
    return open_workspace(qtbot, state)


def addenda_row(ws: MeetingWorkspace) -> int:
    return [s.key for s in ws.section_list].index("addenda")


def sign_off_in_the_gui(qtbot, ws: MeetingWorkspace) -> None:
    dialog = ws.sign_off()
    qtbot.waitExposed(dialog)
    qtbot.mouseClick(dialog.sign_button, Qt.MouseButton.LeftButton)
    assert ws.meeting is not None and ws.meeting.status is MeetingStatus.SIGNED_OFF


def open_addendum_dialog(qtbot, ws: MeetingWorkspace) -> AddendumDialog:
    ws.activateWindow()
    qtbot.waitUntil(ws.isActiveWindow)
    ws.nav.setFocus()
    qtbot.keyClick(ws.nav, Qt.Key.Key_N, CTRL_SHIFT)  # Add addendum…
    dialog = ws.addenda.dialog
    assert isinstance(dialog, AddendumDialog)
    qtbot.waitExposed(dialog)
    return dialog


def save(qtbot, dialog: AddendumDialog) -> None:
    if not dialog.terms() or not dialog.terms().is_decided:
        dialog.sharing_editor.all_radio.setChecked(True)  # deny by default: an audience is chosen
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    QApplication.processEvents()


def test_chair_adds_numbered_dated_addenda_and_the_record_stays_read_only(qtbot, ws, state, shown_errors):
    # Before sign-off there is no addenda page and no way to add one.
    assert ws.nav.isRowHidden(addenda_row(ws)) and not ws.add_addendum_action.isEnabled()
    assert ws.add_addendum() is None

    sign_off_in_the_gui(qtbot, ws)
    assert not ws.nav.isRowHidden(addenda_row(ws)) and ws.add_addendum_action.isEnabled()

    dialog = open_addendum_dialog(qtbot, ws)
    assert ws.pages.currentWidget() is ws.sections["addenda"]
    assert "addendum 1" in dialog.ui.introLabel.text()
    type_into(qtbot, dialog.ui.textEdit, "Police confirmed on 21/11 that the partner left the home.")
    save(qtbot, dialog)

    stored = meetings.get(state.ctx, state.actor, REF)
    assert stored.addenda == [Addendum(1, "Police confirmed on 21/11 that the partner left the home.",
                                       FIXED_NOW, state.actor.label, SharingTerms.everyone())]
    assert not isValid(dialog) or not dialog.isVisible()  # closed (and deleted)
    section = ws.sections["addenda"]
    assert section.model.rowCount() == 1
    shown = section.model.data(section.model.index(0))
    assert shown.startswith("Addendum 1") and "partner left the home" in shown and state.actor.label in shown
    assert section.notice.isVisible() and "regenerate" in section.notice.text()
    assert section.regenerate_button.isEnabled()

    dialog = open_addendum_dialog(qtbot, ws)
    type_into(qtbot, dialog.ui.textEdit, "Second addendum.")
    save(qtbot, dialog)
    assert [a.number for a in meetings.get(state.ctx, state.actor, REF).addenda] == [1, 2]
    assert section.model.rowCount() == 2
    ws.show_section("copies")  # copies made now are version 3: the sign-off plus two addenda
    assert "2 addendum(s)" in ws.sections["copies"].status_label.text()
    assert "version 3" in ws.sections["copies"].status_label.text()

    # The earlier fields stay read only, in the window and in the service.
    location = ws.sections["details"].ui.locationEdit
    assert not location.isEnabled() or location.isReadOnly()
    assert not ws.sections["decisions"].panel.edit_button.isVisible()
    assert not ws.new_decision_action.isEnabled() and not ws.undo_stack.canUndo()
    assert ws.banner.isVisible() and "addenda" in ws.banner.text()
    with pytest.raises(MeetingLocked):
        meetings.update_details(state.ctx, state.actor, REF, location="Changed after sign-off")
    assert meetings.get(state.ctx, state.actor, REF).location == "Video call"
    assert shown_errors == []


def test_addenda_page_keyboard_and_accessible_names(qtbot, ws, shown_errors):
    QAccessible.setActive(True)
    sign_off_in_the_gui(qtbot, ws)
    ws.show_section("details")
    keys(qtbot, ws, Qt.Key.Key_0, Qt.KeyboardModifier.ControlModifier)  # the tenth page
    assert ws.pages.currentWidget() is ws.sections["addenda"]
    assert unnamed(ws) == [] and out_of_page_order(ws.sections["addenda"]) == []
    dialog = open_addendum_dialog(qtbot, ws)
    assert dialog.focusWidget() is dialog.ui.textEdit  # type at once
    assert unnamed(dialog) == []
    dialog.reject()
    assert ws.addenda.dialog is None and shown_errors == []


def test_empty_addendum_is_refused_with_the_services_message(qtbot, ws, state, shown_errors):
    sign_off_in_the_gui(qtbot, ws)
    dialog = open_addendum_dialog(qtbot, ws)
    type_into(qtbot, dialog.ui.textEdit, "   ")
    qtbot.keyClick(dialog.ui.textEdit, Qt.Key.Key_Return)
    qtbot.keyClicks(dialog.ui.textEdit, "  ")
    assert dialog.text() == "   \n  "
    save(qtbot, dialog)
    assert dialog.isVisible()
    assert dialog.ui.errorLabel.isVisible() and dialog.ui.errorLabel.text() == "An addendum needs some text."
    assert meetings.get(state.ctx, state.actor, REF).addenda == []
    assert ws.sections["addenda"].model.rowCount() == 0 and shown_errors == []


def test_lock_while_the_dialog_is_open_hides_it_and_keeps_the_text(qtbot, ws, state, data_dir, clock):
    sign_off_in_the_gui(qtbot, ws)
    dialog = open_addendum_dialog(qtbot, ws)
    type_into(qtbot, dialog.ui.textEdit, "Typed before the lock.")
    state.lock()
    assert not dialog.isVisible() and ws.outer.currentWidget() is ws.lock_page
    assert ws.sections["addenda"].model.rowCount() == 0 and not ws.add_addendum_action.isEnabled()

    ctx, actor = session.open_session(data_dir, PASSPHRASE, clock=clock)
    state.set_unlocked(ctx, actor)
    try:
        assert dialog.isVisible() and dialog.text() == "Typed before the lock."
        save(qtbot, dialog)
        assert [a.text for a in meetings.get(ctx, actor, REF).addenda] == ["Typed before the lock."]
    finally:
        ctx.close()


def test_an_administrator_reads_addenda_but_may_not_add_one(qtbot, state, ctx, chair, admin, data_dir):
    meetings.create(ctx, chair, template=sample_meeting())
    sign_off(ctx, chair, REF)
    signoff.add_addendum(ctx, chair, REF, "Added by the chair.")
    admin_state = AppState(data_dir)
    admin_state.set_unlocked(ctx, admin)
    ws = open_workspace(qtbot, admin_state)
    assert not ws.nav.isRowHidden(addenda_row(ws))
    ws.show_section("addenda")
    section = ws.sections["addenda"]
    assert section.model.rowCount() == 1 and not section.add_button.isVisible()
    assert not ws.add_addendum_action.isEnabled() and ws.add_addendum() is None


def test_an_agency_representative_never_gets_the_addenda_page(qtbot, ctx, chair, admin, data_dir):
    meetings.create(ctx, chair, template=sample_meeting())
    sign_off(ctx, chair, REF)
    signoff.add_addendum(ctx, chair, REF, "Added by the chair.")
    rep = representative("teacher", "EDU")
    rep_state = AppState(data_dir)
    rep_state.set_unlocked(ctx, rep)
    ws = open_workspace(qtbot, rep_state)
    assert ws.meeting is not None
    assert ws.nav.isRowHidden(addenda_row(ws)) and not ws.add_addendum_action.isEnabled()
    assert ws.add_addendum() is None


def test_regenerate_minutes_after_an_addendum_includes_it(qtbot, ws, state, tmp_path, monkeypatch, shown_errors):
    sign_off_in_the_gui(qtbot, ws)
    dialog = open_addendum_dialog(qtbot, ws)
    type_into(qtbot, dialog.ui.textEdit, "ZZADDENDUM late information from health.")
    save(qtbot, dialog)
    section = ws.sections["addenda"]
    folder = tmp_path / "minutes"
    monkeypatch.setattr(QFileDialog, "getExistingDirectory", lambda *a, **k: str(folder))
    ws.show_section("copies")
    ws.sections["copies"].sign_check.setChecked(False)  # no signing identity in this store
    ws.show_section("addenda")
    with qtbot.waitSignal(ws.minutesGenerated, timeout=120_000) as done:
        qtbot.mouseClick(section.regenerate_button, Qt.MouseButton.LeftButton)
    full = next(c for c in done.args[0] if c.recipient == "full")
    text = " ".join(p.extract_text() for p in PdfReader(str(full.path)).pages)
    assert "Addendum 1" in text and "ZZADDENDUM" in text
    assert not section.notice.isVisible() and shown_errors == []


def test_an_addendum_has_no_audience_until_one_is_chosen(qtbot, ws, state, shown_errors):
    """Issue 14: the addendum dialog carries the sharing terms editor, deny by default, and the
    terms chosen go to the sign-off service with the text (its audit event records them)."""
    from strategy_meeting.domain.sharing_terms import SharingTerms
    from strategy_meeting.services import audit

    sign_off_in_the_gui(qtbot, ws)
    dialog = open_addendum_dialog(qtbot, ws)
    type_into(qtbot, dialog.ui.textEdit, "Health visitor told of the move.")
    assert not dialog.save_button.isEnabled()
    assert "Choose who may see it" in dialog.save_reason.text()
    assert dialog.save_button.accessibleDescription() == dialog.save_reason.text()
    assert dialog.sharing_editor.seen_by_label.text() == "Seen by: nobody yet (no audience chosen)"
    dialog.sharing_editor.named_radio.setChecked(True)
    dialog.sharing_editor._boxes["HEALTH"].setChecked(True)
    assert dialog.sharing_editor.seen_by_label.text().startswith("Seen by: the chair's record and HEALTH.")
    assert dialog.save_button.isEnabled() and not dialog.save_reason.isVisible()
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    QApplication.processEvents()
    assert [a.number for a in meetings.get(state.ctx, state.actor, REF).addenda] == [1]
    shown = ws.sections["addenda"].model.data(ws.sections["addenda"].model.index(0))
    assert "\nSeen by: the chair's record" in shown  # who receives it, in the one wording
    event = next(e for e in audit.recent_events(state.ctx, state.actor) if e.action == "minutes.addendum")
    assert SharingTerms.from_json(event.details["sharing"]) == SharingTerms.only("HEALTH")
    assert shown_errors == []
