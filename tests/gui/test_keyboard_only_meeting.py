# SPDX-License-Identifier: LicenseRef-Proprietary
"""A whole meeting made with the keyboard alone (issue 19): from Ctrl+N in the meetings list,
every field of the record, dates included, typed, tabbed to and chosen with key presses only;
then the store is read to check that each one arrived. Only the agency directory is set up
beforehand (an administrator's job, done in Settings).

Every step goes through ``tab_to``, which presses Tab until the field has the focus: a field
that Tab cannot reach, or a date field that traps the keyboard, fails the test there."""

from __future__ import annotations

from datetime import date, datetime

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QDialog, QWidget

from conftest import ADMIN_PASSPHRASE
from gui_support import make_controller, unlock, unlocked  # noqa: F401 - fixtures
from strategy_meeting.domain.agency import Agency, AgencyKind
from strategy_meeting.domain.meeting import ConcernCategory, MeetingFormat, ParticipantStatus
from strategy_meeting.domain.sharing_terms import AudienceScope
from strategy_meeting.gui.windows import workspace_launcher
from strategy_meeting.services import agencies, meetings, session
from strategy_meeting.services.meetings import ItemKind

CTRL = Qt.KeyboardModifier.ControlModifier
CTRL_SHIFT = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
DIRECTORY = [Agency("CSC", "Children's Social Care", AgencyKind.SOCIAL_CARE, "csc@example.org"),
             Agency("POLICE", "Police Child Abuse Team", AgencyKind.POLICE, "cait@example.org"),
             Agency("HEALTH", "Community Health", AgencyKind.HEALTH, "health@example.org")]


def window() -> QWidget:
    w = QApplication.activeModalWidget() or QApplication.activeWindow()
    assert w is not None, "no active window"
    return w


_home: list[QWidget] = []  # the window a closed dialog hands the keyboard back to


def focused() -> QWidget:
    w = QApplication.focusWidget()
    if w is None and _home:  # a dialog just closed: the window under it is active again
        _home[-1].activateWindow()
        QApplication.processEvents()
        w = QApplication.focusWidget() or _home[-1].focusWidget() or _home[-1]
    assert w is not None, "nothing has the keyboard focus"
    return w


def press(key: Qt.Key, mods: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier) -> None:
    QTest.keyClick(focused(), key, mods)
    QApplication.processEvents()


def type_text(text: str) -> None:
    QTest.keyClicks(focused(), text)
    QApplication.processEvents()


def tab_to(target: QWidget, limit: int = 80) -> None:
    for _ in range(limit):
        now = focused()
        if now is target or target.isAncestorOf(now) or target.focusProxy() is now:
            return
        press(Qt.Key.Key_Tab)
    raise AssertionError(f"Tab never reached {type(target).__name__} {target.objectName()!r}; "
                         f"focus is on {type(focused()).__name__} {focused().objectName()!r}")


def fill(target: QWidget, text: str) -> None:
    """Tab to a text or date field, replace what it holds by typing, and stay there."""
    tab_to(target)
    press(Qt.Key.Key_A, CTRL)
    type_text(text)


def choose(combo: QWidget, text: str) -> None:
    """Tab to a combo box and pick the item that starts with ``text`` by typing it."""
    tab_to(combo)
    type_text(text)
    assert combo.currentText().lower().startswith(text.lower()), (combo.objectName(), combo.currentText())


def tick(box: QWidget) -> None:
    tab_to(box)
    press(Qt.Key.Key_Space)


def save(dialog: QDialog) -> None:
    from PySide6.QtWidgets import QDialogButtonBox

    button = dialog.ui.buttonBox.button(QDialogButtonBox.StandardButton.Save)
    tab_to(button)
    press(Qt.Key.Key_Space)
    QApplication.processEvents()
    assert not dialog.isVisible(), dialog.error_label.text()


def wait_active(qtbot, w: QWidget) -> None:
    _home.append(w)
    w.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is w, timeout=5000)


