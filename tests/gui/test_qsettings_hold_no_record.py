# SPDX-License-Identifier: LicenseRef-Proprietary
"""SECURITY-TESTS 11 for the desktop app: a whole session (unlock, a meeting opened and edited,
lock, unlock again) leaves neither record content nor the passphrase in QSettings."""

from __future__ import annotations

import uuid
from pathlib import Path

from PySide6.QtCore import QSettings

from builders import sample_meeting
from conftest import PASSPHRASE
from gui_support import make_controller, qsettings_dir, unlock  # noqa: F401 - fixtures
from strategy_meeting.gui.windows import workspace_launcher
from strategy_meeting.services import meetings, session


def _held_anywhere(folder: Path, text: str) -> bool:
    QSettings().sync()
    in_files = any(text.encode() in f.read_bytes() for f in folder.rglob("*") if f.is_file())
    in_values = any(text in str(QSettings().value(k)) or text in k for k in QSettings().allKeys())
    return in_files or in_values


def test_a_whole_session_leaves_no_record_and_no_passphrase_in_qsettings(
        make_controller, data_dir, qtbot, qsettings_dir):
    canary = f"ZZLEAK-{uuid.uuid4()}"
    ctx, chair = session.open_session(data_dir, PASSPHRASE)
    meetings.create(ctx, chair, template=sample_meeting("SD-2026-0100", child_name=f"Robin {canary}"))
    ctx.close()
    controller = make_controller(data_dir)
    controller.start()
    unlock(qtbot, controller)
    window = controller.main_window
    qtbot.waitUntil(lambda: window.meetings.model.rowCount() == 1, timeout=20_000)
    assert canary in window.meetings.model.data(window.meetings.model.index(0, 2))  # on screen
    workspace = workspace_launcher.open_workspace(controller.state, "SD-2026-0100")
    workspace.show_section("details")
    qtbot.keyClicks(workspace.sections["details"].ui.locationEdit, f" {canary}")
    workspace.close()
    controller.lock()
    unlock(qtbot, controller)
    controller.lock()

    assert not _held_anywhere(qsettings_dir, canary)
    assert not _held_anywhere(qsettings_dir, PASSPHRASE)
    # Control: the scan finds what is there, so the two checks above can fail.
    control = f"ZZCONTROL-{uuid.uuid4()}"
    QSettings().setValue("test/control", control)
    assert _held_anywhere(qsettings_dir, control)
    QSettings().remove("test/control")
