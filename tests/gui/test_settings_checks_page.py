# SPDX-License-Identifier: LicenseRef-Proprietary
"""The Local checks page of Settings (issue 15): the administrator switches the local-practice
checks on and off in the app, as ``checks set`` does on the command line; the service keeps
them, the page says what is in force, an open meeting's checklist follows at once, and a chair
finds the page disabled with the reason."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from builders import sample_meeting
from conftest import ADMIN_PASSPHRASE
from gui_support import make_controller, unlock, unlocked  # noqa: F401 - fixtures
from strategy_meeting.domain.signoff_checks import CheckSettings
from strategy_meeting.gui.windows.meeting_workspace import MeetingWorkspace
from strategy_meeting.services import meetings, session, signoff

REF = "SD-2026-0100"
REVIEW = "Local practice: a review discussion"


def _admin(make_controller, data_dir, qtbot):  # type: ignore[no-untyped-def]
    controller = make_controller(data_dir)
    controller.start()
    unlock(qtbot, controller, ADMIN_PASSPHRASE)
    return controller


def test_an_administrator_switches_the_local_checks_on_and_off_in_settings(make_controller, data_dir, qtbot):
    controller = _admin(make_controller, data_dir, qtbot)
    dialog = controller.main_window.open_settings()
    page = dialog.page("LocalChecksPage")
    titles = [dialog.tabs.tabText(i) for i in range(dialog.tabs.count())]
    assert "Local checks" in titles and dialog.tabs.isTabEnabled(titles.index("Local checks"))
    dialog.tabs.setCurrentWidget(page)
    # Off by default: nothing ticked, the numbers greyed out, and the page says so.
    assert not page.sign_off_check.isChecked() and not page.sign_off_days.isEnabled()
    assert not page.review_check.isChecked() and not page.review_days.isEnabled()
    assert page.in_force.text() == "In force: no sign-off deadline; no review deadline."

    # By keyboard: the mnemonic ticks the box, the number follows.
    page.sign_off_check.setFocus()
    QTest.keyClick(page.sign_off_check, Qt.Key.Key_Space)
    assert page.sign_off_days.isEnabled()
    page.sign_off_days.setValue(2)
    page.review_check.setChecked(True)
    page.review_days.setValue(14)
    page.save_button.click()
    ctx = controller.state.ctx
    assert signoff.current_check_settings(ctx) == CheckSettings(2, 14)
    assert dialog.status.text().startswith("The local checks were saved. In force: minutes signed off within 2 "
                                           "working day(s); a review discussion within 14 day(s).")
    assert page.in_force.text().startswith("In force: minutes signed off within 2")
    with ctx.unit_of_work() as uow:  # audited under the administrator, as the command line's change is
        last = uow.audit.events()[-1]
    assert (last.action, last.user, last.details["to"]) == (
        "settings.update", "admin", {"sign_off_within_working_days": 2, "review_within_days": 14})

    page.sign_off_check.setChecked(False)
    page.save_button.click()
    assert signoff.current_check_settings(ctx) == CheckSettings(None, 14)
    dialog.reject()

    again = controller.main_window.open_settings().page("LocalChecksPage")  # reopened: as saved
    assert not again.sign_off_check.isChecked() and again.review_check.isChecked()
    assert again.review_days.value() == 14 and again.review_days.isEnabled()


def test_an_open_meetings_checklist_follows_a_saved_local_check(make_controller, data_dir, qtbot):
    ctx, chair = session.open_session(data_dir, "correct horse battery staple")
    meetings.create(ctx, chair, template=sample_meeting())  # no review date set
    ctx.close()
    controller = _admin(make_controller, data_dir, qtbot)
    ws = MeetingWorkspace(controller.state, REF)
    qtbot.addWidget(ws)
    ws.show()
    qtbot.waitExposed(ws)
    assert not [line for line in ws.checklist.lines if REVIEW in line.label]

    page = controller.main_window.open_settings().page("LocalChecksPage")
    page.review_check.setChecked(True)
    page.review_days.setValue(7)
    page.save_button.click()
    review = [line for line in ws.checklist.lines if REVIEW in line.label]
    assert len(review) == 1 and not review[0].passed and "within 7 days" in review[0].label


def test_a_chair_finds_the_page_disabled_with_the_reason(unlocked):
    dialog = unlocked.main_window.open_settings()
    titles = [dialog.tabs.tabText(i) for i in range(dialog.tabs.count())]
    index = titles.index("Local checks")
    assert not dialog.tabs.isTabEnabled(index)
    assert "administrator" in dialog.tabs.tabToolTip(index).lower()
    assert "LocalChecksPage" in dialog.closed_pages
    dialog.reject()
