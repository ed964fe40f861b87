# SPDX-License-Identifier: LicenseRef-Proprietary
# Copyright (c) 2026 Strategy Meeting contributors
"""Form pages (details, parents informed, next steps) that save every field as it is edited.

Each input is bound to one value of the meeting. A change is saved through the host at once
(choices, dates) or after a short pause in typing (text), and again when the input loses
focus, so a crash loses at most the last moment of typing. Consecutive saves of one input
merge into one undo step.

While an input holds typed text that is not saved yet, reloading the meeting (after an undo,
another window's edit, or an unlock) leaves that input alone: the user's words win until saved.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QCheckBox, QComboBox, QLineEdit, QPlainTextEdit, QWidget

from strategy_meeting.domain.meeting import Meeting
from strategy_meeting.gui.dialogs.item_dialog import combo_value
from strategy_meeting.gui.widgets.date_edit import DateField, show_read_only

from .base import Section

TYPING_PAUSE_MS = 700


@dataclass
class Binding:
    key: str  # e.g. "referral.reason": what the undo step merges on
    field: str  # the top-level meeting field update_details receives
    label: str  # for the undo step's text: "Edit reason"
    widget: QWidget
    read: Callable[[], Any]
    write: Callable[[Any], None]
    get: Callable[[Meeting], Any]  # the value the meeting holds for this input
    compose: Callable[[Meeting, Any], Any]  # the new top-level field value given the input's
    typed: bool  # text input: save after a pause, not on every keystroke


def line_binding(key: str, field: str, label: str, edit: QLineEdit, get: Callable[[Meeting], Any],
                 compose: Callable[[Meeting, Any], Any]) -> Binding:
    return Binding(key, field, label, edit, lambda: edit.text().strip(),
                   lambda v: edit.setText(v or ""), get, compose, True)


def text_binding(key: str, field: str, label: str, edit: QPlainTextEdit, get: Callable[[Meeting], Any],
                 compose: Callable[[Meeting, Any], Any]) -> Binding:
    return Binding(key, field, label, edit, lambda: edit.toPlainText().strip(),
                   lambda v: edit.setPlainText(v or ""), get, compose, True)


def combo_binding(key: str, field: str, label: str, combo: QComboBox, get: Callable[[Meeting], Any],
                  compose: Callable[[Meeting, Any], Any]) -> Binding:
    def write(value: Any) -> None:
        index = combo.findData(value)
        combo.setCurrentIndex(index if index >= 0 else 0)

    return Binding(key, field, label, combo, lambda: combo_value(combo), write, get, compose, False)


def date_binding(key: str, field: str, label: str, edit: DateField, get: Callable[[Meeting], Any],
                 compose: Callable[[Meeting, Any], Any]) -> Binding:
    edit.set_field(key)  # the key names the field's plausible range in domain.dates
    return Binding(key, field, label, edit, edit.value, edit.setValue, get, compose, False)


class FormSection(Section):
    """A page of bound inputs. Subclasses build the form and call ``bind``."""

    def __init__(self, host: Any, parent: QWidget | None = None) -> None:
        super().__init__(host, parent)
        self.bindings: list[Binding] = []
        self.dirty: set[str] = set()
        self._loading = False
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(TYPING_PAUSE_MS)
        self._timer.timeout.connect(self.flush)

    def bind(self, binding: Binding, signals: list[Any] | None = None) -> None:
        """Watch the input's own change signal, or the ``signals`` given for a composite input."""
        self.bindings.append(binding)
        w = binding.widget
        if signals:
            for signal in signals:
                signal.connect(lambda *_a, b=binding: self._changed(b))
        elif isinstance(w, QLineEdit):
            w.textEdited.connect(lambda _t, b=binding: self._changed(b))
            w.editingFinished.connect(self.flush)
        elif isinstance(w, QPlainTextEdit):
            w.textChanged.connect(lambda b=binding: self._changed(b))
            w.installEventFilter(self)
            # A page of inputs, not a word processor: about eight lines, then it scrolls.
            lines = w.fontMetrics().lineSpacing()
            w.setMaximumHeight(lines * 8 + 2 * w.frameWidth() + 8)
        elif isinstance(w, QComboBox):
            w.currentIndexChanged.connect(lambda _i, b=binding: self._changed(b))
        elif isinstance(w, DateField):
            w.valueChanged.connect(lambda _v, b=binding: self._changed(b))
        elif isinstance(w, QCheckBox):
            w.toggled.connect(lambda _v, b=binding: self._changed(b))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        if event.type() == QEvent.Type.FocusOut:
            self.flush()
        return super().eventFilter(watched, event)

    def _changed(self, binding: Binding) -> None:
        if self._loading:
            return
        self.dirty.add(binding.key)
        if binding.typed:
            self._timer.start()
        else:
            self.flush()

    # -- Section ------------------------------------------------------------------------------------

    def has_unsaved(self) -> bool:
        return bool(self.dirty)

    def flush(self) -> None:
        """Save each input that changed; a refused value is put back to what the store holds."""
        self._timer.stop()
        if not self.dirty or not self.host.can_save():
            return
        for binding in self.bindings:
            if binding.key not in self.dirty:
                continue
            meeting = self.host.meeting
            if meeting is None:
                return
            value = binding.read()
            if value == binding.get(meeting):
                self.dirty.discard(binding.key)
                continue
            after = binding.compose(meeting, value)
            self.dirty.discard(binding.key)
            if not self.host.update_detail(binding.field, after, binding.key, f"Edit {binding.label}"):
                if self.host.meeting is not None and self.host.can_save():
                    self._write(binding, binding.get(self.host.meeting))

    def show_meeting(self, meeting: Meeting) -> None:
        self._loading = True
        try:
            for binding in self.bindings:
                if binding.key in self.dirty:
                    continue
                value = binding.get(meeting)
                if binding.read() != value:
                    binding.write(value)
        finally:
            self._loading = False

    def _write(self, binding: Binding, value: Any) -> None:
        self._loading = True
        try:
            binding.write(value)
        finally:
            self._loading = False

    def clear(self) -> None:
        """Blank every input that holds only saved values; typed, unsaved text stays."""
        self._timer.stop()
        self._loading = True
        try:
            for binding in self.bindings:
                if binding.key not in self.dirty:
                    binding.write(None)
        finally:
            self._loading = False

    def set_read_only(self, read_only: bool, contributions_allowed: bool = False) -> None:
        for binding in self.bindings:
            w = binding.widget
            if isinstance(w, (QLineEdit, QPlainTextEdit)):
                w.setReadOnly(read_only)
                show_read_only(w, read_only)
            elif isinstance(w, DateField):
                w.setReadOnly(read_only)
            else:
                w.setEnabled(not read_only)
