# SPDX-License-Identifier: LicenseRef-Proprietary
# Copyright (c) 2026 Strategy Meeting contributors
"""The one date field of the app: a date (or date and time) that may be left empty.

A line edit, empty by default, that reads what is typed in the common UK ways
(``domain.dates``), shows it back as dd/mm/yyyy (and hh:mm), and says so beside the field
when the text is not a date or is outside the field's plausible range, never throwing it
away. Tab leaves it like any text field; Alt+Down (or F4, or the button) opens a calendar;
Delete clears it. ``OptionalDateEdit`` and ``OptionalDateTimeEdit`` are this class set to a
date or a date and time, the names the Designer forms promote.
"""

from __future__ import annotations

from datetime import UTC, date, datetime, time

from PySide6.QtCore import QDate, QEvent, QObject, QPoint, Qt, Signal
from PySide6.QtGui import QColor, QKeyEvent, QPalette
from PySide6.QtWidgets import (
    QCalendarWidget,
    QHBoxLayout,
    QLineEdit,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from strategy_meeting.domain.dates import ANY_DATE, DATE_RANGES, DateRange, parse_date, parse_date_time

NOT_SET = ""  # an empty field is empty: no "Not set" text to type into
DATE_FORMAT = "%d/%m/%Y"
DATE_TIME_FORMAT = "%d/%m/%Y %H:%M"


def show_read_only(widget: QWidget, read_only: bool) -> None:
    """A field that cannot be changed looks it: drawn on the window's colour, not the page's
    (a palette change: the workspace has no style sheet, which would slow every paint)."""
    palette = widget.palette()
    if read_only:
        if not widget.property("editableBase"):
            widget.setProperty("editableBase", palette.color(QPalette.ColorRole.Base).name())
        palette.setColor(QPalette.ColorRole.Base, palette.color(QPalette.ColorRole.Window))
    elif widget.property("editableBase"):
        palette.setColor(QPalette.ColorRole.Base, QColor(widget.property("editableBase")))
    widget.setPalette(palette)


class DateField(QWidget):
    """A date, or a local date and time, or nothing.

    ``value()`` is a ``date`` (or an aware UTC ``datetime``) or None; ``problem()`` says why
    the typed text is not accepted (item dialogs refuse to save while a field has one).
    """

    valueChanged = Signal(object)  # date | datetime | None
    _with_time = False

    def __init__(self, parent: QWidget | None = None, *, with_time: bool | None = None) -> None:
        super().__init__(parent)
        if with_time is not None:
            self._with_time = with_time
        self._range: DateRange = ANY_DATE
        self._value: date | datetime | None = None
        self._problem = ""
        self.editor = QLineEdit(self)
        self.editor.setPlaceholderText(self.tr("dd/mm/yyyy hh:mm") if self._with_time else self.tr("dd/mm/yyyy"))
        self.editor.setToolTip(self.tr(
            "Type a date such as 5/12/2026 or 5 Dec 2026{0}. Alt+Down opens a calendar; Delete clears it."
        ).format(self.tr(" and a time such as 14:30") if self._with_time else ""))
        self.calendar_button = QToolButton(self)
        self.calendar_button.setText("\N{BLACK DOWN-POINTING SMALL TRIANGLE}")
        self.calendar_button.setToolTip(self.tr("Choose from a calendar (Alt+Down)"))
        self.calendar_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # Alt+Down does it from the field
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addWidget(self.editor, 1)
        layout.addWidget(self.calendar_button)
        self.setFocusProxy(self.editor)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.editor.installEventFilter(self)
        self.editor.editingFinished.connect(self.commit_text)
        self.editor.textEdited.connect(self._typing)
        self.calendar_button.clicked.connect(self.open_calendar)
        self._popup: QWidget | None = None
        self.calendar: QCalendarWidget | None = None

    # -- configuration -----------------------------------------------------------------------------

    def set_field(self, field: str) -> None:
        """Use the plausible range ``domain.dates.DATE_RANGES`` gives this field."""
        self._range = DATE_RANGES[field]

    def date_range(self) -> DateRange:
        return self._range

    def with_time(self) -> bool:
        return self._with_time

    def setAccessibleName(self, name: str) -> None:  # noqa: N802 - Qt naming
        super().setAccessibleName(name)
        self.editor.setAccessibleName(name)
        self.calendar_button.setAccessibleName(self.tr("Calendar for {0}").format(name.lower()))

    def setReadOnly(self, read_only: bool) -> None:  # noqa: N802
        self.editor.setReadOnly(read_only)
        self.calendar_button.setEnabled(not read_only)
        show_read_only(self.editor, read_only)

    def isReadOnly(self) -> bool:  # noqa: N802
        return self.editor.isReadOnly()

    # -- value -------------------------------------------------------------------------------------

    def value(self) -> date | datetime | None:
        """What the field holds: the text as typed so far is read first, so a date typed and
        not yet left is never lost."""
        if self.editor.text() != self._format(self._value):
            self._read(self.editor.text())
        return self._value

    def setValue(self, value: date | datetime | None) -> None:  # noqa: N802
        """Show a stored value (a date, or a datetime as local time); no range check."""
        if value is not None and self._with_time and not isinstance(value, datetime):
            value = datetime.combine(value, time(9, 0), tzinfo=UTC)
        if value is not None and not self._with_time and isinstance(value, datetime):
            value = value.date()
        self._set_problem("")
        self.editor.setText(self._format(value))
        changed = value != self._value
        self._value = value
        if changed:
            self.valueChanged.emit(value)

    def clear(self) -> None:
        self.setValue(None)

    def is_empty(self) -> bool:
        return not self.editor.text().strip()

    def problem(self) -> str:
        self._read(self.editor.text())
        return self._problem

    # -- typing ------------------------------------------------------------------------------------

    def _typing(self, _text: str) -> None:
        if self._problem:
            self._set_problem("")

    def commit_text(self) -> None:
        """Read the typed text; when it is a date in range, show it in the standard form."""
        before = self._value
        if self._read(self.editor.text()) and self._value is not None:
            self.editor.setText(self._format(self._value))
        if self._value != before:
            self.valueChanged.emit(self._value)

    def _read(self, text: str) -> bool:
        """Parse ``text`` into ``_value``; False (value kept, problem set) when it cannot."""
        today = date.today()
        if not text.strip():
            self._value = None
            self._set_problem("")
            return True
        if self._with_time:
            parsed = parse_date_time(text, today, self._default_time())
            day = parsed.date() if parsed else None
        else:
            day = parsed = parse_date(text, today)
        if parsed is None or day is None:
            self._set_problem(self.tr("Not a date: type it as dd/mm/yyyy{0}.").format(
                self.tr(" hh:mm") if self._with_time else ""))
            return False
        if not self._range.contains(day, today):
            low, high = self._range.bounds(today)
            self._set_problem(self.tr("Give a date between {0} and {1}.").format(
                low.strftime(DATE_FORMAT), high.strftime(DATE_FORMAT)))
            return False
        self._set_problem("")
        if isinstance(parsed, datetime):
            self._value = parsed.astimezone().astimezone(UTC).replace(microsecond=0)
        else:
            self._value = parsed
        return True

    def _default_time(self) -> time:
        if isinstance(self._value, datetime):
            return self._value.astimezone().time().replace(second=0, microsecond=0)
        return time(9, 0)

    def _set_problem(self, message: str) -> None:
        if message == self._problem:
            return
        self._problem = message
        self.editor.setProperty("invalid", bool(message))
        self.editor.setToolTip(message or self.tr(
            "Type a date such as 5/12/2026 or 5 Dec 2026. Alt+Down opens a calendar; Delete clears it."))
        self.editor.setAccessibleDescription(message)
        self.editor.style().unpolish(self.editor)
        self.editor.style().polish(self.editor)

    def _format(self, value: date | datetime | None) -> str:
        if value is None:
            return ""
        if isinstance(value, datetime):
            aware = value if value.tzinfo else value.replace(tzinfo=UTC)
            return aware.astimezone().strftime(DATE_TIME_FORMAT)
        return value.strftime(DATE_FORMAT)

    # -- keys --------------------------------------------------------------------------------------

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        if watched is self.editor and event.type() == QEvent.Type.KeyPress:
            assert isinstance(event, QKeyEvent)
            key, mods = event.key(), event.modifiers()
            if (key == Qt.Key.Key_Down and mods & Qt.KeyboardModifier.AltModifier) or key == Qt.Key.Key_F4:
                if not self.editor.isReadOnly():
                    self.open_calendar()
                return True
            if key == Qt.Key.Key_Delete and not self.editor.isReadOnly() and (
                    self.editor.hasSelectedText() or self.editor.cursorPosition() == len(self.editor.text())):
                self.clear()
                return True
        if watched is self._popup and event.type() == QEvent.Type.Hide:
            self.editor.setFocus(Qt.FocusReason.PopupFocusReason)
        return super().eventFilter(watched, event)

    # -- calendar ----------------------------------------------------------------------------------

    def open_calendar(self) -> None:
        """A calendar popup on the field's date (or today); Enter or a click chooses, Escape
        closes it without a change."""
        if self._popup is None:
            self._popup = QWidget(self, Qt.WindowType.Popup)
            self._popup.setAccessibleName(self.tr("Calendar"))
            self.calendar = QCalendarWidget(self._popup)
            self.calendar.setGridVisible(True)
            self.calendar.setFirstDayOfWeek(Qt.DayOfWeek.Monday)
            self.calendar.setAccessibleName(self.tr("Calendar"))
            box = QVBoxLayout(self._popup)
            box.setContentsMargins(1, 1, 1, 1)
            box.addWidget(self.calendar)
            self.calendar.activated.connect(self._chosen)
            self.calendar.clicked.connect(self._chosen)
            self._popup.installEventFilter(self)
        assert self.calendar is not None
        today = date.today()
        low, high = self._range.bounds(today)
        self.calendar.setDateRange(QDate(low.year, low.month, low.day), QDate(high.year, high.month, high.day))
        current = self.value()
        shown = current.astimezone().date() if isinstance(current, datetime) else (current or today)
        self.calendar.setSelectedDate(QDate(shown.year, shown.month, shown.day))
        self._popup.adjustSize()
        self._popup.move(self.mapToGlobal(QPoint(0, self.height())))
        self._popup.show()
        self.calendar.setFocus(Qt.FocusReason.PopupFocusReason)

    def _chosen(self, qdate: QDate) -> None:
        day = date(qdate.year(), qdate.month(), qdate.day())
        if self._with_time:
            value: date | datetime = datetime.combine(day, self._default_time()).astimezone().astimezone(UTC)
        else:
            value = day
        if self._popup is not None:
            self._popup.hide()
        self.setValue(value)
        self.editor.setFocus(Qt.FocusReason.PopupFocusReason)


class OptionalDateEdit(DateField):
    """The date field set to a date (the name the Designer forms promote)."""

    _with_time = False


class OptionalDateTimeEdit(DateField):
    """The date field set to a local date and time; values are aware UTC datetimes."""

    _with_time = True
