# SPDX-License-Identifier: LicenseRef-Proprietary
# Copyright (c) 2026 Strategy Meeting contributors
"""Settings and administration: one tab per page, pages listed in one place (Picard's
options registry). A page whose service is not part of this build is left out."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QDialogButtonBox, QLabel, QTabWidget, QVBoxLayout, QWidget

from strategy_meeting.domain.roles import needs_text

from strategy_meeting.gui.app_state import AppState
from strategy_meeting.gui.style import apply_style
from strategy_meeting.gui.dialogs.lock_aware import PagesDialog
from strategy_meeting.gui.dialogs.settings_agencies_page import AgenciesPage
from strategy_meeting.gui.dialogs.settings_backup_page import BackupPage
from strategy_meeting.gui.dialogs.settings_checks_page import LocalChecksPage
from strategy_meeting.gui.dialogs.settings_identities_page import IdentitiesPage
from strategy_meeting.gui.dialogs.settings_mail_page import MailServerPage
from strategy_meeting.gui.dialogs.settings_page import SettingsPage
from strategy_meeting.gui.dialogs.settings_security_page import SecurityPage
from strategy_meeting.gui.dialogs.settings_users_page import UsersPage

# The pages, one module each, in the order of the tabs.
PAGES: list[type[SettingsPage]] = [AgenciesPage, UsersPage, IdentitiesPage, SecurityPage, LocalChecksPage,
                                   MailServerPage, BackupPage]


class SettingsDialog(PagesDialog):
    def __init__(self, state: AppState, parent: QWidget | None = None) -> None:
        super().__init__(state, parent)
        apply_style(self)  # the emphasis styles for this subtree (gui/style.py)
        self.setWindowTitle(self.tr("Settings and administration"))
        self.resize(820, 560)
        layout = QVBoxLayout(self)
        self.tabs = QTabWidget()
        self.tabs.setAccessibleName(self.tr("Settings pages"))
        self.pages: list[SettingsPage] = []
        # A page this role may not use is shown, disabled, with the reason (issue 19): a chair
        # must see that users are managed here, by someone else, not find nothing.
        self.closed_pages: dict[str, str] = {}
        for page_class in PAGES:
            if page_class.available(state):
                page = page_class(state)
                page.feedback.connect(self.show_feedback)
                self.pages.append(page)
                self.tabs.addTab(page, page.tab_title())
            else:
                title = QCoreApplication.translate(page_class.__name__, page_class.title)
                why = page_class.unavailable_reason(state) or needs_text(page_class.permission)
                reason = self.tr("{0}: {1}").format(title, why)
                placeholder = QLabel(reason)
                placeholder.setWordWrap(True)
                index = self.tabs.addTab(placeholder, title)
                self.tabs.setTabEnabled(index, False)
                self.tabs.setTabToolTip(index, reason)
                self.closed_pages[page_class.__name__] = reason
        layout.addWidget(self.tabs)
        self.closed_note = QLabel(" ".join(self.closed_pages.values()))
        self.closed_note.setObjectName("hint")
        self.closed_note.setWordWrap(True)
        self.closed_note.setAccessibleName(self.tr("Pages you cannot use, and why"))
        self.closed_note.setVisible(bool(self.closed_pages))
        layout.addWidget(self.closed_note)
        self.status = QLabel("")
        self.status.setObjectName("hint")
        self.status.setWordWrap(True)
        self.status.setAccessibleName(self.tr("What was last saved"))
        layout.addWidget(self.status)
        # Opens on the first page this role can use, not on a disabled one.
        first = next((i for i in range(self.tabs.count()) if self.tabs.isTabEnabled(i)), 0)
        self.tabs.setCurrentIndex(first)
        self.tabs.currentChanged.connect(lambda _i: self.status.clear())
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.follow_the_lock()

    def show_feedback(self, text: str) -> None:
        from datetime import datetime

        self.status.setText(self.tr("{0} ({1})").format(text, datetime.now().strftime("%H:%M:%S")))
        self.status.setAccessibleDescription(text)

    def page(self, name: str) -> SettingsPage:
        return next(p for p in self.pages if type(p).__name__ == name)
