# SPDX-License-Identifier: LicenseRef-Proprietary
# Copyright (c) 2026 Strategy Meeting contributors
"""One signal telling every open view what a service call changed (Anki's
``operation_did_execute``); each view decides for itself whether to refresh."""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal

from strategy_meeting.domain.changes import Changes


class ChangeBus(QObject):
    changed = Signal(object)  # Changes

    def emit_changes(self, changes: Changes) -> None:
        self.changed.emit(changes)
