# SPDX-License-Identifier: LicenseRef-Proprietary
# Copyright (c) 2026 Strategy Meeting contributors
"""The local checks page: the checks before sign-off that are this organisation's practice,
not statute (issue 15): minutes signed off within N working days of the meeting, a review
discussion within N days. Each is off until the administrator switches it on; the service
(``signoff.set_check_settings``) checks the role and the numbers, as ``checks set`` does on
the command line. Open meeting windows recheck their checklist when a Save lands.
"""

from __future__ import annotations

from PySide6.QtCore import QT_TR_NOOP
from PySide6.QtWidgets import (
    QCheckBox,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
)

from strategy_meeting.domain.roles import Permission
from strategy_meeting.gui.app_state import AppState
from strategy_meeting.gui.dialogs.settings_page import SettingsPage
from strategy_meeting.services import signoff

MAX_DAYS = 365  # as the service allows


class LocalChecksPage(SettingsPage):
    title = QT_TR_NOOP("Local checks")
    permission = Permission.MANAGE_SETTINGS

    def __init__(self, state: AppState) -> None:
        super().__init__(state)
        layout = QVBoxLayout(self)
        intro = QLabel(self.tr(
            "The checks that Working Together 2023 implies always apply. These two are local practice: "
            "each is off until you switch it on here, and its warning at sign-off says \u201cLocal "
            "practice\u201d. A chair may acknowledge it, with a reason."))
        intro.setWordWrap(True)
        intro.setObjectName("hint")
        layout.addWidget(intro)

        grid = QGridLayout()
        self.sign_off_check = QCheckBox(self.tr("&Minutes signed off within"))
        self.sign_off_days = self._days(self.tr(" working days of the meeting"),
                                        self.tr("Working days from the meeting to sign-off"))
        self.sign_off_check.setAccessibleName(self.tr("Check that the minutes are signed off in time"))
        self.review_check = QCheckBox(self.tr("A &review discussion within"))
        self.review_days = self._days(self.tr(" days of the meeting"),
                                      self.tr("Days from the meeting to the review discussion"))
        self.review_check.setAccessibleName(self.tr("Check that a review discussion is set in time"))
        for row, (check, days) in enumerate(((self.sign_off_check, self.sign_off_days),
                                             (self.review_check, self.review_days))):
            grid.addWidget(check, row, 0)
            grid.addWidget(days, row, 1)
            check.toggled.connect(days.setEnabled)
            days.setEnabled(False)
        grid.setColumnStretch(2, 1)
        layout.addLayout(grid)

        self.in_force = QLabel("")
        self.in_force.setWordWrap(True)
        self.in_force.setAccessibleName(self.tr("The local checks in force"))
        layout.addWidget(self.in_force)
        row = QHBoxLayout()
        row.addStretch(1)
        self.save_button = QPushButton(self.tr("&Save"))
        self.save_button.setAccessibleName(self.tr("Save the local checks"))
        row.addWidget(self.save_button)
        layout.addLayout(row)
        layout.addStretch(1)
        self.save_button.clicked.connect(self.save)

    def _days(self, suffix: str, name: str) -> QSpinBox:
        box = QSpinBox()
        box.setRange(0, MAX_DAYS)
        box.setValue(1)
        box.setSuffix(suffix)
        box.setAccessibleName(name)
        return box

    def load(self) -> None:
        current = signoff.current_check_settings(self.state.ctx)
        for check, days, value, default in (
                (self.sign_off_check, self.sign_off_days, current.sign_off_within_working_days, 1),
                (self.review_check, self.review_days, current.review_within_days, 10)):
            check.setChecked(value is not None)
            days.setValue(value if value is not None else default)
            days.setEnabled(value is not None)
        self.in_force.setText(self.describe(current.sign_off_within_working_days, current.review_within_days))

    def chosen(self) -> tuple[int | None, int | None]:
        """What the page would save: a number where the check is on, ``None`` where it is off."""
        return (self.sign_off_days.value() if self.sign_off_check.isChecked() else None,
                self.review_days.value() if self.review_check.isChecked() else None)

    def describe(self, sign_off: int | None, review: int | None) -> str:
        first = (self.tr("minutes signed off within {0} working day(s)").format(sign_off) if sign_off is not None
                 else self.tr("no sign-off deadline"))
        second = (self.tr("a review discussion within {0} day(s)").format(review) if review is not None
                  else self.tr("no review deadline"))
        return self.tr("In force: {0}; {1}.").format(first, second)

    def save(self) -> None:
        sign_off, review = self.chosen()
        self._call(lambda: signoff.set_check_settings(self.state.ctx, self.state.actor,
                                                      sign_off_within_working_days=sign_off,
                                                      review_within_days=review),
                   self.tr("The local checks were saved. {0}").format(self.describe(sign_off, review)))
