# SPDX-License-Identifier: LicenseRef-Proprietary
"""First run, unlock, wrong passphrase, recovery key: driven as a user would."""

from __future__ import annotations

import functools
import hashlib
import json
import threading

import pytest

from PySide6.QtWidgets import QWizard

import strategy_meeting.store.keyring_slot as keyring_slot
from builders import representative
from conftest import PASSPHRASE
from gui_support import make_controller, unlock, unlocked  # noqa: F401 - fixtures
from strategy_meeting.domain.roles import Role
from strategy_meeting.services import demo, quick_start, session
from strategy_meeting.store import FAST_TEST_KDF

NEW_PASSPHRASE = "violet kettle orbit sandstone"


# ---- a remembered store: the fakes and holds the start-up tests share --------------------


def keyring_entry(key: bytes, user: str = "chair") -> str:
    """What "remember on this computer" keeps in the OS keyring for the store."""
    return json.dumps({"key": key.hex(), "user": user})


def remembered_entry(data_dir) -> str:  # type: ignore[no-untyped-def]
    ctx, _chair = session.open_session(data_dir, PASSPHRASE)
    try:
        return keyring_entry(ctx.store.raw_key_for_backup())
    finally:
        ctx.close()


def fake_keyring(monkeypatch, entry: str) -> None:  # type: ignore[no-untyped-def]
    """Fake of the OS keyring (none runs here): it hands back the entry "remember" would have kept."""
    monkeypatch.setattr(keyring_slot, "load_secret", lambda store_id, slot: entry)


def slow_fake_keyring(monkeypatch, entry: str) -> threading.Event:  # type: ignore[no-untyped-def]
    """A fake OS keyring that answers only once the returned event is set (a keyring that is
    asking for its own password, say)."""
    answers = threading.Event()

    def slow_keyring(store_id: str, slot: str) -> str:
        answers.wait(30)
        return entry

    monkeypatch.setattr(keyring_slot, "load_secret", slow_keyring)
    return answers


class HeldFullOpen:
    """The full store layer "still loading" until ``release`` is set; what each full open
    returned is kept in ``opened``."""

    def __init__(self, monkeypatch) -> None:  # type: ignore[no-untyped-def]
        self.release = threading.Event()
        self.opened: list = []
        full_open = quick_start.RememberedStart.open_session

        def held_open(start):  # type: ignore[no-untyped-def]
            self.release.wait(30)
            result = full_open(start)
            self.opened.append(result)
            return result

        monkeypatch.setattr(quick_start.RememberedStart, "open_session", held_open)


def recorded_finds(monkeypatch) -> list:  # type: ignore[no-untyped-def]
    """Every remembered start ``quick_start.find`` hands out, so a test can look at its key."""
    starts: list = []
    real_find = quick_start.find

    def find(data_dir, clock=None):  # type: ignore[no-untyped-def]
        start = real_find(data_dir, clock)
        starts.append(start)
        return start

    monkeypatch.setattr(quick_start, "find", find)
    return starts


