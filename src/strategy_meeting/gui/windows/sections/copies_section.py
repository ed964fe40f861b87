# SPDX-License-Identifier: LicenseRef-Proprietary
# Copyright (c) 2026 Strategy Meeting contributors
"""Sign-off and minutes: what each agency's copy withholds (before anything is sent), the
sharing log (issue 14: every choice to share or withhold an item, and why), and the copies
generated, to preview inside the app or open in the system viewer."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSplitter,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from strategy_meeting.domain.meeting import Meeting
from strategy_meeting.gui.minutes_calls import GeneratedCopy
from strategy_meeting.gui.models.copy_matrix import CopyMatrixModel
from strategy_meeting.gui.widgets.sharing_log_view import SharingLogView

from .base import Section

COPY_ROLE = Qt.ItemDataRole.UserRole + 1


def copy_title(copy: GeneratedCopy) -> str:
    if copy.recipient == "full":
        return QCoreApplication.translate("CopiesSection", "Full record")
    if copy.recipient == "family":
        # Saved for the chair to give or send: never e-mailed by the app (issue 14).
        return QCoreApplication.translate("CopiesSection", "Family's copy (to give or send yourself)")
    return QCoreApplication.translate("CopiesSection", "{0} copy").format(copy.recipient)


class CopiesSection(Section):
    key = "copies"
    title = QT_TRANSLATE_NOOP("CopiesSection", "Sign-off and copies")

    def __init__(self, host: Any, parent: QWidget | None = None) -> None:
        super().__init__(host, parent)
        self.status_label = QLabel(self)
        self.status_label.setWordWrap(True)
        self.status_label.setAccessibleName(self.tr("Minutes status"))
        self.sign_off_button = QPushButton(self.tr("&Sign off\u2026"), self)
        self.sign_off_button.setAccessibleName(self.tr("Sign off the minutes"))
        self.generate_button = QPushButton(self.tr("Ge&nerate minutes\u2026"), self)
        self.generate_button.setAccessibleName(self.tr("Generate the full record and agency copies"))
        self.sign_check = QCheckBox(self.tr("Sign the &copies with my signing identity"), self)
        self.sign_check.setAccessibleName(self.tr("Sign the copies with my signing identity"))
        self.sign_check.setToolTip(self.tr("Only signed-off minutes are signed; drafts say DRAFT on every page."))
        self.sign_check.setEnabled(False)
        # The status on a line of its own: beside the buttons it was squeezed to a word a line
        # ("Signed off / by Alex / Example ...", seen under X11 at 1600x1000).
        top = QHBoxLayout()
        top.addStretch(1)
        top.addWidget(self.sign_off_button)
        top.addWidget(self.sign_check)
        top.addWidget(self.generate_button)

        # Made before the pages it holds, so Tab reaches the tabs before what is on them.
        self.upper_tabs = QTabWidget(self)
        self.upper_tabs.setAccessibleName(self.tr("What each copy withholds, and the sharing log"))
        self.upper_tabs.tabBar().setAccessibleName(self.tr("Copies or sharing log"))
        matrix_box = QWidget(self)
        self.matrix_label = QLabel(self.tr("<b>What each agency's copy withholds</b>"), matrix_box)
        self.model = CopyMatrixModel(self)
        self.matrix = QTableView(matrix_box)
        self.matrix.setModel(self.model)
        self.matrix.setAccessibleName(self.tr("What each agency's copy withholds"))
        self.matrix.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.matrix.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectItems)
        self.matrix.verticalHeader().hide()
        # Rows grow to hold a wrapped cell ("2 relied-on withheld" in a narrow column):
        # cut short, it lost the word that says what the copy does with the decision.
        self.matrix.setWordWrap(True)
        self.matrix.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.matrix_label.setBuddy(self.matrix)
        self.summary = QLabel(matrix_box)
        self.summary.setWordWrap(True)
        self.summary.setAccessibleName(self.tr("Summary of what each copy withholds"))
        box = QVBoxLayout(matrix_box)
        box.setContentsMargins(0, 0, 0, 0)
        box.addWidget(self.matrix_label)
        box.addWidget(self.matrix, 1)
        box.addWidget(self.summary)

        self.sharing_log = SharingLogView(self)

        files_box = QWidget(self)
        self.files_label = QLabel(self.tr("<b>Generated copies</b>"), files_box)
        self.files = QListWidget(files_box)
        self.files.setAccessibleName(self.tr("Generated copies"))
        self.files_label.setBuddy(self.files)
        self.preview_button = QPushButton(self.tr("&Preview"), files_box)
        self.preview_button.setAccessibleName(self.tr("Preview the selected copy"))
        self.open_button = QPushButton(self.tr("Open in s&ystem viewer"), files_box)
        self.open_button.setAccessibleName(self.tr("Open the selected copy in the system viewer"))
        buttons = QHBoxLayout()
        buttons.addWidget(self.preview_button)
        buttons.addWidget(self.open_button)
        buttons.addStretch(1)
        fbox = QVBoxLayout(files_box)
        fbox.setContentsMargins(0, 0, 0, 0)
        fbox.addWidget(self.files_label)
        fbox.addWidget(self.files, 1)
        fbox.addLayout(buttons)

        self.upper_tabs.addTab(matrix_box, self.tr("What each copy withholds"))
        self.upper_tabs.addTab(self.sharing_log, self.tr("Sharing log"))
        self._log_for: Meeting | None = None  # the meeting whose log is still to be read
        self.upper_tabs.currentChanged.connect(lambda _i: self._load_log_if_shown())

        splitter = QSplitter(Qt.Orientation.Vertical, self)
        splitter.setChildrenCollapsible(False)
        splitter.addWidget(self.upper_tabs)
        splitter.addWidget(files_box)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.status_label)
        layout.addLayout(top)
        layout.addWidget(splitter, 1)

        self.sign_off_button.clicked.connect(lambda: host.sign_off())
        self.generate_button.clicked.connect(lambda: host.generate_minutes())
        self.preview_button.clicked.connect(self._preview)
        self.open_button.clicked.connect(self._open)
        self.files.itemActivated.connect(lambda _i: self._preview())
        self.files.currentRowChanged.connect(lambda _r: self._sync_buttons())
        self.generated: list[GeneratedCopy] = []
        self._listed = False  # the copies made before this window opened have been asked for
        self._sync_buttons()

    def show_meeting(self, meeting: Meeting) -> None:
        if not self._listed and not self.generated:
            # Copies made earlier, in this window's life or before a restart (issue 19).
            self._listed = True
            self.show_generated(self.host.stored_copies())
        self.model.set_meeting(meeting)
        header = self.matrix.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Interactive)
        self.matrix.resizeColumnToContents(0)
        limit = self.matrix.fontMetrics().horizontalAdvance("M") * 26
        header.resizeSection(0, min(header.sectionSize(0), limit))
        self.summary.setText("\n".join(self.model.summary) or self.tr("No agencies are listed yet."))
        self._log_for = meeting  # read when its tab is shown, not on every redraw of the section
        self._load_log_if_shown()
        if meeting.sign_off is not None:
            so = meeting.sign_off
            text = self.tr("Signed off by {0} on {1}.").format(
                so.signed_off_by, so.signed_off_at.astimezone().strftime("%d/%m/%Y %H:%M"))
            if meeting.addenda:
                # The minutes number their version as the sign-off plus one per addendum.
                text += " " + self.tr("With {0} addendum(s) since: copies generated now are version {1}.").format(
                    len(meeting.addenda), so.version + len(meeting.addenda))
            self.status_label.setText(text)
        else:
            self.status_label.setText(
                self.tr("Status: {0}. Copies generated now say DRAFT.").format(meeting.status.label))
        self.sign_off_button.setEnabled(not meeting.status.is_locked)
        if self.sign_check.isEnabled() != meeting.status.is_locked:
            self.sign_check.setEnabled(meeting.status.is_locked)
            self.sign_check.setChecked(meeting.status.is_locked)

    def wants_signature(self) -> bool:
        return self.sign_check.isEnabled() and self.sign_check.isChecked()

    def _load_log_if_shown(self) -> None:
        """The sharing log is a query of its own: made when its tab is current."""
        state = getattr(self.host, "state", None)
        if (self._log_for is None or self.upper_tabs.currentWidget() is not self.sharing_log
                or state is None or state.is_locked):
            return
        meeting, self._log_for = self._log_for, None
        self.sharing_log.load(state.ctx, state.actor, meeting)

    def show_generated(self, copies: list[GeneratedCopy]) -> None:
        self.generated = list(copies)
        self.files.clear()
        for copy in self.generated:
            text = f"{copy_title(copy)} \u2014 {copy.name}"
            if copy.made_at is not None:
                text += " " + self.tr("(made {0})").format(copy.made_at.astimezone().strftime("%d/%m/%Y %H:%M"))
            if copy.path is None:
                text += " " + self.tr("\u2014 its folder was not recorded")
                tip = self.tr("Made by an earlier version, which did not record the folder.")
            elif not copy.on_disk():
                text += " " + self.tr("\u2014 no longer in its folder")
                tip = self.tr("Not found at {0}: it was moved or deleted.").format(copy.path)
            else:
                tip = str(copy.path)
            item = QListWidgetItem(text)
            item.setData(COPY_ROLE, copy)
            item.setToolTip(tip)
            item.setData(Qt.ItemDataRole.AccessibleDescriptionRole, tip)
            self.files.addItem(item)
        if self.generated:
            self.files.setCurrentRow(0)
        self._sync_buttons()

    def selected_copy(self) -> GeneratedCopy | None:
        item = self.files.currentItem()
        return item.data(COPY_ROLE) if item is not None else None

    def _sync_buttons(self) -> None:
        copy = self.selected_copy()
        has = copy is not None and copy.on_disk()
        self.preview_button.setEnabled(has)
        self.open_button.setEnabled(has)

    def _preview(self) -> None:
        copy = self.selected_copy()
        if copy is not None and copy.on_disk():
            self.host.preview_copy(copy)

    def _open(self) -> None:
        copy = self.selected_copy()
        if copy is not None and copy.on_disk():
            self.host.open_copy(copy)

    def clear(self) -> None:
        self.model.clear()
        self.sharing_log.clear()
        self._log_for = None
        self.summary.clear()
        self.status_label.clear()
        self.sign_check.setEnabled(False)
        self.sign_check.setChecked(False)
        self.generated = []
        self._listed = False  # listed again from the store when the record is shown again
        self.files.clear()
        self._sync_buttons()

    def set_read_only(self, read_only: bool, contributions_allowed: bool = False) -> None:
        pass