def test_a_meeting_with_every_field_by_keyboard_alone(unlocked, qtbot, data_dir) -> None:
    ctx, admin = session.open_session(data_dir, ADMIN_PASSPHRASE, "admin")
    for agency in DIRECTORY:
        agencies.save_agency(ctx, admin, agency)
    ctx.close()
    main = unlocked.main_window
    wait_active(qtbot, main)
    main.meetings.search.setFocus()

    # Ctrl+N: the reference is offered; the date and time typed as people write them.
    press(Qt.Key.Key_N, CTRL)
    dialog = window()
    fill(dialog.held_at.editor, "5/12/2026 14:30")
    press(Qt.Key.Key_Tab)
    press(Qt.Key.Key_Return)  # Create and open
    qtbot.waitUntil(lambda: len(workspace_launcher.open_windows()) == 1, timeout=20_000)
    ws = workspace_launcher.open_windows()[0]
    wait_active(qtbot, ws)
    reference = ws.reference

    # Details (Ctrl+1): every field, with the keyboard.
    press(Qt.Key.Key_1, CTRL)
    ui = ws.sections["details"].ui
    choose(ui.formatCombo, "Vir")  # Virtual
    fill(ui.locationEdit, "Video call")
    fill(ui.chairNameEdit, "Alex Example")
    fill(ui.chairRoleEdit, "Team Manager")
    fill(ui.minuteTakerEdit, "Sam Notetaker")
    fill(ui.receivedAtEdit.editor, "4 Dec 2026 09:15")
    press(Qt.Key.Key_Tab)
    for check in (ui.physicalCheck, ui.neglectCheck):
        tick(check)
    fill(ui.reasonEdit, "School reported bruising to the arm.")
    press(Qt.Key.Key_Tab)

    # Participants: agencies from the directory in the same step (Ctrl+Shift+P).
    for name, person, role in (("Children", "Alex Example", "Team Manager"),
                               ("Police", "DS Riley Test", "Detective Sergeant"),
                               ("Community", "Morgan Demo", "Named Nurse")):
        press(Qt.Key.Key_P, CTRL_SHIFT)
        d = window()
        choose(d.ui.agencyCombo, name)
        fill(d.ui.nameEdit, person)
        fill(d.ui.roleEdit, role)
        choose(d.ui.statusCombo, "Att")
        tick(d.ui.authorityCheck)
        save(d)

    # A subject child (Ctrl+Shift+H), dates typed, a valid NHS number.
    press(Qt.Key.Key_H, CTRL_SHIFT)
    d = window()
    fill(d.ui.nameEdit, "Robin Fictional")
    fill(d.ui.dobEdit.editor, "14/05/2018")
    fill(d.ui.genderEdit, "Girl")
    fill(d.ui.ethnicityEdit, "White British")
    fill(d.ui.nhsEdit, "943 476 5919")
    fill(d.ui.addressEdit, "1 Example Street, Sampletown")
    fill(d.ui.schoolEdit, "Sampletown Primary")
    fill(d.ui.communicationEdit, "None known")
    fill(d.ui.disabilityEdit, "None")
    save(d)

    # A household member: Ctrl+2, Tab to the household list, Insert adds one.
    press(Qt.Key.Key_2, CTRL)
    section = next(sec for sec in ws.sections.values() if ItemKind.HOUSEHOLD in getattr(sec, "panels", {}))
    tab_to(section.panels[ItemKind.HOUSEHOLD].view)
    press(Qt.Key.Key_Insert)
    d = window()
    fill(d.ui.nameEdit, "Jo Fictional")
    fill(d.ui.relationshipEdit, "Mother")
    tick(d.ui.responsibilityCheck)
    fill(d.ui.addressEdit, "1 Example Street, Sampletown")
    fill(d.ui.notesEdit, "Lives with the child.")
    save(d)

    # A contribution (Ctrl+Shift+C) shared with every agency.
    press(Qt.Key.Key_C, CTRL_SHIFT)
    d = window()
    choose(d.ui.agencyCombo, "Police")
    fill(d.ui.authorEdit, "DS Riley Test")
    fill(d.ui.textEdit, "Previous call-out to the address in 2025.")
    tab_to(d.ui.sharingEditor.all_radio)
    press(Qt.Key.Key_Space)
    fill(d.ui.sharingEditor.lawful_basis.note_edit, "Children Act 1989 s47")
    save(d)

    # A decision (Ctrl+Shift+D) relying on that contribution.
    press(Qt.Key.Key_D, CTRL_SHIFT)
    d = window()
    fill(d.ui.outcomeEdit, "Joint Section 47 enquiry.")
    fill(d.ui.rationaleEdit, "Injury consistent with the account given at school.")
    choose(d.ui.thresholdCombo, "Yes")
    tab_to(d.ui.reliedList)
    press(Qt.Key.Key_Space)  # tick the first (current) contribution
    if d.ui.reliedList.item(0).checkState() != Qt.CheckState.Checked:
        press(Qt.Key.Key_Home)
        press(Qt.Key.Key_Space)
    tab_to(d.ui.sharingEditor.all_radio)  # deny by default: the decision's audience is chosen
    press(Qt.Key.Key_Space)
    save(d)

    # An action (Ctrl+Shift+A) with a due date typed, then one chosen in the calendar.
    press(Qt.Key.Key_A, CTRL_SHIFT)
    d = window()
    fill(d.ui.descriptionEdit, "Arrange a child protection medical.")
    choose(d.ui.agencyCombo, "Community")
    tab_to(d.ui.ownerCombo)
    type_text("Morgan Demo")
    fill(d.ui.dueEdit.editor, "21/12/2026")
    press(Qt.Key.Key_Down, Qt.KeyboardModifier.AltModifier)  # the calendar, on 21 December
    press(Qt.Key.Key_Right)
    press(Qt.Key.Key_Return)  # 22 December
    tab_to(d.ui.sharingEditor.all_radio)
    press(Qt.Key.Key_Space)
    save(d)

    # Parents told, and the next steps (Ctrl+7 and Ctrl+8), dates typed.
    press(Qt.Key.Key_7, CTRL)
    ui = ws.sections["parents"].ui
    fill(ui.whenEdit.editor, "5/12/2026 16:00")
    fill(ui.howEdit, "Home visit")
    fill(ui.byEdit, "Alex Example")
    press(Qt.Key.Key_Tab)
    press(Qt.Key.Key_8, CTRL)
    ui = ws.sections["next_steps"].ui
    fill(ui.icpcEdit.editor, "24/12/2026")
    fill(ui.reviewEdit.editor, "7 Jan 2027 10:00")
    press(Qt.Key.Key_Tab)
    ws.flush_all()

    m = meetings.get(unlocked.state.ctx, unlocked.state.actor, reference)
    local = lambda value: value.astimezone().replace(tzinfo=None)  # noqa: E731
    assert local(m.held_at) == datetime(2026, 12, 5, 14, 30)
    assert m.format is MeetingFormat.VIRTUAL and m.location == "Video call"
    assert (m.chair.name, m.chair.role, m.minute_taker.name) == ("Alex Example", "Team Manager", "Sam Notetaker")
    assert local(m.referral.received_at) == datetime(2026, 12, 4, 9, 15)
    assert set(m.referral.categories) == {ConcernCategory.PHYSICAL_ABUSE, ConcernCategory.NEGLECT}
    assert m.referral.reason == "School reported bruising to the arm."
    assert [a.code for a in m.agencies] == ["CSC", "POLICE", "HEALTH"]
    assert [(p.agency, p.name, p.status, p.decision_authority) for p in m.participants] == [
        ("CSC", "Alex Example", ParticipantStatus.ATTENDED, True),
        ("POLICE", "DS Riley Test", ParticipantStatus.ATTENDED, True),
        ("HEALTH", "Morgan Demo", ParticipantStatus.ATTENDED, True)]
    adult = m.household[0]
    assert (adult.name, adult.relationship, adult.parental_responsibility) == ("Jo Fictional", "Mother", True)
    child = m.children[0]
    assert (child.name, child.date_of_birth, child.nhs_number, child.school) == (
        "Robin Fictional", date(2018, 5, 14), "9434765919", "Sampletown Primary")
    contribution = m.contributions[0]
    assert contribution.agency == "POLICE" and contribution.sharing.scope is AudienceScope.ALL
    assert m.decisions[0].relied_on == [contribution.id] and m.decisions[0].threshold_met is True
    action = m.actions[0]
    assert (action.owner_agency, action.owner_name, action.due) == ("HEALTH", "Morgan Demo", date(2026, 12, 22))
    informed = m.parents_informed
    assert local(informed.when) == datetime(2026, 12, 5, 16, 0) and informed.how == "Home visit"
    assert m.next_steps.icpc_by == date(2026, 12, 24)
    assert local(m.next_steps.review_at) == datetime(2027, 1, 7, 10, 0)
    ws.close()