def test_first_run_wizard_creates_the_store_and_opens_the_record(make_controller, tmp_path, qtbot, clock):
    data_dir = tmp_path / "fresh"
    controller = make_controller(
        data_dir, wizard_create=functools.partial(session.init_store, kdf=FAST_TEST_KDF, clock=clock))
    controller.start()
    wizard = controller.wizard
    assert wizard is not None and controller.main_window is None
    assert wizard.welcome.folder.text() == str(data_dir)
    wizard.next()
    qtbot.keyClicks(wizard.user_page.name, "a.example")
    qtbot.keyClicks(wizard.user_page.display_name, "Alex Example")
    # The first account administers too (issue 19): a chair alone could never add a user.
    assert wizard.user_page.role.currentData() == Role.CHAIR_ADMINISTRATOR.value
    assert wizard.user_page.role.findData(Role.CHAIR.value) < 0
    wizard.next()
    page = wizard.passphrase_page
    next_button = wizard.button(QWizard.WizardButton.CommitButton)
    qtbot.keyClicks(page.fields.passphrase, "password1")
    assert page.fields.meter.value() <= 1 and not next_button.isEnabled()
    page.fields.passphrase.clear()
    qtbot.keyClicks(page.fields.passphrase, NEW_PASSPHRASE)
    qtbot.keyClicks(page.fields.confirm, NEW_PASSPHRASE[:-1])
    assert not next_button.isEnabled()  # the confirmation does not match yet
    qtbot.keyClicks(page.fields.confirm, NEW_PASSPHRASE[-1])
    assert next_button.isEnabled() and page.fields.meter.value() >= 3
    assert not session.has_store(data_dir)
    next_button.click()
    assert session.has_store(data_dir)
    key = wizard.recovery_page.key.text()
    assert len(key) > 20 and wizard.recovery_page.key.isReadOnly()
    assert not wizard.button(QWizard.WizardButton.NextButton).isEnabled()
    wizard.recovery_page.kept.setChecked(True)
    assert wizard.button(QWizard.WizardButton.NextButton).isEnabled()
    wizard.next()
    assert wizard.finish_page.demo.isHidden()  # no --demo-data
    available, reason = session.keyring_available()
    assert wizard.finish_page.remember.isEnabled() == available
    if not available:  # headless here: the reason is shown instead of a dead checkbox
        assert wizard.finish_page.remember_reason.text() == reason
    with qtbot.waitSignal(controller.ready):
        wizard.button(QWizard.WizardButton.FinishButton).click()
    assert not controller.state.is_locked
    assert controller.state.actor.name == "a.example" and controller.state.actor.role is Role.CHAIR_ADMINISTRATOR
    assert controller.main_window.stack.is_showing_content
    settings = controller.main_window.open_settings()
    assert settings.closed_pages == {} and "Users and roles" in [
        settings.tabs.tabText(i) for i in range(settings.tabs.count()) if settings.tabs.isTabEnabled(i)]
    settings.reject()
    assert wizard.recovery_page.key.text() == ""  # the key is not kept in the widget
    controller.lock()
    # The passphrase and the recovery key typed in the wizard both open the new store.
    ctx, actor = session.open_session(data_dir, NEW_PASSPHRASE)
    ctx.close()
    ctx, actor = session.open_with_recovery_key(data_dir, key, "a.example")
    assert actor.display_name == "Alex Example"
    ctx.close()


def test_unlock_shows_the_main_window_with_the_record(make_controller, data_dir, qtbot):
    controller = make_controller(data_dir)
    controller.start()
    window = controller.main_window
    assert controller.state.is_locked and not window.stack.is_showing_content
    assert window.unlock_panel.isVisible()
    unlock(qtbot, controller)
    assert window.stack.is_showing_content and window.meetings.isVisible()
    assert "Signed in as chair" in window.user_label.text()


def _fingerprint(directory):
    return {p.name: (p.stat().st_mtime_ns, hashlib.sha256(p.read_bytes()).hexdigest())
            for p in sorted(directory.iterdir()) if p.is_file()}


def test_a_wrong_passphrase_says_so_and_nothing_else_happens(make_controller, data_dir, qtbot):
    before = _fingerprint(data_dir)
    controller = make_controller(data_dir)
    controller.start()
    panel = controller.unlock_panel
    qtbot.keyClicks(panel.passphrase, "not the passphrase")
    panel.unlock_button.click()
    qtbot.waitUntil(lambda: "Wrong passphrase" in panel.message.text(), timeout=30_000)
    assert controller.state.is_locked
    assert not controller.main_window.stack.is_showing_content
    assert panel.passphrase.isEnabled() and panel.passphrase.selectedText() == "not the passphrase"
    assert _fingerprint(data_dir) == before


