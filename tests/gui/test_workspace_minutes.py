# SPDX-License-Identifier: LicenseRef-Proprietary
"""Sign-off with its warnings acknowledged, then the full record and every agency's copy
generated in the worker; each copy holds exactly what the sharing rule lets that agency see."""

from __future__ import annotations

import pytest
from pypdf import PdfReader
from PySide6.QtCore import Qt
from PySide6.QtPdf import QPdfDocument
from PySide6.QtWidgets import QDialogButtonBox, QProgressDialog

from builders import sample_meeting
from strategy_meeting.domain.meeting import MeetingStatus, ParentsInformed
from strategy_meeting.domain.sharing import Recipient, copy_of
from strategy_meeting.gui.windows.meeting_workspace import MeetingWorkspace
from strategy_meeting.services import meetings
from workspace_fixtures import shown_errors, state  # noqa: F401 - fixtures

REF = "SD-2026-0100"
RESTRICTED = "ZZLEAK-restricted-k2"
CHAIR_ONLY = "ZZLEAK-chair-k3"


@pytest.fixture
def ws(qtbot, state) -> MeetingWorkspace:
    meeting = sample_meeting(restricted_text=RESTRICTED, chair_only_text=CHAIR_ONLY)
    meeting.parents_informed = ParentsInformed()  # one warning to acknowledge
    meeting.chair.name = state.actor.label  # and no other: the recorded chair signs
    meetings.create(state.ctx, state.actor, template=meeting)
    window = MeetingWorkspace(state, REF)
    qtbot.addWidget(window)
    window.resize(1200, 800)
    window.show()
    qtbot.waitExposed(window)
    return window


def pdf_text(path) -> str:
    return " ".join(page.extract_text() for page in PdfReader(str(path)).pages)


def test_sign_off_needs_every_warning_acknowledged(qtbot, ws, state, shown_errors):
    ws.sections["details"].ui.locationEdit.setFocus()
    dialog = ws.sign_off()
    qtbot.waitExposed(dialog)
    assert dialog.ui.warningsList.count() == 1
    assert "parents" in dialog.ui.warningsList.item(0).text()
    assert not dialog.sign_button.isEnabled()  # nothing acknowledged yet

    dialog.signOffRequested.emit(False)  # had the button been pressed: the service refuses
    assert "warning" in dialog.ui.errorLabel.text()
    assert meetings.get(state.ctx, state.actor, REF).status is not MeetingStatus.SIGNED_OFF

    dialog.ui.warningsList.item(0).setCheckState(Qt.CheckState.Checked)
    assert dialog.sign_button.isEnabled() and dialog.ui.acknowledgeAllCheck.isChecked()
    qtbot.mouseClick(dialog.sign_button, Qt.MouseButton.LeftButton)

    stored = meetings.get(state.ctx, state.actor, REF)
    assert stored.status is MeetingStatus.SIGNED_OFF and stored.sign_off is not None
    assert not dialog.isVisible()
    # The workspace is read only now: nothing to undo, no edit steps, a notice says why.
    assert ws.banner.isVisible() and "read only" in ws.banner.text()
    assert not ws.undo_stack.canUndo() and not ws.new_decision_action.isEnabled()
    assert not ws.sections["details"].ui.locationEdit.isEnabled() or ws.sections["details"].ui.locationEdit.isReadOnly()
    assert not ws.sections["actions"].panel.edit_button.isVisible()
    assert shown_errors == []


