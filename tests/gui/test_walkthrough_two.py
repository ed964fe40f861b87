# SPDX-License-Identifier: LicenseRef-Proprietary
"""What the second walkthrough of the desktop app found (actions tracker, dashboard, settings,
scaling, Tab order), each driven through the real widgets on a real store."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from gui_support import make_controller, unlock, unlocked  # noqa: F401 - fixtures


def _focus_and_enter(qtbot, widget) -> None:  # type: ignore[no-untyped-def]
    widget.window().activateWindow()
    widget.setFocus(Qt.FocusReason.TabFocusReason)
    qtbot.waitUntil(widget.hasFocus)
    QTest.keyClick(widget, Qt.Key.Key_Return)


def test_enter_on_a_dashboard_cards_empty_line_opens_nothing(unlocked, qtbot):
    # An empty card holds one greyed line ("No meetings this week."). Tabbing onto it and
    # pressing Enter once opened a meeting window for no meeting, which then showed an error.
    panel = unlocked.main_window.dashboard
    qtbot.waitUntil(lambda: panel.data is not None, timeout=20_000)
    assert panel.data.this_week_count == 0
    opened: list[object] = []
    panel.open_meeting.connect(opened.append)
    for card_list in (panel.week_list, panel.waiting_list, panel.overdue_list):
        card_list.setCurrentRow(0)  # what a click or arrow key on the line does
        _focus_and_enter(qtbot, card_list)
    QApplication.processEvents()
    assert opened == []


def _mnemonics(window) -> dict[str, list[str]]:  # type: ignore[no-untyped-def]
    """Every Alt+letter on show in a window: buttons, labels with a buddy, group boxes, tabs."""
    import re

    from PySide6.QtWidgets import QAbstractButton, QGroupBox, QLabel, QTabBar, QWidget

    keys: dict[str, list[str]] = {}

    def note(text: str) -> None:
        found = re.search(r"&([^&])", text or "")
        if found:
            keys.setdefault(found.group(1).lower(), []).append(text)

    for w in window.findChildren(QWidget):
        if not w.isVisible():
            continue
        if isinstance(w, QAbstractButton):
            note(w.text())
        elif isinstance(w, QLabel) and w.buddy() is not None:
            note(w.text())
        elif isinstance(w, QGroupBox):
            note(w.title())
        elif isinstance(w, QTabBar):
            for i in range(w.count()):
                note(w.tabText(i))
    return keys


def test_no_two_controls_share_an_alt_key_on_any_settings_page(make_controller, data_dir, qtbot):
    # Alt+N on the agencies page went to "Name:" and "New" alike; Alt+T on the mail server page
    # to "Trusted CA file:" and "Test connection": the key then only cycles between the two.
    from conftest import ADMIN_PASSPHRASE

    controller = make_controller(data_dir)
    controller.start()
    unlock(qtbot, controller, ADMIN_PASSPHRASE)
    dialog = controller.main_window.open_settings()
    dialog.show()
    for i in range(dialog.tabs.count()):
        dialog.tabs.setCurrentIndex(i)
        QApplication.processEvents()
        clashes = {k: texts for k, texts in _mnemonics(dialog).items() if len(texts) > 1}
        assert clashes == {}, dialog.tabs.tabText(i)
    dialog.reject()


def test_a_representative_is_refused_where_the_role_is_chosen(make_controller, data_dir, qtbot):
    # The agency was a free text box, on for every role: "nopolice" made a representative of
    # an agency that does not exist (NOPOLICE), and a chair could be given one to no effect.
    from conftest import ADMIN_PASSPHRASE
    from strategy_meeting.domain.agency import Agency, AgencyKind
    from strategy_meeting.services import agencies, users

    controller = make_controller(data_dir)
    controller.start()
    unlock(qtbot, controller, ADMIN_PASSPHRASE)
    ctx, actor = controller.state.ctx, controller.state.actor
    agencies.save_agency(ctx, actor, Agency("POLICE", "Police CAIT", AgencyKind.POLICE, "cait@example.org"))
    dialog = controller.main_window.open_settings()
    dialog.show()
    page = dialog.page("UsersPage")
    dialog.tabs.setCurrentWidget(page)
    page.name.setText("r.police")
    page.passphrase.passphrase.setText("copper meadow violin thunder")
    page.passphrase.confirm.setText("copper meadow violin thunder")
    assert page.role.currentData() == "chair" and not page.agency.isEnabled()
    page.role.setCurrentIndex(page.role.findData("agency_rep"))
    # A local store takes no representative (issue 13): refused where the role is chosen.
    assert not page.add_button.isEnabled() and not page.agency.isEnabled()
    assert "request form" in page.role_note.text() and page.role_note.isVisibleTo(page)
    assert "r.police" not in {u.name for u in users.list_users(ctx, actor)}
    dialog.reject()


def test_a_representative_cannot_be_added_before_any_agency_exists(make_controller, data_dir, qtbot):
    from conftest import ADMIN_PASSPHRASE

    controller = make_controller(data_dir)
    controller.start()
    unlock(qtbot, controller, ADMIN_PASSPHRASE)
    dialog = controller.main_window.open_settings()
    page = dialog.page("UsersPage")
    page.name.setText("r.police")
    page.passphrase.passphrase.setText("copper meadow violin thunder")
    page.passphrase.confirm.setText("copper meadow violin thunder")
    assert page.add_button.isEnabled()  # a chair needs no agency
    page.role.setCurrentIndex(page.role.findData("agency_rep"))
    assert not page.add_button.isEnabled()
    assert "Agencies page" in page.agency.currentText()
    dialog.reject()


def test_agency_buttons_are_on_only_when_they_can_work(make_controller, data_dir, qtbot):
    # Remove was on with nothing chosen (and then did nothing), Save with no code at all; and
    # Remove took the code from the text box, so an edited code removed another agency.
    from conftest import ADMIN_PASSPHRASE
    from strategy_meeting.domain.agency import Agency, AgencyKind
    from strategy_meeting.services import agencies

    controller = make_controller(data_dir)
    controller.start()
    unlock(qtbot, controller, ADMIN_PASSPHRASE)
    ctx, actor = controller.state.ctx, controller.state.actor
    for code in ("CSC", "YOT"):
        agencies.save_agency(ctx, actor, Agency(code, f"{code} team", AgencyKind.OTHER, ""))
    dialog = controller.main_window.open_settings()
    page = dialog.page("AgenciesPage")
    page.load()
    assert not page.remove_button.isEnabled() and not page.save_button.isEnabled()
    page.select("YOT")
    assert page.remove_button.isEnabled() and page.save_button.isEnabled()
    page.code.setText("CSC")  # typed over, not saved
    page.remove_button.click()
    assert [a.code for a in agencies.list_agencies(ctx, actor)] == ["CSC"]
    assert not page.remove_button.isEnabled()
    page.new_button.click()
    assert not page.save_button.isEnabled()
    QTest.keyClicks(page.code, "EDU")
    assert page.save_button.isEnabled()
    dialog.reject()


def test_a_settings_table_still_fills_its_width_after_a_change(make_controller, data_dir, qtbot):
    # After disabling an account on a dialog on show, the table's last column stopped
    # stretching: the rows ended halfway across, with a blank area beside them.
    from conftest import ADMIN_PASSPHRASE

    controller = make_controller(data_dir)
    controller.start()
    unlock(qtbot, controller, ADMIN_PASSPHRASE)
    dialog = controller.main_window.open_settings()
    dialog.show()
    page = dialog.page("UsersPage")
    dialog.tabs.setCurrentWidget(page)
    qtbot.waitExposed(dialog)
    table = page.table
    row = next(r for r in range(table.rowCount()) if table.item(r, 0).text() == "chair")
    table.selectRow(row)
    page.toggle_button.click()
    QApplication.processEvents()
    assert table.item(row, 4).text() == "Disabled"
    last = table.columnCount() - 1
    right = table.columnViewportPosition(last) + table.columnWidth(last)
    assert abs(right - table.viewport().width()) <= 2
    dialog.reject()


def test_the_users_list_shows_several_whole_rows_at_the_dialogs_opening_size(make_controller, data_dir, qtbot):
    # The add-a-user form below took the height: the list showed two and a half rows at
    # the dialog's own size (at 200 % scaling just as at 100 %).
    from conftest import ADMIN_PASSPHRASE
    from strategy_meeting.domain.roles import Role
    from strategy_meeting.services import users

    controller = make_controller(data_dir)
    controller.start()
    unlock(qtbot, controller, ADMIN_PASSPHRASE)
    for n in range(3):
        users.add_user(controller.state.ctx, controller.state.actor, f"chair{n}", Role.CHAIR,
                       "copper meadow violin thunder")
    dialog = controller.main_window.open_settings()
    dialog.show()
    page = dialog.page("UsersPage")
    dialog.tabs.setCurrentWidget(page)
    qtbot.waitExposed(dialog)
    QApplication.processEvents()
    table = page.table
    assert table.rowCount() == 5
    assert table.viewport().height() >= 4 * table.rowHeight(0)
    dialog.reject()
