# SPDX-License-Identifier: LicenseRef-Proprietary
"""The meetings list (search, filters, sort, new, reconvene), the actions tracker and the
settings dialog, driven through the widgets on a real store."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QDialogButtonBox

from builders import sample_meeting
from gui_support import make_controller, unlock, unlocked  # noqa: F401 - fixtures
from strategy_meeting.domain.action import ActionStatus
from strategy_meeting.domain.meeting import MeetingKind, MeetingStatus
from strategy_meeting.gui.models.meeting_list import Column
from strategy_meeting.gui.windows import workspace_launcher
from strategy_meeting.services import agencies, meetings, settings

PEOPLE = [("SD-2026-0001", "Robin Fictional", MeetingStatus.IN_PROGRESS, date(2026, 11, 1)),
          ("SD-2026-0002", "Sam Placeholder", MeetingStatus.SIGNED_OFF, date(2026, 12, 1)),
          ("SD-2026-0003", "Casey Fictional", MeetingStatus.DRAFT, date(2026, 12, 2)),
          ("SD-2026-0004", "Jordan Müller", MeetingStatus.CONCLUDED, date(2026, 12, 3))]


def _seed(controller):
    ctx, actor = controller.state.ctx, controller.state.actor
    for n, (ref, child, status, due) in enumerate(PEOPLE):
        m = sample_meeting(ref, child_name=child)
        m.held_at = datetime(2026, 11, 2, 10, tzinfo=UTC) + timedelta(days=n)
        m.status = status
        m.actions[0].due = due
        m.actions[1].due = date(2026, 12, 24)
        meetings.create(ctx, actor, template=m)
    controller.main_window.refresh()


def _search(qtbot, pane, text):
    with qtbot.waitSignal(pane.refreshed, timeout=20_000):
        pane.search.setText(text)


def _refs(pane):
    return [pane.model.summary(r).reference for r in range(pane.model.rowCount())]


def test_search_as_you_type_filters_and_sorting(unlocked, qtbot):
    pane = unlocked.main_window.meetings
    _seed(unlocked)
    qtbot.waitUntil(lambda: pane.model.rowCount() == 4, timeout=20_000)
    assert _refs(pane) == ["SD-2026-0004", "SD-2026-0003", "SD-2026-0002", "SD-2026-0001"]  # newest first
    assert pane.count_label.text() == "4 meetings"
    _search(qtbot, pane, "fict")  # child surname prefix, any case
    assert _refs(pane) == ["SD-2026-0003", "SD-2026-0001"]
    _search(qtbot, pane, "MÜLLER")
    assert _refs(pane) == ["SD-2026-0004"]
    _search(qtbot, pane, "sd-2026-000")
    assert len(_refs(pane)) == 4
    _search(qtbot, pane, "Sam")  # first name of the full name
    assert _refs(pane) == ["SD-2026-0002"]
    _search(qtbot, pane, "")

    with qtbot.waitSignal(pane.refreshed, timeout=20_000):
        pane.status.setCurrentIndex(pane.status.findText("Signed off"))
    assert _refs(pane) == ["SD-2026-0002"]
    with qtbot.waitSignal(pane.refreshed, timeout=20_000):
        pane.status.setCurrentIndex(pane.status.findText("Not yet signed off"))
    assert set(_refs(pane)) == {"SD-2026-0001", "SD-2026-0003", "SD-2026-0004"}
    with qtbot.waitSignal(pane.refreshed, timeout=20_000):
        pane.status.setCurrentIndex(0)
    with qtbot.waitSignal(pane.refreshed, timeout=20_000):
        pane.overdue.setChecked(True)  # today is 20 November: only SD-2026-0001 has an overdue action
    assert _refs(pane) == ["SD-2026-0001"]
    row_text = pane.model.index(0, Column.ACTIONS).data()
    assert row_text == "2 (1 overdue)"
    with qtbot.waitSignal(pane.refreshed, timeout=20_000):
        pane.overdue.setChecked(False)
    with qtbot.waitSignal(pane.refreshed, timeout=20_000):
        pane.mine.setChecked(True)
    assert len(_refs(pane)) == 4  # the chair created them all
    with qtbot.waitSignal(pane.refreshed, timeout=20_000):
        pane.mine.setChecked(False)

    header = pane.table.horizontalHeader()
    with qtbot.waitSignal(pane.refreshed, timeout=20_000):
        header.setSortIndicator(Column.STATUS, Qt.SortOrder.AscendingOrder)
    assert pane.last_query.order_by == "status" and not pane.last_query.descending
    assert _refs(pane) == ["SD-2026-0004", "SD-2026-0003", "SD-2026-0001", "SD-2026-0002"]
    with qtbot.waitSignal(pane.refreshed, timeout=20_000):
        header.setSortIndicator(Column.REFERENCE, Qt.SortOrder.AscendingOrder)
    assert _refs(pane) == ["SD-2026-0001", "SD-2026-0002", "SD-2026-0003", "SD-2026-0004"]


def test_the_list_fetches_rows_a_page_at_a_time(unlocked, qtbot):
    pane = unlocked.main_window.meetings
    calls = []
    pane.model._fetch_page = lambda ids: calls.append(len(ids)) or []  # noqa: SLF001 - observe paging
    pane.model.set_ids(list(range(1, 100_001)))
    assert pane.model.rowCount() == 100_000 and calls == []
    pane.model.index(99_999, 0).data()
    pane.model.index(99_950, 1).data()
    assert calls == [100]  # one page fetched, once


def test_new_meeting_and_reconvene_open_their_windows(unlocked, qtbot):
    pane = unlocked.main_window.meetings
    _seed(unlocked)
    qtbot.waitUntil(lambda: pane.model.rowCount() == 4, timeout=20_000)
    unlocked.main_window.new_action.trigger()
    dialog = pane.last_dialog
    assert dialog.reference.text() == "SD-2026-0005"
    with qtbot.waitSignal(pane.refreshed, timeout=20_000):
        dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok).click()
    assert "SD-2026-0005" in _refs(pane)
    assert [w.reference for w in workspace_launcher.open_windows()] == ["SD-2026-0005"]

    row = _refs(pane).index("SD-2026-0001")
    pane.table.selectRow(row)
    pane.table.setFocus()
    QTest.keyClick(pane.table, Qt.Key.Key_Return)  # Enter opens the selected meeting
    assert "SD-2026-0001" in [w.reference for w in workspace_launcher.open_windows()]
    unlocked.main_window.reconvene_action.trigger()
    dialog = pane.last_dialog
    dialog.reference.setText("SD-2026-0001-R")
    with qtbot.waitSignal(pane.refreshed, timeout=20_000):
        dialog.accept()
    new = meetings.get(unlocked.state.ctx, unlocked.state.actor, "SD-2026-0001-R")
    assert new.kind is MeetingKind.RECONVENED and new.reconvenes == "SD-2026-0001"
    assert "SD-2026-0001-R" in [w.reference for w in workspace_launcher.open_windows()]


def test_actions_tracker_marks_an_action_done_with_a_note(unlocked, qtbot):
    _seed(unlocked)
    tracker = unlocked.main_window.actions_tracker
    assert tracker.model.rowCount() == 0  # not loaded while off screen
    unlocked.main_window.tracker_action.trigger()
    qtbot.waitUntil(lambda: tracker.model.rowCount() == 8, timeout=20_000)
    first = tracker.proxy.index(0, 0)
    assert first.data() == "Sun 01 Nov 2026" and tracker.proxy.index(0, 1).data() == "Overdue"
    assert tracker.proxy.index(0, 0).data(Qt.ItemDataRole.BackgroundRole) is not None
    assert tracker.proxy.index(1, 1).data() == "Open"
    assert tracker.count_label.text() == "8 open, 1 overdue"
    tracker.only_overdue.setChecked(True)
    assert tracker.proxy.rowCount() == 1
    tracker.only_overdue.setChecked(False)

    tracker.table.selectRow(0)
    dialog = tracker.finish_selected()
    assert not dialog.ok.isEnabled()
    qtbot.keyClicks(dialog.note, "Medical held on 2 November.")
    with qtbot.waitSignal(tracker.refreshed, timeout=20_000):
        dialog.ok.click()
    done = meetings.get(unlocked.state.ctx, unlocked.state.actor, "SD-2026-0001").action("a1")
    assert done.status is ActionStatus.DONE and done.completion_note == "Medical held on 2 November."
    assert tracker.model.rowCount() == 7 and tracker.count_label.text() == "7 open, 0 overdue"

    with qtbot.waitSignal(tracker.refreshed, timeout=20_000):
        tracker.agency.setCurrentIndex(tracker.agency.findData("POLICE"))
    assert {t.action.owner_agency for t in tracker.model.rows} == {"POLICE"}


def test_dashboard_shows_the_figures(unlocked, qtbot):
    _seed(unlocked)
    panel = unlocked.main_window.dashboard
    qtbot.waitUntil(lambda: panel.data is not None and panel.data.not_distributed_count == 1, timeout=20_000)
    assert panel.waiting.figure.text() == "1" and panel.overdue.figure.text() == "1"
    assert "SD-2026-0002" in panel.waiting_list.item(0).text()
    assert panel.bars[0][1].value() == 100 and panel.figures[0].text() == "100% (4 of 4)"
    assert "SD-2026-0001" in panel.overdue_list.item(0).text()


def test_settings_are_for_administrators_and_save_through_the_services(make_controller, data_dir, qtbot):
    controller = make_controller(data_dir)
    controller.start()
    unlock(qtbot, controller)
    chair_dialog = controller.main_window.open_settings()  # a chair: only the backup settings open
    tabs = chair_dialog.tabs
    assert [tabs.tabText(i) for i in range(tabs.count()) if tabs.isTabEnabled(i)] == ["Backups"]
    # The others are there, disabled, each with the reason (issue 19), not missing.
    assert [tabs.tabText(i) for i in range(tabs.count())] == [
        "Agencies", "Users and roles", "Signing identities", "Security", "Local checks", "Mail server", "Backups"]
    users_tab = [tabs.tabText(i) for i in range(tabs.count())].index("Users and roles")
    assert tabs.tabToolTip(users_tab) == (
        "Users and roles: Needs an administrator.")
    assert chair_dialog.closed_note.isVisibleTo(chair_dialog)
    assert "Users and roles: Needs an administrator" in chair_dialog.closed_note.text()
    chair_dialog.reject()
    controller.lock()
    from conftest import PASSPHRASE

    unlock(qtbot, controller, PASSPHRASE + " admin")
    window = controller.main_window
    assert window.settings_action.isEnabled()
    dialog = window.open_settings()
    assert [dialog.tabs.tabText(i) for i in range(dialog.tabs.count())] == [
        "Agencies", "Users and roles", "Signing identities", "Security", "Local checks", "Mail server", "Backups"]
    page = dialog.page("AgenciesPage")
    page.code.setText("police")
    page.name.setText("Police CAIT")
    page.kind.setCurrentIndex(page.kind.findData("police"))
    page.email.setText("cait@example.org")
    page.save_button.click()
    assert [a.code for a in agencies.list_agencies(controller.state.ctx, controller.state.actor)] == ["POLICE"]
    assert page.table.rowCount() == 1 and page.table.item(0, 1).text() == "Police CAIT"

    security = dialog.page("SecurityPage")
    assert security.timeout.value() == 5
    security.timeout.setValue(12)
    security.save_button.click()
    assert settings.idle_timeout_minutes(controller.state.ctx) == 12
    assert controller.idle.timeout_ms == 12 * 60_000  # applied at once

    users_page = dialog.page("UsersPage")
    assert users_page.table.rowCount() == 2
    users_page.name.setText("deputy")
    users_page.passphrase.passphrase.setText("violet kettle orbit sandstone")
    users_page.passphrase.confirm.setText("violet kettle orbit sandstone")
    # A representative is refused where the role is chosen, with the reason (issue 13).
    users_page.role.setCurrentIndex(users_page.role.findData("agency_rep"))
    assert not users_page.add_button.isEnabled() and users_page.role_note.isVisibleTo(users_page)
    assert "request form" in users_page.role_note.text()
    users_page.role.setCurrentIndex(users_page.role.findData("chair"))
    assert users_page.add_button.isEnabled() and not users_page.role_note.isVisibleTo(users_page)
    users_page.add_button.click()
    assert users_page.table.rowCount() == 3

    controller.lock()
    assert not dialog.isVisible() and page.table.rowCount() == 0



def test_an_agency_representative_sees_their_own_agencys_work(make_controller, data_dir, qtbot):
    from strategy_meeting.services import session

    from builders import representative

    ctx, chair = session.open_session(data_dir, "correct horse battery staple")
    for ref, child, status, due in PEOPLE[:2]:
        m = sample_meeting(ref, child_name=child)
        m.actions[0].due = due
        meetings.create(ctx, chair, template=m)
    ctx.close()
    controller = make_controller(data_dir)
    controller.start()
    # A representative as the team server will have them (a local store holds none).
    ctx, _chair = session.open_session(data_dir, "correct horse battery staple")
    controller.unlock_with(ctx, representative("nurse", "HEALTH"))
    window = controller.main_window
    assert not window.new_action.isEnabled() and not window.meetings.new_button.isEnabled()
    assert not window.settings_action.isVisible()
    window.tracker_action.trigger()
    tracker = window.actions_tracker
    qtbot.waitUntil(lambda: tracker.model.rowCount() == 2, timeout=20_000)
    assert {t.action.owner_agency for t in tracker.model.rows} == {"HEALTH"}
    assert not tracker.agency.isVisible()


def test_a_very_long_agency_name_does_not_push_the_other_columns_off(make_controller, data_dir, qtbot):
    from strategy_meeting.domain.agency import Agency
    from strategy_meeting.gui.dialogs.settings_page import MAX_COLUMN_WIDTH
    from gui_support import unlock
    from conftest import ADMIN_PASSPHRASE

    controller = make_controller(data_dir)
    controller.start()
    unlock(qtbot, controller, ADMIN_PASSPHRASE)
    long_name = "Sampletown and District Multi-Agency Safeguarding Hub " * 4
    agencies.save_agency(controller.state.ctx, controller.state.actor,
                         Agency("MASH", long_name.strip(), email="mash@example.org"))
    dialog = controller.main_window.open_settings()
    page = dialog.page("AgenciesPage")
    page.load()
    table = page.table
    assert all(table.columnWidth(c) <= MAX_COLUMN_WIDTH for c in range(table.columnCount()))
    row = next(r for r in range(table.rowCount()) if table.item(r, 0).text() == "MASH")
    assert table.item(row, 1).toolTip() == long_name.strip()
    dialog.reject()


def test_the_meetings_list_is_drawn_on_the_table_background_like_any_table(unlocked, qtbot):
    # The list has a viewport of its own (start-up, meetings_pane.py): it must still paint the
    # rows and the space under them in the palette's base colour, not the window's grey.
    _seed(unlocked)
    window = unlocked.main_window
    window.resize(1000, 700)
    qtbot.waitUntil(lambda: window.meetings.model.rowCount() == len(PEOPLE), timeout=20_000)
    table = window.meetings.table
    image = table.viewport().grab().toImage()
    base = table.palette().base().color().name()
    assert base != table.palette().window().color().name()
    assert image.pixelColor(image.width() // 2, image.height() - 3).name() == base  # under the rows
    row = table.rowViewportPosition(0) + table.rowHeight(0) // 2
    x = table.columnViewportPosition(Column.CHILDREN) + table.columnWidth(Column.CHILDREN) - 3
    assert image.pixelColor(x, row).name() == base  # a cell's background


def test_tab_goes_through_the_home_screen_top_to_bottom(unlocked, qtbot):
    # The dashboard is built after the list has painted (main_window._build_panels); Tab
    # still reaches it first, as it is drawn above the list, not after the list's buttons.
    from PySide6.QtWidgets import QApplication

    window = unlocked.main_window
    dashboard, pane = window.dashboard, window.meetings
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    window.tabs.tabBar().setFocus()
    visited = []
    for _ in range(20):
        QTest.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
        visited.append(QApplication.focusWidget())
    first_of_list = visited.index(pane.search)
    assert dashboard.tracker_button in visited[:first_of_list]
    assert all(dashboard.isAncestorOf(w) for w in visited[:first_of_list])


def test_the_settings_menu_offers_what_the_pages_offer():
    # The menu item follows domain/roles.py's ADMINISTRATION, decided without loading the pages;
    # the pages each need one permission. The two must name the same permissions, and a role
    # sees the menu exactly when some page is open to it.
    from strategy_meeting.domain.roles import ADMINISTRATION, Role, allowed, may_administer
    from strategy_meeting.gui.dialogs.settings_dialog import PAGES

    assert {page.permission for page in PAGES} == ADMINISTRATION
    for role in Role:
        assert may_administer(role) == any(allowed(role, page.permission) for page in PAGES)
    assert may_administer(Role.CHAIR) and may_administer(Role.ADMINISTRATOR)
    assert not may_administer(Role.AGENCY_REP)


def test_an_empty_list_says_what_to_do_next(unlocked, qtbot):
    pane = unlocked.main_window.meetings
    qtbot.waitUntil(lambda: pane.count_label.text() != "", timeout=20_000)
    assert pane.model.rowCount() == 0
    assert pane.count_label.text() == "No meetings yet: press Ctrl+N to start one."
    _seed(unlocked)
    qtbot.waitUntil(lambda: pane.model.rowCount() == 4, timeout=20_000)
    _search(qtbot, pane, "nobody-by-this-name")
    assert pane.count_label.text() == "No meetings match: change the search or the filters."
