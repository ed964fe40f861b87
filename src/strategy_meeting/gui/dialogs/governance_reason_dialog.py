# SPDX-License-Identifier: LicenseRef-Proprietary
# Copyright (c) 2026 Strategy Meeting contributors
"""The small dialog every records-governance step asks through: a reason (always), and, as
the step needs, the meeting it is on, an exemption's ground, or the meeting's reference typed
again to confirm a destructive step. It only gathers words: the service decides whether they
do (an empty or overlong reason is refused there, one way)."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from strategy_meeting.domain.subject_access import ExemptionGround
from strategy_meeting.gui.app_state import AppState
from strategy_meeting.gui.dialogs.lock_aware import LockAwareDialog
from strategy_meeting.gui.style import apply_style


class ReasonDialog(LockAwareDialog):
    """Opened with ``open()`` (it hides with the lock); ``done_with`` gets it once accepted."""

    def __init__(self, state: AppState, parent: QWidget | None, *, title: str, intro: str, action: str,
                 reference: str | None = None, reference_editable: bool = False, grounds: bool = False,
                 confirm: str | None = None, reference_label: str = "") -> None:
        super().__init__(state, parent)
        apply_style(self)
        self.setWindowTitle(title)
        self.setAccessibleName(title)
        self._confirm = confirm
        self._needs_reference = reference_editable
        layout = QVBoxLayout(self)
        text = QLabel(intro)
        text.setWordWrap(True)
        text.setAccessibleName(self.tr("What this step does"))
        layout.addWidget(text)
        form = QFormLayout()
        self.reference = QLineEdit(reference or "")
        self.reference.setAccessibleName(self.tr("Meeting reference"))
        if reference is not None or reference_editable:
            label = QLabel(reference_label or self.tr("&Meeting:"))
            label.setBuddy(self.reference)
            self.reference.setAccessibleName(label.text().replace("&", "").rstrip(":"))
            self.reference.setReadOnly(not reference_editable)
            form.addRow(label, self.reference)
        self.ground = QComboBox()
        self.ground.setAccessibleName(self.tr("Exemption ground"))
        for ground in ExemptionGround:
            self.ground.addItem(ground.label, ground.value)
            self.ground.setItemData(self.ground.count() - 1, ground.provision, Qt.ItemDataRole.ToolTipRole)
        if grounds:
            label = QLabel(self.tr("&Ground:"))
            label.setBuddy(self.ground)
            form.addRow(label, self.ground)
        self.reason = QLineEdit()
        self.reason.setAccessibleName(self.tr("Reason"))
        self.reason.setPlaceholderText(self.tr("Kept with this step's record, not in the audit log"))
        self.reason.setMinimumWidth(380)
        label = QLabel(self.tr("&Reason:"))
        label.setBuddy(self.reason)
        form.addRow(label, self.reason)
        self.confirmation = QLineEdit()
        self.confirmation.setAccessibleName(self.tr("Type the reference to confirm"))
        if confirm is not None:
            label = QLabel(self.tr("T&ype {0} to confirm:").format(confirm))
            label.setBuddy(self.confirmation)
            form.addRow(label, self.confirmation)
        layout.addLayout(form)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.ok_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setText(action)
        self.ok_button.setAccessibleName(action.replace("&", ""))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        for field in (self.reference, self.reason, self.confirmation):
            field.textChanged.connect(self._update)
        self._update()
        (self.reference if reference_editable and not reference else self.reason).setFocus()

    def _update(self) -> None:
        ready = bool(self.reason.text().strip()) and (bool(self.reference_text) or not self._needs_reference)
        if self._confirm is not None:
            ready = ready and self.confirmation.text().strip() == self._confirm
        self.ok_button.setEnabled(ready)

    def showEvent(self, event) -> None:  # type: ignore[no-untyped-def]  # noqa: N802
        super().showEvent(event)
        self._update()

    def done_with(self, callback: Callable[[ReasonDialog], None]) -> ReasonDialog:
        self.accepted.connect(lambda: callback(self))
        return self

    @property
    def reason_text(self) -> str:
        return self.reason.text()

    @property
    def reference_text(self) -> str:
        return self.reference.text().strip()

    @property
    def chosen_ground(self) -> ExemptionGround:
        return ExemptionGround(self.ground.currentData())
