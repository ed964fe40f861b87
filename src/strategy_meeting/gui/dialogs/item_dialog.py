# SPDX-License-Identifier: LicenseRef-Proprietary
# Copyright (c) 2026 Strategy Meeting contributors
"""The shared body of the dialogs that edit one item of a meeting.

A dialog never saves and never checks a rule: Save emits ``saveRequested`` with the item built
from the form, the workspace pushes an undoable service call, and the dialog closes only when
the service accepted it. A refusal (the service's one-line message) is shown in the dialog, so
nothing the user typed is lost.
"""

from __future__ import annotations

import copy
from collections.abc import Iterable, Mapping
from enum import Enum
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import QComboBox, QDialog, QDialogButtonBox, QLabel, QPlainTextEdit, QWidget

from strategy_meeting.domain.meeting import Meeting
from strategy_meeting.gui.widgets.date_edit import DateField
from strategy_meeting.services.meetings import ItemKind


def fill_agency_combo(combo: QComboBox, meeting: Meeting, current: str, blank: str | None = None) -> None:
    """The meeting's agencies as "Name (CODE)"; a code not (or no longer) listed is kept."""
    combo.clear()
    # A long agency name must not stretch the dialog wider than the screen: the combo keeps a
    # sensible width and its list shows the whole name.
    combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
    combo.setMinimumContentsLength(30)
    if blank is not None:
        combo.addItem(blank, "")
    for agency in meeting.agencies:
        combo.addItem(f"{agency.name} ({agency.code})", agency.code)
    if current and combo.findData(current) < 0:
        combo.addItem(current, current)
    index = combo.findData(current)
    combo.setCurrentIndex(index if index >= 0 else 0)


def fill_enum_combo(combo: QComboBox, labels: Mapping[Any, str], current: Any) -> None:
    fill_combo(combo, [(label, value) for value, label in labels.items()], current)


def fill_combo(combo: QComboBox, entries: Iterable[tuple[str, Any]], current: Any) -> None:
    """Fill a combo whose data may be enum members.

    Hazard: Qt stores a ``StrEnum`` member as a plain string, so the enum type is remembered on
    the combo and ``combo_value`` turns the string back into the member.
    """
    combo.clear()
    for label, value in entries:
        if isinstance(value, Enum):
            combo._enum_type = type(value)  # type: ignore[attr-defined]
        combo.addItem(label, value)
    index = combo.findData(current)
    combo.setCurrentIndex(max(index, 0))


def combo_value(combo: QComboBox) -> Any:
    """The current item's data, as the enum member it was added as (or "" for none)."""
    value = combo.currentData()
    if value is None:
        return ""
    enum_type = getattr(combo, "_enum_type", None)
    if enum_type is not None and value != "" and not isinstance(value, enum_type):
        return enum_type(value)
    return value


def text_of(edit: QPlainTextEdit) -> str:
    return edit.toPlainText().strip()


class ItemDialog(QDialog):
    """Base of the item dialogs: subclasses set ``kind`` and ``form_class``, then fill the
    form in ``load`` and build the item in ``build``."""

    saveRequested = Signal(object)  # the item built from the form
    kind: ItemKind
    form_class: type
    noun = "item"

    def __init__(self, meeting: Meeting, item: Any | None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ui = self.form_class()
        self.ui.setupUi(self)
        self.original = copy.deepcopy(item)
        self.is_new = item is None
        # The noun is marked for translation in each dialog's own context.
        noun = QCoreApplication.translate(type(self).__name__, self.noun)
        self.setWindowTitle(self.tr("New {0}").format(noun) if self.is_new else self.tr("Edit {0}").format(noun))
        self.error_label: QLabel = self.ui.errorLabel
        self.error_label.hide()
        buttons: QDialogButtonBox = self.ui.buttonBox
        save = buttons.button(QDialogButtonBox.StandardButton.Save)
        if save is not None:
            save.setAccessibleName(self.tr("Save {0}").format(noun))
            save.setDefault(True)
        cancel = buttons.button(QDialogButtonBox.StandardButton.Cancel)
        if cancel is not None:
            cancel.setAccessibleName(self.tr("Cancel"))
        buttons.accepted.connect(self.request_save)
        buttons.rejected.connect(self.reject)
        self.load(meeting, item)

    # -- for subclasses ----------------------------------------------------------------------------

    def load(self, meeting: Meeting, item: Any | None) -> None:
        raise NotImplementedError

    def build(self) -> Any:
        """The item the form describes; raise ``ValueError`` with a message for an input the
        widgets cannot express (the services check everything else)."""
        raise NotImplementedError

    # -- flow --------------------------------------------------------------------------------------

    def request_save(self) -> None:
        for field in self.findChildren(DateField):
            if field.problem():
                name = field.accessibleName() or self.tr("A date")
                self.show_problem(self.tr("{0}: {1}").format(name, field.problem()))
                field.setFocus(Qt.FocusReason.OtherFocusReason)
                return
        try:
            item = self.build()
        except ValueError as exc:
            self.show_problem(str(exc))
            return
        self.show_problem("")
        self.saveRequested.emit(item)

    def show_problem(self, message: str) -> None:
        self.error_label.setText(message)
        self.error_label.setVisible(bool(message))
        if message:
            self.error_label.setFocus(Qt.FocusReason.OtherFocusReason)
