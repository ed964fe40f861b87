# SPDX-License-Identifier: LicenseRef-Proprietary
# Copyright (c) 2026 Strategy Meeting contributors
"""Addenda: what was added to the minutes after sign-off, numbered and dated, and the way to
add another. The page is listed in the workspace only once the meeting is signed off; the
record itself stays read only, so an addendum is the one change left.

Adding one goes through the host (the sign-off service numbers, dates and audits it); after it,
the page says that copies made earlier lack it and offers to regenerate the minutes.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QLabel,
    QListView,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from strategy_meeting.domain.meeting import Meeting
from strategy_meeting.gui.models.addenda import AddendaModel

from .base import Section


class AddendaSection(Section):
    key = "addenda"
    title = QT_TRANSLATE_NOOP("AddendaSection", "Addenda")

    def __init__(self, host: Any, parent: QWidget | None = None) -> None:
        super().__init__(host, parent)
        # Made in page order, which is the tab order: intro, buttons, notice, the list.
        self.setAccessibleName(self.tr("Addenda"))
        self.intro = QLabel(self)
        self.intro.setWordWrap(True)
        self.intro.setAccessibleName(self.tr("About addenda"))
        self.add_button = QPushButton(self.tr("&Add addendum\u2026"), self)
        self.add_button.setAccessibleName(self.tr("Add an addendum to the signed-off minutes"))
        self.add_button.setToolTip(self.tr("Add addendum (Ctrl+Shift+N)"))
        self.regenerate_button = QPushButton(self.tr("&Regenerate minutes\u2026"), self)
        self.regenerate_button.setAccessibleName(self.tr("Regenerate the minutes with the addenda"))
        self.regenerate_button.setToolTip(self.tr(
            "Generate the full record and each agency's copy again, with every addendum (Ctrl+Shift+G)"))
        self.list_label = QLabel(self.tr("<b>Addenda to the signed-off minutes</b>"), self)
        self.model = AddendaModel(self)
        self.view = QListView(self)
        self.view.setModel(self.model)
        self.view.setAccessibleName(self.tr("Addenda to the signed-off minutes"))
        self.view.setWordWrap(True)
        self.view.setUniformItemSizes(False)
        self.view.setAlternatingRowColors(True)
        self.view.setSpacing(2)
        self.view.setResizeMode(QListView.ResizeMode.Adjust)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.list_label.setBuddy(self.view)
        self.empty_label = QLabel(self.tr("No addenda yet."), self)
        self.empty_label.setAccessibleName(self.tr("No addenda yet"))
        self.notice = QLabel(self)
        self.notice.setWordWrap(True)
        self.notice.setAccessibleName(self.tr("Minutes to regenerate"))
        self.notice.setStyleSheet("QLabel { background: #e8f0fe; color: #0b2a5b; padding: 0.4em; }")
        self.notice.hide()
        buttons = QHBoxLayout()
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.regenerate_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addLayout(buttons)
        layout.addWidget(self.notice)
        layout.addWidget(self.list_label)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.empty_label)
        self.add_button.clicked.connect(lambda: host.add_addendum())
        self.regenerate_button.clicked.connect(lambda: host.generate_minutes())
        self.set_allowed(False, False)

    def show_meeting(self, meeting: Meeting) -> None:
        self.model.set_meeting(meeting)
        self.empty_label.setVisible(not meeting.addenda)
        if meeting.status.is_locked:
            # Who signed off and when is in the banner above the page.
            self.intro.setText(self.tr(
                "Information learned, or corrections made, after sign-off are added here as numbered, "
                "dated addenda. An addendum cannot be changed once saved; every copy of the minutes "
                "generated afterwards includes it."))
        else:
            self.intro.setText(self.tr("Addenda can be added once the minutes are signed off."))

    def set_allowed(self, add: bool, regenerate: bool) -> None:
        """What this user may do here now (the host knows the role and the record's state)."""
        self.add_button.setEnabled(add)
        self.add_button.setVisible(add)
        self.regenerate_button.setEnabled(regenerate)

    def show_added(self, number: int) -> None:
        self.notice.setText(self.tr(
            "Addendum {0} is saved. Copies of the minutes generated before it do not include it: "
            "regenerate the minutes to make (and sign) a version that does.").format(number))
        self.notice.show()
        row = next((n for n, a in enumerate(self.model.addenda) if a.number == number), -1)
        if row >= 0:
            self.view.scrollTo(self.model.index(row))

    def copies_regenerated(self) -> None:
        self.notice.hide()

    def clear(self) -> None:
        self.model.clear()
        self.intro.clear()
        self.notice.clear()
        self.notice.hide()

    def set_read_only(self, read_only: bool, contributions_allowed: bool = False) -> None:
        pass  # the record is read only here anyway; adding is governed by set_allowed