def test_generate_copies_in_the_worker_and_preview_them(qtbot, ws, state, tmp_path, shown_errors):
    folder = tmp_path / "minutes"
    with qtbot.waitSignal(ws.minutesGenerated, timeout=120_000) as done:
        assert ws.generate_minutes(folder, sign=False)
        assert not ws.generate_action.isEnabled()  # one generation at a time
        progress = ws.findChildren(QProgressDialog)
        assert progress and "each agency's copy" in progress[-1].labelText()
    copies = done.args[0]
    meeting = meetings.get(state.ctx, state.actor, REF)
    assert sorted(c.recipient for c in copies) == sorted(["full", *meeting.agency_codes, "family"])
    assert all(c.path.is_file() and c.path.parent == folder for c in copies)
    assert (folder / "manifest.json").is_file()

    for copy in copies:
        text = pdf_text(copy.path)
        if copy.recipient == "family":  # issue 14: nothing here is marked for the family
            assert "Copy for the family of" in text and "Bruising seen" not in text and RESTRICTED not in text
            continue
        assert "Bruising seen at 09:10." in text  # control: shared with everyone
        if copy.recipient == "full":
            assert RESTRICTED in text and CHAIR_ONLY in text
            continue
        view = copy_of(meeting, Recipient(copy.recipient))
        visible = {c.text for c in view.meeting.contributions}
        for secret in (RESTRICTED, CHAIR_ONLY):
            assert (secret in text) == (secret in visible), (copy.recipient, secret)

    # The copies page lists them; preview one inside the app.
    page = ws.sections["copies"]
    assert ws.pages.currentWidget() is page and page.files.count() == len(copies)
    page.files.setCurrentRow([c.recipient for c in page.generated].index("EDU"))
    qtbot.mouseClick(page.preview_button, Qt.MouseButton.LeftButton)
    preview = ws.minutes.preview
    assert preview is not None and preview.isVisible()
    assert preview.document.status() == QPdfDocument.Status.Ready and preview.document.pageCount() >= 1
    preview.findChild(QDialogButtonBox).rejected.emit()
    assert ws.minutes.preview is None
    assert shown_errors == []


def test_signed_off_minutes_are_signed_with_the_chair_s_identity(qtbot, ws, state, tmp_path, shown_errors):
    from strategy_meeting.services import identities, signoff

    identities.new_self_signed(state.ctx, state.actor)
    signoff.sign_off(state.ctx, state.actor, REF, acknowledge_warnings=True)
    ws.reload()
    ws.show_section("copies")
    page = ws.sections["copies"]
    assert page.sign_check.isEnabled() and page.wants_signature()  # signing is the default now
    with qtbot.waitSignal(ws.minutesGenerated, timeout=120_000) as done:
        ws.generate_minutes(tmp_path / "signed")
    from strategy_meeting.services.minutes.service import verify_file

    for copy in done.args[0]:
        assert "DRAFT" not in copy.path.name
        report = verify_file(copy.path)  # pyHanko's validator, through the service
        assert report.intact and report.valid and report.ok, (copy.recipient, report.problems)
    assert shown_errors == []


def test_signing_without_an_identity_is_explained(qtbot, ws, state, tmp_path, shown_errors):
    with qtbot.waitSignal(ws.minutesFailed, timeout=60_000) as failed:
        ws.generate_minutes(tmp_path / "out", sign=True)
    assert "sign" in failed.args[0].lower()
    assert shown_errors and shown_errors[-1] == failed.args[0]
    assert ws.generate_action.isEnabled()


