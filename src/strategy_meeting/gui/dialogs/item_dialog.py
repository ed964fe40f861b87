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

from PySide6.QtCore import QCoreApplication, QSize, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFrame,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QStyle,
    QVBoxLayout,
    QWidget,
)

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
    # A tall form (one with the sharing terms editor) scrolls inside the dialog, so its buttons
    # stay on a 1366x768 screen at any scale.
    scroll_body = False

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
        self.save_button: QPushButton | None = save
        self.save_reason = QLabel(self)
        self.save_reason.setObjectName("saveReason")
        self.save_reason.setWordWrap(True)
        self.save_reason.setAccessibleName(self.tr("Why it cannot be saved yet"))
        self.save_reason.setStyleSheet("color: #8a4b00; font-weight: 600;")
        self.save_reason.hide()
        main = self.layout()
        if isinstance(main, QVBoxLayout):
            main.insertWidget(main.indexOf(buttons), self.save_reason)
        self.load(meeting, item)
        if self.scroll_body:
            self._scroll_body()
        editor = getattr(self.ui, "sharingEditor", None)
        if editor is not None:
            editor.termsChanged.connect(lambda _terms: self.sync_save())
            self.sync_save()
            if self.scroll_body:
                # Rows the editor shows later (the police agreement) grow the dialog while the
                # screen has room, rather than pushing the "Seen by" line under the fold.
                editor.termsChanged.connect(lambda _terms: QTimer.singleShot(0, self._grow_to_body))

    # -- for subclasses ----------------------------------------------------------------------------

    def load(self, meeting: Meeting, item: Any | None) -> None:
        raise NotImplementedError

    def build(self) -> Any:
        """The item the form describes; raise ``ValueError`` with a message for an input the
        widgets cannot express (the services check everything else)."""
        raise NotImplementedError

    def save_blocker(self) -> str:
        """Why Save is off ("" when it is on): deny by default, so an item with no audience
        chosen, or terms not yet complete, cannot be saved (issue 14)."""
        editor = getattr(self.ui, "sharingEditor", None)
        return editor.problem() if editor is not None else ""

    def sync_save(self) -> None:
        reason = self.save_blocker()
        self.save_reason.setText(reason)
        self.save_reason.setVisible(bool(reason))
        if self.save_button is not None:
            self.save_button.setEnabled(not reason)
            self.save_button.setToolTip(reason)
            self.save_button.setAccessibleDescription(reason)

    def _scroll_body(self) -> None:
        """Move everything above the problem line and the buttons into a scroll area."""
        main = self.layout()
        if not isinstance(main, QVBoxLayout):
            return
        keep = {self.error_label, self.save_reason, self.ui.buttonBox}
        body = QWidget()
        body.setObjectName("dialogBody")
        body_layout = QVBoxLayout(body)
        body_layout.setContentsMargins(0, 0, 0, 0)
        n = 0
        while n < main.count():
            entry = main.itemAt(n)
            if entry.widget() in keep:
                n += 1
                continue
            main.takeAt(n)
            if entry.layout() is not None:
                inner = entry.layout()
                inner.setParent(None)
                body_layout.addLayout(inner)
            elif entry.widget() is not None:
                body_layout.addWidget(entry.widget())
            else:
                body_layout.addItem(entry)
        scroll = QScrollArea(self)
        scroll.setObjectName("dialogScroll")
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        scroll.setWidget(body)
        main.insertWidget(0, scroll, 1)
        # Widgets that change parent within one window keep their place in its focus chain, so
        # the fields (gone and back through the parentless body) now follow the buttons. The
        # problem lines and the buttons go the same way, into a footer that joins last: Tab then
        # reads the page from the top and ends on the buttons.
        footer = QWidget()
        footer_layout = QVBoxLayout(footer)
        footer_layout.setContentsMargins(0, 0, 0, 0)
        for widget in (self.error_label, self.save_reason, self.ui.buttonBox):
            hidden = widget.isHidden()
            main.removeWidget(widget)
            footer_layout.addWidget(widget)
            widget.setHidden(hidden)
        main.addWidget(footer)
        self._body, self._footer = body, footer
        self.resize(self._body_size())

    def _body_size(self) -> QSize:
        """The dialog's size with the whole body in view (the window fitter keeps it on the
        screen)."""
        main = self.layout()
        hint = self._body.sizeHint()
        bar = self.style().pixelMetric(QStyle.PixelMetric.PM_ScrollBarExtent)
        margins = main.contentsMargins()
        return QSize(max(self.minimumWidth(), hint.width() + bar + margins.left() + margins.right()),
                     hint.height() + self._footer.sizeHint().height() + 2 * main.spacing()
                     + margins.top() + margins.bottom() + 4)

    def _grow_to_body(self) -> None:
        want = self._body_size()
        if want.height() > self.height():
            area = self.screen().availableGeometry() if self.screen() is not None else None
            limit = area.height() - 80 if area is not None else want.height()
            self.resize(self.width(), min(want.height(), max(self.height(), limit)))

    # -- flow --------------------------------------------------------------------------------------

    def request_save(self) -> None:
        blocker = self.save_blocker()
        if blocker:  # Save is off; Enter in a field must not get round that
            self.show_problem(blocker)
            return
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
