# SPDX-License-Identifier: LicenseRef-Proprietary
# Copyright (c) 2026 Strategy Meeting contributors
"""What a workspace section is, and what it may ask of the workspace that hosts it.

Sections render the meeting the last service call returned and turn the user's edits into
requests to the host (which makes them undoable service calls); they never call a service
themselves and never hold a rule.
"""

from __future__ import annotations

from datetime import date
from typing import Any, Protocol

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QWidget

from strategy_meeting.domain.meeting import Meeting
from strategy_meeting.services.meetings import ItemKind


class SectionHost(Protocol):
    """The workspace, as seen by its sections."""

    meeting: Meeting | None

    def today(self) -> date: ...

    def edit_item(self, kind: ItemKind, item: Any | None = None, **preset: Any) -> None: ...

    def remove_item(self, kind: ItemKind, item: Any) -> None: ...

    def move_item(self, kind: ItemKind, item: Any, delta: int) -> None: ...

    def update_detail(self, field: str, after: Any, merge_key: str, text: str) -> bool: ...

    def can_save(self) -> bool: ...

    def show_section(self, key: str) -> None: ...


class Section(QWidget):
    """One page of the workspace. ``key`` names it for navigation and the checklist."""

    key = ""
    title = ""

    def __init__(self, host: SectionHost, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.host = host
        # The class keeps the English title (marked for translation in its own context);
        # each page shows it in the user's language.
        self.title = QCoreApplication.translate(type(self).__name__, type(self).title)
        self.setAccessibleName(self.title)

    def show_meeting(self, meeting: Meeting) -> None:
        raise NotImplementedError

    def clear(self) -> None:
        """Called on lock: drop every record value this page shows (unsaved typing stays)."""
        raise NotImplementedError

    def set_read_only(self, read_only: bool, contributions_allowed: bool = False) -> None:
        """Signed-off minutes, or a user who may not edit, see the page without edit controls."""

    def focus_first(self) -> None:
        """Put the keyboard focus on the first input of the page (after Ctrl+1..9)."""
        first = self.nextInFocusChain()
        while first is not None and first is not self:
            if first.isVisibleTo(self) and first.isEnabled() and self.isAncestorOf(first) and (
                first.focusPolicy() & Qt.FocusPolicy.TabFocus
            ) and not getattr(first, "isReadOnly", lambda: False)():
                first.setFocus(Qt.FocusReason.ShortcutFocusReason)
                return
            first = first.nextInFocusChain()

    def flush(self) -> None:
        """Save anything typed but not yet saved (before closing, locking or undoing)."""

    def has_unsaved(self) -> bool:
        return False
