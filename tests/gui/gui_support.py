# SPDX-License-Identifier: LicenseRef-Proprietary
"""GUI fixtures and helpers: the app shell on a copy of the template store, offscreen, no keyring.

Imported by each GUI test module (a second conftest.py would shadow the root one's module name)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QSettings

from conftest import ADMIN_PASSPHRASE, PASSPHRASE
from strategy_meeting.gui import app as gui_app
from strategy_meeting.gui import ops
from strategy_meeting.gui.controller import AppController
from strategy_meeting.gui.windows import workspace_launcher


@pytest.fixture
def qapp_args() -> list[str]:
    return ["strategy-meeting"]


@pytest.fixture
def make_controller(qapp, qtbot, clock):  # type: ignore[no-untyped-def]
    gui_app.build_application()
    made: list[AppController] = []

    def make(data_dir, **kwargs) -> AppController:  # type: ignore[no-untyped-def]
        kwargs.setdefault("use_keyring", False)
        kwargs.setdefault("clock", clock)
        controller = AppController(data_dir, **kwargs)
        made.append(controller)
        return controller

    yield make
    ops.pool().waitForDone(5000)
    qapp.processEvents()
    workspace_launcher.close_all()
    for controller in made:
        controller.shutdown()
        for widget in (controller.main_window, controller.wizard):
            if widget is not None:
                widget.close()
                widget.deleteLater()
    qapp.processEvents()


def unlock(qtbot, controller: AppController, passphrase: str = PASSPHRASE,  # type: ignore[no-untyped-def]
           user: str | None = None) -> None:
    """Type the user name and passphrase as a person would. The template store's administrator
    is named for their passphrase; the first account (the chair) needs no name."""
    panel = controller.unlock_panel
    if user is None:
        user = "admin" if passphrase == ADMIN_PASSPHRASE else ""
    panel.user_name.setText(user)
    panel.passphrase.setText(passphrase)
    with qtbot.waitSignal(controller.ready, timeout=30_000):
        panel.unlock_button.click()


@pytest.fixture
def unlocked(make_controller, data_dir, qtbot) -> Iterator[AppController]:  # type: ignore[no-untyped-def]
    controller = make_controller(data_dir)
    controller.start()
    unlock(qtbot, controller)
    yield controller


@pytest.fixture
def qsettings_dir(tmp_path: Path) -> Iterator[Path]:
    """QSettings redirected to a test folder, so a test can read every byte it holds."""
    folder = tmp_path / "qsettings"
    folder.mkdir()
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(folder))
    QCoreApplication.setOrganizationName("Strategy Meeting")
    QCoreApplication.setApplicationName("Strategy Meeting")
    yield folder
    QSettings.setDefaultFormat(QSettings.Format.NativeFormat)
