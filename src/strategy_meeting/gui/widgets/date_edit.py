# SPDX-License-Identifier: LicenseRef-Proprietary
# Copyright (c) 2026 Strategy Meeting contributors
"""Date and date-time fields that may be left empty, with a calendar popup.

Qt's ``QDateEdit`` always holds a date, but many of the record's dates are optional (an unborn
child's date of birth, a review not yet booked). These widgets show "Not set" for no value and
offer a Clear button, so an empty date is never confused with a real one.
"""

from __future__ import annotations

from datetime import UTC, date, datetime

from PySide6.QtCore import QDate, QDateTime, QEvent, QObject, Qt, QTime, Signal
from PySide6.QtWidgets import QDateTimeEdit, QHBoxLayout, QToolButton, QWidget

_SENTINEL = QDate(1900, 1, 1)
NOT_SET = "Not set"


class _OptionalEdit(QWidget):
    """Shared body: an editor whose minimum stands for "no value", and a Clear button."""

    valueChanged = Signal(object)  # date | datetime | None
    _with_time = False

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.editor = QDateTimeEdit(self)
        self.editor.setCalendarPopup(True)
        self.editor.setSpecialValueText(self.tr(NOT_SET))
        self.editor.setMinimumDateTime(QDateTime(_SENTINEL, QTime(0, 0)))
        self.editor.setDisplayFormat("dd/MM/yyyy HH:mm" if self._with_time else "dd/MM/yyyy")
        self.editor.setDateTime(self.editor.minimumDateTime())
        self.clear_button = QToolButton(self)
        self.clear_button.setText(self.tr("Clear"))
        self.clear_button.setToolTip(self.tr("Leave this date empty"))
        self.clear_button.setFocusPolicy(Qt.FocusPolicy.TabFocus)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.editor, 1)
        layout.addWidget(self.clear_button)
        self.setFocusProxy(self.editor)
        self.clear_button.clicked.connect(self.clear)
        self.editor.dateTimeChanged.connect(self._emit)
        # The popup of an empty field would open in January 1900; open it on this month.
        self.editor.calendarWidget().installEventFilter(self)

    def setAccessibleName(self, name: str) -> None:  # noqa: N802 - Qt naming
        super().setAccessibleName(name)
        self.editor.setAccessibleName(name)
        self.clear_button.setAccessibleName(self.tr("Clear {0}").format(name.lower()))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        if event.type() == QEvent.Type.Show and self.is_empty():
            today = QDate.currentDate()
            self.editor.calendarWidget().setCurrentPage(today.year(), today.month())
        return super().eventFilter(watched, event)

    def is_empty(self) -> bool:
        return self.editor.dateTime() == self.editor.minimumDateTime()

    def clear(self) -> None:
        self.editor.setDateTime(self.editor.minimumDateTime())

    def setReadOnly(self, read_only: bool) -> None:  # noqa: N802
        self.editor.setReadOnly(read_only)
        self.clear_button.setEnabled(not read_only)

    def _emit(self) -> None:
        self.valueChanged.emit(self.value())

    def value(self) -> date | datetime | None:  # pragma: no cover - overridden
        raise NotImplementedError


class OptionalDateEdit(_OptionalEdit):
    """A date or nothing."""

    def value(self) -> date | None:
        if self.is_empty():
            return None
        d = self.editor.date()
        return date(d.year(), d.month(), d.day())

    def setValue(self, value: date | None) -> None:  # noqa: N802
        if value is None:
            self.clear()
        else:
            self.editor.setDate(QDate(value.year, value.month, value.day))


class OptionalDateTimeEdit(_OptionalEdit):
    """A local date and time or nothing; values go to the services as aware UTC datetimes."""

    _with_time = True

    def value(self) -> datetime | None:
        if self.is_empty():
            return None
        local = self.editor.dateTime().toPython()
        return local.astimezone(UTC).replace(microsecond=0)

    def setValue(self, value: datetime | None) -> None:  # noqa: N802
        if value is None:
            self.clear()
            return
        aware = value if value.tzinfo else value.replace(tzinfo=UTC)
        local = aware.astimezone()
        self.editor.setDateTime(
            QDateTime(QDate(local.year, local.month, local.day), QTime(local.hour, local.minute))
        )
