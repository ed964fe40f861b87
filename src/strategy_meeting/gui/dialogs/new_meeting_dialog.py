# SPDX-License-Identifier: LicenseRef-Proprietary
# Copyright (c) 2026 Strategy Meeting contributors
"""Reference and date for a new meeting, or for a reconvened copy of an earlier one.
The layout is ``ui/new_meeting_dialog.ui``."""

from __future__ import annotations

from datetime import datetime, timedelta

from PySide6.QtCore import QDateTime
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
        self.held_at.setDateTime(QDateTime(start))
        ok = self.ui.buttonBox.button(QDialogButtonBox.StandardButton.Ok)
        if reconvenes:
            self.setWindowTitle(self.tr("Reconvene meeting"))
            self.ui.introLabel.setText(self.tr(
                "A reconvened meeting of {0} starts with its people, agencies and open actions; its "
                "contributions and decisions are left for the new discussion.").format(reconvenes))
            ok.setText(self.tr("&Reconvene and open"))
        else:
            self.ui.introLabel.hide()
            ok.setText(self.tr("&Create and open"))

    def values(self) -> tuple[str, datetime]:
        held = self.held_at.dateTime().toPython()
        return self.reference.text().strip(), held.astimezone()
