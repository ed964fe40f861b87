# SPDX-License-Identifier: LicenseRef-Proprietary
# Copyright (c) 2026 Strategy Meeting contributors
"""What an item dialog shows when its save was refused because a colleague changed the item
first (issue 17: no lost update): who and when, a Reload button, then their version beside
what the user typed, read only, so the user can compare and merge before saving again.

The panel decides nothing: the service refused the save (``MeetingChanged``) and the
workspace fetches the colleague's version; the panel words what it is given.
"""

from __future__ import annotations

import dataclasses
from datetime import date, datetime
from enum import Enum
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPlainTextEdit, QPushButton, QVBoxLayout, QWidget

from strategy_meeting.domain.errors import MeetingChanged
from strategy_meeting.domain.sharing import seen_by
from strategy_meeting.domain.sharing_terms import SharingTerms

# Fields a reader compares by sight; the rest (ids, links) say nothing to a chair.
_HIDDEN_FIELDS = {"id", "relied_on", "confirmed"}


def when_text(when: datetime | None) -> str:
    """"21:40 on 6 December 2026" in this computer's time zone ("" when not known)."""
    if when is None:
        return ""
    local = when.astimezone()
    return f"{local:%H:%M} on {local.day} {local:%B %Y}"


def _value_text(value: Any, owner: str | None, agencies: list[str]) -> str:
    if isinstance(value, SharingTerms):
        return seen_by(owner, value, agencies).removeprefix("Seen by: ")
    if isinstance(value, Enum):
        label = getattr(value, "label", None)
        return str(label) if isinstance(label, str) else str(value.value).replace("_", " ")
    if isinstance(value, datetime):
        return when_text(value)
    if isinstance(value, date):
        return value.strftime("%d/%m/%Y")
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, (list, tuple)):
        return ", ".join(_value_text(v, owner, agencies) for v in value)
    if dataclasses.is_dataclass(value):
        return "; ".join(f"{f.name.replace('_', ' ')}: {_value_text(getattr(value, f.name), owner, agencies)}"
                         for f in dataclasses.fields(value) if getattr(value, f.name) not in ("", None, [], ()))
    return str(value)


def describe(item: Any, before: Any | None, agencies: list[str]) -> str:
    """The item field by field as a reader compares it, the fields the colleague changed
    (from ``before``, the version the user had opened) first and marked "changed"."""
    if item is None or not dataclasses.is_dataclass(item):
        return ""
    owner = getattr(item, "agency", None) or getattr(item, "owner_agency", None) or None
    changed_lines, lines = [], []
    for f in dataclasses.fields(item):
        if f.name in _HIDDEN_FIELDS:
            continue
        value = getattr(item, f.name)
        changed = before is not None and getattr(before, f.name, value) != value
        if value in ("", None, [], ()) and not changed:
            continue
        label = f.name.replace("_", " ").capitalize()
        mark = " (changed)" if changed else ""
        (changed_lines if changed else lines).append(f"{label}{mark}: {_value_text(value, owner, agencies)}")
    return "\n".join(changed_lines + lines)  # what they changed first


class ConflictPanel(QFrame):
    """Hidden until a save is refused by a colleague's change; see the module docstring."""

    reloadRequested = Signal()
    saveAsNewRequested = Signal()

    def __init__(self, noun: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.noun = noun
        self.setObjectName("conflictPanel")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setStyleSheet("QFrame#conflictPanel { background: #fff4ce; border: 1px solid #c9a227; "
                           "border-radius: 4px; } QFrame#conflictPanel QLabel { color: #3b2f00; }")
        layout = QVBoxLayout(self)
        self.message = QLabel(self)
        self.message.setObjectName("conflictMessage")
        self.message.setWordWrap(True)
        self.message.setTextFormat(Qt.TextFormat.PlainText)
        self.message.setAccessibleName(self.tr("Changed by someone else"))
        layout.addWidget(self.message)
        self.theirs_label = QLabel(self.tr("Their version (read only; copy what you need into your text):"), self)
        self.theirs = QPlainTextEdit(self)
        self.theirs.setObjectName("theirVersion")
        self.theirs.setReadOnly(True)
        self.theirs.setAccessibleName(self.tr("Their version"))
        self.theirs.setTabChangesFocus(True)
        self.theirs.setMaximumHeight(self.fontMetrics().lineSpacing() * 9)
        self.theirs_label.setBuddy(self.theirs)
        layout.addWidget(self.theirs_label)
        layout.addWidget(self.theirs)
        row = QHBoxLayout()
        self.reload_button = QPushButton(self.tr("Reload their version"), self)
        self.reload_button.setObjectName("reloadButton")
        self.reload_button.setAccessibleName(self.tr("Reload their version"))
        self.reload_button.setToolTip(self.tr("Fetch the meeting again and show their version here (Ctrl+R)"))
        self.reload_button.setAutoDefault(False)
        self.reload_button.clicked.connect(self.reloadRequested)
        self.save_new_button = QPushButton(self.tr("Save mine as a new {0}").format(noun), self)
        self.save_new_button.setObjectName("saveAsNewButton")
        self.save_new_button.setAccessibleName(self.tr("Save mine as a new {0}").format(noun))
        self.save_new_button.setToolTip(self.tr("Keep what you typed as a new {0} (Ctrl+Shift+N)").format(noun))
        self.save_new_button.setAutoDefault(False)
        self.save_new_button.clicked.connect(self.saveAsNewRequested)
        row.addWidget(self.reload_button)
        row.addWidget(self.save_new_button)
        row.addStretch(1)
        layout.addLayout(row)
        # On the dialog, so the keys work from any field while the panel is shown.
        host = parent if parent is not None else self
        self.reload_shortcut = QShortcut(QKeySequence("Ctrl+R"), host)
        self.reload_shortcut.activated.connect(self._reload_by_key)
        self.save_new_shortcut = QShortcut(QKeySequence("Ctrl+Shift+N"), host)
        self.save_new_shortcut.activated.connect(self._save_new_by_key)
        self.refusal: MeetingChanged | None = None
        self._show_theirs(False)
        self.save_new_button.hide()
        self.hide()

    def _reload_by_key(self) -> None:
        if self.isVisible() and self.reload_button.isVisible() and self.reload_button.isEnabled():
            self.reload_button.click()

    def _save_new_by_key(self) -> None:
        if self.isVisible() and self.save_new_button.isVisible():
            self.save_new_button.click()

    def _show_theirs(self, shown: bool) -> None:
        self.theirs_label.setVisible(shown)
        self.theirs.setVisible(shown)

    def show_refusal(self, refusal: MeetingChanged) -> None:
        """The save was refused: say so, offer Reload (their version is not fetched yet)."""
        self.refusal = refusal
        self.message.setText(str(refusal))
        self._show_theirs(False)
        self.reload_button.show()
        self.save_new_button.setVisible(refusal.removed)
        self.show()
        self.reload_button.setFocus(Qt.FocusReason.OtherFocusReason)

    def show_theirs(self, heading: str, text: str) -> None:
        """After Reload: their version, read only, under ``heading``."""
        self.message.setText(heading)
        self.theirs.setPlainText(text)
        self._show_theirs(bool(text))
        self.show()

    def clear(self) -> None:
        self.refusal = None
        self.theirs.clear()
        self.save_new_button.hide()
        self.hide()
