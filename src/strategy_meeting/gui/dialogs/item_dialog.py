# SPDX-License-Identifier: LicenseRef-Proprietary
# Copyright (c) 2026 Strategy Meeting contributors
"""The shared body of the dialogs that edit one item of a meeting.

A dialog never saves and never checks a rule: Save emits ``saveRequested`` with the item built
from the form, the workspace pushes an undoable service call, and the dialog closes only when
the service accepted it. A refusal (the service's one-line message) is shown in the dialog, so
nothing the user typed is lost.

The dialog keeps what it was opened over (issue 17, no lost update): ``original``, the item as
read, is what the save expects to replace, and ``base_versions`` the meeting's part versions
then. When a colleague changed the item first, the save is refused and the conflict panel
says who and when; Reload (``rebase``) makes their version the base, shown beside the user's
own text, so the next Save replaces it knowingly.
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

from strategy_meeting.domain.errors import MeetingChanged
from strategy_meeting.domain.meeting import Meeting
from strategy_meeting.gui.undo import item_id
from strategy_meeting.gui.widgets.conflict_panel import ConflictPanel, describe, when_text
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
        self.base_versions = dict(meeting.versions)
        # Other items the saved value is made over, as read when the dialog opened (a
        # decision's relied-on contributions); the workspace fills it for the kinds that have them.
        self.made_from_base: dict[str, Any] = {}
        # The noun is marked for translation in each dialog's own context.
        noun = QCoreApplication.translate(type(self).__name__, self.noun)
        self._noun_text = noun
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
        self.conflict = ConflictPanel(noun, self)
        self.conflict.saveAsNewRequested.connect(self.save_as_new)
        main = self.layout()
        if isinstance(main, QVBoxLayout):
            main.insertWidget(main.indexOf(buttons), self.save_reason)
            main.insertWidget(main.indexOf(self.error_label), self.conflict)
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
        keep = {self.conflict, self.error_label, self.save_reason, self.ui.buttonBox}
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
        for widget in (self.conflict, self.error_label, self.save_reason, self.ui.buttonBox):
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

    # -- a colleague's change (issue 17) -----------------------------------------------------------

    def show_conflict(self, refusal: MeetingChanged) -> None:
        """The save was refused over a colleague's change: keep everything typed, say who and
        when in the panel (not the one-line problem), and offer Reload."""
        self.show_problem("")
        self.conflict.show_refusal(refusal)
        # "Save as new" only when this dialog's own item went, not an item it relies on.
        self.conflict.save_new_button.setVisible(refusal.removed and self._is_own(refusal))
        QTimer.singleShot(0, self._grow_for_conflict)

    def _is_own(self, refusal: MeetingChanged) -> bool:
        """Whether the refusal is about the item this dialog edits ("" item: its whole part)."""
        return (refusal.part == self.kind.value and self.original is not None
                and refusal.item_id in ("", self.original_id()))

    def _grow_for_conflict(self) -> None:
        """Make room for the panel (while the screen has it) rather than squeezing the form."""
        if self.scroll_body:
            self._grow_to_body()
            return
        hint = self.sizeHint()
        area = self.screen().availableGeometry() if self.screen() is not None else None
        limit = area.height() - 80 if area is not None else hint.height()
        if hint.height() > self.height():
            self.resize(self.width(), min(hint.height(), max(self.height(), limit)))

    def rebase(self, meeting: Meeting, refusal: MeetingChanged, current: Any | None) -> None:
        """After Reload: ``current`` is the refused item as it is now (None: gone). When it is
        this dialog's own item, their version becomes the base the next Save replaces; when it
        is an item the saved value was made over (a relied-on contribution), that one does."""
        who = refusal.changed_by_label or self.tr("someone else")
        when = when_text(refusal.changed_at)
        at = self.tr(" at {0}").format(when) if when else ""
        codes = list(meeting.agency_codes)
        own = self._is_own(refusal)
        self.base_versions = dict(meeting.versions)
        if own:
            before = self.original
            if current is None:
                self.conflict.show_theirs(self.tr(
                    "{0} removed this {1}{2}. What you typed is kept: save it as a new {1}, or Cancel to "
                    "leave it removed.").format(who, self._noun_text, at), "")
                self.conflict.reload_button.hide()
                self.conflict.save_new_button.show()
                return
            self.original = copy.deepcopy(current)
            self.conflict.show_theirs(self.tr(
                "{0} changed this {1}{2}. Their version is below; yours is kept above. Copy what you need "
                "from theirs, then Save: yours will replace theirs.").format(who, self._noun_text, at),
                describe(current, before, codes))
            QTimer.singleShot(0, self._grow_for_conflict)
        else:
            before = self.made_from_base.get(refusal.item_id)
            if current is None:
                self.made_from_base.pop(refusal.item_id, None)
                heading = self.tr("{0} removed an item this {1} relies on{2}. Check what it relies on, "
                                  "then Save.").format(who, self._noun_text, at)
            else:
                self.made_from_base[refusal.item_id] = copy.deepcopy(current)
                heading = self.tr("{0} changed an item this {1} relies on{2}. It now reads as below; check "
                                  "your {1} still stands, then Save.").format(who, self._noun_text, at)
            self.conflict.show_theirs(heading, describe(current, before, codes))
            QTimer.singleShot(0, self._grow_for_conflict)
        self.conflict.save_new_button.hide()
        self.conflict.reload_button.show()  # pressed again, it fetches their latest again
        if self.save_button is not None and self.save_button.isEnabled():
            self.save_button.setFocus(Qt.FocusReason.OtherFocusReason)

    def original_id(self) -> str:
        """The id of the item this dialog edits ("" for a new one)."""
        return "" if self.original is None else item_id(self.kind, self.original)

    def save_as_new(self) -> None:
        """The item was removed by a colleague: keep what was typed as a new item."""
        self.original = None
        self.is_new = True
        self.setWindowTitle(self.tr("New {0}").format(self._noun_text))
        self.conflict.clear()
        self.request_save()

    def show_problem(self, message: str) -> None:
        self.error_label.setText(message)
        self.error_label.setVisible(bool(message))
        if message:
            self.error_label.setFocus(Qt.FocusReason.OtherFocusReason)
