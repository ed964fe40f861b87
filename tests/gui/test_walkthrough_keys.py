# SPDX-License-Identifier: LicenseRef-Proprietary
"""Keys found broken by walking through the app as a chair: Ctrl+L in a meeting window beside
the main window, and mnemonics (Alt+letter) that two controls of one window share."""

from __future__ import annotations

import re
from collections import defaultdict

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QAbstractButton, QApplication, QLabel, QMenuBar, QTabBar, QWidget

from builders import sample_meeting
from gui_support import make_controller, unlock, unlocked  # noqa: F401 - fixtures
from strategy_meeting.gui.windows import workspace_launcher
from strategy_meeting.services import meetings

REF = "SD-2026-0100"


def _open_meeting(controller, qtbot):  # type: ignore[no-untyped-def]
    meetings.create(controller.state.ctx, controller.state.actor, template=sample_meeting(REF))
    ws = workspace_launcher.open_workspace(controller.state, REF)
    qtbot.waitExposed(ws)
    ws.activateWindow()
    qtbot.waitUntil(ws.isActiveWindow)
    return ws


def test_ctrl_l_locks_from_a_meeting_window_beside_the_main_window(unlocked, qtbot):
    """Both windows offered Ctrl+L (the main window's for the whole application), so Qt found
    the key ambiguous and did nothing: the meeting stayed on screen."""
    ws = _open_meeting(unlocked, qtbot)
    ws.nav.setFocus()
    QTest.keyClick(ws.nav, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
    assert unlocked.state.is_locked
    assert ws.outer.currentWidget() is ws.lock_page


def test_ctrl_l_locks_this_session_beside_another_sessions_main_window(unlocked, qtbot, tmp_path):
    """A main window of another session (another test's, or a second app object) used to claim
    Ctrl+L for the whole application: with this window's own claim Qt found the key ambiguous
    and did nothing. Each window now answers for its own session only."""
    from strategy_meeting.gui.app_state import AppState
    from strategy_meeting.gui.windows.main_window import MainWindow

    other = MainWindow(AppState(tmp_path / "other-session"), None)
    qtbot.addWidget(other)
    other.show()
    ws = _open_meeting(unlocked, qtbot)
    ws.nav.setFocus()
    QTest.keyClick(ws.nav, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
    assert unlocked.state.is_locked
    assert ws.outer.currentWidget() is ws.lock_page


def test_the_meeting_menu_still_shows_ctrl_l(unlocked, qtbot):
    ws = _open_meeting(unlocked, qtbot)
    assert "Ctrl+L" in ws.lock_action.text() + ws.lock_action.shortcut().toString()
    ws.lock_action.trigger()
    assert unlocked.state.is_locked


# ---- mnemonics ------------------------------------------------------------------------------


def _mnemonic(text: str) -> str | None:
    found = re.search(r"&([^&])", text.replace("&&", ""))
    return found.group(1).lower() if found else None


def mnemonic_clashes(top: QWidget) -> dict[str, list[str]]:
    """Alt+letter keys that more than one visible control of ``top`` answers to: buttons, the
    labels of fields (buddies), tabs and the menu bar's menus."""
    keys: dict[str, list[str]] = defaultdict(list)
    for w in top.findChildren(QWidget):
        if not w.isVisibleTo(top):
            continue
        texts: list[str] = []
        if isinstance(w, QAbstractButton):
            texts = [w.text()]
        elif isinstance(w, QLabel) and w.buddy() is not None:
            texts = [w.text()]
        elif isinstance(w, QTabBar):
            texts = [w.tabText(i) for i in range(w.count()) if w.isTabVisible(i)]
        elif isinstance(w, QMenuBar):
            texts = [a.text() for a in w.actions() if a.isVisible()]
        for text in texts:
            key = _mnemonic(text)
            if key:
                keys[key].append(text)
    return {k: v for k, v in keys.items() if len(v) > 1}


def test_main_window_mnemonics_are_unique(unlocked, qtbot):
    window = unlocked.main_window
    window.dashboard  # noqa: B018 - built
    QApplication.processEvents()
    assert mnemonic_clashes(window) == {}


def test_meeting_window_mnemonics_are_unique_on_every_page(unlocked, qtbot):
    ws = _open_meeting(unlocked, qtbot)
    for section in ws.section_list:
        ws.show_section(section.key)
        QApplication.processEvents()
        assert mnemonic_clashes(ws) == {}, section.key


def test_item_dialog_mnemonics_are_unique(unlocked, qtbot):
    from strategy_meeting.gui.windows.workspace_editing import DIALOGS

    ws = _open_meeting(unlocked, qtbot)
    for kind in DIALOGS:
        dialog = ws.editing.edit(kind)
        qtbot.waitExposed(dialog)
        assert mnemonic_clashes(dialog) == {}, kind
        dialog.reject()


def test_setup_wizard_mnemonics_are_unique(qtbot, tmp_path):
    from strategy_meeting.gui.dialogs.setup_wizard import SetupWizard

    wizard = SetupWizard(tmp_path / "fresh")
    qtbot.addWidget(wizard)
    wizard.show()
    for _ in range(len(wizard.pageIds()) - 1):
        assert mnemonic_clashes(wizard) == {}, type(wizard.currentPage()).__name__
        if wizard.currentPage() is wizard.passphrase_page:
            break  # committing it would create the store
        wizard.user_page.name.setText("a.example")
        wizard.next()
    # The team server's path: its one page, with its Connect button.
    wizard.restart()
    wizard.welcome.team.setChecked(True)
    wizard.next()
    assert wizard.currentPage() is wizard.server_page
    assert mnemonic_clashes(wizard) == {}
    assert wizard.button(wizard.WizardButton.FinishButton).text() == "&Connect"


# ---- the decision dialog's dissent ----------------------------------------------------------


def _decision_dialog(controller, qtbot):  # type: ignore[no-untyped-def]
    from strategy_meeting.services.meetings import ItemKind

    ws = _open_meeting(controller, qtbot)
    ws.show_section("decisions")
    dialog = ws.editing.edit(ItemKind.DECISION, ws.meeting.decisions[0])
    qtbot.waitExposed(dialog)
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow)
    return ws, dialog


def test_enter_in_the_dissent_field_adds_it_and_keeps_the_dialog_open(unlocked, qtbot):
    ws, dialog = _decision_dialog(unlocked, qtbot)
    dialog.ui.dissentViewEdit.setFocus()
    QTest.keyClicks(dialog.ui.dissentViewEdit, "Would prefer the medical after school.")
    QTest.keyClick(dialog.ui.dissentViewEdit, Qt.Key.Key_Return)
    assert dialog.isVisible()  # the chair can add a second dissent or go on editing
    assert dialog.ui.dissentList.count() == 1 and dialog.ui.dissentViewEdit.toPlainText() == ""
    assert ws.meeting.decisions[0].dissent == []  # nothing saved until Save
    dialog.reject()


def test_remove_dissent_is_off_until_a_dissent_is_selected(unlocked, qtbot):
    _ws, dialog = _decision_dialog(unlocked, qtbot)
    button = dialog.ui.removeDissentButton
    assert not button.isEnabled()
    dialog.ui.dissentViewEdit.setPlainText("A view.")
    dialog.ui.addDissentButton.click()
    assert not button.isEnabled()
    dialog.ui.dissentList.setCurrentRow(0)
    assert button.isEnabled()
    button.click()
    assert dialog.ui.dissentList.count() == 0 and not button.isEnabled()
    dialog.reject()


# ---- what each copy withholds ---------------------------------------------------------------


def test_every_withheld_cell_shows_its_whole_text(unlocked, qtbot):
    """A decision's cell ("2 relied-on withheld") was cut to "2 relied-on ...", losing the word
    that says what happened; rows now grow to hold the wrapped text."""
    from builders import sample_meeting as _sample
    from strategy_meeting.domain.agency import Agency, AgencyKind

    meeting = _sample(REF)
    for n in range(3):  # more agencies: narrower columns, as in a real meeting
        meeting.agencies.append(Agency(f"X{n}", f"Extra agency {n}", AgencyKind.OTHER, f"x{n}@example.org"))
    meetings.create(unlocked.state.ctx, unlocked.state.actor, template=meeting)
    ws = workspace_launcher.open_workspace(unlocked.state, REF)
    ws.resize(1280, 800)
    qtbot.waitExposed(ws)
    ws.show_section("copies")
    QApplication.processEvents()
    view = ws.sections["copies"].matrix
    model = view.model()
    assert any("withheld" in str(model.index(r, c).data()) and model.index(r, c).data() != "Withheld"
               for r in range(model.rowCount()) for c in range(1, model.columnCount()))
    for row in range(model.rowCount()):
        assert view.rowHeight(row) >= view.sizeHintForRow(row), model.index(row, 0).data()


def test_the_dissent_box_has_room_to_read_and_write_a_view(unlocked, qtbot):
    """Issue 19: the dissent box was a one-line field squeezed beside the agency, and its list
    scrolled sideways. The view now has the dialog's width and three lines or more, Shift+Enter
    starts a new line in it, and a long view is wrapped in the list under the agency's name."""
    _ws, dialog = _decision_dialog(unlocked, qtbot)
    edit, listed = dialog.ui.dissentViewEdit, dialog.ui.dissentList
    lines = edit.fontMetrics().lineSpacing()
    assert edit.height() >= 3 * lines and edit.width() >= 0.8 * dialog.ui.dissentGroup.width()
    assert listed.height() >= 4 * lines
    long_view = ("Education would have preferred a single-agency enquiry, with the school's designated "
                 "safeguarding lead speaking to the child first, because the child trusts her and the "
                 "police visit at home last year frightened him.")
    edit.setFocus()
    QTest.keyClicks(edit, "First line.")
    QTest.keyClick(edit, Qt.Key.Key_Return, Qt.KeyboardModifier.ShiftModifier)
    assert dialog.ui.dissentList.count() == 0 and edit.toPlainText().count("\u2029") + \
        edit.toPlainText().count("\n") == 1  # a new line, not added yet
    edit.clear()
    combo = dialog.ui.dissentAgencyCombo
    combo.setCurrentIndex(combo.findData("EDU"))
    QTest.keyClicks(edit, long_view)
    QTest.keyClick(edit, Qt.Key.Key_Return)
    assert listed.count() == 1 and edit.toPlainText() == ""
    row = listed.item(0)
    assert row.text() == f"Sampletown Primary School: {long_view}"  # by name, not the code 'EDU'
    assert listed.horizontalScrollBarPolicy() == Qt.ScrollBarPolicy.ScrollBarAlwaysOff and listed.wordWrap()
    assert listed.visualItemRect(row).height() > 2 * lines  # wrapped onto several lines, all in view
    assert listed.visualItemRect(row).right() <= listed.viewport().width()
    dialog.reject()
