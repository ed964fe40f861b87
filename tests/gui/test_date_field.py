# SPDX-License-Identifier: LicenseRef-Proprietary
"""The one date field (issue 19): empty by default, typed in UK forms, Tab leaves, Alt+Down
opens a calendar, Delete clears, a plausible range, and the same class in every form."""

from __future__ import annotations

import re
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLineEdit, QVBoxLayout, QWidget

from strategy_meeting.gui.widgets.date_edit import DateField, OptionalDateEdit, OptionalDateTimeEdit

ROOT = Path(__file__).resolve().parents[2]


def _form(qtbot, field: DateField) -> tuple[QWidget, QLineEdit, QLineEdit]:
    host = QWidget()
    before, after = QLineEdit(host), QLineEdit(host)
    layout = QVBoxLayout(host)
    for w in (before, field, after):
        layout.addWidget(w)
    QWidget.setTabOrder(before, field)
    QWidget.setTabOrder(field, after)
    qtbot.addWidget(host)
    host.show()
    host.activateWindow()
    qtbot.waitUntil(host.isActiveWindow)
    return host, before, after


def test_empty_by_default_typing_and_tab_leave(qtbot) -> None:
    field = OptionalDateEdit()
    field.setAccessibleName("Date of birth")
    host, before, after = _form(qtbot, field)
    assert field.value() is None and field.editor.text() == ""
    before.setFocus()
    qtbot.keyClick(before, Qt.Key.Key_Tab)
    assert field.editor.hasFocus()
    qtbot.keyClicks(field.editor, "5 12 2018")
    qtbot.keyClick(field.editor, Qt.Key.Key_Tab)
    assert after.hasFocus(), "Tab leaves the date field"
    assert field.value() == date(2018, 12, 5)
    assert field.editor.text() == "05/12/2018"
    # Typing into the next field goes there, not into the date.
    qtbot.keyClicks(after, "next")
    assert after.text() == "next" and field.value() == date(2018, 12, 5)


def test_delete_clears_and_alt_down_opens_a_calendar(qtbot) -> None:
    field = OptionalDateEdit()
    field.set_field("action.due")
    host = _form(qtbot, field)  # noqa: F841 - kept alive
    field.setValue(date.today())
    field.setFocus()
    field.editor.selectAll()
    qtbot.keyClick(field.editor, Qt.Key.Key_Delete)
    assert field.value() is None and field.editor.text() == ""
    qtbot.keyClick(field.editor, Qt.Key.Key_Down, Qt.KeyboardModifier.AltModifier)
    assert field.calendar is not None and field.calendar.isVisible()
    assert field.calendar.selectedDate().toPython() == date.today()  # opens on today, not 1900
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Right)
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return)
    assert not field.calendar.isVisible()
    assert field.value() == date.today() + timedelta(days=1)


def test_out_of_range_or_unreadable_text_is_kept_and_flagged(qtbot) -> None:
    field = OptionalDateTimeEdit()
    field.set_field("referral.received_at")
    host = _form(qtbot, field)  # noqa: F841 - kept alive
    field.setFocus()
    qtbot.keyClicks(field.editor, "05/01/1900")
    qtbot.keyClick(field.editor, Qt.Key.Key_Tab)
    assert field.editor.text() == "05/01/1900", "never thrown away"
    assert field.value() is None and "between" in field.problem()
    assert field.editor.property("invalid") is True
    field.editor.setText("yesterday 14:30")
    field.commit_text()
    assert field.problem() == ""
    expected = datetime.combine(date.today() - timedelta(days=1), datetime.min.time().replace(hour=14, minute=30))
    assert field.value() == expected.astimezone().astimezone(UTC)


def test_an_item_dialog_refuses_to_save_a_bad_date(qtbot) -> None:
    from builders import sample_meeting
    from strategy_meeting.gui.dialogs.child_dialog import ChildDialog

    dialog = ChildDialog(sample_meeting(), None)
    qtbot.addWidget(dialog)
    saved: list = []
    dialog.saveRequested.connect(saved.append)
    dialog.ui.nameEdit.setText("Test Child")
    dialog.ui.dobEdit.editor.setText("31/02/2019")
    dialog.request_save()
    assert saved == [] and "Not a date" in dialog.error_label.text()
    dialog.ui.dobEdit.editor.setText("28/02/2019")
    dialog.request_save()
    assert saved and saved[0].date_of_birth == date(2019, 2, 28)


def test_one_date_class_everywhere() -> None:
    """No Qt date editor in any form or module but the date field itself."""
    offenders = [p.name for p in (ROOT / "ui").glob("*.ui")
                 if re.search(r'class="Q(Date|DateTime|Time)Edit"', p.read_text(encoding="utf-8"))]
    gui = ROOT / "src" / "strategy_meeting" / "gui"
    offenders += [str(p.relative_to(gui)) for p in gui.rglob("*.py")
                  if p.name != "date_edit.py" and re.search(r"\bQ(Date|DateTime)Edit\b", p.read_text(encoding="utf-8"))]
    assert offenders == []
    assert issubclass(OptionalDateEdit, DateField) and issubclass(OptionalDateTimeEdit, DateField)
    QApplication.processEvents()
