# SPDX-License-Identifier: LicenseRef-Proprietary
# Copyright (c) 2026 Strategy Meeting contributors
"""Addenda for the workspace: the dialog, the service call, and which user sees what.

Only a user who may sign off (a chair) adds addenda, as the sign-off service says; an
administrator reads them and may regenerate the minutes, an agency representative never sees
the page. An addendum is permanent, so it is not an undo step.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt

from strategy_meeting.domain.roles import Permission, allowed
from strategy_meeting.gui import minutes_calls
from strategy_meeting.gui.dialogs.addendum_dialog import AddendumDialog

if TYPE_CHECKING:
    from .meeting_workspace import MeetingWorkspace
    from .sections.addenda_section import AddendaSection


class AddendaFlow:
    def __init__(self, workspace: MeetingWorkspace) -> None:
        self.ws = workspace
        self.dialog: AddendumDialog | None = None

    @property
    def section(self) -> AddendaSection:
        return self.ws.sections["addenda"]  # type: ignore[return-value]

    def may_add(self) -> bool:
        ws = self.ws
        return (not ws.state.is_locked and ws.meeting is not None and ws.meeting.status.is_locked
                and allowed(ws.state.actor.role, Permission.SIGN_OFF))

    def may_see(self) -> bool:
        ws = self.ws
        return (not ws.state.is_locked and ws.meeting is not None and ws.meeting.status.is_locked
                and allowed(ws.state.actor.role, Permission.READ_FULL_RECORD))

    def sync(self) -> None:
        """Called with the workspace's other actions: list the page once there is a signed-off
        record this user may read in full, and offer the steps this user may take."""
        ws = self.ws
        row = [s.key for s in ws.section_list].index("addenda")
        if ws.state.is_locked or ws.meeting is None:
            ws.add_addendum_action.setEnabled(False)
            # Unlisted until a record is on show; the current page stays current meanwhile.
            ws.nav.setRowHidden(row, True)
            return
        visible = self.may_see()
        ws.nav.setRowHidden(row, not visible)
        if not visible and ws.nav.currentRow() == row:
            ws.nav.setCurrentRow(0)
        ws.section_actions[row].setEnabled(visible)
        ws.section_actions[row].setVisible(visible)
        ws.add_addendum_action.setEnabled(self.may_add())
        self.section.set_allowed(self.may_add(), visible and ws.generate_action.isEnabled())

    def open(self) -> AddendumDialog | None:
        ws = self.ws
        if not self.may_add():
            return None
        if self.dialog is not None:
            self.dialog.raise_()
            self.dialog.activateWindow()
            return self.dialog
        ws.show_section("addenda")
        assert ws.meeting is not None
        number = max((a.number for a in ws.meeting.addenda), default=0) + 1
        dialog = AddendumDialog(ws.state, ws.reference, number, ws, agencies=list(ws.meeting.agencies))
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.saveRequested.connect(lambda text: self._save(dialog, text))
        dialog.finished.connect(lambda _r: self._forget(dialog))
        self.dialog = dialog
        ws.active_dialog = dialog
        dialog.open()
        return dialog

    def _forget(self, dialog: AddendumDialog) -> None:
        if dialog.hidden_by_lock:
            return  # hidden, not closed: it comes back after unlocking
        if self.dialog is dialog:
            self.dialog = None
        if self.ws.active_dialog is dialog:
            self.ws.active_dialog = None

    def _save(self, dialog: AddendumDialog, text: str) -> None:
        ws = self.ws
        reference = ws.reference
        terms = dialog.terms()
        if terms is None or not terms.is_decided:
            dialog.show_problem(dialog.sharing_editor.problem())
            return
        meeting = ws.run_service(lambda ctx, actor: minutes_calls.add_addendum(ctx, actor, reference, text,
                                                                               sharing=terms),
                                 error_sink=dialog.show_problem)
        if meeting is None:
            return
        number = max(a.number for a in meeting.addenda)
        dialog.accept()
        ws.show_section("addenda")
        self.section.show_added(number)
        ws.statusBar().showMessage(
            ws.tr("Addendum {0} added to {1}. Regenerate the minutes to include it.").format(number, reference),
            8000)

    def close(self) -> None:
        if self.dialog is not None:
            self.dialog.reject()
