# SPDX-License-Identifier: LicenseRef-Proprietary
# Copyright (c) 2026 Strategy Meeting contributors
"""Reference and date for a new meeting, or for a reconvened copy of an earlier one.
The layout is ``ui/new_meeting_dialog.ui``."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from PySide6.QtWidgets import QDialogButtonBox, QWidget

from strategy_meeting.gui.app_state import AppState
from strategy_meeting.gui.dialogs.lock_aware import LockAwareDialog
from strategy_meeting.gui.forms.ui_new_meeting_dialog import Ui_NewMeetingDialog


class NewMeetingDialog(LockAwareDialog):
    def __init__(
        self, state: AppState, reference: str, parent: QWidget | None = None, *, reconvenes: str = ""
    ) -> None:
        super().__init__(state, parent)
        self.ui = Ui_NewMeetingDialog()
        self.ui.setupUi(self)
        self.reference = self.ui.referenceEdit
        self.held_at = self.ui.heldAtEdit
        self.reference.setText(reference)
        start = (datetime.now() + timedelta(hours=1)).replace(minute=0, second=0, microsecond=0)
        self.held_at.set_field("held_at")
        self.held_at.setValue(start.astimezone().astimezone(UTC))
        ok = self.ui.buttonBox.button(QDialogButtonBox.StandardButton.Ok)
        self.ui.problemLabel.hide()
        self.ui.buttonBox.accepted.connect(self._accept_if_dated)
        if reconvenes:
            self.setWindowTitle(self.tr("Reconvene meeting"))
            self.ui.introLabel.setText(self.tr(
                "A reconvened meeting of {0} starts with its people, agencies and open actions; its "
                "contributions and decisions are left for the new discussion.").format(reconvenes))
            ok.setText(self.tr("&Reconvene and open"))
        else:
            self.ui.introLabel.hide()
            ok.setText(self.tr("&Create and open"))

    def _accept_if_dated(self) -> None:
        """A meeting needs a plausible date: say what is wrong beside the field, or accept."""
        problem = self.held_at.problem() or (
            self.tr("Give the date and time it is held.") if self.held_at.value() is None else "")
        if problem:
            self.ui.problemLabel.setText(problem)
            self.ui.problemLabel.show()
            self.held_at.setFocus()
            return
        self.accept()

    def values(self) -> tuple[str, datetime]:
        held = self.held_at.value()
        assert isinstance(held, datetime)
        return self.reference.text().strip(), held.astimezone()
