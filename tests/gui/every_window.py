# SPDX-License-Identifier: LicenseRef-Proprietary
"""Every window and dialog of the app, opened on a real store with one full meeting: shared by
the accessibility walk (test_every_widget.py) and the fit-to-screen probe (fit_probe.py).

``every_window(state, tmp)`` yields ``(name, window)`` with the window shown; the caller
looks at it, and the generator closes it when asked for the next one.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from PySide6.QtWidgets import QApplication, QWidget

from builders import sample_meeting
from strategy_meeting.gui import ops
from strategy_meeting.services import meetings
from strategy_meeting.services.meetings import ItemKind

REF = "SD-2026-0100"


def settle(rounds: int = 6) -> None:
    app = QApplication.instance()
    for _ in range(rounds):
        ops.pool().waitForDone(10_000)
        app.processEvents()


def seed(state) -> None:  # type: ignore[no-untyped-def]
    meetings.create(state.ctx, state.actor, template=sample_meeting(REF))


def _shown(window: QWidget) -> QWidget:
    window.show()
    settle()
    return window


def every_window(state, main_window, tmp: Path) -> Iterator[tuple[str, QWidget]]:  # type: ignore[no-untyped-def]
    from strategy_meeting.gui.dialogs.check_copy_dialog import CheckCopyDialog
    from strategy_meeting.gui.dialogs.delivery_proof_dialog import DeliveryProofDialog
    from strategy_meeting.gui.dialogs.distribution_dialog import DistributionDialog
    from strategy_meeting.gui.dialogs.identity_dialog import IdentityDialog
    from strategy_meeting.gui.dialogs.new_meeting_dialog import NewMeetingDialog
    from strategy_meeting.gui.dialogs.recovery_dialog import RecoveryDialog
    from strategy_meeting.gui.dialogs.restore_dialog import RestoreDialog
    from strategy_meeting.gui.dialogs.settings_dialog import SettingsDialog
    from strategy_meeting.gui.dialogs.setup_wizard import SetupWizard
    from strategy_meeting.gui.dialogs.sign_off_dialog import SignOffDialog
    from strategy_meeting.gui.windows.meeting_workspace import MeetingWorkspace
    from strategy_meeting.gui.windows.workspace_editing import DIALOGS

    meeting = meetings.get(state.ctx, state.actor, REF)
    yield "main window", _shown(main_window)

    wizard = SetupWizard(tmp / "fresh-wizard")
    for n, page_id in enumerate(wizard.pageIds()):
        wizard.setStartId(page_id)
        wizard.restart()
        if n == 3:
            wizard.recovery_key = "ABCD-EFGH-JKLM-NPQR-STUV-WXYZ-2345-6789-ABCD-EFGH-JKLM-NPQR-STUV"
            wizard.recovery_page.initializePage()
        yield f"setup wizard page {n + 1}", _shown(wizard)
    wizard.recovery_key = ""
    wizard.close()

    # The unlock screen as a team server shows it (issue 17): login, password, no recovery key.
    from strategy_meeting.gui.widgets.unlock_panel import UnlockPanel
    from strategy_meeting.services.team_server import ServerConnection

    server_unlock = UnlockPanel(tmp / "server-app", server=ServerConnection(
        "db.example.org", "strategy", "chair_a", tmp / "ca.pem"))
    server_unlock.resize(900, 600)
    server_unlock.prepare()
    yield "unlock screen on a team server", _shown(server_unlock)
    server_unlock.close()
    server_unlock.deleteLater()

    for name, make in [
        ("new meeting", lambda: NewMeetingDialog(state, "SD-2026-0101", main_window)),
        ("settings", lambda: SettingsDialog(state, main_window)),
        ("signing identity", lambda: IdentityDialog(state, main_window)),
        ("check a copy", lambda: CheckCopyDialog(state, main_window)),
        ("restore", lambda: RestoreDialog(state, main_window)),
        ("recovery", lambda: RecoveryDialog(state.data_dir, main_window)),
        ("distribution", lambda: DistributionDialog(state, REF, main_window)),
        ("hand-over", lambda: DeliveryProofDialog("POLICE", acknowledgement=False, today=state.ctx.now(),
                                                  parent=main_window)),
        ("acknowledgement", lambda: DeliveryProofDialog("POLICE", acknowledgement=True, today=state.ctx.now(),
                                                        parent=main_window)),
        ("sign off", lambda: SignOffDialog(meeting, main_window)),
    ]:
        dialog = make()
        if name == "settings":
            for i in range(dialog.tabs.count()):
                if dialog.tabs.isTabEnabled(i):
                    dialog.tabs.setCurrentIndex(i)
                    yield f"settings: {dialog.tabs.tabText(i)}", _shown(dialog)
        else:
            yield name, _shown(dialog)
        dialog.close()
        dialog.deleteLater()

    workspace = MeetingWorkspace(state, REF)
    workspace.resize(1280, 800)
    _shown(workspace)
    for key in list(workspace.sections):
        workspace.show_section(key)
        yield f"workspace: {key}", _shown(workspace)
    for kind, dialog_class in DIALOGS.items():
        items = getattr(meeting, kind.value)
        for label, item in (("new", None), ("edit", items[0] if items else None)):
            if label == "edit" and item is None:
                continue
            dialog = workspace.editing.edit(kind, item)
            assert dialog is not None
            yield f"{kind.value} dialog ({label})", _shown(dialog)
            dialog.reject()
    workspace.close()
    workspace.deleteLater()
    settle()


__all__ = ["REF", "ItemKind", "every_window", "seed", "settle"]
