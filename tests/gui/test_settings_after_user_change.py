# SPDX-License-Identifier: LicenseRef-Proprietary
"""Settings and administration belong to the administrator who opened them. When the app locks
and a user without that right (a chair) unlocks, the settings dialog must not come back with
the administrator's pages, and no page may try to reload what the new user may not read (an
error raised in a slot, shown to the chair as a failure)."""

from __future__ import annotations

from conftest import ADMIN_PASSPHRASE, PASSPHRASE
from gui_support import make_controller, unlock  # noqa: F401 - fixtures


def test_settings_open_at_lock_do_not_come_back_for_another_user(make_controller, data_dir, qtbot):
    controller = make_controller(data_dir)
    controller.start()
    unlock(qtbot, controller, ADMIN_PASSPHRASE)
    dialog = controller.main_window.open_settings()
    assert dialog is not None and dialog.isVisible()
    dialog.page("MailServerPage").password.setText("typed by the administrator")

    controller.lock()
    assert not dialog.isVisible()
    unlock(qtbot, controller, PASSPHRASE)  # the chair
    assert controller.state.actor.name == "chair"
    assert not dialog.isVisible()
    assert dialog.page("MailServerPage").password.text() == ""


def test_settings_closed_earlier_are_not_reloaded_for_another_user(make_controller, data_dir, qtbot):
    controller = make_controller(data_dir)
    controller.start()
    unlock(qtbot, controller, ADMIN_PASSPHRASE)
    dialog = controller.main_window.open_settings()
    dialog.reject()
    controller.lock()
    unlock(qtbot, controller, PASSPHRASE)  # pytest-qt fails the test on an error in a slot
    assert controller.state.actor.name == "chair" and not dialog.isVisible()


def test_the_same_administrator_gets_the_settings_back_after_unlocking(make_controller, data_dir, qtbot):
    controller = make_controller(data_dir)
    controller.start()
    unlock(qtbot, controller, ADMIN_PASSPHRASE)
    dialog = controller.main_window.open_settings()
    controller.lock()
    unlock(qtbot, controller, ADMIN_PASSPHRASE)
    assert dialog.isVisible()
    dialog.reject()