def test_forgotten_passphrase_recovery_key_sets_a_new_one(make_controller, data_dir, recovery_key, qtbot):
    controller = make_controller(data_dir)
    controller.start()
    controller.unlock_panel.recover_button.click()
    from strategy_meeting.gui.dialogs.recovery_dialog import RecoveryDialog

    dialog = controller.unlock_panel.findChildren(RecoveryDialog)[-1]
    assert dialog.isVisible()
    assert dialog.user.text() == ""  # nobody was signed in yet
    qtbot.keyClicks(dialog.user, "chair")
    qtbot.keyClicks(dialog.key, "ABCD-WRONG-KEY0")
    qtbot.keyClicks(dialog.fields.passphrase, NEW_PASSPHRASE)
    qtbot.keyClicks(dialog.fields.confirm, NEW_PASSPHRASE)
    dialog.ok.click()
    qtbot.waitUntil(lambda: dialog.message.text() and "Checking" not in dialog.message.text(), timeout=30_000)
    assert controller.state.is_locked and dialog.isVisible()
    dialog.key.setText(recovery_key)
    with qtbot.waitSignal(controller.ready, timeout=30_000):
        dialog.ok.click()
    assert controller.state.actor.name == "chair"
    controller.lock()
    unlock(qtbot, controller, NEW_PASSPHRASE)
    assert not controller.state.is_locked


def test_the_store_opens_with_its_original_passphrase_only_once_changed(data_dir):
    # Control for the test above: the template passphrase opens an untouched copy.
    ctx, _ = session.open_session(data_dir, PASSPHRASE)
    ctx.close()


def test_demo_data_on_an_empty_folder_offers_the_demonstration_meetings(make_controller, tmp_path, qtbot, clock):
    from strategy_meeting.gui.controller import find_demo_loader

    if find_demo_loader() is None:  # this build has no demonstration meetings: the offer is hidden
        return
    data_dir = tmp_path / "demo"
    controller = make_controller(data_dir, offer_demo=True,
                                 wizard_create=functools.partial(session.init_store, kdf=FAST_TEST_KDF, clock=clock))
    controller.start()
    wizard = controller.wizard
    wizard.next()
    wizard.user_page.name.setText("a.example")
    wizard.next()
    wizard.passphrase_page.fields.passphrase.setText(NEW_PASSPHRASE)
    wizard.passphrase_page.fields.confirm.setText(NEW_PASSPHRASE)
    wizard.button(QWizard.WizardButton.CommitButton).click()
    wizard.recovery_page.kept.setChecked(True)
    wizard.next()
    assert not wizard.finish_page.demo.isHidden() and wizard.finish_page.demo.isChecked()
    with qtbot.waitSignal(controller.ready):
        wizard.button(QWizard.WizardButton.FinishButton).click()
    pane = controller.main_window.meetings
    qtbot.waitUntil(lambda: pane.model.rowCount() > 0, timeout=30_000)
    assert all(pane.model.summary(r).reference for r in range(pane.model.rowCount()))


def test_a_computer_without_a_remembered_key_shows_the_unlock_screen(make_controller, data_dir, qtbot):
    from strategy_meeting.gui import ops

    controller = make_controller(data_dir, use_keyring=True)
    controller.start()
    assert controller.main_window.unlock_panel.isVisible()  # at once, before the keyring answers
    ops.pool().waitForDone(10_000)
    qtbot.wait(50)
    assert controller.state.is_locked and controller.main_window.unlock_panel.isVisible()


def test_a_store_remembered_last_time_but_not_now_shows_the_unlock_screen(make_controller, data_dir, qtbot):
    # The hint says the keyring had the key last time; the keyring (none runs here) has no
    # entry now: the passphrase it is, and the hint goes, so the next start waits for the
    # unlock screen's paint before asking.
    from strategy_meeting.gui import ops

    (data_dir / "remembered.hint").touch()
    controller = make_controller(data_dir, use_keyring=True)
    controller.start()
    ops.pool().waitForDone(10_000)
    qtbot.wait(50)
    assert controller.state.is_locked and controller.main_window.unlock_panel.isVisible()
    assert not controller.main_window.meetings.model.rowCount()
    assert not quick_start.likely_remembered(data_dir)


