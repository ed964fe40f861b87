# SPDX-License-Identifier: LicenseRef-Proprietary
# Copyright (c) 2026 Strategy Meeting contributors
"""The main window: menus, the home screen (dashboard over the meetings list) and the
actions tracker. While locked it shows the unlock screen and holds no record data."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QLabel, QMainWindow, QMessageBox, QSplitter, QTabWidget, QVBoxLayout, QWidget

from strategy_meeting.domain.roles import Permission, allowed, may_administer, may_govern
from strategy_meeting.gui.app_state import AppState
from strategy_meeting.gui.backup_menu import add_backup_action, add_restore_action
from strategy_meeting.gui import ops
from strategy_meeting.gui.after_paint import call_after_paint
from strategy_meeting.gui.widgets.damage_banner import DamageBanner
from strategy_meeting.gui.widgets.locked_placeholder import LockableStack, OpeningPlaceholder
from strategy_meeting.gui.windows import workspace_launcher
from strategy_meeting.gui.windows.meetings_pane import MeetingsPane
from strategy_meeting.services import team_server

if TYPE_CHECKING:
    from strategy_meeting.gui.dialogs.check_copy_dialog import CheckCopyDialog
    from strategy_meeting.gui.dialogs.governance_dialog import GovernanceDialog
    from strategy_meeting.gui.dialogs.identity_dialog import IdentityDialog
    from strategy_meeting.gui.dialogs.settings_dialog import SettingsDialog
    from strategy_meeting.gui.widgets.unlock_panel import UnlockPanel
    from strategy_meeting.gui.windows.actions_tracker import ActionsTracker
    from strategy_meeting.gui.windows.dashboard import DashboardPanel
    from strategy_meeting.services.quick_start import ListPreview

HOME_TAB, ACTIONS_TAB = 0, 1


class MainWindow(QMainWindow):
    lock_requested = Signal()
    # A restored backup opens as the unlock screen's answer would: (ctx, actor).
    restored = Signal(object, object)

    def __init__(self, state: AppState, unlock_panel: UnlockPanel | None, parent: QWidget | None = None) -> None:
        """Without ``unlock_panel`` (a remembered store opening at start-up) the locked
        window says the record is opening until ``set_unlock_panel`` gives it the screen."""
        super().__init__(parent)
        self.state = state
        self.setWindowTitle(self.tr("Strategy Meeting"))
        self.resize(1280, 800)
        self.unlock_panel = unlock_panel

        self.meetings = MeetingsPane(state)
        # The dashboard and the tracker are built just after the list's first paint (or when
        # first asked for): start-up shows the list without waiting for them. Until then
        # an empty place of the same size keeps the list where it will stay.
        self._dashboard: DashboardPanel | None = None
        self._actions_tracker: ActionsTracker | None = None
        self.home = QSplitter(Qt.Orientation.Vertical)
        self.home.setObjectName("homeSplitter")
        self.home.addWidget(QWidget())
        self.home.addWidget(self.meetings)
        self.home.setStretchFactor(0, 0)
        self.home.setStretchFactor(1, 1)
        self.home.setChildrenCollapsible(False)
        self.home.setSizes([250, 550])
        self._tracker_page = QWidget()
        QVBoxLayout(self._tracker_page).setContentsMargins(0, 0, 0, 0)
        self.tabs = QTabWidget()
        self.tabs.setAccessibleName(self.tr("Main screens"))
        self.tabs.setDocumentMode(True)
        self.tabs.addTab(self.home, self.tr("Hom&e"))
        self.tabs.addTab(self._tracker_page, self.tr("&Actions tracker"))
        self.damage_banner = DamageBanner(lambda: self.restore_action.trigger())
        record = QWidget()
        column = QVBoxLayout(record)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(0)
        column.addWidget(self.damage_banner)
        column.addWidget(self.tabs, 1)
        self.stack = LockableStack(state, record, unlock_panel or OpeningPlaceholder())
        self.setCentralWidget(self.stack)
        self.user_label = QLabel()
        self.user_label.setAccessibleName(self.tr("Signed in as"))
        self.statusBar().addPermanentWidget(self.user_label)

        self.tabs.currentChanged.connect(self._tab_changed)
        self._preview_user: str | None = None  # whose list a start-up preview shows
        self._build_menus()
        ops.notices().store_damaged.connect(self._store_damaged)
        state.locked.connect(self._on_locked)
        state.unlocked.connect(self._on_unlocked)
        if state.is_locked:
            self._on_locked()
        # Built once the list has painted (or a second after start while the unlock screen
        # waits for the passphrase): never between the first screen and the list's rows.
        call_after_paint(self.meetings.table.viewport(), self._build_panels)

    # ---- the panels built after the first paint -------------------------------------

    @property
    def dashboard(self) -> DashboardPanel:
        self._build_panels()
        assert self._dashboard is not None
        return self._dashboard

    @property
    def actions_tracker(self) -> ActionsTracker:
        self._build_panels()
        assert self._actions_tracker is not None
        return self._actions_tracker

    def _build_panels(self) -> None:
        if self._dashboard is not None:
            return
        from strategy_meeting.gui.windows.actions_tracker import ActionsTracker
        from strategy_meeting.gui.windows.dashboard import DashboardPanel

        state = self.state
        self._dashboard = DashboardPanel(state)
        self._actions_tracker = ActionsTracker(state)
        sizes = self.home.sizes()
        self.home.replaceWidget(0, self._dashboard).deleteLater()
        self.home.setSizes(sizes)
        _tab_before(self._dashboard, self.meetings)  # Tab follows the screen, top to bottom
        layout = self._tracker_page.layout()
        assert layout is not None
        layout.addWidget(self._actions_tracker)
        self._tracker_page.setFocusProxy(self._actions_tracker)
        self._dashboard.open_meeting.connect(lambda ref: workspace_launcher.open_workspace(state, ref))
        self._dashboard.show_actions.connect(lambda: self.tabs.setCurrentIndex(ACTIONS_TAB))
        self._actions_tracker.open_meeting.connect(lambda ref: workspace_launcher.open_workspace(state, ref))
        # No refresh here: whatever fills them (the unlock's refresh) asks for them by name,
        # which builds them first.

    # ---- menus ----------------------------------------------------------------------

    def _action(self, text: str, shortcut: QKeySequence | str | None, slot, menu, *,  # type: ignore[no-untyped-def]
                record: bool = True) -> QAction:
        action = QAction(self.tr(text), self)
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
        action.triggered.connect(lambda _checked=False: slot())
        menu.addAction(action)
        if record:
            self._record_actions.append(action)
        return action

    def _build_menus(self) -> None:
        self._record_actions: list[QAction] = []
        bar = self.menuBar()
        file_menu = bar.addMenu(self.tr("&File"))
        self.new_action = self._action("&New meeting…", "Ctrl+N", self.meetings.new_meeting,
                                       file_menu)
        self.open_action = self._action("&Open meeting", "Ctrl+O", self.meetings.open_selected,
                                        file_menu)
        self.reconvene_action = self._action("&Duplicate as reconvened meeting…", "Ctrl+Shift+D",
                                             self.meetings.reconvene_selected, file_menu)
        file_menu.addSeparator()
        self.backup_action = add_backup_action(file_menu, self.state, self)
        self.restore_action = add_restore_action(file_menu, self.state, self, lock=self.lock_requested.emit,
                                                 on_restored=self.restored.emit)
        file_menu.addSeparator()
        # Ctrl+L works in every window because each window of the session answers it itself
        # (a meeting window has its own Lock, a modal dialog its own shortcut: lock_aware), not
        # through one application-wide claim: a second session's window (or a second claim)
        # made Qt find the key ambiguous and do nothing, leaving the record on screen.
        self.lock_action = self._action("&Lock", "Ctrl+L", self.lock_requested.emit, file_menu)
        self.quit_action = self._action("&Quit", "Ctrl+Q", self._quit, file_menu, record=False)  # Windows has no standard
        self.quit_action.setShortcutContext(Qt.ShortcutContext.ApplicationShortcut)

        view_menu = bar.addMenu(self.tr("&View"))
        self.find_action = self._action("&Find meetings", "Ctrl+F", self._find, view_menu)
        self.refresh_action = self._action("&Refresh", "F5", self.refresh, view_menu)
        view_menu.addSeparator()
        self.home_action = self._action("&Home", "Ctrl+1", lambda: self.tabs.setCurrentIndex(HOME_TAB), view_menu)
        self.tracker_action = self._action("&Actions tracker", "Ctrl+2",
                                           lambda: self.tabs.setCurrentIndex(ACTIONS_TAB), view_menu)

        tools_menu = bar.addMenu(self.tr("&Tools"))
        self.settings_action = self._action("&Settings and administration…", "Ctrl+,", self.open_settings,
                                            tools_menu)
        self.identity_action = self._action("My signing &identity…", None, self.open_identity, tools_menu)
        # Shown to every role, off with the reason for those that answer for no record
        # (issue 16): a chair learns where retention and subject access are handled.
        self.governance_action = self._action("&Records governance…", "Ctrl+Shift+R", self.open_governance,
                                              tools_menu)
        tools_menu.setToolTipsVisible(True)  # the reason it is off, where the pointer is
        # Needs no store: a copy handed back can be checked while the record is locked.
        self.check_copy_action = self._action("&Check a signed copy…", "Ctrl+Shift+V", self.check_copy,
                                              tools_menu, record=False)
        help_menu = bar.addMenu(self.tr("&Help"))
        self._action("&About Strategy Meeting", None, self._about, help_menu, record=False)

    def _quit(self) -> None:
        from PySide6.QtWidgets import QApplication

        QApplication.closeAllWindows()
        QApplication.quit()

    def _about(self) -> None:
        QMessageBox.about(self, self.tr("About Strategy Meeting"), self.tr(
            "Strategy Meeting records multi-agency child-protection strategy discussions, keeps the record "
            "encrypted on this computer, and sends each agency the signed copy it may see."))

    def _find(self) -> None:
        self.tabs.setCurrentIndex(HOME_TAB)
        self.meetings.focus_search()

    # ---- lock and unlock ------------------------------------------------------------

    def _store_damaged(self, detail: str) -> None:
        if not self.state.is_locked:
            self.damage_banner.show_damage(detail)

    def _on_locked(self) -> None:
        self.damage_banner.clear()  # the next session finds out for itself
        self.meetings.clear()
        if self._dashboard is not None and self._actions_tracker is not None:
            self._dashboard.clear()
            self._actions_tracker.clear()
        self.user_label.clear()
        for action in self._record_actions:
            action.setEnabled(False)
        if self.unlock_panel is None:
            self.lock_action.setEnabled(True)  # Ctrl+L while opening: ask for the passphrase
        else:
            self.unlock_panel.prepare()

    def set_unlock_panel(self, panel: UnlockPanel) -> None:
        """The unlock screen, from now on shown whenever the record is locked."""
        self.unlock_panel = panel
        self.stack.set_placeholder(panel)
        if self.state.is_locked:
            self.lock_action.setEnabled(self.is_previewing)
            panel.prepare()

    def _on_unlocked(self) -> None:
        self.statusBar().clearMessage()
        actor = self.state.actor
        server = team_server.server_name(self.state.ctx)
        self.user_label.setText(
            self.tr("Signed in as {0} ({1}) on team server {2}").format(actor.label, actor.role.label, server)
            if server else self.tr("Signed in as {0} ({1})").format(actor.label, actor.role.label))
        for action in self._record_actions:
            action.setEnabled(True)
        # Whether the window is offered is the role's rule (domain/roles.py); the pages load
        # when it is opened, not on the way to the list.
        can_admin = may_administer(actor.role)
        self.settings_action.setEnabled(can_admin)
        self.settings_action.setVisible(can_admin)
        self.new_action.setEnabled(allowed(actor.role, Permission.CREATE_MEETING))
        self.reconvene_action.setEnabled(allowed(actor.role, Permission.CREATE_MEETING))
        governs = may_govern(actor.role)
        self.governance_action.setEnabled(governs)
        self.governance_action.setStatusTip(
            self.tr("Retention, legal holds, erasure and subject access requests") if governs else
            self.tr("Records governance is for an administrator or the information-governance lead; "
                    "the role {0} does not include it.").format(actor.role.label))
        self.governance_action.setToolTip(self.governance_action.statusTip())
        signs = allowed(actor.role, Permission.MANAGE_IDENTITIES)
        self.identity_action.setEnabled(signs)
        self.identity_action.setVisible(signs)
        # After a start-up preview the rows are already on screen: the full list can come
        # from the worker like any later search, leaving this thread free to answer the user.
        # A preview read for someone else (a passphrase typed before it arrived unlocked
        # another account) goes at once: its rows may not be this user's to see.
        keep_preview = self.meetings.model.is_preview and self._preview_user == actor.name
        self._preview_user = None
        self.refresh(first=not keep_preview)

    def show_preview(self, preview: ListPreview) -> bool:
        """The newest page of the list, read while the store finishes opening (a remembered
        store at start-up). Read only: every record action stays off until unlocked. False
        if it could not be shown (already unlocked, or the filters were changed)."""
        if not self.state.is_locked or not self.meetings.show_preview(preview.total, preview.rows):
            return False
        self._preview_user = preview.actor.name
        self.tabs.setCurrentIndex(HOME_TAB)
        self.stack.show_content()
        self.statusBar().showMessage(self.tr("Opening the store…"))
        self.lock_action.setEnabled(True)  # rows are on screen: Ctrl+L must hide them
        return True

    @property
    def is_previewing(self) -> bool:
        return self.state.is_locked and self.meetings.model.is_preview

    def end_preview(self) -> None:
        """The full open did not happen (a stale keyring entry): back to the unlock screen."""
        self.statusBar().clearMessage()
        if self.state.is_locked:
            self.meetings.clear()
            self.stack.show_locked()
            self.lock_action.setEnabled(False)

    def refresh(self, first: bool = False) -> None:
        if self.state.is_locked:
            return
        if first:
            # The first page of the list on this thread, so the window opens showing rows;
            # the dashboard and tracker follow once that has painted, so their worker never
            # competes with that paint for the interpreter.
            self.meetings.refresh_now()
            call_after_paint(self.meetings.table.viewport(), self._refresh_panels)
        else:
            self.meetings.refresh()
            self._refresh_panels()

    def _refresh_panels(self) -> None:
        self.dashboard.refresh()
        self.actions_tracker.refresh()

    def _tab_changed(self, index: int) -> None:
        if index == ACTIONS_TAB:
            self.actions_tracker.table.setFocus()

    def open_settings(self) -> SettingsDialog | None:
        if self.state.is_locked or not self.settings_action.isEnabled():
            return None
        from strategy_meeting.gui.dialogs.settings_dialog import SettingsDialog

        dialog = SettingsDialog(self.state, self)
        dialog.open()
        self.last_dialog = dialog
        return dialog

    def open_governance(self) -> GovernanceDialog | None:
        if self.state.is_locked or not self.governance_action.isEnabled():
            return None
        from strategy_meeting.gui.dialogs.governance_dialog import GovernanceDialog

        dialog = GovernanceDialog(self.state, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        self.last_dialog = dialog
        return dialog

    def open_identity(self) -> IdentityDialog | None:
        if self.state.is_locked or not self.identity_action.isEnabled():
            return None
        from strategy_meeting.gui.dialogs.identity_dialog import IdentityDialog

        dialog = IdentityDialog(self.state, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        self.last_dialog = dialog
        return dialog

    def check_copy(self) -> CheckCopyDialog:
        from strategy_meeting.gui.dialogs.check_copy_dialog import CheckCopyDialog

        dialog = CheckCopyDialog(self.state, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        self.last_dialog = dialog
        return dialog

    def closeEvent(self, event) -> None:  # type: ignore[no-untyped-def]  # noqa: N802
        workspace_launcher.close_all()
        super().closeEvent(event)


def _tab_before(panel: QWidget, below: QWidget) -> None:
    """Put ``panel``'s focusable widgets just before ``below``'s in the Tab order. A widget
    added to a window after it was built joins the end of the window's Tab order."""
    widgets: list[QWidget] = []
    w = panel.nextInFocusChain()
    while panel.isAncestorOf(w):
        if w.focusPolicy() & Qt.FocusPolicy.TabFocus:
            widgets.append(w)
        w = w.nextInFocusChain()
    anchor = below.previousInFocusChain()  # what Tab reached just before ``below`` until now
    while not anchor.focusPolicy() & Qt.FocusPolicy.TabFocus or panel.isAncestorOf(anchor):
        if anchor is below:
            return  # nothing before it takes focus: the order is left as it is
        anchor = anchor.previousInFocusChain()
    for w in widgets:
        QWidget.setTabOrder(anchor, w)
        anchor = w