def test_a_deputy_cannot_sign_off_until_they_type_why_and_the_reason_is_kept(qtbot, state, shown_errors):
    """Issue 15: someone other than the recorded chair may sign, but only with the reason the
    minutes print. Ticking every warning is not enough: Sign off waits for the reason."""
    meeting = sample_meeting()
    meeting.chair.name = "Chris Absent"  # the recorded chair is not the signer
    meetings.create(state.ctx, state.actor, template=meeting)
    window = MeetingWorkspace(state, REF)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    dialog = window.sign_off()
    qtbot.waitExposed(dialog)
    assert [w.kind.value for w in dialog.warnings] == ["signer_not_chair"]
    assert "required" in dialog.ui.reasonLabel.text() and dialog.ui.reasonEdit.isVisible()

    dialog.ui.acknowledgeAllCheck.setChecked(True)
    assert dialog.all_acknowledged() and not dialog.sign_button.isEnabled()  # no reason yet
    assert "recorded chair" in dialog.sign_button.toolTip()
    dialog.ui.reasonEdit.setFocus()
    qtbot.keyClicks(dialog.ui.reasonEdit, "Chris is on leave; I am the deputy.")
    assert dialog.sign_button.isEnabled()
    dialog.ui.reasonEdit.clear()  # and emptied again, it waits again
    assert not dialog.sign_button.isEnabled()
    qtbot.keyClicks(dialog.ui.reasonEdit, "Chris is on leave; I am the deputy.")
    qtbot.mouseClick(dialog.sign_button, Qt.MouseButton.LeftButton)

    stored = meetings.get(state.ctx, state.actor, REF)
    assert stored.status is MeetingStatus.SIGNED_OFF and stored.sign_off is not None
    assert stored.sign_off.signer_reason == "Chris is on leave; I am the deputy."
    assert shown_errors == []


def _open_workspace(qtbot, state) -> MeetingWorkspace:  # type: ignore[no-untyped-def]
    window = MeetingWorkspace(state, REF)
    qtbot.addWidget(window)
    window.resize(1200, 800)
    window.show()
    qtbot.waitExposed(window)
    window.show_section("copies")
    return window


def test_copies_made_earlier_are_listed_when_the_meeting_is_opened_again(qtbot, state, tmp_path, shown_errors):
    """Issue 19: after a restart the copies list was empty. Copies made before the window
    opened (here by the service, as the command line or an earlier run of the app makes them)
    are listed from the store, newest per recipient, and open where they were saved; one moved
    away since is listed as such, with nothing to preview."""
    from strategy_meeting.services.minutes.service import render_minutes

    meetings.create(state.ctx, state.actor, template=sample_meeting())
    render_minutes(state.ctx, state.actor, REF, tmp_path / "first")
    made = render_minutes(state.ctx, state.actor, REF, tmp_path / "second", agencies=["EDU"])
    ws = _open_workspace(qtbot, state)
    page = ws.sections["copies"]
    # The status has the page's width, not a word a line beside the buttons (seen under X11).
    assert page.status_label.width() >= 0.8 * page.width()
    assert page.status_label.height() <= 3 * page.status_label.fontMetrics().lineSpacing()
    codes = meetings.get(state.ctx, state.actor, REF).agency_codes
    # The first run made the family's copy too (issue 14); the second, the full record and EDU's.
    assert [c.recipient for c in page.generated] == ["full", *[c for c in codes if c != "EDU"], "family", "EDU"]
    folders = {c.recipient: c.path.parent for c in page.generated}
    # The newest of each: the second run made the full record and EDU's copy only.
    assert folders["EDU"] == folders["full"] == tmp_path / "second" and folders["CSC"] == tmp_path / "first"
    assert page.generated[-1].path == made.copies[-1].path
    assert page.files.item(0).text().startswith("Full record \u2014 ") and "(made " in page.files.item(0).text()
    page.files.setCurrentRow(0)
    assert page.preview_button.isEnabled()
    qtbot.mouseClick(page.preview_button, Qt.MouseButton.LeftButton)
    assert ws.minutes.preview is not None and ws.minutes.preview.document.pageCount() >= 1
    ws.minutes.preview.reject()
    ws.hide()  # (closing deletes it, under the test's own clean-up)

    made.copies[-1].path.rename(tmp_path / "moved.pdf")  # the EDU copy, moved since
    again = _open_workspace(qtbot, state)
    page = again.sections["copies"]
    page.files.setCurrentRow(page.files.count() - 1)
    assert page.files.currentItem().text().endswith("no longer in its folder")
    assert not page.preview_button.isEnabled() and not page.open_button.isEnabled()
    assert shown_errors == []