def test_an_early_start_begun_before_the_controller_is_used_for_the_list(
        make_controller, data_dir, qtbot, monkeypatch, clock):
    # gui/app.py begins the lookup before the controller module is even imported; the
    # controller takes it over rather than asking the keyring a second time.

    from strategy_meeting.store import Store

    store, user = Store.open(data_dir, PASSPHRASE)
    entry = keyring_entry(store.raw_key_for_backup(), user)
    store.close()
    asked: list[str] = []

    def counting_keyring(store_id: str, slot: str) -> str:  # fake of the OS keyring (none runs here)
        asked.append(slot)
        return entry

    monkeypatch.setattr(keyring_slot, "load_secret", counting_keyring)
    early = quick_start.EarlyStart(data_dir, clock, 100)
    controller = make_controller(data_dir, use_keyring=True, early_start=early)
    with qtbot.waitSignal(controller.ready, timeout=30_000):
        controller.start()
    assert controller.state.actor.name == "chair" and controller.main_window.stack.is_showing_content
    assert asked == [keyring_slot.DATA_KEY_SLOT]  # once, by the early start


def test_a_remembered_store_opens_without_the_passphrase(make_controller, data_dir, qtbot, monkeypatch):

    from strategy_meeting.store import Store

    store, user = Store.open(data_dir, PASSPHRASE)
    entry = keyring_entry(store.raw_key_for_backup(), user)
    store.close()
    fake_keyring(monkeypatch, entry)
    controller = make_controller(data_dir, use_keyring=True)
    with qtbot.waitSignal(controller.ready, timeout=30_000):
        controller.start()
    assert controller.state.actor.name == "chair" and controller.main_window.stack.is_showing_content


@pytest.mark.parametrize("remembered_last_time", [False, True])
def test_a_remembered_store_shows_its_list_read_only_before_the_store_is_fully_open(
        make_controller, data_dir, qtbot, monkeypatch, clock, remembered_last_time):
    # Remembered last time (the hint), the keyring is asked while the window is built; the
    # first time, after the unlock screen has painted. Either way the same list shows.

    from strategy_meeting.domain.meeting import MeetingQuery
    from strategy_meeting.services import meetings

    ctx, chair = session.open_session(data_dir, PASSPHRASE, clock=clock)
    demo.load_demo(ctx, chair)
    expected = meetings.summaries(ctx, chair, meetings.search(ctx, chair, MeetingQuery()))
    entry = keyring_entry(ctx.store.raw_key_for_backup())
    ctx.close()
    fake_keyring(monkeypatch, entry)
    held = HeldFullOpen(monkeypatch)
    release = held.release
    if remembered_last_time:
        (data_dir / "remembered.hint").touch()
    controller = make_controller(data_dir, use_keyring=True)
    controller.start()
    window = controller.main_window
    pane = window.meetings
    qtbot.waitUntil(lambda: pane.model.is_preview, timeout=10_000)
    assert quick_start.likely_remembered(data_dir)
    try:
        assert controller.state.is_locked and window.stack.is_showing_content
        assert pane.model.rowCount() == len(expected)
        assert [pane.model.summary(r) for r in range(len(expected))] == expected
        assert "Opening the store" in window.statusBar().currentMessage()
        assert not pane.new_button.isEnabled() and not window.new_action.isEnabled()
        pane.table.selectRow(0)
        pane.open_selected()  # read only: nothing opens before the store does
        from strategy_meeting.gui.windows import workspace_launcher
        assert not workspace_launcher.open_windows()
    finally:
        release.set()
    qtbot.waitUntil(lambda: not controller.state.is_locked, timeout=30_000)
    qtbot.waitUntil(lambda: not pane.model.is_preview, timeout=30_000)  # the full list, from the worker
    assert pane.model.rowCount() == len(expected)
    assert window.statusBar().currentMessage() == "" and pane.new_button.isEnabled()


