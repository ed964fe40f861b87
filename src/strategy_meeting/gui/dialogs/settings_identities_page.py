# SPDX-License-Identifier: LicenseRef-Proprietary
# Copyright (c) 2026 Strategy Meeting contributors
"""The signing identities page: the administrators' read-only review of every identity."""

from __future__ import annotations

from PySide6.QtCore import QT_TR_NOOP
from PySide6.QtWidgets import (
    QLabel,
    QVBoxLayout,
)

from strategy_meeting.domain.roles import Permission
from strategy_meeting.gui.app_state import AppState
from strategy_meeting.gui.dialogs.settings_page import SettingsPage, fill_table, make_table
from strategy_meeting.services import identity_list


class IdentitiesPage(SettingsPage):
    """Read-only review; identities are made or imported by their owners (``identity new``,
    ``identity import``), each holding a private key only the store keeps."""

    title = QT_TR_NOOP("Signing identities")
    permission = Permission.MANAGE_USERS  # the administrators' review (chairs manage only their own)

    def __init__(self, state: AppState) -> None:
        super().__init__(state)
        layout = QVBoxLayout(self)
        self.table = make_table([self.tr("User"), self.tr("Kind"), self.tr("Subject"), self.tr("Fingerprint (SHA-256)"),
                             self.tr("Created"), self.tr("In use")], self.tr("Signing identities"))
        layout.addWidget(self.table, 1)
        hint = QLabel(self.tr("Each user makes or imports their own signing identity; an older identity "
                              "stays listed so that minutes it signed can still be checked."))
        hint.setWordWrap(True)
        hint.setObjectName("hint")
        layout.addWidget(hint)

    def load(self) -> None:
        found = identity_list.list_identities(self.state.ctx, self.state.actor)
        fill_table(self.table, [[i.user_name, i.kind.value.replace("_", " "), i.subject,
                            _grouped(i.fingerprint_sha256[:16]),
                            i.created_at.strftime("%d %b %Y") if i.created_at else "",
                            self.tr("Yes") if i.active else self.tr("No")] for i in found])

    def clear(self) -> None:
        self.table.setRowCount(0)


def _grouped(hex_text: str) -> str:
    return ":".join(hex_text[n:n + 2] for n in range(0, len(hex_text), 2)).upper() + ("…" if hex_text else "")