def test_a_preview_read_for_the_remembered_user_is_gone_when_another_user_unlocks(
        make_controller, data_dir, qtbot, monkeypatch, clock):
    """The passphrase typed before the preview arrived unlocks as an agency representative:
    the chair's preview rows must not stay on screen while the rep's own list loads."""

    from strategy_meeting.domain.meeting import MeetingQuery
    from strategy_meeting.services import meetings

    ctx, chair = session.open_session(data_dir, PASSPHRASE, clock=clock)
    demo.load_demo(ctx, chair)
    entry = keyring_entry(ctx.store.raw_key_for_backup())
    ctx.close()
    fake_keyring(monkeypatch, entry)
    held = HeldFullOpen(monkeypatch)
    release = held.release
    controller = make_controller(data_dir, use_keyring=True)
    controller.start()
    pane = controller.main_window.meetings
    qtbot.waitUntil(lambda: pane.model.is_preview, timeout=10_000)
    try:
        # A representative as the team server will have them (a local store holds none).
        rep_ctx, _ = session.open_session(data_dir, PASSPHRASE, clock=clock)
        rep = representative("teacher", "EDU")
        allowed_ids = set(meetings.search(rep_ctx, rep, MeetingQuery()))
        chair_only = {pane.model.summary(r).id for r in range(min(pane.model.rowCount(), 50))
                      if pane.model.summary(r) is not None} - allowed_ids
        assert chair_only, "the demo must hold meetings the rep may not see"
        controller.unlock_with(rep_ctx, rep)  # the passphrase's unlock lands first
        shown = {pane.model.summary(r).id for r in range(pane.model.rowCount())
                 if pane.model.summary(r) is not None}
        assert not shown & chair_only
        assert not pane.model.is_preview
    finally:
        release.set()
    qtbot.wait(200)
    from strategy_meeting.gui import ops
    ops.pool().waitForDone(30_000)
    qtbot.wait(50)
    assert controller.state.actor.name == "teacher"


def test_quitting_while_a_remembered_store_opens_closes_what_the_worker_opened(
        make_controller, data_dir, qtbot, monkeypatch):
    """The app quits during the full open: the store the worker opened meanwhile is closed (its
    key zeroed) and nothing unlocks on the way out."""


    ctx, chair = session.open_session(data_dir, PASSPHRASE)
    entry = keyring_entry(ctx.store.raw_key_for_backup())
    ctx.close()
    fake_keyring(monkeypatch, entry)
    held = HeldFullOpen(monkeypatch)
    release, opened = held.release, held.opened
    controller = make_controller(data_dir, use_keyring=True)
    controller.start()
    qtbot.waitUntil(lambda: controller.main_window.meetings.model.is_preview, timeout=10_000)
    qtbot.wait(1200)  # the full open is under way in the worker (after the preview's paint)
    threading.Timer(0.3, release.set).start()
    controller.shutdown()  # the event loop has ended: the worker's answer is never delivered
    assert len(opened) == 1 and opened[0] is not None
    assert not opened[0][0].store.is_open
    assert controller.state.is_locked


def test_text_typed_on_the_unlock_screen_is_cleared_when_a_remembered_store_opens(
        make_controller, data_dir, qtbot, monkeypatch):

    from strategy_meeting.store import Store

    store, user = Store.open(data_dir, PASSPHRASE)
    entry = keyring_entry(store.raw_key_for_backup(), user)
    store.close()
    fake_keyring(monkeypatch, entry)
    controller = make_controller(data_dir, use_keyring=True)
    controller.start()
    controller.unlock_panel.passphrase.setText("half a passphrase")  # typed before the keyring answered
    qtbot.waitUntil(lambda: not controller.state.is_locked, timeout=30_000)
    assert controller.unlock_panel.passphrase.text() == ""


def test_ctrl_l_during_the_start_up_preview_hides_it_and_the_store_stays_locked(
        make_controller, data_dir, qtbot, monkeypatch, clock):

    from strategy_meeting.gui import ops

    ctx, chair = session.open_session(data_dir, PASSPHRASE, clock=clock)
    demo.load_demo(ctx, chair)
    entry = keyring_entry(ctx.store.raw_key_for_backup())
    ctx.close()
    fake_keyring(monkeypatch, entry)
    held = HeldFullOpen(monkeypatch)
    release, opened = held.release, held.opened
    controller = make_controller(data_dir, use_keyring=True)
    controller.start()
    window = controller.main_window
    qtbot.waitUntil(lambda: window.meetings.model.is_preview, timeout=10_000)
    assert window.lock_action.isEnabled()
    window.lock_action.trigger()  # Ctrl+L
    assert window.meetings.model.rowCount() == 0 and not window.stack.is_showing_content
    release.set()
    ops.pool().waitForDone(30_000)
    qtbot.waitUntil(lambda: bool(opened))
    qtbot.wait(100)
    assert controller.state.is_locked and window.unlock_panel.isVisible()
    assert not opened[0][0].store.is_open  # what the worker opened was closed (key zeroed)


def _opening_slowly(make_controller, data_dir, monkeypatch):  # type: ignore[no-untyped-def]
    """A start on a computer that remembered the store last time, its keyring slow to answer:
    the controller, its window, the event that lets the keyring answer, and the starts found."""
    keyring_answers = slow_fake_keyring(monkeypatch, remembered_entry(data_dir))
    starts = recorded_finds(monkeypatch)
    (data_dir / "remembered.hint").touch()
    controller = make_controller(data_dir, use_keyring=True)
    controller.start()
    return controller, controller.main_window, keyring_answers, starts


def test_a_remembered_start_says_the_record_is_opening_and_needs_no_unlock_screen(
        make_controller, data_dir, qtbot, monkeypatch):
    # Remembered last time: nobody will be asked for a passphrase, so the window says the
    # record is opening instead of flashing the locked screen; the unlock screen is made only
    # once the app is locked.
    from strategy_meeting.gui.widgets.locked_placeholder import OpeningPlaceholder

    controller, window, keyring_answers, _starts = _opening_slowly(make_controller, data_dir, monkeypatch)
    try:
        assert isinstance(window.stack.currentWidget(), OpeningPlaceholder)
        assert window.unlock_panel is None and not window.new_action.isEnabled()
    finally:
        keyring_answers.set()
    qtbot.waitUntil(lambda: not controller.state.is_locked, timeout=30_000)
    assert window.unlock_panel is None and window.stack.is_showing_content
    window.lock_action.trigger()  # Ctrl+L
    assert controller.state.is_locked and window.stack.currentWidget() is window.unlock_panel
    assert window.unlock_panel is controller.unlock_panel and window.meetings.model.rowCount() == 0


def test_a_slow_keyring_brings_the_unlock_screen_so_the_passphrase_can_be_typed(
        make_controller, data_dir, qtbot, monkeypatch):
    from strategy_meeting.gui import ops

    controller, window, keyring_answers, starts = _opening_slowly(make_controller, data_dir, monkeypatch)
    try:
        qtbot.waitUntil(lambda: window.unlock_panel is not None, timeout=10_000)
        assert window.stack.currentWidget() is window.unlock_panel and controller.state.is_locked
        window.unlock_panel.passphrase.setText(PASSPHRASE)
        with qtbot.waitSignal(controller.ready, timeout=30_000):
            window.unlock_panel.unlock_button.click()
    finally:
        keyring_answers.set()
    ops.pool().waitForDone(30_000)
    qtbot.wait(100)
    assert controller.state.actor.name == "chair" and window.stack.is_showing_content
    assert len(starts) == 1 and not any(starts[0]._remembered._key)  # noqa: SLF001 - its key is gone


def test_ctrl_l_while_a_remembered_store_is_opening_asks_for_the_passphrase(
        make_controller, data_dir, qtbot, monkeypatch):
    # Before any row is on screen the user locks: the unlock screen replaces "opening", and
    # the keyring's answer, when it comes, does not unlock the app.
    from strategy_meeting.gui import ops

    controller, window, keyring_answers, starts = _opening_slowly(make_controller, data_dir, monkeypatch)
    try:
        assert window.lock_action.isEnabled()
        window.lock_action.trigger()  # Ctrl+L
        assert window.stack.currentWidget() is window.unlock_panel
    finally:
        keyring_answers.set()
    qtbot.waitUntil(lambda: bool(starts), timeout=30_000)
    ops.pool().waitForDone(30_000)
    qtbot.wait(100)
    assert controller.state.is_locked and window.stack.currentWidget() is window.unlock_panel
    assert window.meetings.model.rowCount() == 0
    assert not any(starts[0]._remembered._key)  # noqa: SLF001 - the answer was not used


def test_a_remembered_open_that_lands_after_the_user_unlocked_and_locked_again_stays_locked(
        make_controller, data_dir, qtbot, monkeypatch):
    # The keyring is slow to answer (it may be asking for the login keyring's own password);
    # meanwhile the user types the passphrase, then locks (Ctrl+L) before the remembered
    # store's full open comes back. That open must be closed: the user locked the app.

    from strategy_meeting.gui import ops

    ctx, chair = session.open_session(data_dir, PASSPHRASE)
    entry = keyring_entry(ctx.store.raw_key_for_backup())
    ctx.close()
    keyring_answers = slow_fake_keyring(monkeypatch, entry)
    held = HeldFullOpen(monkeypatch)
    release, opened = held.release, held.opened
    (data_dir / "remembered.hint").touch()  # remembered last time: the keyring is asked at once
    controller = make_controller(data_dir, use_keyring=True)
    controller.start()
    window = controller.main_window
    controller.unlock_panel.passphrase.setText(PASSPHRASE)
    with qtbot.waitSignal(controller.ready, timeout=30_000):
        controller.unlock_panel.unlock_button.click()  # waits in the worker behind the keyring
        keyring_answers.set()
    assert not controller.state.is_locked
    window.lock_action.trigger()  # Ctrl+L
    assert controller.state.is_locked
    release.set()
    qtbot.waitUntil(lambda: bool(opened), timeout=30_000)
    ops.pool().waitForDone(30_000)
    qtbot.wait(100)
    assert controller.state.is_locked and window.unlock_panel.isVisible()
    assert not opened[0][0].store.is_open  # what the worker opened was closed (key zeroed)


def test_quitting_before_the_full_open_has_begun_zeroes_the_remembered_key(
        make_controller, data_dir, qtbot, monkeypatch):
    # The preview is on screen and the full open waits for its paint (a window that has not
    # painted yet: the step is held here) when the app quits: the key read from the keyring
    # is zeroed on the way out, not left in memory because the open never ran.
    from strategy_meeting.gui import controller as controller_module

    entry = remembered_entry(data_dir)
    fake_keyring(monkeypatch, entry)
    starts = recorded_finds(monkeypatch)
    held: list = []
    monkeypatch.setattr(controller_module, "call_after_paint", lambda widget, step: held.append(step))
    (data_dir / "remembered.hint").touch()
    controller = make_controller(data_dir, use_keyring=True)
    controller.start()
    qtbot.waitUntil(lambda: controller.main_window.meetings.model.is_preview, timeout=10_000)
    assert held and starts and any(starts[0]._remembered._key)  # noqa: SLF001 - the key in memory
    controller.shutdown()
    assert not any(starts[0]._remembered._key)  # noqa: SLF001
    assert controller.state.is_locked


def test_an_early_start_unused_because_the_store_went_zeroes_its_key(
        make_controller, data_dir, qtbot, monkeypatch, clock):
    # The early start read the key, then the store was gone by the time the controller looked
    # (the setup wizard shows): the key it read is zeroed, not left for the life of the app.
    entry = remembered_entry(data_dir)
    fake_keyring(monkeypatch, entry)
    early = quick_start.EarlyStart(data_dir, clock, 100)
    found = early.result()
    assert found is not None and any(found[0]._remembered._key)  # noqa: SLF001
    (data_dir / "store.db").rename(data_dir.parent / "moved.db")
    controller = make_controller(data_dir, use_keyring=True, early_start=early)
    controller.start()
    assert controller.wizard is not None
    qtbot.waitUntil(lambda: not any(found[0]._remembered._key), timeout=10_000)  # noqa: SLF001


def test_quitting_before_the_keyring_has_answered_zeroes_what_it_answers(
        make_controller, data_dir, qtbot, monkeypatch):
    # The window is closed while the early start still waits for the keyring: the answer that
    # arrives on the way out is not used, and its key is zeroed.
    entry = remembered_entry(data_dir)
    keyring_answers = slow_fake_keyring(monkeypatch, entry)
    starts = recorded_finds(monkeypatch)
    (data_dir / "remembered.hint").touch()
    controller = make_controller(data_dir, use_keyring=True)
    controller.start()
    controller.main_window.close()
    threading.Timer(0.3, keyring_answers.set).start()
    controller.shutdown()
    assert len(starts) == 1 and not any(starts[0]._remembered._key)  # noqa: SLF001
    assert controller.state.is_locked and not controller.main_window.meetings.model.rowCount()


def test_unlocking_after_the_preview_does_not_wait_for_the_lists_search(
        make_controller, data_dir, qtbot, monkeypatch):
    # After a remembered store's preview the full list is searched in the worker. A unit of
    # work takes the store's write lock as it begins, so a read the unlock makes on the GUI
    # thread (the idle timeout) must come before that search, not wait behind it with the
    # window frozen (half a second for 100,000 meetings; here the search is held for 3 s).
    import time

    from strategy_meeting.services import meetings

    fake_keyring(monkeypatch, remembered_entry(data_dir))
    real_listing = meetings.listing

    search_holds_the_store = threading.Event()

    def slow_listing(ctx, actor, query):  # type: ignore[no-untyped-def]
        with ctx.unit_of_work() as uow:
            uow.meetings.ids(query)  # the transaction (and its lock) begins with the first query
            search_holds_the_store.set()
            time.sleep(3)
        return real_listing(ctx, actor, query)

    monkeypatch.setattr(meetings, "listing", slow_listing)
    (data_dir / "remembered.hint").touch()
    controller = make_controller(data_dir, use_keyring=True)
    durations: list[float] = []
    real_unlock = controller.unlock_with

    def timed_unlock(ctx, actor):  # type: ignore[no-untyped-def]
        started = time.monotonic()
        real_unlock(ctx, actor)
        durations.append(time.monotonic() - started)

    monkeypatch.setattr(controller, "unlock_with", timed_unlock)
    controller.start()
    # However quick this thread is, the worker's search has the store before the unlock goes on.
    controller.state.unlocked.connect(lambda: search_holds_the_store.wait(10))
    with qtbot.waitSignal(controller.ready, timeout=30_000):
        pass
    assert controller.main_window.meetings.model.is_preview  # the search is still running
    assert durations and durations[0] < 1.5
    qtbot.waitUntil(lambda: not controller.main_window.meetings.model.is_preview, timeout=30_000)
